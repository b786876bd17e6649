"""Authored lines: the words a game designer writes for a character, chosen by topic and feeling.

A persona's ``[[lines]]`` (agent/config.py ``Line``) answer the turns a support strategy
cannot: "How much for a room?" to a tavern keeper. A line is called when one of its ``when``
phrases occurs in the user's turn as whole words (any case, any spacing); a line with a
``feeling`` waits until the agent feels one of those emotion types (0.1 or more, the level at
which the agent names an emotion), one with ``liking_below``/``liking_above`` until its liking
of the speaker is past the bound, and such a line then goes before the unconditional ones, so
an angry keeper, or one with a grudge, can answer the same question differently. Otherwise the
first line in the file wins. Its ``say`` variants are taken in turn, counted from the
conversation itself, so a restored session goes on where it stopped. The safety stage still
comes first (agent/core.py).

A line may instead (or also) name game events (``events``): the NPC server speaks it when the
engine reports one (``line_for_event``), a "bark" chosen by the feeling the event left.

A line may also name kinds of turn (``acts``: a greeting, a farewell, thanks, a question or any
other remark; ``turn_acts``), called when no line's words or intents are, so a character keeps
its own voice where the support templates would answer ("Evening. What'll it be?" for "Hello
there"). A turn that tells a trouble, reads as sadness or fear, or is about the agent itself
calls none: the responder answers it, with its care and its honesty about being a program.

This is keyword matching on purpose: the designer sees exactly which words call which line,
as in the dialogue tables of game engines, and it costs microseconds per turn.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from agent.about_agent import about_agent
from agent.config import Line, Persona, placeholders
from agent.dialogue_acts import (
    asks_for_advice,
    is_farewell,
    is_greeting,
)
from agent.troubles import tells_trouble
from agent.types import AgentEmotion, Strategy
from agent.warm_words import (
    only_thanks,
    praises_agent,
)

FELT = 0.1
"""A listed feeling counts from this intensity (appraisal.emotions.EmotionState.dominant)."""


@dataclass(frozen=True, slots=True)
class Chosen:
    """The line that answers a turn and the variant to say, its facts filled in; ``missing``
    names the facts it asks for that are not known (then ``text`` is the unfilled template)."""

    topic: str
    text: str
    strategy: Strategy
    missing: tuple[str, ...] = ()


def fill(template: str, facts: Mapping[str, object]) -> tuple[str, tuple[str, ...]]:
    """The template with its facts said, and the names of any it lacks.

    >>> fill("A room is {price} a night.", {"price": "five silver"})
    ('A room is five silver a night.', ())
    >>> fill("A room is {price} a night.", {})
    ('A room is {price} a night.', ('price',))
    """
    names = placeholders(template)
    missing = tuple(dict.fromkeys(n for n in names if n not in facts))
    if missing:
        return template, missing
    return template.format_map({n: facts[n] for n in names}), ()


@lru_cache(maxsize=4096)
def _variant(template: str) -> re.Pattern[str]:
    """Matches what the template says with any facts filled in (to find it in the past)."""
    out = []
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is not None:
            out.append(".+?")
    return re.compile("".join(out), re.DOTALL)


NEGATION = re.compile(r"(?:not|no|never|without|nor|\w+n[’']t|cannot)[,.!?]*", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;,]|\bbut\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _flat(phrase: str) -> str:
    return phrase.casefold()  # phrases are stored with single spaces (config.Line)


@lru_cache(maxsize=4096)  # above config.MAX_LINES: one persona's lines stay compiled
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = (r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in phrases)
    return re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])", re.IGNORECASE)


def _ready(line: Line, emotion: AgentEmotion | None, liking: float | None) -> bool:
    """Whether the line's conditions hold: a feeling it waits for is felt, and the liking of
    the speaker is inside its bounds (unknown liking meets no bound)."""
    if line.liking_below is not None and (liking is None or not liking < line.liking_below):
        return False
    if line.liking_above is not None and (liking is None or not liking > line.liking_above):
        return False
    return _felt(line, emotion)


def _felt(line: Line, emotion: AgentEmotion | None) -> bool:
    if not line.feeling:
        return True
    if emotion is None:
        return "neutral" in line.feeling
    if "neutral" in line.feeling and emotion.label == "neutral":
        return True
    return any(emotion.active.get(name, 0.0) >= FELT for name in line.feeling)


HURT_LABELS = frozenset({"sadness", "fear"})
"""Readings of a turn that the responder's care answers, not a line called by its kind."""


