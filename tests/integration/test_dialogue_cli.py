"""`affect chat --script` over a 10-turn support conversation with the offline responder.

The bar: at least 4 distinct strategies and no two identical replies, with the shipped policy
(``auto``: the ESConv head when its extra is installed) and with the rule policy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from agent.types import Strategy

pytestmark = pytest.mark.integration

SCRIPT = [
    "Hi. I don't really know where to start.",
    "I lost my job last week and I feel like a failure.",
    "My manager said the whole team was cut, but I keep thinking it was me.",
    "I haven't told my wife yet because I'm ashamed.",
    "She thinks I'm still going to the office every morning.",
    "I'm scared we won't be able to pay the rent in March.",
    "What do you think I should do first?",
    "Maybe I could talk to her tonight after dinner.",
    "Okay, I think I can do that. It feels a bit lighter already.",
    "Thank you, this really helped.",
]


def chat(*args: str) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "agent", "chat", "--script", "-", *args],
        input="\n".join(SCRIPT).encode() + b"\n",
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    out = [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]
    assert len(out) == len(SCRIPT)
    assert not any("error" in r for r in out), out
    return out


def check_bar(replies: list[dict]) -> None:
    strategies = [r["strategy"] for r in replies]
    assert set(strategies) <= {s.value for s in Strategy}
    assert len(set(strategies)) >= 4, strategies
    texts = [r["text"] for r in replies]
    assert len(set(texts)) == len(texts), texts
    assert all(r["safety"] is None for r in replies)
    # Context-aware: some reply picks up the user's own words, not only canned lines.
    said = " ".join(SCRIPT).lower()
    echoed = [t for t in texts if any(w in t.lower() for w in ("job", "wife", "rent", "manager"))]
    assert echoed and all(w in said for w in ("job", "wife", "rent", "manager"))


def test_ten_turns_with_the_shipped_policy() -> None:
    check_bar(chat())


def test_ten_turns_with_the_rule_policy(tmp_path: Path) -> None:
    persona = tmp_path / "rules.toml"
    persona.write_text('name = "Sage"\nstyle = "warm"\n[backends]\npolicy = "rules"\n')
    check_bar(chat("--persona", str(persona)))
