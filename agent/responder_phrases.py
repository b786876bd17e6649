"""Wording of the offline responder: openers by style, templates by strategy (the words it reads
in the user's turn are in agent.responder_words).

Slots: {feeling} (the user's own feeling word, else one for the perceived emotion),
{feeling2} (a second word for it), {worry} (what they fear, from "what if he doesn't make it":
"he doesn't make it"), {topic} ("your job"), {event} ("losing your job", when
they say what happened to it; it replaces {topic} then), {cause} (what they said it is
because of, in the second person), {clause} (their first sentence about themselves or about
what someone in their story did, reflected), {memory}
(what memory recalls from earlier turns), {person} ("your wife", from this turn or an
earlier one) and {object} (her, him or them for that person). A template is used only when all
its slots are filled.
"""

from __future__ import annotations

from agent.types import Strategy

OPENERS: dict[str, tuple[str, ...]] = {
    "warm": ("", "Oh, ", "I hear you. ", "", "Mm, "),
    "plain": ("", "", "Okay. ", ""),
    "playful": ("", "Hey, ", "Well, ", ""),
    "formal": ("", "I understand. ", "", "Thank you for saying so. "),
}
# The openers that suit good news; "I hear you." and "I understand." are for troubles.
GLAD_OPENERS = frozenset({"", "Oh, ", "Hey, ", "Well, "})
# Said first to news told in this turn ("I got the job!"), unless the reply itself greets it:
# a question about it alone ("What are you most looking forward to?") reads as a shrug.
NEWS_OPENERS: tuple[str, ...] = ("That's wonderful! ", "Oh, that's lovely! ", "How wonderful! ")
# POSITIVE_TEMPLATES that greet the news themselves: no NEWS_OPENERS before them
GREETS_NEWS = frozenset({
    "That's great news! How are you feeling about it?",
    "You earned this, and it's wonderful to hear.",
    "I'm really glad to hear that.",
    "That's good to hear; enjoy it.",
    "I love hearing news like this; it lifts my day as well.",
})
# The acknowledgements that weigh a trouble; too heavy for a feeling the user calls small ("I'm
# a bit nervous"), which gets "It makes sense that you feel nervous." instead.
HEAVY_ACKNOWLEDGEMENTS = frozenset({"That is a lot to carry.", "I can hear how hard this is."})
TEMPLATES: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: (
        "What has been the hardest part of {event} so far?",
        "How are you coping with {event} day to day?",
        "What has been the hardest part of {topic} so far?",
        "How are things between you and {person} right now?",
        "What do you think {person} would say if you told {object} how you feel?",
        "How are you coping with {topic} day to day?",
        "What goes through your mind when you think about {topic}?",
        "Earlier you mentioned {memory}; how does that fit with what is happening now?",
        "What happened, if you want to tell me more?",
        "How are you holding up with everything?",
        "When did this start to weigh on you?",
        "Who have you been able to talk to about this?",
        "What would help most right now: being listened to, or thinking it through together?",
        "What usually helps you when things get like this?",
        "How are you looking after yourself through all this?",
        "What part of this weighs on you most right now?",
        "What would you most like to be different?",
        "How does it feel today, compared with when it started?",
    ),
    Strategy.RESTATEMENT: (
        "So you're scared of what happens if {worry}.",
        "So this is about {event}, and it has been on your mind.",
        "So {clause}, and that has been sitting with you.",
        "If I follow you, {clause}.",
        "It sounds like {clause}; that is a lot to carry.",
        "What I'm hearing is that {clause}.",
        "So this is about {topic}, and it has been on your mind.",
        "If I follow you, this has been building up for a while.",
        "So this is still very much on your mind.",
        "If I'm hearing you right, you're still working out what to make of it.",
    ),
    Strategy.REFLECTION: (
        "It makes sense to be scared of what happens if {worry}.",
        "You sound {feeling} about {event}, and that is understandable.",
        "It makes sense that you feel {feeling}, since {cause}.",
        "You sound {feeling} about {topic}, and that is understandable.",
        "Feeling {feeling} when {cause} is a very human response.",
        "I can hear how {feeling} this leaves you.",
        "Of course you feel {feeling}; anyone would in your place.",
        "That sounds painful, and feeling {feeling2} about it makes sense.",
        "I can hear how much this matters to you.",
        "It sounds tiring to carry this around.",
        "It sounds like that does you some good.",
    ),
    # The agent shares how hearing this leaves it (it has an emotion of its own,
    # appraisal/), never a past it does not have: a program that says "I remember a time I felt
    # sad" and then "I'm a computer program" when asked would be caught out (about_agent.py).
    Strategy.SELF_DISCLOSURE: (
        "Hearing about {topic}, I feel for you, and I'm glad you're telling me.",
        "I haven't lived what you're going through, but hearing it, I feel for you.",
        "What you're describing moves me, and I'm glad you're not keeping it to yourself.",
        "I can't say I've felt {feeling} the way you do, but I can hear how heavy it is.",
        "Hearing that cheers me a little.",
    ),
    Strategy.AFFIRMATION: (
        "Telling me about {event} took courage, and you are handling more than you think.",
        "Telling me about {topic} took courage, and you are handling more than you think.",
        "You clearly care about {person}, and that says a lot about you.",
        "Feeling {feeling} does not make you any less capable; you are facing {topic} head on.",
        "You are handling something hard, and reaching out shows real strength.",
        "It's okay to feel this way; you are doing better than you think.",
        "You have got through difficult things before, and you are not alone in this one.",
        "Talking about it like this is a brave step.",
        "You're being honest with yourself about this, and that takes strength.",
        "It's clear you're trying, even if it doesn't feel like enough right now.",
        "You don't have to have it all worked out today.",
        "You deserve the same kindness you would give a friend in your place.",
    ),
    Strategy.SUGGESTION: (
        "Could you talk to someone you trust about {event} this week?",
        "Could you talk to {person} about it, maybe tonight when things are calm?",
        # {topic} is a thing as often as a person ("your resume"): a step that fits both
        "Maybe one small step with {topic} could help, like writing down the very next thing to "
        "do about it.",
        "Could you talk to someone you trust about {topic} this week?",
        "It might help to pick one small thing about {topic} you can do tomorrow.",
        "Could you take a short walk or call someone you trust this evening?",
        "Try giving yourself a quiet hour tonight, and look at it again in the morning.",
        "Maybe one small step could help, like writing down what worries you most.",
        "Could you plan one small thing this week that is just for you?",
        "Before bed tonight, could you note one thing that went even a little bit right?",
    ),
    Strategy.INFORMATION: (
        "Many people have been through something like {event}; feelings like these usually ease.",
        "Many people go through trouble with {topic}; feelings like these usually ease with time.",
        "Stress tends to narrow what we can see; sleep and a little distance often widen it again.",
        "Talking things through with someone is one of the best-studied ways to feel better.",
        "Feeling {feeling} after a setback is common, and it tends to fade as things get clearer.",
        "Feelings like these tend to come and go; a hard day does not undo the good ones.",
        "Small steady routines, like regular sleep and a daily walk, tend to steady mood more "
        "than big changes do.",
    ),
    Strategy.OTHERS: (
        "I'm really glad to hear that.",
        "Thank you for sharing this with me.",
        "I'm here whenever you want to talk again.",
        "That's good to hear; take care of yourself.",
        "I'm glad we talked about {topic}; go gently.",
        "I'm glad we talked about {event}; go gently.",
    ),
}

