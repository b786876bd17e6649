"""Compare a LoRA recipe with the shipped one by k-fold cross-validation over MELD train.

One 10% selection slice of MELD train (about 100 dialogues) cannot resolve a one-point
difference of weighted F1: the paired interval is 2.3 to 3.1 points wide
(agent/models/text/README.md). Here every MELD train dialogue is held out once. MELD train's
dialogues are cut into ``k`` folds by a seeded permutation. For each fold and each recipe, one
LoRA run learns from the other folds (their 90%, plus the auxiliary corpora's turns, as in
``affect train text``), and an utterance MLP is fitted on its vectors, early-stopped on the
other 10%. Then the held-out fold is read. The predictions of all folds are pooled, and the
paired bootstrap over all train dialogues (agent.evaluation.erc.difference_interval) gives the
95% interval of the variant's gain. MELD dev is never read.

The runs are shorter than the shipped ones (``epochs``, default 1, on a full warm-up and decay
schedule), so this compares recipes, not the shipped models. Each (fold, recipe) result is
cached under ~/.cache/affective-agent by a hash of its inputs.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.training.text import (
    AUX_PER_CLASS,
    CACHE,
    ROOT,
    aux_pairs,
    dialogue_pairs,
    split_select,
)
from agent.training.text_corpora import MELD_LABELS, Dialogue, read
from agent.training.text_heads import SEED, label_ids, log_probs, train_mlp, weighted_f1

VARIANTS: dict[str, dict[str, Any]] = {"shipped": {}, "pool-past": {"pool_past": True}}
"""Recipes by name: keyword arguments of text_finetune.finetune_lora over the shipped recipe."""


def fold_of(n_dialogues: int, k: int, seed: int = SEED) -> np.ndarray:
    """The fold (0..k-1) of each dialogue: a seeded permutation cut into k near-equal parts.

    >>> sorted(np.bincount(fold_of(10, 3)).tolist())
    [3, 3, 4]
    """
    fold = np.empty(n_dialogues, dtype=np.int64)
    for f, part in enumerate(np.array_split(np.random.default_rng(seed).permutation(n_dialogues),
                                            k)):
        fold[part] = f
    return fold


@dataclass(frozen=True)
class Fold:
    """One fold's dialogues and encoder inputs, and where its LoRA run is cached."""

    fit: list[Dialogue]
    inner: list[Dialogue]
    test: list[Dialogue]
    fit_pairs: list[tuple[str, str]]
    inner_pairs: list[tuple[str, str]]
    test_pairs: list[tuple[str, str]]
    aux_pairs: list[tuple[str, str]]
    y_fit: np.ndarray
    y_inner: np.ndarray
    y_aux: np.ndarray
    cache: Path


def fold_inputs(data_dir: Path, *, fold: int, k: int, variant: str, epochs: int,
                context_turns: int = 2, context_tokens: int = 64) -> Fold:
    """Fold ``fold`` of ``k``: the other folds cut into fit and inner dialogues, the held-out
    ones, their (turn, past) inputs, and the cache file of ``variant``'s run, named by a hash of
    all of them and the recipe."""
    dialogues = read("meld", data_dir, "train")
    where = fold_of(len(dialogues), k)
    train = [d for d, f in zip(dialogues, where, strict=True) if f != fold]
    test = [d for d, f in zip(dialogues, where, strict=True) if f == fold]
    fit, inner = split_select(train)
    fit_pairs, inner_pairs, test_pairs = (dialogue_pairs(part, context_turns)
                                          for part in (fit, inner, test))
    y_fit, y_inner = label_ids(fit, MELD_LABELS), label_ids(inner, MELD_LABELS)
    x_pairs, y_aux = aux_pairs(data_dir, ("dailydialog", "goemotions"), context_turns)
    recipe = [k, fold, variant, epochs, context_turns, context_tokens, AUX_PER_CLASS, "kfold-v1"]
    key = hashlib.sha1(json.dumps([fit_pairs, inner_pairs, test_pairs, x_pairs, y_fit.tolist(),
                                   y_aux.tolist(), recipe]).encode()).hexdigest()[:12]
    return Fold(fit, inner, test, fit_pairs, inner_pairs, test_pairs, x_pairs, y_fit, y_inner,
                y_aux, CACHE / f"minilm-kfold-{key}.npz")


