"""Pick the emotion the agent answers with: the PELD personality-affected transition, trained.

``ResponseEmotionSelector.load()`` reads the weights ``affect train transition`` wrote to
``agent/models/transition/``; ``select(...)`` turns the agent's preceding emotion, the last two
turns of the dialogue and the persona's Big Five into an :class:`~appraisal.Impulse` whose
:class:`~appraisal.Cause` says which preceding emotion, which VAD variation the context
triggered, how the personality scaled it, and how sure the model was.

When the transition predicts no transition - *neutral* (PELD's majority class) or the preceding
emotion again (persistence, the strongest regularity in PELD) - the agent's new emotion comes
from the OCC appraisal of the user's fortunes instead (pity or happy-for toward a liked user,
gloating or resentment toward a disliked one; ``appraisal.occ``): Friends characters often stay
as they were, while an empathic agent should still respond to what the user just said. When
that appraisal finds nothing, "neutral" means nothing new is felt (the current emotion decays)
and a persistence renews the emotion type the agent feels most. Both routes record their
reasons in the impulse's cause.

The context features are VADER's sentiment scores (Hutto & Gilbert 2014; a core dependency,
so the selector runs without the ``text`` extra) and three surface cues (question mark,
exclamation mark, length) of the preceding turn and of the turn being answered.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from agent.errors import AgentError
from appraisal import MELD, OCC, VAD, AffectState, BigFive, Cause, Impulse, nearest_label
from appraisal.occ import Event, Goal, OCCAppraiser
from appraisal.transition import TransitionWeights, transition
from perception.sentiment import polarity

MODEL_DIR = Path(__file__).resolve().parent / "models" / "transition"
LABELS: tuple[str, ...] = ("neutral", "joy", "surprise", "anger", "sadness", "disgust", "fear")
CONTEXT_DIM = 14
# Below this intensity the agent's emotion has faded: its preceding emotion reads as neutral
# (the same cut AffectState.label uses).
FELT = 0.1


def utterance_features(text: str) -> list[float]:
    """VADER neg/neu/pos/compound, '?' and '!' present, length in words / 30 (capped at 1)."""
    s = polarity(text)
    return [
        s["neg"],
        s["neu"],
        s["pos"],
        s["compound"],
        float("?" in text),
        float("!" in text),
        min(len(text.split()), 30) / 30.0,
    ]


def context_features(previous: str, trigger: str) -> np.ndarray:
    """Features of the turn before (the agent's own, PELD's utterance 1) and the one answered."""
    return np.array(utterance_features(previous) + utterance_features(trigger))


def encode(
    preceding: Sequence[str],
    previous: Sequence[str],
    trigger: Sequence[str],
    traits: np.ndarray,
) -> dict[str, np.ndarray]:
    """Model inputs for a batch of (preceding label, previous text, trigger text, traits)."""
    bad = sorted({p for p in preceding if p not in LABELS})
    if bad:
        raise AgentError(f"unknown emotion labels {bad}; expected MELD's {list(LABELS)}")
    onehot = np.zeros((len(preceding), len(LABELS)))
    onehot[np.arange(len(preceding)), [LABELS.index(p) for p in preceding]] = 1.0
    return {
        "preceding": onehot,
        "preceding_vad": np.array([MELD[p].as_array() for p in preceding]).reshape(-1, 3),
        "context": np.array(
            [context_features(a, b) for a, b in zip(previous, trigger, strict=True)]
        ),
        "traits": np.asarray(traits, dtype=np.float64).reshape(-1, 5),
    }


class ResponseEmotionSelector:
    """The trained PELD transition as the agent's appraisal of each user turn."""

    def __init__(
        self,
        *,
        weights: TransitionWeights,
        meta: dict[str, Any] | None = None,
        liking: float = 0.5,
    ) -> None:
        if weights.labels != LABELS:
            raise AgentError(f"transition weights have labels {weights.labels}, expected {LABELS}")
        self.weights = weights
        self.meta = meta or {}
        self.liking = liking

    @classmethod
    def load(
        cls, directory: str | Path | None = None, *, variant: str | None = None
    ) -> ResponseEmotionSelector:
        """Load the shipped weights (the variant ``meta.json`` names as default, or ``variant``).

        Raises:
            AgentError: the weights are missing; run ``affect train transition``.
        """
        root = Path(directory) if directory is not None else MODEL_DIR
        meta_path = root / "meta.json"
        if not meta_path.is_file():
            raise AgentError(f"no transition model at {root}; run `affect train transition`")
        meta = json.loads(meta_path.read_text())
        name = variant or meta["default"]
        path = root / f"{name}.npz"
        if not path.is_file():
            raise AgentError(f"{path} is missing; run `affect train transition`")
        return cls(weights=TransitionWeights.load(path), meta=meta)

    def predict_proba(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        return transition(self.weights, **inputs).probabilities

    def select(
        self,
        *,
        user_affect: Any,
        agent_state: AffectState,
        traits: BigFive,
        history: Sequence[Any],
        previous_user_affect: Any = None,
        liking: float | None = None,
        felt: str | None = None,
        trouble: bool = False,
    ) -> Impulse | None:
        """The emotion to answer with, as an impulse; None when there is nothing to answer.

        ``previous_user_affect`` (the user's reading one turn earlier) lets the OCC route
        appraise a change in the user's fortunes, not only where they stand now. ``liking``
        is the agent's liking of this user now (an insult lowers it); one selector serves
        many sessions, so its own ``liking`` is only the default. ``felt`` is the emotion
        type the agent feels most now (``EmotionState.dominant``): a predicted persistence
        renews that type, not the MELD label nearest the blend (pity lies nearest sadness,
        whose OCC type is distress). ``trouble``: the turn's words tell a trouble
        (agent.troubles.tells_trouble), so it is bad news for the user however it reads
        (``felt_fortune``).
        """
        like = self.liking if liking is None else liking
        texts = [str(getattr(turn, "text", "")) for turn in history]
        if not texts:
            return None
        trigger = texts[-1]
        previous = texts[-2] if len(texts) > 1 else ""
        preceding = (
            "neutral" if agent_state.intensity < FELT else nearest_label(agent_state.emotion, MELD)
        )
        inputs = encode([preceding], [previous], [trigger], np.array([traits.as_list()]))
        out = transition(self.weights, **inputs)
        p = out.probabilities[0]
        k = int(np.argmax(p))
        label = LABELS[k]
        intensity = float(p[k])
        delta, gain = out.delta[0], out.gain[0]
        detail: dict[str, float | str] = {
            "model": "peld_transition",
            "predicted": label,
            "preceding": preceding,
            "user": str(getattr(user_affect, "label", "unknown")),
            "delta_valence": float(delta[0]),
            "delta_arousal": float(delta[1]),
            "delta_dominance": float(delta[2]),
            "target_valence": float(out.target[0, 0]),
            "probability": intensity,
        }
        if self.weights.uses_personality:
            detail.update(
                {
                    "gain_valence": float(gain[0]),
                    "gain_arousal": float(gain[1]),
                    "gain_dominance": float(gain[2]),
                    "neuroticism": traits.neuroticism,
                    "extraversion": traits.extraversion,
                }
            )
        else:
            detail["personality"] = "not used (did not beat the model without it)"
        if trouble:
            detail["told_trouble"] = "yes"
        fits = self._fits_appraisal(label, user_affect, previous_user_affect, like, trouble)
        if not fits:
            detail["rejected"] = f"{label} does not fit the appraisal of the user's turn"
        if label in ("neutral", preceding) or not fits:
            empathic = self._fortunes_of_user(user_affect, traits, detail, previous_user_affect,
                                              like, trouble)  # fmt: skip
            if empathic is not None:
                return empathic
            if not fits or label == "neutral":
                # nothing fitting, or PELD's "no transition": nothing new is felt, and the
                # current emotion decays (a neutral impulse would raise the intensity of a
                # feeling the agent does not have)
                return None
            if felt is not None and felt in OCC:  # persistence: the same type, renewed
                detail["persisted"] = felt
                return Impulse(OCC[felt], intensity, Cause(
                    event=f"user_turn:{detail['user']}", emotion=felt, intensity=intensity,
                    detail=detail))  # fmt: skip
        cause = Cause(
            event=f"user_turn:{detail['user']}", emotion=label, intensity=intensity, detail=detail
        )
        return Impulse(VAD.from_array(MELD[label].as_array()), intensity, cause)

    @staticmethod
    def _fits_appraisal(label: str, user_affect: Any, previous_user_affect: Any,
                        liking: float, trouble: bool = False) -> bool:  # fmt: skip
        """Whether a learned transition agrees with OCC's reading of the user's turn.

        PELD's transitions come from Friends characters, who often answer a friend's news
        with anger or disgust. OCC has those only for a blameworthy act (the user was hostile)
        or for a disliked other; and for a liked user the reaction's valence follows the
        user's fortune (sorry-for on bad news, happy-for on good; Ortony, Clore & Collins 1988).
        """
        if label in ("anger", "disgust"):
            hostile = str(getattr(user_affect, "label", "")) in ("anger", "disgust")
            return liking < 0 or hostile
        vad = getattr(user_affect, "vad", None)
        if vad is None or liking <= 0:
            return True
        # the same sign as the reading's fortune at +-0.05 (the gain only scales bad news)
        good = felt_fortune(user_affect, previous_user_affect, trouble=trouble)
        valence = MELD[label].valence
        return not ((good <= -0.05 and valence > 0) or (good >= 0.05 and valence < 0))

    @staticmethod
    def _fortunes_of_user(
        user_affect: Any,
        traits: BigFive,
        transition_detail: dict[str, float | str],
        previous_user_affect: Any,
        liking: float,
        trouble: bool = False,
    ) -> Impulse | None:
        """OCC fortunes-of-others: the user's felt valence as good or bad fortune for them."""
        vad = getattr(user_affect, "vad", None)
        confidence = float(getattr(user_affect, "confidence", 0.0))
        if vad is None or confidence <= 0.0:
            return None
        congruence = felt_fortune(user_affect, previous_user_affect, trouble=trouble)
        if congruence == 0.0 or liking == 0.0:
            return None
        occ = OCCAppraiser(
            traits=traits,
            goals=[Goal("user_wellbeing", 1.0, owner="user")],
            relations={"user": liking},
        )
        impulses = occ.appraise(
            Event(f"user_turn:{transition_detail['user']}", {"user_wellbeing": congruence})
        )
        if not impulses:
            return None
        (impulse,) = impulses
        detail = dict(impulse.cause.detail)
        detail.update(
            {
                "transition": transition_detail["predicted"],
                "transition_probability": transition_detail["probability"],
                "preceding": transition_detail["preceding"],
            }
        )
        cause = Cause(impulse.cause.event, impulse.cause.emotion, impulse.intensity, detail)
        return Impulse(impulse.vad, impulse.intensity, cause)


BAD_NEWS_GAIN = 2.54
"""How much worse a user's trouble is than the reading of their words says. ESConv seekers
rated their emotion 0.77 on average (1-5 put in [0, 1]) where the text model read their first
turn as bad news of 0.30 (fortune x confidence); 2.37 on the valid split. Measured on the live
reading (float32 on onnxruntime since 2026-11-26; it was 2.67 on the int8 reading). Measured by
scripts/calibrate_bad_news.py (agent/training/bad_news.py); positive news has no such data and
is left as read."""

TROUBLE_FORTUNE = -0.77
"""How bad a turn is for the user at least when its words tell a trouble (a loss, an illness, a
hurt done to them, a painful feeling: agent.troubles.tells_trouble), however the text model
reads it. ESConv seekers whose first turn tells one rated their emotion 0.77 on average (1-5 put
in [0, 1]; 298 of 772 train openings at the end of 2026-11-28, as the patterns have grown: 0.77
over 295 earlier that day, 0.76 over 288 the day before, 0.77 over 243 when it was first set;
0.75 over 70 on valid), and those the
model did not read as bad news
(17 of the 243) rated it 0.75: the reading misses some troubles, the people do not feel them
less.
Measured by scripts/calibrate_bad_news.py (agent/training/bad_news.py)."""


def felt_fortune(user: Any, previous: Any = None, *, trouble: bool = False) -> float:
    """How good the user's turn is for them, as OCC's desirability for the other in [-1, 1]:
    ``fortune`` times the reading's confidence, bad news (from -0.05) scaled by
    ``BAD_NEWS_GAIN``; at most ``TROUBLE_FORTUNE`` when the words tell a trouble
    (``trouble``), since the reading misses some ("Kids at school keep calling me names" reads
    neutral).

    >>> from appraisal import VAD
    >>> from perception import AffectEstimate
    >>> loss = AffectEstimate(VAD(-0.38, -0.05, -0.13), {"sadness": 0.64, "neutral": 0.26},
    ...                       0.64, "text")
    >>> round(fortune(loss) * loss.confidence, 2), round(felt_fortune(loss), 2)
    (-0.24, -0.62)
    >>> calm = AffectEstimate(VAD(0.1, 0.0, 0.0), {"neutral": 0.9, "joy": 0.1}, 0.9, "text")
    >>> round(felt_fortune(calm), 2), felt_fortune(calm, trouble=True)
    (0.01, -0.77)
    """
    confidence = float(getattr(user, "confidence", 1.0))
    level, change = _level_and_change(user, previous)
    read = level * confidence
    # the gain was measured on where users stand (their first turn), so it scales the level; a
    # move since the last turn counts as read
    felt = max(-1.0, read * BAD_NEWS_GAIN) if read <= -0.05 else read
    felt = max(-1.0, min(1.0, felt + 0.5 * change * confidence))
    return min(felt, TROUBLE_FORTUNE) if trouble else felt


def read_fortune(user: Any, previous: Any = None) -> float:
    """``fortune`` times the reading's confidence: how good the turn reads for the user, before
    any calibration."""
    return fortune(user, previous) * float(getattr(user, "confidence", 1.0))


def fortune(user: Any, previous: Any = None) -> float:
    """How good the user's turn is for them: where they stand plus half of how far they moved.

    OCC appraises *events*: after a sad turn, "that helps a bit" is good news even when it is
    only mildly positive, and a drop from cheerful to sad is bad news. The change counts half
    as much as the level, so a reading that is merely less exuberant than the last one does
    not turn good news into bad. With no earlier reading the level alone counts.

    A turn read as neutral shows no emotional reaction, so its level, and a drop into it, are
    weak evidence of fortune: they count only as far as the reading doubts neutral
    (1 - p(neutral)). A rise into neutral counts whole: "that helps a bit" after a sad turn. The
    recognizer gives neutral questions a valence of up to about +-0.4 ("Who are you?" +0.28);
    that is no news for the user, and the agent should not feel happy-for at it.

    >>> from appraisal import VAD
    >>> from perception import AffectEstimate
    >>> question = AffectEstimate(VAD(0.3, 0.0, 0.0), {"neutral": 0.8, "joy": 0.2}, 0.8, "text")
    >>> news = AffectEstimate(VAD(0.6, 0.4, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text")
    >>> round(fortune(question), 2), round(fortune(news), 2)
    (0.06, 0.6)
    """
    level, change = _level_and_change(user, previous)
    return max(-1.0, min(1.0, level + 0.5 * change))


def _level_and_change(user: Any, previous: Any) -> tuple[float, float]:
    """Where the user's reading stands and how far it moved since ``previous``; for a turn read
    as neutral, the level and a drop count only as far as the reading doubts neutral: a flat
    turn after good news ("It took me four and a half hours.") is the talk going on."""
    valence = user.vad.valence
    doubt = 1.0
    if getattr(user, "label", None) == "neutral":
        doubt = 1.0 - float(getattr(user, "categories", {}).get("neutral", 1.0))
    before = getattr(previous, "vad", None)
    change = 0.0 if before is None else valence - before.valence
    return valence * doubt, change * doubt if change < 0 else change
