"""Does personality earn its place in the PELD transition? Tests run on the training split only.

``affect train transition`` calls :func:`personality_analysis` and writes its numbers to
``agent/models/transition/meta.json``; docs/appraisal.md discusses them. Three questions:

1. Is the response emotion associated with the speaker's personality at all, and does that
   survive conditioning on the preceding emotion? Pearson chi-square on the contingency table
   personality x Emotion_3, and the sum of the per-stratum chi-squares within each Emotion_1
   (a stratified test of conditional independence; Agresti, *Categorical Data Analysis*, 2013,
   sec. 6.4). PELD has one Big Five vector per character, so "personality" is a categorical key.
2. Does knowing the personality make the transition P(Emotion_3 | Emotion_1) more predictable?
   Grouped-CV log-loss of the pooled transition table against per-personality tables shrunk
   towards it (Dirichlet prior of strength ``alpha``, Laplace-smoothed pooled table).
3. Do personality terms help a regularised multinomial model (scikit-learn's
   LogisticRegression, L2) over [preceding label, context]? Variants: traits as a bias, and the
   PELD paper's form - personality (Mehrabian PAD) interacting with the preceding emotion and
   the context features - each compared with the model without them by a paired bootstrap over
   dialogues of the out-of-fold macro-F1. Also the paper's own target: grouped-CV R^2 of a ridge
   regression of delta-VAD = VAD(Emotion_3) - VAD(Emotion_1), without and with those terms.

:func:`paired_bootstrap_macro_f1` resamples whole dialogue groups (triples share utterances, so
rows are not independent; Efron & Tibshirani 1993, ch. 16 for the paired/clustered bootstrap)
and is the rule that decides whether the personality variant ships.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from appraisal.transition import personality_vad


def _macro_f1(counts: np.ndarray) -> np.ndarray:
    """``(..., 3, K)`` true-positive / false-positive / false-negative counts -> macro-F1."""
    tp, fp, fn = counts[..., 0, :], counts[..., 1, :], counts[..., 2, :]
    den = 2 * tp + fp + fn
    return np.where(den > 0, 2 * tp / np.maximum(den, 1), 0.0).mean(-1)  # sklearn's zero_division=0


def _group_counts(y: np.ndarray, pred: np.ndarray, inv: np.ndarray, n_groups: int, k: int
                  ) -> np.ndarray:
    c = np.zeros((n_groups, 3, k))
    hit = pred == y
    np.add.at(c, (inv[hit], 0, y[hit]), 1)
    np.add.at(c, (inv[~hit], 1, pred[~hit]), 1)
    np.add.at(c, (inv[~hit], 2, y[~hit]), 1)
    return c


def paired_bootstrap_macro_f1(
    y: np.ndarray, pred_a: np.ndarray, pred_b: np.ndarray, groups: np.ndarray, *, k: int,
    n: int = 2000, seed: int = 0,
) -> dict[str, Any]:
    """Macro-F1(a) - macro-F1(b) with a 95 % percentile CI, resampling whole groups.

    Per-group confusion counts are summed under bootstrap weights (multinomial counts of each
    group), so the macro-F1 of every resample is exact without re-indexing rows.
    """
    y, pred_a, pred_b = (np.asarray(v, dtype=int) for v in (y, pred_a, pred_b))
    _, inv = np.unique(groups, return_inverse=True)
    g = int(inv.max()) + 1
    ca, cb = (_group_counts(y, p, inv, g, k) for p in (pred_a, pred_b))
    rng = np.random.default_rng(seed)
    w = np.stack([np.bincount(rng.integers(0, g, g), minlength=g) for _ in range(n)]).astype(float)
    diff = _macro_f1(np.einsum("bg,gjk->bjk", w, ca)) - _macro_f1(np.einsum("bg,gjk->bjk", w, cb))
    lo, hi = np.percentile(diff, [2.5, 97.5])
    point = float(_macro_f1(ca.sum(0)) - _macro_f1(cb.sum(0)))
    return {"diff": round(point, 4), "ci95": [round(float(lo), 4), round(float(hi), 4)],
            "p_diff_le_0": round(float(np.mean(diff <= 0)), 4), "groups": g, "resamples": n}


def _keys(traits: np.ndarray) -> np.ndarray:
    _, key = np.unique(np.round(traits, 6), axis=0, return_inverse=True)
    return key.ravel()


def _chi2_tests(p: np.ndarray, e1: np.ndarray, y: np.ndarray, k: int) -> dict[str, Any]:
    from scipy.stats import chi2, chi2_contingency

    def table(mask: np.ndarray) -> np.ndarray:
        t = np.zeros((p.max() + 1, k))
        np.add.at(t, (p[mask], y[mask]), 1)
        return t[t.sum(1) > 0][:, t.sum(0) > 0]

    stat, pval, dof, _ = chi2_contingency(table(np.ones_like(y, dtype=bool)))
    s_stat = s_dof = 0.0
    for e in range(k):
        t = table(e1 == e)
        if min(t.shape) > 1:
            c, _, d, _ = chi2_contingency(t, correction=False)
            s_stat, s_dof = s_stat + c, s_dof + d
    return {"marginal": {"chi2": round(float(stat), 1), "dof": int(dof), "p": float(f"{pval:.3g}")},
            "given_emotion_1": {"chi2": round(float(s_stat), 1), "dof": int(s_dof),
                                "p": float(f"{chi2.sf(s_stat, s_dof):.3g}")}}


def _transition_logloss(p: np.ndarray, e1: np.ndarray, y: np.ndarray, k: int,
                        folds: Sequence[tuple[np.ndarray, np.ndarray]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for alpha in (10.0, 30.0, 100.0, 300.0):
        pooled_ll = per_ll = 0.0
        for a, b in folds:
            pooled = np.ones((k, k))
            np.add.at(pooled, (e1[a], y[a]), 1)
            pooled /= pooled.sum(1, keepdims=True)
            per = np.zeros((p.max() + 1, k, k))
            np.add.at(per, (p[a], e1[a], y[a]), 1)
            per = (per + alpha * pooled[None]) / (per.sum(2, keepdims=True) + alpha)
            pooled_ll += float(np.log(pooled[e1[b], y[b]]).sum())
            per_ll += float(np.log(per[p[b], e1[b], y[b]]).sum())
        out[f"alpha_{alpha:g}"] = round((per_ll - pooled_ll) / len(y), 4)
    return out


def _delta_vad_r2(x_without: np.ndarray, x_with: np.ndarray, delta: np.ndarray,
                  folds: Sequence[tuple[np.ndarray, np.ndarray]]) -> dict[str, float]:
    """Grouped-CV R^2 of a ridge regression of the paper's delta-VAD, without / with terms."""
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    total = float(((delta - delta.mean(0)) ** 2).sum())
    out: dict[str, float] = {}
    for name, x in (("without_personality", x_without), ("with_personality", x_with)):
        best = -np.inf
        for alpha in (1.0, 10.0, 100.0, 1000.0):
            sse = 0.0
            for a, b in folds:
                model = make_pipeline(StandardScaler(), Ridge(alpha=alpha)).fit(x[a], delta[a])
                sse += float(((model.predict(x[b]) - delta[b]) ** 2).sum())
            best = max(best, 1.0 - sse / total)
        out[name] = round(best, 4)
    return out


