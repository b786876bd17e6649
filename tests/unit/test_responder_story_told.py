"""The offline responder does not ask for a story the user has already told: once an earlier
message told of a difficulty, the templates that ask what happened are left out."""

from __future__ import annotations

import re

import pytest
from chat_helpers import SAD, talk

from agent.responder_phrases import ASKS_FOR_STORY, TEMPLATES
from agent.responders import Responder, ResponseRequest
from agent.troubles import tells_trouble
from agent.types import Strategy
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

pytestmark = pytest.mark.unit


def asks_for_story(reply: str) -> bool:
    return any(t in reply for t in ASKS_FOR_STORY)


def test_the_marked_templates_are_real_and_every_strategy_keeps_a_plain_one() -> None:
    every = {t for templates in TEMPLATES.values() for t in templates}
    assert ASKS_FOR_STORY <= every  # a renamed template would silently escape the filter
    always = {"{feeling}", "{feeling2}"}  # filled on every turn
    for strategy, templates in TEMPLATES.items():
        assert any(set(re.findall(r"{\w+}", t)) <= always and t not in ASKS_FOR_STORY
                   for t in templates), strategy


@pytest.mark.parametrize(("text", "troubled"), [
    ("My boss yelled at me in front of everyone today.", True),
    ("I got fired this morning.", True),
    ("They laughed at us the whole night.", True),
    ("I just feel so small.", True),
    ("I feel like a failure.", True),
    ("I yelled at the TV during the match.", False),
    ("My friend hit me up yesterday.", False),
    ("It hit me that I forgot her birthday.", False),
    ("I don't feel alone anymore.", False),
    ("I like turtles.", False),
    ("Kids at school keep calling me names.", True),
    ("I'm so done with my roommate.", True),
    ("I'm sick of my job.", True),
    ("I can't stand him anymore.", True),
    ("I'm done with my homework.", False),
    ("My best friend moved to another country.", True),
    ("We used to see each other every day.", True),
    ("Now it's just texts and it's not the same.", True),
    ("My boss moved to another team.", False),
    ("It's not the same size as the old one.", False),
    ("I'm sick today, staying home.", False),
    ("I can't stand up straight after the gym.", False),
    ("They post stuff about me online too.", True),
    ("They make fun of me every day.", True),
    ("My friend called me yesterday.", False),
    # being alone
    ("I don't know anyone here.", True),
    ("It was fun but nobody talked to me.", True),
    ("I have no friends in this city.", True),
    ("I'm alone every weekend.", True),
    ("I don't know anyone who skis.", False),
    ("Nobody talked to me about the change of plans.", False),
    # a breakup named as a thing, a wish for what is not there (ESConv valid: "that's good to
    # hear; take care of yourself" and "How wonderful!" followed them)
    ("I'm looking for support in regards to a recent break up", True),
    ("We broke up last week.", True), ("I broke up the fight.", False),
    ("The breakup song was on.", False), ("My divorce is final.", True),
    ("Yeah, same with me! I wish I could attend a better univeristy", True),
    ("I wish you luck with it.", False),
    ("its just been such a hard couple of months. I just dont know what to do", True),
    ("just blue. not anything in particular.", True), ("The sky is blue.", False),
    ("I dont know what to do with the leftovers", False), ("I had a hard day.", False),
    # what ought to be there and is not (ESConv valid got "Oh, that's lovely! I'm glad to hear
    # it")
    ("She should be proud I am even going to college.", True),
    ("but they should be happy for me.", True), ("She is so proud of me.", False),
    # ESConv train: had got "What's on your mind today?"
    ("what ever i study, i am not able to remember the contents which is necessary for my "
     "academic tests", True),
    ("I'm unable to focus on anything.", True), ("I can't remember her name.", False),
    ("I'm not able to come today.", False),
])
def test_a_hurt_done_to_the_user_or_felt_in_plain_words_is_a_difficulty(text: str,
                                                                         troubled: bool) -> None:
    assert tells_trouble(text) is troubled


def test_a_story_told_earlier_is_not_asked_for_again() -> None:
    # Each turn prefers a template not used yet, so a run on one strategy reaches every usable
    # one: the story prompts would come up if they were still allowed. Seven messages: the
    # prompt's window (twelve turns) still holds the first.
    follow_ups = ["I just feel so small.", "I dont know what to do.", "It keeps coming back.",
                  "Everyone saw it.", "I can't stop thinking about it.", "It is a lot."]
    replies = talk(["My boss yelled at me in front of everyone today.", *follow_ups])
    assert not any(asks_for_story(r) for r in replies[1:]), replies
    assert all(r.endswith("?") for r in replies)  # a question still comes every turn


def test_a_feeling_alone_still_leaves_room_to_ask_what_happened() -> None:
    # "I feel lonely" names a feeling, not what happened: on the first turn the story prompts
    # stay, and some openings (the template rotates with the words) use one.
    openings = [f"I feel so lonely, {when}." for when in (
        "tonight", "lately", "again", "all the time", "these days", "this week", "today",
        "at night", "since spring", "most days", "on weekends", "after work", "every evening",
        "at home", "in the mornings", "this year", "right now", "more and more")]
    assert any(asks_for_story(talk([text])[0]) for text in openings)


def test_a_cause_told_in_the_turn_is_not_asked_for() -> None:
    # no turn here is a difficulty by itself (tells_trouble), but each says what it comes from; a
    # run of six on one strategy reaches every usable template, as above
    turns = ["I feel off since I moved here.", "I get tired because I work nights.",
             "It began after I changed jobs.", "I think it is because we argue a lot.",
             "It is worse since I started my new course.", "It got odd after we had that talk."]
    assert not any(tells_trouble(t) for t in turns)
    replies = talk(turns)
    assert not any(asks_for_story(r) for r in replies), replies


def test_a_question_is_not_restated_as_if_it_were_said() -> None:
    from agent.responder_slots import slots

    assert "clause" not in slots("Should I just give up?", "sadness", [])
    assert slots("I lost my job. Should I just give up?", "sadness", [])["clause"] == (
        "you lost your job")


def test_a_topic_keeps_the_noun_after_a_common_adjective() -> None:
    from agent.responder_slots import slots

    assert slots("I have my final exams next week.", "fear", [])["topic"] == "your final exams"


def talk_read(turns: list[tuple[str, str, float]]) -> list[str]:
    """Replies to (text, label, valence) turns, each with the readings of the turns so far."""
    responder, history, replies, readings = Responder(), [], [], []
    for text, label, valence in turns:
        history.append(DialogueTurn("user", text))
        readings.append((label, valence))
        affect = AffectEstimate(VAD(valence, 0.2, 0.0), {label: 0.8}, 0.8, "text", 0.0)
        out = responder.respond(ResponseRequest(
            user_text=text, history=list(history), strategy=Strategy.QUESTION,
            user_affect=affect, persona_name="Sage", readings=tuple(readings)))  # fmt: skip
        history.append(DialogueTurn("Sage", out))
        replies.append(out)
    return replies


@pytest.mark.parametrize("news", ["I got promoted today!", "I passed my exam!", "I got the job!"])
def test_news_told_before_a_worry_is_not_asked_for(news: str) -> None:
    replies = talk_read([(news, "joy", 0.7), ("I start on Monday.", "neutral", 0.1),
                         ("I am a bit nervous though.", "fear", -0.3),
                         ("It is a big step.", "fear", -0.3)])  # fmt: skip
    assert not any(asks_for_story(r) for r in replies), replies


@pytest.mark.parametrize("news", ["I got promoted today!", "I passed my driving test!",
                                  "We're having a baby!", "I finally finished my thesis!"])
def test_good_news_is_met_gladly(news: str) -> None:
    reply = talk_read([(news, "joy", 0.7)])[0]
    assert not reply.startswith(("I hear you", "Mm", "I understand")), reply


def test_a_story_told_before_the_prompts_window_still_counts() -> None:
    from agent.responders import build_messages

    history = [DialogueTurn("user", "My boss yelled at me in front of everyone today.")]
    for k in range(10):  # the prompt keeps twelve turns; the story falls out of them
        history += [DialogueTurn("Sage", f"Reply {k}?"), DialogueTurn("user", f"Yes {k}.")]
    request = ResponseRequest(user_text="Yes 9.", history=history, strategy=Strategy.QUESTION,
                              user_affect=SAD, persona_name="Sage")  # fmt: skip
    messages = build_messages(request)
    assert all("yelled" not in str(m.content) for m in messages[1:])  # out of the window
    assert messages[0].additional_kwargs["affect"]["story_told"] is True
    assert "already told you what happened" in str(messages[0].content)  # an LLM hears it too
    fresh = ResponseRequest(user_text="Hi.", history=[DialogueTurn("user", "Hi.")],
                            strategy=Strategy.QUESTION, user_affect=SAD, persona_name="Sage")
    assert build_messages(fresh)[0].additional_kwargs["affect"]["story_told"] is False


def test_an_llm_is_told_when_the_user_is_back_after_a_break() -> None:
    from agent.responders import build_messages

    request = ResponseRequest(user_text="Hi.", history=[DialogueTurn("user", "Hi.")],
                              strategy=Strategy.QUESTION, user_affect=SAD, persona_name="Sage",
                              returning=True)  # fmt: skip
    system = build_messages(request)[0]
    assert "back after a break" in str(system.content)
    assert system.additional_kwargs["affect"]["returning"] is True


def test_a_user_who_told_no_one_is_not_asked_who_they_told() -> None:
    from agent.responder_phrases import ASKS_WHO_THEY_TOLD

    follow_ups = ["It keeps coming back.", "I can't stop thinking about it.", "It is a lot.",
                  "I dont know.", "Yeah.", "Maybe."]
    replies = talk(["My mom has cancer.", "I haven't told anyone at work.", *follow_ups])
    assert not any(t in r for r in replies[1:] for t in ASKS_WHO_THEY_TOLD), replies
    # without those words the question is one of the templates the run reaches
    plain = talk(["My mom has cancer.", "I'm at work now.", *follow_ups])
    assert any(t in r for r in plain for t in ASKS_WHO_THEY_TOLD), plain


