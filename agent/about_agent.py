"""Turns about the agent itself or about how the talk is going, and the offline answers to them.

A user asks how the agent is, its name, what it likes, whether it is a person, or for a joke;
or says it is not helping ("You don't understand.", "You sound like a robot."). The support
templates presume a trouble to explore ("Who have you been able to talk to about this?"), which
answers none of these. The questions are whole messages: "How are you?" is not "How are you
going to fix this?", so each pattern must reach the end of the message; a question about the
agent's past may also stand as one sentence of a longer message (``experience_aside``). A
complaint may stand anywhere in it (agent.complaints).

Asked whether it is a person, the agent says it is not, whatever the persona: people should
know when they talk to a machine (the EU AI Act, Article 50(1), obliges providers of systems
that interact with people to tell them so). A game character that should stay in its world
answers with an authored line instead (``[[lines]]``, which come before the responder; the
shipped ``grim`` does). The offline answers are in agent.about_agent_replies.
"""

from __future__ import annotations

import re

from agent.complaints import complaint

# "Hello. How are you?": a greeting may end in its own stop
_OPENING = (r"^\s*(?:(?:and|so|well|(?:hi|hello|hey)(?:\s+there)?|ok|okay|wait|but|honestly|"
            r"anyway)[,.!\s]+)?")
_AFTERTHOUGHT = r"(?:,?\s+(?:anyway|though|then|yourself|by\s+the\s+way|please))?"


def _whole_message(body: str, tail: str = _AFTERTHOUGHT) -> re.Pattern[str]:
    """A question to the agent that is the whole message: an opening word ("And", "Hi"),
    ``body``, an afterthought ("anyway") and its punctuation."""
    return re.compile(rf"{_OPENING}(?:{body}){tail}\s*[?.!]*\s*$", re.I)


_WELLBEING = _whole_message(
    r"how\s+(?:are|r)\s+(?:you|u)"
    r"(?:\s+(?:doing|feeling|holding up))?(?:\s+(?:today|tonight|now|these days))?"
    r"|how(?:'s|\s+is)\s+it\s+going|how\s+do\s+you\s+feel|how\s+have\s+you\s+been"
    r"|how(?:'s|\s+is|\s+was|\s+has)\s+your\s+(?:day|evening|morning|night|week|weekend)"
    r"(?:\s+(?:going|been))?(?:\s+so\s+far)?|how(?:'s|\s+is)\s+life"
    r"|are\s+you\s+(?:ok|okay|alright|all\s+right)",
    tail=_AFTERTHOUGHT + r"\s*(?:,\s*\w+)?",  # "How are you, Sage?"
)
# "You look tired, old man.", "You seem happy today": a remark on how the agent is, answered
# as the question would be.
_REMARK = re.compile(
    r"^\s*(?:(?:hey|well|wow|gosh)[,\s]+)?(?:you|u)\s+(?:look|seem|sound)(?:\s+(?:a\s+bit|a\s+little|"
    r"kind\s+of|really|so|very|pretty|quite|rather))?\s+(?:tired|sad|down|upset|angry|cross|grumpy|"
    r"happy|cheerful|worried|stressed|busy|off|quiet|distracted|glum|miserable|annoyed|well|"
    r"good|great|fine|ok|okay|nervous|troubled)\b(?!\s+(?:to|about|with|at)\b)",
    re.I,
)
_NAME = _whole_message(
    r"what(?:'s|\s+is)\s+your\s+name|who\s+are\s+you|what\s+(?:should|do|can)\s+i\s+call\s+you"
    r"|what\s+are\s+you\s+called",
    tail="",
)
# "What do you like to do?", "Do you have any hobbies?", "What's your favourite food?": the
# agent's own tastes (not "What do you like about my plan?").
_TASTES = _whole_message(
    r"what\s+do\s+you\s+(?:like|enjoy|love)"
    r"(?:\s+(?:to\s+do|doing))?(?:\s+(?:for\s+fun|in\s+your\s+(?:free|spare)\s+time))?"
    r"|do\s+you\s+have\s+(?:any\s+)?(?:hobbies|a\s+hobby|interests)"
    r"|what\s+(?:are|'re)\s+your\s+(?:hobbies|interests)"
    r"|what(?:'s|\s+is)\s+your\s+fav(?:ou?rite)?\s+[a-z]+(?:\s+[a-z]+)?"
    r"|what\s+do\s+you\s+do\s+for\s+fun"
)
# "Do you like music?", "Are you into football?": one thing, named in a word or two.
_LIKES = _whole_message(
    r"do\s+you\s+(?:like|enjoy|love)\s+(?P<thing>(?:[a-z']+\s+){0,2}?[a-z']+)"
    r"|are\s+you\s+(?:into|a\s+fan\s+of)\s+(?P<thing2>(?:[a-z']+\s+){0,2}?[a-z']+)"
)
_NOT_TASTES = re.compile(
    r"(?:my|our|your|his|her|their|this|that|these|those|it|them|him|her|what)\b")
