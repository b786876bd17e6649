"""The first strategy policy, the offline responder, the safety stage and memory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from agent.memory import MemoryGraph, topics
from agent.responders import (
    Responder,
    ResponseRequest,
    TemplateChatModel,
    build_messages,
    clean_reply,
    reflect,
)
from agent.safety import SafetyCheck
from agent.strategy import PolicyContext, RuleStrategyPolicy, load_policy
from agent.types import Strategy
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

pytestmark = pytest.mark.unit


def estimate(valence: float, arousal: float = 0.0, label: str = "sadness") -> AffectEstimate:
    return AffectEstimate(VAD(valence, arousal, 0.0), {label: 1.0}, 0.9, "text", 0.0)


def ctx(text: str, valence: float, *, prev: tuple[Strategy, ...] = (), turns: int = 1, **kw):
    history = []
    for i in range(turns - 1):
        history += [DialogueTurn("user", f"earlier {i}"), DialogueTurn("Sage", "reply")]
    history.append(DialogueTurn("user", text))
    return PolicyContext(history, estimate(valence), None, prev, **kw)


def test_distress_is_met_with_exploration_or_comfort_not_advice() -> None:
    d = RuleStrategyPolicy().choose(ctx("I lost my job and I feel awful", -0.8))
    assert d.strategy in {Strategy.REFLECTION, Strategy.QUESTION, Strategy.AFFIRMATION}
    assert d.probabilities[Strategy.SUGGESTION] < d.probabilities[d.strategy]
    assert sum(d.probabilities.values()) == pytest.approx(1.0)


def test_later_calm_turns_move_to_action() -> None:
    d = RuleStrategyPolicy().choose(ctx("what could I do next?", -0.1, turns=7))
    assert d.strategy in {Strategy.SUGGESTION, Strategy.INFORMATION}


def test_persona_weight_zero_forbids_and_repeats_are_damped() -> None:
    policy = RuleStrategyPolicy()
    first = policy.choose(ctx("I feel awful", -0.8))
    forbidden = policy.choose(ctx("I feel awful", -0.8, weights={first.strategy: 0.0}))
    assert forbidden.strategy != first.strategy
    assert first.strategy not in forbidden.probabilities
    again = policy.choose(ctx("I feel awful", -0.8, prev=(first.strategy, first.strategy)))
    assert again.probabilities.get(first.strategy, 0) < first.probabilities[first.strategy]


def test_load_policy_gives_a_working_policy_and_auto_resolves() -> None:
    # Constructing ``auto`` may load the MiniLM encoder; tests/backends covers that path.
    from agent import backends

    d = load_policy("rules").choose(ctx("hello", 0.0))
    assert isinstance(d.strategy, Strategy) and d.reason
    assert backends.resolve("policy", "auto") in backends.BACKENDS["policy"]
    assert list(backends.BACKENDS["policy"])[-1] == "rules"  # the transparent fallback last


def request(text: str, strategy: Strategy, history=()) -> ResponseRequest:
    return ResponseRequest(text, list(history), strategy, estimate(-0.6), None, "Sage", "warm")


def test_template_model_is_a_langchain_chat_model_and_follows_the_prompt() -> None:
    model = TemplateChatModel()
    assert isinstance(model, BaseChatModel)
    out = model.invoke(
        [SystemMessage(content="Strategy: Question. Ask."), HumanMessage(content="my dog died")]
    )
    assert str(out.content).endswith("?")


def test_responder_never_repeats_itself_across_a_conversation() -> None:
    responder = Responder()
    history: list[DialogueTurn] = []
    seen = []
    for i in range(8):
        text = "I still feel bad about my exam."
        history.append(DialogueTurn("user", text))
        reply = responder.respond(request(text, Strategy.REFLECTION, history))
        assert reply not in seen, f"turn {i} repeated {reply!r}"
        seen.append(reply)
        history.append(DialogueTurn("Sage", reply))


def test_stream_joins_to_a_clean_reply_and_reflects_the_user() -> None:
    responder = Responder()
    req = request("I failed my driving test, and I feel stupid.", Strategy.RESTATEMENT)
    pieces = list(responder.stream(req))
    assert len(pieces) >= 1
    joined = "".join(pieces).strip()
    assert "your driving test" in joined or "you failed" in joined.lower()
    assert reflect("I lost my keys") == "you lost your keys"


def test_prompt_carries_strategy_and_dialogue_in_order() -> None:
    history = [DialogueTurn("user", "hi"), DialogueTurn("Sage", "hello"), DialogueTurn("user", "x")]
    msgs = build_messages(request("x", Strategy.SUGGESTION, history))
    assert "Providing Suggestions" in str(msgs[0].content)
    assert [type(m) for m in msgs[1:]] == [HumanMessage, AIMessage, HumanMessage]


def test_clean_reply_strips_roles_and_bounds_length() -> None:
    assert clean_reply("Assistant:  Hello   there.") == "Hello there."
    long = clean_reply("This is fine. " * 100)
    assert len(long) <= 600 and long.endswith(".")


CRISIS = [
    "I want to kill myself",
    "i've been thinking about suicide",
    "Sometimes I think everyone would be better off without me",
    "I don't want to live anymore",
    "I took too many pills",
    "my husband hits me when he drinks",
    "I\u2019m going to end it all tonight",
    "Some nights I just want to go to sleep and never wake up",
    "I have pills saved up in the drawer",
    "I want to disappear forever",
    "I'll take all my pills tonight",
    "I'm going to jump off a bridge",
    "I want to hang myself",
    "I can't go on anymore",
    "Life isn't worth living",
    "I'm a burden to everyone",
    "I wrote goodbye letters to my family",
    "I keep thinking about dying",
    "Nobody would miss me if I was gone",
    "I wish I had never been born",
    "I just want it all to stop",
]
NOT_CRISIS = [
    "This exam is killing me",
    "I could kill for a coffee right now",
    "I'm dying to see that movie",
    "We watched Suicide Squad last night",
    "That joke killed me",
    "I'm dead tired after work",
    "I want to sleep in tomorrow and not wake up early",
    "I want to disappear for a weekend to the mountains",
    "I'm burning myself out at work",
    "I shot myself in the foot with that email",
    "My family thinks I need to end things with him",
    "I drown myself in work when I'm stressed",
    "We jumped off the dock into the lake",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_language_is_caught(text: str) -> None:
    result = SafetyCheck().check(text)
    assert result is not None and result.response


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_idioms_are_not_crises(text: str) -> None:
    assert SafetyCheck().check(text) is None


def test_unsafe_generated_reply_is_replaced() -> None:
    assert SafetyCheck().check_reply("You should just hurt yourself.") is not None
    assert SafetyCheck().check_reply("You should rest tonight.") is None


def test_memory_recalls_topics_and_survives_a_reopen(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    conn = sqlite3.connect(db)
    memory = MemoryGraph(conn)
    memory.observe("My sister Anna is visiting and I am nervous", "fear", 1.0)
    memory.observe("The weather is nice", "joy", 2.0)
    conn.close()
    again = MemoryGraph(sqlite3.connect(db))
    recalled = again.related("Anna called me again")
    assert recalled and recalled[0].topic == "anna" and recalled[0].emotion == "fear"
    # "sister" was said with Anna, so it is reached through the graph.
    assert "sister" in {m.topic for m in recalled}
    assert again.related("nothing in common here") == []
    assert topics("My garden, my garden!") == ["garden"] and "the" not in topics("the the")
    # a word out of a noun's place is no topic ("Earlier you mentioned your find", ESConv valid)
    assert topics("I could not find help, it was hard") == []
    # a question to the agent is no topic of the user's ("Earlier you mentioned your ever")
    assert topics("sorry. have you ever been in a war?") == ["war"]
    # ESConv valid: "Earlier you mentioned your anyone" after "i wonder if there is anyone there"
    assert topics("hello i wonder if there is anyone there...") == []


def test_a_runaway_model_is_cut_at_its_next_turn_and_bounded() -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from agent.responders import MAX_REPLY_CHARS, MAX_SENTENCES

    runaway = "That sounds hard. What happened then? User: I lost my job. Assistant: Oh no."
    reply = Responder(FakeListChatModel(responses=[runaway])).respond(
        request("I had a bad day", Strategy.QUESTION)
    )
    assert reply == "That sounds hard. What happened then?"
    rambling = " ".join(f"Sentence number {i} goes on for a while." for i in range(60))
    reply = Responder(FakeListChatModel(responses=[rambling])).respond(
        request("I had a bad day", Strategy.QUESTION)
    )
    assert reply.count(".") == MAX_SENTENCES and len(reply) <= MAX_REPLY_CHARS
    assert (
        clean_reply("word " * 200, 50).endswith("…") and len(clean_reply("word " * 200, 50)) <= 50
    )


def test_offline_replies_use_the_named_feeling_its_cause_and_the_person() -> None:
    from agent.responder_slots import slots

    found = slots("I haven't told my wife yet because I'm ashamed.", "sadness", [])
    assert found["feeling"] == "ashamed"
    assert found["cause"] == "you haven't told your wife yet"
    assert found["person"] == "your wife" and "topic" not in found
    assert found["object"] == "her"
    assert slots("My friends ignore me.", "sadness", [])["object"] == "them"
    later = slots("What should I do first?", "neutral", [], ["I lost my job", "My wife is upset"])
    assert later["person"] == "your wife"
    reply = Responder().respond(
        request("I haven't told my wife yet because I'm ashamed.", Strategy.REFLECTION)
    )
    assert "ashamed" in reply or "your wife" in reply


def test_replies_stream_word_by_word_without_leaking_markup() -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    model = FakeListChatModel(
        responses=["Assistant: That sounds really hard for you. What happened next?<|im_end|>"]
    )
    pieces = list(Responder(model).stream(request("I had a bad day", Strategy.QUESTION)))
    assert len(pieces) >= 5  # the fake model streams characters; we pass on whole words
    joined = "".join(pieces).strip()
    assert joined == "That sounds really hard for you. What happened next?"
    assert not any("Assistant" in p or "<|" in p for p in pieces)


def test_a_sentence_cut_by_the_token_limit_is_dropped() -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    model = FakeListChatModel(responses=["You are not alone in this. Remember, everyone"])
    reply = Responder(model).respond(request("I failed my test", Strategy.AFFIRMATION))
    assert reply == "You are not alone in this."
    model = FakeListChatModel(responses=["Tell me more about it"])
    assert Responder(model).respond(request("hm", Strategy.QUESTION)) == "Tell me more about it"


def test_offline_replies_name_what_happened_not_just_the_thing() -> None:
    from agent.responder_slots import slots

    assert slots("I lost my job today and I feel awful.", "sadness", [])["event"] == (
        "losing your job")
    failed = slots("I failed my driving test, and I feel stupid.", "sadness", [])
    assert failed["event"] == "failing your driving test" and "topic" not in failed
    gone = slots("My grandmother passed away last night.", "sadness", [])
    assert gone["event"] == "losing your grandmother" and "person" not in gone
    assert "event" not in slots("My wife is upset with me.", "sadness", [])
    assert slots("my mom is in the hospital", "fear", [])["event"] == "your mom being in hospital"
    assert slots("My dad was diagnosed with cancer.", "fear", [])["event"] == "your dad's diagnosis"
    assert slots("my sister is really sick", "fear", [])["event"] == "your sister being ill"
    assert "event" not in slots("My boss is sick of me.", "anger", [])
    for strategy in (Strategy.QUESTION, Strategy.REFLECTION, Strategy.RESTATEMENT):
        reply = Responder().respond(request("I lost my job today and I feel awful.", strategy))
        # the job never alone ("the hardest part of your job"): the event, or their own words
        # restated ("you lost your job today")
        assert "your job" not in reply.replace("losing your job", "").replace(
            "you lost your job", "")


def acknowledged(reply: str) -> bool:
    from agent.responder_phrases import ACKNOWLEDGEMENTS

    return any(reply.startswith(a[:14]) for a in ACKNOWLEDGEMENTS)


def test_a_question_after_a_question_first_acknowledges_the_hurt() -> None:
    responder = Responder()
    history = [DialogueTurn("user", "My dog died yesterday.")]
    first = responder.respond(request("My dog died yesterday.", Strategy.QUESTION, history))
    assert first.endswith("?")
    history += [DialogueTurn("Sage", first), DialogueTurn("user", "I keep expecting him.")]
    second = responder.respond(request("I keep expecting him.", Strategy.QUESTION, history))
    acknowledgement, _, question = second.partition(". ")
    assert question.endswith("?") and "?" not in acknowledgement, second
    assert acknowledged(second) and not acknowledged(first)
    history += [DialogueTurn("Sage", second), DialogueTurn("user", "He was my best friend.")]
    third = responder.respond(request("He was my best friend.", Strategy.QUESTION, history))
    assert third.partition(". ")[0] != acknowledgement, (second, third)
    # a flat "okay" is not hurt: the question comes plain
    history += [DialogueTurn("Sage", third), DialogueTurn("user", "okay")]
    flat = ResponseRequest("okay", history, Strategy.QUESTION, estimate(-0.01, label="neutral"),
                           None, "Sage", "warm")
    assert not acknowledged(responder.respond(flat))
    # good news and a first question are asked plainly
    glad = ResponseRequest("I got the job!", [DialogueTurn("Sage", "How did it go?"),
                           DialogueTurn("user", "I got the job!")], Strategy.QUESTION,
                           estimate(0.8, label="joy"), None, "Sage", "warm")
    assert not acknowledged(Responder().respond(glad))


def test_a_person_named_only_earlier_is_not_presumed_the_trouble() -> None:
    from agent.responder_slots import slots

    earlier = ["Guess what, my sister is getting married!"]
    now = "But I have to give a speech and I'm nervous."
    assert slots(now, "fear", [], earlier)["person_source"] == "earlier"
    assert "person_source" not in slots("She says I never listen.", "sadness", [],
                                        ["My wife and I keep fighting."])
    history = [DialogueTurn("user", earlier[0]), DialogueTurn("Sage", "Wonderful news!"),
               DialogueTurn("user", now)]
    for strategy in (Strategy.QUESTION, Strategy.AFFIRMATION):
        reply = Responder().respond(request(now, strategy, history))
        assert "your sister" not in reply, reply


def test_news_told_now_is_greeted_first_and_a_small_worry_is_not_made_heavy() -> None:
    from agent.responder_phrases import (
        GREETS_NEWS,
        HEAVY_ACKNOWLEDGEMENTS,
        NEWS_OPENERS,
        POSITIVE_TEMPLATES,
    )

    every = {t for templates in POSITIVE_TEMPLATES.values() for t in templates}
    assert GREETS_NEWS <= every  # a renamed template would get a second greeting
    history: list[DialogueTurn] = [DialogueTurn("Sage", "How did it go?")]
    said = []
    for news in ("I got the job!", "And my sister is visiting tomorrow, I'm so happy!"):
        history.append(DialogueTurn("user", news))
        for strategy in (Strategy.QUESTION, Strategy.REFLECTION, Strategy.AFFIRMATION):
            reply = Responder().respond(ResponseRequest(news, list(history), strategy,
                                        estimate(0.8, label="joy"), None, "Sage", "warm"))
            greets = reply.startswith(NEWS_OPENERS) or any(t in reply for t in GREETS_NEWS)
            assert greets and reply.count("!") <= 2, (strategy, reply)
        said.append(Responder().respond(ResponseRequest(news, list(history), Strategy.QUESTION,
                                        estimate(0.8, label="joy"), None, "Sage", "warm")))
        history.append(DialogueTurn("Sage", said[-1]))
    assert said[0].split("!")[0] != said[1].split("!")[0]  # not the same cheer twice
    # a follow-up that tells nothing new is not cheered again
    history.append(DialogueTurn("user", "Yeah."))
    plain = Responder().respond(ResponseRequest("Yeah.", list(history), Strategy.QUESTION,
                                                estimate(0.6, label="joy"), None, "Sage", "warm"))
    assert not plain.startswith(NEWS_OPENERS), plain
    # "a bit nervous" after a question: acknowledged, but not as "a lot to carry"
    worry = [DialogueTurn("user", "I start on Monday."), DialogueTurn("Sage", "How do you feel?")]
    for text in ("I'm a bit nervous though.", "I'm kind of scared."):
        reply = Responder().respond(ResponseRequest(text, [*worry, DialogueTurn("user", text)],
                                    Strategy.QUESTION, estimate(-0.4, label="fear"), None,
                                    "Sage", "warm"))  # fmt: skip
        assert acknowledged(reply) and not reply.startswith(tuple(HEAVY_ACKNOWLEDGEMENTS)), reply


def test_memory_kept_between_turns_matches_one_read_from_the_rows(tmp_path: Path) -> None:
    """The graph is read once and then only new rows are folded in, also rows another writer
    added; it must equal a graph read from all rows at once."""
    db = tmp_path / "m.db"
    conn = sqlite3.connect(db)
    memory = MemoryGraph(conn)
    other = MemoryGraph(conn)  # a second agent on the same database and user
    said = [("My sister Anna is visiting", "fear"), ("Anna and my mother argue", "anger"),
            ("Work is fine", "neutral"), ("My sister cried about work", "sadness")]
    for k, (text, emotion) in enumerate(said):
        (memory if k % 2 == 0 else other).observe(text, emotion, float(k))
        memory.related("anything")  # folds in what is there so far
    fresh = MemoryGraph(sqlite3.connect(db)).graph()
    kept = memory.graph()
    assert kept is memory.graph()  # the same graph, not rebuilt
    assert dict(kept.nodes(data=True)) == dict(fresh.nodes(data=True))
    assert sorted(kept.edges(data=True)) == sorted(fresh.edges(data=True))
    assert kept.nodes["sister"]["mentions"] == 2 and kept["anna"]["sister"]["weight"] == 1
    assert memory.related("Anna again") == MemoryGraph(sqlite3.connect(db)).related("Anna again")
