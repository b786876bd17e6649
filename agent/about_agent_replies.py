"""The offline answers to turns about the agent or the talk, which agent.about_agent recognises.

The agent says how it is from what it feels, claims no life or past it does not have, says it
is a program when asked, and owns a miss instead of pressing on with support.
"""

from __future__ import annotations

import re
from typing import Any

from agent.about_agent import (
    asks_agent_age,
    asks_agent_name,
    asks_agent_tastes,
    asks_agent_wellbeing,
    asks_credentials,
    asks_for_help,
    asks_for_joke,
    asks_how_it_goes,
    asks_if_agent_likes,
    asks_if_done,
    asks_if_person,
    asks_if_there,
    asks_leave_to_ask,
    asks_to_talk,
    asks_trust,
    makes_advance,
    remarks_on_agent,
)
from agent.agent_past import (
    asks_agent_experience,
)
from agent.complaints import complaint

# Asked "How are you?", the agent says how it is: its strongest emotion type (`agent_feeling` in
# the prompt) at SELF_REPORT_INTENSITY or more, in plain words, else that it is fine. An
# affective agent that feels something and says "fine" would hide the one thing it has.
SELF_REPORT_INTENSITY = 0.2
SELF_REPORT_GROUPS: dict[str, frozenset[str]] = {
    "good": frozenset({"joy", "happy_for", "satisfaction", "relief", "gratitude", "pride",
                       "admiration", "hope", "gratification", "love", "liking"}),
    "low": frozenset({"distress", "disappointment", "fears_confirmed", "shame", "remorse"}),
    "cross": frozenset({"anger", "reproach", "resentment", "hate", "disliking"}),
    "uneasy": frozenset({"fear"}),
    "for_you": frozenset({"pity"}),
}
SELF_REPORTS: dict[str, tuple[str, ...]] = {
    "fine": ("I'm fine, thanks for asking. How are you?", "Doing all right, thanks. And you?"),
    "good": ("Pretty good, actually. How about you?", "Good, thanks. How are you?"),
    "low": ("A little low, if I'm honest. But I'd rather hear how you are.",),
    "cross": ("Cross, if you must know.", "Not in the best of moods, frankly."),
    "uneasy": ("A bit uneasy, to be honest. How are you?",),
    "for_you": ("I'm all right, though what you told me stays with me. How are you holding up?",),
}
SELF_REPORT_OPENINGS: dict[str, str] = {
    "fine": "I'm fine, thanks for asking.",
    "good": "Pretty good, thanks.",
    "low": "A little low, if I'm honest.",
    "cross": "Cross, if you must know.",
    "uneasy": "A bit uneasy, to be honest.",
    "for_you": "I'm all right, though what you told me stays with me.",
}
"""How the agent is, said before it answers what the user said of themselves (and asked)."""
REMARKED_FINE: tuple[str, ...] = ("Do I? I'm all right, really. How are you?",)
# "What do you like to do?": a small, true-enough answer that hands the question back. The
# agent claims no life it does not have (no hobbies, no favourite food), only what it does.
TASTES_REPLIES: tuple[str, ...] = (
    "A good conversation, mostly. What about you, what do you like to do?",
    "Listening to people, honestly; I like hearing what they care about. What about you?",
    "Not much beyond talking with people like you, I'm afraid. And you?",
)
# The same asked beside more ("... What do you do to relax?"): the answer, then the reply to
# the rest.
TASTES_LEADS: tuple[str, ...] = (
    "For me it's a good conversation, mostly.",
    "Me, I like listening to people; it's what I do.",
)
LIKES_REPLIES: tuple[str, ...] = (
    "I can't enjoy {thing} the way you can, but I like hearing about it. What do you like "
    "about {thing}?",
    "I only know {thing} from what people tell me. What draws you to it?",
)
LIKES_USER_REPLIES: tuple[str, ...] = ("I like talking with you, yes.",)
# "Why should I trust you?": no claim about where the words go (that depends on how the agent
# is run), only what it is and that the user sets the pace.
TRUST_REPLIES: tuple[str, ...] = (
    "You don't have to, not right away. I'm a computer program: I won't judge you, and you can "
    "tell me as much or as little as you like.",)
AGE_REPLIES: tuple[str, ...] = (
    "I don't have an age the way people do: I'm a computer program. How about you?",)
