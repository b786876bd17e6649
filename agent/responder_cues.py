"""Cues the offline responder (agent.responder_template) reads in the user's message, and in
its own last reply: thanks for the help itself, warm words that tell no news, a decision that
weighs, a worry, how one is, an infant, a suggestion's wording.
"""

from __future__ import annotations

import re

# Thanks for the help itself: "Thanks for your advice", "you've really helped", "that helps"
THANKED_FOR_HELP = re.compile(
    r"\b(?:thanks?|thank\s+you|appreciate)\b[^.!?]{0,30}\b(?:suggestions?|advice|advise|help|"
    r"input|ideas|tips|support|perspective)\b|\byou(?:'ve|\s+have)?\s+(?:really\s+|truly\s+)?"
    # ("Thank you , that helped.", ESConv train)
    r"helped\b|\b(?:that|it|this)\s+(?:really\s+)?help(?:s|ed)\b", re.I)
INFANTS = frozenset({"baby", "newborn", "infant", "toddler"})
AN_INFANT = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                       r"[\s-]+(?:day|week|month)s?[\s-]+old\b"
                       # a birth just told: "She immediately cut me off once she gave birth, so
                       # I haven't met or seen my child. It's been 7 months." (ESConv valid got
                       # "What do you think your child would say if you told them how you feel?")
                       r"|\b(?:gave|giving)\s+birth\b|\bjust\s+(?:been\s+)?born\b"
                       # "because I have a baby" (ESConv train, a single mother: "Could you talk
                       # to your daughter about it, maybe tonight?")
                       r"|\bi\s+(?:have|had|'ve\s+got)\s+(?:a\s+)?(?:new\s+)?(?:baby|newborn|infant)\b"
                       r"|\b(?:after|since|before)\s+the\s+birth\b"
                       r"|\b(?:was|were)\s+born\s+(?:last\s+(?:week|month)|this\s+(?:week|month|year)|"
                       r"(?:\d+|a\s+few|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+"
                       r"(?:days|weeks|months)\s+ago)\b", re.I)
# "I really hope so", "You're absolutely right", "I agree": warm words, opening the message,
# that tell no news ("I got the job! I hope it goes well." does)
NO_NEWS = re.compile(
    # ("Thank you. I really would like to get my motivation back", ESConv train: "That sounds
    # like a good place to be.")
    r"^\s*(?:(?:yes|yeah|well|ok|okay|lol|haha|oh|and|oh\s+and|absolutely|exactly|thank\s+you"
    r"|thanks)[,.!\s]+)*"
    r"(?:i\s+(?:really\s+|just\s+|do\s+)?hope|i\s+(?:would|'d)\s+(?:(?:really|certainly|sure)\s+)?hope"
    # ("Hope so. Byee take care", ESConv train: "Oh, that's lovely! You sound really glad")
    r"|hope\s+so\b"
    # the agent's reading agreed with: "Absolutely! You nailed it!" (ESConv train: "That's
    # wonderful! How did it come about?")
    r"|you\s+(?:(?:totally|really|just)\s+)?(?:nailed\s+it|got\s+it\s+right|hit\s+the\s+nail)"
    r"|spot\s+on"
    # "hopefully soon somethings will change for the better" (ESConv train: "That's wonderful!"),
    # "I really have hope that they will :)" ("That's good to hear; enjoy it.")
    r"|hopefully|i\s+(?:really\s+|still\s+)?(?:have|had)\s+hope"
    # "Oh, and let's both hope the best for my mom! :)" (ESConv train: "That's good to hear")
    r"|let'?s\s+(?:both\s+|all\s+|just\s+)?hope"
    # "okay great! do you know how i an access it?" (ESConv valid: "That's wonderful!")
    r"|(?:ok|okay|alright|sure)[,.!\s]+(?:great|good|cool|nice|perfect)\b"
    # "That is what I keep hoping."
    r"|that(?:'s|\s+is)\s+what\s+i\s+(?:keep\s+|am\s+|'m\s+)?(?:hoping|hope|wish|pray)"
    # a wish or a request: "I would love some words of encouragement"
    r"|i\s+(?:really\s+)?(?:would|'d)\s+(?:really\s+|just\s+)?(?:love|like)"
    r"|you(?:'re|\s+are)\s+(?:absolutely\s+|so\s+|totally\s+|probably\s+)?right"
    # ("i'm glad to hear! i'm doing fine", ESConv train, after the agent said how it was:
    # "How wonderful! Who have you told so far?")
    r"|that(?:'s|\s+is)\s+(?:so\s+)?(?:true|right)|(?:that's\s+|i'?m\s+(?:so\s+)?|i\s+am\s+(?:so\s+)?)?"
    r"(?:great|good|nice|glad)\s+to\s+hear"
    r"|i\s+(?:totally\s+|completely\s+)?agree"
    # agreement alone: "It is!" (ESConv train, after "I am in psychology ... a hard time
    # managing my time", read as joy: "What are you most looking forward to?")
    r"|(?:it|that|this)\s+(?:really\s+|sure\s+|definitely\s+|certainly\s+)?(?:is|was"
    r"|does)(?=\s*+[.!]*+\s*+$))\b"
    # Anywhere in the message, as branches of their own: after the opening words a ".*" would
    # rescan the rest once for every way of splitting them ("ok, " 5,000 times took 2.3 s).
    # "that is very good for you, i am happy for you" (ESConv valid: "That's good to hear;
    # enjoy it.")
    r"|\b(?:good|great|happy|glad)\s+for\s+(?:you|u)\b"
    # a hope for what is not there yet: "I am also hoping to find some grassroots charities for
    # people like me without families" (ESConv train, about to be evicted: "Oh, that's lovely!")
    r"|\b(?:i'?m|i\s+am|im)\s+(?:also\s+|really\s+|just\s+|still\s+)?hoping\b"
    # gladness at the talk itself: "Ok I am glad to talk with you." (ESConv train: "How
    # wonderful! That sounds like a good place to be.")
    r"|\b(?:i'?m|i\s+am|im)\s+(?:so\s+|really\s+|very\s+)?glad\s+(?:to\s+(?:have\s+)?"
    r"|(?:that\s+)?(?:i|we)\s+)"
    r"(?:talk|talked|chat|chatted|spoke|speak|got\s+to\s+talk)\b"
    # agreement as the message ends: "Thi s very correct!" (ESConv valid: "How wonderful! Who
    # have you told so far?")
    r"|\b(?:(?:very|so|quite|absolutely|exactly|totally)\s+(?:correct|true)|(?:that|this|it)"
    r"(?:'s|\s+is)\s+correct)\b(?=\W*$)", re.I)
