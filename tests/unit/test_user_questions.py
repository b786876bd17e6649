"""Questions about the user's trouble that no strategy line answers (agent.user_questions), and
the questions whether a feeling is normal (agent.dialogue_acts.asks_if_normal)."""

from __future__ import annotations

import pytest

from agent.advice import BY_NAME, normal_information
from agent.dialogue_acts import asks_if_normal, self_insult
from agent.responder_phrases import HOW_LONG_TEMPLATES, NORMAL_TEMPLATES
from agent.responders import Responder, ResponseRequest
from agent.strategy import PolicyContext, RuleStrategyPolicy
from agent.types import Strategy
from agent.user_questions import (
    BELIEF_REPLIES,
    BODY_REPLIES,
    CHECK_REPLIES,
    DECISION_REPLIES,
    EITHER_REPLIES,
    EXAMPLE_REPLIES,
    FACT_REPLIES,
    FUTURE_REPLIES,
    PATH_REPLIES,
    SELF_BLAME_REPLIES,
    VIEW_REPLIES,
    question_asked,
    question_to_answer,
)
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

SAD = AffectEstimate(VAD(-0.5, 0.2, -0.3), {"sadness": 1.0}, 0.8, "text", 0.0)


# ESConv train and valid seekers' questions, and look-alikes that ask something else
@pytest.mark.parametrize(("text", "expected"), [
    ("Should I kick them out???", ("decision", "")),
    ("Do you think I should forgive her?", ("decision", "")),
    # ESConv valid: had got "You're being honest with yourself about this"
    ("Do you think it would still be worth it to ask?", ("decision", "")),
    ("Is it worth asking my boss?", ("decision", "")),
    ("Is it worth asking you?", None),
    ("Should I read fiction or nonfiction", ("either", "")),  # ESConv valid, no mark
    ("But what if she gets mad?", ("future", "")),  # ESConv valid: a line about stress
    ("So is it even worth bringing it up at all?", ("decision", "")),  # ESConv valid
    ("What if we try yoga?", None),  # a step proposed
    ("You mean should I give her time?", ("check", "")),  # ESConv valid
    ("you think i should move?", ("decision", "")),  # ESConv train: "how does it feel today"
    # ESConv train: "That's wonderful! Maybe keep a note of what helped today" and a sleep step
    ("Thank you! Do you think taking a practice exam would help?", ("check", "")),
    ("I'm fairly certain I have most of it memorized but what happens if I freeze up and forget "
     "during the test?", ("future", "")),
    ("but what if we try yoga?", None),
    ("I should read more", None),
    ("Should I keep studying or try and get some rest?", ("either", "")),
    ("or should i not take the job?", ("decision", "")),  # ESConv valid: "of course you ..."
    # the step told just before is the choice (ESConv train: "You're being honest with
    # yourself about this")
    ("I was thinking about getting a dog. Is that a good idea?", ("decision", "")),
    ("Is that a good idea?", None),  # alone, it asks about the agent's own suggestion
    # words that share a stem with harm are no harm ("quite", "deadline", "burnout")
    ("Should I be quite honest with her?", ("decision", "")),
    ("Should I ask for a deadline extension?", ("decision", "")),
    ("Should I take time off for burnout?", ("decision", "")),
    ("Do you think he still loves me?", ("their_mind", "he")),
    ("I wonder that too. Did I shut her out? Was she needing more from me?", ("their_mind", "she")),
    ("Do you think he might be gay?", ("their_mind", "he")),
    ("Does my husband even care?", ("their_mind", "your husband")),
    ("Why did he do this to me?", ("their_mind", "he")),
    ("Do you think I will lose my job?", ("future", "")),
    ("Is COVID as bad as it sounds?", ("fact", "")),
    ("Can dogs recover from kidney failure?", ("fact", "")),
    ("Oh that's great I will try then. Do you know if there are any fees?", ("fact", "")),
    ("Do u have any idea about side effects of the vaccine, Is it safe for kids?", ("fact", "")),
    ("What is your point of view on masks?", ("view", "")),
    ("What's your thoughts on the economy going forward?", ("view", "")),
    ("You mean like a hot bath? Or a good book?", ("example", "")),
    ("Like meditation?", ("example", "")),
    ("Like what?", None),  # asks for one: a suggestion's matter
    ("So I should really distance myself for a while right?", ("check", "")),
    ("So you think i should have a conversation with them?", ("check", "")),
    ("So I should just give up?", None),
    ("Is it my fault?", ("self_blame", "")),
    ("I just cannot get out of this funk. why me? what did i do to make him want someone else?",
     ("self_blame", "")),  # ESConv valid
    ("Is it because of me?", ("self_blame", "")),
    ("It was my fault.", None),  # said, not asked: the strategies answer it
    ("Do you know what I mean?", None),
    ("do you know how i can access it?", None),  # how the user can: a suggestion's matter
    ("What is your opinion on my plan?", None),
    # harm is never weighed here: the safety stage and the strategies answer it
    ("Should I just give up?", None),
    ("Should I hit him back?", None),
    ("Do you think he will hurt me?", None),
    # the body's care is a doctor's question: eating, sleep, drinking, medication
    ("Should I stop taking my meds?", ("body", "")),
    ("Is it normal to not eat for days?", ("body", "")),
    ("Is it normal to sleep only 3 hours a night?", ("body", "")),
    ("Is it okay to drink every night to cope?", ("body", "")),
    ("Can antidepressants make you feel worse?", ("body", "")),
    ("Should I eat something?", None),  # a choice of no medication
    # whether it has a health cause (ESConv valid)
    ("Would this relate to a health problem of not being active or maybe stress?",
     ("body", "")),
    ("Could it be my thyroid?", ("body", "")),
    ("Is there a medical reason I feel so tired?", ("body", "")),
    ("Could I have a thyroid problem?", ("body", "")),
    ("Is my boss having health problems?", None),  # someone else's, not asked as a cause
    ("My dad has health problems. Would he listen to me?", None),
    # asking to be believed in, wherever the question stands (ESConv valid got "Maybe one small
    # step could help, like writing down what worries you most.")
    ("Do you believe in me? That I will pass well?", ("belief", "")),
    ("Do you think I can do it?", ("belief", "")),
    # whether the way chosen is right (ESConv valid got "Before bed tonight, could you note one
    # thing that went even a little bit right?")
    ("In your opinion, Am I in the right path?", ("path", "")),
    ("Am I doing the right thing by waiting?", ("path", "")),
    ("I think I am on the right track now.", None),  # said, not asked
    ("Is he on the right path?", None),
    ("Do you think I will lose my job?", ("future", "")),
    ("Do you think I can hurt him?", None),
    ("Do you eat?", None),  # asks the agent
    ("Is it normal to feel this anxious?", None),  # a feeling: asks_if_normal's
    # about the talk, or a suggestion taken up, or no choice at all
    ("Should I tell you more?", None),
    ("I like to read books. Shall I try this?", None),
    ("I am worried that I will not be received well. Should I be?", None),
    # a question in the middle of a story, a statement, a step's worth, the user or the agent
    ("Should I call him? I don't know what I'd say.", None),
    ("I should call him.", None),
    ("Do you think it will help?", None),
    ("Can a therapist help me with that?", None),
    ("Have u ever fallen in love?", None),
    ("Is there anything else you want to talk about?", None),
])
def test_a_question_is_told_by_its_kind_from_look_alikes(
        text: str, expected: tuple[str, str] | None) -> None:
    assert question_asked(text) == expected


