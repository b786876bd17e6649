"""``affect bench population``: NPC-scale affect updates, vectorised engine vs a per-agent loop."""

from __future__ import annotations

import json
import time

import click

from agent.benchmarks import machine


@click.command("population")
@click.option("--agents", default=100_000, show_default=True, help="Agents in the population.")
@click.option("--steps", default=20, show_default=True, help="Vectorised steps to time.")
@click.option(
    "--loop-agents",
    default=5_000,
    show_default=True,
    help="Agents the per-agent Python loop updates (its rate per update is size-independent).",
)
@click.option("--seed", default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_population(agents: int, steps: int, loop_agents: int, seed: int, as_json: bool) -> None:
    """Time Population.step on N agents and the same model as a loop of single-agent step calls.

    Each step decays every agent and gives half of them a fresh impulse, as a game tick would.
    Both rates are medians over repeats (each vectorised step; five chunks of the loop), so a
    neighbour's burst on a shared machine skews neither side.
    """
    import numpy as np

    from appraisal import VAD, BigFive, Cause, DynamicsParams, Impulse, step
    from appraisal.dynamics import AffectState
    from appraisal.population import Population

    if agents < 1 or steps < 1 or loop_agents < 1:
        raise click.BadParameter("--agents, --steps and --loop-agents must be positive")
    rng = np.random.default_rng(seed)
    traits = rng.uniform(0, 1, (agents, 5))
    vad = rng.uniform(-1, 1, (agents, 3))
    intensity = rng.uniform(0, 1, agents) * (rng.uniform(size=agents) < 0.5)
    pop = Population.from_traits(traits)
    pop.step(0.1, impulse_vad=vad, impulse_intensity=intensity, cause_id=0)  # warm-up
    step_s = []
    for k in range(steps):
        t0 = time.perf_counter()
        pop.step(0.1, impulse_vad=vad, impulse_intensity=intensity, cause_id=k)
        step_s.append(time.perf_counter() - t0)
    vec_s = float(np.median(step_s))
    updates_per_s = agents / vec_s

    m = min(loop_agents, agents)
    big5 = [BigFive(*row) for row in traits[:m]]
    params = [DynamicsParams.for_personality(b) for b in big5]
    states = [AffectState.at_rest(b) for b in big5]
    cause = Cause("tick", "bench", 0.5)
    impulses = [
        Impulse(VAD(*vad[i]), float(intensity[i]), cause) if intensity[i] > 0 else None
        for i in range(m)
    ]
    chunk_rates = []
    for chunk in np.array_split(np.arange(m), min(5, m)):
        t0 = time.perf_counter()
        for i in chunk:
            states[i] = step(states[i], impulses[i], 0.1, params[i])
        chunk_rates.append(len(chunk) / (time.perf_counter() - t0))
    loop_updates_per_s = float(np.median(chunk_rates))

    result = {
        "bench": "population",
        "agents": agents,
        "steps": steps,
        "step_ms": round(vec_s * 1000.0, 3),
        "updates_per_s": round(updates_per_s),
        "loop_agents": m,
        "loop_updates_per_s": round(loop_updates_per_s),
        "ratio": round(updates_per_s / loop_updates_per_s, 1),
        "machine": machine(),
    }
    click.echo(json.dumps(result) if as_json else json.dumps(result, indent=2))
