"""Warm words and what they tell: thanks, praise of the agent, taking up its suggestion, and
news of the user's own ("I got the job!"). Warm words are not all news: thanks for the help,
praise and approval are answered in kind, never with "How wonderful!".
"""

from __future__ import annotations

import re

from agent.dialogue_acts import SHORT_WORDS, THANKING, asks_for_advice, thanks
from agent.troubles import tells_trouble
from agent.user_steps import stated_plan
from perception.base import split_sentences

_APPRECIATION = re.compile(
    r"\b(?:that|this|it|you|talking(?: to you)?)(?:'s|'ve| is| was| have| has| been| really|"
    r" truly| just)*\s+(?:means? (?:so much|a lot)|mean[st]? (?:so much|a lot)|helps?|helped|"
    r"(?:so |very |really )?(?:kind|nice|sweet|lovely|great|helpful))\b"
    r"|\bfor (?:listening|(?:all\s+)?(?:of\s+)?your (?:help|time|advice|kindness|support|care|"
    r"patience|words|encouragement|honesty)|being here|everything|the advice|talking|chatting|"
    r"sharing"
    r"(?: your experience)?(?: with me)?|(?:spending|taking) (?:the|your) time(?: to (?:chat|talk)"
    r"(?: with me)?)?|the (?:encouragement|help|chat|talk))\b"
    r"|\b(?:today|tonight)\b|\bgod bless(?: you)?\b|\bvery well\b"
    r"|\b(?:so|very|really)? ?much\b|\b(?:to|for) me\b|\ba lot\b"
    r"|\b(?:again|oh|okay|ok|i|really|truly|just|so|very|and|yes|yeah|sure|(?:your\s+)?(?:help|"
    r"advice|support|kindness|time|encouragement|care|patience|honesty))\b",
    re.I,
)


# What else may stand beside thanks in one message: praise of the listener ("You've been really
# inspiring", "you are an amazing person"), feeling better ("I feel a little better now"), a step
# taken up ("Okay, will do that") and an end ("I think that's it"). ESConv seekers close with
# such messages, often two turns joined.
_GOOD_WORDS = (r"(?:inspiring|helpful|kind|great|amazing|wonderful|awesome|the\s+best|nice|sweet|"
               r"lovely|(?:a\s+)?(?:great|huge|big|real)\s+help)")
_BESIDE_THANKS = re.compile(
    rf"\byou(?:'ve|\s+have)\s+been\s+(?:(?:really|so|very|such|a|an|truly|super)\s+)*{_GOOD_WORDS}"
    rf"|\byou(?:'re|\s+are|\s+r)\s+(?:(?:really|so|very|such|a|an|truly|super)\s+)*{_GOOD_WORDS}"
    r"(?:\s+(?:person|listener|friend|resource))?"
    r"|\bi(?:'m|\s+am)?\s*(?:also\s+|already\s+)?(?:feel(?:ing)?|am\s+feeling)\s+(?:a\s+(?:little|"
    r"bit|lot)\s+|so\s+|much\s+|way\s+)?(?:better|relieved|lighter|calmer|more\s+hopeful)"
    r"(?:\s+now)?(?:\s+(?:while\s+)?talking\s+(?:with|to)\s+you)?"
    r"|\bwill\s+do(?:\s+that)?\b|\bi(?:'ll|\s+will)\s+(?:try|give)\s+(?:that|those|it|this)\b"
    r"(?:\s+a\s+(?:try|go))?|\bi\s+think\s+that(?:'s|\s+is)\s+(?:all|it)\b"
    r"|\bthat(?:'s|\s+is)\s+(?:all|it)\b|\boh\s+my\s+(?:gosh|god|goodness)\b",
    re.I,
)
# Something that happened to the speaker, in the past tense ("I got the job", "we won"; "I
# needed that" is thanks).
_NEWS = re.compile(
    # ("I did nothing wrong" tells none: ESConv train, in thanks, had got "That's good to hear")
    # ("I won't talk to them for a while : ) Thank you , that helped.", ESConv train: "won" is no
    # win)
    r"\b(?:i|we)\s+(?:just\s+|finally\s+)?(?:got|won(?!['\u2019]t)|made|did(?!\s+(?:nothing|not"
    r"|no)\b)|found|"
    r"passed|finished|went|met|"
    # (a past tense, not "need", which ends in "ed": "I need to focus more" is no news)
    # ("I used to do a lot for them" and "I wanted to" tell none, ESConv train: "How wonderful!
    # Maybe celebrate a little tonight")
    r"bought|sold|heard|became|landed|(?!(?:needed|used|wanted|hoped|wished|supposed|meant|"
    # ("Thanks for helping, I'm glad we chatted", ESConv train: "That's good to hear; enjoy it.")
    r"guessed|worried|feared|tried|chatted|talked)\b)\w*[^\We]ed)\b",
    re.I,
)


