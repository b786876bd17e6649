"""``affect eval replay``: the seekers' side of real ESConv dialogues played through the agent.

Scores say how well a part predicts a label; they do not say what a long chat is like. Here
each sampled dialogue's seeker messages (a run of consecutive seeker turns is one message) go
through ``AffectiveAgent.respond`` in order, the agent reset between dialogues, and the report
counts what a user would notice over 20-30 turns:

* ``repeated``: replies the agent had already given earlier in the same dialogue (case, spacing
  and punctuation aside), and ``repeated_in_window``, those within its last ``WINDOW`` replies,
  which the responder is built never to repeat (agent/responder_template.py);
* ``distinct_ratio``: distinct replies over replies, the mean over dialogues;
* ``unfilled_slots``: replies with a template slot left in them (``{topic}``);
* ``most_used``: the replies said most often over all dialogues, with their counts;
* the strategies chosen, and each turn's time (p50/p95).

The messages carry their own times, ``pace`` seconds apart, so the agent's feelings fade by the
same amount between turns however fast the machine is: a replay run beside a training job gives
the same replies as one on an idle machine. ESConv keeps no times; the default pace is an
assumption (a reply read and a message typed), not a measurement.

The seekers' words are the corpus's, not a user's; the report prints only the agent's replies.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.core import AffectiveAgent, reply_key
from agent.errors import AgentError
from agent.training.esconv import SUPPORTER_SPEAKERS, ESConvDataError, dialogue_records
from agent.types import Utterance

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "esconv" / "valid.json"
WINDOW = 6
"""The agent's replies a reply must not repeat: the turns an LLM's prompt keeps (12 turns)."""
PACE_S = 20.0
"""Seconds between a seeker's messages, when the caller does not say."""
_SLOT = re.compile(r"\{\w+\}")


def seeker_messages(record: dict[str, Any]) -> list[str]:
    """The seeker's messages of one ESConv dialogue, in order; consecutive seeker turns are
    joined into one message, as one user would send them before the agent answers.

    >>> seeker_messages({"dialog": [{"speaker": "usr", "text": "Hi."},
    ...     {"speaker": "usr", "text": "I lost my job."}, {"speaker": "sys", "text": "Oh no."},
    ...     {"speaker": "usr", "text": " "}, {"speaker": "usr", "text": "Yes."}]})
    ['Hi. I lost my job.', 'Yes.']
    """
    out: list[str] = []
    run: list[str] = []
    for turn in record.get("dialog", []):
        if turn.get("speaker") in SUPPORTER_SPEAKERS:
            if run:
                out.append(" ".join(run))
            run = []
            continue
        text = " ".join(str(turn.get("text", "")).split())
        if text:
            run.append(text)
    if run:
        out.append(" ".join(run))
    return out


def replay(agent: AffectiveAgent, dialogues: Sequence[list[str]], *, pace: float = PACE_S,
           progress: bool = False) -> dict[str, Any]:
    """Play every dialogue's messages through ``agent`` (reset before each), ``pace`` seconds
    apart on the messages' own clock, and count."""
    if not (np.isfinite(pace) and pace >= 0.0):
        raise AgentError(f"the pace must be zero or more seconds, got {pace!r}")
    from tqdm import tqdm

    said: Counter[str] = Counter()
    strategies: Counter[str] = Counter()
    times: list[float] = []
    ratios: list[float] = []
    repeated = in_window = unfilled = turns = 0
    for messages in tqdm(dialogues, desc="dialogues", disable=not progress):
        agent.reset()
        keys: list[str] = []
        for i, text in enumerate(messages):
            started = time.perf_counter()
            reply = agent.respond(Utterance(text, t=i * pace))
            times.append((time.perf_counter() - started) * 1000.0)
            key = reply_key(reply.text)
            repeated += key in keys
            in_window += key in keys[-WINDOW:]
            unfilled += bool(_SLOT.search(reply.text))
            keys.append(key)
            said[reply.text] += 1
            strategies[reply.strategy.value] += 1
            turns += 1
        if keys:
            ratios.append(len(set(keys)) / len(keys))
    return {
        "dialogues": len(dialogues),
        "turns": turns,
        "repeated": repeated,
        "repeated_share": round(repeated / turns, 4) if turns else 0.0,
        "repeated_in_window": in_window,
        "distinct_ratio": round(float(np.mean(ratios)), 4) if ratios else 0.0,
        "unfilled_slots": unfilled,
        "strategies": dict(strategies.most_common()),
        "turn_ms": {"p50": round(float(np.percentile(times, 50)), 2),
                    "p95": round(float(np.percentile(times, 95)), 2)} if times else {},
        "most_used": said.most_common(),
    }


@click.command("replay")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_FILE, show_default=True,
              help="An ESConv dialogue file (valid.json layout: a JSON array or JSON Lines).")
@click.option("--persona", default="sage", show_default=True,
              help="A shipped persona's name or a persona TOML file.")
@click.option("--text-backend", "text_backend", default="auto", show_default=True,
              help="The text/ERC backend (auto: the embedded MiniLM model with torch, else the "
                   "lexicon).")
@click.option("--limit", type=click.IntRange(1), default=None,
              help="Play this many dialogues, drawn at random with --seed (default: all).")
@click.option("--seed", default=7, show_default=True, help="Seed of the --limit draw.")
@click.option("--pace", type=click.FloatRange(0.0), default=PACE_S, show_default=True,
              help="Seconds between a seeker's messages on the replay's own clock; the "
                   "agent's feelings fade by this much between turns.")
@click.option("--top", type=click.IntRange(0), default=5, show_default=True,
              help="How many of the most used replies to list.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_replay(data_file: Path, persona: str, text_backend: str, limit: int | None, seed: int,
                pace: float, top: int, as_json: bool) -> None:
    """Play the seekers' side of ESConv dialogues through the agent and count what a user
    would notice in a long chat: repeated replies, unfilled slots, the strategies used."""
    try:
        records = dialogue_records(data_file) if data_file.is_file() else None
        if records is None:
            raise ESConvDataError(
                f"no ESConv dialogue file at {data_file}; give --data (see "
                "../shared/data/README.md)")
        dialogues = [m for m in (seeker_messages(r) for r in records) if m]
        if limit is not None and limit < len(dialogues):
            dialogues = random.Random(seed).sample(dialogues, limit)
        agent = AffectiveAgent.from_persona(persona, text=text_backend)
    except (AgentError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    report = replay(agent, dialogues, pace=pace, progress=not as_json)
    report["most_used"] = report["most_used"][:top]
    report.update(persona=agent.persona.name, file=str(data_file), pace_s=pace,
                  sampled=None if limit is None else {"limit": limit, "seed": seed})
    if as_json:
        click.echo(json.dumps(report))
        return
    click.echo(f"{report['dialogues']} dialogues, {report['turns']} replies by "
               f"{report['persona']}")
    click.echo(f"repeated earlier in the dialogue: {report['repeated']} "
               f"({report['repeated_share']:.1%}); within the last {WINDOW} replies: "
               f"{report['repeated_in_window']}")
    click.echo(f"distinct replies per dialogue (mean share): {report['distinct_ratio']:.3f}; "
               f"unfilled slots: {report['unfilled_slots']}")
    click.echo(f"turn time p50 {report['turn_ms'].get('p50')} ms, "
               f"p95 {report['turn_ms'].get('p95')} ms")
    click.echo("strategies: " + ", ".join(f"{k} {v}" for k, v in report["strategies"].items()))
    for text, n in report["most_used"]:
        click.echo(f"  {n:4d}  {text}")
