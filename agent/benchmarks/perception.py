"""``affect bench perception``: latency of the live ERC recognizer per utterance, and throughput.

A live turn is timed as the dialogue manager pays for it: ``erc.predict(history)`` with the
history growing by one new, never-seen utterance per turn (earlier turns come from the cache).
Utterances are composed from short clauses so each one is new text, as in a real conversation.
"""

from __future__ import annotations

import itertools
import json
import time

import click

from agent.benchmarks import machine, percentiles_ms
from agent.cli.encoder_options import encoder_kwargs, encoder_options

OPENERS = ("Honestly,", "Well,", "You know,", "I mean,", "So", "Oh,", "Look,", "Okay,")
CLAUSES = (
    "I lost my job today and I feel awful",
    "my sister finally called me back",
    "I can't believe they cancelled the trip",
    "the new apartment is smaller than I thought",
    "that's the best news I've heard all week",
    "I'm worried the test results will be bad",
    "he just walked out without saying a word",
    "we won the match in the last minute",
    "I keep thinking about what you said",
    "this place smells disgusting",
)
ENDINGS = (".", "!", "?", " again.", " for real.", " at all.")


def utterances(n: int) -> list[str]:
    """``n`` distinct utterances (opener x clause x ending), in a fixed order."""
    combos = itertools.product(ENDINGS, OPENERS, CLAUSES)
    return [f"{o} {c}{e}" for e, o, c in itertools.islice(combos, n)]


@click.command("perception")
@click.option("--turns", default=120, show_default=True, help="Live turns to time.")
@click.option("--batch", default=256, show_default=True, help="Utterances for throughput.")
@click.option("--threads", default=1, show_default=True, help="Encoder threads.")
@encoder_options
@click.option("--backend", type=click.Choice(["minilm", "mpnet"]), default="minilm",
              show_default=True,
              help="The text/ERC model: MiniLM (the live default) or all-mpnet-base-v2 (the "
                   "mpnet extra; float32 always).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_perception(turns: int, batch: int, threads: int, precision: str, runtime: str,
                     backend: str, as_json: bool) -> None:
    """Per-utterance latency (p50/p95) of live ERC and batched text throughput."""
    import torch
    from tqdm import tqdm

    from agent import backends
    from perception import DialogueTurn

    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    text = backends.create("text", backend, threads=threads,
                           **encoder_kwargs(precision, runtime))
    erc = backends.create("erc", backend, text=text)
    load_s = time.perf_counter() - t0
    lines = utterances(turns + batch + 5)
    history: list[DialogueTurn] = []
    for line in lines[:5]:  # warm-up
        history.append(DialogueTurn("user" if len(history) % 2 == 0 else "agent", line))
        erc.predict(history)
    samples = []
    for i, line in enumerate(tqdm(lines[5 : 5 + turns], desc="live turns", disable=as_json)):
        history.append(DialogueTurn("user" if i % 2 == 0 else "agent", line))
        start = time.perf_counter()
        erc.predict(history)
        samples.append(time.perf_counter() - start)
    pending = lines[5 + turns :]
    start = time.perf_counter()
    text.predict_batch(pending)
    batch_s = time.perf_counter() - start
    result = {
        "bench": "perception",
        "backend": f"erc/{backend}",
        "threads": threads,
        "int8": bool(getattr(text.encoder, "quantized", False)),
        "runtime": getattr(text.encoder, "runtime", None),
        "load_s": round(load_s, 2),
        "live": percentiles_ms(samples),
        "batched_utterances_per_s": round(len(pending) / batch_s, 1),
        "machine": machine(),
    }
    click.echo(json.dumps(result) if as_json else json.dumps(result, indent=2))
