"""Greetings, farewells and requests for advice are answered in kind by the policy and by the
offline responder, and look-alike sentences are not mistaken for them."""

from __future__ import annotations

import re

import pytest

from agent.dialogue_acts import (
    asks_for_advice,
    asks_if_normal,
    is_farewell,
    is_greeting,
    self_insult,
)
from agent.responder_phrases import ACT_REPLIES, CLOSING_ACTS, NEWS_OPENERS, UNANSWERED
from agent.responders import Responder, ResponseRequest
from agent.step_phrases import WEIGHED_STEP_TEMPLATES
from agent.strategy import PolicyContext, RuleStrategyPolicy
from agent.types import AgentEmotion, Strategy
from agent.user_steps import stated_plan, tried_already, weighed_step
from agent.warm_words import (
    answers_thanks,
    only_thanks,
    praises_agent,
)
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "greeting", "farewell", "advice"), [
    ("Hi.", True, False, False),
    ("Hey, how are you?", True, False, False),
    ("Good morning Sage", True, False, False),
    ("Good day", True, False, False),  # ESConv valid: "What made you think of that?"
    ("Good day at work today.", False, False, False),
    ("you be safe also", False, True, False),  # ESConv valid: "That's good to hear; ..."
    ("God bless you!!", False, True, False),  # ESConv train: "How wonderful! ..."
    ("Just wanting advise on how to handle this?", False, False, True),  # ESConv train:
    # "I'm afraid I can't answer that from here."
    ("Can you advise me?", False, False, True),
    ("She was seeking advice from her mom.", False, False, False),
    ("Hi, I lost my job today.", False, False, False),
    ("hey thanks that really helps", False, False, False),  # thanks, not a greeting
    ("Bye for now.", False, True, False),
    ("Okay, thanks so much for listening tonight, bye!", False, True, False),
    ("Thanks, take care!", False, True, False),
    ("I have to go now.", False, True, False),
    ("I have to go to the hospital tomorrow.", False, False, False),
    ("I take care of my mother every evening.", False, False, False),
    ("Saying goodbye to my dad at the airport was hard.", False, False, False),
    ("I didn't get to say goodbye.", False, False, False),
    ("It was a sad goodbye.", False, False, False),
    ("I take care.", False, False, False),
    ("I see you are busy.", False, False, False),
    ("What should I do?", False, False, True),
    ("Any advice for talking to my boss?", False, False, True),
    ("How can I cope with this?", False, False, True),
    ("I don't know what I did wrong.", False, False, False),
    ("how do i stop thinking about her", False, False, True),
    ("Is there anything I can do?", False, False, True),
    ("How do I look in this?", False, False, False),
    ("I stopped thinking about her.", False, False, False),
    ("Anything else?", False, False, True),
    ("What else could I try?", False, False, True),
    ("Anything else you want to know?", False, False, False),
    # ESConv valid openings that tell how the user is: the story is asked for, not the mood
    ("hi feeling little depressed", False, False, False), ("hello, not good", False, False, False),
    ("Do you have any good ideas to cope with stress?", False, False, True),
    ("Yes. I need some suggestion for my situation of seeking a job.", False, False, True),
    ("What do you do to unwind after a stressful day", False, False, True),
    ("What do you do for a living?", False, False, False),
    ("Can you suggest some remedies of how to get out of depression..", False, False, True),
    ("Do you recommend joining something like an anime club then?", False, False, True),
    ("Will do! I hope we can chat again some day!", False, True, False),
    # ESConv train: "Who have you been able to talk to about this?", "That's good to hear;
    # enjoy it."
    ("That would be great, I'd appreciate some tips.", False, False, True),
    # ESConv train: a line on routines, "That's wonderful!", "You're welcome. I'm here ..."
    ("I wonder how I can get through to him to really let him know I'm serious. Ideas?", False,
     False, True),
    ("Now I just have to work on the wording. Suggestions welcome! :)", False, False, True),
    ("I'm going to go ahead and wrap up the conversation. I'll be okay.", False, True, False),
    ("My ideas are never welcome at work.", False, False, False),
    # ESConv train, misspelt: "How are you holding up with everything?"
    ("yes.sure i am ready to get suggetions from you", False, False, True),
    # ESConv train: "Hi, I'm glad you're here. How are you feeling today?"
    ("Hi. It has been better.", False, False, False),
    # ESConv train: "That's wonderful! I'm glad to hear it"
    ("Have a wonderful day goodbye", False, True, False),
    ("Have a great day and I might be back soon to give an update.", False, True, False),
    # ESConv valid: a closing wish after thanks ("Please take care and stay safe!") was answered
    # as thanks alone
    ("I thank you for your suggestions. Have a great evening. Please take care and stay safe!",
     False, True, False),
    ("thanks for your advice. y'all stay safe", False, True, False),
    ("I go out as little as possible and stay safe.", False, False, False),
    ("I hope to talk to my mom again soon.", False, False, False),
    ("really can you list some other resourcs", False, False, True),
    ("thanks anything else", False, False, True),
    ("if you were in my shoes, what would you do if you broke up with a serious gf", False, False,
     True),
    ("now I can handle it my kid woke up . I should go now.", False, True, False),
    ("I should go now and tell her.", False, False, False),
    ("can you tell me how to reach out to the government", False, False, True),
    ("also is there any peer support groups that you can suggest me", False, False, True),
    ("Enjoy the rest of your day.", False, True, False),
    ("How am I going to catch up on my work?", False, False, True),
    ("How am I going to tell you this?", False, False, False),
    ("Likewise! Take care! :)", False, True, False),
    ("Do you have any recommendations for meditating?", False, False, True),
    ("Do you have any craft ideas?", False, False, True),
    ("do you have any idea for getting new job?", False, False, True),  # ESConv valid
    # ESConv train, typos kept: had got "Oh, what made you think of that?"
    ("hey no problem please advice to get concentration", False, False, True),
    ("ive been smoking a lot more because of this incident, what else can I do to cope? and "
     "vaping", False, False, True),  # ESConv valid
    ("Now that we had enough discussion and had my worries clarified, Can I take a leave. "
     "Thank you for your help.", False, True, False),
    ("Can I take a leave of absence from work?", False, False, False),
    ("Thanks, it was. I guess we can wrap up since it's over 15 mins", False, True, False),
    ("We can wrap presents tonight.", False, False, False),
    ("Do you have nay other tips that i may use?", False, False, True),  # ESConv valid, typo
    # ESConv valid: had been asked "How is your day going otherwise?"
    ("I'm seeking some support. Specifically looking for advice concerning my depression",
     False, False, True),
    ("Mainly looking for tips on sleep.", False, False, True),
    ("My friend is looking for advice on cars", False, False, False),
    ("no. are not telling me how i can get my depression away", False, False, True),  # ESConv
    # ESConv valid: a restatement, then "you sound betrayed about your situation"
    ("I have been depressed for sometime now, after the wife i married was taken away from "
     "me.Kindly assist me on how i can move on", False, False, True),
    ("Kindly advise me on better ways for managing depression.", False, False, True),
    # ESConv valid: had got a line about stress
    ("Anything I should do when I suddenly get the urge to drink?", False, False, True),
    ("I did anything I could do to help.", False, False, False),
    # ESConv valid, the agent's offer of ideas taken: had got "It's okay to feel this way"
    ("I'd love to hear them. There is one problem in general i'm having", False, False, True),
    ("My friends said they'd love to hear it.", False, False, False),
    ("Do you have any other thought which I can try?", False, False, True),  # ESConv valid
    ("how can i go about it if i don't get what i am being thought", False, False, True),
    ("I don't even know where to star from now I am confused", False, False, True),  # ESConv
    # ESConv train: "That's wonderful! Maybe keep a note of what helped today" and a line
    # about stress
    ("Wow, that is awesome. You mean deep breaths do help? How often do i need the breaths?",
     False, False, True),
    ("Apart from deep breaths, what other ways can i use to manage my anxiety?", False, False,
     True),
    ("How long do I have to wait at the DMV?", False, False, False),
    # ESConv train, after thanks: had been told goodbye
    ("yeah thank you for the help..is there any other strategies i can follow", False, False,
     True),
    ("My lawyer will advise me on what to sign.", False, False, False),
    ("Take care too and please keep safe.", False, True, False),  # ESConv valid
    ("I take care of my mom and keep safe", False, False, False),
    ("You're not telling me what to do.", False, False, True),
    ("They are not telling me how to apply.", False, False, False),
    ("She was seeking advice from a lawyer.", False, False, False),
    # ESConv train: had got "It's clear you're trying" and "You clearly care about your fiance"
    ("Dealing with these bullies are pretty tough, Is there a safe way I can handle them?",
     False, False, True),
    ("One more piece of advice before we part ways. I would want to know how I can stand up "
     "to these bullies.", False, False, True),
    ("Is there a way to the station?", False, False, False),
    ("Is there a way to get to the station?", False, False, False),
    ("My mom gave me a piece of advice once.", False, False, False),
    # ESConv train: had got "Go on, I'm listening."
    ("What suggestions do you have for unruly kids who argue when we work at home?", False,
     False, True),
    ("I wonder what ideas you have about it.", False, False, False),
    # ESConv train: had got "That's wonderful! Maybe keep a note of what helped today"
    ("hmmm great!!! i like you a lot so how do i avoid falling for the wrong one", False, False,
     True),
    ("That sounds interesting. How do I make money", False, False, True),  # ESConv train
    ("how should I move forward with life?", False, False, True),  # ESConv train
    # ESConv train: had got "I haven't lived what you're going through"
    ("Yes. I feel very sad. Give me some counselling", False, False, True),
    ("So they are angry with me. Do you give me any counselling?", False, False, True),
    ("Hopefully my school will give me some counselling.", False, False, False),
    # ESConv train: a step of the user's, not a request ("hopefully they will give me some advice")
    ("I will reach out to my parents tomorrow and hopefully they will give me some advice.",
     False, False, False),
    ("Have a lovely afternoon!", False, True, False),  # ESConv train got "How wonderful!"
    ("I had a lovely afternoon with my kids.", False, False, False),
    ("thank you i think im done for now", False, True, False),  # ESConv valid
    ("same here, now how do you get out of this....", False, False, True),  # ESConv valid
    # ESConv valid: had got "Goodbye for now. I'm glad you talked with me today."
    ("Before we end the conversation, I'd love hearing a few of those suggestions, if you "
     "don't mind.", False, False, True),
    ("my brain diverting so easily these days please help me to overcome this", False, False,
     True),
    ("She helped me get through it.", False, False, False),
    ("Hard to work out when your bummed Going to sign out now.", False, True, False),
    ("I am signing off, thanks", False, True, False),
    ("I will sign out the book tomorrow.", False, False, False),
    ("Do you have any idea how hard that is?", False, False, False),
    ("Maybe there is little I can do. What do you think a good first step would be?", False,
     False, True),
    ("Wow. that's nice of her. kindly give me options to explore considering my barriers", False,
     False, True),
    # ESConv train: "how to" opening a clause asks (had got a self-disclosure); knowing how
    # does not
    ("Hopefully, but how to deal with it in the mean time?", False, False, True),
    ("I know how to deal with it.", False, False, False),
    ("I learned how to cope with it", False, False, False),
    # ESConv train: "enjoy your evening same to you" had got a money step
    ("enjoy your evening same to you", False, True, False),
    # ESConv train: had got a reflection
    ("what would u do or how would u feel if u was in this situation?", False, False, True),
    ("I can't enjoy your day trips anymore", False, False, False),
    ("you too take care.", False, True, False),  # ESConv valid, unpunctuated
])
def test_acts_are_read_from_the_words(text: str, greeting: bool, farewell: bool,
                                      advice: bool) -> None:
    assert (is_greeting(text), is_farewell(text), asks_for_advice(text)) == (
        greeting, farewell, advice)