_ACHIEVED = re.compile(
    r"\b(?:i|we)\s+(?:just\s+|finally\s+|actually\s+|have\s+|'ve\s+)?(?:got\s+(?:the\s+|a\s+)?"
    r"(?:job|place|promotion|promoted|accepted|in\b|into|through|an?\s+a\b)|won|passed|finished|"
    r"made\s+it|landed|aced|completed|achieved|graduated|earned|managed\s+to|quit\s+smoking"
    r"|(?:haven't|have\s+not|didn't|did\s+not)\s+(?:missed|miss)\b)",
    re.I,
)


def tells_news(text: str) -> bool:
    """The user tells of something that happened to them ("I got the job!", "We moved."), as
    news is told; liking where one is ("I like being here") tells none.

    >>> tells_news("I finally got the job!"), tells_news("I like being here with my kids.")
    (True, False)
    >>> tells_news("We did it!"), tells_news("Thanks for saying I did nothing wrong.")
    (True, False)
    """
    return bool(_NEWS.search(text))


def tells_achievement(text: str) -> bool:
    """The user tells of something they achieved ("I passed my exam!", "I haven't missed a
    workout since March."), which praise of their effort fits.

    >>> tells_achievement("I finally passed my driving test!"), tells_achievement("We won!")
    (True, True)
    >>> tells_achievement("Oh that's good. Staying safe."), tells_achievement("I got sick.")
    (False, False)
    """
    return bool(_ACHIEVED.search(text))


def only_thanks(text: str) -> bool:
    """Thanks and little else: short ("Thanks for listening.") or with nothing beside it but
    praise of the help ("Thank you, that really means a lot to me."). Answered as thanks, not
    as news.

    >>> only_thanks("Thanks for listening."), only_thanks("Thanks, but I still feel awful.")
    (True, False)
    >>> only_thanks("Thank you so much, talking to you really helped."), only_thanks(
    ...     "Thank you! I got the job I told you about last week!")
    (True, False)
    >>> only_thanks("Thanks! I got the job!"), only_thanks("Thanks, I feel better.")
    (False, True)
    >>> only_thanks("Thank you for all your help today!!!")
    True
    >>> only_thanks("Thank you for all your help today!!! You've been really inspiring")
    True
    >>> only_thanks("yeah thanks for sharing your experience with me I feel a little better now")
    True
    >>> only_thanks("Thanks for listening. I feel better about the exam, but my mom is still ill.")
    False
    >>> only_thanks("Thanks, my dad is in hospital.")
    False
    >>> only_thanks("I think that will be best for him Thanks for listening")
    True
    """
    if not thanks(text) or re.search(r"\b(?:but|still|though)\b", text, re.I):
        return False
    if asks_for_advice(text):  # "Thanks. What should I do next?" asks on
        return False
    if tells_trouble(text):  # "Thanks, my dad is in hospital.": the trouble is answered
        return False
    if stated_plan(text) is not None:  # "thanks maybe I will take a vacation": a step, built on
        return False
    beside = THANKING.sub(" ", text)
    if _NEWS.search(beside):  # "Thanks! I got the job!": the news comes first
        return False
    # thanks for the talk closing a message, after a short conclusion ("I think that will be
    # best for him Thanks for listening", ESConv train, got "Could you take a short walk ...?")
    if (_CLOSING_THANKS.search(text) and "?" not in text
            and len(beside.split()) <= CLOSING_CONCLUSION_WORDS):
        return True
    rest = _APPRECIATION.sub(" ", _BESIDE_THANKS.sub(" ", beside))
    return len(text.split()) <= SHORT_WORDS or not re.search(r"[a-z]", rest, re.I)


