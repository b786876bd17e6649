"""Questions about the agent's own past ("Have you ever been dumped?", "How did you cope?")
and its surroundings ("How's your weather?", "Where are you from?"), which a program does not
have: whole messages, or one sentence of a longer one (an aside), whose rest is answered too.
The answers are in agent.about_agent_replies; agent.responder_template puts them together.
"""

from __future__ import annotations

import re

from agent.question_forms import OPENING, asked_beside, ending_sentence, whole_message

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
    # ("Has this happened to you before?", ESConv train: "I can't say I've felt caught off guard
    # the way you do")
    r"(?:this|that))(?:\s+ever)?\s+happen(?:ed)?\s+to\s+(?:you|u)"
    r"|(?:do|did)\s+(?:you|u)\s+(?:even\s+)?know\s+what\s+(?:it|that|this)(?:'s|\s+is|\s+was|\s+feels)"
    r"\s+like"
    # ("how did u overcome from this", ESConv train, the "from" kept)
    r"|how(?:\s+did|\s*'d)\s+(?:you|u)\s+(?:ever\s+)?(?:get\s+through|get\s+over|overcome(?:\s+from)?|"
    r"deal\s+with|cope\s+with|handle|survive)\s+(?:it|that|this|them"
    # ("How did you get through the break ups each time it happened?", ESConv train: "who have
    # you been able to talk to about this?")
    r"|the\s+(?:break[\s-]?ups?|breakups?|divorces?|loss(?:es)?|rejections?)(?:\s+each\s+time"
    r"(?:\s+it\s+happened)?)?)"
)
# possessive runs: "have you been through something like this" and 20,000 spaces took minutes,
# each split of the run between the tail's and the end's tried
_EXPERIENCE_TAIL = r"(?:,?\s++(?:too|as\s+well|yourself|then|before))*+\s*+[/]?"
_EXPERIENCE = whole_message(_EXPERIENCE_BODY, tail=_EXPERIENCE_TAIL)
# "Have you ever been dumped?", "Have you had a similar experience?", "Did you also have trouble
# sleeping?": a sentence that asks whether the agent has lived through a trouble, anywhere in a
# message ("It was around Thanksgiving. Have you ever been through a breakup?"). Of the 24
# seeker turns in ESConv train that ask "have/did you (also) ever ..." or "did you also ...",
# 18 are read so, and 36 turns in all with "How did you deal with it?" and the like (counted
# turn by turn on 2026-11-27 with these recognisers; the count of 40 / 27 / 35 written here
# before came from a broader search that was not kept).
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
    rf"{OPENING}(?:(?:yeah|yes|also)[,\s]++)?(?:(?:{_EXPERIENCE_BODY}){_EXPERIENCE_TAIL}\s*+[?.]*+"
    r"\s*+$"
    rf"|(?:(?:have|did)\s+(?:you|u)\s+(?:also\s+|yourself\s+)?ever\s+{_LIVED_EVER}"
    r"|(?:have|did)\s+(?:you|u)\s+(?:also\s+|yourself\s+)?(?:experienced?|been\s+through"
    r"|gone\s+through|go\s+through)\b"
    r"|(?:have|did)\s+(?:you|u)\s+(?:also\s+|yourself\s+|ever\s+)?(?:had|have|been\s+in|dealt\s+with"
    r"|deal\s+with|faced|face)\s+(?:a\s+|an\s+)?(?:situation\s+like\s+(?:mine|this|that|it|ours)"
    r"|similar|something\s+(?:like|similar)"
    r"|anything\s+(?:like|similar)|the\s+same|such|(?:this|that)\s+(?:experience|problem|issue"
    r"|feeling))\b"
    r"|do\s+(?:you|u)\s+ever\s+(?:feel|get)\s+(?!about\s+your\b)"
    # a life the agent does not have: "No issues other than this at the moment. Have you found
    # a new job?" (ESConv train, had got a new role's fact)
    r"|(?:have|did)\s+(?:you|u)\s+(?:ever\s+|also\s+)?(?:found|find|got|get|gotten)\s+(?:a\s+)?"
    r"(?:new\s+)?(?:job|girlfriend|boyfriend|partner|husband|wife)\b"
    # "How did you manage to get out of the depression?", "How did you go about it?", "What
    # did you do before getting a job?"
    r"|how(?:\s+did|\s*'d)\s+(?:you|u)\s+(?:ever\s+)?(?:manage\s+to\s+)?(?:get\s+(?:through|over|out\s+of)"
    r"|overcome|deal\s+with|cope\s+with|handle|survive|beat|go\s+about"
    # "How did you manage to support her." (ESConv train, had got a health fact)
    r"|support|care\s+for|look\s+after)\s+(?:it|that|this|them|him|her"
    r"|the\s+\w+|your\s+\w+)"
    r"|what\s+did\s+(?:you|u)\s+do\s+(?:before|when|after|about|to\s+(?:get|cope|deal|feel))\b"
    # "Is that what you do when you are stressed?", "How do you cope with your stresses?"
    r"|is\s+that\s+what\s+(?:you|u)\s+do\b"
    # "How have you coped with it?", "have you tried anything that helps?", "Don't you find
    # that true too?" (ESConv valid)
    r"|how\s+have\s+(?:you|u)\s+(?:coped|dealt|managed|handled|got\s+through|gotten\s+through)\b"
    # "How have you been able to maintain your sense of self? Any tips?" (ESConv train, had got
    # a doctor's step)
    r"|how\s+have\s+(?:you|u)\s+been\s+able\s+to\s+(?:cope|deal|manage|maintain|keep|stay|handle"
    r"|balance|get\s+through)\b"
    r"|have\s+(?:you|u)\s+tried\s+anything\s+that\s+(?:helps|helped|works|worked)\b"
    # "I'm not sure if a recruiter works as well. Do you have experience with one?" (ESConv
    # train, had got a line on lenders)
    r"|do\s+(?:you|u)\s+have\s+(?:any\s+)?experience\s+with\s+(?:one|it|that|this|them)\s*\?"
    # "Do you do anything to keep yourself motivated?" (ESConv train: "I don't know that one")
    r"|do\s+(?:you|u)\s+do\s+anything\s+(?:special\s+)?to\s+(?:keep|stay|help|feel|relax|cope|get"
    r"|unwind)\b"
    # "is this something you can relate to?" (ESConv train, had got a step)
    r"|(?:is\s+(?:this|that|it)\s+something\s+(?:you|u)\s+can|can\s+(?:you|u))\s+relate(?:\s+to"
    r"(?:\s+(?:this|that|it))?)?\s*\?"
    r"|(?:don't|do)\s+(?:you|u)\s+find\s+(?:that|it|this)(?:\s+(?:true|so|helps|works))?"
    r"(?:\s+(?:too|as\s+well|yourself))?\s*\?"
    # "What sort of hobbies helped you?" (ESConv train, after "What did you do to cope in the
    # first year of losing your partner?", had got a general line)
    r"|what\s+(?:sort|kind|type)s?\s+of\s+\w+\s+(?:helped|worked\s+for)\s+(?:you|u)\b"
    r"|what\s+(?:helped|worked\s+for)\s+(?:you|u)\s+(?:the\s+most|most|then|back\s+then|when|"
    r"after|through)\b"
    # "Has this technique helped you in the past?" (ESConv valid)
    r"|(?:has|did)\s+(?:this|that|it)(?:\s+\w+)?\s+(?:ever\s+)?(?:help(?:ed)?|work(?:ed)?\s+for)"
    r"\s+(?:you|u)\b(?!\s+(?:to\s+)?(?:understand|see|get|know))"
    r"|how\s+do\s+(?:you|u)\s+(?:cope|deal)\s+with\s+(?:your|stress|it|that|this)\b"
    # "How hard was it for you? How did you cope?" (ESConv train, a question of its own)
    r"|how(?:\s+did|\s*'d)\s+(?:you|u)\s+(?:cope|get\s+through|manage|deal)\s*\?"
    # "how did you manage stress" (ESConv train, had got "you deserve the same kindness ...")
    # ("How did you cope up with the situation?", ESConv train)
    r"|how(?:\s+did|\s*'d)\s+(?:you|u)\s+(?:manage|handle|deal\s+with|cope\s+(?:up\s+)?with)\s+"
    r"(?:the\s+situation|stress|anxiety|"
    r"your\s+\w+|it|that|this)\b"
    # "how do you manage after your breakup" (ESConv train, got "Of course you feel down")
    r"|how(?:\s+do|\s+did|\s*'d)\s+(?:you|u)\s+(?:manage|cope|get\s+by|carry\s+on|move\s+on)\s+(?:after|"
    r"since|through|during)\s+your\s+\w+"
    # "how are you managing those frustrations?" (ESConv valid, after "it's great that you
    # can relate")
    r"|how\s+(?:are|r)\s+(?:you|u)\s+(?:managing|coping\s+with|dealing\s+with|handling)\s+"
    r"(?:those|these|your|the|all\s+(?:this|that|of\s+(?:this|that)))\s+(?:\w+\s+)?(?:frustrations?|"
    r"feelings|worries|fears|stress|emotions|struggles|troubles|problems)\b"
    # "what makes you smile when you are stressed about something?" (ESConv valid), "What do
    # you do when you feel down?": the agent's own way through a low time, as the question
    # names one ("What makes you smile?" alone asks its tastes)
    r"|what\s+(?:do\s+(?:you|u)\s+do|makes\s+(?:you|u)\s+\w+(?:\s+better)?"
    r"|helps\s+(?:you|u)(?:\s+\w+)?)\s+(?:when|if|whenever)\s+(?:you(?:'re|\s+are|\s+feel"
    r"|\s+get)|u\s+r|ur)\s+(?:\w+\s+)?(?:stressed|sad|down|anxious|upset|low|depressed|angry"
    r"|lonely|worried|overwhelmed|nervous|scared)\b"
    # "What do you do when you are reminded of that situation or think about the person?"
    # (ESConv train, of an ex: had got a step)
    r"|what\s+do\s+(?:you|u)\s+do\s+(?:when|if|whenever)\s+(?:you(?:'re|\s+are|\s+get)|u\s+r"
    r"|ur)\s+reminded\s+of\b"
    # "Do you have any difficulties with interviews?" (ESConv train, had got a suggestion)
    r"|(?:do|did)\s+(?:you|u)\s+(?:ever\s+)?(?:have|had|get)\s+(?:any\s+)?(?:difficult(?:y|ies)|"
    r"trouble|problems?|struggles?|issues?)\s+(?:with|when|in)\b(?!\s+(?:me|my|us|our)\b)"
    r"|(?:did|do|have)\s+(?:you|u)\s+(?:also|too)\s+(?:have|had|feel|felt|struggle|struggled|go"
    r"|went|deal|dealt|lose|lost)\b"
    # "Have you ever done something like that?", "Have you ever used one personally?", "did you
    # use guided meditation?", "How do you comfort yourself ...?", "What did you do in your
    # situation?" (ESConv valid): what the agent did or does with a trouble of its own
    # ("Have you ever tried to hurt yourself?" asks something else)
    r"|have\s+(?:you|u)\s+(?:also\s+|yourself\s+|personally\s+)?(?:ever\s+)?(?:used|done|tried)\b"
    r"(?!\s+to\b)"
    r"|did\s+(?:you|u)\s+(?:also\s+|ever\s+|personally\s+)?(?:use|try)\s+(?!to\b)"
    r"|how\s+do\s+(?:you|u)\s+(?:comfort\s+yourself|handle\s+(?:it|this|that|stress)"
    r"|manage\s+(?:it|this|that|stress)|relax|calm\s+(?:yourself\s+)?down)\b"
    r"|what\s+did\s+(?:you|u)\s+(?:do|did)\s+in\s+(?:your|that|a\s+similar)\s+situation\b"
    # "Can I ask, as a single mother yourself, what was something that got you through those
    # hard times?" (ESConv train, had got a line on stress)
    r"|what\s+(?:was|is)\s+(?:something|one\s+thing|the\s+thing|anything)\s+(?:that\s+)?"
    r"(?:got|gets|helped|helps)\s+(?:you|u)\s+(?:get\s+)?through\b"
    # (possessive: a run of spaces after "as a" is scanned once, not once per split of it)
    r"|as\s++an?\s++(?:[\w'-]++\s++){1,5}?yourself\b"
    # "What was your strategy?" (ESConv train, after "How did you deal with it?", had got a
    # line on putting things off)
    r"|what\s+(?:was|is|were|are)\s+your\s+(?:strateg(?:y|ies)|secret|trick|tricks|approach|method|"
    r"way\s+of\s+coping)\b"
    # "How long did it take you to get over it?" (ESConv train, had got "I can hear how much
    # this matters to you.")
    r"|how\s+long\s+did\s+it\s+take\s+(?:you|u)\s+to\s+(?:get\s+over|heal|move\s+on|recover|feel\s+"
    r"better|get\s+through|stop)\b"
    # "what have you been doing to stay sane through all of this?", "where are you finding
    # motivation" (ESConv train, had got a health step and "Telling me about your house took
    # courage")
    r"|what\s+(?:have|do)\s+(?:you|u)\s+(?:been\s+)?(?:doing|do)\s+to\s+(?:stay\s+(?:sane|positive|"
    r"motivated|calm|busy)|keep\s+(?:sane|busy|going)|cope|get\s+through)\b"
    r"|where\s+(?:are|do)\s+(?:you|u)\s+(?:find|finding|get|getting)\s+(?:the\s+|your\s+)?"
    r"(?:motivation|energy|strength|hope)\b"
    # "Thanks for understand my feelings , do you have any experience like that" (ESConv valid)
    r"|(?:do|did)\s+(?:you|u)\s+(?:also\s+)?(?:have|had)\s+(?:any\s+|an?\s+)?(?:experience|"
    r"experiences)\s+(?:like\s+(?:that|this|mine|it)|with\s+(?:that|this|it|something\s+like)|"
    r"of\s+(?:that|this|it))\b"
    r")[^.!?]*[?.]*\s*$)",
    re.I,
)
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+|(?<=\.\.)(?=[a-z])"
    # no space after the mark: "Wow that's huge!How did you get through the break ups each
    # time it happened?" (ESConv train)
    r"|(?<=[!?])(?=[A-Z][a-z])"
    # a smiley ends a sentence too: "thank you :) Did you ever feel silly ...?" (ESConv train)
    r"|(?<=[:;]\))\s+|(?<=[:;]-\))\s+|(?<=:D)\s+"
    # "... just to be average May I ask, how did you deal with ...?" (ESConv valid, unstopped)
    # (from the first space of a run only: from each of a run's spaces "\s+" rescans the run)
    r"|(?<!\s)\s+(?=(?:may|can|could)\s+i\s+ask\b)"
    r"|,\s*(?=(?:and\s+|so\s+|but\s+)?(?:have|did|do)\s+(?:you|u)\b)"
    # a capital opens an unstopped question: "yea thank you so much Have u ever fallen in love ?"
    # (ESConv train, had got "How wonderful!")
    r"|(?<=[a-z])\s+(?=(?-i:Have|Did|Do|Are|Were|How)\s+(?:you|u)\b)"
    # ... and so does one asked at the very end: "... my boyfriend has been unfaithful have you
    # had this experience before?" (ESConv train, had got "I can hear how down this leaves you")
    r"|(?<=[a-z])(?<!\bwhat)(?<!\bhow)(?<!\bwhere)(?<!\bwhy)(?<!\bwhen)(?<!\bwho)(?<!\bwhich)"
    r"\s+(?=(?:have|did)\s+(?:you|u)\s+(?:ever\s+)?(?:had|been|gone|experienced|felt)\b"
    r"[^.!?]{0,60}\?\s*$)", re.I)