# Templates that ask for the story itself. Once the user has told of a difficulty in an earlier
# message (a loss, a hurt done to them, a painful feeling; troubles.tells_trouble) they
# would ask for what was already said, so they are left out from then on; the other slotless
# templates of each strategy still give a reply. Told only in this message, they stay: "I feel
# so lonely." names a feeling, not what happened.
ASKS_FOR_STORY: frozenset[str] = frozenset({
    "What happened, if you want to tell me more?",
    "When did this start to weigh on you?",
})

# Templates that call {topic} something faced: only for a trouble ("your exams", "your job"
# after it was lost), not any thing of theirs ("My city is in a lock down", ESConv valid: "you
# are facing your city head on").
FACES_A_TROUBLE: frozenset[str] = frozenset({
    "Feeling {feeling} does not make you any less capable; you are facing {topic} head on.",
})

# Templates that presume the user cares for {person}: only for someone close (CLOSE_PEOPLE).
PRESUMES_CARE: frozenset[str] = frozenset({
    "You clearly care about {person}, and that says a lot about you.",
})
# "maybe tonight when things are calm" presumes a home shared with {person}: only someone close,
# not a doctor or an advisor (ESConv valid: "Could you talk to your doctor about it, maybe
# tonight when things are calm?")
PRESUMES_HOME: frozenset[str] = frozenset({
    "Could you talk to {person} about it, maybe tonight when things are calm?",
})