@pytest.mark.parametrize("alone", ["I don't really have anyone to talk to about it.",
                                   "I haven't told anyone.", "I have no one."])  # fmt: skip
def test_a_user_who_says_they_have_no_one_is_heard_first(alone: str) -> None:
    from agent.responder_phrases import ALONE_ACKNOWLEDGEMENTS

    for strategy in (Strategy.QUESTION, Strategy.AFFIRMATION, Strategy.REFLECTION):
        reply = talk(["My dog died on Tuesday.", alone], strategy)[1]
        assert reply.startswith(ALONE_ACKNOWLEDGEMENTS), (strategy, reply)
    # not when the words say nothing of being alone, nor twice in the same words
    assert not talk(["My dog died on Tuesday.", "I have a friend who knows."])[1].startswith(
        ALONE_ACKNOWLEDGEMENTS)
    replies = talk(["My dog died on Tuesday.", alone, "I have no one.", "Nobody knows."])
    heard = [a for r in replies for a in ALONE_ACKNOWLEDGEMENTS if r.startswith(a)]
    assert len(heard) == len(set(heard)) == 2, replies


def test_once_every_fitting_template_is_said_the_agent_stays_present_not_repetitive() -> None:
    from agent.responder_phrases import LIGHT_ONLY, STILL_LISTENING

    # self-disclosure has three templates that fit a hurt turn with no topic (their slots are
    # the feeling words, always filled): then come the lines of presence, and no reply comes
    # back within the turns the prompt keeps (six of the agent's)
    fitting = [t for t in TEMPLATES[Strategy.SELF_DISCLOSURE]
               if set(re.findall(r"{(\w+)}", t)) <= {"feeling", "feeling2"}
               and t not in LIGHT_ONLY]
    turns = ["I feel awful.", "It's just hard.", "Yeah.", "I know.", "Mm.", "Still bad.",
             "I guess.", "Hm."]
    replies = talk(turns, Strategy.SELF_DISCLOSURE)
    assert replies[len(fitting)] in STILL_LISTENING, replies
    assert all(r not in STILL_LISTENING for r in replies[:len(fitting)]), replies
    for k in range(len(replies) - 5):
        assert len(set(replies[k:k + 6])) == 6, replies[k:k + 6]


@pytest.mark.parametrize("text", ["Every time I close my eyes I see myself failing.",
                                  "It broke my heart.", "My hands shake before every exam.",
                                  # a way of weighing things (ESConv valid: "you are facing
                                  # your best option head on")
                                  "That's great advice and likely would be my best option.",
                                  "Dropping the class is my only choice.",
                                  # a pronoun (ESConv valid, "these" a slip for "thesis":
                                  # "hearing about your these")
                                  "however, my these i was supposed to write 35 or so",
                                  # ESConv train, "our" a slip for "out": "You
                                  # sound down about your you"
                                  "if your boss finds our you're looking for another job",
                                  # a way of thinking ("You sound down about
                                  # your stubborn", ESConv train)
                                  "But that's just my stubborn thinking.",
                                  "It's not my style to compromise.",
                                  "My luck we won't be able to leave the house.",
                                  "yes, you are getting my point",
                                  # ESConv train: "your butt", "your message",
                                  # "your alone"
                                  "I don't know if freezing my butt off would be better",
                                  "Not so well as per my message previously.",
                                  "Yeah I do enjoy my alone time, just not around the holidays",
                                  "There are some people on my floor that walked "
                                  "freely in and out.",
                                  # ESConv valid: "Telling me about your brain took courage"
                                  "Mostly, I've been playing to shut my brain off",
                                  # a verb with its object: "your ex cut"
                                  "My ex cut me off after the birth."])
def test_a_body_part_is_not_the_topic(text: str) -> None:
    from agent.responder_slots import slots

    assert "topic" not in slots(text, "fear", []), slots(text, "fear", [])
    assert slots("My hands are what I paint with.", "joy", []).get("topic") is None
    assert slots("My exam is next week.", "fear", [])["topic"] == "your exam"  # not every noun


def test_a_feeling_word_is_the_users_own_and_not_denied() -> None:
    from agent.responder_slots import slots

    # ESConv train: "It makes sense that you feel hurt" to a user "fearful and sad" whose mother
    # hurt her knee; "I can't say I've felt confused" after "I am not confused."
    knee = ("I'm a little fearful and sad today because I found out my mother hurt her knee "
            "and won't be able to work for a while.")
    assert slots(knee, "sadness", [])["feeling"] == "sad"
    assert slots("He hurt my feelings.", "sadness", [])["feeling"] == "hurt"
    later = slots("How do you deal with death?", "sadness",
                  ["I am not confused. I just need suggestions on overcoming a death."])
    assert later["feeling"] != "confused", later
    # a comparison is no cause (ESConv train: "since as if you commited a mistake")
    assert "cause" not in slots("Also she behaved that as if I commited a mistake", "anger", [])


def test_a_compound_topic_is_kept_whole() -> None:
    from agent.responder_slots import slots

    assert slots("I keep replaying our last phone call.", "sadness", [])["topic"] == (
        "your last phone call")
    assert slots("My job interview is tomorrow.", "fear", [])["topic"] == "your job interview"
    assert slots("I love my job.", "joy", [])["topic"] == "your job"
    # ESConv valid: "so this is about your next college"
    assert slots("I am going into my next college semester next month.", "fear", [])[
        "topic"] == "your next college semester"


@pytest.mark.parametrize("text", ["Kids at school keep calling me names.",
                                  "My boss yelled at me in front of everyone.",
                                  "They make fun of me every day."])
def test_a_hurt_told_in_this_turn_is_not_asked_for(text: str) -> None:
    # the first reply answers the very turn that told the hurt
    replies = talk([text, "Yeah.", "It is a lot."])
    assert not any(asks_for_story(r) for r in replies), replies



@pytest.mark.parametrize(("text", "topic", "clause"), [
    ("So, I don't think that's a good idea.", None, "you don't think that's a good idea"),
    ("Well I guess my job is fine.", "your job", "your job is fine"),
    ("I am trying to finish my senior year.", "your senior year",
     "you are trying to finish your senior year"),
    ("Yes it is my main concern.", "your main concern", "it is your main concern"),
    ("My biggest worry is the money.", "your biggest worry", "your biggest worry is the money"),
])
def test_a_restated_clause_drops_its_opening_marker_and_keeps_its_compound(
        text: str, topic: str | None, clause: str) -> None:
    from agent.responder_slots import slots

    found = slots(text, "sadness", [])
    assert found.get("topic") == topic and found["clause"] == clause


def test_a_call_for_attention_at_the_end_is_not_read_back() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "Feeling down when your husband has been cheating on you hello is ..."
    found = slots("I just found out that my husband has been cheating on me hello", "sadness", [])
    assert found["cause"] == "your husband has been cheating on you", found
    assert slots("I miss her. Hello?", "sadness", [])["clause"] == "you miss her"


def test_what_happened_is_restated_not_how_they_are() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "so you're not doing very well unfortunately, and that has been sitting ..."
    told = "I'm not doing very well unfortunately. I failed my college finals."
    assert slots(told, "sadness", [])["clause"] == "you failed your college finals"
    stressed = "I have been better. I am really stressed and at a breaking point."
    assert slots(stressed, "sadness", [])["clause"] == (
        "you are really stressed and at a breaking point")
    # nor why they came: ESConv valid's "So you are looking for emotional support."
    came = "Yes, I am looking for emotional support. I need to find a higher paying job."
    assert slots(came, "sadness", [])["clause"] == "you need to find a higher paying job"
    talk = "I just need someone to talk to. My wife left me last week."
    assert slots(talk, "sadness", [])["clause"] == "your wife left you last week"
    assert slots("I want to talk to my boss about it.", "fear", [])["clause"] == (
        "you want to talk to your boss about it")  # a step, not the talk sought
    # nor where it was said before (ESConv valid: "If I follow you, yeaa in your description
    # you stated that your boyfriend stepped out on you.")
    before = "Yeaa in my description i stated that my boyfriend stepped out on me"
    assert slots(before, "sadness", [])["clause"] == "your boyfriend stepped out on you"
    assert "topic" not in slots(before, "sadness", [])  # not "your description"
    assert slots("As I said before, my mom is sick", "sadness", [])["clause"] == "your mom is sick"
    assert slots("I said no to him.", "anger", [])["clause"] == "you said no to him"
    # an answer opening on "that" (ESConv train: "If I follow you, that you may not find a job")
    told = slots("That I may not find a job soon which is making me depressed", "sadness", [])
    assert told["clause"] == "you may not find a job soon which is making you depressed"


def test_because_of_someone_is_no_cause_clause() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "It makes sense that you feel down, since of your father."
    assert "cause" not in slots("I am not in the mind because of my father.", "sadness", [])
    # a cause stays in its sentence ("since day. She thought you were making excuses.")
    assert "cause" not in slots("I was busy that day. She thought I was making excuses.",
                                "sadness", [])
    assert "cause" not in slots("She is petty about it. It was easier in school.", "sadness", [])
    # a cause is a clause: "Feeling scared when your kids is a very human response."
    assert "cause" not in slots("I'm scared to leave him, thinking about my kids.", "fear", [])
    assert slots("I'm upset since I moved here.", "sadness", [])["cause"] == "you moved here"
    assert slots("I feel bad because my father died.", "sadness", [])["cause"] == (
        "your father died")


def test_a_run_on_or_after_all_is_no_cause() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "Feeling down when all he ghosted you damn you're already crying ..."
    assert "cause" not in slots("I doubt he would respond after all he ghosted me damn im "
                                "already crying", "sadness", [])
    # "... since him after you worked your tail off for 3 yearts for it you're not really sure"
    assert "cause" not in slots(
        "I should of left when he made my white coat ceromony after him after I worked my tail "
        "off for 3 yearts for it im not really sure i wish i can forget he exsisted",
        "sadness", [])
    assert slots("I'm sad after I lost my job.", "sadness", [])["cause"] == "you lost your job"


