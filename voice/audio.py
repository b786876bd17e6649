"""Audio values, files and conversion: whatever comes in leaves as mono float32 at one rate.

Files go through soundfile (libsndfile), resampling through soxr (scipy's polyphase filter when
soxr is absent). Devices (PyAudio) live in ``voice.devices``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.errors import AudioFormatError

ASR_RATE_HZ = 16_000
"""Whisper, silero and webrtcvad all listen at 16 kHz."""

MAX_INPUT_S = 600.0
"""Longer inputs are refused: split them, the agent answers turns, not lectures."""


@dataclass(frozen=True, slots=True)
class AudioClip:
    """Mono float32 samples in [-1, 1] at ``sample_rate_hz``."""

    samples: np.ndarray
    sample_rate_hz: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / float(self.sample_rate_hz)

    @property
    def rms(self) -> float:
        return float(np.sqrt(np.mean(self.samples.astype(np.float64) ** 2))) if len(self) else 0.0

    @property
    def clipped_fraction(self) -> float:
        """Share of samples at full scale: above ~1% the recording level was too high."""
        return float(np.mean(np.abs(self.samples) >= 0.999)) if len(self) else 0.0

    def __len__(self) -> int:
        return int(self.samples.shape[0])

    def resampled(self, rate_hz: int) -> AudioClip:
        return AudioClip(resample(self.samples, self.sample_rate_hz, rate_hz), rate_hz)

    def chunks(self, chunk_ms: float) -> Iterator[np.ndarray]:
        """Consecutive pieces of ``chunk_ms`` (the last one zero-padded), as a stream would give."""
        n = max(1, int(round(self.sample_rate_hz * chunk_ms / 1000.0)))
        for start in range(0, len(self), n):
            piece = self.samples[start : start + n]
            if len(piece) < n:
                piece = np.concatenate([piece, np.zeros(n - len(piece), dtype=np.float32)])
            yield piece

    def to_wav_bytes(self) -> bytes:
        buf = io.BytesIO()
        import soundfile as sf

        sf.write(buf, self.samples, self.sample_rate_hz, subtype="PCM_16", format="WAV")
        return buf.getvalue()


def to_mono_float(samples: np.ndarray) -> np.ndarray:
    """Any PCM array (int8/uint8/int16/int32/float, frames x channels) -> mono float32 in [-1, 1].

    >>> to_mono_float(np.array([[32767, -32768]], dtype=np.int16)).round(3).tolist()
    [-0.0]
    >>> to_mono_float(np.array([0, 128, 255], dtype=np.uint8)).tolist()
    [-1.0, 0.0, 0.9921875]
    """
    a = np.asarray(samples)
    if a.size == 0:
        raise AudioFormatError("audio is empty (0 samples); record or send some sound")
    if a.dtype == np.uint8:  # 8-bit WAV is unsigned with 128 as silence
        x = (a.astype(np.float32) - 128.0) / 128.0
    elif a.dtype == np.int8:
        x = a.astype(np.float32) / 128.0
    elif a.dtype == np.int16:
        x = a.astype(np.float32) / 32768.0
    elif a.dtype == np.int32:
        x = (a.astype(np.float64) / 2147483648.0).astype(np.float32)
    elif np.issubdtype(a.dtype, np.floating):
        x = a.astype(np.float32)
        if not np.all(np.isfinite(x)):
            raise AudioFormatError("audio contains NaN or infinite samples; the source is broken")
    else:
        raise AudioFormatError(
            f"unsupported sample type {a.dtype}; send 8/16/32-bit PCM or float samples"
        )
    if x.ndim == 2:
        x = x.mean(axis=1)  # frames x channels, as soundfile and PyAudio give it
    elif x.ndim != 1:
        raise AudioFormatError(f"audio must be 1-D or frames x channels, got shape {a.shape}")
    return np.clip(x, -1.0, 1.0).astype(np.float32, copy=False)


def resample(samples: np.ndarray, from_hz: int, to_hz: int) -> np.ndarray:
    """Band-limited resampling (soxr's high quality, or scipy's polyphase filter)."""
    if from_hz <= 0 or to_hz <= 0:
        raise AudioFormatError(f"sample rates must be positive, got {from_hz} -> {to_hz}")
    if from_hz == to_hz:
        return samples.astype(np.float32, copy=False)
    try:
        import soxr

        return soxr.resample(samples, from_hz, to_hz).astype(np.float32, copy=False)
    except ImportError:
        from math import gcd

        from scipy.signal import resample_poly

        g = gcd(from_hz, to_hz)
        return resample_poly(samples, to_hz // g, from_hz // g).astype(np.float32)


def load_audio(
    source: str | Path | bytes, *, sample_rate_hz: int | None = ASR_RATE_HZ
) -> AudioClip:
    """Read a file (or bytes) of any rate and channel count as mono float32 at ``sample_rate_hz``.

    None keeps the file's own rate. Refuses non-audio, empty and over-long input with a clear
    message; 8-bit, stereo and other rates are converted.
    """
    import soundfile as sf

    if isinstance(source, bytes):
        handle: object = io.BytesIO(source)
        where = "the audio bytes"
    else:
        path = Path(source)
        if not path.is_file():
            raise AudioFormatError(f"audio file {path} does not exist")
        handle, where = path, str(path)
    try:
        data, rate = sf.read(handle, dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioFormatError(
            f"{where} is not readable audio ({exc}); send WAV, FLAC or OGG"
        ) from exc
    if data.shape[0] == 0:
        raise AudioFormatError(f"{where} holds no audio frames (empty or truncated header)")
    if data.shape[0] / rate > MAX_INPUT_S:
        raise AudioFormatError(
            f"{where} lasts {data.shape[0] / rate:.0f} s; "
            f"the limit is {MAX_INPUT_S:.0f} s: split it"
        )
    clip = AudioClip(to_mono_float(data), int(rate))
    return clip.resampled(sample_rate_hz) if sample_rate_hz else clip


def save_audio(path: str | Path, clip: AudioClip) -> Path:
    """Write 16-bit PCM WAV (or FLAC/OGG by suffix)."""
    import soundfile as sf

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    sf.write(out, clip.samples, clip.sample_rate_hz, subtype="PCM_16" if out.suffix.lower()
             in (".wav", "") else None)
    return out


def concat(clips: list[AudioClip], *, gap_ms: float = 0.0) -> AudioClip:
    """Join clips of one rate with ``gap_ms`` of silence between them."""
    if not clips:
        raise AudioFormatError("nothing to join")
    rate = clips[0].sample_rate_hz
    gap = np.zeros(int(rate * gap_ms / 1000.0), dtype=np.float32)
    parts: list[np.ndarray] = []
    for i, c in enumerate(clips):
        if c.sample_rate_hz != rate:
            c = c.resampled(rate)
        if i:
            parts.append(gap)
        parts.append(c.samples)
    return AudioClip(np.concatenate(parts).astype(np.float32), rate)


def silence(duration_s: float, sample_rate_hz: int = ASR_RATE_HZ) -> AudioClip:
    return AudioClip(np.zeros(int(duration_s * sample_rate_hz), dtype=np.float32), sample_rate_hz)
