"""A headless Godot 3 client (Debian's godot3-server) holds a 5-turn NPC conversation, and sets a
fact that an authored line then says."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_server_npc import TURN_ORDER, server_url  # noqa: F401 - fixture

pytestmark = pytest.mark.integration
GODOT = shutil.which("godot3-server")
PROJECT = Path(__file__).resolve().parents[2] / "clients" / "godot"


def run_headless(script: str, url: str) -> str:
    """What a headless Godot script under clients/godot/tests printed; it must end well."""
    assert GODOT is not None
    proc = subprocess.run(
        [GODOT, "--path", str(PROJECT), "-s", f"res://tests/{script}"],
        env={**os.environ, "AFFECT_URL": url},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    out = proc.stdout
    assert proc.returncode == 0 and "RESULT ok" in out, out[-2000:] + proc.stderr[-2000:]
    return out


@pytest.mark.skipif(
    GODOT is None, reason="godot3-server not installed (apt-get install godot3-server)"
)
def test_headless_godot_conversation(server_url: str) -> None:  # noqa: F811
    out = run_headless("headless_conversation.gd", server_url)
    turns = [json.loads(line[5:]) for line in out.splitlines() if line.startswith("TURN ")]
    assert len(turns) == 5
    for types in turns:
        assert TURN_ORDER.match(" ".join(types)), types
    assert len(re.findall(r"^BLENDSHAPES 52 ", out, flags=re.M)) == 5


@pytest.mark.skipif(
    GODOT is None, reason="godot3-server not installed (apt-get install godot3-server)"
)
def test_godot_sample_parses(tmp_path: Path) -> None:
    assert GODOT is not None
    sample = PROJECT.parents[1] / "examples" / "godot" / "npc_face.gd"
    for src in (PROJECT / "project.godot", PROJECT / "affect_client.gd", sample):
        shutil.copy(src, tmp_path / src.name)
    proc = subprocess.run(
        [GODOT, "--path", str(tmp_path), "--check-only", "-s", "res://npc_face.gd"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0 and "Parse Error" not in proc.stdout + proc.stderr


@pytest.mark.skipif(
    GODOT is None, reason="godot3-server not installed (apt-get install godot3-server)"
)
def test_godot_sets_a_fact_and_hears_the_line_say_it(server_url: str) -> None:  # noqa: F811
    out = run_headless("headless_lines.gd", server_url)
    assert re.search(r"^LINE room A room's seven silver a night\.", out, flags=re.M), out
    assert re.search(r"^NIGHT emotion neutral expression turn_end$", out, flags=re.M), out