def test_since_then_names_a_time_and_what_came_before_it_is_the_cause() -> None:
    from agent.responder_slots import slots

    # "It makes sense that you feel empty, since your dog died last month and."
    found = slots("My dog died last month and since then I have been feeling empty.", "sadness",
                  [])
    assert found["cause"] == "your dog died last month"
    found = slots("Hi. My mom passed away in May and ever since then I cannot sleep.", "sadness",
                  [])
    assert found["cause"] == "your mom passed away in May"
    # "since then" alone, or a time, is no cause ("since then you have been ignored")
    assert "cause" not in slots("Since then I have been ignored by everyone.", "sadness", [])
    assert "cause" not in slots("Since last week I have been sad.", "sadness", [])
    assert "cause" not in slots("I have been anxious since then.", "fear", [])
    assert slots("I have been anxious since then.", "fear", [])["clause"] == (
        "you have been anxious since then")


@pytest.mark.parametrize(("text", "cause", "clause"), [
    ("I am sad because my job is stressful and", "your job is stressful",
     "you are sad because your job is stressful"),
    ("I feel sad that my friend moved away and", "your friend moved away",
     "you feel sad that your friend moved away"),
    ("I went home and then", None, "you went home"),
    # a word that may end a clause stays
    ("I love her more than ever and", None, "you love her more than ever"),
    ("I have been sad ever since", None, "you have been sad ever since"),
    # ESConv valid: "it makes sense that you feel down, since but you had relationship of ..."
    ("Yeah I did that but we had a relationship of three years.", None,
     "you did that but you had a relationship of three years"),
    # ESConv valid: "Feeling unsettled when is correct but your job supports all the bills is
    # a very human response."
    ("Yes that is correct but my job supports all the bills.", None,
     "that is correct but your job supports all the bills"),
    # ESConv valid: "Feeling unsettled when everything and talking it and listing it out makes
    # you feel better for sure is a very human response."
    ("It was overwhelming thinking about everything and listing it out makes me feel better",
     None, "it was overwhelming thinking about everything and listing it out makes you feel "
     "better"),
])
def test_a_clause_read_back_ends_in_a_word_not_a_join(text: str, cause: str | None,
                                                      clause: str) -> None:
    from agent.responder_slots import slots

    found = slots(text, "sadness", [])
    assert found.get("cause") == cause and found["clause"] == clause, found


# ESConv valid turns whose topic was cut to an adjective ("talk to someone you trust about your
# distant", "Telling me about your disabled took courage"); the noun after it is kept
@pytest.mark.parametrize(("text", "slot", "value"), [
    ("I have to switch to my distant location only.", "topic", "your distant location"),
    ("Covid is so tough - I can't travel which is my main form of relaxation.", "topic",
     "your main form of relaxation"),
    ("Taking care of my disabled sister is getting to me.", "person", "your disabled sister"),
    ("My medical bills are piling up.", "topic", "your medical bills"),
    ("My animal escaped yesterday.", "topic", "your animal"),  # a verb after it is no noun
    ("I generally feel my best right after that.", "topic", None),
    ("My fear of flying is bad.", "topic", "your fear of flying"),
    ("My part of the deal is done.", "topic", "your part"),  # "of the" is no compound
    ("If you were in my shoes, what would you do?", "topic", None),  # an idiom, no topic
    ("Yeah. He actually said he hates my guts", "topic", None),  # "trouble with your guts"
    ("My blood work will be done this week.", "topic", "your blood work"),  # not "your blood"
    ("What would you do in my place?", "topic", None),  # "one small step with your place"
    ("In my case it was my job.", "topic", "your job"),
    # ESConv valid: "maybe one small step with your perspective could help"
    ("I think from my perspective that's exactly the problem, not having control.", "topic",
     None),
    # ESConv valid: "pick one small thing about your daughters", "the hardest part of your
    # professors"
    ("I could paint and decorate it. My daughters would like that.", "topic", None),
    ("I could paint and decorate it. My daughters would like that.", "person",
     "your daughters"),
    ("Some of my professors give the oddest quizzes!", "topic", None),
    ("Yeah, but the only one in my area in person is cancelled.", "topic", None),
    # said to the agent, no cause (ESConv train: "Feeling unsettled when you understand you")
    ("Nice that you understand me, I was trying job websites alongside with jobcenter.",
     "cause", None),
    ("Nice that you understand me, I was trying job websites alongside with jobcenter.",
     "clause", None),
    # where it happened is no topic (ESConv valid: "the hardest part of your house")
    ("Well she was staying at my house for a month and we were constantly fighting.", "topic",
     None),
    ("My house is a mess.", "topic", "your house"),
    # a cause ends at a dash (ESConv valid)
    ("I am just struggling since I have broke metatarsals on both feet in a year - it's been a "
     "hard recovery", "cause", "you have broke metatarsals on both feet in a year"),
    # ESConv valid: "Maybe one small step with your cat could help"
    ("Sometimes when I am really feeling down, I remember that my cat needs me.", "topic",
     None),
    # a place is no topic, even as the subject: "the hardest part of your city", "of your state"
    # (ESConv valid: "my state is shut down")
    ("My city is in a lock down.", "topic", None),
    ("no I couldn't do anything cuase my state is shut down.", "topic", None),
    ("are you believing our government too bad..", "topic", None),  # ESConv valid
    # ESConv valid: "So this is about your adult"
    ("I'm just starting my adult life I want to enjoy it", "topic", None),
    # ESConv train: "many people go through trouble with your church"
    ("I have talked to charities, gotten together with my church pastor...", "topic", None),
    ("I have talked to charities, gotten together with my church pastor...", "person",
     "your church pastor"),
    ("I'm going out tonight for happy hour.", "feeling", "down"),  # "happy hour" is no joy
    ("i have to think about the happy moments.", "feeling", "down"),
    ("I've thought about growing my own but can't in the dorms.", "topic", None),
    ("Just lying in bed. Never got out of my pjs today.", "topic", None),
    ("My two kids are sad as well.", "person", "your two kids"),  # not "your two"
])
def test_a_topic_keeps_the_noun_after_its_adjective(text: str, slot: str,
                                                     value: str | None) -> None:
    from agent.responder_slots import slots

    assert slots(text, "sadness", []).get(slot) == value


@pytest.mark.parametrize(("text", "clause"), [
    ("she said she fell out of love", "she said she fell out of love"),
    ("Then he told me to pack my things.", "he told you to pack your things"),
    ("They left.", None),  # two words: too short to restate
    ("The weather is nice.", None),  # no one in the story did anything
    ("Is she coming back?", None),  # asked, not told
])
def test_what_someone_in_the_story_did_is_restated_as_told(text: str, clause: str | None) -> None:
    from agent.responder_slots import slots

    assert slots(text, "sadness", []).get("clause") == clause


@pytest.mark.parametrize(("text", "clause"), [
    # an ESConv seeker's unpunctuated message: its first part, not the whole of it
    ("i dont know how i can get over ,its heart breaking since i heard about the sad news of his "
     "demise have been taking Alcohol since to wipe away the emotion but its seems its getting "
     "more complicated", "you dont know how you can get over"),
    ("I have been feeling so lonely since my wife passed away last year and my kids never call "
     "me anymore", "you have been feeling so lonely"),
    ("I keep thinking about all the things I should have said to my father before he died in "
     "the hospital that night", None),  # no break within reach: nothing restated
])
def test_a_long_clause_is_restated_by_its_first_part_or_not_at_all(text: str,
                                                                   clause: str | None) -> None:
    from agent.responder_slots import MAX_CLAUSE_WORDS, slots

    found = slots(text, "sadness", []).get("clause")
    assert found == clause
    assert found is None or len(found.split()) <= MAX_CLAUSE_WORDS


def test_a_hurting_user_is_never_told_it_is_good_to_hear() -> None:
    from agent.responder_phrases import GLAD_ONLY

    assert GLAD_ONLY <= set(TEMPLATES[Strategy.OTHERS])  # a renamed one would escape the rule
    replies = talk(["My wife left me last week.", "she said she fell out of love",
                    "Anyway.", "I don't know."], Strategy.OTHERS)
    assert not any("glad to hear" in r or "good to hear" in r for r in replies), replies


def test_someone_named_as_an_owner_is_not_who_the_turn_is_about() -> None:
    from agent.responder_slots import slots

    found = slots("He called me by my uncle's name.", "sadness", [],
                  ["My dad didn't recognize me today."])
    assert found.get("person") == "your dad" and "topic" not in found
    assert slots("My uncle said I was useless.", "sadness", [])["person"] == "your uncle"


def test_a_parent_with_dementia_is_not_someone_to_tell_how_you_feel() -> None:
    from agent.responder_slots import slots

    told = "My dad has dementia and he didn't recognize me today."
    found = slots(told, "sadness", [])
    assert found["event"] == "your dad's dementia" and "person" not in found
    assert "person" not in slots("He keeps asking where mom is.", "sadness", [], [told])
    assert slots("My dad has cancer.", "sadness", [])["person"] == "your dad"


def test_after_two_turns_read_as_hurt_the_story_is_not_asked_for() -> None:
    said = ["There was a fight at school today.", "I don't know what I did wrong."]
    lasts = ["He was always a quiet boy.", "The school called me at work.",
             "He won't talk about it.", "It was the second time this year.",
             "Nobody saw it coming.", "I keep replaying it."]
    assert not any(tells_trouble(t) for t in said + lasts)  # no trouble in the words alone
    history = [DialogueTurn("user", said[0]), DialogueTurn("Sage", "How is he now?"),
               DialogueTurn("user", said[1]), DialogueTurn("Sage", "That sounds hard.")]
    for last in lasts:  # each words the seed differently, so rotation cannot hide a template
        request = ResponseRequest(
            user_text=last, history=[*history, DialogueTurn("user", last)],
            strategy=Strategy.QUESTION, user_affect=SAD, persona_name="Sage",
            readings=(("anger", -0.4), ("sadness", -0.5), ("neutral", -0.1)))  # fmt: skip
        assert not asks_for_story(Responder().respond(request)), last


@pytest.mark.parametrize(("text", "worry"), [
    ("what if he doesn't make it", "he doesn't make it"),
    ("What if I fail again?", "you fail again"),
    ("I keep thinking what if I never get better", "you never get better"),
    ("But what if it's cancer?", "it's cancer"),
    ("What if we got pizza tonight?", None),  # a plan, not a fear
    ("what if he makes it", None),
    ("I wondered what if it rained.", None),
])
def test_a_fear_said_as_what_if_is_what_the_reply_names(text: str, worry: str | None) -> None:
    from agent.responder_slots import slots

    assert slots(text, "fear", []).get("worry") == worry


