"""The agent's body on ROS 2: an rclpy node speaking ros4hri topics.

It listens to the user's text, to ros4hri perception (``/humans/faces/tracked``, each face's
``/humans/faces/<id>/expression``, ``/humans/voices/tracked`` and each voice's
``/humans/voices/<id>/speech``), and publishes the robot's face (``/robot_face/expression``,
hri_msgs/Expression), its ARKit blendshapes, its own emotion and mood, its speech text and the
turn's trace. Every topic name is a ROS parameter. Without hri_msgs the same fields go out as
std_msgs/String holding JSON.

The node does not know the agent: it is given ``respond(text, speaker, estimates) -> reply dict``
(``Reply.to_dict()``), so this floor imports appraisal only and ``affect ros`` wires the agent in.
rclpy comes from the robot's own ROS installation (or the ``ros-rclpy`` wheels on a desktop).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from appraisal import VAD
from robots.errors import RendererUnavailableError
from robots.expression import express
from robots.gestures import choose_gesture

log = logging.getLogger(__name__)

Respond = Callable[[str, str, Sequence[dict[str, Any]]], dict[str, Any]]

DEFAULT_TOPICS: dict[str, str] = {
    "user_text_topic": "/affect/user_text",
    "faces_tracked_topic": "/humans/faces/tracked",
    "face_expression_topic": "/humans/faces/{id}/expression",
    "voices_tracked_topic": "/humans/voices/tracked",
    "voice_speech_topic": "/humans/voices/{id}/speech",
    "expression_topic": "/robot_face/expression",
    "blendshapes_topic": "/affect/agent/blendshapes",
    "emotion_topic": "/affect/agent/emotion",
    "mood_topic": "/affect/agent/mood",
    "speech_topic": "/affect/agent/speech",
    "trace_topic": "/affect/agent/trace",
    "gesture_topic": "/affect/agent/gesture",
}


def load_rclpy() -> tuple[Any, Any]:
    """(rclpy, std_msgs.msg.String), or a clear error saying where ROS 2 comes from."""
    try:
        import rclpy
        from std_msgs.msg import String
    except ImportError as exc:
        raise RendererUnavailableError(
            "affect ros needs ROS 2's rclpy and std_msgs: on a robot, source "
            "/opt/ros/<distro>/setup.bash (or build agent/ros2_pkg with colcon); on a desktop, "
            f'pip install "ros-rclpy[fastrtps]" ros-std-msgs ({exc})'
        ) from exc
    return rclpy, String


def hri_types() -> Any:
    """The hri_msgs module when ros4hri's messages are installed, else None."""
    try:
        import hri_msgs.msg as hri
    except ImportError:
        return None
    return hri


# -- pure conversions (tested without ROS) ------------------------------------------------------


def emotion_payload(reply: dict[str, Any]) -> dict[str, Any]:
    """The agent's emotion: valence, arousal, dominance, label, intensity."""
    emo = reply["agent_emotion"]
    return {**emo["vad"], "label": emo["label"], "intensity": emo["intensity"]}


def mood_payload(reply: dict[str, Any]) -> dict[str, Any]:
    mood = reply["agent_emotion"]["mood"]
    return {**mood["vad"], "label": mood["label"]}


def face_for_reply(reply: dict[str, Any]) -> Any:
    """The FacialExpression of the agent's emotion in a reply."""
    emo = reply["agent_emotion"]
    vad = VAD.from_dict(emo["vad"])
    confidence = float(reply.get("user_affect", {}).get("confidence", 1.0))
    return express(vad, emo["label"], float(emo["intensity"]), confidence=min(1.0, confidence))


def gesture_for_reply(reply: dict[str, Any]) -> dict[str, Any] | None:
    """The named gesture (keyframes) for a reply's emotion and strategy, if one fits."""
    emo = reply["agent_emotion"]
    chosen = choose_gesture(
        label=emo["label"], strategy=reply.get("strategy"), vad=VAD.from_dict(emo["vad"])
    )
    return chosen.to_dict() if chosen is not None else None


def estimate_from_expression(
    fields: dict[str, Any], modality: str = "face", t: float = 0.0
) -> dict[str, Any]:
    """A perceived human expression (hri_msgs/Expression fields) seen at monotonic time ``t``."""
    valence = float(fields.get("valence", 0.0))
    arousal = float(fields.get("arousal", 0.0))
    return {
        "modality": modality,
        "vad": {"valence": valence, "arousal": arousal, "dominance": 0.0},
        "label": str(fields.get("expression") or "neutral"),
        "confidence": max(0.0, min(1.0, float(fields.get("confidence", 0.5)))),
        "t": t,
    }


def parse_json_fields(data: str) -> dict[str, Any]:
    """A std_msgs/String fallback payload: a JSON object, or plain text as ``{"final": text}``."""
    try:
        value = json.loads(data)
    except json.JSONDecodeError:
        return {"final": data}
    return value if isinstance(value, dict) else {"ids": value} if isinstance(value, list) else {}


