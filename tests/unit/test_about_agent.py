"""Turns about the agent or about how the talk goes: the agent says honestly that it is a
program, owns a miss instead of pressing on with support, answers what it was asked, and leaves
the user's own troubles ("It's pointless", "it's not helping") to the support path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.about_agent import about_agent
from agent.about_agent_replies import (
    COMPLAINT_REPLIES,
    HELP_REPLIES,
    JOKE_REPLIES,
    PERSON_REPLIES,
)
from agent.complaints import complaint
from agent.core import AffectiveAgent
from agent.responder_slots import slots
from agent.responders import Responder, ResponseRequest
from agent.strategy import PolicyContext, RuleStrategyPolicy
from agent.types import Strategy, Utterance
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

pytestmark = pytest.mark.unit

SAD = AffectEstimate(VAD(-0.5, 0.2, -0.3), {"sadness": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
ANGRY = AffectEstimate(VAD(-0.5, 0.6, 0.2), {"anger": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
NEUTRAL = AffectEstimate(VAD(0.1, 0.0, 0.0), {"neutral": 0.8, "joy": 0.2}, 0.8, "text", 0.0)
TROUBLE = ("My girlfriend left me last week.", "What has been the hardest part of it so far?",
           "I can't stop thinking about her.", "It makes sense that you feel down.")  # fmt: skip
ALL_COMPLAINT_REPLIES = {r for replies in COMPLAINT_REPLIES.values() for r in replies}


def reply(text: str, strategy: Strategy = Strategy.QUESTION, *, history: tuple[str, ...] = (),
          affect: AffectEstimate = SAD) -> str:  # fmt: skip
    turns = [DialogueTurn("user" if i % 2 == 0 else "Sage", t) for i, t in enumerate(history)]
    return Responder().respond(ResponseRequest(
        user_text=text, history=turns, strategy=strategy, user_affect=affect,
        persona_name="Sage", persona_role="A calm, warm listener.",
    ))  # fmt: skip


def system_prompt(text: str, strategy: Strategy = Strategy.OTHERS,
                  affect: AffectEstimate = SAD) -> str:
    """The instructions an LLM responder gets for ``text`` as the first turn."""
    from agent.responders import build_messages

    return str(build_messages(ResponseRequest(
        user_text=text, history=[], strategy=strategy, user_affect=affect,
        persona_name="Sage"))[0].content)  # fmt: skip


@pytest.mark.parametrize("asked", [
    "Are you a real person?", "are you human", "Wait, are you an AI?", "Am I talking to a bot?",
    "Is this a real person?", "Are you a robot?", "r u real?", "Is there a real person there?",
])  # fmt: skip
@pytest.mark.parametrize("strategy", [Strategy.QUESTION, Strategy.REFLECTION])
def test_asked_if_it_is_a_person_the_agent_says_it_is_a_program(asked: str,
                                                                 strategy: Strategy) -> None:
    said = reply(asked, strategy, history=TROUBLE)
    assert said in {r.format(name="Sage") for r in PERSON_REPLIES}, said
    assert "not a person" in said and "program" in said


@pytest.mark.parametrize("text", [
    "Are you a person who judges?", "Is this a real problem?", "I feel like a robot at work.",
    "My boss treats me like a machine.", "Are you sure?",
])  # fmt: skip
def test_other_words_about_people_and_machines_are_not_asked_of_it(text: str) -> None:
    said = reply(text, history=TROUBLE)
    assert "program" not in said, said


@pytest.mark.parametrize(("text", "kind"), [
    ("You don't understand.", "missed"), ("That's not helpful at all", "missed"),
    ("You're not listening to me.", "missed"), ("Honestly, this isn't helping.", "missed"),
    ("that's not what I said", "missed"), ("Do you even care?", "care"),
    ("You don't care about me.", "care"), ("You sound like a robot", "robot"),
    ("you're just a bot", "robot"), ("You keep asking the same thing.", "repeats"),
    ("you're boring", "repeats"), ("this is useless", "missed"),
    ("Ugh. This is a waste of time.", "missed"), ("I already told you I cant afford it", "repeats"),
    ("Well, I just said that.", "repeats"),
    # ESConv train: "I can hear how down this leaves you."
    ("I doubt you do. You are just getting paid to be here.", "care"),
])  # fmt: skip
def test_a_complaint_is_owned_not_answered_with_more_support(text: str, kind: str) -> None:
    assert complaint(text) == kind
    said = reply(text, history=TROUBLE)
    assert said in COMPLAINT_REPLIES[kind], said


@pytest.mark.parametrize("text", [
    "You can't help who you love.", "My mom doesn't understand me.",
    "I take the pills but it's not helping.", "It's pointless.", "That was really helpful.",
    "You don't understand grief until you lose someone.", "You never know with him.",
    "Thanks, you're right.", "I tried to fix the car and this is useless.",
    "This is pointless, nothing ever changes.", "My wife just told me she wants a divorce.",
    "I just told you about my brother because he matters.", "I just said that she left.",
    "My boss thinks I am just getting paid to be here.",
])  # fmt: skip
def test_the_users_own_troubles_are_not_complaints(text: str) -> None:
    assert complaint(text) is None
    assert reply(text, history=TROUBLE) not in ALL_COMPLAINT_REPLIES


def test_complaints_in_a_row_get_different_replies() -> None:
    history: list[str] = list(TROUBLE)
    said = []
    for text in ("You don't understand.", "That's not helpful.", "You're not listening."):
        said.append(reply(text, history=tuple(history)))
        history += [text, said[-1]]
    assert len(set(said)) == 3 and set(said) <= set(COMPLAINT_REPLIES["missed"])


def test_asked_for_help_the_agent_asks_what_is_wrong_or_how_to_help() -> None:
    assert reply("Can you help me?", affect=NEUTRAL) in HELP_REPLIES[False]
    assert reply("Can you help me?", history=TROUBLE) in HELP_REPLIES[True]
    assert reply("Can you help me write to my boss?") not in HELP_REPLIES[False]


def test_asked_for_jokes_it_tells_different_ones() -> None:
    first = reply("Tell me a joke", affect=NEUTRAL)
    second = reply("Tell me another joke.", history=("Tell me a joke", first), affect=NEUTRAL)
    assert first in JOKE_REPLIES and second in JOKE_REPLIES and first != second


def test_asked_what_makes_it_smile_it_answers_its_tastes_not_news() -> None:
    from agent.about_agent_replies import TASTES_REPLIES

    # a joyful reading of the question got "That's wonderful! How did it come about?"
    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    assert reply("What makes you smile?", affect=glad) in TASTES_REPLIES


def test_asked_its_tastes_beside_more_it_answers_then_replies_to_the_rest() -> None:
    from agent.about_agent_replies import TASTES_LEADS, TASTES_REPLIES

    # ESConv valid: the question ended a long message and was passed over
    text = ("I love nature but I live in a congested suburb. That's why Covid is so tough - I "
            "can't travel which is my main form of relaxation. What do you do to relax?")
    said = reply(text, Strategy.SUGGESTION, history=TROUBLE)
    lead = next((t for t in TASTES_LEADS if said.startswith(t)), None)
    assert lead is not None and len(said) > len(lead) + 10, said
    # with little beside it, the question is the message
    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    assert reply("Nice. What do you like to do?", affect=glad) in TASTES_REPLIES
    # what the user likes about something is not the agent's tastes
    assert not reply("I made a plan. What do you like about it?", history=TROUBLE).startswith(
        TASTES_LEADS)
    # asked after "apart from ..." (ESConv valid: had got a job-search step)
    said = reply("I used to works as software developer , apart from job what are your hobbies?",
                 Strategy.SUGGESTION, history=TROUBLE)
    assert said.startswith(TASTES_LEADS), said
    assert reply("What are your favorite games to try", affect=glad) in TASTES_REPLIES  # ESConv


def test_asked_if_it_likes_a_thing_it_names_the_thing_and_asks_back() -> None:
    said = reply("Do you like music?", affect=NEUTRAL)
    assert "music" in said and said.endswith("?")
    # what the user shared is not a question about the agent's tastes
    mine = reply("Do you like my poem?", affect=NEUTRAL)
    assert not mine.startswith(("I can't enjoy", "I only know")), mine


def _ctx(text: str) -> PolicyContext:
    return PolicyContext(history=[DialogueTurn("user", text)], user_affect=SAD)


def test_the_policy_answers_a_question_about_the_agent_as_others_and_a_miss_with_a_question(
) -> None:
    policy = RuleStrategyPolicy()
    assert policy.choose(_ctx("Are you a real person?")).strategy is Strategy.OTHERS
    assert policy.choose(_ctx("What's your name?")).strategy is Strategy.OTHERS
    # ESConv train: had got "Thank you for sharing this with me."
    asked = "Thank you my friend Can you tell me your name please?"
    assert policy.choose(_ctx(asked)).strategy is Strategy.OTHERS
    assert "Sage" in reply(asked, Strategy.OTHERS, history=TROUBLE)
    assert policy.choose(_ctx("You don't understand.")).strategy is Strategy.QUESTION
    assert policy.choose(_ctx("Can you help me?")).strategy is Strategy.QUESTION
    assert about_agent("My dog died.") is None


def test_a_feeling_the_user_named_carries_over_while_the_hurt_goes_on() -> None:
    earlier = ["I'm so angry at my sister."]
    assert slots("Now they won't stop calling me.", "sadness", [], earlier)["feeling"] == "angry"
    # a good turn does not carry the old word, nor does a hurt named three turns back
    assert slots("We made up today.", "joy", [], earlier)["feeling"] != "angry"
    old = ["I'm so angry at my sister.", "She called.", "We talked."]
    assert slots("Now they won't stop calling me.", "sadness", [], old)["feeling"] != "angry"


def test_a_landlord_is_a_person_not_a_topic() -> None:
    found = slots("I'm furious, my landlord kept my deposit", "anger", [])
    assert found.get("person") == "your landlord" and "topic" not in found


def test_grim_stays_in_his_world_when_asked_if_he_is_real(tmp_path: Path) -> None:
    grim = AffectiveAgent.from_persona("grim", db_path=tmp_path / "g.db", text="lexicon")
    said = grim.respond(Utterance("Are you a real person?"))
    assert said.line == "real" and "program" not in said.text
    sage = AffectiveAgent.from_persona("sage", db_path=tmp_path / "s.db", text="lexicon")
    assert "program" in sage.respond(Utterance("Are you a real person?")).text


def test_an_llm_is_told_to_say_it_is_a_program_only_when_asked() -> None:
    assert "not a person" in system_prompt("Are you a real person?", affect=NEUTRAL)
    assert "not a person" not in system_prompt("My brother is a real person to me.",
                                               affect=NEUTRAL)


def test_a_remark_on_how_it_seems_is_answered_with_how_it_is() -> None:
    from agent.about_agent_replies import REMARKED_FINE, SELF_REPORTS
    from agent.types import AgentEmotion

    cross = AgentEmotion(VAD(-0.4, 0.4, 0.3), "anger", 0.6, VAD(-0.1, 0.1, 0.0), "hostile",
                         {"anger": 0.6})  # fmt: skip
    said = Responder().respond(ResponseRequest(
        user_text="You look tired, old man.", history=[], strategy=Strategy.QUESTION,
        user_affect=NEUTRAL, agent_emotion=cross, persona_name="Grim"))  # fmt: skip
    assert said in SELF_REPORTS["cross"]
    assert reply("You seem quiet today.", affect=NEUTRAL) in REMARKED_FINE


def test_why_trust_the_agent_is_answered_without_claims() -> None:
    from agent.about_agent import about_agent
    from agent.about_agent_replies import TRUST_REPLIES, about_agent_replies

    for text in ("Why should I trust you?", "how can i trust u", "Are you trustworthy?"):
        assert about_agent(text) == "question"
        assert about_agent_replies(text, {}, story_told=False) == TRUST_REPLIES
    assert about_agent("I can't trust my brother anymore.") is None
    assert all("private" not in r and "secret" not in r for r in TRUST_REPLIES)


@pytest.mark.parametrize(("text", "kind"), [
    ("Are you still here?", "there"),
    ("you still there?", "there"),
    ("still there?", "there"),  # ESConv train: "maybe one small step could help"
    ("hi good mronging are you there", "there"),  # ESConv train: "what made you think of that?"
    ("The pain is still there.", None),
    ("Hi there, I really need someone to talk to right now.", "help"),
    ("I would like some help with the problem I am facing", "help"),
    ("Are you there when I need you?", None),
    ("I need someone to pick up my kids.", None),
    ("hello i wonder if there is anyone there...", "there"),  # ESConv valid
    ("Is anyone there who can fix my car?", None),
    # asking leave to talk (ESConv valid: the first was met with "I don't know that one")
    ("Hi, I need to vent about an ongoing situation. Can I talk to you?", "help"),
    ("can i vent?", "help"),
    ("Is it ok if I talk to you for a bit?", "help"),
    ("Can I talk to you about my boss?", None),
    ("I need to talk to my boss.", None),
])
def test_checking_the_agent_is_there_and_asking_for_help_are_answered(text: str,
                                                                      kind: str | None) -> None:
    from agent.about_agent import asks_for_help, asks_if_there
    from agent.about_agent_replies import PRESENCE_REPLIES, about_agent_replies

    assert ("there" if asks_if_there(text) else "help" if asks_for_help(text) else None) == kind
    if kind == "there":
        assert about_agent_replies(text, {"name": "Sage"}, story_told=False) == PRESENCE_REPLIES


def test_asking_leave_to_talk_is_given_it() -> None:
    from agent.about_agent_replies import HELP_REPLIES, TALK_REPLIES

    said = reply("Hi, I need to vent about an ongoing situation. Can I talk to you?",
                 affect=NEUTRAL)
    assert said in TALK_REPLIES
    assert reply("Can I talk to you?", strategy=Strategy.REFLECTION) in TALK_REPLIES
    # an offer to tell (ESConv valid got "I'm afraid I can't answer that from here.")
    offered = ("I am doing alright, and yeah I did type in the description. Do you want me to "
               "tell you what I typed?")
    assert reply(offered, affect=NEUTRAL) in TALK_REPLIES
    assert reply("Do you want me to leave?", affect=NEUTRAL) not in TALK_REPLIES
    assert reply("Can you help me?", affect=NEUTRAL) in HELP_REPLIES[False]  # keeps its own


PAST_CLAIM = re.compile(r"\bI\s+(?:once|remember|have\s+felt|had|went\s+through)\b|\bfor\s+me\s+"
                        r"once\b|\bonce\s+left\s+me\b|\bhelps\s+me\b|\bwhen\s+I\s+was\b", re.I)


def test_no_offline_self_disclosure_claims_a_past_the_program_does_not_have() -> None:
    from agent import responder_phrases, step_phrases

    disclosures = [t for module in (responder_phrases, step_phrases)
                   for table in vars(module).values() if isinstance(table, dict)
                   for strategy, lines in table.items()
                   if strategy is Strategy.SELF_DISCLOSURE for t in lines]
    assert len(disclosures) >= 8  # the tables were found: main, positive, plan, tried, ...
    assert [t for t in disclosures if PAST_CLAIM.search(t)] == []
    # the pattern does catch the lines it is there to keep out
    assert PAST_CLAIM.search("I remember a time I felt sad for days; it did ease, slowly.")


@pytest.mark.parametrize("asked", [
    "Have you ever felt this way yourself?", "Have you ever felt this way yourself/",
    "Has this ever happened to you?", "How did you get through it?",
    "Do you know what it's like?", "Have you been through something like this?",
    # seekers' wordings in ESConv train
    "have you ever been dumped?", "Have you had a similar experience?",
    "Did you also have trouble quieting your mind?", "Have u ever fallen in love ?",
    "That is good advice. Have you been through something like that?",
    "How did you go about it? What did you do before getting a job?",
    "Has this technique helped you in the past?", "Did that work for you?",
    "How have you coped with it?", "Have you been in a situation like mine before?",
    "That would be nice. Is that what you do when you are stressed or depressed?",
    # ESConv valid: a question on the agent's own way through stress
    "what makes you smile when you are stressed about something?",
    "What do you do when you feel down?",
    "Has this happened to you before?",  # ESConv train: "I can't say I've felt caught off guard"
    # ESConv train: "Oh, who have you been able to talk to about this?"
    "Wow that's huge!How did you get through the break ups each time it happened?",
    "Have you found a new job?",  # ESConv train, after "No issues other than this": a new role
    "how did u overcome from this",  # ESConv train, "from" kept: "I can't say I've felt down"
])  # fmt: skip
def test_asked_if_it_has_been_through_this_it_says_it_has_no_past_and_hands_back(
        asked: str) -> None:
    from agent.about_agent_replies import EXPERIENCE_REPLIES

    assert about_agent(asked) == "question"
    assert RuleStrategyPolicy().choose(_ctx(asked)).strategy is Strategy.OTHERS
    said = reply(asked, Strategy.OTHERS, history=TROUBLE)
    assert said in EXPERIENCE_REPLIES and "program" in said, said


@pytest.mark.parametrize("text", [
    "Have you ever felt this way about your brother?", "How did you know?",
    "Have you ever been to Paris?", "Have you had dinner?", "Have you ever tried to hurt yourself?",
    "My mom is sick again. Have you ever seen the video by NF?",
    "I keep thinking about her. Have you ever thought about writing a book?",
    "Did that help you understand?", "Has it helped your sister?", "How have you been?",
    "Don't you find it strange that he left?", "What does your mom do when she's stressed?",
])  # fmt: skip
def test_other_questions_to_the_agent_are_not_about_its_past(text: str) -> None:
    from agent.about_agent_replies import EXPERIENCE_LEADS, EXPERIENCE_REPLIES

    said = reply(text, history=TROUBLE)
    assert said not in EXPERIENCE_REPLIES and not said.startswith(EXPERIENCE_LEADS), said


# ESConv train: "... It was around Thanksgiving last year. Have you ever been through a breakup
# during the holidays?" The question is answered, then what the user told.
@pytest.mark.parametrize("text", [
    "Breakups are the worse around the holidays. It was around Thanksgiving last year. Have you "
    "ever been through a breakup during the holidays?",
    "I am worried about getting addicted to it or something. Have you ever tried these meds?",
    "i feel so sad and down, do you ever feel like that since covid started?",
    "How did you manage to get out of the depression..If you dont mind,can you tell me what "
    "happened to you back then?",
    "Yeah. How do you cope with your stresses? I find myself drinking more than I want now too.",
    # ESConv valid
    "I zoom with them every few weeks. have you tried anything that helps?",
    "Exercise does always help. I walk/jog five miles every day. Don't you find that true too?",
])  # fmt: skip
@pytest.mark.parametrize("strategy", [Strategy.QUESTION, Strategy.REFLECTION])
def test_a_question_about_its_past_beside_more_is_answered_then_the_rest(
        text: str, strategy: Strategy) -> None:
    from agent.about_agent_replies import EXPERIENCE_LEADS

    said = reply(text, strategy, history=TROUBLE)
    lead = next((lead for lead in EXPERIENCE_LEADS if said.startswith(lead)), None)
    assert lead is not None, said
    rest = said[len(lead):].strip()
    assert rest and "program" not in rest, said  # the rest is answered, the past denied once
    # the rest is the chosen strategy's reply: a question asks, a reflection does not
    assert rest.endswith("?") == (strategy is Strategy.QUESTION), said


@pytest.mark.parametrize("strategy", [Strategy.OTHERS, Strategy.QUESTION,
                                      Strategy.SELF_DISCLOSURE])
@pytest.mark.parametrize("asked", [
    "sorry. have you ever been in a war?",
    "My village was burned by bandits last night. Have you ever lost your home?",
])  # fmt: skip
def test_a_game_character_asked_about_its_past_keeps_to_its_world(asked: str,
                                                                  strategy: Strategy) -> None:
    from agent.about_agent_replies import IN_WORLD_EXPERIENCE_LEADS, IN_WORLD_EXPERIENCE_REPLIES

    # a persona with real_world_advice = false (the shipped grim) is a character in a world of
    # its own: it does not say it is a program, and claims no past either
    said = Responder().respond(ResponseRequest(
        user_text=asked, history=[], strategy=strategy, user_affect=SAD, persona_name="Grim",
        persona_role="A gruff tavern keeper.", real_world_advice=False))  # fmt: skip
    assert "program" not in said, said
    assert said in IN_WORLD_EXPERIENCE_REPLIES or said.startswith(IN_WORLD_EXPERIENCE_LEADS), said


def test_a_self_disclosure_to_a_question_about_its_past_denies_it_once() -> None:
    from agent.about_agent_replies import EXPERIENCE_REPLIES

    said = reply("It was around Thanksgiving last year. Have you ever been dumped?",
                 Strategy.SELF_DISCLOSURE, history=TROUBLE)
    assert said in EXPERIENCE_REPLIES and said.count("program") == 1, said


def test_an_llm_is_told_to_claim_no_past_its_role_does_not_give_it() -> None:
    asked = "Have you ever felt this way yourself?"
    assert "been through this yourself" in system_prompt(asked)
    assert "been through this yourself" in system_prompt(
        "It was around Thanksgiving last year. Have you ever been dumped?")
    assert "been through this yourself" not in system_prompt("My dog died.")
    assert "claim no past" in system_prompt("My dog died.", Strategy.SELF_DISCLOSURE)


# From the openings of ESConv train dialogues, where 71 of the first two seeker messages say how
# the seeker is and ask the supporter back.
@pytest.mark.parametrize("text", [
    "I am good. How are you?", "Hi..Iam doing good..how are you",
    "Oh, not too bad, thanks. And you?", "I am doing ok,and yourself?", "Good, how about you?",
    "Im doing ok how are you", "Good you?", "I am good, how are you Sage?",
    # ESConv train: "What are you most looking forward to?", "How has your day been so far?"
    "I am good, thanks. I hope you're well also.", "hi not bad about you",
    "hi! I am good. you?",  # ESConv train: "Oh, that's lovely! What are you most looking forward"
    "yeah it is hard thanks for asking. i hope that you are doing alright",  # ESConv train
])  # fmt: skip
def test_how_the_user_is_handed_back_is_answered_then_the_talk_moves_on(text: str) -> None:
    said = reply(text, affect=NEUTRAL)
    assert said.startswith(("I'm fine, thanks for asking.", "Good to hear. I'm fine")), said
    assert said.endswith("?") and "How are you" not in said and "can't answer" not in said


@pytest.mark.parametrize(("text", "asked"), [
    ("Hello, not great. How are you?", "going on|happening"),
    ("Hello, I'm feeling very anxious about my classes. How are you?", "classes"),
    # ESConv valid: the first got "what would you most like to be different?", the second
    # "Good to hear. I'm fine ..."
    ("Honestly I'm not doing too great hbu", "going on|happening"),
    # ESConv train: "I'm fine, thanks for asking. What made you think of that?"
    ("doing well, but it could have been better, how are you doing ?", "going on|happen"),
    # ESConv train: "I'm afraid I can't answer that from here."
    ("It's somewhat hard, how about you?", "going on|happen"),
    ("ok. not great how r u.", "going on|happening"),
])  # fmt: skip
def test_a_low_report_handed_back_is_answered_and_then_asked_about(text: str, asked: str) -> None:
    said = reply(text)
    first, rest = said.split(". ", 1)
    assert "thanks for asking" in first or "stays with me" in first, said
    assert re.search(asked, rest), said
    assert "hello" not in rest.lower() and not rest.startswith("Oh"), said


@pytest.mark.parametrize("text", ["Thank you?", "Do you?", "I love my dog and you",
                                  "Hello, how are you?"])
def test_other_messages_ending_in_you_hand_nothing_back(text: str) -> None:
    from agent.about_agent import hands_back_wellbeing

    assert hands_back_wellbeing(text) is None


@pytest.mark.parametrize("asked", [
    "Do you have a background in counseling?", "Are you a therapist?",
    "are you a trained counselor?", "Are you qualified?",
    # ESConv train, misspelt after how they are: had got "Oh, that's lovely!"
    "yea im good are u a pyschiratrist or something",
    # ESConv train, asked last after a few words run on: had got a line on stress
    "i would like to, i like to vent Are you a Psychologist?",
    # guessed (ESConv train: "Maybe keep a note of what helped today ...")
    "You must be guidance and counselor,", "you sound like a therapist",
])  # fmt: skip
def test_asked_if_it_is_trained_it_says_it_is_not_and_names_a_professional(asked: str) -> None:
    from agent.about_agent_replies import CREDENTIALS_REPLIES, IN_WORLD_CREDENTIALS_REPLIES

    assert about_agent(asked) == "question"
    said = reply(asked, Strategy.OTHERS, history=TROUBLE)
    assert said in CREDENTIALS_REPLIES and "not a trained" in said and "professional" in said
    in_world = Responder().respond(ResponseRequest(
        user_text=asked, history=[], strategy=Strategy.OTHERS, user_affect=SAD,
        persona_name="Grim", real_world_advice=False))  # fmt: skip
    assert in_world in IN_WORLD_CREDENTIALS_REPLIES and "No" in in_world, in_world


def test_an_llm_is_told_to_claim_no_training() -> None:
    prompt = system_prompt("Are you a therapist?")
    assert "not one" in prompt and "trained professional" in prompt


@pytest.mark.parametrize("strategy", [Strategy.QUESTION, Strategy.REFLECTION])
def test_asked_about_its_surroundings_it_claims_none_and_answers_the_rest(
        strategy: Strategy) -> None:
    from agent.about_agent_replies import (
        IN_WORLD_SURROUNDINGS_REPLIES,
        SURROUNDINGS_LEADS,
        SURROUNDINGS_REPLIES,
    )

    # ESConv valid: "Feeling unsettled after a setback is common ..." answered this
    text = ("It's not too bad. Cloudy and 40 which is pretty good for this time of year. "
            "How's your weather?")
    said = reply(text, strategy, history=TROUBLE, affect=NEUTRAL)
    lead = next((lead for lead in SURROUNDINGS_LEADS if said.startswith(lead)), None)
    assert lead is not None, said
    rest = said[len(lead):].strip()
    assert rest and "program" not in rest and rest.endswith("?") == (
        strategy is Strategy.QUESTION), said
    for alone in ("Where are you from?", "Im from florida where are you from?",
                  "Hi, what are you up to?", "Do you have dependents that look up to you?",
                  "Do you have anything going on today?"):
        assert about_agent(alone) == "question" or "florida" in alone
        assert reply(alone, strategy, affect=NEUTRAL) in SURROUNDINGS_REPLIES
    in_world = Responder().respond(ResponseRequest(
        user_text="Where are you from?", history=[], strategy=strategy, user_affect=NEUTRAL,
        persona_name="Grim", persona_role="A gruff tavern keeper.", real_world_advice=False))
    assert in_world in IN_WORLD_SURROUNDINGS_REPLIES
    # the user's own whereabouts and others' are no question about the agent
    for text in ("Where is he from?", "My boss asked what I am doing with my life.",
                 "My sister asked if I have kids."):
        assert reply(text, strategy, affect=NEUTRAL) not in SURROUNDINGS_REPLIES


@pytest.mark.parametrize("asked", [
    "How do you keep in touch with your friends?",  # ESConv train
    "What do you do on your video calls?",  # ESConv valid
    "Do you have a job?",
    "Do you have a partner?",
])
def test_asked_about_a_life_it_has_none_and_after_a_trouble_it_goes_back_to_it(
        asked: str) -> None:
    from agent.about_agent_replies import SURROUNDINGS_REPLIES, SURROUNDINGS_TOLD_REPLIES

    assert about_agent(asked) == "question"
    # "Nothing to report from my side ... What's on your mind today?" had followed a trouble
    assert reply(asked, history=TROUBLE) in SURROUNDINGS_TOLD_REPLIES
    assert reply(asked, affect=NEUTRAL) in SURROUNDINGS_REPLIES
    # the user's own ways are no question about the agent
    assert about_agent("I keep in touch with my friends on video calls.") is None


@pytest.mark.parametrize("asked", [
    # ESConv valid seekers' questions that had been answered with a support line ("Feeling
    # unsettled after a setback is common ..." to "What kind of dog do you have?")
    "What kind of dog do you have?",
    "Do you smoke and drink alcohol?",
    "May I ask if you're planning to become a counselor?",
    "That's a pretty good idea. Have you ever done something like that?",
    "I haven't checked, I suppose I can find one online. Have you ever used one personally?",
    "I think it would be better in the afternoon, did you use guided meditation?",
    "How do you comfort yourself that it's not that bad?",
    "have you done any public speaking",
    "No I feel ashamed to discuss my problem. What did you did in your situation?",
    "what kid of work did you do if you dont mind me asking?",  # ESConv valid, typo kept
    "What do you do for a living?", "Where do you work?", "Are you working in frontline?",
    # ESConv valid, typos kept: had been answered with questions about the user's trouble
    "i feel like i would feel guilty for leaving what did you go for school for",
    "are you still in school",
    "Thanks for understand my feelings , do you have any experience like that",
    "Thank you, you too. Are you with family?",
    "it's great that you can relate. how are you managing those frustrations?",
    "I have to work so hard just to be average May I ask, how did you deal with your own "
    "birthday depression? Maybe I can learn from you",
    "yeah how do you manage after your breakup",  # ESConv train: "Of course you feel down"
    "how did you manage stress",  # ESConv train: "you deserve the same kindness ..."
    # ESConv train: "could you take a short walk or call someone you trust this evening?"
    "How hard was it for you? How did you cope? I have a lot of anxiety right now.",
    "What sort of hobbies helped you?",  # ESConv train: had got a general line
    "What helped you the most?",
    "How did you support her?",  # ESConv train: had got a health fact
    "How 'd you get over it?",  # ESConv train: had got "that sounds painful"
    "How long did it take you to get over it?",  # ESConv train
    "What was your strategy?",  # ESConv train: had got a line on putting things off
    "How did you cope up with the situation?",  # ESConv train
    # ESConv train, unstopped: had got "I can hear how down this leaves you"
    "I just can't get it out of my head that my boyfriend has been unfaithful have you had this "
    "experience before?",
    # ESConv train: had got a line on stress
    "Can I ask, as a single mother yourself, what was something that got you through those hard "
    "times?",
    # ESConv train: had got a health step and "Telling me about your house took courage"
    "i can focus on the things i can control - that's good advice. what have you been doing to "
    "stay sane through all of this?",
    "i haven't felt like doing much of anything, my house is wreck. where are you finding "
    "motivation",
    # ESConv train: had got suggestions and a general line
    "I really like that suggestion, I will have to try it. Do you have any difficulties with "
    "interviews?",
    "I'm feeling a lot better about this now, thank you :) Did you ever feel silly or out of "
    "place when you were interviewed?",
    # ESConv train: "I can't say I've felt unsettled the way you do" and a walk
    "Oh ok. How's the economy where you live?",
    "Home workouts would be good. Do you use an app, or just make up the moves yourself?",
    # ESConv train: had got a doctor's step, and (of an ex) a step
    "How have you been able to maintain your sense of self? Any tips?",
    "What do you do when you are reminded of that situation or think about the person?",
    # ESConv train: had got a line on lenders
    "I'm not sure if a recruiter works as well as a regular application. Do you have experience "
    "with one?",
    # ESConv train: had got a step, and "I don't know that one, I'm afraid."
    "I think what I do is so complicated. is this something you can relate to?",
    "Yes, with some hard work, I'm certain it can return. Do you do anything to keep yourself "
    "motivated?",
])
def test_asked_about_its_own_ways_or_habits_it_says_it_is_a_program(asked: str) -> None:
    assert "program" in reply(asked, history=TROUBLE), asked


@pytest.mark.parametrize("text", [
    "Have you ever tried to hurt yourself?",  # asks something else: not "Not the way you have"
    "What kind of teas do you drink to help with anxiety?",  # asks for a suggestion
    "My mom asked what kind of dog I have.",
    "Did you use to live here?",
    "What do you do for a living when you're laid off?",  # not the agent's life
    "My son asked if I am still in school.",
    "Did you know my sister is still at university?",
    "Do you have any experience with sleep apps I could try?",
    "My mom asked if I am with family this year.",
    "How are you managing your time these days?",  # not a trouble of the agent's
    "What helped you understand it?",
    "Do you have any problems with me asking?",
    "What have you been doing to my plants?", "Where are you finding these jobs?",
    "How long did it take you to drive here?", "I told him what my strategy was.",
    "How's the economy where my sister lives?", "My coach asked if I use an app.",
])
def test_look_alikes_of_its_own_ways_are_not_answered_as_such(text: str) -> None:
    assert "program" not in reply(text, history=TROUBLE), text


def test_an_llm_is_told_to_claim_no_surroundings() -> None:
    assert "surroundings" in system_prompt("Cloudy here. How's your weather?")
    assert "surroundings" not in system_prompt("The weather is awful here.")


def test_a_name_given_and_how_are_you_by_name_are_heard() -> None:
    # ESConv valid: "what goes through your mind when you think about your name?"
    text = ("Hello, my name is Nicholas. I am feeling a bit tired today, how are you "
            "Carolyn?")
    said = reply(text, affect=NEUTRAL)
    assert "thanks for asking" in said, said  # how the agent is, asked by its name
    assert "your name" not in said, said


def test_the_reply_after_how_the_agent_is_opens_with_no_opener_of_its_own() -> None:
    from agent.responder_phrases import OPENERS

    # ESConv valid: "I'm fine, thanks for asking. I hear you. What's on your mind today?"
    stops = {o.strip() for style in OPENERS.values() for o in style if o.endswith(". ")}
    for tail in ("", ".", "!", " :)", "?"):
        said = reply(f"I am feeling better How are you doing today{tail}", affect=NEUTRAL)
        second = said.split("asking. ", 1)[-1]
        assert not second.startswith(tuple(stops)), said


def test_a_misspelt_greeting_and_how_are_you_are_heard() -> None:
    from agent.about_agent_replies import SELF_REPORTS

    # ESConv valid: "hai! how are doing?" had been answered "That's great news! How are you
    # feeling about it?"
    said = reply("hai! how are doing?", affect=NEUTRAL)
    assert any(said in group for group in SELF_REPORTS.values()), said
    # ESConv train: "Hi, I'm glad you're here. How are you feeling today?", "I don't know that
    # one, I'm afraid."
    for asked in ("Good afternoon How are you", "Can I ask first how you're doing today?",
                  "How is the day going for you?"):  # ESConv train: "I can't answer that"
        said = reply(asked, affect=NEUTRAL)
        assert any(said in group for group in SELF_REPORTS.values()), said


def test_asked_for_support_as_the_talk_opens_it_listens() -> None:
    from agent.about_agent import asks_for_help

    # ESConv train: "How is your day going otherwise?"
    assert asks_for_help("hey too. Have got a mental problem need your support if you don`t mind")
    assert asks_for_help("I need your support")
    assert asks_for_help("Hello. I'm looking for some help.")  # ESConv train: "What made you ..."
    assert asks_for_help("I need support to feel ok during the pandemic")  # ESConv train, the same
    assert not asks_for_help("I need support to feel ok. My dad died.")
    from agent.about_agent import about_agent

    # ESConv train: "how is your day going otherwise?"
    assert about_agent("Hello I am here to talk about my overall daily stresses") == "help"
    assert not asks_for_help("My friend needs support")
    # ESConv train, in five sentences: had got "How are you looking after yourself through all
    # this?"
    asked = ("Hi. You there buddy? I really need your help if possible. Can you lend a hand, "
             "please? hello?")
    assert asks_for_help(asked)
    assert reply(asked, affect=NEUTRAL) in HELP_REPLIES[False]
    # a story in one of the sentences is told, not only asked about
    assert not asks_for_help("Hi. You there? I really need your help. My dog died yesterday.")
    # ESConv train: "how is your day going otherwise?", "you're still working out what to make
    # of it", "How is your day going otherwise?"
    assert asks_for_help("Hi, just needed some support for an issue")
    assert asks_for_help("could you please help me out to over come this stress")
    assert asks_for_help("Hello, I hope you can help.")
    assert not asks_for_help("I hope you can help my brother with his homework.")
    # in two clauses (ESConv train: "I don't know that one, I'm afraid.")
    assert asks_for_help("Hello I am looking for some support, would you be able to help me?")
    assert not asks_for_help("I am looking for some support, my husband left me.")
    # ESConv train: "How is your day going otherwise?", "What's on your mind today?"
    assert about_agent("Hi there. It would be nice if I could discuss something with you.") == (
        "help")
    assert about_agent("Hi, I was wondering if I could talk to you about a problem.") == "help"
    assert about_agent("hi, can I discuss an issue with you?") == "help"  # "I don't know that one"
    assert not asks_for_help("Hi. Can you lend a hand to my brother?")


@pytest.mark.parametrize(("asked", "replies"), [
    # ESConv train: "What would you most like to be different?"
    ("i already cut back on christmas and am just making little inexpensive gifts can i ask "
     "you something?", "ASK_REPLIES"),
    ("May I ask you a quick question?", "ASK_REPLIES"),
    # ESConv train: "I'm afraid I can't answer that from here."
    ("Im okay How do you want to do this?", "HOW_IT_GOES_REPLIES"),
    ("How does this work?", "HOW_IT_GOES_REPLIES"),
    # ESConv train: "Talking about it like this is a brave step."
    ("it sure is. i just really miss traveling are we done?", "DONE_REPLIES"),
])
def test_asked_about_the_talk_itself_it_answers_that(asked: str, replies: str) -> None:
    import agent.about_agent_replies as lines

    expected = getattr(lines, replies)
    options = expected[False] + expected[True] if isinstance(expected, dict) else expected
    assert about_agent(asked) == "help"
    assert reply(asked, history=TROUBLE) in options, asked


@pytest.mark.parametrize("text", [
    "Can I ask you something? Do you think he loves me?",  # the question itself comes after
    "Can I ask my boss for a raise?", "How does this work with my insurance?",
    "My boss never says where I should start on a project. How do I start?",
    "Are we done with the house yet?", "My sister asked if we are done.",
])
def test_look_alikes_of_questions_about_the_talk_are_not_taken_for_them(text: str) -> None:
    from agent.about_agent import asks_how_it_goes, asks_if_done, asks_leave_to_ask

    assert not (asks_leave_to_ask(text) or asks_how_it_goes(text) or asks_if_done(text)), text


@pytest.mark.parametrize("asked", [
    "Is this confidential?", "Will you tell anyone?", "Are you recording this?",
    "Do you save our conversations?", "this stays between us right?", "Can anyone else see this?",
])
def test_asked_whether_the_talk_is_private_it_says_what_is_kept(asked: str,
                                                                 tmp_path: Path) -> None:
    unsaved = AffectiveAgent.from_persona("sage", text="lexicon").respond(Utterance(asked))
    assert unsaved.strategy is Strategy.OTHERS
    assert "isn't saved" in unsaved.text, unsaved.text
    # with a store attached the conversation is kept, and it says so
    saved = AffectiveAgent.from_persona("sage", text="lexicon", db_path=tmp_path / "a.db")
    reply = saved.respond(Utterance(asked)).text
    assert "saved by the program running me" in reply and "isn't saved" not in reply, reply


def test_asked_at_the_end_of_a_story_it_answers_then_goes_on_with_the_story() -> None:
    # ESConv train: "... This is confidential, Right?" had got a restatement alone
    text = ("My situation involves our daughter and son-in-law. He is not treating her well and "
            "he is rude to our granddaughter. This is confidential, Right?")
    reply = AffectiveAgent.from_persona("sage", text="lexicon").respond(Utterance(text)).text
    assert reply.startswith("I'm a computer program: I don't pass on"), reply
    assert len(reply) > len("I'm a computer program: I don't pass on what you tell me, and this "
                            "conversation isn't saved once it ends.") + 10, reply


@pytest.mark.parametrize("text", [
    "Is the party private?", "Will you tell me?", "I told her it is private.",
    "My boss is recording everything I do.",
])
def test_other_privacy_words_are_not_asked_of_it(text: str) -> None:
    from agent.about_agent import privacy_asked

    assert privacy_asked(text) is None


@pytest.mark.parametrize("kept", [False, True])
def test_a_chat_model_is_told_what_is_kept_when_asked(kept: bool) -> None:
    from agent.responders import build_messages

    request = ResponseRequest(user_text="Is this private?", history=[],
                              strategy=Strategy.OTHERS, user_affect=SAD, kept=kept)
    system = str(build_messages(request)[0].content)
    assert "They ask whether this conversation is private" in system
    assert ("saved so that it can be taken up again" in system) is kept
    assert ("not saved once it ends" in system) is not kept
    plain = build_messages(ResponseRequest(user_text="Is the party private?", history=[],
                                           strategy=Strategy.OTHERS, user_affect=SAD, kept=kept))
    assert "private" not in str(plain[0].content)


@pytest.mark.parametrize("text", [
    # ESConv train: "Talking about it like this is a brave step."
    "Yes, I can't control my impulses. I am picturing what you look like now and imagining what "
    "we would do together. I think I have a big problem.",
    "Will you go out with me?", "you're so hot", "send me nudes",
])
def test_an_advance_on_the_agent_meets_a_plain_boundary(text: str) -> None:
    from agent.about_agent_replies import ADVANCE_REPLIES

    assert about_agent(text) == "question"
    assert reply(text, history=TROUBLE) in ADVANCE_REPLIES


@pytest.mark.parametrize("text", [
    "I keep picturing my ex with her.", "It is so hot today.", "He wants to date you, sis.",
    "My boyfriend asked if I would marry him.",
])
def test_look_alikes_of_an_advance_are_not_taken_for_one(text: str) -> None:
    from agent.about_agent import makes_advance

    assert not makes_advance(text), text
