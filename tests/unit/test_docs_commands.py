"""Every `affect ...` command the docs show names a real subcommand and real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from agent.cli import main

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
        *sorted((ROOT / "agent" / "models").glob("*/README.md"))]


def shown_commands(text: str) -> list[str]:
    """`affect ...` in fenced code blocks and inline code spans, cut at comments and pipes."""
    code = re.findall(r"```[^\n]*\n(.*?)```", text, flags=re.S)
    code += re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    found = []
    for block in code:
        for line in block.splitlines():
            for m in re.finditer(r"(?:^|[\s$(])affect ((?:[^#|&;)\n])+)", line):
                found.append(m.group(1).strip())
    return found


def check(words: list[str]) -> str | None:
    """None when the words name a command and its options; else what is wrong."""
    command: click.Command = main
    ctx = click.Context(main)
    for word in words:
        if isinstance(command, click.Group) and re.fullmatch(r"[a-z][a-z-]*", word):
            sub = command.get_command(ctx, word)  # the groups import their commands on use
            if sub is None:
                return f"no command {word!r} under {command.name!r}"
            command = sub
            continue
        break
    options = {o for p in command.params for o in getattr(p, "opts", []) + p.secondary_opts}
    options |= {"--help"}
    for word in words:
        flag = re.match(r"\[?(--[a-z][a-z0-9-]*)", word)
        if flag and flag.group(1) not in options:
            return f"{command.name!r} has no option {flag.group(1)}"
    return None


def test_the_docs_show_commands() -> None:
    assert len([c for doc in DOCS for c in shown_commands(doc.read_text())]) >= 30


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_documented_command_exists(doc: Path) -> None:
    wrong = []
    for shown in shown_commands(doc.read_text()):
        try:
            words = shlex.split(shown.replace("…", ""))
        except ValueError:
            words = shown.split()
        problem = check(words)
        if problem:
            wrong.append(f"`affect {shown}`: {problem}")
    assert not wrong, "\n".join(wrong)


def test_a_wrong_option_is_caught() -> None:
    assert check(["eval", "erc", "--no-such-flag"]) is not None
    assert check(["evaluate"]) is not None
    assert check(["eval", "erc", "--split", "dev", "--json"]) is None
