"""The engine protocol ``affect-agent/1``: every message as a pydantic model, and its parser.

One WebSocket connection is one NPC session. Text frames carry one JSON object each with a
``type``; binary frames carry audio (16-bit little-endian mono PCM) between ``*_audio_start``
and ``*_audio_end``. docs/protocol.md describes the conversation; docs/protocol.schema.json is
:func:`json_schema` written out by ``python -m agent.server.schema``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
)

from agent.config import FACT_NAME, MAX_FACT_CHARS
from agent.errors import AgentError
from agent.types import MAX_PASSED_S

PROTOCOL = "affect-agent/1"
MAX_TEXT_CHARS = 4_000
NAME_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
PERSONA_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"  # persona names only, never paths


class ProtocolError(AgentError, ValueError):
    """A client frame broke the protocol; ``code`` is the machine-readable reason."""

    def __init__(self, code: str, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.ref = ref


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Axis = Annotated[float, Field(ge=-1.0, le=1.0, allow_inf_nan=False)]
Fraction = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


class VADModel(_Message):
    valence: Axis
    arousal: Axis
    dominance: Axis = 0.0


# -- client -> server -------------------------------------------------------------------------


class Hello(_Message):
    """Opens the session: protocol version, persona, optional session id to resume, token."""

    type: Literal["hello"]
    protocol: Literal["affect-agent/1"]
    persona: str = Field("sage", pattern=PERSONA_PATTERN)
    session: str | None = Field(None, pattern=NAME_PATTERN)
    token: str | None = Field(None, max_length=256)
    audio: bool = Field(False, description="send the reply as speech (audio_* + binary frames)")


class UserText(_Message):
    type: Literal["user_text"]
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    speaker: str = Field("user", pattern=NAME_PATTERN)
    turn_id: str | None = Field(None, pattern=NAME_PATTERN)


class UserAudioStart(_Message):
    type: Literal["user_audio_start"]
    sample_rate_hz: int = Field(16_000, ge=8_000, le=48_000)
    format: Literal["pcm_s16le"] = "pcm_s16le"
    speaker: str = Field("user", pattern=NAME_PATTERN)
    turn_id: str | None = Field(None, pattern=NAME_PATTERN)


class UserAudioEnd(_Message):
    type: Literal["user_audio_end"]


class Perception(_Message):
    """The engine's own reading of the player (a face, a voice), fused with the next turn."""

    type: Literal["perception"]
    modality: Literal["face", "voice", "physio", "text", "game"]
    vad: VADModel
    label: str | None = Field(None, max_length=64)
    confidence: Fraction = 0.5


class GameEvent(_Message):
    """Something that happened in the game, appraised by the NPC with OCC.

    ``desirability`` is how good it is for the NPC (-1 to 1); ``praiseworthiness``, for an action,
    how the NPC judges it against its standards (an insult is about -0.8).
    """

    type: Literal["game_event"]
    event: str = Field(min_length=1, max_length=128)
    actor: str = Field("player", pattern=NAME_PATTERN)
    target: str = Field("self", pattern=NAME_PATTERN)
    desirability: Axis = 0.0
    praiseworthiness: Axis | None = None
    likelihood: Fraction = 1.0


class Facts(_Message):
    """Named values of the game world (a price, a name, a count) that the persona's lines say
    (``{room_price}``) and an LLM responder is told; they replace the values of the same name."""

    type: Literal["facts"]
    values: dict[
        Annotated[str, Field(pattern=FACT_NAME)],
        Annotated[StrictStr, Field(max_length=MAX_FACT_CHARS)] | StrictInt
        | Annotated[StrictFloat, Field(allow_inf_nan=False)],
    ] = Field(min_length=1, max_length=64)


class TimePassed(_Message):
    """Game time gone by at once (a night's sleep, a fast travel, a cut scene): the NPC's
    emotions fade as over ``seconds`` of it, on top of the wall-clock time between messages.
    Answered like a game event without a line: emotion, expression, turn_end."""

    type: Literal["time_passed"]
    seconds: float = Field(gt=0.0, le=MAX_PASSED_S, allow_inf_nan=False)


class Interrupt(_Message):
    type: Literal["interrupt"]


class Playback(_Message):
    """The engine's playback position of the NPC's speech (for barge-in and idle timing)."""

    type: Literal["playback"]
    state: Literal["started", "position", "finished"]
    turn_id: str | None = Field(None, pattern=NAME_PATTERN)
    position_ms: float = Field(0.0, ge=0.0, allow_inf_nan=False)


ClientMessage = Annotated[
    Hello
    | UserText
    | UserAudioStart
    | UserAudioEnd
    | Perception
    | GameEvent
    | Facts
    | TimePassed
    | Interrupt
    | Playback,
    Field(discriminator="type"),
]
CLIENT_TYPES = (
    "hello", "user_text", "user_audio_start", "user_audio_end", "perception", "game_event",
    "facts", "time_passed", "interrupt", "playback",
)  # fmt: skip
_client = TypeAdapter(ClientMessage)


# -- server -> client -------------------------------------------------------------------------


class Limits(_Message):
    max_message_bytes: int
    max_audio_bytes: int
    messages_per_s: float