def _kron(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a[:, :, None] * b[:, None, :]).reshape(len(a), -1)


def personality_analysis(
    inputs: dict[str, np.ndarray], y: np.ndarray, groups: np.ndarray,
    folds: Sequence[tuple[np.ndarray, np.ndarray]], *, k: int, anchors: np.ndarray,
    cs: Sequence[float] = (0.001, 0.003, 0.01, 0.03),
) -> dict[str, Any]:
    """The tests above on one training split; every score is out-of-fold.

    ``anchors`` is the ``(k, 3)`` VAD of each label (for the delta-VAD regression).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pre, ctx, traits = inputs["preceding"], inputs["context"], inputs["traits"]
    e1, p = pre.argmax(1), _keys(traits)
    pad = personality_vad(traits)
    base = np.hstack([pre, ctx])
    variants = {
        "multinomial": base,
        "multinomial_traits_bias": np.hstack([base, traits - traits.mean(0)]),
        "multinomial_pad_x_preceding_context": np.hstack([base, pad, _kron(pad, pre),
                                                          _kron(pad, ctx)]),
    }
    # The paper's own quantity: the move in VAD from Emotion_1 to Emotion_3.
    delta = anchors[y] - inputs["preceding_vad"]
    r2 = _delta_vad_r2(base, variants["multinomial_pad_x_preceding_context"], delta, folds)
    one = np.zeros(len(y), dtype=int)
    oof: dict[str, np.ndarray] = {}
    models: dict[str, Any] = {}
    for name, x in variants.items():
        for c in cs:  # each variant gets its best L2 strength, so none loses by tuning
            pred = np.zeros(len(y), dtype=int)
            for a, b in folds:
                model = make_pipeline(StandardScaler(), LogisticRegression(
                    C=c, class_weight="balanced", max_iter=3000))
                pred[b] = model.fit(x[a], y[a]).predict(x[b])
            score = float(_macro_f1(_group_counts(y, pred, one, 1, k)[0]))
            if name not in models or score > models[name]["cv_macro_f1"]:
                models[name] = {"cv_macro_f1": round(score, 4), "C": c}
                oof[name] = pred
    for name in variants:
        if name != "multinomial":
            models[name]["vs_multinomial"] = paired_bootstrap_macro_f1(
                y, oof[name], oof["multinomial"], groups, k=k)
    return {"personalities": int(p.max() + 1),
            "chi2_personality_x_emotion_3": _chi2_tests(p, e1, y, k),
            "transition_table_logloss_gain_nats": _transition_logloss(p, e1, y, k, folds),
            "delta_vad_ridge_cv_r2": r2,
            "models": models}