@pytest.mark.parametrize(("text", "expected"), [
    ("Thanks for listening.", True),
    ("Thanks, I'll try that.", True),
    ("Thanks, but I still feel awful.", False),
    ("Thank you for asking, it has been a really rough week at work.", False),
    ("Thanks. What should I do next?", False),  # asks on (ESConv valid)
])
def test_short_thanks_are_told_from_news_that_starts_with_thanks(text: str,
                                                                 expected: bool) -> None:
    assert only_thanks(text) is expected


def _ctx(text: str, valence: float = 0.0, **kw: object) -> PolicyContext:
    history = [DialogueTurn("user", "My boss yells at me."), DialogueTurn("Sage", "Oh no."),
               DialogueTurn("user", text)]
    affect = AffectEstimate(VAD(valence, 0.0, 0.0), {"neutral": 1.0}, 0.8, "text", 0.0)
    return PolicyContext(history, affect, None, (Strategy.QUESTION,), **kw)  # type: ignore[arg-type]


def test_the_rule_policy_closes_on_a_farewell_even_for_a_persona_that_rarely_closes() -> None:
    policy = RuleStrategyPolicy()
    leaving = policy.choose(_ctx("Bye for now.", weights={Strategy.OTHERS: 0.5}))
    staying = policy.choose(_ctx("It happened again today.", weights={Strategy.OTHERS: 0.5}))
    assert leaving.strategy == Strategy.OTHERS and "leaving" in leaving.reason
    assert staying.strategy != Strategy.OTHERS


def test_the_rule_policy_closes_on_short_thanks() -> None:
    d = RuleStrategyPolicy().choose(_ctx("Thanks for listening."))
    assert d.strategy == Strategy.OTHERS and "thanks" in d.reason


def test_the_rule_policy_raises_suggestions_when_asked_what_to_do() -> None:
    policy = RuleStrategyPolicy()
    asking = policy.choose(_ctx("What should I do"))  # no question mark: the words decide
    telling = policy.choose(_ctx("It happened again today"))
    assert asking.probabilities[Strategy.SUGGESTION] > telling.probabilities[Strategy.SUGGESTION]


@pytest.mark.parametrize(("text", "expected"), [
    ("Is it normal to still feel this bad?", True),
    ("Will it ever get better?", True),
    ("Does everyone feel like this after a breakup?", True),
    ("How long does it usually last?", True),
    ("Am I overreacting?", True),
    ("Is it okay to still miss him?", True),
    ("Is it okay if I call you later?", False),
    ("It will stop raining soon.", False),
    ("How long does it take to get to Paris?", False),
    ("Everyone feels the same about the new boss.", False),
])
def test_a_question_whether_it_is_normal_is_told_from_look_alikes(text: str,
                                                                  expected: bool) -> None:
    assert asks_if_normal(text) is expected


def test_the_rule_policy_answers_whether_it_is_normal_with_information() -> None:
    asking = RuleStrategyPolicy().choose(_ctx("Is it normal to still feel this bad?", -0.5))
    telling = RuleStrategyPolicy().choose(_ctx("I still feel this bad.", -0.5))
    assert asking.strategy == Strategy.INFORMATION and "normal" in asking.reason
    assert telling.strategy != Strategy.INFORMATION


@pytest.mark.parametrize(("text", "word"), [
    ("Am I just stupid?", "stupid"),
    ("I'm such an idiot.", "an idiot"),
    ("I'm a complete failure", "a failure"),
    ("am i really that worthless", "worthless"),
    ("I'm useless at cooking, ha", None),
    ("That was a stupid movie.", None),
    ("My boss called me an idiot.", None),  # a hurt done to them (troubles), not their word
    ("Am I wrong to be upset?", None),  # a real question, answered with care
])
def test_running_oneself_down_is_told_from_look_alikes(text: str, word: str | None) -> None:
    assert self_insult(text) == word


def test_running_oneself_down_is_reassured_first_unless_it_reads_light() -> None:
    hurt = RuleStrategyPolicy().choose(_ctx("Am I just stupid?", -0.5))
    light = RuleStrategyPolicy().choose(_ctx("I'm such an idiot lol", 0.4))
    assert hurt.strategy == Strategy.AFFIRMATION and "down" in hurt.reason
    assert "down" not in light.reason
    sad = AffectEstimate(VAD(-0.5, 0.2, -0.3), {"sadness": 1.0}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", "I failed my driving test again."),
               DialogueTurn("Sage", "That sounds hard."),
               DialogueTurn("user", "Am I just stupid?")]
    reply = Responder().respond(ResponseRequest(
        user_text="Am I just stupid?", history=history, strategy=Strategy.AFFIRMATION,
        user_affect=sad, persona_name="Sage"))  # fmt: skip
    assert reply.startswith("No, you're not stupid. ")
    told = Responder().respond(ResponseRequest(
        user_text="I'm such a failure.", history=history[:2] + [
            DialogueTurn("user", "I'm such a failure.")], strategy=Strategy.AFFIRMATION,
        user_affect=sad, persona_name="Sage"))  # fmt: skip
    assert told.startswith("You're not a failure. ")


def test_a_request_for_advice_after_a_told_trouble_gets_a_suggestion() -> None:
    affect = AffectEstimate(VAD(-0.4, 0.2, 0.0), {"sadness": 0.7, "neutral": 0.3}, 0.7, "text",
                            0.0)
    policy = RuleStrategyPolicy()

    def decide(first: str) -> object:
        history = [DialogueTurn("user", first), DialogueTurn("Sage", "Oh."),
                   DialogueTurn("user", "What should I do?")]
        return policy.choose(PolicyContext(history, affect, None, (Strategy.QUESTION,)))

    told = decide("I can't sleep at night.")  # a trouble with known steps (agent.advice)
    lost = decide("I lost my job.")  # a trouble told (agent.troubles)
    vague = decide("Hmm.")
    assert told.strategy == lost.strategy == Strategy.SUGGESTION
    assert "trouble told" in told.reason and "trouble told" in lost.reason
    assert "trouble told" not in vague.reason and "what to do" in vague.reason


