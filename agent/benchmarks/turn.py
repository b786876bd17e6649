"""``affect bench turn``: latency of one full ``respond`` turn with the embedded defaults."""

from __future__ import annotations

import json
import time

import click

from agent.benchmarks import machine, percentiles_ms

LINES = (
    "I lost my job today and I feel awful.",
    "My manager didn't even look at me when he told me.",
    "I'm scared I won't be able to pay the rent.",
    "Thanks, that actually helps a bit.",
    "Maybe I could call my old colleague tomorrow.",
    "I'm so angry at how they treated everyone.",
    "Honestly I just feel tired.",
    "What would you do in my place?",
)


@click.command("turn")
@click.option("--turns", default=40, show_default=True, help="Turns to time (after 3 warm-up).")
@click.option("--persona", default="sage", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_turn(turns: int, persona: str, as_json: bool) -> None:
    """Time AffectiveAgent.respond end to end (perception, appraisal, strategy, reply)."""
    from tqdm import tqdm

    from agent.benchmarks.perception import utterances
    from agent.core import AffectiveAgent
    from agent.types import Utterance

    t0 = time.perf_counter()
    agent = AffectiveAgent.from_persona(persona)
    load_s = time.perf_counter() - t0
    for line in LINES[:3]:
        agent.respond(Utterance(line))
    samples = []
    # Every timed turn is new words: the encoders cache what they have read, and a repeated
    # line would time the cache, not a turn.
    for line in tqdm(utterances(turns), desc="turns", disable=as_json):
        start = time.perf_counter()
        agent.respond(Utterance(line))
        samples.append(time.perf_counter() - start)
    result = {"bench": "turn", "load_s": round(load_s, 3), **percentiles_ms(samples),
              "machine": machine()}
    click.echo(json.dumps(result) if as_json else json.dumps(result, indent=2))
