"""The safety stage: crisis language in the user's words overrides every responder.

Phrases are matched as patterns over normalised text, specific enough that idioms ("this
exam is killing me", "I'm dying to see it") pass. The safe responses name real services:
988 (US/Canada Suicide & Crisis Lifeline), Samaritans 116 123 (UK/Ireland), and
findahelpline.com for other countries. Matching never logs the user's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from perception.base import split_sentences

_SELF = r"(?:myself|my\s+self|me)"
# Hyperbole that shares words with real intent ("going to die of boredom", "die laughing").
_NOT_LITERAL = r"(?!\s+(?:of|from|laughing|if|when|for|in\s+(?:a|this|that)|to\s+see|already))"
# Someone a threat can be aimed at ("my record" or "my chances" is not).
_PERSON = (r"(?:my\s+(?:baby|child|children|kids?|son|daughter|wife|husband|partner|mom|mother|"
           r"dad|father|sister|brother|boss|family|roommate|neighbou?r|girlfriend|boyfriend|"
           r"teacher|coworker|ex)|him|her|them|someone|somebody|people)")
_OVERDOSE = (
    r"\b(?:took|swallowed|taken)\s+(?:too\s+many|a\s+lot\s+of|all\s+(?:my|the))\s+"
    r"(?:pills|tablets|meds|medication)\b"
    r"|\boverdos(?:e|ed|ing)\b"
    r"|\btook\s+(?:[1-9]\d+|twenty|thirty|forty|fifty|a\s+bunch\s+of|a\s+handful\s+of|"
    r"the\s+whole\s+bottle\s+of)\s+(?:my\s+)?(?:sleeping\s+)?(?:pills|tablets|meds)\b"
    r"|\b(?:vodka|whiskey|wine|beers?|alcohol|booze|shots|drinks)\b.{0,30}\b(?:and|then)\s+"
    r"(?:took|taken|swallowed)\s+(?:some\s+|a\s+lot\s+of\s+|my\s+)?(?:pills|tablets|meds)\b"
)
# Told as history: months or years ago, or in another time of life ("an hour ago" is now).
_LONG_AGO = (r"\b(?:(?:\d+|a|one|two|three|a\s+few|few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|"
             r"several|many)\s+(?:years?|months?)\s+ago|last\s+(?:year|summer|winter|spring|"
             r"autumn|fall)|back\s+in\s+(?:\d{4}|high\s+school|college|school)|when\s+i\s+was\s+"
             r"(?:\d+|young|younger|a\s+teen(?:ager)?|a\s+kid|in\s+(?:high\s+)?school|at\s+"
             r"(?:college|uni(?:versity)?)))\b")


# A question about how a means of dying feels ("Are overdoses painful?", "How quick is
# drowning?"): asking about means is a warning sign in safe-messaging lists, so the check-in
# below asks plainly; it is no overdose happening now. "hanging out", "drowning in work" pass.
_MEANS = (r"(?:overdos(?:e|es|ing)|an?\s+od|od'?ing|hanging(?!\s+(?:out|up|on|around)\b)|"
          r"drowning(?!\s+in\b)|suffocat(?:ion|ing)|bleeding\s+out|poisoning|carbon\s+monoxide|"
          r"slitting\s+(?:your|one'?s|my)\s+wrists|jumping\s+(?:off|from)\s+(?:a|the)\s+"
          r"(?:bridge|building|roof|cliff))")
_PAIN = r"(?:painful|painless|hurt|quick|fast|peaceful|lethal|deadly|fatal)"
_MEANS_QUESTION = (
    rf"\b(?:is|are|was|does|do|would|will)\s+(?:an?\s+|the\s+)?{_MEANS}\s+(?:\w+\s+){{0,2}}?"
    rf"{_PAIN}\b"
    rf"|\bhow\s+(?:painful|quick|fast|bad|lethal)\s+(?:is|are|does|would|will)\s+"
    rf"(?:an?\s+|the\s+)?{_MEANS}"
    r"|\b(?:does|do|would|will|is)\s+it\s+(?:hurt|painful|painless|quick)\s+to\s+(?:die|overdose|"
    r"od|drown|hang\s+(?:yourself|oneself|myself)|bleed\s+out|suffocate)\b"
)

# Two things said together: in one sentence, within 120 characters. Unbounded, the span is
# rescanned from every marker of a long message (1.8 s for 20,000 characters of "two years ago").
_NEAR = r"[^.!?;]{0,120}?"


def _not_in_the_same_sentence(marker: str, pattern: str) -> str:
    """A pattern for ``pattern`` in a sentence (up to . ! ? ;) where ``marker`` is not."""
    return rf"(?:^|[.!?;]\s*)(?![^.!?;]*{marker})[^.!?;]*(?:{pattern})"


_BREATHLESS = r"\bcan'?t\s+breathe\b(?!\s+(?:from|for)\s+laugh)"
# Words that make breathlessness a spell that keeps coming back, in the same sentence.
_SPELLS = (r"\b(?:sometimes|whenever|every\s+time|each\s+time|at\s+times|often|some\s+nights|"
           r"when\s+(?:it|this|that|they|these|those)\s+(?:happens?|comes?|starts?|hits?)|"
           r"during\s+(?:my|the|these|those|a|an)\s+(?:panic|anxiety)\s+attacks?)\b")
# Violence at home told as going on ("he hits me", "my husband is abusive"): crisis language to
# the safety stage, and the topic whose steps a later request gets (agent.advice, "abuse")
ABUSE_AT_HOME: tuple[str, ...] = (
    r"\b(?:he|she|they|my\s+\w+)\s+(?:hits|hit|beats|beat|chokes|choked|hurts|kicks|kicked)\s+"
    r"me\b(?!\s+(?:at|in)\s+(?:chess|cards|games?|tennis|the\s+game))",
    r"\band\s+(?:hits|beats|chokes|choked|kicks|kicked|slaps|slapped|punches|punched)\s+me\b",
    # told in the present, as ESConv's seekers did ("he is abusing me physically and
    # sexually", "I am a victim of domestic and sexual abuse by my partner", "my husband is
    # a very sadistic and abusive person"), all unflagged before 2026-11-27
    # ("He is kind of sexually and physically abusing me", ESConv valid, five words
    # between, had got "You clearly care about your kids")
    # ("Now you are beating me" at a game, GoEmotions, and "He is always hitting me up for
    # cash", DailyDialog, are not)
    r"(?<!\byou\s)\b(?:is|are|was|has\s+been|have\s+been|keeps?|kept|been)\s+(?:\w+\s+){0,6}?"
    r"(?:abusing|hitting|beating|choking|raping|strangling)\s+me\b"
    r"(?!\s+(?:up\b|(?:at|in)\s+(?:chess|cards|games?|tennis|golf|pool|poker|sports?|the\s+game)"
    r"\b))",
    r"\bmy\s+(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|dad|father|mom|"
    r"mother|stepdad|stepfather|stepmom|stepmother|boss)\s+(?:is|has\s+been)\s+(?:\w+\s+){0,4}?"
    r"(?:abusive|violent)\b",
    # "my husband ... He is has also been abusive for many years and is now trying to win me
    # back" (ESConv valid, unflagged before 2026-11-27)
    r"\b(?:he|she)\s+(?:is\s+|has\s+|'s\s+)*(?:been\s+)?(?:\w+\s+){0,3}?(?:abusive|violent)\s+"
    r"(?:to(?:wards)?\s+me|with\s+me|for\s+(?:many\s+|so\s+many\s+)?(?:years|months)|again)\b",
)
_PATTERNS: dict[str, tuple[str, ...]] = {
    "self_harm": (
        r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|off|unalive)"
        r"\s+(?:myself|my\s+self)\b",
        r"\b(?:kms|unalive\s+me|sewer\s*slide|self[\s-]?harm(?:ing)?)\b",
        r"\bsuicid(?:e|al)\b(?!\s+(?:squad|prevention|awareness))",
        rf"\b(?:want|wanna|going|gonna|plan|planning|ready)\s+(?:to\s+)?die\b{_NOT_LITERAL}",
        r"\bwish\s+i\s+(?:was|were)\s+dead\b|\bwish\s+i\s+(?:could\s+)?(?:disappear\s+forever|never\s+woke\s+up)\b",
        r"\bbetter\s+off\s+(?:dead|without\s+me)\b(?!\s+(?:on|in|at)\s+(?:the|this|that)\s+"
        r"(?:team|project|trip|call|committee|board)\b)",
        r"\b(?:don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up|exist)\b"
        r"(?!\s+(?:in|with|near|at|there|on|together|alone|by))",
        # "Is it okay to not want to live anymore?", "not wanting to be alive": asked as a
        # question whether it is normal, it had been answered "Many people feel this way"
        r"\b(?:to\s+not|not)\s+want(?:ing)?\s+to\s+(?:live|be\s+alive|exist|wake\s+up)\b"
        r"(?!\s+(?:in|with|near|at|there|on|together|alone|by|like))",
        # "I feel life meaningless and don't want to live in this world." (ESConv valid,
        # unflagged before 2026-11-27): this world, not a town
        r"\b(?:don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:live|be|exist|stay)\s+(?:in|on)\s+"
        r"this\s+(?:world|earth|planet)\b",
        r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go(?:ing)?\s+on)\b",
        # "there is nothing to live for", "it would be so much easier to just be dead" (ESConv
        # train and valid, both unflagged before 2026-11-27)
        r"\b(?:nothing|no\s+one|nobody|no\s+reason)\s+(?:left\s+)?to\s+live\s+for\b"
        r"(?!\s+(?:in|at)\s+(?:that|this|the|my)\s+(?:town|city|village|place|area|country|"
        r"neighbou?rhood|job)\b)",
        r"\b(?:easier|better)\s+(?:for\s+(?:me|everyone|everybody)\s+)?to\s+(?:just\s+)?be\s+dead\b",
        # wanting it ended, with a time set to do it ("Just want to end it Looking to do it
        # tomorrow", ESConv train); "end it with him" is a relationship
        r"\bwant\s+to\s+end\s+it\b(?!\s+with\b).{0,80}?\b(?:do|doing|end)\s+it\s+(?:tomorrow|"
        r"tonight|today|this\s+week|soon|when)\b",
        # means made ready or looked up (warning signs in safe-messaging lists)
        r"\b(?:have|got|bought|collected|saved)\s+(?:the|my|enough|all\s+the)\s+(?:pills|tablets|"
        r"rope|gun|razor|blades?)\s+(?:ready|saved|lined\s+up|in\s+front\s+of\s+me)\b",
        r"\b(?:research(?:ing|ed)?|look(?:ing|ed)?\s+up|googl(?:e|ing|ed)|search(?:ing|ed)?(?:\s+for)?)"
        # ("how to die my hair" is dye)
        r"\s+(?:ways|how)\s+to\s+(?:die(?!\s+(?:my|your|his|her|their|the|a|it)\b)|kill\s+myself|"
        r"end\s+my\s+life|overdose|od)\b",
        r"\b(?:take|end|ending|taking)\s+my\s+(?:own\s+)?life\b",
        r"\bend\s+it\s+all\b",
        # the question form of an ending ("Should I just end it?", "Would it be better if I
        # wasn't here?")
        r"\b(?:should|shall)\s+i\s+(?:just\s+)?(?:end\s+it|end\s+things|give\s+up\s+on\s+"
        r"(?:life|living|everything))\b(?!\s+with\b)",
        # whether anyone would care, and means asked for (warning signs in safe-messaging lists)
        r"\b(?:would|will|does|do)\s+(?:anyone|anybody|everyone|people|they)\s+(?:even\s+|really\s+)?"
        r"(?:care|notice|miss\s+me)\b.{0,20}?\bif\s+i\s+(?:died|die|was\s+gone|were\s+gone|"
        r"disappeared|killed\s+myself|wasn'?t\s+(?:here|around|alive)|weren'?t\s+(?:here|around|"
        r"alive)|live\s+or\s+die|lived\s+or\s+died)\b",
        r"\bcares?\s+(?:if|whether)\s+i\s+live\s+or\s+die\b",
        rf"\bhow\s+(?:many|much)\s+(?:\w+\s+){{1,3}}(?:would\s+it\s+take|does\s+it\s+take|do\s+i\s+"
        rf"need|would\s+i\s+need)\s+to\s+(?:die|kill\s+(?:myself|me)|overdose|od)\b{_NOT_LITERAL}",
        rf"\b(?:easiest|quickest|fastest|painless|least\s+painful|surest|best)\s+way\s+to\s+"
        rf"(?:die|kill\s+myself|end\s+(?:it|my\s+life)|commit\s+suicide)\b{_NOT_LITERAL}",
        r"\b(?:what\s+if|if)\s+i\s+(?:just\s+)?(?:disappeared|vanished)\s+(?:forever|for\s+good)\b",
        r"\bwould\s+(?:it|everyone|everybody|they|things|the\s+world)\s+be\s+(?:better|easier)"
        r"(?:\s+off)?\s+if\s+i\s+(?:(?:was|were)\s+(?:gone|dead|not\s+(?:here|around|alive))"
        r"|(?:wasn'?t|weren'?t)\s+(?:here|around|alive))\b",
        # methods named with "myself" ("burning myself out", "shoot myself in the foot" pass)
        r"\b(?:hang|hanging|shoot|shooting|stab|stabbing|drown|drowning|poison|poisoning|"
        r"suffocate|strangle|burn|burning)\s+(?:myself|my\s+self)\b"
        r"(?!\s+(?:out|in\s+(?:the\s+foot|booze|alcohol|drink|work)))",
        # starving oneself for a weight or a diet is the eating category's ("starving myself
        # to lose weight"); without such a purpose it stays a way of dying
        r"\bstarv(?:e|ing)\s+(?:myself|my\s+self)\b(?!\s+(?:to\s+(?:lose|get|stay|be|look|"
        r"drop|fit)|so\s+(?:i|that)|on\s+(?:a|this|my)\s+diet|for\s+(?:a|the|my)\s+(?:diet|"
        r"wedding|photo|summer))\b)",
        r"\b(?:jump|jumping|throw\s+myself|step|stepping)\s+(?:off|from|in\s+front\s+of|under)\s+"
        r"(?:a|an|the|my)?\s*(?:bridge|roof|building|balcony|cliff|window|ledge|tower|train|bus|"
        r"truck|car|subway)\b",
        r"\b(?:drive|driving|crash|crashing|steer)\s+(?:my\s+car\s+)?(?:into|off)\s+(?:a|the)\s+"
        r"(?:wall|tree|bridge|cliff|truck|river|lake)\b",
        # walking to the means ("walk to the cliff and jump", "step out into traffic", "walk
        # into the sea and keep going"); "we might run into traffic" is the idiom and passes
        r"\b(?:to|at|on|onto|up\s+to)\s+(?:the|a)\s+(?:edge\s+of\s+the\s+)?(?:cliff|bridge|roof|"
        r"rooftop|ledge|balcony|tracks)\b.{0,30}?\bjump\b(?!\s+(?:rope|start|in\s+the\s+pool))",
        r"\b(?:walk|walking|step|stepping|throw\s+myself|(?:run|running|go|going)\s+out)\s+"
        r"(?:out\s+)?into\s+(?:the\s+)?(?:oncoming\s+)?traffic\b",
        r"\b(?:walk|walking|step|stepping|run|running|throw\s+myself|lie\s+down)\s+in\s+front\s+"
        r"of\s+(?:a|an|the)\s+(?:oncoming\s+)?(?:train|bus|truck|lorry|car)\b",
        r"\b(?:walk|walking|step|stepping)\s+off\s+(?:a|the)\s+(?:bridge|roof|cliff|ledge|building|"
        r"balcony|platform)\b",
        r"\b(?:walk|walking|wade|wading|swim|swimming)\s+(?:out\s+)?into\s+the\s+(?:sea|ocean|"
        r"river|lake|water)\b.{0,25}?\b(?:keep\s+(?:going|walking|swimming)|never\s+come\s+back|"
        r"not\s+come\s+back|don'?t\s+come\s+back|disappear|let\s+it\s+take\s+me)\b",
        r"\b(?:can'?t|cannot)\s+(?:go\s+on|keep\s+going)\b(?!\s+(?:with|to|at))",
        r"\b(?:life|living)\s+(?:is\s+not|isn'?t|ain'?t)\s+worth\s+(?:living|it)\b"
        r"|\bnot\s+worth\s+living\b",
        r"\b(?:i'?m|i\s+am)\s+(?:just\s+)?(?:a|such\s+a)\s+burden\s+(?:to|on)\s+"
        r"(?:everyone|everybody|my\s+family|them|you|all|the\s+people)\b",
        r"\b(?:wrote|writing|written|left|leave)\s+(?:a\s+|my\s+)?(?:suicide\s+note|"
        r"goodbye\s+(?:letters?|notes?))\b|\bnoose\b",
        r"\bwish\s+i\s+(?:had\s+never\s+been|was\s+never|were\s+never|hadn'?t\s+been)\s+born\b",
        r"\b(?:nobody|no\s+one|no-one)\s+would\s+(?:even\s+)?(?:miss\s+me|notice|care)\b"
        r".{0,30}\bif\s+i\s+(?:was|were|died|disappeared|left|was\s+gone|were\s+gone)\b",
        r"\b(?:thinking|think|thought)\s+(?:a\s+lot\s+)?about\s+(?:dying|killing\s+myself|"
        r"ending\s+it|not\s+being\s+(?:here|alive|around))\b",
        r"\bwant\s+(?:it\s+all|everything)\s+to\s+(?:stop|end)\b",
        rf"\b(?:should|deserve\s+to|might\s+as\s+well|better\s+off\s+to)\s+(?:just\s+)?die\b"
        rf"{_NOT_LITERAL}",
        # ("tired of living in apartments", "tired of living the life of a bachelor", both
        # DailyDialog, and "done with life in the city" are about a way of living)
        r"\b(?:done\s+with|give\s+up\s+on|given\s+up\s+on|tired\s+of)\s+(?:life(?!\s+(?:in\s+"
        r"(?:the|this)\s+(?:city|town|suburbs|country)|as\s+an?|at|on\s+the)\b)|living(?!\s+(?:the"
        r"\s+(?:\w+\s+)?life\s+of|in\s+(?!(?:this|the)\s+world\b|fear\b|pain\b)|with|at|on|under|"
        r"near|alone|out\s+of|from|paycheck)\b)|being\s+alive)\b|\b(?:what'?s|what\s+is)\s+the\s+point\s+(?:of|in)\s+(?:living|"
        r"life|going\s+on|being\s+alive)\b",
        r"\bcut\s+(?:my\s+)?(?:wrists?|arms?|thighs?|legs?|skin)\b"
        r"|\brelapsed\b.{0,20}\b(?:cut|cutting|self[\s-]?harm|harming)\b",
        # passive wishes not to wake, and means set aside (warning signs in safe-messaging lists)
        r"\b(?:want|wanna|wish|hope|like)\s+to\s+(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+"
        r"wake\s+up\b|\b(?:hope|wish)\s+i\s+(?:never|don'?t|won'?t)\s+wake\s+up\b",
        r"\b(?:want|wanna|going|gonna)\s+to\s+disappear\s+(?:forever|for\s+good)\b",
        # said as a plan, or weighed as a question ("Should I take all my pills?")
        r"\b(?:going\s+to|gonna|will|'ll|want\s+to|wanna|about\s+to|should\s+i|shall\s+i|"
        r"what\s+if\s+i|i\s+could|i\s+might)\s+(?:just\s+)?(?:take|swallow|down)\s+"
        r"(?:all|a\s+bunch|a\s+handful|the\s+whole\s+bottle)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|"
        r"those\s+)?(?:pills|tablets|meds|medication|sleeping\s+pills)\b",
        r"\b(?:pills|tablets|meds|medication)\s+(?:saved|stockpiled|hoarded|put\s+aside)\b"
        r"|\b(?:saving|stockpiling|hoarding)\s+(?:up\s+)?(?:my\s+)?(?:pills|tablets|meds)\b",
        # Leave-taking as a warning sign ("goodbye forever", "you won't hear from me again"),
        # matched before the dialogue's own farewell handling could answer it with a goodbye.
        r"\bgoodbye\s+forever\b|\bthis\s+is\s+my\s+(?:final|last)\s+goodbye\b"
        r"|\bsaying\s+my\s+(?:final\s+|last\s+)?goodbyes\b",
        r"\blast\s+time\s+(?:you'?ll|you\s+will|anyone\s+will)\s+(?:ever\s+)?hear\s+from\s+me\b",
        r"\bwon'?t\s+be\s+(?:around|here|alive)\s+(?:anymore|any\s+more|much\s+longer"
        r"|for\s+(?:much\s+)?longer|after\s+(?:tonight|today))\b",
        r"\b(?:you|everyone|nobody|no\s+one)\s+(?:won'?t|will\s+not|will\s+never)\s+(?:have\s+to\s+)?"
        r"(?:see|hear\s+from|worry\s+about)\s+me\s+(?:again|anymore|any\s+more)\b",
        # Spanish, French, German, Portuguese, Italian (accents are folded by ``normalise``).
        # "me quiero morir" and "me quiero suicidar" put the pronoun first; "morirme de risa"
        # (of laughter) and the like are idioms
        r"\b(?:(?:me\s+)?(?:quiero|quisiera)|me\s+voy\s+a)\s+morir(?:me)?\b"
        r"(?!\s+de\s+(?:risa|hambre|sueno|verguenza|ganas|aburrimiento|calor|frio|amor|envidia))"
        r"|\b(?:me\s+quiero|voy\s+a)\s+matar(?:me)?\b"
        r"|\bsuicidarme\b|\bme\s+(?:quiero|voy\s+a)\s+suicidar\b|\bquitarme\s+la\s+vida\b",
        r"\bje\s+veux\s+mourir\b|\b(?:me\s+suicider|me\s+tuer|en\s+finir)\b",
        r"\bich\s+(?:will|mochte)\s+(?:sterben|nicht\s+mehr\s+leben)\b|\bmich\s+(?:umbringen|toten)\b"
        r"|\bbringe?\s+mich\s+um\b",
        r"\bquero\s+morrer\b|\bme\s+(?:matar|suicidar)\b|\bvoglio\s+morire\b"
        r"|\b(?:uccidermi|suicidarmi|ammazzarmi)\b|\bmi\s+voglio\s+(?:ammazzare|uccidere)\b",
        # "I don't want to live any more", hanging and jumping, in the same five languages
        r"\bno\s+quiero\s+(?:seguir\s+)?vivir\b(?!\s+(?:en|con|cerca|lejos|aqui|alli|ahi|junto|sol))|\b(?:ahorcarme|colgarme)\b"
        r"|\b(?:tirarme|lanzarme)\s+(?:de|desde|por|a)\s+(?:un|una|el|la)\s+"
        r"(?:puente|edificio|balcon|ventana|azotea|tren)\b",
        r"\bje\s+ne\s+veux\s+plus\s+vivre\b(?!\s+(?:ici|a|avec|en|dans|chez|seul))|\bme\s+pendre\b"
        r"|\bme\s+jeter\s+(?:d'un|du\s+haut|sous\s+un)\b",
        r"\bmich\s+(?:erhangen|aufhangen)\b|\bnicht\s+mehr\s+leben\s+(?:will|mochte)\b",
        r"\bnao\s+quero\s+(?:mais\s+)?viver(?:\s+mais)?\b(?!\s+(?:em|com|aqui|perto|longe|no|na|sozinh))|\bme\s+enforcar\b",
        r"\bnon\s+voglio\s+piu\s+vivere\b(?!\s+(?:qui|qua|a|in|con|da|sol))|\bfarla\s+finita\b|\bimpiccarmi\b",
    ),
    "harm_to_others": (
        # (a harm said not to be wanted is none: "i had a good family right now. i don't want
        # to hurt them either", ESConv train, had got the harm-to-others script)
        r"(?<!n't\s)(?<!\bnot\s)(?<!\bdont\s)(?<!\bnever\s)(?<!n't\sreally\s)"
        r"\b(?:going|want|gonna|plan(?:ning)?)\s+to\s+(?:kill|hurt|shoot|stab)\s+"
        # ("I don;t want to hurt her feelings but I'm thinking about ending the relationship",
        # ESConv train, had got the harm-to-others script): feelings hurt are no harm done
        r"(?:him|her|them|someone|somebody|people|everyone|my\s+\w+)\b(?!\s+at\s+(?:chess|cards))"
        r"(?!(?:'s|s')?\s+(?:feelings|pride|ego|chances|career|reputation)\b)",
        r"\b(?:think(?:ing)?\s+about|thoughts\s+(?:of|about)|urges?\s+to)\s+(?:hurting|harming|"
        rf"killing|hurt|harm|kill)\s+{_PERSON}\b",
        r"(?<!n't\s)(?<!\bnot\s)(?<!\bdont\s)(?<!\bnever\s)"
        rf"\b(?:going\s+to|gonna|want\s+to)\s+(?:beat|stab|strangle|poison)\s+{_PERSON}"
        r"(?:\s+up)?\b(?!\s+(?:at|in)\b)",
        r"\bburn\s+(?:his|her|their|the)\s+(?:house|place|car|shop)\s+down\b",
        r"\b(?:brought|bring|bringing)\s+(?:a|my)\s+(?:gun|knife|weapon)\s+to\s+(?:school|work|"
        r"class)\b",
        r"\b(?:gun|knife|weapon|rifle)\b.{0,60}\b(?:make\s+(?:him|her|them)\s+pay|kill|shoot|hurt)\b"
        r"|\bmake\s+(?:him|her|them)\s+pay\b.{0,60}\b(?:gun|knife|weapon|rifle)\b",
    ),
    "abuse": (
        *ABUSE_AT_HOME,
        r"\b(?:i\s+(?:was|am|got|have\s+been)|being)\s+(?:raped|sexually\s+assaulted|abused|molested)\b",
        r"\bthreaten(?:s|ed|ing)?\s+to\s+(?:kill|hurt|hit|beat|stab|shoot)\s+me\b",
        r"\b(?:forced|forcing|forces)\s+me\s+(?:to\s+have\s+sex|into\s+sex|to\s+do\s+sexual)\b"
        r"|\b(?:raped|sexually\s+assaulted|molested)\s+me\b",
        r"\b(?:afraid|scared)\s+(?:of\s+)?(?:going\s+home|my\s+(?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mother))\b",
        r"\bvictim\s+of\s+(?:\w+\s+){0,4}?(?:abuse|violence|rape|assault)\b",
        # images held over them ("He is threatening me he would post the nude picture of mine")
        r"\bthreat\w*\s+(?:me\s+)?(?:\w+\s+){0,4}?(?:post|share|leak|send|publish|upload)\s+"
        r"(?:\w+\s+){0,2}?(?:nudes?|naked|intimate|private|explicit)\b",
        r"\b(?:stalk(?:s|ed|ing)?|trying\s+to\s+stalk)\s+me\b",
    ),
    "medical_emergency": (
        # an overdose now, not one told as history (``_LONG_AGO``) nor asked about
        # (``_MEANS_QUESTION``): the check-in below asks
        _not_in_the_same_sentence(f"(?:{_LONG_AGO}|{_MEANS_QUESTION})", _OVERDOSE),
        r"\b(?:is|isn'?t|not|stopped)\s+breathing\b|\b(?:he|she|my\s+\w+|someone)\s+(?:just\s+)?"
        r"collapsed\b",
        # not told as something that keeps happening (``_SPELLS``: "Sometimes at work I can't
        # breathe"), unless it is happening right now
        _not_in_the_same_sentence(_SPELLS, _BREATHLESS),
        rf"{_BREATHLESS}{_NEAR}\bright\s+now\b|\bright\s+now\b{_NEAR}{_BREATHLESS}",
        r"\b(?:i'?m|i\s+am|i\s+think\s+i'?m)\s+having\s+a\s+(?:heart\s+attack|stroke|seizure)\b",
        r"\b(?:severe|crushing)\s+chest\s+pain\b",
    ),
    # Breathlessness told as spells that come and go ("When it happens I can't breathe"):
    # whether one is on now is not said, so the answer names the emergency number for that
    # case, and a doctor for the spells, instead of declaring an emergency.
    "breathing_spells": (
        rf"{_SPELLS}{_NEAR}{_BREATHLESS}|{_BREATHLESS}{_NEAR}{_SPELLS}",
    ),
    # Words that may mean a wish to die, or may not ("I just want to disappear", "I can't do
    # this anymore"): safe-messaging guidance is to ask directly, which does not raise risk
    # (Dazzi et al. 2014, Psychological Medicine 44(16)), and to name where help is.
    "check_in": (
        # said of oneself: "I (just) want to", or a sentence that starts there ("Just want to
        # disappear."); "they want to disappear" is about someone else
        r"(?:\bi\s+|^\s*|[.!?;]\s+)(?:just\s+|really\s+|honestly\s+)?(?:want|wanna|wish\s+i\s+could)"
        r"\s+(?:to\s+)?"
        r"(?:just\s+)?(?:disappear|vanish|not\s+exist|stop\s+existing|cease\s+to\s+exist)\b"
        r"(?!\s+(?:for\s+(?:the|a|an|some|this)\b|into\b|under\b|from\s+(?:the|this|that)\s+"
        r"(?:party|room|meeting|class|conversation|chat|group)))",
        r"\b(?:can'?t|cannot)\s+(?:do|take|handle)\s+(?:this|it)\s+any\s*more\b(?=\s*(?:[.!?,]|$))",
        # a hint of urges to self-harm: "keep me busy from doing other things that can harm
        # me" (ESConv valid, answered with "a quiet hour tonight"), "before I do something
        # stupid"
        r"\b(?:things?|something|stuff)\s+(?:that\s+)?(?:can|could|might|would|will)\s+"
        r"(?:harm|hurt)\s+(?:me|myself)\b",
        r"\b(?:before\s+i|i'?ll|i\s+will|i\s+might|afraid\s+i'?ll|scared\s+i'?ll|from\s+doing|keep\s+"
        r"me\s+from\s+doing)\s+(?:do\s+)?something\s+(?:stupid|drastic|dangerous)\b",
        r"\bwhat'?s\s+the\s+point\s+(?:anymore|any\s+more|of\s+anything|of\s+it\s+all)\b",
        # an overdose told as history: it may have been an attempt, and a past attempt is among
        # the strongest known risk factors for suicide (Bostwick et al. 2016), so the question
        # is asked, where "call an ambulance now" would not fit
        rf"{_LONG_AGO}{_NEAR}(?:{_OVERDOSE})|(?:{_OVERDOSE}){_NEAR}{_LONG_AGO}",
        _MEANS_QUESTION,
        # wanting "it" ended, with nothing that makes it a relationship or a task; hating being
        # alive; pain as the proof of being alive; "crawl into a hole and die" (ESConv train)
        r"\b(?:just\s+|really\s+)?want\s+to\s+end\s+it\b(?=\s*(?:[.!?,;]|$|\s+(?:all|now|already|"
        r"looking|i\s+(?:can'?t|don'?t))\b))",
        # ("Sometimes you gotta hate living to love life", GoEmotions, is not said of oneself)
        r"\b(?:hate|hated|hating)\s+(?:being|to\s+be)\s+alive\b|\bi\s+(?:just\s+|really\s+)?"
        r"(?:hate|hated)\s+living\b(?!\s+(?:in|with|near|at|there|here|on|alone)\b)",
        r"\bpain\b[^.!?;]{0,40}\b(?:makes?|telling|tells|reminds?)\s+me\s+(?:that\s+)?i\W{0,2}"
        r"(?:m|am)\s+(?:still\s+)?alive\b",
        r"\bcrawl\s+(?:into|in)\s+a\s+hole\s+and\s+die\b",
        # a burden's thought, not being around, no way out, no future (safe-messaging lists)
        r"\b(?:would|will|'d)\s+be\s+(?:so\s+|so\s+much\s+|much\s+|a\s+lot\s+)?(?:better|happier|"
        r"easier)\s+(?:off\s+)?without\s+me\b(?!\s+(?:on|in|at)\s+(?:the|this|that)\s+(?:team|"
        r"project|trip|call|committee|board)\b)",
        r"\b(?:don'?t|do\s+not|dont)\s+(?:really\s+)?want\s+to\s+(?:really\s+)?be\s+around\s+"
        r"(?:anymore|any\s+more|much\s+longer)\b",
        r"\b(?:there'?s|there\s+is|i\s+see)\s+no\s+way\s+out\s*(?:[.!]|$)",
        # from a sweep of ESConv train and valid (2026-11-27, nineteenth session): not living
        # on without someone, not wanting to live in such a world, no hope, no way out seen,
        # not living like this any more, a life with no purpose
        # ("I couldn't live without her", a plea in DailyDialog, is not said of now)
        r"\b(?:can'?t|cannot)\s+live\s+(?:on\s+)?without\s+(?:her|him|them)\b",
        r"\bwhy\s+would\s+i\s+(?:even\s+)?want\s+to\s+(?:live|be\s+alive|go\s+on)\b",
        # ("if all you gorgeous people haven't settled down yet, there's no hope for me", a
        # Reddit joke in GoEmotions, is not)
        r"\bthere(?:'s|\s+is)\s+no\s+(?:more\s+)?hope(?:\s+(?:left|anymore|any\s+more))?\s*(?:[.!]|$)",
        r"\b(?:can'?t|cannot|don'?t)\s+see\s+(?:a|any)\s+way\s+out\s*(?:[.!]|$)",
        r"\b(?:can'?t|cannot)\s+live\s+like\s+this\s+(?:anymore|any\s+more)\b",
        r"\b(?:my\s+)?life\s+has\s+no\s+(?:real\s+)?(?:purpose|meaning|point)\b",
        # life felt as meaningless or pointless (a warning sign on safe-messaging lists)
        r"\b(?:my\s+)?life\s+(?:is|feels|seems|has\s+become|became)?\s*(?:so\s+|completely\s+|totally\s+"
        r"|just\s+|really\s+)?(?:meaningless|pointless|not\s+worth\s+living)\b",
        r"\b(?:don'?t|can'?t|cannot|do\s+not)\s+see\s+(?:a|any)\s+future\s+for\s+myself\b",
        # a passive wish ("I'm not suicidal at all, but I would be totally fine with a big
        # meteor taking us all out tomorrow", ESConv train; "I wouldn't mind not waking up")
        r"\b(?:fine|okay|ok|happy|glad)\s+(?:with|if)\s+[^.!?;]{0,40}?\b(?:meteor|asteroid|bus|truck|"
        r"car|plane\s+crash|something|someone)\s+(?:taking|took|takes|to\s+take|would\s+take)\s+"
        r"(?:me|us\s+all|us)\s+(?:all\s+)?out\b(?!\s+(?:for|to|on|tonight|dancing|again)\b)"
        r"|\bwouldn'?t\s+mind\s+(?:dying(?!\s+(?:my|your|his|her|their|the|it)\b)|if\s+i\s+died|if\s+i\s+didn'?t\s+wake\s+up|not\s+waking\s+"
        r"up|being\s+dead)\b",
        # wanting to sleep forever may be a wish to die, or tiredness, so it is asked about;
        # "I feel like I could sleep forever but with my kids ... I don't have that option"
        # (ESConv train) is tiredness, and had been answered as a crisis
        r"\b(?:want|wanna|wish|like|longing)\s+(?:to\s+)?(?:just\s+)?(?:go\s+to\s+)?sleep\s+forever\b"
        r"|\bwish\s+i\s+could\s+(?:just\s+)?(?:go\s+to\s+)?sleep\s+forever\b",
        # hopelessness said of oneself or of life as a whole: of the scales tried, hopelessness
        # predicted eventual suicide best (Beck et al. 1985, Am J Psychiatry 142(5)). "hopeless
        # at maths", "a hopeless romantic", "not as hopeless as I thought" and "this team is
        # hopeless" are not
        r"\b(?:i\s+(?:feel|felt|am|was)|i'?m|im|i\s+(?:just\s+)?(?:feel|am)|feeling|me\s+feel|it\s+(?:all\s+)?"
        r"(?:feels|seems)|everything\s+(?:feels|seems|is)|life\s+(?:feels|seems|is))\s+"
        # (no "is" between: "I feel the team is hopeless" is about the team)
        r"(?:(?!not\b|n't\b|is\b|are\b|was\b|were\b)[\w']+\s+){0,3}?hopeless\b"
        r"(?!\s+(?:at|romantic|case|with|when|in\s+the\s+kitchen)\b)",
        # worn out by all of it, not by one thing ("tired of everything at work" is one thing).
        # It may or may not be a passive wish to be dead, the first question of the Columbia
        # scale (Posner et al. 2011, Am J Psychiatry 168(12)), so it is asked about;
        # "tired of living" is above
        r"\b(?:tired|sick|exhausted|weary)\s+of\s+(?:everything|it\s+all|life|this\s+life|my\s+"
        r"life)(?=\s*(?:[.!?,;]|$|\s+(?:in\s+my\s+life|these\s+days|lately|and|but|anymore|any\s+"
        r"more|now)\b))",
        # giving up on life, or done with it; no one missing you: thwarted belonging and a
        # burden's thought are the interpersonal theory's two roots of the wish to die (Van
        # Orden et al. 2010, Psychol Rev 117(2))
        # ("giving up on life in the city", "done with everything, going to bed" are not)
        r"\bgiv(?:e|ing)\s+up\s+on\s+(?:life|living|everything)\b(?!\s+(?:in|at|as|on|about|for)\b)",
        r"\b(?:i'?m|im|i\s+am)\s+(?:just\s+|so\s+|really\s+)?done\s+with\s+(?:life|living|it\s+all)"
        r"(?=\s*(?:[.!?,;]|$|\s+(?:and|but|anymore|now)\b))",
        r"\b(?:nobody|no\s+one|noone|no-one)\s+(?:would|will|'d)\s+(?:even\s+|really\s+)?(?:miss|"
        r"notice)\s+(?:me|that\s+i'?m\s+gone)\b(?!\s+(?:at|in|on|for)\s+(?:the|this|that|a)\s+"
        r"(?:party|meeting|class|game|event|office|weekend)\b)",
        r"\b(?:don'?t|do\s+not|no\s+longer)\s+care\s+(?:anymore\s+|any\s+more\s+)?(?:what\s+happens\s+"
        r"to\s+me|(?:if|whether)\s+i\s+(?:wake\s+up|make\s+it|live))\b",
        # asking how to go on at all ("Should i leave him and how can i go on in life now",
        # ESConv valid, from a new mother who had not eaten since the day before)
        r"\bhow\s+(?:can|do|will|could|am)\s+i\s+(?:supposed\s+to\s+|going\s+to\s+|gonna\s+)?"
        r"(?:go\s+on|carry\s+on)(?:\s+(?:in\s+life|living|with\s+(?:my\s+)?life|like\s+this|any\s*more)"
        r"|\s*(?:[.!?]|$))",
        # hurting oneself without a wish to die named ("punch myself in the head or bang my
        # head into the wall", ESConv train)
        r"\b(?:punch|punching|hit|hitting|slap|slapping|scratch|scratching)\s+myself\b"
        r"(?!\s+(?:for|over|when\s+i\s+(?:think|remember)|on\s+the\s+(?:back|forehead))\b)"
        r"|\b(?:bang|banging|smash|smashing)\s+my\s+head\s+(?:into|against|on)\s+"
        r"(?:the\s+|a\s+)?(?:wall|desk|floor|door|table)\b",
    ),
    # Eating restricted on purpose, purging, fear of food (ESConv valid: "I am dieting but I
    # mainly just avoid food and eat once a day. I am on depression medication which also
    # reduces my appetite and I drink a lot of coffee to help surpress my appetite" had been
    # told "Telling me about your appetite took courage, and you are handling more than you
    # think"). No crisis, but not a thing to praise: it is answered with care and where help
    # is, as breathlessness is. Said of oneself; "she hadn't eaten anything in days", "avoid
    # eating before bed", "afraid to eat there" and "make myself sick with worry" pass.
    "eating": (
        r"\b(?:i|i'?m|i'?ve|im|ive)\s+(?:\w+\s+){0,4}?(?:avoid(?:ing)?|refus(?:e|ing))\s+(?:food|"
        r"meals)\b(?!\s+(?:i\s+don'?t\s+like|with|that|like|before|after|at|in\s+front|out)\b)",
        # eating itself, not one food ("I refuse to eat meat", "I avoid eating dairy" pass)
        r"\b(?:i|i'?m|i'?ve|im|ive)\s+(?:\w+\s+){0,4}?(?:avoid(?:ing)?\s+eating|refus(?:e|ing)\s+to\s+"
        r"eat)\b(?=\s*(?:[.!?,;]|$|\s+(?:anything|at\s+all|much|properly|because|since|when|unless|"
        r"for\s+(?:days|a\s+week|weeks)|and|but)\b))",
        r"\b(?:i|i'?m|i'?ve|im|ive)\s+(?:\w+\s+){0,3}?skip(?:ping)?\s+(?:meals|eating|food)\s+"
        r"(?:\w+\s+){0,2}?(?:to\s+(?:lose|get\s+thin|stay\s+thin|be\s+thin)|so\s+i\s+(?:don'?t|"
        r"won'?t)\s+(?:gain|get\s+fat)|on\s+purpose)\b",
        r"\b(?:i\s+(?:\w+\s+){0,4}?|and\s+(?:\w+\s+)?)eat\s+(?:only\s+)?(?:once|one\s+(?:meal|time))\s+"
        r"a\s+day\b",
        # a count of calories a day under a thousand ("1200 a day", a common diet floor, is not)
        r"\bi\s+(?:\w+\s+){0,3}?(?:eat|have|allow\s+myself|stick\s+to|keep\s+(?:it\s+)?(?:to|"
        r"under))\s+(?:about\s+|around\s+|only\s+|just\s+|less\s+than\s+|under\s+|barely\s+)?"
        r"[1-9]\d{2}\s+(?:calories|cals|kcal)\s+(?:a|per|each)\s+day\b",
        r"\b(?:suppress|surpress|supress|curb|kill)\w*\s+my\s+appetite\b",
        r"\bmake\s+myself\s+(?:throw\s+up|vomit|puke|purge|sick\s+after\s+(?:i\s+eat|eating|"
        r"meals))\b",
        r"\b(?:throw(?:ing)?\s+up|vomit(?:ing)?|purg(?:e|ing))\s+after\s+(?:i\s+eat|eating|"
        r"meals|every\s+meal)\b",
        r"\b(?:binge|binging|bingeing)\s+(?:and|then)\s+(?:purge|purging|throw(?:ing)?\s+up)\b",
        r"\b(?:wait|waiting)\s+until\s+i(?:'m|\s+am)\s+(?:about\s+to\s+)?(?:pass\s+out|faint)\w*"
        r"\s+(?:to|before\s+i)\s+eat\b",
        r"\bi\s+(?:\w+\s+){0,2}?(?:haven'?t|have\s+not|hadn'?t|didn'?t)\s+(?:eaten|eat)\s+"
        r"(?:anything\s+|a\s+thing\s+)?(?:in|for)\s+(?:days|\d+\s+days|two\s+days|three\s+days|"
        r"four\s+days|a\s+week|weeks)\b",
        r"\b(?:afraid|scared|terrified)\s+(?:to\s+eat|of\s+eating|of\s+food)(?=\s*(?:[.!?,;]|$|"
        r"\s+(?:because|and|but|anymore|any\s+more|now|again|at\s+all|in\s+front\s+of|around)\b))",
        r"\b(?:take|taking|use|using)\s+laxatives\s+to\s+(?:lose|control|keep)\b",
        r"\bguilty\s+(?:after|when(?:ever)?|every\s+time)\s+i\s+eat(?=\s*(?:[.!?,;]|$|\s+(?:anything|"
        r"at\s+all|food|and|but|because)\b))",
        r"\bstarv(?:e|ing)\s+(?:myself|my\s+self)\b",
    ),
}
_COMPILED = {cat: tuple(re.compile(p, re.I) for p in pats) for cat, pats in _PATTERNS.items()}
# A plain "no" to the question above ("No, I'm not going to hurt myself, I just feel empty"):
# the denial alone is not crisis language, so it is taken out before matching; whatever else
# the message says is still read ("I'm not going to hurt myself, I'm going to end it all" is a
# crisis). A denial bounded in time ("not tonight", "not yet") is no denial.
_DENIAL = re.compile(
    r"\b(?:i'?m|i\s+am|i'?ll|i\s+will|i'?d|i\s+would|i)\s+(?:not|never|won'?t)\s+(?:ever\s+)?"
    r"(?:going\s+to\s+|gonna\s+|planning\s+to\s+|trying\s+to\s+)?(?:do\s+anything\s+to\s+)?"
    r"(?:hurt|harm|kill)\s+myself\b"
    r"|\b(?:i'?m|i\s+am)\s+not\s+(?:suicidal|going\s+to\s+do\s+anything\s+stupid)\b",
    re.I,
)
_TIME_BOUND = re.compile(r"^\s*(?:today|tonight|yet|now|right\s+now|this\s+(?:week|time))\b", re.I)


_NO = re.compile(r"^\s*(?:no|nope|nah|not\s+really|no\s+no|god\s+no|of\s+course\s+not)\b", re.I)


def answers_no(text: str) -> bool:
    """Whether ``text`` answers the check-in question with a no ("No, I'm not going to hurt
    myself", "Nope.", "I'm not suicidal"), with nothing in it that is crisis language.

    >>> answers_no("No, I just feel empty."), answers_no("No. I want to die.")
    (True, False)
    """
    norm = normalise(text)
    said_no = bool(_NO.match(norm) or _DENIAL.search(norm))
    return said_no and SafetyCheck().check(text) is None


# Work on a crisis line is no crisis: "I am trying to get a job at a suicide hotline for the
# summer" (ESConv train, a psychology student, had got the self-harm script twice). Only the
# work is taken out; "I called the suicide hotline because I wanted to die" stays.
_CRISIS_WORK = re.compile(
    r"\b(?:job|jobs|work|working|volunteer(?:ing)?|intern(?:ing|ship)?|career|shift|position"
    r"|training)\s+(?:at|for|with|on)\s+(?:a|an|the)\s+suicide\s+(?:prevention\s+)?(?:hotline"
    r"|helpline|(?:crisis\s+)?line|lifeline|centre|center|charity)\b|\bsuicide\s+(?:hotline"
    r"|helpline|(?:crisis\s+)?line|lifeline)\s+(?:job|work|volunteer(?:ing)?|"
    r"internship|position|shift)s?\b")


def _without_denials(text: str) -> str:
    """``text`` with plain denials of self-harm, and work on a crisis line, taken out (see
    ``_DENIAL``, ``_CRISIS_WORK``)."""
    def drop(match: re.Match[str]) -> str:
        return match.group(0) if _TIME_BOUND.match(text[match.end():]) else " , "
    return _CRISIS_WORK.sub(" , ", _DENIAL.sub(drop, text))

CHECK_IN = (
    "When you say that, I want to ask you plainly: are you having thoughts of ending your "
    "life or hurting yourself? If you are, you can call or text 988 in the US and Canada, "
    "call Samaritans on 116 123 in the UK and Ireland, or find a free line near you at "
    "findahelpline.com. Whatever the answer, I'm here and I'm listening."
)
"""The check-in question: asked when words may or may not mean a wish to die."""

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
    "check_in": CHECK_IN,
    "medical_emergency": (
        "This sounds like a medical emergency. Please call your local emergency number now "
        "(911 in the US, 112 in Europe, 999 in the UK), or ask someone nearby to call for you."
    ),
    "eating": (
        "Thank you for telling me how you've been eating. Going without food, or keeping your "
        "appetite down on purpose, is hard on your body and your mood, and you deserve care "
        "with it, not judgement. A doctor can check on you properly, and eating-disorder "
        "helplines listen too: Beat (beateatingdisorders.org.uk) in the UK, ANAD (anad.org) in "
        "the US, or a line at findahelpline.com elsewhere. How long has eating been like this "
        "for you?"
    ),
    "breathing_spells": (
        "Not being able to breathe is frightening. If it is happening right now, or comes with "
        "chest pain or fainting, call your local emergency number (911 in the US, 112 in "
        "Europe, 999 in the UK). Spells that keep coming back are worth a doctor's visit, to "
        "find out what is behind them. I'm here if you want to tell me more about them."
    ),
}
# Said instead when the same response was the agent's last answer to crisis language in this
# conversation (ESConv valid: "nothing to live for", then "Everyday feels pointless ... life is
# meaningless" three turns later got the same script word for word). Each still names where
# help is, and asks whether the user is safe now.
_FOLLOW_UPS = {
    "self_harm": (
        "I'm still here with you, and I'm taking what you're telling me seriously. Are you safe "
        "right now? If you might act on these thoughts, please call your local emergency "
        "number, or call or text 988 (US and Canada), call Samaritans on 116 123 (UK and "
        "Ireland), or find a line at findahelpline.com: a person there can talk with you now."
    ),
    "harm_to_others": (
        "I'm still here. Please keep some distance from the person and from anything that "
        "could hurt someone. If anyone is in danger, call your local emergency number; a crisis "
        "line (988 in the US and Canada, findahelpline.com elsewhere) can talk it through."
    ),
    "abuse": (
        "Thank you for telling me more; none of this is your fault. If you are not safe right "
        "now, please call your local emergency number. When you can, a support line at "
        "findahelpline.com can help you make a plan that keeps you safe."
    ),
    "check_in": (
        "I'd like to ask again, because it matters: are you thinking about ending your life, or "
        "about hurting yourself? Whatever your answer, I'm listening. 988 (US and Canada), "
        "Samaritans 116 123 (UK and Ireland) and findahelpline.com are there at any hour."
    ),
    "medical_emergency": (
        "Please don't wait: call your local emergency number now (911 in the US, 112 in "
        "Europe, 999 in the UK), or ask someone near you to call."
    ),
    "eating": (
        "I'm glad you're telling me more about eating. Please don't carry it alone: a doctor, "
        "or a helpline such as Beat (UK), ANAD (US) or one at findahelpline.com, can help "
        "without judging you. Would you be open to reaching out to one of them?"
    ),
    "breathing_spells": (
        "If you can't breathe right now, call your local emergency number (911 in the US, 112 "
        "in Europe, 999 in the UK). If it is one of the spells, a doctor can look into what "
        "brings them on. Tell me more if you like."
    ),
}
# Abuse told as long past ("I was raped when I was a teenager by my boyfriend and as you can
# see its still haunting me to this day", ESConv valid) had been answered "I'm so sorry this is
# happening to you ... If you are in danger": the past is answered as past, with the present
# safety question still asked.
_ABUSE_PAST = (
    "I'm so sorry that happened to you; it was not your fault, and it makes sense that it still "
    "weighs on you. Support lines for survivors are there for what happened long ago too: "
    "findahelpline.com lists free, confidential ones where you live. If you are not safe now, "
    "please call your local emergency number."
)
_LONG_AGO_RE = re.compile(_LONG_AGO, re.I)
_ABUSE_NOW = re.compile(
    r"\b(?:hits|beats|chokes|kicks|slaps|punches|abuses|rapes|threatens|forces|"
    r"(?:is|keeps|still)\s+(?:abusing|hurting|hitting|beating|threatening|raping|forcing))\b",
    re.I,
)
# Self-harm or suicidality told as history ("When I was 16 I tried to kill myself", "I used to
# cut myself"): a past attempt is among the strongest known risk factors (Bostwick et al.
# 2016), so the question about now is asked plainly, as for an overdose told as history,
# where the crisis script ("please reach out now") answers a present it was not told. A
# sentence that says it goes on ("again", "still", "lately") or any other sentence with
# crisis words keeps the crisis script; so does history with no time to it ("I almost
# committed suicide").
_HISTORY = re.compile(rf"{_LONG_AGO}|\bused\s+to\b", re.I)
_GOES_ON = re.compile(
    r"\b(?:again|still|anymore|any\s+more|lately|these\s+days|today|tonight|recently|"
    r"this\s+(?:week|month|morning|evening)|right\s+now|every\s+day|the\s+same)\b", re.I)
_SENTENCES = re.compile(r"[^.!?;]+")
# where one clause of a sentence hands over to another ("I used to be happy, but now I want to
# die" is said of now)
_CLAUSE_BREAK = re.compile(r",?\s+(?:but|and|yet|though|although|however|so)\s+|,\s+", re.I)


# Suicidality only as someone else took it to be ("I tried a help hotline online but they thought
# I was suicidal so they called the cops", ESConv train, had got the crisis script a second time,
# after the check-in): the user tells what others believed, not what they feel, so the question
# about now is asked plainly instead (asking directly does not raise risk: Dazzi et al. 2014).
# Anything else of crisis language in the message keeps the crisis script.
_OTHERS_BELIEVED = re.compile(
    r"\b(?:they|he|she|people|someone|somebody|everyone|everybody|(?:my|the)\s+\w+)\s+"
    r"(?:thought|think|thinks|assumed|assume|assumes|believed|believe|believes|decided|"
    r"(?:was|were|got)\s+(?:worried|scared|afraid))\s+(?:that\s+)?i\s+(?:was|were|am|might\s+be|"
    r"could\s+be)\s+suicidal\b", re.I)


def _only_believed_by_others(text: str) -> bool:
    """Whether the self-harm words of ``text`` are only what others took the user to be.

    >>> _only_believed_by_others("they thought i was suicidal so they called the cops")
    True
    >>> _only_believed_by_others("they thought i was suicidal and i want to die")
    False
    """
    rest = _OTHERS_BELIEVED.sub(" , ", text)
    return rest != text and not any(p.search(rest) for p in _COMPILED["self_harm"])


def _told_as_history(text: str) -> bool:
    """Whether every self-harm phrase in ``text`` is in a clause told as long past.

    >>> _told_as_history("Two years ago I was suicidal, but I'm better now")
    True
    >>> _told_as_history("I used to be happy but now I want to kill myself")
    False
    """
    said = False
    for sentence in (m.group(0) for m in _SENTENCES.finditer(text)):
        if not any(p.search(sentence) for p in _COMPILED["self_harm"]):
            continue
        if not _HISTORY.search(sentence) or _GOES_ON.search(sentence):
            return False
        hits = [(any(p.search(c) for p in _COMPILED["self_harm"]), bool(_HISTORY.search(c)))
                for c in _CLAUSE_BREAK.split(sentence)]
        if not any(hit for hit, _ in hits) or any(hit and not past for hit, past in hits):
            return False  # said across clauses, or in a clause of now
        said = True
    return said


SAFETY_REPLIES = frozenset((*_RESPONSES.values(), *_FOLLOW_UPS.values(), _ABUSE_PAST))
"""Every message the safety stage answers a crisis with (a reply just after one is read in its
light: agent.responder_template)."""
CRISIS_REPLIES = frozenset((_RESPONSES["self_harm"], _FOLLOW_UPS["self_harm"], CHECK_IN,
                            _FOLLOW_UPS["check_in"]))
"""The answers to thoughts of suicide or self-harm, and the check-in question: the turn after
one is still read in its light (agent.responder_template)."""
CHECK_INS = (CHECK_IN, _FOLLOW_UPS["check_in"])
"""The check-in question in both its wordings: a plain "no" to either is heard first."""
_UNSAFE_REPLY = re.compile(
    r"\b(?:you\s+should|go\s+ahead\s+and|just)\s+(?:kill|hurt|harm|cut)\s+yourself\b"
    r"|\bhow\s+to\s+(?:overdose|kill\s+yourself)\b",
    re.I,
)


# The agent must never pass for a person (a claim an LLM persona easily makes).
_HUMAN_CLAIM = re.compile(
    r"\b(?:i\s+am|i'm|im)\s+(?:a\s+|an\s+actual\s+|a\s+real\s+)?(?:real\s+)?"
    r"(?:human(?:\s+being)?|person|man|woman)\b(?!\s+(?:resources?|rights|nature))"
    r"|\bas\s+a\s+(?:fellow\s+)?human\b|\bi'?m\s+not\s+(?:a\s+)?(?:bot|robot|an?\s+ai|a\s+machine)\b",
    re.I,
)
AI_DISCLOSURE = "I'm an AI companion, not a person, but I'm here to listen."


@dataclass(frozen=True, slots=True)
class SafetyResult:
    category: str
    response: str


_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)


def normalise(text: str) -> str:
    """Fold case, accents, curly quotes and spacing so variants match the same patterns.

    >>> normalise("Je  veux MOURIR’")
    "je veux mourir'"
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    # a semicolon slipped for the apostrophe of a "n't" ("I don;t want to hurt her feelings",
    # ESConv train): the denial must still read as one
    text = re.sub(r"(?<=[a-z]n);(?=t\b)", "'", text, flags=re.I)
    return " ".join(text.lower().split())


def _variants(text: str) -> tuple[str, ...]:
    """The normalised text, and with digits read as letters inside words ("k1ll mys3lf")."""
    norm = normalise(text)
    deleet = re.sub(r"\b\w*[a-z]\w*\b|[@$]\w+", lambda m: m.group(0).translate(_LEET), norm)
    return (norm,) if deleet == norm else (norm, deleet)


# Talk of means, a plan or a time, just after a crisis was answered: "How would you do it...hurt
# yourself? I thought about crashing my car into someone else", "It would be quick for me I
# would take off my seatbelt first" (ESConv train, the turns between two crisis messages, had
# got "what you're describing moves me" and "You sound unsettled about your seatbelt"). Out of
# such a context these words are ordinary ("a car crash on the way home", "my pills ran out").
_AFTER_CRISIS = re.compile(
    r"\bhow\s+(?:would|do|did|could|should|can)\s+(?:you|u|i|one|someone)\s+(?:do\s+it"
    r"|hurt\s+(?:yourself|myself|oneself|themselves)|kill\s+(?:yourself|myself|oneself|themselves)"
    r"|end\s+it)\b|\b(?:crash|crashing|crashed|drive|driving|drove)\s+(?:my|the)\s+car\s+(?:into"
    r"|off)\b|\b(?:take|taking|took)\s+off\s+my\s+seat\s*belt\b|\bwithout\s+(?:my"
    r"|a)\s+seat\s*belt\b|\b(?:it|that)\s+(?:would|will|'?d|'?ll)\s+be\s+(?:quick|fast|easy"
    r"|painless|over)\b|\b(?:do|doing)\s+it\s+(?:tomorrow|tonight|today|soon|this\s+week|when|while"
    r"|after)\b|\b(?:end|ending)\s+it(?:\s+all)?\b(?!\s+with\b)|\b(?:pills|rope|noose|razor|blades?"
    r"|gun|bridge|overdose|wrists?)\b|\b(?:wouldn'?t|won'?t|will\s+not|would\s+not)\s+be\s+(?:here"
    r"|around)\b"
    r"|\b(?:tried|try|trying)\s+to\s+hurt\s+(?:yourself|myself)\b",
    re.I,
)
AFTER_CRISIS_TURNS = 4
"""The agent's replies back that a crisis answer still makes means or plans a crisis."""


class SafetyCheck:
    """Finds crisis language; its response replaces whatever the responder would say."""

    def after_crisis(self, text: str, said: Sequence[str]) -> SafetyResult | None:
        """The crisis follow-up when one of the agent's last ``AFTER_CRISIS_TURNS`` replies
        (``said``, oldest first) answered a crisis and ``text`` talks of means, a plan or a time
        ("I would take off my seatbelt first"); None otherwise.

        >>> crisis = SafetyCheck().check("I tried to hurt myself").response
        >>> SafetyCheck().after_crisis("I would take off my seatbelt first", ["Hi.", crisis]
        ...                            ).category
        'self_harm'
        >>> SafetyCheck().after_crisis("I would take off my seatbelt first", ["Hi."]) is None
        True
        """
        if not any(r in CRISIS_REPLIES for r in said[-AFTER_CRISIS_TURNS:]):
            return None
        if not any(_AFTER_CRISIS.search(v) for v in _variants(text)):
            return None
        return self.follow_up(SafetyResult("self_harm", _RESPONSES["self_harm"]), said)

    categories = tuple(_PATTERNS)

    def check(self, text: str) -> SafetyResult | None:
        variants = tuple(_without_denials(v) for v in _variants(text))
        for category, patterns in _COMPILED.items():
            if any(p.search(v) for p in patterns for v in variants):
                if (category == "abuse" and any(_LONG_AGO_RE.search(v) for v in variants)
                        and not any(_ABUSE_NOW.search(v) for v in variants)):
                    return SafetyResult(category, _ABUSE_PAST)
                if category == "self_harm" and all(_told_as_history(v)
                                                   or _only_believed_by_others(v)
                                                   for v in variants):
                    return SafetyResult("check_in", CHECK_IN)
                return SafetyResult(category, _RESPONSES[category])
        return None

    def follow_up(self, result: SafetyResult, said: Sequence[str]) -> SafetyResult:
        """``result``, or its category's follow-up when the agent has already said the response
        in this conversation more recently than the follow-up (``said``: the agent's earlier
        replies, oldest first): a second crisis is not answered with the same script.

        >>> first = SafetyCheck().check("I want to kill myself")
        >>> SafetyCheck().follow_up(first, []) == first
        True
        >>> again = SafetyCheck().follow_up(first, ["Hi.", first.response])
        >>> again.category, again.response == first.response, "988" in again.response
        ('self_harm', False, True)
        """
        other = _FOLLOW_UPS.get(result.category)
        if other is None:
            return result

        def last(reply: str) -> int:
            return max((i for i, x in enumerate(said) if x == reply), default=-1)

        if last(result.response) > last(other):
            return SafetyResult(result.category, other)
        return result

    def check_reply(self, reply: str) -> str | None:
        """A replacement when a generated reply encourages harm or claims to be human, else None.

        A human claim loses only its sentence, which becomes an honest disclosure.
        """
        if _UNSAFE_REPLY.search(normalise(reply)):
            return (
                "I want to be careful here. I care about your safety; if you are struggling, "
                "please reach out to a crisis line (988 in the US and Canada, "
                "findahelpline.com elsewhere)."
            )
        if _HUMAN_CLAIM.search(normalise(reply)):
            sentences = split_sentences(reply)
            kept = [x for x in sentences if not _HUMAN_CLAIM.search(normalise(x))]
            return " ".join([AI_DISCLOSURE, *kept]).strip()
        return None
