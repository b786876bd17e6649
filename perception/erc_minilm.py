"""Live, speaker-aware, past-only emotion recognition in conversation on the MiniLM encoder.

Heads trained with context in the encoder (``context_tokens`` in their metadata, the shipped
ones): each turn is encoded together with up to ``context_turns`` earlier turns, speakers as
relative tags (perception.erc_features.context_pairs), and the vector pooled over the turn's own
tokens goes through the utterance head. Older heads read each turn alone and weigh the
readings of the turns before it with a feature-level ERC head (perception.erc_features). Either
way no turn after the one predicted is read; encodings are cached, so a live turn costs one
encoder pass.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from appraisal import MELD, OCC, VAD, expected_vad
from perception.base import (
    AffectEstimate,
    ConversationEmotionRecognizer,
    DialogueTurn,
    TextEmotionRecognizer,
    check_text,
    emoji_as_words,
)
from perception.erc_features import (
    MLPHead,
    context_features,
    context_pairs,
    feature_dim,
    softmax,
)
from perception.errors import ModelUnavailableError, PerceptionError
from perception.language import ENGLISH
from perception.text_minilm import (
    MPNET_HEADS,
    MiniLMTextEmotion,
    SentenceEncoder,
    encoder_model,
    int8_choice,
    load_heads,
    tuned_layers,
)

WINDOW_TURNS = 48
"""Context read per prediction; the decayed mean (half-life one turn) has vanished long before."""

# EmoryNLP's labels: Peaceful and Powerful have no MELD counterpart; they take ALMA's OCC
# coordinates of relief and pride (appraisal.vocabularies.OCC), the others MELD's.
EMORYNLP_VAD = {
    "Neutral": MELD["neutral"], "Joyful": MELD["joy"], "Peaceful": OCC["relief"],
    "Powerful": OCC["pride"], "Scared": MELD["fear"], "Mad": MELD["anger"],
    "Sad": MELD["sadness"],
}


class MiniLMConversationEmotion(ConversationEmotionRecognizer):
    """7 MELD categories and VAD for the last turn of a conversation, from it and its past."""

    languages = ENGLISH

    name = "minilm"

    def __init__(
        self,
        *,
        text: TextEmotionRecognizer | None = None,
        heads: str | Path | None = None,
        threads: int | None = None,
        dataset: str = "meld",
        quantize: bool | None = None,
        runtime: str = "auto",
    ) -> None:
        """``quantize`` and ``runtime`` as for ``SentenceEncoder`` (by default float32 on
        onnxruntime, int8 on torch without it)."""
        arrays, self.meta = load_heads(heads)
        # dataset="emorynlp" reads EmoryNLP's own 7 labels through its auxiliary output.
        suffix = "" if dataset == "meld" else f"_{dataset}"
        if f"labels{suffix}" not in arrays:
            raise ModelUnavailableError(
                f"the heads have no output for {dataset!r}; the shipped heads read MELD's 7 "
                "labels only (use dataset='meld'; see agent/models/text/README.md)"
            )
        self.labels: tuple[str, ...] = tuple(str(x) for x in arrays[f"labels{suffix}"])
        self.utt_head = MLPHead(arrays=arrays, prefix=f"utt{suffix}")
        # Heads trained on (turn, past) encoder inputs read the context inside the encoder; a
        # feature-level ERC head on top is optional for them.
        self.context_turns = int(self.meta.get("context_turns", 0))
        self.context_tokens = int(self.meta.get("context_tokens", 0))
        has_erc = f"erc{suffix}/W0" in arrays
        self.head = MLPHead(arrays=arrays, prefix=f"erc{suffix}") if has_erc or not \
            self.context_tokens else None
        self.vad_head = MLPHead(arrays=arrays, prefix="vad")
        self.vocabulary = MELD if dataset == "meld" else EMORYNLP_VAD
        # Share the encoder (and its cache) with a MiniLM text recognizer of the same heads.
        if isinstance(text, MiniLMTextEmotion) and text.meta == self.meta:
            self.encoder = text.encoder
        else:
            self.encoder = SentenceEncoder(threads=threads, tuned_layers=tuned_layers(arrays),
                                           quantize=int8_choice(quantize, self.meta),
                                           model=encoder_model(self.meta), runtime=runtime)
        if ((self.head is not None and feature_dim(len(self.labels)) != self.head.input_dim)
                or self.utt_head.input_dim != self.encoder.dim):
            raise ModelUnavailableError(
                "the ERC head does not match the encoder; rebuild it with `affect train text`"
            )

    def predict(self, history: Sequence[DialogueTurn]) -> AffectEstimate:
        if self.head is None and history:
            # Only the last turn and the context_turns before it reach the encoder, and only
            # the last turn's (turn, past) input is encoded.
            recent = history[-(self.context_turns + 1):]
            return self.predict_dialogue(recent, last_only=True)[-1]
        return self.predict_dialogue(history[-WINDOW_TURNS:] if history else history)[-1]

    def predict_dialogue(self, turns: Sequence[DialogueTurn], *, last_only: bool = False
                         ) -> list[AffectEstimate]:
        """Every turn's estimate (or the last one's), each from it and the turns before it."""
        if not turns:
            raise PerceptionError("the conversation is empty; give at least one turn")
        for t in turns:
            if not isinstance(t, DialogueTurn):
                raise PerceptionError(
                    f"history must hold DialogueTurn(speaker, text), got {type(t).__name__}"
                )
        texts = [emoji_as_words(check_text(t.text)) for t in turns]
        speakers = [t.speaker for t in turns]
        if self.context_tokens:
            pairs = context_pairs(speakers, texts, self.context_turns)
            if last_only:
                pairs, speakers = pairs[-1:], speakers[-1:]
            emb = self.encoder.encode_pairs(pairs, max_tokens=self.context_tokens)
        else:
            emb = self.encoder.encode(texts)
        return self.estimates(emb, speakers)

    def estimates(self, embeddings: np.ndarray, speakers: Sequence[str]) -> list[AffectEstimate]:
        # Each turn's own reading (log-probabilities of the utterance head), then the ERC head
        # weighs it against the readings of the turns before it.
        readings = np.log(softmax(self.utt_head(embeddings)) + 1e-6).astype(np.float32)
        if self.head is None:
            probs = softmax(self.utt_head(embeddings))
        else:
            probs = softmax(self.head(context_features(readings, speakers)))
        vads = np.clip(self.vad_head(embeddings), -1.0, 1.0)
        now = time.monotonic()
        out = []
        for p, v in zip(probs, vads, strict=True):
            categories = {label: float(x) for label, x in zip(self.labels, p, strict=True)}
            # The ridge VAD reads the words alone; the categories carry the context. Average.
            ctx = expected_vad(categories, self.vocabulary)
            vad = VAD(
                float((v[0] + ctx.valence) / 2),
                float((v[1] + ctx.arousal) / 2),
                float((v[2] + ctx.dominance) / 2),
            )
            out.append(AffectEstimate(vad, categories, float(p.max()), "text", now))
        return out


class MPNetConversationEmotion(MiniLMConversationEmotion):
    """The same on all-mpnet-base-v2 (agent/models/text_mpnet): more accurate on MELD, several
    times slower per turn; needs the ``mpnet`` extra."""

    name = "mpnet"

    def __init__(self, *, heads: str | Path | None = None, **kwargs: Any) -> None:
        super().__init__(heads=MPNET_HEADS if heads is None else heads, **kwargs)
