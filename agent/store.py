"""SQLite persistence of conversations, per-turn affect and the agent's state (WAL, versioned)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.errors import AgentError

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    persona TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session TEXT NOT NULL REFERENCES sessions(id),
    wall_time REAL NOT NULL,
    speaker TEXT NOT NULL,
    text TEXT NOT NULL,
    strategy TEXT,
    affect TEXT,
    agent_emotion TEXT
);
CREATE INDEX IF NOT EXISTS turns_by_session ON turns(session, id);
CREATE TABLE IF NOT EXISTS agent_state (
    session TEXT PRIMARY KEY REFERENCES sessions(id),
    state TEXT NOT NULL,
    updated REAL NOT NULL
);
"""


class StoreError(AgentError):
    """The database cannot be opened or has an unknown schema."""


@dataclass(frozen=True, slots=True)
class StoredTurn:
    speaker: str
    text: str
    strategy: str | None
    affect: dict[str, Any] | None
    agent_emotion: dict[str, Any] | None


class Store:
    """One database per deployment; many sessions (one per conversation or NPC) inside it.

    Raw biometric streams are never written here; only per-turn affect estimates.
    """

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self._lock = threading.Lock()
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {row[0]}, this build reads "
                f"{SCHEMA_VERSION}; use another --db or migrate it"
            )

    def open_session(self, session: str, persona: str) -> None:
        with self._lock:
            self.conn.execute(
                "INSERT OR IGNORE INTO sessions(id, persona, created) VALUES(?, ?, ?)",
                (session, persona, time.time()),
            )

    def add_turn(
        self,
        session: str,
        speaker: str,
        text: str,
        *,
        strategy: str | None = None,
        affect: dict[str, Any] | None = None,
        agent_emotion: dict[str, Any] | None = None,
    ) -> None:
        with self._lock:
            self.conn.execute(
                "INSERT INTO turns(session, wall_time, speaker, text, strategy, affect, "
                "agent_emotion) VALUES(?, ?, ?, ?, ?, ?, ?)",
                (
                    session,
                    time.time(),
                    speaker,
                    text,
                    strategy,
                    json.dumps(affect) if affect is not None else None,
                    json.dumps(agent_emotion) if agent_emotion is not None else None,
                ),
            )

    def turns(self, session: str, limit: int | None = None) -> list[StoredTurn]:
        """The session's turns, oldest first (the last ``limit`` when given)."""
        query = "SELECT speaker, text, strategy, affect, agent_emotion FROM turns WHERE session=?"
        if limit is None:
            rows = self.conn.execute(query + " ORDER BY id", (session,)).fetchall()
        else:  # the newest ``limit`` rows, not every row of a long session read and cut
            newest = query + " ORDER BY id DESC LIMIT ?"
            rows = self.conn.execute(newest, (session, max(0, limit))).fetchall()[::-1]
        return [
            StoredTurn(
                r[0],
                r[1],
                r[2],
                json.loads(r[3]) if r[3] else None,
                json.loads(r[4]) if r[4] else None,
            )
            for r in rows
        ]

    def save_state(self, session: str, state: dict[str, Any]) -> None:
        with self._lock:
            self.conn.execute(
                "INSERT INTO agent_state(session, state, updated) VALUES(?, ?, ?) "
                "ON CONFLICT(session) DO UPDATE SET state=excluded.state, updated=excluded.updated",
                (session, json.dumps(state), time.time()),
            )

    def load_state(self, session: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT state FROM agent_state WHERE session=?", (session,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def close(self) -> None:
        self.conn.close()