# -- the node -----------------------------------------------------------------------------------


def build_node(respond: Respond, *, name: str = "affective_agent") -> Any:
    """Create the rclpy node (``rclpy.init`` must have run)."""
    _, String = load_rclpy()
    from rclpy.node import Node

    hri = hri_types()

    class AffectiveAgentNode(Node):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(name)
            for key, default in DEFAULT_TOPICS.items():
                self.declare_parameter(key, default)
            self.faces: dict[str, dict[str, Any]] = {}
            self._subs: dict[str, Any] = {}
            expr_type = hri.Expression if hri is not None else String
            self.pub_expression = self.create_publisher(expr_type, self._t("expression_topic"), 10)
            self.pub = {
                key: self.create_publisher(String, self._t(key), 10)
                for key in ("blendshapes_topic", "emotion_topic", "mood_topic", "speech_topic",
                            "trace_topic", "gesture_topic")
            }  # fmt: skip
            ids_type = hri.IdsList if hri is not None else String
            self.create_subscription(String, self._t("user_text_topic"), self._on_text, 10)
            self.create_subscription(ids_type, self._t("faces_tracked_topic"), self._on_faces, 10)
            self.create_subscription(ids_type, self._t("voices_tracked_topic"), self._on_voices, 10)
            kind = "hri_msgs" if hri is not None else "JSON strings (no hri_msgs)"
            self.get_logger().info(f"listening on {self._t('user_text_topic')}; {kind}")

        def _t(self, key: str) -> str:
            return str(self.get_parameter(key).value)

        def _ids(self, msg: Any) -> list[str]:
            if hri is not None:
                return list(msg.ids)
            return [str(i) for i in parse_json_fields(msg.data).get("ids", [])]

        def _on_faces(self, msg: Any) -> None:
            for fid in self._ids(msg):
                key = f"face:{fid}"
                if key not in self._subs:
                    topic = self._t("face_expression_topic").format(id=fid)
                    msg_type = hri.Expression if hri is not None else String
                    self._subs[key] = self.create_subscription(
                        msg_type, topic, lambda m, f=fid: self._on_face_expression(f, m), 10
                    )

        def _on_voices(self, msg: Any) -> None:
            for vid in self._ids(msg):
                key = f"voice:{vid}"
                if key not in self._subs:
                    topic = self._t("voice_speech_topic").format(id=vid)
                    msg_type = hri.LiveSpeech if hri is not None else String
                    self._subs[key] = self.create_subscription(
                        msg_type, topic, lambda m, v=vid: self._on_speech(v, m), 10
                    )

        def _on_face_expression(self, face_id: str, msg: Any) -> None:
            if hri is not None:
                fields = {"expression": msg.expression, "valence": msg.valence,
                          "arousal": msg.arousal, "confidence": msg.confidence}  # fmt: skip
            else:
                fields = parse_json_fields(msg.data)
            self.faces[face_id] = estimate_from_expression(fields, t=time.monotonic())

        def _on_speech(self, voice_id: str, msg: Any) -> None:
            final = msg.final if hri is not None else parse_json_fields(msg.data).get("final", "")
            if final and str(final).strip():
                self.turn(str(final), f"voice_{voice_id}")

        def _on_text(self, msg: Any) -> None:
            self.turn(msg.data, "user")

        def turn(self, text: str, speaker: str) -> None:
            try:
                reply = respond(text, speaker, list(self.faces.values()))
            except ValueError as exc:  # bad input: say why, keep running, log no transcript
                self.get_logger().warning(f"turn refused ({type(exc).__name__})")
                self._send("trace_topic", {"error": str(exc)[:300]})
                return
            self.publish_reply(reply)

        def publish_reply(self, reply: dict[str, Any]) -> None:
            face = face_for_reply(reply)
            fields = face.hri_message()
            if hri is not None:
                out = hri.Expression()
                out.header.stamp = self.get_clock().now().to_msg()
                out.expression = fields["expression"]
                out.valence = float(fields["valence"])
                out.arousal = float(fields["arousal"])
                out.confidence = float(fields["confidence"])
                self.pub_expression.publish(out)
            else:
                self.pub_expression.publish(String(data=json.dumps(fields)))
            self._send("blendshapes_topic", {k: round(v, 4) for k, v in face.blendshapes.items()})
            self._send("emotion_topic", emotion_payload(reply))
            self._send("mood_topic", mood_payload(reply))
            self.pub["speech_topic"].publish(String(data=reply["text"]))
            gesture = gesture_for_reply(reply)
            if gesture is not None:
                self._send("gesture_topic", gesture)
            self._send("trace_topic", {"trace": reply.get("trace", []),
                                       "strategy": reply.get("strategy")})  # fmt: skip

        def _send(self, key: str, payload: dict[str, Any]) -> None:
            self.pub[key].publish(String(data=json.dumps(payload)))

    return AffectiveAgentNode()
