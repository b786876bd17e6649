"""Speech activity: is someone speaking in this frame?

``SileroVAD`` runs the ONNX model shipped inside the ``silero-vad`` wheel with onnxruntime
(without importing the package, whose __init__ needs torch); ``WebRtcVAD`` is the light
fallback (webrtcvad's GMM, integer decisions). Both take 16 kHz mono float32 frames.
"""

from __future__ import annotations

import importlib.util
from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np

from voice.audio import ASR_RATE_HZ, AudioClip
from voice.errors import AudioFormatError, VoiceModelUnavailableError


class SpeechDetector(ABC):
    """Per-frame speech probability for 16 kHz mono audio."""

    name = "vad"
    frame_samples: int = 512
    sample_rate_hz: int = ASR_RATE_HZ

    @property
    def frame_ms(self) -> float:
        return 1000.0 * self.frame_samples / self.sample_rate_hz

    @abstractmethod
    def speech_probability(self, frame: np.ndarray) -> float:
        """Probability in [0, 1] that ``frame`` (exactly ``frame_samples`` long) holds speech."""

    def reset(self) -> None:  # noqa: B027 - stateless detectors need no reset
        """Forget the stream's state (call between unrelated streams)."""

    def probabilities(self, clip: AudioClip) -> np.ndarray:
        """One probability per frame of a whole clip (state reset first)."""
        if clip.sample_rate_hz != self.sample_rate_hz:
            clip = clip.resampled(self.sample_rate_hz)
        self.reset()
        n = self.frame_samples
        usable = len(clip) - len(clip) % n
        frames = clip.samples[:usable].reshape(-1, n)
        return np.array([self.speech_probability(f) for f in frames], dtype=np.float32)

    def segments(
        self,
        clip: AudioClip,
        *,
        threshold: float = 0.5,
        min_speech_ms: float = 120.0,
        min_silence_ms: float = 300.0,
    ) -> list[tuple[float, float]]:
        """Speech stretches ``(start_s, end_s)``, joining gaps shorter than ``min_silence_ms``."""
        probs = self.probabilities(clip)
        step_s = self.frame_ms / 1000.0
        spans: list[list[float]] = []
        for i, p in enumerate(probs):
            if p < threshold:
                continue
            t = i * step_s
            if spans and t - spans[-1][1] <= min_silence_ms / 1000.0:
                spans[-1][1] = t + step_s
            else:
                spans.append([t, t + step_s])
        return [(a, b) for a, b in spans if (b - a) * 1000.0 >= min_speech_ms]

    def _check(self, frame: np.ndarray) -> np.ndarray:
        f = np.asarray(frame, dtype=np.float32)
        if f.shape != (self.frame_samples,):
            raise AudioFormatError(
                f"{self.name} needs frames of {self.frame_samples} samples at "
                f"{self.sample_rate_hz} Hz, got shape {f.shape}; re-chunk the stream"
            )
        return f


def silero_model_path() -> Path:
    """Where the silero-vad wheel keeps its ONNX model (found without importing the package)."""
    spec = importlib.util.find_spec("silero_vad")
    if spec is None or not spec.submodule_search_locations:
        raise VoiceModelUnavailableError(
            'silero-vad is not installed: pip install "affective-agent[voice]" '
            '(or use vad="webrtc")'
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "silero_vad.onnx"
    if not path.is_file():
        raise VoiceModelUnavailableError(
            f"silero-vad is installed but {path} is missing; reinstall it"
        )
    return path


class SileroVAD(SpeechDetector):
    """Silero VAD (v5 ONNX): 32 ms frames, recurrent state carried across frames."""

    name = "silero"
    frame_samples = 512
    _context = 64
    """The model expects the last 64 samples of the previous frame before each new frame."""

    def __init__(self, *, model_path: str | Path | None = None, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise VoiceModelUnavailableError(
                'onnxruntime is missing: pip install "affective-agent[voice]"'
            ) from exc
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        path = Path(model_path) if model_path else silero_model_path()
        self._session = ort.InferenceSession(
            str(path), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self._sr = np.array(self.sample_rate_hz, dtype=np.int64)
        self.reset()

    def reset(self) -> None:
        self._state = np.zeros((2, 1, 128), dtype=np.float32)
        self._tail = np.zeros(self._context, dtype=np.float32)

    def speech_probability(self, frame: np.ndarray) -> float:
        f = self._check(frame)
        x = np.concatenate([self._tail, f])[None, :]
        out, self._state = self._session.run(
            None, {"input": x, "state": self._state, "sr": self._sr}
        )
        self._tail = f[-self._context :]
        return float(out[0, 0])


class WebRtcVAD(SpeechDetector):
    """webrtcvad (``webrtcvad-wheels``): 30 ms frames, yes/no decisions as 0.0/1.0."""

    name = "webrtc"
    frame_samples = 480

    def __init__(self, *, aggressiveness: int = 2) -> None:
        try:
            import webrtcvad
        except ImportError as exc:
            raise VoiceModelUnavailableError(
                'webrtcvad is missing: pip install "affective-agent[voice]"'
            ) from exc
        if aggressiveness not in (0, 1, 2, 3):
            raise ValueError(f"aggressiveness must be 0-3, got {aggressiveness}")
        self._vad = webrtcvad.Vad(aggressiveness)

    def speech_probability(self, frame: np.ndarray) -> float:
        f = self._check(frame)
        pcm = (np.clip(f, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        return 1.0 if self._vad.is_speech(pcm, self.sample_rate_hz) else 0.0