def test_a_restatement_of_a_what_if_fear_names_it() -> None:
    scared = AffectEstimate(VAD(-0.6, 0.5, -0.4), {"fear": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    history = [DialogueTurn("user", "My dad is in the hospital."), DialogueTurn("Sage", "Oh no."),
               DialogueTurn("user", "what if he doesn't make it")]
    reply = Responder().respond(ResponseRequest(
        user_text="what if he doesn't make it", history=history,
        strategy=Strategy.RESTATEMENT, user_affect=scared, persona_name="Sage"))  # fmt: skip
    assert "what happens if he doesn't make it" in reply


@pytest.mark.parametrize(("text", "restated"), [
    ("I could kill my brother for telling everyone.", False),
    ("This exam is killing me.", False),
    ("I want to punch the wall.", False),
    ("I failed my exam and I feel awful.", True),
    ("My dog died yesterday.", True),
])
def test_violent_words_are_never_restated(text: str, restated: bool) -> None:
    from agent.responder_slots import slots

    assert ("clause" in slots(text, "anger", [])) is restated


def _replies(text: str, strategy: Strategy, affect: AffectEstimate = SAD, n: int = 5) -> list[str]:
    """The replies to ``text`` said ``n`` times running: every template that fits, in turn."""
    return talk([text] * n, strategy, affect=affect)


def test_the_one_who_left_is_not_someone_to_tell_how_you_feel() -> None:
    from agent.responder_phrases import TALK_TO_PERSON, TEMPLATES

    every = {t for group in TEMPLATES.values() for t in group}
    assert TALK_TO_PERSON <= every
    left = _replies("My partner ran off with another woman and I can't get over it.",
                    Strategy.QUESTION)
    stayed = _replies("My partner and I keep fighting and I can't get over it.", Strategy.QUESTION)
    assert not any("your partner" in r for r in left), left
    assert any("your partner" in r for r in stayed), stayed
    assert tells_trouble("He walked out on us last year.")
    assert not tells_trouble("The dog ran off with my sock.")


def test_a_plain_fact_is_restated_plainly() -> None:
    from agent.responder_phrases import CALLS_IT_HEAVY, TEMPLATES

    assert CALLS_IT_HEAVY <= set(TEMPLATES[Strategy.RESTATEMENT])
    flat = AffectEstimate(VAD(0.05, 0.0, 0.0), {"neutral": 0.9, "sadness": 0.1}, 0.8, "text",
                          0.0)
    plain = _replies("I am a maintenance supervisor in a manufacturing facility.",
                     Strategy.RESTATEMENT, flat, 3)
    heavy = _replies("I am a single mother working two jobs and I'm exhausted.",
                     Strategy.RESTATEMENT, SAD, 3)
    assert not any("a lot to carry" in r or "sitting with you" in r for r in plain), plain
    assert any("a lot to carry" in r or "sitting with you" in r for r in heavy), heavy


@pytest.mark.parametrize(("text", "topic", "event"), [
    ("gf broke my heart", None, None),  # a hurt, not "breaking your heart"
    ("I would feel heartbroken taking my last breath", None, None),  # not "your last"
    ("I take walks to keep my mine occupied", None, None),  # a typo is not "your yours"
    ("I broke my leg skiing", None, "breaking your leg"),
    ("our last phone call was awful", "your last phone call", None),
])
def test_figures_adjectives_and_pronouns_are_not_what_happened(text: str, topic: str | None,
                                                              event: str | None) -> None:
    from agent.responder_slots import slots

    found = slots(text, "sadness", [])
    assert (found.get("topic"), found.get("event")) == (topic, event)
    assert tells_trouble("gf broke my heart") and tells_trouble("My heart is broken.")
    assert not tells_trouble("My heart is racing before the match.")


def test_thanks_with_a_request_for_more_tips_is_not_met_as_news() -> None:
    from agent.responder_phrases import POSITIVE_TEMPLATES

    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.9, "neutral": 0.1}, 0.8, "text", 0.0)
    text = "Thanks for the idea, do you have any more tips?"
    reply = Responder().respond(ResponseRequest(
        user_text=text, history=[DialogueTurn("user", text)], strategy=Strategy.SUGGESTION,
        user_affect=glad, persona_name="Sage"))  # fmt: skip
    assert not any(t in reply for t in POSITIVE_TEMPLATES[Strategy.SUGGESTION]), reply


def test_the_partner_who_ended_it_is_not_someone_to_tell_how_you_feel() -> None:
    history = [DialogueTurn("user", "My boyfriend and I were together for 3 years."),
               DialogueTurn("Sage", "That's a long time."),
               DialogueTurn("user", "He ended it suddenly last week.")]
    replies = []
    for _ in range(6):
        reply = Responder().respond(ResponseRequest(
            user_text=history[-1].text, history=list(history), strategy=Strategy.QUESTION,
            user_affect=SAD, persona_name="Sage"))  # fmt: skip
        replies.append(reply)
        history += [DialogueTurn("Sage", reply), DialogueTurn("user", history[-1].text)]
    assert not any("your boyfriend" in r for r in replies), replies
    assert tells_trouble("She broke it off after five years.")


@pytest.mark.parametrize("text", ["hello too. Am not so fine", "Am not so fine",
                                  "Hello, I could be better...."])
def test_a_low_answer_without_its_i_asks_for_the_story(text: str) -> None:
    # ESConv valid: "Mm, how are you looking after yourself through all this?" with nothing told
    reply = talk([text])[0]
    assert any(t.lower() in reply.lower() for t in ASKS_FOR_STORY), reply


def test_a_step_named_beside_a_fear_is_not_heard_as_steadying() -> None:
    from agent.step_phrases import NAMES_WORRY, SOUNDS_STEADIER

    # ESConv valid: "You sound a little steadier now that you have a next step." to this
    scared = ("Hopefully I can try to get past the nerves, some people make it look easy. "
              "Something about standing on a stage makes me feel very scared and anxious.")
    reply = talk([scared], Strategy.REFLECTION)[0]
    assert not any(t.lower() in reply.lower() for t in SOUNDS_STEADIER), reply
    assert reply.endswith("try to get past the nerves, even with the worry still there."), reply
    calm = talk(["I'll call my sister tonight."], Strategy.REFLECTION)[0]
    assert any(t.lower() in calm.lower() for t in SOUNDS_STEADIER), calm
    # nor with a hurt told beside the step (ESConv train)
    hurt = talk(["No, I will tell all the facts about it. but she cant believe me and hurt me "
                 "more"], Strategy.REFLECTION)[0]
    assert not any(t.lower() in hurt.lower() for t in SOUNDS_STEADIER), hurt
    assert not any(t.split("{")[0].lower() in calm.lower() for t in NAMES_WORRY), calm


@pytest.mark.parametrize("strategy", [Strategy.QUESTION, Strategy.REFLECTION,
                                      Strategy.AFFIRMATION, Strategy.INFORMATION])
def test_a_glad_turn_that_is_no_news_is_not_answered_as_a_hurt(strategy: Strategy) -> None:
    from agent.responder_phrases import LIGHT_ONLY, PRESUMES_PAIN
    from agent.responder_words import FEELING_WORDS

    # ESConv valid: "That sounds painful, and feeling uncertain about it makes sense." and "I
    # can hear how unsettled this leaves you." met these, read as joy
    warm = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    hurt_words = {w for k, ws in FEELING_WORDS.items() if k not in ("joy", "happy", "relaxed",
                                                                    "exuberant") for w in ws}
    for light in ("That's fun. I try to get out once a month for a nice hike.",
                  "I hope so too but in future I'll fake it until I believe it!"):
        history = [DialogueTurn("user", "I am worried that COVID-19 has made me depressed."),
                   DialogueTurn("Sage", "What usually helps you when things get like this?"),
                   DialogueTurn("user", light)]
        reply = Responder().respond(ResponseRequest(light, history, strategy, warm, None, "Sage",
                                                    "plain"))
        assert not any(all(part.lower() in reply.lower() for part in re.split(r"{\w+}", t)
                           if part.strip()) for t in PRESUMES_PAIN), reply
        assert not any(re.search(rf"\b{w}\b", reply) for w in hurt_words), reply
    # the light lines are for such a turn only
    sad = talk(["I am worried that COVID-19 has made me depressed.", "I feel so low."] * 3,
               Strategy.REFLECTION)
    assert not any(t in r for t in LIGHT_ONLY for r in sad), sad


def test_a_suggestion_built_on_the_topic_fits_a_thing_as_well_as_a_person() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "maybe one small step with your resume could help, like writing down what
    # you want to say"
    # a colour or "overall" is no noun: "your white", "your overall" were topics
    assert slots("he made my white coat ceromony about him", "sadness", [])["topic"] == (
        "your white coat")
    assert slots("it left a dent in my overall feelings", "sadness", []).get("topic") != (
        "your overall")
    # a faculty or a state of mind is no topic: "the hardest part of your temper", "what goes
    # through your mind when you think about your attention"
    for told in ("I lose my temper with my kids", "I can't keep my attention on anything lately",
                 "My mood has been low for weeks", "I can't control my feelings lately"):
        assert slots(told, "sadness", []).get("topic") is None, told
    assert "topic" not in slots("my dr told me to rest while my lungs recover", "fear", [])
    # ESConv valid: "telling me about your long took courage"
    assert slots("my long time partner cheated on me", "sadness", []).get("topic") != "your long"
    # ESConv valid: "Telling me about your tight took courage"; an adjective the list did not
    # have keeps its noun, and a compound its head
    assert slots("now my tight work schedule and close friends are inhibiting factors",
                 "sadness", [])["topic"] == "your tight work schedule"
    assert slots("my daily routine is gone", "sadness", [])["topic"] == "your daily routine"
    assert slots("Am worried about my alcohol consumption rate", "fear", [])["topic"] == (
        "your alcohol consumption")


