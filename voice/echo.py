"""Removing the agent's own voice from the microphone signal.

``DelayGainEchoCanceller`` keeps the last ~300 ms of what was played, finds the delay at which
the microphone frame best matches it (cross-correlation, via scipy's FFT correlate) and
subtracts that delayed copy scaled by its least-squares gain. One tap models a direct path
(laptop speaker to its own microphone); rooms with strong reverberation need a multi-tap
adaptive filter (NLMS, or the WebRTC audio processing module), which this does not replace.
"""

from __future__ import annotations

import numpy as np

from voice.audio import ASR_RATE_HZ


class DelayGainEchoCanceller:
    """Subtract ``gain * played[t - delay]`` from each microphone frame."""

    def __init__(self, *, max_delay_s: float = 0.25, sample_rate_hz: int = ASR_RATE_HZ) -> None:
        self.sample_rate_hz = sample_rate_hz
        self._keep = int(max_delay_s * sample_rate_hz) + 2048
        self._played = np.zeros(self._keep, dtype=np.float32)

    def reset(self) -> None:
        self._played[:] = 0.0

    def played(self, samples: np.ndarray) -> None:
        """Record audio just sent to the speaker (at ``sample_rate_hz``)."""
        x = np.asarray(samples, dtype=np.float32)
        if len(x) >= self._keep:
            self._played = x[-self._keep :].copy()
        else:
            self._played = np.concatenate([self._played[len(x) :], x])

    def cancel(self, mic: np.ndarray) -> np.ndarray:
        """The microphone frame with the best-matching delayed playback removed."""
        from scipy.signal import correlate

        m = np.asarray(mic, dtype=np.float32)
        ref = self._played
        if not np.any(ref) or len(m) > len(ref):
            return m
        scores = correlate(ref, m, mode="valid", method="fft")  # one score per alignment
        start = int(np.argmax(np.abs(scores)))
        seg = ref[start : start + len(m)]
        energy = float(np.dot(seg, seg))
        if energy < 1e-8:
            return m
        gain = float(np.dot(m, seg)) / energy
        return (m - max(0.0, gain) * seg).astype(np.float32)