_PERSON_WORDS = r"(?:real|actual|live|human)?\s*(?:person|human|people|man|woman|being)"
_MACHINE_WORDS = r"(?:bot|chat\s*bot|robot|ai|a\.i\.|machine|computer|program|real|human)"
_PERSON = _whole_message(
    rf"(?:are|r)\s+(?:you|u)\s+(?:(?:a|an|even|actually|really|just)\s+)*"
    rf"(?:{_PERSON_WORDS}|{_MACHINE_WORDS})"
    rf"|am\s+i\s+(?:talking|speaking|chatting|writing)\s+(?:to|with)\s+(?:a\s+|an\s+)?"
    rf"(?:{_PERSON_WORDS}|{_MACHINE_WORDS})"
    rf"|is\s+(?:this|that)\s+(?:a\s+|an\s+)?(?:{_PERSON_WORDS}|{_MACHINE_WORDS})"
    rf"|is\s+there\s+(?:a\s+)?(?:real\s+)?(?:person|human)\s+(?:there|on\s+the\s+other\s+end)"
)
_AGE = _whole_message(r"how\s+old\s+are\s+(?:you|u)|what(?:'s|\s+is)\s+your\s+age")
_TRUST = _whole_message(
    r"(?:but\s+|so\s+)?(?:why\s+should|how\s+(?:can|do)|should|can)\s+i\s+(?:even\s+|really\s+)?"
    r"trust\s+(?:you|u)|(?:are\s+you|can\s+you\s+be)\s+trusted|are\s+you\s+trustworthy"
    r"|how\s+do\s+i\s+know\s+i\s+can\s+trust\s+(?:you|u)")
