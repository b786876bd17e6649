"""OCC appraisal of game events: which emotion, and how liking moves."""

from __future__ import annotations

import pytest

from agent.server.game_events import appraise_game_event

pytestmark = pytest.mark.unit


def _emotions(**kw: object) -> list[str]:
    base = dict(event="e", actor="player", target="self", desirability=0.0,
                praiseworthiness=None, likelihood=1.0, liking={})  # fmt: skip
    base.update(kw)
    return [i.cause.emotion for i in appraise_game_event(**base).impulses]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"desirability": -0.6, "praiseworthiness": -0.8}, ["anger"]),
        ({"desirability": 0.6, "praiseworthiness": 0.8}, ["gratitude"]),
        ({"actor": "self", "desirability": 0.5, "praiseworthiness": 0.5}, ["gratification"]),
        ({"actor": "self", "desirability": -0.5, "praiseworthiness": -0.5}, ["remorse"]),
        ({"praiseworthiness": -0.7}, ["reproach"]),
        ({"praiseworthiness": 0.7, "target": "guard"}, ["admiration"]),
        ({"actor": "self", "praiseworthiness": 0.7}, ["pride"]),
        ({"desirability": 0.8}, ["joy"]),
        ({"desirability": -0.8}, ["distress"]),
        ({"desirability": -0.8, "likelihood": 0.5}, ["fear"]),
        ({"desirability": 0.8, "likelihood": 0.5}, ["hope"]),
        ({"target": "friend", "desirability": -0.5, "liking": {"friend": 0.8}}, ["pity"]),
        ({"target": "enemy", "desirability": -0.5, "liking": {"enemy": -0.8}}, ["gloating"]),
        ({"target": "enemy", "desirability": 0.5, "liking": {"enemy": -0.8}}, ["resentment"]),
        ({"target": "friend", "desirability": 0.5, "liking": {"friend": 0.8}}, ["happy_for"]),
        ({}, []),
    ],
)
def test_occ_branches(fields: dict, expected: list[str]) -> None:
    assert _emotions(**fields) == expected


def test_insults_accumulate_into_dislike_and_praise_restores() -> None:
    liking: dict[str, float] = {"player": 0.2}
    for _ in range(3):
        out = appraise_game_event(event="insult", actor="player", target="self",
                                  desirability=-0.5, praiseworthiness=-0.9, likelihood=1.0,
                                  liking=liking)  # fmt: skip
        assert out.liking["player"] < liking["player"]
        liking = out.liking
    assert -1.0 <= liking["player"] < -0.5
    out = appraise_game_event(event="gift", actor="player", target="self", desirability=0.5,
                              praiseworthiness=0.9, likelihood=1.0, liking=liking)  # fmt: skip
    assert out.liking["player"] > liking["player"]
    strong = appraise_game_event(event="x", actor="p", target="self", desirability=-1.0,
                                 praiseworthiness=-1.0, likelihood=1.0, liking={})  # fmt: skip
    assert strong.impulses[0].intensity == 1.0


def test_words_and_events_move_one_liking_of_the_player() -> None:
    from agent.server import protocol as p
    from agent.server.game_events import liking_after
    from agent.server.session import AgentFactory, NpcSession

    npc = NpcSession(AgentFactory(text="lexicon").create("grim", "s1"), "s1")
    relations = npc.agent.persona.relations
    start = relations["user"]
    npc.turn("That's a ripoff, you thief.", "user", "t1")  # an insult in words
    insulted = relations["user"]
    assert insulted < start
    gift = p.GameEvent(type="game_event", event="player_gave_gift", desirability=0.5,
                       praiseworthiness=0.6)  # fmt: skip
    npc.game_event(gift, "t2")  # the engine's "player" is the same person
    assert relations["user"] == pytest.approx(liking_after(insulted, 0.6))
    assert "player" not in relations
    guard = p.GameEvent(type="game_event", event="guard_helped", actor="guard",
                        desirability=0.4, praiseworthiness=0.5)  # fmt: skip
    npc.game_event(guard, "t3")
    assert relations["guard"] > 0 and relations["user"] == pytest.approx(
        liking_after(insulted, 0.6))  # someone else's act leaves the player's liking alone