def test_other_acts_answer_first_and_a_fact_waits_for_a_trouble() -> None:
    assert question_to_answer("Do you think I should talk to HR?") is None  # a step weighed
    assert question_to_answer("Should I call her or what should I do?") is None  # advice asked
    fact = "Is COVID as bad as it sounds?"
    assert question_to_answer(fact) is None  # small talk: the responder says it doesn't know
    assert question_to_answer(fact, ["My mom has COVID and I'm scared."]) == ("fact", "")


def _reply(story: str, question: str, strategy: Strategy = Strategy.QUESTION) -> str:
    history = [DialogueTurn("user", story), DialogueTurn("Sage", "That sounds hard."),
               DialogueTurn("user", question)]
    return Responder().respond(ResponseRequest(
        user_text=question, history=history, strategy=strategy, user_affect=SAD,
        persona_name="Sage"))  # fmt: skip


@pytest.mark.parametrize(("story", "question", "replies"), [
    ("My roommates are always partying and I can't sleep.", "Should I kick them out?",
     DECISION_REPLIES),
    ("I'm behind on everything.", "Should I keep studying or get some rest?", EITHER_REPLIES),
    ("My company is cutting staff.", "Do you think I will lose my job?", FUTURE_REPLIES),
    ("My dog is sick.", "Can dogs recover from kidney failure?", FACT_REPLIES),
    ("I'm worried about the pandemic.", "What is your point of view on masks?", VIEW_REPLIES),
    ("I'm so stressed.", "Like meditation?", EXAMPLE_REPLIES),
    ("My dog died while I was at work.", "Is it my fault?", SELF_BLAME_REPLIES),
    ("I'm scared of my calculus class.", "Do you believe in me? That I will pass well?",
     BELIEF_REPLIES),
    ("My friends hurt me.", "So I should really distance myself for a while right?",
     CHECK_REPLIES),
    ("My wife and I think it is better to wait for a job nearby.",
     "In your opinion, Am I in the right path?", PATH_REPLIES),
])
def test_the_offline_responder_answers_the_question_not_the_strategy(
        story: str, question: str, replies: tuple[str, ...]) -> None:
    # before 2026-11-27: "How are you holding up with everything?" and the like
    assert _reply(story, question) in replies