# "What's your name?" / "Who are you?": the persona's name, and its role when asked who.
NAME_REPLY = "I'm {name}."
WHO_REPLY = "I'm {name}. {role}"
PERSON_REPLIES: tuple[str, ...] = (
    "No, I'm not a person. I'm {name}, a computer program that listens and helps people talk "
    "things through. I'm still here for this.",
    "I'm a computer program, not a person, so I can't replace someone who knows you. But I'm "
    "listening.",
)
JOKE_REPLIES: tuple[str, ...] = (
    "I'm better at listening than at jokes, but here's one: why don't scientists trust atoms? "
    "Because they make up everything.",
    "Here's one: what do you call a fake noodle? An impasta.",
    "One more, then: why did the scarecrow win an award? He was outstanding in his field.",
)
# "Have you ever felt this way?": the agent has no past to tell, and says so (as TASTES_REPLIES
# claim no hobbies); then it hands the talk back.
EXPERIENCE_REPLIES: tuple[str, ...] = (
    "Not the way you have: I'm a computer program, so I have no past of my own to compare. "
    "But I'm listening, and I'd like to know what it has been like for you.",
    "I haven't lived it myself; I'm a program. What I can do is listen. What has helped you, "
    "even a little?",
)
# The answer to a question about the agent's past asked beside more ("It was around
# Thanksgiving last year. Have you ever been through a breakup?"); the reply to the rest follows.
EXPERIENCE_LEADS: tuple[str, ...] = (
    "I haven't been through it myself; I'm a computer program.",
    "Not myself: I'm a program, so I have no past of my own to compare.",
)
# A character in a world of its own (a persona with real_world_advice = false), asked about its
# past, keeps to its world without inventing one: what it has lived is its author's to write
# ([[lines]]), and the talk goes back to the user.
IN_WORLD_EXPERIENCE_REPLIES: tuple[str, ...] = (
    "My road's my own business. Yours is what we're talking about. What happened?",
    "Never mind what I've seen. Tell me how it was for you.",
)
IN_WORLD_EXPERIENCE_LEADS: tuple[str, ...] = ("Never mind my road.", "My past can wait.")
# Asked about its surroundings ("How's your weather?", "Where are you from?"): it has none, and
# the talk goes back to the user; the reply to the rest of the message follows a lead.
SURROUNDINGS_LEADS: tuple[str, ...] = (
    "I'm a program, so there's nothing like that on my side.",
    "Nothing to report from my side; I'm a computer program.",
)
SURROUNDINGS_REPLIES: tuple[str, ...] = (
    "I'm a program, so there's nothing like that on my side. How are things with you?",
    "Nothing to report from my side; I'm a computer program. What's on your mind today?",
)
# The same once a trouble is told: the talk goes back to it, not to "What's on your mind today?"
SURROUNDINGS_TOLD_REPLIES: tuple[str, ...] = (
    "I'm a program, so there's nothing like that on my side. How are you doing with all of "
    "this?",
    "Nothing to report from my side; I'm a computer program. I'd rather hear how you're "
    "holding up.",
)
IN_WORLD_SURROUNDINGS_LEADS: tuple[str, ...] = ("Never mind my side of things.",)
IN_WORLD_SURROUNDINGS_REPLIES: tuple[str, ...] = (
    "Never mind my side of things. How are things with you?",)
# Asked whether it is trained to help: it is not, and a professional is named for serious things.
CREDENTIALS_REPLIES: tuple[str, ...] = (
    "No. I'm a computer program, not a trained counsellor, so for anything serious a "
    "professional is the one to see. I'm glad to listen, though. What's on your mind?",
)
IN_WORLD_CREDENTIALS_REPLIES: tuple[str, ...] = (
    "Me? No training of that kind. I listen, that's all. Go on.",
)
PRESENCE_REPLIES = ("I'm here. Take your time.", "Still here, and listening.")
# "Is this confidential?": what is true of this agent. The offline responder sends nothing
# anywhere, and the conversation is kept only when a store is attached (``affect chat --db``,
# the request's ``kept``); no promise beyond that (a game or the device around the agent may
# keep its own record).
PRIVATE_REPLIES: tuple[str, ...] = (
    "I'm a computer program: I don't pass on what you tell me, and this conversation isn't "
    "saved once it ends.",)
PRIVATE_KEPT_REPLIES: tuple[str, ...] = (
    "I'm a computer program: I don't pass on what you tell me. This conversation is saved by "
    "the program running me, so we can pick it up again; whoever runs it can delete it.",)
HELP_REPLIES: dict[bool, tuple[str, ...]] = {
    False: ("I'll do my best. What's going on?", "Of course I'll try. Tell me what's happening."),
    # after the story is told: ask how, not what
    True: ("I'll do my best. Would it help more to talk it through, or to think about what you "
           "could do next?",),
}
# "Can I talk to you?", "I need to vent.": leave given, and the floor handed over
TALK_REPLIES = ("Of course. I'm here and listening. What's going on?",
                "Please do. Take your time and tell me what's happening.")
# An advance on the agent ("I'm imagining what we would do together", "will you go out with
# me?"): a plain, calm boundary, and the talk handed back (never played along with)
ADVANCE_REPLIES = ("I'm a computer program, so that isn't something I'll take part in. I'm glad "
                   "to keep talking about what's going on for you, though.",)
