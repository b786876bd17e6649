"""The paired bootstrap over dialogues that decides whether personality ships."""

from __future__ import annotations

import numpy as np
import pytest

from agent.training.transition_personality import (
    _group_counts,
    _macro_f1,
    paired_bootstrap_macro_f1,
)

pytestmark = pytest.mark.unit


def test_macro_f1_from_counts_matches_a_hand_computation() -> None:
    y = np.array([0, 0, 1, 1, 2])
    pred = np.array([0, 1, 1, 1, 0])
    counts = _group_counts(y, pred, np.zeros(5, dtype=int), 1, 3)[0]
    # class 0: tp 1, fp 1, fn 1 -> 0.5; class 1: tp 2, fp 1, fn 0 -> 0.8; class 2: 0
    assert float(_macro_f1(counts)) == pytest.approx((0.5 + 0.8 + 0.0) / 3)


def test_identical_predictions_give_a_zero_interval() -> None:
    rng = np.random.default_rng(1)
    y, pred = rng.integers(0, 7, 300), rng.integers(0, 7, 300)
    out = paired_bootstrap_macro_f1(y, pred, pred, rng.integers(0, 60, 300), k=7, n=200)
    assert out["diff"] == 0.0 and out["ci95"] == [0.0, 0.0]


def test_a_clearly_better_model_has_an_interval_above_zero() -> None:
    rng = np.random.default_rng(2)
    y = rng.integers(0, 7, 600)
    good = np.where(rng.random(600) < 0.7, y, rng.integers(0, 7, 600))
    bad = np.where(rng.random(600) < 0.2, y, rng.integers(0, 7, 600))
    groups = np.repeat(np.arange(150), 4)
    out = paired_bootstrap_macro_f1(y, good, bad, groups, k=7, n=500)
    lo, hi = out["ci95"]
    assert 0.0 < lo <= out["diff"] <= hi and out["groups"] == 150
    swapped = paired_bootstrap_macro_f1(y, bad, good, groups, k=7, n=500)
    assert swapped["ci95"][1] < 0.0


def test_resampling_dialogues_widens_the_interval_of_correlated_rows() -> None:
    rng = np.random.default_rng(3)
    # each dialogue's triples are all right or all wrong together (shared utterances)
    right = rng.random(50) < 0.5
    y = np.zeros(500, dtype=int)
    a = np.where(np.repeat(right, 10), 0, 1)
    b = np.where(rng.random(500) < 0.5, 0, 1)
    by_dialogue = paired_bootstrap_macro_f1(y, a, b, np.repeat(np.arange(50), 10), k=2, n=400)
    by_row = paired_bootstrap_macro_f1(y, a, b, np.arange(500), k=2, n=400)
    width = lambda r: r["ci95"][1] - r["ci95"][0]  # noqa: E731
    assert width(by_dialogue) > 1.5 * width(by_row)