def turn_acts(text: str, reading: str | None = None) -> frozenset[str]:
    """The kinds of turn ``text`` is, for lines that name ``acts``: ``greeting``,
    ``farewell``, ``thanks``, ``question`` (ends with "?") or ``remark`` (anything else). None
    when it tells a trouble (agent.troubles), asks for advice, is about the agent itself
    (agent.about_agent: its honesty about being a program stays) or ``reading`` (the user's
    emotion label) is sadness or fear.

    >>> sorted(turn_acts("Hello there")), sorted(turn_acts("Do you know the north road?"))
    (['greeting'], ['question'])
    >>> sorted(turn_acts("Fine, here's the gold.")), sorted(turn_acts("Bye then."))
    (['remark'], ['farewell'])
    >>> turn_acts("My dog died."), turn_acts("Are you a real person?")
    (frozenset(), frozenset())
    >>> turn_acts("I don't know.", reading="sadness")
    frozenset()
    """
    if is_greeting(text):
        return frozenset({"greeting"})
    if is_farewell(text):
        return frozenset({"farewell"})
    if only_thanks(text) or praises_agent(text):  # "You're so kind." is thanked like thanks
        return frozenset({"thanks"})
    if (reading in HURT_LABELS or tells_trouble(text) or asks_for_advice(text)
            or about_agent(text) is not None):  # fmt: skip
        return frozenset()
    return frozenset({"question" if text.rstrip().endswith("?") else "remark"})


def choose_line(
    lines: Sequence[Line], text: str, emotion: AgentEmotion | None, said: Sequence[str],
    facts: Mapping[str, object] | None = None, *, liking: float | None = None,
    heard: Collection[str] = (), acts: Collection[str] = (),
) -> Chosen | None:  # fmt: skip
    """The authored line that answers ``text``, or None when no line is called.

    Lines are called by their ``when`` words; only when no line is, by the intents heard in
    the turn (agent.intents): the designer's own words come first. Only when neither calls a
    line, by the kinds of turn it is (``acts``: ``turn_acts``).

    Args:
        said: what the agent has said so far in this conversation, oldest first; a line's
            next variant follows the last of its variants found there.
        facts: the values its ``{placeholders}`` say (the persona's ``[facts]`` as the engine
            last set them).
        liking: the character's liking of the speaker now, for ``liking_below`` and
            ``liking_above`` (a grudge outlasts the anger that started it).
        heard: the names of the persona's intents heard in ``text``.
        acts: the kinds of turn ``text`` is (``turn_acts``).

    >>> room = Line(topic="room", when=["a room", "stay the night"],
    ...             say=["Five silver a night.", "Still five silver."])
    >>> choose_line([room], "How much for A  room?", None, []).text
    'Five silver a night.'
    >>> choose_line([room], "How much for a room?", None, ["Five silver a night."]).text
    'Still five silver.'
    >>> choose_line([room], "A roomy cart.", None, []) is None
    True
    >>> kip = Line(topic="kip", intents=["ask_room"], say=["Stables are free."])
    >>> choose_line([room, kip], "Got anywhere to kip?", None, [], heard={"ask_room"}).text
    'Stables are free.'
    >>> hello = Line(topic="hello", acts=["greeting"], say=["Evening."])
    >>> choose_line([room, hello], "Hi there", None, [], acts=turn_acts("Hi there")).text
    'Evening.'
    """
    flat = " ".join(text.split()).casefold()
    called = [line for line in lines if line.when and says_any(line.when, text, flat)]
    if not called and heard:
        called = [line for line in lines if not set(line.intents).isdisjoint(heard)]
    if not called and acts:
        called = [line for line in lines if not set(line.acts).isdisjoint(acts)]
    return _pick(called, emotion, said, facts or {}, liking)