@pytest.mark.parametrize("strategy", [Strategy.RESTATEMENT, Strategy.SUGGESTION])
def test_a_step_tried_already_is_not_restated_as_news(strategy: Strategy) -> None:
    assert tried_already("I already tried that, it doesn't work.")
    assert not tried_already("I tried yoga last year and loved it.")
    sad = AffectEstimate(VAD(-0.4, 0.2, -0.2), {"sadness": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", "I can't sleep at night."),
               DialogueTurn("Sage", "Could you keep the same wake-up time every day this week, "
                                    "even after a bad night?"),  # agent.advice's sleep step
               DialogueTurn("user", "I already tried that, it doesn't work.")]
    reply = Responder().respond(ResponseRequest(
        user_text=history[-1].text, history=history, strategy=strategy, user_affect=sad,
        persona_name="Sage"))  # fmt: skip
    assert "you already tried that, it doesn't work" not in reply
    if strategy is Strategy.RESTATEMENT:
        assert reply.startswith("So you've tried that already")
    else:
        assert reply.startswith("Then maybe something different. ")
        assert "wake-up time" not in reply  # not the step just tried


@pytest.mark.parametrize(("text", "farewell", "thanks"), [
    ("God bless you have a good day", True, False),
    ("You too!", True, False),
    ("Thanks for the chat. have a Merry Christmas", True, False),
    ("Can you please close the conversation", True, False),
    ("Thank you for all your help today!!!", False, True),
    ("Yes, thanks for your help and advice", False, True),
    ("Thank you for spending the time to chat with me", False, True),
    ("I hope to have a good day at the beach tomorrow.", False, False),
    ("I miss you too much.", False, False),
    ("Thank you for your time, my dad is still in hospital though", False, False),
    # two closing turns sent as one message
    ("Thank you for all your help today!!! You've been really inspiring", False, True),
    ("Oh my gosh you are an amazing person Thank you", False, True),
    ("thank you i am also feeling so relieved while talking with you", False, True),
    ("Thanks for your advice and honesty. I feel better now.", False, True),
    # thanks beside a trouble: the trouble is answered
    ("Thanks, my dad is in hospital.", False, False),
    # ESConv valid, answered as thanks or as news before
    ("Thanks, I wish you luck in your future endeavours Bye then ; )", True, False),
    ("You too as well Carolyn!", True, False),
    ("not at the moment. thanks for your input! nity nite", True, False),
    ("I didn't get to say bye", False, False), ("You too much", False, False),
    ("Thanks. You've been kind, but I got fired today.", False, False),
    # thanks for the talk after a short conclusion (ESConv train: "Could you take a short walk
    # or call someone you trust this evening?")
    ("I think that will be best for him Thanks for listening", False, True),
    ("My dad died last week and nobody cares. Thanks for listening", False, False),
    # asking to stop ("i don't have anything else , please finish", ESConv valid, had got
    # "Feeling unsettled after a setback is common ...")
    ("i don't have anything else , please finish", True, False),
    ("I have nothing else to say.", True, False), ("That's all for now", True, False),
    ("I lost my job and I don't have anything else", False, False),
    ("We had to finish the project", False, False), ("That's all I can do.", False, False),
    # ESConv train, a drawn-out bye: "Oh, that's lovely! You sound really glad"
    ("Hope so. Byee take care", True, False), ("It was a bye week.", False, False),
])
def test_the_long_goodbyes_of_esconv_are_read_as_closing(text: str, farewell: bool,
                                                         thanks: bool) -> None:
    assert (is_farewell(text), only_thanks(text)) == (farewell, thanks)


def test_a_long_goodbye_is_closed_every_time_and_praise_is_thanked() -> None:
    """ESConv's seekers thank and wish well four or five times in a row: each gets a closing
    line, never a support template ("That's good to hear; enjoy it.")."""
    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    closings = {r for act in CLOSING_ACTS for r in ACT_REPLIES[act]}
    history: list[DialogueTurn] = []
    turns = ["Thank you so much!", "Thanks for listening.", "You've been really inspiring",
             "Thanks again!", "Thank you.", "Thanks, really.", "You too!", "Thank you!!"]
    for text in turns:
        history.append(DialogueTurn("user", text))
        reply = Responder().respond(ResponseRequest(
            user_text=text, history=list(history), strategy=Strategy.OTHERS, user_affect=glad,
            persona_name="Sage"))  # fmt: skip
        history.append(DialogueTurn("Sage", reply))
        assert reply in closings, (text, reply)
        if praises_agent(text):
            assert reply in ACT_REPLIES["praise"]


def test_thanks_for_the_time_as_the_talk_opens_is_met_as_a_greeting() -> None:
    # ESConv train: "Anytime. I'm glad it helped a little." before anything had helped
    calm = AffectEstimate(VAD(0.3, 0.1, 0.1), {"joy": 0.5, "neutral": 0.5}, 0.6, "text", 0.0)
    text = "Good evening, thanks for taking the time to talk with me."
    for strategy in (Strategy.OTHERS, Strategy.QUESTION):
        reply = Responder().respond(ResponseRequest(
            user_text=text, history=[DialogueTurn("user", text)], strategy=strategy,
            user_affect=calm, persona_name="Sage"))  # fmt: skip
        assert reply in ACT_REPLIES["greeting"], reply
    # later in the talk it is thanks
    later = [DialogueTurn("user", "I lost my job."), DialogueTurn("Sage", "I hear you."),
             DialogueTurn("user", text)]
    reply = Responder().respond(ResponseRequest(
        user_text=text, history=later, strategy=Strategy.OTHERS, user_affect=calm,
        persona_name="Sage"))  # fmt: skip
    assert reply not in ACT_REPLIES["greeting"], reply


def test_praise_of_a_suggestion_takes_it_up_rather_than_thanking_the_praise() -> None:
    # ESConv train: "OK, that sounds like a good idea." had got "Thank you, that's kind of you
    # to say."
    calm = AffectEstimate(VAD(0.3, 0.1, 0.1), {"joy": 0.5, "neutral": 0.5}, 0.6, "text", 0.0)
    history = [DialogueTurn("user", "I feel anxious."),
               DialogueTurn("Sage", "Could you call a friend tonight?")]
    for text, act in (("OK, that sounds like a good idea.", "taken_up"),
                      ("great advice", "taken_up"), ("You're so kind to me!", "praise")):
        reply = Responder().respond(ResponseRequest(
            user_text=text, history=[*history, DialogueTurn("user", text)],
            strategy=Strategy.OTHERS, user_affect=calm, persona_name="Sage"))  # fmt: skip
        assert reply in ACT_REPLIES[act], (text, reply)


def test_a_wish_for_the_season_greets_at_the_start_and_says_goodbye_later() -> None:
    # ESConv valid: "Merry Christmas" after "Good morning" got "What are you most looking
    # forward to?"; ESConv train closes 33 talks with such wishes
    calm = AffectEstimate(VAD(0.4, 0.1, 0.1), {"joy": 0.6, "neutral": 0.4}, 0.6, "text", 0.0)

    def answer(*texts: str) -> str:
        history: list[DialogueTurn] = []
        for text in texts:  # each of the user's messages, the agent's "I see." between them
            history += [DialogueTurn("Sage", "I see.")] if history else []
            history.append(DialogueTurn("user", text))
        return Responder().respond(ResponseRequest(texts[-1], history, Strategy.QUESTION, calm,
                                                   None, "Sage"))

    assert answer("Good morning", "Merry Christmas") in ACT_REPLIES["season"]
    assert answer("My dog died.", "Merry Christmas!") in ACT_REPLIES["farewell"]
    assert answer("My dog died.", "Thanks. I feel a lot better now. Merry Christmas!") in (
        ACT_REPLIES["farewell"])
    # a wish that is the trouble is neither
    told = answer("Christmas is hard since my mom died.")
    assert told not in ACT_REPLIES["season"] and told not in ACT_REPLIES["farewell"], told
    choice = RuleStrategyPolicy().choose(PolicyContext(
        history=[DialogueTurn("user", "My dog died."), DialogueTurn("Sage", "I see."),
                 DialogueTurn("user", "Merry Christmas!")], user_affect=calm))  # fmt: skip
    assert "leaving" in choice.reason, choice


def test_a_distressing_word_is_no_gladness() -> None:
    # ESConv train: "Me too! To be honest it is my daughter so that is even more alarming!" was
    # read as joy and got "That's wonderful! I'm glad to hear it"
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES

    text = "Me too! To be honest it is my daughter so that is even more alarming!"
    warm = AffectEstimate(VAD(0.5, 0.4, 0.1), {"joy": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    history = [DialogueTurn("user", "My friend was using heroin."), DialogueTurn("Sage", "Oh."),
               DialogueTurn("user", text)]
    for strategy in (Strategy.AFFIRMATION, Strategy.QUESTION):
        said = Responder().respond(ResponseRequest(text, history, strategy, warm, None, "Sage",
                                                   "plain"))
        assert not said.startswith(tuple(o.strip() for o in NEWS_OPENERS)), said
        assert not any(said.endswith(t) for t in POSITIVE_TEMPLATES[strategy]), said


@pytest.mark.parametrize("text", [
    # ESConv train, read as joy: "That's wonderful! Maybe keep a note of what helped today"
    "I used to get a lot of pleasure from reading and would always have a book on the go. Now "
    "reading feels like a chore, as if I am making myself do it.",
    # ESConv train: "How wonderful! That sounds like a good place to be."
    "yes, i try to walk outside everyday too; weather permitting. and that does help. it's "
    "mostly the evenings, when I'm really bored, and everyone else seems so busy",
    # ESConv train: praise, then a want: "That's wonderful!"
    "I felt that you were very helpful. It is nice to just know that someone is listening. I do "
    "not think that there is much in the way of local resources - everyone is very stretched.",
    # ESConv train: "Oh, that's lovely!", "That's wonderful!", "That sounds like a good place
    # to be."
    "That sounds nice. My friend just likes being in shape ig, so it works out. We both have "
    "kinda hectic, unsupportive families.",
    "It would have been nice to have been considered. At least been in the conversation.",
    "I think I need to cope with self isolation better. Being a mom is self isolating by itself "
    "without the pandemic.",
    # ESConv train: "That's wonderful! I'm glad to hear it", "Oh, that's lovely! How did it come
    # about?"
    "or maybe learn a new skill i really like my current job tho i like the people who i work "
    "for and work with",
    "Yes, in my adolescense I suffered from bullying. I consider great impact in my life",
    # ESConv train: "That's wonderful! How did it come about?", "That sounds like a good place to
    # be."
    "Hi! I am trying to find a new job for long time. There is no success in it",
    "Thank you. I really would like to get my motivation back",
    # ESConv train: "You're welcome. You sound really glad", "What are you most looking
    # forward to?"
    "YEA ITS TRUE . thanks for the suggestion dear . but thinking anybody tease me about my body "
    "so i was in home and dnt go out",
    "It is!",
    # ESConv train, about to be evicted: "Oh, that's lovely! I can hear how glad this makes you."
    "We definitely should all pull together. I am also hoping to find some grassrooots charities "
    "for people like me without families",
    # ESConv train, left at the wedding: "That's wonderful!", "Oh, that's lovely! You sound
    # really glad"
    "easier said but i guess so. i just want this year to end now.",
    "i know, what a year. i just thought this will make this year atleast better after "
    "everything",
    # ESConv train: "That's wonderful! That sounds like a good place to be."
    "ok.its very good advice .i will follow these steps surely",
    # ESConv train: "Oh, that's lovely! Noticing what helps ...", "Oh, that's lovely! I can hear
    # how glad this makes you."
    "Wow that's amazing. I want to start my own business but I have no money to start with.",
    "I made the mistake of prioritizing the ones that take less time. I forgot to start the "
    "other projects, so now these couple of projects wont be done by the deadline.",
    # ESConv train: "How wonderful! That sounds like a good place to be."
    "Ok I am glad to talk with you.",
])
def test_a_joy_gone_boredom_or_praise_before_a_want_is_no_gladness(text: str) -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES

    warm = AffectEstimate(VAD(0.33, 0.12, 0.14), {"joy": 0.54, "neutral": 0.37}, 0.54, "text", 0.0)
    history = [DialogueTurn("user", "I have been feeling down all year."),
               DialogueTurn("Sage", "That sounds hard."), DialogueTurn("user", text)]
    for strategy in (Strategy.AFFIRMATION, Strategy.SUGGESTION, Strategy.QUESTION):
        said = Responder().respond(ResponseRequest(text, history, strategy, warm, None, "Sage",
                                                   "plain"))
        assert not said.startswith(tuple(o.strip() for o in NEWS_OPENERS)), said
        assert not any(said.endswith(t) for t in POSITIVE_TEMPLATES[strategy]), said


def test_the_cues_behind_two_of_those_readings() -> None:
    # two of the cases above already passed on the code before them (the responder found
    # another reason not to be glad); the cues themselves are checked here
    from agent.responder_cues import NO_NEWS
    from agent.troubles import tells_trouble

    assert NO_NEWS.search("Thank you. I really would like to get my motivation back")
    assert not NO_NEWS.search("Thank you. I got the job!")
    assert tells_trouble("thanks for the suggestion dear . but thinking anybody tease me about "
                         "my body so i was in home")
    assert not tells_trouble("My friends like to tease each other.")


def test_a_request_for_encouragement_is_answered_with_it() -> None:
    # ESConv valid: "What I'm hearing is that you would love some words of encouragement."
    text = "I would love some words of encouragement"
    history = [DialogueTurn("user", "I always fear being furloughed again."),
               DialogueTurn("Sage", "That sounds hard."), DialogueTurn("user", text)]
    warm = AffectEstimate(VAD(0.4, 0.2, 0.1), {"joy": 0.6, "neutral": 0.4}, 0.6, "text", 0.0)
    choice = RuleStrategyPolicy().choose(PolicyContext(history=history, user_affect=warm))
    assert choice.strategy is Strategy.AFFIRMATION and "encouraged" in choice.reason, choice


def test_a_suggestion_taken_up_is_not_read_back() -> None:
    # ESConv valid: "If I follow you, that gives you some stuff to try, that's great."
    text = "that gives me some stuff to try, that's great"
    history = [DialogueTurn("user", "I miss my husband."), DialogueTurn("Sage", "I see."),
               DialogueTurn("user", text)]
    calm = AffectEstimate(VAD(0.3, 0.0, 0.1), {"joy": 0.5, "neutral": 0.5}, 0.6, "text", 0.0)
    said = Responder().respond(ResponseRequest(text, history, Strategy.RESTATEMENT, calm, None,
                                               "Sage"))
    assert "gives you some stuff" not in said, said


def test_credit_for_the_help_is_given_back() -> None:
    # ESConv valid: "you got me to stop crying...it helps having you listen" got "Could you
    # plan one small thing this week that is just for you?"
    calm = AffectEstimate(VAD(0.3, 0.0, 0.1), {"joy": 0.5, "neutral": 0.5}, 0.6, "text", 0.0)
    for text in ("you got me to stop crying...it helps having you listen", "You helped me a lot"):
        history = [DialogueTurn("user", "I miss my husband."), DialogueTurn("Sage", "I see."),
                   DialogueTurn("user", text)]
        for strategy in (Strategy.SUGGESTION, Strategy.OTHERS):
            reply = Responder().respond(ResponseRequest(text, history, strategy, calm, None,
                                                        "Sage"))
            assert reply in ACT_REPLIES["helped"], reply


def test_thanks_mid_talk_are_not_answered_as_the_end_of_it() -> None:
    # ESConv valid: "hey thanks that really helps" got "It was good to talk with you.", and the
    # user went on
    assert [r for r in ACT_REPLIES["thanks"]
            if re.search(r"\b(?:was|has been)\b[^.]*\btalk", r, re.I)] == []


def test_the_rule_policy_asks_nothing_for_two_turns_after_too_many_questions() -> None:
    policy = RuleStrategyPolicy()
    opening = [DialogueTurn("user", "I'm stressed about money."), DialogueTurn("Sage", "How so?")]
    tired = [DialogueTurn("user", "You keep asking questions."),
             DialogueTurn("Sage", "You're right. What would be more useful to you?")]
    later = ["Rent is due friday.", "I'm 300 short.", "My landlord is not patient."]
    affect = AffectEstimate(VAD(-0.3, 0.2, 0.0), {"sadness": 0.6, "neutral": 0.4}, 0.7, "text",
                            0.0)
    chosen, history = [], opening + tired
    for text in later:
        history = [*history, DialogueTurn("user", text)]
        decision = policy.choose(PolicyContext(history, affect, None, (Strategy.QUESTION,)))
        chosen.append(decision)
        history = [*history, DialogueTurn("Sage", "I see.")]
    assert [d.strategy == Strategy.QUESTION for d in chosen[:2]] == [False, False]
    assert all("enough questions" in d.reason for d in chosen[:2])
    assert "enough questions" not in chosen[2].reason  # two turns on, questions may come back
    plain = policy.choose(PolicyContext([*opening, DialogueTurn("user", later[0])], affect, None,
                                        (Strategy.QUESTION,)))
    assert plain.probabilities[Strategy.QUESTION] > chosen[0].probabilities[Strategy.QUESTION]


@pytest.mark.parametrize(("text", "act"), [("Hi there!", "greeting"), ("Bye for now.", "farewell"),
                                         ("Thanks for listening.", "thanks"),
                                         ("Your welcome!", "welcomed"),
                                         ("No problem :)", "welcomed")])
def test_the_offline_responder_answers_the_act_whatever_the_strategy(text: str, act: str) -> None:
    affect = AffectEstimate(VAD(0.0, 0.0, 0.0), {"neutral": 1.0}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", text)]
    for strategy in (Strategy.QUESTION, Strategy.REFLECTION, Strategy.SUGGESTION):
        reply = Responder().respond(
            ResponseRequest(text, history, strategy, affect, None, "Sage", "warm"))
        assert reply in ACT_REPLIES[act]


def test_you_are_welcome_read_as_joy_is_no_news() -> None:
    # ESConv valid: "Your welcome!" after the agent's thanks got "That's good to hear; enjoy it."
    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", "Thanks for helping me, I might pass the exam after all."),
               DialogueTurn("Sage", "Of course. Thank you for trusting me with it."),
               DialogueTurn("user", "You're welcome.")]
    for strategy in Strategy:
        reply = Responder().respond(
            ResponseRequest("You're welcome.", history, strategy, glad, None, "Sage", "warm"))
        assert reply in ACT_REPLIES["welcomed"], (strategy, reply)
    # welcome to something is no answer to thanks
    assert not answers_thanks("You're welcome to stay with us.")


def test_good_news_is_not_met_with_distress_templates() -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES, TEMPLATES

    joy = AffectEstimate(VAD(0.8, 0.5, 0.3), {"joy": 1.0}, 0.9, "text", 0.0)
    text = "I got the job!!"
    for strategy in Strategy:
        reply = Responder().respond(
            ResponseRequest(text, [DialogueTurn("user", text)], strategy, joy, None, "Sage",
                            "plain"))
        assert "holding up" not in reply and "hardest part" not in reply
        distress_only = set(TEMPLATES[strategy]) - set(POSITIVE_TEMPLATES[strategy])
        assert not any(reply.endswith(t) for t in distress_only)


def test_a_joyful_label_without_positive_valence_keeps_the_usual_templates() -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES

    wry = AffectEstimate(VAD(-0.2, 0.3, 0.0), {"joy": 1.0}, 0.6, "text", 0.0)
    text = "Haha, great, my car got towed again."
    reply = Responder().respond(
        ResponseRequest(text, [DialogueTurn("user", text)], Strategy.QUESTION, wry, None, "Sage",
                        "plain"))
    assert not any(reply.endswith(t) for t in POSITIVE_TEMPLATES[Strategy.QUESTION])


@pytest.mark.parametrize(("agent_feels", "intensity", "glad"), [
    ("happy_for", 0.6, True), ("pity", 0.6, False), ("hope", 0.6, False),
    ("happy_for", 0.1, False),  # a flat "ok" after worry reads as a small relief, not news
])
def test_a_plain_follow_up_keeps_the_tone_the_agent_still_feels(agent_feels: str,
                                                                intensity: float,
                                                                glad: bool) -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES
    from agent.types import AgentEmotion

    plain = AffectEstimate(VAD(0.1, 0.0, 0.0), {"neutral": 1.0}, 0.7, "text", 0.0)
    agent = AgentEmotion(VAD(0.5, 0.3, 0.2), agent_feels, 0.6, VAD(0.3, 0.1, 0.1), "exuberant",
                         {agent_feels: intensity})
    text = "I start on Monday."
    history = [DialogueTurn("user", "I got the job!!"), DialogueTurn("Sage", "Wonderful!"),
               DialogueTurn("user", text)]
    reply = Responder().respond(
        ResponseRequest(text, history, Strategy.QUESTION, plain, agent, "Sage", "plain"))
    assert any(reply.endswith(t) for t in POSITIVE_TEMPLATES[Strategy.QUESTION]) is glad


@pytest.mark.parametrize("strategy", [Strategy.AFFIRMATION, Strategy.SUGGESTION])
def test_a_step_the_user_names_is_built_on_not_replaced(strategy: Strategy) -> None:
    text = "Maybe I could talk to HR."
    worried = AffectEstimate(VAD(-0.1, 0.1, 0.0), {"neutral": 1.0}, 0.6, "text", 0.0)
    reply = Responder().respond(
        ResponseRequest(text, [DialogueTurn("user", text)], strategy, worried, None, "Sage",
                        "plain"))
    assert "talk to HR" in reply, reply
    long = "I think I will talk to the people at the office early tomorrow about the schedule."
    reply = Responder().respond(
        ResponseRequest(long, [DialogueTurn("user", long)], strategy, worried, None, "Sage",
                        "plain"))
    assert "{" not in reply and "schedule" not in reply, reply  # too long to quote


def test_a_named_step_makes_a_question_less_likely() -> None:
    from agent.strategy import PLAN_QUESTION, answer_acts

    raw = {s: 0.0 for s in Strategy}
    reason = answer_acts(raw, "I guess I'll try to call my sister tonight.", "r")
    assert raw[Strategy.QUESTION] == PLAN_QUESTION < 0 and "names a step" in reason
    fear = {s: 0.0 for s in Strategy}
    answer_acts(fear, "I'm going to lose my job, I just know it.", "r")
    assert fear[Strategy.QUESTION] == 0.0
    for harmful in ("I'll just give up.", "I'm going to take all my pills.", "I'll get fired."):
        assert stated_plan(harmful) is None, harmful  # never affirmed as a step


def test_a_bare_try_is_no_step_to_build_on() -> None:
    assert stated_plan("yeah i will try") is None and stated_plan("I'll try.") is None
    assert suggestion_after("My close friend died and I can't sleep.", "yeah i will try"
                            ).find("time to try?") == -1


@pytest.mark.parametrize(("text", "step"), [
    ("maybe I could put my phone in another room", "put my phone in another room"),
    ("I guess I should stop looking at her profile", "stop looking at her profile"),
    ("I'll delete his number.", "delete his number"), ("I will keep a journal", "keep a journal"),
    ("Maybe I should get some sleep.", "get some sleep"), ("I should get help.", "get help"),
    # the same verbs open harmful steps, which are never affirmed
    ("I should stop eating.", None), ("I'll stop taking my meds.", None),
    ("I'll delete myself.", None), ("I will get some pills.", None),
    ("I'll put the phone away and end it.", None),
    # a wish is no step (ESConv valid got "You sound a little steadier now that you have a next
    # step.")
    ("I wish I could find a job, I have been applying everywhere.", None),
    ("If I could sleep I would feel better.", None),
    ("i will look into this. can you recommend a counceller", None),  # "this" names nothing
    ("I really hope to visit my aunt, I'll look forward to that.", None),  # a hope, no step
    ("I'll take a few days off work", "take a few days off work"),
    ("Maybe I'll take a trip to see my cousins.", "take a trip to see my cousins"),
    ("I will take all my pills", None), ("I'll take the train to the bridge.", None),
    ("I see, I should set more alarms for myself.", "set more alarms for myself"),
    ("I'll give him another chance.", "give him another chance"), ("I'll give up.", None),
    ("I think that I will totally look into joining a book club.", "look into joining a book club"),
    ("I think that I can see the light now.", None), ("I will see my doctor", "see my doctor"),
    # going to do it, typed in haste (ESConv valid: "I am going to go an make an appointment
    # immediately." got "It's okay to feel this way")
    ("I am going to go an make an appointment immediately.", "make an appointment immediately"),
    ("I will go talk to my mom.", "talk to my mom"),
    # running away is no step to affirm, gone to or not
    ("I am going to run away from home.", None), ("I'll go run away.", None),
    # a hope is no step (ESConv train: "Good idea. Starting small with it can make it easier.")
    ("I hope I really do find some online work so I could start making money soon", None),
    # a named practice is a step; "do" alone opens harmful ones (ESConv valid: "so i will do
    # yoga, funny programs, and new activities" got "Stress tends to narrow what we can see")
    ("so i will do yoga, funny programs, and new activities.....i have made a note", "do yoga"),
    ("I will do some stretches tonight", "do some stretches tonight"),
    ("I will do something stupid", None), ("I'll do it.", None),
    # the agent's own suggestion taken up names no step of the user's (ESConv valid: "Could you
    # pick a time to look into that for sure?" three turns running)
    ("Not a bad idea. I will look into that for sure.", None),
    ("I will look into online jobs for sure", "look into online jobs"),
    # a talk the user needs to have is a step; a need is not (ESConv valid: the step named
    # before, "try to not be available", was pushed over it)
    ("My end goal is to be respected. Perhaps I really need to have a conversation and see how "
     "that goes first,", "have a conversation"),
    ("I need to find a job.", None), ("I need to tell you something.", None),
    # ESConv valid: "I'll give myself and hopefully her some time to calm down" got "Try giving
    # yourself a quiet hour tonight"
    ("Okay. I'll give myself some time to calm down.", "give myself some time to calm down"),
    # thanks after the step is no part of it (ESConv valid: "Could you pick a time to try it you
    # guess thanks for that tip?")
    ("ok I can try it I guess thanks for that tip", None),
    ("I will call my mom I guess thanks", "call my mom"),
    ("I think I may try it with cats or fishes.", "try it with cats or fishes"),  # ESConv valid
    ("I may lose my job.", None),
    # ESConv valid: "Could you pick a time to plan to make a list?"
    ("I will plan to make a list and check off some small things.", "make a list"),
])
def test_a_step_away_from_a_distraction_is_a_step_and_harm_is_not(text: str,
                                                                  step: str | None) -> None:
    assert stated_plan(text) == step


@pytest.mark.parametrize(("text", "step"), [
    ("Maybe I should talk to HR?", "talk to HR"),
    # a trailing "though" is no part of it (ESConv valid: "then your idea to try to get her back
    # though sounds like a good one")
    ("I guess you're right, should I try to get her back though", "try to get her back"),
    ("Should I call my sister?", "call my sister"),
    ("Should I call my sister", "call my sister"),  # a question by its word order
    ("Do you think I should talk to my manager about it?", "talk to my manager about it"),
    ("Would it help to write it down?", "write it down"),
    ("So should I ask for a day off?", "ask for a day off"),
    ("I'll text her tonight, okay?", "text her tonight"),
    # a question of its own, no step (ESConv train: "a step like deciding to find some")
    ("I was hoping he could give me some resources. Do you know of any place I can find some?",
     None),
    ("Should I just give up?", None),
    ("Should I take all my pills?", None),
    ("Should I talk to him or just end it?", None),  # a harmful word anywhere in the step
    ("How should I know?", None),
    ("Who should I call?", None),  # asks whom, not whether
    ("What should I do?", None),  # a request for advice, answered as one
    ("Should I tell you more?", None),  # goes on talking to the agent, not a step of their own
    ("Maybe I should talk to HR.", None),  # said, not asked: stated_plan's
    ("exactly, do you think I should just stop saying yes to them.", "stop saying yes to them"),
    # a plan put to the agent after it (ESConv valid; answered with a general fact)
    ("I should try yoga. Maybe I should go back to it. What do you think?", "try yoga"),
    ("I'll call her tomorrow. What do you think?", "call her tomorrow"),
    ("I'll call her tomorrow. What do you think of my dress?", None),
    # ESConv valid: a step put as "do I need to", cut before "or something"
    ("Do I need to buy her a gift or something to start the conversation?", "buy her a gift"),
    ("Do I have to tell him?", "tell him"),
    ("Do I need to buy more pills?", None),  # "buy" only with a gift named
])
def test_a_step_weighed_as_a_question_is_read_with_its_words(text: str,
                                                             step: str | None) -> None:
    assert weighed_step(text) == step
    if "?" in text:
        assert stated_plan(text) is None  # asked, the step is weighed, not yet chosen


def weighed_reply(text: str, strategy: Strategy, valence: float = -0.3) -> str:
    affect = AffectEstimate(VAD(valence, 0.1, 0.0), {"neutral": 1.0}, 0.6, "text", 0.0)
    history = [DialogueTurn("user", "My boss yelled at me in front of everyone."),
               DialogueTurn("Sage", "That sounds humiliating."), DialogueTurn("user", text)]
    return Responder().respond(
        ResponseRequest(text, history, strategy, affect, None, "Sage", "plain"))


def from_weighed_templates(reply: str, strategy: Strategy) -> bool:
    return any(re.search(re.escape(t).replace(re.escape("{plan}"), ".+") + "$", reply, re.I)
               for t in WEIGHED_STEP_TEMPLATES[strategy])


@pytest.mark.parametrize("strategy", list(Strategy))
def test_a_weighed_step_is_answered_whatever_the_strategy(strategy: Strategy) -> None:
    reply = weighed_reply("Maybe I should talk to HR?", strategy)
    assert "talk to HR" in reply and from_weighed_templates(reply, strategy), reply
    mine = weighed_reply("Do you think I should call my mom?", strategy)
    assert "call your mom" in mine and "my mom" not in mine, mine


@pytest.mark.parametrize("strategy", list(Strategy))
def test_a_harmful_step_asked_about_is_never_endorsed(strategy: Strategy) -> None:
    for text in ("Should I just give up?", "Should I take all my pills?"):
        reply = weighed_reply(text, strategy, valence=-0.7)
        assert not from_weighed_templates(reply, strategy), reply
        assert "good step" not in reply and "sounds like a good" not in reply, reply


def test_a_weighed_step_read_as_joy_is_weighed_not_greeted_as_news() -> None:
    # "gift" reads warm, but the user asks whether to give one (ESConv valid got "That's
    # wonderful! Who have you told so far?")
    glad = AffectEstimate(VAD(0.5, 0.3, 0.1), {"joy": 0.8, "neutral": 0.2}, 0.7, "text", 0.0)
    text = "Do I need to buy her a gift or something to start the conversation?"
    history = [DialogueTurn("user", "My wife and I fight a lot lately."),
               DialogueTurn("Sage", "That sounds exhausting."), DialogueTurn("user", text)]
    for strategy in Strategy:
        reply = Responder().respond(
            ResponseRequest(text, history, strategy, glad, None, "Sage", "plain"))
        assert "buy her a gift" in reply, (strategy, reply)
        assert not reply.startswith(NEWS_OPENERS) and "news" not in reply, (strategy, reply)


def test_a_weighed_step_is_not_a_question_about_the_world() -> None:
    # With no trouble in the conversation a question the responder cannot answer gets "I don't
    # know"; a step the user weighs is theirs to talk through, not such a question.
    calm = AffectEstimate(VAD(0.2, 0.0, 0.0), {"neutral": 1.0}, 0.8, "text", 0.0)
    text = "Should I call my sister this weekend?"
    reply = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)],
                                                Strategy.QUESTION, calm, None, "Sage", "plain"))
    assert reply not in UNANSWERED and "call your sister this weekend" in reply, reply


