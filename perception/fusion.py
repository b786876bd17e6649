"""Confidence- and recency-weighted fusion of every modality's estimates into one user affect.

Each modality's estimates are first pooled into one reading (weights: confidence x recency),
then the modalities are mixed, axis by axis, by the strongest current evidence each holds times
how well that modality reads the axis (``AXIS_RELIABILITY``: a voice tells arousal, words
valence). Recency is an exponential fade with a half-life per modality: a face changes in a
second, a heart rate in tens of seconds, and what someone said colours the next minute. The
weights are reported as each modality's contribution, and opposite valence readings from strong
modalities are named as a disagreement (the smiling face over negative words) for the dialogue
manager to act on.

Example:
    >>> from appraisal import VAD
    >>> fusion = AffectFusion()
    >>> _ = fusion.add(AffectEstimate(VAD(0.8, 0.3, 0.2), confidence=0.9, modality="face", t=0.0))
    >>> _ = fusion.add(AffectEstimate(VAD(-0.6, 0.2, 0.0), confidence=0.8, modality="text", t=0.0))
    >>> fused = fusion.fuse(now=0.0)
    >>> sorted(fused.contributions), fused.disagreement is not None
    (['face', 'text'], True)
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from appraisal import VAD
from perception.base import AffectEstimate
from perception.errors import PerceptionError

DEFAULT_HALF_LIFE_S: Mapping[str, float] = {
    # Facial expressions are short-lived displays (Ekman's apex-to-offset is seconds), so a
    # face reading goes stale fast; autonomic arousal (HR, EDA) changes over tens of seconds;
    # an utterance's affect holds for the next turn or two.
    "face": 2.0,
    "speech": 8.0,
    "eeg": 6.0,
    "physio": 15.0,
    "text": 30.0,
    "erc": 30.0,
}
FALLBACK_HALF_LIFE_S = 10.0

AXIS_RELIABILITY: Mapping[str, tuple[float, float, float]] = {
    # How well each modality reads each axis (valence, arousal, dominance), relative to its best
    # axis (= 1). The ordering within a modality comes from the literature; the magnitudes are
    # ours, rounded. Each axis of the fusion is weighted by confidence x this number, so a
    # modality that cannot see an axis no longer pulls it toward its own (often neutral) guess.
    #
    # Speech without words: acoustic features track arousal (and dominance) well but valence
    # poorly, the "valence gap" (Wagner et al. 2023, "Dawn of the transformer era in speech
    # emotion recognition: closing the valence gap", IEEE TPAMI 45(9):10745-10759: only
    # transformers that learn implicit linguistic content reach valence CCC .638 on
    # MSP-Podcast; Scherer 2003, Speech Communication 40: vocal cues mark activation far more
    # consistently than hedonic valence). Our prosody estimator leaves valence at 0.
    "speech": (0.1, 1.0, 0.7),
    # Words carry valence best; arousal and dominance are rated less consistently from text
    # (Buechel & Hahn 2017, "EmoBank", EACL: lower agreement and prediction for A and D).
    "text": (1.0, 0.6, 0.5),
    "erc": (1.0, 0.6, 0.5),
    # Faces: valence is read better than arousal (Mollahosseini et al. 2017, "AffectNet",
    # IEEE TAC 10(1): valence predicted with clearly higher CCC than arousal).
    "face": (1.0, 0.6, 0.4),
    # Electrodermal activity and heart rate index sympathetic arousal, not its sign
    # (Boucsein 2012, "Electrodermal Activity", 2nd ed.; Koelstra et al. 2012, "DEAP",
    # IEEE TAC 3(1)).
    "physio": (0.3, 1.0, 0.3),
    # EEG: DEAP's valence and arousal classifiers perform about alike (Koelstra et al. 2012).
    "eeg": (1.0, 1.0, 0.6),
}
FALLBACK_AXIS_RELIABILITY = (1.0, 1.0, 1.0)
FORGET_AFTER_HALF_LIVES = 10.0
"""Estimates older than this many half-lives weigh < 0.1 % and are dropped."""


@dataclass(frozen=True, slots=True)
class FusedAffect:
    """The fused estimate, each modality's share of it, and any cross-modal disagreement."""

    estimate: AffectEstimate
    contributions: dict[str, float] = field(default_factory=dict)
    """Each modality's share of the evidence (strength = confidence x recency x reliability)."""
    axis_contributions: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    """Each modality's share of the fused valence, arousal and dominance (``AXIS_RELIABILITY``)."""
    disagreement: str | None = None
    modalities: dict[str, AffectEstimate] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        out = self.estimate.to_dict()
        out["contributions"] = {m: round(w, 4) for m, w in self.contributions.items()}
        out["axis_contributions"] = {
            m: dict(zip(("valence", "arousal", "dominance"), (round(x, 4) for x in w), strict=True))
            for m, w in self.axis_contributions.items()
        }
        out["disagreement"] = self.disagreement
        out["modalities"] = {
            m: {"vad": e.vad.to_dict(), "confidence": round(e.confidence, 4)}
            for m, e in self.modalities.items()
        }
        return out


