"""OCC appraisal of game events for an NPC: what it feels, and how it comes to like the actor.

The branches of Ortony, Clore & Collins (1988), in the form GAMYGDALA uses for games (Popescu,
Broekens & van Someren 2014): consequences of an event for the NPC itself give joy/distress
(hope/fear while uncertain, ``likelihood`` < 1); consequences for another give happy-for/pity
when the NPC likes that other and gloating/resentment when it dislikes them; an action judged by
the NPC's standards gives pride/shame (its own) or admiration/reproach (another's); an action
that is both blameworthy and bad for the NPC gives the compound anger (gratitude when
praiseworthy and good, gratification/remorse for its own). Praise and blame also move the NPC's
liking of the actor, so an insulted NPC stays cross with that player.
"""

from __future__ import annotations

from dataclasses import dataclass

from appraisal import OCC, Cause, Impulse

SELF = "self"
PLAYER = "player"
"""A game event's name for the person the NPC talks with (``user`` in a conversation)."""
LIKING_STEP = 0.3  # how far one fully (dis)approved action moves liking toward +-1


@dataclass(frozen=True, slots=True)
class AppraisedEvent:
    """The impulses one event elicits and the actor's liking after it."""

    impulses: tuple[Impulse, ...]
    liking: dict[str, float]


def liking_after(before: float, praiseworthiness: float) -> float:
    """Liking of an actor after one judged action: moved by ``LIKING_STEP`` x praiseworthiness,
    kept in [-1, 1].

    >>> round(liking_after(0.1, -0.8), 2), liking_after(-0.9, -0.8)
    (-0.14, -1.0)
    """
    return max(-1.0, min(1.0, before + LIKING_STEP * praiseworthiness))


def _impulse(emotion: str, intensity: float, event: str, **detail: float | str) -> Impulse:
    intensity = min(1.0, max(0.0, intensity))
    return Impulse(OCC[emotion], intensity, Cause(event, emotion, intensity, dict(detail)))


def appraise_game_event(
    *,
    event: str,
    actor: str,
    target: str,
    desirability: float,
    praiseworthiness: float | None,
    likelihood: float,
    liking: dict[str, float],
) -> AppraisedEvent:
    """OCC emotions of an NPC for one game event; ``liking`` maps agent names to [-1, 1].

    >>> out = appraise_game_event(event="insult", actor="player", target="self",
    ...     desirability=-0.6, praiseworthiness=-0.8, likelihood=1.0, liking={})
    >>> [i.cause.emotion for i in out.impulses], out.liking["player"] < 0
    (['anger'], True)
    """
    liking = dict(liking)
    impulses: list[Impulse] = []
    own_action = actor == SELF
    about_self = target == SELF
    if praiseworthiness is not None and abs(praiseworthiness) > 0.0:
        p = praiseworthiness
        if about_self and desirability * p > 0 and abs(desirability) > 0.0:
            # compound: action and its consequence for me judged together
            if own_action:
                name = "gratification" if p > 0 else "remorse"
            else:
                name = "gratitude" if p > 0 else "anger"
            strength = (abs(p) + abs(desirability)) / 2.0
            impulses.append(_impulse(name, strength, event, praiseworthiness=p,
                                     desirability=desirability, actor=actor))  # fmt: skip
        else:
            if own_action:
                name = "pride" if p > 0 else "shame"
            else:
                name = "admiration" if p > 0 else "reproach"
            impulses.append(_impulse(name, abs(p), event, praiseworthiness=p, actor=actor))
            if about_self and abs(desirability) > 0.0:
                impulses.append(_well_being(event, desirability, likelihood))
        if not own_action:
            liking[actor] = liking_after(liking.get(actor, 0.0), p)
    elif abs(desirability) > 0.0:
        if about_self:
            impulses.append(_well_being(event, desirability, likelihood))
        else:
            like = liking.get(target, 0.0)
            if like >= 0:
                name = "happy_for" if desirability > 0 else "pity"
            else:
                name = "resentment" if desirability > 0 else "gloating"
            strength = abs(desirability) * (0.3 + 0.7 * abs(like))
            impulses.append(_impulse(name, strength, event, desirability_for_other=desirability,
                                     liking=like, other=target))  # fmt: skip
    return AppraisedEvent(tuple(impulses), liking)


def _well_being(event: str, desirability: float, likelihood: float) -> Impulse:
    if likelihood < 1.0:
        name = "hope" if desirability > 0 else "fear"
        strength = abs(desirability) * likelihood
    else:
        name = "joy" if desirability > 0 else "distress"
        strength = abs(desirability)
    return _impulse(name, strength, event, desirability=desirability, likelihood=likelihood)


def appraise_with_relations(
    relations: dict[str, float],
    *,
    event: str,
    actor: str,
    target: str,
    desirability: float,
    praiseworthiness: float | None,
    likelihood: float,
) -> AppraisedEvent:
    """``appraise_game_event`` against a persona's relations, the one liking store that words
    and events both move: the engine's ``"player"`` is the person who speaks as ``"user"``.
    The returned liking holds every relation after the event, with the player's under
    ``"user"``.

    >>> out = appraise_with_relations({"user": 0.1}, event="insult", actor="player",
    ...     target="self", desirability=-0.6, praiseworthiness=-0.8, likelihood=1.0)
    >>> round(out.liking["user"], 2), "player" in out.liking
    (-0.14, False)
    """
    you = relations.get("user", relations.get(PLAYER, 0.5))
    appraised = appraise_game_event(
        event=event, actor=actor, target=target, desirability=desirability,
        praiseworthiness=praiseworthiness, likelihood=likelihood,
        liking={**relations, "user": you, PLAYER: you},
    )  # fmt: skip
    after = dict(appraised.liking)  # only the actor's liking moves
    player = after.pop(PLAYER)
    if actor == PLAYER:
        after["user"] = player
    return AppraisedEvent(appraised.impulses, after)
