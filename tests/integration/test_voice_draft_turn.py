"""A user who resumes after a pause: the reply drafted at the pause is dropped, never played."""

from __future__ import annotations

import asyncio
import shutil

import numpy as np
import pytest

pytest.importorskip("faster_whisper")
pytest.importorskip("silero_vad", reason="silero-vad wheel absent (scripts/nodeps.txt)")
if shutil.which("espeak-ng") is None:
    pytest.skip("espeak-ng absent", allow_module_level=True)

from agent.core import reply_key  # noqa: E402
from agent.pipeline import AudioFrame, AudioOutFrame, Pipeline, ReplyFrame, TranscriptFrame  # noqa: E402
from agent.voice_loop import VoiceAssistant  # noqa: E402
from agent.voice_processors import Playback, voice_processors  # noqa: E402
from voice.tts import EspeakTTS  # noqa: E402

pytestmark = pytest.mark.integration
RATE, FRAME = 16_000, 512


def trimmed(samples: np.ndarray) -> np.ndarray:
    """The clip without the engine's leading and trailing silence."""
    loud = np.nonzero(np.abs(samples) > 0.02 * np.abs(samples).max())[0]
    return samples[loud[0] : loud[-1] + 1]


def test_speech_after_the_pause_drops_the_draft_and_its_audio():
    assistant = VoiceAssistant.from_names("sage", tts="espeak")
    user = EspeakTTS(voice="en-us")
    first = trimmed(user.synthesize("I lost my job today.").resampled(RATE).samples)
    second = trimmed(user.synthesize("But my sister is coming to visit next month.")
                     .resampled(RATE).samples)

    async def feed(pipe, audio, t):
        for i in range(0, len(audio) - FRAME + 1, FRAME):
            await pipe.send(AudioFrame(audio[i : i + FRAME], RATE, t))
            t += FRAME / RATE
            await asyncio.sleep(0.002)
        return t

    async def run():
        playback = Playback()
        # without the output stage, so the reply's audio frames come out to be checked
        processors = voice_processors(assistant, playback, realtime=False)[:-1]
        turn = processors[0]
        pipe = Pipeline(processors)
        await pipe.start()
        t = await feed(pipe, np.zeros(RATE // 2, np.float32), 0.0)
        t = await feed(pipe, first, t)
        # a 128 ms pause: a speculation starts (64 ms) but the turn does not end (>= 250 ms)
        t = await feed(pipe, np.zeros(int(0.128 * RATE), np.float32), t)
        for _ in range(3000):  # the stream holds still until the pause's reply is drafted
            spec = turn._spec
            if spec is not None and spec.draft is not None and spec.draft.first.done():
                break
            await asyncio.sleep(0.01)
        drafted = turn._spec.draft
        assert drafted is not None, "no reply was drafted at the pause"
        stale_audio = drafted.first.result().samples
        t = await feed(pipe, second, t)  # the user goes on
        await feed(pipe, np.zeros(RATE, np.float32), t)
        await pipe.wait_idle(timeout_s=60)
        return await pipe.stop(), drafted, stale_audio

    out, drafted, stale_audio = asyncio.run(run())
    assert drafted.discarded
    final = [f for f in out if isinstance(f, TranscriptFrame) and f.final]
    assert len(final) == 1 and "sister" in final[0].text.lower(), final
    reply = next(f for f in out if isinstance(f, ReplyFrame))
    assert reply.spoken is not drafted
    if reply.spoken is not None:  # drafted at the second pause, for the words of the turn
        assert reply.spoken.key == reply_key(final[0].text)
    audio = [f for f in out if isinstance(f, AudioOutFrame)]
    assert audio and all(f.samples is not stale_audio for f in audio)