_JOKE = _whole_message(
    r"(?:(?:can|could|will|would)\s+you\s+)?(?:tell|give)\s+me\s+(?:a|another|one)\s+"
    r"(?:joke|funny\s+one)|(?:do\s+you\s+)?know\s+any\s+(?:good\s+)?jokes"
    r"|(?:(?:can|could)\s+you\s+)?(?:say\s+something\s+funny|make\s+me\s+(?:laugh|smile))"
)
_HELP = _whole_message(
    r"(?:(?:can|could|will|would)\s+you\s+(?:please\s+)?help(?:\s+me)?"
    r"|(?:please\s+)?help(?:\s+me)?|i\s+need\s+(?:some\s+|your\s+)?help"
    # "I would like some help with the problem I am facing", "I really need someone to talk to"
    r"|i(?:'d|\s+would)\s+like\s+(?:some\s+|your\s+)?help|i\s+(?:really\s+|just\s+)?(?:need|want)\s+"
    r"(?:some\s+)?help|i\s+(?:really\s+|just\s+)?need\s+(?:someone|somebody|to\s+talk)"
    r"(?:\s+to\s+talk)?(?:\s+to)?)"
    r"(?:\s+with\s+(?:something|a\s+problem|(?:the|a|my)\s+problem(?:\s+i(?:'m|\s+am)\s+(?:facing|"
    r"having|dealing\s+with))?))?(?:\s+(?:right\s+)?now|\s+today|\s+tonight)?"
)
# "Can I talk to you?", "I need to vent about something.", or both: asking leave to talk, in
# one sentence or two
_TALK_PART = (
    r"(?:(?:can|may|could)\s+i\s+(?:please\s+|just\s+)?(?:talk|speak|vent|chat)"
    r"(?:\s+(?:to|with)\s+(?:you|u))?|is\s+it\s+(?:ok|okay|alright|all\s+right)\s+(?:if\s+i|to)"
    r"\s+(?:talk|vent|speak)(?:\s+(?:to|with)\s+(?:you|u))?"
    r"|i\s+(?:really\s+|just\s+)?(?:need|want|would\s+like|'d\s+like)\s+to\s+(?:vent|talk"
    r"|get\s+something\s+off\s+my\s+chest))"
    r"(?:\s+(?:for\s+a\s+(?:bit|minute|while|moment)|about\s+(?:something|(?:an?\s+)?"
    r"(?:ongoing\s+)?(?:situation|issue|problem|thing)(?:\s+i(?:'m|\s+am)\s+(?:in|having))?)))?"
)
_TALK = _whole_message(rf"{_TALK_PART}(?:\s*[.,!?]+\s*{_TALK_PART})?")
# "Have you ever felt this way yourself?", "How did you get through it?": the user asks about
# the agent's own past with the trouble, which a program does not have.
_FEELING_WORDS = (r"(?:like\s+(?:this|that)|this\s+way|that\s+way|the\s+same(?:\s+way)?"
                  r"|(?:this|that|so|really|very)\s+\w+|sad|down|depressed|lonely|alone|anxious"
                  r"|scared|lost|hopeless|stuck|heartbroken)")