def test_another_persons_mind_is_not_guessed_and_is_said_with_their_pronoun() -> None:
    his = _reply("My boyfriend cheated on me.", "Do you think my boyfriend still loves me?")
    her = _reply("My girlfriend left me last month.", "Was she needing more from me?")
    assert ("his mind" in his or "Only he " in his) and "guess" in his
    assert ("her mind" in her or "Only she " in her) and "guess" in her


def test_blame_taken_on_is_met_with_reassurance_and_abuse_goes_to_safety_first() -> None:
    history = [DialogueTurn("user", "My husband left me for someone else."),
               DialogueTurn("Sage", "That sounds hard."),
               DialogueTurn("user", "Why me? What did I do wrong?")]
    choice = RuleStrategyPolicy().choose(PolicyContext(history=history, user_affect=SAD))
    assert choice.strategy == Strategy.AFFIRMATION and "self_blame" in choice.reason
    from agent.core import AffectiveAgent
    from agent.types import Utterance

    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    agent.respond(Utterance("My boyfriend hits me."))
    asked = agent.respond(Utterance("Is it my fault he hits me?"))
    assert asked.safety == "abuse" and "your fault" in asked.text  # "none of this is ..."


def test_the_rule_policy_asks_after_answering_a_question() -> None:
    history = [DialogueTurn("user", "My boyfriend cheated on me."),
               DialogueTurn("Sage", "That sounds hard."),
               DialogueTurn("user", "Do you think he still loves me?")]
    choice = RuleStrategyPolicy().choose(PolicyContext(history=history, user_affect=SAD))
    assert choice.strategy == Strategy.QUESTION and "their_mind" in choice.reason


@pytest.mark.parametrize(("text", "expected"), [
    ("Is it bad that I want to be alone all the time?", True),
    ("Is it selfish to want time for myself?", True),
    ("Is it possible to heal without finding another?", True),
    ("Is it bad to drink every night?", False),  # a habit, not a feeling: not made normal
    ("Is it possible to get a refund?", False),
    # how long the feeling lasts (ESConv valid: got "I hear you. I can hear how much this
    # matters to you.")
    ("how long will i be this sad? it's been two years already", True),
    ("How long am I going to feel like this?", True),
    ("How long will I be gone?", False), ("How long will I have to wait for the bus?", False),
])
def test_more_ways_of_asking_whether_a_feeling_is_normal(text: str, expected: bool) -> None:
    assert asks_if_normal(text) is expected


