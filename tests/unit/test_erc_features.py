"""ERC context features and heads: past-only, speaker-aware, numpy only."""

from __future__ import annotations

import numpy as np
import pytest

from perception.erc_features import MLPHead, context_features, feature_dim, softmax
from perception.errors import ModelUnavailableError

pytestmark = pytest.mark.unit

D = 8


def dialogue(n: int, seed: int = 0) -> np.ndarray:
    e = np.random.default_rng(seed).normal(size=(n, D)).astype(np.float32)
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def test_shape_and_first_turn_has_no_context() -> None:
    f = context_features(dialogue(5), ["a", "b", "a", "b", "a"])
    assert f.shape == (5, feature_dim(D))
    assert np.all(f[0, D : 5 * D] == 0)
    assert f[0, 5 * D] == 0.0  # has-previous flag


def test_changing_a_later_turn_never_changes_an_earlier_row() -> None:
    emb = dialogue(7)
    speakers = ["a", "b", "a", "c", "b", "a", "b"]
    base = context_features(emb, speakers)
    for k in range(7):
        changed = emb.copy()
        changed[k] = -changed[k]
        other = context_features(changed, speakers[:k] + ["z"] + speakers[k + 1 :])
        assert np.array_equal(base[:k], other[:k]), f"turn {k} leaked into earlier rows"
        assert not np.array_equal(base[k], other[k])


def test_own_previous_turn_follows_the_speaker_name() -> None:
    emb = dialogue(4, seed=1)
    # Turn 3 by "a": its own previous turn is turn 0; the last other speaker's turn is turn 2.
    f = context_features(emb, ["a", "b", "b", "a"])
    assert np.allclose(f[3, 2 * D : 3 * D], emb[0])
    assert np.allclose(f[3, 3 * D : 4 * D], emb[2])
    # Renaming turn 0's speaker changes what turn 3 sees as its own past.
    g = context_features(emb, ["c", "b", "b", "a"])
    assert np.all(g[3, 2 * D : 3 * D] == 0)
    assert g[3, 5 * D + 1] == 0.0 and f[3, 5 * D + 1] == 1.0


def test_decayed_context_is_a_convex_mix_of_the_past() -> None:
    emb = np.eye(3, D, dtype=np.float32)
    f = context_features(emb, ["a", "b", "a"])
    ctx = f[2, 4 * D : 5 * D]
    assert ctx[1] > ctx[0] > 0  # the nearer turn weighs more
    assert ctx.sum() == pytest.approx(1.0)
    assert ctx[2] == 0  # never the turn itself


def test_mlp_head_matches_hand_computation() -> None:
    rng = np.random.default_rng(2)
    arrays = {
        "h/mean": np.zeros(3, np.float32), "h/scale": np.ones(3, np.float32),
        "h/W0": rng.normal(size=(3, 4)).astype(np.float32), "h/b0": np.zeros(4, np.float32),
        "h/W1": rng.normal(size=(4, 2)).astype(np.float32), "h/b1": np.ones(2, np.float32),
    }
    head = MLPHead(arrays=arrays, prefix="h")
    x = rng.normal(size=(5, 3)).astype(np.float32)
    expected = np.maximum(x @ arrays["h/W0"], 0) @ arrays["h/W1"] + 1
    assert np.allclose(head(x), expected, atol=1e-5)
    p = softmax(head(x))
    assert np.allclose(p.sum(1), 1.0) and np.all(p > 0)


def test_missing_head_says_how_to_rebuild() -> None:
    with pytest.raises(ModelUnavailableError, match="affect train text"):
        MLPHead(arrays={}, prefix="erc")


def test_speaker_count_must_match() -> None:
    with pytest.raises(ValueError, match="speakers"):
        context_features(dialogue(3), ["a", "b"])


def test_context_pairs_are_past_only_and_speaker_relative() -> None:
    from perception.erc_features import context_pairs

    texts = ["You ate it?", "It was there.", "It had my name!", "Sorry."]
    pairs = context_pairs(["ann", "bob", "ann", "bob"], texts, 2)
    assert pairs[0] == ("A: You ate it?", "")
    # Most recent first; the current speaker is always A, the others by recency.
    assert pairs[3] == ("A: Sorry.", "B: It had my name! | A: It was there.")
    # A later turn never enters an earlier pair.
    changed = context_pairs(["ann", "bob", "ann", "bob"], [*texts[:3], "No regrets."], 2)
    assert changed[:3] == pairs[:3]
    # Names are identities only; regrouping who said what changes the input.
    assert context_pairs(["x", "y", "x", "y"], texts, 2) == pairs
    assert context_pairs(["ann", "bob", "bob", "ann"], texts, 2)[3] != pairs[3]
    assert context_pairs(["a", "b", "c"], ["1", "2", "3"], 1)[2] == ("A: 3", "B: 2")
    with pytest.raises(ValueError, match="speakers"):
        context_pairs(["a"], ["1", "2"], 2)