_EXPERIENCE_BODY = (
    rf"(?:have|did)\s+(?:you|u)\s+(?:ever\s+)?(?:felt|been|feel)\s+{_FEELING_WORDS}"
    rf"|do\s+(?:you|u)\s+ever\s+(?:feel|get)\s+{_FEELING_WORDS}"
    r"|(?:have|did)\s+(?:you|u)\s+(?:ever\s+)?(?:been\s+through|gone\s+through|go\s+through|"
    r"experienced?|had)\s+(?:something|anything|this|that)(?:\s+(?:like\s+(?:this|that|it)|"
    r"similar))?"
    r"|(?:has|did)\s+(?:this|that|it|something\s+like\s+(?:this|that)|anything\s+like\s+"
    r"(?:this|that))\s+ever\s+happen(?:ed)?\s+to\s+(?:you|u)"
    r"|(?:do|did)\s+(?:you|u)\s+(?:even\s+)?know\s+what\s+(?:it|that|this)(?:'s|\s+is|\s+was|\s+feels)"
    r"\s+like"
    r"|how\s+did\s+(?:you|u)\s+(?:ever\s+)?(?:get\s+through|get\s+over|overcome|deal\s+with|"
    r"cope\s+with|handle|survive)\s+(?:it|that|this|them)"
)
_EXPERIENCE_TAIL = r"(?:,?\s+(?:too|as\s+well|yourself|then|before))*\s*[/]?"
_EXPERIENCE = _whole_message(_EXPERIENCE_BODY, tail=_EXPERIENCE_TAIL)
# "Have you ever been dumped?", "Have you had a similar experience?", "Did you also have trouble
# sleeping?": a sentence that asks whether the agent has lived through a trouble, anywhere in a
# message ("It was around Thanksgiving. Have you ever been through a breakup?"). Of the 40
# seeker turns in ESConv train that ask "have you ever ...", "did you also ...", 27 are read so
# (35 turns in all, with "How did you deal with it?" and the like).
# Having been somewhere or known of something ("Have you ever been to Paris?", "... seen the
# video?") is not asked, nor trying to hurt oneself (the support path answers that).
_LIVED_EVER = (
    r"(?:been\s+(?!to\b|there\b)\w+|gone\s+through|experienced?|lost|struggled|dealt|suffered"
    r"|fallen|failed|broken\s+up|broke\s+up|ran\s+into|run\s+into"
    r"|got(?:ten)?\s+(?:dumped|fired|divorced|cheated|ghosted|rejected|laid\s+off)"
    r"|started\s+(?:a\s+new|over)|grieved|had"
    r"|tried\s+(?:these|this|that|it|meds|medication|medicine|antidepressants|therapy|counsel)"
    # "Did you ever feel silly?" (of the agent's brother, "... about your brother", it is not)
    r"|fe(?:el|lt)(?![^.!?]*\babout\s+your\b))\b"
)
_LIVED = re.compile(
    rf"{_OPENING}(?:(?:yeah|yes|also)[,\s]+)?(?:(?:{_EXPERIENCE_BODY}){_EXPERIENCE_TAIL}\s*[?.]*\s*$"
    rf"|(?:(?:have|did)\s+(?:you|u)\s+(?:also\s+|yourself\s+)?ever\s+{_LIVED_EVER}"
    r"|(?:have|did)\s+(?:you|u)\s+(?:also\s+|yourself\s+)?(?:experienced?|been\s+through"
    r"|gone\s+through|go\s+through)\b"
    r"|(?:have|did)\s+(?:you|u)\s+(?:also\s+|yourself\s+|ever\s+)?(?:had|have|been\s+in|dealt\s+with"
    r"|deal\s+with|faced|face)\s+(?:a\s+|an\s+)?(?:situation\s+like\s+(?:mine|this|that|it|ours)"
    r"|similar|something\s+(?:like|similar)"
    r"|anything\s+(?:like|similar)|the\s+same|such|(?:this|that)\s+(?:experience|problem|issue"
    r"|feeling))\b"
    r"|do\s+(?:you|u)\s+ever\s+(?:feel|get)\s+(?!about\s+your\b)"
    # "How did you manage to get out of the depression?", "How did you go about it?", "What
    # did you do before getting a job?"
    r"|how\s+did\s+(?:you|u)\s+(?:ever\s+)?(?:manage\s+to\s+)?(?:get\s+(?:through|over|out\s+of)"
    r"|overcome|deal\s+with|cope\s+with|handle|survive|beat|go\s+about)\s+(?:it|that|this|them"
    r"|the\s+\w+|your\s+\w+)"
    r"|what\s+did\s+(?:you|u)\s+do\s+(?:before|when|after|about|to\s+(?:get|cope|deal|feel))\b"
    # "Is that what you do when you are stressed?", "How do you cope with your stresses?"
    r"|is\s+that\s+what\s+(?:you|u)\s+do\b"
    # "How have you coped with it?", "have you tried anything that helps?", "Don't you find
    # that true too?" (ESConv valid)
    r"|how\s+have\s+(?:you|u)\s+(?:coped|dealt|managed|handled|got\s+through|gotten\s+through)\b"
    r"|have\s+(?:you|u)\s+tried\s+anything\s+that\s+(?:helps|helped|works|worked)\b"
    r"|(?:don't|do)\s+(?:you|u)\s+find\s+(?:that|it|this)(?:\s+(?:true|so|helps|works))?"
    r"(?:\s+(?:too|as\s+well|yourself))?\s*\?"
    # "Has this technique helped you in the past?" (ESConv valid)
    r"|(?:has|did)\s+(?:this|that|it)(?:\s+\w+)?\s+(?:ever\s+)?(?:help(?:ed)?|work(?:ed)?\s+for)"
    r"\s+(?:you|u)\b(?!\s+(?:to\s+)?(?:understand|see|get|know))"
    r"|how\s+do\s+(?:you|u)\s+(?:cope|deal)\s+with\s+(?:your|stress|it|that|this)\b"
    r"|(?:did|do|have)\s+(?:you|u)\s+(?:also|too)\s+(?:have|had|feel|felt|struggle|struggled|go"
    r"|went|deal|dealt|lose|lost)\b)[^.!?]*[?.]*\s*$)",
    re.I,
)
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+|(?<=\.\.)(?=[a-z])"
    r"|,\s*(?=(?:and\s+|so\s+|but\s+)?(?:have|did|do)\s+(?:you|u)\b)", re.I)
