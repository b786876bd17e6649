"""The streaming voice pipeline end to end on a generated utterance: turn, reply, audio."""

from __future__ import annotations

import asyncio
import shutil

import numpy as np
import pytest

pytest.importorskip("piper")
pytest.importorskip("faster_whisper")
pytest.importorskip("silero_vad", reason="silero-vad wheel absent (scripts/nodeps.txt)")
if shutil.which("espeak-ng") is None:
    pytest.skip("espeak-ng absent", allow_module_level=True)

from agent.pipeline import (  # noqa: E402
    AudioFrame,
    ErrorFrame,
    Pipeline,
    ReplyFrame,
    TranscriptFrame,
    UserStartedSpeakingFrame,
)
from agent.voice_loop import VoiceAssistant  # noqa: E402
from agent.voice_processors import Playback, voice_processors  # noqa: E402
from voice.asr import word_error_rate  # noqa: E402
from voice.tts import PiperTTS  # noqa: E402

pytestmark = pytest.mark.integration
RATE, FRAME = 16_000, 512
SAID = ("I have been so stressed about the move, and my landlord keeps calling me "
        "every single day about the deposit.")


def test_a_spoken_turn_streams_to_a_spoken_reply():
    assistant = VoiceAssistant.from_names("sage", tts="espeak")
    before = assistant.turn.base_silence_ms
    user = PiperTTS(seed=5).synthesize(SAID).resampled(RATE).samples
    audio = np.concatenate([np.zeros(RATE // 2, np.float32), user, np.zeros(RATE, np.float32)])

    async def run():
        playback = Playback()
        processors = voice_processors(assistant, playback, realtime=False)
        pipe = Pipeline(processors)
        await pipe.start()
        for i in range(0, len(audio) - FRAME, FRAME):
            await pipe.send(AudioFrame(audio[i : i + FRAME], RATE, i / RATE))
            await asyncio.sleep(0.004)  # faster than real time, slow enough for the partials
        await pipe.wait_idle(timeout_s=60)
        return await pipe.stop(), processors, playback

    out, processors, playback = asyncio.run(run())
    assert not [f for f in out if isinstance(f, ErrorFrame)], out
    assert isinstance(out[0], UserStartedSpeakingFrame)
    finals = [f for f in out if isinstance(f, TranscriptFrame) and f.final]
    partials = [f for f in out if isinstance(f, TranscriptFrame) and not f.final]
    assert len(finals) == 1 and word_error_rate(SAID, finals[0].text) <= 0.1, finals
    assert partials, "no partial transcript while the user spoke"
    replies = [f for f in out if isinstance(f, ReplyFrame)]
    assert len(replies) == 1 and replies[0].text
    played = np.concatenate(processors[-1].played)
    assert played.size > RATE // 2 and float(np.abs(played).max()) > 0.05
    assert [e[0] for e in playback.events].count("first_audio") == 1
    # a stressed speaker gets more time to finish their next turn
    assert processors[0].eot.silence_ms > before
