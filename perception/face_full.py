"""Full face backends that load named models: HSEmotion (AffectNet EfficientNets, ONNX) and Py-Feat.

Neither ships weights in its wheel: both fetch them on first use (HSEmotion into ~/.hsemotion,
Py-Feat from the Hugging Face hub). Offline (``HF_HUB_OFFLINE=1`` or ``AFFECT_OFFLINE=1``) they
look only at what is cached and otherwise fail with a message that says how to fetch the model.
The embedded default is ``perception.face_fer.FERFaceEmotion``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from appraisal import VAD
from perception.base import AffectEstimate, FaceEmotionRecognizer
from perception.errors import ModelUnavailableError, PerceptionError
from perception.face_fer import FaceReading, as_bgr_uint8
from perception.face_tracking import FaceTracker, HaarFaceDetector

TO_MELD = {
    "anger": "anger", "contempt": "disgust", "disgust": "disgust", "fear": "fear",
    "happiness": "joy", "happy": "joy", "neutral": "neutral", "sadness": "sadness",
    "sad": "sadness", "surprise": "surprise",
}
"""Both libraries' labels under the MELD names; contempt joins disgust (closest in VAD)."""
HSEMOTION_MODELS = ("enet_b0_8_best_vgaf", "enet_b0_8_best_afew", "enet_b0_8_va_mtl", "enet_b2_8",
                    "enet_b2_7")


def offline() -> bool:
    return any(os.environ.get(v, "") not in ("", "0") for v in ("HF_HUB_OFFLINE", "AFFECT_OFFLINE"))


def to_meld(scores: dict[str, float]) -> dict[str, float]:
    """Fold a library's label -> probability into MELD labels, renormalised.

    >>> to_meld({"Happiness": 0.6, "Contempt": 0.1, "Disgust": 0.1, "Neutral": 0.2})["disgust"]
    0.2
    """
    out: dict[str, float] = {}
    for label, p in scores.items():
        name = TO_MELD.get(label.lower())
        if name is not None and np.isfinite(p):
            out[name] = out.get(name, 0.0) + max(0.0, float(p))
    total = sum(out.values())
    return {k: round(v / total, 12) for k, v in out.items()} if total > 0 else {"neutral": 1.0}


class HSEmotionFace(FaceEmotionRecognizer):
    """HSEmotion (Savchenko 2022) on Haar-detected faces; 8 AffectNet classes, or VA with _mtl."""

    name = "face"

    def __init__(self, *, model: str = "enet_b0_8_best_vgaf",
                 clock: Callable[[], float] = time.monotonic) -> None:
        if model not in HSEMOTION_MODELS:
            raise ModelUnavailableError(f"unknown HSEmotion model {model!r}; one of "
                                        f"{', '.join(HSEMOTION_MODELS)}")
        try:
            import cv2
            from hsemotion_onnx.facial_emotions import HSEmotionRecognizer
        except ImportError as exc:
            raise ModelUnavailableError(
                f"face backend 'hsemotion' needs {exc.name}: "
                'pip install "affective-agent[face-hsemotion]"') from exc
        cached = Path.home() / ".hsemotion" / f"{model}.onnx"
        if offline() and not cached.is_file():
            raise ModelUnavailableError(
                f"HSEmotion model {model} is not cached at {cached} and the hub is offline; "
                "run once online, or copy the .onnx from the HSEmotion releases there")
        try:
            self._model: Any = HSEmotionRecognizer(model_name=model)
        except OSError as exc:  # urllib errors are OSErrors: no network, or a moved file
            raise ModelUnavailableError(
                f"could not fetch HSEmotion model {model} ({exc}); "
                f"put {model}.onnx in {cached.parent}") from exc
        self._cv2: Any = cv2
        self._mtl = "_mtl" in model
        self.detector, self.tracker, self.clock = HaarFaceDetector(), FaceTracker(), clock

    def predict(self, image: object) -> list[AffectEstimate]:
        return [r.estimate for r in self.read(image)]

    def read(self, image: object, *, t: float | None = None) -> list[FaceReading]:
        bgr = as_bgr_uint8(image)
        if bgr.ndim == 2:
            bgr = self._cv2.cvtColor(bgr, self._cv2.COLOR_GRAY2BGR)
        grey = self._cv2.cvtColor(bgr[..., :3], self._cv2.COLOR_BGR2GRAY)
        boxes = self.detector.detect(grey)
        now = self.clock() if t is None else t
        readings = []
        for face_id, (x, y, w, h) in zip(self.tracker.update(boxes), boxes, strict=True):
            rgb = self._cv2.cvtColor(bgr[y : y + h, x : x + w, :3], self._cv2.COLOR_BGR2RGB)
            _, scores = self._model.predict_emotions(rgb, logits=self._mtl)
            scores = np.asarray(scores, dtype=np.float64).ravel()
            labels = self._model.idx_to_class
            probs = scores[: len(labels)]
            if self._mtl:  # logits then valence, arousal in [-1, 1]
                probs = np.exp(probs - probs.max())
                probs /= probs.sum()
            categories = to_meld({labels[i]: float(p) for i, p in enumerate(probs)})
            est = AffectEstimate.from_categories(categories, modality="face", t=now)
            if self._mtl and scores.size >= len(labels) + 2:
                v, a = scores[len(labels)], scores[len(labels) + 1]
                est = AffectEstimate(VAD(v, a, est.vad.dominance), categories, est.confidence,
                                     "face", now)
            readings.append(FaceReading(face_id, (x, y, w, h), est))
        return readings


class PyFeatFace(FaceEmotionRecognizer):
    """Py-Feat's ``Detector`` (faces, landmarks, AUs, 7 emotions); AUs become cues."""

    name = "face"

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, **detector_kwargs: Any
                 ) -> None:
        try:
            from feat import Detector
        except ImportError as exc:
            raise ModelUnavailableError(
                f"face backend 'pyfeat' needs {exc.name}: "
                'pip install "affective-agent[face-pyfeat]"') from exc
        try:
            self._detector: Any = Detector(**detector_kwargs)
        except Exception as exc:  # hub, HTTP and file errors differ by version; all mean "no model"
            raise ModelUnavailableError(
                f"Py-Feat could not load its models ({type(exc).__name__}: {exc}); they come "
                "from the Hugging Face hub (py-feat/*): run once online to cache them"
            ) from exc
        self.clock = clock

    def predict(self, image: object) -> list[AffectEstimate]:
        import tempfile

        import cv2

        bgr = as_bgr_uint8(image)
        with tempfile.TemporaryDirectory() as tmp:  # Py-Feat reads images from paths
            path = str(Path(tmp) / "frame.png")
            cv2.imwrite(path, bgr)
            detect = getattr(self._detector, "detect_image", None) or self._detector.detect
            fex = detect([path])
        now = self.clock()
        if fex is None or len(fex) == 0:
            return []
        emotions = fex.emotions
        out = []
        for _, row in emotions.iterrows():
            scores = {str(k): float(v) for k, v in row.items()}
            if not any(np.isfinite(v) for v in scores.values()):
                continue  # a row Py-Feat could not score (no face found)
            out.append(AffectEstimate.from_categories(to_meld(scores), modality="face", t=now))
        if not out and len(emotions):
            raise PerceptionError("Py-Feat found faces but scored none; try a larger image")
        return out