@pytest.mark.parametrize("text", ["I don't want to talk about it", "I'd rather not talk about it.",
                                  "Can we talk about something else?", "Let's change the subject.",
                                  "Never mind.", "whatever. I'll deal with it"])
def test_a_user_who_declines_is_not_pressed_for_the_story(text: str) -> None:
    from agent.dialogue_acts import declines_to_talk
    from agent.responder_phrases import ASKS_FOR_STORY

    assert declines_to_talk(text)
    sad = AffectEstimate(VAD(-0.4, 0.1, -0.2), {"sadness": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    history = [DialogueTurn("user", "Something happened at home."),
               DialogueTurn("Sage", "What happened, if you want to tell me more?")]
    said = Responder().respond(ResponseRequest(text, [*history, DialogueTurn("user", text)],
                                               Strategy.QUESTION, sad, None, "Sage", "warm"))
    assert said in ACT_REPLIES["declined"]
    decision = RuleStrategyPolicy().choose(PolicyContext(history=[DialogueTurn("user", text)],
                                                         user_affect=sad))
    assert decision.strategy is Strategy.AFFIRMATION
    # and later turns do not ask for it again
    later = [*history, DialogueTurn("user", text), DialogueTurn("Sage", said)]
    for seed_text in ("ok", "fine whatever", "yeah", "I guess."):
        again = Responder().respond(ResponseRequest(
            seed_text, [*later, DialogueTurn("user", seed_text)], Strategy.QUESTION, sad, None,
            "Sage", "warm"))  # fmt: skip
        assert not any(t.format() in again for t in ASKS_FOR_STORY if "{" not in t), again


@pytest.mark.parametrize("text", ["Never mind the weather, my dad is sick.",
                                  "I'll deal with it tomorrow after work.", "I can't forget it.",
                                  "Whatever I do, I'll deal with it badly."])
def test_words_that_only_look_like_declining_are_not(text: str) -> None:
    from agent.dialogue_acts import declines_to_talk

    assert not declines_to_talk(text)


def test_a_short_cheer_after_good_news_is_not_taken_for_news() -> None:
    from agent.responder_phrases import TAKES_TURN_FOR_NEWS

    joy = AffectEstimate(VAD(0.6, 0.4, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", "I got the job!!"), DialogueTurn("Sage", "Wonderful!")]
    for text in ("Cool cool.", "Haha yes", "Nice!"):
        said = {Responder().respond(ResponseRequest(text, [*history, DialogueTurn("user", text)],
                                                    strategy, joy, None, "Sage", "warm"))
                for strategy in (Strategy.QUESTION, Strategy.RESTATEMENT)}  # fmt: skip
        assert not any(r.endswith(t) for r in said for t in TAKES_TURN_FOR_NEWS), said


@pytest.mark.parametrize(("text", "event"), [
    ("My mom has cancer.", "your mom's cancer"), ("my dad had a stroke", "your dad's stroke"),
    ("I was diagnosed with diabetes last week.", "your diagnosis"),
    ("My grandma has dementia and doesn't know me.", "your grandma's dementia"),
    # ESConv valid's opening, which had been taken for small talk
    ("My friend is suffering from bi-polar disorder, and is spiraling out of control.",
     "your friend's bi-polar disorder"),
    ("My brother is struggling with an addiction.", "your brother's addiction"),
])
def test_an_illness_told_is_the_story(text: str, event: str) -> None:
    from agent.responder_slots import slots
    from agent.troubles import tells_trouble

    assert tells_trouble(text) and slots(text, "sadness", [])["event"] == event
    assert not tells_trouble("She has a cold.") and not tells_trouble("My mom has a cat.")


def test_betrayal_by_a_partner_is_a_trouble_and_the_third_party_no_one_to_talk_to() -> None:
    # ESConv valid: "slept with my close friend" got "How is your day going otherwise?"
    from agent.responder_phrases import SMALL_TALK, TALK_TO_PERSON
    from agent.troubles import tells_trouble

    assert tells_trouble("slept with my close friend") and tells_trouble("he had an affair")
    assert not tells_trouble("I slept with my teddy bear")
    flat = AffectEstimate(VAD(-0.05, 0.1, 0.0), {"neutral": 0.8, "sadness": 0.2}, 0.8, "text",
                          0.0)
    text = "slept with my close friend"
    history = [DialogueTurn("user", "my boyfriend stepped out on me"),
               DialogueTurn("Sage", "I see."), DialogueTurn("user", text)]
    small = {t for lines in SMALL_TALK.values() for t in lines}
    talk_to = {t.format(person="your close friend", object="them") for t in TALK_TO_PERSON}
    said = Responder().respond(ResponseRequest(text, history, Strategy.QUESTION, flat, None,
                                               "Sage", "plain"))
    assert said not in small and not any(said.endswith(t) for t in talk_to), said


def test_a_death_in_someone_elses_family_is_the_story_not_asked_for() -> None:
    # ESConv valid: "Hi, I am feeling sad. My friend's father passed away ..." got "When did
    # this start to weigh on you?"
    from agent.responder_phrases import ASKS_FOR_STORY
    from agent.responder_slots import slots

    text = ("Hi, I am feeling sad. My friend's father passed away day before because of "
            "COVID-19 disease.")
    assert slots(text, "sadness", [])["event"] == "the death of your friend's father"
    sad = AffectEstimate(VAD(-0.6, 0.1, -0.3), {"sadness": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    for strategy in (Strategy.QUESTION, Strategy.RESTATEMENT):
        said = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)], strategy,
                                                   sad, None, "Sage", "plain"))
        assert not any(said.endswith(t) for t in ASKS_FOR_STORY), said


@pytest.mark.parametrize("text", [
    "I used to love this job.", "We were so happy once.", "It's not fun anymore.",
    # not come yet: ESConv valid, read as joy beside thanks, had got "Oh, that's lovely!"
    "Thank you. I appreciate your support and words. That's very true. Things haven't worked "
    "out yet so I just need to hang on.",
    "Thanks, you're kind. Nothing has helped so far.",
    # ESConv valid, read as joy after "doing well": "That's wonderful! So you are sleepy, and it
    # feels good." and "How wonderful! That sounds like a good place to be."
    "Not sure. I am sleepy, I lie down and then I feel wide awake thinking about the next day.",
    "That is easier said than done. I try not to think of the next day every night, but "
    "thoughts just pop in my head.",
    # a struggle named beside a glad word (ESConv valid: "Oh, that's lovely!")
    "I am happy it worked for you :) I just dont see it working with us. Hes pretty stubborn. I "
    "also struggle with a severe auto immune disorder so that is always weighing on me as well",
    # strain and no news (ESConv valid: "How wonderful! That sounds like a good place to be.")
    "Exactly! This is a big step for me in the PhD program I'm in, so it's definitely a bit "
    "more pressure than previous deadlines.",
    # a struggle beside doing well (ESConv train: "That's wonderful! What are you most looking
    # forward to?")
    "Doing pretty good. Struggling a little",
    # ESConv train: "That's good to hear; enjoy it."
    "I really have hope that they will :)",
    # the agent's reading agreed with (ESConv train: "That's wonderful! How did it come about?")
    "Absolutely! You nailed it!",
    # ESConv train: "Oh, that's lovely! I'm glad to hear it"
    "i do hope they learn to be kind and strive to learn and be smart.",
    "I would hope so",  # ESConv train: "Oh, that sounds like a good place to be."
    "Hope so.",
    # ESConv train: "How wonderful! You sound really glad", "How did it come about?"
    "It's amazing. That's how we used to be up until a month ago",
    "once i feel very happy when he was with me.",
    # a hope is no news (ESConv train: "That's wonderful! Maybe keep a note of what helped")
    "hopefully soon somethings will change for the better, i just hope i figure out what i "
    "should do",
])
def test_a_good_thing_spoken_of_as_gone_is_not_met_gladly(text: str) -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES

    warm = AffectEstimate(VAD(0.5, 0.3, 0.1), {"joy": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    for strategy in (Strategy.QUESTION, Strategy.REFLECTION, Strategy.OTHERS,
                     Strategy.AFFIRMATION):
        said = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)], strategy,
                                                   warm, None, "Sage", "warm"))
        assert not any(said.endswith(t) for t in POSITIVE_TEMPLATES[strategy]
                       if "{" not in t), said


