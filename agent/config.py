"""Persona files: pydantic models holding values only, loaded from TOML."""

from __future__ import annotations

import math
import re
import string
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)

from agent.errors import ConfigError
from agent.types import Strategy
from appraisal import BigFive
from appraisal.emotions import TYPES

PERSONA_DIR = Path(__file__).parent / "personas"
MAX_LINE_CHARS = 300
FACT_NAME = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"
MAX_FACT_CHARS = 200
MAX_FACTS = 256
MAX_LINES = 2000
MAX_INTENTS = 200
MAX_EXAMPLES = 50
MAX_ALL_EXAMPLES = 1000
"""Examples in one persona: each is embedded once when the persona is first used (~4 ms)."""
INTENT_NAME = r"^[A-Za-z0-9_-]{1,64}$"


def check_facts(values: dict[str, Any]) -> dict[str, Any]:
    """Facts are named game values a line says (``{room_price}``) and an LLM is told: a name
    like a Python identifier, a string (at most 200 characters) or a finite number."""
    if len(values) > MAX_FACTS:
        raise ValueError(f"at most {MAX_FACTS} facts, got {len(values)}")
    for name, value in values.items():
        if not isinstance(name, str) or re.fullmatch(FACT_NAME, name) is None:
            raise ValueError(f"fact name {name!r} must be letters, digits and '_', "
                             "not starting with a digit")
        ok = (isinstance(value, str) and len(value) <= MAX_FACT_CHARS) or (
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value))
        if not ok:
            raise ValueError(f"fact {name!r} must be a string of at most {MAX_FACT_CHARS} "
                             f"characters or a finite number, got {str(value)[:40]!r}")
    return values


def _short_entries(value: list[str]) -> list[str]:
    """Entries of 1-300 characters, with runs of spaces made one."""
    for item in value:
        if not item.strip() or len(item) > MAX_LINE_CHARS:
            raise ValueError(f"each entry needs 1-{MAX_LINE_CHARS} characters, got {item!r}")
    return [" ".join(item.split()) for item in value]


def placeholders(template: str) -> list[str]:
    """The fact names a line's text asks for; ``{{`` and ``}}`` are literal braces.

    >>> placeholders("A room is {room_price} a night, {{cash}}.")
    ['room_price']
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(
            f"{exc} in {template!r}; write {{{{ and }}}} for a literal brace"
        ) from None
    names = []
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if re.fullmatch(FACT_NAME, field) is None or spec or conversion:
            raise ValueError(f"{{{field}}} in {template!r}: a placeholder is a fact name only, "
                             "like {room_price}")  # fmt: skip
        names.append(field)
    return names


class Traits(BaseModel):
    """Big Five traits in [0, 1] (0.5 is the population middle)."""

    model_config = ConfigDict(extra="forbid")

    openness: float = Field(0.5, ge=0.0, le=1.0)
    conscientiousness: float = Field(0.5, ge=0.0, le=1.0)
    extraversion: float = Field(0.5, ge=0.0, le=1.0)
    agreeableness: float = Field(0.5, ge=0.0, le=1.0)
    neuroticism: float = Field(0.5, ge=0.0, le=1.0)

    def big_five(self) -> BigFive:
        return BigFive(**self.model_dump())


class Voice(BaseModel):
    """How the persona sounds: TTS engine, voice name and its neutral prosody."""

    model_config = ConfigDict(extra="forbid")

    engine: str = "auto"
    voice: str = "en-us"
    pitch: int = Field(50, ge=0, le=99, description="espeak-ng pitch 0-99 at neutral affect")
    rate_wpm: int = Field(165, ge=80, le=450)


class Goal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    utility: float = Field(ge=-1.0, le=1.0)
    likelihood: float = Field(1.0, ge=0.0, le=1.0)


class Intent(BaseModel):
    """What a player may ask for in words of their own (agent/intents.py): a name that lines
    and appraisal rules list in ``intents``, and example sentences; a turn close enough in
    meaning to an example is heard as that intent."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=INTENT_NAME, description="id that lines and appraisals name")
    examples: list[str] = Field(
        min_length=1, max_length=MAX_EXAMPLES, description="sentences a player might say"
    )

    @field_validator("examples")
    @classmethod
    def _short_examples(cls, value: list[str]) -> list[str]:
        return _short_entries(value)


