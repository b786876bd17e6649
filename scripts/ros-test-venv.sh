#!/usr/bin/env bash
# Make .venv-ros: the project plus the ROS 2 Python wheels from PyPI (rclpy, std_msgs, Fast DDS)
# and rosbags, for tests/integration/test_ros_node.py. Kept apart from .venv because the ROS
# wheels install a start-up hook that re-executes every Python of their venv.
# A robot needs none of this: its own ROS brings rclpy (agent/ros2_pkg).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
if [ ! -x .venv-ros/bin/python ]; then
  "$python" -m venv .venv-ros
fi
# The project's core dependencies and the ros-test extra; the project itself runs from the tree
# (the test puts it on PYTHONPATH), so nothing is built inside the working tree.
deps=$("$python" -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(p["dependencies"] + p["optional-dependencies"]["ros-test"]))')
mapfile -t reqs <<< "$deps"
# colcon: to check that agent/ros2_pkg builds as a robot's ROS would build it
.venv-ros/bin/python -m pip install --disable-pip-version-check -q "${reqs[@]}" \
  colcon-common-extensions
.venv-ros/bin/python -c "import rclpy, std_msgs.msg, rosbags; print('ROS test venv ready')"
