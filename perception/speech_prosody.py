"""Speech emotion from prosody: how loud, how high, how varied and how fast someone speaks.

The embedded default reads arousal and dominance from acoustic features whose directions are
among the best replicated in the field (Scherer 2003, Speech Communication 40; Juslin & Laukka
2003, Psychological Bulletin 129): higher arousal raises F0 level and range, intensity, speaking
rate and high-frequency energy (flatter spectral tilt); dominance goes with loudness and a lower
F0. Valence is only weakly carried by prosody (same reviews), so it is reported near zero with
the confidence kept low. Features are z-scored against norms measured on neutral speech by
``scripts/calibrate_speech_prosody.py`` and, once it has heard a speaker, against that speaker.

``SpeechBrainSpeechEmotion`` runs a speechbrain wav2vec2 emotion model by name (full backend).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from appraisal import VAD
from perception.base import AffectEstimate, SpeechEmotionRecognizer
from perception.errors import ModelUnavailableError, PerceptionError

NORMS_PATH = Path(__file__).with_name("speech_prosody_norms.json")
FEATURES = ("f0_st", "f0_range_st", "energy_db", "rate_syl_s", "tilt_db")

# Feature weights for arousal and dominance (signs from the reviews above; sizes ours).
AROUSAL_W = {"f0_st": 0.30, "f0_range_st": 0.15, "energy_db": 0.25, "rate_syl_s": 0.15,
             "tilt_db": 0.15}
DOMINANCE_W = {"energy_db": 0.5, "f0_st": -0.3, "rate_syl_s": 0.2}
DEFAULT_NORMS = {  # overwritten by speech_prosody_norms.json when present
    "f0_st": (0.0, 6.0), "f0_range_st": (6.0, 3.0), "energy_db": (-24.0, 5.0),
    "rate_syl_s": (4.0, 1.2), "tilt_db": (-20.0, 5.0),
}


@dataclass(frozen=True, slots=True)
class ProsodyFeatures:
    """Per-utterance prosody: F0 mean and range in semitones re 100 Hz, RMS level in dBFS,
    syllable-nucleus rate per second of speech, and spectral tilt (dB, high minus low band)."""

    f0_st: float
    f0_range_st: float
    energy_db: float
    rate_syl_s: float
    tilt_db: float
    voiced_fraction: float

    def as_dict(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in (*FEATURES, "voiced_fraction")}


def extract_features(samples: Sequence[float] | np.ndarray, sample_rate_hz: int) -> ProsodyFeatures:
    """Prosody features of one utterance (mono float samples in [-1, 1])."""
    import librosa

    x = np.asarray(samples, dtype=np.float32)
    if x.ndim != 1 or x.size == 0:
        raise PerceptionError("speech emotion needs a non-empty mono signal")
    if sample_rate_hz != 16_000:
        x = librosa.resample(x, orig_sr=sample_rate_hz, target_sr=16_000)
    sr, hop = 16_000, 160  # 10 ms hops
    if x.size < sr // 4:
        raise PerceptionError("utterance shorter than 0.25 s; too short to read its prosody")
    rms = librosa.feature.rms(y=x, frame_length=512, hop_length=hop)[0]
    peak = float(rms.max())
    if peak < 1e-4:
        raise PerceptionError("the audio is silent; nothing to read")
    active = rms > peak * 0.1  # frames within 20 dB of the loudest: the speech
    energy_db = float(20 * np.log10(np.sqrt(np.mean(rms[active] ** 2)) + 1e-9))

    # YIN (de Cheveigné & Kawahara 2002) is ~30x faster than pYIN here; voicing is decided from
    # energy, zero-crossing rate and F0 staying off the search bounds, then octave jumps are
    # removed with a median filter over 70 ms.
    f0 = librosa.yin(x, fmin=60.0, fmax=500.0, sr=sr, frame_length=1024, hop_length=hop)
    zcr = librosa.feature.zero_crossing_rate(x, frame_length=512, hop_length=hop)[0]
    n = min(len(f0), len(active), len(zcr))
    f0 = f0[:n]
    voiced = active[:n] & (zcr[:n] < 0.2) & (f0 > 62.0) & (f0 < 480.0)
    if voiced.sum() < 5:
        raise PerceptionError("no voiced speech found; is this speech?")
    from scipy.signal import medfilt

    st_all = medfilt(12.0 * np.log2(np.maximum(f0, 1.0) / 100.0), 7)
    st = st_all[voiced]
    f0_st = float(np.median(st))
    st = st[np.abs(st - f0_st) < 9.0]  # octave errors left by YIN sit ~12 st away
    f0_range = float(np.percentile(st, 90) - np.percentile(st, 10))

    # Syllable nuclei: peaks of the smoothed intensity envelope that rise 2 dB above the
    # surrounding dips and fall in voiced frames (after de Jong & Wempe 2009, Behav. Res. Meth.)
    env_db = 20 * np.log10(rms[:n] + 1e-9)
    env_db = np.convolve(env_db, np.ones(5) / 5, mode="same")
    from scipy.signal import find_peaks

    peaks, _ = find_peaks(env_db, prominence=2.0, distance=8)
    nuclei = [p for p in peaks if voiced[p] and env_db[p] > env_db.max() - 25]
    speech_s = max(active[:n].sum() * hop / sr, 0.25)
    rate = float(len(nuclei) / speech_s)

    spec = np.abs(librosa.stft(x, n_fft=512, hop_length=hop))[:, :n][:, voiced]
    freqs = librosa.fft_frequencies(sr=sr, n_fft=512)
    low = spec[(freqs >= 50) & (freqs < 1000)].sum()
    high = spec[(freqs >= 1000) & (freqs < 5000)].sum()
    tilt = float(20 * np.log10((high + 1e-9) / (low + 1e-9)))
    return ProsodyFeatures(f0_st, f0_range, energy_db, rate, tilt, float(voiced.mean()))


def load_norms(path: Path = NORMS_PATH) -> dict[str, tuple[float, float]]:
    if not path.is_file():
        return dict(DEFAULT_NORMS)
    raw = json.loads(path.read_text())
    return {k: (float(raw[k]["mean"]), float(raw[k]["std"])) for k in FEATURES}


class ProsodySpeechEmotion(SpeechEmotionRecognizer):
    """Arousal and dominance from prosody features; adapts to a speaker as it hears them."""

    name = "prosody"

    def __init__(self, *, norms: dict[str, tuple[float, float]] | None = None,
                 adapt: bool = True, adapt_after: int = 3) -> None:
        self.norms = norms or load_norms()
        self.adapt = adapt
        self.adapt_after = adapt_after
        self._heard: list[ProsodyFeatures] = []
        # librosa compiles its kernels on first use (~3 s): pay that now, not on the first turn
        extract_features(0.1 * np.sin(np.linspace(0, 2 * np.pi * 150, 8000)), 16_000)

    def features(self, samples: Sequence[float], sample_rate_hz: int) -> ProsodyFeatures:
        return extract_features(samples, sample_rate_hz)

    def _z(self, feats: ProsodyFeatures) -> dict[str, float]:
        z = {}
        for k in FEATURES:
            mean, std = self.norms[k]
            if self.adapt and len(self._heard) >= self.adapt_after and k in ("f0_st", "energy_db"):
                # the speaker's own level replaces the population mean: voices differ in pitch
                # and microphones in gain far more than one person's emotions move them
                mean = float(np.median([getattr(h, k) for h in self._heard]))
            z[k] = max(-3.0, min(3.0, (getattr(feats, k) - mean) / std))
        return z

    def predict(self, samples: Sequence[float], sample_rate_hz: int) -> AffectEstimate:
        feats = self.features(samples, sample_rate_hz)
        z = self._z(feats)
        if self.adapt:
            self._heard.append(feats)
            del self._heard[:-20]
        arousal = math.tanh(sum(w * z[k] for k, w in AROUSAL_W.items()))
        dominance = math.tanh(sum(w * z[k] for k, w in DOMINANCE_W.items()))
        adapted = self.adapt and len(self._heard) > self.adapt_after
        confidence = min(0.6, 0.25 + 0.4 * feats.voiced_fraction) + (0.1 if adapted else 0.0)
        return AffectEstimate(
            vad=VAD(0.0, arousal, dominance),
            confidence=round(min(confidence, 1.0), 4),
            modality="speech",
            t=time.monotonic(),
        )


# speechbrain's IEMOCAP emotion labels -> VAD (the categories' usual coordinates)
_IEMOCAP_VAD = {"neu": VAD(0.0, 0.0, 0.0), "hap": VAD(0.8, 0.5, 0.4),
                "ang": VAD(-0.5, 0.6, 0.3), "sad": VAD(-0.6, -0.4, -0.3)}


class SpeechBrainSpeechEmotion(SpeechEmotionRecognizer):
    """A speechbrain wav2vec2 emotion classifier by name (full backend; needs local weights)."""

    name = "speechbrain"

    def __init__(self, *, model: str = "speechbrain/emotion-recognition-wav2vec2-IEMOCAP",
                 savedir: str | Path | None = None) -> None:
        try:
            from speechbrain.inference.interfaces import foreign_class
        except ImportError as exc:
            raise ModelUnavailableError(
                "speechbrain is not installed: pip install speechbrain (then fetch the model)"
            ) from exc
        local = Path(savedir or Path.home() / ".cache" / "affect" / model.replace("/", "--"))
        if not (local / "hyperparams.yaml").is_file():
            raise ModelUnavailableError(
                f"speechbrain model {model!r} is not on disk at {local}; fetch it once on a "
                "connected machine (huggingface-cli download "
                f"{model} --local-dir {local}) and pass savedir="
            )
        self._clf = foreign_class(source=str(local), savedir=str(local),
                                  pymodule_file="custom_interface.py",
                                  classname="CustomEncoderWav2vec2Classifier")

    def predict(self, samples: Sequence[float], sample_rate_hz: int) -> AffectEstimate:
        import torch

        x = np.asarray(samples, dtype=np.float32)
        if sample_rate_hz != 16_000:
            import librosa

            x = librosa.resample(x, orig_sr=sample_rate_hz, target_sr=16_000)
        out_prob, _score, _index, _labels = self._clf.classify_batch(torch.from_numpy(x)[None])
        labels = self._clf.hparams.label_encoder.decode_ndim(torch.arange(out_prob.shape[-1]))
        probs = torch.softmax(out_prob[0], dim=-1).tolist()
        cats = {str(lab): float(p) for lab, p in zip(labels, probs, strict=True)}
        return AffectEstimate.from_categories(
            cats, modality="speech", vocabulary={k: _IEMOCAP_VAD.get(k, VAD()) for k in cats}
        )
