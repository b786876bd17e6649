"""`affect chat --script`: the spine's bar, run as a user would (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from agent.types import Strategy

pytestmark = pytest.mark.integration

STRATEGIES = {s.value for s in Strategy}


def run_chat(stdin: bytes, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "chat", "--script", "-", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def replies(proc: subprocess.CompletedProcess[bytes]) -> list[dict]:
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


def _in_cube(vad: dict) -> bool:
    return all(-1.0 <= vad[k] <= 1.0 for k in ("valence", "arousal", "dominance"))


def test_two_line_conversation_meets_the_bar() -> None:
    proc = run_chat(b"I lost my job today and I feel awful.\nThanks, that actually helps a bit.\n")
    first, second = replies(proc)
    for reply in (first, second):
        assert reply["strategy"] in STRATEGIES
        assert _in_cube(reply["user_affect"]["vad"])
        assert _in_cube(reply["agent_emotion"]["vad"])
        assert _in_cube(reply["agent_emotion"]["mood"]["vad"])
        assert reply["agent_emotion"]["label"]
        assert reply["timings_ms"]["total_ms"] > 0
    assert first["user_affect"]["vad"]["valence"] < 0
    assert second["user_affect"]["vad"]["valence"] > first["user_affect"]["vad"]["valence"]
    assert first["agent_emotion"]["vad"]["valence"] < second["agent_emotion"]["vad"]["valence"]
    assert first["text"] != second["text"]
    assert b"Loading weights" not in proc.stderr  # no library progress bar at every start


def test_bad_input_is_reported_and_the_session_goes_on() -> None:
    junk = bytes(range(0, 256)) * 4
    huge = b"a" * 100_000
    stdin = b"\n" + huge + b"\n" + junk.replace(b"\n", b"") + b"\nI feel a bit better now.\n"
    out = replies(run_chat(stdin))
    assert len(out) == 4
    assert "empty" in out[0]["error"]
    assert "limit" in out[1]["error"]
    assert "binary" in out[2]["error"]
    assert out[3]["text"] and out[3]["strategy"] in STRATEGIES


def test_a_long_turn_is_read_without_alarming_the_user() -> None:
    proc = run_chat(("I need to tell you something. " * 150 + "\n").encode())
    (reply,) = replies(proc)
    assert reply["text"] and reply["strategy"] in STRATEGIES
    # the turn is cut to the model's length; the tokenizer's warning about it is not shown
    assert b"sequence length" not in proc.stderr, proc.stderr.decode()[-500:]


def test_a_user_back_after_a_break_is_greeted_with_what_they_told(tmp_path: Path) -> None:
    db = str(tmp_path / "chat.db")
    replies(run_chat(b"I lost my job last week.\n", "--db", db))
    back, again = replies(run_chat(b"Hello.\nHi.\n", "--db", db))
    assert back["text"].startswith(("Welcome back", "Good to see you again"))
    assert "losing your job" in back["text"]
    assert "Welcome back" not in again["text"]  # only the first turn of the return
    (first,) = replies(run_chat(b"Hello.\n", "--db", str(tmp_path / "new.db")))
    assert "Welcome back" not in first["text"] and "again" not in first["text"]


def test_db_keeps_the_conversation_across_runs(tmp_path: Path) -> None:
    db = tmp_path / "chat.db"
    replies(run_chat(b"My sister Anna is visiting next week and I am nervous.\n", "--db", str(db)))
    replies(run_chat(b"I am still thinking about it.\n", "--db", str(db)))
    from agent.store import Store

    turns = Store(db).turns("default")
    texts = [t.text for t in turns]
    assert len(turns) == 4
    assert texts[0].startswith("My sister Anna")
    assert texts[2] == "I am still thinking about it."


def test_bad_persona_fails_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "X"\n[traits]\nextraversion = 7\n')
    proc = run_chat(b"hello\n", "--persona", str(bad))
    assert proc.returncode != 0
    assert b"extraversion" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_the_readme_example_is_what_chat_prints() -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = re.search(r"```console\n\$ printf '(.*?)' \| affect chat --script -\n(.*?)```", readme,
                      flags=re.S)
    assert block, "README lost its affect chat example"
    said = block.group(1).encode().decode("unicode_escape").encode()
    shown = [json.loads(line.replace(", ...}", "}").replace("...}", "}").replace(", ...", ""))
             for line in block.group(2).splitlines() if line.startswith("{")]
    got = replies(run_chat(said))
    assert [(r["text"], r["strategy"]) for r in got] == [(s["text"], s["strategy"]) for s in shown]


def test_a_script_can_play_the_games_side_of_a_scene() -> None:
    script = ("A room for the night?\n/fact room_price = nine gold\nA room, then?\n"
              "/event insult -0.6 -0.9\n/bogus\n/quit\nnever read\n")
    out = replies(run_chat(script.encode(), "--persona", "grim"))
    assert [o.get("command") for o in out] == [None, "/fact", None, "/event", "/bogus"]
    assert "five silver" in out[0]["text"] and "nine gold" in out[2]["text"]
    assert out[1] == {"command": "/fact", "output": "room_price = nine gold", "script_line": 2}
    assert "Grim feels" in out[3]["output"] and "[" not in out[3]["output"]  # plain, no markup
    assert out[4]["output"].startswith("unknown command /bogus")


def test_a_script_can_put_pauses_between_turns_and_a_bad_pause_loses_nothing() -> None:
    told = "My dog died this morning.\nHe was fourteen.\n"
    hurried = replies(run_chat(f"{told}I keep looking at his bed.\n".encode()))
    paused = replies(run_chat(
        f"{told}/wait 90\n/wait soon\n/wait -5\nI keep looking at his bed.\n".encode()))
    waits = [o for o in paused if o.get("command") == "/wait"]
    assert waits[0]["output"].startswith("90 s later, Sage feels")
    assert all(w["output"].startswith("usage: /wait SECONDS") for w in waits[1:])
    # the last turn is still answered, and the pity felt before it has faded meanwhile
    last_hurried, last_paused = hurried[-1]["agent_emotion"], paused[-1]["agent_emotion"]
    assert "text" in paused[-1]
    assert last_paused["active"].get("pity", 0.0) < last_hurried["active"]["pity"] - 0.2
