"""Words the offline responder reads in the user's turn and reflects back: feeling words by
emotion, the feelings a user may name, the people they speak of, setbacks and hurts told as
events. The templates they fill are in agent.responder_phrases.
"""

from __future__ import annotations

_SAD = ("down", "heavy", "sad")
_FEAR = ("worried", "anxious", "scared")
_ANGER = ("frustrated", "angry", "fed up")
_JOY = ("glad", "lighter", "good")
_FLAT = ("unsettled", "uncertain", "weighed down")
FEELING_WORDS: dict[str, tuple[str, str, str]] = {
    "sadness": _SAD,
    "sad": _SAD,
    "bored": ("flat", "drained", "low"),
    "depressed": _SAD,
    "anger": _ANGER,
    "angry": _ANGER,
    "hostile": _ANGER,
    "disgust": ("put off", "disgusted", "fed up"),
    "fear": _FEAR,
    "anxious": _FEAR,
    "anxiety": _FEAR,
    "scared": _FEAR,
    "surprise": ("caught off guard", "surprised", "thrown"),
    "joy": _JOY,
    "happy": _JOY,
    "relaxed": ("calmer", "lighter", "settled"),
    "exuberant": _JOY,
    "neutral": _FLAT,
}
# Good feelings: the support templates ("Of course you feel {feeling}; anyone would in your
# place.") are never filled with one.
UPBEAT = frozenset({*_JOY, "relieved", "hopeful", "grateful", "happy", "proud", "calmer",
                    "settled"})
# Feeling words a user may name themselves; reflecting their own word back beats a guess.
# Only words that read well after "you feel" and "you sound" (not "a failure", "stupid").
NAMED_FEELINGS = (
    "ashamed",
    "embarrassed",
    "guilty",
    "humiliated",
    "lonely",
    "isolated",
    "heartbroken",
    "devastated",
    "hopeless",
    "helpless",
    "exhausted",
    "overwhelmed",
    "stressed",
    "burnt out",
    "burned out",
    "scared",
    "afraid",
    "terrified",
    "anxious",
    "nervous",
    "worried",
    "panicky",
    "angry",
    "furious",
    "frustrated",
    "annoyed",
    "resentful",
    "betrayed",
    "hurt",
    "sad",
    "depressed",
    "miserable",
    "empty",
    "numb",
    "confused",
    "jealous",
    "relieved",
    "hopeful",
    "grateful",
    "happy",
    "proud",
    "lighter",
)
# People a user is close to: "You clearly care about {person}" is said of these, never of a
# manager or a landlord ("my manager keeps adding more" tells no care for them).
CLOSE_PEOPLE = frozenset(
    """wife husband spouse partner boyfriend girlfriend mom mum mother dad father parents sister
    brother son daughter kids children child family friend friends grandma grandmother grandpa
    grandfather fiance fiancee cousin aunt uncle niece nephew stepmom stepdad stepmother
    stepfather grandparents siblings sons daughters sisters brothers cousins grandkids
    grandchildren""".split()
)
# People a user talks about: they get {person} templates ("talk to your wife"), not {topic}.
PEOPLE = CLOSE_PEOPLE | frozenset(
    """boss manager coworker colleague teacher roommate ex landlord landlady neighbor neighbour
    neighbors neighbours coach doctor therapist professor classmate classmates flatmate
    housemate teammate supervisor professors teachers coworkers colleagues roommates teammates
    bosses managers pastor priest minister rabbi imam counselor counsellor advisor adviser
    tutor mentor nurse girl guy""".split()
)
# Setbacks a user reports about something of theirs ("I lost my job"): the past tense and the
# gerund that names the event ("losing your job"). The wording is by hand: the list is short and
# an inflection library would be a dependency for a dozen verbs.
EVENT_VERBS: dict[str, str] = {
    "lost": "losing", "failed": "failing", "missed": "missing", "quit": "quitting",
    "crashed": "crashing", "ruined": "ruining", "broke": "breaking", "sold": "selling",
    "wrecked": "wrecking", "flunked": "flunking", "blew": "blowing",
    # a common slip for "lost" ("i loose my job and i miss my father", "i loose my mom 3 years
    # ago", ESConv valid; the mother was then told "you clearly care about your mom")
    "loose": "losing",
}
# "I just lose my cousin for COVID-19" (ESConv train; the agent asked what the cousin would say):
# after "just", the present form is a slip for the past. Anywhere else it is a fear ("I don't
# want to lose my job"), so it is no key of EVENT_VERBS.
JUST_LOSE = r"(?<=\bjust\s)lose"
# What someone did to the user ("my boss yelled at me", "they laughed at us"): a hurt told as
# an event, though no loss or feeling word is in it. The object must be the user: "I yelled at
# the dog" is not a hurt done to them.
HURTFUL_ACTS = (
    "yelled at", "shouted at", "screamed at", "snapped at", "swore at", "laughed at", "lied to",
    "insulted", "humiliated", "bullied", "belittled", "mocked", "threatened", "blamed",
    "betrayed", "ignored", "fired", "hit", "attacked", "harassed", "abused", "rejected",
    "criticised", "criticized", "embarrassed", "ghosted", "excluded", "sacked", "laid off",
    "layed off", "let go", "made redundant", "blocked", "unfriended",
    # ("I am being evicted I am very scared ...", ESConv train: "If I follow you, this has been
    # building up for a while.")
    "evicted", "kicked out",
)
# How a user may say they feel hurt without a feeling word that reads well after "you feel"
# (NAMED_FEELINGS): "I feel so small", "I feel like a failure".
PAINFUL_SELF_WORDS = (
    "small", "worthless", "useless", "stupid", "awful", "terrible", "horrible", "invisible",
    "trapped", "broken", "unwanted", "unloved", "alone", "lost", "like a failure",
    "like a burden", "like nothing", "like crap", "like garbage", "like an idiot",
    # "I am good, just feeling low." (ESConv valid got "how is your day going otherwise?")
    "low", "down", "blue", "empty", "numb", "hopeless", "miserable", "drained",
)
# The object pronoun for {person}; everyone else (friends, parents, a partner) is "them".
HER = frozenset("wife mom mum mother sister daughter girlfriend grandma grandmother fiancee "
                "landlady aunt niece stepmom stepmother"
                .split())
HIM = frozenset("husband dad father brother son boyfriend grandpa grandfather fiance "
                "uncle nephew stepdad stepfather".split())