@pytest.mark.parametrize(("text", "named"), [
    ("I do. this has been very helpful. It's not all hopeless.", None),  # ESConv valid
    ("I don't feel lonely anymore", None), ("I'm not scared, just sad.", "sad"),
    ("I feel hopeless.", "hopeless"), ("I can't stop feeling anxious", "anxious"),
])
def test_a_feeling_denied_is_not_read_back(text: str, named: str | None) -> None:
    from agent.responder_slots import slots
    from agent.responder_words import FEELING_WORDS

    # "Feeling hopeless after a setback is common" answered "It's not all hopeless."
    feeling = slots(text, "neutral", [])["feeling"]
    assert feeling == (named or FEELING_WORDS["neutral"][0]), feeling
    assert slots("Yes I have someone check my resume and update it .", "neutral",
                 [])["topic"] == "your resume"
    on_topic = [t for t in TEMPLATES[Strategy.SUGGESTION] if "{topic}" in t]
    assert on_topic and not [t for t in on_topic if re.search(r"\b(?:say|tell|told)\b", t)]


def test_a_baby_is_not_someone_to_talk_things_over_with() -> None:
    from agent.responder_phrases import TALK_TO_PERSON

    # ESConv valid: "Could you talk to your child about it, maybe tonight when things are calm?"
    # to the mother of a one-month-old
    story = ["I just found out that my husband has been cheating on me",
             "i have a one month old child and i dont know what to do anymore."]
    for k in range(4):  # several seeds: each reply is picked by one
        last = "i dont want anyone else to take care of my child, i feel so stuck" + "." * k
        reply = talk([*story, last], Strategy.SUGGESTION, asked_first=2)[0]
        assert not any(t.split("{")[0] in reply for t in TALK_TO_PERSON
                       if t.split("{")[0].strip()), reply
        assert "your child about" not in reply, reply
    # ESConv train, a single mother: "Could you talk to your daughter about it, maybe tonight"
    story = ["I have lost all my friends because I cant go out anymore because I have a baby."]
    for k in range(4):
        last = "Im saving some money to give my daughter a better life" + "." * k
        reply = talk([*story, last], Strategy.SUGGESTION, asked_first=1)[0]
        assert "your daughter about" not in reply, reply


def test_warm_words_about_advice_are_no_news_to_stay_glad_about() -> None:
    from agent.responder_phrases import GLAD_ONLY, POSITIVE_TEMPLATES
    from agent.types import AgentEmotion

    # ESConv valid: "Yes that's good advice ..." then "Ok sure please do" got "I'm really glad
    # to hear that."
    plain = AffectEstimate(VAD(0.05, 0.1, 0.0), {"neutral": 0.9}, 0.8, "text", 0.0)
    glad_agent = AgentEmotion(VAD(0.5, 0.3, 0.2), "happy_for", 0.6, VAD(0.3, 0.1, 0.1),
                              "exuberant", {"happy_for": 0.6})
    history = [DialogueTurn("user", "My friend is a pain on Facebook and it's very frustrating."),
               DialogueTurn("Sage", "Could you talk to him in person?"),
               DialogueTurn("user", "Yes that's good advice, I think we need to be tactful."),
               DialogueTurn("Sage", "I'm glad that one speaks to you."),
               DialogueTurn("user", "Ok sure please do")]
    reply = Responder().respond(ResponseRequest(
        "Ok sure please do", history, Strategy.OTHERS, plain, glad_agent, "Sage", "plain",
        readings=(("joy", 0.6), ("neutral", 0.05))))  # fmt: skip
    glad_lines = GLAD_ONLY | set(POSITIVE_TEMPLATES[Strategy.OTHERS])
    assert reply not in glad_lines, reply


def test_a_trouble_told_before_the_prompt_s_window_still_counts() -> None:
    from agent.responder_phrases import GLAD_ONLY

    # ESConv valid: "that's good to hear; take care of yourself." to "I really hope so that i
    # will be happy with my life..", ten turns after "Iam very depressed about that.."
    plain = AffectEstimate(VAD(0.1, 0.0, 0.0), {"neutral": 0.9}, 0.7, "text", 0.0)
    history = [DialogueTurn("user", "My husband's family won't let me study. Iam very "
                                    "depressed about that..")]
    for k in range(8):  # more turns than the prompt keeps
        history += [DialogueTurn("Sage", f"Go on ({k})."), DialogueTurn("user", "yes")]
    text = "I really hope so that i will be happy with my life.."
    history.append(DialogueTurn("user", text))
    for extra in ("", " ", "  "):  # a few seeds
        reply = Responder().respond(ResponseRequest(text + extra, history, Strategy.OTHERS,
                                                    plain, None, "Sage", "plain"))
        assert reply not in GLAD_ONLY, reply


def test_a_person_lost_is_not_asked_about_as_if_alive() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "Well I recently lost my grandfather ..." got "How are things between you
    # and your grandfather right now?"
    told = "Well I recently lost my grandfather and since then it all feels pointless."
    assert slots(told, "sadness", []).get("person") != "your grandfather"
    assert slots("I keep thinking about my mom.", "sadness", [],
                 ["I lost my mom last year."]).get("person") != "your mom"
    # a job lost is no person gone, and the wife beside it is still there to ask about
    assert slots("I lost my job and my wife is upset.", "sadness", [])["person"] == "your wife"


def test_a_template_said_with_another_topic_is_not_said_again() -> None:
    # ESConv valid: "Feeling afraid does not make you any less capable; you are facing your
    # classes head on.", then the same with "your quizzes" one turn later (the template opens
    # with one word, and only its opening was compared)
    afraid = AffectEstimate(VAD(-0.5, 0.4, -0.3), {"fear": 0.8, "neutral": 0.2}, 0.8, "text",
                            0.0)
    history = [
        DialogueTurn("user", "I study and I have gone to all my classes but I feel like I don't "
                             "know the information well enough."),
        DialogueTurn("Sage", "I hear you. Feeling afraid does not make you any less capable; "
                             "you are facing your classes head on."),
        DialogueTurn("user", "Yes. I didn't do well on my quizzes."),
    ]
    for _ in range(3):  # whatever the template order, the one said is not said again
        said = Responder().respond(ResponseRequest(
            user_text=history[-1].text, history=history, strategy=Strategy.AFFIRMATION,
            user_affect=afraid, persona_name="Sage"))  # fmt: skip
        assert "any less capable" not in said, said
        history = [*history[:-1], DialogueTurn("user", history[-1].text + " Sigh.")]


def test_only_a_trouble_is_called_something_faced() -> None:
    # ESConv valid: "My city is in a lock down" got "you are facing your city head on"
    afraid = AffectEstimate(VAD(-0.5, 0.4, -0.3), {"fear": 0.8, "neutral": 0.2}, 0.8, "text",
                            0.0)

    def affirmations(text: str) -> set[str]:
        out = set()
        for n in range(6):  # the template rotates with the history's length
            history = [DialogueTurn("user", "Hi")] * n + [DialogueTurn("user", text)]
            out.add(Responder().respond(ResponseRequest(
                user_text=text, history=history, strategy=Strategy.AFFIRMATION,
                user_affect=afraid, persona_name="Sage")))  # fmt: skip
        return out

    assert not any("head on" in r for r in affirmations("My city is in a lock down.")), \
        affirmations("My city is in a lock down.")
    assert any("facing your exams head on" in r
               for r in affirmations("My exams are next week and I'm scared."))


