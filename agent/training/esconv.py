"""Read ESConv into strategy samples: the dialogue so far -> the supporter's next strategy.

Two layouts are read (Liu et al., ACL 2021; see ../shared/data/esconv/SOURCE.txt):

* the dialogue JSON release (``train.json``, ``valid.json``; an array of dialogues, or JSON
  Lines), where ``dialog`` is a list of ``{text, speaker: usr|sys, strategy}``;
* the code release's ``*WithStrategy_short.tsv``, one supporter turn per line, turns joined by
  `` EOS ``, each turn ``<score> <speaker 0|1> <index> [Strategy] text``; the last turn is the
  one to predict.

A sample never contains the text of the turn it asks about: only what came before it, which is
all the agent has when it chooses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from agent.errors import AgentError
from agent.types import Strategy
from perception import DialogueTurn

SEEKER = "user"
SUPPORTER = "supporter"
_TSV_TURN = re.compile(r"^\s*(?:[-\d.]+)\s+([01])\s+(\d+)\s+(.*)$", re.S)
_BRACKET = re.compile(r"^\[([^\]]+)\]\s*(.*)$", re.S)


class ESConvDataError(AgentError):
    """An ESConv file could not be read."""


@dataclass(frozen=True, slots=True)
class StrategySample:
    """The turns before a supporter turn, the strategies used so far, and the gold strategy."""

    history: tuple[DialogueTurn, ...]
    previous: tuple[Strategy, ...]
    target: Strategy
    dialogue: str
    reply: str = ""
    """The gold supporter text (never a feature; kept to find overlaps between files)."""


def _strategy_or_none(name: str) -> Strategy | None:
    try:
        return Strategy.parse(name)
    except ValueError:
        return None


def dialogue_records(path: Path) -> list[dict[str, object]]:
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        try:  # JSON Lines, as some copies of the release are
            data = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise ESConvDataError(
                f"{path} is neither a JSON array of ESConv dialogues nor JSON Lines: {exc}"
            ) from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(d, dict) and "dialog" in d for d in data):
        raise ESConvDataError(
            f"{path}: expected ESConv dialogues (objects with a 'dialog' list of "
            "{text, speaker: usr|sys, strategy})"
        )
    return data


SUPPORTER_SPEAKERS = ("sys", "supporter", 1, "1")
"""How the releases name the supporter in a dialogue turn's ``speaker``."""


def read_dialogues(path: str | Path) -> Iterator[StrategySample]:
    """One sample per supporter turn with a known strategy, in dialogue order."""
    path = Path(path)
    for n, record in enumerate(dialogue_records(path)):
        turns: list[DialogueTurn] = []
        previous: list[Strategy] = []
        dialog = record["dialog"]
        assert isinstance(dialog, list)
        for turn in dialog:
            text = " ".join(str(turn.get("text", "")).split())
            is_sys = turn.get("speaker") in SUPPORTER_SPEAKERS
            strategy = _strategy_or_none(str(turn.get("strategy", ""))) if is_sys else None
            if is_sys and strategy is not None:
                yield StrategySample(
                    tuple(turns), tuple(previous), strategy, f"{path.name}:{n}", text
                )
                previous.append(strategy)
            if text:
                turns.append(DialogueTurn(SUPPORTER if is_sys else SEEKER, text))


def read_tsv(path: str | Path) -> Iterator[StrategySample]:
    """One sample per line of a ``*WithStrategy_short.tsv`` file."""
    path = Path(path)
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            parts = [p for p in line.rstrip("\n").split(" EOS ") if p.strip()]
            turns: list[DialogueTurn] = []
            previous: list[Strategy] = []
            parsed: list[tuple[bool, Strategy | None, str]] = []
            first_index = 0
            for position, part in enumerate(parts):
                m = _TSV_TURN.match(part)
                if m is None:
                    raise ESConvDataError(
                        f"{path}:{number}: a turn must read '<score> <0|1> <index> text', "
                        f"got {part[:60]!r}"
                    )
                is_sys, text = m.group(1) == "1", m.group(3)
                if position == 0:
                    first_index = int(m.group(2))
                strategy = None
                bracket = _BRACKET.match(text)
                if is_sys and bracket is not None:
                    # A bracketed word that is not one of the 8 names is part of the text.
                    strategy = _strategy_or_none(bracket.group(1))
                    if strategy is not None:
                        text = bracket.group(2)
                parsed.append((is_sys, strategy, " ".join(text.split())))
            if not parsed or not parsed[-1][0] or parsed[-1][1] is None:
                raise ESConvDataError(
                    f"{path}:{number}: the last turn must be the supporter's, with a [Strategy]"
                )
            # "short" contexts keep only the last turns; the turn index says how many came
            # before. Stand-ins keep the conversation's length (their words and strategies are
            # unknown, so they are empty; seekers usually open, hence the alternation).
            turns.extend(
                DialogueTurn(SEEKER if i % 2 == 0 else SUPPORTER, "") for i in range(first_index)
            )
            for is_sys, strategy, text in parsed[:-1]:
                if is_sys and strategy is not None:
                    previous.append(strategy)
                if text:
                    turns.append(DialogueTurn(SUPPORTER if is_sys else SEEKER, text))
            target = parsed[-1][1]
            assert target is not None
            yield StrategySample(
                tuple(turns), tuple(previous), target, f"{path.name}:{number}", parsed[-1][2]
            )


def read_samples(path: str | Path) -> list[StrategySample]:
    """Samples from a file in either layout (chosen by suffix: .tsv, else dialogue JSON)."""
    path = Path(path)
    if not path.is_file():
        raise ESConvDataError(f"no ESConv file at {path}; pass --data FILE or --data-dir DIR")
    reader = read_tsv if path.suffix.lower() == ".tsv" else read_dialogues
    samples = list(reader(path))
    if not samples:
        raise ESConvDataError(f"{path} holds no supporter turn with a strategy")
    return samples
