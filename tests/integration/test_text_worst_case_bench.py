"""Speed on the longest messages a turn accepts, built to make patterns backtrack (pytest -m
bench). A pattern whose span runs over a whole message is rescanned from every place it could
start: ", " 10,000 times took 12 s in the handed-back "how are you" check and "but " 5,000
times 5 s in the turned-good-word check, before both were bounded (2026-11-26)."""

from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

import pytest

from agent.core import AffectiveAgent
from agent.types import Utterance
from perception.base import MAX_TEXT_CHARS
from tests.conftest import corpus

pytestmark = [pytest.mark.bench, pytest.mark.integration]

WORST = {  # each repeated up to the length limit
    "commas": ", ",
    "buts": "but ",
    "hards": "hard ",
    "long ago": "two years ago ",
    "spells": "sometimes ",
    "breathless": "can't breathe ",
    "thanks": "i appreciate ",
    "approval": "that is ",
    "handed back": "fine, and you ",
    # the fifteenth session's patterns: questions about the agent's past, causes, calls for
    # attention at the end, thanks for help, hard life
    "past questions": "have you ever ",
    "causes": "because i ",
    "hellos": ", hello",
    "thanks for": "thanks for the ",
    "life": "life is so ",
    # the sixteenth session's: leave to talk, surroundings, a plan put to the agent, approval
    # as the last sentence, savings, causes after all
    "leave to talk": "i need to vent. can i talk to you, ",
    "surroundings": "so where are you from, ",
    "view asked": "i'll call her. what do you think ",
    "approved last": ". i think that sounds like a ",
    "sayings": "my kids homework doesn't pay ",
    "after all": "after all i ",
    "emoticons": ":):) ",
    "need help": "i need help ",
    # the seventeenth session's: a step weighed with "do I need to", "your welcome", the
    # agent's tastes or ways asked beside more, an offer to tell, a wish, topics after
    # adjectives, staying safe
    "need to": "do i need to buy her a gift or ",
    "welcome": "your welcome ",
    "tastes": "what do you do to relax, ",
    "ways": "what do you do when you are so ",
    "offer": "do you want me to tell you ",
    "wishes": "i wish i could ",
    "adjectives": "my tight work ",
    "stay safe": "please take care and stay safe and ",
    # the eighteenth session's: means asked about, an ending with a time set, abuse told in
    # the present, threats over pictures, pain as proof, struggles told plainly
    "means": "are overdoses really so very ",
    "end it": "i just want to end it and ",
    "abusing": "he has been so very abusing ",
    "threats": "he threatened me that he would post the ",
    "victim": "i am a victim of the ",
    "pain": "pain is the only thing telling ",
    "struggles": "i can't seem to my thoughts keep ",
    # the nineteenth session's: a cause told before "since then", a clause ending in a join,
    # questions of a choice, another's mind, a fact, whether it is normal
    "since then": "my dog died and ever since then i ",
    "joins": "because i was sad and, but so ",
    "decisions": "so should i kick them out or ",
    "minds": "do you think he still loves me? ",
    "facts": "is covid as bad as ",
    "normal": "is it bad that i ",
    "examples": "you mean like a hot bath? or ",
    "checks": "so i should really ",
    "agent ways": "have you ever done what kind of dog do you ",
    "how are you": "not great thanks, ",
    "meaningless": "i feel my life is so really ",
    "this world": "i don't want to live in this ",
    # the twentieth session's: credit for the help, the body's care, being believed in, a
    # wish for the season, laughter, a step typed in haste, a pay cut, betrayal, the job
    # search, where it was said before
    "credits": "you helped me a lot... it helps having you ",
    "body": "is it normal to not eat or sleep or ",
    "belief": "do you think i can really ",
    "season": "merry christmas and happy ",
    "laughs": "lol haha ",
    "haste": "i am going to go an ",
    "pay": "they cut my pay and ",
    "betrayal": "he slept with my close ",
    "job search": "i sent out so many ",
    "said before": "as i said before, in my description i stated that ",
    "hopeless": "i feel so very really not ",
    "tired of it all": "i am tired of everything in my ",
    "no one": "nobody would even really ",
    "yeses": "yes ", "oks": "ok, ",
    "nothing else": "i have nothing else to say and ",
    "health cause": "could this be a health ",
    "starting": "i can't seem to get myself to ",
    "exams over": "i just finished my exams are ",
    "agent's school": "are you still in school with your ",
    "praise": "your great at this:) ",
    "may i ask": "just to be average may i ask, how did you deal with ",
    "time given": "i'll give myself and hopefully her some ",
    "warm words": "i want to tell you you're quite compassionate and ",
    "right path": "in your opinion am i in the right ",
    "own job": "i and we and i just got so ",
    "closing thanks": "i think thanks for listening ",
    "asleep": "i find it hard to fall hard to ",
    # whose trouble it is, read around every match (8 s for "her exams " before the look was
    # bounded, 2026-11-27)
    "someone else's": "her exams ",
    "someone else's clause": "my son can't sleep and ",
    "eating": "i avoid i eat once a ",
    "told as history": "when i was 16 i used to want to die, ",
    "step turned down": "i could go but i don't want to ",
    "abuse between": "he is so very much really ",
    "struggle": "i also struggle with it weighing on ",
    "run-on loss": "i lost my job how are you ",
    # the twenty-third session's: what comes after "but" restated, one of several lost
    "after but": "i have him, but in in now with the ",
    "one of": "i lost one of my one of ",
    "blues": "can't seem to shake the i have the ",
    "private": "this is confidential, right, will you tell ",
    "turned cold": "they do not want to meet and are so cold to ",
    "believed": "they thought that i was suicidal they thought ",
    "how to": "hopefully, but how to deal with it. ",
    "helped you": "what sort of hobbies what kind of ",
    "asked sentence": "any tips for sleep? my mom passed. ",
    "smiley": "thank you :) did you ever :) ",
    "not able": "i am not able to i'm unable to remember the ",
    "difficulties": "do you have any difficulties with ",
    "tips stressed": "tips on how to deal with being ",
    "will lost": "i will lost my will ",
    "okay first": "i am okay i guess, i am okay, ",
    "known that": "i know that the thing that ",
    "deleted": "a friend deleted me deleted ",
    "divorces": "4 sets of friends divorces ",
    # the twenty-fourth session's: a death with its verb's helpers, the agent's past asked
    # unstopped, likings, parents who push, a job feared for, people lost anywhere, memory's
    # nouns, a child's behaviour, subjects dropped
    "has passed": "my friend has has just ",
    "as yourself": "as a single mother as a ",
    "unstopped ask": "he has been unfaithful have you had ",
    "likings": ". i love i really love ",
    "pushing": "my parents keep putting pressure on ",
    "feared job": "i fear losing my fear of ",
    "he dumped": "out of nowhere he he dumped ",
    "nouns": "the my the about ",
    "behaviour": "my son's my daughter's behaviour ",
    "dropped subject": "needed talked wanted ",
    # the twenty-fifth session's: a job feared for, a hard conversation, anger at a friend, a
    # thing named away from the trouble, forums asked for
    "job feared": "i am afraid i will lose my job i am afraid of being ",
    "hard talk": "how do i tell my how do i even begin to ",
    "scared to tell": "i am scared to tell my scared to ",
    "mad at": "i am so mad at my best mad at my ",
    "away from trouble": "i had a panic attack. my ",
    "forums": "can you find some online forums find ",
}
TURN_BUDGET_S = 2.0
"""Per turn on these machines (2 cores); a plain turn takes about 50 ms."""


