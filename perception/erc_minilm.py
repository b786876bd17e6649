"""Live, speaker-aware, past-only emotion recognition in conversation on the MiniLM encoder.

Each turn is first read alone (the utterance head's log-probabilities over MELD's 7 labels);
the ERC head then reads that together with the readings of the turn before, the speaker's own
previous turn, the last turn by someone else and a decayed mean of the context
(perception.erc_features), never a turn after. Embeddings of earlier turns come from the
encoder's cache, so a live turn costs one sentence encoding.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from appraisal import MELD, OCC, VAD, expected_vad
from perception.base import (
    AffectEstimate,
    ConversationEmotionRecognizer,
    DialogueTurn,
    TextEmotionRecognizer,
    check_text,
)
from perception.erc_features import MLPHead, context_features, feature_dim, softmax
from perception.errors import ModelUnavailableError, PerceptionError
from perception.text_minilm import MiniLMEncoder, MiniLMTextEmotion, load_heads, tuned_layers

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

    name = "minilm"

    def __init__(
        self,
        *,
        text: TextEmotionRecognizer | None = None,
        heads: str | Path | None = None,
        threads: int | None = None,
        dataset: str = "meld",
    ) -> None:
        arrays, self.meta = load_heads(heads)
        # dataset="emorynlp" reads EmoryNLP's own 7 labels through its auxiliary output.
        suffix = "" if dataset == "meld" else f"_{dataset}"
        if f"labels{suffix}" not in arrays:
            raise ModelUnavailableError(
                f"the heads have no output for {dataset!r}; choose meld or emorynlp"
            )
        self.labels: tuple[str, ...] = tuple(str(x) for x in arrays[f"labels{suffix}"])
        self.utt_head = MLPHead(arrays=arrays, prefix=f"utt{suffix}")
        self.head = MLPHead(arrays=arrays, prefix=f"erc{suffix}")
        self.vad_head = MLPHead(arrays=arrays, prefix="vad")
        self.vocabulary = MELD if dataset == "meld" else EMORYNLP_VAD
        # Share the encoder (and its cache) with a MiniLM text recognizer of the same heads.
        if isinstance(text, MiniLMTextEmotion) and text.meta == self.meta:
            self.encoder = text.encoder
        else:
            self.encoder = MiniLMEncoder(threads=threads, tuned_layers=tuned_layers(arrays))
        if (feature_dim(len(self.labels)) != self.head.input_dim
                or self.utt_head.input_dim != self.encoder.dim):
            raise ModelUnavailableError(
                "the ERC head does not match the encoder; rebuild it with `affect train text`"
            )

    def predict(self, history: Sequence[DialogueTurn]) -> AffectEstimate:
        return self.predict_dialogue(history[-WINDOW_TURNS:] if history else history)[-1]

    def predict_dialogue(self, turns: Sequence[DialogueTurn]) -> list[AffectEstimate]:
        """Every turn's estimate, each from that turn and the turns before it only."""
        if not turns:
            raise PerceptionError("the conversation is empty; give at least one turn")
        for t in turns:
            if not isinstance(t, DialogueTurn):
                raise PerceptionError(
                    f"history must hold DialogueTurn(speaker, text), got {type(t).__name__}"
                )
        texts = [check_text(t.text) for t in turns]
        emb = self.encoder.encode(texts)
        return self.estimates(emb, [t.speaker for t in turns])

    def estimates(self, embeddings: np.ndarray, speakers: Sequence[str]) -> list[AffectEstimate]:
        # Each turn's own reading (log-probabilities of the utterance head), then the ERC head
        # weighs it against the readings of the turns before it.
        readings = np.log(softmax(self.utt_head(embeddings)) + 1e-6).astype(np.float32)
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
