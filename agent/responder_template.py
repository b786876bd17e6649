"""The offline default chat model: on-strategy replies composed from the user's own words.

``TemplateChatModel`` is a real LangChain ``BaseChatModel``: it reads the same prompt an LLM gets
(the structured ``additional_kwargs["affect"]`` of the system message, or its "Strategy:" line)
and fills a strategy's templates with what it finds in the user's words: the feeling they name
("ashamed"), its cause ("because you haven't told your wife"), the topic ("your job") or what
happened to it ("losing your job"), the persona's style and what memory recalls. Templates whose
slots are filled come first, a template already used in the conversation is skipped, and no reply
is repeated within the turns the prompt keeps.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
)
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from agent.about_agent import (
    hands_back_after,
    hands_back_wellbeing,
    privacy_asked,
    tastes_aside,
)
from agent.about_agent_replies import (
    EXPERIENCE_LEADS,
    EXPERIENCE_REPLIES,
    IN_WORLD_EXPERIENCE_LEADS,
    IN_WORLD_EXPERIENCE_REPLIES,
    IN_WORLD_SURROUNDINGS_LEADS,
    IN_WORLD_SURROUNDINGS_REPLIES,
    PRIVATE_KEPT_REPLIES,
    PRIVATE_REPLIES,
    SELF_REPORT_OPENINGS,
    SURROUNDINGS_LEADS,
    SURROUNDINGS_REPLIES,
    SURROUNDINGS_TOLD_REPLIES,
    TASTES_LEADS,
    about_agent_replies,
    self_report_group,
)
from agent.advice import BY_NAME, normal_information, told_beside, topic_of
from agent.agent_past import (
    ASIDE_WORDS,
    experience_aside,
    surroundings_asked,
)
from agent.dialogue_acts import (
    answers_insult,
    asks_for_advice,
    asks_if_normal,
    declines_to_talk,
    is_farewell,
    is_greeting,
    reports_wellbeing,
    seasonal_goodbye,
    seasonal_wish,
    self_insult,
    thanks,
    thanks_for_asking,
)
from agent.responder_cues import (
    AN_INFANT,
    DECIDING,
    DISTRESSING,
    DOUBTS,
    FOR_THE_TIME,
    GLAD_WELL,
    HEDGED,
    HELPED,
    HOPEFUL,
    INFANTS,
    INTERJECTION,
    LAUGHS,
    LIKING,
    NEEDS_HELP,
    NEW_WORRY,
    NO_NEWS,
    OFFERED,
    STRAIN,
    TAG_QUESTION,
    THANKED_FOR_HELP,
    UNSUPPORTIVE,
    WELL,
)
from agent.responder_phrases import (
    ACKNOWLEDGEMENTS,
    ACT_REPLIES,
    AFTER_CRISIS,
    ALONE_ACKNOWLEDGEMENTS,
    ASKED_BACK_NEXT,
    ASKED_BACK_UNWELL,
    ASKS_FOR_STORY,
    ASKS_WHO_THEY_TOLD,
    CALLS_IT_HEAVY,
    CLOSING_ACTS,
    FACES_A_TROUBLE,
    GLAD_AGENT_FEELINGS,
    GLAD_AGENT_INTENSITY,
    GLAD_ONLY,
    GLAD_OPENERS,
    GREETS_NEWS,
    HEAVY_ACKNOWLEDGEMENTS,
    HOW_LONG_TEMPLATES,
    HURT_FEELINGS,
    HURT_VALENCE,
    LIGHT_ONLY,
    NAMES_NEWS,
    NEWS_OPENERS,
    NEWS_TURNS,
    NORMAL_TEMPLATES,
    OPENERS,
    OTHER_LANGUAGE_REPLIES,
    POSITIVE_FEELINGS,
    POSITIVE_TEMPLATES,
    POSITIVE_VALENCE,
    PRAISES_ACHIEVEMENT,
    PRESUMES_CARE,
    PRESUMES_HOME,
    PRESUMES_PAIN,
    SMALL_TALK,
    STILL_LISTENING,
    TAKEN_UP_OPENERS,
    TAKES_TURN_FOR_NEWS,
    TALK_TO_PERSON,
    TEMPLATES,
    THANKED_OPENERS,
    UNANSWERED,
    UNTROUBLED_VALENCE,
    WELCOME_BACK,
    WELCOME_BACK_ABOUT,
)
from agent.responder_slots import lower_first, reflect, slots
from agent.responder_words import CLOSE_PEOPLE, FEELING_WORDS, UPBEAT
from agent.safety import CHECK_INS, CRISIS_REPLIES, SAFETY_REPLIES, answers_no
from agent.step_phrases import (
    ASKS_WHEN,
    EARLIER_PLAN_SUGGESTIONS,
    NAMES_WORRY,
    PLAN_TEMPLATES,
    SAYS_WHEN,
    SOUNDS_STEADIER,
    TRIED_OPENER,
    TRIED_TEMPLATES,
    WEIGHED_STEP_TEMPLATES,
)
from agent.troubles import (
    BETRAYED,
    HURT_DONE,
    LEFT,
    LOST_GOOD,
    TOLD_NO_ONE,
    TURNED_HARD,
    WALKED_OUT,
    says_unwell,
    tells_trouble,
)
from agent.types import Strategy
from agent.user_questions import HARM, question_replies, question_to_answer
from agent.user_steps import stated_plan, tried_already, weighed_step
from agent.warm_words import (
    answers_thanks,
    approves_suggestion,
    credits_agent,
    only_thanks,
    praise_in,
    praises_agent,
    tells_achievement,
    tells_news,
    thanks_without_news,
)
from perception.base import split_sentences
from perception.language import other_language

OPENING_THANKS_WORDS = 16
"""Thanks that open the talk and are met as a greeting are this short: a longer first message
that thanks may tell a story the trouble patterns miss, and is answered as one."""


class TemplateChatModel(BaseChatModel):
    """Offline chat model: varied, on-strategy replies from the user's own words."""

    @property
    def _llm_type(self) -> str:
        return "affect-template"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self.compose(messages)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for piece in re.findall(r"\S+\s*", self.compose(messages)):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager is not None:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk

    def compose(self, messages: Sequence[BaseMessage]) -> str:
        info = request_info(messages)
        user = next((str(m.content) for m in reversed(messages) if isinstance(m, HumanMessage)), "")
        said = [str(m.content).strip() for m in messages if isinstance(m, AIMessage)]
        said_low = " ".join(said).lower()
        strategy: Strategy = info["strategy"]
        earlier = [str(m.content) for m in messages if isinstance(m, HumanMessage)][:-1]
        filled = slots(user, str(info["feeling"]), list(info.get("memory") or []), earlier,
                       also_gone=info.get("gone") or ())
        trouble = topic_of(user)
        if trouble is not None and trouble.said_as and "topic" in filled:
            # "I'm scared my job will find out" about the drinking: not "your job"
            filled["topic"] = trouble.said_as
        elif "topic" in filled and not told_beside(trouble, user, filled["topic"].split()[-1]):
            # a thing named away from the trouble told is not what it is about ("a panic attack
            # ... through my earbuds", ESConv train: "you are facing your earbuds head on")
            del filled["topic"]
        seed = int(hashlib.sha256(f"{user}|{len(messages)}".encode()).hexdigest(), 16)
        cross = answers_insult(user, info.get("agent_feeling"),
                               float(info.get("agent_feeling_intensity", 0.0)))
        report = None if cross else hands_back_wellbeing(user)
        if report is not None:
            return self._asked_back(messages, report, info, said, seed)
        before_report = None if cross or not earlier else hands_back_after(user, earlier[-1])
        if before_report is not None:  # "good", then "How about you?": answered already
            mine = SELF_REPORT_OPENINGS[self_report_group(info)]
            # as read: "Pretty ok but quite frustrating" is no trouble told, and reads low
            before = list(info.get("readings") or ())[-2:-1]
            unwell = (says_unwell(before_report) or tells_trouble(before_report)
                      or any(float(r[1]) < 0.0 for r in before))
            return _unsaid([f"{mine} {ask}" for ask in (ASKED_BACK_UNWELL if unwell
                                                         else ASKED_BACK_NEXT)], said, seed)
        aside = None if cross else experience_aside(user)
        if aside is not None:  # "It was last Thanksgiving. Have you ever been dumped?"
            # a self-disclosure answers the question itself, and a lead before it would say
            # twice that the agent has no past
            in_world = bool(info.get("in_world"))  # a game character keeps to its world
            answers = ((IN_WORLD_EXPERIENCE_REPLIES if in_world else EXPERIENCE_REPLIES)
                       if strategy is Strategy.SELF_DISCLOSURE
                       else IN_WORLD_EXPERIENCE_LEADS if in_world else EXPERIENCE_LEADS)
            answer = _unsaid(answers, said, seed)
            if strategy is Strategy.SELF_DISCLOSURE:
                return answer
            return f"{answer} {self._reply_to(messages, aside)}"
        around = None if cross else surroundings_asked(user)
        if around is not None:  # "Cloudy and 40 here. How's your weather?"
            in_world = bool(info.get("in_world"))
            if len(around.split()) <= ASIDE_WORDS:  # the question is the whole message
                return _unsaid(IN_WORLD_SURROUNDINGS_REPLIES if in_world
                               else SURROUNDINGS_TOLD_REPLIES
                               if any(tells_trouble(t) for t in earlier)
                               else SURROUNDINGS_REPLIES, said, seed)
            lead = _unsaid(IN_WORLD_SURROUNDINGS_LEADS if in_world else SURROUNDINGS_LEADS,
                           said, seed)
            return f"{lead} {self._reply_to(messages, around)}"
        taste_aside = None if cross else tastes_aside(user)
        if taste_aside is not None:  # "... which is how I relax. What do you do to relax?"
            lead = _unsaid(TASTES_LEADS, said, seed)
            return f"{lead} {self._reply_to(messages, taste_aside)}"
        private = None if cross else privacy_asked(user)
        if private is not None:  # "He is rude to her. This is confidential, right?"
            answer = _unsaid(PRIVATE_KEPT_REPLIES if info.get("kept") else PRIVATE_REPLIES,
                             said, seed)
            if len(private.split()) <= ASIDE_WORDS:  # the question is (nearly) the message
                return answer
            return f"{answer} {self._reply_to(messages, private)}"
        told_earlier = any(tells_trouble(t) for t in earlier)
        about_me = None if cross else about_agent_replies(
            user, info, story_told=bool(info.get("story_told")) or told_earlier)
        if about_me is not None:
            fresh_me = [r for r in about_me if r not in said]
            return (fresh_me or about_me)[seed % len(fresh_me or about_me)]
        if not cross and other_language(user) is not None:
            unsaid = [r for r in OTHER_LANGUAGE_REPLIES if r not in said]
            return unsaid[0] if unsaid else OTHER_LANGUAGE_REPLIES[-1]
        # how they are, when this answers the agent's "How are you?" (or opens the talk)
        wellbeing = reports_wellbeing(user, said[-1] if said else "")
        if not cross and wellbeing == "well":
            # "I am good, thank you" answers "How are you feeling today?": no thanks for help,
            # and no small-talk question ("What made you think of that?"); a low answer is asked
            # about below (ASKS_FOR_STORY)
            return _unsaid([("Good to hear. " if GLAD_WELL.search(user) else "") + ask
                            for ask in ASKED_BACK_NEXT], said, seed)
        # read once: several choices below turn on them
        # "not bad thanks" answers "How are you?": a courtesy, no thanks for help
        courtesy = thanks_for_asking(user, said[-1] if said else "")
        thanked = thanks_without_news(user)  # "Thanks for the suggestions.", no news beside
        advice_asked = asks_for_advice(user)
        # a wish for the season is a greeting as the talk opens, and a goodbye once it is under
        # way ("Merry Christmas!" after the story, or at the end of thanks)
        act = ("insulted" if cross
               else "farewell" if is_farewell(user) or seasonal_goodbye(user, earlier)
               else "season" if seasonal_wish(user)
               else "declined" if declines_to_talk(user)
               else "greeting" if is_greeting(user)
               # thanks for the time as the talk opens ("Good evening, thanks for taking the time
               # to talk with me.", ESConv train: "Anytime. I'm glad it helped a little.") is met
               # as a greeting: nothing has helped yet
               or (not said and FOR_THE_TIME.search(user) is not None and not tells_trouble(user)
                   and len(user.split()) <= OPENING_THANKS_WORDS)
               else "welcomed" if answers_thanks(user)
               else "thanks" if not courtesy and (
                   only_thanks(user)
                   # "thanks maybe I will take a vacation": the step is answered, not the thanks
                   or (strategy is Strategy.OTHERS and thanked and stated_plan(user) is None))
               else ("helped" if credits_agent(user)
                     else "taken_up" if approves_suggestion(user) else "praise")
               if praises_agent(user)
               else None)
        if act == "greeting" and info.get("returning"):
            return _welcome_back(earlier, said, seed)
        if act is not None:
            replies = ACT_REPLIES[act]
            fresh_acts = [r for r in replies[seed % len(replies):] + replies[:seed % len(replies)]
                          if r not in said]
            if fresh_acts:
                return fresh_acts[0]
            if act in CLOSING_ACTS:
                # a long goodbye thanks again and again: another closing line, then the one
                # said longest ago, never a support template ("That's good to hear; enjoy it.")
                pool = [*replies, *(r for a in CLOSING_ACTS if a not in (act, "praise")
                                    for r in ACT_REPLIES[a])]  # praise's lines thank praise
                unsaid = [r for r in pool if r not in said]
                if unsaid:
                    return unsaid[0]
                last_said = {r: i for i, r in enumerate(said)}  # the latest index wins
                return min(pool, key=lambda r: last_said[r])
        if (said and said[-1] in CRISIS_REPLIES and strategy in AFTER_CRISIS
                and not answers_no(user)):  # a plain no to the check-in is heard below
            return _unsaid(AFTER_CRISIS[strategy], said, seed)
        asked = None if cross else question_to_answer(user, earlier)
        if asked is not None:  # "Should I kick them out?": agent.user_questions
            return _unsaid(question_replies(*asked), said, seed)
        # A joyful label alone can be a misreading of a wry sentence; the valence must agree.
        valence = float(info.get("valence", 1.0))
        # A plain follow-up ("Yeah.") after good news, while the agent is still glad for the
        # user; the news must have been read as such (a mild +0.2 is not news).
        readings = [(str(r[0]), float(r[1])) for r in info.get("readings") or ()]
        # ... and told lately, and not as thanks or praise of the agent: joy twenty turns ago,
        # or a warm "Thanks a lot!", does not make "I won't believe it" glad. The readings and
        # the turns are paired from the latest back.
        good_news = (not readings  # a prompt without them (a caller of its own) is not judged
                     or any(label in POSITIVE_FEELINGS and v >= POSITIVE_VALENCE
                            and not (thanks(text) or praises_agent(text))
                            # "Hi pleased to meet you and hope you're doing well" greets
                            and not is_greeting(text)
                            # "Yes that's good advice" is warm, but no news to stay glad about
                            and not (approves_suggestion(text) or NO_NEWS.search(text))
                            # "oh ok I thought it was just for 10 lines, lol" (ESConv valid)
                            and not (LAUGHS.search(text) and not tells_news(text))
                            for (label, v), text in zip(readings[::-1][:NEWS_TURNS],
                                                        [*earlier, user][::-1], strict=False)))
        plan = stated_plan(user)
        weighed = weighed_step(user) if plan is None else None
        step = plan or weighed
        takes_up = approves_suggestion(user)  # "That's a good idea."
        if takes_up:  # not read back: "If I follow you, that gives you some stuff to try"
            filled.pop("clause", None)
        # read as glad, and no loss, difficulty or trouble in the words
        reads_glad = (str(info["feeling"]) in POSITIVE_FEELINGS and valence >= POSITIVE_VALENCE
                      and not LOST_GOOD.search(user)  # "I used to love this job" is a loss
                      and not TURNED_HARD.search(user)  # "Great advice. Hard to do, though."
                      # "My best friend moved away": a trouble told in warm words is no news
                      and not tells_trouble(user)
                      and not DISTRESSING.search(user)  # "that is even more alarming!"
                      # "We both have kinda hectic, unsupportive families." (ESConv train:
                      # "Oh, that's lovely!")
                      and not (UNSUPPORTIVE.search(user) and not tells_news(user))
                      # strain with no news: "This is a big step for me in the PhD program, so
                      # it's definitely a bit more pressure" (ESConv valid: "How wonderful!");
                      # "I was so stressed but I passed!" tells news
                      and not (STRAIN.search(user) and not tells_news(user))
                      # just after a crisis was answered, "Thank you. I feel as if I lost who I
                      # am" is no gladness ("You sound really glad", ESConv valid)
                      and not any(s in SAFETY_REPLIES for s in said[-2:])
                      # thanks, then more of a trouble told before ("Thank you, I appreciate your
                      # kind words. Some times the tests just don't seem like what is being
                      # taught", ESConv train: "I can hear how glad this makes you."): the warmth
                      # is the thanks'
                      and not (told_earlier and thanks(user) and not only_thanks(user)
                               and not tells_news(user)
                               # "You've really helped me get a better perspective" is warm
                               and not (credits_agent(user) or praise_in(user)
                                        or HELPED.search(user)
                                        # a step taken up or planned is warm too ("ohh that's
                                        # a good idea. thank you! I'll do some relaxing
                                        # activities that day", ESConv train)
                                        or takes_up or plan is not None)))
        positive = (reads_glad
                    and not takes_up  # taking up a suggestion is not news
                    # "Have you ever used jatos? You're actually pretty good at this!", or in the
                    # middle ("You are really helpful. Have you been doing any jobs through those
                    # websites?", ESConv train: "Could you share the news ...?")
                    and not (praise_in(user) and not tells_news(user))
                    and not NO_NEWS.search(user)  # "I really hope so", "You're right"
                    # a trouble told, then a liking: what is at stake, not news
                    and not (told_earlier and LIKING.search(user) and not tells_news(user))
                    # laughter alone is no news: "lol, yes that is true" was "How wonderful!"
                    and not (LAUGHS.search(user) and not tells_news(user))
                    and not advice_asked  # "Thanks! Any more tips?" asks, not tells
                    and weighed is None)  # "Do I need to buy her a gift?" weighs a step
        # "Cool cool." reads as joy but tells nothing new: glad, but not taken for the news
        news_here = positive and len(user.split()) > 2 and not thanked
        glad = positive or (
            # a neutral reading's valence within noise of zero: "It took me 4 hours." (-0.04)
            info["feeling"] == "neutral" and valence > UNTROUBLED_VALENCE and good_news
            and not user.rstrip().endswith("?")  # "What should I cook?" is not a follow-up
            # nor one that tells strain: "yeah I am okay. Just daily stresses such as ..."
            # (ESConv train: "So things feel a little lighter right now.")
            and not STRAIN.search(user) and not tells_trouble(user)
            and info.get("agent_feeling") in GLAD_AGENT_FEELINGS
            and float(info.get("agent_feeling_intensity", 1.0)) >= GLAD_AGENT_INTENSITY)
        if not glad and filled["feeling"] in UPBEAT:
            # "i have to think about the happy moments" is not met gladly, and "Of course you
            # feel happy; anyone would in your place." would mock it: a neutral word instead
            filled["feeling"], filled["feeling2"] = FEELING_WORDS["neutral"][:2]
        # "not doing too hot tbh" answers how they are, low, in words says_unwell does not know
        unwell = says_unwell(user) or wellbeing == "low"
        # the user's own step of a message or two ago is what a suggestion builds on
        planned = None
        if (plan is None and weighed is None and strategy is Strategy.SUGGESTION
                # a new worry ("but I worry it might impair my work") is not agreement with
                # the step named before; it is answered on its own
                and not NEW_WORRY.search(user) and not tells_trouble(user)
                # "I've tried both of those": the step named before is no answer to it
                and not tried_already(user)
                # "I feel like I really can't trust him" after "should I give him another
                # chance?" doubts the step (ESConv valid got "Then it sounds worth doing.")
                and not DOUBTS.search(user)
                # "Do you have any suggestions other than exercising to help with sleeping?"
                # asks for more than the step named before (ESConv valid got "Could you pick a
                # time to set more alarms for yourself?"), and "What type of doctor could I
                # see?" asks something of its own (ESConv train: the same push, twice)
                and not advice_asked and not user.rstrip().endswith("?")
                and not thanked):  # thanks close the step, not agree to it
            planned = next((s for t in reversed(earlier[-2:])
                            if (s := stated_plan(t) or weighed_step(t)) is not None), None)
            step = planned
        if step:  # "" is a step too long to quote: the templates without {plan} serve it
            filled["plan"] = reflect(step)
        untroubled = (not glad and plan is None and weighed is None
                      and info["feeling"] == "neutral"
                      and valence > UNTROUBLED_VALENCE
                      and all(v > HURT_VALENCE and label not in HURT_FEELINGS
                              for label, v in readings)
                      and not told_earlier and not tells_trouble(user)
                      # a trouble with steps of its own named in this message (ESConv train:
                      # "And I know I should stop but I just got addicted." had got "Mm, fair
                      # enough."); not one named before, which may have been in passing ("I'm
                      # studying finance and I'm loving it", ESConv valid)
                      and trouble is None
                      and not unwell  # "Not great, honestly." is no small talk
                      and not any(says_unwell(t) for t in earlier[-2:])  # ... nor what follows
                      and not advice_asked  # "I need some advice." asks for help
                      and not NEEDS_HELP.search(user)  # "At the moment, good. I need help!"
                      # "Not sure if I should return to school": a decision weighs on them
                      and not any(DECIDING.search(t) for t in (*earlier, user))
                      and "cause" not in filled)  # fmt: skip
        # "Things just pile up, you know?" asks nothing: a tag is no question of the world
        if (untroubled and user.rstrip().endswith("?") and not advice_asked
                and not TAG_QUESTION.search(user)):
            fresh_unknown = [r for r in UNANSWERED if r not in said] or list(UNANSWERED)
            return fresh_unknown[seed % len(fresh_unknown)]
        tried = tried_already(user)
        # "Is this normal?", "Will it get better?": that it is common, or eases; never of
        # harm, eating, drinking or medication ("Is it normal to not eat for days?")
        normal_asked = (strategy is Strategy.INFORMATION and asks_if_normal(user)
                        and HARM.search(user) is None)
        # a step named beside a request for more ("I will try out this idea ... Do you have any
        # other ideas", ESConv valid) is not what a suggestion answers: the request is
        templates = (PLAN_TEMPLATES if plan is not None and not (
                         advice_asked and strategy is Strategy.SUGGESTION)
                     else WEIGHED_STEP_TEMPLATES
                     if weighed is not None
                     else {strategy: HOW_LONG_TEMPLATES if re.search(r"\bhow long\b", user, re.I)
                           else NORMAL_TEMPLATES} if normal_asked
                     else TRIED_TEMPLATES if tried and strategy in TRIED_TEMPLATES
                     else POSITIVE_TEMPLATES if glad
                     else {strategy: EARLIER_PLAN_SUGGESTIONS} if planned is not None
                     else SMALL_TALK if untroubled else TEMPLATES)[strategy]
        # a trouble with known first steps (rent, sleep, exams): those steps come before the
        # general lines, for a user who is not being answered gladly or on a step of their own
        advice: list[str] = []
        if normal_asked or (templates is TEMPLATES[strategy]
                            and strategy in (Strategy.SUGGESTION, Strategy.INFORMATION)):
            # the prompt's topic (None: none, or a character that gives no real-world steps);
            # a caller's own prompt without the key is read here
            topic = (BY_NAME.get(info["topic"] or "") if "topic" in info
                     else topic_of(user, earlier))
            if topic is not None:
                advice = list(normal_information(topic) if normal_asked
                              else topic.suggestions if strategy is Strategy.SUGGESTION
                              else topic.information)
            # a step given once in the conversation, however long ago (the prompt keeps only
            # its last turns), is not given again: the general lines take over
            advice = [a for a in advice if a not in (info.get("steps_given") or ())]
        told_no_one = any(TOLD_NO_ONE.search(t) for t in (*earlier, user))
        # "Maybe celebrate a little tonight" needs news told now or just before ("I got the
        # job!"), not a glad word ("I like being here watching over my kids.")
        told_news = (news_here or good_news) and any(tells_news(t) for t in (*earlier[-2:], user))
        # asking what happened after being told reads as not having listened (ASKS_FOR_STORY);
        # a cause or an event in this turn is the story, or its start ("since I moved here")
        told = (bool(info.get("story_told")) or "cause" in filled or "event" in filled
                or HURT_DONE.search(user) is not None  # "kids keep calling me names"
                or told_earlier or any(declines_to_talk(t) for t in earlier)
                # news told before; a warm greeting ("hello, thanks for reaching out") or
                # thanks is none (the readings and the turns paired from the latest back)
                or any(label in POSITIVE_FEELINGS and v >= POSITIVE_VALENCE
                       and not (is_greeting(text) or thanks(text))
                       for (label, v), text in zip(readings[-2::-1], earlier[::-1],
                                                   strict=False))
                # two earlier turns read as hurt: they have been telling it ("my son got into a
                # fight", "I don't know what I did wrong"), whatever the words
                or sum(label in HURT_FEELINGS or v <= HURT_VALENCE
                       for label, v in readings[:-1]) >= 2)
        hurting = str(info["feeling"]) in HURT_FEELINGS or valence <= HURT_VALENCE
        worried = NEW_WORRY.search(user) is not None  # "... makes me feel scared and anxious"
        # read as glad, but no news: "That's fun. I try to get out for a hike." (PRESUMES_PAIN)
        light = reads_glad and not glad and not worried
        # the whole conversation's story counts: the prompt keeps the last turns only
        troubled = (hurting or told_earlier or tells_trouble(user)
                    or bool(info.get("story_told")))
        # the person in the story is the one who left ("my boyfriend ... he ended it") or gives
        # no support: no "tell them how you feel", no "you clearly care about them". The
        # sentence names them, or says "he" or "she" of them.
        who = (filled.get("person", "").split() or [""])[-1]
        pronoun = {"him": "he", "her": "she"}.get(filled.get("object", ""), who)
        named = rf"\b(?:{re.escape(who)}|{pronoun})\b"
        no_confidant = bool(who) and any(
            re.search(named, s, re.I) and (LEFT.search(s) or WALKED_OUT.search(s)
                                           or BETRAYED.search(s)  # "slept with my friend"
                                           or UNSUPPORTIVE.search(s))  # no support from them
            for t in (*earlier, user) for s in split_sentences(t))
        # "i have a one month old child": not someone to talk things over with
        too_young = who in INFANTS or any(AN_INFANT.search(t) for t in (*earlier, user))
        usable = [t for t in templates if all(k in filled for k in re.findall(r"{(\w+)}", t))
                  and not (told and t in ASKS_FOR_STORY)
                  and not (troubled and t in GLAD_ONLY)
                  # "That is what I keep hoping.": a hope or a wish is nothing to be glad at yet
                  and not (t in GLAD_ONLY and NO_NEWS.search(user))
                  and not (light and (t in PRESUMES_PAIN or "{feeling" in t))
                  and not (t in LIGHT_ONLY and not light)
                  and not (ASKS_WHEN.search(t) and SAYS_WHEN.search(filled.get("plan", "")))
                  and not (t in TAKES_TURN_FOR_NEWS and not news_here)
                  and not (t in NAMES_NEWS and (thanked or not told_news))
                  and not (t in PRAISES_ACHIEVEMENT and not tells_achievement(user))
                  and not (t in ASKS_WHO_THEY_TOLD and told_no_one)
                  and not (t in CALLS_IT_HEAVY
                           and (not troubled or HOPEFUL.search(filled.get("clause", ""))))
                  # nor after a hurt told with the step ("I will tell all the facts ... but
                  # she cant believe me and hurt me more", ESConv train)
                  and not (t in SOUNDS_STEADIER and (worried or tells_trouble(user)))
                  and not (t in NAMES_WORRY and not worried)
                  and not (t in TALK_TO_PERSON and (no_confidant or too_young))
                  and not (t in FACES_A_TROUBLE and trouble is None and not tells_trouble(user))
                  # a manager; one who hurt them ("They've hurt me too much", ESConv valid,
                  # had got "You clearly care about your long time partner")
                  and not (t in PRESUMES_CARE and (who not in CLOSE_PEOPLE or no_confidant))
                  # a doctor, or friends, are not at home tonight
                  and not (t in PRESUMES_HOME
                           and (who not in CLOSE_PEOPLE or who in ("friend", "friends")))]
        # templates about what this turn says come first; a person named only in an earlier
        # turn ("my sister is getting married") is not presumed to be today's trouble
        personal = [t for t in usable
                    if re.search(r"{(?:topic|event|cause|clause|memory|plan|worry)}", t)
                    or ("{person}" in t and "person_source" not in filled)]
        earlier = [t for t in usable if t not in personal and "{person}" in t]
        generic = [t for t in usable if t not in personal and t not in earlier]
        # "Not great." tells nothing yet: ask for it first
        ask_first = [t for t in generic if t in ASKS_FOR_STORY] if unwell else []
        generic = [t for t in generic if t not in ask_first]
        rotate = seed % max(1, len(usable))
        ordered: list[str] = []
        for group in (advice, personal, ask_first, generic, earlier):
            k = rotate % max(1, len(group))
            ordered += group[k:] + group[:k]
        if not ordered:  # no line of the set fits: the strategy's plain lines that do
            ordered = [t for t in TEMPLATES[strategy]
                       if all(k in filled for k in re.findall(r"{(\w+)}", t))]
        fresh = [t for t in ordered if _skeleton(t) not in said_low]
        if not fresh:  # every fitting template was said: stay with them, do not repeat one
            listening = [r for r in STILL_LISTENING if r.lower() not in said_low]
            if listening and not glad and strategy is not Strategy.QUESTION:
                return listening[seed % len(listening)]
            fresh = ordered
        openers = OPENERS.get(str(info["style"]), OPENERS["warm"])
        # good news is met gladly, not with "I hear you." or "I understand.", and so are thanks
        # ("Thank you so much for listening me out and for wise advice. I will talk to him,
        # tonight.", ESConv valid)
        if glad or thanks(user):
            openers = tuple(o for o in openers if o in GLAD_OPENERS) or ("",)
        if strategy is Strategy.QUESTION and hurting and said and said[-1].endswith("?"):
            guessed = info["feeling"] == "neutral" and filled["feeling"] in FEELING_WORDS["neutral"]
            small = HEDGED.search(user) is not None  # "a bit nervous" is not a lot to carry
            acks = [a.format(**filled) for a in ACKNOWLEDGEMENTS
                    if not (guessed and "{feeling}" in a)  # no feeling word put in their mouth
                    and not (small and a in HEAVY_ACKNOWLEDGEMENTS)]
            new_acks = [a for a in acks if a.lower() not in said_low]
            if new_acks:
                openers = (new_acks[seed % len(new_acks)] + " ",)
        if news_here:  # news told now is greeted first, unless the reply itself greets it
            cheers = [o for o in NEWS_OPENERS if o.strip().lower() not in said_low]
            if cheers:
                openers = (cheers[seed % len(cheers)],)
        if said and said[-1] in CHECK_INS and answers_no(user):
            # the answer to the safety stage's question is heard before anything else
            openers = ("Thank you for telling me, and I'm glad. ",)
        elif tried and strategy is Strategy.SUGGESTION:
            openers = (TRIED_OPENER,)
        elif strategy is Strategy.AFFIRMATION and (word := self_insult(user)) is not None:
            # "Am I just stupid?" is answered before it is reassured
            openers = (("No, you're" if "?" in user else "You're") + f" not {word}. ",)
        elif (takes_up and step is None  # a step of theirs is built on
              and said and OFFERED.search(said[-1])  # the agent's last reply offered one
              # ("That sounds very simple and useful. I'm not sure its practical for me",
              # ESConv valid, had been told "I'm glad that one speaks to you")
              and not DOUBTS.search(user)
              and (taken := [o for o in TAKEN_UP_OPENERS if o.strip().lower() not in said_low])):
            openers = (taken[seed % len(taken)],)  # "That's a good idea.": heard, then on
        elif TOLD_NO_ONE.search(user) and not glad:  # heard first: "I don't have anyone"
            alone = [a for a in ALONE_ACKNOWLEDGEMENTS if a.lower() not in said_low]
            if alone:
                openers = (alone[seed % len(alone)] + " ",)
        elif thanked and THANKED_FOR_HELP.search(user):
            # "Thanks for the suggestions.": heard, then on; a passing "thanks" before more of
            # the trouble ("Thank you, it's especially hard having to teach remotely") is not
            openers = (THANKED_OPENERS[seed % len(THANKED_OPENERS)],)
        candidates = []
        for k, template in enumerate(fresh):
            lead = openers[(seed // 7 + k) % len(openers)]
            if lead in NEWS_OPENERS and template in GREETS_NEWS:
                lead = ""
            body = template.format(**filled)
            if lead.endswith(", "):
                body = lower_first(body)
            text = lead + body
            candidates.append(text[0].upper() + text[1:])
        first = fresh[0].format(**filled)  # any new wording of it beats a repeat
        for lead in ("", *openers):
            text = lead + (lower_first(first) if lead.endswith(", ") else first)
            candidates.append(text[0].upper() + text[1:])
        # nor a sentence of one of the last replies in new words around it ("Could you pick a
        # time to visit them early next year some time?" twice in three turns, ESConv valid)
        recent = {x for r in said[-6:] for x in split_sentences(r) if len(x.split()) >= 4}
        return next((c for c in candidates if c not in said
                     and not recent.intersection(split_sentences(c))),
                    next((c for c in candidates if c not in said), candidates[0] + " I mean it."))

    def _asked_back(self, messages: Sequence[BaseMessage], report: str, info: dict[str, Any],
                    said: list[str], seed: int) -> str:  # fmt: skip
        """The reply to how the user is when they ask the agent back ("I am good. How are
        you?"): how the agent is, then a question on to the talk; or, when they are not well
        or tell more ("Not great. How are you?"), how the agent is, then the reply to the rest."""
        mine = SELF_REPORT_OPENINGS[self_report_group(info)]
        short = len(report.split()) <= 6 and not tells_trouble(report)
        options: list[str] = []
        if short and says_unwell(report):
            options = [f"{mine} {ask}" for ask in ASKED_BACK_UNWELL]
        elif short and WELL.search(report):
            lead = "Good to hear. " if GLAD_WELL.search(report) else ""
            options = [f"{lead}{mine} {ask}" for ask in ASKED_BACK_NEXT]
        if options:
            fresh = [o for o in options if o not in said] or options
            return fresh[seed % len(fresh)]
        return f"{mine} {self._reply_to(messages, report)}"

    def _reply_to(self, messages: Sequence[BaseMessage], part: str) -> str:
        """The reply to ``part`` of the user's last message, as the second sentence of a turn
        whose first answers the rest of it."""
        last = max(i for i, m in enumerate(messages) if isinstance(m, HumanMessage))
        rest = self.compose([*messages[:last], HumanMessage(content=part),
                             *messages[last + 1:]])  # fmt: skip
        rest = INTERJECTION.sub("", rest)  # "Oh," opens a turn, not its second sentence
        for opener in SENTENCE_OPENERS:  # nor "I hear you." ("I'm fine ... I hear you.")
            rest = rest.removeprefix(opener)
        return f"{rest[:1].upper()}{rest[1:]}"


# The openers that are sentences of their own ("I hear you. "), in a fixed order
SENTENCE_OPENERS = tuple(dict.fromkeys(o for style in OPENERS.values() for o in style
                                       if o.endswith(". ")))


def _welcome_back(earlier: Sequence[str], said: Sequence[str], seed: int) -> str:
    """A greeting for a user back after a break, naming what they told of last time: the
    latest earlier message with an event, a person or a topic in it ("losing your job")."""
    for text in reversed(earlier):
        found = slots(text, "neutral", [])
        thing = found.get("event") or found.get("person") or found.get("topic")
        if thing:
            options = [t.format(thing=thing) for t in WELCOME_BACK_ABOUT]
            break
    else:
        options = list(WELCOME_BACK)
    fresh = [o for o in options if o not in said] or options
    return fresh[seed % len(fresh)]


def _unsaid(options: Sequence[str], said: Sequence[str], seed: int) -> str:
    """One of ``options`` no reply has opened with yet, chosen by ``seed``; any of them once
    all have been said."""
    fresh = [o for o in options if not any(x.startswith(o) for x in said)] or list(options)
    return fresh[seed % len(fresh)]


def _skeleton(template: str) -> str:
    """The longest run of a template's literal words, to tell whether it was used already.
    Not only the words it opens with: "Feeling {feeling} does not make you any less capable;
    you are facing {topic} head on." opens with one word, and was said twice running with
    another topic (ESConv valid)."""
    literal = max((part.strip(" .,;?!").lower() for part in re.split(r"{\w+}", template)),
                  key=len)
    return literal if len(literal) >= 8 else template.lower()


def request_info(messages: Sequence[BaseMessage]) -> dict[str, Any]:
    """Strategy, feeling, style and memory from the system message of the prompt."""
    info: dict[str, Any] = {"strategy": Strategy.REFLECTION, "feeling": "neutral", "style": "warm"}
    for m in messages:
        if not isinstance(m, SystemMessage):
            continue
        structured = m.additional_kwargs.get("affect")
        if isinstance(structured, dict):
            info.update(structured)
        else:
            found = re.search(r"Strategy:\s*([A-Za-z -]+?)[.\n]", str(m.content))
            if found:
                info["strategy"] = found.group(1)
    try:
        info["strategy"] = Strategy.parse(str(info["strategy"]))
    except ValueError:
        info["strategy"] = Strategy.REFLECTION
    return info