CLOSING_CONCLUSION_WORDS = 12
"""Words beside thanks for the talk that still leave it a closing message: a short conclusion."""
_CLOSING_THANKS = re.compile(
    r"\b(?:thanks?|thank\s+you)(?:\s+(?:so\s+much|again|very\s+much))?\s+for\s+(?:listening|"
    r"talking|chatting|the\s+(?:chat|talk)|your\s+(?:help|time|advice|support)|everything|helping"
    r"(?:\s+me)?)[\s.!:)D]*$", re.I)


# "Your welcome!", "No problem :)": the whole message answers the agent's thanks or apology
_WELCOME = re.compile(
    r"^\W*(?:(?:you'?re|your|ur|u\s*r|you\s+are)\s+(?:so\s+|very\s+|most\s+)?welcome"
    r"|no\s+(?:problem|prob|worries)|not\s+a\s+problem|my\s+pleasure|any\s*time|np)"
    r"[\s.!,:;)(-]*$",
    re.I,
)


def answers_thanks(text: str) -> bool:
    """The whole message is "you're welcome" or "no problem": it answers the agent's thanks and
    tells nothing to be glad of.

    >>> answers_thanks("Your welcome!"), answers_thanks("No problem :)")
    (True, True)
    >>> answers_thanks("You're welcome to stay."), answers_thanks("No problem with my boss.")
    (False, False)
    """
    return _WELCOME.match(text) is not None


def thanks_without_news(text: str) -> bool:
    """Thanks beside words that tell no news and no trouble and ask nothing ("Thank you. Okay
    will do that.", "I'm getting to work on my projects. Thank you."): when the reply is to be
    a plain one ("Others"), it is a thanks reply, not gladness at news that was never told.

    >>> thanks_without_news("Fingers crossed, I'll try those options. Thanks for listening")
    True
    >>> thanks_without_news("Thanks! I got the job!"), thanks_without_news("Thanks. Why, though?")
    (False, False)
    >>> thanks_without_news("Thanks for helping, I'm glad we chatted")
    True
    >>> thanks_without_news("I guess worst case I won't talk to them for a while. Thank you.")
    True
    """
    return (thanks(text) and not _NEWS.search(THANKING.sub(" ", text))
            and not tells_trouble(text) and not text.rstrip().endswith("?"))