# Doubt or refusal in a message ("I really can't trust him", "I don't think so", "not sure"):
# no agreement with a step named before
DOUBTS = re.compile(r"\b(?:can'?t|cannot|can\s+not|don'?t|do\s+not|won'?t|will\s+not|not\s+sure|"
                    r"doubt|never|no\s+way|unsure|hesitant|afraid|scared)\b", re.I)
# Words that call what is told distressing: "it is my daughter so that is even more alarming!"
# (ESConv train, read as joy, had got "That's wonderful!")
DISTRESSING = re.compile(r"\b(?:alarming|scary|terrifying|frightening|worrying|worrisome|"
                         r"concerning|heartbreaking|devastating|upsetting|disturbing|"
                         r"distressing|nerve-?wracking)\b", re.I)
# Someone said to be no support: "even my parents are not very supportive of me" (ESConv valid,
# then told "Could you talk to your parents about it, maybe tonight when things are calm?")
UNSUPPORTIVE = re.compile(
    r"\b(?:(?:is|are|was|were|'re|'s)\s+)?(?:not\s+(?:very\s+|really\s+|at\s+all\s+|that\s+)?supportive|"
    r"unsupportive|(?:don'?t|doesn'?t|do\s+not|does\s+not|never)\s+(?:really\s+|even\s+)?"
    r"(?:understand|care|listen|support)s?"
    # "all my family don't even think of me" (ESConv train, asking for money: "What do you
    # think your family would say if you told them how you feel?")
    r"|(?:don'?t|doesn'?t|do\s+not|does\s+not|never)\s+(?:really\s+|even\s+)?think\s+(?:of"
    r"|about)\s+me"
    # "i am estranged from my family for the most part" (ESConv train: "You clearly care about
    # your family")
    r"|estranged\s+from"
    # "i have heard my friends talk behind my back" (ESConv train: "you clearly care about your
    # friends"), "if I had more support from my parents"
    r"|behind\s+my\s+back|more\s+support\s+from"
    # "My friend of 5 years said that they hated me." (ESConv train: "What do you think your
    # friend would say if you told them how you feel?")
    r"|(?:hates?|hated)\s+me"
    # "all my friends have distant from me ... they ganged up on me to bully me" (ESConv train:
    # "You clearly care about your friends")
    r"|ganged\s+up\s+on\s+me|bull(?:y|ies|ied|ying)\s+me|distant\s+from\s+me"
    # "My boyfriend was very abusve and is very doubtful of me" (ESConv train, misspelt: "What
    # do you think your boyfriend would say if you told him how you feel?")
    r"|abusi?ve|abus(?:ed|es|ing)\s+me)\b", re.I)
# A liking told, which is no news: "I love my wife and my great kids" (ESConv train, told after
# a separation: "That's wonderful! I'm glad to hear it"), "I love the animals, learning new
# things" (what a cancelled fair gave: "How did it come about?"). Something new that is liked
# is news ("I love my new job!"), and liking what was said or a place is approval or cheer:
# "I love that idea!", "i like that. today is a fresh start", "I love it there" (ESConv train).
# ("or maybe learn a new skill i really like my current job tho", ESConv train, unstopped:
# "That's wonderful! I'm glad to hear it")
LIKING = re.compile(
    r"(?:^|[.!?;]\s*+|(?<=\s))(?:(?:and|but|oh|yes|yeah|well|also)[,\s]++)*+"
    r"i\s++(?:really\s++|just\s++|also\s++|still\s++|do\s++)?(?:love|adore|enjoy|like)\s++"
    r"(?!(?:\w+\s+)?new\b|(?:that|this|it|these|those|your|the\s+idea|what\s+you)\b)",
    re.I,
)
# The help credited in a sentence of a longer message: "Thanks for the suggestions. You've really
# helped me get a better perspective on this whole thing." (ESConv valid)
HELPED = re.compile(r"\byou(?:'ve|\s+have)?\s+(?:really\s+|truly\s+|so\s+)?helped\b"
                    r"|\bhelped\s+me\s+(?:a\s+lot|so\s+much)\b|\b(?:so|very|really|super)\s+helpful\b",
                    re.I)