def test_no_gladness_is_read_just_after_a_crisis_was_answered() -> None:
    from agent.safety import SafetyCheck

    # ESConv valid: "You sound really glad, and you have every reason to be." had answered
    # "Thank you. I feel as if I lost who I am after that happened." (read as joy) after a
    # disclosure of rape was answered by the safety stage
    crisis = "I was raped when I was a teenager and it still haunts me."
    found = SafetyCheck().check(crisis)
    assert found is not None
    glad = AffectEstimate(VAD(0.6, 0.3, 0.2), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    text = "Thank you. I feel so much better now."
    history = [DialogueTurn("user", crisis), DialogueTurn("Sage", found.response),
               DialogueTurn("user", text)]
    for strategy in (Strategy.REFLECTION, Strategy.AFFIRMATION, Strategy.OTHERS):
        after = Responder().respond(ResponseRequest(
            user_text=text, history=history, strategy=strategy, user_affect=glad,
            persona_name="Sage"))  # fmt: skip
        for word in ("wonderful", "lovely", "really glad", "good news", "so glad"):
            assert word not in after.lower(), after


def test_a_sentence_of_a_recent_reply_is_not_said_again_in_new_words() -> None:
    # ESConv valid: "That sounds like a good step. Could you pick a time to visit them early
    # next year some time?", then two turns later "Then it sounds worth doing. Could you pick a
    # time to visit them early next year some time?"
    asked = "Could you pick a time to visit them early next year some time?"
    history = [
        DialogueTurn("user", "Hopefully I can visit them early next year some time!"),
        DialogueTurn("Sage", f"That sounds like a good step. {asked}"),
        DialogueTurn("user", "Most of my family is in Iowa."),
        DialogueTurn("Sage", "Noticing what helps, as you just did, makes it easier to find "
                             "again next time."),
        DialogueTurn("user", "I have 2 children so I will likely be staying where I am."),
    ]
    # the wording is chosen by a hash of the message: several messages cover several choices
    for n in range(2, 10):
        text = f"I have {n} children so I will likely be staying where I am."
        turns = [*history[:-1], DialogueTurn("user", text)]
        said = Responder().respond(ResponseRequest(
            user_text=text, history=turns, strategy=Strategy.SUGGESTION, user_affect=SAD,
            persona_name="Sage"))  # fmt: skip
        assert asked not in said, said


def test_a_clause_that_hangs_on_another_is_not_restated() -> None:
    from agent.responder_slots import slots

    # ESConv valid: "So while you are lucky to not work in sales, and it feels good."
    text = ("And I am glad to see you can relate. While I am lucky to not work in sales since I "
            "know those jobs are extremely tough but the lack of reward is all the same.")
    assert "clause" not in slots(text, "joy", []), slots(text, "joy", [])
    assert slots("I lost my job last week, and I feel lost.", "sadness",
                 [])["clause"] == "you lost your job last week"
    # with its main clause it is restated
    assert slots("After my dad died I felt so alone.", "sadness",
                 [])["clause"] == "after your dad died you felt so alone"


def test_a_partner_the_user_left_is_the_breakup_not_things_between_you() -> None:
    # ESConv valid: "I just broke up with my girlfriend" got "How are things between you and
    # your girlfriend right now?"
    from agent.responder_slots import slots

    found = slots("I am doing ok. I just broke up with my girlfriend and sad about it",
                  "sadness", [])
    assert found.get("event") == "the breakup" and found.get("person") != "your girlfriend"
    replies = talk(["I am doing ok. I just broke up with my girlfriend and sad about it"])
    assert "between you and your girlfriend" not in replies[0], replies
    # a partner still there is still someone in the story
    assert slots("My girlfriend and I keep fighting.", "sadness", [])["person"] == "your girlfriend"


def test_a_child_just_born_is_not_asked_what_they_would_say() -> None:
    # ESConv valid: "What do you think your child would say if you told them how you feel?" to
    # a father cut off since the birth seven months before
    text = ("The most of which being with my ex-gf and her pregnancy. She immediately cut me off "
            "once she gave birth, so I haven't met or seen my child. It's been 7 months.")
    for strategy in (Strategy.QUESTION, Strategy.SUGGESTION):
        said = talk([text], strategy)[0]
        assert not any(w in said for w in ("your child would say", "you and your child",
                                           "talk to your child")), said


def test_thanks_beside_a_step_under_way_is_not_called_news() -> None:
    from agent.responder_phrases import NAMES_NEWS

    text = ("Thank you. I appreciate that. I've been in contact with the Self-Help center at the "
            "courthouse to help me with the process of getting a DNA test.")
    glad = AffectEstimate(VAD(0.5, 0.2, 0.1), {"joy": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)
    said = talk([text], Strategy.RESTATEMENT, affect=glad)[0]
    assert said not in NAMES_NEWS and "gone your way" not in said, said


def test_care_is_not_presumed_for_one_who_hurt_them() -> None:
    # ESConv valid: "You clearly care about your long time partner, and that says a lot about
    # you." to "I definitely will not be going back to them They've hurt me too much"
    seq = ["Honestly I'm not doing too great hbu",
           "Yeah my long time partner cheated on me recently and I just found out I havent been "
           "able to see them in awhile because of lock down and now they tell me this :(",
           "thanks its just been such a hard couple of months because of the virus And now with "
           "this I just dont know what to do",
           "Yeah its an awful feeling and I just feel really sad",
           "Yeah I definitely will not be going back to them They've hurt me too much and I wont "
           "be able to trust them again"]
    for k in range(3):  # the talk from three starting points, so three seeds
        said = talk(seq[k:], Strategy.AFFIRMATION, asked_first=len(seq) - k - 1)[-1]
        assert "care about" not in said, said


@pytest.mark.parametrize("text", [
    # a supposition (ESConv valid: "Feeling heartbroken when let's say you did die ...")
    "Because let's say I did die (heaven forbid) sometime soon.....I would feel heartbroken "
    "taking my last breath knowing that I didn't tell the world what I lived",
    # the tail of a noun's clause (ESConv valid: "when you are doing is not good enough")
    "He continuly says the work that I am doing is not good enough.",
    # an infinitive with nothing after it (ESConv train: "when you used to or your parents")
    "Definitely. I can't see people that I used to or my parents. It really sucks.",
])
def test_a_cause_that_reads_wrong_is_not_said_back(text: str) -> None:
    from agent.responder_slots import slots

    assert "cause" not in slots(text, "sadness", []), slots(text, "sadness", [])
    assert slots("I feel sad because I lost my job", "sadness", [])["cause"] == "you lost your job"


def test_a_slip_for_lost_is_a_loss() -> None:
    # ESConv valid: "i loose my mom 3 years ago" was answered "you clearly care about your mom"
    from agent.responder_slots import reflect, slots

    found = slots("i loose my mom 3 years ago on accident now my father also gone.", "sadness", [])
    assert found["event"] == "losing your mom" and found.get("person") != "your mom"
    # "X and I" is said back "you and X" only where the pair opens a clause
    said = slots("i loose my job and i miss my father.", "sadness", [])["clause"]
    assert said.startswith("you loose your job and you miss"), said
    assert reflect("Yes, she and I are close") == "Yes, you and she are close"
    # ESConv train: "I just lose my cousin for COVID-19" was asked what the cousin would say
    found = slots("I just lose my cousin for COVID-19", "sadness", [])
    assert found["event"] == "losing your cousin" and found.get("person") != "your cousin"
    # ESConv train: "what has been the hardest part of your position so far?"
    assert slots("Just found out my position will be eliminated in January. Freaking out!",
                 "fear", [])["event"] == "your position being cut"
    # ESConv train: "so this is about losing your friend has"
    found = slots("My friend has passed away and I'm having a hard time.", "sadness", [])
    assert found["event"] == "losing your friend", found
    # ESConv train: "What do you think your partner would say" to one who ended it
    from agent.responder_slots import gone_in
    assert gone_in("I had broke up the relationship with my partner.") == {"your partner"}
    # a loss feared is none
    assert "event" not in slots("I don't want to lose my job", "fear", [])


def test_a_suggestion_taken_up_then_doubted_is_not_called_welcome() -> None:
    # ESConv valid: "That sounds very simple and useful. I'm not sure its practical for me ..."
    # had been told "I'm glad that one speaks to you."
    from agent.responder_phrases import TAKEN_UP_OPENERS

    story = "It has been difficult to find the energy to do almost anything lately. Any tips?"

    def answer(reply: str, strategy: Strategy) -> str:
        history = [DialogueTurn("user", story)]
        offer = Responder().respond(ResponseRequest(story, list(history), Strategy.SUGGESTION,
                                                    SAD, None, "Sage", "warm"))
        history += [DialogueTurn("Sage", offer), DialogueTurn("user", reply)]
        return Responder().respond(ResponseRequest(reply, history, strategy, SAD, None, "Sage",
                                                   "warm"))

    for strategy in (Strategy.AFFIRMATION, Strategy.REFLECTION):
        doubted = answer("That sounds very simple and useful. I'm not sure its practical for me "
                         "since I live on my own.", strategy)
        assert not doubted.startswith(TAKEN_UP_OPENERS), doubted
        taken = answer("That sounds very simple and useful.", strategy)
        assert taken.startswith(TAKEN_UP_OPENERS), taken


def test_a_loss_under_way_is_the_event() -> None:
    # ESConv valid: "I found out I'm losing my job in January" got "What has been the hardest
    # part of your job so far?"
    from agent.responder_slots import slots

    text = "Hello - I found out I'm losing my job in January. I'm so very worried"
    assert slots(text, "fear", [])["event"] == "losing your job"
    assert "event" not in slots("I'm losing my patience with this game", "anger", [])


def test_a_thing_lost_ends_before_a_new_sentence_run_on() -> None:
    # ESConv valid: "What has been the hardest part of losing your job how are so far?"
    from agent.responder_slots import slots

    found = slots("very bad , I felt very depressed because I lost my job How are doing?",
                  "sadness", [])
    assert found["event"] == "losing your job", found
    assert slots("I lost my long time partner.", "sadness", [])["event"] == \
        "losing your long time partner"


def test_no_talk_at_home_with_people_said_to_give_no_support() -> None:
    # ESConv valid: "even my parents are not very supportive of me" was followed by "Could you
    # talk to your parents about it, maybe tonight when things are calm?"
    seq = ["Hi.", "Iam facing little depression because of discontinuing my academics.",
           "Oh I cannot go to counsellor because of they are too expensive.. I want to talk about "
           "it to some one but even my parents are not very supportive of me.."]
    for k in range(3):
        for strategy in (Strategy.SUGGESTION, Strategy.QUESTION):
            said = talk(seq[k:], strategy, asked_first=len(seq) - k - 1)[-1]
            assert "your parents" not in said, said


@pytest.mark.parametrize(("text", "who"), [
    # ESConv train: "What do you think your family would say if you told them how you feel?"
    ("hi i am in need of money, help financially, all my family don't even think of me",
     "your family"),
    # ESConv train: "you clearly care about your friends", "... about your parents"
    ("i have heard my friends talk behind my back they are really nice in front of me",
     "your friends"),
    ("thanks, I wouldn't be so hard on myself if I had more support from my parents also",
     "your parents"),
])
def test_people_said_not_to_stand_by_the_user_are_not_presumed_confidants(text: str,
                                                                          who: str) -> None:
    for strategy in (Strategy.QUESTION, Strategy.SUGGESTION, Strategy.AFFIRMATION):
        for k in range(3):
            said = talk(["I feel down."] * k + [text], strategy, asked_first=k)[-1]
            assert who not in said, said


def test_a_partner_left_after_breaking_up_is_not_asked_about_as_still_there() -> None:
    from agent.responder_slots import slots

    text = "I am worried after breaking up with my boyfriend that I will never find love again."
    found = slots(text, "fear", [])  # ESConv valid: "How are things between you and your boyfriend"
    assert found.get("event") == "the breakup" and found.get("person") != "your boyfriend"


def test_a_spouse_separated_from_is_the_separation() -> None:
    from agent.responder_slots import slots

    # ESConv train: "what do you think your spouse would say if you told them how you feel?"
    found = slots("My spouse and me are separated. And i have a child who stays with me.",
                  "sadness", [])
    assert found["event"] == "the separation" and found.get("person") != "your spouse"


def test_a_list_with_no_one_in_it_is_not_restated() -> None:
    from agent.responder_slots import slots

    # ESConv train: "what I'm hearing is that different factors, just self isolation ..."
    text = ("yeah I guess different factors, just self isolation for months due to the "
            "pandemic, and nearing the end of my studies.")
    assert "clause" not in slots(text, "fear", [])
    # "that" after a preposition opens no cause (ESConv train: "since skill, but you never got
    # to do that")
    text = ("I wanted to set aside hobbies and things to develop, like writing during the "
            "pandemic, and improve on that skill, but I never got to do that.")
    assert "cause" not in slots(text, "sadness", [])
    assert slots("I feel sad that my dog died", "sadness", [])["cause"] == "your dog died"


def test_a_partner_breaking_up_now_is_the_breakup() -> None:
    from agent.responder_slots import slots

    # ESConv train: "What has been the hardest part of your girl so far?"
    found = slots("I cannot believe my Girl is breaking up with me.... I am very anxious",
                  "fear", [])
    assert found["event"] == "the breakup" and "topic" not in found


@pytest.mark.parametrize(("text", "clause"), [
    # ESConv train: had been restated "you have your husband"
    ("I have my husband, but with COVID he's the only person I've really had interactions with.",
     "with COVID he's the only person you've really had interactions with"),
    ("My girlfriend dumped me months ago, but I can't get over her.", "you can't get over her"),
    ("I tried to talk to her, but she wouldn't listen.", "she wouldn't listen"),
    # after "but", no subject of its own or only a when: the part before is restated
    ("He is a wonderful person when he isn't drinking, but is argumentative when they drink.",
     "he is a wonderful person when he isn't drinking"),
    ("My parents are old, but right now because of the snow.", "your parents are old"),
    # nor what is said to the agent
    ("I know people can still do Zoom, but I imagine you can relate to me.",
     "you know people can still do Zoom"),
])
def test_what_comes_after_but_is_restated_as_the_point(text: str, clause: str) -> None:
    from agent.responder_slots import slots

    assert slots(text, "sadness", []).get("clause") == clause


@pytest.mark.parametrize(("text", "event"), [
    ("One of my cats died earlier this year.", "losing one of your cats"),  # ESConv train
    ("I lost one of my friends to cancer.", "losing one of your friends"),
    ("My dog died.", "losing your dog"),
])
def test_one_of_several_lost_is_said_back_as_one(text: str, event: str) -> None:
    from agent.responder_slots import slots

    assert slots(text, "sadness", []).get("event") == event


def test_a_hold_on_things_lost_is_no_loss_told() -> None:
    from agent.responder_slots import slots

    # ESConv train: "How are you coping with losing your grasp day to day?" to a glad message
    text = ("I appreciate you pushing me towards looking forward, it's something I definitely "
            "lost my grasp on for a little while.")
    assert "event" not in slots(text, "joy", [])
    assert "event" not in slots("I lost my temper with the kids.", "sadness", [])


def test_a_hope_restated_is_not_called_heavy() -> None:
    from agent.responder_phrases import CALLS_IT_HEAVY

    # ESConv train: "It sounds like you think therapy could work; that is a lot to carry."
    heavy = [t.split("{clause}")[1] for t in CALLS_IT_HEAVY]
    for k in range(4):  # several turns, so that each template's turn comes
        replies = talk(["I have been depressed for months.", *["Okay."] * k,
                        "I think therapy could work for me."], Strategy.RESTATEMENT,
                       asked_first=1 + k)
        assert "therapy could work" in replies[-1], replies
        assert not any(h in replies[-1] for h in heavy), replies
    # a weight restated still is, on some turn
    weights = [talk(["I have been depressed for months.", *["Okay."] * k,
                     "I think nobody at work listens to me."], Strategy.RESTATEMENT,
                    asked_first=1 + k)[-1] for k in range(4)]
    assert any(h in r for r in weights for h in heavy), weights


def test_ones_side_in_an_outcome_is_no_topic() -> None:
    from agent.responder_slots import slots

    # ESConv train: "Could you talk to someone you trust about your favor this week?"
    assert "topic" not in slots("Maybe this will turn out to my favor.", "neutral", [])
    assert "topic" not in slots("The judge ruled in my favour.", "neutral", [])
    assert slots("My garden is a mess.", "neutral", []).get("topic") == "your garden"


@pytest.mark.parametrize(("text", "topic"), [
    ("I am going to get into my hot bath.", "your hot bath"),  # ESConv train: "your hot"
    ("My warm coat is gone.", "your warm coat"),
    ("I love my new car.", "your new car"),
])
def test_an_adjective_keeps_the_noun_after_it(text: str, topic: str) -> None:
    from agent.responder_slots import slots

    assert slots(text, "neutral", []).get("topic") == topic


def test_a_fragment_that_answers_a_question_is_not_restated() -> None:
    from agent.responder_slots import slots

    # ESConv train: "so anything involving your college degree, and that has been sitting with
    # you"
    assert "clause" not in slots("Anything involving my college degree.", "neutral", [])
    assert slots("Anything I try fails.", "sadness", []).get("clause") == "anything you try fails"


def test_how_one_speaks_is_no_topic() -> None:
    from agent.responder_slots import slots

    # ESConv train: "you are facing your words head on"
    assert "topic" not in slots("I stumble over my words and ramble.", "fear", [])
    # ESConv train: "You sound hurt about your voices", "Telling me about your knowledge took
    # courage"
    assert "topic" not in slots("she didn't accept my voices at all", "sadness", [])
    assert "topic" not in slots("to the best of my knowledge, the healthy will not die.",
                                "fear", [])
    assert slots("I worry about my exams", "fear", [])["topic"] == "your exams"
    # ESConv train: "What has been the hardest part of your plate so far?"
    assert "topic" not in slots("I have too much on my plate.", "fear", [])


def test_a_bracket_ends_a_cause() -> None:
    # ESConv train: "Feeling unsettled when she has most everything she could want (well, not
    # an you-phone and nintendo switch is a very human response."
    from agent.responder_slots import slots

    found = slots("I feel bad since she has most everything she could want (well, not an "
                  "I-phone!)", "sadness", [])
    assert found["cause"] == "she has most everything she could want", found


def test_how_they_are_said_first_is_not_restated_and_a_feared_loss_is_no_loss() -> None:
    from agent.responder_slots import slots

    # ESConv train: "It sounds like you are okay you guess, you are really stressed ..." and
    # "What has been the hardest part of losing your job so far?" to a fear of losing it
    found = slots("I am okay I guess, I am really stressed and not sure how to handle it",
                  "sadness", [])
    assert found["clause"] == "you are really stressed and not sure how to handle it"
    assert "event" not in slots("I'm in depression because i have fair of i will lost my job",
                                "sadness", [])
    assert slots("I lost my job.", "sadness", [])["event"] == "losing your job"


def test_a_home_left_or_stayed_in_is_no_topic() -> None:
    from agent.responder_slots import slots

    # ESConv train: "So this is about your house" to "I can not leave my house"
    assert "topic" not in slots("I can not leave my house because I am at high risk.",
                                "sadness", [])
    assert slots("My house burned down.", "sadness", [])["topic"] == "your house"


@pytest.mark.parametrize("text", [
    # ESConv train: "Feeling down when we'll get through this whole thing"
    "I know that we'll get through this whole thing, but in the meantime it's so crazy making.",
    # ESConv train: "feeling angry when you are going to have to surpass is being able to trust"
    "I think the hardest thing that I am going to have to surpass is being able to trust again.",
    # ESConv train: "It makes sense that you feel frustrated, since you are incapable to do
    # anything"
    "I am thinking that I am incapable to do anything",
    "I feel that I am a failure.",
    # ESConv train: "feeling unsettled when you could also lose the at some point is very hard
    # to deal with is a very human response"
    "I think the idea that I could also lose them at some point is very hard to deal with.",
    "yes i imagine that we will talk",  # ESConv train: "since you will talk"
    # ESConv train: "Feeling down when college is only temporary"
    "I need to remember that college is only temporary and I will have their support.",
    # ESConv train: "since it means alot having someone tell you you are doing a good job"
    "Thank you for saying that it means alot having someone tell me I am doing a good job.",
])
def test_what_is_known_or_named_is_no_cause(text: str) -> None:
    from agent.responder_slots import slots

    assert "cause" not in slots(text, "fear", [])


def test_a_feeling_about_what_happened_keeps_its_cause() -> None:
    from agent.responder_slots import slots

    assert slots("I am upset that nobody called me.", "sadness", [])["cause"] == (
        "nobody called you")
    # ESConv train: "you sound anxious about your age", "telling me about your calls took
    # courage"
    assert "topic" not in slots("At my age, i do not want to look for another job.", "fear", [])
    assert "topic" not in slots("I have tried, she ignores my calls.", "sadness", [])
    assert slots("I am worried about my age.", "fear", [])["topic"] == "your age"
    # ESConv train: "your first car", "your number", "your strain", "your ptsd"
    assert slots("When I got into my first car accident, someone said walk it off", "sadness",
                 [])["topic"] == "your first car accident"
    assert "topic" not in slots("they had my number", "sadness", [])
    assert "topic" not in slots("he does not care about my strain on my life", "anger", [])
    assert "topic" not in slots("So, I am cut off from all of my support.", "sadness", [])
    # ESConv train: "You sound numb about your step", "So this is about your credit"
    assert slots("my step dad took the baby", "sadness", [])["person"] == "your step dad"
    assert slots("I can't pay my credit cards off", "fear", [])["topic"] == "your credit cards"
    assert slots("my PTSD is worse at night", "fear", [])["topic"] == "your PTSD"
    assert slots("I HATE MY JOB", "anger", [])["topic"] == "your job"
    # ESConv train: "What has been the hardest part of your culinary so far?"
    assert slots("Where else are my culinary skills gonna be used?", "sadness", [])["topic"] == (
        "your culinary skills")
    # ESConv train: "the hardest part of your long term", "Hearing about your side"
    assert slots("I am having issues about ending my long term relationship.", "sadness",
                 [])["topic"] == "your long term relationship"
    assert "topic" not in slots("But they weren't on my side.", "sadness", [])
    assert "topic" not in slots("well she never listen to my advise", "anger", [])
    # ESConv train: "Telling me about your personality took courage"
    assert "topic" not in slots("That's not my personality.", "neutral", [])
    # ESConv train: "what has been the hardest part of your problems so far?"
    assert "topic" not in slots("Its not permanent. Thanks for listening to my problems.",
                                "neutral", [])
    # a clause with its subject dropped is not restated (ESConv train: "so needed someone talk
    # to about your stress and workload")
    assert "clause" not in slots("Needed someone talk to about my stress and workload.",
                                 "sadness", [])
    assert slots("Worried about my son, he is sick.", "fear", [])["clause"] == (
        "worried about your son, he is sick")
    # ESConv train: "You sound down about your high"
    assert slots("the loss of my high school friends drove me into a mild depression.",
                 "sadness", [])["person"] == "your high school friends"
    # ESConv train: "Telling me about your yes took courage", "your grand"
    assert "topic" not in slots("oh my yes, the Cheesecake Factory has amazing cheesecake.",
                                "joy", [])
    assert slots("My grand mother and older sister support me.", "joy", [])["person"] == (
        "your grand mother")
    # ESConv valid: "Telling me about your bachelor took courage"
    assert "topic" not in slots("I just want to finally finish my Bachelor's and do something "
                                "positive.", "sadness", [])
    # ESConv train: "Telling me about your own flesh took courage"
    assert "topic" not in slots("I don't want to extend that sadness to my own flesh and blood.",
                                "sadness", [])
    # the talk's own frame is no topic (ESConv train: "the hardest part of your topic area")
    assert "topic" not in slots("I posted part of it in my topic area", "neutral", [])


def test_a_thing_named_away_from_the_trouble_is_not_what_it_is_about() -> None:
    # ESConv train: "Feeling stressed does not make you any less capable; you are facing your
    # earbuds head on."
    text = ("It is frustrating, and last week, I had a panic attack shortly before class "
            "started. My ears were pounding and I could hear nothing the instructor was saying "
            "through my earbuds.")
    for strategy in (Strategy.AFFIRMATION, Strategy.QUESTION, Strategy.REFLECTION,
                     Strategy.RESTATEMENT):
        for k in range(4):  # several turns of history: the template choice is seeded by them
            history = [DialogueTurn("user", "Hi.")] * k + [DialogueTurn("user", text)]
            said = Responder().respond(ResponseRequest(text, history, strategy, SAD, None,
                                                       "Sage", "warm"))
            assert "earbuds" not in said, said
    # the thing the trouble is told of stays the topic
    exams = "My exams are next week. I am so stressed about my exams."
    replies = {Responder().respond(ResponseRequest(
        exams, [DialogueTurn("user", "Hi.")] * k + [DialogueTurn("user", exams)],
        Strategy.QUESTION, SAD, None, "Sage", "warm")) for k in range(6)}
    assert any("your exams" in r for r in replies), replies


def test_someone_elses_feeling_is_not_read_back_as_the_users() -> None:
    from agent.responder_slots import slots

    # ESConv train: "Oh, of course you feel angry; anyone would in your place."
    dad = ("i love my dad so much but now a days my dad feel depressed so always angry with "
           "everyone. so i am not disturb")
    assert slots(dad, "anger", [])["feeling"] not in ("angry", "depressed")
    assert slots("My boss is so angry at me all the time", "anger", [])["feeling"] != "angry"
    # the user's own feeling beside theirs, or one they cause, is the user's
    assert slots("He makes me so angry", "anger", [])["feeling"] == "angry"
    assert slots("she is sad and I feel lonely", "sadness", [])["feeling"] == "lonely"


def test_crude_words_are_not_read_back() -> None:
    from agent.responder_slots import slots

    # ESConv train, run together: "It makes sense that you feel frustrated, since bitchtold you
    # that she is from Cananda"
    found = slots("that bitchtold me that she is from Cananda, and she will soon come to USA",
                  "anger", [])
    assert not any("bitch" in v for v in found.values()), found
    assert slots("I failed my test because I did not study", "sadness", [])["cause"] == (
        "you did not study")


def test_a_relative_clause_after_nothing_is_no_cause() -> None:
    from agent.responder_slots import slots

    # ESConv train: "feeling unsettled when you can think triggered it is a very human response"
    found = slots("I think it's probably been around 6 months, but nothing that I can think "
                  "triggered it.", "fear", [])
    assert "cause" not in found, found
    assert slots("I am sad that my dog died.", "sadness", [])["cause"] == "your dog died"


def test_a_place_clause_alone_is_not_restated() -> None:
    from agent.responder_slots import slots

    # ESConv train: "What I'm hearing is that where you live."
    assert "clause" not in slots("Yeah exactly. Where I live, we just had daylight savings so it "
                                 "gets dark around 5:30 PM and it feels like my days are just "
                                 "wasted", "sadness", [])


def test_how_one_is_said_first_is_not_what_is_restated() -> None:
    from agent.responder_slots import slots

    # ESConv train: "If I follow you, you are okay."
    text = ("yeah I am okay. Just daily stresses such as disrupted life routines from the "
            "pandemic and growing anxiety as my city is facing the second wave.")
    assert "clause" not in slots(text, "neutral", [])
    assert slots("I am okay. I failed my test because I did not study", "sadness", [])[
        "clause"] == "you failed your test because you did not study"
    # ... and a strain told after it is not met as a lighter mood (after a greeting read as joy)
    said = talk(["Hi pleased to meet you and hope you're doing well", text],
                Strategy.RESTATEMENT, asked_first=1,
                affect=AffectEstimate(VAD(0.19, 0.16, 0.15), {"neutral": 0.54, "joy": 0.37},
                                      0.54, "text", 0.0))[0]
    assert "lighter" not in said and "you are okay" not in said, said


def test_a_screen_a_problem_or_a_love_is_no_topic() -> None:
    from agent.responder_slots import slots

    # ESConv train: "talk to someone you trust about your subscription", "many people go
    # through trouble with your problem", "the hardest part of your love"
    assert "topic" not in slots("I always forget there is other content on there other than "
                                "what is in my subscription box.", "neutral", [])
    assert "topic" not in slots("im physically fit but mentally hurt by her and thats my problem",
                                "sadness", [])
    assert "topic" not in slots("i am sad because of my love", "sadness", [])
    assert slots("I am sad about my marriage", "sadness", [])["topic"] == "your marriage"
    # ESConv train: "How are you coping with your shower day to day?", "talk to someone you
    # trust about your abilities", and (valid) "the hardest part of your screen"
    assert "topic" not in slots("She got pretty upset when I took off my shower head without "
                                "telling her.", "sadness", [])
    assert "topic" not in slots("I don't know if my abilities are enough.", "fear", [])
    assert "topic" not in slots("I don't know if you can see the topic of my problem like I can "
                                "see on my screen?", "neutral", [])
    # ESConv train: "Telling me about your pocket took courage", "the hardest part of your once"
    assert "topic" not in slots("Maybe some I can just slip into my pocket.", "neutral", [])
    # ESConv train: "Maybe one small step with your honest could help" (an opinion is a point of
    # view, no topic either)
    assert "topic" not in slots("you think telling them my honest opinion will be a good idea?",
                                "neutral", [])
    assert slots("my honest boss told me", "sadness", [])["person"] == "your honest boss"
    assert "topic" not in slots("I am having a hard time with the realization that my once "
                                "strong friendships are no longer as strong.", "sadness", [])
    # ESConv train: "many people go through trouble with your minimum"
    assert "topic" not in slots("You've been helpful and I think we've hit our minimum that we "
                                "need.", "neutral", [])
    # a compound keeps its head: not "your job", "your college", "your peer"
    assert slots("other friends in our peer group are also concerned", "fear", [])["topic"] == (
        "your peer group")
    # ESConv train: "Many people go through trouble with your development"
    assert "topic" not in slots("they should be supporting my development", "neutral", [])
    # ESConv train: "How are you coping with your job day to day?"
    assert slots("I was recently let go from my job due to the covid pandemic", "sadness",
                 [])["event"] == "losing your job"
    # ESConv train: "If I follow you, this has been building up for a while.", "one small thing
    # about your favorite season", "how are things between you and your boyfriend right now?"
    assert slots("I am being evicted I am very scared I will not find a place to go in time",
                 "fear", [])["event"] == "being evicted"
    assert "topic" not in slots("I love snow, winter is my favorite season", "joy", [])
    lost = slots("Hi, I'm coping with losing my boyfriend to another woman and can't deal.",
                 "sadness", [])
    assert lost["event"] == "losing your boyfriend" and "person" not in lost, lost
    # ESConv train: "what do you think your girlfriend would say if you told her how you feel?",
    # "So this is about your working", "you sound down about your question", "You sound down
    # about your place"
    ended = slots("Hi..Iam doing good..iam feeling very sad about breaking up with my girlfriend",
                  "sadness", [])
    assert ended["event"] == "the breakup" and "person" not in ended, ended
    assert slots("I wouldn't want it to damage our working relationship.", "fear", [])[
        "topic"] == "your working relationship"
    assert "topic" not in slots("that's my question too, I don't know why she left", "sadness", [])
    assert "topic" not in slots("It really would not be my place, it would be up to my boss.",
                                "sadness", [])
    # ESConv train: "telling me about your confidence took courage", "... your help ..."
    assert "topic" not in slots("exactly, my confidence is gone so is my self worth and self "
                                "esteem.", "sadness", [])
    assert "topic" not in slots("I have helped them a couple of times when they needed my help.",
                                "neutral", [])
    # ESConv train: "talk to someone you trust about your part", "Telling me about your house
    # took courage", "How are you coping with your break day to day?"
    assert "topic" not in slots("Do you think it is asking too much on my part?", "neutral", [])
    assert "topic" not in slots("She was hit by a car in the street outside of my house.",
                                "fear", [])
    assert "topic" not in slots("I am so broken up from my break-up with my only long-term "
                                "partner.", "sadness", [])
    # a "that" naming a time opens no cause (ESConv train: "it makes sense that you feel
    # ashamed, since day, the part that thought you could protect her")
    found = slots("I feel like a part of me died that day, the part that thought I could protect "
                  "her no matter what. I'm also feeling ashamed because it was out of my control.",
                  "fear", [])
    assert "day," not in found.get("cause", ""), found
    # ESConv train: "Telling me about your marine took courage"
    assert slots("Lots of my Marine buddies have had PTSD.", "sadness", [])["topic"] == (
        "your marine buddies")
    # a loss under way: "losing your job", not "your job" (ESConv train)
    assert slots("I am still depressed about losing my job.", "sadness", [])["event"] == (
        "losing your job")
    assert slots("my job search is going badly", "sadness", [])["topic"] == "your job search"
    assert slots("my college application got rejected", "sadness", [])["topic"] == (
        "your college application")