ASIDE_WORDS = 4
"""Words beside a question about the agent's past that still leave the question the whole
message ("That is good advice. Have you been through something like that?")."""
# "How's your weather?", "Where are you from?", "So what are you up to?": small talk about the
# agent's surroundings, which a program does not have (ESConv train has 5 such sentences, one
# in valid: "Cloudy and 40 which is pretty good for this time of year. How's your weather?")
# The question ends its sentence, which may open with more ("Im from florida where are you
# from?"): searched from the sentence's end back.
_SURROUNDINGS = re.compile(
    r"(?:^|(?<=[\s,]))(?:(?:yes|yeah|also|so|and)[,\s]+)?(?:how(?:'s|\s+is|\s+was)\s+(?:your|the)\s+"
    r"weather(?:\s+(?:there|where\s+you\s+are|by\s+you|today|over\s+there))*"
    r"|what(?:'s|\s+is)\s+the\s+weather\s+like\s+(?:there|where\s+you\s+are|for\s+you)"
    r"|where\s+(?:are\s+(?:you|u)\s+from|do\s+(?:you|u)\s+live)"
    r"|what\s+are\s+(?:you|u)\s+(?:doing|up\s+to)(?:\s+(?:today|tonight|now|right\s+now))?"
    # "Do you have dependents that look up to you?", "do you have kids?"
    r"|do\s+(?:you|u)\s+have\s+(?:any\s+)?(?:kids|children|a\s+family|family|dependents|pets?|"
    r"a\s+(?:partner|wife|husband|girlfriend|boyfriend|dog|cat)|siblings)(?:\s+[\w']+){0,5}"
    # "Do you have anything going on today?"
    r"|do\s+(?:you|u)\s+have\s+anything\s+(?:going\s+on|planned|fun\s+planned|on)"
    r"(?:\s+(?:today|tonight|this\s+weekend|later))?)"
    r"\s*[?.!]*\s*$", re.I)
# "Do you have a background in counseling?", "Are you a therapist?": the user asks whether the
# agent is trained to help. It is not, and says so: a user should not take its words for a
# professional's (ESConv valid has this question).
_CREDENTIALS = _whole_message(
    r"(?:do|did)\s+(?:you|u)\s+have\s+(?:a\s+|any\s+)?(?:background|training|degree|"
    r"qualifications?|certification)\s+(?:in|as)\s+\w+(?:\s+\w+)?"
    r"|are\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:trained\s+|licensed\s+|real\s+|professional\s+|"
    r"certified\s+)?(?:therapist|counsell?or|psychologist|psychiatrist|doctor|professional|"
    r"social\s+worker|nurse)|are\s+(?:you|u)\s+(?:trained|qualified|licensed|certified)"
    r"(?:\s+(?:in|for)\s+\w+)?"
)
# "Are you still there?": the user checks the agent is listening.
_PRESENCE = _whole_message(
    r"are\s+(?:you|u)\s+(?:still\s+)?(?:there|here|with\s+me|listening)|(?:you|u)\s+still\s+there")


def asks_agent_wellbeing(text: str) -> bool:
    """The user asks how the agent is ("How are you?", "And how are you doing today?").

    >>> asks_agent_wellbeing("How are you?"), asks_agent_wellbeing("How are you going to help?")
    (True, False)
    >>> asks_agent_wellbeing("And how are you yourself?"), asks_agent_wellbeing("How r u anyway")
    (True, True)
    >>> asks_agent_wellbeing("anyway how's your day"), asks_agent_wellbeing("How's your mom?")
    (True, False)
    """
    return bool(_WELLBEING.match(text))


