"""``affect train transition``: fit the PELD emotion-transition model on ../shared/data/peld.

Data: Dyadic_PELD.tsv (Wen et al. 2021; github.com/preke/PELD), triples (speaker 1, speaker 2,
speaker 1) with the emotions of the three turns and speaker 1's Big Five. The task is the
paper's: predict Emotion_3 from Emotion_1 (the preceding emotion), the text of turns 1 and 2,
and the personality.

Split: triples overlap (one dialogue yields many triples that share utterances), so a random
row split leaks text between train and test. Triples sharing an utterance of four or more words
are joined into one dialogue group (union-find); whole groups go to test with probability 0.2
under a fixed seed. Hyperparameters (weight decay) are chosen by 5-fold grouped CV inside the
train split only. Personality ships as default only if it earns its place: the 95 % CI of its
out-of-fold macro-F1 gain over the same model without it, bootstrapped over dialogues, must lie
above zero. The tests of ``transition_personality`` (also train-split only) go to meta.json.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.emotion_transition import LABELS, MODEL_DIR, encode
from agent.errors import AgentError
from agent.training.transition_personality import paired_bootstrap_macro_f1, personality_analysis
from appraisal import MELD
from appraisal.transition import TransitionWeights, transition

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "peld" / "Dyadic_PELD.tsv"
COLUMNS = ("Personality", "Utterance_1", "Utterance_2", "Emotion_1", "Emotion_3")
SEED = 13
TEST_FRACTION = 0.2
LINK_MIN_WORDS = 4


def read_peld(path: str | Path) -> list[dict[str, str]]:
    """Rows of a TSV in Dyadic_PELD's own columns; a folder means its Dyadic_PELD.tsv."""
    p = Path(path)
    if p.is_dir():
        p = next((c for c in (p / "Dyadic_PELD.tsv", p / "peld" / "Dyadic_PELD.tsv")
                  if c.is_file()), p / "Dyadic_PELD.tsv")
    if not p.is_file():
        raise AgentError(f"PELD data not found at {p}; pass --data path/to/Dyadic_PELD.tsv")
    with p.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    missing = [c for c in COLUMNS if not rows or c not in rows[0]]
    if missing:
        raise AgentError(f"{p} lacks the Dyadic_PELD columns {missing} (or has no rows)")
    return rows


def traits_of(rows: Sequence[dict[str, str]]) -> np.ndarray:
    try:
        out = np.array([json.loads(r["Personality"]) for r in rows], dtype=np.float64)
    except (ValueError, TypeError) as exc:
        raise AgentError("Personality must be a list of five numbers like [0.6, 0.4, ...]"
                         ) from exc
    if out.shape[1:] != (5,):
        raise AgentError("Personality must hold five numbers (O, C, E, A, N)")
    return out


def encode_rows(rows: Sequence[dict[str, str]]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Model inputs and gold Emotion_3 indices."""
    inputs = encode([r["Emotion_1"] for r in rows], [r["Utterance_1"] for r in rows],
                    [r["Utterance_2"] for r in rows], traits_of(rows))
    gold = [r["Emotion_3"] for r in rows]
    bad = sorted(set(gold) - set(LABELS))
    if bad:
        raise AgentError(f"unknown Emotion_3 labels {bad}; expected {list(LABELS)}")
    return inputs, np.array([LABELS.index(g) for g in gold])


def dialogue_groups(rows: Sequence[dict[str, str]]) -> np.ndarray:
    """A group id per triple: triples sharing a non-trivial utterance are one dialogue."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, r in enumerate(rows):
        for key in ("Utterance_1", "Utterance_2", "Utterance_3"):
            text = r.get(key, "").strip()
            if len(text.split()) < LINK_MIN_WORDS:
                continue  # "What?" or "Okay." would chain unrelated dialogues together
            if text in owner:
                parent[find(i)] = find(owner[text])
            else:
                owner[text] = i
    return np.array([find(i) for i in range(len(rows))])


def split(rows: Sequence[dict[str, str]], *, seed: int = SEED,
          test_fraction: float = TEST_FRACTION) -> tuple[np.ndarray, np.ndarray]:
    """Train and test row indices, by dialogue group, reproducible from ``seed``."""
    groups = dialogue_groups(rows)
    unique = np.unique(groups)
    n_test = int(test_fraction * len(unique))
    chosen = np.random.default_rng(seed).permutation(len(unique))[:n_test]
    test = np.isin(groups, unique[chosen])
    return np.where(~test)[0], np.where(test)[0]


def fit(inputs: dict[str, np.ndarray], y: np.ndarray, *, personality: bool,
        weight_decay: float, epochs: int = 300, seed: int = 0) -> TransitionWeights:
    """Full-batch Adam on class-weighted cross-entropy (macro-F1 cares for rare classes)."""
    try:
        import torch
    except ImportError as exc:
        raise AgentError('training needs torch: pip install "affective-agent[text]"') from exc
    torch.manual_seed(seed)
    t = {k: torch.tensor(v, dtype=torch.float32) for k, v in inputs.items()}
    k, d = len(LABELS), t["context"].shape[1]
    from appraisal import MELD
    from appraisal.personality import MEHRABIAN

    p = {"A": torch.zeros(3, d), "a0": torch.zeros(3), "W": torch.zeros(3, 3),
         "B": torch.zeros(k, k + d), "b": torch.zeros(k),
         "anchors": torch.tensor(np.array([MELD[x].as_array() for x in LABELS]),
                                 dtype=torch.float32),
         "scale": torch.ones(k)}
    for name, tensor in p.items():
        tensor.requires_grad_(personality or name != "W")
    pv = (2.0 * t["traits"] - 1.0) @ torch.tensor(MEHRABIAN, dtype=torch.float32).T
    x = torch.cat([t["preceding"], t["context"]], dim=1)
    counts = np.bincount(y, minlength=k)
    class_w = torch.tensor(len(y) / (k * np.maximum(counts, 1)), dtype=torch.float32)
    target_y = torch.tensor(y)
    opt = torch.optim.Adam([v for v in p.values() if v.requires_grad], lr=0.05)
    for _ in range(epochs):
        opt.zero_grad()
        delta = torch.tanh(t["context"] @ p["A"].T + p["a0"])
        vad = t["preceding_vad"] + delta * (1.0 + pv @ p["W"].T)
        logits = x @ p["B"].T + p["b"] - p["scale"] * (
            (vad[:, None, :] - p["anchors"][None]) ** 2).sum(-1)
        loss = torch.nn.functional.cross_entropy(logits, target_y, weight=class_w)
        loss = loss + weight_decay * sum((p[n] ** 2).sum() for n in ("A", "B", "W"))
        loss.backward()
        opt.step()
    arrays = {n: v.detach().numpy().astype(np.float64) for n, v in p.items()}
    return TransitionWeights(labels=LABELS, **arrays)


def macro_f1(y: np.ndarray, pred: np.ndarray, k: int = len(LABELS)) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, pred, labels=list(range(k)), average="macro", zero_division=0))