# "You've been really inspiring.", "You're so kind.": praise of the agent, thanked in kind. The
# praise is the whole message: "You're so kind to your sister" is about someone else.
_PRAISE = re.compile(
    # ("Your great at this:)", ESConv valid, the typo kept, had got "That's good to hear")
    r"^\s*(?:(?:oh|wow|honestly|well|yes|yeah|aw+)[,\s]+)?"
    r"(?:i\s+(?:just\s+)?(?:want(?:ed)?\s+to|have\s+to|must)\s+(?:tell|say\s+to)\s+(?:you|u)\s+"
    r"(?:that\s+)?"
    # "I felt that you were very helpful." (ESConv train, before "everyone is very stretched":
    # "That's wonderful!")
    r"|i\s+(?:really\s+|truly\s+)?(?:felt|feel|think|thought|find|found)\s+(?:that\s+)?)?"
    # "You are being very helpful" (ESConv train)
    r"(?:you(?:'ve|\s+have)\s+been|you\s+were|you(?:'re|\s+are|re)(?:\s+being)?|you\s+did(?=\s)"
    r"|your(?=\s+(?:(?:really|so|very|truly|pretty|quite|such)\s+)*"
    r"(?:great|good|amazing|awesome|the\s+best|wonderful|so\s+kind)\b))\s+"
    r"(?:(?:really|so|very|such|truly|a|an|incredibly|super|actually|pretty|quite|genuinely|"
    r"extremely|tremendously)\s+)*"
    r"(?:inspiring|helpful|kind|great|understanding|caring|patient|supportive|compassionate|"
    r"thoughtful|empathetic|warm|gentle|"
    # "you're quite compassionate and kind" (ESConv valid)
    r"(?:compassionate|caring|understanding|patient|thoughtful|warm|gentle)\s+and\s+(?:kind|caring|"
    r"patient|understanding|helpful|thoughtful)|"
    r"amazing|wonderful|awesome|the\s+best|nice|sweet|lovely|good\s+listener|great\s+help|"
    r"big\s+help|good\s+friend|angel|star|legend|excellent|"
    # ("Well you have been an excellent support system.", ESConv train: "Thank you for sharing
    # this with me.")
    r"(?:excellent|great|amazing|wonderful|fantastic|good|real)\s+(?:support(?:\s+system)?|"
    r"listener|friend)|"
    r"(?:good|great|amazing|awesome|brilliant)\s+at\s+(?:this|listening|what\s+you\s+do)|"
    # "You did a great job!" (ESConv train: "That's good to hear; enjoy it.")
    r"(?<=did\s)(?:a|such\s+a)\s+(?:great|good|wonderful|fantastic|amazing|awesome)\s+job|"
    r"easy\s+to\s+talk\s+to)"
    # ("you've been quite helpful for sure.", ESConv train: "Who have you been able to talk to
    # about this?")
    r"(?:\s+(?:to\s+(?:me|talk\s+to)|today|tonight|too|for\s+sure|indeed))?\s*+[.!]*+\s*+"
    r"(?:[:;]-?[()DPp]{1,3}\s*+)?$"
    # praise of what it said: "great advice", "That's a good idea!"
    # "okay good advice, i will" (ESConv valid)
    r"|^\s*(?:(?:ok|okay|yes|yeah|wow|oh)[,.!\s]++)*"
    # ("Those are really good suggestions.", ESConv train)
    r"(?:(?:that's|that\s+is|those\s+are|these\s+are|what|such|(?:that\s+)?sounds\s+like)\s+)?"
    r"(?:a\s+)?"
    r"(?:really\s+|very\s+)?(?:great|good|"
    r"nice|helpful|useful|solid|wise)\s+(?:advice|idea|point|suggestion|tip)s?"
    r"(?:[,.!\s]++(?:i\s+will|i'll|will\s+do|thanks?|thank\s+you))?\s*+[.!]*+\s*+$"
    # the service itself: "This service is extremely helpful.." (ESConv train, after goodbye,
    # had got "Oh, that's lovely! That sounds like a good place to be.")
    r"|^\s*(?:this|the)\s+(?:service|chat|app|conversation|talk|site)\s+(?:is|was|has\s+been)\s+"
    r"(?:(?:really|very|so|extremely|super|truly|incredibly)\s+)?(?:helpful|great|amazing|"
    r"wonderful|useful|nice|good)\b[\s.!]*$"
    # wherever it stands: "I will, you've been a huge help :D"
    r"|\byou(?:'ve|\s+have)\s+been\s+(?:a\s+|such\s+a\s+)?(?:huge|great|big|real|massive)\s+help\b",
    re.I,
)

