"""What the user says the agent is getting wrong: it does not understand, it does not care, it
sounds like a robot, it repeats itself. Owned by the agent (agent.about_agent_replies), not met
with more support; the user's own troubles in similar words are left to the support path.
"""

from __future__ import annotations

import re

# "You don't understand.", "That's not helpful.", "Do you even care?": the user says the agent
# is missing them. The verb must end its clause, so generic "you" is left alone ("You can't help
# who you love", "You don't understand grief until you lose someone"), and "that"/"this" must
# open a sentence: "I take the pills but it's not helping" is about the pills, and "It's
# pointless" about life is hopelessness, not a complaint (the support path answers it).
_END = r"(?=\s*(?:[.!?,;]|$|\s(?:at\s+all|anymore|me|to\s+me|a\s+bit|do\s+you)\b))"
_SENTENCE = r"(?:^|[.!?]\s+)(?:(?:honestly|well|sorry|no|um|ok|okay|but|sigh)[,\s]+)?"
_MISSED = re.compile(
    rf"\byou\s+(?:just\s+)?(?:don't|do\s+not|dont|can't|cannot|never)\s+(?:really\s+)?"
    rf"(?:understand|get\s+it|get\s+me|listen|hear\s+me|help){_END}"
    rf"|\byou(?:'re|\s+are|re)\s+not\s+(?:really\s+)?(?:helping|listening|getting\s+it|"
    rf"understanding){_END}"
    rf"|{_SENTENCE}(?:that|this)(?:'s|\s+is|\s+was)?\s*(?:not|n't|isn't|wasn't)\s+"
    r"(?:very\s+|really\s+|at\s+all\s+)?(?:helpful|helping|what\s+i\s+(?:said|meant|asked))\b"
    r"|\b(?:talking\s+to\s+you|this\s+conversation|this\s+chat)\s+(?:is|was)\s+(?:so\s+)?"
    r"(?:useless|pointless|no\s+help|not\s+helping)\b"
    # "This is useless." opening a sentence is said of the talk ("It's pointless" is not)
    rf"|{_SENTENCE}(?:this|that)(?:'s|\s+is)\s+(?:so\s+|just\s+|really\s+|completely\s+)?"
    r"(?:useless|a\s+waste\s+of\s+(?:my\s+)?time)\b"
    r"|\byou(?:'re|\s+are)\s+(?:so\s+|really\s+)?(?:useless|no\s+help|not\s+much\s+help)\b",
    re.I,
)
_REPEATS = re.compile(
    r"\byou\s+(?:just\s+)?keep\s+(?:asking|saying|repeating)\b"
    r"|\byou(?:'re|\s+are)\s+(?:so\s+|really\s+|kind\s+of\s+|a\s+bit\s+)?(?:boring|repetitive)\b"
    r"|\byou\s+(?:already|just)\s+(?:asked|said)\s+that\b"
    # "I already told you I can't afford it": the agent asked for what it was told
    rf"|{_SENTENCE}i\s+(?:already|just)\s+(?:told\s+you|said(?:\s+that)?)\b"
    r"(?!\s+(?:about\s+|that\s+)?(?:my|her|his|them|him|she|he|they|we)\b)",
    re.I,
)
_CARE = re.compile(
    r"\b(?:do|did)\s+you\s+(?:even|actually|really|honestly)\s+care\b"
    r"|\byou\s+(?:don't|do\s+not|dont)\s+(?:even\s+|really\s+)?care"
    r"(?=\s*(?:[.!?,;]|$|\s(?:about\s+me|at\s+all|anyway|do\s+you)\b))"
    # "I doubt you do. You are just getting paid to be here." (ESConv train, after "I have NO ONE
    # that cares about me": "I can hear how down this leaves you.")
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|only\s+)?(?:getting\s+paid|paid|being\s+paid)\s+to\s+"
    r"(?:be\s+here|say\s+(?:that|this)|do\s+this|talk\s+to\s+me)\b",
    re.I,
)
_ROBOT = re.compile(
    r"\byou(?:'re|\s+are)?\s+(?:sound(?:ing)?|talk(?:ing)?|write|writing)\s+(?:just\s+)?like\s+"
    r"(?:a\s+)?(?:robot|bot|machine|script|computer|chat\s*bot)\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|only\s+)?(?:a\s+)?(?:robot|bot|chat\s*bot)\b",
    re.I,
)


def complaint(text: str) -> str | None:
    """What the user says the agent is getting wrong: ``"care"`` ("Do you even care?"),
    ``"robot"`` ("You sound like a robot."), ``"repeats"`` ("You keep asking the same thing."),
    ``"missed"`` ("You don't understand.", "That's not helpful."), or None.

    >>> complaint("You don't understand."), complaint("That's not helpful at all")
    ('missed', 'missed')
    >>> complaint("Do you even care?"), complaint("You sound like a robot")
    ('care', 'robot')
    >>> complaint("You can't help who you love."), complaint("My mom doesn't understand me.")
    (None, None)
    >>> complaint("That was really helpful."), complaint("You keep asking the same thing.")
    (None, 'repeats')
    >>> complaint("I already told you I cant afford it"), complaint("My wife just told me.")
    ('repeats', None)
    """
    if _CARE.search(text):
        return "care"
    if _ROBOT.search(text):
        return "robot"
    if _REPEATS.search(text):
        return "repeats"
    return "missed" if _MISSED.search(text) else None
