"""Wording of the offline responder for the user's own steps (agent.user_steps): a step they
name is built on ("Deciding to call your sister sounds like a good step"), a step they weigh is
talked through, a step tried already is met with something different. {plan} is the step in
the user's words, second person; the other slots are as in agent.responder_phrases.
"""

from __future__ import annotations

import re

from agent.types import Strategy

# When the user names a step of their own ("Maybe I could talk to HR."), these replace the
# strategy's templates, so that the agent builds on the user's plan instead of offering another.
# {plan}: the step in the user's words, second person ("talk to HR"); templates without it serve
# a step too long to quote.
PLAN_TEMPLATES: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: (
        "What would help you follow through on it?",
    ),
    Strategy.RESTATEMENT: (
        "So you're thinking you could {plan}.",
        "So you have a next step in mind.",
    ),
    Strategy.REFLECTION: (
        "You sound a little steadier now that you have a next step.",
        "It sounds like part of you is ready to {plan}, even with the worry still there.",
        "You have a next step in mind, even with the worry still there.",
    ),
    Strategy.SELF_DISCLOSURE: (
        "It cheers me to hear you have a next step to hold on to.",
    ),
    Strategy.AFFIRMATION: (
        "Deciding to {plan} sounds like a good step, and it's one you chose.",
        "That sounds like a good plan; you know your situation best.",
    ),
    Strategy.SUGGESTION: (
        "That sounds like a good step. Could you pick a time to {plan}?",
        "Good idea. Starting small with it can make it easier.",
    ),
    Strategy.INFORMATION: (
        "Having one concrete next step often makes a hard situation feel more manageable.",
    ),
    Strategy.OTHERS: (
        "That sounds like a good plan.",
        "I'm glad you have a next step.",
    ),
}

# After "I already tried that." or "It doesn't help.": the step is not restated as news, and a
# suggestion offers something different (TRIED_OPENER before it). Strategies not named here keep
# their own templates.
TRIED_TEMPLATES: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: ("What have you tried so far, and did any of it help even a little?",),
    Strategy.RESTATEMENT: ("So you've tried that already, and it hasn't helped.",),
    Strategy.REFLECTION: ("It's frustrating when something you tried doesn't help.",),
    Strategy.SELF_DISCLOSURE: (
        "I know how discouraging it is when something meant to help doesn't.",),
    Strategy.AFFIRMATION: (
        "You've already been trying, and that says a lot; you're not giving up on this.",),
}
TRIED_OPENER = "Then maybe something different. "

# Templates that ask when the step will be taken ("Could you pick a time to {plan}?"): left out
# when the step says when already ("I'll practice with my roommate tonight").
ASKS_WHEN = re.compile(r"\bpick a time\b|\bWhen could you\b")
SAYS_WHEN = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend)|next (?:week|"
    r"month)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at \d|"
    r"in the morning|after (?:work|school|class|dinner|lunch)|first thing|right now|now|soon)\b",
    re.I)

# A step the user named in one of their last two messages ("maybe I should call my brother"),
# when this one names none ("yeah he's always been there for me") and the policy suggests: the
# suggestion is their step, not a new one of ours. {plan} as in PLAN_TEMPLATES.
EARLIER_PLAN_SUGGESTIONS: tuple[str, ...] = (
    "Then it sounds worth doing. Could you pick a time to {plan}?",
    "Then your idea to {plan} sounds like a good one. When could you do it?",
    "Then the step you mentioned sounds worth taking. When could you do it?",
    "Then the step you mentioned sounds worth taking; you know best how to go about it.",
)

# When the user weighs a step of their own as a question ("Maybe I should talk to HR?"), these
# replace the strategy's templates: they asked for a view, and a generic line would ignore the
# step. The view stays tentative and leaves the choice to them ("could", "might"), since it is
# given without knowing their situation; harmful steps never get here (user_steps._NOT_A_STEP).
# {plan} as in PLAN_TEMPLATES; templates without it serve a step too long to quote.
WEIGHED_STEP_TEMPLATES: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: (
        "It could be a good step to {plan}. What makes you unsure about it?",
        "What would you hope to come out of it if you {plan}?",
        "It could be a good step. What makes you unsure about it?",
    ),
    Strategy.RESTATEMENT: (
        "So you're wondering whether to {plan}, and you'd like another view on it.",
        "So you have a step in mind, and you're not sure about it yet.",
    ),
    Strategy.REFLECTION: (
        "It sounds like part of you wants to {plan}, and part of you isn't sure yet.",
        "It sounds like you're drawn to that step but still unsure about it.",
    ),
    Strategy.SELF_DISCLOSURE: (
        "I'd feel unsure too before deciding to {plan}; talking a step through first often helps.",
        "I'd feel unsure too before a step like that; talking it through first often helps.",
    ),
    Strategy.AFFIRMATION: (
        "Thinking about whether to {plan} shows you're looking for a way forward; you know your "
        "situation best.",
        "Weighing a step like that shows you're looking for a way forward.",
    ),
    Strategy.SUGGESTION: (
        "It might help to {plan}. Maybe start by noting what you'd want to come out of it.",
        "That could be a good step. Maybe start by noting what you'd want to come out of it.",
    ),
    Strategy.INFORMATION: (
        "A step like deciding to {plan} often feels less daunting once you picture how it "
        "might go.",
        "A step you choose yourself often feels less daunting once you picture how it might go.",
    ),
    Strategy.OTHERS: (
        "It could be a good step to {plan}; I hope it goes well, whatever you decide.",
        "I hope it goes well, whatever you decide.",
    ),
}

# A step named does not steady a user who says, in the same message, that they are scared
# ("I can try to get past the nerves ... makes me feel very scared and anxious."); the worry
# is named only when they do.
SOUNDS_STEADIER: frozenset[str] = frozenset({
    "You sound a little steadier now that you have a next step.",
})
NAMES_WORRY: frozenset[str] = frozenset({
    "It sounds like part of you is ready to {plan}, even with the worry still there.",
    "You have a next step in mind, even with the worry still there.",
})
