"""Turns about the agent itself or about how the talk is going, and the offline answers to them.

A user asks how the agent is, its name, what it likes, whether it is a person, or for a joke;
or says it is not helping ("You don't understand.", "You sound like a robot."). The support
templates presume a trouble to explore ("Who have you been able to talk to about this?"), which
answers none of these. The questions are whole messages: "How are you?" is not "How are you
going to fix this?", so each pattern must reach the end of the message; a question about the
agent's past or its surroundings may also stand as one sentence of a longer message
(agent.agent_past). A complaint may stand anywhere in it (agent.complaints).

Asked whether it is a person, the agent says it is not, whatever the persona: people should
know when they talk to a machine (the EU AI Act, Article 50(1), obliges providers of systems
that interact with people to tell them so). A game character that should stay in its world
answers with an authored line instead (``[[lines]]``, which come before the responder; the
shipped ``grim`` does). The offline answers are in agent.about_agent_replies.
"""

from __future__ import annotations

import re

from agent.agent_past import (
    ASIDE_WORDS,
    asks_agent_experience,
    question_sentences,
    surroundings_asked,
)
from agent.complaints import complaint
from agent.question_forms import (
    AFTERTHOUGHT,
    HELLO,
    asked_beside,
    ending_sentence,
    whole_message,
)
from perception.base import split_sentences

