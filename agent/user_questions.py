"""Questions a user puts to the agent about their trouble that no strategy line answers.

ESConv's seekers ask them after telling their trouble (806 questions in train after the
second exchange that no other act takes): whether to do something ("Should I kick them out?"),
what someone else thinks or feels ("Do you think he still loves me?", "Was she needing more
from me?"), and facts about the world ("Can dogs recover from kidney failure?"); and they check
what the agent meant ("Like meditation?", "So I should distance myself for a while?"). A question
back, the strategy's usual line, leaves them unanswered. The offline responder answers each
honestly: the choice is the user's, another's mind is not the agent's to know, and it has no
reliable facts to give; then it asks one thing that helps the user go on.

Only the message's last sentence is read, and only when it is the question: a question in the
middle of a story is not the thing to answer. A question that names harm (giving up, pills,
hitting someone) is never one of these; the safety stage and the support strategies answer it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from agent.dialogue_acts import asks_for_advice, asks_if_normal, self_insult
from agent.responder_words import HER, HIM, PEOPLE
from agent.troubles import tells_trouble
from agent.user_steps import stated_plan, weighed_step
from perception.base import split_sentences

Kind = Literal["decision", "either", "check", "example", "their_mind", "future", "fact",
               "view", "self_blame", "body", "belief", "path"]

MAX_QUESTION_WORDS = 25
"""A longer question is a story that ends in a question mark, not a question to answer."""

# what opens a question without changing it ("So should I ...", "But do you think ...")
_MARKERS = r"(?:(?:so|but|and|or|then|well|ok|okay|honestly|like|i mean|i wonder)[,\s]+)*"
# Words of harm, to oneself or others, or of eating, drinking and medication: a question with
# one of them is left to the safety stage and the strategies, and is never told it is normal.
# The endings are spelled out: a bare stem would also catch "quite", "diet", "deadline", "cute"
# and "burnout".
HARM = re.compile(
    r"\b(?:die[ds]?|dying|dead|death|kill\w*|hurt\w*|harm(?:s|ed|ing)?|cut(?:s|ting)?|pills?|"
    r"overdos\w*|revenge|drunk|drink\w*|suicid\w*|end it|give up|quit(?:s|ting)?|disappear\w*|"
    r"jump\w*|guns?|knives|knife|hit(?:s|ting)?|punch\w*|slap\w*|beat(?:s|ing|en)?|fight\w*|"
    r"attack\w*|stab\w*|shoot\w*|shot|steal\w*|stole|burn(?:s|ed|ing)?|smash\w*|destroy\w*|"
    r"meds|medication\w*|medicine|eat(?:s|ing)?|starv\w*|run away|abus\w*|threat\w*|"
    r"stalk\w*)\b",
    re.I,
)
# The body's care: eating, sleeping, drinking, medication. A question of fact or of what is
# normal about them ("Is it normal to not eat for days?"), or a choice about medication
# ("Should I stop taking my meds?"), is one for a doctor; the agent says so and is never the
# one to call it normal. (Harm to oneself is the safety stage's, which answers first.)
_BODY = re.compile(
    r"\b(?:eat(?:s|ing|en)?|ate|food|meals?|appetite|starv\w*|sleep(?:s|ing)?|slept|"
    r"insomnia|drink(?:s|ing)?|drunk|alcohol|booze|meds|medications?|medicines?|pills?|"
    r"tablets?|prescriptions?|dose|doses|dosage|antidepressants?|weight|throw(?:ing)? up|"
    r"vomit\w*|pass(?:ing|ed)? out|faint\w*)\b",
    re.I,
)
# asked of the body's care: whether it is all right or safe ("Is it okay to drink every night
# to cope?"), or a question of the world whose subject is the care itself ("Can antidepressants
# make you feel worse?", "Does not eating make it worse?"; "Do you eat?" asks the agent, and
# "Is the only advice you have to eat alone?" is a complaint)
_BODY_ASKED = re.compile(
    rf"^{_MARKERS}(?:is it (?:ok|okay|alright|all right|fine|normal|bad|safe|dangerous|"
    r"healthy|unhealthy|wrong) (?:to|that|if|for)\s+(?:i\s+)?"
    r"|(?:can|could|do|does|is|are|will|would)\s+(?:the |not |too much |too little |no |"
    r"lack of )?)",
    re.I,
)
# Asking to be believed in ("Do you believe in me? That I will pass well?", ESConv valid; "Do
# you think I can do it?"): anywhere in the message, since what follows often spells it out
_BELIEF = re.compile(
    r"\b(?:do|don't|dont)\s+(?:you|u)\s+(?:believe\s+in\s+me|have\s+faith\s+in\s+me|think\s+i\s+"
    r"(?:can|could|will|'ll)\s+(?:really\s+|actually\s+)?(?:do\s+(?:it|this|that)|make\s+it|pass|"
    r"get\s+through\s+(?:it|this)|handle\s+(?:it|this)|succeed|manage|cope))\b[^.!]*\?",
    re.I,
)
# Whether a trouble of the body has a health cause ("Would this relate to a health problem of
# not being active or maybe stress?", ESConv valid, after tiredness in spite of 8 hours' sleep,
# had got "I can't say I've felt down the way you do"): a doctor's question too
_HEALTH_CAUSE = re.compile(
    rf"^{_MARKERS}(?:could|would|might|can|is|does|do|are)\s+(?:this|that|it|these|those|there|i)\b"
    r"[^?]{0,60}?\b(?:(?:health|medical|physical|underlying)\s+(?:problems?|issues?|conditions?|"
    r"causes?|reasons?)|thyroid|an[a]?emi\w*|(?:vitamin|iron)\s+deficien\w*|sleep\s+apnea|"
    r"hormon\w*)\b",
    re.I,
)
# Whether the way they have chosen is right ("In your opinion, Am I in the right path?", ESConv
# valid, after weighing a job search with his wife; it had got "Before bed tonight, could you
# note one thing that went even a little bit right?")
_PATH = re.compile(
    r"\b(?:am|are)\s+(?:i|we)\s+(?:on|in|going\s+(?:down|in))\s+the\s+right\s+(?:path|track|"
    r"direction|road)\b[^.!]*\?|\b(?:am|are)\s+(?:i|we)\s+doing\s+the\s+right\s+thing\b[^.!]*\?",
    re.I,
)
_MEDS = re.compile(r"\b(?:meds|medications?|medicines?|pills?|tablets?|prescriptions?|dose|"
                   r"doses|dosage|antidepressants?)\b", re.I)
_DECISION = re.compile(
    # ("you think i should move?", ESConv train, without its "do")
    rf"^{_MARKERS}(?:should i|shall i|(?:do )?(?:you|u) think (?:that )?i should|"
    r"would it be (?:wrong|bad|selfish|mean|crazy|stupid|unfair|rude|better|smarter|okay|ok) "
    r"(?:of me )?(?:to|if i)|is it (?:wrong|bad|selfish|mean|unfair|rude) (?:of me )?(?:to|if i)"
    r"|is it (?:a )?(?:good|bad|smart|wise) (?:idea )?to"
    # "Do you think it would still be worth it to ask?" (ESConv valid, after a step was
    # suggested; had got "You're being honest with yourself about this")
    r"|(?:do you think )?(?:is|would) it (?:still |really |even )?(?:be )?worth (?:it )?"
    # ("So is it even worth bringing it up at all?", ESConv valid)
    r"(?=(?:to|\w+ing)\b)(?:to)?"
    r"|do you think it (?:would|will|could) (?:still |really |even )?be worth (?:it )?(?:to)?)"
    r"\s*(?P<rest>\w.*)$",
    re.I,
)
# "I was thinking about getting a dog. Is that a good idea?" (ESConv train): the step named just
# before is the choice
_UNMARKED = re.compile(rf"^{_MARKERS}(?:should|shall)\s+i\s+(?:\w+\s+){{1,10}}\w+[\s.]*$", re.I)
_IDEA = re.compile(rf"^{_MARKERS}(?:is|would) (?:that|this) (?:be )?(?:a )?(?:good|bad|smart|wise|"
                   r"terrible|dumb) idea\s*\?+$", re.I)
_PEOPLE_WORDS = "|".join(sorted(PEOPLE | {"partner", "ex"}, key=len, reverse=True))


def _someone(n: int) -> str:
    """Someone in the user's story as the subject of a question about their mind, captured as
    group ``who<n>`` (a pattern may name it in more than one of its branches)."""
    return rf"(?P<who{n}>he|she|they|(?:my|our) (?:{_PEOPLE_WORDS}))"


_MIND = (r"(?:still |really |even |ever |just |actually )*"
         r"(?:loves?|cares?|likes?|miss(?:es)?|wants?|hates?|means?|meant|regrets?|feels?|felt|"
         r"thinks?|thought|knows?|knew|cared|loved|liked|wanted|needs?|needed|needing|"
         r"(?:will|would|could|might|may) (?:ever )?(?:come back|change|forgive|call|text|"
         r"talk to me|take me back|love|apologi[sz]e|understand|be|have|still)|"
         r"(?:is|was|are|were) (?:mad|angry|upset|ignoring|avoiding|cheating|lying|using|seeing|"
         r"jealous|interested|over me|done with me|testing|serious))\b")
_THEIR_MIND = re.compile(
    rf"^{_MARKERS}(?:(?:do you think|do you believe|you think|do you reckon)\s+(?:that\s+)?"
    rf"{_someone(1)}\s+{_MIND}"
    rf"|(?:does|did|do|is|was|were|are|will|would|could)\s+{_someone(2)}\s+"
    r"(?:still |really |even |ever |just |actually )*"
    r"(?:love|care|like|miss|want|hate|mean|regret|feel|think|know|need|needing|mad|angry|upset|"
    r"ignoring|avoiding|cheating|lying|using|seeing|jealous|interested|over me|done with me|"
    r"come back|change|forgive|take me back|understand)\b"
    rf"|why (?:did|does|do|would|is|was|are|were|has|have|can't|won't|doesn't|didn't)\s+"
    rf"{_someone(3)}\s)",
    re.I,
)
_FACT = re.compile(
    rf"^{_MARKERS}(?:is|are|was|were|can|could|will|does|do|did|has|have)\s+"
    r"(?:(?:the|most|many|people|doctors|vets|dogs|cats)\b"
    # "Is COVID as bad as it sounds?": a name that is no one in the user's story
    r"|(?!(?:i|you|we|he|she|they|it|this|that|these|those|his|her|their|your|my|our|me|us|"
    r"them|there|a|an|any|some|anyone|someone|everyone|anybody|somebody|everybody|everything|"
    r"anything|nothing)\b)"
    r"[a-z]+\s+(?:\w+\s+)?(?:as|so|really|very|too|ever|contagious|curable|serious|safe|dangerous|"
    r"deadly|hereditary|treatable|normal|common|recover|heal|work|help|hurt|spread|last|go)\b"
    r"|it\s+(?:possible|true|safe|legal|likely|dangerous|contagious|serious|hereditary|curable|"
    r"treatable|deadly|common)\b)",
    re.I,
)
# a fact about the world names neither the user nor the agent: "Can a therapist help me with
# that?" or "Is there anything else you want to talk about?" asks something else
_PERSONAL = re.compile(r"\b(?:i|i'm|i've|me|my|mine|we|us|our|you|your|u|ur)\b", re.I)
# "Do you think I will lose my job?", "Will this ever be over?": how things will turn out.
# Whether a step will help is weighed elsewhere (agent.user_steps), and whether it will get
# better is asked as "is this normal" (agent.dialogue_acts.asks_if_normal).
# the fear asked at the end of a sentence: "I'm fairly certain I have most of it memorized but
# what happens if I freeze up and forget during the test?" (ESConv train, had got a sleep step)
_FEAR_AFTER_BUT = re.compile(r"\b(?:but|and|so)\s+what\s+(?:happens|will\s+happen|would\s+happen|"
                             r"if)\s+(?:if\s+)?(?:(?:she|he|they|it|my\s+\w+)\b|(?:i|we)\b(?!\s+(?:just\s+)?"
                             r"(?:try|tried|do|did|go|went|start|started|call|called|talk|talked|"
                             r"ask|asked|tell|told)\b))[^?]*\?+\s*$", re.I)
_FUTURE = re.compile(
    rf"^{_MARKERS}(?:(?:do you think|you think|do you reckon)\s+(?:that\s+)?"
    r"(?:i|this|it|things|we|my \w+)\s+(?:will|'ll|would|is going to|am going to|are going to)"
    r"|will (?:i|this|things|we)\b|am i (?:ever )?going to"
    # a fear put as a question: "But what if she gets mad?" (ESConv valid, had got a line about
    # stress)
    # ("What if we try yoga?" proposes a step)
    # "what happens if I freeze up and forget during the test?" (ESConv train)
    r"|what (?:happens|will happen|would happen) if\b"
    r"|what if (?:she|he|they|it|my \w+|things)\b|what if (?:i|we)\b(?! (?:just )?(?:try|tried|do|"
    r"did|go|went|start|started|call|called|talk|talked|ask|asked|tell|told)\b))\b(?P<rest>.*)$",
    re.I,
)
# "Do you know if there are any fees?", "Do u have any idea about side effects of the
# vaccine?": a fact asked of the agent; what follows names neither party ("Do you know what I
# mean?" and "do you know how I can access it?" ask something else)
_KNOW = re.compile(
    rf"^{_MARKERS}(?:do|would)\s+(?:you|u)\s+(?:happen\s+to\s+)?(?:know|have\s+any\s+idea)"
    r"(?:\s+about)?\s+(?P<rest>(?:if|whether|about|how\s+(?:much|many|long|often)|what|when|where"
    r"|side\s+effects)\b.*)$",
    re.I,
)
# "What is your point of view on masks?" (ESConv valid), "What's your thoughts on the economy
# going forward?" (ESConv train): the agent's own view of the world, which it does not hold
_VIEW = re.compile(
    rf"^{_MARKERS}what(?:'s|\s+is|\s+are)\s+your\s+(?:opinion|views?|point\s+of\s+view|take|"
    r"thoughts|stance)\s+(?:on|about|of)\s+(?P<rest>.+)$",
    re.I,
)
# "Like meditation?", "You mean like a hot bath? Or a good book?" (ESConv valid): an example of
# what the agent said, offered back to check it
_EXAMPLE = re.compile(
    r"\W*(?:(?:so|oh|ok|okay|you\s+mean|do\s+you\s+mean|so\s+you\s+mean)[,\s]+)*"
    r"(?:like|such\s+as|something\s+like)\s+(?!what\b)[^?.!]{1,60}\?+"
    r"(?:\s*(?:or|and)?\s*(?:like\s+)?[^?.!]{1,60}\?+)?\s*",
    re.I,
)
# "So I should really distance myself for a while right?", "So you don't think I should give
# him another chance?" (ESConv valid): the agent's drift checked back
_CHECK = re.compile(
    rf"^{_MARKERS}(?:so|oh|ok|okay)[,\s]+(?:you\s+(?:don't\s+|do\s+not\s+)?think\s+)?"
    r"i\s+(?:should(?:n't)?|need\s+to|have\s+to)\s+(?P<rest>\w.*)$"
    # a step named as a gerund and put to the agent: "Do you think taking a practice exam would
    # help?" (ESConv train, had got "That's wonderful! Maybe keep a note of what helped today")
    rf"|^{_MARKERS}(?:do\s+)?(?:you|u)\s+think\s+(?P<rest3>\w+ing\b[^?]{{2,60}}?)\s+(?:would|will|could|"
    r"might|may)\s+(?:really\s+)?(?:help|work)\b[^?]*\?*$"
    # "You mean should I give her time?" (ESConv valid, had got "before bed tonight, could you
    # note one thing that went even a little bit right?")
    rf"|^{_MARKERS}(?:so\s+)?(?:do\s+)?you\s+mean\s+(?:that\s+)?(?:i\s+(?:should(?:n't)?|need\s+to|"
    r"have\s+to)|should\s+i)\s+(?P<rest2>\w.*)$",
    re.I,
)
# "Is it my fault?", "Why me? What did I do wrong?", "Is it because of me?": blame taken on. A
# supporter neither agrees nor denies what it cannot know; it answers the weight of it.
_SELF_BLAME = re.compile(
    r"\b(?:(?:is|was)\s+(?:it|this|that|all\s+(?:this|that))\s+(?:all\s+|really\s+)?my\s+fault"
    r"|what\s+did\s+i\s+do\s+(?:wrong|to\s+deserve|to\s+make)|did\s+i\s+do\s+something\s+wrong"
    r"|why\s+me|am\s+i\s+(?:the\s+one\s+)?to\s+blame|(?:is|was)\s+it\s+(?:all\s+)?because\s+of\s+me"
    r"|was\s+it\s+something\s+i\s+did|what\s+have\s+i\s+done\s+wrong|where\s+did\s+i\s+go\s+wrong"
    r"|(?:is|was)\s+(?:it|this)\s+on\s+me)\b",
    re.I,
)
_HELPS = re.compile(r"\b(?:help|helps|work|idea|worth|beneficial|better|worse|easier|hard|"
                    r"harder)\b", re.I)


def question_asked(text: str) -> tuple[Kind, str] | None:
    """The kind of question the message ends in, and whom it is about (``"he"``, ``"your
    boyfriend"``; ``""`` when no one), or None.

    >>> question_asked("My roommates party all night. Should I kick them out?")
    ('decision', '')
    >>> question_asked("Do you think he still loves me?")
    ('their_mind', 'he')
    >>> question_asked("Was my girlfriend needing more from me?")
    ('their_mind', 'your girlfriend')
    >>> question_asked("Can dogs recover from kidney failure?")
    ('fact', '')
    >>> question_asked("Is COVID as bad as it sounds?")
    ('fact', '')
    >>> question_asked("Should I just give up?"), question_asked("Should I hit him back?")
    (None, None)
    >>> question_asked("Should I kick them out? I don't know."), question_asked("Is it raining")
    (None, None)
    >>> question_asked("Should I keep studying or get some rest?")
    ('either', '')
    >>> question_asked("Should I read fiction or nonfiction"), question_asked("I should read")
    (('either', ''), None)
    >>> question_asked("Do you think I will lose my job?"), question_asked("Will it help?")
    (('future', ''), None)
    >>> question_asked("Do you know if there are any fees?")
    ('fact', '')
    >>> question_asked("Do you know what I mean?")
    >>> question_asked("What is your point of view on masks?")
    ('view', '')
    >>> question_asked("You mean like a hot bath? Or a good book?"), question_asked("Like what?")
    (('example', ''), None)
    >>> question_asked("So I should really distance myself for a while right?")
    ('check', '')
    >>> question_asked("Why me? What did I do wrong?"), question_asked("Is it because of me?")
    (('self_blame', ''), ('self_blame', ''))
    """
    if _EXAMPLE.fullmatch(text) is not None and not HARM.search(text):
        return "example", ""
    if _BELIEF.search(text) is not None and not HARM.search(text):
        return "belief", ""
    if _PATH.search(text) is not None and not HARM.search(text):
        return "path", ""
    sentences = split_sentences(text)
    if not sentences:
        return None
    question = sentences[-1].strip()
    if not question.endswith("?"):
        # a choice asked without its mark, as chat often is ("Should I read fiction or
        # nonfiction", ESConv valid, had been told "It might help to read fiction or
        # nonfiction"); other questions need the mark
        if not _UNMARKED.match(question):
            return None
        question += "?"
    if len(question.split()) > MAX_QUESTION_WORDS:
        return None
    if _BODY.search(question) is not None and (
            asks_if_normal(question)
            or ((found := _BODY_ASKED.match(question)) is not None
                and _BODY.match(question, found.end()) is not None)
            or ((found := _DECISION.match(question)) is not None
                and _MEDS.search(found["rest"]) is not None)) or _HEALTH_CAUSE.match(question):
        return "body", ""
    if HARM.search(question):
        return None
    if _SELF_BLAME.search(question) is not None:
        return "self_blame", ""
    if ((found := _CHECK.match(question)) is not None
            and len((found["rest"] or found["rest2"] or found["rest3"]).split()) >= 2):
        return "check", ""
    if _IDEA.match(question) is not None and len(sentences) > 1:
        return "decision", ""
    if (found := _DECISION.match(question)) is not None:
        rest = found.group("rest")
        # "Should I tell you more?" asks about the talk, not a choice in their life, and
        # "Should I be?" (worried) no choice at all
        # "Shall I try this?" after a suggestion takes it up: the step is the agent's own
        # ("worth it to ask?", "Should I move?" say their choice in one word; "Should I be?"
        # and "Should I go?" (from the talk) do not)
        if (re.search(r"\b(?:you|u)\b", rest, re.I)
                or (len(rest.split()) < 2 and "worth" not in found.group(0).lower()
                    and (not rest.strip() or re.fullmatch(
                        r"(?:be|do|go|have|it|this|that|so|not|too|now|\W*)\W*", rest, re.I)))
                or re.fullmatch(r"\w+\s+(?:this|that|it)\W*", rest, re.I)):
            return None
        return ("either" if re.search(r"\bor\b", rest, re.I) else "decision"), ""
    if (found := _THEIR_MIND.match(question)) is not None:
        who = next(w for w in (found.group("who1"), found.group("who2"), found.group("who3"))
                   if w)
        return "their_mind", re.sub(r"^(?:my|our)\b", "your", who.lower())
    if (found := _FUTURE.match(question)) is not None:
        return (None if _HELPS.search(found.group("rest")) else ("future", ""))
    if _FEAR_AFTER_BUT.search(question) is not None:
        return "future", ""
    if _FACT.match(question) is not None and not _PERSONAL.search(question):
        return "fact", ""
    if (found := _KNOW.match(question)) is not None and not _PERSONAL.search(found["rest"]):
        return "fact", ""
    if (found := _VIEW.match(question)) is not None and not _PERSONAL.search(found["rest"]):
        return "view", ""
    return None


def question_to_answer(text: str, earlier: Sequence[str] = ()) -> tuple[Kind, str] | None:
    """``question_asked``, unless another act answers the message: advice asked for, a step of
    the user's own weighed ("Should I talk to HR?", agent.user_steps), whether a feeling is
    normal, the user running themselves down. A question of fact is answered here only once a
    trouble is told (``earlier``: the user's previous messages); in small talk the responder
    says it does not know.

    >>> question_to_answer("Can dogs recover from kidney failure?")
    >>> question_to_answer("Can dogs recover from kidney failure?", ["My dog is very sick."])
    ('fact', '')
    >>> question_to_answer("Should I talk to HR?"), question_to_answer("Is it bad that I cry?")
    (None, None)
    """
    asked = question_asked(text)
    if asked is not None and asked[0] == "body":  # "Is it normal to not eat for days?"
        return asked
    if (asked is None or asks_for_advice(text) or asks_if_normal(text)
            or self_insult(text) is not None
            # a step weighed is answered as one, unless it is a choice between two ("Should I
            # read fiction or nonfiction")
            or (weighed_step(text) is not None and asked[0] != "either")
            or stated_plan(text) is not None):
        return None
    if asked[0] == "fact" and not any(tells_trouble(t) for t in (*earlier, text)):
        return None
    return asked


def pronouns(who: str) -> tuple[str, str]:
    """The subject and possessive to say ``who`` by ("your boyfriend": "he", "his").

    >>> pronouns("she"), pronouns("your dad"), pronouns("your friend")
    (('she', 'her'), ('he', 'his'), ('they', 'their'))
    """
    last = who.split()[-1] if who else "they"
    if last in ("she", *HER):
        return "she", "her"
    if last in ("he", *HIM):
        return "he", "his"
    return "they", "their"


DECISION_REPLIES: tuple[str, ...] = (
    "That's your call to make, and I don't think there's one right answer. If you did, what "
    "would you hope would change?",
    "I can't make that choice for you, but I can help you think it through. What pulls you "
    "towards it, and what holds you back?",
)
EITHER_REPLIES: tuple[str, ...] = (
    "Both could make sense, and you know your situation better than I do. When you picture "
    "doing each one, which feels closer to right?",
    "I can't choose for you, but we can weigh them. What would each one cost you, and what "
    "would it give you?",
)
FUTURE_REPLIES: tuple[str, ...] = (
    "I can't know how it will turn out, and I won't pretend to. What do you think is most "
    "likely, when you look at it calmly?",
    "Nobody can promise how this goes, me included. What would help you carry the not "
    "knowing for now?",
)
CHECK_REPLIES: tuple[str, ...] = (
    "I can't say for sure what's right for you; you know the situation best. How does it sit "
    "with you when you picture it?",
    "It's only a thought, and you're the one who knows how it would land. What does your gut "
    "say?",
)
EXAMPLE_REPLIES: tuple[str, ...] = (
    "Yes, something like that, whatever suits you best. Which would feel easiest to start "
    "with?",
    "Something like that, yes; whatever feels doable for you. What comes to mind first?",
)
SELF_BLAME_REPLIES: tuple[str, ...] = (
    "That you're asking says how much this matters to you. Blame rarely sits with one person "
    "alone. What makes you feel it's on you?",
    "Asking that is a heavy thing to carry. When something hurts this much, we often look for "
    "what we did. What makes you wonder if it was you?",
)
VIEW_REPLIES: tuple[str, ...] = (
    "I'm a program, so I don't hold views of my own on that, and I'd rather not pretend to. "
    "What do you make of it yourself?",
    "I don't have a side of my own to take there; I'm a computer program. How do you see it?",
)
THEIR_MIND_REPLIES: tuple[str, ...] = (
    "I can't know what is in {pos} mind, and I'd only be guessing. What makes you wonder?",
    "Only {subj} could really answer that, and I don't want to guess at it for you. What do "
    "you make of it yourself?",
)
BELIEF_REPLIES: tuple[str, ...] = (
    "I do. From what you've told me, you're facing this instead of avoiding it, and that says "
    "a lot about what you can do. What makes you doubt it?",
    "Yes. You're taking it seriously and getting ready for it, which is most of what it takes. "
    "What would help you believe it a little more yourself?",
)
BODY_REPLIES: tuple[str, ...] = (
    "Your body matters here, and I can't judge what's behind this or what's safe for it. A "
    "doctor can, and it's worth asking one soon. Is that something you could do?",
    "That's a question for a doctor, who can look at what's going on and what's safe for you, "
    "and it's worth asking one soon. What has been making this so hard?",
)
PATH_REPLIES: tuple[str, ...] = (
    "From what you've told me, you've thought this through with care, and that counts for a "
    "lot. I can't promise how it goes; what makes you unsure?",
    "You know your situation better than I do, and the way you're weighing it sounds careful "
    "and honest. What would tell you it's working?",
)
FACT_REPLIES: tuple[str, ...] = (
    "I honestly don't know enough to answer that well, and I'd rather not guess about "
    "something that matters this much. Who could you ask who would know?",
    "I'm not a reliable source on that, and a guess from me wouldn't help you. What have you "
    "been able to find out so far?",
)


def question_replies(kind: Kind, who: str) -> tuple[str, ...]:
    """The offline answers to a question of ``kind`` about ``who`` (see ``question_asked``).

    >>> question_replies("their_mind", "your boyfriend")[0]
    "I can't know what is in his mind, and I'd only be guessing. What makes you wonder?"
    """
    if kind != "their_mind":
        return {"decision": DECISION_REPLIES, "either": EITHER_REPLIES, "check": CHECK_REPLIES,
                "example": EXAMPLE_REPLIES, "self_blame": SELF_BLAME_REPLIES,
                "future": FUTURE_REPLIES, "fact": FACT_REPLIES, "view": VIEW_REPLIES,
                "body": BODY_REPLIES, "belief": BELIEF_REPLIES, "path": PATH_REPLIES}[kind]
    subj, pos = pronouns(who)
    return tuple(r.format(subj=subj, pos=pos) for r in THEIR_MIND_REPLIES)
