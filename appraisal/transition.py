"""The personality-affected emotion transition (PELD) as pure numpy maths.

Wen et al. (2021), "Automatically Select Emotion for Response via Personality-affected Emotion
Transition" (Findings of ACL), model the emotion an agent answers with as its preceding emotion
moved in VAD space by a variation that the dialogue context triggers and the personality
scales::

    target = v_prev + delta(context) * gain(personality)            (element-wise, per V, A, D)
    delta  = tanh(A c + a0)                                         context c -> VAD variation
    gain   = 1 + W p_vad                                            p_vad = Mehrabian(Big Five)

Sign convention: Mehrabian (1996) states his trait->PAD regression for *emotional stability*
(P +.19, A -.57). PELD's released code (src/model.py, ``personality_to_vad``) plugs the
*neuroticism* score into those stability coefficients, which makes neurotic people more pleasant
and calmer - the opposite of the psychology (neuroticism is negative affectivity; Watson &
Clark 1984). Here p_vad is :func:`appraisal.personality.baseline_mood`, with the signs flipped
for neuroticism (P -.19 N, A +.57 N).

The class read-out is ours: a linear part over the preceding label and the context, plus, for
each label k, minus a learned scale times the squared distance of ``target`` to a learned
anchor (initialised at the label's Russell & Mehrabian 1977 coordinates). With ``W = 0`` the
model is the same model without personality, which is the ablation ``affect eval transition``
reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from appraisal.errors import AppraisalError
from appraisal.personality import MEHRABIAN


def personality_vad(traits: np.ndarray) -> np.ndarray:
    """``(N, 5)`` OCEAN traits in [0, 1] -> ``(N, 3)`` PAD (Mehrabian, neuroticism-correct)."""
    t = np.asarray(traits, dtype=np.float64)
    if t.ndim != 2 or t.shape[1] != 5 or not np.all((t >= 0) & (t <= 1)):
        raise AppraisalError("traits must be an (N, 5) array of OCEAN scores in [0, 1]")
    return np.clip((2.0 * t - 1.0) @ MEHRABIAN.T, -1.0, 1.0)


@dataclass(frozen=True)
class TransitionWeights:
    """Parameters of the transition model; ``W`` all zero means personality plays no part."""

    labels: tuple[str, ...]
    A: np.ndarray  # (3, d) context -> VAD variation
    a0: np.ndarray  # (3,)
    W: np.ndarray  # (3, 3) personality PAD -> gain on the variation
    B: np.ndarray  # (K, K + d) linear read-out over [one-hot preceding label, context]
    b: np.ndarray  # (K,)
    anchors: np.ndarray  # (K, 3) VAD anchor of each label
    scale: np.ndarray  # (K,) weight of the distance to each anchor

    def __post_init__(self) -> None:
        k, d = len(self.labels), self.A.shape[1]
        shapes = {"A": (3, d), "a0": (3,), "W": (3, 3), "B": (k, k + d), "b": (k,),
                  "anchors": (k, 3), "scale": (k,)}
        for name, shape in shapes.items():
            if getattr(self, name).shape != shape:
                raise AppraisalError(
                    f"transition weight {name} has shape {getattr(self, name).shape}, "
                    f"expected {shape}; retrain with `affect train transition`"
                )

    @property
    def uses_personality(self) -> bool:
        return bool(np.any(self.W != 0.0))

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path, labels=np.array(self.labels), **{k: getattr(self, k) for k in _ARRAYS}
        )

    @classmethod
    def load(cls, path: str | Path) -> TransitionWeights:
        with np.load(path, allow_pickle=False) as z:
            missing = [k for k in ("labels", *_ARRAYS) if k not in z]
            if missing:
                raise AppraisalError(
                    f"{path} lacks {missing}; retrain with `affect train transition`"
                )
            return cls(labels=tuple(str(x) for x in z["labels"]),
                       **{k: z[k].astype(np.float64) for k in _ARRAYS})


_ARRAYS = ("A", "a0", "W", "B", "b", "anchors", "scale")


@dataclass(frozen=True)
class TransitionResult:
    """Per row: the VAD variation, the personality gain, the target and label probabilities."""

    delta: np.ndarray  # (N, 3)
    gain: np.ndarray  # (N, 3)
    target: np.ndarray  # (N, 3)
    probabilities: np.ndarray  # (N, K)


def transition(
    w: TransitionWeights,
    *,
    preceding: np.ndarray,
    preceding_vad: np.ndarray,
    context: np.ndarray,
    traits: np.ndarray,
) -> TransitionResult:
    """Run the model on a batch.

    Args:
        preceding: ``(N, K)`` one-hot (or probabilities) of the preceding emotion label.
        preceding_vad: ``(N, 3)`` the preceding emotion in VAD.
        context: ``(N, d)`` context features.
        traits: ``(N, 5)`` OCEAN in [0, 1].
    """
    pv = personality_vad(traits)
    delta = np.tanh(context @ w.A.T + w.a0)
    gain = 1.0 + pv @ w.W.T
    target = preceding_vad + delta * gain
    logits = np.hstack([preceding, context]) @ w.B.T + w.b
    logits -= w.scale * ((target[:, None, :] - w.anchors[None]) ** 2).sum(-1)
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    return TransitionResult(delta=delta, gain=gain, target=np.clip(target, -1, 1), probabilities=p)
