"""Conversational acts the agent answers in kind: a bare greeting, a farewell, thanks or praise
of the agent, a request for advice, a question whether a feeling is normal, running oneself down,
an insult to the agent, declining to talk (the user's own steps are in agent.user_steps).

ESConv supporters answer a seeker's farewell with "Others" (closing words) 66% of the time,
thanks with "Others" 46% of the time (18% overall), a bare greeting with a question 69% of the
time and a request for advice with suggestions 33% of the time, twice their base rate (train
split, the supporter's first turn after the seeker's). The trained policy learned these from
long ESConv dialogues and can miss them in a short chat, and the offline responder's strategy
templates cannot say goodbye, so both read the act here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.question_forms import HELLO
from agent.responder_cues import THANKED_FOR_HELP
from agent.troubles import says_unwell, tells_trouble

# "Good day" (ESConv valid got "What made you think of that?"); "good day at work" tells one
_GREETING = re.compile(rf"^\s*(?:{HELLO}|good (?:morning|afternoon|evening)"
                       r"|good\s?day(?=\s*(?:to\s+you\s*)?[.!,]*\s*$))\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|my|me|we|our)\b", re.I)
# Leave-taking words count where a farewell stands: opening the message or a sentence, or after
# "okay", "thanks" and the like ("Okay, bye!", "Thanks, take care."). Talk about a goodbye ("I
# didn't get to say goodbye", "a sad goodbye") is not one. "Take care" and "have to go" also
# have other uses ("I take care of my mother", "I have to go to the hospital"), so they count
# only at the very end.
# ("you too take care.", ESConv valid, unpunctuated)
_WHERE = (r"(?:^\s*|[,.!;]\s*|\b(?:okay|ok|alright|well|thanks|thank you|so|and|now|you too|"
          r"u too)\s+)")
_FAREWELL = re.compile(
    # ("see you do it too!!!!!", ESConv train, is no goodbye: a verb follows)
    # ("Hope so. Byee take care", ESConv train, drawn out)
    # ("... I hope you have a great night, seeya!", ESConv train: "That's good to hear")
    rf"{_WHERE}(?:bye+|goodbye+|good ?night|night night|seeya|see (?:you|ya)(?!\s+(?:do|did|does|"
    r"are|were|have|had|get|got|can|could|know|think|feel|like|say|said|want|need|understand|agree)"
    r"\b)"
    # ("Well I'll talk to you some other time to give an update", ESConv train)
    r"|talk (?:to you )?(?:later|soon|some\s*other\s+time|another\s+time)|ttyl|cya)\b"
    r"|\b(?:i'?ll|i\s+will|we'?ll|we\s+will)\s+talk\s+(?:to\s+you\s+)?(?:later|soon|tomorrow|"
    r"some\s*other\s+time|another\s+time)\b"
    # "It was nice chatting with you. Hope your day is great" (ESConv train: "How wonderful!")
    r"|\bhope\s+your\s+(?:day|evening|night|weekend)\s+(?:is|goes|will\s+be|has\s+been)\s+"
    r"(?:\w+\s+)?(?:great|good|well|nice|wonderful|fine|lovely|amazing|awesome)\b"
    # "I am going to go now." (ESConv train, had got "Thank you for trusting me with it.")
    # "Have a great day and I might be back soon to give an update." (ESConv train: "That's good
    # to hear; enjoy it.")
    r"|\b(?:i\s+)?(?:might|may|will|'ll)\s+(?:be|come|check)\s+back(?:\s+(?:soon|later|tomorrow|"
    r"sometime|another\s+time))?(?:\s+to\s+(?:give|tell|let)\b[^.!?]{0,40})?[\s.!]*$"
    r"|\b(?:i'?m|i\s+am|im)\s+(?:going\s+to|gonna)\s+(?:go|head\s+out|log\s+off|sign\s+off)"
    r"(?:\s+now)?[\s.!]*$"
    # "I hope we can chat again some day!"
    # ("Happy to chat with you again in future", ESConv train)
    r"|\b(?:hope|happy|glad)\s+(?:we\s+(?:can\s+|get\s+to\s+)?|to\s+)(?:chat|talk|speak)\s+"
    r"(?:(?:with|to)\s+(?:you|u)\s+)?(?:again|soon)\b"
    # "God bless you!!" as the whole message (ESConv train got "How wonderful!")
    r"|^\W*(?:and\s+)?(?:may\s+)?god\s+bless(?:\s+(?:you|u))?(?:\s+(?:all|too|and\s+your\s+family))?"
    r"[\s.!]*$"
    # ("Take care too and please keep safe.", ESConv valid, got "Thank you for sharing this")
    rf"|{_WHERE}(?:please\s+)?take care(?: of yourself)?(?: too| as well)?(?: now)?"
    r"(?:,?\s+and\s+(?:please\s+)?(?:keep|stay|be)\s+safe(?:\s+too)?)?[\s.!]*$"
    # "Please take care and stay safe!", "thanks for your advice. y'all stay safe" (not "... go
    # out as little as possible and stay safe.")
    r"|(?:^\s*|[,.!;]\s*|\b(?:y'all|you)\s+)(?:please\s+)?(?:take\s+care(?:\s+and|,)?\s+)?"
    r"(?:stay|be|keep)\s+safe(?:\s+(?:out\s+there|too|as\s+well|also))?[\s.!]*$"
    rf"|(?:{_WHERE}|\bi\s+)(?:have to|got to|gotta|should|need to|must) go(?: now)?[\s.!]*$"
    # "I have to go now. Thank you for chatting with me!" (ESConv valid)
    r"|\bi\s+(?:have to|got to|gotta|need to|must) go(?: now)?\s*[.!]+\s"
    # a wish for the rest of the day, at the end ("God bless you, have a good day"), "you too!"
    # as a whole message, or asking to end the chat
    r"|\benjoy\s+the\s+rest\s+of\s+(?:your|the)\s+(?:day|evening|night|weekend|week)[\s.!]*$"
    # "thank you i think im done for now" (ESConv valid)
    r"|\b(?:i'?m|im|i\s+am)\s+(?:all\s+)?done\s+for\s+(?:now|today|tonight|the\s+day)[\s.!]*$"
    # "Going to sign out now." (ESConv train), "signing off", "I'll log off"
    r"|\b(?:going\s+to|gonna|gotta|have\s+to|need\s+to|will|i'?ll|time\s+to)\s+(?:sign|log)\s+"
    r"(?:out|off)(?:\s+now)?[\s.!]*$|(?:^\s*|[,.!;]\s*)(?:i'?m\s+|i\s+am\s+)?(?:signing|logging)\s+off\b"
    # "Please enjoy your day" (ESConv valid), "enjoy your evening same to you" (ESConv train,
    # had got a money step)
    r"|\benjoy\s+your\s+(?:day|evening|night|weekend|holidays?)(?:[\s.!,]+(?:and\s+)?(?:same\s+to\s+"
    r"(?:you|u)|(?:you|u)\s+too))?[\s.!]*$"
    r"|\b(?:have|enjoy)\s+(?:a|an|the|your)\s+(?:very\s+|really\s+)?(?:good|great|nice|lovely|"
    r"wonderful|blessed|awesome|amazing|fantastic|beautiful|peaceful|relaxing|restful)\s+"
    # "Have a lovely afternoon!" (ESConv train got "How wonderful! That's good to hear")
    r"(?:day|evening|night|weekend|afternoon|morning|week|holiday|holidays|one|rest\s+of\s+"
    # ("Have a great night wise one.", ESConv train: "That's wonderful!")
    # ("Have a nice rest of day.", "sure have a good night then and best of luck to you", ESConv
    # train: "You're welcome", "That's good to hear; enjoy it.")
    r"(?:(?:the|your)\s+)?day)(?:\s+too)?(?:\s+then)?(?:,?\s+(?:wise\s+one|my\s+friend|friend|buddy"
    r"|dear|mate))?(?:,?\s+and\s+(?:the\s+)?best\s+of\s+luck(?:\s+to\s+(?:you|u))?)?"
    # ("Have a wonderful day goodbye", ESConv train: "That's wonderful! I'm glad to hear it")
    r"(?:[,.!\s]+(?:good)?bye+)?"
    r"[\s.!]*$|^\s*(?:and\s+)?(?:you|u)\s+too(?:\s+as\s+well)?(?:[\s,]+(?-i:[A-Z][a-z]+))?"
    r"[\s.!]*$"
    r"|(?:^\s*|[,.!;]\s*)(?:and\s+)?(?:the\s+)?(?:best\s+of\s+luck|good\s+luck)\s+to\s+(?:you"
    r"|u)(?:\s+too)?[\s.!]*$"
    # at the very end, whatever stands before it: "... future endeavours Bye then ; )", "thanks
    # for your input! nity nite"; not a goodbye told of ("I didn't get to say bye")
    r"|(?<!say\s)(?<!said\s)(?<!saying\s)(?<!to\s)\b(?:bye(?:\s+(?:then|now|for\s+now))?|nite"
    r"|nighty?\s+night)[\s.!;:)(]*$"
    r"|\b(?:have|wish\s+you)\s+a\s+(?:merry\s+christmas|happy\s+(?:new\s+year|holidays?|"
    r"easter|thanksgiving|birthday|eid|diwali|hanukkah))\b"
    # ("Before we end the conversation, I'd love hearing a few of those suggestions", ESConv
    # valid, asks for more before the end)
    r"|(?<!\bbefore\swe\s)(?<!\bbefore\si\s)(?<!\bbefore\syou\s)"
    r"\b(?:close|end|finish)\s+(?:the|this|our)\s+(?:conversation|chat)\b"
    # "I guess we can wrap up since it's over 15 mins" (ESConv valid), "let's wrap this up"
    r"|\b(?:we\s+can|we\s+could|let'?s|let\s+us|time\s+to|i\s+(?:should|need\s+to|have\s+to))\s+"
    r"wrap\s+(?:(?:this|it|things)\s+)?up\b"
    # "I'm going to go ahead and wrap up the conversation." (ESConv train)
    r"|\bwrap\s+up\s+(?:the|this|our)\s+(?:conversation|chat|session)\b"
    # "... Can I take a leave. Thank you for your help." (ESConv valid)
    r"|\b(?:can|may)\s+i\s+(?:take\s+(?:a\s+)?leave|leave\s+now|go\s+now)\b(?!\s+(?:from|of)\b)"
    # "i don't have anything else , please finish" (ESConv valid); "that's all for now",
    # "nothing more to add" (not "I don't have anything else", said of what was lost)
    r"|(?:^\s*|[,.!;]\s*)(?:please\s+|we\s+can\s+|you\s+can\s+)?(?:finish|end)(?:\s+(?:now|here|"
    r"(?:the|this|our)\s+(?:chat|conversation|session)))?[\s.!]*$"
    r"|\b(?:(?:i\s+)?(?:don'?t|do\s+not)\s+have\s+anything|(?:i\s+have\s+|there(?:'s|\s+is)\s+)?"
    r"nothing)\s+(?:else|more)\s+to\s+(?:say|add|talk\s+about|share)(?:\s+(?:today|now|for\s+now))?"
    r"[\s.!]*$"
    r"|^\W*(?:ok(?:ay)?[,\s]+)?(?:that(?:'s|\s+is)|thats)\s+(?:all|it)\s+(?:for\s+(?:now|today)|"
    r"i\s+(?:have|had|wanted\s+to\s+say))[\s.!]*$",
    re.I,
)
# ":)", ";-)", ":D" closing a message: the words before them end it. Bounded, so that a long
# run of them that does not end the message is not rescanned from every start (quadratic).
_EMOTICON_AT_END = re.compile(r"(?:\s*[:;]-?[()DPp]{1,3}){1,5}\s*$")
SHORT_WORDS = 6
"""Thanks in at most this many words are answered as thanks, not as news."""


# A wish for the season ("Merry Christmas!", "and happy holidays!"): ESConv's seekers send 33,
# most as they leave, some as they arrive.
_SEASON = (r"(?:merry\s+(?:christmas|xmas)|happy\s+(?:holidays|new\s+year|thanksgiving|easter|"
           r"hanukkah|diwali|eid)|season'?s\s+greetings|eid\s+mubarak)")
_SEASONAL = re.compile(
    rf"^\W*(?:(?:oh|and|you\s+too|same\s+to\s+you|also)[,.!\s]+)*(?:a\s+)?{_SEASON}"
    r"(?:\s+to\s+(?:you|u)(?:\s+(?:too|and\s+your\s+family))?)?[\s.!:)D]*$",
    re.I,
)
_SEASON_AT_END = re.compile(rf"[.!]\s+(?:and\s+)?(?:a\s+)?{_SEASON}(?:\s+to\s+you)?[\s.!]*$",
                            re.I)


def seasonal_wish(text: str) -> bool:
    """The message is a wish for the season ("Merry Christmas!", "Oh and a happy new year").

    >>> seasonal_wish("Merry Christmas!"), seasonal_wish("You too Merry Christmas")
    (True, True)
    >>> seasonal_wish("Christmas is hard since my mom died.")
    False
    """
    return _SEASONAL.match(text) is not None


SEASON_OPENING_TURNS = 3
"""A wish for the season within this many user messages, and before any trouble is told, opens
the talk; later it closes it."""


def seasonal_goodbye(text: str, earlier: Sequence[str]) -> bool:
    """A wish for the season that says goodbye: closing a message ("I feel a lot better now.
    Merry Christmas!"), or the whole message once the talk is under way (``earlier``: the
    user's previous messages).

    >>> seasonal_goodbye("I feel a lot better now. Merry Christmas!", [])
    True
    >>> seasonal_goodbye("Merry Christmas!", ["Hi"]), seasonal_goodbye("Merry Christmas!",
    ...                                                                 ["My dog died."])
    (False, True)
    """
    return _SEASON_AT_END.search(text) is not None or (
        seasonal_wish(text) and (len(earlier) >= SEASON_OPENING_TURNS
                                 or any(tells_trouble(t) for t in earlier)))


# A greeting's wishes, which tell nothing of the speaker: "Hi pleased to meet you and hope
# you're doing well" (ESConv train, too long for a greeting: "How wonderful! Who have you told
# so far?"). Stripped only from a greeting's first characters; from the first of a run of
# spaces only (possessive), or a long run would be rescanned from each of its spaces.
_WELL_WISHES = re.compile(
    r"(?<![,.!\s])[,.!\s]*+(?:and\s+)?(?:(?:it'?s\s+)?(?:nice|pleased|glad|good"
    r"|great)\s+to\s+meet\s+(?:you|u)(?:\s+too)?|(?:i\s+)?hope\s+(?:you'?re|you\s+are|u\s+r"
    r"|ur)\s+(?:doing\s+)?(?:well|good|fine|ok(?:ay)?|great)(?:\s+today)?|(?:i\s+)?hope\s+(?:your"
    r"|ur)\s+day\s+is\s+going\s+well)"
    r"(?=[\s,.!]|$)", re.I)
_WISHES_WITHIN = 120
"""Characters of a greeting its wishes are stripped from."""


def is_greeting(text: str) -> bool:
    """A message that only greets ("Hi.", "Hello there!", "Hey, how are you?"), nothing about
    the speaker yet.

    >>> is_greeting("Hi there!"), is_greeting("Hi, I lost my job.")
    (True, False)
    >>> is_greeting("hey thanks that really helps")
    False
    >>> is_greeting("hi feeling little depressed"), is_greeting("hello, not good")
    (False, False)
    >>> is_greeting("hello, thanks for reaching out to me")
    True
    >>> is_greeting("Hi pleased to meet you and hope you're doing well")
    True
    >>> is_greeting("Hi, nice to meet you. I hope you're doing well, my dad died.")
    False
    """
    if len(text) <= _WISHES_WITHIN and _GREETING.match(text):
        text = _WELL_WISHES.sub("", text)
    # "hello, thanks for reaching out to me" (ESConv valid) thanks for the greeting itself
    opening_thanks = re.search(r"\bthanks?(?:\s+you)?\s+for\s+(?:reaching\s+out|having\s+me|"
                               r"being\s+here|taking\s+the\s+time)(?:\s+to\s+me)?\W*$", text, re.I)
    if (not _GREETING.match(text) or len(text.split()) > (8 if opening_thanks else 5)
            or (thanks(text) and not opening_thanks)):
        return False
    rest = _GREETING.sub("", text[: opening_thanks.start()] if opening_thanks else text
                         ).lstrip(" ,.!-")
    # "hi feeling little depressed" tells how they are: the story is asked for, not the mood
    return not (_FIRST_PERSON.search(rest) or tells_trouble(rest) or says_unwell(rest))


def is_farewell(text: str) -> bool:
    """A message that takes leave ("Bye for now.", "Thanks, talk later!", "I have to go now").

    >>> is_farewell("Bye for now."), is_farewell("I have to go to the hospital tomorrow.")
    (True, False)
    >>> is_farewell("Okay, bye!"), is_farewell("I didn't get to say goodbye.")
    (True, False)
    >>> is_farewell("Goodnight"), is_farewell("I had a good night's sleep.")
    (True, False)
    >>> is_farewell("God bless you, have a good day"), is_farewell("You too!")
    (True, True)
    >>> is_farewell("I hope to have a good day at the beach."), is_farewell("I miss you too")
    (False, False)
    >>> is_farewell("Likewise! Take care! :)")
    True
    >>> is_farewell("see you do it too!!!!! just food."), is_farewell("Ok, see you tomorrow!")
    (False, True)
    >>> is_farewell("I think so. I am going to go now."), is_farewell("I'm going to go to the gym")
    (True, False)
    >>> is_farewell("Have a great night wise one."), is_farewell(
    ...     "Happy to chat with you again in future")
    (True, True)
    >>> is_farewell("It was nice chatting. Hope your day is great"), is_farewell(
    ...     "Well I'll talk to you some other time to give an update")
    (True, True)
    >>> is_farewell("I feel a lot better I hope you have an awesome day!")
    True
    >>> is_farewell("I hope you have a great night, seeya!"), is_farewell("seeya")
    (True, True)
    >>> is_farewell("sure have a good night then and best of luck to you"), is_farewell(
    ...     "Thank you and the same to you! Have a nice rest of day.")
    (True, True)
    >>> is_farewell("Good luck to you!"), is_farewell("I wish I had good luck to you know, win")
    (True, False)
    >>> is_farewell("Have a wonderful day goodbye")
    True
    >>> is_farewell("Have a great day and I might be back soon to give an update."), is_farewell(
    ...     "I will be back at work tomorrow.")
    (True, False)
    >>> is_farewell("Please enjoy your day"), is_farewell("I can't enjoy your day trips anymore")
    (True, False)
    >>> is_farewell("I have to go now. Thank you for chatting with me!")
    True
    >>> is_farewell("Have a great evening. Please take care and stay safe!")
    True
    >>> is_farewell("I just go out as little as possible and stay safe.")
    False
    """
    text = text.rstrip()
    # The emoticons are looked for in the last 40 characters only: from each space of a long
    # run the pattern would rescan the run (a message of 20,000 spaces took 4 s a call).
    return bool(_FAREWELL.search(text[:-40] + _EMOTICON_AT_END.sub("", text[-40:])))


# "How are you feeling today?" (or "How's your day?") in the agent's last message
ASKED_HOW = re.compile(r"\bhow\s+(?:are|r)\s+(?:you|u)\b(?!\s+(?:coping|holding|managing|"
                       r"looking|going\s+to|getting\s+on))|\bhow(?:'s|\s+is|\s+was)\s+(?:your|the)\s+"
                       r"day\b|\bhow\s+have\s+you\s+been\b", re.I)
# how the user is bearing the trouble: answered as how they are, though not as a courtesy
_HOLDING_UP = re.compile(r"\bhow\s+(?:are|r)\s+(?:you|u)\s+(?:holding\s+up|coping|managing)\b",
                         re.I)
# "I am good, thank you", "not great thanks": how one is, with thanks for being asked
_WELLBEING = re.compile(
    # ("Good afternoon I am not good at all", ESConv train)
    # ("i'm glad to hear! i'm doing fine", ESConv train, after the agent said how it was)
    r"\W*(?:(?:honestly|well|um|eh|hmm|oh|hi|hello|hey|yeah|good\s+(?:morning|afternoon|evening)"
    r"|(?:i'?m\s+|i\s+am\s+|that'?s\s+)?(?:so\s+)?(?:glad|good|great|nice)\s+to\s+hear(?:\s+that)?)"
    r"[,.!]?\s+)*"
    r"(?:(?:i'?m|i\s+am|im|am|i'?ve\s+been|ive\s+been|i\s+have\s+been|been|"
    r"things\s+are)\s+)?(?:(?:doing|feeling)\s+)?(?:(?:pretty|really|very|quite|so|just|kinda|kind\s+of|a\s+"
    r"(?:little|bit|lot)|much|way)\s+)?"
    # "I am feeling better" (ESConv valid got "How does it feel today, compared with when it
    # started?")
    # "not doing too hot tbh" (ESConv valid got "What made you think of that?")
    r"(?P<how>not\s+(?:(?:doing|feeling)\s+)?(?:too\s+|so\s+|that\s+|very\s+)?(?:great|good|well|"
    r"bad|okay|ok|fine|hot)|better|good|"
    r"fine|ok|okay|alright|all\s+right|great|well|bad|awful|terrible|rough|meh|so-so|tired|"
    r"exhausted|stressed|sad|down|low)"
    r"(?:\s+(?:today|now|at\s+the\s+moment|i\s+guess|honestly|actually|tbh|ngl|at\s+all))*[\s,.!]*"
    r"(?:(?:thanks|thank\s+you|thx|ty)(?:\s+(?:so\s+much|for\s+asking))?[\s,.!]*)?"
    # a wish back: "doing well. hope you are." (ESConv valid)
    r"(?:(?:i\s+)?hope\s+(?:you\s+are|you'?re|u\s+r|you\s+are\s+too|the\s+same\s+for\s+you)"
    r"(?:\s+(?:too|as\s+well))?[\s,.!]*)?",
    re.I,
)


def reports_wellbeing(text: str, agent_last: str) -> str | None:
    """How the user is ("well" or "low"), when they answer the agent's "How are you?"
    (``agent_last``, its previous message) by that alone, thanks for asking or not ("I am good,
    thank you", "not great thanks"): answered as how they are, not as thanks for help. None
    for any other message.

    >>> reports_wellbeing("I am good, thank you", "Hi! How are you feeling today?")
    'well'
    >>> reports_wellbeing("not great thanks", "How are you?"), reports_wellbeing("meh", "How r u")
    ('low', 'low')
    >>> reports_wellbeing("not bad, thanks", "How's your day?")
    'well'
    >>> reports_wellbeing("good", "Hello. What's on your mind today?")
    'well'
    >>> reports_wellbeing("I am feeling a little better today", "How are you feeling today?")
    'well'
    >>> reports_wellbeing("I'm good, thanks", "Is there anything else on your mind?")
    >>> reports_wellbeing("Thanks, that helps", "How are you?")
    >>> reports_wellbeing("I'm doing pretty good.", "")  # the talk's first message
    'well'
    >>> reports_wellbeing("doing well. hope you are.", "How are you holding up with everything?")
    'well'
    >>> reports_wellbeing("Good afternoon I am not good at all", "")  # ESConv train
    'low'
    >>> reports_wellbeing("i'm glad to hear! i'm doing fine", "I'm fine, thanks. How are you?")
    'well'
    """
    # a greeting answered "good" was taken for a greeting's "how are you" too ("Hello. What's
    # on your mind today?", then "good": "What made you think of that?"); the talk's first
    # message says how they are unasked ("I'm doing pretty good.", ESConv valid, got "How
    # wonderful! Who have you told so far?")
    greeted = _GREETING.match(agent_last) is not None or not agent_last.strip()
    # ("doing well. hope you are." after "How are you holding up with everything?", ESConv
    # valid, had got "Oh, that's lovely! What are you most looking forward to?")
    holding = _HOLDING_UP.search(agent_last) is not None
    if (ASKED_HOW.search(agent_last) is None and not greeted and not holding) or len(text) > 80:
        return None
    found = _WELLBEING.fullmatch(text)
    if found is None:
        return None
    how = " ".join(found.group("how").lower().split())
    well = re.fullmatch(r"not (?:too |so |that |very )?bad|good|fine|ok|okay|alright|all right|"
                        r"great|well|better", how)
    return "well" if well and not says_unwell(text) else "low"  # "I've been better" is low


def thanks_for_asking(text: str, agent_last: str) -> bool:
    """Thanks for being asked how one is ("not bad thanks, just work stuff" after the agent's
    "How are you feeling today?"), not for help: a courtesy, not the end of the talk.

    >>> thanks_for_asking("not bad thanks, just work stuff", "How are you feeling today?")
    True
    >>> thanks_for_asking("Thanks for the advice.", "How are you feeling today?")
    False
    >>> thanks_for_asking("not bad thanks", "Could you try a walk?")
    False
    """
    return (ASKED_HOW.search(agent_last) is not None and thanks(text)
            and THANKED_FOR_HELP.search(text) is None)


_ADVICE = re.compile(
    r"\b(?:what (?:else )?(?:should|can|could|do) (?:i|we) do|any (?:more |other )?(?:advice|"
    r"suggestions?|ideas|tips)|what do you "
    # ("so how do i avoid falling for the wrong one", ESConv train, had got "That's wonderful!")
    r"(?:suggest|recommend|think i should)|how (?:can|do|should|would) i (?:deal|cope|handle|"
    # ("That sounds interesting. How do I make money", ESConv train: "That's wonderful!")
    r"fix|get|stop|start|move on|move forward|manage|avoid|prevent"
    r"|make (?:it|this) (?:stop|better|easier)"
    r"|make (?:some |more |extra )?money|earn|save (?:money|up)"
    # "how can i go about it if i don't get what i am being thought" (ESConv valid)
    r"|go about (?:it|this|that|doing)|approach (?:it|this|that|him|her|them)|tackle|improve)"
    # "Hopefully, but how to deal with it in the mean time?" (ESConv train, had got a
    # self-disclosure): "how to" opening a clause asks; "I know how to deal with it" does not
    r"|(?:^|[,.!?;]\s*|\b(?:but|and|so|just)\s+)how to (?:deal|cope|handle|manage|get through|"
    r"get over|live with)\b"
    # how to do the step: "How often do i need the breaths?", "what other ways can i use to
    # manage my anxiety?" (ESConv train: "That's wonderful! Maybe keep a note of what helped")
    r"|how often (?:do|should|would|can) i\b|how (?:long|many times) should i\b"
    r"|what (?:other|else|more) (?:ways?|things?|strateg(?:y|ies)|techniques?|options?) "
    r"(?:can|could|should|do|might) i\b"
    r"|what can i do about (?:it|this|that)|is there anything i can do"
    # "I don't even know where to star from now I am confused" (ESConv train, after a layoff)
    r"|\bi (?:don'?t|do not|dont) (?:even |really )?know where to (?:start|star|begin)\b"
    # "Anything I should do when I suddenly get the urge to drink?" (ESConv valid, had got a
    # line about stress)
    r"|^\W*(?:is\s+there\s+)?anything\s+(?:else\s+)?(?:i|we)\s+(?:should|can|could|might)\s+(?:do|try)\b"
    # "Is there a safe way I can handle them?", "I would want to know how I can stand up to
    # these bullies", "One more piece of advice" (ESConv train)
    # ("Is there a way to get to the station?" and "my mom gave me a piece of advice" are not)
    # "is there any other strategies i can follow" (ESConv train, after thanks: had been told
    # goodbye)
    r"|is there (?:any|some) (?:other |more )?(?:strateg(?:y|ies)|ways?|things?|tips|options|"
    r"techniques?) (?:that )?(?:i|we) (?:can|could|should|might) (?:follow|try|do|use)"
    r"|is there (?:a|any) (?:safe |good |better |healthy |right )?way (?:i|to|for me to) (?:can )?"
    r"(?:handle|deal|cope|stop|fix|stand|talk|approach|manage)"
    r"|(?:want|like|need|wish) to know how (?:i|to) (?:can |could |should )?(?:handle|deal|cope|"
    r"stop|fix|stand|talk|approach|manage|move on|make it|help)"
    r"|(?:one more|another) pieces? of advice|(?:need|want|like|could use|give me) (?:a|some|one) "
    r"pieces? of advice"
    # "same here, now how do you get out of this...." (ESConv valid): "you" is anyone
    r"|how (?:do|can|would) (?:you|one|i|we) (?:get|climb|break) out of (?:this|it|that|here)\b"
    # "How am I going to catch up on my work?"
    r"|how (?:am i|are we) (?:going to|gonna|supposed to) (?:catch up|cope|deal|handle|manage|get|"
    r"fix|pay|survive|make it|get through)"
    r"|what would (?:you|u) (?:do|suggest|recommend)(?: if (?:you|u) (?:were|was) (?:me|in "
    r"(?:this|my) (?:situation|place|shoes))| in my (?:place|shoes))?"
    # "what would u do or how would u feel if u was in this situation?" (ESConv train)
    r"(?=\s*(?:[?.!]|$|or\b))"
    r"|(?:can|could) you (?:give me|help me with) (?:some )?(?:advice|ideas|tips)"
    # "... let him know I'm serious. Ideas?", "Suggestions welcome! :)" (ESConv train: a line on
    # routines, "That's wonderful!")
    r"|(?:^|[.!?]\s*)(?:any\s+)?(?:ideas|suggestions|tips|advice)(?=\s*\?)"
    r"|\b(?:ideas|suggestions|tips|advice)\s+(?:are\s+|is\s+)?(?:very\s+|always\s+)?welcome\b"
    # "yes.sure i am ready to get suggetions from you" (ESConv train, misspelt: "How are you
    # holding up with everything?")
    r"|\b(?:ready|happy|open)\s+(?:to\s+(?:get|hear|receive|take)|for)\s+(?:some\s+|any\s+"
    r"|your\s+)?(?:sugg?\w*ions?|advice|ideas|tips)\b"
    # "That would be great, I'd appreciate some tips." (ESConv train, after sleep trouble told:
    # "Who have you been able to talk to about this?")
    r"|\bi(?:'d| would) (?:really )?(?:appreciate|love|like|welcome) (?:some |any |a few )?"
    r"(?:more )?(?:advice|ideas|tips|suggestions|pointers)\b"
    # "What do you think a good first step would be?"
    r"|what (?:do you think|would you say) (?:a|the|my) (?:good |best |right )?(?:first |next )?"
    r"(?:step|move|thing to do)\b"
    # "Just tell me something useful.", "Tell me what to do.", "Give me something I can use."
    r"|\b(?:just |please )?(?:tell|give) me (?:something|anything) (?:useful|practical|concrete|"
    r"i can (?:use|do))|\b(?:just |please )?tell me what (?:to do|i should do)"
    # (not said of others: "hopefully they will give me some advice", ESConv train)
    r"|(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bmight\s)(?<!\bmay\s)"
    # ("Give me some counselling", "Do you give me any counselling?", ESConv train: had got
    # "I haven't lived what you're going through")
    r"(?<!\bto\s)(?<!\bgonna\s)\bgive me (?:some |any |a few |more |other )?(?:advice|ideas|tips|"
    r"suggestions|options|pointers|coun[cs]e?l{1,2}ing|guidance)"
    # "Do you have any good ideas to cope with stress?", "I need some advice", "What do you do
    # to unwind?" (supporters answer these 9 in ESConv train with a suggestion 4 times)
    # ... or one word more: "Do you have any craft ideas?"
    # ("Do you have nay other tips that i may use?", ESConv valid, a typo before "other")
    r"|(?:do|would) you have (?:any )?(?:good |other |more |some )?(?:[a-z]+ ){0,2}(?:advice|"
    r"suggestions?|ideas|tips|recommendations?)"
    # "What suggestions do you have for unruly kids who argue ...?" (ESConv train, had got "Go
    # on, I'm listening.")
    r"|what (?:other |more |kinds? of |sorts? of )?(?:advice|suggestions?|ideas|tips|"
    r"recommendations?) (?:do|would|can|could) you (?:have|give|offer|suggest)\b"
    # "do you have any idea for getting new job?" (ESConv valid; not "... idea what time it is")
    r"|(?:do|would) you have (?:any |an )?(?:good )?idea (?:for|on|about|how (?:to|i|can|could))\b"
    # "Do you have any other thought which I can try?" (ESConv valid)
    r"|(?:do|would) you have (?:any )?other (?:thoughts?|ways?|options?|things?)\b"
    r"|i (?:need|want|would like|could use) (?:some |any |your )?(?:advice|suggestions?"
    r"|ideas|tips)"
    # "I'd love hearing a few of those suggestions, if you don't mind" (ESConv valid)
    r"|i(?:'d| would) (?:really )?(?:love|like) (?:hearing|to hear|to get) (?:some|a few|any|your|"
    r"those|a couple of|more)(?: of (?:those|your|the))? (?:advice|suggestions?|ideas|tips)"
    r"|(?:can|could|would)\s+you\s+(?:please\s+)?advise\s+me\b"
    # the agent's offer taken: "I'd love to hear them." (ESConv valid, after "would you like
    # some ideas?", had got "It's okay to feel this way")
    r"|^\W*(?:(?:yes|yeah|sure|ok|okay)[,.!\s]+)?i(?:'d|\s+would)\s+(?:really\s+)?(?:love|like)\s+to\s+"
    r"hear\s+(?:them|those|some|it)\b"
    # "Kindly assist me on how i can move on", "Kindly advise me on better ways for managing
    # depression" (ESConv valid: a restatement and "you sound betrayed about your situation")
    r"|\b(?:please|kindly|pls|plz)\s+(?:advi[cs]e|assist|guide)\b"
    # ("My lawyer will advise me on what to sign" is not asked of the agent)
    r"|(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bmight\s)(?<!\bmay\s)(?<!\bto\s)"
    r"(?<!\bgonna\s)(?<!\bshould\s)(?<!\bdid\s)"
    r"\b(?:assist|guide|advi[cs]e)\s+me\s+(?:on|with|about|in)\s+(?:how|what|(?:some\s+|better\s+|"
    r"the\s+best\s+)?ways?)\b"
    # "please advice to get concentration", "please help me to overcome this" (ESConv train,
    # a new mother putting off job preparation; answered "Oh, what made you think of that?")
    r"|\bplease\s+advi[cs]e\b"
    r"|\bhelp\s+me\s+(?:to\s+)?(?:overcome|get\s+over|deal\s+with|cope\s+with|stop\s+\w+ing|focus|"
    r"concentrate|be\s+concentrated|get\s+through|handle|manage)\b"
    # ("I'm seeking some support. Specifically looking for advice concerning my depression",
    # ESConv valid, had been asked "How is your day going otherwise?")
    r"|(?:^\W*|[.!?]\s*|\bjust\s+|\bi'?m\s+|\bi\s+am\s+)(?:(?:specifically|mainly|mostly|"
    r"really|also|just)\s+)?(?:wanting|looking\s+for|seeking|hoping\s+for)\s+"
    r"(?:some\s+|any\s+|your\s+)?(?:advice|suggestions|tips|ideas)\b"
    # a complaint that asks: "no. are not telling me how i can get my depression away" (ESConv
    # valid, had got "telling me about your depression took courage")
    r"|\b(?:you(?:'re|\s+are|re)\s+|^\W*(?:no\W+)?are\s+)(?:still\s+)?not\s+(?:telling|giving|showing)\s+"
    r"me\s+(?:how|what)\s+(?:i\s+(?:can|should|could)\s+|to\s+)"
    r"|what do you do (?:when|to|if|in|about)(?! a living)"
    r"|(?:can|could|would|do) you (?:please )?(?:suggest|recommend)\b(?! me\b)(?! that\b)"
    r"|\byou (?:can|could) (?:suggest|recommend)\b"
    r"|(?:can|could) you (?:please )?tell me (?:how|what|where) (?:to|i (?:can|should|could))\b"
    # "can you list some other resources", "if you were in my shoes, what would you do ..."
    r"|(?:can|could) you (?:please )?(?:list|name|share|point me to) (?:some |any |a few )?"
    r"(?:other |more )?(?:resourc\w*|options|places|websites|ideas|tips|suggestions)"
    r"|if you were (?:in my (?:shoes|place|position)|me)\b[^.!?]{0,20}\bwhat would you)\b"
    # more of it, as a whole message: "Anything else?", "What else could I try?"
    r"|^\s*(?:(?:ok|okay|thanks|thank\s+you|great|cool)[,.!\s]+)?(?:any(?:thing)?\s+else"
    r"|what\s+else(?:\s+(?:can|could|should)\s+i\s+(?:do|try))?|"
    r"(?:any\s+)?other\s+(?:ideas|suggestions|tips))\s*[?.!]*\s*$",
    re.I,
)


# "You keep asking questions.", "Stop asking me things.": the user has had enough questions.
_NO_MORE_QUESTIONS = re.compile(
    r"\byou (?:just )?keep (?:on )?asking\b|\b(?:stop|quit) asking\b"
    r"|\b(?:no|enough)(?: more)? questions\b|\b(?:so many|all these|too many) questions\b",
    re.I,
)


def tired_of_questions(text: str) -> bool:
    """The user says the agent asks too much ("you keep asking questions", "stop asking").

    >>> tired_of_questions("I said I'm stressed and you keep asking questions")
    True
    >>> tired_of_questions("My boss keeps asking me to stay late.")
    False
    """
    return _NO_MORE_QUESTIONS.search(text) is not None


def asks_for_advice(text: str) -> bool:
    """The user asks what to do ("What should I do?", "Any advice?", "How can I cope?").

    >>> asks_for_advice("What should I do?"), asks_for_advice("I don't know what I did wrong.")
    (True, False)
    >>> asks_for_advice("What would you do?"), asks_for_advice("What would you do for fun?")
    (True, False)
    >>> asks_for_advice("just tell me something useful"), asks_for_advice("Tell me about it.")
    (True, False)
    >>> asks_for_advice("how do i stop thinking about her"), asks_for_advice("How do I look?")
    (True, False)
    >>> asks_for_advice("Do you have any good ideas to cope with stress?"), asks_for_advice(
    ...     "What do you do for a living?")
    (True, False)
    >>> asks_for_advice("Just wanting advise on how to handle this?")
    True
    """
    # "advise" for the noun is a common slip (ESConv train: "Just wanting advise on how to
    # handle this?" got "I'm afraid I can't answer that from here.")
    return bool(_ADVICE.search(_ADVISE.sub("advice", text)))


_ADVISE = re.compile(r"\badvise\b(?!\s+(?:me|you|him|her|them|us)\b)", re.I)


# "Is it normal to still feel this bad?", "Will it ever get better?", "How long does it take?":
# a question of fact about what they are going through, which a piece of information answers.
_IF_NORMAL = re.compile(
    r"\b(?:is|was) (?:it|this|that) (?:normal|common|usual) (?:to|that|for|if)\b"
    r"|\bis it (?:ok|okay|alright|wrong|bad|weird|strange|selfish|silly|crazy|stupid) (?:to|that "
    r"i|if i) (?:still |really |just |sometimes )?"
    r"(?:feel|be|cry|miss|hate|want|not)\b"
    r"|\bis (?:this|that|it) normal\b|\bam i (?:normal|the only one|crazy|overreacting)\b"
    # "Is it possible to heal without finding another?": whether it will pass, asked for hope
    r"|\bis it (?:even |really )?possible to (?:ever )?(?:heal|recover|move on|get over|feel "
    r"(?:better|normal|happy)|be happy|love again|trust again)\b"
    r"|\b(?:does|do) (?:everyone|anyone|other people|people|most people) (?:else )?(?:feel|go "
    r"through|get|have)\b"
    r"|\b(?:will|does|is) (?:it|this|the pain|the feeling|it ever|this ever) (?:ever )?(?:going "
    r"to )?(?:get better|go away|pass|stop|end|ease)\b"
    r"|\bhow long (?:does|will|do|can) (?:it|this|grief|the pain|the feeling|these feelings) "
    r"(?:usually )?(?:last|go on|take(?=\s*(?:[?.!]|$|to (?:heal|feel better|get over|pass|go "
    r"away|stop|ease))))\b"
    # "how long will i be this sad?" (ESConv valid), "how long am I going to feel like this?"
    r"|\bhow long (?:will|would|can|do|does|am) i (?:(?:be|going to|gonna|have to|keep|still)\s+)*"
    r"(?:be|feel|feeling|hurt|hurting|grieve|grieving|miss|missing|cry|crying)\b"
    r"(?=[^.!?]*\b(?:this|so|like this|that way|sad|low|down|bad|hurt|him|her|them|it)\b)",
    re.I,
)


_ENCOURAGEMENT = re.compile(
    r"\b(?:(?:would|'d)\s+(?:really\s+)?(?:love|like|appreciate)|need|want|could\s+use|(?:can|could)"
    r"\s+you\s+(?:give|offer|send)\s+me)\s+(?:some\s+|a\s+few\s+|any\s+)?(?:words\s+of\s+)?"
    r"(?:encouragement|encouraging\s+words|reassurance|kind\s+words|positive\s+words|"
    r"positivity|motivation)\b",
    re.I,
)


def asks_for_encouragement(text: str) -> bool:
    """The user asks to be encouraged ("I would love some words of encouragement").

    >>> asks_for_encouragement("I would love some words of encouragement")
    True
    >>> asks_for_encouragement("My coach gave me words of encouragement.")
    False
    """
    return _ENCOURAGEMENT.search(text) is not None


def asks_if_normal(text: str) -> bool:
    """The user asks whether what they feel is normal, or will pass ("Is it normal to still
    feel this bad?", "Will it ever get better?").

    >>> asks_if_normal("Is it normal to still feel this bad?"), asks_if_normal("Will it ever end?")
    (True, True)
    >>> asks_if_normal("Is it okay to still miss him?"), asks_if_normal("Is it okay if I call?")
    (True, False)
    >>> asks_if_normal("It will stop raining.")
    False
    >>> asks_if_normal("how long will i be this sad?"), asks_if_normal("How long will I be gone?")
    (True, False)
    """
    return _IF_NORMAL.search(text) is not None


# An insult addressed to the agent: "you" (or "you're", "you are") right before a name for a
# person that condemns them, or a hostile formula. Hand-listed: the profanity lists on PyPI are
# about swear words, and "thief" or "liar" is not one. "You're not an idiot" and "my boss
# called me an idiot" do not match.
_INSULT_NOUNS = (
    "idiot|moron|imbecile|fool|loser|liar|thief|cheat|cheater|crook|fraud|swindler|con artist|"
    "jerk|bastard|scum|coward|creep|pig|rat|snake|joke|clown|hack|bitch|asshole|prick|dick|"
    "piece of (?:shit|garbage|trash)|waste of space|disgrace|failure|parasite|leech|freak"
)
_INSULT = re.compile(
    r"\byou(?:'re| are)?\s+(?:such\s+|just\s+|nothing but\s+|really\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?:stupid|dumb|lying|cheating|useless|worthless|pathetic|filthy|dirty|greedy|"
    r"miserable|little|old|fat|ugly|lazy|fucking|damn|bloody|sorry)\s+)*"
    rf"(?:{_INSULT_NOUNS})\b"
    r"|\byou(?:'re| are)\s+(?:so\s+|really\s+|such\s+)?(?:stupid|useless|worthless|pathetic|"
    r"an embarrassment)\b"
    r"|\b(?:shut up|screw you|fuck (?:you|off)|go to hell|piss off|get lost|you suck|i hate you|"
    r"nobody asked you)\b",
    re.I,
)


def insults_agent(text: str) -> bool:
    """Whether the user insults the one they talk to ("That's a ripoff, you thief.").

    >>> insults_agent("That's a ripoff, you thief."), insults_agent("You're a useless old fool!")
    (True, True)
    >>> insults_agent("My boss called me an idiot."), insults_agent("You're not an idiot.")
    (False, False)
    >>> insults_agent("You are such a joke."), insults_agent("Thank you, you are a lifesaver.")
    (True, False)
    >>> insults_agent("Your joke was funny."), insults_agent("I'm sorry about your failure.")
    (False, False)
    """
    return bool(_INSULT.search(text))


CROSS_FEELINGS = frozenset({"anger", "reproach"})
CROSS_INTENSITY = 0.3


def answers_insult(text: str, agent_feeling: str | None, intensity: float) -> bool:
    """Whether the agent answers this turn with its own displeasure: the user insults it and it
    is angry or reproachful at ``CROSS_INTENSITY`` or more (only a persona with a
    ``be_respected`` goal feels that; agent.turn_appraisal). A counsellor's calm reply is not
    replaced.

    >>> answers_insult("Shut up, you fool.", "anger", 0.8), answers_insult("Shut up.", "pity", 0.8)
    (True, False)
    """
    return agent_feeling in CROSS_FEELINGS and intensity >= CROSS_INTENSITY and insults_agent(text)


# (a help asked for ahead is no thanks: "I would appreciate your help if you're there", ESConv
# train, had got "You're welcome.")
# ("thankyou so much again", ESConv train, run together: "That's good to hear; enjoy it.")
# ("No, I think that's it! Much appreciated!", ESConv train)
THANKING = re.compile(r"\b(?<!no )(?:thanks|thank you|thank u|thankyou|thanku|thanking you|thx|"
                     r"much appreciated|(?:it'?s|it\s+is|that'?s|that\s+is)\s+(?:really\s+"
                     r"|very\s+)?appreciated|thanx|thnx|"
                     r"(?<!would )(?<!'d )(?<!would really )(?<!'d really )appreciate "
                     r"(?:it|that|you|your|all|the|this))\b"
                     # "I really appreciate.", "i reall appreciate God bless"
                     r"|\bi\s+(?:\w+\s+)?appreciate(?=\s*(?:[.!,;]|$|god\s+bless))",
                     re.I)


def thanks(text: str) -> bool:
    """The user thanks the agent ("Thanks, that helps.", "I really appreciate it").

    >>> thanks("Thanks, I'll try that."), thanks("No thanks to my boss, I'm exhausted.")
    (True, False)
    >>> thanks("I really appreciate your help"), thanks("I would appreciate your help if you can")
    (True, False)
    >>> thanks("thankyou so much again"), thanks("thankyou")
    (True, True)
    >>> thanks("No, I think that's it! Much appreciated!"), thanks("Help is appreciated here.")
    (True, False)
    """
    return bool(THANKING.search(text))


# What may stand beside thanks and still be thanks: praise of the help or the listener.


# "I don't want to talk about it", "Can we talk about something else?": the user declines to
# go on with the subject. Asking for the story after that overrides them.
_DECLINES = re.compile(
    r"\bi\s+(?:don't|do\s+not|dont|really\s+don't)\s+(?:want|wanna|feel\s+like)\s+"
    r"(?:to\s+)?talk(?:ing)?\s+about\s+(?:it|that|this|him|her|them)\b"
    r"|\bi(?:'d|\s+would)\s+rather\s+not\s+(?:talk\s+about|get\s+into|go\s+into)\s+"
    r"(?:it|that|this|him|her|them)\b"
    r"|\b(?:can|could)\s+we\s+(?:please\s+)?(?:talk\s+about|change\s+to)\s+something\s+else\b"
    r"|\b(?:let's|lets|can\s+we)\s+(?:just\s+)?change\s+the\s+(?:subject|topic)\b"
    r"|\bi\s+(?:don't|dont)\s+(?:want|wanna)\s+to\s+(?:get\s+into|go\s+into)\s+(?:it|that)\b"
    r"|^\s*(?:that's\s+|it's\s+)?none\s+of\s+your\s+business\b"
    # withdrawing from the subject: "Never mind.", "Forget it.", "Whatever. I'll deal with it."
    r"|^\s*(?:oh\s+|ugh\s+)?(?:never\s*mind|nvm|forget\s+it|forget\s+i\s+(?:said|asked)\s+"
    r"anything)\s*[.!]*\s*$"
    r"|^\s*(?:whatever|fine|ok(?:ay)?)[.,!]*\s+i(?:'ll|\s+will)\s+(?:just\s+)?(?:deal\s+with|"
    r"handle|figure\s+out)\s+it(?:\s+myself)?\s*[.!]*\s*$",
    re.I,
)


def declines_to_talk(text: str) -> bool:
    """The user declines to talk about the subject ("I don't want to talk about it.").

    >>> declines_to_talk("I don't want to talk about it"), declines_to_talk(
    ...     "Can we talk about something else?")
    (True, True)
    >>> declines_to_talk("I want to talk about it."), declines_to_talk(
    ...     "I didn't want to talk about it with my mom, but I did.")
    (False, False)
    >>> declines_to_talk("Never mind."), declines_to_talk("whatever. I'll deal with it")
    (True, True)
    >>> declines_to_talk("Never mind the weather, my dad is sick."), declines_to_talk(
    ...     "I'll deal with it tomorrow after work.")
    (False, False)
    """
    return bool(_DECLINES.search(text))


# "Am I just stupid?", "I'm such an idiot.", "I'm a failure": the user runs themselves down.
# Only words no one deserves ("a bad mother" or "to blame" may be a real question, answered with
# care, not denied). "I'm such an idiot lol" is said lightly: the policy answers it only when the
# turn does not read light (agent.strategy.answer_acts); "I felt stupid" is a feeling
# (troubles.FEELS_BAD).
_SELF_INSULT = re.compile(
    # "Does it make me look like a failure?" asks the same of what happened
    r"\b(?:am\s+i|i'?m|i\s+am|im|makes?\s+me(?:\s+(?:look|seem|sound)(?:\s+like)?)?)\s+"
    r"(?:just\s+|so\s+|really\s+|such\s+|a\s+complete\s+|a\s+total\s+"
    r"|completely\s+|totally\s+|always\s+|that\s+)*"
    r"(?P<word>stupid|dumb|worthless|useless|pathetic|unlovable|(?:an?\s+)?(?:failure|idiot|"
    r"loser|moron|disappointment|joke))\b(?!\s+(?:about|at|with|to)\b)",
    re.I,
)


def self_insult(text: str) -> str | None:
    """What the user calls themselves when they run themselves down ("Am I just stupid?":
    "stupid"; "I'm such a failure.": "a failure"), else None.

    >>> self_insult("Am I just stupid?"), self_insult("I'm such an idiot.")
    ('stupid', 'an idiot')
    >>> self_insult("That was a stupid movie."), self_insult("I'm useless at cooking, ha")
    (None, None)
    >>> self_insult("You think it makes me look like a failure?")
    'a failure'
    >>> self_insult("It makes me so happy."), self_insult("It makes me feel stupid.")
    (None, None)
    """
    found = _SELF_INSULT.search(text)
    if found is None:
        return None
    word = " ".join(found.group("word").lower().split())
    if word in ("failure", "idiot", "loser", "moron", "disappointment", "joke"):
        word = ("an " if word[0] in "aeiou" else "a ") + word
    return word
