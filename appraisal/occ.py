"""OCC appraisal: events judged against goals and relations become emotions that explain themselves.

The structure follows Ortony, Clore & Collins (1988, *The Cognitive Structure of Emotions*) as
operationalised by GAMYGDALA (Popescu, Broekens & van Someren 2014, IEEE TAC) and FAtiMA
(Dias, Mascarenhas & Paiva 2014):

- an agent has goals with a utility in [-1, 1] (negative = a state it wants to avoid), its own
  and the goals it knows other agents hold;
- an event says how congruent it is with goals (congruence in [-1, 1]) and how likely it now
  is (likelihood in [0, 1]: 1 = it happened, 0 = it will not happen, between = a prospect);
  desirability = utility x congruence (GAMYGDALA eq. 1);
- for the agent's own goals: prospects give hope/fear with intensity |desirability| x
  likelihood; an outcome gives joy/distress, and where a prospect was held, satisfaction or
  fears-confirmed; a prospect that fails gives disappointment (it was hoped for) or relief (it
  was feared), scaled by how likely it had seemed (OCC ch. 6);
- the action's author is judged for praiseworthiness (default: its desirability, GAMYGDALA's
  simplification): pride/shame for oneself, admiration/reproach for another, and with the
  outcome's well-being emotion the compounds gratification/remorse, gratitude/anger;
- the fortunes of others, through the relation like in [-1, 1]: happy-for and pity for liked
  agents, resentment and gloating for disliked ones, intensity |desirability for them| x |like|;
- objects are appraised for appealingness: liking/disliking, love/hate past 0.7 (OCC treat
  love and hate as the strong forms of the attraction emotions).

Personality (FAtiMA's emotional dispositions: a threshold and a gain per emotion type) comes
from the Big Five by linear laws that are *our* choice, documented in :func:`dispositions`.
Intensity = clip(gain x potential - threshold, 0, 1), emitted when positive (FAtiMA).
Each emotion maps to VAD with ALMA's table (``appraisal.vocabularies.OCC``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from appraisal.dynamics import Cause, Impulse
from appraisal.errors import AppraisalError
from appraisal.personality import BigFive
from appraisal.vocabularies import OCC

SELF = "self"
NEGATIVE = frozenset(
    {"distress", "fear", "fears_confirmed", "disappointment", "shame", "remorse", "reproach",
     "anger", "pity", "resentment", "disliking", "hate"}
)
OTHERS_GOOD = frozenset({"happy_for", "pity"})
OTHERS_BAD = frozenset({"gloating", "resentment"})
SELF_AGENCY = frozenset({"pride", "shame", "gratification", "remorse"})


def _unit(name: str, value: float, low: float = -1.0) -> float:
    if not isinstance(value, (int, float)) or math.isnan(value) or not low <= value <= 1.0:
        raise AppraisalError(f"{name} must be a number in [{low:g}, 1], got {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class Goal:
    """A state of the world an agent wants (utility > 0) or wants to avoid (utility < 0)."""

    name: str
    utility: float
    owner: str = SELF

    def __post_init__(self) -> None:
        _unit(f"goal {self.name!r} utility", self.utility)


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or may happen: its effect on goals and who caused it.

    Args:
        congruence: goal name -> how much the event advances (+) or hinders (-) it, in [-1, 1].
        likelihood: 1 = it happened, 0 = it will not happen after all, between = a prospect.
        agent: who caused it (``"self"`` for the appraising agent); None for no one.
        praiseworthiness: judgement of the agent's action in [-1, 1]; None = its desirability.
        appealingness: for an event about an object (``target``), how appealing it is.
    """

    name: str
    congruence: Mapping[str, float] = field(default_factory=dict)
    likelihood: float = 1.0
    agent: str | None = None
    praiseworthiness: float | None = None
    target: str | None = None
    appealingness: float | None = None

    def __post_init__(self) -> None:
        _unit(f"event {self.name!r} likelihood", self.likelihood, low=0.0)
        for goal, value in self.congruence.items():
            _unit(f"congruence of event {self.name!r} with goal {goal!r}", value)
        if self.praiseworthiness is not None:
            _unit("praiseworthiness", self.praiseworthiness)
        if self.appealingness is not None:
            _unit("appealingness", self.appealingness)


@dataclass(frozen=True, slots=True)
class Disposition:
    """FAtiMA's per-emotion disposition: potential below ``threshold`` is not felt."""

    threshold: float
    gain: float
    traits: str = ""  # which Big Five traits shaped it, for the trace


def dispositions(traits: BigFive, *, base_threshold: float = 0.05) -> dict[str, Disposition]:
    """Thresholds and gains of the 24 emotion types for a personality.

    Each trait t in [0, 1] scales a gain as 0.75 + 0.5 t (1 at the population middle):
    neuroticism raises the gain and lowers the threshold of negative emotions (larger negative
    swings; Watson & Clark 1984, negative affectivity); extraversion raises the gain of positive
    ones (positive affectivity; Costa & McCrae 1980); agreeableness raises empathic emotions
    (happy-for, pity) and damps malicious ones (gloating, resentment; Graziano et al. 2007);
    conscientiousness raises self-agency emotions (pride, shame, gratification, remorse).
    """
    n, e = traits.neuroticism, traits.extraversion
    a, c = traits.agreeableness, traits.conscientiousness
    out: dict[str, Disposition] = {}
    for name in OCC:
        gain, threshold = 1.0, base_threshold
        if name in NEGATIVE:
            gain *= 0.75 + 0.5 * n
            threshold *= 1.5 - n
            used = [f"N={n:.2f}"]
        else:
            gain *= 0.75 + 0.5 * e
            used = [f"E={e:.2f}"]
        if name in OTHERS_GOOD:
            gain *= 0.75 + 0.5 * a
            used.append(f"A={a:.2f}")
        if name in OTHERS_BAD:
            gain *= 1.25 - 0.5 * a
            used.append(f"A={a:.2f}")
        if name in SELF_AGENCY:
            gain *= 0.75 + 0.5 * c
            used.append(f"C={c:.2f}")
        out[name] = Disposition(threshold=threshold, gain=gain, traits=" ".join(used))
    return out


