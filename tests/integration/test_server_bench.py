"""`affect bench server` end to end (pytest -m bench); the full run is 100 sessions x 60 s."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.bench


def test_bench_server_short_run_answers_every_turn() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "agent", "bench", "server", "--sessions", "10", "--seconds", "8",
         "--think-s", "1", "--turns-per-session", "3", "--text-backend", "lexicon", "--json"],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["all_answered"] and result["errors"] == 0 and result["turns"] >= 20
    assert result["turn_latency"]["p95_ms"] > 0 and result["rss_mb"]["end"] > 0
    assert result["server_compute"]["n"] == result["turns"]
