"""The offline responder off the support path: questions about the agent itself, small talk in a
conversation with no trouble in it, and questions about the world it cannot answer."""

from __future__ import annotations

import re

import pytest

from agent.about_agent_replies import SELF_REPORTS, TASTES_REPLIES
from agent.responder_phrases import SMALL_TALK, TEMPLATES, UNANSWERED
from agent.responders import Responder, ResponseRequest
from agent.types import AgentEmotion, Strategy
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

pytestmark = pytest.mark.unit

NEUTRAL = AffectEstimate(VAD(0.2, 0.0, 0.0), {"neutral": 0.8, "joy": 0.2}, 0.8, "text", 0.0)
SAD = AffectEstimate(VAD(-0.5, 0.2, -0.3), {"sadness": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)


def feeling(name: str, intensity: float) -> AgentEmotion:
    return AgentEmotion(VAD(0, 0, 0), name, intensity, VAD(0, 0, 0), "neutral", {name: intensity})


def reply(text: str, strategy: Strategy = Strategy.QUESTION, *, affect: AffectEstimate = NEUTRAL,
          emotion: AgentEmotion | None = None, history: tuple[str, ...] = (),
          readings: tuple[tuple[str, float], ...] = ()) -> str:  # fmt: skip
    turns = [DialogueTurn("user" if i % 2 == 0 else "Sage", t) for i, t in enumerate(history)]
    return Responder().respond(ResponseRequest(
        user_text=text, history=turns, strategy=strategy, user_affect=affect,
        agent_emotion=emotion, persona_name="Sage", persona_role="A calm, warm listener.",
        readings=(*readings, (affect.label, affect.vad.valence)),
    ))  # fmt: skip


@pytest.mark.parametrize(
    ("felt", "intensity", "group"),
    [("pity", 0.3, "for_you"), ("anger", 0.5, "cross"), ("joy", 0.4, "good"),
     ("distress", 0.3, "low"), ("fear", 0.3, "uneasy"), ("anger", 0.1, "fine"),
     ("neutral", 0.0, "fine")],
)  # fmt: skip
def test_asked_how_it_is_the_agent_says_what_it_feels(felt: str, intensity: float,
                                                      group: str) -> None:
    said = reply("How are you?", emotion=feeling(felt, intensity))
    assert said in SELF_REPORTS[group]
    # a greeting that ends in its own stop (ESConv valid: "Hello. How are you?" was greeted
    # with "How are you feeling today?", the question not answered)
    assert reply("Hello. How are you?", emotion=feeling(felt, intensity)) in SELF_REPORTS[group]


def test_asked_who_it_is_the_agent_gives_its_name_and_role() -> None:
    assert reply("What's your name?") == "I'm Sage."
    assert reply("Hello, who are you?") == "I'm Sage. A calm, warm listener."
    assert reply("Who are you to judge me?", affect=SAD) not in ("I'm Sage.",)


@pytest.mark.parametrize("strategy", list(Strategy))
def test_small_talk_presumes_no_trouble(strategy: Strategy) -> None:
    said = reply("I like turtles.", strategy)
    support = {t for t in TEMPLATES[strategy] if "{" not in t}
    assert not any(t in said for t in support), said
    assert any(t.split("{")[0].strip() in said for t in SMALL_TALK[strategy]), said


def test_a_question_about_the_world_is_honestly_not_answered() -> None:
    assert reply("What time is it?", Strategy.INFORMATION) in UNANSWERED
    assert reply("What should I do about dinner?", Strategy.SUGGESTION) not in UNANSWERED


@pytest.mark.parametrize(
    ("history", "readings"),
    [
        (("My dog died this morning.", "I'm so sorry."), ()),  # trouble told in words
        (("Everything is pointless lately.", "That sounds heavy."), (("sadness", -0.5),)),
    ],
)
def test_a_conversation_with_trouble_in_it_stays_on_the_support_path(history: tuple[str, ...],
                                                                     readings: tuple) -> None:
    said = reply("What time is it?", Strategy.QUESTION, history=history, readings=readings)
    assert said not in UNANSWERED
    assert not any(t in said for t in SMALL_TALK[Strategy.QUESTION])


def test_an_opener_that_ends_a_sentence_keeps_the_capital() -> None:
    # A long talk on one strategy runs out of fresh templates; the fallback then puts a plain
    # style's opener ("Okay. ") before a used reply, and the reply must still start upper case.
    responder, history, said = Responder(), [], []
    for k in range(10):
        text = f"My job is getting to me, day {k}."
        out = responder.respond(ResponseRequest(
            user_text=text, history=list(history), strategy=Strategy.INFORMATION,
            user_affect=SAD, persona_name="Grim", persona_style="plain",
        ))  # fmt: skip
        history += [DialogueTurn("user", text), DialogueTurn("Grim", out)]
        said.append(out)
    assert len(said) > len(TEMPLATES[Strategy.INFORMATION])  # the fallback did run
    for out in said:
        assert not re.search(r"[.!?] [a-z]", out), out
        assert not re.match(r"(\w+[.,!]) \1", out), out  # one opener, not "Okay. Okay."


@pytest.mark.parametrize("asked", ["What do you like to do?", "Do you have any hobbies?",
                                   "What's your favourite food?", "So what do you do for fun?",
                                   # ESConv train: had got "I don't know that one, I'm afraid."
                                   "What are you hobbies?"])
def test_asked_what_it_likes_the_agent_answers_and_asks_back(asked: str) -> None:
    said = reply(asked, Strategy.INFORMATION)
    assert said in TASTES_REPLIES and said.endswith("?")  # not "I don't know that one"
    assert reply("What do you like about my plan?", Strategy.INFORMATION) not in TASTES_REPLIES


@pytest.mark.parametrize("answer", ["not great honestly", "Could be better.", "Pretty rough.",
                                    "I've been better"])
def test_a_low_answer_to_how_are_you_is_asked_about_not_chatted_over(answer: str) -> None:
    from agent.responder_phrases import ASKS_FOR_STORY

    flat = AffectEstimate(VAD(-0.05, 0.0, 0.0), {"neutral": 0.8, "sadness": 0.2}, 0.8, "text",
                          0.0)
    history = [DialogueTurn("user", "hey"),
               DialogueTurn("Sage", "Hi, I'm glad you're here. How are you feeling today?"),
               DialogueTurn("user", answer)]
    reply = Responder().respond(ResponseRequest(answer, history, Strategy.QUESTION, flat, None,
                                                "Sage", "plain"))
    assert any(reply.endswith(t) for t in ASKS_FOR_STORY), reply  # after an opener ("Okay.")


@pytest.mark.parametrize("answer", ["I am sad", "I feel so lonely.", "i am depressed"])
def test_a_feeling_named_with_no_story_yet_is_asked_about_first(answer: str) -> None:
    # ESConv valid's "I am sad", the first message, got "How are you looking after yourself
    # through all this?" (an "all this" not yet told)
    from agent.responder_phrases import ASKS_FOR_STORY

    sad = AffectEstimate(VAD(-0.6, 0.1, -0.3), {"sadness": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    history = [DialogueTurn("user", "hi"),
               DialogueTurn("Sage", "Hi, I'm glad you're here. How are you feeling today?"),
               DialogueTurn("user", answer)]
    for seed_turns in (history, history[2:]):  # after a greeting, or as the first message
        said = Responder().respond(ResponseRequest(answer, seed_turns, Strategy.QUESTION, sad,
                                                   None, "Sage", "plain"))
        assert any(said.endswith(t) for t in ASKS_FOR_STORY), said


def test_a_warm_greeting_is_no_story_told() -> None:
    # ESConv valid: "hello, thanks for reaching out to me" got "Of course. Thank you for
    # trusting me with it.", and the warm reading of it made "not so good" a story told
    from agent.responder_phrases import ASKS_FOR_STORY

    hello = "hello, thanks for reaching out to me"
    warm = AffectEstimate(VAD(0.5, 0.2, 0.1), {"joy": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    first = reply(hello, Strategy.OTHERS, affect=warm)
    assert "trusting" not in first and first.endswith("?"), first
    low = reply("not so good", Strategy.QUESTION, history=(hello, first),
                readings=(("joy", 0.5),))
    assert any(low.lower().endswith(t.lower()) for t in ASKS_FOR_STORY), low


def test_feeling_low_beside_good_is_no_small_talk() -> None:
    # ESConv valid: "I am good, just feeling low." got "Oh, how is your day going otherwise?"
    from agent.responder_phrases import SMALL_TALK

    said = reply("I am good, just feeling low.", Strategy.QUESTION, affect=NEUTRAL,
                 history=("Hello", "Hello. What's on your mind today?"))
    assert not any(said.endswith(t) for lines in SMALL_TALK.values() for t in lines), said


def test_asking_for_help_is_no_small_talk() -> None:
    # ESConv valid: "At the moment, good. I need help! ..." got "What made you think of that?"
    text = "At the moment, good. I need help! These people.....I don't understand...."
    said = reply(text, Strategy.QUESTION, affect=NEUTRAL)
    assert not any(t in said for t in SMALL_TALK[Strategy.QUESTION]), said


def test_what_follows_a_low_answer_is_no_small_talk() -> None:
    # ESConv valid: "not great. how are you." ... "just blue. not anything in particular." got
    # "That makes sense."
    said = reply("not anything in particular. the days get so short and the darkness comes "
                 "early.", Strategy.AFFIRMATION, history=("not great. how are you.",
                                                          "I'm fine, thanks for asking."),
                 affect=NEUTRAL)
    assert not any(t in said for t in SMALL_TALK[Strategy.AFFIRMATION]), said


HOW_ARE_YOU = "Hi, I'm glad you're here. How are you feeling today?"


def _answer(*turns: str, strategy: Strategy = Strategy.QUESTION,
            affect: AffectEstimate = NEUTRAL) -> str:
    """The reply to the last of ``turns``, the user's, after "hi" and the agent's "How are
    you feeling today?" (and, between two user turns, a reply of the agent)."""
    history = [DialogueTurn("user", "hi"), DialogueTurn("Sage", HOW_ARE_YOU)]
    for i, text in enumerate(turns):
        if i:
            history.append(DialogueTurn("Sage", "What's on your mind today?"))
        history.append(DialogueTurn("user", text))
    return Responder().respond(ResponseRequest(turns[-1], history, strategy, affect, None,
                                               "Sage", "plain"))


@pytest.mark.parametrize("answer", ["I am good, thank you", "good thanks", "Fine, thanks."])
def test_thanks_for_being_asked_how_one_is_is_no_thanks_for_help(answer: str) -> None:
    from agent.responder_phrases import ACT_REPLIES, ASKED_BACK_NEXT

    # "Of course. Thank you for trusting me with it." had answered "I am good, thank you"
    said = _answer(answer, strategy=Strategy.OTHERS)
    assert said not in ACT_REPLIES["thanks"], said
    assert any(said.endswith(ask) for ask in ASKED_BACK_NEXT), said


@pytest.mark.parametrize("answer", ["not great thanks", "tired, thanks",
                                    "not doing too hot tbh"])  # ESConv valid
def test_a_low_answer_with_thanks_is_asked_about(answer: str) -> None:
    from agent.responder_phrases import ACT_REPLIES, ASKS_FOR_STORY, SMALL_TALK

    # "Anytime. I'm glad it helped a little." had answered "not great thanks"
    flat = AffectEstimate(VAD(-0.05, 0.0, 0.0), {"neutral": 0.8, "sadness": 0.2}, 0.8, "text",
                          0.0)
    said = _answer(answer, affect=flat)
    assert said not in ACT_REPLIES["thanks"], said
    assert not any(said.endswith(t) for t in SMALL_TALK[Strategy.QUESTION]), said
    assert answer != "tired, thanks" or any(said.endswith(t) for t in ASKS_FOR_STORY), said


def test_how_about_you_after_saying_how_one_is_gets_how_the_agent_is() -> None:
    from agent.about_agent_replies import SELF_REPORT_OPENINGS

    # ESConv valid sends them apart: "good", then "How about you?" ("I don't know that one,
    # I'm afraid." had answered it)
    said = _answer("good", "How about you?")
    assert said.startswith(SELF_REPORT_OPENINGS["fine"]), said
    # read low, the agent asks what is wrong (the readings come from the agent's own loop)
    from agent.core import AffectiveAgent
    from agent.responder_phrases import ASKED_BACK_UNWELL
    from agent.types import Utterance

    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    for text in ("Hi", "Pretty ok but quite frustrating"):
        agent.respond(Utterance(text))
    low = agent.respond(Utterance("How about you?")).text
    assert any(low.endswith(ask) for ask in ASKED_BACK_UNWELL), low
    # after something else, "And you?" asks no wellbeing back
    assert not _answer("I like to paint.", "And you?").startswith(SELF_REPORT_OPENINGS["fine"])


@pytest.mark.parametrize("text", ["IM HANGING IN THERE HOW ARE YOU?",
                                  "Just getting by. How are you?"])
def test_coping_said_with_how_are_you_is_asked_about(text: str) -> None:
    # ESConv valid: "I'm fine, thanks for asking. What made you think of that?"
    from agent.core import AffectiveAgent
    from agent.responder_phrases import ASKED_BACK_UNWELL
    from agent.types import Utterance

    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    agent.respond(Utterance("Hi"))
    said = agent.respond(Utterance(text)).text
    assert any(said.endswith(ask) for ask in ASKED_BACK_UNWELL), said


def test_good_after_the_agents_greeting_is_how_they_are() -> None:
    from agent.responder_phrases import ASKED_BACK_NEXT

    history = [DialogueTurn("user", "Hello"),
               DialogueTurn("Sage", "Hello. What's on your mind today?"),
               DialogueTurn("user", "good")]
    said = Responder().respond(ResponseRequest("good", history, Strategy.QUESTION, NEUTRAL,
                                               None, "Sage", "plain"))
    # "Mm, what made you think of that?" had answered it
    assert said.startswith("Good to hear. ") and any(said.endswith(a) for a in ASKED_BACK_NEXT)
    assert "What's on your mind today?" not in said  # asked already


def test_feeling_better_answers_how_are_you_gladly() -> None:
    # ESConv valid: "I hear you. How does it feel today, compared with when it started?"
    from agent.responder_phrases import ASKED_BACK_NEXT

    text = "I am feeling better today"
    history = [DialogueTurn("user", "Hi"),
               DialogueTurn("Sage", "Hi, I'm glad you're here. How are you feeling today?"),
               DialogueTurn("user", text)]
    said = Responder().respond(ResponseRequest(text, history, Strategy.QUESTION, NEUTRAL, None,
                                               "Sage", "plain"))
    assert said.startswith("Good to hear. ") and any(said.endswith(a) for a in ASKED_BACK_NEXT)


def test_how_they_are_as_the_talk_opens_is_answered_as_how_they_are() -> None:
    # ESConv valid: "I'm doing pretty good." as the first message got "How wonderful! Who have
    # you told so far?"
    from agent.responder_phrases import ASKED_BACK_NEXT

    text = "I'm doing pretty good."
    said = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)],
                                               Strategy.QUESTION, NEUTRAL, None, "Sage",
                                               "plain"))
    assert said.startswith("Good to hear. ") and any(said.endswith(a) for a in ASKED_BACK_NEXT)
    assert "told" not in said, said


def test_the_policy_reads_an_answer_to_how_are_you_as_no_thanks() -> None:
    from agent.strategy import PolicyContext, RuleStrategyPolicy

    history = [DialogueTurn("user", "hi"), DialogueTurn("Sage", HOW_ARE_YOU),
               DialogueTurn("user", "I am good, thank you")]
    asked = RuleStrategyPolicy().choose(PolicyContext(history=history, user_affect=NEUTRAL))
    assert asked.strategy == Strategy.QUESTION and "how they are" in asked.reason
    # the same words after anything else are thanks, and closing words answer them
    history[1] = DialogueTurn("Sage", "Could you try a short walk tonight?")
    closing = RuleStrategyPolicy().choose(PolicyContext(history=history, user_affect=NEUTRAL))
    assert closing.strategy == Strategy.OTHERS and "thanks" in closing.reason


@pytest.mark.parametrize("text", ["It really, really is. Things just pile up, you know?",
                                  "Work is just a lot lately, right?"])
def test_a_tag_asking_for_agreement_is_no_question_it_cannot_answer(text: str) -> None:
    # ESConv valid: "I'm afraid I can't answer that from here." had answered the first
    assert reply(text, affect=NEUTRAL) not in UNANSWERED
    assert reply("What time is it?", affect=NEUTRAL) in UNANSWERED


def _agent_says(*texts: str) -> str:
    from agent.core import AffectiveAgent
    from agent.types import Utterance

    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    said = ""
    for k, text in enumerate(texts):
        said = agent.respond(Utterance(text, t=30.0 * k)).text
    return said


def test_a_greeting_with_wishes_and_how_one_is_handed_back_are_small_talk() -> None:
    # ESConv train: "How wonderful! Who have you told so far?"
    greeted = _agent_says("Hi pleased to meet you and hope you're doing well")
    assert not greeted.startswith(("How wonderful", "That's wonderful")), greeted
    assert "told" not in greeted, greeted
    # ESConv train: "Hi there. How has your day been so far?" to "hi not bad about you"
    asked = _agent_says("hi not bad about you")
    assert any(asked.startswith(r.split(".")[0]) for g in SELF_REPORTS.values() for r in g), asked


@pytest.mark.parametrize(("texts", "wanted", "unwanted"), [
    # ESConv train: "That's good to hear; enjoy it." to a goodbye and to thanks run together
    (("My mom died.", "Agreed. It's better than nothing though I hope you have a great night, "
      "seeya!"), "You too", "wonderful"),
    (("My mom died.", "ok bye thankyou for your concern", "thankyou so much again"),
     "welcome", "compared with"),
    # ESConv train: "Who have you been able to talk to about this?" to praise
    (("I lost my job.", "you've been quite helpful for sure."), "thank", "lovely"),
    # ESConv train: "Oh, noticing what helps, as you just did, makes it easier to find again"
    (("My friend is rude.", "No, I think that's it! Much appreciated!"), "", "noticing"),
    # ESConv train: "That's good to hear; enjoy it." to praise of the job it did
    (("My wife left me.", "You did a great job!"), "kind", "wonderful"),
    # ESConv train: "You have got through difficult things before" to praise in two sentences
    (("I lost my job.", "Good advice. you are great at this."), "kind", "difficult things"),
    # ESConv train: "Could you pick a time to find by yourself?" (a therapist)
    (("My girlfriend left me.", "no one will provide a proper theraphy",
      "its okey, i will find by myself"), "", "find by yourself"),
])
def test_closing_words_praise_and_a_step_without_an_object_are_heard(
        texts: tuple[str, ...], wanted: str, unwanted: str) -> None:
    said = _agent_says(*texts)
    assert wanted in said and unwanted not in said, said


@pytest.mark.parametrize("text", [
    # ESConv train: "That's good to hear; enjoy it.", "You're welcome. I'm glad I could be here"
    "sure have a good night then and best of luck to you",
    "Thank you and the same to you! Have a nice rest of day.",
    "Agreed. It's better than nothing though I hope you have a great night, seeya!",
])
def test_a_goodbye_with_a_wish_is_answered_as_a_goodbye(text: str) -> None:
    from agent.responder_phrases import ACT_REPLIES

    said = _agent_says("My wife left me.", text)
    assert any(said.endswith(r) for r in ACT_REPLIES["farewell"]), said
