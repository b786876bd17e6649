"""The other side of the ROS test: runs inside its own network namespace (test_ros_node.py).

Starts ``affect ros`` as a process, talks to it from this rclpy node (user text, a tracked face
and its expression), and decodes the raw CDR of the node's replies with rosbags, an independent
implementation of the ROS 2 wire format. Prints one JSON object with what it saw.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import rclpy
from rclpy.node import Node
from rclpy.serialization import deserialize_message
from rosbags.typesys import Stores, get_typestore
from std_msgs.msg import String

TIMEOUT_S = 60.0


def main() -> None:
    agent = subprocess.Popen(
        [sys.executable, "-m", "agent", "ros", "--text-backend", "lexicon",
         "--ros-args", "-p", "emotion_topic:=/test/agent_emotion"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    rclpy.init()
    peer = Node("test_peer")
    seen: dict[str, object] = {}
    raw: dict[str, bytes] = {}

    def keep(key: str):  # type: ignore[no-untyped-def]
        return lambda msg: seen.setdefault(key, msg.data)

    peer.create_subscription(String, "/robot_face/expression", keep("expression"), 10)
    peer.create_subscription(String, "/test/agent_emotion", keep("emotion"), 10)
    peer.create_subscription(String, "/affect/agent/mood", keep("mood"), 10)
    peer.create_subscription(String, "/affect/agent/speech", keep("speech"), 10)
    peer.create_subscription(String, "/affect/agent/trace", keep("trace"), 10)
    peer.create_subscription(String, "/affect/agent/blendshapes", keep("blendshapes"), 10)
    peer.create_subscription(
        String, "/test/agent_emotion", lambda b: raw.setdefault("emotion", b), 10, raw=True
    )
    speeches: list[str] = []
    peer.create_subscription(String, "/affect/agent/speech", lambda m: speeches.append(m.data), 10)
    voices_pub = peer.create_publisher(String, "/humans/voices/tracked", 10)
    voice_pub = peer.create_publisher(String, "/humans/voices/v1/speech", 10)
    text_pub = peer.create_publisher(String, "/affect/user_text", 10)
    faces_pub = peer.create_publisher(String, "/humans/faces/tracked", 10)
    face_pub = peer.create_publisher(String, "/humans/faces/f1/expression", 10)
    face = {"expression": "sad", "valence": -0.7, "arousal": -0.3, "confidence": 0.9}

    deadline = time.monotonic() + TIMEOUT_S
    stage = "discover"
    try:
        while time.monotonic() < deadline and (
            len(seen) < 6 or "emotion" not in raw or len(speeches) < 2
        ):
            rclpy.spin_once(peer, timeout_sec=0.1)
            if stage == "discover" and text_pub.get_subscription_count() > 0:
                faces_pub.publish(String(data=json.dumps(["f1"])))
                stage = "face"
            elif stage == "face" and peer.count_subscribers("/humans/faces/f1/expression") > 0:
                face_pub.publish(String(data=json.dumps(face)))
                for _ in range(10):
                    rclpy.spin_once(peer, timeout_sec=0.05)
                text_pub.publish(String(data="I lost my job today and I feel terrible."))
                stage = "sent"
            elif stage == "sent" and speeches:
                voices_pub.publish(String(data=json.dumps(["v1"])))
                if peer.count_subscribers("/humans/voices/v1/speech") > 0:
                    voice_pub.publish(String(data=json.dumps({"final": "Thanks for listening."})))
                    stage = "spoken"
    finally:
        agent.terminate()
        try:
            _, err = agent.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            agent.kill()
            _, err = agent.communicate()
        peer.destroy_node()
        rclpy.shutdown()

    decoded = None
    if "emotion" in raw:
        store = get_typestore(Stores.ROS2_JAZZY)
        decoded = store.deserialize_cdr(bytes(raw["emotion"]), "std_msgs/msg/String").data
        # and the other way: what rosbags encodes, rclpy decodes to the same text
        ros_string = store.types["std_msgs/msg/String"]
        encoded = store.serialize_cdr(ros_string(data=decoded), "std_msgs/msg/String")
        same = deserialize_message(bytes(encoded), String).data == decoded
    print(json.dumps({
        "stage": stage, "seen": seen, "speeches": speeches, "rosbags_emotion": decoded,
        "rosbags_roundtrip": decoded is not None and same, "agent_stderr": err[-1500:],
    }))  # fmt: skip


if __name__ == "__main__":
    main()