def glad_after(trouble: str, text: str) -> bool:
    """Whether ``text``, read as joy and said after ``trouble``, is met with a glad template."""
    from agent.responder_phrases import POSITIVE_TEMPLATES

    warm = AffectEstimate(VAD(0.5, 0.3, 0.1), {"joy": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    history = [DialogueTurn("user", trouble), DialogueTurn("Sage", "I hear you."),
               DialogueTurn("user", text)]
    for strategy in (Strategy.QUESTION, Strategy.AFFIRMATION, Strategy.REFLECTION):
        said = Responder().respond(ResponseRequest(text, history, strategy, warm, None, "Sage",
                                                   "warm"))
        # a template with its slots filled, after any opener ("Oh, who have you told so far?")
        glad = [re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(t)) + "$", re.I)
                for t in POSITIVE_TEMPLATES[strategy]]
        if any(g.search(said) for g in glad):
            return True
    return False


def test_thanks_then_more_of_the_trouble_is_not_met_gladly() -> None:
    # ESConv train: "I can hear how glad this makes you."
    text = ("Thank you, I appreciate your kind words. Some times the tests just don't seem like "
            "what is being taught in class and the books.")
    assert not glad_after("I'm afraid I will fail my nursing class.", text)
    # help credited, or news beside the thanks, is warm
    assert glad_after("I'm afraid I will fail my nursing class.",
                      "Thanks! I passed the retake this morning!")


