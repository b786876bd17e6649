"""Corpus readers in the original layouts, and the scores `affect eval erc` prints."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from agent.evaluation.erc import (
    difference_interval,
    parse_counts,
    reweighted_f1,
    scores,
    weighted_f1_interval,
)
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


def _reading(*, seed: int, dialogues: int, right: float) -> tuple[
        np.random.Generator, list[str], list[int], list[str], list[str]]:
    """A synthetic split (dialogues of 3-11 turns, four gold labels) and a reading of it that is
    right about ``right`` of the time, otherwise a random label."""
    rng = np.random.default_rng(seed)
    labels = list(MELD_LABELS)
    lengths = rng.integers(3, 12, size=dialogues).tolist()
    gold = rng.choice(labels[:4], size=sum(lengths)).tolist()
    pred = [g if rng.random() < right else str(rng.choice(labels)) for g in gold]
    return rng, labels, lengths, gold, pred


def test_the_interval_holds_the_score_and_narrows_with_more_dialogues() -> None:
    pytest.importorskip("scipy", reason="the text extra (scipy) is not installed")
    _, labels, lengths, gold, pred = _reading(seed=0, dialogues=30, right=0.6)
    s = scores(gold, pred, labels, lengths)
    low, high = s["weighted_f1_ci95"]
    assert low < s["weighted_f1"] < high
    # the same reading of 4x the dialogues: about half as wide (it shrinks as 1/sqrt(n))
    few = weighted_f1_interval(gold, pred, labels, lengths, resamples=300)
    many = weighted_f1_interval(gold * 4, pred * 4, labels, lengths * 4, resamples=300)
    assert many[1] - many[0] < 0.75 * (few[1] - few[0])
    assert weighted_f1_interval(gold, gold, labels, lengths, resamples=50) == [1.0, 1.0]
    with pytest.raises(ValueError, match="dialogues of"):
        weighted_f1_interval(gold, pred, labels, lengths[:-1])


def test_reweighting_to_another_label_mix_moves_the_score_toward_the_favoured_label() -> None:
    labels = ["neutral", "joy", "anger"]
    # neutral is read perfectly, anger never: a mix with more neutral scores higher
    gold = ["neutral"] * 4 + ["joy"] * 4 + ["anger"] * 4
    pred = ["neutral"] * 4 + ["joy"] * 3 + ["neutral"] + ["joy"] * 4
    plain = scores(gold, pred, labels)["weighted_f1"]
    assert reweighted_f1(gold, pred, labels, {"neutral": 1, "joy": 1, "anger": 1}) == plain
    more_neutral = reweighted_f1(gold, pred, labels, {"neutral": 8, "joy": 1, "anger": 1})
    more_anger = reweighted_f1(gold, pred, labels, {"neutral": 1, "joy": 1, "anger": 8})
    assert more_anger < plain < more_neutral
    assert parse_counts("neutral=1256, joy=402,anger=0.5", labels) == {
        "neutral": 1256.0, "joy": 402.0, "anger": 0.5}
    for bad, why in (("neutral=1,joy=2", "missing: anger"),
                     ("neutral=1,joy=2,anger=3,fear=1", "unknown: fear"),
                     ("neutral=1,joy=-2,anger=3", "non-negative"),
                     ("neutral=1,joy=nan,anger=3", "non-negative"),
                     ("neutral,joy=2,anger=3", "label=count"),
                     ("neutral=0,joy=0,anger=0", "give a non-negative count")):
        with pytest.raises(ValueError, match=why):
            parse_counts(bad, labels)


def test_a_paired_difference_is_narrower_than_the_scores_own_intervals() -> None:
    pytest.importorskip("scipy", reason="the text extra (scipy) is not installed")
    rng, labels, lengths, gold, a = _reading(seed=1, dialogues=40, right=0.55)
    b = [g if rng.random() < 0.3 else x for g, x in zip(gold, a, strict=True)]  # a, mended
    diff = difference_interval(gold, a, b, labels, lengths, resamples=300)
    assert 0.0 < diff[0] < diff[1]  # b is better on every resample's reading
    own = weighted_f1_interval(gold, a, labels, lengths, resamples=300)
    assert diff[1] - diff[0] < 0.7 * (own[1] - own[0])
    assert difference_interval(gold, a, a, labels, lengths, resamples=50) == [0.0, 0.0]
