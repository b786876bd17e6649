"""The Unity/.NET client (clients/unity/AffectClient.cs), compiled and run with Debian's Mono,
holds a 5-turn NPC conversation, is refused an unknown persona, survives a malformed frame and
reports a game event."""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_server_npc import TURN_ORDER, server_url  # noqa: F401 - fixture

pytestmark = pytest.mark.integration
MCS, MONO = shutil.which("mcs"), shutil.which("mono")
NEWTONSOFT = sorted(glob.glob("/usr/lib/cli/Newtonsoft.Json*/Newtonsoft.Json.dll"))
CLIENT = Path(__file__).resolve().parents[2] / "clients" / "unity"
needs_mono = pytest.mark.skipif(
    MCS is None or MONO is None or not NEWTONSOFT,
    reason="Mono and Json.NET not installed (apt-get install mono-mcs mono-runtime "
    "libnewtonsoft-json5.0-cil)",
)


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if MCS is None or not NEWTONSOFT:
        pytest.skip("Mono's C# compiler or Json.NET is absent")
    out = tmp_path_factory.mktemp("unity")
    shutil.copy(NEWTONSOFT[-1], out / "Newtonsoft.Json.dll")
    build = subprocess.run(
        [MCS, "-warnaserror", "-r:" + str(out / "Newtonsoft.Json.dll"),
         "-out:" + str(out / "conversation.exe"), str(CLIENT / "AffectClient.cs"),
         str(CLIENT / "tests" / "HeadlessConversation.cs")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout + build.stderr
    return out / "conversation.exe"


@needs_mono
def test_dotnet_client_conversation(program: Path, server_url: str) -> None:  # noqa: F811
    assert MONO is not None
    proc = subprocess.run(
        [MONO, str(program)], env={**os.environ, "AFFECT_URL": server_url},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    out = proc.stdout
    assert proc.returncode == 0, out[-2000:] + proc.stderr[-2000:]
    assert out.rstrip().endswith("RESULT ok")
    turns = [json.loads(line[5:]) for line in out.splitlines() if line.startswith("TURN ")]
    assert len(turns) == 5
    for types in turns:
        assert TURN_ORDER.match(" ".join(types)), types
    assert len(re.findall(r"^BLENDSHAPES 52 ", out, flags=re.M)) == 5
    replies = [json.loads(line[6:]) for line in out.splitlines() if line.startswith("REPLY ")]
    assert len(replies) == 5 and all(replies) and len(set(replies)) == 5
    assert "REFUSED bad_persona" in out and "ERROR bad_json fatal=False" in out
    event = next(line for line in out.splitlines() if line.startswith("EVENT "))
    assert event.startswith('EVENT ["emotion","expression","turn_end"] ')
    # a praiseworthy gift that is good for the NPC: gratitude (OCC compound, docs/protocol.md)
    assert event.endswith(" gratitude")
    lines = re.findall(r'^LINE (\w+) (\w+) (".*")$', out, flags=re.M)
    assert [(topic, strategy) for topic, strategy, _ in lines] == [("room", "Information")] * 2
    assert "five silver a night" in lines[0][2] and "Still seven silver" in lines[1][2]
    before, after = map(float, re.search(r"^LIKING (\S+) (\S+)$", out, flags=re.M).groups())
    assert before == 0.1 and after < before  # the insult event lowered grim's liking
    night = re.search(r"^NIGHT (\S+) (\w+) (\w+)$", out, flags=re.M)
    assert night is not None and night.group(1) == '["emotion","expression","turn_end"]'
    assert (night.group(2), night.group(3)) == ("anger", "neutral")  # a night calms grim
