"""`affect ros` as a real ROS 2 process, spoken to by another rclpy process and decoded by rosbags.

Every DDS packet stays inside a network namespace made for the test (``unshare -n``, loopback
only, a random ROS_DOMAIN_ID): nothing is discovered on, or sent to, the host network.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
HERE = Path(__file__).resolve().parent
# The ROS 2 wheels add a start-up hook to their interpreter (a .pth that re-executes Python with
# LD_LIBRARY_PATH set), so they may live in a venv of their own: scripts/ros-test-venv.sh makes
# .venv-ros, and AFFECT_ROS_PYTHON (or that venv, when present) names its interpreter.
_ROS_VENV = HERE.parents[1] / ".venv-ros" / "bin" / "python"
ROS_PYTHON = os.environ.get(
    "AFFECT_ROS_PYTHON", str(_ROS_VENV) if _ROS_VENV.exists() else sys.executable
)


def _ros_missing() -> str | None:
    probe = subprocess.run(
        [ROS_PYTHON, "-c", "import rclpy, std_msgs.msg, rosbags"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return (
            f"rclpy/std_msgs/rosbags not importable by {ROS_PYTHON}: run "
            "scripts/ros-test-venv.sh (or pip install 'affective-agent[ros-test]')"
        )
    return None


def _namespace_works() -> str | None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "needs unshare and ip (util-linux, iproute2) to isolate DDS in a network namespace"
    probe = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"],
                           capture_output=True, check=False)  # fmt: skip
    if probe.returncode != 0:
        return f"cannot create a network namespace here ({probe.stderr.decode()[:120].strip()})"
    return None


def test_node_answers_user_text_with_expression_and_emotion() -> None:
    why = _ros_missing() or _namespace_works()
    if why:
        pytest.skip(why)
    env = {
        **os.environ,
        "ROS_DOMAIN_ID": str(random.randint(1, 100)),
        "ROS_LOCALHOST_ONLY": "1",
        "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
        "PYTHONPATH": os.pathsep.join([str(HERE.parents[1]), os.environ.get("PYTHONPATH", "")]),
    }
    script = ("ip link set lo up && ip link set lo multicast on && "
              f"exec {ROS_PYTHON} {HERE / 'ros_peer.py'}")  # fmt: skip
    proc = subprocess.run(["unshare", "-n", "bash", "-c", script], env=env, capture_output=True,
                          text=True, timeout=180, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    seen = out["seen"]
    assert out["stage"] == "spoken", out
    assert len(out["speeches"]) >= 2  # a reply to the text, and one to /humans/voices/v1/speech
    expression = json.loads(seen["expression"])
    assert set(expression) == {"expression", "valence", "arousal", "confidence"}
    emotion = json.loads(seen["emotion"])
    assert {"valence", "arousal", "dominance", "label", "intensity"} <= set(emotion)
    assert all(-1.0 <= emotion[k] <= 1.0 for k in ("valence", "arousal", "dominance"))
    assert json.loads(seen["mood"])["label"]
    assert seen["speech"].strip()
    assert len(json.loads(seen["blendshapes"])) == 52
    trace = json.loads(seen["trace"])["trace"]
    assert any("fusion: face" in line for line in trace), trace  # the tracked face was used
    assert any(line.startswith("user: sad") for line in trace), trace
    assert json.loads(out["rosbags_emotion"]) == emotion  # an independent CDR decoder agrees
    assert out["rosbags_roundtrip"]
