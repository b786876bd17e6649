"""The voice floor's embedded models on real generated speech (Piper, espeak-ng)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("piper")
pytest.importorskip("faster_whisper")
pytest.importorskip("onnxruntime")
pytest.importorskip("silero_vad", reason="silero-vad wheel absent (scripts/nodeps.txt)")
pytest.importorskip("librosa")
soundfile = pytest.importorskip("soundfile")

from appraisal import VAD  # noqa: E402
from perception.errors import ModelUnavailableError  # noqa: E402
from perception.speech_prosody import ProsodySpeechEmotion, extract_features  # noqa: E402
from voice.asr import WhisperASR, word_error_rate  # noqa: E402
from voice.audio import AudioClip, load_audio, silence  # noqa: E402
from voice.errors import AudioFormatError, VoiceModelUnavailableError  # noqa: E402
from voice.prosody import Prosody, prosody_for  # noqa: E402
from voice.tts import CoquiTTS, EspeakTTS, PiperTTS  # noqa: E402
from voice.vad import SileroVAD, WebRtcVAD  # noqa: E402

pytestmark = pytest.mark.backends
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng absent")

SENTENCES = (
    "The train leaves in ten minutes, so we should go now.",
    "She told me the results would come out on Friday.",
    "Let me show you what I found in the garden.",
    "We have to finish the report before the weekend.",
)
EXCITED, CALM = prosody_for(VAD(0.6, 0.85, 0.3)), prosody_for(VAD(0.1, -0.7, -0.1))


@pytest.fixture(scope="module")
def piper():
    return PiperTTS(seed=11)


@pytest.fixture(scope="module")
def asr():
    return WhisperASR()


@pytest.mark.parametrize("vad_cls", [SileroVAD, WebRtcVAD])
def test_vad_finds_the_speech_and_nothing_in_silence(piper, vad_cls):
    speech = piper.synthesize(SENTENCES[0], Prosody(pause_ms=0)).resampled(16_000)
    padded = AudioClip(np.concatenate([silence(0.8).samples, speech.samples,
                                       silence(0.8).samples]), 16_000)
    vad = vad_cls()
    spans = vad.segments(padded)
    assert spans and abs(spans[0][0] - 0.8) < 0.2
    assert abs(spans[-1][1] - (0.8 + speech.duration_s)) < 0.3
    assert vad.segments(silence(2.0)) == []


def test_seeded_piper_repeats_itself():
    first, second = PiperTTS(seed=3), PiperTTS(seed=3)
    one = [first.synthesize(s).samples for s in SENTENCES[:2]]
    two = [second.synthesize(s).samples for s in SENTENCES[:2]]
    assert all(np.array_equal(a, b) for a, b in zip(one, two, strict=True))
    # the noise differs from sentence to sentence, so a repeat is not the same take
    again = first.synthesize(SENTENCES[0]).samples
    assert len(again) != len(one[0]) or not np.array_equal(again, one[0])


def test_whisper_transcribes_piper_speech(piper, asr):
    """Word error rate over three takes of each sentence (VITS renders each take differently):
    one slip such as "10" for "ten" is allowed per take, not a lost sentence."""
    errors, words = 0.0, 0
    for sentence in SENTENCES:
        n = len(sentence.split())
        for _take in range(3):
            result = asr.transcribe(piper.synthesize(sentence))
            wer = word_error_rate(sentence, result.text)
            assert wer <= 0.25, result.text
            assert result.no_speech_prob < 0.5
            errors, words = errors + wer * n, words + n
    assert errors / words <= 0.08


def test_whisper_hears_nothing_in_silence(asr):
    assert asr.transcribe(silence(1.5)).text == ""


def measure(clip: AudioClip) -> tuple[float, float, float]:
    """F0 (semitones re 100 Hz), syllables per second and speech level (dBFS) of the audio."""
    f = extract_features(clip.samples, clip.sample_rate_hz)
    return f.f0_st, len(clip) / clip.sample_rate_hz, f.energy_db


@pytest.mark.parametrize("engine", ["piper", pytest.param("espeak", marks=needs_espeak)])
def test_emotional_prosody_is_audible(piper, engine):
    """High-arousal positive vs low-arousal negative, measured on the audio."""
    tts = piper if engine == "piper" else EspeakTTS()
    hi_state, lo_state = prosody_for(VAD(0.7, 0.8, 0.3), 1.0), prosody_for(VAD(-0.6, -0.6, -0.4))
    sentence = "I have been thinking about the trip we planned for next summer."
    f0_hi, dur_hi, db_hi = measure(tts.synthesize(sentence, hi_state))
    f0_lo, dur_lo, db_lo = measure(tts.synthesize(sentence, lo_state))
    assert f0_hi - f0_lo >= 2.0  # semitones
    assert dur_lo / dur_hi >= 1.2  # the same words take longer: slower speech
    assert db_hi - db_lo >= 2.0  # dB louder


def test_speech_emotion_orders_calm_and_excited_renditions(piper):
    voices = [piper]
    if shutil.which("espeak-ng"):
        voices += [EspeakTTS(voice="en-us"), EspeakTTS(voice="en-gb+f3")]
    recognizer = ProsodySpeechEmotion(adapt=False)
    right = total = 0
    for tts in voices:
        for sentence in SENTENCES:
            calm, excited = (tts.synthesize(sentence, p) for p in (CALM, EXCITED))
            a_calm = recognizer.predict(calm.samples, calm.sample_rate_hz).vad.arousal
            a_exc = recognizer.predict(excited.samples, excited.sample_rate_hz).vad.arousal
            right, total = right + (a_exc > a_calm), total + 1
    assert right / total >= 0.9, f"{right}/{total} pairs ordered"


def test_speech_emotion_refuses_silence():
    from perception.errors import PerceptionError

    with pytest.raises(PerceptionError):
        ProsodySpeechEmotion().predict(np.zeros(16_000, dtype=np.float32), 16_000)


def wav_bytes(samples: np.ndarray, rate: int, subtype: str = "PCM_16") -> bytes:
    buf = io.BytesIO()
    soundfile.write(buf, samples, rate, subtype=subtype, format="WAV")
    return buf.getvalue()


def test_load_audio_converts_rates_channels_and_depths(piper):
    clip = piper.synthesize(SENTENCES[1])
    stereo = np.stack([clip.samples, clip.samples], axis=1)
    for data, subtype in ((stereo, "PCM_16"), (clip.samples, "PCM_U8"), (clip.samples, "FLOAT")):
        out = load_audio(wav_bytes(data, clip.sample_rate_hz, subtype))
        assert out.sample_rate_hz == 16_000
        assert out.duration_s == pytest.approx(clip.duration_s, abs=0.01)


def test_load_audio_refuses_non_audio_empty_and_missing(tmp_path: Path):
    with pytest.raises(AudioFormatError, match="not readable audio"):
        load_audio(b"RIFF....WAVEjunk" * 50)
    with pytest.raises(AudioFormatError, match="no audio frames"):
        load_audio(wav_bytes(np.zeros(0, dtype=np.float32), 16_000))
    with pytest.raises(AudioFormatError, match="does not exist"):
        load_audio(tmp_path / "absent.wav")


def test_truncated_wav_reads_what_is_there(piper):
    full = wav_bytes(piper.synthesize(SENTENCES[2]).samples, 22_050)
    cut = load_audio(full[: len(full) // 2])
    assert 0.5 < cut.duration_s < 3.0


def test_full_backends_fail_with_the_fix_named():
    with pytest.raises(VoiceModelUnavailableError, match="offline"):
        WhisperASR(model="large-v3-not-cached")
    try:
        import TTS  # noqa: F401
    except ImportError:
        with pytest.raises(VoiceModelUnavailableError, match="coqui"):
            CoquiTTS(model="tts_models/en/ljspeech/vits")
    from perception.speech_prosody import SpeechBrainSpeechEmotion

    with pytest.raises(ModelUnavailableError, match="speechbrain"):
        SpeechBrainSpeechEmotion(savedir="/nonexistent/speechbrain-model")