# Restatements that call what was said heavy: only for a turn that is troubled (read as hurt, or
# telling a trouble now or before). "I am a maintenance supervisor." is restated plainly.
CALLS_IT_HEAVY: frozenset[str] = frozenset({
    "So {clause}, and that has been sitting with you.",
    "It sounds like {clause}; that is a lot to carry.",
})
# Templates about the user's tie to {person} (how things stand, telling them how they feel,
# talking to them): not for the one who left ("My partner ran off with another woman").
TALK_TO_PERSON: frozenset[str] = frozenset({
    "How are things between you and {person} right now?",
    "What do you think {person} would say if you told {object} how you feel?",
    "Could you talk to {person} about it, maybe tonight when things are calm?",
})

# Support templates that are glad at what was said ("I think I'll be okay."): never said to a
# turn read as hurt or one that tells a trouble ("she said she fell out of love").
GLAD_ONLY: frozenset[str] = frozenset({
    "I'm really glad to hear that.",
    "That's good to hear; take care of yourself.",
})
# A turn read as glad that is no news ("That's fun. I try to get out once a month for a nice
# hike.", "I hope so too but I'll fake it until I believe it!"), in a talk about a trouble: the
# templates that presume this turn hurts are left out (so are those with a {feeling} slot,
# which a hurt word would fill), and these, only for such a turn, come in.
PRESUMES_PAIN: frozenset[str] = frozenset({
    "When did this start to weigh on you?",
    "What part of this weighs on you most right now?",
    "So {clause}, and that has been sitting with you.",
    "It sounds like {clause}; that is a lot to carry.",
    "If I follow you, this has been building up for a while.",
    "It sounds tiring to carry this around.",
    "It's okay to feel this way; you are doing better than you think.",
    "It's clear you're trying, even if it doesn't feel like enough right now.",
    "Maybe one small step could help, like writing down what worries you most.",
    "Feelings like these tend to come and go; a hard day does not undo the good ones.",
})
LIGHT_ONLY: frozenset[str] = frozenset({
    "It sounds like that does you some good.",
    "Hearing that cheers me a little.",
})

