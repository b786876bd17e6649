"""Steps the user names as their own ("Maybe I could talk to HR."), weighs as a question
("Should I talk to HR?") or has already tried ("I already tried that."). The policy and the
offline responder build on them instead of offering another.
"""

from __future__ import annotations

import re

# "Maybe I could talk to HR", "I'll try to sleep early": the user names a step of their own.
# The agent affirms it, so only constructive verbs count (reaching out, asking, resting,
# looking for help, keeping a distance: "I'll block her for a while"): "I'm going to lose my
# job" is a fear, and "go", "take", "get", "stop", "give", "do" or "leave" open harmful steps
# too ("take all my pills", "give up", "do something stupid"). A step with words of harm or
# finality in it is never one (_NOT_A_STEP).
_STEP = (
    r"(?:probably |maybe |just |definitely |really |also |totally |certainly |actually )?"
    # "I will plan to make a list" (ESConv valid: "Could you pick a time to plan to make a list?")
    r"(?:try (?:to |and )|start (?:to )?|go (?:and |an |n )?|plan (?:to |on )|aim to |decide to )?"
    # ("Should I ring him and tell everything I feel about him?", ESConv train, had got a quiet
    # hour)
    r"(?P<act>(?:talk|call|ring|phone|ask|tell|try|look|apply|"
    # "see" someone who can help, not "see the light now"
    r"write|see (?:a|an|my|the) (?:doctor|therapist|counsell?or|gp|specialist|psychologist|"
    r"psychiatrist|nurse|dentist|professional|friend|friends|family|parents?|mom|mum|dad|sister|"
    r"brother|grandparents?|grandma|grandpa)|reach|"
    r"visit|sleep|rest|book|join|plan|speak|text|email|message|find|check|search|contact|"
    r"have (?:a|an|that) (?:honest |proper |real |calm )?(?:conversation|talk|chat)|"
    # "I'll give myself and hopefully her some time to calm down" (ESConv valid)
    r"give (?:myself|ourselves|us|her|him|them)\b(?:\s+and\s+(?:hopefully\s+)?(?:her|him|them))?"
    r"\s+(?:some|a\s+little|a\s+bit\s+of|more)\s+(?:time|space)|"
    r"work on|focus on|read|block|mute|unfollow|take a break|take some time|set boundaries|"
    # "take" only with a named rest: "take all my pills" is not a step
    r"take (?:a |an |some )?(?:short |little |proper |few )?(?:vacation|holiday|trip|day off|"
    r"days off|long weekend|walk|class|course)|"
    # "buy" or "get" only with a gift named: "buy" alone opens harmful steps too
    r"(?:buy|get) (?:him |her |them |my \w+ |myself )?(?:a |an |some )?(?:small |little |nice )?"
    r"(?:gift|present|flowers|card|chocolates)|"
    r"say no|run|jog|walk|exercise|work out|stretch|meditate|journal|study|practi[cs]e|learn|"
    # "do" only with a named practice: "do something stupid" is not a step
    r"do (?:some |more |a (?:little |bit of )?)?(?:yoga|pilates|tai chi|exercises?|stretches|"
    r"stretching|meditation|breathing exercises|journaling|journalling|gardening|puzzles|"
    r"volunteering|something (?:fun|nice|creative|relaxing|for myself))|"
    r"sign up|swim|cycle|cook|volunteer|apologi[sz]e|save|budget|organi[sz]e|prioriti[sz]e|"
    r"make (?:a|an|my) (?:schedule|plan|list|to-do list|timetable|budget|appointment|routine)|"
    r"set (?:a|an|my|more|some) (?:alarms?|goals?|timers?|reminders?|routine|schedule)|"
    # "give" only with another chance: "give up" and "give away my things" are not steps
    r"give (?:him|her|them|it|us|this|that) (?:another|a second|one more) (?:chance|try|go)|"
    # keeping a distraction or a reminder away: only with the thing named ("put my phone in
    # another room", "stop checking her instagram", "delete his number"); "stop" alone opens
    # "stop eating" and "stop taking my meds"
    r"put (?:my |the )?phone (?:away|down|in|on)|turn off (?:my |the )?(?:phone|notifications|"
    r"wifi|tv)|stop (?:checking|looking at|scrolling|following|texting|messaging|comparing|"
    r"overthinking|procrastinating|reading|saying yes)|"
    r"delete (?:his|her|their|the|that|my|those) (?:number|"
    r"messages?|texts?|photos?|pictures?|apps?|account|instagram|chats?|contact)|"
    r"keep (?:a|my) (?:journal|diary|routine|list|gratitude)|"
    r"start (?:writing|making|keeping|exercising|running|walking|journal(?:l)?ing|meditating|"
    r"saving|budgeting|reading|studying|planning|looking for|applying)|"
    r"get (?:some )?(?:sleep|rest|fresh air|exercise|help|therapy|counsell?ing|a tutor|a therapist|"
    r"professional help|a check-?up)|"
    # going somewhere only where the place is named and safe ("go back to the gym"); "go" alone
    # opens harmful steps too
    r"go (?:back )?to (?:the |a |my |that )?(?:climbing |yoga |dance |art |cooking )?(?:gym|"
    r"class|club|meetup|group|support group|doctor|therapist|counsell?or|library|church|"
    r"choir|practice|lessons?))\b[^.!?]*)"
)
_PLAN = re.compile(
    # "I wish I could find a job", "if I could sleep": a wish, not a step; nor a purpose ("they
    # dont answer there door so i can tell them about the issue", ESConv train: "Deciding to
    # tell them about the issue sounds like a good step")
    r"(?<!\bwish )(?<!\bif )(?<!\bonly )(?!(?:(?<=\bso )|(?<=\bso that ))i\s+(?:can|could)\b)"
    r"\bi(?:'ll| will| could| can| might| may| should| am going to|'m going to|'m gonna| am gonna"
    # a talk the user needs to have ("Perhaps I really need to have a conversation and see how
    # that goes first", ESConv valid, after a step named earlier); "I need to find a job" is a
    # need, not a step taken
    # ("I haven't talked with them ... I need to call them.", ESConv valid, got "Could you plan
    # one small thing this week that is just for you?")
    r"| (?:really |just |probably )?need to(?= (?:have (?:a|an|that) |talk |speak |tell |call |"
    r"text |message |reach out |contact |apologi[sz]e |ask )))\s+"
    + _STEP,
    re.I,
)
# "Should I talk to HR?", "Do you think I should call her?": the same step, put as a question
# that asks for the agent's view. Only where the question opens its clause: "How should I know?"
# and "Who should I call?" ask something else.
_WEIGHED = re.compile(
    # ... or a capital after a word, the stop left out ("I don't go to gym Should I ring him
    # ...?", ESConv train)
    r"(?:^\s*|[.!?;,]\s*|\b(?:so|and|but|or|then|well|maybe|perhaps)\s+|(?<=[a-z])\s(?=(?-i:S)))"
    r"(?:should i|shall i|do i (?:need|have) to|do you think i should|would it (?:help|be "
    r"(?:a good idea|good|better|wise|okay|ok|helpful))(?: for me)? (?:to|if i)"
    # "Do you think it would be helpful for me to try and talk to this woman ...?" (ESConv
    # train, had got a quiet hour)
    r"|do you think it (?:would|will|could) (?:help|be (?:a good idea|good|better|wise"
    r"|helpful))(?: for me)? (?:to|if i)"
    r"|is it (?:a good idea|worth it|better|okay|ok) (?:to|if i))\s+" + _STEP,
    re.I,
)
# "... What do you think?", "... Would that help?": a step said, then put to the agent
_VIEW_ASKED = re.compile(
    r"[^?]*?[.!]\s*(?:so\s+|but\s+)?(?:what\s+do\s+you\s+think|do\s+you\s+think\s+(?:so|that\s+"
    r"(?:would|will|could)\s+help|it\s+(?:would|will|could)\s+help)|thoughts|would\s+that\s+help"
    r"|is\s+that\s+a\s+good\s+idea)\s*\?+\s*$", re.I)