# Credit given to the talk or the agent for helping ("You helped me a lot", "talking to you
# helps", "you got me to stop crying...it helps having you listen", "You give great advice!"):
# 28 of ESConv train's seeker turns say so and nothing else the acts read. Each clause must be
# such credit; "You helped me see that my mom was right" goes on to say something else.
_CREDIT = (
    r"(?:(?:oh|ok|okay|well|yes|yeah|no|wow|honestly|really|and|but|i\s+think|i\s+feel\s+like)"
    r"[,.!\s]++)*"
    r"(?:you(?:'ve|\s+have)?\s+(?:really\s+|truly\s+|definitely\s+|honestly\s+|already\s+)*"
    r"(?:helped|help)(?:\s++me)?(?:\s++(?:out|a\s+lot|so\s+much|loads|more\s+than\s+you\s+know|"
    r"enough|with\s+everything(?:\s+i\s+needed)?))*"
    r"|(?:talking|chatting|speaking)\s+(?:to|with)\s+you\s+(?:(?:really|has|have|truly|"
    r"definitely|does|did)\s+)*(?:helps?|helped)(?:\s+(?:a\s+lot|so\s+much|me))*"
    r"|it\s+(?:really\s+|does\s+)?helps?\s+(?:having|to\s+have)\s+you\s+(?:listen|here|to\s+talk\s+to)"
    r"|you(?:'ve|\s+have)?\s+(?:got|gotten|made)\s+me\s+(?:to\s+)?(?:stop\s+crying|smile|laugh|"
    r"feel\s+(?:a\s+(?:lot|little|bit)\s+|so\s+much\s+|much\s+)?better)"
    # "you have been of tremendous help in helping me move around my thoughts" (ESConv valid)
    r"|you(?:'ve|\s+have)\s+been\s+(?:of\s+)?(?:such\s+|so\s+much\s+|a\s+)?(?:tremendous|great|huge|"
    r"big|real|much|so\s+much|a\s+lot\s+of)\s+help(?:\s+(?:to\s+me|in\s+helping\s+me\s+[^.!?]{1,60}))?"
    # "it's tremendously helpful" (ESConv valid), as the whole message
    r"|(?:it|this|that)(?:'s|\s+is|\s+was|\s+has\s+been)\s+(?:(?:really|so|very|extremely|"
    r"tremendously|incredibly|truly)\s+)?helpful"
    # "you've been more helpful than my teachers!" (ESConv valid)
    r"|you(?:'ve|\s+have)\s+been\s+(?:so\s+|much\s+|far\s+|way\s+)?more\s+helpful\s+than\s+"
    r"(?:my\s+|any\s+|most\s+)?\w+(?:\s+\w+)?"
    # "I feel relieved chating with you" (ESConv valid)
    r"|i\s+(?:feel|felt|am\s+feeling|'m\s+feeling)\s+(?:so\s+|much\s+|a\s+lot\s+|a\s+(?:little\s+)?bit\s+)?"
    r"(?:better|relieved|lighter|calmer)\s+(?:after\s+)?(?:chatt?ing|talking|speaking)\s+(?:with|to)\s+you"
    r"|you(?:'ve|\s+have)?\s+(?:give|gave|given)\s+(?:me\s+)?(?:some\s+|such\s+)?(?:really\s+|very\s+)?"
    r"(?:great|good|wise|helpful|solid)\s+advice"
    # "I've enjoyed talking to you" (ESConv valid got "Maybe one small step could help ...")
    r"|i(?:'ve|\s+have)?\s+(?:really\s+|truly\s+)?enjoyed\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+"
    r"(?:you|u)(?:\s+(?:so\s+much|a\s+lot|very\s+much))?)"
    r"(?:\s++(?:today|tonight|too))?"
)
_CREDITS = re.compile(rf"^\s*{_CREDIT}(?:\s*+(?:\.{{2,}}|[,.!;:)]|\band\b)\s*+{_CREDIT})*"
                      r"\s*+[.!:)D]*+\s*+$", re.I)