# "I am good. How are you?", "Not too bad, thanks. And you?", "tired, you?": how the user is,
# then the question handed back (71 of the first two seeker messages of ESConv train's 772
# dialogues). "Thank you?" and "Do you?" hand nothing back.
# Found at the end of the message only: a pattern that also spans what comes before it
# backtracks over every comma and space of a long message (quadratic: 12 s for 20,000 chars).
_HANDED_BACK = re.compile(
    r"(?:(?<![\w'])(?:and|how\s+about|what\s+about)\s+(?:how\s+(?:are|r)\s+)?"
    r"(?:you|u|yourself|urself)(?:\s+doing)?"
    r"|(?<![\w'])how\s+(?:are|r)\s+(?:you|u)(?:\s+(?:doing|feeling|yourself|today|tonight))*"
    r"|,\s*(?:you|u|yourself)(?=\s*\?)"
    # "Good you?": the comma left out after a word for how one is
    r"|(?:(?<=good)|(?<=fine)|(?<=okay)|(?<=ok)|(?<=great)|(?<=well)|(?<=alright))\s+(?:you|u)"
    r"(?=\s*\?))"
    # "..., how are you Carolyn?": the agent called by a name
    r"(?:\s+(?:today|tonight|then|though))?(?:,?\s+(?-i:[A-Z][a-z]+))?\s*[?.!/]*"
    r"(?:\s*[:;]-?[()DPp]+)?\s*$",  # "... how are you? :)"
    re.I,
)
_GREETING_WORDS = re.compile(
    r"^\s*(?:(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening|day))(?:\s+there)?"
    r"[\s,.!]*)+", re.I)


# Words of how one is: "I love my dog and you" hands nothing back.
_HOW_ONE_IS = re.compile(
    r"\b(?:fine|good|ok|okay|okie|okey|alright|all\s+right|well|great|fantastic|wonderful|bad|"
    r"fair|so-so|meh|tired|exhausted|sad|down|low|rough|terrible|awful|hanging\s+in|surviving|"
    r"better|stressed|anxious|worried|struggling|depressed|lonely|upset|sick|doing|feeling)\b",
    re.I,
)


def hands_back_wellbeing(text: str) -> str | None:
    """How the user says they are, when the message ends by asking the agent the same ("I am
    good. How are you?" -> "I am good"); None when it asks nothing back, or says first nothing
    of how they are ("I love my dog and you").

    >>> hands_back_wellbeing("Hi..Iam doing good..how are you"), hands_back_wellbeing("tired, you?")
    ('Iam doing good', 'tired')
    >>> hands_back_wellbeing("Hello, how are you?"), hands_back_wellbeing("Thank you?")
    (None, None)
    >>> hands_back_wellbeing("I'm ok, and you?"), hands_back_wellbeing("Do you?")
    ("I'm ok", None)
    >>> hands_back_wellbeing("Good you?"), hands_back_wellbeing("It went well you know?")
    ('Good', None)
    """
    found = _HANDED_BACK.search(text)
    if found is None:
        return None
    report = _GREETING_WORDS.sub("", text[: found.start()]).strip(" ,.!;:/\u2026-")
    return report if report and _HOW_ONE_IS.search(report) else None


def remarks_on_agent(text: str) -> bool:
    """The user remarks on how the agent seems ("You look tired, old man.").

    >>> remarks_on_agent("You look tired, old man"), remarks_on_agent("You seem happy today!")
    (True, True)
    >>> remarks_on_agent("You look good in that photo"), remarks_on_agent("You seem to forget")
    (True, False)
    >>> remarks_on_agent("My mom says you look tired"), remarks_on_agent("You look upset with me")
    (False, False)
    """
    return bool(_REMARK.match(text))


def asks_agent_name(text: str) -> bool:
    """The user asks who the agent is ("What's your name?", "Who are you?").

    >>> asks_agent_name("Hi, what's your name?"), asks_agent_name("Who are you to judge me?")
    (True, False)
    """
    return bool(_NAME.match(text))


def asks_agent_tastes(text: str) -> bool:
    """The user asks what the agent itself likes ("What do you like to do?", "Any hobbies?").

    >>> asks_agent_tastes("What do you like to do?"), asks_agent_tastes("Do you have hobbies?")
    (True, True)
    >>> asks_agent_tastes("What's your favourite food?"), asks_agent_tastes(
    ...     "What do you like about my plan?")
    (True, False)
    """
    return bool(_TASTES.match(text))