_NOT_A_STEP = re.compile(
    r"\b(?:forever|never|anymore|die|dead|death|kill|hurt|harm|cut|pills|overdose|revenge|"
    r"drunk|drink|alone|disappear|quit|give up|crazy|insane|suicide|end it|goodbye|bye|"
    r"jump|cliff|bridge|ledge|roof|traffic|tracks|train|sea|ocean|river|rope|gun|knife|razor|"
    r"bleach|run away|run off|runaway)\b",
    re.I,
)
# "I'll tell you what happened" is an offer to go on talking, not a step of one's own, and
# reflected back it would read "tell you what happened" to the user.
_TO_THE_AGENT = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_PEOPLE_VERBS = frozenset({"call", "ring", "phone", "text", "email", "message", "contact", "visit",
                           "ask", "tell"})
_NEEDS_OBJECT = frozenset({
    "try", "talk", "call", "ring", "phone", "ask", "tell", "look", "check", "find", "search",
    "contact", "reach",
    "write", "plan", "book", "join", "apply", "read", "text", "email", "message", "speak", "visit",
    "see a", "see my", "see the", "work on", "focus on", "learn", "sign up", "save", "look into",
    "check out", "look at"})
# a hope or a wish earlier in the sentence: "I hope I really do find some online work so I could
# start making money soon" (ESConv train) names no step taken ("Hopefully I can try to get past
# the nerves" is one, said tentatively)
_HOPED = re.compile(r"\b(?:i\s+(?:really\s+|just\s+|do\s+)?(?:hope|wish)|if\s+only)\b", re.I)
PLAN_WORDS = 8
"""A plan clause longer than this is not quoted back (it would not read as one step)."""


