"""How the agent appraises a user's turn: the fortunes of the user, an insult to itself, and
the words its persona's authored appraisal rules name.

Both are OCC appraisals (Ortony, Clore & Collins 1988) through the persona's traits; agent.core
feeds the impulses to the emotion dynamics and the per-type ledger.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from agent.authored_lines import says_any
from agent.config import WordAppraisal
from agent.dialogue_acts import insults_agent
from agent.server.game_events import liking_after
from appraisal import BigFive, Cause, Impulse
from appraisal.occ import Event, Goal, OCCAppraiser
from perception import AffectEstimate


def empathic_impulse(
    user: AffectEstimate,
    *,
    liking: float,
    traits: BigFive,
    previous: AffectEstimate | None = None,
    trouble: bool = False,
) -> Impulse | None:
    """The OCC fortunes-of-others reaction to the user's perceived state, or to the trouble
    their words tell (``trouble``: agent.troubles.tells_trouble) when the reading misses it.

    A liked other's misfortune gives pity and their good fortune happy-for; for a disliked
    other, gloating and resentment (Ortony, Clore & Collins 1988, ch. 5). Intensity grows with
    how good or bad the turn is for the user (``felt_fortune``: valence x confidence, bad news
    calibrated on what ESConv seekers reported), with liking, and with agreeableness
    (the trait most tied to empathic concern; Graziano et al. 2007).
    """
    from agent.emotion_transition import felt_fortune
    from appraisal import OCC

    valence = felt_fortune(user, previous, trouble=trouble)
    strength = abs(valence)
    if strength < 0.05:
        return None
    if liking >= 0:
        emotion = "pity" if valence < 0 else "happy_for"
    else:
        emotion = "gloating" if valence < 0 else "resentment"
    empathy = 0.6 + 0.8 * traits.agreeableness
    intensity = min(1.0, strength * (0.5 + 0.5 * abs(liking)) * empathy)
    cause = Cause(
        event=f"user_feels_{user.label}",
        emotion=emotion,
        intensity=intensity,
        detail={
            "desirability_for_other": valence,
            "liking": liking,
            "agreeableness": traits.agreeableness,
            "told_trouble": float(trouble),
        },
    )
    return Impulse(OCC[emotion], intensity, cause)


RESPECT_GOAL = "be_respected"
"""A persona goal (``[[goals]] name = "be_respected"``) that makes insults hurt."""
INSULT_PRAISE = -0.8
"""How blameworthy an insult is judged (OCC praiseworthiness in [-1, 1]); set by hand."""


def insult_impulses(
    text: str,
    speaker: str,
    *,
    goals: Mapping[str, float],
    traits: BigFive,
    liking: float,
) -> tuple[list[Impulse], float]:
    """OCC emotions of an agent with a ``be_respected`` goal (name -> utility in ``goals``) whom
    ``speaker`` insults, and its liking of the speaker afterwards.

    The goal is hindered fully by a blameworthy act (praiseworthiness ``INSULT_PRAISE``):
    distress, reproach and the compound anger, each through the traits' dispositions. Liking
    falls as after a game event (``liking_after``). Agents without the goal (a
    counsellor) do not take an outburst personally: no impulses, liking unchanged.

    >>> felt, after = insult_impulses("Shut up, you old fool.", "user",
    ...     goals={"be_respected": 0.8}, traits=BigFive(), liking=0.1)
    >>> sorted(i.cause.emotion for i in felt), round(after, 2)
    (['anger', 'distress', 'reproach'], -0.14)
    >>> insult_impulses("Shut up.", "user", goals={}, traits=BigFive(), liking=0.1)
    ([], 0.1)
    """
    utility = goals.get(RESPECT_GOAL)
    if utility is None or not insults_agent(text):
        return [], liking
    appraiser = OCCAppraiser(traits=traits, goals=[Goal(RESPECT_GOAL, utility)],
                             relations={speaker: liking})
    impulses = appraiser.appraise(Event(f"insult from {speaker}", {RESPECT_GOAL: -1.0},
                                        agent=speaker, praiseworthiness=INSULT_PRAISE))
    return impulses, liking_after(liking, INSULT_PRAISE)


OWN_GOAL = "own_wellbeing"
"""The goal an authored appraisal touches when it names none (utility 1)."""


def authored_impulses(
    text: str,
    speaker: str,
    *,
    rules: Sequence[WordAppraisal],
    goals: Mapping[str, float],
    traits: BigFive,
    liking: float,
    heard: Collection[str] = (),
) -> tuple[list[Impulse], float]:
    """OCC emotions from the persona's ``[[appraisals]]`` whose words occur in the turn, or
    whose intents were heard in it (``heard``, agent.intents), and the liking of ``speaker``
    afterwards.

    A rule is an event with OCC's variables, as a game event carries them: ``desirability``
    for the character (through the utility of the ``goal`` it names) and, when the words are
    an act the character judges, ``praiseworthiness``: then ``speaker`` is its agent, so
    blame gives reproach and, with harm, anger; praise gives admiration and gratitude; and
    liking moves as after a game event. Without it the words are news, not an act: joy or
    distress only. Dispositions come from the traits, as for an insult.

    >>> mud = WordAppraisal(event="ale_insulted", when=["tastes like mud"], desirability=-0.4,
    ...                     praiseworthiness=-0.6)
    >>> felt, after = authored_impulses("Your ale tastes like mud.", "user", rules=[mud],
    ...     goals={}, traits=BigFive(), liking=0.1)
    >>> sorted(i.cause.emotion for i in felt), round(after, 2)
    (['anger', 'distress', 'reproach'], -0.08)
    """
    flat = " ".join(text.split()).casefold()
    impulses: list[Impulse] = []
    for rule in rules:
        if not (says_any(rule.when, text, flat) or not set(rule.intents).isdisjoint(heard)):
            continue
        goal = rule.goal or OWN_GOAL
        appraiser = OCCAppraiser(traits=traits, goals=[Goal(goal, goals.get(goal, 1.0))],
                                 relations={speaker: liking})  # fmt: skip
        act = rule.praiseworthiness is not None
        impulses += appraiser.appraise(Event(
            f"{rule.event} from {speaker}", {goal: rule.desirability},
            agent=speaker if act else None, praiseworthiness=rule.praiseworthiness,
        ))  # fmt: skip
        if rule.praiseworthiness is not None:
            liking = liking_after(liking, rule.praiseworthiness)
    return impulses, liking
