"""``affect eval strategy``: next-strategy accuracy, macro-F1 and the confusion matrix on ESConv.

Each supporter turn is predicted from the turns before it only, by the real policy through
``StrategyPolicy.choose`` (persona weights neutral), with the user's affect read by the lexicon
recognizer. Anchor: MISC, 31.34% strategy accuracy on ESConv (Tu et al., ACL 2022, Table 2).

On dialogue files it also plays each dialogue with the policy's own earlier choices as the
strategies used so far (``free_running``), as in a live chat, where no supporter's history
exists: accuracy, macro-F1 and each strategy's share beside the supporters' shares. A policy
that leans on its own history can compound a choice there that the scores above never see.

The code release's dev tsv shares dialogues with ``train.json`` (SOURCE.txt: the two releases
were split differently), so lines whose gold reply also appears in the training file are
reported apart as ``seen_in_training``; ``accuracy`` on such a file counts only unseen lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.errors import AgentError
from agent.strategy import PolicyContext, StrategyPolicy, load_policy
from agent.training.esconv import ESConvDataError, StrategySample, read_samples
from agent.types import Strategy
from appraisal import VAD
from perception import AffectEstimate, ModelUnavailableError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "esconv"
ANCHOR = {"name": "MISC (Tu et al., ACL 2022)", "accuracy": 0.3134}
LABELS: tuple[Strategy, ...] = tuple(Strategy)
_SKIP_FILES = {"train.json", "FailedESConv.json"}


def metrics(gold: Sequence[Strategy], pred: Sequence[Strategy]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the labels present in gold or predictions, confusion matrix.

    Computed with numpy rather than scikit-learn so the rule policy can be scored without the
    ``text`` extra.
    """
    index = {s: i for i, s in enumerate(LABELS)}
    cm = np.zeros((len(LABELS), len(LABELS)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=False):
        cm[index[g], index[p]] += 1
    tp = np.diag(cm).astype(float)
    precision = np.divide(tp, cm.sum(0), out=np.zeros_like(tp), where=cm.sum(0) > 0)
    recall = np.divide(tp, cm.sum(1), out=np.zeros_like(tp), where=cm.sum(1) > 0)
    denom = precision + recall
    f1 = np.divide(2 * precision * recall, denom, out=np.zeros_like(tp), where=denom > 0)
    present = (cm.sum(0) + cm.sum(1)) > 0
    n = int(cm.sum())
    return {
        "n": n,
        "accuracy": round(float(tp.sum() / n), 4) if n else 0.0,
        "macro_f1": round(float(f1[present].mean()), 4) if present.any() else 0.0,
        "f1": {s.value: round(float(f), 4) for s, f in zip(LABELS, f1, strict=False)},
        "labels": [s.value for s in LABELS],
        "confusion": cm.tolist(),
    }


def _affect_reader() -> Any:
    from perception.text_lexicon import LexiconTextEmotion

    return LexiconTextEmotion()


def contexts(samples: Sequence[StrategySample]) -> list[PolicyContext]:
    reader = _affect_reader()
    neutral = AffectEstimate(VAD(0.0, 0.0, 0.0), {"neutral": 1.0}, 0.0, "text", 0.0)
    out = []
    for s in samples:
        seeker = [t.text for t in s.history if t.speaker == "user" and t.text]
        affect = reader.predict(seeker[-1]) if seeker else neutral
        out.append(PolicyContext(list(s.history), affect, None, list(s.previous)))
    return out


def free_running(
    policy: StrategyPolicy, samples: Sequence[StrategySample], given: Sequence[PolicyContext]
) -> dict[str, Any]:
    """Scores when each dialogue's strategies so far are the policy's own choices.

    The samples must be whole dialogues in order (dialogue JSON, not tsv lines).
    """
    chosen: dict[str, list[Strategy]] = {}
    pred: list[Strategy] = []
    for sample, ctx in zip(samples, given, strict=True):
        own = chosen.setdefault(sample.dialogue, [])
        pred.append(policy.choose(replace(ctx, previous_strategies=tuple(own))).strategy)
        own.append(pred[-1])
    gold = [s.target for s in samples]
    result = {k: v for k, v in metrics(gold, pred).items() if k in ("n", "accuracy", "macro_f1")}
    result["shares"] = {s.value: round(pred.count(s) / len(pred), 4) for s in LABELS}
    result["gold_shares"] = {s.value: round(gold.count(s) / len(gold), 4) for s in LABELS}
    return result


def score_file(policy: StrategyPolicy, path: Path, seen_replies: set[str] | None) -> dict[str, Any]:
    samples = read_samples(path)
    given = contexts(samples)
    decisions = policy.choose_many(given)
    pred = [d.strategy for d in decisions]
    gold = [s.target for s in samples]
    seen = [seen_replies is not None and _long(s.reply) in seen_replies for s in samples]
    unseen = [i for i, flag in enumerate(seen) if not flag]
    result = metrics([gold[i] for i in unseen], [pred[i] for i in unseen])
    result["file"] = str(path)
    result["seen_in_training"] = int(sum(seen))
    if any(seen):
        every = metrics(gold, pred)
        result["all_lines"] = {k: every[k] for k in ("n", "accuracy", "macro_f1")}
    if path.suffix.lower() != ".tsv":
        result["free_running"] = free_running(policy, samples, given)
    return result


def _long(text: str) -> str:
    # Stock phrases ("is there anything else I can help with") recur across dialogues; only a
    # long reply identifies a dialogue.
    text = " ".join(text.split()).lower()
    return text if len(text) > 40 else "\0"


def training_replies(train: Path) -> set[str]:
    if not train.is_file():
        return set()
    return {_long(s.reply) for s in read_samples(train)} - {"\0"}


def files_in(data_dir: Path) -> list[Path]:
    found = sorted(
        p
        for p in data_dir.iterdir()
        if (p.suffix == ".json" and p.name not in _SKIP_FILES)
        or p.name.endswith("Strategy_short.tsv")
    )
    if not found:
        raise ESConvDataError(
            f"{data_dir} has no ESConv evaluation file (*.json dialogues other than train.json, "
            "or *WithStrategy_short.tsv)"
        )
    return found


@click.command("strategy")
@click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="An ESConv dialogue JSON or *WithStrategy_short.tsv file (repeatable).",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Score every evaluation file in this folder [default: {DEFAULT_DATA}].",
)
@click.option("--policy", "policy_name", default="auto", show_default=True)
@click.option(
    "--train",
    "train_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DATA / "train.json",
    show_default=True,
    help="Training file whose replies mark lines as seen (absent: no line is marked).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_strategy(
    data_files: tuple[Path, ...],
    data_dir: Path | None,
    policy_name: str,
    train_file: Path,
    as_json: bool,
) -> None:
    """Score a strategy policy on ESConv (accuracy, macro-F1, confusion matrix)."""
    try:
        import torch

        torch.set_num_threads(1)  # a fair share of a 2-core machine; the number is per thread
    except ImportError:
        pass
    try:
        paths = list(data_files) or files_in(data_dir or DEFAULT_DATA)
        if data_dir is not None and data_files:
            paths += files_in(data_dir)
        policy = load_policy(policy_name)
        seen = training_replies(train_file)
        results = [score_file(policy, p, seen) for p in paths]
    except (ESConvDataError, AgentError, ModelUnavailableError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    report = {"policy": policy.name, "anchor": ANCHOR, "files": results}
    if as_json:
        click.echo(json.dumps(report))
        return
    click.echo(f"policy {policy.name}; anchor {ANCHOR['name']} accuracy {ANCHOR['accuracy']}")
    for r in results:
        extra = ""
        if r["seen_in_training"]:
            extra = f" (unseen lines; {r['seen_in_training']} lines seen in training skipped)"
        click.echo(
            f"{r['file']}: n={r['n']} accuracy={r['accuracy']:.4f} "
            f"macro_f1={r['macro_f1']:.4f}{extra}"
        )
        if "free_running" in r:
            fr = r["free_running"]
            top = max(fr["shares"], key=lambda k: fr["shares"][k])
            click.echo(
                f"  with its own choices as the history: accuracy={fr['accuracy']:.4f} "
                f"macro_f1={fr['macro_f1']:.4f}; most chosen {top} {fr['shares'][top]:.0%} "
                f"(supporters {fr['gold_shares'][top]:.0%})"
            )
        width = max(len(s) for s in r["labels"])
        for label, row in zip(r["labels"], r["confusion"], strict=False):
            click.echo(f"  {label:<{width}} " + " ".join(f"{v:4d}" for v in row))
