"""Barge-in on a scripted audio stream: the agent's speech plays in real time, its echo and
the user's voice arrive at the microphone, and the output must stop within 200 ms of a real
interruption's onset, but not for a soft backchannel."""

from __future__ import annotations

import asyncio
import time

import numpy as np
import pytest

pytest.importorskip("piper")
pytest.importorskip("faster_whisper")
pytest.importorskip("onnxruntime")
pytest.importorskip("silero_vad", reason="silero-vad wheel absent (scripts/nodeps.txt)")

from agent.pipeline import (  # noqa: E402
    AudioFrame,
    AudioOutFrame,
    InterruptFrame,
    Pipeline,
    ReplyFrame,
)
from agent.voice_loop import VoiceAssistant  # noqa: E402
from agent.voice_processors import OutputProcessor, Playback, TurnProcessor  # noqa: E402
from voice.asr import WhisperASR  # noqa: E402
from voice.prosody import Prosody  # noqa: E402
from voice.tts import PiperTTS  # noqa: E402
from voice.turn_taking import speech_level  # noqa: E402
from voice.vad import SileroVAD  # noqa: E402

pytestmark = pytest.mark.integration
RATE, FRAME = 16_000, 512
AGENT_TEXT = ("Let me tell you about the three things that usually help people in your "
              "situation. The first one is to talk to someone you trust about it, even briefly. "
              "The second is to keep a simple routine.")
USER_LEVEL = 0.06
ECHO = 0.15  # speaker-to-microphone coupling of a laptop at arm's length, roughly -16 dB


@pytest.fixture(scope="module")
def voices():
    tts = PiperTTS(seed=2)

    def say(text: str) -> np.ndarray:
        # Piper normalises each utterance to full peak; a person's voice reaches the microphone
        # at one level whatever they say, so every user clip is set to the same speech level
        x = tts.synthesize(text, Prosody(pause_ms=0)).resampled(RATE).samples
        return x * (USER_LEVEL / speech_level(x))
    agent = tts.synthesize(AGENT_TEXT, Prosody()).resampled(RATE).samples
    return {"agent": agent, "interrupt": say("Wait, stop, I have a question."),
            "Yeah.": say("Yeah."), "Okay.": say("Okay."),
            "user_turn": say("I had a really long day at work.")}


def onset(samples: np.ndarray) -> int:
    """First 10 ms block within 26 dB of the loudest: where the speech really starts."""
    blocks = samples[: len(samples) // 160 * 160].reshape(-1, 160)
    level = np.sqrt((blocks.astype(np.float64) ** 2).mean(axis=1))
    return int(np.nonzero(level > level.max() * 0.05)[0][0] * 160)


async def scripted(voices, user: np.ndarray, gain: float, at_s: float):
    assistant = VoiceAssistant(agent=None, vad=SileroVAD(), asr=WhisperASR(), tts=None)
    playback = Playback()
    turn = TurnProcessor(assistant, playback)
    turn.barge.observe_user_turn(speech_level(voices["user_turn"]))  # their previous turn
    pipe = Pipeline([turn, OutputProcessor(playback, realtime=True)])
    await pipe.start()
    agent = voices["agent"]
    delay = int(0.02 * RATE)  # 20 ms from the speaker, through the room, to the microphone
    mic = ECHO * np.concatenate([np.zeros(delay, dtype=np.float32), agent])
    start_i = int(at_s * RATE)
    mic[start_i : start_i + len(user)] += gain * user
    user_onset_s = (start_i + onset(user)) / RATE if np.any(user) else None
    await pipe.send(ReplyFrame(AGENT_TEXT))
    await pipe.send(AudioOutFrame(agent, RATE, 0.0, first=True))
    t0 = time.perf_counter()
    sent_at = {}
    for k, i in enumerate(range(0, len(mic) - FRAME, FRAME)):
        # a microphone frame exists only once its last sample has been recorded
        await asyncio.sleep(max(0.0, t0 + (k + 1) * FRAME / RATE - time.perf_counter()))
        await pipe.send(AudioFrame(mic[i : i + FRAME], RATE, i / RATE))
        sent_at[k] = time.perf_counter()
        if any(e[0] in ("stopped", "done") for e in playback.events):
            break
    await asyncio.sleep(0.3)
    out = await pipe.stop(timeout_s=10)
    return out, playback, user_onset_s, t0


def test_interruption_stops_the_agent_within_200_ms(voices):
    out, playback, onset_s, t0 = asyncio.run(scripted(voices, voices["interrupt"], 1.0, 1.5))
    interrupts = [f for f in out if isinstance(f, InterruptFrame)]
    assert interrupts, "the agent kept talking over a real interruption"
    stopped = next(e for e in playback.events if e[0] == "stopped")
    # the stream time when the stop decision was taken, plus the wall time the stop took
    decided_s = next(e for e in playback.events if e[0] == "interrupt")[2] + FRAME / RATE
    stop_path_s = stopped[1] - next(e for e in playback.events if e[0] == "interrupt")[1]
    latency_ms = (decided_s - onset_s + stop_path_s) * 1000
    print(f"barge-in stop latency {latency_ms:.0f} ms")
    assert 0 < latency_ms <= 200, f"stopped {latency_ms:.0f} ms after the user's onset"


@pytest.mark.parametrize("word", ["Yeah.", "Okay."])
def test_backchannel_does_not_stop_the_agent(voices, word):
    out, playback, _onset, _t0 = asyncio.run(
        scripted(voices, voices[word], 0.35, 1.5)  # backchannels are said softly (-9 dB)
    )
    assert not [f for f in out if isinstance(f, InterruptFrame)]
    assert not [e for e in playback.events if e[0] == "stopped"]


def test_echo_alone_is_not_heard_as_the_user(voices):
    out, playback, _onset, _t0 = asyncio.run(
        scripted(voices, np.zeros(RATE, dtype=np.float32), 0.0, 1.0)
    )
    assert not [f for f in out if isinstance(f, InterruptFrame)]