class Line(BaseModel):
    """An authored line (agent/authored_lines.py): what the character says when the user's
    words touch a topic or a game event happens, optionally only while it feels a given
    emotion; ``{name}`` in its text says the persona's fact of that name."""

    model_config = ConfigDict(extra="forbid")

    topic: str = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="id sent to the engine")
    when: list[str] = Field(
        default_factory=list, description="words or phrases of the user's turn that call the line"
    )
    events: list[str] = Field(
        default_factory=list, description="game events (game_event.event) that call the line"
    )
    intents: list[str] = Field(
        default_factory=list, description="intents ([[intents]] by name) that call the line"
    )
    acts: list[Literal["greeting", "farewell", "thanks", "question", "remark"]] = Field(
        default_factory=list,
        description="kinds of turn that call the line when no words or intents do "
        "(agent.authored_lines.turn_acts); a told trouble calls none",
    )
    say: list[str] = Field(min_length=1, description="what to say; variants are taken in turn")
    feeling: list[str] = Field(
        default_factory=list,
        description="OCC emotion types (or 'neutral'); the line waits until one is felt",
    )
    strategy: str = Field("Information", description="the strategy the line counts as")
    liking_below: float | None = Field(
        None, ge=-1.0, le=1.0, description="the line waits until liking of the speaker is below"
    )
    liking_above: float | None = Field(
        None, ge=-1.0, le=1.0, description="the line waits until liking of the speaker is above"
    )

    @model_validator(mode="after")
    def _called_somehow(self) -> Line:
        if not self.when and not self.events and not self.intents and not self.acts:
            raise ValueError("a line needs words in 'when', game events in 'events', intents "
                             "in 'intents' or kinds of turn in 'acts'")
        low, high = self.liking_above, self.liking_below
        if low is not None and high is not None and low >= high:
            raise ValueError(f"liking_above {low} must be less than liking_below {high}")
        return self

    @property
    def conditional(self) -> bool:
        """Whether the line waits for a feeling or a liking (such lines go first)."""
        return bool(self.feeling) or self.liking_below is not None or self.liking_above is not None

    @field_validator("when", "say", "events")
    @classmethod
    def _short_text(cls, value: list[str]) -> list[str]:
        return _short_entries(value)

    @field_validator("say")
    @classmethod
    def _placeholders(cls, value: list[str]) -> list[str]:
        for item in value:
            placeholders(item)
        return value

    @field_validator("feeling")
    @classmethod
    def _known_feelings(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in TYPES and name != "neutral":
                raise ValueError(f"unknown feeling {name!r}; one of: neutral, {', '.join(TYPES)}")
        return value

    @field_validator("strategy")
    @classmethod
    def _known_strategy(cls, value: str) -> str:
        return Strategy.parse(value).value


class WordAppraisal(BaseModel):
    """An authored appraisal rule (agent/turn_appraisal.py): words of the user that the
    character appraises as an event, with OCC's variables, as the engine's ``game_event``
    carries them; "Your ale tastes like mud" can be blameworthy and bad for a tavern keeper."""

    model_config = ConfigDict(extra="forbid")

    event: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="name in the trace")
    when: list[str] = Field(
        default_factory=list, description="words or phrases that make the event"
    )
    intents: list[str] = Field(
        default_factory=list, description="intents ([[intents]] by name) that make the event"
    )
    desirability: float = Field(
        ge=-1.0, le=1.0, description="how good it is for the character (or for `goal`)"
    )
    praiseworthiness: float | None = Field(
        None, ge=-1.0, le=1.0, description="how the character judges the speaker for saying it"
    )
    goal: str | None = Field(None, description="a persona goal it touches, by name")

    @field_validator("when")
    @classmethod
    def _short_phrases(cls, value: list[str]) -> list[str]:
        return _short_entries(value)

    @model_validator(mode="after")
    def _made_somehow(self) -> WordAppraisal:
        if not self.when and not self.intents:
            raise ValueError("an appraisal needs words in 'when' or intents in 'intents'")
        return self

    @field_validator("desirability")
    @classmethod
    def _felt_at_all(cls, value: float) -> float:
        if value == 0.0:
            raise ValueError("desirability 0 makes no emotion; give it a sign and a size")
        return value


