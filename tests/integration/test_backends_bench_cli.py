"""`affect backends` and `affect bench turn`, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from agent import backends

pytestmark = pytest.mark.integration


def affect(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent", *args], capture_output=True, text=True,
                          timeout=300, check=False)


def test_backends_lists_the_table_and_what_is_installed_here() -> None:
    proc = affect("backends", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {(r["capability"], r["name"]) for r in rows} == {
        (cap, name) for cap, table in backends.BACKENDS.items() for name in table}
    assert all(r["installed"] in ("yes", "no") and r["embedded"] in ("yes", "no") for r in rows)
    lexicon = next(r for r in rows if (r["capability"], r["name"]) == ("text", "lexicon"))
    assert lexicon["installed"] == "yes" and lexicon["extra"] == "(core)"  # needs no extra
    # every capability the core needs has an embedded backend that works offline
    for cap in ("text", "erc", "policy", "responder"):
        assert any(r["capability"] == cap and r["embedded"] == "yes" and r["installed"] == "yes"
                   for r in rows), cap
    table = affect("backends")
    assert table.returncode == 0 and "minilm" in table.stdout


def test_bench_turn_reports_percentiles() -> None:
    proc = affect("bench", "turn", "--turns", "6", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["bench"] == "turn" and result["n"] == 6
    assert 0 < result["p50_ms"] <= result["p95_ms"] and result["load_s"] > 0
    assert result["machine"]["cpus"] >= 1
