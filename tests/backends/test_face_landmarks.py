"""Landmark cues on the astronaut, and a frown rendered by warping her mouth corners down."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.backends
cv2 = pytest.importorskip("cv2", reason='face extra absent: pip install ".[face]"')
pytest.importorskip("fer", reason="fer absent: pip install --no-deps -r scripts/nodeps.txt")
pytest.importorskip("dlib", reason='landmarks absent: pip install ".[face-landmarks]"')
pytest.importorskip("face_recognition_models", reason='pip install ".[face-landmarks]"')
skimage_data = pytest.importorskip("skimage.data", reason="scikit-image absent")
transform = pytest.importorskip("skimage.transform", reason="scikit-image absent")

from perception.face_fer import FERFaceEmotion  # noqa: E402
from perception.face_landmarks import DlibFaceLandmarks  # noqa: E402

# Mouth points moved down, in inter-ocular distances: corners most, lips' middle least.
FROWN_SHIFT = {48: 0.35, 54: 0.35, 49: 0.2, 53: 0.2, 59: 0.25, 55: 0.25, 60: 0.3, 64: 0.3,
               61: 0.1, 63: 0.1, 67: 0.15, 65: 0.15}


def render_frown(image: np.ndarray, points: np.ndarray, box: tuple[int, int, int, int]
                 ) -> np.ndarray:
    """Warp the face so its mouth corners turn down (piecewise affine over the landmarks)."""
    iod = np.linalg.norm(points[36:42].mean(0) - points[42:48].mean(0))
    moved = points.copy()
    for index, shift in FROWN_SHIFT.items():
        moved[index, 1] += shift * iod
    h, w = image.shape[:2]
    x, y, bw, bh = box
    anchors = np.array([[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1], [x, y], [x + bw, y],
                        [x, y + bh], [x + bw, y + bh], [x + bw / 2, y], [x, y + bh / 2],
                        [x + bw, y + bh / 2], [x + bw / 2, y + bh * 1.1]], float)
    src, dst = np.vstack([moved, anchors]), np.vstack([points, anchors])
    if hasattr(transform.PiecewiseAffineTransform, "from_estimate"):  # scikit-image >= 0.26
        warp = transform.PiecewiseAffineTransform.from_estimate(src, dst)
    else:
        warp = transform.PiecewiseAffineTransform()
        assert warp.estimate(src, dst)
    return transform.warp(image, warp, preserve_range=True).astype(np.uint8)


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    return cv2.cvtColor(skimage_data.astronaut(), cv2.COLOR_RGB2BGR)


@pytest.fixture(scope="module")
def recognizer() -> FERFaceEmotion:
    return FERFaceEmotion(cues="landmarks", clock=lambda: 0.0)


def test_astronaut_landmark_cues_are_a_smile_with_open_eyes(recognizer, astronaut) -> None:
    (reading,) = recognizer.read(astronaut)
    cues = reading.cues
    assert set(cues) == {"smile", "mouth_open", "eye_aperture", "brow_height"}
    assert cues["smile"] > 0.1
    assert 0.2 < cues["eye_aperture"] < 0.45  # open eyes; closed ones fall below ~0.15


def test_rendered_frown_reads_negative_and_loses_the_smile(recognizer, astronaut) -> None:
    (smiling,) = recognizer.read(astronaut)
    grey = cv2.cvtColor(astronaut, cv2.COLOR_BGR2GRAY)
    points = DlibFaceLandmarks().points(grey, smiling.box)
    frowning_image = render_frown(astronaut, points, smiling.box)
    (frowning,) = recognizer.read(frowning_image)
    assert smiling.estimate.vad.valence > 0.5
    assert frowning.estimate.vad.valence < 0.0
    assert frowning.cues["smile"] < smiling.cues["smile"] - 0.05
