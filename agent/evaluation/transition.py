"""``affect eval transition``: the PELD response-emotion task, scored as in Wen et al. (2021).

Predict the emotion of the third turn of each dyadic triple from the preceding emotion, the
first two turns and the speaker's Big Five; report macro-F1, weighted-F1 and per-class F1 of the
model with personality, the same model without personality (its ablation) and the majority
class of the training split, and a 95 % CI of the personality gain from a paired bootstrap over
dialogues. Without ``--data`` it scores the test split that
``affect train transition`` held out of ../shared/data/peld; with ``--data FILE.tsv`` (Dyadic_PELD's
own columns) it scores every row of that file.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.emotion_transition import LABELS, MODEL_DIR, ResponseEmotionSelector
from agent.errors import AgentError
from agent.training.transition import (
    DEFAULT_DATA,
    SEED,
    dialogue_groups,
    encode_rows,
    read_peld,
    split,
)
from agent.training.transition_personality import paired_bootstrap_macro_f1


def f1_scores(y: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    labels = list(range(len(LABELS)))
    per = f1_score(y, pred, labels=labels, average=None, zero_division=0)
    return {
        "macro_f1": round(float(f1_score(y, pred, labels=labels, average="macro",
                                         zero_division=0)), 4),
        "weighted_f1": round(float(f1_score(y, pred, labels=labels, average="weighted",
                                            zero_division=0)), 4),
        "per_class_f1": {lab: round(float(f), 4) for lab, f in zip(LABELS, per, strict=True)},
    }


def evaluate(rows: list[dict[str, str]], *, models: Path, majority: str) -> dict[str, Any]:
    inputs, y = encode_rows(rows)
    result: dict[str, Any] = {"n": len(rows)}
    preds = {}
    for variant in ("with_personality", "without_personality"):
        selector = ResponseEmotionSelector.load(models, variant=variant)
        pred = preds[variant] = selector.predict_proba(inputs).argmax(1)
        scores = f1_scores(y, pred)
        if variant == "with_personality":
            result.update(scores)
        else:
            result["macro_f1_without_personality"] = scores["macro_f1"]
            result["weighted_f1_without_personality"] = scores["weighted_f1"]
            result["per_class_f1_without_personality"] = scores["per_class_f1"]
    base = f1_scores(y, np.full_like(y, LABELS.index(majority)))
    result["majority_class"] = majority
    result["macro_f1_majority"] = base["macro_f1"]
    result["weighted_f1_majority"] = base["weighted_f1"]
    result["personality_gain_macro_f1"] = round(
        result["macro_f1"] - result["macro_f1_without_personality"], 4)
    speakers = sorted({r.get("Speaker_1", "") for r in rows} - {""})
    if speakers:  # PELD's personality is per character: show where it helps or hurts
        who = np.array([r.get("Speaker_1", "") for r in rows])
        result["per_speaker_macro_f1"] = {
            s: {v: f1_scores(y[who == s], preds[v][who == s])["macro_f1"] for v in preds}
            for s in speakers}
    if len(rows) >= 20:  # a CI from a handful of rows would be noise
        boot = paired_bootstrap_macro_f1(y, preds["with_personality"],
                                         preds["without_personality"], dialogue_groups(rows),
                                         k=len(LABELS))
        result["personality_gain_ci95"] = boot["ci95"]
    return result


@click.command("transition")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="A TSV in Dyadic_PELD's columns; default: the held-out split of "
                   "../shared/data/peld.")
@click.option("--models", type=click.Path(path_type=Path), default=MODEL_DIR, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_transition(data: Path | None, models: Path, as_json: bool) -> None:
    """Response-emotion prediction on PELD: macro/weighted F1, ablation and majority baseline."""
    start = time.perf_counter()
    try:
        meta = json.loads((models / "meta.json").read_text()) if (models / "meta.json"
                                                                   ).is_file() else {}
        majority = meta.get("majority_class", "neutral")
        if data is None:
            source = read_peld(DEFAULT_DATA)
            _, test_idx = split(source, seed=meta.get("split", {}).get("seed", SEED))
            rows, where = [source[i] for i in test_idx], f"{DEFAULT_DATA} (held-out split)"
        else:
            rows, where = read_peld(data), str(data)
        result = {"task": "peld_transition", "data": where,
                  **evaluate(rows, models=models, majority=majority),
                  "default_variant": meta.get("default"), "split": meta.get("split"),
                  "seconds": round(time.perf_counter() - start, 1)}
    except AgentError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(f"PELD response emotion on {result['data']} ({result['n']} triples)")
    click.echo(f"with personality     macro F1 {result['macro_f1']:.4f}  "
               f"weighted F1 {result['weighted_f1']:.4f}")
    click.echo(f"without personality  macro F1 {result['macro_f1_without_personality']:.4f}  "
               f"weighted F1 {result['weighted_f1_without_personality']:.4f}")
    if "personality_gain_ci95" in result:
        lo, hi = result["personality_gain_ci95"]
        click.echo(f"personality gain     macro F1 {result['personality_gain_macro_f1']:+.4f}  "
                   f"95% CI [{lo:+.4f}, {hi:+.4f}] (bootstrap over dialogues)")
    click.echo(f"majority ({majority})   macro F1 {result['macro_f1_majority']:.4f}  "
               f"weighted F1 {result['weighted_f1_majority']:.4f}")
    for who, f in result.get("per_speaker_macro_f1", {}).items():
        click.echo(f"  {who:<18} macro F1 {f['with_personality']:.4f} with, "
                   f"{f['without_personality']:.4f} without personality")
    click.echo("per-class F1: " + "  ".join(f"{k} {v:.3f}"
                                              for k, v in result["per_class_f1"].items()))