def _subset(inputs: dict[str, np.ndarray], idx: np.ndarray) -> dict[str, np.ndarray]:
    return {k: v[idx] for k, v in inputs.items()}


def group_folds(y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(5).split(y, groups=groups))


def cross_validate(inputs: dict[str, np.ndarray], y: np.ndarray,
                   folds: Sequence[tuple[np.ndarray, np.ndarray]], *, personality: bool,
                   weight_decay: float, epochs: int) -> tuple[list[float], np.ndarray]:
    """Per-fold macro-F1 and the out-of-fold predictions (for the paired bootstrap)."""
    scores, oof = [], np.zeros(len(y), dtype=int)
    for tr, va in folds:
        w = fit(_subset(inputs, tr), y[tr], personality=personality, weight_decay=weight_decay,
                epochs=epochs)
        oof[va] = transition(w, **_subset(inputs, va)).probabilities.argmax(1)
        scores.append(macro_f1(y[va], oof[va]))
    return scores, oof


@click.command("transition")
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="Dyadic_PELD.tsv (or its folder).")
@click.option("--out", type=click.Path(path_type=Path), default=MODEL_DIR, show_default=True)
@click.option("--epochs", default=300, show_default=True)
@click.option("--seed", default=SEED, show_default=True, help="Seed of the dialogue split.")
def train_transition(data: Path, out: Path, epochs: int, seed: int) -> None:
    """Fit the transition with and without personality; ship the one grouped CV prefers."""
    import torch

    torch.set_num_threads(1)
    rows = read_peld(data)
    train_idx, test_idx = split(rows, seed=seed)
    rows_train = [rows[i] for i in train_idx]
    inputs, y = encode_rows(rows_train)
    groups = dialogue_groups(rows_train)
    folds = group_folds(y, groups)
    report: dict[str, Any] = {"split": {"seed": seed, "test_fraction": TEST_FRACTION,
                                        "by": f"dialogue (triples sharing a >= {LINK_MIN_WORDS}"
                                              "-word utterance)",
                                        "train": len(train_idx), "test": len(test_idx)},
                              "cv": {}}
    out.mkdir(parents=True, exist_ok=True)
    oof: dict[str, np.ndarray] = {}
    for name, personality in (("with_personality", True), ("without_personality", False)):
        best: tuple[float, float, list[float], np.ndarray] | None = None
        for wd in (1e-3, 1e-2, 3e-2, 1e-1):
            scores, pred = cross_validate(inputs, y, folds, personality=personality,
                                          weight_decay=wd, epochs=epochs)
            click.echo(f"{name} weight_decay={wd:g}: CV macro-F1 {np.mean(scores):.4f} "
                       f"+/- {np.std(scores):.4f}")
            if best is None or np.mean(scores) > best[0]:
                best = (float(np.mean(scores)), wd, scores, pred)
        assert best is not None
        report["cv"][name] = {"macro_f1_mean": round(best[0], 4), "weight_decay": best[1],
                              "macro_f1_sd": round(float(np.std(best[2])), 4),
                              "macro_f1_out_of_fold": round(macro_f1(y, best[3]), 4)}
        oof[name] = best[3]
        fit(inputs, y, personality=personality, weight_decay=best[1],
            epochs=epochs).save(out / f"{name}.npz")
    # Personality ships only when the 95 % CI of its out-of-fold macro-F1 gain over the
    # ablation, bootstrapped over dialogues, lies above zero.
    boot = paired_bootstrap_macro_f1(y, oof["with_personality"], oof["without_personality"],
                                     groups, k=len(LABELS))
    report["personality_cv_gain"] = boot
    report["default"] = ("with_personality" if boot["ci95"][0] > 0 else "without_personality")
    report["majority_class"] = LABELS[int(np.bincount(y, minlength=len(LABELS)).argmax())]
    anchors = np.array([MELD[x].as_array() for x in LABELS])
    report["personality_analysis"] = personality_analysis(inputs, y, groups, folds,
                                                          k=len(LABELS), anchors=anchors)
    (out / "meta.json").write_text(json.dumps(report, indent=2) + "\n")
    click.echo(f"default: {report['default']} (CV gain of personality {boot['diff']:+.4f}, "
               f"95% CI {boot['ci95']})")
    click.echo(f"wrote {out}")
