"""`affect chat` as a person uses it: a real terminal (a pseudo-terminal), typed lines, /quit."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")]


def read_until(fd: int, pattern: str, timeout_s: float = 60.0) -> str:
    """Terminal output up to and including ``pattern`` (ANSI codes removed)."""
    seen = ""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536).decode(errors="replace")
            except OSError:  # the child closed the terminal
                break
            seen += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", chunk)
            if re.search(pattern, seen):
                return seen
    raise AssertionError(f"no {pattern!r} within {timeout_s} s; the terminal showed:\n"
                         f"{seen[-2000:]}")


@contextlib.contextmanager
def chat_terminal(*args: str) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """`affect chat ARGS` on a pseudo-terminal: its end of the terminal and the process (killed
    if it is still running afterwards)."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent", "chat", "--text-backend", "lexicon", *args],
        stdin=child, stdout=child, stderr=child, env={**os.environ, "COLUMNS": "100"},
        close_fds=True,
    )  # fmt: skip
    os.close(child)
    try:
        yield main, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)


def test_a_typed_conversation_with_help_and_quit() -> None:
    with chat_terminal() as (main, proc):
        read_until(main, r"you> ")  # the welcome panel, then the prompt
        os.write(main, b"/help\n")
        assert "/quit" in read_until(main, r"commands:.*\n(?s:.*)you> ")
        os.write(main, b"/frobnicate\n")
        read_until(main, r"unknown command /frobnicate")
        os.write(main, b"I lost my job today and I feel awful.\n")
        shown = read_until(main, r"Sage> .*(?s:.*)you> ")
        assert "you seem" in shown and "strategy" in shown.lower()
        os.write(main, b"/quit\n")
        assert proc.wait(timeout=60) == 0


def test_a_designer_tries_facts_and_events_and_the_lines_say_them() -> None:
    with chat_terminal("--persona", "grim") as (main, proc):
        read_until(main, r"you> ")
        os.write(main, b"/facts\n")
        read_until(main, r"room_price = five silver")
        os.write(main, b"/fact room_price\n")
        read_until(main, r"usage: /fact NAME = VALUE")
        os.write(main, b"/fact 9lives = x\n")
        read_until(main, r"fact name '9lives'")
        os.write(main, b"/fact room_price = nine gold\n")
        read_until(main, r"room_price = nine gold\s")
        os.write(main, b"A room for the night, please.\n")
        read_until(main, r"Grim> A room's nine gold a night")
        os.write(main, b"/event insult -0.6\n")  # no blame given: distress, no bark yet
        read_until(main, r"Grim feels distress")
        os.write(main, b"/event insult -0.6 -0.9\n")
        read_until(main, r"Grim> Say that again and you'll drink elsewhere\.\s+Grim feels anger")
        os.write(main, b"/event insult loud\n")
        read_until(main, r"usage: /event NAME DESIRABILITY")
        os.write(main, b"/quit\n")
        assert proc.wait(timeout=60) == 0
