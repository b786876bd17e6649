"""``affect bench``: latency and throughput benchmarks."""

from __future__ import annotations

import click

from agent.cli import LazyGroup


@click.group(
    "bench",
    cls=LazyGroup,
    lazy={
        "perception": "agent.benchmarks.perception:bench_perception",
        "population": "agent.benchmarks.population:bench_population",
        "voice": "agent.benchmarks.voice:bench_voice",
        "face": "agent.benchmarks.face:bench_face",
        "server": "agent.benchmarks.server:bench_server",
        "turn": "agent.benchmarks.turn:bench_turn",
    },
)
def bench_group() -> None:
    """Measure speed on this machine (numbers for the README's benchmark table)."""
