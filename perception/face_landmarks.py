"""68-point face landmarks (dlib) and the geometric action-unit cues read from them.

The landmark model is dlib's ``shape_predictor_68_face_landmarks.dat`` (an ensemble of
regression trees, Kazemi & Sullivan 2014, trained on iBUG 300-W), as shipped in the
``face-recognition-models`` package; ``dlib-bin`` provides dlib as a wheel. The 300-W images are
licensed for research: check before commercial use.

Cues, each normalised by the inter-ocular distance so they do not depend on face size:
- ``smile`` (AU12, lip corner puller): how far the mouth corners sit above the lips' midline;
- ``mouth_open`` (AU25/26): inner-lip gap (a mouth aspect ratio);
- ``eye_aperture`` (AU5 up / AU7, AU43 down): the eye aspect ratio of Soukupova & Cech (2016),
  mean of both eyes;
- ``brow_height`` (AU1+2 raise it, AU4 lowers it): eye centre to brow, both sides.
They are raw geometry: a person's own neutral face is the baseline that turns ``brow_height``
into "raised" or "lowered".
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np

from perception.errors import ModelUnavailableError
from perception.face_tracking import Box

LANDMARKS_INSTALL = 'pip install "affective-agent[face-landmarks]"'

# iBUG 68-point index ranges (the 300-W markup).
RIGHT_BROW, LEFT_BROW = slice(17, 22), slice(22, 27)
RIGHT_EYE, LEFT_EYE = slice(36, 42), slice(42, 48)
MOUTH_LEFT, MOUTH_RIGHT, UPPER_LIP_TOP, LOWER_LIP_BOTTOM = 48, 54, 51, 57
INNER_UPPER, INNER_LOWER = 62, 66


def eye_aspect_ratio(eye: np.ndarray) -> float:
    """(|p2-p6| + |p3-p5|) / (2 |p1-p4|) over one eye's six points.

    >>> eye = np.array([[0, 0], [1, -1], [2, -1], [3, 0], [2, 1], [1, 1]], float)
    >>> round(eye_aspect_ratio(eye), 3)
    0.667
    """
    vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
    return float(vertical / (2.0 * np.linalg.norm(eye[0] - eye[3])))


def geometric_cues(points: np.ndarray) -> dict[str, float]:
    """Smile, mouth opening, eye aperture and brow height from 68 (x, y) image points."""
    p = np.asarray(points, dtype=np.float64)
    if p.shape != (68, 2) or not np.isfinite(p).all():
        return {}
    right_eye, left_eye = p[RIGHT_EYE].mean(axis=0), p[LEFT_EYE].mean(axis=0)
    iod = float(np.linalg.norm(right_eye - left_eye))
    if iod <= 1e-6:
        return {}
    lips_mid_y = (p[UPPER_LIP_TOP, 1] + p[LOWER_LIP_BOTTOM, 1]) / 2.0
    corners_y = (p[MOUTH_LEFT, 1] + p[MOUTH_RIGHT, 1]) / 2.0
    brow = ((right_eye[1] - p[RIGHT_BROW, 1].mean()) + (left_eye[1] - p[LEFT_BROW, 1].mean())) / 2
    return {
        "smile": float((lips_mid_y - corners_y) / iod),  # image y grows downwards
        "mouth_open": float(np.linalg.norm(p[INNER_UPPER] - p[INNER_LOWER]) / iod),
        "eye_aperture": (eye_aspect_ratio(p[RIGHT_EYE]) + eye_aspect_ratio(p[LEFT_EYE])) / 2,
        "brow_height": float(brow / iod),
    }


class DlibFaceLandmarks:
    """dlib's 68-point shape predictor run inside a face box."""

    def __init__(self, *, model_path: str | Path | None = None) -> None:
        try:
            import dlib
        except ImportError as exc:
            raise ModelUnavailableError(f"face landmarks need dlib: {LANDMARKS_INSTALL}") from exc
        if model_path is None:
            try:
                with warnings.catch_warnings():  # the package imports pkg_resources
                    warnings.simplefilter("ignore")
                    import face_recognition_models
            except ImportError as exc:
                raise ModelUnavailableError(
                    f"the 68-point model ships in face-recognition-models: {LANDMARKS_INSTALL}"
                ) from exc
            model_path = face_recognition_models.pose_predictor_model_location()
        if not Path(model_path).is_file():
            raise ModelUnavailableError(f"landmark model {model_path} is missing; "
                                        f"reinstall: {LANDMARKS_INSTALL}")
        self._dlib: Any = dlib
        self._predictor = dlib.shape_predictor(str(model_path))

    def points(self, grey: np.ndarray, box: Box) -> np.ndarray:
        """(68, 2) landmark coordinates in image pixels for the face in ``box``."""
        x, y, w, h = (int(v) for v in box)
        rect = self._dlib.rectangle(x, y, x + w, y + h)
        shape = self._predictor(np.ascontiguousarray(grey), rect)
        return np.array([[pt.x, pt.y] for pt in shape.parts()], dtype=np.float64)

    def cues(self, grey: np.ndarray, box: Box) -> dict[str, float]:
        return geometric_cues(self.points(grey, box))


def available() -> bool:
    """Whether dlib and the landmark model are installed (checked without importing them)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None
               for m in ("dlib", "face_recognition_models"))