# Whatever the strategy, a bare greeting is greeted, short thanks are acknowledged and a farewell
# is answered with one (agent.dialogue_acts); no opener is put before these.
# When every template that fits has been said in the conversation: presence, not a repeat.
STILL_LISTENING: tuple[str, ...] = (
    "I'm here, and I'm listening.",
    "Take your time. There's no rush.",
    "I'm still here with you.",
    "I'm with you. Say as much or as little as you like.",
    "I'm following you. Go on whenever you're ready.",
)
# Asked of a user who has said they told no one ("I haven't told anyone at work"), these read
# as not having listened.
ASKS_WHO_THEY_TOLD: frozenset[str] = frozenset({
    "Who have you been able to talk to about this?",
    "Who have you told so far?",
})
# Said first when the user tells, in this turn, that they have no one to talk to ("I don't
# really have anyone to talk to about it"): it is heard before the strategy's reply.
ALONE_ACKNOWLEDGEMENTS: tuple[str, ...] = (
    "Carrying this on your own is hard.",
    "Then I'm glad you're telling me.",
)
# A turn in another language (perception.language): these templates, and the text model, read
# English only. In this order; the last is said again after that.
OTHER_LANGUAGE_REPLIES: tuple[str, ...] = (
    "I'm sorry, I can only read English well, so I may misunderstand you. Could you say that in "
    "English?",
    "I'm still only able to read English well. Could you try saying it in English?",
)
ACT_REPLIES: dict[str, tuple[str, ...]] = {
    "greeting": (
        "Hi, I'm glad you're here. How are you feeling today?",
        "Hello. What's on your mind today?",
        "Hi there. How has your day been so far?",
    ),
    "thanks": (
        "You're welcome. I'm glad I could be here for this.",
        "Anytime. I'm glad it helped a little.",
        "Of course. Thank you for trusting me with it.",
        # thanks come mid-talk too ("hey thanks that really helps" and more after it): no line
        # speaks of the talk as over
        "You're welcome. I'm here if there's more on your mind.",
    ),
    # "Your welcome!" after the agent thanked the user: the door is left open, nothing is
    # greeted as news
    "welcomed": (
        "Is there anything else on your mind today?",
        "I'm glad we could talk. I'm here if anything else comes up.",
        "Is there more you'd like to talk through while we're here?",
    ),
    # an agent that minds being insulted (a persona with a be_respected goal) and is angry now
    "insulted": (
        "Mind how you speak to me.",
        "There's no call for that.",
        "Watch your tongue, or we're done talking.",
    ),
    # "I don't want to talk about it": the subject is dropped, and the door left open
    "declined": (
        "That's okay. We don't have to talk about it. I'm here if you change your mind.",
        "Of course. We can talk about something else, or just take a moment.",
    ),
    "praise": (
        "Thank you, that's kind of you to say.",
        "That means a lot; thank you.",
    ),
    # praise of a suggestion, which takes it up ("OK, that sounds like a good idea.", ESConv
    # train, had got "Thank you, that's kind of you to say."): the step is what matters
    "taken_up": (
        "I'm glad it sounds worth a try.",
        "Good, I hope it helps.",
    ),
    # "Merry Christmas!" as the talk opens: wished back, then on to the user
    "season": (
        "And to you! How are you feeling today?",
        "The same to you! How are things with you today?",
    ),
    # "You helped me a lot", "talking to you helps": the help is given back to the user
    "helped": (
        "I'm really glad it helped. You did the hard part by talking it through.",
        "I'm so glad. It took something to open up the way you did.",
    ),
    "farewell": (
        "Take care of yourself, and come back whenever you want to talk.",
        "Goodbye for now. I'm glad you talked with me today.",
        "Go gently. I'm here whenever you want to talk again.",
        "You too. Look after yourself.",
    ),
}
# Acts that close a conversation: when each line of one has been said (a long goodbye thanks
# five times), a line of another comes next (praise's lines answer praise only), then the one
# said longest ago.
CLOSING_ACTS = ("thanks", "praise", "helped", "farewell")

# A user back after a break (the conversation taken up again from the store) who greets is
# greeted as someone the agent knows: {thing} is what they told of last time ("losing your
# job", "your sister"), when the earlier turns name something.
WELCOME_BACK_ABOUT: tuple[str, ...] = (
    "Welcome back. Last time you told me about {thing}; how are things now?",
    "Good to see you again. How have things been with {thing}?",
)
WELCOME_BACK: tuple[str, ...] = (
    "Welcome back. How have you been since we last talked?",
)

