"""Full face backends (HSEmotion, Py-Feat) fail offline with a message that says what to do."""

from __future__ import annotations

import importlib.util

import pytest

from perception.errors import ModelUnavailableError
from perception.face_full import HSEmotionFace, PyFeatFace, to_meld

pytestmark = pytest.mark.backends


def test_hsemotion_offline_without_cache_says_how_to_fetch(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("AFFECT_OFFLINE", "1")
    monkeypatch.setenv("HOME", str(tmp_path))  # an empty ~/.hsemotion
    with pytest.raises(ModelUnavailableError) as err:
        HSEmotionFace()
    message = str(err.value)
    if importlib.util.find_spec("hsemotion_onnx") is None:
        assert 'pip install "affective-agent[face-hsemotion]"' in message
    else:
        assert "not cached" in message and ".hsemotion" in message


def test_hsemotion_unknown_model_is_named() -> None:
    with pytest.raises(ModelUnavailableError, match="enet_b0_8_best_vgaf"):
        HSEmotionFace(model="resnet-9000")


def test_pyfeat_offline_fails_clearly(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailableError, match="face-pyfeat|Hugging Face hub"):
        PyFeatFace()


def test_label_folding_keeps_a_distribution() -> None:
    scores = to_meld({"Anger": 1, "Contempt": 1, "Disgust": 1, "Fear": 1, "Happiness": 2,
                      "Neutral": 1, "Sadness": 1, "Surprise": 1, "unknown": 5})
    assert set(scores) == {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"}
    assert scores["disgust"] == scores["joy"] == pytest.approx(2 / 9)
    assert sum(scores.values()) == pytest.approx(1.0)
    assert to_meld({"nan": float("nan")}) == {"neutral": 1.0}
