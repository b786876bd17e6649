"""``affect eval erc`` and ``affect eval text``: emotion recognition scored on the real corpora.

Both read the corpora in their original layouts (``{split}_sent_emo.csv`` for MELD), so the same
command scores the held-out splits kept off this machine. ERC is past-only: each turn is read
from itself and the turns before it in its dialogue.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.cli.encoder_options import encoder_kwargs, encoder_options
from agent.training.text_corpora import LABELS, read

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str],
           lengths: Sequence[int] | None = None) -> dict[str, Any]:
    """Weighted/macro F1, accuracy, per-class F1 and the confusion matrix (rows = gold); with
    ``lengths`` (turns per dialogue, in order) also the 95% interval of the weighted F1."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    per = f1_score(gold, pred, labels=list(labels), average=None, zero_division=0)
    interval = {} if lengths is None else {
        "weighted_f1_ci95": weighted_f1_interval(gold, pred, labels, lengths),
        "ci95": f"percentile bootstrap over whole dialogues, {RESAMPLES} resamples"}
    return {
        "weighted_f1": round(float(f1_score(gold, pred, labels=list(labels), average="weighted",
                                            zero_division=0)), 4),
        "macro_f1": round(float(f1_score(gold, pred, labels=list(labels), average="macro",
                                         zero_division=0)), 4),
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "per_class_f1": {lab: round(float(f), 4) for lab, f in zip(labels, per, strict=True)},
        "labels": list(labels),
        "confusion": confusion_matrix(gold, pred, labels=list(labels)).tolist(),
        "n": len(gold),
        **interval,
    }


RESAMPLES = 1000


def weighted_f1_interval(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str],
                         lengths: Sequence[int], *, resamples: int = RESAMPLES, seed: int = 13
                         ) -> list[float]:
    """95% interval of the weighted F1 by resampling whole dialogues (scipy's percentile
    bootstrap): turns of one dialogue share speakers and a story, so they are not independent
    draws, and resampling turns would make the interval too narrow."""
    return _dialogue_bootstrap(gold, [pred], labels, lengths, resamples, seed)


def difference_interval(gold: Sequence[str], pred_a: Sequence[str], pred_b: Sequence[str],
                        labels: Sequence[str], lengths: Sequence[int], *,
                        resamples: int = RESAMPLES, seed: int = 13) -> list[float]:
    """95% interval of weighted F1 (b) - weighted F1 (a), both read on the same resampled
    dialogues (a paired bootstrap): far narrower than the two scores' own intervals, because
    both models meet the same hard and easy dialogues in every resample."""
    return _dialogue_bootstrap(gold, [pred_b, pred_a], labels, lengths, resamples, seed)


def _dialogue_bootstrap(gold: Sequence[str], preds: Sequence[Sequence[str]],
                        labels: Sequence[str], lengths: Sequence[int], resamples: int,
                        seed: int) -> list[float]:
    """Percentile interval of the weighted F1 of ``preds[0]`` (minus that of ``preds[1]`` when
    given) over resampled dialogues."""
    from scipy.stats import bootstrap
    from sklearn.metrics import f1_score

    if sum(lengths) != len(gold) or any(len(p) != len(gold) for p in preds):
        raise ValueError(f"{len(gold)} gold and {[len(p) for p in preds]} predicted labels for "
                         f"dialogues of {sum(lengths)} turns in all")
    g, ps = np.asarray(gold), [np.asarray(p) for p in preds]
    ends = np.cumsum(lengths)
    rows = [np.arange(end - n, end) for n, end in zip(lengths, ends, strict=True)]

    def statistic(picked: np.ndarray) -> float:
        turns = np.concatenate([rows[i] for i in picked])
        f1 = [f1_score(g[turns], p[turns], labels=list(labels), average="weighted",
                       zero_division=0) for p in ps]
        return float(f1[0] - (f1[1] if len(f1) > 1 else 0.0))

    if len(rows) < 2:  # one dialogue: nothing to resample
        whole = round(statistic(np.zeros(1, dtype=int)), 4)
        return [whole, whole]
    ci = bootstrap((np.arange(len(rows)),), statistic, vectorized=False, n_resamples=resamples,
                   method="percentile", random_state=seed).confidence_interval
    return [round(float(ci.low), 4), round(float(ci.high), 4)]