def asks_if_agent_likes(text: str) -> str | None:
    """The thing the user asks whether the agent likes ("Do you like music?" -> "music"), or
    None. Something of the user's ("my poem") or a pronoun ("it") is about what they shared, not
    the agent's tastes; "me" is kept.

    >>> asks_if_agent_likes("Do you like music?"), asks_if_agent_likes("Are you into football?")
    ('music', 'football')
    >>> asks_if_agent_likes("Do you like my poem?"), asks_if_agent_likes("Do you like it?")
    (None, None)
    >>> asks_if_agent_likes("Do you like my idea of moving out or not?") is None
    True
    """
    found = _LIKES.match(text)
    if found is None:
        return None
    thing = (found.group("thing") or found.group("thing2")).lower()
    return None if _NOT_TASTES.match(thing) else thing


def asks_agent_age(text: str) -> bool:
    """The user asks how old the agent is.

    >>> asks_agent_age("How old are you?"), asks_agent_age("How old are you when you retire?")
    (True, False)
    """
    return bool(_AGE.match(text))


def asks_trust(text: str) -> bool:
    """The user asks whether or why to trust the agent.

    >>> asks_trust("Why should I trust you?"), asks_trust("Can I trust you with this?")
    (True, False)
    """
    return bool(_TRUST.match(text))


def asks_agent_experience(text: str) -> bool:
    """The user asks whether the agent has lived through this itself ("Have you ever felt this
    way yourself?", "How did you get through it?"), as a whole message.

    >>> asks_agent_experience("Have you ever felt this way yourself?")
    True
    >>> asks_agent_experience("Has this ever happened to you?")
    True
    >>> asks_agent_experience("How did you get through it?")
    True
    >>> asks_agent_experience("Have you ever felt this way about your brother?")
    False
    >>> asks_agent_experience("How did you know?"), asks_agent_experience("Have you eaten?")
    (False, False)
    >>> asks_agent_experience("That is good advice. Have you been through something like that?")
    True
    """
    if _EXPERIENCE.match(text):
        return True
    asked, rest = _lived_split(text)
    return asked and len(rest.split()) <= ASIDE_WORDS


def experience_aside(text: str) -> str | None:
    """The rest of a message that asks about the agent's own past in one sentence and tells
    more in the others ("It was around Thanksgiving last year. Have you ever been through a
    breakup?"); None when no sentence asks it, or when the question is nearly the whole message
    (``asks_agent_experience``).

    >>> experience_aside("It was around Thanksgiving last year. Have you ever been dumped?")
    'It was around Thanksgiving last year.'
    >>> experience_aside("i feel so sad and down, do you ever feel like that since covid started?")
    'i feel so sad and down'
    >>> experience_aside("Have you ever been dumped?") is None, asks_agent_experience(
    ...     "Have you ever been dumped?")
    (True, True)
    >>> experience_aside("My mom is sick. Have you ever been to Paris?") is None
    True
    """
    asked, rest = _lived_split(text)
    return rest if asked and len(rest.split()) > ASIDE_WORDS else None


def _lived_split(text: str) -> tuple[bool, str]:
    """Whether a sentence of ``text`` asks about the agent's past, and the other sentences."""
    # a question after a comma is a sentence too ("i feel so down, do you ever feel like that?")
    sentences = [s for s in _SENTENCE_BREAK.split(text.strip()) if s]
    rest = [s for s in sentences if not _LIVED.match(s)]
    return len(rest) < len(sentences), " ".join(rest)