def says_any(phrases: Sequence[str], text: str, flat: str | None = None) -> bool:
    """Whether one of ``phrases`` occurs in ``text`` as whole words, in any case and spacing
    (``flat``: the text casefolded with single spaces, when the caller has it already).

    A phrase negated in its clause does not count: one of "not", "no", "never", "without" or a
    "-n't" word among the three words before it ("I don't want a room", "this isn't swill").

    >>> says_any(["tastes like mud"], "Your ale TASTES  like mud!"), says_any(["mud"], "muddy")
    (True, False)
    >>> text = "I don't need a room, just a drink."
    >>> says_any(["a room"], text), says_any(["a drink"], text)
    (False, True)
    """
    flat = " ".join(text.split()).casefold() if flat is None else flat
    # a substring test first: most phrases fail it, and it costs far less than the regex
    if not any(_flat(w) in flat for w in phrases):
        return False
    for found in _pattern(tuple(phrases)).finditer(text):
        clause = _CLAUSE_END.split(text[: found.start()])[-1]
        if not any(NEGATION.fullmatch(w) for w in clause.split()[-3:]):
            return True
    return False


def line_for_event(
    lines: Sequence[Line], event: str, emotion: AgentEmotion | None, said: Sequence[str],
    facts: Mapping[str, object] | None = None, *, liking: float | None = None,
) -> Chosen | None:  # fmt: skip
    """The authored line a game event calls (its name in a line's ``events``; exact, any case),
    chosen as ``choose_line`` chooses; the feeling is the one the event left.

    >>> gift = Line(topic="gift", events=["player_gave_gift"], say=["For me? Well, then."])
    >>> line_for_event([gift], "Player_Gave_Gift", None, []).text
    'For me? Well, then.'
    >>> line_for_event([gift], "player_stole", None, []) is None
    True
    """
    name = event.casefold()
    called = [x for x in lines if name in (e.casefold() for e in x.events)]
    return _pick(called, emotion, said, facts or {}, liking)


def _pick(called: Sequence[Line], emotion: AgentEmotion | None, said: Sequence[str],
          facts: Mapping[str, object], liking: float | None) -> Chosen | None:  # fmt: skip
    ready = [line for line in called if _ready(line, emotion, liking)]
    if not ready:
        return None
    line = next((x for x in ready if x.conditional), ready[0])
    index = 0
    for past in reversed(said):  # the last variant of this line said, facts and all
        found = next((k for k, t in enumerate(line.say) if _variant(t).fullmatch(past)), None)
        if found is not None:
            index = (found + 1) % len(line.say)
            break
    text, missing = fill(line.say[index], facts)
    return Chosen(line.topic, text, Strategy.parse(line.strategy), missing)


def shadowed(lines: Sequence[Line]) -> list[tuple[str, str]]:
    """(topic, by topic) for each line an earlier one always answers first: every phrase and
    event that calls it also calls the earlier line, which is ready whenever it is (no feeling,
    or the same feelings), and every intent that calls it calls the earlier line too. Such a
    line is never said, which is a mistake in the file.

    >>> a = Line(topic="a", when=["room"], say=["A."])
    >>> b = Line(topic="b", when=["a room", "spare room"], say=["B."])
    >>> shadowed([a, b]), shadowed([b, a])
    ([('b', 'a')], [])
    """
    out = []
    for j, line in enumerate(lines):
        for earlier in lines[:j]:
            same = (set(earlier.feeling), earlier.liking_below, earlier.liking_above) == (
                set(line.feeling), line.liking_below, line.liking_above)
            if not same:
                continue
            if line.when and not earlier.when:
                continue
            words = all(_pattern(tuple(earlier.when)).search(p) for p in line.when)
            events = {e.casefold() for e in line.events} <= {e.casefold() for e in earlier.events}
            if (words and events and set(line.intents) <= set(earlier.intents)
                    and set(line.acts) <= set(earlier.acts)):  # fmt: skip
                out.append((line.topic, earlier.topic))
                break
    return out


def file_warnings(persona: Persona) -> list[str]:
    """Mistakes in a persona file that loading allows: lines never said, intents never
    answered (``affect personas`` prints them, ``affect serve --personas`` logs them)."""
    return [f"line '{topic}' is never said: line '{by}' answers everything that calls it"
            for topic, by in shadowed(persona.lines)] + [
        f"intent '{name}' is heard but calls no line or appraisal"
        for name in persona.unused_intents()]  # fmt: skip
