"""``affect ros``: the agent as a ROS 2 node (ros4hri topics; robots/ros_node.py)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import click

from agent.errors import AgentError


def make_respond(agent: Any) -> Any:
    """The node's ``respond(text, speaker, estimates)`` over an AffectiveAgent."""
    from agent.types import Utterance
    from appraisal import VAD
    from perception import AffectEstimate

    def respond(text: str, speaker: str, estimates: Sequence[dict[str, Any]]) -> dict[str, Any]:
        seen = tuple(
            AffectEstimate(
                VAD.from_dict(e["vad"]),
                {e["label"]: 1.0},
                float(e["confidence"]),
                e["modality"],
                float(e.get("t", time.monotonic())),
            )
            for e in estimates
        )
        return agent.respond(Utterance(text=text, speaker=speaker, estimates=seen)).to_dict()  # type: ignore[no-any-return]

    return respond


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--persona", default="sage", show_default=True, help="Shipped persona or TOML path.")
@click.option("--db", default=None, help="SQLite file keeping the conversation across runs.")
@click.option("--session", default="ros", show_default=True)
@click.option("--text-backend", default="auto", show_default=True)
@click.pass_context
def ros(ctx: click.Context, persona: str, db: str | None, session: str, text_backend: str) -> None:
    """Run the agent as a ROS 2 node; extra arguments go to ROS (--ros-args -p key:=value)."""
    from robots.errors import RendererUnavailableError
    from robots.ros_node import build_node, load_rclpy

    try:
        rclpy, _ = load_rclpy()
    except RendererUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    from agent.core import AffectiveAgent

    overrides: dict[str, Any] = {"text": text_backend} if text_backend != "auto" else {}
    try:
        agent = AffectiveAgent.from_persona(persona, db_path=db, session=session, **overrides)
    except AgentError as exc:
        raise click.ClickException(str(exc)) from exc
    rclpy.init(args=["affect-ros", *ctx.args])
    node = build_node(make_respond(agent))
    try:
        rclpy.spin(node)
    except KeyboardInterrupt:
        pass
    finally:
        node.destroy_node()
        if rclpy.ok():
            rclpy.shutdown()