class HelloAck(_Message):
    type: Literal["hello_ack"] = "hello_ack"
    protocol: Literal["affect-agent/1"] = "affect-agent/1"
    session: str
    persona: str
    audio: bool
    blendshapes: Literal["arkit52"] = "arkit52"
    visemes: Literal["oculus15"] = "oculus15"
    limits: Limits


class Transcript(_Message):
    """What the server heard in the user's audio (sent first in an audio turn)."""

    type: Literal["transcript"] = "transcript"
    turn_id: str
    text: str


class TextDelta(_Message):
    type: Literal["text_delta"] = "text_delta"
    turn_id: str
    text: str


class Emotion(_Message):
    type: Literal["emotion"] = "emotion"
    turn_id: str
    label: str
    valence: Axis
    arousal: Axis
    dominance: Axis
    intensity: Fraction
    mood: str
    causes: list[str] = Field(default_factory=list)
    active: dict[str, Fraction] = Field(
        default_factory=dict,
        description="every OCC emotion type the character feels now (intensity >= 0.05), each "
        "fading on its own half-life: it can be afraid and grateful at once",
    )
    liking: Axis | None = Field(
        None, description="the character's liking of the player now, in [-1, 1]: insults and "
        "blameworthy acts lower it, praise raises it; it lasts (a relationship meter)",
    )  # fmt: skip


class Expression(_Message):
    type: Literal["expression"] = "expression"
    turn_id: str
    blendshapes: dict[str, Fraction]
    hri: dict[str, Any]
    gesture: dict[str, Any] | None = None
    transition_ms: float = 300.0
    idle: dict[str, float] = Field(
        default_factory=dict,
        description="blink_rate_per_min and gaze_range_deg for idle animation until the next turn",
    )


class VisemeFrameModel(_Message):
    viseme: str
    start_ms: float
    duration_ms: float
    weight: Fraction = 1.0


class Visemes(_Message):
    type: Literal["visemes"] = "visemes"
    turn_id: str
    frames: list[VisemeFrameModel]
    duration_ms: float
    timing: Literal["audio", "rate"]


class AudioStart(_Message):
    type: Literal["audio_start"] = "audio_start"
    turn_id: str
    sample_rate_hz: int
    format: Literal["pcm_s16le"] = "pcm_s16le"


class AudioEnd(_Message):
    type: Literal["audio_end"] = "audio_end"
    turn_id: str
    duration_ms: float


class UserAffect(_Message):
    """How the NPC read the player this turn (text fused with any ``perception``)."""

    label: str
    valence: Axis
    arousal: Axis
    confidence: Fraction
    modality: str


class TurnEnd(_Message):
    type: Literal["turn_end"] = "turn_end"
    turn_id: str
    strategy: str | None = None
    line: str | None = Field(
        None, description="topic of the persona's authored line that answered, if one did"
    )
    user: UserAffect | None = None
    interrupted: bool = False
    latency_ms: float


class Error(_Message):
    type: Literal["error"] = "error"
    code: str
    message: str
    ref: str | None = None
    fatal: bool = False


ServerMessage = Annotated[
    HelloAck
    | Transcript
    | TextDelta
    | Emotion
    | Expression
    | Visemes
    | AudioStart
    | AudioEnd
    | TurnEnd
    | Error,
    Field(discriminator="type"),
]
_server = TypeAdapter(ServerMessage)


def parse_client(raw: str | bytes) -> BaseModel:
    """Validate one client text frame, or raise ProtocolError saying what is wrong."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError("bad_json", f"frame is not JSON: {exc}") from None
    except RecursionError:
        raise ProtocolError("bad_json", "frame nests too deeply") from None
    if not isinstance(data, dict):
        raise ProtocolError("bad_message", "a message is a JSON object with a 'type' field")
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("bad_message", "the message has no string 'type' field")
    if kind not in CLIENT_TYPES:
        raise ProtocolError(
            "unknown_type", f"unknown message type {kind[:40]!r}; one of: {', '.join(CLIENT_TYPES)}"
        )
    try:
        return _client.validate_python(data)  # type: ignore[no-any-return]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or kind}: {e['msg']}" for e in exc.errors()
        )
        raise ProtocolError("invalid", f"{kind}: {problems}"[:500], ref=kind) from None


def parse_server(raw: str | bytes) -> BaseModel:
    """Validate one server frame (clients and tests use this)."""
    return _server.validate_json(raw)  # type: ignore[no-any-return]


def json_schema() -> dict[str, Any]:
    """The protocol as one JSON Schema document (client and server messages)."""
    client = _client.json_schema(ref_template="#/$defs/{model}")
    server = _server.json_schema(ref_template="#/$defs/{model}")
    defs = {**client.pop("$defs", {}), **server.pop("$defs", {})}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "affect-agent/1",
        "title": f"Engine protocol {PROTOCOL}",
        "description": "One JSON object per WebSocket text frame; audio as binary PCM s16le.",
        "$defs": {
            **defs,
            "ClientMessage": client,
            "ServerMessage": server,
        },
        "oneOf": [{"$ref": "#/$defs/ClientMessage"}, {"$ref": "#/$defs/ServerMessage"}],
    }