class Persona(BaseModel):
    """Who the agent is: name, personality, voice, strategies, goals, relations, backends."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=64)
    description: str = ""
    style: str = Field("warm", description="responder style: warm, plain, playful, formal")
    traits: Traits = Traits()
    voice: Voice = Voice()
    strategies: dict[str, float] = Field(
        default_factory=dict,
        description="strategy name -> weight (0 forbids, 1 neutral, >1 favours)",
    )
    goals: list[Goal] = Field(default_factory=list)
    relations: dict[str, float] = Field(
        default_factory=lambda: {"user": 0.5},
        description="agent name -> liking in [-1, 1]",
    )
    backends: dict[str, str] = Field(default_factory=dict)
    lines: list[Line] = Field(
        default_factory=list, max_length=MAX_LINES, description="authored lines, first wins"
    )
    appraisals: list[WordAppraisal] = Field(
        default_factory=list, max_length=MAX_LINES, description="authored appraisal rules"
    )
    intents: list[Intent] = Field(
        default_factory=list, max_length=MAX_INTENTS,
        description="what a player may ask for in their own words (agent/intents.py)",
    )
    intent_similarity: float = Field(
        0.48, ge=0.2, le=0.95,
        description="cosine similarity to an example at which a sentence is heard as its intent",
    )
    facts: dict[str, StrictStr | StrictInt | StrictFloat] = Field(
        default_factory=dict,
        description="named values lines say ({name}) and an LLM is told; the engine updates them",
    )
    store_biometrics: bool = Field(
        False, description="opt-in: persist raw face/voice/physio data (never by default)"
    )
    real_world_advice: bool = Field(
        True,
        description="give real-world first steps for troubles (agent/advice.py: payment plans, "
        "benefits, 211); false for a character in a world of its own, which also keeps to its "
        "world when asked about its past",
    )

    @field_validator("strategies")
    @classmethod
    def _known_strategies(cls, value: dict[str, float]) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, weight in value.items():
            strategy = Strategy.parse(name)
            if not 0.0 <= weight <= 10.0:
                raise ValueError(f"weight of {name!r} must be in [0, 10], got {weight}")
            out[strategy.value] = weight
        if out and all(w == 0 for w in out.values()) and len(out) == len(Strategy):
            raise ValueError("every strategy is forbidden; allow at least one")
        return out

    @field_validator("relations")
    @classmethod
    def _liking_range(cls, value: dict[str, float]) -> dict[str, float]:
        for who, like in value.items():
            if not -1.0 <= like <= 1.0:
                raise ValueError(f"liking of {who!r} must be in [-1, 1], got {like}")
        return value

    @field_validator("facts")
    @classmethod
    def _valid_facts(cls, value: dict[str, Any]) -> dict[str, Any]:
        return check_facts(value)

    @field_validator("lines")
    @classmethod
    def _unique_topics(cls, value: list[Line]) -> list[Line]:
        seen: set[str] = set()
        for line in value:
            if line.topic in seen:
                raise ValueError(f"topic {line.topic!r} appears twice; give each line its own")
            seen.add(line.topic)
        return value

    @model_validator(mode="after")
    def _appraisals_name_known_goals(self) -> Persona:
        goals = {g.name for g in self.goals}
        for rule in self.appraisals:
            if rule.goal is not None and rule.goal not in goals:
                raise ValueError(f"appraisal {rule.event!r} names goal {rule.goal!r}, which "
                                 f"[[goals]] does not have ({', '.join(sorted(goals)) or 'none'})")
        return self

    @model_validator(mode="after")
    def _intents_known(self) -> Persona:
        names = [i.name for i in self.intents]
        examples = sum(len(i.examples) for i in self.intents)
        if examples > MAX_ALL_EXAMPLES:
            raise ValueError(f"the intents have {examples} examples; at most {MAX_ALL_EXAMPLES} "
                             "(each costs about 4 ms when the persona is first used)")
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"intent {twice[0]!r} appears twice; give each intent its own name")
        users = [(f"line {x.topic!r}", x.intents) for x in self.lines]
        users += [(f"appraisal {r.event!r}", r.intents) for r in self.appraisals]
        for who, wanted in users:
            for name in wanted:
                if name not in names:
                    raise ValueError(f"{who} names intent {name!r}, which [[intents]] does not "
                                     f"have ({', '.join(names) or 'none'})")
        return self

    def unused_intents(self) -> list[str]:
        """Intents no line or appraisal names: heard, but never answered (a file mistake)."""
        used = {n for line in self.lines for n in line.intents}
        used |= {n for rule in self.appraisals for n in rule.intents}
        return [i.name for i in self.intents if i.name not in used]

    def strategy_weights(self) -> dict[Strategy, float]:
        return {s: self.strategies.get(s.value, 1.0) for s in Strategy}


def shipped_personas() -> list[str]:
    return sorted(p.stem for p in PERSONA_DIR.glob("*.toml"))


def load_persona(name_or_path: str | Path) -> Persona:
    """Load a shipped persona by name (``sage``) or any TOML file by path."""
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = PERSONA_DIR / f"{name_or_path}.toml"
        if not path.exists():
            raise ConfigError(
                f"no persona named {str(name_or_path)!r}; shipped: {', '.join(shipped_personas())}"
                " (or give a path to a .toml file)"
            )
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"persona file {path} does not exist") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"persona file {path} is not valid TOML: {exc}") from exc
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(file)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"persona file {path} is invalid: {problems}") from exc
