"""A soup of low-rank updates is their exact mean, kept in low-rank form."""

from __future__ import annotations

import numpy as np

from agent.training.text_finetune import soup


def _run(rng: np.random.Generator, rank: int) -> dict[str, np.ndarray]:
    return {"0.attention.self.query.lora_A": rng.normal(size=(rank, 12)).astype(np.float16),
            "0.attention.self.query.lora_B": rng.normal(size=(10, rank)).astype(np.float16)}


def _update(run: dict[str, np.ndarray]) -> np.ndarray:
    b = run["0.attention.self.query.lora_B"].astype(np.float32)
    return b @ run["0.attention.self.query.lora_A"].astype(np.float32)


def test_soup_update_is_the_mean_of_the_runs_updates() -> None:
    rng = np.random.default_rng(3)
    runs = [_run(rng, 4) for _ in range(3)]
    mixed = soup(runs)
    assert mixed["0.attention.self.query.lora_A"].shape == (12, 12)  # ranks add up
    want = np.mean([_update(r) for r in runs], axis=0)
    assert np.allclose(_update(mixed), want, atol=0.01 * np.abs(want).max())
    assert not np.allclose(_update(mixed), _update(runs[0]), atol=0.1)


def test_a_single_run_is_unchanged() -> None:
    run = _run(np.random.default_rng(4), 4)
    assert all(np.array_equal(soup([run])[k], run[k]) for k in run)
