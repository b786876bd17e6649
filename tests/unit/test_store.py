"""SQLite store: turns and agent state survive reopening; a foreign schema is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent.store import Store, StoreError

pytestmark = pytest.mark.unit


def test_turns_and_state_survive_reopen(tmp_path: Path) -> None:
    db = tmp_path / "agent.db"
    store = Store(db)
    store.open_session("s1", "Sage")
    store.add_turn("s1", "user", "hello", affect={"vad": {"valence": 0.1}})
    store.add_turn("s1", "Sage", "hi there", strategy="Question")
    store.save_state("s1", {"intensity": 0.4})
    store.close()

    again = Store(db)
    turns = again.turns("s1")
    assert [(t.speaker, t.text) for t in turns] == [("user", "hello"), ("Sage", "hi there")]
    assert turns[0].affect == {"vad": {"valence": 0.1}}
    assert turns[1].strategy == "Question"
    assert again.load_state("s1") == {"intensity": 0.4}
    assert again.turns("other") == []
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_limit_gives_the_newest_turns_oldest_first(tmp_path: Path) -> None:
    store = Store(tmp_path / "agent.db")
    for session in ("s1", "s2"):
        store.open_session(session, "Sage")
    for i in range(5):
        store.add_turn("s1", "user", f"turn {i}")
        store.add_turn("s2", "user", f"other {i}")
    assert [t.text for t in store.turns("s1", limit=2)] == ["turn 3", "turn 4"]
    assert [t.text for t in store.turns("s1", limit=9)] == [f"turn {i}" for i in range(5)]
    assert store.turns("s1", limit=0) == []


def test_unknown_schema_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "agent.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(db)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(junk)
