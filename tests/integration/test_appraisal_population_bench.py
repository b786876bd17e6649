"""Speed target of the population engine (pytest -m bench; also `affect bench population`)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytestmark = [pytest.mark.bench, pytest.mark.integration]


def test_100k_agents_over_1e6_updates_per_s_and_100x_the_loop() -> None:
    from agent.benchmarks.population import bench_population

    result = CliRunner().invoke(bench_population, ["--agents", "100000", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["updates_per_s"] >= 1e6, out
    assert out["ratio"] >= 100, out