# Good news ("I got the job!") is not met with "how are you holding up": when the user's feeling
# is joyful and their valence at least POSITIVE_VALENCE (or a neutral turn follows news the agent
# is still glad about), these replace the strategy's templates.
POSITIVE_FEELINGS = frozenset({"joy", "happy", "exuberant", "relaxed"})
POSITIVE_VALENCE = 0.3
# Good news counts for a plain follow-up ("I start on Monday.") when read in the user's last
# this many turns, this one included.
NEWS_TURNS = 3
# A plain follow-up to good news ("I start on Monday.") reads neutral; the agent's own emotion
# (happy-for, still active from the news) carries the conversation's tone over to it.
# Only the agent's gladness about what happened counts: hope is about a prospect ("the doctors
# say she will be ok"), gratitude and pride about being thanked, not about the user's news.
GLAD_AGENT_FEELINGS = frozenset({"happy_for", "joy", "satisfaction", "relief"})
# ... and only while it is clearly felt: an anxious user's flat "ok" reads as a small relief
# (happy-for 0.10 beside pity 0.06), good news as 0.6 fading to 0.3 a turn later.
GLAD_AGENT_INTENSITY = 0.2
POSITIVE_TEMPLATES: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: (
        "That's great news! How are you feeling about it?",
        "What are you most looking forward to?",
        "How did it come about?",
        "Who have you told so far?",
    ),
    Strategy.RESTATEMENT: (
        "So {clause}, and it feels good.",
        "If I follow you, things have gone your way.",
        "So things feel a little lighter right now.",
    ),
    Strategy.REFLECTION: (
        "You sound really {feeling}, and you have every reason to be.",
        "I can hear how {feeling} this makes you.",
    ),
    Strategy.SELF_DISCLOSURE: (
        "Moments like this make me {feeling} too; I'm happy for you.",
        "I love hearing news like this; it lifts my day as well.",
    ),
    Strategy.AFFIRMATION: (
        "You earned this, and it's wonderful to hear.",
        "That took real effort on your part; well done.",
        "I'm glad to hear it; you deserve some good moments.",
        "That sounds like a good place to be.",
    ),
    Strategy.SUGGESTION: (
        "Maybe celebrate a little tonight; you deserve it.",
        "Could you share the news with someone who will be glad for you?",
        "Maybe keep a note of what helped today, so it's there the next time things get hard.",
    ),
    Strategy.INFORMATION: (
        "Taking a moment to enjoy good news like this is worth it; it tends to stay with you.",
        "Noticing what helps, as you just did, makes it easier to find again next time.",
    ),
    Strategy.OTHERS: (
        "I'm really glad to hear that.",
        "That's good to hear; enjoy it.",
    ),
}

# A second question in a row, to a user who is hurting, first acknowledges what they said: a run
# of bare questions reads as an interrogation (Hill 2009 pairs open questions with reflections).
# ESConv's supporters ask two questions running often, so the policy is left free to; the
# wording carries the comfort instead. {feeling} as in TEMPLATES. "Hurting": a negative emotion
# was read, or the valence is at most HURT_VALENCE (not a flat "okay" at -0.01). Each is used
# once per conversation; after that the question comes plain.
# Praise of an achievement: only for a turn that tells one ("I passed!", "I haven't missed a
# workout"), not for any glad turn ("Oh that's good. Staying safe.").
PRAISES_ACHIEVEMENT = frozenset({
    "You earned this, and it's wonderful to hear.",
    "That took real effort on your part; well done.",
})
# A step or a fact asked for just after thoughts of suicide were answered ("I don't know how to
# be happy What do I do", ESConv valid, had got "could you plan one small thing this week that
# is just for you?"): not being alone with it, and help at hand, come first. Safe-messaging
# guidance for the moments after risk is raised: stay with the person, connect them with
# support, and make the means harder to reach.
AFTER_CRISIS: dict[Strategy, tuple[str, ...]] = {
    Strategy.SUGGESTION: (
        "Right now the most important step is not being alone with this. Is there someone you "
        "could be with or call tonight, or could you reach out to one of those lines while we "
        "keep talking?",
        "For tonight, could you keep someone you trust close, keep one of those numbers where "
        "you can see it, and put anything you could hurt yourself with out of reach?",
    ),
    Strategy.INFORMATION: (
        "Feelings this heavy can ease with support, even when that seems impossible from inside "
        "them; talking with someone trained for this is one of the surest ways through.",
    ),
}
# Positive templates that speak of news: only with news told now or just before ("I got the
# job!"), never to thanks ("Thanks for the suggestions.") or a glad word ("I like being here").
NAMES_NEWS = frozenset({
    "Maybe celebrate a little tonight; you deserve it.",
    "Could you share the news with someone who will be glad for you?",
    "Taking a moment to enjoy good news like this is worth it; it tends to stay with you.",
    "I love hearing news like this; it lifts my day as well.",
    # ("Thank you. I appreciate that. I've been in contact with the Self-Help center ...",
    # ESConv valid, is thanks and a step under way, no news)
    "If I follow you, things have gone your way.",
})
# Thanks with nothing new beside it, answered with a strategy other than closing words: the
# thanks is heard first ("You're welcome. Maybe keep a note of what helped today, ...").
THANKED_OPENERS = ("You're welcome. ", "Glad it's useful. ")
# Positive templates that take this very turn for the news: not for "Cool cool." said after it.
TAKES_TURN_FOR_NEWS = frozenset({
    "That's great news! How are you feeling about it?",
    "How did it come about?",
    "So {clause}, and it feels good.",
})
HURT_FEELINGS = frozenset(
    {"sadness", "sad", "depressed", "bored", "anger", "angry", "hostile", "disgust", "fear",
     "anxious", "anxiety", "scared"})
