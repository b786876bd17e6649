"""The ``affect`` command line: each subcommand lives in its own module, imported on use."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import click


def _exists(target: str) -> bool:
    try:
        return importlib.util.find_spec(target.partition(":")[0]) is not None
    except ModuleNotFoundError:
        return False


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when run (keeps ``affect --help`` fast)."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        present = {name for name, target in self._lazy.items() if _exists(target)}
        return sorted(set(super().list_commands(ctx)) | present)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy and _exists(self._lazy[cmd_name]):
            module_name, _, attr = self._lazy[cmd_name].partition(":")
            return getattr(importlib.import_module(module_name), attr)  # type: ignore[no-any-return]
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    lazy={
        "chat": "agent.cli.chat:chat",
        "backends": "agent.cli.backends:backends",
        "eval": "agent.cli.evaluate:eval_group",
        "bench": "agent.cli.bench:bench_group",
        "train": "agent.cli.train:train_group",
        "voice": "agent.cli.voice:voice",
        "serve": "agent.cli.serve:serve",
        "ros": "agent.cli.ros:ros",
        "perceive": "agent.cli.perceive:perceive",
        "plot": "agent.cli.plot:plot",
        "personas": "agent.cli.personas:personas",
    },
)
@click.version_option(package_name="affective-agent")
def main() -> None:
    """Affective agents: perceive the user's emotion, feel, choose how to help, and answer."""
