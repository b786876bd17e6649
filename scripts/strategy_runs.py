"""How often the agent uses one strategy in a row, live, against ESConv's supporters.

    .venv/bin/python scripts/strategy_runs.py [--split train] [--dialogues 40] [--persona sage]
        [--strategy Question]

Each ESConv dialogue's seeker messages (consecutive turns joined) are said to a fresh agent in
order, and the strategies it chooses are counted as runs of ``--strategy``, with the share of
every strategy; the supporters' replies of the same dialogues are counted the same way.
`affect eval strategy` scores one reply at a time with the true earlier strategies; this shows
what the policy does with its own. The measurement behind agent.strategy_esconv.RUN_DAMP.
ESConv is CC BY-NC 4.0 (academic use); nothing from it is kept.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agent.core import AffectiveAgent  # noqa: E402
from agent.types import Utterance  # noqa: E402


def runs_of(strategies: Sequence[str], name: str = "Question") -> collections.Counter[int]:
    """Lengths of the runs of ``name`` in ``strategies``."""
    runs: collections.Counter[int] = collections.Counter()
    length = 0
    for strategy in [*strategies, ""]:
        if strategy == name:
            length += 1
            continue
        if length:
            runs[length] += 1
        length = 0
    return runs


def seeker_messages_and_strategies(dialogue: dict) -> tuple[list[str], list[str]]:
    """The seeker's messages (consecutive turns joined) and the strategy of each supporter reply
    (its first turn's)."""
    messages, strategies, pending, previous = [], [], [], None
    for turn in dialogue["dialog"]:
        if turn["speaker"] == "usr":
            pending.append(turn["text"])
        else:
            if pending:
                messages.append(" ".join(pending))
                pending = []
            if previous != "sys":
                strategies.append(turn["strategy"])
        previous = turn["speaker"]
    return messages, strategies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "esconv")
    parser.add_argument("--split", default="train", choices=["train", "valid", "test"])
    parser.add_argument("--dialogues", type=int, default=40)
    parser.add_argument("--turns", type=int, default=15, help="Seeker messages per dialogue.")
    parser.add_argument("--persona", default="sage")
    parser.add_argument("--strategy", default="Question", help="The strategy whose runs count.")
    args = parser.parse_args()
    dialogues = json.loads((args.data / f"{args.split}.json").read_text(encoding="utf-8"))
    ours: collections.Counter[int] = collections.Counter()
    theirs: collections.Counter[int] = collections.Counter()
    replies = [0, 0]
    shares: tuple[collections.Counter[str], collections.Counter[str]] = (
        collections.Counter(), collections.Counter())
    for dialogue in dialogues[: args.dialogues]:
        messages, gold = seeker_messages_and_strategies(dialogue)
        with tempfile.TemporaryDirectory() as tmp:
            ticks = iter(range(0, 10**6, 30))
            agent = AffectiveAgent.from_persona(args.persona, db_path=Path(tmp) / "a.db",
                                                clock=lambda t=ticks: float(next(t)))
            chosen = [agent.respond(Utterance(m)).strategy.value
                      for m in messages[: args.turns]]
        ours += runs_of(chosen, args.strategy)
        theirs += runs_of(gold[: args.turns], args.strategy)
        shares[0].update(chosen)
        shares[1].update(gold[: args.turns])
        replies[0] += len(chosen)
        replies[1] += len(gold[: args.turns])
    for who, runs, n, used in (("agent", ours, replies[0], shares[0]),
                               ("supporters", theirs, replies[1], shares[1])):
        share = sum(k * v for k, v in runs.items()) / max(1, n)
        print(f"{who}: {n} replies, {args.strategy} {share:.1%}, runs of it "
              f"(length: count) {dict(sorted(runs.items()))}")
        print("  " + ", ".join(f"{k} {v / max(1, n):.0%}" for k, v in used.most_common()))


if __name__ == "__main__":
    main()
