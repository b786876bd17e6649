"""``ros2 run affective_agent_ros affect_node [--persona NAME] --ros-args -p key:=value``."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from agent.cli.ros import ros
    except ImportError as exc:  # the agent is a pip package, installed beside ROS
        sys.exit(f"the affective agent is not installed: pip install affective-agent ({exc})")
    ros(prog_name="affect_node")


if __name__ == "__main__":
    main()