def fold_predictions(data_dir: Path, *, fold: int, k: int, variant: str, epochs: int,
                     context_turns: int = 2, context_tokens: int = 64) -> np.ndarray:
    """Predicted MELD label ids of every turn of fold ``fold``'s dialogues (in their order), by a
    LoRA run of ``variant`` and an MLP, both trained without that fold."""
    import torch

    from agent.training import text_finetune as ft
    from perception.text_minilm import SentenceEncoder

    inputs = fold_inputs(data_dir, fold=fold, k=k, variant=variant, epochs=epochs,
                         context_turns=context_turns, context_tokens=context_tokens)
    fit_pairs, inner_pairs, test_pairs = inputs.fit_pairs, inputs.inner_pairs, inputs.test_pairs
    x_pairs, y_fit, y_inner, y_aux = inputs.aux_pairs, inputs.y_fit, inputs.y_inner, inputs.y_aux
    path = inputs.cache
    if path.is_file():
        with np.load(path) as z:
            return np.asarray(z["pred"])
    base = SentenceEncoder(cache_size=0, quantize=False, runtime="torch")
    sets = [ft.PairBatches(base.tokenizer, fit_pairs, y_fit, max_tokens=context_tokens),
            ft.PairBatches(base.tokenizer, x_pairs, y_aux, max_tokens=context_tokens)]
    select = ft.PairBatches(base.tokenizer, inner_pairs, y_inner, max_tokens=context_tokens)
    lora, _, _ = ft.finetune_lora(base, sets, select, n_classes=len(MELD_LABELS),
                                  epochs=epochs, seed=SEED, **VARIANTS[variant])
    # The heads read the vectors the live path computes: the turn's own, float32.
    encoder = SentenceEncoder(cache_size=0, quantize=False, runtime="torch", tuned_layers=lora)
    with torch.inference_mode():
        x_fit, x_inner, x_test = (encoder.encode_pairs(p, max_tokens=context_tokens)
                                  for p in (fit_pairs, inner_pairs, test_pairs))
    mlp, _, _ = train_mlp([(x_fit, y_fit, len(MELD_LABELS))], (x_inner, y_inner), max_epochs=20)
    pred = log_probs(mlp, x_test).argmax(1)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached: dict[str, Any] = {"pred": pred, **lora}
    np.savez(path, **cached)
    return pred


def compare(data_dir: Path, *, variant: str, k: int = 3, epochs: int = 1,
            threads: int = 2) -> dict[str, object]:
    """Weighted F1 of the shipped recipe and ``variant`` over all MELD train dialogues, each
    read by the runs that did not learn from it, and the paired 95% interval of the gain."""
    import torch

    from agent.evaluation.erc import difference_interval

    torch.set_num_threads(threads)
    started = time.time()
    dialogues = read("meld", data_dir, "train")
    where = fold_of(len(dialogues), k)
    order = [d for f in range(k) for d, w in zip(dialogues, where, strict=True) if w == f]
    gold = label_ids(order, MELD_LABELS)
    preds: dict[str, list[np.ndarray]] = {"shipped": [], variant: []}
    for fold in range(k):
        for name in preds:
            preds[name].append(fold_predictions(data_dir, fold=fold, k=k, variant=name,
                                                epochs=epochs))
            click.echo(f"fold {fold + 1}/{k}, {name}: done at {(time.time() - started) / 60:.0f} "
                       "min", err=True)
    a, b = (np.concatenate(preds[n]) for n in ("shipped", variant))
    labels = list(MELD_LABELS)
    interval = difference_interval([labels[i] for i in gold], [labels[i] for i in a],
                                   [labels[i] for i in b], labels, [len(d) for d in order])
    return {"folds": k, "epochs": epochs, "dialogues": len(order), "turns": len(gold),
            "weighted_f1": {"shipped": round(weighted_f1(gold, a), 4),
                            variant: round(weighted_f1(gold, b), 4)},
            "gain_interval_95": [round(v, 4) for v in interval],
            "minutes": round((time.time() - started) / 60, 1)}


@click.command("text-kfold")
@click.option("--data", "--data-dir", "data_dir", type=click.Path(path_type=Path),
              default=ROOT.parent / "shared" / "data", show_default=True,
              help="Directory holding meld/, dailydialog/ and goemotions/.")
@click.option("--variant", type=click.Choice([v for v in VARIANTS if v != "shipped"]),
              default="pool-past", show_default=True,
              help="The recipe compared with the shipped one (affect train text --pool-past).")
@click.option("--folds", "k", default=3, show_default=True, type=click.IntRange(2, 10))
@click.option("--epochs", default=1, show_default=True, type=click.IntRange(1, 5),
              help="Epochs of each LoRA run (the shipped runs have 3; each epoch here is about "
                   "12 minutes on 2 cores).")
@click.option("--threads", default=2, show_default=True, type=click.IntRange(1, 64))
def train_text_kfold(data_dir: Path, variant: str, k: int, epochs: int, threads: int) -> None:
    """Compare a LoRA recipe with the shipped one by k-fold cross-validation over MELD train
    dialogues (2 x folds LoRA runs; MELD dev is not read) and print the scores as JSON."""
    from agent.training.text_corpora import CorpusError

    try:
        import peft  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            "affect train text-kfold needs peft: pip install \"affective-agent[dev]\"") from exc
    try:
        result = compare(data_dir, variant=variant, k=k, epochs=epochs, threads=threads)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=2))
