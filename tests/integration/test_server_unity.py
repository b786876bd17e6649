"""The Unity/.NET client (clients/unity/AffectClient.cs), compiled and run with Debian's Mono,
holds a 5-turn NPC conversation, is refused an unknown persona, survives a malformed frame and
reports a game event."""

from __future__ import annotations

import glob
import shutil
import subprocess
from pathlib import Path

import pytest
from test_server_npc import check_headless_transcript, run_headless, server_url  # noqa: F401 - fixture

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
    check_headless_transcript(run_headless([MONO, str(program)], server_url))
