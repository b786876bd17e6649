"""The voice floor's pure parts: prosody mapping, conversion, turn-taking, the pipeline."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from agent.pipeline import (
    CancelFrame,
    ErrorFrame,
    Frame,
    InterruptFrame,
    Processor,
    TextFrame,
    run_test,
)
from appraisal import VAD
from voice.asr import word_error_rate
from voice.audio import AudioClip, to_mono_float
from voice.errors import AudioFormatError
from voice.prosody import Prosody, prosody_for
from voice.tts import split_sentences, stream_chunks
from voice.turn_taking import (
    BargeAction,
    BargeInDetector,
    EchoGuard,
    EndOfTurnDetector,
    TurnConfig,
    TurnEvent,
    is_backchannel,
    silence_threshold_ms,
    speech_level,
)

pytestmark = pytest.mark.unit
FRAME_S = 0.032


# -- prosody ----------------------------------------------------------------------------------


def test_excited_positive_speaks_higher_faster_louder_than_sad():
    hi, lo = prosody_for(VAD(0.8, 0.8, 0.3), 1.0), prosody_for(VAD(-0.7, -0.7, -0.4), 1.0)
    assert hi.pitch_semitones > 0 > lo.pitch_semitones
    assert hi.rate > 1.0 > lo.rate and hi.volume > lo.volume and hi.pause_ms < lo.pause_ms


def test_intensity_zero_is_neutral_and_extremes_stay_bounded():
    assert prosody_for(VAD(1, 1, 1), 0.0) == Prosody.neutral()
    p = Prosody(pitch_semitones=40, rate=9, volume=-3, pause_ms=1e6)
    assert (p.pitch_semitones, p.rate, p.volume, p.pause_ms) == (6.0, 1.6, 0.3, 1000.0)
    args = p.espeak_args(base_pitch=95, base_rate_wpm=400)
    assert 0 <= args["p"] <= 99 and 80 <= args["s"] <= 450 and 10 <= args["a"] <= 200


# -- audio conversion -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (np.array([0, 128, 255], dtype=np.uint8), [-1.0, 0.0, 0.9921875]),
        (np.array([-32768, 0, 16384], dtype=np.int16), [-1.0, 0.0, 0.5]),
        (np.array([[0.5, -0.5], [1.0, 1.0]], dtype=np.float32), [0.0, 1.0]),
        (np.array([2.0, -3.0]), [1.0, -1.0]),  # clipped into range, not wrapped
    ],
)
def test_to_mono_float_converts_every_format(raw, expected):
    out = to_mono_float(raw)
    assert out.dtype == np.float32 and out.tolist() == pytest.approx(expected)


@pytest.mark.parametrize("raw", [np.zeros(0), np.array([np.nan, 0.0]), np.array(["a"])])
def test_to_mono_float_refuses_broken_input_clearly(raw):
    with pytest.raises(AudioFormatError):
        to_mono_float(raw)


def test_clip_measures_and_chunks():
    clip = AudioClip(np.ones(1000, dtype=np.float32), 16_000)
    assert clip.clipped_fraction == 1.0 and clip.rms == pytest.approx(1.0)
    chunks = list(clip.chunks(32.0))
    assert len(chunks) == 2 and all(len(c) == 512 for c in chunks)


# -- text helpers -----------------------------------------------------------------------------


def test_sentences_and_first_chunk():
    assert split_sentences("One. Two?  Three!") == ["One.", "Two?", "Three!"]
    assert stream_chunks("Short one. Then more.") == ["Short one.", "Then more."]
    first = stream_chunks("I know it feels heavy right now, and that is all right.")[0]
    assert first == "I know it feels heavy right now,"


def test_word_error_rate():
    assert word_error_rate("The cat sat.", "the cat sat") == 0.0
    assert word_error_rate("a b c d", "a x c") == pytest.approx(0.5)


def test_backchannels():
    assert all(is_backchannel(t) for t in ("Mhm.", "yeah", "Okay!", "uh-huh", "I see"))
    assert not any(is_backchannel(t) for t in ("Wait.", "No, stop", "", "yeah but listen to me"))


# -- end of turn ------------------------------------------------------------------------------


def feed(det, pattern):
    """pattern: list of (probability, seconds); returns [(event, t)]."""
    events, t = [], 0.0
    for prob, dur in pattern:
        for _ in range(round(dur / FRAME_S)):
            ev = det.update(prob, t, FRAME_S)
            if ev is not None:
                events.append((ev, round(t + FRAME_S, 3)))
            t += FRAME_S
    return events


def test_end_of_turn_after_the_silence_threshold_not_before():
    det = EndOfTurnDetector(silence_ms=400.0)
    events = feed(det, [(0.0, 0.3), (0.9, 1.0), (0.1, 0.2), (0.9, 0.5), (0.0, 1.0)])
    kinds = [e for e, _ in events]
    assert kinds == [TurnEvent.SPEECH_STARTED, TurnEvent.PAUSED, TurnEvent.RESUMED,
                     TurnEvent.PAUSED, TurnEvent.END_OF_TURN]
    speech_end = FRAME_S * (round(0.3 / FRAME_S) + round(1.0 / FRAME_S) + round(0.2 / FRAME_S)
                            + round(0.5 / FRAME_S))
    waited = events[-1][1] - speech_end
    assert 0.4 - 1e-6 <= waited <= 0.4 + FRAME_S + 1e-6


def test_a_click_is_not_speech():
    assert feed(EndOfTurnDetector(), [(0.0, 0.2), (0.9, 0.032), (0.0, 1.0)]) == []


def test_silence_threshold_adapts_to_the_user():
    c = TurnConfig()
    calm = silence_threshold_ms(c, user=VAD(0.4, 0.1, 0.2), words_per_s=3.0)
    distressed = silence_threshold_ms(c, user=VAD(-0.8, 0.4, -0.6), words_per_s=3.0)
    slow = silence_threshold_ms(c, words_per_s=1.2)
    mid = silence_threshold_ms(c, partial_text="I went to the shop and")
    done = silence_threshold_ms(c, partial_text="I went to the shop.")
    assert distressed > calm and slow > c.base_silence_ms and mid > c.base_silence_ms > done
    assert c.min_silence_ms <= done and distressed <= c.max_silence_ms


# -- barge-in and echo ------------------------------------------------------------------------


def barge(level, dur_s, user_level=0.06):
    det = BargeInDetector(user_level=user_level)
    actions, t = [], 0.0
    for _ in range(round(dur_s / FRAME_S)):
        a = det.update(0.95, level, t, FRAME_S)
        if a is not None:
            actions.append((a, t + FRAME_S))
        t += FRAME_S
    for _ in range(10):
        a = det.update(0.0, 0.0, t, FRAME_S)
        if a is not None:
            actions.append((a, t + FRAME_S))
        t += FRAME_S
    return actions


def test_loud_speech_stops_the_agent_within_200_ms():
    actions = barge(0.06, 1.0)
    assert actions[0][0] is BargeAction.STOP and actions[0][1] <= 0.2
    assert len(actions) == 1


def test_soft_short_backchannel_ducks_then_restores():
    kinds = [a for a, _ in barge(0.015, 0.4)]
    assert kinds == [BargeAction.DUCK, BargeAction.RESTORE]


def test_soft_but_long_speech_still_takes_the_floor():
    actions = barge(0.015, 1.2)
    assert [a for a, _ in actions] == [BargeAction.DUCK, BargeAction.STOP]
    assert actions[1][1] == pytest.approx(TurnConfig().backchannel_max_ms / 1000, abs=FRAME_S)


def test_echo_guard_learns_the_coupling_and_lets_the_user_through():
    guard, rng = EchoGuard(), np.random.default_rng(0)
    for _ in range(50):
        playback = float(rng.uniform(0.05, 0.3))
        assert guard.user_level(0.1 * playback, playback) == 0.0
    assert guard.coupling == pytest.approx(0.1)
    assert guard.user_level(0.08, 0.2) > 0.05  # the user, far above the expected echo


def test_speech_level_rates_a_word_and_a_sentence_alike():
    rng = np.random.default_rng(1)
    vowel = 0.1 * rng.standard_normal(16_000 // 3)
    word = np.concatenate([vowel, np.zeros(4000)])
    sentence = np.concatenate([vowel, 0.02 * rng.standard_normal(8000), vowel, np.zeros(8000)])
    assert speech_level(word) == pytest.approx(speech_level(sentence), rel=0.1)


# -- pipeline ---------------------------------------------------------------------------------


class Slow(Processor):
    """Takes 50 ms per text frame, like a TTS chunk."""

    async def process(self, frame: Frame, push) -> None:
        if isinstance(frame, TextFrame):
            await asyncio.sleep(0.05)
        await push(frame)


class Fails(Processor):
    async def process(self, frame: Frame, push) -> None:
        if isinstance(frame, TextFrame) and frame.text == "bad":
            raise ValueError("cannot read this")
        await push(frame)


def test_run_test_checks_types_values_and_predicates():
    asyncio.run(run_test(Slow(), send=[TextFrame("a"), TextFrame("b")],
                         expect=[TextFrame, lambda f: f.text == "b"]))
    with pytest.raises(AssertionError):
        asyncio.run(run_test(Slow(), send=[TextFrame("a")], expect=[TextFrame("z")]))


def test_interrupt_overtakes_and_drops_queued_data():
    send = [TextFrame(str(i)) for i in range(10)] + [InterruptFrame()]
    out = asyncio.run(run_test(Slow(), send=send))
    texts = [f for f in out if isinstance(f, TextFrame)]
    assert isinstance(out[0], InterruptFrame) and len(texts) <= 1


def test_a_failing_frame_becomes_an_error_frame_and_the_session_goes_on():
    out = asyncio.run(run_test([Fails(), Slow()],
                               send=[TextFrame("bad"), TextFrame("good")]))
    assert isinstance(out[0], ErrorFrame) and "cannot read" in out[0].message
    assert out[1] == TextFrame("good")


def test_cancel_frame_passes_through():
    out = asyncio.run(run_test(Slow(), send=[CancelFrame()]))
    assert out == [CancelFrame()]