def _finite_estimate(estimate: AffectEstimate) -> bool:
    values = (estimate.t, estimate.confidence, *estimate.vad.as_array())
    return all(math.isfinite(float(x)) for x in values)


class AffectFusion:
    """Keeps recent estimates per modality and fuses them on demand.

    Args:
        half_life_s: per-modality half-life of an estimate's weight (merged over the defaults).
        reliability: per-modality prior weight in [0, 1] (default 1), e.g. to trust a noisy
            webcam less than typed text.
        axis_reliability: per-modality (valence, arousal, dominance) weights in [0, 1], merged
            over ``AXIS_RELIABILITY``: how well the modality reads each axis.
        disagreement_valence: how far from neutral two modalities' valences must both be, in
            opposite directions, to be reported as a disagreement.
        max_per_modality: estimates kept per modality (a 30 fps camera fills this in seconds).
    """

    def __init__(
        self,
        *,
        half_life_s: Mapping[str, float] | None = None,
        reliability: Mapping[str, float] | None = None,
        axis_reliability: Mapping[str, tuple[float, float, float]] | None = None,
        disagreement_valence: float = 0.2,
        min_share_for_disagreement: float = 0.15,
        max_per_modality: int = 64,
    ) -> None:
        self.half_life_s = dict(DEFAULT_HALF_LIFE_S)
        for modality, h in (half_life_s or {}).items():
            if not (math.isfinite(h) and h > 0):
                raise PerceptionError(f"half-life for {modality!r} must be > 0 s, got {h!r}")
            self.half_life_s[modality] = float(h)
        self.reliability = dict(reliability or {})
        for modality, r in self.reliability.items():
            if not (math.isfinite(r) and 0.0 <= r <= 1.0):
                raise PerceptionError(f"reliability for {modality!r} must be in [0, 1], got {r!r}")
        self.axis_reliability = dict(AXIS_RELIABILITY)
        for modality, axes in (axis_reliability or {}).items():
            values = tuple(float(x) for x in axes)
            if len(values) != 3 or not all(math.isfinite(x) and 0.0 <= x <= 1.0 for x in values):
                raise PerceptionError(
                    f"axis reliability for {modality!r} must be three numbers in [0, 1] "
                    f"(valence, arousal, dominance), got {axes!r}"
                )
            self.axis_reliability[modality] = values  # type: ignore[assignment]
        self.disagreement_valence = disagreement_valence
        self.min_share_for_disagreement = min_share_for_disagreement
        self.max_per_modality = max_per_modality
        self._recent: dict[str, deque[AffectEstimate]] = {}
        self.dropped = 0
        """Estimates refused because a field was NaN or infinite (they never reach ``fuse``)."""

    def half_life(self, modality: str) -> float:
        return self.half_life_s.get(modality, FALLBACK_HALF_LIFE_S)

    def axis_weights(self, modality: str) -> tuple[float, float, float]:
        """(valence, arousal, dominance) reliability of ``modality`` (1, 1, 1 if unknown)."""
        return self.axis_reliability.get(modality, FALLBACK_AXIS_RELIABILITY)

    def add(self, estimate: AffectEstimate) -> bool:
        """Keep ``estimate`` for fusion; returns False (and counts it) when it is not finite."""
        if not isinstance(estimate, AffectEstimate):
            raise PerceptionError(
                f"fusion takes AffectEstimate objects, got {type(estimate).__name__}"
            )
        if not _finite_estimate(estimate):
            self.dropped += 1
            return False
        queue = self._recent.setdefault(estimate.modality, deque(maxlen=self.max_per_modality))
        queue.append(estimate)
        return True

    def clear(self) -> None:
        self._recent.clear()

    def fuse(self, now: float) -> FusedAffect:
        """The user's affect at time ``now`` (same clock as the estimates' ``t``)."""
        if not math.isfinite(now):
            raise PerceptionError(f"fusion time must be a finite number of seconds, got {now!r}")
        pooled: dict[str, tuple[AffectEstimate, float]] = {}
        for modality, queue in self._recent.items():
            half_life = self.half_life(modality)
            while queue and now - queue[0].t > FORGET_AFTER_HALF_LIVES * half_life:
                queue.popleft()
            reading = self._pool(modality, queue, now, half_life)
            if reading is not None:
                pooled[modality] = reading
        return self._mix(pooled, now)

    def _pool(
        self, modality: str, queue: deque[AffectEstimate], now: float, half_life: float
    ) -> tuple[AffectEstimate, float] | None:
        if not queue:
            return None
        # A future timestamp (clock skew between sources) counts as fresh, never as extra weight.
        ages = np.array([max(0.0, now - e.t) for e in queue])
        conf = np.array([e.confidence for e in queue])
        recency = np.exp2(-ages / half_life)
        w = conf * recency
        if not np.isfinite(w).all() or w.sum() <= 0.0:
            return None
        vads = np.stack([e.vad.as_array() for e in queue])
        vad = VAD.from_array((w[:, None] * vads).sum(axis=0) / w.sum())
        parts = [(e.categories, float(wi)) for e, wi in zip(queue, w, strict=True)]
        categories = _mix_categories(parts)
        # The modality's strength is its best fresh evidence, not a sum: thirty camera frames a
        # second must not outvote one typed sentence by sheer count.
        strength = float(w.max()) * self.reliability.get(modality, 1.0)
        pooled = AffectEstimate(
            vad=vad, categories=categories, confidence=float(w.max()), modality=modality, t=now
        )
        return pooled, strength

    def _mix(self, pooled: dict[str, tuple[AffectEstimate, float]], now: float) -> FusedAffect:
        strengths = {m: s for m, (_, s) in pooled.items() if s > 0.0}
        total = sum(strengths.values())
        if total <= 0.0:
            neutral = AffectEstimate(VAD.neutral(), confidence=0.0, modality="fused", t=now)
            return FusedAffect(estimate=neutral)
        shares = {m: s / total for m, s in sorted(strengths.items(), key=lambda kv: -kv[1])}
        readings = {m: pooled[m][0] for m in shares}
        # Per axis, each modality weighs its strength x how well it reads that axis.
        names = list(shares)
        axis_w = np.array([[strengths[m] * r for r in self.axis_weights(m)] for m in names])
        col = axis_w.sum(axis=0)
        col_safe = np.where(col > 0.0, col, 1.0)
        stacked = np.stack([readings[m].vad.as_array() for m in names])
        vad = VAD.from_array(np.where(col > 0.0, (axis_w * stacked).sum(axis=0) / col_safe, 0.0))
        axis_shares = {m: tuple(float(x) for x in axis_w[i] / col_safe)
                       for i, m in enumerate(names)}
        categories = _mix_categories([(readings[m].categories, s) for m, s in shares.items()])
        # Independent evidence combines like a noisy-or: two 0.5-confident modalities that agree
        # give 0.75; the result stays in [0, 1] however many modalities report.
        confidence = 1.0 - math.prod(1.0 - min(1.0, s) for s in strengths.values())
        estimate = AffectEstimate(
            vad=vad, categories=categories, confidence=confidence, modality="fused", t=now
        )
        return FusedAffect(
            estimate=estimate,
            contributions=shares,
            axis_contributions=axis_shares,  # type: ignore[arg-type]
            disagreement=self._disagreement(pooled, shares),
            modalities=readings,
        )

    def _disagreement(
        self, pooled: dict[str, tuple[AffectEstimate, float]], shares: dict[str, float]
    ) -> str | None:
        strong = [
            (m, pooled[m][0].vad.valence)
            for m, share in shares.items()
            if share >= self.min_share_for_disagreement
        ]
        best: tuple[float, str, float, str, float] | None = None
        for i, (m1, v1) in enumerate(strong):
            for m2, v2 in strong[i + 1 :]:
                if min(abs(v1), abs(v2)) < self.disagreement_valence or v1 * v2 >= 0:
                    continue
                gap = abs(v1 - v2)
                if best is None or gap > best[0]:
                    best = (gap, m1, v1, m2, v2)
        if best is None:
            return None
        _, m1, v1, m2, v2 = best
        (pos, vp), (neg, vn) = sorted([(m1, v1), (m2, v2)], key=lambda kv: -kv[1])
        return f"{pos} reads positive (valence {vp:+.2f}) but {neg} reads negative ({vn:+.2f})"


def _mix_categories(parts: list[tuple[Mapping[str, float], float]]) -> dict[str, float]:
    """Weighted mixture of category distributions, over the parts that have categories."""
    mixed: dict[str, float] = {}
    total = 0.0
    for categories, weight in parts:
        if not categories or weight <= 0.0:
            continue
        total += weight
        for label, p in categories.items():
            if math.isfinite(p):
                mixed[label] = mixed.get(label, 0.0) + weight * p
    if total <= 0.0:
        return {}
    norm = sum(mixed.values())
    return {k: v / norm for k, v in mixed.items()} if norm > 0 else {}
