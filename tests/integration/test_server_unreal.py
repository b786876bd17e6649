"""The Unreal client's protocol core (clients/unreal/.../AffectProtocol.h), compiled with g++ over
its desktop transport (websocketpp), holds a 5-turn NPC conversation, is refused an unknown
persona, survives a malformed frame, reports a game event, says grim's line before and after a
price change, and calms grim over a night. The engine component that wraps the core needs
Unreal Engine and is not built here (clients/unreal/README.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_server_npc import check_headless_transcript, run_headless, server_url  # noqa: F401 - fixture

pytestmark = pytest.mark.integration
CXX = shutil.which("g++")
CLIENT = Path(__file__).resolve().parents[2] / "clients" / "unreal"
HEADERS = ("websocketpp/client.hpp", "asio.hpp", "nlohmann/json.hpp")
missing = [h for h in HEADERS if not Path("/usr/include", h).is_file()]
needs_cxx = pytest.mark.skipif(
    CXX is None or bool(missing),
    reason=f"g++ or headers absent ({', '.join(missing) or 'g++'}): apt-get install g++ "
    "libwebsocketpp-dev libasio-dev nlohmann-json3-dev",
)


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert CXX is not None
    out = tmp_path_factory.mktemp("unreal") / "conversation"
    build = subprocess.run(
        [CXX, "-std=c++17", "-Wall", "-Wextra", "-Werror",
         "-I", str(CLIENT / "AffectAgent" / "Source" / "AffectAgent" / "Public"),
         "-I", str(CLIENT / "desktop"), str(CLIENT / "tests" / "headless_conversation.cpp"),
         "-o", str(out), "-pthread"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout + build.stderr
    return out


@needs_cxx
def test_cpp_client_conversation(program: Path, server_url: str) -> None:  # noqa: F811
    check_headless_transcript(run_headless([str(program)], server_url))