HURT_VALENCE = -0.25
ACKNOWLEDGEMENTS: tuple[str, ...] = (
    "It makes sense that you feel {feeling}.",
    "That is a lot to carry.",
    "I can hear how hard this is.",
)

# Small talk: a neutral turn in a conversation with no trouble in it so far ("I like turtles.",
# "Nice weather today."). The support templates presume a difficulty ("When did this start to
# weigh on you?"); these do not. {clause} as in TEMPLATES.
UNTROUBLED_VALENCE = -0.15
SMALL_TALK: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: (
        "What's on your mind today?",
        "What made you think of that?",
        "How is your day going otherwise?",
    ),
    Strategy.RESTATEMENT: ("So {clause}.", "Go on, I'm listening."),
    Strategy.REFLECTION: ("It sounds like that's on your mind.",),
    Strategy.SELF_DISCLOSURE: ("I enjoy a chat like this myself.",),
    Strategy.AFFIRMATION: ("Fair enough.", "That makes sense."),
    Strategy.SUGGESTION: ("If you like, tell me more about it.",),
    Strategy.INFORMATION: ("I don't know much about that, I'm afraid.",),
    Strategy.OTHERS: ("I see.", "All right."),
}
# "Is it normal to feel this way?", "Will it ever get better?" (agent.dialogue_acts.asks_if_normal):
# answered as a supporter answers them ("I'd say this is completely normal", ESConv), not with a
# trouble's facts ("Testing yourself ... works better than rereading" was the answer to "Will it
# get better?" after a failed exam). How long is answered on its own: it has no set time.
NORMAL_TEMPLATES: tuple[str, ...] = (
    "Many people feel this way after {event}. It doesn't mean anything is wrong with you, and "
    "it usually eases with time.",
    "What you feel is a very human response to {event}, and for most people it eases, a little "
    "at a time.",
    "It's very common to feel {feeling} after what you've been through; feelings like these "
    "usually ease, a little at a time.",
    "Many people feel this way in a spot like yours. It doesn't mean anything is wrong with you, "
    "and it usually eases with time.",
)
HOW_LONG_TEMPLATES: tuple[str, ...] = (
    "There's no set time for it. For most people it eases bit by bit, with good days and bad "
    "ones, not in a straight line.",
)
# A question about the world in such a conversation ("What time is it?"): the offline responder
# knows nothing of the world and says so, instead of answering with a counsellor's line.
UNANSWERED: tuple[str, ...] = (
    "I'm afraid I can't answer that from here.",
    "I don't know that one, I'm afraid.",
)
# "I am good. How are you?": after how the agent is, the talk moves on; "Not great. How are
# you?": it asks what is wrong (agent.responder_template, _asked_back).
ASKED_BACK_NEXT = ("What's on your mind today?", "What would you like to talk about?",
                   "What brings you here today?")
ASKED_BACK_UNWELL = ("I'm sorry you're not doing so well, though. What's been going on?",
                     "But it sounds like things aren't great for you. What's happening?")
# "That's a good idea.": the suggestion taken up is heard before the reply goes on.
TAKEN_UP_OPENERS = ("I'm glad it sounds worth a try. ", "Good, I hope it helps. ",
                    "I'm glad that one speaks to you. ")
