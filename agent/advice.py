"""Concrete steps for common troubles: what a suggestion or a piece of information says when the
user's words name one (rent they cannot pay, nights without sleep, exams, a panic attack).

The offline responder puts these before its general templates when the policy suggests or
informs, and the prompt every chat model gets names the topic and a step, so that "Rent is due
friday and I'm 300 short. What should I do?" is not answered with a walk. Each step is one that
the named source supports; none is medical, legal or financial advice beyond a first move that
is safe to take. Hand-written patterns: each names what it catches and the look-alikes it leaves
alone, and the tests hold both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from agent.dialogue_acts import asks_for_advice
from agent.safety import ABUSE_AT_HOME
from agent.troubles import ISOLATED, LEFT, WALKED_OUT, tells_trouble
from perception.base import split_sentences

EARLIER_TURNS = 4
_OWN_GROUPS = ("abuse", "drinking")
"""How many of the user's earlier messages are read for the topic of a message that does not
ask for ideas (``topic_of``)."""


class Eases(str):
    """An information line that also answers "Is this normal?" or "Will it pass?": that the
    trouble is common, or that it eases. The rest are tips ("Testing yourself ... works better
    than rereading"), no answer to that question. Marked on the line itself, so that reordering
    or adding lines cannot point an index at the wrong one."""

    __slots__ = ()


@dataclass(frozen=True)
class Topic:
    """A kind of trouble, how to recognise it, and what helps with it."""

    name: str
    label: str
    """How the prompt names it: "money trouble"."""
    pattern: re.Pattern[str]
    suggestions: tuple[str, ...]
    information: tuple[str, ...]
    asked_now_only: bool = False
    """A request, not a trouble lived ("can you recommend a counceller"): it is the topic of
    the message that names it, not of the messages after it."""
    said_as: str | None = None
    """How a reply names the trouble when the message names it ("the drinking"), over the
    thing the message says is "my" ("I'm scared my job will find out" is about the drinking,
    not "your job")."""
    personal: bool = False
    """Its steps are for the one who lives it ("Could you keep the same wake-up time every
    day?"): a message that gives it to someone else ("My son can't sleep at night", "my
    sister's boyfriend broke up with her") does not name it."""


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# In the order they are tried: the more specific before the broader ("panic attacks at work" is
# about panic, "bullied at work" about bullying, "anxious about my exams" about the exams).
TOPICS: tuple[Topic, ...] = (
    Topic(
        # "can you recommend a counceller", "how do I find a good therapist?": how to find one,
        # asked whatever the trouble; "my therapist said ..." asks nothing
        "finding_help", "finding a counsellor",
        _words(r"\b(?:find|finding|recommend|suggest|get|getting|look(?:ing)?\s+for|search(?:ing)?"
               r"\s+for|afford|pay\s+for|choose|choosing)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:good\s+|"
               r"new\s+|cheap\s+|free\s+)?(?:coun[cs]{1,2}e?l{1,2}[oe]u?rs?|coun[cs]{1,2}e?l{1,2}ing"
               r"|therapists?|psychologists?|therapy)\b"
               # "I can't really afford professional help." (ESConv train, after a partner's
               # cheating: later asked for distractions, it got the steps for rent)
               r"|\b(?:afford|pay\s+for)\s+(?:any\s+|the\s+)?professional\s+help\b"
               # "Is considering counselling a better option?", "I didnt know counselling is very
               # expensive" (ESConv train, after a breakup: a note to write, a line on breakups)
               r"|\bconsider(?:ing)?\s+(?:getting\s+|going\s+to\s+"
               r"|seeing\s+)?(?:a\s+)?(?:coun[cs]{1,2}e?l{1,2}[oe]u?rs?|coun[cs]{1,2}e?l{1,2}ing"
               r"|therapy|therapists?)\b|\b(?:coun[cs]{1,2}e?l{1,2}ing|therapy|therapists?)\s+(?:is"
               r"|are)\s+(?:very\s+|so\s+|too\s+|really\s+)?(?:expensive|costly|pricey)\b"
               # "I dont know about any free counsellors"
               r"|\b(?:free|cheap|affordable|low[\s-]cost)\s+(?:coun[cs]{1,2}e?l{1,2}[oe]u?rs?|"
               r"coun[cs]{1,2}e?l{1,2}ing|therapists?|therapy)\b"),
        # a GP's referral and the professional bodies' directories (Psychology Today's in the
        # US, the BACP's in the UK) are the usual first routes; fit with the counsellor predicts
        # how much therapy helps (the alliance-outcome meta-analysis of Fluckiger et al. 2018)
        (
            "Your doctor can usually refer you to a counsellor, and many areas have free or "
            "low-cost services too. Could you ask about it at your next appointment?",
            "Online directories let you search for a counsellor by what you need and what you "
            "can pay, like Psychology Today's in the US or the BACP's in the UK. Could you look "
            "at one this week?",
            "If cost is a worry, could you ask a counsellor whether they have lower rates, or "
            "check whether your work or college offers a few free sessions?",
        ),
        (
            "Many people try more than one counsellor before one fits, and that fit matters "
            "for how much it helps, so it is fine to keep looking.",
            "Many employers and colleges offer a few free, confidential counselling sessions; "
            "it is often called an employee assistance programme.",
        ),
        asked_now_only=True,
    ),
    Topic(
        # "do you know of any support groups online that might be helpful?" (ESConv train, had
        # got a line on grief): where to find one, asked whatever the trouble; "my support group
        # meets on Fridays" asks nothing
        "support_groups", "finding a support group",
        _words(r"\b(?:know\s+of|recommend|suggest|find|finding|look(?:ing)?\s+for|"
               r"search(?:ing)?\s+for|join|joining|are\s+there|is\s+there|try|trying)\s+(?:me\s+)?"
               r"(?:a\s+|an\s+|any\s+|some\s+)?(?:good\s+|free\s+)?(?:online\s+|virtual\s+|"
               r"local\s+)?(?:peer\s+)?support\s+(?:groups?|communit(?:y|ies)|forums?)\b"
               # "Can you suggest where to find some online forums to find survivors with my same
               # condition." (ESConv train: the steps for helping someone else)
               r"|\b(?:find|finding|recommend|suggest|know\s+of|look(?:ing)?\s+for|join|joining)\s+"
               r"(?:me\s+)?(?:a\s+|an\s+|any\s+|some\s+)?(?:good\s+)?(?:online\s+)?(?:forums?|"
               r"online\s+communit(?:y|ies))\b"),
        # NAMI's Connection groups (US) and Mind's Side by Side community (UK) are free and
        # peer-led; peer support did better than usual care for depression in the meta-analysis
        # of Pfeiffer et al. 2011 (General Hospital Psychiatry 33(1))
        (
            "In the US, NAMI runs free peer support groups, many of them online; in the UK, "
            "Mind runs Side by Side, an online peer support community. Could you look at one "
            "this week?",
            "Could you ask your doctor, or a charity for what you are going through, which "
            "groups meet near you?",
        ),
        (
            "Peer support groups are usually free, and most let you just listen the first few "
            "times.",
            "Talking with people who have been through the same thing helps many; in studies "
            "of depression, peer support did better than usual care alone.",
        ),
        asked_now_only=True,
    ),
    Topic(
        "abuse", "abuse at home",
        # told in the present, by the one it is done to (the safety stage answers it first; this
        # is what a later request for steps gets: "is there any peer support groups that you
        # can suggest me", ESConv valid, had been told "could you talk to your kids about it,
        # maybe tonight when things are calm?")
        _words("|".join(f"(?:{p})" for p in ABUSE_AT_HOME)
               + r"|\b(?:i'?m|i\s+am)\s+(?:in\s+)?(?:an?\s+)?abusive\s+(?:relationship|marriage)\b"
               r"|\bvictim\s+of\s+(?:\w+\s+){0,3}?(?:domestic\s+)?(?:abuse|violence)\b"),
        # first-line support and safety planning (WHO 2013, clinical and policy guidelines on
        # intimate partner violence); a code word with someone trusted and a bag of essentials
        # are standard parts of a safety plan
        (
            "When it is safe to, could you call a domestic abuse helpline? They help you make a "
            "safety plan in confidence, whether or not you decide to leave; findahelpline.com "
            "lists free ones where you live.",
            "Could you keep your documents, some money, your medicines and a charged phone "
            "somewhere you could reach quickly if you needed to go?",
            "Is there one person you trust who could know what is happening, and a word you could "
            "send them that means you need help?",
        ),
        (
            "None of this is your fault. Abuse is a choice the other person makes, and support "
            "services help people whether they stay or leave.",
            "Making a safety plan with a trained advocate is the usual first step, and it does "
            "not commit you to anything.",
        ),
    ),
    Topic(
        # how to say something hard to someone: "how do i tell my parents i need another
        # semester", "how do i even begin to start the conversation", "I am scared to tell my
        # family", "how should I start it off?" (ESConv train: a daylight walk, "writing down
        # what worries you most"). Before the trouble it is about: the question is how to say it
        "hard_talk", "a hard conversation",
        _words(r"\bhow\s++(?:do|can|should|would|could|will)\s++i\s++(?:even\s++|ever\s++|"
               r"possibly\s++)?(?:tell|break\s++(?:it|this|the\s++news)\s++to|bring\s++(?:it|this|"
               r"that|the\s++subject)\s++up\s++with|approach|confront|explain\s++(?:it\s++|this\s++|"
               r"that\s++)?to|talk\s++to|raise\s++(?:it|this|that)\s++with)\s++(?:my|him|her|them)\b"
               r"|\bhow\s++(?:do|can|should|would|could)\s++i\s++(?:even\s++)?(?:begin|start|open)\s++"
               r"(?:to\s++start\s++)?(?:it\s++off|off|(?:the|this|that|a)\s++(?:conversation|talk|"
               r"discussion))\b"
               r"|\b(?:afraid|scared|nervous|terrified|dreading|dread)\s++(?:to\s++|of\s++)?"
               r"(?:tell|telling|talk\s++to|talking\s++to|confront|confronting)\s++(?:my|him|her|them)"
               r"\b"),
        # after SPIKES, the protocol for breaking bad news (Baile et al. 2000, The Oncologist
        # 5(4)): a private, unhurried setting, a warning first, the news said plainly, then a
        # plan; and distress said as "I feel" draws less anger than an accusing "you" message
        # (Kubany et al. 1992, Aggressive Behavior 18(5))
        (
            "Could you pick a quiet time when no one is rushed, and open with something like "
            "'I have something hard to tell you'? A little warning helps people listen.",
            "It might help to say it plainly first, then what you plan to do about it; a plan "
            "beside hard news often helps it land more gently.",
            "Could you start from your side of it, like 'I've been worried about telling you "
            "this'? Starting from how you feel tends to make people less defensive.",
        ),
        (
            Eases(
                "Dreading a hard conversation is very common, and people tend to expect such "
                "talks to be more awkward than they turn out to be."
            ),
            "Saying how you feel, rather than what the other person did, tends to draw less "
            "anger, even when the news is the same.",
        ),
        personal=True,
    ),
    Topic(
        "grief", "grief",
        # a person or animal who died; "my phone died" is not grief
        # ("close to grief but she is still alive", ESConv train, a breakup: "spend a little
        # time with people who knew them")
        _words(r"(?<!\bclose\sto\s)(?<!\blike\s)(?<!\bakin\sto\s)"
               r"\b(?:passed\s+away|funeral|grieving|grief|bereave\w*)\b"
               r"|\bmy\s+(?:\w+\s+)?(?:mom|mum|mother|dad|father|wife|husband|partner|son|"
               r"daughter|brother|sister|grandma|grandmother|gran|grandpa|grandfather|granddad|"
               r"friend|aunt|uncle|cousin|baby|dog|cat|pet)\s+(?:just\s+)?(?:died|passed)\b"
               r"|\blost\s+my\s+(?:\w+\s+)?(?:mom|mum|mother|dad|father|wife|husband|partner|son|"
               r"daughter|brother|sister|grandma|grandmother|grandpa|grandfather|baby|dog|cat)\b"),
        # Stroebe & Schut (1999): coping moves between the loss and the rest of life; support
        # from others who share the loss helps (Bonanno 2004 on most people's resilience)
        (
            "Would it help to spend a little time with people who knew them too, and share a "
            "memory?",
            "Could you let yourself have some time each day just to remember, and go easy on "
            "yourself for the rest of it?",
            "If there is one ordinary thing that steadies you, like a walk or a meal with a "
            "friend, could you keep it in your week?",
        ),
        (
            Eases(
                "Grief tends to come in waves, and for most people the waves slowly grow further "
                "apart; there is no right way to do it."
            ),
            Eases(
                "Moving between grieving and getting on with everyday things is a normal part of "
                "grief, not a sign of caring less."
            ),
        ),
        personal=True,
    ),
    Topic(
        "health", "a health worry",
        _words(r"\b(?:test|scan|blood\s+test|biopsy)\s+results\b|\bbiopsy\b|\ba\s+lump\b"
               r"|\bdiagnos(?:is|ed)\b|\b(?:cancer|tumou?r|chemo(?:therapy)?)\b"
               r"|\b(?:my|the|an?)\s+(?:surgery|operation)\b|\bin\s+(?:the\s+)?hospital\b"
               r"|\bthe\s+doctor\s+(?:said|says|told)\b"),
        # steps for the one who is ill; someone else's illness ("my boss and mentor was just
        # diagnosed with cancer", ESConv train, had got "take someone you trust along to the
        # next appointment") is helping them through it (personal)
        (
            "Could you write down your questions before the next appointment, so none of them "
            "gets lost in the moment?",
            "Would it help to take someone you trust along to the next appointment?",
            "Could you ask the clinic when the results are due, so the wait has an end you "
            "can see?",
        ),
        (
            Eases(
                "For many people the waiting is the hardest part; the worry usually settles once "
                "there is something definite to act on."
            ),
        ),
        personal=True,
    ),
    Topic(
        "panic", "panic",
        # ("I think I'm in panic mode!" about a job search, ESConv valid, is a figure of speech)
        _words(r"\bpanic(?:king)?\b(?!\s+mode\b)|\b(?:anxiety|panic)\s+attacks?\b"
               r"|\bheart\s+(?:is\s+|keeps\s+)?(?:racing|races|pounding|pounds)\b"
               r"|\bhyperventilat\w*"),
        # slow breathing with a long out-breath (Zaccaro et al. 2018, a review); grounding
        # through the senses is a standard step in anxiety self-help; panic peaks within
        # minutes (DSM-5's definition of a panic attack)
        (
            "When it starts, could you try breathing out slowly, longer than you breathe in, "
            "for a minute or two?",
            "It can help to name five things you can see and four you can hear, to bring "
            "yourself back into the room.",
            "Could you tell one person near you, at work or at home, what helps when it "
            "happens, so you are not alone with it?",
        ),
        (
            Eases(
                "A panic attack feels dangerous, but it peaks within minutes and passes on its "
                "own."
            ),
            "Slow breathing with a long out-breath is one of the simplest ways to calm the "
            "body's alarm.",
        ),
        personal=True,
    ),
    Topic(
        "relaxing", "learning to relax",
        # asked for ways to wind down ("Any recommendations on relaxation techniques?", ESConv
        # valid, had got a workload step named three messages before)
        _words(r"\brelaxation\s+(?:techniques?|exercises?|methods?|tips|strategies)\b"
               r"|\bbreathing\s+(?:exercises?|techniques?)\b"
               # "what other ways can i use to manage my anxiety?" (ESConv train)
               r"|\b(?:manage|managing|cope\s+with|coping\s+with|calm|control|reduce|deal\s+with|"
               # "Do you have any other suggestions to resolve my anxiety issue?" (ESConv train,
               # had got "talk to someone you trust about your workplace")
               r"handle|ease|resolve|overcome|get\s+rid\s+of|fix|treat|help\s+(?:me\s+)?with)\s+"
               r"(?:my\s+|the\s+|this\s+)?anxiety\b"
               # "Do you have any tips on how to deal with headaches or being overly stressed or
               # anxious?" (ESConv train, had got a study step named earlier)
               r"|\b(?:how\s+to|ways?\s+to|tips\s+(?:on|for))\s+(?:deal|cope|handle|manage|calm)\s+"
               r"(?:with\s+)?(?:[\w']+\s+){0,6}?(?:stress|stressed|anxious|anxiety|nerves)\b"
               # asked of the agent: "What do you do to relax?" (ESConv valid)
               r"|\bwhat\s+do\s+you\s+do\s+to\s+(?:relax|unwind|de-?stress|calm\s+down)\b"
               # ("What do I do to meditate?", ESConv train, had got a general line)
               r"|\b(?:try|learn|start|get\s+into|tips\s+(?:for|on)|how\s+to|never|(?:what|how)\s+"
               r"(?:do|should|can)\s+i\s+do\s+to)\s+(?:\w+\s+)?meditat(?:e|ion|ing)\b"
               # ("What should I do to relax my mind?", ESConv train, had got a workload step)
               r"|\b(?:how\s+(?:to|can\s+i|do\s+i|could\s+i)|ways?\s+to|help\s+me|trying\s+to|"
               r"what\s+(?:should|can|could)\s+i\s+do\s+to|"
               r"struggl\w+\s+to|can'?t|cannot|hard\s+to)\s+(?:relax|calm\s+(?:myself\s+)?down|"
               r"de-?stress|unwind|wind\s+down|switch\s+off)\b"),
        # slow breathing (Zaccaro et al. 2018, a review), progressive muscle relaxation
        # (Jacobson 1938; its effect on anxiety: Manzoni et al. 2008, a meta-analysis) and a
        # short daily mindfulness practice
        (
            "Could you try a few minutes of slow breathing, in for four counts and out for six, "
            "and notice how your shoulders feel afterwards?",
            "It might help to tense one group of muscles for a few seconds, then let it go, "
            "working from your feet up to your face.",
            "Could you set aside ten minutes a day this week for something calming, like a "
            "guided meditation or a slow walk without your phone?",
        ),
        (
            "Relaxation is a skill: a few minutes a day of slow breathing or muscle relaxation "
            "lowers anxiety for most people within a few weeks.",
        ),
        personal=True,
    ),
    Topic(
        "drinking", "drinking or drug use",
        # the user's own: "I have a problem with drinking alcohol", "my drinking", "I'm an
        # alcoholic", "I relapsed"; "my brother is struggling with an addiction" is someone
        # else's (their steps, like Al-Anon, differ), and "drinking water" or "a drink with
        # friends" is no trouble
        _words(r"\b(?:(?:a|my)\s+)?problem\s+with\s+(?:drinking|alcohol|drugs|booze|pills)\b"
               r"|\bmy\s+(?:drinking|alcohol\s+(?:use|intake|consumption|problem|addiction)|drug\s+"
               r"(?:use|habit|problem|addiction)|addiction|relapse)\b"
               r"|\bi(?:'m|\s+am)\s+(?:an?\s+)?(?:alcoholic|addict|addicted)\b"
               # "I am drinking beer almost every day ... I can't see myself stop drinking",
               # "I just got addicted" (ESConv train, had got "Mm, fair enough.")
               r"|\bi\s+(?:just\s+|have\s+|'ve\s+)?(?:got|gotten|became|become)\s+addicted\b"
               r"|\bdrinking\s+(?:beer|wine|alcohol|vodka|whiske?y|booze|spirits)\s+(?:almost\s+|"
               r"nearly\s+)?every\s+(?:single\s+)?(?:day|night)\b"
               r"|\bcan'?t\s+(?:see\s+myself\s+)?stop(?:ping)?\s+drinking\b"
               r"|\bi\s+(?:just\s+)?relapsed\b|\b(?:stay(?:ing)?|get(?:ting)?)\s+sober\b"
               # "I've been wanting to stop drinking but here I am with another glass" (ESConv
               # valid); "the urge to drink"
               r"|\bi(?:'ve|\s+have)?\s+(?:been\s+)?(?:want(?:ing|ed)?|trying|tried|need)\s+to\s+(?:stop|quit|"
               r"cut\s+(?:down|back)\s+on)\s+(?:drinking|alcohol|the\s+booze|using|drugs)\b"
               r"|\b(?:the|an|my)\s+urge\s+to\s+(?:drink|use)\b"
               # "I've also been turning to drugs a lot lately" (ESConv train, had got the steps
               # for putting things off)
               r"|\bi(?:'ve|\s+have)?\s+(?:also\s+)?(?:been\s+)?(?:turning|turned"
               r"|turn)\s+to\s+(?:drugs|alcohol|"
               r"drinking|the\s+bottle|pills|weed)\b"
               # alcohol taken to cope: "have been taking Alcohol since to wipe away the
               # emotion", "i normally take Alcohol any time am going through any sad moment"
               # (ESConv valid, after a friend's death)
               r"|\b(?:take|taking|took|use|using|drink|drinking)\s+(?:alcohol|booze|liquor)\s+"
               r"(?:since|to\s+(?:cope|forget|numb|wipe|escape|deal|get\s+through|sleep)|any\s*time|"
               r"every\s*time|whenever|when(?:ever)?\s+i)\b"
               r"|\bi(?:'ve|\s+have)?\s+(?:been\s+|started\s+|keep\s+)?drink(?:ing)?\s+"
               r"(?:too\s+much|(?:way\s+)?more|every\s+(?:day|night)|at\s+work|alone|in\s+the\s+"
               r"morning|to\s+cope|to\s+forget|again)\b"
               r"(?!\s+(?:water|tea|coffee|juice|milk|fluids|smoothies))"),
        # a doctor first: stopping heavy daily drinking at once can bring dangerous withdrawal
        # (NIAAA, "Rethinking Drinking"); mutual-help groups (AA, SMART Recovery) help many
        # (Kelly et al. 2020, a Cochrane review of AA); a drinking diary is NIAAA's first step
        (
            "Could you talk to a doctor about the drinking? They can help you cut down safely; "
            "if you drink heavily every day, stopping all at once can be dangerous without "
            "medical advice.",
            "Would you be open to trying a support group, like AA or SMART Recovery? Many meet "
            "online, and you can just listen the first time.",
            "Could you keep a note of when and how much you drink for a week? Seeing the "
            "pattern often shows where cutting back would be easiest.",
        ),
        (
            Eases(
                "Cutting down or stopping is hard for most people, and slips along the way are "
                "common; a slip is not a reason to give up on it."
            ),
            "In the US, SAMHSA's National Helpline (1-800-662-4357) is free and confidential, "
            "open day and night, and can point you to treatment near you.",
        ),
        said_as="the drinking",
    ),
    Topic(
        "sleep", "sleep trouble",
        # ("I feel tired during the day but cant fall or stay asleep at night", ESConv train)
        _words(r"\b(?:can'?t|cannot|couldn'?t|can\s+not|could\s+not)\s+(?:get\s+to\s+|(?:fall|stay)"
               r"(?:\s+or\s+(?:fall|stay))?\s+(?:a)?)?sleep\b|\binsomnia\b|\b(?:not|barely"
               r"|hardly)\s+sleeping\b"
               # "I find it hard to fall asleep", "trouble getting to sleep" (ESConv train)
               # ("a hard time falling asleep", "I lie down and then I feel wide awake", ESConv
               # valid)
               r"|\b(?:lie|lying|laying|lay)\s+(?:\w+\s+){0,3}?awake\b|\b(?:feel|am|i'?m|be)\s+wide\s+awake\b"
               r"|\b(?:hard|difficult|trouble|struggl\w+)\s+(?:time\s+)?(?:to\s+)?(?:fall(?:ing)?\s+asleep|"
               r"get(?:ting)?\s+to\s+sleep|stay(?:ing)?\s+asleep)\b"
               r"|\bhaven'?t\s+(?:been\s+sleeping|slept)\b"
               r"|\bawake\s+(?:all\s+night|every\s+night|at\s+night|till|until)\b"
               r"|\b(?:no|little|not\s+enough)\s+sleep\b|\bsleep(?:ing)?\s+(?:badly|poorly|terribly)"
               # "recover my sleeping schedule", "any suggestions to help with sleeping?"
               r"\b|\b(?:my|a|bad|the)\s+sleep(?:ing)?\s+(?:schedule|pattern|routine)\b"
               # "Do you have any suggestions to improve sleep the night before?" (ESConv train)
               r"|\b(?:improve|improving|get\s+(?:more|better))\s+(?:my\s+)?sleep\b|\bsleep\s+better\b"
               # "please am not able to get sleep like 6 months now", "is there anything i can
               # do to sleep more" (ESConv train: a quiet hour tonight, a worry list)
               r"|\b(?:not\s+able|unable)\s+to\s+(?:get\s+(?:any\s+|enough\s+)?)?sleep\b"
               r"(?!\s+(?:over|with|in|at|on|together)\b)"
               r"|\bsleep\s+(?:more|longer)\b(?!\s+(?:with|together)\b)"
               r"|\b(?:need|want)\s+more\s+sleep\b"
               # "Any tips for sleep?", "advice on sleeping"
               r"|\b(?:tips|advice|ideas|suggestions?)\s+(?:for|on|about)\s+(?:better\s+)?(?:sleep|sleeping|"
               r"falling\s+asleep)\b"
               # "Anything I can do to help my sleep?" (ESConv train)
               r"|\b(?:help|trouble|problems?)\s+(?:me\s+)?(?:with\s+)?(?:my\s+)?(?:sleep|sleeping|"
               r"falling\s+asleep)"
               r"\b"),
        # stimulus control and a fixed rising time are the core of CBT-I (Bootzin 1972;
        # American College of Physicians 2016 guideline: CBT-I first for chronic insomnia)
        (
            "If you are lying awake for more than about twenty minutes, could you get up and do "
            "something quiet in dim light until you feel sleepy?",
            "Could you keep the same wake-up time every day this week, even after a bad night?",
            "It might help to put the phone out of reach for the last half hour before bed.",
        ),
        (
            "A fixed wake-up time and leaving the bed when you cannot sleep are at the heart of "
            "the best-studied treatment for insomnia.",
        ),
        personal=True,
    ),
    Topic(
        "breakup", "a breakup",
        # "gf broke my heart" (ESConv valid: "what should I do to move on? any advice?" got
        # "Could you plan one small thing this week that is just for you?")
        _words(r"\b(?:gf|bf|girlfriend|boyfriend|wife|husband|partner|fianc[eé]e?|ex|she|he)\s+"
               r"(?:just\s+|really\s+|completely\s+)?broke\s+my\s+heart\b"
               # ("I am single/divorced and want to start fresh", ESConv valid, is a status
               # told in passing, and had brought three breakup steps)
               r"|\bbroke\s+up\b|\bbreak(?:ing)?\s*up\b|\bbreakup\b|\bsplit\s+up\b"
               r"|(?<!\bam\s)(?<!'m\s)(?<!\bim\s)(?<!/)(?<!\bor\s)\bdivorc\w+"
               r"|\bmy\s+ex\b|\bcheated\s+on\s+me\b|\bfell\s+out\s+of\s+love\b"
               # "my boyfriend stepped out on me", "slept with my close friend"
               r"|\b(?:stepped|stepping)\s+out\s+on\s+me\b|\bslept\s+with\s+my\s+(?:\w+\s+)?"
               r"(?:friend|best\s+friend|sister|cousin|coworker|co-worker)\b|\bhad\s+an\s+affair\b"),
        # rejection by a partner engages the brain's regions for physical pain (Kross et al. 2011)
        (
            "It might help to mute them for a while, so you are not reopening it every time you "
            "scroll.",
            "Could you plan something with a friend this week, so the evenings are not all yours "
            "to fill?",
            "Could you write down what you would want to say to them, without sending it?",
        ),
        (
            Eases(
                "A breakup can hurt almost like a physical pain; for most people it eases over "
                "weeks and months, not days."
            ),
        ),
        personal=True,
    ),
    Topic(
        "job_loss", "losing a job",
        # the user's own: "My husband just got laid off" (ESConv train) got "If you have not
        # yet, could you apply for unemployment benefits this week?", said to the wife
        # (a job feared for is not lost: "well I fear losing my job", ESConv train, had got
        # "could you apply for unemployment benefits this week?")
        _words(r"(?<!\bfear\s)(?<!\bfears\s)(?<!\bfeared\s)(?<!\bof\s)(?<!\bworried\sabout\s)"
               r"(?<!\bworry\sabout\s)(?<!\banxious\sabout\s)(?<!\bnervous\sabout\s)"
               r"(?<!\bscared\sabout\s)(?<!\bmight\sbe\s)(?<!\bcould\sbe\s)"
               r"\b(?:lost|losing)\s+(?:my|our)\s+job\b|\blaid\s+(?:me|us)\s+off\b"
               # ("I heard my dad was laid off" is his)
               # ("I might get fired", "I don't want to get fired" fear it: job insecurity)
               r"|\b(?:i|we)\b(?:(?!\b(?:he|she|they|my|his|her|their|might|may|could|will|"
               r"would|ll|if|going|gonna|want|wants|afraid|scared|worried|fear|not|don'?t|"
               r"won'?t)\b)[^.!?,;]){0,20}?"
               r"\b(?:got|been|was|were|get|am|'m|are|'re)\s+(?:just\s+)?"
               r"(?:laid\s+off|layed\s+off|fired|sacked|let\s+go|(?:made\s+)?redundant)\b(?!\s+up\b)"
               r"|\b(?:fired|let|letting)\s+(?:me|us)\s+go\b|\bfired\s+(?:me|us)\b"
               # "they tell me that my position is being phased out" (ESConv valid)
               r"|\b(?:my|our)\s+(?:position|job|role|post)\s+(?:is|was|has\s+been|will\s+be|is\s+going\s+"
               r"to\s+be)\s+(?:being\s+)?(?:phased\s+out|eliminated|cut|axed|made\s+redundant)\b"
               r"|\b(?:i'?m|im|i\s+am|we'?re|we\s+are|i'?ve\s+been|i\s+have\s+been|being)\s+"
               r"(?:\w+\s+)?unemployed\b|\bout\s+of\s+work\b"
               # "it is about layoff from my job" (ESConv train)
               r"|\blay-?offs?\s+(?:from|at)\s+(?:my|our)\s+(?:job|work|company|workplace)\b"
               # a contract ended: "they stopped my contract" (ESConv valid)
               r"|\b(?:stopped|ended|terminated|cancell?ed|cut|didn'?t\s+renew|did\s+not\s+renew|"
               r"won'?t\s+renew|not\s+renewing)\s+(?:my|our)\s+contract\b"
               r"|\bmy\s+contract\s+(?:was\s+|got\s+|has\s+been\s+)?(?:terminated|ended|cancell?ed|"
               r"not\s+renewed|cut)\b"
               r"|\bjob\s+(?:hunting|search|interviews?)\b"
               # the search told in its own words: "I've sent out 50 resumes and got 3
               # interviews", "applying for jobs" (ESConv valid)
               r"|\b(?:sent|sending|send)\s+out\s+(?:\d+\s+|so\s+many\s+|a\s+lot\s+of\s+)?"
               r"(?:resumes|résumés|cvs|applications)\b|\b(?:applying|applied|apply)\s+(?:for|to)\s+"
               r"(?:\d+\s+|so\s+many\s+|a\s+lot\s+of\s+|every\s+)?(?:jobs?|positions|openings)\b"),
        # many jobs are found through acquaintances (Granovetter 1973); unemployment benefits
        # usually count from the date of the claim
        (
            "If you have not yet, could you apply for unemployment benefits this week? They "
            "usually count from the day you claim.",
            "Could you tell a few people you have worked with that you are looking? Many jobs "
            "are found through people we know.",
            "It might help to give the search a fixed hour or two a day, and keep the rest of "
            "the day for yourself.",
        ),
        (
            "Many jobs are found through people we already know, often acquaintances rather "
            "than close friends.",
            Eases(
                "Losing a job knocks most people's confidence for a while; it does not measure "
                "what you are able to do."
            ),
        ),
    ),
    Topic(
        # a job still held but feared for: "I'm feeling anxious that I am going to lose my job",
        # "The fear of layoff from job", "they are downsizing the company", "my job is not
        # protected" (ESConv train, job crisis: had got general lines, or the steps for money
        # when the fear named the bills). After job_loss, which takes a job already lost
        "job_insecurity", "worry about keeping a job",
        _words(r"\b(?:lose|losing)\s++(?:my|our)\s++(?:job|position|post)\b"
               r"|\b(?:get|getting|be|being)\s++(?:laid\s++off|fired|sacked|let\s++go|"
               r"made\s++redundant)\b|\blay-?offs?\b|\blay(?:ing)?\s++off\s++(?:some\s++|more\s++)?"
               r"(?:staffs?|people|workers|employees)\b|\bdownsiz(?:e|es|ed|ing)\b"
               r"|\bjob\s++(?:security|insecurity|protection)\b"
               # "Due to this pandemic, I fear for the safety of my job." (ESConv train)
               r"|\b(?:fear|fears|feared|worried|worry|scared|afraid)\s++for\s++(?:the\s++"
               r"(?:safety|future|security)\s++of\s++)?(?:my|our)\s++(?:job|position|role)\b"
               r"|\b(?:my|our)\s++(?:job|position|role)\s++(?:is|isn'?t|might\s++be|could\s++be|"
               r"may\s++be)\s++(?:not\s++)?(?:protected|safe|secure|at\s++risk|in\s++danger|"
               r"on\s++the\s++line)\b"),
        # lasting job insecurity goes with worse mental health (the meta-analysis of Sverke,
        # Hellgren & Naswall 2002, J Occup Health Psychol 7(3)), and persistent insecurity
        # predicted poorer health more strongly than a job actually lost (Burgard, Brand & House
        # 2009, Soc Sci Med 69(5)); finding out where one stands and preparing options are the
        # problem-focused ways of coping reviewed by Shoss 2017 (J Management 43(6))
        (
            "Could you ask your manager plainly where things stand for you? A clear answer, "
            "even a hard one, is often easier to plan around than not knowing.",
            "Could you bring your CV up to date this week, while nothing is urgent? Having it "
            "ready can take some of the weight out of the what-ifs.",
            "If money is the fear, could you work out how many weeks your savings would cover? "
            "A number is often easier to face than a what-if.",
        ),
        (
            Eases(
                "Worrying about keeping a job is very common, and it says nothing about how "
                "good you are at it."
            ),
            "Not knowing whether a job is safe can wear on people as much as losing one; that "
            "is part of why this feels so heavy.",
        ),
        personal=True,
    ),
    Topic(
        "money", "money trouble",
        _words(r"\b(?:the|my|our)\s+rent\b|\brent\s+(?:is|was)\s+(?:due|late|going\s+up)\b"
               r"|\b(?:bills|debts?|overdraft|mortgage|payday\s+loan|credit\s+card\s+debt)\b"
               r"|\b(?:the|a|my|this|electric|electricity|phone|water|gas|medical|hospital)\s+"
               r"bill\b|\bcan'?t\s+(?:afford|pay)\b|\b(?:\d+|a\s+few\s+hundred)\s+(?:dollars\s+|"
               r"bucks\s+|pounds\s+|euros\s+|quid\s+)?short\b|\bshort\s+(?:on|of)\s+(?:money|"
               r"cash|rent)\b|\bi'?m\s+(?:so\s+|completely\s+|totally\s+|flat\s+)?broke\b"
               r"(?!\s+(?:up|down|my|it|the|a|her|his|their)\b)|\bevict\w*"
               r"|\bbehind\s+on\s+(?:rent|payments|bills|the\s+rent)\b"
               r"|\b(?:no|not\s+enough|out\s+of|owe)\s+(?:\w+\s+)?money\b|\bmoney\s+(?:problems|"
               r"troubles|worries|is\s+tight)\b"
               # "I overspent ... I have no idea how I can pay my credit cards off" (ESConv train,
               # had got a daylight walk)
               r"|\boverspen[dt]\w*|\bpay\s+(?:off\s+)?(?:my|the|our)\s+(?:credit\s+cards?|loans?|"
               r"student\s+loans?)\b|\bcredit\s+cards?\s+(?:bills?|balances?|payments?)\b"
               r"|\bpaycheck\s+to\s+paycheck\b"),
        # creditors and landlords more often agree a plan asked for before a missed payment;
        # 211 (US, United Way) and Citizens Advice (UK) are free referral services
        (
            "Could you contact whoever the money is owed to before it is due, and ask about a "
            "payment plan or a few extra days?",
            "It might help to write down what is due and by when, and what is coming in, so you "
            "can see exactly how big the gap is.",
            "If you are in the US, calling 211 can point you to local help with rent and bills; "
            "in the UK, Citizens Advice can.",
        ),
        (
            "Landlords and lenders are usually more willing to agree a plan when they are asked "
            "before a payment is missed.",
            Eases(
                "Money worry is one of the most common kinds of stress, and it often shrinks a "
                "little once the numbers are on paper."
            ),
        ),
    ),
    Topic(
        # before exams and workload: "procrastinating on my essay" is about starting
        "procrastination", "putting things off",
        _words(r"\bprocrastinat\w*"
               r"|\b(?:keep|kept|always)\s+putting\s+(?:it|things|stuff|everything|(?:my|the)\s+\w+)\s+off\b"
               # "I can't seem to start", "I can't get going" (ESConv valid); not "I can't start
               # the car"
               r"|\b(?:can'?t|cannot|couldn'?t)\s+(?:seem\s+to\s+)?(?:get\s+(?:myself\s+)?)?"
               r"(?:start(?:ed)?|going)(?:\s+(?:on\s+)?(?:my|the)\s+(?:work|essay|project|"
               r"assignment|homework|paper|tasks?|writing|studying))?\s*(?:[.!,;]|$)"
               r"|\b(?:can'?t|cannot)\s+(?:seem\s+to\s+)?(?:make|get)\s+myself\s+(?:to\s+)?"
               r"(?:start|do\s+(?:my|the|any)\s+(?:work|homework|tasks?))\b"
               # "i always postponing my preparation", "my brain diverting so easily" (ESConv
               # train, a new mother's job preparation); "we postponed the wedding" is not
               r"|\b(?:always|keep|kept|keeps)\s+postponing\b|\bpostponing\s+(?:works?|tasks|"
               r"studies|studying|preparation|(?:my|the)\s+(?:work|preparation|studies|tasks|homework|"
               r"assignments?))\b"
               r"|\b(?:so\s+)?easily\s+(?:distracted|diverted|diverting)\b|\bdiverting\s+so\s+easily\b"
               r"|\b(?:can'?t|cannot|unable\s+to)\s+(?:concentrate|focus)\s+on\s+(?:my\s+)?(?:work|"
               r"studies|studying|homework|job\s+preparation|preparation)\b"),
        # procrastination is mostly short-term mood repair, avoiding the feelings a task brings
        # (Sirois & Pychyl 2013); plans that say when and where ("implementation intentions")
        # raise follow-through, d = 0.65 over 94 studies (Gollwitzer & Sheeran 2006)
        (
            "Could you pick the smallest first piece of it, something that takes ten minutes, "
            "and do only that today?",
            "Could you decide exactly when and where you'll start, like 'at 9 tomorrow, at my "
            "desk, I open the file'? A plan that specific makes starting much more likely.",
            "It might help to set a timer for twenty-five minutes with your phone in another "
            "room, and let yourself stop when it rings.",
        ),
        (
            Eases(
                "Putting things off is very common, and it is usually about the feelings a task "
                "stirs up, like worry about how it will turn out, rather than laziness."
            ),
            "Deciding exactly when and where you will start makes following through much more "
            "likely than good intentions alone.",
        ),
        personal=True,
    ),
    Topic(
        "exams", "exams",
        # ("I just finished finals", ESConv valid, on winter break, got "Could you write a plan
        # for the days you have left ...?"; exams behind the user are no trouble)
        _words(r"(?<!finished\s)(?<!finished\smy\s)(?<!finished\sthe\s)(?<!done\swith\s)"
               r"(?<!done\swith\smy\s)(?<!passed\s)(?<!passed\smy\s)(?<!passed\sthe\s)(?<!aced\s)"
               r"(?<!aced\smy\s)(?<!after\s)(?<!after\smy\s)(?<!after\sthe\s)"
               r"\b(?:exams?|finals|midterms?|revision|coursework|thesis|dissertation|"
               r"studying|homework|assignments?|essay|academic\s+pressures?)\b"
               r"(?!\s+(?:are|were|is|was)\s+(?:all\s+)?(?:over|done|finished|behind\s+me)\b)|\bstudy\s+for\b|\bbad\s+grades?\b"
               r"|\bmy\s+grades\b|\b(?:a|my|the)\s+test\s+(?:tomorrow|on|next|this)\b"),
        # practice testing and spreading study out are the two techniques of high utility in
        # Dunlosky et al. (2013); short timed blocks lower the cost of starting
        (
            "Could you break it into short blocks, say twenty-five minutes with a five-minute "
            "break, and start with just one?",
            "It might help to test yourself on past questions instead of rereading notes.",
            "Could you write a plan for the days you have left, one topic per slot, so each day "
            "has a clear start?",
        ),
        (
            "Testing yourself and spreading study over several days work better than rereading; "
            "it is one of the firmest findings in learning research.",
            "Starting is usually the hardest part; once a short first session is done, the next "
            "one tends to come easier.",
        ),
        personal=True,
    ),
    Topic(
        "bullying", "being bullied",
        _words(r"\bbull(?:y|ied|ies|ying)\b|\b(?:call|calls|calling|called)\s+(?:me|us|him|her|"
               r"them)\s+names\b|\b(?:make|makes|making|made)\s+fun\s+of\s+(?:me|us|him|her|"
               r"them)\b|\b(?:pick|picks|picking|picked)\s+on\s+(?:me|us|him|her|them)\b"),
        (
            "Could you keep a short note of what happens and when, and take it to someone who "
            "can act on it, like a teacher, a manager or HR?",
            "Is there one person at school or work you trust who could know what has been "
            "happening?",
        ),
        (
            Eases(
                "Bullying says something about the people doing it, not about you, and it usually "
                "stops sooner once an adult or someone in charge knows."
            ),
        ),
        personal=True,
    ),
    Topic(
        "loneliness", "loneliness",
        # "isolated" of the user, not done to someone ("she isolated the president", ESConv
        # train); "I've isolated myself" is the user's
        _words(r"\blonel(?:y|iness)\b|\bisolated\b(?!\s+(?:the|a|an|him|her|them|us|his|their|"
               r"my|our)\b)|\bno\s+friends\b|" + ISOLATED.pattern),
        # of loneliness interventions, those that change how one reads others did best (Masi et
        # al. 2011); friendships form over many hours of time together (Hall 2019)
        (
            "Could you message one person you used to be close to, just to say hello?",
            "It might help to join something that meets every week, like a class or a club; "
            "seeing the same faces again is how friendships tend to start.",
            "Could you say yes to the next small invitation, even if you only stay an hour?",
        ),
        (
            Eases(
                "Loneliness is very common, especially after a move or a change, and it usually "
                "eases with regular time around the same people."
            ),
        ),
        personal=True,
    ),
    Topic(
        # The user's own children, as their parent: "my kids act as if they dont hear me", "I
        # have been angry at my kids", "unruly kids who argue" (ESConv train "Issues with
        # Children", which had got general lines). Before the falling-out: "my kids fight with
        # each other" is for a parent to handle, not to make up with.
        "parenting", "a child's behaviour",
        _words(r"\b(?:my|our)\s+(?:\d+\s*+(?:-\s*+)?(?:year|yr)s?\s*+(?:-\s*+)?old\s+|little\s+|"
               r"young\s+|teenage\s+|toddler\s+|youngest\s+|oldest\s+|eldest\s+)?"
               r"(?:kids?|sons?|daughters?|child|children|boys|girls|toddler|teen(?:ager)?s?)\s+"
               # ("my kids not listen to me", ESConv valid)
               r"(?:(?:just|still|always|never|often)\s+)?(?:won'?t|wont|don'?t|dont|doesn'?t|not|"
               r"will\s+not|do\s+not|does\s+not|refuses?\s+to|never)\s+(?:listen|behave|obey|share|"
               r"do\s+(?:what|as)\s+(?:i|we)\s+(?:say|ask)|pick\s+up|clean\s+up)\b"
               r"|\b(?:kids?|children|son|daughter)\s+(?:act|acts|acting)\s+(?:as\s+if|like)\s+"
               r"(?:they|he|she)\s+(?:don'?t|dont|doesn'?t|can'?t)\s+hear\s+me\b"
               r"|\bunruly\s+(?:kids|children|sons?|daughters?|child|toddler|teens?)\b|\btantrums?\b"
               # "Quite frustrated with my tween daughter!" (ESConv train)
               r"|\b(?:frustrated|struggling|fed\s+up|at\s+my\s+wits'?\s+end)\s+with\s+my\s+"
               r"(?:[\w-]+\s+){0,2}(?:sons?|daughters?|kids?|child|children|toddler|teen(?:ager)?s?)\b"
               r"|\b(?:yell(?:ing|ed)?|shout(?:ing|ed)?|scream(?:ing|ed)?|snap(?:ping|ped)?|angry|"
               r"mad)\s+at\s+(?:my|the)\s+(?:kids?|children|sons?|daughters?|child|toddler)\b"
               r"|\b(?:communicate|talk|get\s+through)\s+better\s+(?:\w+\s+)?with\s+my\s+"
               r"(?:\d+\s*+(?:-\s*+)?(?:year|yr)s?\s*+(?:-\s*+)?old\s+)?(?:kids?|sons?|daughters?|"
               r"child|children|toddler|teen(?:ager)?s?)\b"
               r"|\b(?:kids|children|boys|girls)\s+(?:who\s+)?(?:keep\s+|always\s+|constantly\s+)?"
               # (not "Where would I find a local parenting forums?", ESConv train)
               r"(?:argue|arguing|fight|fighting|bicker|bickering)\b"
               r"|\bparenting\s+(?:is|has\s+been|feels)\s+(?:so\s+|really\s+|very\s+)?(?:hard|tough|"
               r"difficult|exhausting|overwhelming)\b|\bstruggl\w*\s+with\s+(?:my\s+)?parenting\b"
               # "I suspect my son is in bad company. His most recent behaviour is so different"
               # (ESConv train, had got the steps for helping someone ill)
               r"|\b(?:bad|wrong)\s+(?:company|crowd)\b"
               r"|\b(?:son|daughter|kid|child)(?:'s)?\s+(?:\w+\s+)?behaviou?r\b"
               # "My youngest son has such a hard time sharing" (ESConv train)
               r"|\b(?:kids?|sons?|daughters?|child|children|toddler)\s+(?:has|have|is\s+having|are\s+"
               r"having)\s+(?:such\s+)?(?:a\s+)?(?:hard\s+time|trouble)\s+(?:with\s+)?sharing\b"
               r"|\bshare\s+with\s+(?:his|her|their)\s+(?:older\s+|younger\s+|little\s+|big\s+)?"
               r"(?:brothers?|sisters?|siblings?)\b"
               r"|\bhelp\s+my\s+(?:son|daughter|kids?|child|children)\s+(?:to\s+|learn\s+to\s+)?share\b"
               # "my youngest son is difficult", "My eleven year old daughter is being difficult
               # right now" (ESConv train)
               # ("My grandson has been really difficult lately", ESConv train)
               r"|\bmy\s+(?:[\w-]+\s+){0,3}(?:sons?|daughters?|kids?|child|children|toddler|"
               r"teen(?:ager)?s?|grand(?:son|daughter|kids?|children)s?)\s+(?:is|are|has\s+been|"
               r"have\s+been)\s+(?:so\s+|very\s+|really\s+|being\s+)?(?:difficult|a\s+handful|out\s+of\s+"
               r"control|acting\s+out)\b"),
        # the CDC's "Essentials for Parenting" (cdc.gov/parents/essentials): specific praise
        # for the behaviour wanted, and directions given close up, calmly, one at a time; harsh
        # verbal discipline goes with more behaviour problems later, not fewer (Wang & Kenny
        # 2014, Child Development 85(3))
        (
            "Could you catch them being good this week, and praise the exact thing they did, "
            "like 'thank you for putting your shoes away'?",
            "When you need them to do something, could you get close, wait until they look at "
            "you, and say it once, calmly, in a few words?",
            "Could you pick the one or two rules that matter most right now, and follow through "
            "the same way every time?",
        ),
        (
            "Children tend to repeat what gets attention; specific praise for what you want to "
            "see usually works better than a raised voice at what you don't.",
            "Shouting tends to make children's behaviour worse over time, not better, so a calm, "
            "firm voice gets further, even when it feels slower.",
        ),
    ),
    Topic(
        "conflict", "a falling-out",
        _words(r"\b(?:fight|fought|argument|argued|arguing|row|rowed|falling\s+out|fell\s+out)\s+"
               r"with\b|\bwe\s+(?:keep\s+|had\s+a\s+|had\s+an\s+)?(?:fight(?:ing)?|argu(?:e|ing|"
               r"ment))\b|\b(?:isn'?t|is\s+not|aren'?t|are\s+not|won'?t)\s+(?:talking|speaking)\s+"
               r"to\s+(?:me|us|each\s+other)\b"
               # "a long time friend who recently blocked me from everything" (ESConv valid)
               r"|\b(?:she|he|they|friend|sister|brother|cousin)\s+(?:who\s+)?(?:recently\s+|just\s+)?"
               # ("a really good friend deleted me on facebook", ESConv train)
               r"(?:blocked|unfriended|unfollowed|ghosted|cut\s+off|deleted)\s+(?:me|us)\b"
               # friends turned cold: "I feel they do not like me anymore ... they do not want
               # to meet me and are cold to me" (ESConv train, had got general lines)
               r"|\b(?:they|friends|she|he)\s+(?:do\s+not|don'?t|doesn'?t|does\s+not)\s+(?:like\s+me\s+"
               r"any\s*more|want\s+to\s+(?:meet|see|hang\s+out\s+with|be\s+friends\s+with)\s+me)\b"
               r"|\b(?:they|he|she|friends|everyone|people|and)\s+(?:are|is|have\s+been|has\s+been|"
               r"were|was)\s+(?:so\s+|really\s+|very\s+)?(?:cold|distant)\s+(?:to|towards|with)\s+me\b"
               r"|\b(?:friends?|they)\s+(?:are\s+|have\s+been\s+|keep\s+)?(?:ignoring|"
               r"excluding|avoiding)\s+me\b|\bleft\s+me\s+out\b"
               # "I'm feeling left out of my freind's group ... They will make plans in front of
               # me and not invite me" (ESConv train, had got general lines)
               r"|\b(?:feel|feeling|felt|been)\s+(?:so\s+|really\s+)?left\s+out\b"
               r"|\b(?:not|never|don'?t|didn'?t|won'?t)\s+invite\s+me\b|\bi\s+(?:wasn'?t|was\s+not)\s+invited\b"
               # others angry with the user: "my neighbors are mad at me, because they think I
               # overreacted ... What should I do to get back in good graces with them?" (ESConv
               # train, had got "Could you plan one small thing this week that is just for you?")
               r"|\b(?:they|he|she|friends?|neighbou?rs?|everyone|family|sister|brother|cousin)\s+"
               r"(?:are|is|was|were|got|has\s+been|have\s+been)\s+(?:so\s+|really\s+|very\s+|still\s+)?"
               r"(?:mad|angry|upset|annoyed|furious|pissed(?:\s+off)?)\s+(?:at|with)\s+me\b"
               r"|\bgood\s+graces\b"
               # "My friend of 5 years said that they hated me." (ESConv train: "What do you
               # think your friend would say if you told them how you feel?")
               r"|\b(?:she|he|they)\s+(?:(?:just|suddenly|now)\s+)?(?:hates?|hated)\s+me\b"
               # the user angry with a friend, or cutting them off: "oh i am totally pissed off
               # at my friend ... i got so mad i just cut off communication" (ESConv train, had
               # got "note one thing that went even a little bit right")
               # ("I wasn't angry with my friend but rather myself", ESConv valid, is not)
               r"|(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)"
               r"\b(?:pissed(?:\s++off)?|angry|mad|furious|upset|annoyed)\s++(?:at|with)\s++my\s++"
               r"(?:(?:best|close|oldest|old|good)\s++)?(?:friends?|sister|brother|cousin|roommate|"
               r"flatmate|neighbou?rs?)\b"
               r"|\bcut\s++off\s++(?:all\s++)?(?:communication|contact)\b|\bcut\s++(?:him|her|them)\s++"
               r"off\b"),
        # "I" statements (Gordon 1970) lower defensiveness in the one who hears them
        (
            "When things are calm, could you tell them how it felt, starting with 'I felt' "
            "rather than 'you always'?",
            "Could you give it a day, and then ask them for a quiet moment to talk it through?",
        ),
        (
            Eases(
                "Most fights between people who care about each other can be repaired; what helps "
                "most is coming back to it calmly."
            ),
        ),
    ),
    Topic(
        # recovery needs time mentally detached from work (Sonnentag & Fritz 2007)
        "workload", "too much work",
        _words(r"\bworkload\b|\bdeadlines?\b|\bovertime\b|\bburn(?:ed|t)?[\s-]*out\b"
               r"|\btoo\s+much\s+(?:work|on\s+my\s+plate)\b|\bworking\s+(?:\d+|late|every)\b"
               # "I cannot continue to work these hours ... working till 11pm most nights"
               # (ESConv train, had got general lines)
               r"|\b(?:work|working|worked)\s+(?:these|such|long|crazy|insane|ridiculous)\s+hours\b"
               r"|\b(?:working|work|worked)\s+(?:till|until)\s+(?:(?:9|10|11|12)\s*pm|midnight)\b"
               r"|\bno\s+breaks\b"
               r"|\bkeeps?\s+(?:adding|piling\s+on|giving\s+me)\s+more\b"
               # "I have a lot to do and it feels like I have no time to get everything done"
               # (ESConv valid, a healthcare worker)
               r"|\bno\s+time\s+to\s+(?:get|finish)\s+(?:everything|it\s+all|things|my\s+work)\b"
               r"|\b(?:so|too)\s+much\s+to\s+do\s+at\s+work\b|\bcan'?t\s+keep\s+up\s+(?:with\s+)?"
               r"(?:at\s+work|with\s+(?:my\s+)?work|with\s+everything\s+at\s+work)\b"),
        (
            # ("impending deadlines with my studies", ESConv train: a student had been told to
            # ask a manager)
            "Could you ask whoever sets your work, a manager or a teacher, which two or three "
            "things matter most this week, and let the rest wait?",
            "It might help to write everything down, then pick the one task that would take the "
            "most weight off if it were done.",
            "Could you protect one evening this week with no work at all?",
        ),
        (
            "Stress builds when there is no time to recover; even short breaks fully away from "
            "work help.",
        ),
        personal=True,
    ),
    Topic(
        "workplace", "trouble at work",
        # someone at work treating the user badly; "my manager keeps adding more" is workload
        _words(r"\b(?:my|this|a)\s+(?:boss|manager|supervisor|co[-\s]?workers?|colleagues?|team\s+lead)"
               r"\b[^.!?]*"
               r"\b(?:yell|shout|scream|snap|swear|insult|humiliat|bull|blam|critici[sz]|ignor|"
               r"micromanag|harass|threat|undermin|credit|stole|steal|lie[ds]?\b|lying|mock|"
               r"belittl|unfair|hates?\s+me|picks?\s+on|fire|sack|(?:go|goes|going|went)\s+behind)"
               r"|\b(?:takes?|took|taking|steals?|stole|stealing)\s+credit\b"
               r"|\b(?:at|from)\s+work\b[^.!?]*\b(?:bullied|harassed|humiliated|yelled|"
               r"shouted|excluded|ignored)\b|\b(?:bullied|harassed|humiliated|yelled\s+at|"
               r"shouted\s+at|excluded|ignored)\b[^.!?]*\b(?:at|from)\s+work\b"),
        (
            "Could you write down what happened, with dates, before you talk to your manager or "
            "HR?",
            "Is there a colleague you trust who could tell you whether they see it the same way?",
        ),
        (
            "Written notes of what happened, and when, make a workplace problem much easier to "
            "raise and to act on.",
        ),
        personal=True,
    ),
    Topic(
        "new_role", "a new role",
        # ("it's hard to try and get a new position in my area", ESConv valid, looks for one)
        # ("do you have any idea for getting new job?", ESConv valid, after a lost job)
        _words(r"(?<!\bget\s)(?<!\bgetting\s)(?<!\bfind\s)(?<!\bfinding\s)(?<!\bland\s)"
               r"(?<!\bget\sa\s)(?<!\bgetting\sa\s)(?<!\bfind\sa\s)(?<!\bfinding\sa\s)"
               r"(?<!\bland\sa\s)(?<!looking\sfor\s)(?<!search\sfor\s)(?<!apply\sfor\s)"
               r"(?<!applying\sfor\s)(?<!looking\sfor\sa\s)(?<!search\sfor\sa\s)"
               r"(?<!apply\sfor\sa\s)(?<!applying\sfor\sa\s)"
               # ("I want to look for a new job", ESConv train, after a lost job)
               r"(?<!\blook\sfor\s)(?<!\blook\sfor\sa\s)(?<!\bseek\sa\s)(?<!seeking\sa\s)"
               r"(?<!\bneed\sa\s)(?<!\bwant\sa\s)"
               # ("i'm stressed up at work and i can't any any new job", ESConv train, a slip
               # for "find any": the steps for a new lead)
               r"(?<!\bany\s)"
               r"\b(?:new|first)\s+(?:job|role|position|manager|team\s+lead|boss)\b"
               # "help me to be concentrated on work and new job preparation to get a job"
               # (ESConv train) looks for one
               r"(?!\s+(?:preparation|prep|search|searching|hunt|hunting|applications?|interviews?)\b)"
               # "a lot of wasted effort goes into self- promotion" (ESConv valid) is no new role
               r"|\b(?:got|been|was|just\s+got)\s+promoted\b|(?<!self-)(?<!self- )(?<!self )"
               r"\bpromotion\b|\bteam\s+lead\b"
               r"|\bstart(?:ing|s)?\s+(?:a|my|the)\s+new\s+(?:job|role|position)\b"),
        # feeling out of one's depth is common in a new role (impostor feelings: Bravata et al.
        # 2020, a review); a new lead earns trust by listening first
        (
            "Could you spend the first weeks asking each person you work with what helps them "
            "and what gets in their way? Listening first is how most new leads earn trust.",
            "It might help to find one person who has been there a while and ask what they wish "
            "they had known in their first month.",
            "Could you write down one thing that went well each day for the first few weeks? A "
            "new role makes it easy to notice only the mistakes.",
        ),
        (
            Eases(
                "Most people feel out of their depth in a new role for the first months; it is "
                "part of learning it, not a sign you were the wrong choice."
            ),
        ),
        personal=True,
    ),
    Topic(
        "low_mood", "low mood",
        # depression told, or a slump ("Can you suggest some remedies of how to get out of
        # depression..", ESConv valid, had got "writing down what worries you most"); tried
        # after the troubles above, so "depressed because I lost my job" is the lost job
        _words(r"\b(?:my|the|this|with|from|of)\s+depression\b"
               r"|\bi(?:'m|\s+am|m|\s+feel|'ve\s+been|\s+have\s+been|\s+get|\s+was)\s+(?:\w+\s+){0,2}?"
               r"depressed\b"
               # ("Kindly advise me on better ways for managing depression", ESConv valid)
               r"|\b(?:facing|having|suffer(?:ing)?(?:\s+(?:from|with))?|dealing\s+with|struggling\s+with|"
               r"battling|passing\s+through|manag(?:e|ing)|cop(?:e|ing)\s+with|handl(?:e|ing)|"
               r"overcom(?:e|ing)|fight(?:ing)?)\s+(?:\w+\s+){0,2}?depression\b"
               r"|\b(?:this|a|my)\s+(?:slump|funk|rut)\b"
               # "Cannot seem to shake the blues even though I exercise" (ESConv train)
               r"|\b(?:shake|shift|beat|get\s+rid\s+of|get\s+out\s+of)\s+(?:the|these|this|my)\s+"
               r"(?:blues|low\s+mood|sadness|gloom)\b|\bi(?:'ve|\s+have)?\s+(?:got|had|have)\s+the\s+"
               r"blues\b|\bi(?:'m|\s+am|\s+feel|\s+have\s+been|'ve\s+been)\s+(?:so\s+|really\s+)?"
               r"blue\b(?!\s+(?:team|shirt|car))"),
        # behavioural activation, acting before the motivation comes (Ekers et al. 2014, a
        # meta-analysis); exercise (Schuch et al. 2016, a meta-analysis); a doctor after two
        # weeks of low mood most days (the NHS's advice on depression)
        (
            "Could you plan one small thing for tomorrow that used to give you a little pleasure "
            "or a sense of getting something done, and do it even before you feel like it?",
            "Could you get outside for a short walk in daylight most days this week? Gentle "
            "movement is one of the best-studied lifts for low mood.",
            "If you have felt this low most days for two weeks or more, could you talk to a "
            "doctor about it? Depression is treatable, and a doctor can go through the options "
            "with you.",
        ),
        (
            Eases(
                "Depression is common and treatable; most people get better with the right "
                "support, though finding what works can take more than one try."
            ),
            "With low mood, the wish to do things often comes after starting them, not before; "
            "that is why small planned activities help.",
        ),
        personal=True,
    ),
    Topic(
        "supporting", "helping someone through a hard time",
        # asked for ("How can I help my friend?"); also the topic of a message whose trouble is
        # someone else's ("my son can't sleep", see ``_topic_in``)
        _words(r"\bhow\s+(?:can|do|could|should|would)\s+i\s+(?:best\s+)?(?:help|support|comfort|"
               r"cheer\s+up|be\s+there\s+for)\b(?!\s+(?:myself|me)\b)"
               r"|\b(?:want|wants|trying|try|ways?)\s+to\s+(?:help|support|comfort|be\s+there\s+for)\s+"
               r"(?:him|her|them|my\s+(?:\w+\s+)?(?:mom|mum|mother|dad|father|parents|sister|brother|"
               r"son|daughter|kids?|child|children|friends?|cousin|aunt|uncle|grandma|grandmother|"
               r"grandpa|grandfather|roommate|neighbou?r|husband|wife|partner|girlfriend|"
               # a parent's lasting wish is no hard time of theirs: "I have two beautiful kids, I
               # just want to be there for them in their life" (ESConv train: "ask them what
               # would help most right now")
               r"boyfriend))\b(?!\s+in\s+(?:their|his|her)\s+li(?:fe|ves)\b)"),
        # support that leaves the other feeling less a burden helps most (Bolger, Zuckerman &
        # Kessler 2000, "invisible support"); asking what is wanted beats guessing
        (
            "Could you ask them what would help most right now: company, a hand with something "
            "practical, or just someone to listen?",
            "A short message saying you are thinking of them, with no need to reply, can mean "
            "a lot. Could you send one today?",
            "Could you offer one concrete thing, like a meal, a lift or an evening together, "
            "rather than a general 'let me know if you need anything'?",
        ),
        (
            "Listening without rushing to fix things is often what helps most; support that "
            "does not make someone feel like a burden tends to land best.",
            "Standing by someone through a hard time is tiring; looking after yourself is part "
            "of being able to keep doing it.",
        ),
    ),
)
BY_NAME: dict[str, Topic] = {t.name: t for t in TOPICS}


def normal_information(topic: Topic) -> tuple[str, ...]:
    """``topic``'s information lines that say its trouble is common or eases.

    >>> normal_information(BY_NAME["exams"])
    ()
    >>> normal_information(BY_NAME["job_loss"])[0].startswith("Losing a job knocks")
    True
    """
    return tuple(line for line in topic.information if isinstance(line, Eases))


# A parent who left ("my dad walked out on us") is not a breakup: its steps (mute them, write
# what you would say) are for a partner.
_PARENT = re.compile(r"\b(?:dad|father|mom|mum|mother|parents?)\b", re.I)


# "validation doesn't pay the bills": a saying, not money trouble
# ("I can't pay the bills" is money trouble); "my kid's homework" is not the user's exams
_SAYINGS = re.compile(
    r"\b(?:doesn't|does\s+not|won't|will\s+not)\s+pay\s+(?:the|my|your)\s+bills\b"
    r"|\b(?:my|our|his|her|their)\s+(?:kid|son|daughter|child|children|boy|girl|kids)(?:'s|s'|s)?"
    r"\s+(?:homework|exams?|tests?|assignments?|grades|studying|coursework|school\s?work)\b", re.I)


# Whose trouble it is: someone named before the match, in the same sentence, with no "I" or
# "me" between ("my son can't sleep", "she is failing her exams"; "my husband snores so I can't
# sleep" is the user's). A partner's breakup is the user's own ("my wife wants a divorce"), and
# a boss or a coworker is the other side of a trouble at work, not its owner, unless they are
# ill ("my boss and mentor was just diagnosed with cancer", ESConv train).
_PARTNER = r"(?:husband|wife|partner|girlfriend|boyfriend|gf|bf|fianc[eé]e?|spouse|ex)"
_OWNER = re.compile(
    # ("I have 4 sets of friends divorcing", ESConv train)
    r"\b(?:my|our|\d+|two|three|four|five|many|several|some)\s+(?:\w+\s+)?(?:of\s+)?"
    r"(?:(?P<kin>mom|mum|mother|dad|father|parents|sister|brother|sibling|son|daughter|kids?|"
    r"child|children|friends?|cousin|aunt|uncle|grandma|grandmother|grandpa|grandfather|"
    # ("my youngest is waiting for test results", ESConv train: "take someone you trust along
    # to the next appointment")
    r"roommate|flatmate|neighbou?r|niece|nephew|youngest|oldest|eldest|baby|toddler|twins?|"
    r"grand(?:son|daughter|kids?|children)|step(?:son|daughter|mom|dad))|(?P<partner>"
    + _PARTNER + r")|(?P<work>boss|mentor|manager|coworker|co-worker|colleague|teacher|"
    r"pastor|client))(?P<of>'s|s')?(?=\W|$)"
    # ("he", "she", "they" alone are as often the other side: "They basically bullied and
    # forced me", ESConv train)
    r"|\b(?P<possessive>his|her|their)\b", re.I)
# "he" or "she" as the subject of the trouble, only verbs of being and adverbs between
_HE_OR_SHE = re.compile(r"\b(?:he|she)(?:'s)?\s++(?:(?:has|had|have|is|was|been|being|gets?|got|"
                        r"just|recently|also|really|always|still|now|so|very|quite|feels?|felt|"
                        r"seems?)\s++)*+$", re.I)
_FIRST_WORDS = r"i|me|we|us|myself|ourselves|im"
_FIRST = re.compile(rf"\b(?:{_FIRST_WORDS})\b", re.I)
_FIRST_OR_MINE = re.compile(rf"\b(?:{_FIRST_WORDS}|my|our)\b", re.I)
_CLAUSE_END = re.compile(r"[.!?;]")
_REACH = 120
_TOLD = re.compile(r"\b(?:about|heard|hear|told|tell|said|says|say|asked|asks|know|knew)\b",
                   re.I)
_OTHER_VICTIM = re.compile(r"\b(?:him|her|them)\b", re.I)
_PASSIVE = re.compile(r"\b(?:is|was|are|were|being|been|gets?|got)\s+(?:\w+\s+)?$", re.I)
_ADVERBS = re.compile(r"\s*(?:(?:has|had|have|just|recently|suddenly|finally|sadly|"
                      r"unfortunately|tragically|also)\s+)*", re.I)
# ("my friend is grieving and I want to help" is still the friend's grief)
_NEXT_CLAUSE = re.compile(r",|\b(?:and|but|so|because|though|although|while|since)\b", re.I)


_WISH = re.compile(r"\bwish(?:es|ed)?\b", re.I)


def _wished_on_others(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is wished on someone else in its clause: "I wish teachers like those
    would get fired" (ESConv train, a student: had got the steps for a job feared for) names no
    trouble of the user's, nor one they help with ("I wish my boss would get fired" neither).
    "I wish I wouldn't get fired" is theirs.

    >>> found = BY_NAME["job_insecurity"].pattern.search(
    ...     "Those are the worst teachers. I wish teachers like those would get fired.")
    >>> _wished_on_others("Those are the worst teachers. I wish teachers like those would get "
    ...                   "fired.", found)
    True
    """
    start = max(0, match.start() - _REACH)
    start = max((m.end() for m in _CLAUSE_END.finditer(text, start, match.start())),
                default=start)
    wishes = list(_WISH.finditer(text, start, match.start()))
    return bool(wishes) and not _FIRST.search(text, wishes[-1].end(), match.start())


def _someone_elses(topic: Topic, text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` (of ``topic``'s pattern) names a trouble someone else lives."""
    # within _REACH characters either side: an owner further off is in another clause, and an
    # unbounded look makes a long message quadratic
    start = max(0, match.start() - _REACH)
    start = max((m.end() for m in _CLAUSE_END.finditer(text, start, match.start())),
                default=start)
    window = text[match.end():match.end() + _REACH]
    end = _CLAUSE_END.search(window)
    after = _NEXT_CLAUSE.split(window[:end.start() if end else len(window)], 1)[0]
    if _FIRST_OR_MINE.search(match.group(0)) or _FIRST_OR_MINE.search(after):
        return False  # "broke up with me", "takes credit for my work", "lost my job"
    if (topic.name == "breakup" and match.group(0).lower() in ("divorces", "breakups")
            and not _FIRST.search(text, start, match.start())):
        return True  # many are others' ("so many going through divorces", ESConv train)
    if topic.name == "bullying" and _OTHER_VICTIM.search(match.group(0)):
        return True  # "they make fun of him"
    if topic.name not in ("bullying", "workplace") and _HE_OR_SHE.search(text, start,
                                                                      match.start()):
        # "He said he has been struggling with depression" (ESConv train, a boyfriend who
        # left: had got the steps for low mood), "she has cancer"; a bully or a boss named so
        # is the other side ("he is a bully")
        return True
    owners = list(_OWNER.finditer(text, start, match.start()))
    owner = owners[-1] if owners else None  # the nearest
    if owner is None or _FIRST.search(text, owner.end(), match.start()):
        return False  # "my girlfriend and I broke up"
    between = text[owner.end():match.start()]
    if _TOLD.search(between):
        return False  # "my friends said they had heard about the breakup"
    if owner.group("work") and topic.name != "health":
        return False  # the other side of a trouble at work ("my boss yelled at me")
    possessive = owner.group("of") or owner.group("possessive")
    if topic.name == "breakup" and owner.group("partner") and not possessive:
        return False  # "my wife wants a divorce"
    if topic.name == "bullying" and not (match.group(0).lower() == "bullied"
                                         and _PASSIVE.search(between)):
        return False  # "my brother was a bully" is the user's bully; "my son is being bullied"
    # "my dad (has) passed away" is the user's loss, "my friend's dad passed away" and "my
    # friend is grieving" are the friend's
    return not (topic.name == "grief" and not possessive and _ADVERBS.fullmatch(between))


# cached: topic_of reads back through the whole conversation, several times a turn, and a
# message's topic does not change
@lru_cache(maxsize=1024)
def _topic_in(text: str) -> Topic | None:
    text = _SAYINGS.sub(" ", text)
    # "my husband left me", "she ran off with my best friend": troubles' own readings of a
    # partner leaving
    left = LEFT.search(text) or WALKED_OUT.search(text)
    # who left is named in the match ("my mom left us") or before it ("my dad ... walked out")
    if left is not None and not _PARENT.search(re.split(r"[.!?;]", text[:left.end()])[-1]):
        return BY_NAME["breakup"]
    others = False
    for topic in TOPICS:
        if not topic.personal:
            if topic.pattern.search(text):
                return topic
            continue
        matches = [m for m in topic.pattern.finditer(text) if not _wished_on_others(text, m)]
        if any(not _someone_elses(topic, text, m) for m in matches):
            return topic
        others = others or bool(matches)
    # the trouble is someone else's, and the user is the one who helps
    return BY_NAME["supporting"] if others else None


_HARD = re.compile(r"\b(?:stress\w*|hard|harder|difficult|tough|rough|struggl\w*|problems?|"
                   r"issues?|troubles?|worr\w+|woes|overwhelm\w*|exhaust\w*|frustrat\w*|unfair|"
                   r"awful|terrible|horrible|worse)\b", re.I)


def told_beside(topic: Topic | None, text: str, word: str) -> bool:
    """Whether ``word`` stands in a sentence of ``text`` that tells its trouble: one that names
    ``topic``, tells a trouble of its own, or calls something hard; True when no sentence does.
    A thing named elsewhere in the message is not what the trouble is about ("I had a panic
    attack before class. I could hear nothing through my earbuds" does not make the earbuds the
    trouble, nor "Well i do use my bike. But i really struggle with motivation" the bike).

    >>> told_beside(BY_NAME["panic"], "I had a panic attack. I had my earbuds in.", "earbuds")
    False
    >>> told_beside(BY_NAME["exams"], "I'm stressed about my exams.", "exams")
    True
    >>> told_beside(None, "Well i do use my bike. But i really struggle with motivation", "bike")
    False
    """
    sentences = split_sentences(text)
    # ("There are several factors that make my job stressful", "One of my classes is extremely
    # difficult", ESConv train)
    telling = [s for s in sentences if (topic is not None and topic.pattern.search(s))
               or tells_trouble(s) or _HARD.search(s)]
    find = re.compile(rf"\b{re.escape(word)}\b", re.I)
    return not telling or any(find.search(s) for s in telling)


def topic_of(user_text: str, earlier: Sequence[str] = ()) -> Topic | None:
    """The trouble the user's latest message names, else the latest of their earlier ones.

    The topics named form a stack, the latest on top: a trouble named later covers an earlier
    one, and the message being answered covers all. A request for ideas ("What should I do?")
    follows the story it asks about however long ago it was told: in ESConv train, 35 of 231
    requests for ideas named no topic in the last 4 messages but one earlier in the
    conversation (a breakup told 9 messages before "Do you have any more advice?"), and a
    lookback of 4 gave them general lines. Any other message reads the last ``EARLIER_TURNS``,
    then the conversation's first ``EARLIER_TURNS`` (the trouble it opened on is still what it is
    about): a trouble named in passing long ago is not (an ESConv train chat that named studying
    once, 24 messages in, got study tips for the 16 turns after it).

    Args:
        user_text: the message being answered.
        earlier: the user's earlier messages, oldest first (agent.dialogue keeps the last
            ``MAX_HISTORY_TURNS``); all are read for a request for ideas.

    >>> topic_of("Rent is due friday and I'm 300 short.").name
    'money'
    >>> topic_of("What should I do?", ["I can't sleep at night."]).name
    'sleep'
    >>> topic_of("My phone died on the train.") is None
    True
    """
    # the sentence that asks comes first: "... trying to handle the grief. It does help to talk.
    # Do you have any suggestions on how to handle the anxiety?" (ESConv train) asks about the
    # anxiety, though the grief is named first
    sentences = split_sentences(user_text)
    asked = [s for s in sentences if asks_for_advice(s)] if len(sentences) > 1 else []
    now = (*asked[-1:], user_text)
    earlier = list(earlier)
    asks = bool(asked) or asks_for_advice(user_text)
    read = earlier if asks else earlier[-EARLIER_TURNS:]
    for k, text in enumerate((*now, *reversed(read))):
        found = _topic_in(text)
        # an earlier "can you recommend a counceller" does not make the next trouble about
        # directories
        if found is not None and not (k >= len(now) and found.asked_now_only):
            if found.name == "support_groups":
                # abuse and drinking have groups and services of their own, which their steps
                # name ("is there any peer support groups that you can suggest me" after abuse
                # told, ESConv valid)
                own = next((t for t in map(_topic_in, reversed(earlier)) if t is not None
                            and t.name in _OWN_GROUPS), None)
                return own or found
            return found
    # past the last few, the trouble the conversation opened on (in its first few messages, those
    # not read above) is still what it is about; one named in passing later is not
    opening = earlier[:min(EARLIER_TURNS, len(earlier) - EARLIER_TURNS)] if not asks else []
    for text in opening:
        found = _topic_in(text)
        if found is not None and not found.asked_now_only:
            return found
    return None