def test_thanks_are_not_heard_with_i_hear_you() -> None:
    # ESConv valid: "I hear you. I'm glad you have a next step." to thanks and a step
    sad = AffectEstimate(VAD(-0.3, 0.1, -0.1), {"sadness": 0.6, "neutral": 0.4}, 0.6, "text", 0.0)
    text = "Thank you so much for listening me out and for wise advice. I will talk to him."
    for strategy in Strategy:
        for turns in range(6):  # the opener turns with the conversation's length
            history = [DialogueTurn("user" if k % 2 == 0 else "Sage", f"Line {k}.")
                       for k in range(2 * turns)]
            reply = Responder().respond(ResponseRequest(
                text, [*history, DialogueTurn("user", text)], strategy, sad, None, "Sage",
                "warm"))  # fmt: skip
            assert not reply.startswith(("I hear you", "I understand")), (strategy, reply)


def test_a_liking_told_after_a_trouble_is_no_news() -> None:
    # ESConv train: what a cancelled fair gave had got "That's wonderful! How did it come about?"
    cancelled = "Everything I love about summer has been cancelled and I'm heartbroken."
    assert not glad_after(cancelled, "I love the animals, learning new things, eating the food.")
    assert not glad_after("My wife left me last week.", "Yeah. I really love my wife and kids.")
    # something new, or news beside the liking, is still met gladly
    assert glad_after(cancelled, "I love my new puppy though!")
    assert glad_after(cancelled, "I finally got the job! I love it!")
    # a place liked is cheer, not what is at stake (ESConv train: "I love it there" after a
    # breakup had got "mute them for a while")
    assert glad_after(cancelled, "I've been to Las Vegas fifteen times. I love it there.")


