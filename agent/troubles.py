"""The troubles a user's words tell: a loss, a breakup or someone walking out, an illness, a
hurt done to them, a painful feeling or a broken heart, being alone, being fed up, someone close
moving away, a good thing gone, or that they have told no one.

Read by the offline responder (what to say and what not to ask again) and by the prompt every
chat model gets (``story_told``; agent/responders.py). Hand-written patterns: each names what it
catches and the look-alikes it leaves alone, and the tests hold both.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agent.responder_words import (
    EVENT_VERBS,
    HURTFUL_ACTS,
    JUST_LOSE,
    NAMED_FEELINGS,
    PAINFUL_SELF_WORDS,
    UPBEAT,
)

# "my driving test", "my job" (not "my job today", "my leg skiing"): a second noun is kept unless
# it says when, joins a clause or is an -ing word. "Broke my heart" is a hurt, not a thing
# broken (HEARTBREAK): a figurative organ is no thing of theirs, nor a hold on things ("lost my
# grasp on" looking forward, ESConv train: "losing your grasp"; "lost my temper").
# "my friend's father": one possessive kept ("My friend's father passed away", ESConv valid)
# "one of my cats" is one, not all ("One of my cats died", ESConv train: "losing your cats")
_THING = (r"(?:one\s+of\s+)?(?:my|our)\s+(?!(?:heart|mind|spirit|soul|will|grasp|grip|temper|cool|"
          r"patience|nerve|footing|head)\b)[a-z]{3,}(?:'s\s+[a-z]{3,})?"
          r"(?:\s+(?!(?:today|"
          r"yesterday|tonight|again|last|this|and|but|so|because|at|in|on|for|with|too|now|"
          r"recently|already|twice|"
          # ("I failed my first exam earlier this week", ESConv train: "How are you coping with
          # failing your first exam earlier day to day?")
          r"earlier|later|once|ever|back|lately|"
          # a new sentence run on without a stop: "I lost my job How are doing?" (ESConv valid:
          # "the hardest part of losing your job how are")
          r"how|what|why|when|where|who|are|is|was|were|did|does|you|your|due|the|from|after|"
          r"since|while|during|before|which|that|its|it'?s|not|all|just|very|really|"
          # ("My friend has passed away", ESConv train: "losing your friend has")
          r"has|had|have|will)\b)"
          r"[a-z]{3,}(?<!ing)\b){0,2}")  # "my long time partner"
# not what may come: "i have fair of i will lost my job" (ESConv train: "the hardest part of
# losing your job") fears it
EVENT = re.compile(rf"(?<!\bwill\s)(?<!\bmight\s)(?<!\bmay\s)(?<!\bcould\s)(?<!\bwould\s)"
                   rf"\b({'|'.join(EVENT_VERBS)}|{JUST_LOSE})\s+({_THING})", re.I)
DIED = re.compile(rf"\b({_THING})\s+(?:(?:has|have|had|just|recently|sadly|suddenly)\s+)*"
                  r"(?:died|passed away|passed)\b", re.I)
# "left me" ends its clause ("my husband left me last week"), unlike "my dog left me a present"
# ("I cannot believe my Girl is breaking up with me....", ESConv train: "What has been the
# hardest part of your girl so far?")
LEFT = re.compile(rf"\b({_THING})\s+(broke up with|is breaking up with|dumped|cheated on|"
                  r"left(?=\s+(?:me|us)\s*(?:"
                  r"[.!?,;]|$|(?:for|last|yesterday|today|this|after|and|because)\b)))"
                  r"\s+(?:me|us)\b", re.I)
_DISEASE = (r"(?:(?:stage\s+\w+|terminal|advanced|breast|lung|brain|bone|skin|colon)\s+)*"
            r"(?:cancer|leukemia|leukaemia|a\s+tumou?r|dementia|alzheimer'?s|parkinson'?s|"
            r"als|multiple\s+sclerosis|hiv|diabetes|epilepsy|lupus|covid|a\s+stroke|"
            r"a\s+heart\s+attack|sepsis|bi-?polar(?:\s+disorder)?|depression|schizophrenia|"
            r"an?\s+eating\s+disorder|anorexia|an?\s+addiction|ptsd)\b")
# "I have cancer", "I was diagnosed with diabetes": the user's own diagnosis is the event
ILL_SELF = re.compile(rf"\bi(?:\s+have|'ve\s+got|\s+just\s+found\s+out\s+i\s+have|"
                      rf"\s+was\s+diagnosed\s+with|\s+got\s+diagnosed\s+with)\s+{_DISEASE}",
                      re.I)
# "my mom is in hospital", "my dad was diagnosed with cancer": what is happening to them is the
# event ("your mom being in hospital"), as a loss is
ILL = re.compile(rf"\b({_THING})\s+(?:is|was|has been|got|ended up)\s+(?:"
                 r"(?P<ward>(?:in|taken to|admitted to|rushed to)\s+(?:the\s+)?"
                 r"(?:hospital|icu|intensive care)\b)"
                 r"|(?P<ill>(?:very\s+|really\s+|so\s+|seriously\s+)?(?:sick|ill|unwell)\b(?!\s+of\b))"
                 r"|(?P<diagnosed>diagnosed\s+with\b))"
                 # "my mom has cancer": the illness is named ("your mom's cancer")
                 rf"|\b(?P<sufferer>{_THING})\s+(?:has|had|has got|is fighting|is battling|"
                 r"is suffering from|suffers from|is struggling with|struggles with)\s+"
                 rf"(?P<disease>{_DISEASE})", re.I)
# A good thing spoken of as gone ("I used to love this job", "we were so happy once"): the
# words are warm and the recognizer may read joy, but the news is a loss.
# "Great advice. Hard to pull off during the pandemic though.": the good word is turned by a
# difficulty after it, and the message is not good news.
# The span between the two is bounded: an unbounded one is rescanned from every "but" of a long
# message (5 s for 20,000 characters of them).
TURNED_HARD = re.compile(
    # ("That is easier said than done. I try not to think of the next day", ESConv valid: "How
    # wonderful!")
    # ("easier said but i guess so. i just want this year to end now.", ESConv train: "That's
    # wonderful!")
    r"\beasier\s+said\b|\bwant\s+(?:this|the|it|all\s+this)\s+(?:\w+\s+)?to\s+(?:end|be\s+over"
    r"|stop)\b|"
    r"\b(?:hard|difficult|tough|impossible|tricky)\b[^.!?]{0,80}?"
    r"\b(?:though|tho)\b"
    r"|\b(?:but|though|although|however)\b[^.!?]{0,80}?\b(?:hard|difficult|tough|impossible|tricky|"
    r"can'?t|cannot|won'?t\s+work|not\s+sure|don'?t\s+know\s+(?:if|how))\b",
    re.I,
)
LOST_GOOD = re.compile(
    r"\bused\s+to\s+(?:really\s+|always\s+)?(?:love|like|enjoy|adore|be\s+(?:so\s+)?(?:happy|close"
    r"|fun)"
    # "I used to get a lot of pleasure from reading ... Now reading feels like a chore" (ESConv
    # train, read as joy: "That's wonderful!")
    r"|get\s+(?:a\s+lot\s+of\s+|so\s+much\s+|real\s+|great\s+)?(?:pleasure|joy|satisfaction))\b"
    r"|\b(?:feels?|felt|became|becomes)\s+(?:like\s+)?an?\s+chore\b"
    # a hope dashed: "i just thought this will make this year atleast better" (ESConv train, left
    # at the wedding: "Oh, that's lovely! You sound really glad")
    r"|\bi\s+(?:just\s+|really\s+|honestly\s+)?thought\s+(?:this|it|that|he|she|they|things"
    r"|we)\s+(?:will|would)\b"
    # "It would have been nice to have been considered." (ESConv train, passed over for a post:
    # "That's wonderful!")
    r"|\bwould\s+(?:have|'ve)\s+been\s+(?:so\s+|really\s+)?(?:nice|good|great|better|lovely)\b"
    # a wish for what is not there: "I wish I could attend a better university" (not "I wish
    # you luck")
    r"|\bi\s+(?:just\s+|really\s+|only\s+|still\s+)?wish\s+(?:i|we|things|it|he|she|they|my)\b"
    # "we used to see each other every day", "it's not the same anymore"
    r"|\b(?:we|i)\s+used\s+to\s+(?:see|talk\s+to|hang\s+out\s+with|spend\s+(?:every|all|so\s+"
    r"much)|do\s+everything\s+with)\b|\bused\s+to\s+(?:see|talk\s+to)\s+each\s+other\b"
    r"|\b(?:it'?s|its|it\s+is|things\s+are)\s+(?:just\s+)?not\s+the\s+same(?=\s*(?:[.!?,;]|$|"
    r"\s+(?:anymore|any\s+more|without|since|as\s+(?:before|it\s+was))\b))"
    r"|\b(?:was|were)\s+(?:so\s+)?happy\s+(?:once|back\s+then|before)\b"
    # "It's amazing. That's how we used to be up until a month ago" (ESConv train: "How
    # wonderful! You sound really glad")
    r"|\b(?:how|the\s+way|what)\s+(?:we|i|it|things|they|she|he)\s+used\s+to\s+be\b"
    # "once i feel very happy when he was with me." (ESConv train: "How wonderful! How did it
    # come about?")
    r"|\bonce\s+(?:i|we)\s+(?:feel|felt|was|were)\s+(?:so\s+|very\s+|really\s+)?(?:happy|good|loved)\b"
    r"|\b(?:happy|good)\s+when\s+(?:he|she|they)\s+(?:was|were)\s+(?:with\s+me|here|around)\b"
    r"|\b(?:not|no)\s+(?:fun|happy|good)\s+anymore\b|\bmiss\s+(?:the\s+)?(?:old|good)\s+days\b"
    # what ought to be there and is not: "She should be proud I am even going to college",
    # "they should be happy for me" (ESConv valid and train)
    r"|\b(?:should|ought\s+to)\s+(?:be|feel)\s+(?:so\s+|more\s+)?(?:happy|glad|proud|grateful|"
    r"thankful|excited)\b"
    # what has not come yet: "Things haven't worked out yet so I just need to hang on" (ESConv
    # valid, read as joy beside thanks, had got "Oh, that's lovely!")
    r"|\b(?:haven'?t|hasn'?t|have\s+not|has\s+not|didn'?t|did\s+not)\s+(?:really\s+|quite\s+)?"
    r"(?:worked\s+out|got(?:ten)?\s+(?:any\s+)?better|improved|paid\s+off)\b"
    r"|\bnothing\s+(?:has\s+)?(?:worked|helped)(?:\s+(?:yet|so\s+far))?\b"
    r"|\b(?:just\s+)?(?:need|have|got)\s+to\s+hang\s+(?:on|in\s+there)\b",
    re.I,
)
TOLD_NO_ONE = re.compile(
    r"\b(?:haven't|have\s+not|didn't|did\s+not|can't|cannot|couldn't)\s+(?:really\s+)?"
    r"(?:told|tell|talked\s+to|talk\s+to)\s+(?:anyone|anybody)\b"
    r"|\b(?:no\s+one|nobody|noone)\s+(?:to\s+talk\s+to|knows|else\s+knows)\b"
    r"|\bi\s+(?:have|'ve\s+got)\s+no\s+one\b"
    r"|\bi\s+(?:don't|do\s+not)\s+(?:really\s+|even\s+)?have\s+(?:anyone|anybody)\b"
    r"|\btold\s+(?:no\s+one|nobody)\b",
    re.I,
)
# "She broke my heart", "my heart is broken": a hurt, though no thing of theirs broke (_THING).
HEARTBREAK = re.compile(r"\b(?:broke|breaking|broken)\s+my\s+heart\b|\bmy\s+heart\s+(?:is|was)\s+"
                        r"broken\b"
                        # "support in regards to a recent break up", "we split up", "my divorce"
                        r"|\b(?:a|my|our|recent|bad|messy)\s+(?:recent\s+)?break\s?-?up\b"
                        r"|\b(?:we|i)\s+(?:just\s+|recently\s+|finally\s+)?(?:broke|split)\s+up\b"
                        r"(?!\s+(?:the|a|an|that|this|some)\b)"
                        r"|\b(?:my|our|the)\s+(?:recent\s+)?divorce\b|\b(?:getting|got)\s+divorced\b",
                        re.I)
# Betrayal by a partner, told without "cheated on me": "my boyfriend stepped out on me",
# "slept with my close friend", "he had an affair" (ESConv valid got "How is your day going
# otherwise?" to the second)
BETRAYED = re.compile(
    r"\b(?:stepped|stepping|steps)\s+out\s+on\s+(?:me|us)\b|\bcheat(?:ed|ing|s)\s+on\s+(?:me|us)\b"
    r"|\b(?:slept|sleeping|sleeps|hooked\s+up)\s+with\s+(?:my\s+(?:\w+\s+)?(?:friend|best\s+friend|"
    r"sister|brother|cousin|coworker|co-worker|colleague|neighbou?r|roommate)|another\s+(?:woman|man|"
    r"girl|guy)|someone\s+else)\b"
    r"|\b(?:had|having|has)\s+(?:an?\s+)?(?:affair|emotional\s+affair)\b"
    r"|\b(?:was|been|is|being)\s+unfaithful\b",
    re.I,
)
# Someone leaving the user, told in other words than LEFT's: "my partner ran off with another
# woman", "he walked out on us".
WALKED_OUT = re.compile(
    r"\b(?:my\s+(?:\w+\s+)?(?:partner|husband|wife|boyfriend|girlfriend|fiancee?|dad|father|mom|"
    r"mum|mother|ex)|he|she)\s+(?:just\s+)?(?:ran|run|runs)\s+off\s+with\b"
    r"|\b(?:walked|moved)\s+out\s+on\s+(?:me|us)\b"
    r"|\b(?:he|she)\s+(?:suddenly\s+|just\s+)?(?:ended\s+(?:it|things|the\s+relationship|our\s+"
    r"relationship)|broke\s+it\s+off|called\s+it\s+off)\b"
    # "out of nowhere he dumped me" (ESConv train: "You clearly care about your boyfriend" a
    # few turns on)
    r"|\b(?:he|she)\s+(?:suddenly\s+|just\s+|then\s+)?(?:dumped|broke\s+up\s+with)\s+(?:me|us)\b",
    re.I)
# Someone close gone away: "My best friend moved to another country", "my sister is moving
# away". Only a person of the user's ("my ..."), and only away or abroad: "my boss moved to
# another team" is not a loss told.
MOVED_AWAY = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:friend|friends|best\s+friend|boyfriend|girlfriend|partner|sister|brother|"
    r"mom|mum|mother|dad|father|son|daughter|kids|grandma|grandpa|family)\s+(?:just\s+|has\s+|"
    r"have\s+)?(?:moved|is\s+moving|are\s+moving|moves|went)\s+(?:away|abroad|overseas|to\s+"
    r"(?:another|a\s+different)\s+(?:country|city|state|continent))\b",
    re.I,
)
# Being alone: "I don't know anyone here", "I have no friends", "nobody talked to me". A
# painful situation though no one did anything and no feeling is named; "I don't know anyone
# who plays chess" asks for no comfort.
ISOLATED = re.compile(
    r"\bi\s+(?:don't|do\s+not|dont)\s+(?:really\s+)?know\s+(?:anyone|anybody)"
    r"(?:\s+(?:here|in\s+(?:this|the)\s+(?:city|town|area|place)))?(?=\s*(?:[.!?,;]|$|\s+(?:yet|"
    r"at\s+all|anymore)\b))"
    r"|\bi\s+(?:have|'ve\s+got)\s+no\s+friends\b|\bi\s+(?:don't|do\s+not|dont)\s+have\s+"
    r"(?:any\s+)?friends\b"
    r"|\b(?:nobody|no\s+one|no-one)\s+(?:ever\s+)?(?:talked|talks|spoke|speaks)\s+to\s+me\b"
    r"(?!\s+about\b)"
    r"|\bi'?m\s+(?:all\s+)?(?:alone|on\s+my\s+own)\s+(?:here|all\s+the\s+time|every\s+"
    r"(?:day|night|weekend))\b"
    # "I have no one to talk to. I have lost all of my friends since becoming a mom." (ESConv
    # train, had got a general line)
    r"|\bi\s+(?:have|'ve\s+got)\s+(?:no\s+one|nobody|no-one)\s+to\s+(?:talk|turn)\s+to\b"
    r"|\b(?:i'?ve|i\s+have)\s+lost\s+(?:all\s+(?:of\s+)?|most\s+(?:of\s+)?)?my\s+friends\b",
    re.I,
)
# Someone close who will not accept the user's choice: "they don't approve my career path",
# "my parents are pushing me into architecture" (ESConv train, had got small talk: "Take your
# time. There's no rush.")
DISAPPROVED = re.compile(
    r"\b(?:they|he|she|parents|mom|mum|mother|dad|father|family|folks)\s+(?:don'?t|doesn'?t|do\s+not|"
    r"does\s+not|won'?t|will\s+not|wouldn'?t|never)\s+(?:really\s+)?(?:approve|accept|respect)\b"
    r"|\b(?:parents|mom|mum|mother|dad|father|family|folks)\s+(?:(?:are|is|keep|keeps)\s+)?"
    r"(?:forcing|pushing|pressuring|pressure|force|push|pressures|forces|pushes)\s+me\s+(?:to|into)\b"
    # "My parents keep putting pressures on me to be the best in the class" (ESConv train)
    r"|\b(?:putting|puts|put)\s+(?:so\s+much\s+|a\s+lot\s+of\s+|too\s+much\s+)?pressures?\s+on\s+me\b",
    re.I,
)
# A hurt done to the user, said actively ("my boss yelled at me") or passively ("I got fired");
# "it hit me that..." is a realisation, not a blow.
_ACTS = "|".join(re.escape(a) for a in HURTFUL_ACTS)
HURT_DONE = re.compile(
    rf"(?<!\bit )\b(?:{_ACTS})\s+(?:me|us)\b(?!\s+up\b)"  # "hit me up" is a message
    r"|\blaid\s+(?:me|us)\s+off\b"
    # "My employer has cut my pay for the year" (ESConv valid), "they cut our hours"
    r"|\b(?:cut|cuts|cutting|reduced|slashed|lowered)\s+(?:my|our)\s+(?:pay|salary|wages?|hours|"
    r"benefits)\b|\b(?:i|we)\s+(?:got|had|took|have\s+had)\s+an?\s+(?:big\s+|huge\s+)?pay\s+cut\b"
    # ("I can't believe it I just got layed off.", ESConv train, told no trouble)
    rf"|\b(?:i|we)\s+(?:just\s+|recently\s+)?(?:got|get|was|were|have been|'ve been|am being|"
    rf"'m being|keep getting)\s+"
    rf"(?:just\s+)?(?:{_ACTS})\b(?!\s+up\b)"  # "I was fired up" is eagerness
    # bullying in its own words ("calling me names"; "my friend called me" is a phone call)
    r"|\b(?:call|calls|calling|called)\s+(?:me|us)\s+(?:names|an?\s+(?:loser|freak|weirdo|"
    r"idiot|failure|liar|slut))\b|\b(?:make|makes|making|made)\s+fun\s+of\s+(?:me|us)\b"
    r"|\b(?:pick|picks|picking|picked)\s+on\s+(?:me|us)\b"
    # ("but thinking anybody tease me about my body", ESConv train, after thanks: "You sound
    # really glad")
    r"|\b(?:tease|teases|teasing|teased|mock|mocks|mocking|shame|shames|shaming|shamed)\s+(?:me"
    r"|us)\b"
    # "This co worker keeps going behind my back" (ESConv valid: "What happened?")
    r"|\b(?:go|goes|going|went|gone)\s+behind\s+(?:my|our)\s+back\b|\b(?:post|posts|posting|posted|"
    r"spread|spreads|spreading)\s+(?:stuff|things|rumou?rs|lies|pictures|photos|videos)\s+"
    r"about\s+(?:me|us)\b|\btalk(?:s|ing|ed)?\s+behind\s+(?:my|our)\s+back\b",
    re.I,
)
# Exasperation with someone or something: "I'm so done with my roommate", "I'm sick of my job",
# "I can't stand him". "I'm done with my homework" is finished work, so "done with" needs the
# emphasis that makes it fed up.
FED_UP = re.compile(
    r"\b(?:i'?m|i\s+am|im)\s+(?:just\s+)?(?:so|completely|totally|really|absolutely)\s+done\s+"
    r"with\b|\b(?:i'?m|i\s+am|im)\s+(?:so\s+|really\s+|just\s+)?(?:sick\s+(?:and\s+tired\s+)?of|"
    r"fed\s+up\s+with)\b|\bi\s+(?:can'?t|cannot)\s+stand\s+(?:my|him|her|them|it|this|the\s+way)"
    r"\b",
    re.I,
)
# "I feel so small", not "I don't feel alone anymore"
# "Life just is so hard right now", "Things have been really tough lately"
HARD_LIFE = re.compile(
    r"\b(?:life|things|everything)\s+(?:just\s+)?(?:is|are|has\s+been|have\s+been|feels?|seems?)\s+"
    r"(?:just\s+)?(?:(?:so|really|very|pretty|too|incredibly)\s+)?(?:hard|tough|difficult|rough|"
    r"overwhelming|awful|terrible|a\s+mess|too\s+much)\b(?!\s+to\s+(?:beat|believe|say))"
    # "such a hard couple of months" (ESConv valid: thanks beside it were answered with
    # "Anytime. I'm glad it helped a little.")
    r"|\b(?:such\s+a|a\s+really|a\s+very)\s+(?:hard|tough|rough|difficult)\s+(?:time|day|week|month|"
    r"year|few\s+(?:days|weeks|months)|couple\s+of\s+(?:days|weeks|months))\b",
    re.I,
)
# At a loss or low in plain words: "I just dont know what to do" (not "... with the leftovers"),
# "just blue", "it makes me blue"
AT_A_LOSS = re.compile(
    r"\bi\s+(?:just\s+|really\s+|honestly\s+)?(?:don'?t|do\s+not|dont)\s+know\s+what\s+to\s+do"
    r"(?:\s+(?:anymore|any\s+more|with\s+myself))?\s*(?:[.!?,]|$)"
    r"|\b(?:feel|feeling|felt|makes\s+me|made\s+me|just|so|a\s+bit|kinda|been)\s+(?:so\s+)?blue\b",
    re.I,
)
# A struggle of the mind or body told in plain words, no feeling named: "My thoughts keep
# racing at night", "I can't focus on anything", "My motivation is gone", "I lose my temper
# with my kids". Each had been answered as small talk ("How is your day going otherwise?") or
# read back as a topic ("the hardest part of your temper").
# A struggle or a weight named as such: "I also struggle with a severe auto immune disorder so
# that is always weighing on me as well" (ESConv valid, beside "I am happy it worked for you",
# had got "Oh, that's lovely! I'm glad to hear it")
STRUGGLE_WITH = re.compile(
    r"\b(?:i|we)\s+(?:also\s+|still\s+|really\s+|have\s+always\s+|always\s+)?(?:struggle|"
    r"am\s+struggling|'m\s+struggling|have\s+been\s+struggling|'ve\s+been\s+"
    r"struggling)\s+(?:a\s+lot\s+|so\s+much\s+)?with\b"
    # "I am trying to find a new job for long time. There is no success in it" (ESConv train,
    # read as joy: "That's wonderful! How did it come about?"), "no luck so far"
    r"|\bno\s+(?:success|luck)\b(?!\s+(?:needed|required))"
    # "I made the mistake of prioritizing the ones that take less time ... wont be done by the
    # deadline" (ESConv train, read as joy: "Oh, that's lovely!"); "I have no money to start
    # with" (ESConv train: "Oh, that's lovely!")
    r"|\b(?:i|we)\s+(?:just\s+|really\s+)?made\s+(?:a|the|an|such\s+a)\s+(?:\w+\s+)?mistake\b"
    r"|\b(?:i|we)\s+(?:have|'ve\s+got|got)\s+no\s+money\b|\b(?:i|we)\s+(?:don'?t|do\s+not"
    r"|dont)\s+have\s+(?:any|enough)\s+money\b"
    # "in my adolescense I suffered from bullying" (ESConv train, read as joy: "Oh, that's
    # lovely! How did it come about?"), "am suffering a lot"
    r"|\b(?:i|we)\s+(?:also\s+|still\s+|really\s+)?(?:suffer(?:ed)?|(?:am|'m)\s+suffering|(?:have"
    r"|'ve)\s+(?:been\s+)?suffer(?:ed|ing))\s+(?:(?:so\s+)?(?:a\s+lot|so\s+much)|from|with"
    r"|through)\b"
    r"|\b(?:is|are|has\s+been|keeps?)\s+(?:always\s+|really\s+|constantly\s+)?(?:weighing|"
    r"weighs)\s+(?:heavily\s+)?on\s+(?:me|us|my\s+mind)\b"
    # sleep that will not come: "I lie down and then I feel wide awake thinking about the next
    # day" (ESConv valid, read as joy, had got "That's wonderful! So you are sleepy")
    r"|\b(?:lie|lying|laying|lay)\s+(?:\w+\s+){0,3}?awake\b|\bi\s+(?:\w+\s+){0,3}?(?:feel|am)\s+wide\s+"
    r"awake\b|\b(?:a\s+)?hard\s+time\s+(?:falling|getting\s+to|staying)\s+(?:a)?sleep\b"
    # "It's great talking to you. I have an emotional problem, more like the fear that I will
    # fail my class" (ESConv train, read as joy: "Oh, that's lovely! So you have an emotional
    # problem, and it feels good.")
    r"|\bi\s+(?:have|'ve\s+got|am\s+having|'m\s+having)\s+(?:an?\s+|some\s+)?(?:\w+\s+)?"
    r"(?:emotional|mental|personal|family|relationship)\s+(?:problems?|issues?|struggles?)\b"
    r"|\b(?:the|my|a)\s+fear\s+(?:that|of)\b"
    # a job feared for: "well I fear losing my job", "I am scaring about layoff from job"
    # (ESConv train, job crisis: neither had told a trouble)
    r"|\b(?:fear|fears|feared|afraid|scared|scaring|worried|worry|worrying|anxious|nervous|"
    r"terrified)\s++(?:(?:of|about|that)\s++)?(?:(?:i|we)(?:'ll|'m|'re|\s++(?:will|might|may|"
    r"could|would|am|are))\s++(?:going\s++to\s++)?)?(?:los(?:e|ing)\s++(?:my|our)\s++(?:job|"
    r"position)|(?:being|getting|get|be)\s++(?:laid\s++off|fired|let\s++go|made\s++redundant)|"
    r"(?:the\s++|a\s++|more\s++)?lay-?offs?)\b", re.I)
STRUGGLING = re.compile(
    # ("i am not able to remember the contents which is necessary for my academic tests",
    # ESConv train, had got "What's on your mind today?")
    r"\bi(?:\s+|(?='m))(?:just\s+|really\s+|still\s+|honestly\s+)?(?:can'?t|cannot|can\s+not|"
    r"couldn'?t|(?:am|'m)\s+(?:just\s+|really\s+|still\s+)?(?:not\s+able|unable))\s+(?:to\s+)?"
    r"(?:seem\s+to\s+|even\s+)?(?:sleep|focus|concentrate|relax|switch\s+off|calm\s+down|cope|"
    r"remember\s+(?:anything|things|what\s+i\s+(?:study|studied|read|learn|learned|learnt)|"
    r"the\s+(?:contents?|material|lessons?))|"
    r"function|think\s+straight|get\s+out\s+of\s+bed|stop\s+(?:worrying|crying|overthinking|"
    r"thinking\s+about\s+(?:it|this|that|him|her|them|what))|keep\s+my\s+(?:attention|focus|mind)"
    r"\s+on)\b(?!\s+(?:on\s+)?(?:the|this|that)\s+(?:game|movie|show|book)\b)"
    r"|\b(?:my\s+)?(?:thoughts|mind|head|brain)\s+(?:keeps?\s+|is\s+|are\s+|(?:won'?t|doesn'?t)\s+"
    r"stop\s+)?racing\b|\bracing\s+thoughts\b"
    r"|\bmy\s+(?:mind|brain|head|thoughts)\s+(?:won'?t|will\s+not|doesn'?t|never|can'?t)\s+(?:stop|"
    r"shut\s+(?:off|up)|switch\s+off|quiet\s+down|slow\s+down|rest)\b"
    r"|\b(?:i\s+have|i'?ve\s+got|i\s+got)\s+(?:no|zero)\s+(?:motivation|energy)\b(?!\s+drinks?\b)"
    # a low mood that will not lift: "Cannot seem to shake the blues even though I exercise"
    # (ESConv train, had got "how is your day going otherwise?")
    r"|\b(?:can'?t|cannot|can\s+not|couldn'?t)\s+(?:seem\s+to\s+)?(?:shake|get\s+rid\s+of)\s+"
    r"(?:the|these|this|my)\s+(?:blues|sadness|gloom|low\s+mood|depression|anxiety)\b"
    r"|\bi(?:'ve|\s+have)?\s+(?:got|had|have)\s+the\s+blues\b"
    r"|\bmy\s+(?:motivation|energy|drive)\s+(?:is|has|'s)\s+(?:just\s+)?(?:gone|disappeared|vanished|"
    r"(?:been\s+)?(?:so\s+|really\s+)?(?:low|zero|non-?existent))\b"
    r"|\b(?:lost|losing)\s+(?:all\s+)?(?:my\s+)?(?:motivation|appetite|will\s+to\s+do\s+anything)\b"
    # "I feel as if I lost who I am after that happened." (ESConv valid)
    r"|\bi(?:'ve|\s+have)?\s+(?:lost|losing|am\s+losing)\s+(?:who\s+i\s+(?:am|was)|myself(?!\s+in\b)|my\s+"
    r"(?:sense\s+of\s+self|identity|way|spark))\b"
    r"|\bi\s+(?:keep|kept)\s+(?:overthinking|worrying|crying|panicking)\b"
    r"|\b(?:i\s+)?(?:lose|lost|losing)\s+my\s+temper\b"
    r"|\bmy\s+mood\s+(?:has\s+been|is|was)\s+(?:so\s+|really\s+|very\s+|pretty\s+)?(?:low|down|"
    r"bad|awful|terrible|off|all\s+over\s+the\s+place)\b",
    re.I,
)
FEELS_BAD = re.compile(
    r"(?<!n't )(?<!not )(?<!never )\b(?:feel|feels|feeling|felt)\s+(?:(?:so|really|very|a bit|"
    r"a little|kind of|pretty|totally|completely|just|quite|such)\s+)*"
    rf"(?:{'|'.join(re.escape(w) for w in PAINFUL_SELF_WORDS)})\b",
    re.I,
)

# "Not great, honestly.", "Could be better.", "Pretty rough.": how they are, answered low and
# nothing told yet, so the story is still to be asked for. Only as the message's opening: "not
# good enough for them" or "the food was bad" say something else; "not bad" is not low.
UNWELL = re.compile(
    r"^\s*(?:(?:honestly|well|um|uh|hmm|eh|ugh|tbh|to be honest|oh|ok|okay|(?:hi|hello|hey)"
    r"(?:\s+(?:there|too|again))?)[,.?!]?\s+)*"
    r"(?:(?:i'?m|i am|am|i've been|ive been|i have been|i've|ive|i have|been|things are|"
    r"things have been|it's|its|today is|today's|my day is|today was|my day was|feeling)\s+)?"
    r"(?:not\s+(?:(?:so|too|very|that|really|doing|feeling|going)\s+)*(?:great|good|well|okay|ok|"
    # ("It's somewhat hard, how about you?", ESConv train)
    r"fine|the best)|(?:(?:pretty|really|so|kinda|kind of|somewhat|a\s+bit)\s+)?(?:bad|rough|awful|"
    r"terrible|horrible|crappy|shitty|lousy|rubbish|hard|difficult)|(?:i\s+)?could be better"
    # ("Hi. It has been better.", ESConv train: "How are you feeling today?")
    r"|(?:it\s+has\s+|it'?s\s+)?been better|meh"
    # "doing well, but it could have been better" (ESConv train: "What made you think of that?")
    r"|(?:doing\s+)?(?:well|good|ok|okay|fine|alright),?\s+but\s+(?:it\s+"
    r"|things\s+)?could\s+(?:have\s+been|be)\s+better"
    r"|(?:not\s+)?so-so"
    # "A little down. Kind of broke for Christmas." (ESConv valid)
    r"|(?:(?:a\s+little|a\s+bit|kinda|kind\s+of|pretty|really|so|very|feeling)\s+)(?:down|low|blue|sad)"
    # "tired, thanks": worn out, said as how one is ("tired of explaining" is not)
    r"|(?:(?:pretty|really|so|very|kinda|kind of|a bit|a little|just)\s+)?(?:tired|exhausted|"
    r"drained|worn out|stressed|burnt out|burned out)"
    # "IM HANGING IN THERE HOW ARE YOU?" (ESConv valid): coping, said as how one is
    r"|(?:(?:just|still|barely)\s+)?(?:hanging\s+in(?:\s+there)?|getting\s+by|surviving|holding\s+"
    r"(?:on|up)|coping|managing))"
    # (the end, a stop, or a word of its own after spaces, each run scanned once: "bad" before
    # 20,000 spaces took 9 s with "\s*" and "\s+" side by side)
    r"(?=\s*+(?:$|[.!,;])|\s++(?:honestly|tbh|really|today|lately|actually|to be honest|"
    r"unfortunately|right now|at the moment|thanks|thank you|thx)\b)",
    re.I,
)


# "I am sad", "I feel so lonely.", "down": a feeling named as the whole message, nothing yet of
# why ("I'm so anxious. I'm losing my job" tells it)
_BARE_FEELING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|honestly|well|um|uh|hmm|ugh|tbh|oh)[,.!]?\s+)*"
    r"(?:(?:i'?m|i am|im|i've been|ive been|i have been|i feel|i'?m feeling|i am feeling|"
    r"i've been feeling|i have been feeling|feeling)\s+)?"
    r"(?:(?:a\s+little|a\s+bit|kinda|kind\s+of|pretty|really|so|very|quite|just)\s+)*"
    r"(?:down|low|blue|sad|depressed|upset|miserable|unhappy|lonely|anxious|awful|terrible|"
    r"horrible|bad|stressed|hopeless|lost|empty|numb)"
    r"(?:\s+(?:today|lately|right now|these days|at the moment|recently|again|tonight))?"
    # (possessive: each run of spaces before the end is scanned once)
    r"\s*+[.!]*+\s*+$",
    re.I,
)


def says_unwell(text: str) -> bool:
    """Whether the message answers "how are you" low, telling nothing yet.

    >>> says_unwell("not great honestly"), says_unwell("Could be better."), says_unwell("meh")
    (True, True, True)
    >>> says_unwell("Not bad, thanks!"), says_unwell("not good enough for them, apparently")
    (False, False)
    >>> says_unwell("not great thanks"), says_unwell("pretty rough thank you")
    (True, True)
    >>> says_unwell("tired, thanks"), says_unwell("I'm tired of explaining this")
    (True, False)
    >>> says_unwell("A little down. Kind of broke."), says_unwell("I'm down for pizza")
    (True, False)
    >>> says_unwell("I am sad"), says_unwell("I'm so anxious. I'm losing my job.")
    (True, False)
    >>> says_unwell("IM HANGING IN THERE"), says_unwell("I'm managing the project")
    (True, False)
    """
    return UNWELL.search(text) is not None or _BARE_FEELING.match(text) is not None


NEGATIVE_NAMED = tuple(w for w in NAMED_FEELINGS if w not in UPBEAT)


@lru_cache(maxsize=4096)  # the prompt asks it of every earlier user turn, at every turn
def tells_trouble(text: str) -> bool:
    """Whether a message tells of a difficulty: a loss, a breakup, an illness, a hurt done to
    the user, or a painful feeling ("I lost my job", "My boss yelled at me", "I feel so small").

    >>> tells_trouble("My dog died."), tells_trouble("I feel lonely.")
    (True, True)
    >>> tells_trouble("I like turtles.")
    False
    >>> tells_trouble("My boss yelled at me today."), tells_trouble("I just feel so small.")
    (True, True)
    >>> tells_trouble("I yelled at the TV."), tells_trouble("I don't feel alone anymore.")
    (False, False)
    >>> tells_trouble("I don't know anyone here."), tells_trouble("I don't know anyone who skis.")
    (True, False)
    >>> tells_trouble("I got laid off this morning."), tells_trouble("They laid me off.")
    (True, True)
    >>> tells_trouble("I'm so done with my roommate."), tells_trouble("I'm done with my homework.")
    (True, False)
    >>> tells_trouble("Life just is so hard right now"), tells_trouble("Life is too short.")
    (True, False)
    >>> tells_trouble("My thoughts keep racing at night."), tells_trouble("I can't focus.")
    (True, True)
    >>> tells_trouble("I can't wait to see you."), tells_trouble("I have no energy drinks left.")
    (False, False)
    >>> tells_trouble("I feel as if I lost who I am."), tells_trouble("I lost myself in the book")
    (True, False)
    >>> tells_trouble("My employer has cut my pay for the year"), tells_trouble("I cut my hair")
    (True, False)
    >>> tells_trouble("I am good, just feeling low."), tells_trouble("I don't feel low.")
    (True, False)
    >>> tells_trouble("slept with my close friend"), tells_trouble("I slept with my teddy bear")
    (True, False)
    >>> tells_trouble("It's great talking to you. I have an emotional problem")
    True
    >>> tells_trouble("I have a fear that I will fail"), tells_trouble("I have no fear.")
    (True, False)
    >>> tells_trouble("they don't approve my career path"), tells_trouble("they approve of it")
    (True, False)
    >>> tells_trouble("My parents keep putting pressures on me to be the best in the class")
    True
    >>> tells_trouble("well I fear losing my job"), tells_trouble("I fear the dark")
    (True, False)
    >>> tells_trouble("I can't believe it I just got layed off."), tells_trouble("I just got up.")
    (True, False)
    """
    low = text.lower()
    return bool(EVENT.search(text) or DIED.search(text) or LEFT.search(text)
                or ILL.search(text) or ILL_SELF.search(text) or HURT_DONE.search(text)
                or FEELS_BAD.search(text) or ISOLATED.search(text) or FED_UP.search(text)
                or MOVED_AWAY.search(text) or LOST_GOOD.search(text) or WALKED_OUT.search(text)
                or HEARTBREAK.search(text) or HARD_LIFE.search(text) or AT_A_LOSS.search(text)
                or STRUGGLING.search(text) or BETRAYED.search(text) or STRUGGLE_WITH.search(text)
                or DISAPPROVED.search(text)
                or any(re.search(rf"\b{re.escape(w)}\b", low) for w in NEGATIVE_NAMED))
