"""`affect plot`: a stored conversation's emotion trajectory, as text, JSON and PNG."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from agent.core import AffectiveAgent
from agent.types import Utterance

pytestmark = pytest.mark.integration

LINES = ("I lost my job today and I feel awful.", "Nobody will even call me back.",
         "My friend found me an interview!", "Thanks, I feel so much better now.")


def affect_plot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent", "plot", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plot") / "chat.db"
    agent = AffectiveAgent.from_persona("sage", db_path=path, text="lexicon")
    for i, line in enumerate(LINES):
        agent.respond(Utterance(line, t=20.0 * i))
    return path


def test_the_series_follow_the_conversation(db: Path) -> None:
    proc = affect_plot("--db", str(db), "--json")
    assert proc.returncode == 0, proc.stderr
    series = json.loads(proc.stdout)
    assert set(series) == {"user_valence", "agent_valence", "agent_arousal", "mood_valence"}
    assert all(len(v) == len(LINES) for v in series.values())
    user = series["user_valence"]
    assert user[0] < 0 < user[2] < user[3]  # the bad news, then the good, in order
    text = affect_plot("--db", str(db))
    assert text.returncode == 0 and text.stdout.count("last ") == 4


def test_a_png_is_written(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "trajectory.png"
    proc = affect_plot("--db", str(db), "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5_000


def test_bad_databases_and_sessions_are_clear_errors(db: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    for args, said in ((["--db", str(junk)], "file is not a database"),
                       (["--db", str(db), "--session", "nope"], "no agent turns"),
                       (["--db", str(tmp_path / "missing.db")], "does not exist")):
        proc = affect_plot(*args)
        assert proc.returncode != 0 and said in proc.stderr and "Traceback" not in proc.stderr
