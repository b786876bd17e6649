"""The shape of a question put to the agent as the whole message: an opening word ("And",
"Hi"), the question, an afterthought ("anyway") and its punctuation; or as the end of one of its
sentences, beside more. Shared by agent.about_agent and agent.agent_past.
"""

from __future__ import annotations

import re

from perception.base import split_sentences

HELLO = r"(?:hi|hello|hey|hai|hii+|heya|hiya)"
"""The words of a greeting, misspelt ones too ("hai! how are doing?"): one list for the
recognisers that open on one (agent.dialogue_acts, agent.about_agent and ``OPENING``)."""
# "Hello. How are you?": a greeting may end in its own stop
# ("Good afternoon How are you", ESConv train: "How are you feeling today?")
OPENING = (rf"^\s*(?:(?:and|so|well|{HELLO}(?:\s+there)?|good\s+(?:morning|afternoon|evening)|ok|"
           r"okay|wait|"
           r"but|honestly|"
           # "May I ask, how did you deal with your own birthday depression?" (ESConv valid)
           r"(?:may|can|could)\s+i\s+ask(?:\s+you)?|if\s+i\s+may\s+ask|"
           # possessive: "ok" and 20,000 spaces, as the words before a question, took 11 s
           r"anyway)[,.!\s]++)?")
AFTERTHOUGHT = r"(?:,?\s+(?:anyway|though|then|yourself|by\s+the\s+way|please))?"


def whole_message(body: str, tail: str = AFTERTHOUGHT) -> re.Pattern[str]:
    """A question to the agent that is the whole message: an opening word ("And", "Hi"),
    ``body``, an afterthought ("anyway") and its punctuation."""
    # possessive: a run of spaces before the end was split between the three runs in every way
    # ("how are you" and 3,000 spaces took 19 s, 20,000 would take hours)
    return re.compile(rf"{OPENING}(?:{body}){tail}\s*+[?.!]*+\s*+$", re.I)


def ending_sentence(body: str, *, within: bool = True) -> re.Pattern[str]:
    """``body`` as the end of a sentence, with an opening word ("so") of its own: after the
    sentence's start or a comma, and with ``within`` after any space too ("Im from florida
    where are you from?"; not for "My mom asked what's your favourite colour")."""
    start = r"(?:^|(?<=[\s,]))" if within else r"(?:^|(?<=,)\s*)"
    # ("I used to works as software developer , apart from job what are your hobbies?", ESConv
    # valid, had got a job-search step)
    return re.compile(rf"{start}(?:(?:yes|yeah|also|so|and|(?:apart|aside)\s+from\s+\w+|besides\s+"
                      rf"\w+|other\s+than\s+\w+)[,\s]+)?(?:{body})"
                      r"\s*+[?.!]*+\s*+$", re.I)


# (compiled once: looked up through re's cache for each sentence, a message of 10,000 short
# sentences spent 0.1 s a turn in the lookups alone)
_OPENING_ONLY = re.compile(OPENING + r"\s*", re.I)


def asked_beside(text: str, question: re.Pattern[str]) -> str | None:
    """The rest of ``text`` when one of its sentences ends in ``question`` (an
    ``ending_sentence``): "" when the question is the whole message, None when no sentence
    asks it. What opens the asking sentence is kept ("Im from florida")."""
    rest, asked = [], False
    for sentence in split_sentences(text):
        found = question.search(sentence)
        asked = asked or found is not None
        before = sentence if found is None else sentence[: found.start()].strip(" ,")
        if before and not _OPENING_ONLY.fullmatch(before + " "):  # "Hi, where"
            rest.append(before)
    return " ".join(rest) if asked else None
