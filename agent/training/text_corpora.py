"""Readers for the dialogue-emotion corpora in their original layouts (../shared/data).

Every reader returns whole dialogues in speaking order, so the same data feeds past-only ERC
training and evaluation. Labels are kept in each corpus's own vocabulary; ``MELD_FROM`` maps the
corpora whose label sets are Ekman's six plus neutral onto MELD's names.
"""

from __future__ import annotations

import ast
import csv
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agent.errors import AgentError
from appraisal import MELD_LABELS

EMORYNLP_LABELS = ("Neutral", "Joyful", "Peaceful", "Powerful", "Scared", "Mad", "Sad")

# DailyDialog and GoEmotions' Ekman grouping use Ekman's names; these map them onto MELD's.
# GoEmotions -> Ekman grouping: Demszky et al. (2020), the ekman_mapping.json of the release.
MELD_FROM: dict[str, dict[str, str]] = {
    "dailydialog": {
        "no emotion": "neutral",
        "happiness": "joy",
        "surprise": "surprise",
        "anger": "anger",
        "sadness": "sadness",
        "disgust": "disgust",
        "fear": "fear",
    },
    "goemotions": {
        **dict.fromkeys(("anger", "annoyance", "disapproval"), "anger"),
        "disgust": "disgust",
        **dict.fromkeys(("fear", "nervousness"), "fear"),
        **dict.fromkeys(
            (
                "joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism",
                "relief", "pride", "admiration", "desire", "caring",
            ),
            "joy",
        ),
        **dict.fromkeys(
            ("sadness", "disappointment", "embarrassment", "grief", "remorse"), "sadness"
        ),
        **dict.fromkeys(("surprise", "realization", "confusion", "curiosity"), "surprise"),
        "neutral": "neutral",
    },
}


class CorpusError(AgentError, FileNotFoundError):
    """A corpus file is missing or not in its original layout."""


@dataclass(frozen=True, slots=True)
class LabelledTurn:
    speaker: str
    text: str
    label: str
    sentiment: str = ""


Dialogue = list[LabelledTurn]


def _require(path: Path, what: str) -> Path:
    if not path.is_file():
        raise CorpusError(
            f"{what} not found at {path}; point --data-dir at a folder laid out like "
            "../shared/data (see its README.md)"
        )
    return path


def _clean(text: str) -> str:
    # MELD's CSVs carry Windows-1252 quotes decoded as C1 controls and non-breaking spaces.
    table = {"\x92": "'", "\x91": "'", "\x93": '"', "\x94": '"', "\x97": "-", "\xa0": " "}
    return "".join(table.get(ch, ch) for ch in text).replace("\u2019", "'").strip()


def read_meld(data_dir: Path, split: str) -> list[Dialogue]:
    """MELD ``{split}_sent_emo.csv`` as dialogues ordered by Utterance_ID."""
    path = _require(Path(data_dir) / "meld" / f"{split}_sent_emo.csv", f"MELD {split} split")
    groups: dict[int, list[tuple[int, LabelledTurn]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                label = row["Emotion"].strip().lower()
                turn = LabelledTurn(_clean(row["Speaker"]), _clean(row["Utterance"]), label,
                                    row.get("Sentiment", "").strip().lower())
                groups[int(row["Dialogue_ID"])].append((int(row["Utterance_ID"]), turn))
            except (KeyError, ValueError) as exc:
                raise CorpusError(f"{path} is not in MELD's CSV layout: {exc}") from exc
            if label not in MELD_LABELS:
                raise CorpusError(f"{path}: unknown MELD emotion {label!r}")
    return [[t for _, t in sorted(groups[d], key=lambda p: p[0])] for d in sorted(groups)]


def read_emorynlp(data_dir: Path, split: str) -> list[Dialogue]:
    """EmoryNLP ``emorynlp_{split}_final.csv`` as scenes (season, episode, scene)."""
    path = _require(
        Path(data_dir) / "emorynlp" / f"emorynlp_{split}_final.csv", f"EmoryNLP {split} split"
    )
    groups: dict[tuple[int, int, int], list[tuple[int, LabelledTurn]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                speakers = ast.literal_eval(row["Speaker"]) if row["Speaker"].startswith("[") else [
                    row["Speaker"]
                ]
                key = (int(row["Season"]), int(row["Episode"]), int(row["Scene_ID"]))
                turn = LabelledTurn(
                    " & ".join(speakers) or "unknown", _clean(row["Utterance"]), row["Emotion"]
                )
                groups[key].append((int(row["Utterance_ID"]), turn))
            except (KeyError, ValueError, SyntaxError) as exc:
                raise CorpusError(f"{path} is not in EmoryNLP's CSV layout: {exc}") from exc
    return [[t for _, t in sorted(groups[k], key=lambda p: p[0])] for k in sorted(groups)]


def read_dailydialog(data_dir: Path, split: str) -> list[Dialogue]:
    """DailyDialog (ConvLab unified JSON) with labels mapped to MELD's names."""
    name = {"dev": "validation"}.get(split, split)
    path = _require(Path(data_dir) / "dailydialog" / f"{name}.json", f"DailyDialog {split} split")
    mapping = MELD_FROM["dailydialog"]
    dialogues = []
    for d in json.loads(path.read_text(encoding="utf-8")):
        dialogues.append(
            [
                LabelledTurn(f"speaker{t['speaker']}", _clean(t["text"]), mapping[t["emotion"]])
                for t in d["turns"]
            ]
        )
    return dialogues


def read_goemotions(data_dir: Path, split: str) -> list[Dialogue]:
    """Single-label GoEmotions comments (Ekman grouping, MELD names) as one-turn dialogues."""
    folder = Path(data_dir) / "goemotions"
    names = _require(folder / "emotions.txt", "GoEmotions label list").read_text().split()
    path = _require(folder / f"{split}.tsv", f"GoEmotions {split} split")
    mapping = MELD_FROM["goemotions"]
    dialogues = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, ids, _ = line.split("\t")
        labels = {mapping[names[int(i)]] for i in ids.split(",")}
        if len(labels) == 1:  # comments whose labels disagree after grouping are left out
            dialogues.append([LabelledTurn("writer", _clean(text), labels.pop())])
    return dialogues


READERS = {
    "meld": read_meld,
    "emorynlp": read_emorynlp,
    "dailydialog": read_dailydialog,
    "goemotions": read_goemotions,
}
LABELS: dict[str, Sequence[str]] = {
    "meld": MELD_LABELS,
    "emorynlp": EMORYNLP_LABELS,
    "dailydialog": MELD_LABELS,
    "goemotions": MELD_LABELS,
}


def read(dataset: str, data_dir: Path, split: str) -> list[Dialogue]:
    if dataset not in READERS:
        raise CorpusError(f"unknown dataset {dataset!r}; choose one of {', '.join(READERS)}")
    return READERS[dataset](Path(data_dir), split)
