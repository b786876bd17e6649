"""`affect personas`: persona files are checked as the agent reads them, and a designer sees
which authored line a sentence calls, and which lines can never be said."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def affect_personas(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent", "personas", *args],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def test_the_shipped_personas_pass_and_a_sentence_shows_its_line() -> None:
    done = affect_personas("--json", "--try", "A room for the night, please.")
    assert done.returncode == 0, done.stderr
    rows = {row["persona"]: row for row in json.loads(done.stdout)}
    assert {"grim", "sage", "sunny"} <= set(rows)
    grim = rows["grim"]
    assert {"room", "room_refused", "drink"} <= set(grim["topics"]) and "insult" in grim["events"]
    assert grim["warnings"] == [] and grim["appraisals"] == ["house_scorned", "house_praised"]
    assert grim["try"] == {"calm": "room", "feeling anger/reproach": "room_refused",
                           "liking < -0.2": "room_grudge"}
    assert rows["sage"]["try"] == {"calm": None}  # no lines: the responder speaks


def test_a_sentence_in_words_of_its_own_shows_the_intent_it_is_heard_as() -> None:
    pytest.importorskip("torch", reason='intents need the encoder: "affective-agent[text]"')
    done = affect_personas("--json", "--try", "Got anywhere I can sleep?")
    assert done.returncode == 0, done.stderr
    grim = next(row for row in json.loads(done.stdout) if row["persona"] == "grim")
    assert list(grim["heard"]) == ["ask_room"] and grim["heard"]["ask_room"] >= 0.48
    assert grim["try"]["calm"] == "room" and "ask_room" in grim["intents"]


def test_a_bad_file_fails_and_a_line_that_is_never_said_is_named(tmp_path: Path) -> None:
    (tmp_path / "smith.toml").write_text(
        'name = "Brenna"\n'
        '[[lines]]\ntopic = "blade"\nwhen = ["sword", "blade"]\nsay = ["Forty gold."]\n'
        '[[lines]]\ntopic = "longsword"\nwhen = ["long sword"]\nsay = ["Sixty gold."]\n'
    )
    (tmp_path / "broken.toml").write_text('name = "X"\n[traits]\nopenness = 3\n')
    done = affect_personas(str(tmp_path))
    assert done.returncode == 1
    assert "traits.openness" in done.stdout
    assert "line 'longsword' is never said: line 'blade' answers" in " ".join(done.stdout.split())
    ok = affect_personas("--json", str(tmp_path / "smith.toml"))
    assert ok.returncode == 0 and json.loads(ok.stdout)[0]["warnings"]