class OCCAppraiser:
    """Appraises events for one agent against its goals, relations and personality.

    It remembers the prospects it holds (goal -> desirability, likelihood) so that a later
    outcome can confirm or disconfirm them.

    >>> me = OCCAppraiser(traits=BigFive(), goals=[Goal("win", 0.8)])
    >>> [i.cause.emotion for i in me.appraise(Event("lead", {"win": 1.0}, likelihood=0.6))]
    ['hope']
    >>> [i.cause.emotion for i in me.appraise(Event("victory", {"win": 1.0}))]
    ['joy', 'satisfaction']
    """

    def __init__(
        self,
        *,
        traits: BigFive,
        goals: list[Goal] | tuple[Goal, ...] = (),
        relations: Mapping[str, float] | None = None,
        name: str = SELF,
    ) -> None:
        self.traits = traits
        self.name = name
        self.goals = {g.name: g for g in goals}
        self.relations = {k: _unit(f"like of {k!r}", v) for k, v in (relations or {}).items()}
        self.dispositions = dispositions(traits)
        self.prospects: dict[str, tuple[float, float]] = {}

    def appraise(self, event: Event) -> list[Impulse]:
        """The emotions ``event`` elicits now, each with its cause (goal, variables, traits)."""
        unknown = [g for g in event.congruence if g not in self.goals]
        if unknown:
            raise AppraisalError(
                f"event {event.name!r} refers to unknown goals {unknown}; add them with Goal(...)"
            )
        out: list[Impulse] = []
        for goal_name, congruence in event.congruence.items():
            goal = self.goals[goal_name]
            desirability = goal.utility * congruence
            if desirability == 0.0:
                continue
            base: dict[str, float | str] = {
                "goal": goal_name, "desirability": desirability, "likelihood": event.likelihood
            }
            if goal.owner in (SELF, self.name):
                out += self._own_goal(event, goal_name, desirability, base)
            else:
                out += self._others_goal(event, goal.owner, desirability, base)
        if event.target is not None and event.appealingness is not None:
            strong = abs(event.appealingness) > 0.7
            kind = ("love" if strong else "liking") if event.appealingness > 0 else (
                "hate" if strong else "disliking")
            out += self._emit(event, kind, abs(event.appealingness),
                              {"object": event.target, "appealingness": event.appealingness})
        return out

    def _own_goal(
        self, event: Event, goal: str, d: float, base: dict[str, float | str]
    ) -> list[Impulse]:
        out: list[Impulse] = []
        p = event.likelihood
        held = self.prospects.get(goal)
        well_being: str | None = None
        if 0.0 < p < 1.0:
            self.prospects[goal] = (d, p)
            out += self._emit(event, "hope" if d > 0 else "fear", abs(d) * p, base)
        elif p == 1.0:
            well_being = "joy" if d > 0 else "distress"
            out += self._emit(event, well_being, abs(d), base)
            if held is not None and (held[0] > 0) == (d > 0):
                kind = "satisfaction" if d > 0 else "fears_confirmed"
                out += self._emit(event, kind, abs(d), {**base, "prospect_likelihood": held[1]})
            self.prospects.pop(goal, None)
        else:  # p == 0: what was hoped for or feared will not happen
            if held is not None and (held[0] > 0) == (d > 0):
                kind = "disappointment" if d > 0 else "relief"
                out += self._emit(event, kind, abs(d) * held[1],
                                  {**base, "prospect_likelihood": held[1]})
            self.prospects.pop(goal, None)
        if event.agent is not None and p == 1.0:
            praise = event.praiseworthiness if event.praiseworthiness is not None else d
            detail = {**base, "praiseworthiness": praise, "agent": event.agent}
            mine = event.agent in (SELF, self.name)
            attribution = ("pride" if praise > 0 else "shame") if mine else (
                "admiration" if praise > 0 else "reproach")
            out += self._emit(event, attribution, abs(praise), detail)
            if well_being is not None and (praise > 0) == (d > 0):
                compound = {
                    (True, True): "gratification", (True, False): "remorse",
                    (False, True): "gratitude", (False, False): "anger",
                }[(mine, d > 0)]
                out += self._emit(event, compound, (abs(praise) + abs(d)) / 2.0, detail)
        return out

    def _others_goal(
        self, event: Event, owner: str, d: float, base: dict[str, float | str]
    ) -> list[Impulse]:
        like = self.relations.get(owner, 0.0)
        if like == 0.0 or event.likelihood < 1.0:
            return []
        if like > 0:
            kind = "happy_for" if d > 0 else "pity"
        else:
            kind = "resentment" if d > 0 else "gloating"
        detail = {**base, "desirability_for_other": d, "other": owner, "like": like}
        del detail["desirability"]
        return self._emit(event, kind, abs(d) * abs(like), detail)

    def _emit(
        self, event: Event, emotion: str, potential: float, detail: Mapping[str, float | str]
    ) -> list[Impulse]:
        disp = self.dispositions[emotion]
        intensity = min(1.0, max(0.0, disp.gain * potential - disp.threshold))
        if intensity <= 0.0:
            return []
        full: dict[str, float | str] = dict(detail)
        full.update({"potential": potential, "gain": disp.gain, "threshold": disp.threshold,
                     "traits": disp.traits})
        return [Impulse(OCC[emotion], intensity, Cause(event.name, emotion, intensity, full))]