# Thanks for the time rather than for help ("Good evening, thanks for taking the time to talk
# with me."): as the talk opens, nothing has helped yet
FOR_THE_TIME = re.compile(r"\bthank(?:s|\s+you)\s+(?:so\s+much\s+)?for\s+(?:taking\s+the\s+time|"
                          r"your\s+time|being\s+here|having\s+me|talking|chatting|this\s+(?:chat|"
                          r"service|space))", re.I)
# Laughter ("lol", "haha"): often wry in a hard talk ("oh ok I thought it was just for 10
# lines, lol"), and no news by itself; "haha I got the job!" tells its news in words
LAUGHS = re.compile(r"\b(?:lo+l+|lmf?ao+|rofl|a?ha(?:ha)+h?|he(?:he)+|hihi+|jaja+|kek)\b", re.I)
NEEDS_HELP = re.compile(r"\bi\s+(?:really\s+|just\s+|badly\s+)?need\s+(?:some\s+|your\s+)?help\b",
                        re.I)
# "Not sure if I should return to school", "I can't decide whether to stay": a decision
DECIDING = re.compile(r"\b(?:not\s+sure|unsure|can't\s+decide|cannot\s+decide|can't\s+make\s+up\s+"
                      r"my\s+mind|torn)\s+(?:if|whether|about\s+whether|between)\b", re.I)
# "I worry that ...", "I'm afraid it might ...": a worry told in the message
_WORRY_WORDS = r"worr(?:y|ied|ies)|afraid|scared|nervous|anxious|concerned"
NEW_WORRY = re.compile(rf"\b(?:{_WORRY_WORDS})\b", re.I)
# Strain named in the message: a worry, pressure, stress, feeling overwhelmed, a struggle
# ("Doing pretty good. Struggling a little", ESConv train, had got "That's wonderful!")
# ("... that does help. it's mostly the evenings, when I'm really bored, and everyone else seems
# so busy", ESConv train: "How wonderful! That sounds like a good place to be.")
STRAIN = re.compile(rf"\b(?:{_WORRY_WORDS}|pressure|stress(?:es|ed|ful)?|overwhelm(?:ed|ing)?|"
                    r"anxiety|dread\w*|struggl(?:e|es|ed|ing)|bored|boredom|lonely|loneliness|"
                    # "Being a mom is self isolating by itself" (ESConv train: "That sounds like
                    # a good place to be.")
                    r"isolat(?:ed|ing|ion))\b",
                    re.I)
# A hope or a way forward said of something ("I think therapy could work", "that might help",
# "it would be nice"): no weight to call heavy (ESConv train: "It sounds like you think therapy
# could work; that is a lot to carry")
HOPEFUL = re.compile(r"\b(?:could|can|might|may|would|will)\s+(?:really\s+|actually\s+|still\s+|"
                     r"definitely\s+)?(?:work|help|be\s+(?:good|nice|great|fine|okay|ok|better))\b",
                     re.I)
# "I'm good", "doing ok", "not bad": well, said in a few words before the question is handed back
WELL = re.compile(r"\b(?:fine|good|ok|okay|okie|okey|alright|all\s+right|well|great|fantastic|"
                  r"wonderful|not\s+(?:too\s+)?bad|fair|pretty\s+good)\b", re.I)
GLAD_WELL = re.compile(r"\b(?:good|well|great|fantastic|wonderful|better)\b", re.I)
INTERJECTION = re.compile(r"^(?:oh|mm|ah|hm+),\s+", re.I)
# The wording of a suggestion in a reply ("Could you ...?", "Maybe one small step could help").
OFFERED = re.compile(r"\b(?:could you|you could|try|maybe|might help|may help|how about)\b",
                     re.I)

# "a bit nervous", "kind of sad": the user calls the feeling small
HEDGED = re.compile(r"\b(?:a\s+(?:little\s+)?(?:bit|little|tad)|kind\s+of|kinda|sort\s+of|"
                    r"slightly|somewhat)\s+\w+", re.I)
# "Things just pile up, you know?", "... yanno?", "It's hard, right?": a tag that asks for
# agreement, not an answer
TAG_QUESTION = re.compile(r"(?:^|[\s,])(?:you\s+know|ya\s+know|y'?know|yanno|right|huh|isn'?t\s+it"
                          r"|don'?t\s+you\s+think|you\s+see)\s*\?+\s*$", re.I)