def _step(act: str) -> str | None:
    """The step in ``act`` up to the first comma or conjunction; ``""`` when too long to quote,
    None when it is harmful or addressed to the agent."""
    if _NOT_A_STEP.search(act) or _TO_THE_AGENT.search(act):
        return None
    # "buy her a gift or something to start ..." gives "buy her a gift"
    # ... and before thanks or a hedge told after it ("try it I guess thanks for that tip",
    # ESConv valid: "Could you pick a time to try it you guess thanks for that tip?")
    # runs of spaces made one first: the hedge patterns below, anchored at the end, would scan
    # a long run once from each of its spaces ("I'll talk" before 20,000 spaces took 52 s)
    act = " ".join(act.split())
    step = re.split(r",|;|\b(?:but|and|because|so|since|or (?:something|anything)|thanks?|"
                    r"thank\s+you|i\s+guess|i\s+think|i\s+suppose)\b", act)[0].strip()
    # a hedge after the step is not part of it ("book another one I guess"), nor how often
    # ("I can talk to my friends sometimes", ESConv train: "Could you pick a time to talk to
    # your friends sometimes?")
    step = re.sub(r"(?:\s+(?:i\s+guess|i\s+think|i\s+suppose|i\s+hope|maybe|probably|then|anyway|"
                  r"or\s+something|for\s+sure|definitely|though|tho|lol|haha|sometimes|"
                  r"occasionally|from\s+time\s+to\s+time))+$", "", step, flags=re.I)
    # "I will try.", "I'll try that." name no step to build on, nor "i could talk to" cut off
    # before its object ("Then your idea to talk to sounds like a good one", ESConv valid)
    # ("call them" names people to call, as "try them" names nothing)
    # ... nor "I will try many times" (ESConv train: "Could you pick a time to try many
    # times?"): how often or how hard is no object
    # ... nor "find by myself" (ESConv train, of a therapist: "Could you pick a time to find by
    # yourself?"): who does it is no object either
    core = re.sub(r"(?:\s+(?:again|harder|more|many\s+times|(?:one\s+)?more\s+times?|"
                  r"my\s+(?:best|hardest)|every\s+day|by\s+myself|on\s+my\s+own|myself))+$", "",
                  step.lower())
    # a time after it ("I'll look into that tomorrow", "I'll try that after this chat") names
    # no object either, but a step with a time is planned: a plan not quoted ("Could you pick a
    # time to try that after this chat?", ESConv train)
    untimed = re.sub(r"(?:\s+(?:after\s+(?:this|the|our)\s+(?:chat|talk|conversation)|later|"
                     r"tonight|tomorrow|today|soon|now))+$", "", core)
    bare = re.sub(r"\s+(?:that|it|this|those|them)$", "", untimed)
    if ((bare in _NEEDS_OBJECT
         and not (untimed.endswith(" them") and bare in _PEOPLE_VERBS))
            or re.search(r"\s(?:to|with|about|for|on|at|into|from|of)$", step.lower())
            or step.lower().startswith("look forward")):  # a hope, not a step
        return "" if untimed != core and bare != untimed else None
    return step if len(step.split()) <= PLAN_WORDS else ""