_WELLBEING = whole_message(
    r"how\s+(?:are|r)\s+(?:you|u)"
    r"(?:\s+(?:doing|feeling|holding up))?(?:\s+(?:today|tonight|now|these days))?"
    # "hai! how are doing?" (ESConv valid): the "you" left out
    r"|how\s+(?:are|r)\s+(?:doing|feeling)(?:\s+(?:today|tonight|now))?"
    # "Can I ask first how you're doing today?" (ESConv train: "I don't know that one")
    r"|(?:can|may|could)\s+i\s+ask\s+(?:you\s+)?(?:first\s+)?how\s+(?:you(?:'re|\s+are)|u\s+r)\s+"
    r"(?:doing|feeling)(?:\s+(?:today|tonight|now))?"
    # "Hello, how are we doing today?" (ESConv train: "I don't know that one, I'm afraid.")
    r"|how\s+are\s+we\s+(?:doing|feeling)(?:\s+(?:today|tonight|now))?"
    # "How goes it" (ESConv valid got "Oh, what made you think of that?"), "hows it going"
    r"|how(?:'s|s|\s+is)\s+it\s+going|how\s+goes\s+it|how\s+(?:are|r)\s+things"
    r"|how\s+do\s+you\s+feel|how\s+have\s+you\s+been"
    r"|how(?:'s|\s+is|\s+was|\s+has)\s+your\s+(?:day|evening|morning|night|week|weekend)"
    r"(?:\s+(?:going|been))?(?:\s+so\s+far)?|how(?:'s|\s+is)\s+life"
    # "How is the day going for you?" (ESConv train: "I'm afraid I can't answer that from here.")
    r"|how(?:'s|\s+is|\s+was)\s+the\s+(?:day|evening|morning|night|week|weekend)\s+(?:going"
    r"|been)\s+(?:for|with)\s+(?:you|u)"
    r"|are\s+you\s+(?:ok|okay|alright|all\s+right)",
    tail=AFTERTHOUGHT + r"(?:\s+too)?\s*+(?:,\s*+\w+)?",  # "How are you, Sage?"
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
_NAME = whole_message(
    # ("Thank you my friend Can you tell me your name please?", ESConv train, had got "Thank
    # you for sharing this with me.")
    r"(?:(?:thanks|thank\s+you)(?:\s+(?:so\s+much|very\s+much|my\s+friend|again))?[,.!\s]+)?"
    r"(?:what(?:'s|\s+is)\s+your\s+name|who\s+are\s+you|what\s+(?:should|do|can)\s+i\s+call\s+you"
    r"|what\s+are\s+you\s+called|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?tell\s+me"
    r"\s+your\s+name|may\s+i\s+(?:please\s+)?(?:ask|know|have)\s+your\s+name)",
    tail=r"(?:,?\s+please)?",
)
# "What do you like to do?", "Do you have any hobbies?", "What's your favourite food?": the
# agent's own tastes (not "What do you like about my plan?").
_TASTES_BODY = (
    r"what\s+do\s+you\s+(?:like|enjoy|love)"
    r"(?:\s+(?:to\s+do|doing))?(?:\s+(?:for\s+fun|in\s+your\s+(?:free|spare)\s+time))?"
    r"|do\s+you\s+have\s+(?:any\s+)?(?:hobbies|a\s+hobby|interests)"
    # ("What are you hobbies?", ESConv train, had got "I don't know that one, I'm afraid.")
    r"|what\s+(?:are|'re)\s+(?:your|you|ur)\s+(?:hobbies|interests)"
    r"|what(?:'s|\s+is)\s+your\s+fav(?:ou?rite)?\s+[a-z]+(?:\s+[a-z]+)?"
    # "What are your favorite games to try" (ESConv valid)
    r"|what\s+(?:are|'re)\s+your\s+fav(?:ou?rite)?\s+[a-z]+(?:\s+to\s+[a-z]+)?"
    r"|what\s+do\s+you\s+do\s+for\s+fun"
    # "What makes you smile?" (with a low time named, agent_past reads it as the agent's past)
    r"|what\s+makes\s+you\s+(?:smile|laugh|happy|happiest|tick)"
    # "What do you do to relax?" (ESConv valid, after a long message on the user's own ways)
    r"|what\s+do\s+you\s+do\s+to\s+(?:relax|unwind|chill(?:\s+out)?|de-?stress|have\s+fun)"
)
_TASTES = whole_message(_TASTES_BODY)
_TASTES_END = ending_sentence(_TASTES_BODY, within=False)
# "Do you like music?", "Are you into football?": one thing, named in a word or two.
_LIKES = whole_message(
    r"do\s+you\s+(?:like|enjoy|love)\s+(?P<thing>(?:[a-z']+\s+){0,2}?[a-z']+)"
    r"|are\s+you\s+(?:into|a\s+fan\s+of)\s+(?P<thing2>(?:[a-z']+\s+){0,2}?[a-z']+)"
)
_NOT_TASTES = re.compile(
    r"(?:my|our|your|his|her|their|this|that|these|those|it|them|him|her|what)\b")
# (possessive: "are u a" before a run of 20,000 spaces took 3.5 s, every split of the run
# tried between the article's spaces and these)
_PERSON_WORDS = r"(?:real|actual|live|human)?\s*+(?:person|human|people|man|woman|being)"
_MACHINE_WORDS = r"(?:bot|chat\s*bot|robot|ai|a\.i\.|machine|computer|program|real|human)"
_PERSON = whole_message(
    rf"(?:are|r)\s+(?:you|u)\s+(?:(?:a|an|even|actually|really|just)\s++)*+"
    rf"(?:{_PERSON_WORDS}|{_MACHINE_WORDS})"
    rf"|am\s+i\s+(?:talking|speaking|chatting|writing)\s+(?:to|with)\s+(?:a\s+|an\s+)?"
    rf"(?:{_PERSON_WORDS}|{_MACHINE_WORDS})"
    rf"|is\s+(?:this|that)\s+(?:a\s+|an\s+)?(?:{_PERSON_WORDS}|{_MACHINE_WORDS})"
    rf"|is\s+there\s+(?:a\s+)?(?:real\s+)?(?:person|human)\s+(?:there|on\s+the\s+other\s+end)"
)
_AGE = whole_message(r"how\s+old\s+are\s+(?:you|u)|what(?:'s|\s+is)\s+your\s+age")
_TRUST = whole_message(
    r"(?:but\s+|so\s+)?(?:why\s+should|how\s+(?:can|do)|should|can)\s+i\s+(?:even\s+|really\s+)?"
    r"trust\s+(?:you|u)|(?:are\s+you|can\s+you\s+be)\s+trusted|are\s+you\s+trustworthy"
    r"|how\s+do\s+i\s+know\s+i\s+can\s+trust\s+(?:you|u)")
_JOKE = whole_message(
    r"(?:(?:can|could|will|would)\s+you\s+)?(?:tell|give)\s+me\s+(?:a|another|one)\s+"
    r"(?:joke|funny\s+one)|(?:do\s+you\s+)?know\s+any\s+(?:good\s+)?jokes"
    r"|(?:(?:can|could)\s+you\s+)?(?:say\s+something\s+funny|make\s+me\s+(?:laugh|smile))"
)
_HELP = whole_message(
    # "Hello, would you be able to help me with a fear of mine?", "help to solve my problem"
    # (ESConv train)
    r"(?:(?:hi|hello|hey)(?:\s+(?:too|there))?[,.!\s]+)?"
    # "hey too. Have got a mental problem need your support if you don`t mind" (ESConv train,
    # got "How is your day going otherwise?")
    r"(?:(?:i\s+)?(?:have\s+got|have|got)\s+an?\s+(?:\w+\s+){0,2}?(?:problem|issue)\s+(?:and\s+)?"
    r"(?:i\s+)?(?:really\s+)?need\s+(?:some\s+|your\s+)?(?:support|help)"
    r"|(?:i\s+)?(?:really\s+|just\s+)?need(?:ed)?\s+(?:some\s+|your\s+)?support"
    # "Hi, just needed some support for an issue" (ESConv train: "how is your day going
    # otherwise?")
    r"(?:\s+(?:for|with)\s+(?:an?|some|my)\s+(?:issue|problem|situation|thing))?"
    # "Hello. I'm looking for some help." (ESConv train: "What made you think of that?")
    r"|(?:i'?m|i\s+am|im)\s+(?:just\s+)?looking\s+for\s+(?:some\s+)?(?:help|support)"
    r"|(?:can|could|will|would)\s+you\s+(?:please\s+)?(?:be\s+able\s+to\s+)?help(?:\s+me)?"
    # "Hello, I hope you can help." (ESConv train: "How is your day going otherwise?")
    r"|(?:i\s+)?hope\s+(?:you|u)\s+(?:can|could|will\s+be\s+able\s+to)\s+help(?:\s+me)?"
    # "Can you lend a hand, please?" (ESConv train, after "You there buddy?")
    r"|(?:can|could|will|would)\s+you\s+(?:please\s+)?lend\s+(?:me\s+)?a\s+(?:hand|helping\s+hand)"
    r"|(?:please\s+)?help(?:\s+me)?(?:\s+(?:to\s+)?(?:solve|with|fix|sort\s+out)\s+my\s+"
    r"(?:problem|issue|situation))?|i\s+need\s+(?:some\s+|your\s+)?help"
    # "I would like some help with the problem I am facing", "I really need someone to talk to"
    r"|i(?:'d|\s+would)\s+like\s+(?:some\s+|your\s+)?help|i\s+(?:really\s+|just\s+)?(?:need|want)\s+"
    r"(?:some\s+|your\s+)?help|i\s+(?:really\s+|just\s+)?need\s+(?:someone|somebody|to\s+talk)"
    r"(?:\s+to\s+talk)?(?:\s+to)?)"
    r"(?:\s+with\s+(?:something|a\s+problem|a\s+fear\s+of\s+mine|(?:the|a|my)\s+problem(?:\s+i(?:'m|"
    r"\s+am)\s+(?:facing|having|dealing\s+with))?))?"
    # "I need support to feel ok during the pandemic" (ESConv train: "What made you think of
    # that?")
    # ("could you please help me out to over come this stress", ESConv train: "you're still
    # working out what to make of it")
    r"(?:\s+out)?(?:\s+to\s+(?:feel|get|stay|cope|keep|over\s*come|deal|handle"
    r"|manage)\b[^.!?]{0,50})?"
    r"(?:\s+(?:right\s+)?now|\s+today|\s+tonight)?"
    # "I really need your help if possible." (ESConv train)
    r"(?:,?\s+if\s+(?:(?:you|u)\s+don.?t\s+mind|possible|(?:you|u)\s+(?:can|could)))?"
)
# "Can I talk to you?", "I need to vent about something.", or both: asking leave to talk, in
# one sentence or two
_TALK_PART = (
    # ("hi, can I discuss an issue with you?", ESConv train: "I don't know that one")
    r"(?:(?:can|may|could)\s+i\s+(?:please\s+|just\s+)?(?:talk|speak|vent|chat|discuss\s+"
    r"(?:something|an?\s+(?:issue|problem|matter|thing)))(?:\s+(?:to|with)\s+(?:you|u))?"
    # "It would be nice if I could discuss something with you." (ESConv train: "How is your day
    # going otherwise?")
    r"|it\s+would\s+be\s+(?:nice|good|great|helpful)\s+(?:if\s+i\s+could|to)\s+(?:talk|discuss\s+"
    r"something|share\s+something|vent)(?:\s+(?:to|with)\s+(?:you|u))?|is\s+it\s+(?:ok|okay|alright"
    r"|all\s+right)\s+(?:if\s+i|to)"
    r"\s+(?:talk|vent|speak)(?:\s+(?:to|with)\s+(?:you|u))?"
    # "Hi, I was wondering if I could talk to you about a problem." (ESConv train)
    r"|(?:i\s+)?(?:was\s+|am\s+|'m\s+)?wonder(?:ing)?\s+if\s+i\s+(?:could|can|might)\s+(?:talk"
    r"|speak|vent|chat)(?:\s+(?:to|with)\s+(?:you|u))?"
    r"|i\s+(?:really\s+|just\s+)?(?:need|want|would\s+like|'d\s+like)\s+to\s+(?:vent|talk"
    r"|get\s+something\s+off\s+my\s+chest)"
    # "Hello I am here to talk about my overall daily stresses" (ESConv train: "how is your day
    # going otherwise?")
    r"|(?:i'?m|i\s+am|im)\s+(?:just\s+)?here\s+to\s+(?:talk|vent|chat)(?:\s+about\s+my\s+(?:\w+\s+){0,3}?"
    r"\w+)?)"
    r"(?:\s+(?:for\s+a\s+(?:bit|minute|while|moment)|about\s+(?:something|(?:an?\s+)?"
    r"(?:ongoing\s+)?(?:situation|issue|problem|thing)(?:\s+i(?:'m|\s+am)\s+(?:in|having))?)))?"
)
_TALK = whole_message(rf"{_TALK_PART}(?:\s*[.,!?]+\s*{_TALK_PART})?")
# "Do you want me to tell you what I typed?", "Can I tell you something?": an offer to tell,
# which ends the message (ESConv valid got "I'm afraid I can't answer that from here.")
_OFFER_TO_TELL = ending_sentence(
    r"(?:do|would)\s+(?:you|u)\s+(?:want|like)\s+(?:me\s+)?to\s+(?:tell\s+(?:you|u)|hear|know)"
    r"\b[^.!?]*|(?:can|may|should|shall)\s+i\s+tell\s+(?:you|u)\b[^.!?]*", within=False)
OFFER_BESIDE_WORDS = 12
"""Words beside an offer to tell that still leave it the message: a greeting and how one is,
not the story itself."""
# "can i ask you something?" ending the message, long or short: leave to ask, which the next
# message uses (ESConv train: "... just making little inexpensive gifts can i ask you
# something?" had got "What would you most like to be different?")
_ASK_LEAVE = ending_sentence(
    r"(?:can|may|could)\s+i\s+(?:please\s+)?ask\s+(?:(?:you|u)\s+)?(?:something|(?:a|one)\s+"
    r"(?:quick\s+|personal\s+|small\s+|little\s+)?(?:question|thing))")
# "How do you want to do this?", "How does this work?", "Where do I start?": how the talk goes,
# alone or after how one is ("Im okay How do you want to do this?", ESConv train, had got "I'm
# afraid I can't answer that from here.")
_HOW_IT_GOES = ending_sentence(
    r"how\s+(?:does|do)\s+(?:this|it)\s+(?:work|go)|how\s+do\s+(?:you|u)\s+want\s+to\s+"
    r"(?:do\s+(?:this|it)|start|begin)|how\s+(?:do|should|shall)\s+we\s+(?:do\s+(?:this|it)|start"
    r"|begin)|(?:where|how)\s+(?:do|should|shall)\s+i\s+(?:start|begin)"
    r"|what\s+(?:should|shall|do)\s+we\s+talk\s+about|what\s+do\s+(?:you|u)\s+want\s+(?:me\s+)?"
    r"to\s+(?:talk\s+about|say|tell\s+you)|what\s+should\s+i\s+(?:talk\s+about|say|tell\s+you)")
# "are we done?" ending the message: whether the talk is over, which is the user's to say
# (ESConv train: "i just really miss traveling are we done?" had got "Talking about it like this
# is a brave step.")
_DONE_ASKED = ending_sentence(
    r"(?:are|r)\s+we\s+(?:all\s+)?(?:done|finished|through)(?:\s+(?:now|here|yet))?"
    r"|is\s+(?:our|the|my)\s+(?:time|session|chat)\s+(?:up|over)(?:\s+(?:now|yet))?"
    r"|(?:do|should)\s+we\s+(?:need\s+to\s+|have\s+to\s+)?(?:stop|end|finish)\s+(?:now|here)")
# "Do you have a background in counseling?", "Are you a therapist?": the user asks whether the
# agent is trained to help. It is not, and says so: a user should not take its words for a
# professional's (ESConv valid has this question).
_CREDENTIALS = whole_message(
    r"(?:do|did)\s+(?:you|u)\s+have\s+(?:a\s+|any\s+)?(?:background|training|degree|"
    r"qualifications?|certification)\s+(?:in|as)\s+\w+(?:\s+\w+)?"
    r"|are\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:trained\s+|licensed\s+|real\s+|professional\s+|"
    # ("yea im good are u a pyschiratrist or something", ESConv train, misspelt: had got
    # "Oh, that's lovely! What are you most looking forward to?")
    r"certified\s+)?(?:therapist|counsell?or|p[sy]{1,3}ch\w*(?:logist|trist)|doctor|"
    r"professional|social\s+worker|nurse)(?:\s+or\s+(?:something|anything|what))?"
    r"|are\s+(?:you|u)\s+(?:trained|qualified|licensed|certified)(?:\s+(?:in|for)\s+\w+)?"
    # guessed: "You must be guidance and counselor," (ESConv train, had got a step), "you sound
    # like a therapist"
    r"|(?:you|u)\s+(?:must|have\s+to|(?:sound|talk|seem)\s+like)\s+(?:be\s+)?(?:a\s+|an\s+)?"
    r"(?:trained\s+|real\s+|professional\s+)?(?:guidance\s+(?:and\s+|or\s+)?)?(?:therapist|"
    r"counsell?or|p[sy]{1,3}ch\w*(?:logist|trist))(?:\s+or\s+(?:something|what))?\s*,?"
)
# how one is, said before the question: "yea im good are u a pyschiratrist or something"
_WELL_THEN = re.compile(r"^\W*(?:(?:yea|yeah|yes|ok|okay|hi|hello|hey)[,.!\s]+)*"
                        r"(?:i'?m|im|i\s+am)\s+(?:good|fine|ok|okay|well|alright)[,.!\s]+", re.I)
# "Are you still there?": the user checks the agent is listening.
_PRESENCE = whole_message(
    # ("still there?", ESConv train: "maybe one small step could help"; "hi good mronging are
    # you there", a greeting misspelt before it: "Oh, what made you think of that?")
    r"(?:good\s+[a-z]+\s+)?are\s+(?:you|u)\s+(?:still\s+)?(?:there|here|with\s+me|listening)"
    r"|(?:(?:you|u)\s+)?still\s+there"
    # "You there buddy?" (ESConv train, before asking for help)
    r"|(?:you|u)\s+there(?:\s+(?:buddy|friend|mate|pal|bro|dude))?"
    # "hello i wonder if there is anyone there..."
    r"|(?:i\s+wonder\s+if\s+)?(?:is\s+)?(?:there\s+)?(?:is\s+)?(?:any|some)(?:one|body)\s+"
    r"(?:there|here|around|listening)", tail=r"(?:\s*\.\.+)?")


def asks_agent_wellbeing(text: str) -> bool:
    """The user asks how the agent is ("How are you?", "And how are you doing today?").

    >>> asks_agent_wellbeing("How are you?"), asks_agent_wellbeing("How are you going to help?")
    (True, False)
    >>> asks_agent_wellbeing("And how are you yourself?"), asks_agent_wellbeing("How r u anyway")
    (True, True)
    >>> asks_agent_wellbeing("anyway how's your day"), asks_agent_wellbeing("How's your mom?")
    (True, False)
    >>> asks_agent_wellbeing("hai! how are doing?"), asks_agent_wellbeing("How goes it")
    (True, True)
    >>> asks_agent_wellbeing("How goes it with your sister?")
    False
    >>> asks_agent_wellbeing("Hello, how are we doing today?")
    True
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
    # ("hi! I am good. you?", ESConv train: "Oh, that's lovely! What are you most looking forward
    # to?")
    r"|[,.!]\s*+(?:you|u|yourself)(?=\s*\?)"
    r"|(?<![\w'])(?:hbu|wbu|hby|hru)"  # "Honestly I'm not doing too great hbu"
    # "I am good, thanks. I hope you're well also." (ESConv train: "What are you most looking
    # forward to?")
    # ("i hope that you are doing alright", ESConv train)
    r"|(?<![\w'])(?:i\s+)?hope\s+(?:that\s+)?(?:you'?re|you\s+are|u\s+r|ur)\s+(?:doing\s+)?(?:well"
    r"|good|fine|ok(?:ay)?|great|alright|all\s+right)(?:\s+(?:also|too|as\s+well))?"
    # "Good you?": the comma left out after a word for how one is
    r"|(?:(?<=good)|(?<=fine)|(?<=okay)|(?<=ok)|(?<=great)|(?<=well)|(?<=alright))\s+(?:you|u)"
    r"(?=\s*\?)"
    # "hi not bad about you" (ESConv train, had got "How has your day been so far?")
    r"|(?:(?<=bad)|(?<=good)|(?<=fine)|(?<=okay)|(?<=ok)|(?<=great)|(?<=well)|(?<=alright))"
    r"\s+about\s+(?:you|u|yourself))"
    # "..., how are you Carolyn?": the agent called by a name
    # ("i'm fine how are you doing too?", ESConv train: "I don't know that one, I'm afraid.")
    # possessive runs: "and you" and 20,000 spaces took 2.3 s, each split of the run tried
    r"(?:\s++(?:today|tonight|then|though|too))?(?:,?\s++(?-i:[A-Z][a-z]+))?\s*+[?.!/]*+"
    r"(?:\s*+[:;]-?[()DPp]+)?\s*+$",  # "... how are you? :)"
    re.I,
)
# a clause of courtesy beside the asking: "..., please?", "..., if possible"
_COURTESY = re.compile(r"\s*(?:please|if\s+possible|if\s+(?:you|u)\s+(?:can|could|don.?t\s+mind))"
                       r"\s*+[?.!]*+\s*+$", re.I)
# a sentence that only greets: "hello?", "Hi there!"
_ONLY_HELLO = re.compile(rf"\s*(?:{HELLO}|good\s+(?:morning|afternoon|evening|day))(?:\s+there)?"
                         r"\s*+[?.!,]*+\s*+$", re.I)
_GREETING_WORDS = re.compile(
    rf"^\s*(?:(?:{HELLO}|good\s+(?:morning|afternoon|evening|day))(?:\s+there)?"
    r"[\s,.!]*)+", re.I)


# Words of how one is: "I love my dog and you" hands nothing back.
_HOW_ONE_IS = re.compile(
    r"\b(?:fine|good|ok|okay|okie|okey|alright|all\s+right|well|great|fantastic|wonderful|bad|"
    r"fair|so-so|meh|tired|exhausted|sad|down|low|rough|terrible|awful|hanging\s+in|surviving|"
    # ("It's somewhat hard, how about you?", ESConv train: "I'm afraid I can't answer that")
    r"better|stressed|anxious|worried|struggling|depressed|lonely|upset|sick|doing|feeling|"
    r"hard|tough|difficult|"
    r"getting\s+by|managing|coping|holding\s+(?:on|up))\b",
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
    >>> hands_back_wellbeing("i'm fine how are you doing too?")
    "i'm fine"
    >>> hands_back_wellbeing("I am good, thanks. I hope you're well also.")
    'I am good, thanks'
    """
    found = _HANDED_BACK.search(text)
    if found is None:
        return None
    report = _GREETING_WORDS.sub("", text[: found.start()]).strip(" ,.!;:/\u2026-")
    return report if report and _HOW_ONE_IS.search(report) else None


_ONLY_HANDED_BACK = re.compile(
    r"[\s.,!]*(?:(?:and|how\s+about|what\s+about)\s+(?:you|u|yourself|urself)(?:\s+doing)?"
    # possessive runs: "And you" and 20,000 spaces after "Hello." took 2.4 s
    r"|(?:you|u|yourself)|hbu|wbu|hby)(?:\s++(?:today|though))?\s*+[?.!]*+(?:\s*+[:;]-?[()DPp]+)?"
    r"\s*+",
    re.I,
)
ONE_MESSAGE_BEFORE = 25
"""A report of how one is, one message before "How about you?", is at most this many words."""


def hands_back_after(text: str, before: str) -> str | None:
    """How the user said they are in the message ``before`` this one, when this one only asks
    the agent the same ("good", then "How about you?", as ESConv's seekers send them); None
    otherwise.

    >>> hands_back_after("How about you?", "good"), hands_back_after("And you?", "I like cake")
    ('good', None)
    >>> hands_back_after("How about you and your family?", "good")
    """
    if _ONLY_HANDED_BACK.fullmatch(text) is None or len(before.split()) > ONE_MESSAGE_BEFORE:
        return None
    report = _GREETING_WORDS.sub("", before).strip(" ,.!;:/\u2026-")
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
    >>> asks_agent_name("Thank you my friend Can you tell me your name please?")
    True
    >>> asks_agent_name("Can you tell me your name is on the list?")
    False
    """
    return bool(_NAME.match(text))


def asks_agent_tastes(text: str) -> bool:
    """The user asks what the agent itself likes ("What do you like to do?", "Any hobbies?"),
    as the whole message or beside a few words ("Nice. What do you like to do?").

    >>> asks_agent_tastes("What do you like to do?"), asks_agent_tastes("Do you have hobbies?")
    (True, True)
    >>> asks_agent_tastes("What's your favourite food?"), asks_agent_tastes(
    ...     "What do you like about my plan?")
    (True, False)
    >>> asks_agent_tastes("What makes you smile?"), asks_agent_tastes("What makes you think so?")
    (True, False)
    >>> asks_agent_tastes("Nice. What do you like to do?"), asks_agent_tastes(
    ...     "Long day, so what do you do for fun?")
    (True, True)
    """
    if _TASTES.match(text):
        return True
    rest = asked_beside(text, _TASTES_END)
    return rest is not None and len(rest.split()) <= ASIDE_WORDS


def tastes_aside(text: str) -> str | None:
    """The rest of a message that asks the agent's tastes in one sentence and tells more in
    the others ("... That's why Covid is so tough. What do you do to relax?"); None when no
    sentence asks it, or when the question is nearly the whole message (``asks_agent_tastes``).

    >>> tastes_aside("I can't travel, which is how I relax. What do you do to relax?")
    "I can't travel, which is how I relax."
    >>> tastes_aside("What do you like to do?"), tastes_aside("What do you like about it?")
    (None, None)
    >>> tastes_aside("My mom asked what's your favourite colour.") is None
    True
    """
    rest = asked_beside(text, _TASTES_END)
    return rest if rest is not None and len(rest.split()) > ASIDE_WORDS else None


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
    >>> asks_credentials("yea im good are u a pyschiratrist or something")
    True
    >>> asks_credentials("You must be guidance and counselor,"), asks_credentials(
    ...     "You must be tired.")
    (True, False)
    >>> asks_credentials("i would like to, i like to vent Are you a Psychologist?")
    True
    >>> asks_credentials("My sister keeps asking me what I should do next with my life and my "
    ...                  "job. Are you a therapist?")
    False
    """
    if _CREDENTIALS.match(_WELL_THEN.sub("", text, count=1)):
        return True
    # asked last, after a few words run on before it: "i would like to, i like to vent Are you a
    # Psychologist?" (ESConv train, had got a line on stress)
    parts = question_sentences(text)
    return (len(parts) > 1 and _CREDENTIALS.match(parts[-1]) is not None
            and len(" ".join(parts[:-1]).split()) <= OFFER_BESIDE_WORDS)


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
    >>> asks_for_help("Hello, would you be able to help me with a fear of mine?")
    True
    >>> asks_for_help("help to solve my problem"), asks_for_help("help me solve my math problem")
    (True, False)
    >>> asks_for_help("Hi. You there? I really need your help. Can you lend a hand, please?")
    True
    >>> asks_for_help("Hi. I need your help. My dog died.")
    False
    """
    if _HELP.match(text) or asks_to_talk(text):
        return True
    # in a few sentences, each a greeting, a check that the agent is there, or the asking:
    # "Hi. You there buddy? I really need your help if possible. Can you lend a hand, please?
    # hello?" (ESConv train, had got "How are you looking after yourself through all this?")
    # ... or clauses: "Hello I am looking for some support, would you be able to help me?"
    # (ESConv train: "I don't know that one, I'm afraid.")
    parts = [c for s in split_sentences(text) for c in s.split(",") if c.strip()]
    return (len(parts) > 1 and any(_HELP.match(p) for p in parts)
            and all(_HELP.match(p) or _PRESENCE.match(p) or _ONLY_HELLO.match(p)
                    or _COURTESY.match(p) for p in parts))


def asks_to_talk(text: str) -> bool:
    """The whole message asks leave to talk ("Can I talk to you?", "Hi, I need to vent about
    an ongoing situation. Can I talk to you?").

    >>> asks_to_talk("Can I talk to you?"), asks_to_talk("Can I talk to you about my boss?")
    (True, False)
    >>> asks_to_talk("I am doing alright. Do you want me to tell you what I typed?")
    True
    >>> asks_to_talk("Do you want me to leave?")
    False
    """
    if _TALK.match(text):
        return True
    rest = asked_beside(text, _OFFER_TO_TELL)
    return rest is not None and len(rest.split()) <= OFFER_BESIDE_WORDS


def asks_leave_to_ask(text: str) -> bool:
    """The message ends by asking leave to ask the agent something ("Can I ask you a
    question?"), whatever comes before it.

    >>> asks_leave_to_ask("Can I ask you something?"), asks_leave_to_ask(
    ...     "I cut back on gifts this year. can i ask you something?")
    (True, True)
    >>> asks_leave_to_ask("Can I ask you something? Do you think he loves me?")
    False
    >>> asks_leave_to_ask("Can I ask you something about my mother?")
    False
    """
    return _last_sentence_asks(text, _ASK_LEAVE)


# An advance on the agent: "I am picturing what you look like now and imagining what we would
# do together" (ESConv train, had got "Talking about it like this is a brave step."), "send
# nudes", "you're so hot", "will you go out with me?". Searched anywhere in the message: the
# rest of it is not answered as if the advance were not there.
_ADVANCE = re.compile(
    r"\b(?:picturing|imagining|fantasi[sz]ing)\s+(?:about\s+)?(?:what\s+(?:you|u)\s+look\s+like|"
    r"(?:you|u)\s+(?:naked|undress\w*|in\s+bed)|what\s+we\s+(?:would|could)\s+do\s+together"
    r"|(?:you|u)\s+and\s+me|us\s+together)"
    r"|\b(?:want|wanna|would\s+like|'d\s+like)\s+to\s+(?:kiss|sleep\s+with|have\s+sex\s+with|touch|"
    r"hook\s+up\s+with|date)\s+(?:you|u)\b"
    r"|\b(?:send|show)\s+(?:me\s+)?(?:your\s+)?(?:nudes?|naked\s+(?:pics?|pictures?|photos?))"
    r"|\b(?:you(?:'re|\s+are)|ur|u\s+r)\s+(?:so\s+|really\s+|very\s+)?(?:sexy|hot)\b"
    r"|\b(?:will|would|do)\s+(?:you|u)\s+(?:go\s+out\s+with|date|marry|sleep\s+with|have\s+sex\s+"
    r"with|hook\s+up\s+with)\s+me\b",
    re.I,
)
ADVANCE_WITHIN = 2000
"""Characters of a message an advance is looked for in (its start): the search stays bounded on
a long message."""


def makes_advance(text: str) -> bool:
    """The user makes a sexual or romantic advance on the agent.

    >>> makes_advance("I am picturing what you look like now and imagining what we would do "
    ...               "together."), makes_advance("Will you go out with me?")
    (True, True)
    >>> makes_advance("I keep picturing my ex with her."), makes_advance("It is so hot today.")
    (False, False)
    >>> makes_advance("Will you go out with me and my friends to explore the city?")
    True
    """
    return _ADVANCE.search(text, 0, ADVANCE_WITHIN) is not None


def asks_if_done(text: str) -> bool:
    """The message ends by asking whether the talk is over ("Are we done?").

    >>> asks_if_done("i just really miss traveling are we done?"), asks_if_done(
    ...     "Are we done with the house yet?")
    (True, False)
    """
    return _last_sentence_asks(text, _DONE_ASKED)


def _last_sentence_asks(text: str, question: re.Pattern[str]) -> bool:
    """Whether the message's last sentence ends in ``question`` (an ``ending_sentence``),
    whatever comes before it."""
    parts = split_sentences(text)
    return bool(parts) and question.search(parts[-1]) is not None


HOW_IT_GOES_BESIDE_WORDS = 4
"""Words beside "How does this work?" that still leave it the question: how one is ("Im okay"),
not a story of someone else's start ("My boss never says where I should start.")."""


def asks_how_it_goes(text: str) -> bool:
    """The user asks how the talk goes ("How does this work?", "Where do I start?"), alone
    or after a few words of how they are.

    >>> asks_how_it_goes("Im okay How do you want to do this?"), asks_how_it_goes(
    ...     "How does this work?")
    (True, True)
    >>> asks_how_it_goes("How does this work with my insurance?"), asks_how_it_goes(
    ...     "My boss never says where I should start. How do I start?")
    (False, False)
    """
    rest = asked_beside(text, _HOW_IT_GOES)
    return rest is not None and len(rest.split()) <= HOW_IT_GOES_BESIDE_WORDS


# "Is this confidential?", "This stays between us, right?", "Will you tell anyone?", "Are you
# recording this?": whether the talk is kept private, asked alone or to end a longer message
# ("My situation involves our daughter ... This is confidential, Right?", ESConv train, had got
# a restatement). "Is the party private?" is about something else.
_PRIVATE = ending_sentence(
    r"(?:is\s+(?:this|our\s+(?:talk|chat|conversation))|this\s+is|is\s+it(?=\s+(?:all\s+)?"
    r"(?:confidential|anonymous)))\s+(?:all\s+|kept\s+|going\s+to\s+be\s+|gonna\s+be\s+)?"
    r"(?:confidential|private|anonymous|between\s+(?:us|you\s+and\s+me))"
    r"|(?:this|it)\s+(?:stays?|will\s+stay)\s+between\s+(?:us|you\s+and\s+me)"
    r"|(?:will|would|do)\s+you\s+(?:tell|share\s+(?:this|it)\s+with|report\s+(?:this|it|me)\s+"
    r"to)\s+(?:anyone|anybody|someone)(?:\s+else)?"
    r"|(?:are\s+you|is\s+(?:this|our\s+(?:chat|conversation))\s+being)\s+(?:recording|saving|"
    r"recorded|saved|stored|logged)(?:\s+(?:this|it|our\s+(?:chats?|conversations?)))?"
    r"|(?:do|will)\s+you\s+(?:save|store|record|keep|log)\s+(?:this|it|our\s+(?:chats?|"
    r"conversations?|talks?)|what\s+i\s+(?:say|tell\s+you))"
    r"|(?:can|will|could)\s+(?:anyone|anybody|someone)\s+(?:else\s+)?(?:see|read|hear)\s+"
    r"(?:this|what\s+i\s+(?:say|write|tell\s+you))",
    within=True)
# (possessive runs, from a run's first space only: "\s*,?\s*" rescanned a run of spaces from
# each of its spaces, 45 s for 2,000 of them)
_CHECK_TAG = re.compile(r"(?<!\s)\s*+(?:,\s*+)?(?:right|isn'?t\s+it|yes|yeah|correct|ok(?:ay)?)"
                        r"\s*+(?=[?.!]*\s*$)", re.I)


def privacy_asked(text: str) -> str | None:
    """The rest of a message one of whose sentences asks whether the talk is kept private: ""
    when that is the whole message, None when no sentence asks it.

    >>> privacy_asked("Is this confidential?"), privacy_asked("He is rude. This is private, right?")
    ('', 'He is rude.')
    >>> privacy_asked("Is the party private?") is None, privacy_asked("Will you tell me?") is None
    (True, True)
    """
    return asked_beside(_CHECK_TAG.sub("", text), _PRIVATE)


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
    if (makes_advance(text) or asks_if_person(text) or asks_agent_name(text) or asks_for_joke(text)
            or asks_trust(text)
            or asks_if_there(text) or asks_agent_experience(text) or asks_credentials(text)
            or surroundings_asked(text) == "" or privacy_asked(text) == ""):
        return "question"
    if (asks_for_help(text) or asks_leave_to_ask(text) or asks_how_it_goes(text)
            or asks_if_done(text)):
        return "help"
    return "complaint" if complaint(text) is not None else None
