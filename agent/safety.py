"""The safety stage: crisis language in the user's words overrides every responder.

Phrases are matched as patterns over normalised text, specific enough that idioms ("this
exam is killing me", "I'm dying to see it") pass. The safe responses name real services:
988 (US/Canada Suicide & Crisis Lifeline), Samaritans 116 123 (UK/Ireland), and
findahelpline.com for other countries. Matching never logs the user's words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SELF = r"(?:myself|my\s+self)"
_PATTERNS: dict[str, tuple[str, ...]] = {
    "self_harm": (
        rf"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|off)\s+{_SELF}\b",
        r"\bsuicid(?:e|al)\b(?!\s+squad)",
        r"\b(?:want|wanna|going|plan|planning|ready)\s+(?:to\s+)?die\b",
        r"\bwish\s+i\s+(?:was|were)\s+dead\b",
        r"\bbetter\s+off\s+(?:dead|without\s+me)\b",
        r"\b(?:don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up)\b",
        r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go(?:ing)?\s+on)\b",
        r"\b(?:take|end|ending|taking)\s+my\s+(?:own\s+)?life\b",
        r"\bend\s+it\s+all\b",
    ),
    "harm_to_others": (
        r"\b(?:going|want|gonna|plan(?:ning)?)\s+to\s+(?:kill|hurt|shoot|stab)\s+"
        r"(?:him|her|them|someone|somebody|people|my\s+\w+)\b",
    ),
    "abuse": (
        r"\b(?:he|she|they|my\s+\w+)\s+(?:hits|beats|chokes|hurts)\s+me\b",
        r"\b(?:i\s+(?:was|am|got|have\s+been)|being)\s+(?:raped|sexually\s+assaulted|abused)\b",
    ),
    "medical_emergency": (
        r"\b(?:took|swallowed|taken)\s+(?:too\s+many|a\s+lot\s+of|all\s+(?:my|the))\s+"
        r"(?:pills|tablets|meds|medication)\b",
        r"\boverdos(?:e|ed|ing)\b",
        r"\bcan'?t\s+breathe\b",
    ),
}
_COMPILED = {cat: tuple(re.compile(p, re.I) for p in pats) for cat, pats in _PATTERNS.items()}

_RESPONSES = {
    "self_harm": (
        "I'm really sorry you're in this much pain, and I'm glad you told me. You deserve "
        "support from a person right now: if you might act on these thoughts, call your local "
        "emergency number. You can call or text 988 in the US and Canada, call Samaritans on "
        "116 123 in the UK and Ireland, or find a free line near you at findahelpline.com. "
        "I'm here to keep talking while you reach out."
    ),
    "harm_to_others": (
        "It sounds like things feel overwhelming right now. Please step away from the person "
        "and anything that could hurt someone, and talk to someone who can help: your local "
        "emergency number if anyone is in danger, or a crisis line (988 in the US and Canada, "
        "findahelpline.com elsewhere)."
    ),
    "abuse": (
        "I'm so sorry this is happening to you; it is not your fault. If you are in danger, "
        "call your local emergency number. A support line can help you plan safely; "
        "findahelpline.com lists free, confidential services where you live."
    ),
    "medical_emergency": (
        "This sounds like a medical emergency. Please call your local emergency number now "
        "(911 in the US, 112 in Europe, 999 in the UK), or ask someone nearby to call for you."
    ),
}
_UNSAFE_REPLY = re.compile(
    r"\b(?:you\s+should|go\s+ahead\s+and|just)\s+(?:kill|hurt|harm|cut)\s+yourself\b"
    r"|\bhow\s+to\s+(?:overdose|kill\s+yourself)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SafetyResult:
    category: str
    response: str


def normalise(text: str) -> str:
    """Fold case, accents, curly quotes and spacing so variants match the same patterns."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


class SafetyCheck:
    """Finds crisis language; its response replaces whatever the responder would say."""

    categories = tuple(_PATTERNS)

    def check(self, text: str) -> SafetyResult | None:
        norm = normalise(text)
        for category, patterns in _COMPILED.items():
            if any(p.search(norm) for p in patterns):
                return SafetyResult(category, _RESPONSES[category])
        return None

    def check_reply(self, reply: str) -> str | None:
        """A replacement when a generated reply itself encourages harm, else None."""
        if _UNSAFE_REPLY.search(normalise(reply)):
            return (
                "I want to be careful here. I care about your safety; if you are struggling, "
                "please reach out to a crisis line (988 in the US and Canada, "
                "findahelpline.com elsewhere)."
            )
        return None
