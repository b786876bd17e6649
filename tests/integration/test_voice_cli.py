"""`affect voice --input`: the round trip of the voice bar, run as a user would (subprocess).

Piper speaks a user sentence -> `affect voice --input IN.wav --output OUT.wav --json` ->
the transcript matches the sentence (WER <= 0.1) -> Whisper transcribes the reply audio back
to the reply text (WER <= 0.15). Bad inputs end with a clear message, not a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("piper")
pytest.importorskip("faster_whisper")
soundfile = pytest.importorskip("soundfile")

from voice.asr import WhisperASR, word_error_rate  # noqa: E402
from voice.audio import load_audio  # noqa: E402
from voice.tts import PiperTTS  # noqa: E402

pytestmark = pytest.mark.integration

SENTENCES = (
    "I lost my job today and I feel really awful about it.",
    "We finally finished painting the kitchen and it looks great.",
)


def affect_voice(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "agent", "voice", *args],
                          capture_output=True, timeout=timeout, check=False)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip(tmp_path: Path, sentence: str) -> None:
    clip = PiperTTS(seed=5).synthesize(sentence)
    # 44.1 kHz stereo in: the CLI takes any rate and channel count
    up = np.interp(np.arange(0, len(clip), clip.sample_rate_hz / 44_100),
                   np.arange(len(clip)), clip.samples)
    soundfile.write(tmp_path / "in.wav", np.stack([up, 0.8 * up], axis=1), 44_100)
    proc = affect_voice("--input", str(tmp_path / "in.wav"), "--output",
                        str(tmp_path / "out.wav"), "--json")
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    result = json.loads(proc.stdout)
    assert {"transcript", "reply", "user_affect", "timings_ms"} <= result.keys()
    for stage in ("vad_ms", "asr_ms", "speech_emotion_ms", "respond_ms", "tts_ms"):
        assert result["timings_ms"][stage] >= 0
    assert word_error_rate(sentence, result["transcript"]) <= 0.1, result["transcript"]
    reply_audio = load_audio(tmp_path / "out.wav")
    assert reply_audio.duration_s > 0.5
    heard = WhisperASR(audio_context="full").transcribe(reply_audio).text
    assert word_error_rate(result["reply"], heard) <= 0.15, (result["reply"], heard)


def test_not_audio_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_bytes(b"this is a text file, not a recording\n" * 20)
    proc = affect_voice("--input", str(bad), "--json")
    assert proc.returncode != 0
    err = proc.stderr.decode()
    assert "not readable audio" in err and "Traceback" not in err


def test_silence_is_a_clear_error(tmp_path: Path) -> None:
    soundfile.write(tmp_path / "quiet.wav", np.zeros(16_000, dtype=np.float32), 16_000)
    proc = affect_voice("--input", str(tmp_path / "quiet.wav"))
    assert proc.returncode != 0
    assert "no speech" in proc.stderr.decode()