def suggestion_after(*texts: str) -> str:
    """The suggestion given to the last of ``texts``, each said in turn in one conversation."""
    sad = AffectEstimate(VAD(-0.4, 0.1, -0.2), {"sadness": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    responder, history, reply = Responder(), [], ""
    for text in texts:
        history.append(DialogueTurn("user", text))
        reply = responder.respond(ResponseRequest(text, list(history), Strategy.SUGGESTION, sad,
                                                  None, "Sage", "plain"))
        history.append(DialogueTurn("Sage", reply))
    return reply


def test_a_suggestion_builds_on_the_step_the_user_just_named() -> None:
    opening = "I've been feeling really down since my dad got sick."
    reply = suggestion_after(opening, "Maybe I should call my brother.",
                             "Yeah, he's always been there for me.")
    assert "call your brother" in reply and "talk to" not in reply, reply
    asked = suggestion_after(opening, "Should I call my brother?", "He's always been there.")
    assert "call your brother" in asked, asked
    # two messages on, the step has passed, and a harmful "step" never stands
    later = suggestion_after(opening, "Maybe I should call my brother.", "He is busy.",
                             "Work has been hard too.", "I barely sleep.")
    assert "call your brother" not in later, later
    harmful = suggestion_after(opening, "Should I just give up?", "Nothing helps.")
    assert "give up" not in harmful and "worth doing" not in harmful, harmful
    # a new worry after the step is not agreement with it (ESConv valid: "My therapist
    # recommended medication too, but I worry that it might impair my ability to do my job.")
    worried = suggestion_after(opening, "I guess I could try part-time for a while.",
                               "My therapist suggested pills, but I worry they'd dull me at work.")
    assert "part-time" not in worried and "worth doing" not in worried, worried
    agreed = suggestion_after(opening, "I guess I could try part-time for a while.",
                              "Yeah, money isn't really the issue.")
    assert "try part-time for a while" in agreed, agreed  # the hyphen kept as written
    # doubt after the step is no agreement either (ESConv valid: "Then it sounds worth doing.
    # Could you pick a time to give him another chance?")
    doubted = suggestion_after("My boyfriend lied to me.",
                               "So you don't think I should give him another chance?",
                               "I feel like I really can't trust him and find myself looking "
                               "through his phone.")
    assert "another chance" not in doubted and "worth doing" not in doubted, doubted
    # a question of its own is no agreement with it (ESConv train: "Then it sounds worth doing.
    # Could you pick a time to make an appointment?" to "What type of doctor could I see?")
    asked_other = suggestion_after("I'm so sad all the time.",
                                   "Maybe I should make an appointment.",
                                   "You make a good point. What type of doctor could I see?")
    assert "appointment" not in asked_other and "worth doing" not in asked_other, asked_other
    # asked for more suggestions, the step named before is not pushed again (ESConv valid)
    asked_more = suggestion_after("I sleep 8 hours and still wake up tired.",
                                  "I should set more alarms for myself.",
                                  "Do you have any suggestions other than exercising to help "
                                  "with sleeping?")
    assert "alarms" not in asked_more and "worth doing" not in asked_more, asked_more


def test_a_step_that_says_when_is_not_asked_when() -> None:
    from agent.step_phrases import ASKS_WHEN, EARLIER_PLAN_SUGGESTIONS, PLAN_TEMPLATES

    # every set a suggestion can come from keeps a template that does not ask when
    for templates in (EARLIER_PLAN_SUGGESTIONS, PLAN_TEMPLATES[Strategy.SUGGESTION]):
        assert any(not ASKS_WHEN.search(t) for t in templates)
        assert any(ASKS_WHEN.search(t) for t in templates)  # and one the rule leaves out
    opening = "My boss yelled at me in front of everyone."
    for plan in ("I'll talk to HR tomorrow.", "Maybe I should talk to HR on Monday."):
        now = suggestion_after(opening, plan)
        later = suggestion_after(opening, plan, "He does this a lot.")
        for reply in (now, later):
            assert "pick a time" not in reply and "When could" not in reply, reply
    assert "talk to HR" in suggestion_after(opening, "Maybe I should talk to HR.", "Yes.")


@pytest.mark.parametrize(("text", "praised"), [
    ("I finally passed my driving test!", True),
    ("I haven't missed a workout since March.", True),
    ("Oh that's good. Staying safe.", False),
    ("You're a great resource then! I am majoring in Psychology.", False),
])
def test_effort_is_praised_only_when_the_user_tells_of_an_achievement(text: str,
                                                                      praised: bool) -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES, PRAISES_ACHIEVEMENT

    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    replies = set()
    history: list[DialogueTurn] = []
    for _ in range(3):  # three replies to the same glad turn, each a different template
        history.append(DialogueTurn("user", text))
        reply = Responder().respond(ResponseRequest(
            user_text=text, history=list(history), strategy=Strategy.AFFIRMATION,
            user_affect=glad, persona_name="Sage"))  # fmt: skip
        history.append(DialogueTurn("Sage", reply))
        replies.add(reply)
    bare = {r.split("! ", 1)[-1] for r in replies}  # a news opener may come first
    assert bool(bare & PRAISES_ACHIEVEMENT) is praised, replies
    assert bare <= set(POSITIVE_TEMPLATES[Strategy.AFFIRMATION]), replies


@pytest.mark.parametrize("text", [
    "Thank you. Okay will do that. I think that it.",
    "That sounds wonderful. I'm getting to work on my projects. Thank you.",
    "Fingers crossed, I'll try those options you've given me though Thanks for listening",
])
def test_a_plain_reply_to_thanks_beside_other_words_thanks_them(text: str) -> None:
    glad = AffectEstimate(VAD(0.5, 0.2, 0.1), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    reply = Responder().respond(ResponseRequest(
        user_text=text, history=[DialogueTurn("user", text)], strategy=Strategy.OTHERS,
        user_affect=glad, persona_name="Sage"))  # fmt: skip
    assert reply in ACT_REPLIES["thanks"], reply
    # news beside the thanks is still greeted as news
    news = "Thanks! I got the job!"
    reply = Responder().respond(ResponseRequest(
        user_text=news, history=[DialogueTurn("user", news)], strategy=Strategy.OTHERS,
        user_affect=glad, persona_name="Sage"))  # fmt: skip
    assert reply not in ACT_REPLIES["thanks"], reply


@pytest.mark.parametrize("text", ["My best friend moved away last month.",
                                  "My wonderful grandma passed away on Sunday."])
def test_a_trouble_told_in_warm_words_is_not_greeted_as_news(text: str) -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES

    misread = AffectEstimate(VAD(0.8, 0.4, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    glad_lines = {t for lines in POSITIVE_TEMPLATES.values() for t in lines}
    for strategy in (Strategy.QUESTION, Strategy.AFFIRMATION, Strategy.REFLECTION):
        reply = Responder().respond(ResponseRequest(
            user_text=text, history=[DialogueTurn("user", text)], strategy=strategy,
            user_affect=misread, persona_name="Sage"))  # fmt: skip
        assert reply not in glad_lines and not reply.startswith(NEWS_OPENERS), (strategy, reply)


def test_thanks_before_a_question_is_answered_as_the_question() -> None:
    calm = AffectEstimate(VAD(0.0, 0.0, 0.0), {"neutral": 1.0}, 0.8, "text", 0.0)
    policy = RuleStrategyPolicy()

    def decide(text: str) -> object:
        history = [DialogueTurn("user", "My boyfriend cheats on me."),
                   DialogueTurn("Sage", "That sounds painful."), DialogueTurn("user", text)]
        return policy.choose(PolicyContext(history, calm, None, (Strategy.REFLECTION,)))

    asked = decide("I appreciate your thoughts. So you don't think I should give him a chance?")
    thanked = decide("I appreciate your thoughts. I will think about it.")
    assert "says thanks" in thanked.reason and "says thanks" not in asked.reason
    assert asked.probabilities[Strategy.OTHERS] < thanked.probabilities[Strategy.OTHERS]
    # thanks beside a trouble (ESConv valid, as the talk opened: "I'm here whenever you want to
    # talk again") is answered as the trouble
    troubled = decide("I appreciate your willingness to listen and offer support. Life just is "
                      "so hard right now")
    assert "says thanks" not in troubled.reason
    assert troubled.probabilities[Strategy.OTHERS] < thanked.probabilities[Strategy.OTHERS]


def test_news_told_after_strain_is_still_met_gladly() -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES

    text = "After all that pressure, I got the job!"
    warm = AffectEstimate(VAD(0.6, 0.4, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    said = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)],
                                               Strategy.AFFIRMATION, warm, None, "Sage", "warm"))
    glad = {t for t in POSITIVE_TEMPLATES[Strategy.AFFIRMATION] if "{" not in t}
    assert any(said.endswith(t) for t in glad), said


def test_need_is_no_past_tense_and_no_news() -> None:
    from agent.warm_words import tells_news, thanks_without_news

    # ESConv valid: "... I need to focus more ... Thank you for listening God's blessings to
    # you and your family" had got "I'm really glad to hear that."
    assert not tells_news("I need to focus more on the people that I love.")
    assert thanks_without_news("You are right, I need to focus more on enjoying the time I have. "
                               "Thank you for listening God's blessings to you and your family")
    assert tells_news("We moved.") and tells_news("I decided to quit.")
    # nor "used to" (ESConv train: "How wonderful! Maybe celebrate a little tonight")
    assert not tells_news("I used to do a lot for them and now I can't.")


def test_praise_of_the_service_is_praise_not_news() -> None:
    from agent.warm_words import praises_agent

    # ESConv train: "Oh, that's lovely! That sounds like a good place to be."
    assert praises_agent("This service is extremely helpful..")
    assert not praises_agent("The service was slow.")


@pytest.mark.parametrize(("text", "praise", "only"), [
    ("You're actually pretty good at this!", True, False),
    ("That sounds like great advice.", True, False),
    ("You are so easy to talk to", True, False),
    ("You're actually pretty good at hiding it", False, False),
    ("very well , i reall appreciate God bless", False, True),
    ("I really appreciate.", False, True),
    ("I appreciate my mom more now", False, False),
    ("yes you are very understanding", True, False), ("yes you are right", False, False),
    # credit for the help, said and nothing else (ESConv valid and train)
    ("you got me to stop crying...it helps having you listen", True, False),
    ("You helped me a lot", True, False), ("no I think you helped me enough.", True, False),
    ("I think you've given me some good advice.", True, False),
    ("okay good advice, i will", True, False),
    ("you have been of tremendous help in helping me move around my thoughts", True, False),
    ("I feel relieved chating with you", True, False),
    ("you've been more helpful than my teachers!", True, False),
    ("it's tremendously helpful", True, False), ("you've been extremely helpful", True, False),
    ("It's helpful to know the hours.", False, False),
    ("thanking you support", False, True),  # ESConv valid: "That's good to hear; enjoy it."
    ("You helped me see that my mom was right.", False, False),
    ("No, you helped me ruin it.", False, False), ("it helps", False, False),
])  # fmt: skip
def test_praise_and_thanks_in_the_words_of_esconv_seekers(text: str, praise: bool,
                                                          only: bool) -> None:
    assert praises_agent(text) is praise
    assert only_thanks(text) is only


def test_a_good_word_turned_by_a_difficulty_is_not_greeted_as_news() -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES

    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    history = [DialogueTurn("user", "I feel stuck at home."), DialogueTurn("Sage", "Oh.")]
    for text, news in (("That sounds like great advice. Hard to pull off during the pandemic "
                        "though.", False),
                       ("That's a great idea, but I can't afford a tutor.", False),
                       ("It was hard but I did it! I passed!", True)):
        reply = Responder().respond(ResponseRequest(
            text, [*history, DialogueTurn("user", text)], Strategy.QUESTION, warm, None, "Sage",
            "plain"))  # fmt: skip
        glad = (any(reply.startswith(o.strip()) for o in NEWS_OPENERS)
                or any(reply.endswith(t) for t in POSITIVE_TEMPLATES[Strategy.QUESTION]))
        assert glad is news, (text, reply)


def test_taking_up_a_suggestion_is_heard_and_not_greeted_as_news() -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES, TAKEN_UP_OPENERS

    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    history = [DialogueTurn("user", "I feel lonely since I moved."),
               DialogueTurn("Sage", "Could you say hello to one neighbour this week?")]
    said = []
    for text in ("That's a great idea. Maybe I can get to know my neighbors.",
                 "That's also a good idea. Many food banks near me need volunteers.",
                 "That does sound like fun."):
        history.append(DialogueTurn("user", text))
        reply = Responder().respond(ResponseRequest(
            text, history, Strategy.SUGGESTION, warm, None, "Sage", "plain"))  # fmt: skip
        assert not any(reply.startswith(o.strip()) for o in NEWS_OPENERS), reply
        assert not any(reply.endswith(t) for t in POSITIVE_TEMPLATES[Strategy.SUGGESTION]), reply
        said.append(next(o for o in TAKEN_UP_OPENERS if reply.startswith(o.strip())))
        history.append(DialogueTurn("Sage", reply))
    assert len(set(said)) == 3  # heard each time in other words


def test_good_idea_as_the_last_sentence_takes_up_the_suggestion() -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES
    from agent.warm_words import approves_suggestion

    # ESConv valid: "Oh, that's lovely! Could you share the news with someone ...?"
    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    text = "Yeah I never looked into it though. I probably should. Good idea."
    assert approves_suggestion("Thats a great idea. I really like that!")
    assert approves_suggestion("Ooh, i havent tried it before. sounds a nice idea")
    assert approves_suggestion("My parks are pretty empty now. I think that sounds like a "
                               "wonderful idea.")
    assert approves_suggestion("My family is my greatest motivation .Time heals all wounds "
                               "just well said")
    assert not approves_suggestion("I had an idea. It sounds nice to me, my plan.")
    # ESConv valid: "well that sounds reassuring." had got "Feeling unsettled after a setback
    # is common ..."; a denial is no approval
    assert approves_suggestion("well that sounds reassuring.")
    assert not approves_suggestion("That's not helpful.")
    assert not approves_suggestion("That is not reassuring at all")
    # ESConv train, a comma to end it: "Oh, that's lovely! Who have you told so far?"
    assert approves_suggestion("Yes! I will consider that,")
    history = [DialogueTurn("user", "My anxiety flares up around due dates."),
               DialogueTurn("Sage", "Could you try the counselling service at your college?"),
               DialogueTurn("user", text)]
    reply = Responder().respond(ResponseRequest(text, history, Strategy.SUGGESTION, warm, None,
                                                "Sage", "plain"))
    assert not reply.startswith(tuple(o.strip() for o in NEWS_OPENERS)), reply
    assert not any(reply.endswith(t) for t in POSITIVE_TEMPLATES[Strategy.SUGGESTION]), reply


def test_a_good_idea_is_not_taken_as_taking_up_what_the_agent_never_offered() -> None:
    from agent.responder_phrases import TAKEN_UP_OPENERS

    warm = AffectEstimate(VAD(0.5, 0.3, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    text = "That is a good idea, my sister said it too."
    for last, heard in (("It sounds tiring to carry this around.", False),
                        ("Could you talk to your sister this week?", True)):
        history = [DialogueTurn("user", "I feel stuck."), DialogueTurn("Sage", last),
                   DialogueTurn("user", text)]
        reply = Responder().respond(ResponseRequest(
            text, history, Strategy.QUESTION, warm, None, "Sage", "plain"))  # fmt: skip
        assert any(reply.startswith(o.strip()) for o in TAKEN_UP_OPENERS) is heard, reply


@pytest.mark.parametrize("strategy", [Strategy.QUESTION, Strategy.REFLECTION])
@pytest.mark.parametrize("text", [
    # ESConv valid openings that ask for help, or weigh a decision, in neutral words
    "Yes. I need some suggestion for my situation of seeking a job, lost due to pandemic.",
    "Hi Not sure if I should return to school during covid",
    # ESConv train: after "my alcohol addiction" had got "Mm, fair enough."
    "Yes, that's right. And I know I should stop but I just got addicted.",
])  # fmt: skip
def test_asking_for_advice_at_the_start_is_no_small_talk(strategy: Strategy, text: str) -> None:
    from agent.responder_phrases import SMALL_TALK

    plain = AffectEstimate(VAD(0.06, 0.0, 0.0), {"neutral": 0.7, "joy": 0.3}, 0.7, "text", 0.0)
    said = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)], strategy,
                                               plain, None, "Sage", "plain"))
    assert not any(said.endswith(t) for t in SMALL_TALK[strategy] if "{" not in t), said


@pytest.mark.parametrize("strategy", [Strategy.SUGGESTION, Strategy.INFORMATION])
def test_thanks_for_the_help_is_heard_and_not_taken_for_news(strategy: Strategy) -> None:
    from agent.responder_phrases import NAMES_NEWS, THANKED_OPENERS

    # ESConv valid: "Oh, maybe celebrate a little tonight; you deserve it." was the reply
    text = ("Thanks for the suggestions. You've really helped me get a better perspective on "
            "this whole thing.")
    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", "My girlfriend dumped me months ago."),
               DialogueTurn("Sage", "Could you plan something with a friend this week?"),
               DialogueTurn("user", text)]
    said = Responder().respond(ResponseRequest(
        text, history, strategy, warm, None, "Sage", "warm",
        readings=(("sadness", -0.5), ("joy", 0.6))))  # the readings live, oldest first
    assert said.startswith(THANKED_OPENERS), said
    assert not any(t in said for t in NAMES_NEWS), said
    # a good feeling read in the turn is no news to share when the user thanks
    joked = "Ha! that's a great line. I'm gonna use that. I appreciate your help with this."
    said = Responder().respond(ResponseRequest(
        joked, [*history[:2], DialogueTurn("user", joked)], strategy, warm, None, "Sage", "warm",
        readings=(("sadness", -0.5), ("joy", 0.7))))  # fmt: skip
    assert not any(t in said for t in NAMES_NEWS), said
    # news told with the thanks is still news
    news = "Thank you so much, I passed my exam!"
    cheered = Responder().respond(ResponseRequest(news, [DialogueTurn("user", news)], strategy,
                                                  warm, None, "Sage", "warm",
                                                  readings=(("joy", 0.6),)))
    assert not cheered.startswith(THANKED_OPENERS), cheered