def credits_agent(text: str) -> bool:
    """The whole message credits the talk with helping ("You helped me a lot.").

    >>> credits_agent("you got me to stop crying...it helps having you listen")
    True
    >>> credits_agent("You helped me see that my mom was right."), credits_agent("it helps")
    (False, False)
    >>> credits_agent("I feel relieved chating with you"), credits_agent("I feel relieved")
    (True, False)
    """
    return _CREDITS.match(text) is not None


# "That's a good idea.", "That sounds like a great plan, but...": the user takes up what the
# agent offered (151 of ESConv train's 11,851 seeker turns open so). Warm words, but no news
# of their own.
_APPROVES = re.compile(
    # ("ok.its very good advice .i will follow these steps surely", ESConv train: "That's
    # wonderful!")
    r"^\s*(?:(?:o+h+|ok|okay|yes|yeah|wow|hmm|well)[,.!\s]++)*(?:(?:that|it)(?:'s|s|\s+is|\s+does|"
    r"\s+would\s+be|\s+sounds|\s+seems)|this\s+is|sounds|what\s+a|those\s+are|these\s+are)\s+"
    # ("well that sounds reassuring.", ESConv valid, had got "Feeling unsettled after a setback
    # is common ...")
    r"(?:(?!not\b|hardly\b|never\b|no\b)\w+\s+){0,3}?(?:idea|ideas|suggestion|suggestions|advice|tip|"
    r"tips|plan|fun|helpful|useful|reassuring|encouraging|comforting|doable|manageable)\b"
    # the whole message: "That sounds wonderful." (ESConv train, after a suggestion: "How
    # wonderful! How did it come about?")
    r"|^\s*(?:(?:o+h+|ok|okay|yes|yeah|wow)[,.!\s]++)*(?:(?:that|it|this)\s+)?sounds\s+(?:really\s+"
    r"|so\s+|very\s+)?(?:good|great|wonderful|lovely|nice|perfect|amazing)\s*+[.!]*+\s*+$"
    # "that gives me some stuff to try, that's great" (ESConv valid)
    r"|^\s*(?:(?:ok|okay|yes|yeah|well)[,.!\s]++)*(?:that|this|it|those|these)\s+(?:gives?|gave)\s+"
    r"me\s+(?:(?:some|a\s+few|a\s+lot\s+of|lots\s+of|plenty\s+of|a\s+couple\s+of)\s+)?"
    r"(?:\w+\s+)?(?:to\s+(?:try|work\s+on|think\s+about|do)|ideas|options|things)\b"
    # as the last sentence: "I never looked into it though. I probably should. Good idea."
    # or "... i havent tried it before. sounds a nice idea", "... I think that sounds like a
    # wonderful idea."
    r"|(?:^|[.!?]\s+)(?:i\s+think\s+)?(?:(?:(?:that|it|this)(?:'s|s|\s+is|\s+sounds)|sounds)"
    r"(?:\s+like)?\s+)?(?:a\s+)?(?:really\s+|very\s+)?(?:good|great|nice|smart|wonderful|lovely"
    r"|brilliant|excellent)\s+(?:idea|suggestion|advice|tip|point)"
    r"\s*+[.!]*+\s*+$"
    # "... Time heals all wounds just well said"
    r"|\b(?:just\s+|so\s+)?well\s+said[\s.!]*$"
    # "I will try that.", "Okay, I'll give it a go" (ESConv valid: "I'm with you. Say as much
    # or as little as you like." had answered the first)
    # ("ok great I'll definitely try that and try and put this advice into practice", ESConv
    # train: "Try giving yourself a quiet hour tonight")
    r"|^\W*(?:(?:ok|okay|yes|yeah|sure|alright|all\s+right|great|cool|perfect)[,.!\s]++)*i(?:'ll"
    r"|\s+will|\s+can|"
    r"\s+could|\s+might)\s+(?:definitely\s+|certainly\s+|probably\s+|surely\s+)?(?:try|give|"
    r"look\s+into|check\s+out|think\s+about|consider)\s+"
    r"(?:that|it|this|those|them)(?:\s+a\s+(?:try|go|shot))?(?:\s+(?:out|then|tonight|tomorrow|"
    r"today|for\s+sure|definitely))?(?:\s+and\s+(?:try\s+(?:and|to)\s+)?(?:put|use|apply|follow"
    r"|keep)\b"
    r"[^.!?]{0,50})?[\s.!,]*$",
    re.I,
)