def parse_counts(text: str, labels: Sequence[str]) -> dict[str, float]:
    """``label=count,...`` covering every label in ``labels`` (counts or shares, non-negative,
    not all zero)."""
    counts: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        label, _, value = item.partition("=")
        try:
            count = float(value)
        except ValueError:
            count = math.nan
        if not (math.isfinite(count) and count >= 0.0):
            raise ValueError(f"{item!r} is not label=count with a non-negative count")
        counts[label.strip()] = count
    missing, unknown = set(labels) - set(counts), set(counts) - set(labels)
    if missing or unknown or not sum(counts.values()) > 0:
        raise ValueError(
            "give a non-negative count for each of " + ", ".join(labels)
            + (f" (missing: {', '.join(sorted(missing))})" if missing else "")
            + (f" (unknown: {', '.join(sorted(unknown))})" if unknown else ""))
    return counts


def reweighted_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str],
                  target: dict[str, float]) -> float:
    """The weighted F1 this reading would get under another label mix: each turn weighs the
    target's share of its gold label over this split's share. It assumes only the label mix
    changes, not how each emotion is worded (prior-probability shift; Saerens et al. 2002)."""
    from sklearn.metrics import f1_score

    g = np.asarray(gold)
    total = sum(target.values())
    share = {c: float((g == c).mean()) for c in labels}
    absent = [c for c in labels if target[c] > 0 and share[c] == 0]
    if absent:
        raise ValueError(f"no gold turns of {', '.join(absent)} to reweight")
    weights = [target[c] / total / share[c] for c in gold]
    return round(float(f1_score(gold, pred, labels=list(labels), average="weighted",
                                sample_weight=weights, zero_division=0)), 4)


def predict_erc(erc: Any, dialogues: list, *, progress: bool) -> tuple[list[str], list[str]]:
    """Gold and past-only predicted labels of every turn, dialogue by dialogue, read by the
    conversation recognizer ``erc``."""
    from tqdm import tqdm

    from perception import DialogueTurn

    gold: list[str] = []
    pred: list[str] = []
    for d in tqdm(dialogues, desc="dialogues", disable=not progress):
        estimates = erc.predict_dialogue([DialogueTurn(t.speaker, t.text) for t in d])
        gold.extend(t.label for t in d)
        pred.extend(e.label for e in estimates)
    return gold, pred


