"""Perception floor: one recognizer per modality, each returning an :class:`AffectEstimate`."""

from __future__ import annotations

from perception.base import (
    AffectEstimate,
    ConversationEmotionRecognizer,
    DialogueTurn,
    FaceEmotionRecognizer,
    PhysioRecognizer,
    SpeechEmotionRecognizer,
    TextEmotionRecognizer,
    check_text,
    plain_quotes,
)
from perception.errors import ModelUnavailableError, PerceptionError

__all__ = [
    "AffectEstimate",
    "ConversationEmotionRecognizer",
    "DialogueTurn",
    "FaceEmotionRecognizer",
    "ModelUnavailableError",
    "PerceptionError",
    "PhysioRecognizer",
    "SpeechEmotionRecognizer",
    "TextEmotionRecognizer",
    "check_text",
    "plain_quotes",
]
