"""OCC semantics, table-driven: which event, against which goal or relation, gives which emotion."""

from __future__ import annotations

import pytest

from appraisal import OCC, AppraisalError, BigFive
from appraisal.occ import Event, Goal, OCCAppraiser, dispositions

pytestmark = pytest.mark.unit


def _agent(**traits: float) -> OCCAppraiser:
    return OCCAppraiser(
        traits=BigFive(**traits),
        goals=[
            Goal("win", 0.8),
            Goal("stay_safe", 1.0),
            Goal("friend_wins", 0.9, owner="ally"),
            Goal("rival_wins", 0.9, owner="rival"),
        ],
        relations={"ally": 0.8, "rival": -0.7},
    )


# (name, events in order, emotions expected from the last event)
CASES = [
    ("desirable prospect -> hope", [Event("lead", {"win": 1.0}, likelihood=0.6)], {"hope"}),
    ("undesirable prospect -> fear", [Event("threat", {"stay_safe": -1.0}, likelihood=0.5)],
     {"fear"}),
    ("desirable outcome, no prospect -> joy", [Event("gift", {"win": 1.0})], {"joy"}),
    ("undesirable outcome -> distress", [Event("loss", {"win": -1.0})], {"distress"}),
    ("desirable confirmed prospect -> satisfaction",
     [Event("lead", {"win": 1.0}, likelihood=0.6), Event("victory", {"win": 1.0})],
     {"joy", "satisfaction"}),
    ("feared prospect confirmed -> fears-confirmed",
     [Event("threat", {"stay_safe": -1.0}, likelihood=0.5), Event("hit", {"stay_safe": -1.0})],
     {"distress", "fears_confirmed"}),
    ("feared prospect disconfirmed -> relief",
     [Event("threat", {"stay_safe": -1.0}, likelihood=0.5),
      Event("threat_gone", {"stay_safe": -1.0}, likelihood=0.0)],
     {"relief"}),
    ("hoped prospect disconfirmed -> disappointment",
     [Event("lead", {"win": 1.0}, likelihood=0.7),
      Event("lead_lost", {"win": 1.0}, likelihood=0.0)],
     {"disappointment"}),
    ("liked agent's good fortune -> happy-for", [Event("ally_scores", {"friend_wins": 1.0})],
     {"happy_for"}),
    ("liked agent's misfortune -> pity", [Event("ally_hurt", {"friend_wins": -1.0})], {"pity"}),
    ("disliked agent's misfortune -> gloating", [Event("rival_hurt", {"rival_wins": -1.0})],
     {"gloating"}),
    ("disliked agent's good fortune -> resentment", [Event("rival_scores", {"rival_wins": 1.0})],
     {"resentment"}),
    ("own praiseworthy act that helps me -> pride, gratification",
     [Event("my_goal", {"win": 1.0}, agent="self")], {"joy", "pride", "gratification"}),
    ("own blameworthy act that hurts me -> shame, remorse",
     [Event("my_blunder", {"win": -1.0}, agent="self")], {"distress", "shame", "remorse"}),
    ("other's act that helps me -> admiration, gratitude",
     [Event("ally_helps", {"win": 1.0}, agent="ally")], {"joy", "admiration", "gratitude"}),
    ("other's act that hurts me -> reproach, anger",
     [Event("rival_fouls", {"win": -1.0}, agent="rival")], {"distress", "reproach", "anger"}),
    ("appealing object -> liking", [Event("see_cake", target="cake", appealingness=0.5)],
     {"liking"}),
    ("very appealing object -> love", [Event("see_home", target="home", appealingness=0.9)],
     {"love"}),
    ("unappealing object -> disliking", [Event("smell", target="bin", appealingness=-0.4)],
     {"disliking"}),
    ("prospect of another's fortune -> nothing yet",
     [Event("ally_may_score", {"friend_wins": 1.0}, likelihood=0.5)], set()),
]


@pytest.mark.parametrize(("name", "events", "expected"), CASES, ids=[c[0] for c in CASES])
def test_occ_table(name: str, events: list[Event], expected: set[str]) -> None:
    agent = _agent()
    for event in events[:-1]:
        agent.appraise(event)
    impulses = agent.appraise(events[-1])
    assert {i.cause.emotion for i in impulses} == expected
    for impulse in impulses:
        assert 0.0 < impulse.intensity <= 1.0
        assert impulse.vad == OCC[impulse.cause.emotion]  # ALMA's table
        assert impulse.cause.event == events[-1].name
        assert "threshold" in impulse.cause.detail and "traits" in impulse.cause.detail


def test_relief_grows_with_how_likely_the_threat_seemed() -> None:
    def relief(p: float) -> float:
        agent = _agent()
        agent.appraise(Event("threat", {"stay_safe": -1.0}, likelihood=p))
        (imp,) = agent.appraise(Event("gone", {"stay_safe": -1.0}, likelihood=0.0))
        return imp.intensity

    assert relief(0.9) > relief(0.3)


def test_pity_grows_with_liking() -> None:
    def pity(like: float) -> float:
        agent = OCCAppraiser(traits=BigFive(), goals=[Goal("g", 1.0, owner="x")],
                             relations={"x": like})
        (imp,) = agent.appraise(Event("x_hurt", {"g": -1.0}))
        return imp.intensity

    assert pity(0.9) > pity(0.3)


def test_cause_explains_goal_and_relation() -> None:
    (imp,) = _agent().appraise(Event("ally_hurt", {"friend_wins": -1.0}))
    detail = imp.cause.detail
    assert detail["goal"] == "friend_wins" and detail["other"] == "ally"
    assert detail["like"] == pytest.approx(0.8)
    assert detail["desirability_for_other"] == pytest.approx(-0.9)
    assert "pity" in imp.cause.describe() and "ally_hurt" in imp.cause.describe()


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (lambda: Event("e", {"nope": 1.0}), "unknown goals"),
        (lambda: Event("e", {"win": 2.0}), "congruence"),
        (lambda: Event("e", {"win": 1.0}, likelihood=1.5), "likelihood"),
        (lambda: Goal("g", float("nan")), "utility"),
    ],
)
def test_bad_inputs_raise_clear_errors(event, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AppraisalError, match=message):
        _agent().appraise(event())


def test_dispositions_cover_all_24_types() -> None:
    assert set(dispositions(BigFive())) == set(OCC)
