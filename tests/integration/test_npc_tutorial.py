"""docs/npc-tutorial.md says what its character file and scene do: the file is read from the
page, checked, played through `affect chat --script` and served, and each output is the one the
page shows."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

PAGE = (Path(__file__).resolve().parents[2] / "docs" / "npc-tutorial.md").read_text()


def block(kind: str, after: str = "") -> str:
    """The first fenced ``kind`` block of the page after the text ``after``."""
    found = re.search(rf"```{kind}\n(.*?)```", PAGE[PAGE.index(after):], re.S)
    assert found is not None, f"no {kind} block after {after!r}"
    return found.group(1)


def affect(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "agent", *args], capture_output=True,
                          text=True, timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def npcs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("npcs")
    (folder / "smith.toml").write_text(block("toml"))
    return folder


def test_the_check_shows_what_the_page_says(npcs: Path) -> None:
    (row,) = json.loads(affect("personas", str(npcs / "smith.toml"), "--json",
                               "--try", "Can I buy an axe?"))  # fmt: skip
    assert row["warnings"] == [] and round(row["heard"]["buy_weapon"], 2) == 0.58
    assert row["try"] == {"calm": "sword", "feeling anger/reproach": "no_sale"}


def test_the_scene_plays_as_shown(npcs: Path, tmp_path: Path) -> None:
    scene = tmp_path / "scene.txt"
    scene.write_text(block("text", "## 3. Play a scene"))
    shown = block("console", "## 3. Play a scene").splitlines()[1:]  # after the command
    out = [json.loads(line) for line in affect("chat", "--persona", str(npcs / "smith.toml"),
                                               "--script", str(scene)).splitlines()]  # fmt: skip
    said = [(o.get("text") or o["output"]).splitlines()[0] for o in out]
    assert said == shown


def test_the_served_character_answers_the_page_s_client(npcs: Path) -> None:
    from agent.server.server import AffectServer

    code = block("python", "## 4. Serve it")

    async def main() -> str:
        server = AffectServer(port=0, persona_dir=str(npcs), audio=False)
        await server.start()
        try:
            printed = io.StringIO()
            snippet = code.replace("ws://127.0.0.1:8765", f"ws://127.0.0.1:{server.port}")
            snippet = snippet.replace("asyncio.run(main())", "")
            scope: dict[str, object] = {}
            exec(compile(snippet, "npc-tutorial.md", "exec"), scope)  # the page's own client
            with contextlib.redirect_stdout(printed):
                await scope["main"]()  # type: ignore[operator]
            return printed.getvalue()
        finally:
            await server.close()

    printed = asyncio.run(main())
    assert printed.strip() == "A sword's forty gold. Balanced, and it'll hold an edge. sword"
