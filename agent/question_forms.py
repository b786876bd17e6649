"""The shape of a question put to the agent as the whole message: an opening word ("And",
"Hi"), the question, an afterthought ("anyway") and its punctuation. Shared by
agent.about_agent and agent.agent_past.
"""

from __future__ import annotations

import re

# "Hello. How are you?": a greeting may end in its own stop
OPENING = (r"^\s*(?:(?:and|so|well|(?:hi|hello|hey)(?:\s+there)?|ok|okay|wait|but|honestly|"
           r"anyway)[,.!\s]+)?")
AFTERTHOUGHT = r"(?:,?\s+(?:anyway|though|then|yourself|by\s+the\s+way|please))?"


def whole_message(body: str, tail: str = AFTERTHOUGHT) -> re.Pattern[str]:
    """A question to the agent that is the whole message: an opening word ("And", "Hi"),
    ``body``, an afterthought ("anyway") and its punctuation."""
    return re.compile(rf"{OPENING}(?:{body}){tail}\s*[?.!]*\s*$", re.I)
