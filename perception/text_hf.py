"""Any Hugging Face sequence-classification model as a text-emotion recognizer (full backend).

Loading is offline-safe: weights come from a local directory or the local Hugging Face cache
(``local_files_only=True``, so an absent model fails at once instead of waiting on the network)
unless ``allow_download=True`` is passed. Each output label is mapped to VAD through the
project's vocabularies (MELD / Ekman / OCC names and common aliases) or an explicit
``label_vad`` mapping, so any emotion or sentiment classifier feeds the same appraisal.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from appraisal import MELD, OCC, VAD, expected_vad
from appraisal.vocabularies import EKMAN
from perception.base import AffectEstimate, TextEmotionRecognizer, check_text
from perception.errors import ModelUnavailableError

# Spellings of the basic emotions that classifiers on the hub use, onto MELD's names.
_ALIASES = {
    "happy": "joy", "happiness": "joy", "joyful": "joy", "love": "joy",
    "angry": "anger", "mad": "anger", "sad": "sadness", "scared": "fear", "afraid": "fear",
    "surprised": "surprise", "disgusted": "disgust", "no emotion": "neutral", "others": "neutral",
}
# Sentiment classifiers: valence only (the sign of the polarity, no claim on arousal/dominance).
_SENTIMENT = {"positive": VAD(0.6, 0.0, 0.0), "negative": VAD(-0.6, 0.0, 0.0),
              "pos": VAD(0.6, 0.0, 0.0), "neg": VAD(-0.6, 0.0, 0.0)}


def label_to_vad(label: str, extra: Mapping[str, VAD] | None = None) -> VAD:
    """VAD of a classifier's output label; raises ModelUnavailableError when unknown.

    >>> label_to_vad("Happy") == MELD["joy"]
    True
    """
    key = label.strip().lower()
    if extra and label in extra:
        return extra[label]
    if extra and key in extra:
        return extra[key]
    key = _ALIASES.get(key, key)
    for vocab in (MELD, EKMAN, OCC, _SENTIMENT):
        if key in vocab:
            return vocab[key]
    raise ModelUnavailableError(
        f"no VAD for the model's label {label!r}; pass label_vad={{{label!r}: VAD(v, a, d), ...}}"
    )


class HFTextEmotion(TextEmotionRecognizer):
    """A transformers sequence classifier by model id or local path; labels mapped to VAD."""

    name = "hf"

    def __init__(
        self,
        *,
        model: str = "",
        label_vad: Mapping[str, VAD] | None = None,
        allow_download: bool = False,
        threads: int | None = None,
        max_tokens: int = 256,
    ) -> None:
        if not model:
            raise ModelUnavailableError(
                "the hf text backend needs a model id or directory, e.g. "
                "model='j-hartmann/emotion-english-distilroberta-base'"
            )
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise ModelUnavailableError(
                f'the hf text backend needs torch and transformers: pip install '
                f'"affective-agent[text]" ({exc.name} is missing)'
            ) from exc
        if threads:
            torch.set_num_threads(threads)
        offline = not allow_download
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model, local_files_only=offline)
            self.model = AutoModelForSequenceClassification.from_pretrained(
                model, local_files_only=offline
            ).eval()
        except (OSError, ValueError) as exc:
            raise ModelUnavailableError(
                f"Hugging Face model {model!r} is not available offline ({type(exc).__name__}). "
                "Fetch it once where the hub is reachable (`huggingface-cli download "
                f"{model}`), copy the cache or pass a local directory as model=..., or allow "
                "downloads with allow_download=True"
            ) from exc
        self._torch = torch
        self.model_id = model
        self.max_tokens = max_tokens
        id2label: dict[int, str] = dict(self.model.config.id2label)
        self.labels = tuple(id2label[i] for i in range(len(id2label)))
        self.vocabulary = {lab: label_to_vad(lab, label_vad) for lab in self.labels}
        self.multi_label = self.model.config.problem_type == "multi_label_classification"

    def _probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        torch = self._torch
        batch = self.tokenizer(
            texts, padding=True, truncation=True, max_length=self.max_tokens, return_tensors="pt"
        )
        with torch.inference_mode():
            logits = self.model(**batch).logits
        if self.multi_label:
            # Independent sigmoids, renormalised so categories sum to one like every estimate.
            scores = torch.sigmoid(logits)
            scores = scores / scores.sum(-1, keepdim=True).clamp(min=1e-9)
        else:
            scores = torch.softmax(logits, dim=-1)
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in scores.tolist()]

    def predict(self, text: str) -> AffectEstimate:
        return self.predict_batch([text])[0]

    def predict_batch(self, texts: Sequence[str]) -> list[AffectEstimate]:
        clean = [check_text(t) for t in texts]
        now = time.monotonic()
        out = []
        for probs in self._probabilities(clean):
            vad = expected_vad(probs, self.vocabulary)
            out.append(AffectEstimate(vad, probs, max(probs.values()), "text", now))
        return out

    def describe(self) -> dict[str, Any]:
        return {"model": self.model_id, "labels": list(self.labels)}
