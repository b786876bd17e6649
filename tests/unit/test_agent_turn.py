"""The turn API: a preview drafts without side effects; respond can reuse the draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.core import AffectiveAgent, reply_key
from agent.store import Store
from agent.types import Utterance

pytestmark = pytest.mark.unit


def make_agent(db: Path, persona: str = "sage") -> AffectiveAgent:
    ticks = iter(range(0, 10_000, 5))
    return AffectiveAgent.from_persona(
        persona, db_path=db, clock=lambda: float(next(ticks)), text="lexicon"
    )


def test_preview_changes_nothing(tmp_path: Path) -> None:
    agent = make_agent(tmp_path / "a.db")
    agent.respond(Utterance("My cat is ill and I am worried."))
    before = (list(agent.history), agent.state, list(agent.dialogue.strategies),
              agent.feelings.intensities.tolist(), agent.dialogue.emotions_of("user"),
              list(agent.dialogue.affect))  # fmt: skip
    draft = agent.preview(Utterance("The vet said it might be serious."))
    assert draft.text and draft.extras["draft_for"] == "the vet said it might be serious"
    assert (list(agent.history), agent.state, list(agent.dialogue.strategies),
            agent.feelings.intensities.tolist(), agent.dialogue.emotions_of("user"),
            list(agent.dialogue.affect)) == before  # fmt: skip
    assert agent.dialogue.shift("user") is None
    assert len(Store(tmp_path / "a.db").turns("default")) == 2


def test_respond_reuses_a_matching_draft_and_ignores_a_stale_one(tmp_path: Path) -> None:
    agent = make_agent(tmp_path / "b.db")
    draft = agent.preview(Utterance("I failed my exam"))
    reply = agent.respond(Utterance("I failed my exam."), draft=draft)
    assert reply.text == draft.text and reply.strategy == draft.strategy
    assert any("drafted" in line for line in reply.trace)
    assert len(agent.history) == 2

    stale = agent.preview(Utterance("I want to give up on studying"))
    fresh = agent.respond(Utterance("Actually my friend helped me a lot"), draft=stale)
    assert not any("drafted" in line for line in fresh.trace)
    assert fresh.text != stale.text


def test_reply_key_ignores_case_spacing_and_punctuation() -> None:
    assert reply_key("  I failed,   my EXAM! ") == reply_key("i failed my exam")
    assert reply_key("I failed my exam") != reply_key("I passed my exam")


def test_relief_after_distress_is_good_news_for_a_liked_user() -> None:
    from agent.turn_appraisal import empathic_impulse
    from appraisal import VAD, BigFive
    from perception import AffectEstimate

    def reading(v: float) -> AffectEstimate:
        return AffectEstimate(VAD(v, 0.0, 0.0), {"neutral": 1.0}, 0.5, "text", 0.0)

    traits = BigFive()
    sad = reading(-0.6)
    flat = reading(0.05)
    alone = empathic_impulse(flat, liking=0.6, traits=traits)
    after_sad = empathic_impulse(flat, liking=0.6, traits=traits, previous=sad)
    assert after_sad is not None and after_sad.cause.emotion == "happy_for"
    assert alone is None or alone.intensity < after_sad.intensity
    # a flat turn after a cheerful one is the talk going on ("It took me four and a half
    # hours."), not bad news; a drop into a sad reading is
    glad = reading(0.7)
    on = empathic_impulse(reading(0.0), liking=0.6, traits=traits, previous=glad)
    assert on is None or on.cause.emotion != "pity"
    sad_now = AffectEstimate(VAD(-0.2, 0.0, 0.0), {"sadness": 0.6, "neutral": 0.4}, 0.5, "text",
                             0.0)
    worse = empathic_impulse(sad_now, liking=0.6, traits=traits, previous=glad)
    assert worse is not None and worse.cause.emotion == "pity"
    alone_sad = empathic_impulse(sad_now, liking=0.6, traits=traits)
    assert alone_sad is None or alone_sad.intensity < worse.intensity  # the drop adds to it


def test_a_neutral_question_is_no_news_but_the_same_valence_as_joy_is() -> None:
    # "Who are you?" reads neutral at +0.3; the same valence read as joy is good news.
    from agent.turn_appraisal import empathic_impulse
    from appraisal import VAD, BigFive
    from perception import AffectEstimate

    question = AffectEstimate(VAD(0.3, 0.0, 0.0), {"neutral": 0.8, "joy": 0.2}, 0.8, "text", 0.0)
    glad = AffectEstimate(VAD(0.3, 0.2, 0.1), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    asked = empathic_impulse(question, liking=0.6, traits=BigFive())
    told = empathic_impulse(glad, liking=0.6, traits=BigFive())
    assert told is not None and told.cause.emotion == "happy_for"
    assert asked is None or asked.intensity < 0.5 * told.intensity


def test_learned_transitions_must_fit_the_appraisal_of_the_users_turn() -> None:
    from agent.emotion_transition import ResponseEmotionSelector
    from appraisal import VAD
    from perception import AffectEstimate

    def reading(v: float, label: str) -> AffectEstimate:
        return AffectEstimate(VAD(v, 0.3, 0.0), {label: 1.0}, 0.9, "text", 0.0)

    fits = ResponseEmotionSelector._fits_appraisal
    worried = reading(-0.6, "fear")
    assert not fits("anger", worried, None, 0.6)
    assert not fits("joy", worried, None, 0.6)
    assert fits("sadness", worried, None, 0.6)
    assert fits("anger", reading(-0.7, "anger"), None, 0.6)
    assert fits("anger", worried, None, -0.5)


def test_the_liking_of_this_user_now_steers_the_agents_answering_emotion(tmp_path: Path) -> None:
    # One selector serves every session of a server; an insult lowers this session's liking
    # only. The insulter's next misfortune is then appraised for a disliked other: no pity
    # (OCC: gloating, or the learned anger, which fits a disliked user), while a fresh session
    # with the same selector still feels pity.
    insulted = make_agent(tmp_path / "a.db", "grim")
    insulted.respond(Utterance("That's a ripoff, you thief."))
    assert insulted.persona.relations["user"] < 0
    after = insulted.respond(Utterance("My dog died this morning and I am heartbroken."))
    fresh = make_agent(tmp_path / "b.db", "grim")
    fresh.transition = insulted.transition  # shared, as AgentFactory shares it
    before = fresh.respond(Utterance("My dog died this morning and I am heartbroken."))
    felt_after = [t for t in after.trace if t.startswith("agent feels")]
    felt_before = [t for t in before.trace if t.startswith("agent feels")]
    assert felt_after and not any(t.startswith("agent feels pity") for t in felt_after)
    assert any(t.startswith("agent feels pity") for t in felt_before), felt_before


def test_an_explicit_text_backend_is_what_reads_the_user() -> None:
    from agent.assembly import UtteranceOnlyERC
    from perception.text_lexicon import LexiconTextEmotion

    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    assert isinstance(agent.dialogue.erc, UtteranceOnlyERC)
    assert isinstance(agent.dialogue.erc.text, LexiconTextEmotion)


def _impulse(name: str, intensity: float):  # type: ignore[no-untyped-def]
    from appraisal import OCC, Cause, Impulse

    return Impulse(OCC[name], intensity, Cause(f"event_{name}", name, intensity))


def test_co_active_emotions_fade_each_on_its_own_half_life(tmp_path: Path) -> None:
    agent = make_agent(tmp_path / "f.db")
    now = agent.feel([_impulse("fear", 0.8), _impulse("gratitude", 0.6)], t=0.0)
    assert now.active == pytest.approx({"fear": 0.8, "gratitude": 0.6})
    assert now.to_dict()["active"] == {"fear": 0.8, "gratitude": 0.6}
    later = agent.feel([], t=30.0).active
    n, e = agent.traits.neuroticism, agent.traits.extraversion
    # Negative types last 15 + 15 N seconds, positive ones 15 + 15 E (appraisal.emotions).
    assert later["fear"] == pytest.approx(0.8 * 0.5 ** (30.0 / (15 + 15 * n)))
    assert later["gratitude"] == pytest.approx(0.6 * 0.5 ** (30.0 / (15 + 15 * e)))
    assert agent.feel([], t=600.0).active == {}


def test_time_alone_fades_the_blend_as_well(tmp_path: Path) -> None:
    agent = make_agent(tmp_path / "w.db")
    strong = agent.feel([_impulse("distress", 0.9)], t=0.0)
    assert strong.intensity >= 0.85
    faded = agent.feel([], t=300.0)  # many half-lives: nothing of it is left in either model
    assert faded.intensity < 0.01 and faded.active == {}
    assert faded.vad.valence > strong.vad.valence


def test_a_turn_reports_the_emotions_the_agent_feels_at_once(tmp_path: Path) -> None:
    agent = make_agent(tmp_path / "g.db")
    agent.feel([_impulse("hope", 0.5)])
    reply = agent.respond(Utterance("I am terrified, someone is breaking into my house."))
    felt = reply.agent_emotion.active
    # Pity for a liked user's fear (OCC fortunes of others); the earlier hope lingers beside it.
    assert set(felt) == {"pity", "hope"} and felt["pity"] > 0.1, felt
    assert any(line.startswith("agent's emotions now:") for line in reply.trace)


def test_the_agent_is_named_by_what_it_feels_not_by_the_blends_nearest_label(tmp_path: Path
                                                                             ) -> None:
    from appraisal import OCC, nearest_label

    agent = make_agent(tmp_path / "i.db")
    now = agent.feel([_impulse("pity", 0.35), _impulse("happy_for", 0.25)], t=0.0)
    # The VAD blend of the two lies nearest another type, which is not felt.
    assert nearest_label(agent.state.emotion, OCC) not in ("pity", "happy_for")
    assert now.label == "pity"
    assert agent.feel([_impulse("happy_for", 0.6)], t=1.0).label == "happy_for"


def test_a_blend_of_faded_feelings_is_not_given_a_name(tmp_path: Path) -> None:
    agent = make_agent(tmp_path / "j.db")
    agent.feel([_impulse("hope", 0.9)], t=0.0)
    # hope's type fades below 0.1 (15 + 15 E s half-life) while the blend still counts as felt
    later = agent.feel([_impulse("pity", 0.08)], t=75.0)
    assert agent.state.intensity >= 0.1 and max(later.active.values(), default=0.0) < 0.1
    assert later.label == "neutral"


def test_felt_emotions_survive_a_restart_and_bad_stored_values_are_dropped(tmp_path: Path
                                                                           ) -> None:
    db = tmp_path / "h.db"
    agent = make_agent(db)
    agent.feel([_impulse("pride", 0.7)])
    agent.respond(Utterance("I finally finished the marathon!"))
    felt = agent.agent_emotion().active
    assert make_agent(db).agent_emotion().active == pytest.approx(felt)

    store = Store(db)
    state = store.load_state("default")
    assert state is not None
    state["active"] = {"pride": 7.0, "bogus": 0.3, "hope": 0.4, "fear": "high"}
    store.save_state("default", state)
    store.close()
    restored = make_agent(db)
    assert restored.agent_emotion().active == {"hope": 0.4}
    assert restored.respond(Utterance("Thanks for listening.")).text


def test_an_insult_angers_an_agent_that_minds_and_not_a_counsellor(tmp_path: Path) -> None:
    from agent.responder_phrases import ACT_REPLIES
    from agent.types import Strategy

    grim = make_agent(tmp_path / "grim.db", "grim")  # [[goals]] be_respected
    before = grim.persona.relations["user"]
    calm = grim.respond(Utterance("Good evening. A room for the night, please."))
    hit = grim.respond(Utterance("That's a ripoff, you thief."))
    felt = hit.agent_emotion
    assert felt.label in ("anger", "reproach") and felt.active["anger"] > 0.3
    # anger is aroused and dominant (ALMA: -0.51, +0.59, +0.25); grim's resting mood is already
    # as low in valence (anxious, -0.45), so the change shows in arousal and dominance
    was = calm.agent_emotion.vad
    assert felt.vad.arousal > was.arousal + 0.05 and felt.vad.dominance > was.dominance
    assert felt.vad.valence < 0.0
    assert grim.persona.relations["user"] < before  # the insult is remembered
    assert hit.text in ACT_REPLIES["insulted"] and hit.strategy is Strategy.OTHERS
    assert any("insult from user" in line for line in hit.trace)
    sage = make_agent(tmp_path / "sage.db")  # no such goal: an outburst is not taken personally
    vented = sage.respond(Utterance("That's a ripoff, you thief."))
    assert not {"anger", "reproach"} & set(vented.agent_emotion.active)
    assert vented.text not in ACT_REPLIES["insulted"]
    assert grim.respond(Utterance("My brother is missing.")).text not in ACT_REPLIES["insulted"]


def test_what_the_agent_reports_feeling_is_what_it_feels(tmp_path: Path) -> None:
    # A greeting makes it feel nothing (no intensity without a type), and sympathy that the
    # transition predicts to persist is renewed as pity, not as the distress nearest its VAD.
    agent = make_agent(tmp_path / "k.db")
    hello = agent.respond(Utterance("Hi.")).agent_emotion
    assert hello.intensity == 0.0 and hello.active == {}
    traces = []
    for text in ("My dog died this morning.", "He was fourteen.", "I keep looking at his bed.",
                 "I miss him so much.", "It is so quiet at home."):
        reply = agent.respond(Utterance(text))
        felt = reply.agent_emotion
        assert "distress" not in felt.active and felt.label == "pity"
        assert abs(felt.intensity - felt.active["pity"]) < 0.05, felt
        traces += reply.trace
    assert any("persisted=pity" in line for line in traces)


@pytest.mark.parametrize("seconds", [0.0, -5.0, float("nan"), float("inf"), 1e9])
def test_passing_a_bad_amount_of_time_is_refused_and_changes_nothing(tmp_path: Path,
                                                                     seconds: float) -> None:
    from agent.errors import AgentError

    agent = make_agent(tmp_path / "p.db")
    felt = agent.feel([_impulse("fear", 0.8)], t=0.0).active
    with pytest.raises(AgentError, match="time to pass"):
        agent.pass_time(seconds)
    assert agent.feelings.active() == felt


@pytest.mark.parametrize("typed", ["I\u2019m not doing well", "I`m not doing well"])
def test_curly_and_backtick_apostrophes_read_as_plain_ones(tmp_path: Path, typed: str) -> None:
    # phones type "I’m": before, the low answer went unheard and the story was not asked for
    plain, curly = make_agent(tmp_path / "p.db"), make_agent(tmp_path / "c.db")
    for agent in (plain, curly):
        agent.respond(Utterance("Hi"))
    expected = plain.respond(Utterance("I'm not doing well")).text
    assert curly.respond(Utterance(typed)).text == expected
    assert curly.history[-2].text == "I'm not doing well"