def test_a_passing_thanks_before_more_trouble_is_not_answered_as_thanks_for_help() -> None:
    from agent.responder_phrases import THANKED_OPENERS

    sad = AffectEstimate(VAD(-0.4, 0.1, -0.2), {"sadness": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    for text in ("Thank you, it's especially hard having to do remote teaching.",
                 "owk, thanks not really , i havent take anything except alcohol"):
        said = Responder().respond(ResponseRequest(text, [DialogueTurn("user", text)],
                                                   Strategy.AFFIRMATION, sad, None, "Sage"))
        assert not said.startswith(THANKED_OPENERS), said


@pytest.mark.parametrize("text", ["You are absolutely right, I might be overthinking this lol",
                                  "I really hope so that i will be happy with my life..",
                                  "Great to hear!",
                                  "Yes, I agree. It's always great to have a back up plan.",
                                  # laughter is no news (ESConv valid: "How wonderful!")
                                  "lol, yes that is true.",
                                  "oh ok I thought it was just for 10 lines, lol"])
def test_agreeing_or_hoping_is_no_news(text: str) -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES

    warm = AffectEstimate(VAD(0.5, 0.3, 0.1), {"joy": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    history = [DialogueTurn("user", "I fear I might get socially rejected at first."),
               DialogueTurn("Sage", "That makes sense."), DialogueTurn("user", text)]
    said = Responder().respond(ResponseRequest(text, history, Strategy.AFFIRMATION, warm, None,
                                               "Sage", readings=(("fear", -0.4), ("joy", 0.5))))
    assert not any(said.endswith(t) for t in POSITIVE_TEMPLATES[Strategy.AFFIRMATION]), said
    assert not said.startswith(NEWS_OPENERS), said


def test_laughter_keeps_news_told_in_words_and_adds_none_after_it() -> None:
    from agent.responder_phrases import NEWS_OPENERS

    warm = AffectEstimate(VAD(0.5, 0.3, 0.1), {"joy": 0.7, "neutral": 0.3}, 0.7, "text", 0.0)
    news = "haha I finally got the job!"
    said = Responder().respond(ResponseRequest(news, [DialogueTurn("user", news)],
                                               Strategy.QUESTION, warm, None, "Sage", "plain"))
    assert said.startswith(tuple(o.strip() for o in NEWS_OPENERS)), said
    # the turn after a laugh is no follow-up to news (ESConv valid: "I'm glad to hear it")
    flat = AffectEstimate(VAD(0.05, 0.0, 0.0), {"neutral": 0.9, "joy": 0.1}, 0.9, "text", 0.0)
    after = "but none the less, there are people really going through that scenario"
    history = [DialogueTurn("user", "I drink too much."), DialogueTurn("Sage", "I see."),
               DialogueTurn("user", "oh ok I thought it was just for 10 lines, lol"),
               DialogueTurn("Sage", "I see."), DialogueTurn("user", after)]
    glad = AgentEmotion(VAD(0.4, 0.2, 0.1), "happy_for", 0.5, VAD(0.1, 0.0, 0.0), "relaxed", {})
    said = Responder().respond(ResponseRequest(
        after, history, Strategy.AFFIRMATION, flat, glad, "Sage", "plain",
        readings=(("sadness", -0.4), ("joy", 0.6), ("neutral", 0.05))))  # fmt: skip
    assert "glad" not in said.lower(), said


def test_news_with_a_hope_after_it_is_still_news() -> None:
    from agent.responder_cues import NO_NEWS

    assert NO_NEWS.search("Oh, and let's both hope the best for my mom! :)")  # ESConv train
    # ESConv valid: "That's wonderful!" and "That's good to hear; enjoy it."
    assert NO_NEWS.search("okay great! do you know how i an access it?")
    assert NO_NEWS.search("okay that is very good for you, i am happy for you.")

    assert NO_NEWS.search("I really hope so.") and not NO_NEWS.search(
        "I got the job! I hope it goes well.")


@pytest.mark.parametrize("strategy", [Strategy.REFLECTION, Strategy.SELF_DISCLOSURE,
                                      Strategy.AFFIRMATION])
def test_a_good_feeling_never_fills_a_support_template(strategy: Strategy) -> None:
    from agent.responder_words import UPBEAT

    # ESConv valid: "Of course you feel happy; anyone would in your place." to a user who is
    # staying with a friend after a breakup and finds it stressful
    text = ("Yeah she is a good friend im happy that I can stay with her for the time being its "
            "just stressful trying to get to my mom")
    sad = AffectEstimate(VAD(-0.3, 0.2, -0.1), {"sadness": 0.6, "joy": 0.4}, 0.6, "text", 0.0)
    history = [DialogueTurn("user", "My boyfriend broke up with me and I have no place to stay."),
               DialogueTurn("Sage", "That sounds painful."), DialogueTurn("user", text)]
    for k in range(3):  # different templates on different turns
        said = Responder().respond(ResponseRequest(text, history, strategy, sad, None, "Sage"))
        assert not any(re.search(rf"\bfe(?:el|lt)\s+{w}\b", said) for w in UPBEAT), said
        history += [DialogueTurn("Sage", said), DialogueTurn("user", text + "." * (k + 1))]


def test_the_news_templates_need_news_told() -> None:
    from agent.responder_phrases import NAMES_NEWS

    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)

    def suggestions(text: str) -> set[str]:
        history = [DialogueTurn("user", "My best friend passed away."),
                   DialogueTurn("Sage", "That is a lot to carry."), DialogueTurn("user", text)]
        said = set()
        for k in range(4):  # several turns, so more than one template is tried
            reply = Responder().respond(ResponseRequest(
                text, history, Strategy.SUGGESTION, warm, None, "Sage",
                readings=(("sadness", -0.6), ("joy", 0.7))))  # fmt: skip
            said.add(reply)
            history += [DialogueTurn("Sage", reply), DialogueTurn("user", text + "!" * (k + 1))]
        return said

    # ESConv valid: "That's wonderful! Maybe celebrate a little tonight; you deserve it."
    glad_word = suggestions("I like being here watching over my kids and pets.")
    assert not any(t in r for r in glad_word for t in NAMES_NEWS), glad_word
    news = suggestions("I finally got the job I wanted!")
    assert any(t in r for r in news for t in NAMES_NEWS), news


def test_thanks_beside_a_step_are_answered_with_the_step() -> None:
    from agent.step_phrases import PLAN_TEMPLATES

    # ESConv valid: "Anytime. I'm glad it helped a little." and the vacation went unheard
    sad = AffectEstimate(VAD(-0.3, 0.2, 0.0), {"sadness": 0.6, "neutral": 0.4}, 0.7, "text", 0.0)
    text = "thanks maybe I will take a vacation to Europe"
    assert not only_thanks(text) and only_thanks("Thanks so much for listening.")
    history = [DialogueTurn("user", "gf broke my heart"),
               DialogueTurn("Sage", "Could you plan one small thing this week?"),
               DialogueTurn("user", text)]
    reply = Responder().respond(ResponseRequest(text, history, Strategy.OTHERS, sad, None,
                                                "Sage", "plain"))
    assert reply in PLAN_TEMPLATES[Strategy.OTHERS], reply


def test_praise_at_the_end_of_a_question_is_not_news() -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES

    # ESConv valid: "How wonderful! Maybe keep a note of what helped today ..."
    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    text = ("Have you ever used jatos? or done any surveys for the universities? You're "
            "actually pretty good at this!")
    history = [DialogueTurn("user", "My boyfriend is a sex addict and I can't trust him."),
               DialogueTurn("Sage", "That sounds painful."), DialogueTurn("user", text)]
    for strategy in (Strategy.SUGGESTION, Strategy.AFFIRMATION):
        reply = Responder().respond(ResponseRequest(text, history, strategy, warm, None, "Sage",
                                                    "plain"))
        assert not reply.startswith(tuple(o.strip() for o in NEWS_OPENERS)), reply
        assert not any(reply.endswith(t) for t in POSITIVE_TEMPLATES[strategy]), reply
    # news beside praise is still news
    news = "I got the job! You're the best!"
    reply = Responder().respond(ResponseRequest(news, [DialogueTurn("user", news)],
                                                Strategy.AFFIRMATION, warm, None, "Sage",
                                                "plain"))
    assert reply.startswith(tuple(o.strip() for o in NEWS_OPENERS)), reply


@pytest.mark.parametrize("text", [
    # ESConv valid: "That's great news! How are you feeling about it?"
    "I would love some words of encouragement",
    # ESConv valid: "That's good to hear; enjoy it."
    "That is what I keep hoping.",
])
def test_a_wish_for_encouragement_is_not_news(text: str) -> None:
    from agent.responder_phrases import NEWS_OPENERS, POSITIVE_TEMPLATES

    warm = AffectEstimate(VAD(0.5, 0.3, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    for strategy in (Strategy.QUESTION, Strategy.AFFIRMATION, Strategy.OTHERS):
        reply = Responder().respond(ResponseRequest(
            text, [DialogueTurn("user", text)], strategy, warm, None, "Sage", "plain"))
        assert not reply.startswith(tuple(o.strip() for o in NEWS_OPENERS)), reply
        assert not any(reply.endswith(t) for t in POSITIVE_TEMPLATES[strategy]), reply


@pytest.mark.parametrize("text", ["Thi s very correct!", "That is correct.", "so true"])
def test_agreement_is_no_news_to_be_glad_at(text: str) -> None:
    # ESConv valid: "Thi s very correct!" (typo kept) had got "How wonderful! Who have you told
    # so far?"
    from agent.responder_cues import NO_NEWS

    assert NO_NEWS.search(text) is not None
    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    history = [DialogueTurn("user", "My husband is falling back and it takes a toll on us."),
               DialogueTurn("Sage", "It sounds like the load has fallen on you."),
               DialogueTurn("user", text)]
    reply = Responder().respond(ResponseRequest(text, history, Strategy.QUESTION, warm, None,
                                                "Sage", "plain"))
    assert "wonderful" not in reply and "told so far" not in reply, reply
    assert NO_NEWS.search("I got the job!") is None
    assert NO_NEWS.search("It is very true that I got promoted!") is None


@pytest.mark.parametrize("text", [
    "I've enjoyed talking to you",  # ESConv valid got "Maybe one small step could help, ..."
    "I want to tell you you're quite compassionate and kind",
])
def test_warm_words_for_the_agent_are_heard_as_such(text: str) -> None:
    from agent.warm_words import praise_in, praises_agent

    assert praises_agent(text) and praise_in(text)
    assert not praises_agent("I want to tell you that you are wrong")


def test_a_step_named_beside_a_request_for_more_ideas_gets_one_of_the_troubles_steps() -> None:
    # ESConv valid: "I will try out this idea for my next night sleep. Do you have any other
    # ideas" got "Mm, good idea. Starting small with it can make it easier."
    from agent.advice import BY_NAME

    reply = suggestion_after("I could not sleep at night.",
                             "Yes I think so. I will try out this idea for my next night sleep. "
                             "Do you have any other ideas")
    assert any(step in reply for step in BY_NAME["sleep"].suggestions), reply


def test_praise_in_the_middle_of_a_message_is_no_news() -> None:
    # ESConv train: "I Will definitely try that. You are really helpful. Have you been doing any
    # jobs through those websites?" got "Oh, that's lovely! Could you share the news with
    # someone who will be glad for you?"
    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.9, "text", 0.0)
    text = ("I Will definitely try that. You are really helpful. Have you been doing any jobs "
            "through those websites?")
    history = [DialogueTurn("user", "I lost my job 4 months ago."),
               DialogueTurn("Sage", "Could you look at the job websites this week?"),
               DialogueTurn("user", text)]
    reply = Responder().respond(ResponseRequest(text, history, Strategy.SUGGESTION, warm, None,
                                                "Sage", "plain"))
    assert "news" not in reply and "wonderful" not in reply and "lovely" not in reply, reply
