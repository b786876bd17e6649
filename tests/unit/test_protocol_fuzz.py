"""Property tests of the protocol parser: whatever arrives, a model or a ProtocolError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.server import protocol as p

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_arbitrary_frames_never_crash_the_parser(raw: str | bytes) -> None:
    try:
        p.parse_client(raw)
    except p.ProtocolError as exc:
        assert exc.code in {"bad_json", "bad_message", "unknown_type", "invalid"}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(p.CLIENT_TYPES), st.dictionaries(st.text(max_size=12), json_values, max_size=6)
)
def test_known_types_with_random_fields_validate_or_say_why(kind: str, fields: dict) -> None:
    raw = json.dumps({**fields, "type": kind})
    try:
        msg = p.parse_client(raw)
    except p.ProtocolError as exc:
        assert exc.code == "invalid" and kind in str(exc)
    else:
        assert msg.type == kind  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{", "bad_json"),
        ("[1, 2]", "bad_message"),
        ('{"type": 3}', "bad_message"),
        ('{"type": "fly"}', "unknown_type"),
        ('{"type": "user_text"}', "invalid"),
        ('{"type": "user_text", "text": 5}', "invalid"),
        ('{"type": "user_text", "text": "hi", "admin": true}', "invalid"),
        ('{"type": "user_text", "text": "' + "x" * 5000 + '"}', "invalid"),
        ('{"type": "hello", "protocol": "affect-agent/2"}', "invalid"),
        ('{"type": "hello", "protocol": "affect-agent/1", "persona": "../etc/x"}', "invalid"),
        (
            '{"type": "perception", "modality": "face", "vad": {"valence": NaN, "arousal": 0}}',
            "invalid",
        ),
        ('{"type": "game_event", "event": "hit", "desirability": 7}', "invalid"),
        ("[" * 100_000 + "]" * 100_000, "bad_json"),
    ],
)
def test_malformed_messages_get_their_code(raw: str, code: str) -> None:
    with pytest.raises(p.ProtocolError) as info:
        p.parse_client(raw)
    assert info.value.code == code
    assert len(str(info.value)) <= 500


def test_valid_messages_parse() -> None:
    hello = p.parse_client('{"type": "hello", "protocol": "affect-agent/1", "persona": "grim"}')
    assert isinstance(hello, p.Hello) and hello.persona == "grim" and not hello.audio
    text = p.parse_client('{"type": "user_text", "text": "hello there"}')
    assert isinstance(text, p.UserText) and text.speaker == "user"


def test_server_messages_round_trip() -> None:
    msgs = [
        p.TextDelta(turn_id="t1", text="Hi "),
        p.Emotion(turn_id="t1", label="joy", valence=0.5, arousal=0.2, dominance=0.1,
                  intensity=0.7, mood="exuberant"),
        p.Expression(turn_id="t1", blendshapes={"jawOpen": 0.2}, hri={"expression": "happy"}),
        p.Visemes(turn_id="t1", frames=[p.VisemeFrameModel(viseme="aa", start_ms=0,
                  duration_ms=80)], duration_ms=80, timing="rate"),
        p.TurnEnd(turn_id="t1", latency_ms=3.0),
        p.Error(code="invalid", message="x"),
    ]  # fmt: skip
    for m in msgs:
        assert p.parse_server(m.model_dump_json()) == m


def test_published_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "protocol.schema.json").read_text())
    assert published == json.loads(json.dumps(p.json_schema())), (
        "regenerate: python -m agent.server.schema > docs/protocol.schema.json"
    )
    assert {"Hello", "UserText", "Emotion", "Expression", "Visemes", "Error"} <= set(
        published["$defs"]
    )
