"""Conversational acts the agent answers in kind: a bare greeting, a farewell, a request for
advice.

ESConv supporters answer a seeker's farewell with "Others" (closing words) 66% of the time, a
bare greeting with a question 69% of the time and a request for advice with suggestions 33% of
the time, twice their base rate (train split, the supporter's first turn after the seeker's).
The trained policy learned these from long ESConv dialogues and can miss them in a short chat,
and the offline responder's strategy templates cannot say goodbye, so both read the act here.
"""

from __future__ import annotations

import re

_GREETING = re.compile(r"^\s*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|my|me|we|our)\b", re.I)
# Leave-taking words: anywhere in a short message, or closing a longer one ("Thanks so much for
# listening tonight, bye!"); the phrases that also have other uses ("take care of my mother", "I
# have to go to the hospital") count only at the very end.
_LEAVE = re.compile(r"\b(?:bye|goodbye|good night|(?:talk to you|see you) (?:later|soon|tomorrow))"
                    r"\b", re.I)
_LEAVE_AT_END = re.compile(r"\b(?:bye|goodbye|good night|see you(?: later| soon| tomorrow)?|talk"
                           r" (?:to you )?(?:later|soon)|take care(?: of yourself)?|(?:have to|got"
                           r" to|gotta) go(?: now)?)[\s.!]*$", re.I)
SHORT_WORDS = 6

def is_greeting(text: str) -> bool:
    """A message that only greets ("Hi.", "Hello there!", "Hey, how are you?"), nothing about
    the speaker yet.

    >>> is_greeting("Hi there!"), is_greeting("Hi, I lost my job.")
    (True, False)
    """
    return bool(_GREETING.match(text)) and len(text.split()) <= 5 and not _FIRST_PERSON.search(
        _GREETING.sub("", text))


def is_farewell(text: str) -> bool:
    """A message that takes leave ("Bye for now.", "Thanks, talk later!", "I have to go now").

    >>> is_farewell("Bye for now."), is_farewell("I have to go to the hospital tomorrow.")
    (True, False)
    >>> is_farewell("Saying goodbye to my dad at the airport was hard.")
    False
    """
    return bool(_LEAVE_AT_END.search(text)) or (
        len(text.split()) <= SHORT_WORDS and bool(_LEAVE.search(text)))


_ADVICE = re.compile(
    r"\b(?:what (?:should|can|do) (?:i|we) do|any (?:advice|suggestions?|ideas|tips)|what do you "
    r"(?:suggest|recommend|think i should)|how (?:can|do|should) i (?:deal|cope|handle|fix|get)"
    r"|(?:can|could) you (?:give me|help me with) (?:some )?(?:advice|ideas|tips))\b",
    re.I,
)


def asks_for_advice(text: str) -> bool:
    """The user asks what to do ("What should I do?", "Any advice?", "How can I cope?").

    >>> asks_for_advice("What should I do?"), asks_for_advice("I don't know what I did wrong.")
    (True, False)
    """
    return bool(_ADVICE.search(text))