def test_whether_it_is_normal_is_answered_as_normal_not_with_a_troubles_facts() -> None:
    # "Testing yourself and spreading study over several days work better than rereading" had
    # answered "Will it get better?" after a failed exam
    normal = _reply("I failed my exam.", "Will it get better?", Strategy.INFORMATION)
    assert any(t.split("{")[0][:30] in normal for t in NORMAL_TEMPLATES), normal
    # a trouble's own line that says it is common or eases comes first (agent.advice)
    grief = _reply("My grandmother died last month.", "How long does grief last?",
                   Strategy.INFORMATION)
    assert any(grief.endswith(line) for line in normal_information(BY_NAME["grief"])), grief
    low = _reply("I have been feeling low for weeks.", "How long does the feeling usually last?",
                 Strategy.INFORMATION)
    assert low.endswith(HOW_LONG_TEMPLATES[0]), low


def test_what_happened_said_to_make_one_a_failure_is_running_oneself_down() -> None:
    assert self_insult("You think it makes me look like a failure?") == "a failure"
    assert self_insult("It makes me feel stupid.") is None  # a feeling, not a verdict


def test_an_llm_is_told_how_to_meet_the_question() -> None:
    from agent.responders import QUESTION_NOTES, build_messages

    def prompt(story: str, question: str) -> str:
        history = [DialogueTurn("user", story), DialogueTurn("Sage", "That sounds hard."),
                   DialogueTurn("user", question)]
        return str(build_messages(ResponseRequest(
            user_text=question, history=history, strategy=Strategy.QUESTION, user_affect=SAD,
            persona_name="Sage"))[0].content)  # fmt: skip

    assert QUESTION_NOTES["their_mind"] in prompt("He cheated on me.",
                                                  "Do you think he still loves me?")
    assert QUESTION_NOTES["decision"] in prompt("My roommates party all night.",
                                                "Should I kick them out?")
    assert QUESTION_NOTES["body"] in prompt("I can't stop crying.",
                                            "Is it normal to not eat for days?")
    told = prompt("My roommates party all night.", "They are so loud.")
    assert not any(note in told for note in QUESTION_NOTES.values())


def test_eating_drinking_or_harm_is_never_told_it_is_normal() -> None:
    said = _reply("I have been so stressed.", "Is it normal to not eat for days?",
                  Strategy.INFORMATION)
    assert not any(t.split("{")[0][:30] in said for t in NORMAL_TEMPLATES), said
    assert "Many people" not in said and "usually eases" not in said, said


@pytest.mark.parametrize(("story", "question"), [
    ("I have been so stressed.", "Is it normal to not eat for days?"),
    ("My doctor put me on antidepressants last month.", "Should I stop taking my meds?"),
    ("I can barely sleep since the breakup.", "Is it normal to sleep only 3 hours a night?"),
    ("I get 8 hours of sleep but I still feel tired.",
     "Would this relate to a health problem of not being active or maybe stress?"),
])
def test_a_question_about_the_bodys_care_is_sent_to_a_doctor(story: str, question: str) -> None:
    # before 2026-11-27 "Is it normal to not eat for days?" after a lost job got "Many jobs are
    # found through people we already know" (the topic's information line)
    decided = RuleStrategyPolicy().choose(PolicyContext(
        history=[DialogueTurn("user", story), DialogueTurn("Sage", "That sounds hard."),
                 DialogueTurn("user", question)], user_affect=SAD))  # fmt: skip
    assert decided.strategy is Strategy.INFORMATION, decided
    said = _reply(story, question, decided.strategy)
    assert said in BODY_REPLIES and "doctor" in said, said


def test_a_choice_between_two_is_answered_as_one_not_as_a_step() -> None:
    # ESConv valid: "Should I read fiction or nonfiction" had been told "It might help to read
    # fiction or nonfiction."
    from agent.user_steps import weighed_step

    text = "Should I read fiction or nonfiction"
    assert weighed_step(text + "?") is not None  # it reads as a step weighed, too
    assert question_to_answer(text, ["I can't sleep at night."]) == ("either", "")


def test_a_call_to_people_is_a_step_to_build_on() -> None:
    # ESConv valid: "I need to call them." had got "Could you plan one small thing this week
    # that is just for you?"
    from agent.user_steps import stated_plan

    assert stated_plan("They are busy and we haven't talked in a while. I need to call them.") \
        == "call them"
    assert stated_plan("I'll try them.") is None  # nothing named
    assert stated_plan("I need to find a job.") is None  # a need, not a step