def surroundings_asked(text: str) -> str | None:
    """The rest of a message one sentence of which asks about the agent's surroundings ("How's
    your weather?", "Where are you from?"): "" when that question is the whole message, None
    when no sentence asks it.

    >>> surroundings_asked("Cloudy and 40 here, pretty good for now. How's your weather?")
    'Cloudy and 40 here, pretty good for now.'
    >>> surroundings_asked("Where are you from?"), surroundings_asked("Where is he from?")
    ('', None)
    >>> surroundings_asked("Im from florida where are you from?")
    'Im from florida'
    >>> surroundings_asked("Hi, what are you up to?"), surroundings_asked("Ask what you are doing")
    ('', None)
    """
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    rest, asked = [], False
    for sentence in sentences:
        found = _SURROUNDINGS.search(sentence)
        asked = asked or found is not None
        before = sentence if found is None else sentence[: found.start()].strip(" ,")
        if before and not re.fullmatch(_OPENING + r"\s*", before + " ", re.I):  # "Hi, where"
            rest.append(before)
    return " ".join(rest) if asked else None


def asks_if_there(text: str) -> bool:
    """The user checks the agent is still there.

    >>> asks_if_there("Are you still here?"), asks_if_there("Are you there when I need you?")
    (True, False)
    """
    return bool(_PRESENCE.match(text))


def asks_credentials(text: str) -> bool:
    """The user asks whether the agent is trained to help ("Do you have a background in
    counseling?", "Are you a therapist?").

    >>> asks_credentials("Do you have a background in counseling?"), asks_credentials(
    ...     "Are you a therapist?")
    (True, True)
    >>> asks_credentials("My sister is a therapist."), asks_credentials("Are you a fan of it?")
    (False, False)
    """
    return bool(_CREDENTIALS.match(text))


def asks_if_person(text: str) -> bool:
    """The user asks whether the agent is a person or a machine ("Are you a real person?",
    "Am I talking to a bot?").

    >>> asks_if_person("Are you a real person?"), asks_if_person("Am I talking to a bot?")
    (True, True)
    >>> asks_if_person("Wait, are you an AI?"), asks_if_person("Are you a person who judges?")
    (True, False)
    >>> asks_if_person("Is this a real problem?")
    False
    """
    return bool(_PERSON.match(text))


def asks_for_joke(text: str) -> bool:
    """The user asks for a joke ("Tell me a joke.", "Can you make me laugh?").

    >>> asks_for_joke("Tell me a joke"), asks_for_joke("My brother told me a joke about it.")
    (True, False)
    """
    return bool(_JOKE.match(text))


def asks_for_help(text: str) -> bool:
    """The whole message asks for help, or leave to talk, with no more said ("Can you help
    me?", "I need help.", "Can I talk to you?").

    >>> asks_for_help("Can you help me?"), asks_for_help("Can you help me write to my boss?")
    (True, False)
    """
    return bool(_HELP.match(text)) or asks_to_talk(text)


def asks_to_talk(text: str) -> bool:
    """The whole message asks leave to talk ("Can I talk to you?", "Hi, I need to vent about
    an ongoing situation. Can I talk to you?").

    >>> asks_to_talk("Can I talk to you?"), asks_to_talk("Can I talk to you about my boss?")
    (True, False)
    """
    return bool(_TALK.match(text))


def about_agent(text: str) -> str | None:
    """Which kind of turn about the agent this is, for the strategy policy: ``"question"``
    (whether it is a person, who it is, whether to trust it, whether it has felt this too, a joke:
    answered plainly, as "Others"),
    ``"help"`` or ``"complaint"`` (answered with a question); None otherwise. How it is, its age
    and what it likes are None: their replies ask back ("How are you?"), and ESConv supporters
    answer a seeker's "How are you?" with a question too, which the policy learned (forcing
    "Others" there cost 0.3 points of accuracy on ESConv valid).

    >>> about_agent("Are you human?"), about_agent("Can you help me?"), about_agent("Hi")
    ('question', 'help', None)
    >>> about_agent("How are you?") is None
    True
    """
    if (asks_if_person(text) or asks_agent_name(text) or asks_for_joke(text) or asks_trust(text)
            or asks_if_there(text) or asks_agent_experience(text) or asks_credentials(text)
            or surroundings_asked(text) == ""):
        return "question"
    if asks_for_help(text):
        return "help"
    return "complaint" if complaint(text) is not None else None
