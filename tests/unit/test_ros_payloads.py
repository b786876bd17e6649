"""The ROS node's message contents, checked without ROS (the node itself: tests/integration)."""

from __future__ import annotations

import pytest

from robots.expression import HRI_EXPRESSIONS
from robots.ros_node import (
    DEFAULT_TOPICS,
    emotion_payload,
    estimate_from_expression,
    face_for_reply,
    gesture_for_reply,
    mood_payload,
    parse_json_fields,
)

pytestmark = pytest.mark.unit

REPLY = {
    "text": "I'm sorry to hear that.",
    "user_affect": {"confidence": 0.8},
    "agent_emotion": {
        "vad": {"valence": -0.4, "arousal": -0.2, "dominance": -0.5},
        "label": "pity",
        "intensity": 0.6,
        "mood": {"vad": {"valence": 0.2, "arousal": -0.1, "dominance": 0.1}, "label": "relaxed"},
    },
}


def test_emotion_and_mood_payloads() -> None:
    emo = emotion_payload(REPLY)
    assert emo == {"valence": -0.4, "arousal": -0.2, "dominance": -0.5, "label": "pity",
                   "intensity": 0.6}  # fmt: skip
    assert mood_payload(REPLY)["label"] == "relaxed"


def test_face_for_reply_is_hri_compatible() -> None:
    fields = face_for_reply(REPLY).hri_message()
    assert fields["expression"] in HRI_EXPRESSIONS and fields["expression"] == "sad"
    assert fields["valence"] == -0.4 and fields["confidence"] == 0.8


def test_perceived_expression_and_fallback_payloads() -> None:
    est = estimate_from_expression({"expression": "happy", "valence": 0.7, "arousal": 0.3,
                                    "confidence": 1.7})  # fmt: skip
    assert est["label"] == "happy" and est["confidence"] == 1.0 and est["vad"]["valence"] == 0.7
    assert parse_json_fields('["f1", "f2"]') == {"ids": ["f1", "f2"]}
    assert parse_json_fields("hello robot") == {"final": "hello robot"}
    assert parse_json_fields('{"final": "hi"}') == {"final": "hi"}
    assert parse_json_fields("42") == {}


def test_ros4hri_topic_names() -> None:
    assert DEFAULT_TOPICS["expression_topic"] == "/robot_face/expression"
    assert (
        DEFAULT_TOPICS["face_expression_topic"].format(id="abc") == "/humans/faces/abc/expression"
    )
    assert DEFAULT_TOPICS["voice_speech_topic"].format(id="v1") == "/humans/voices/v1/speech"


def test_gesture_for_reply() -> None:
    gesture = gesture_for_reply(REPLY)
    assert gesture is not None and gesture["name"] == "tilt"  # pity tilts the head
    assert gesture["keyframes"][0]["t_ms"] == 0.0
