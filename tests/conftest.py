"""Shared fixtures: where the corpora are, and skips with reasons when they are not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests assert behaviour, not speed: hypothesis's 200 ms deadline per example failed
# test_state_stays_bounded on a loaded machine (277 ms). Speed lives in `affect bench`.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("AFFECT_DATA_DIR", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """../shared/data (or $AFFECT_DATA_DIR); skips the test when the corpora are absent."""
    if not DATA_DIR.is_dir():
        pytest.skip(f"corpora not found at {DATA_DIR} (set AFFECT_DATA_DIR)")
    return DATA_DIR


def corpus(data_dir: Path, *parts: str) -> Path:
    path = data_dir.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path
