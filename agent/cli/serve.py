"""``affect serve``: the NPC engine server (WebSocket, protocol affect-agent/1)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import click

from agent.cli.encoder_options import encoder_kwargs, encoder_options
from agent.errors import AgentError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8765, show_default=True, type=int, help="0 picks a free port.")
@click.option(
    "--token",
    envvar="AFFECT_TOKEN",
    default=None,
    help="Shared secret clients send in hello; required beyond loopback (env AFFECT_TOKEN).",
)
@click.option("--db", default=None, help="SQLite file keeping every session's conversation.")
@click.option(
    "--personas",
    "persona_dir",
    default=None,
    type=click.Path(exists=True, file_okay=False),
    help="Directory of persona TOML files that hello may name (before the shipped ones).",
)
@click.option("--text-backend", default="auto", show_default=True, help="Text emotion backend.")
@click.option("--no-audio", is_flag=True, help="Never synthesise speech, even when asked.")
@click.option("--rate", default=20.0, show_default=True, help="Messages a second per session.")
@encoder_options
def serve(
    host: str, port: int, token: str | None, db: str | None, persona_dir: str | None,
    text_backend: str, no_audio: bool, rate: float, precision: str, runtime: str,
) -> None:  # fmt: skip
    """Serve NPC sessions to game engines (Godot, Unity, Unreal) over WebSocket."""
    from agent.server.server import AffectServer, ServerLimits

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    overrides: dict[str, Any] = {"text": text_backend} if text_backend != "auto" else {}
    try:
        server = AffectServer(
            host=host, port=port, token=token, db_path=db, audio=not no_audio,
            persona_dir=persona_dir, text_options=encoder_kwargs(precision, runtime),
            limits=ServerLimits(messages_per_s=rate, burst=max(1, int(rate * 2))), **overrides,
        )  # fmt: skip
    except AgentError as exc:
        raise click.ClickException(str(exc)) from exc

    async def run() -> None:
        await server.start()
        click.echo(
            f"listening on ws://{host}:{server.port} (affect-agent/1); Ctrl-C stops", err=True
        )
        try:
            await asyncio.Future()
        finally:
            await server.close()

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from exc