def approves_suggestion(text: str) -> bool:
    """The message opens by taking up the agent's suggestion ("That's a pretty good idea.").

    >>> approves_suggestion("That's a pretty good idea. Have you tried it?")
    True
    >>> approves_suggestion("ohh that's a good idea. thank you!")
    True
    >>> approves_suggestion("What suggestions do you have?"), approves_suggestion("I got the job!")
    (False, False)
    >>> approves_suggestion("I will try that."), approves_suggestion("I will try that restaurant")
    (True, False)
    >>> approves_suggestion("that gives me things to try"), approves_suggestion("It gives me hives")
    (True, False)
    >>> approves_suggestion("ok great I'll definitely try that and try and put this advice into "
    ...                     "practice")
    True
    >>> approves_suggestion("That sounds wonderful."), approves_suggestion(
    ...     "That sounds wonderful but I can't afford it.")
    (True, False)
    """
    return _APPROVES.search(text) is not None


def praises_agent(text: str) -> bool:
    """The whole message praises the agent ("You've been really inspiring.").

    >>> praises_agent("You've been really inspiring"), praises_agent("You're so kind to me!")
    (True, True)
    >>> praises_agent("You're so kind to your sister."), praises_agent("You are wrong.")
    (False, False)
    >>> praises_agent("great advice"), praises_agent("I will, you've been a huge help :D")
    (True, True)
    >>> praises_agent("That's a good idea, but I can't afford it.")
    False
    >>> praises_agent("Those are really good suggestions."), praises_agent("Those are my kids.")
    (True, False)
    >>> praises_agent("Well you have been an excellent support system.")
    True
    >>> praises_agent("you were helpful"), praises_agent("You were wrong about it.")
    (True, False)
    >>> praises_agent("You're actually pretty good at this!"), praises_agent("Sounds like a plan")
    (True, False)
    >>> praises_agent("Your great at this:)"), praises_agent("Your great aunt is visiting.")
    (True, False)
    >>> praises_agent("I felt that you were very helpful."), praises_agent("I think you are kind")
    (True, True)
    >>> praises_agent("I think you are wrong."), praises_agent("You are being very helpful")
    (False, True)
    >>> praises_agent("Good advice. you are great at this."), praises_agent(
    ...     "Good advice. My dog died.")
    (True, False)
    """
    if _PRAISE.search(text) is not None or credits_agent(text):
        return True
    # in a few sentences, each praise: "Good advice. you are great at this." (ESConv train, had
    # got "You have got through difficult things before")
    parts = split_sentences(text)
    return len(parts) > 1 and all(_PRAISE.search(p) is not None or credits_agent(p)
                                  for p in parts)


def praise_in(text: str) -> bool:
    """A sentence of the message praises the agent ("Have you ever used jatos? You're actually
    pretty good at this!", "You are really helpful. Have you been doing any jobs ...?"): warm,
    but about the agent, not news of the user's.

    >>> praise_in("Have you ever used it? You're actually pretty good at this!")
    True
    >>> praise_in("You're so kind. My dog died."), praise_in("My dog died.")
    (True, False)
    """
    return any(praises_agent(s) for s in split_sentences(text))