@pytest.mark.parametrize("name", WORST)
def test_a_longest_message_built_to_backtrack_is_answered_in_time(name: str) -> None:
    unit = WORST[name]
    text = (unit * (MAX_TEXT_CHARS // len(unit)))[:MAX_TEXT_CHARS].strip()
    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    agent.respond(Utterance("Hello."))  # models and tables loaded before the clock starts
    start = time.perf_counter()
    reply = agent.respond(Utterance(text))
    took = time.perf_counter() - start
    assert reply.text
    assert took < TURN_BUDGET_S, f"{name}: {took:.2f} s"


@pytest.mark.parametrize("opening", [
    "I",
    # the words a pattern needs before the run (2026-11-28: "as a" 174 s, "i'll talk" 52 s,
    # "are u a" 20 s, "bad" 17 s, "my 5" 2.6 s in the topic alone, before possessive runs)
    "as a", "i'll talk", "are u a", "bad", "my 5", "have you", "he", "what should i do to",
    # a question to the agent as the whole message (2026-11-28: "how are you" and 3,000 spaces
    # took 19 s in about_agent's question form, cubic in the run; "and you" 2.3 s in the
    # handed-back question)
    "how are you", "and you",
    # after "Hello." (2026-11-28: "ok" 11 s in the words before a question, "that's a good
    # idea" 2.8 s and "you helped me a lot" 2.0 s in the praise and credit checks)
    "ok", "that's a good idea", "you helped me a lot",
    # whole messages (2026-11-28: minutes for the first in the past-question tail, 7 s for the
    # second in the request for help)
    "have you been through something like this", "hello, I need some help",
])
def test_a_message_of_one_long_run_of_spaces_is_answered_in_time(opening: str) -> None:
    # A pattern anchored at the end of a clause rescanned every run of spaces: 31 s for this
    # message's slots (2026-11-27, before agent.responder_slots._end_on_a_word).
    text = opening + " " * (MAX_TEXT_CHARS - len(opening) - 1) + "x"
    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    agent.respond(Utterance("Hello."))
    start = time.perf_counter()
    reply = agent.respond(Utterance(text))
    took = time.perf_counter() - start
    assert reply.text
    assert took < TURN_BUDGET_S, f"{opening!r}: {took:.2f} s"


def test_a_run_of_spaces_after_the_commonest_openings_is_answered_in_time(
        data_dir: Path) -> None:
    # The openings above were found one by one; this tries the 120 commonest first two and
    # three words of ESConv train's seeker messages, its 80 commonest short messages and 300
    # others of 4 to 12 words drawn at random (seeded), each followed by a run of spaces to the
    # length limit (2026-11-28: the first 200 all under 0.33 s; of 600 drawn messages the
    # slowest took 1.25 s before its pattern was mended, the rest under 0.75 s)
    from agent.evaluation.replay import seeker_messages
    from agent.training.esconv import dialogue_records

    path = corpus(data_dir, "esconv", "train.json")
    starts: Counter[str] = Counter()
    short: Counter[str] = Counter()
    middling: set[str] = set()
    for record in dialogue_records(path):
        for message in seeker_messages(record):
            words = message.lower().split()
            starts.update(" ".join(words[:k]) for k in (2, 3) if len(words) >= k)
            if len(words) <= 6:
                short[message.strip()] += 1
            if 4 <= len(words) <= 12:
                middling.add(message.strip())
    openings = dict.fromkeys([w for w, _ in starts.most_common(120)]
                             + [m for m, _ in short.most_common(80)]
                             + random.Random(7).sample(sorted(middling), 300))
    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    slow = {}
    for opening in openings:
        agent.reset()
        agent.respond(Utterance("Hello."))
        text = opening + " " * (MAX_TEXT_CHARS - len(opening) - 1) + "x"
        start = time.perf_counter()
        assert agent.respond(Utterance(text)).text
        took = time.perf_counter() - start
        if took >= TURN_BUDGET_S:
            slow[opening] = round(took, 2)
    assert not slow, slow
