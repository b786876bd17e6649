"""Corpus readers in the original layouts, and the scores `affect eval erc` prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.evaluation.erc import scores
from agent.training.text_corpora import MELD_LABELS, CorpusError, read
from tests.conftest import corpus

pytestmark = pytest.mark.unit

HEADER = "Sr No.,Utterance,Speaker,Emotion,Sentiment,Dialogue_ID,Utterance_ID,Season,Episode\n"


def write_meld(root: Path, rows: str, split: str = "test") -> Path:
    (root / "meld").mkdir(parents=True, exist_ok=True)
    (root / "meld" / f"{split}_sent_emo.csv").write_text(HEADER + rows, encoding="utf-8")
    return root


def test_meld_layout_is_read_in_speaking_order(tmp_path: Path) -> None:
    root = write_meld(tmp_path, (
        '3,"Fine.",Ross,neutral,neutral,7,1,1,1\n'
        '1,"Hi\x92s there",Rachel,joy,positive,7,0,1,1\n'
        '2,"What?",Joey,surprise,negative,2,0,1,1\n'
    ))
    dialogues = read("meld", root, "test")
    assert [[t.speaker for t in d] for d in dialogues] == [["Joey"], ["Rachel", "Ross"]]
    assert dialogues[1][0].text == "Hi's there"  # Windows-1252 quote repaired
    assert dialogues[1][0].sentiment == "positive"


def test_unknown_label_and_missing_split_are_clear(tmp_path: Path) -> None:
    root = write_meld(tmp_path, '1,"x",A,happy,positive,0,0,1,1\n')
    with pytest.raises(CorpusError, match="unknown MELD emotion 'happy'"):
        read("meld", root, "test")
    with pytest.raises(CorpusError, match="--data-dir"):
        read("meld", root, "dev")
    with pytest.raises(CorpusError, match="unknown dataset"):
        read("iemocap", root, "dev")


def test_scores_of_a_known_confusion() -> None:
    gold = ["joy", "joy", "anger", "neutral"]
    pred = ["joy", "anger", "anger", "neutral"]
    s = scores(gold, pred, MELD_LABELS)
    assert s["accuracy"] == 0.75
    assert s["per_class_f1"]["neutral"] == 1.0
    assert s["per_class_f1"]["anger"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["confusion"][1][3] == 1  # a joy read as anger
    # weighted by support: joy 2 x 2/3, anger 1 x 2/3, neutral 1 x 1
    assert s["weighted_f1"] == pytest.approx((2 * 2 / 3 + 2 / 3 + 1) / 4, abs=1e-4)


def test_shared_meld_dev_when_present(data_dir: Path) -> None:
    corpus(data_dir, "meld", "dev_sent_emo.csv")
    dialogues = read("meld", data_dir, "dev")
    turns = [t for d in dialogues for t in d]
    assert len(turns) == 1109
    assert {t.label for t in turns} == set(MELD_LABELS)
