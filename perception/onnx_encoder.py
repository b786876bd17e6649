"""A sentence encoder's layers run on onnxruntime: exported once from the torch model, cached.

Why not torch: on one thread of these CPUs onnxruntime reads a live (turn, past) input through
the shipped all-MiniLM-L6-v2 in float32 in about 11 ms, torch in 18-22 ms, and both give the same
vector (cosine 1.0 over 100 turns, 2026-11-26). So the live reading keeps float32's accuracy
within the 15 ms budget, where torch had to drop to int8 (about a point of MELD weighted F1).
Its int8 (dynamic quantization, per-channel weights) is also faster than torch's, and closer to
float32 (lowest cosine over the same turns 0.980 against 0.952).

The graph is exported with ``torch.onnx.export`` from the encoder as loaded, low-rank updates
merged, and cached under ``~/.cache/affective-agent/onnx`` by a hash of its weights, so a new
heads file can never be read through a stale graph. Export takes about a second for MiniLM; a
cached graph loads in a fraction of that. Only the few most recently used graphs are kept.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ONNX_CACHE = Path.home() / ".cache" / "affective-agent" / "onnx"
KEEP_GRAPHS = 6
"""Graphs kept in the cache (least recently used go first): MiniLM in float32 is 90 MB, int8 23."""
OPSET = 17


def onnx_installed() -> bool:
    """Whether the export (``onnx``) and the runtime (``onnxruntime``) are both importable."""
    return all(importlib.util.find_spec(m) is not None for m in ("onnx", "onnxruntime"))


def weights_key(model: Any, *, int8: bool) -> str:
    """A hash of every weight of ``model`` (a torch module), the precision and the versions of
    torch and onnxruntime: equal keys mean the same graph. About 0.1 s for MiniLM."""
    import onnxruntime
    import torch

    digest = hashlib.sha256(
        f"{torch.__version__}|{onnxruntime.__version__}|{OPSET}|{int8}".encode())
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().contiguous().cpu().numpy().tobytes())
    return digest.hexdigest()[:24]


def _positional(model: Any, input_names: Sequence[str]) -> Any:
    """``model`` as a module of positional inputs returning its last hidden states: the
    exporter passes inputs positionally and wants one tensor out."""
    import torch

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, *inputs: Any) -> Any:
            return self.inner(**dict(zip(input_names, inputs, strict=True))).last_hidden_state

    return LastHidden().eval()


def export(model: Any, sample: Mapping[str, Any], path: Path) -> None:
    """Write ``model``'s float32 graph (inputs named as in ``sample``, batch and length dynamic)
    to ``path``. The torch model's train/eval mode is left as it was."""
    import torch

    names = list(sample)
    was_training = model.training
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]}
    try:
        with warnings.catch_warnings(), torch.inference_mode(False):
            # torch marks the TorchScript exporter as deprecated in favour of dynamo, which needs
            # onnxscript and takes minutes on a BERT; this one takes a second
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _positional(model, names), tuple(sample[n] for n in names), str(path),
                input_names=names, output_names=["last_hidden_state"], dynamic_axes=axes,
                opset_version=OPSET, dynamo=False,
            )
    finally:
        model.train(was_training)


def quantize(source: Path, target: Path) -> None:
    """int8 dynamic quantization of ``source``'s matrix products (per-channel weights).

    The quantizer logs advice through the root logger (``logging.warning``), which would also
    give a program that set up no logging a stderr handler for good. For the call, the root
    logger gets a handler that drops everything (so none is added) and a filter that drops the
    quantizer's own records (so a program's handlers do not print them)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    silent = logging.NullHandler()

    def not_the_quantizer(record: logging.LogRecord) -> bool:
        return "onnxruntime" not in record.pathname

    root.addHandler(silent)
    root.addFilter(not_the_quantizer)
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8,
                         per_channel=True)
    finally:
        root.removeFilter(not_the_quantizer)
        root.removeHandler(silent)


def _evict(cache: Path, keep: int) -> None:
    graphs = sorted(cache.glob("*.onnx"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in graphs[keep:]:
        old.unlink(missing_ok=True)


def cached_graph(model: Any, sample: Mapping[str, Any], *, int8: bool, label: str,
                 cache: Path = ONNX_CACHE) -> Path:
    """The cached graph of ``model`` at the precision asked for, exported (and quantized) if it
    is not there yet. Written under a temporary name and renamed, so processes starting together
    never read half a file; the last one to finish wins with the same bytes."""
    key = weights_key(model, int8=int8)
    target = cache / f"{label}-{'int8' if int8 else 'f32'}-{key}.onnx"
    if target.is_file():
        os.utime(target)  # recently used: kept by the eviction below
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        f32 = Path(tmp) / "f32.onnx"
        export(model, sample, f32)
        made = f32
        if int8:
            made = Path(tmp) / "int8.onnx"
            quantize(f32, made)
        os.replace(made, target)
    _evict(cache, KEEP_GRAPHS)
    return target


class OnnxLayers:
    """The encoder's last hidden states from onnxruntime: ``layers(batch)`` with ``batch`` the
    tokenizer's torch tensors, as the torch model takes them; returns a torch tensor."""

    def __init__(self, model: Any, sample: Mapping[str, Any], *, int8: bool, threads: int,
                 label: str, cache: Path = ONNX_CACHE) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: the optimizer's notes are not the user's
        # onnxruntime's pool spins on the cores after each run by default, starving the torch
        # work of the same turn (strategy policy, intents): a chat turn took twice as long
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        path = cached_graph(model, sample, int8=int8, label=label, cache=cache)
        try:
            self.session = ort.InferenceSession(str(path), options,
                                                providers=["CPUExecutionProvider"])
        except Exception:  # onnxruntime raises its own Fail/InvalidGraph types
            # a damaged cache file (a full disk, a copy cut short): export it again, once
            path.unlink(missing_ok=True)
            path = cached_graph(model, sample, int8=int8, label=label, cache=cache)
            self.session = ort.InferenceSession(str(path), options,
                                                providers=["CPUExecutionProvider"])
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.int8 = int8

    def __call__(self, batch: Mapping[str, Any]) -> Any:
        import torch

        feed = {n: np.ascontiguousarray(batch[n].numpy(), dtype=np.int64)
                for n in self.input_names}
        return torch.from_numpy(self.session.run(None, feed)[0])
