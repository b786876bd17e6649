"""The k-fold comparison holds every MELD train dialogue out exactly once, the same way each run."""

from __future__ import annotations

import numpy as np
import pytest

from agent.training.text_kfold import fold_of

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("k", [2, 3, 5])
def test_every_dialogue_is_in_one_fold_of_near_equal_size(k: int) -> None:
    fold = fold_of(1038, k)  # MELD train has 1,038 dialogues
    sizes = np.bincount(fold, minlength=k)
    assert fold.shape == (1038,) and set(fold.tolist()) == set(range(k))
    assert sizes.sum() == 1038 and sizes.max() - sizes.min() <= 1


def test_folds_are_fixed_by_the_seed_and_shuffled() -> None:
    assert np.array_equal(fold_of(300, 3), fold_of(300, 3))
    assert not np.array_equal(fold_of(300, 3, seed=1), fold_of(300, 3, seed=2))
    # Shuffled, not cut in corpus order: the first third is not all fold 0.
    assert len(set(fold_of(300, 3)[:100].tolist())) == 3
