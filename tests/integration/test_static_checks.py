"""The house style's static checks over the whole project: ruff (line length 100) and mypy on
every package, with the pydantic plugin for the config models."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["appraisal", "perception", "agent", "voice", "robots"]


@pytest.mark.parametrize(("tool", "args"), [
    ("ruff", ["check", "."]),
    ("mypy", PACKAGES),
])
def test_the_project_passes(tool: str, args: list[str]) -> None:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (the dev extra)")
    done = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
