"""The EmoryNLP head's length is chosen over folds of whole scenes, and the shipped head was
built that way."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

pytestmark = pytest.mark.backends

if importlib.util.find_spec("torch") is None:
    pytest.skip('torch missing: pip install "affective-agent[text]"', allow_module_level=True)

from agent.training.text_emorynlp import EPOCHS, cv_epochs, scene_folds  # noqa: E402


def test_folds_keep_scenes_whole_and_cover_every_utterance() -> None:
    sizes = [3, 5, 2, 4, 6, 1, 2]
    folds = scene_folds(sizes, 3, seed=13)
    assert np.array_equal(sum(f.astype(int) for f in folds), np.ones(sum(sizes), dtype=int))
    scene = np.repeat(np.arange(len(sizes)), sizes)
    for held in folds:  # a scene is wholly held out or wholly kept
        assert all(len(set(held[scene == s])) == 1 for s in range(len(sizes)))


def test_cv_picks_a_length_that_learns_a_separable_task() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    x = (np.eye(3)[y] * 3 + rng.normal(0, 0.3, (300, 3))).astype(np.float32)
    x = np.concatenate([x, rng.normal(0, 1, (300, 5)).astype(np.float32)], axis=1)
    chosen, means = cv_epochs(x, y, [10] * 30, 3, seed=13)
    assert chosen in EPOCHS and set(means) == set(EPOCHS)
    assert means[chosen] == max(means.values()) and means[chosen] > 0.9


def test_the_shipped_head_says_how_its_length_was_chosen() -> None:
    from perception.text_minilm import load_heads

    _, meta = load_heads(None)
    assert "5-fold CV" in meta["heads"]["emorynlp_head"]
    assert set(meta["heads"]["emorynlp_cv_weighted_f1"]) == {str(e) for e in EPOCHS}