ASIDE_WORDS = 4
"""Words beside a question about the agent's past that still leave the question the whole
message ("That is good advice. Have you been through something like that?")."""
# "How's your weather?", "Where are you from?", "So what are you up to?": small talk about the
# agent's surroundings, which a program does not have (ESConv train has 5 such sentences, one
# in valid: "Cloudy and 40 which is pretty good for this time of year. How's your weather?")
# The question ends its sentence, which may open with more ("Im from florida where are you
# from?"): searched from the sentence's end back.
_SURROUNDINGS = ending_sentence(
    r"how(?:'s|\s+is|\s+was)\s+(?:your|the)\s+"
    r"weather(?:\s+(?:there|where\s+you\s+are|by\s+you|today|over\s+there))*"
    r"|what(?:'s|\s+is)\s+the\s+weather\s+like\s+(?:there|where\s+you\s+are|for\s+you)"
    r"|where\s+(?:are\s+(?:you|u)\s+from|do\s+(?:you|u)\s+live)"
    # "Is there a lock down where you live?" (ESConv train, had got a job-search step)
    r"|(?:is|are)\s+there\s+(?:a\s+|any\s+)?(?:lock\s*downs?|restrictions|cases|covid|snow|"
    r"curfews?)\s+(?:where\s+(?:you|u)\s+(?:live|are)|(?:in|near)\s+your\s+(?:area|town|city|"
    r"state|country))"
    # "How's the economy where you live?" (ESConv train, had got "I can't say I've felt
    # unsettled the way you do")
    r"|how(?:'s|\s+is|\s+are)\s+(?:the\s+|things\s+|it\s+|life\s+)?(?:\w+\s+)?(?:where\s+(?:you"
    r"|u)\s+(?:live|are)|(?:in|near)\s+your\s+(?:area|town|city|state|country"
    r"|part\s+of\s+the\s+world))"
    r"|what\s+are\s+(?:you|u)\s+(?:doing|up\s+to)(?:\s+(?:today|tonight|now|right\s+now))?"
    # "Do you have dependents that look up to you?", "do you have kids?"
    r"|do\s+(?:you|u)\s+have\s+(?:any\s+)?(?:kids|children|a\s+family|family|dependents|pets?|"
    r"a\s+(?:partner|wife|husband|girlfriend|boyfriend|dog|cat)|siblings)(?:\s+[\w']+){0,5}"
    # "Do you have anything going on today?"
    r"|do\s+(?:you|u)\s+have\s+anything\s+(?:going\s+on|planned|fun\s+planned|on)"
    r"(?:\s+(?:today|tonight|this\s+weekend|later))?"
    # "Do you have a job?", "How do you keep in touch with your friends?" (ESConv train), "What
    # do you do on your video calls?" (ESConv valid): a life the program does not have
    r"|do\s+(?:you|u)\s+have\s+(?:a\s+job|a\s+life|friends|many\s+friends|(?:a\s+)?work)"
    r"|how\s+do\s+(?:you|u)\s+(?:keep|stay)\s+in\s+touch(?:\s+with\s+(?:your\s+)?(?:friends|family|"
    r"people|loved\s+ones))?"
    r"|what\s+do\s+(?:you|u)\s+do\s+(?:on|during|in)\s+(?:your\s+)?(?:video\s+calls|calls|zoom\s+calls"
    r"|weekends?|days\s+off|free\s+time|evenings|breaks)"
    # "What kind of dog do you have?", "what kind of work did you do" (ESConv valid), "Do you
    # smoke?", "May I ask if you're planning to become a counselor?" (ESConv valid)
    r"|what\s+(?:kind|kid|kinda|sort|type)\s+of\s+\w+\s+(?:do|did)\s+(?:you|u)\s+(?:have|own|do|use)"
    r"(?:\s+[\w']+){0,6}"
    # "What do you do for a living?", "what's your job?", "where do you work?"
    r"|what\s+do\s+(?:you|u)\s+do\s+(?:for\s+(?:a\s+living|work)|all\s+day)"
    r"|what(?:'s|\s+is)\s+your\s+(?:job|work|profession|career)|where\s+do\s+(?:you|u)\s+work"
    # "Are you working in frontline?" (ESConv valid)
    r"|(?:are|r)\s+(?:you|u)\s+(?:working|employed)(?:\s+(?:in|at|on|as|from))?(?:\s+[\w']+){0,3}"
    # "Do you use an app, or just make up the moves yourself?" (ESConv train, of home
    # workouts: had got "could you take a short walk")
    r"|do\s+(?:you|u)\s+(?:use|have)\s+(?:an?\s+|any\s+)?(?:apps?|tracker|journal|planner|diary|"
    r"routine)\b(?:[^.!?]{0,60})"
    r"|do\s+(?:you|u)\s+(?:smoke|drink|vape)(?:\s+(?:and\s+)?(?:drink|smoke|alcohol|cigarettes|"
    r"weed|at\s+all|much|a\s+lot|often|too|yourself))*"
    r"|(?:are\s+(?:you|u)|you'?re|you\s+are|ur)\s+(?:planning|going)\s+to\s+become(?:\s+[\w']+){1,4}"
    # "what did you go for school for", "are you still in school" (ESConv valid, typos kept)
    r"|what\s+did\s+(?:you|u)\s+(?:go\s+(?:to|for)\s+(?:school|college|university|uni)\s+for|study"
    r"|major\s+in)(?:\s+(?:in|at)\s+(?:school|college|university|uni))?"
    r"|(?:are|r)\s+(?:you|u)\s+(?:still\s+)?(?:in|at)\s+(?:school|college|university|uni)(?:\s+still)?"
    r"|did\s+(?:you|u)\s+(?:ever\s+)?(?:go\s+to|finish|attend)\s+(?:school|college|university|uni)"
    # "Are you with family?" (ESConv valid, over the holidays), "do you live alone?"
    r"|(?:are|r)\s+(?:you|u)\s+(?:with|spending\s+(?:the\s+holidays|christmas|it)\s+with|"
    r"staying\s+with)\s+(?:your\s+)?(?:family|folks|parents|friends|anyone)"
    r"(?:\s+(?:for\s+the\s+holidays|this\s+(?:year|christmas)|today|now|right\s+now))?"
    r"|do\s+(?:you|u)\s+live\s+(?:alone|with\s+(?:your\s+)?(?:family|parents|anyone|someone|"
    r"friends|roommates))")


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
    >>> asks_agent_experience("How 'd you get over it?"), asks_agent_experience("How'd you cope?")
    (True, True)
    >>> experience_aside("yea thank you so much Have u ever fallen in love ?")
    'yea thank you so much'
    >>> asks_agent_experience("How did you know?"), asks_agent_experience("Have you eaten?")
    (False, False)
    >>> asks_agent_experience("That is good advice. Have you been through something like that?")
    True
    >>> asks_agent_experience("what makes you smile when you are stressed about something?")
    True
    >>> asks_agent_experience("What do you do when you feel down?"), asks_agent_experience(
    ...     "What makes you smile?")
    (True, False)
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


def question_sentences(text: str) -> list[str]:
    """``text`` in sentences, where a question to the agent also opens one after a comma or
    unstopped ("i feel so down, do you ever feel like that?", "yea thank you so much Have u
    ever fallen in love ?").

    >>> question_sentences("i like to vent Are you a Psychologist?")
    ['i like to vent', 'Are you a Psychologist?']
    """
    return [s for s in _SENTENCE_BREAK.split(text.strip()) if s]


def _lived_split(text: str) -> tuple[bool, str]:
    """Whether a sentence of ``text`` asks about the agent's past, and the other sentences."""
    sentences = question_sentences(text)
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
    >>> surroundings_asked("Thanks for the vibes. Is there a lock down where you live?")
    'Thanks for the vibes.'
    >>> surroundings_asked("Oh ok. How's the economy where you live?"), surroundings_asked(
    ...     "How's the economy where he lives?")
    ('Oh ok.', None)
    >>> surroundings_asked("Home workouts would be good. Do you use an app, or just make up the "
    ...                    "moves yourself?")
    'Home workouts would be good.'
    """
    return asked_beside(text, _SURROUNDINGS)
