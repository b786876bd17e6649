"""`affect eval replay`: ESConv seekers' messages played through the whole agent.

On the real corpus (when present) the responder's promises hold over many long chats: no reply
comes back within the agent's last six, and no template slot is left in a reply. The counting
itself is checked on a file whose counts are known.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent.core import AffectiveAgent
from agent.errors import AgentError
from agent.evaluation.replay import WINDOW, eval_replay, replay, seeker_messages
from agent.training.esconv import dialogue_records
from tests.conftest import corpus

pytestmark = pytest.mark.integration

DIALOGUE = {"dialog": [
    {"speaker": "usr", "text": "Hi."},
    {"speaker": "sys", "text": "Hello, what's on your mind?", "strategy": "Question"},
    {"speaker": "usr", "text": "I lost my job last week."},
    {"speaker": "usr", "text": "I feel like a failure."},
    {"speaker": "sys", "text": "That sounds hard.", "strategy": "Reflection of feelings"},
    {"speaker": "usr", "text": "Thanks for listening, bye!"},
]}  # fmt: skip


def test_the_counts_of_a_file_whose_answers_are_known(tmp_path: Path) -> None:
    data = tmp_path / "two.json"
    data.write_text(json.dumps([DIALOGUE, DIALOGUE]))
    result = CliRunner().invoke(eval_replay, ["--data", str(data), "--text-backend", "lexicon",
                                              "--json", "--top", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    # three messages each (the two seeker turns in a row are one)
    assert report["dialogues"] == 2 and report["turns"] == 6
    assert sum(report["strategies"].values()) == 6
    # the agent is reset between dialogues, so the same dialogue gets the same replies
    assert report["repeated"] == 0 and report["distinct_ratio"] == 1.0
    assert len(report["most_used"]) == 3 and report["most_used"][0][1] == 2
    assert 0 < report["turn_ms"]["p50"] <= report["turn_ms"]["p95"]


def test_a_missing_or_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_replay, ["--data", str(tmp_path / "none.json")])
    assert result.exit_code != 0 and "no ESConv dialogue file" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = CliRunner().invoke(eval_replay, ["--data", str(bad), "--text-backend", "lexicon"])
    assert result.exit_code != 0 and "JSON" in result.output


def test_long_esconv_chats_repeat_nothing_within_the_window_and_fill_every_slot(
        data_dir: Path) -> None:
    records = dialogue_records(corpus(data_dir, "esconv", "valid.json"))
    dialogues = [m for m in map(seeker_messages, records[:12]) if m]
    report = replay(AffectiveAgent.from_persona("sage", text="lexicon"), dialogues)
    assert report["turns"] >= 100  # long chats: about ten messages each
    assert report["repeated_in_window"] == 0, (WINDOW, report["most_used"][:5])
    assert report["unfilled_slots"] == 0
    assert len(report["strategies"]) >= 4


def test_the_replay_keeps_its_own_clock_so_a_slow_machine_changes_nothing(
        data_dir: Path) -> None:
    """The messages carry their times, so an agent whose clock leaps an hour at every reading
    (a machine far slower than any) feels, chooses and says what one on the wall clock does."""
    records = dialogue_records(corpus(data_dir, "esconv", "valid.json"))
    dialogues = [m for m in map(seeker_messages, records[:12]) if m]
    readings = iter(range(0, 10**9, 3600))
    leaping = AffectiveAgent.from_persona("sage", text="lexicon", clock=lambda: next(readings))
    steady = AffectiveAgent.from_persona("sage", text="lexicon")
    slow, quick = replay(leaping, dialogues), replay(steady, dialogues)
    for report in (slow, quick):
        report.pop("turn_ms")
    assert slow == quick
    # the pace itself is felt: with no time between messages the agent chooses otherwise
    assert replay(steady, dialogues, pace=0.0)["strategies"] != quick["strategies"]


def test_a_pace_below_zero_is_refused() -> None:
    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    with pytest.raises(AgentError, match="pace"):
        replay(agent, [["Hi."]], pace=-1.0)
    with pytest.raises(AgentError, match="pace"):
        replay(agent, [["Hi."]], pace=float("nan"))