def stated_plan(text: str) -> str | None:
    """The step the user says they will or could take, in their words up to the first comma or
    "but"/"and"/"because"/"so"; ``""`` when the step is too long to quote, None when there is
    none. A question ("Should I call him?") is not a plan (see ``weighed_step``).

    >>> stated_plan("Maybe I could talk to HR."), stated_plan("I'm going to lose my job.")
    ('talk to HR', None)
    >>> stated_plan("I guess I'll try to sleep early, I'm exhausted.")
    'sleep early'
    >>> stated_plan("I'll book another one I guess")
    'book another one'
    >>> stated_plan("I'll sleep forever."), stated_plan("I'm going to give up.")
    (None, None)
    >>> stated_plan("Maybe I could run after work."), stated_plan("I'll walk to the cliff.")
    ('run after work', None)
    >>> stated_plan("I'll tell you what happened.") is None
    True
    >>> stated_plan("I don't know, maybe I should make a schedule")
    'make a schedule'
    >>> stated_plan("Maybe I should go back to the climbing gym.")
    'go back to the climbing gym'
    >>> stated_plan("yeah i will try"), stated_plan("I should start writing lists.")
    (None, 'start writing lists')
    >>> stated_plan("I will try many times."), stated_plan("I'll call them again.")
    (None, 'call them again')
    >>> stated_plan("Ok. I'll try that. The next gal that I like, I'll ask her to coffee.")
    'ask her to coffee'
    >>> stated_plan("I'll go to the bridge.") is None
    True
    >>> stated_plan("I wish I could find a job, I have been applying everywhere.") is None
    True
    >>> stated_plan("I do wish I had a good friend who I could talk to.") is None
    True
    >>> stated_plan("I hope I find some work so I could start saving soon") is None
    True
    >>> stated_plan("I can find some in bigger cities but I don't want to move.") is None
    True
    >>> stated_plan("I will call her tomorrow but I don't know what to say")
    'call her tomorrow'
    >>> stated_plan("they dont answer there door so i can tell them about the issue") is None
    True
    >>> stated_plan("I can try talking to their family but I am afraid I am not that close")
    >>> stated_plan("I can talk to my friends sometimes. I have big goals.")
    'talk to my friends'
    >>> stated_plan("its okey, i will find by myself"), stated_plan("I will cook by myself")
    (None, 'cook by myself')
    >>> stated_plan("I'll try that after this chat, thanks"), stated_plan("I'll call her tonight")
    ('', 'call her tonight')
    >>> stated_plan("I will try tomorrow")
    """
    if "?" in text:
        return None
    # the first step said that can be built on: "I'll try that. I'll ask her to coffee."
    # gives "ask her to coffee"
    return next((step for found in _PLAN.finditer(text)
                 if not _HOPED.search(re.split(r"[.!?]", text[:found.start()])[-1])
                 # ("I can find some in bigger cities but I don't want to move", ESConv valid,
                 # had been told "Deciding to find some in bigger cities sounds like a good
                 # step, and it's one you chose")
                 and not _REFUSED.match(re.split(r"[.!?]", text[found.start("act"):])[0])
                 and (step := _step(found.group("act"))) is not None), None)


_REFUSED = re.compile(
    r"[^.!?]*?\b(?:but|though|although|except)\s+(?:i|we)\s+(?:really\s+|just\s+)?"
    r"(?:(?:don'?t|do\s+not|won'?t|will\s+not|wouldn'?t|would\s+not)\s+(?:really\s+)?(?:want|wanna|"
    r"like|feel\s+like)\b|would\s+rather\s+not\b|can'?t\b|cannot\b|(?:am|'m)\s+not\s+(?:going|gonna|"
    # ("I can try talking to their family but I am afraid I am not that close to their family",
    # ESConv train: "Deciding to try talking to their family sounds like a good step")
    r"ready|willing)\b|(?:am|'m)\s+(?:afraid|scared|worried|not\s+sure)\b)", re.I)