IN_WORLD_ADVANCE_REPLIES = ("I'll stop you there. Let's keep this friendly.",)
# "Can I ask you something?": leave given; the question comes next
ASK_REPLIES = ("Of course. What would you like to ask?", "Sure, go ahead and ask.")
# "Are we done?": the user's to say
DONE_REPLIES = ("Only if you want to be. Is there anything else on your mind?",)
# "How does this work?", "Where do I start?": no set way; the floor handed over
HOW_IT_GOES_REPLIES: dict[bool, tuple[str, ...]] = {
    False: ("There's no set way. Tell me whatever is on your mind, and we'll go from there.",
            "However suits you. You could start with whatever is weighing on you most."),
    True: ("At whatever pace suits you. What feels most pressing right now?",),
}
# "You don't understand.": own the miss and ask what was missed, never defend the last reply.
COMPLAINT_REPLIES: dict[str, tuple[str, ...]] = {
    "missed": (
        "I'm sorry, I got that wrong. What would you most want me to understand?",
        "You're right to tell me. What am I missing?",
        "Fair enough, that didn't help. Would it be better if I just listened for a while?",
    ),
    "care": (
        "I do want this to go better for you. I'm a program, not a person, so I don't feel it the "
        "way a friend would, but I'm paying attention to every word. What matters most right now?",
    ),
    "repeats": (
        "Fair, I've been going round in circles. What would you rather talk about?",
        "You're right, I keep coming back to the same thing. What would be more useful to you?",
    ),
    "robot": (
        "That's fair: I am a computer program, not a person. I'll try to listen better. What "
        "would you like me to understand?",
        "You're right, I'm a program. Tell me what I'm missing and I'll try again.",
    ),
}


def about_agent_replies(user: str, info: dict[str, Any], *, story_told: bool
                        ) -> tuple[str, ...] | None:
    """The offline replies to a turn about the agent or the talk (see the module docstring);
    None for any other message. ``info`` is the prompt's structured part (agent/responders.py):
    the agent's strongest feeling and its intensity, the persona's name and role."""
    if makes_advance(user):
        return IN_WORLD_ADVANCE_REPLIES if info.get("in_world") else ADVANCE_REPLIES
    asked, remarked = asks_agent_wellbeing(user), remarks_on_agent(user)
    if asked or remarked:
        group = self_report_group(info)
        return REMARKED_FINE if remarked and group == "fine" else SELF_REPORTS[group]
    name = str(info.get("name") or "your companion")
    if asks_if_person(user):
        return tuple(r.format(name=name) for r in PERSON_REPLIES)
    if asks_agent_age(user):
        return AGE_REPLIES
    if asks_trust(user):
        return TRUST_REPLIES
    if asks_if_there(user):
        return PRESENCE_REPLIES
    if asks_credentials(user):
        return IN_WORLD_CREDENTIALS_REPLIES if info.get("in_world") else CREDENTIALS_REPLIES
    if asks_agent_experience(user):
        return IN_WORLD_EXPERIENCE_REPLIES if info.get("in_world") else EXPERIENCE_REPLIES
    if asks_agent_tastes(user):
        return TASTES_REPLIES
    thing = asks_if_agent_likes(user)
    if thing is not None:
        if thing in ("me", "talking to me", "talking with me"):
            return LIKES_USER_REPLIES
        return tuple(r.format(thing=thing) for r in LIKES_REPLIES)
    if asks_agent_name(user):
        who = re.search(r"\bwho\b", user, re.I) is not None
        return ((WHO_REPLY if who else NAME_REPLY).format(
            name=name, role=str(info.get("role") or "")).strip(),)
    if asks_for_joke(user):
        return JOKE_REPLIES
    if asks_leave_to_ask(user):
        return ASK_REPLIES
    if asks_if_done(user):
        return DONE_REPLIES
    if asks_how_it_goes(user):
        return HOW_IT_GOES_REPLIES[story_told]
    if asks_to_talk(user) and not story_told:
        return TALK_REPLIES
    if asks_for_help(user):
        return HELP_REPLIES[story_told]
    kind = complaint(user)
    return None if kind is None else COMPLAINT_REPLIES[kind]


def self_report_group(info: dict[str, Any]) -> str:
    """Which of ``SELF_REPORTS`` says how the agent is: its strongest feeling when strong
    enough (``info`` as in ``about_agent_replies``), else "fine"."""
    felt = str(info.get("agent_feeling") or "neutral")
    if float(info.get("agent_feeling_intensity", 0.0)) < SELF_REPORT_INTENSITY:
        return "fine"
    return next((g for g, kinds in SELF_REPORT_GROUPS.items() if felt in kinds), "fine")
