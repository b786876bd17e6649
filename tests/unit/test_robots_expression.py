"""Table tests of the VAD/label -> AUs -> ARKit -> hri_msgs mapping."""

from __future__ import annotations

import pytest

from appraisal import OCC, VAD
from appraisal.vocabularies import EKMAN, MELD
from robots.errors import RobotsError
from robots.expression import HRI_EXPRESSIONS, LABELS, express, hri_expression
from robots.facs import ARKIT_BLENDSHAPES, AU_TO_ARKIT, EMFACS, blendshapes_from_aus

pytestmark = pytest.mark.unit


def test_arkit_has_the_52_unique_names() -> None:
    assert len(ARKIT_BLENDSHAPES) == 52 == len(set(ARKIT_BLENDSHAPES))
    for shapes in AU_TO_ARKIT.values():
        assert set(shapes) <= set(ARKIT_BLENDSHAPES)


def test_every_vocabulary_label_has_a_face() -> None:
    for name in [*OCC, *MELD, *EKMAN, *HRI_EXPRESSIONS]:
        assert name in LABELS, name
    assert len(HRI_EXPRESSIONS) == 25
    assert {row[2] for row in LABELS.values()} <= set(HRI_EXPRESSIONS)


@pytest.mark.parametrize(
    ("label", "present", "absent"),
    [
        ("joy", ["mouthSmileLeft", "mouthSmileRight", "cheekSquintLeft"], ["mouthFrownLeft"]),
        ("sadness", ["browInnerUp", "mouthFrownLeft", "browDownLeft"], ["mouthSmileLeft"]),
        ("anger", ["browDownLeft", "eyeSquintLeft", "mouthPressLeft"], ["browInnerUp"]),
        (
            "surprise",
            ["browInnerUp", "browOuterUpLeft", "eyeWideLeft", "jawOpen"],
            ["browDownLeft"],
        ),
        ("fear", ["eyeWideLeft", "mouthStretchLeft", "browInnerUp"], ["mouthSmileLeft"]),
        ("disgust", ["noseSneerLeft", "mouthUpperUpLeft"], ["mouthSmileLeft"]),
    ],
)
def test_emfacs_prototypes_drive_their_blendshapes(
    label: str, present: list[str], absent: list[str]
) -> None:
    face = express(MELD[label], label, 1.0)
    for shape in present:
        assert face.blendshapes[shape] > 0.2, shape
    for shape in absent:
        assert face.blendshapes[shape] == 0.0, shape


def test_contempt_is_one_sided() -> None:
    face = express(VAD(-0.3, 0.1, 0.4), "contempt", 1.0)
    assert face.blendshapes["mouthSmileRight"] > 0 and face.blendshapes["mouthSmileLeft"] == 0


def test_intensity_scales_and_zero_is_neutral() -> None:
    weak = express(MELD["joy"], "joy", 0.3).blendshapes["mouthSmileLeft"]
    strong = express(MELD["joy"], "joy", 0.9).blendshapes["mouthSmileLeft"]
    assert 0 < weak < strong
    rest = express(MELD["joy"], "joy", 0.0)
    assert max(rest.blendshapes.values()) == 0.0 and rest.hri_expression == "neutral"


def test_unknown_label_blends_by_vad_and_nearby_points_give_nearby_faces() -> None:
    a = express(VAD(-0.5, 0.55, 0.25), "grumpiness", 1.0)
    b = express(VAD(-0.48, 0.57, 0.25), None, 1.0)
    assert a.blendshapes["browDownLeft"] > 0.3  # anger-like
    diff = max(abs(a.blendshapes[k] - b.blendshapes[k]) for k in ARKIT_BLENDSHAPES)
    assert diff < 0.05


def test_all_weights_in_unit_range_across_the_cube() -> None:
    for v in (-1.0, 0.0, 1.0):
        for a in (-1.0, 0.0, 1.0):
            for d in (-1.0, 1.0):
                face = express(VAD(v, a, d), None, 1.0)
                assert all(0.0 <= w <= 1.0 for w in face.blendshapes.values())
                assert len(face.blendshapes) == 52


@pytest.mark.parametrize(
    ("label", "intensity", "arousal", "expected"),
    [
        ("anger", 0.2, 0.6, "annoyed"),
        ("anger", 0.5, 0.6, "angry"),
        ("anger", 0.9, 0.6, "furious"),
        ("joy", 0.9, 0.6, "excited"),
        ("joy", 0.9, -0.2, "happy"),
        ("shame", 0.6, 0.1, "embarrassed"),
        ("remorse", 0.6, 0.1, "guilty"),
        ("fear", 0.9, 0.6, "horrified"),
        ("bored", 0.9, -0.6, "bored"),
        ("neutral", 0.5, 0.0, "neutral"),
    ],
)
def test_hri_expression_table(label: str, intensity: float, arousal: float, expected: str) -> None:
    assert hri_expression(label, VAD(0.0, arousal, 0.0), intensity) == expected


def test_hri_message_fields_and_bounds() -> None:
    msg = express(VAD(-0.6, 0.5, 0.2), "anger", 0.7, confidence=0.8).hri_message()
    assert set(msg) == {"expression", "valence", "arousal", "confidence"}
    assert msg["valence"] < 0 < msg["arousal"] and msg["confidence"] == 0.8


def test_bad_inputs_raise_clear_errors() -> None:
    with pytest.raises(RobotsError, match="intensity"):
        express(VAD(), "joy", 1.5)
    with pytest.raises(RobotsError, match="confidence"):
        express(VAD(), "joy", 0.5, confidence=float("nan"))
    with pytest.raises(KeyError, match="unknown action unit"):
        blendshapes_from_aus({"AU99": 1.0})
    assert set(EMFACS) >= {"happiness", "sadness", "anger", "fear", "surprise", "disgust"}