_ASKS_FIRST = re.compile(r"\s*(?:do|does|did|where|how|what|which|who|when|why|is|are|can|"
                         r"could|would|will|have|has)\b", re.I)


def weighed_step(text: str) -> str | None:
    """The step the user weighs and asks the agent about ("Should I talk to HR?", "Maybe I
    should call her?", "Would it help to write it down?"), as ``stated_plan`` gives it; None
    when the message weighs no step of its own, or a harmful one.

    >>> weighed_step("Maybe I should talk to HR?"), weighed_step("Do you think I should call her?")
    ('talk to HR', 'call her')
    >>> weighed_step("Would it help to write down what happened?")
    'write down what happened'
    >>> weighed_step("Should I just give up?"), weighed_step("Should I take all my pills?")
    (None, None)
    >>> weighed_step("How should I know?"), weighed_step("Who should I call?")
    (None, None)
    >>> weighed_step("Maybe I should talk to HR."), weighed_step("Should I tell you more?")
    (None, None)
    >>> weighed_step("I should try yoga. Maybe I should go back to it. What do you think?")
    'try yoga'
    >>> weighed_step("Do I need to buy her a gift or something to start the conversation?")
    'buy her a gift'
    >>> weighed_step("Do I have to tell him?"), weighed_step("Do I need to buy more pills?")
    ('tell him', None)
    >>> weighed_step("Do you think it would be helpful for me to try and talk to this woman?")
    'talk to this woman'
    >>> weighed_step("Should I ring him and tell everything I feel about him?")
    'ring him'
    >>> weighed_step("Do you know of any place I can find some?") is None
    True
    """
    found = _WEIGHED.search(text)
    if found is None:
        # a plan said with a rising voice: "Maybe I should talk to HR?", "I'll call her, okay?",
        # or put to the agent after it: "Maybe I should go back to it. What do you think?"
        found = _PLAN.search(text)
        if found is None or not (re.match(r"[^.!]*\?", text[found.end("act"):])
                                 or _VIEW_ASKED.match(text[found.end("act"):])):
            return None
        # "Do you know of any place I can find some?" (ESConv train) asks a question of its own,
        # with no step of the user's in it
        if _ASKS_FIRST.match(re.split(r"[.!?]", text[:found.start()])[-1]):
            return None
    return _step(found.group("act"))


# "I already tried that.", "That doesn't help.": a step, likely the agent's, has been tried. The
# agent does not restate it as news; a suggestion after it offers something different.
_TRIED = re.compile(
    r"\bi(?:'ve|\s+have)?\s+(?:already\s+)?tried\s+(?:(?:both|all)\s+(?:of\s+)?)?"
    r"(?:that|it|this|those|them|these)\b"
    # ("if that doesn't work maybe there are some support groups out there?", ESConv valid,
    # a step not yet tried, had got "Then maybe something different.")
    r"|(?<!\bif\s)(?<!\bin\scase\s)(?<!\bwhat\sif\s)(?<!\bunless\s)"
    r"\b(?:that|it|this)\s+(?:doesn't|does\s+not|didn't|did\s+not|won't|will\s+not|never)\s+"
    r"(?:work|works|help|helps|helped|worked)\b",
    re.I,
)


def tried_already(text: str) -> bool:
    """The user says a step has been tried, or does not help ("I already tried that").

    >>> tried_already("I already tried that, it doesn't work."), tried_already("It didn't help.")
    (True, True)
    >>> tried_already("I tried yoga last year and loved it."), tried_already("It helps a bit.")
    (False, False)
    >>> tried_already("Yes, I've tried both of those. It's mostly luck based.")
    True
    >>> tried_already("yeah I really need to give that go. if that doesn't work maybe there "
    ...               "are some support groups out there?")
    False
    """
    return _TRIED.search(text) is not None