def _emit(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(f"{result['task']} on {result['dataset']} {result['split']} "
               f"({result['n']} utterances, {result['seconds']} s)")
    interval = result.get("weighted_f1_ci95")
    spread = f" (95% CI {interval[0]:.4f}-{interval[1]:.4f})" if interval else ""
    click.echo(f"weighted F1 {result['weighted_f1']:.4f}{spread}   macro F1 "
               f"{result['macro_f1']:.4f}   accuracy {result['accuracy']:.4f}")
    if "compare" in result:
        c = result["compare"]
        click.echo(f"{c['heads']}: weighted F1 {c['weighted_f1']:.4f}, difference "
                   f"{c['difference']:+.4f} (paired 95% CI {c['difference_ci95'][0]:+.4f} to "
                   f"{c['difference_ci95'][1]:+.4f})")
    if "weighted_f1_reweighted" in result:
        click.echo(f"weighted F1 under the given label mix {result['weighted_f1_reweighted']:.4f}")
    labels = result["labels"]
    click.echo("per-class F1: " + "  ".join(f"{k} {v:.3f}" for k, v in
                                              result["per_class_f1"].items()))
    width = max(len(x) for x in labels) + 1
    click.echo("confusion (rows gold, columns predicted):")
    click.echo(" " * width + "".join(f"{x[:6]:>7}" for x in labels))
    for lab, row in zip(labels, result["confusion"], strict=True):
        click.echo(f"{lab:<{width}}" + "".join(f"{v:>7}" for v in row))


_data_option = click.option(
    "--data", "--data-dir", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA,
    show_default=True, help="Folder laid out like ../shared/data (meld/, emorynlp/, ...).",
)


@click.command("erc")
@click.option("--dataset", type=click.Choice(["meld", "emorynlp"]), default="meld",
              show_default=True)
@_data_option
@click.option("--split", default="dev", show_default=True,
              help="dev, test, train, or selection: the 10% of train dialogues that `affect "
                   "train text` holds out to choose models (seed 13).")
@click.option("--backend", type=click.Choice(["minilm", "mpnet"]), default="minilm",
              show_default=True,
              help="The shipped model to score: MiniLM (the live default) or all-mpnet-base-v2 "
                   "(the mpnet extra; float32 always).")
@click.option("--heads", default=None, help="A heads.npz other than the shipped one.")
@encoder_options
@click.option("--reweight-to", "reweight", default=None, metavar="LABEL=COUNT,...",
              help="Also print the weighted F1 as if the split had this label mix (every label "
                   "of the dataset; counts or shares), e.g. another split's published counts.")
@click.option("--compare", "other", default=None, metavar="HEADS",
              help="Also read the split with this heads.npz and print the difference in weighted "
                   "F1 (it minus the first) with a paired 95% interval over dialogues.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_erc(dataset: str, data_dir: Path, split: str, backend: str, heads: str | None,
             precision: str, runtime: str, reweight: str | None, other: str | None,
             as_json: bool) -> None:
    """Past-only, speaker-aware ERC: weighted F1, per-class F1 and confusion matrix."""
    from agent.training.text_corpora import CorpusError

    try:
        target = parse_counts(reweight, LABELS[dataset]) if reweight is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--reweight-to") from exc
    try:
        if split == "selection":
            from agent.training.text import split_select

            dialogues = split_select(read(dataset, data_dir, "train"))[1]
        else:
            dialogues = read(dataset, data_dir, split)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    from perception.erc_minilm import MiniLMConversationEmotion
    from perception.errors import ModelUnavailableError
    from perception.text_minilm import MPNET_HEADS

    if heads is None and backend == "mpnet":
        heads = str(MPNET_HEADS)
    start = time.perf_counter()
    try:
        reading = encoder_kwargs(precision, runtime)
        erc = MiniLMConversationEmotion(heads=heads, dataset=dataset, **reading)
        gold, pred = predict_erc(erc, dialogues, progress=True)
        seconds = round(time.perf_counter() - start, 1)  # one model's reading, as bench reports
        rival = None if other is None else MiniLMConversationEmotion(
            heads=other, dataset=dataset, **reading)
        pred_other = None if rival is None else predict_erc(rival, dialogues, progress=True)[1]
    except ModelUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    result = {"task": "erc", "dataset": dataset, "split": split, "past_only": True,
              "heads": str(heads or "shipped MiniLM"), "int8": erc.encoder.quantized,
              "runtime": erc.encoder.runtime,
              **scores(gold, pred, LABELS[dataset], [len(d) for d in dialogues]),
              "seconds": seconds}
    if target is not None:
        try:
            result["weighted_f1_reweighted"] = reweighted_f1(gold, pred, LABELS[dataset], target)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        result["reweighted_to"] = target
    if pred_other is not None:
        lengths = [len(d) for d in dialogues]
        mine = scores(gold, pred_other, LABELS[dataset])["weighted_f1"]
        result["compare"] = {
            "heads": other, "weighted_f1": mine,
            "difference": round(mine - result["weighted_f1"], 4),
            "difference_ci95": difference_interval(gold, pred, pred_other, LABELS[dataset],
                                                   lengths)}
    _emit(result, as_json)


@click.command("text")
@click.option("--dataset", type=click.Choice(["meld", "dailydialog", "goemotions"]),
              default="meld", show_default=True)
@_data_option
@click.option("--split", default="dev", show_default=True)
@click.option("--backend", default="auto", show_default=True,
              help="Text backend from `affect backends` (minilm, lexicon, hf).")
@click.option("--model", default=None, help="Model id or directory for --backend hf.")
@click.option("--heads", default=None, help="A heads.npz other than the shipped one (minilm).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_text(dataset: str, data_dir: Path, split: str, backend: str, model: str | None,
              heads: str | None, as_json: bool) -> None:
    """Utterance-level emotion (no context) in MELD's 7 labels."""
    from tqdm import tqdm

    from agent import backends
    from agent.training.text_corpora import MELD_LABELS, CorpusError

    try:
        dialogues = read(dataset, data_dir, split)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    turns = [t for d in dialogues for t in d]
    name = backends.resolve("text", backend)
    if heads and name != "minilm":
        raise click.UsageError("--heads is for --backend minilm")
    options = {"model": model} if model else {"heads": heads} if heads else {}
    recognizer = backends.create("text", name, **options)
    start = time.perf_counter()
    pred: list[str] = []
    for s in tqdm(range(0, len(turns), 256), desc=f"{dataset} utterances", unit="batch"):
        pred.extend(e.label for e in recognizer.predict_batch([t.text for t in turns[s:s + 256]]))
    labels = MELD_LABELS if name != "hf" else sorted(set(pred) | {t.label for t in turns})
    result = {"task": "text", "backend": name, "dataset": dataset, "split": split,
              **scores([t.label for t in turns], pred, labels, [len(d) for d in dialogues]),
              "seconds": round(time.perf_counter() - start, 1)}
    _emit(result, as_json)


def majority_baseline(labels: Sequence[str]) -> float:
    """Weighted F1 of always answering the most frequent label (a floor for the README)."""
    values, counts = np.unique(np.asarray(labels), return_counts=True)
    top = values[counts.argmax()]
    return scores(list(labels), [str(top)] * len(labels), sorted(set(labels)))["weighted_f1"]
