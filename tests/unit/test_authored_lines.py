"""Authored lines: a persona's written answers are called by their words, wait for their
feeling, take turns, never outrank safety, and ride the turn API, the prompt and the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.authored_lines import choose_line, line_for_event, turn_acts
from agent.config import Line, load_persona
from agent.core import AffectiveAgent
from agent.responders import ResponseRequest, build_messages
from agent.types import AgentEmotion, Strategy, Utterance
from appraisal import VAD
from perception import AffectEstimate

pytestmark = pytest.mark.unit

ROOM = Line(topic="room", when=["a room", "stay the night"],
            say=["Five silver a night.", "Still five silver.", "Five. Silver."])  # fmt: skip
REFUSED = Line(topic="refused", when=["a room"], feeling=["anger", "reproach"],
               say=["No room for you."])  # fmt: skip
CALM = AgentEmotion(VAD(0.1, 0.0, 0.0), "neutral", 0.1, VAD(0.0, 0.0, 0.0), "neutral", {})
ANGRY = AgentEmotion(VAD(-0.5, 0.5, 0.3), "anger", 0.6, VAD(-0.1, 0.1, 0.0), "hostile",
                     {"anger": 0.6, "distress": 0.2})  # fmt: skip


def agent(tmp_path: Path, persona: str = "grim", db: str = "a.db") -> AffectiveAgent:
    ticks = iter(range(0, 10_000, 5))
    return AffectiveAgent.from_persona(persona, db_path=tmp_path / db, text="lexicon",
                                       clock=lambda: float(next(ticks)))  # fmt: skip


def refusal(tmp_path: Path, body: str) -> str:
    """The ConfigError message for a persona file of ``name = "Npc"`` and ``body``."""
    from agent.errors import ConfigError

    path = tmp_path / "npc.toml"
    path.write_text('name = "Npc"\n' + body)
    with pytest.raises(ConfigError) as info:
        load_persona(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("How much for a room?", True),
        ("HOW MUCH FOR A\n  ROOM", True),
        ("Can I stay the night?", True),
        ("a room-mate of mine", True),  # a hyphen ends the word: the designer chose "a room"
        ("That's a roomy cart.", False),
        ("I stay the nightly watch.", False),
        ("Nice weather.", False),
        ("I don't want a room.", False),  # negated in its clause
        ("No thanks, I can't stay the night.", False),
        ("Not the stew, but a room, please.", True),  # "but" opens a new clause
    ],
)
def test_a_line_is_called_by_its_whole_words_in_any_case_and_spacing(text: str,
                                                                     called: bool) -> None:
    assert (choose_line([ROOM], text, CALM, []) is not None) is called


def test_variants_follow_the_last_one_said_and_wrap_around() -> None:
    said: list[str] = []
    for _ in range(4):
        chosen = choose_line([ROOM], "a room?", CALM, said)
        assert chosen is not None
        said += ["Something else.", chosen.text]
    assert said[1::2] == ["Five silver a night.", "Still five silver.", "Five. Silver.",
                          "Five silver a night."]  # fmt: skip


def test_a_line_with_a_feeling_waits_for_it_and_then_goes_first() -> None:
    lines = [ROOM, REFUSED]  # the plain line is first in the file
    calm = choose_line(lines, "A room, please.", CALM, [])
    angry = choose_line(lines, "A room, please.", ANGRY, [])
    assert calm is not None and calm.topic == "room"
    assert angry is not None and angry.topic == "refused"
    assert choose_line([REFUSED], "A room, please.", CALM, []) is None
    faint = AgentEmotion(VAD(0, 0, 0), "neutral", 0.05, VAD(0, 0, 0), "neutral", {"anger": 0.09})
    assert choose_line([REFUSED], "A room, please.", faint, []) is None  # below 0.1 is not felt
    neutral_only = Line(topic="n", when=["a room"], feeling=["neutral"], say=["Sure."])
    assert choose_line([neutral_only], "a room", CALM, []) is not None
    assert choose_line([neutral_only], "a room", ANGRY, []) is None


def test_a_line_counts_as_its_strategy() -> None:
    chosen = choose_line([ROOM], "a room", CALM, [])
    assert chosen is not None and chosen.strategy is Strategy.INFORMATION
    thanks = Line(topic="t", when=["thanks"], say=["Aye."], strategy="Others")
    assert choose_line([thanks], "thanks", CALM, [])
    assert choose_line([thanks], "thanks", CALM, []).strategy is Strategy.OTHERS  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        ('topic = "a b"\nwhen = ["x"]\nsay = ["y"]', "topic"),
        ('topic = "a"\nwhen = []\nsay = ["y"]', "needs words in 'when', game events in 'events'"),
        ('topic = "a"\nevents = [""]\nsay = ["y"]', "1-300 characters"),
        ('topic = "a"\nwhen = ["  "]\nsay = ["y"]', "1-300 characters"),
        ('topic = "a"\nwhen = ["x"]\nsay = ["' + "y" * 301 + '"]', "1-300 characters"),
        ('topic = "a"\nwhen = ["x"]\nsay = ["y"]\nfeeling = ["grumpy"]', "unknown feeling"),
        ('topic = "a"\nwhen = ["x"]\nsay = ["y"]\nstrategy = "Telepathy"', "Telepathy"),
        ('topic = "a"\nwhen = ["x"]\nsay = ["y"]\ncolour = "red"', "colour"),
        ('topic = "a"\nacts = ["small_talk"]\nsay = ["y"]', "acts"),
    ],
)
def test_a_bad_line_is_refused_naming_the_problem(tmp_path: Path, lines: str,
                                                  fragment: str) -> None:
    message = refusal(tmp_path, f"[[lines]]\n{lines}\n")
    assert "lines" in message and fragment in message


def test_two_lines_may_not_share_a_topic(tmp_path: Path) -> None:
    line = '[[lines]]\ntopic = "a"\nwhen = ["x"]\nsay = ["y"]\n'
    assert "appears twice" in refusal(tmp_path, line + line)


def test_grim_answers_in_character_and_refuses_a_room_once_insulted(tmp_path: Path) -> None:
    grim = agent(tmp_path)
    room = grim.respond(Utterance("Good evening. How much for a room?"))
    assert room.line == "room"
    assert room.text == "A room's five silver a night. Coin first, then the key."
    assert room.strategy is Strategy.INFORMATION
    assert any("authored line 'room'" in t for t in room.trace)
    again = grim.respond(Utterance("So a room is how much?"))
    assert again.line == "room" and again.text != room.text
    grim.respond(Utterance("You stupid old fool, that's robbery."))
    refused = grim.respond(Utterance("Fine. A room for the night."))
    assert refused.line == "room_refused"
    support = grim.respond(Utterance("My brother went missing in the forest."))
    assert support.line is None and support.text  # no line is called: the responder speaks


def test_safety_comes_before_any_line(tmp_path: Path) -> None:
    reply = agent(tmp_path).respond(Utterance("Give me a room so I can hang myself in it."))
    assert reply.safety is not None and reply.line is None


def test_a_draft_keeps_its_line_and_changes_no_turn(tmp_path: Path) -> None:
    grim = agent(tmp_path)
    draft = grim.preview(Utterance("A room, please"))
    assert draft.line == "room" and len(grim.history) == 0
    reply = grim.respond(Utterance("A room, please."), draft=draft)
    assert (reply.line, reply.text) == (draft.line, draft.text)
    assert reply.to_dict()["line"] == "room"


def test_a_restored_session_goes_on_to_the_next_variant(tmp_path: Path) -> None:
    first = agent(tmp_path).respond(Utterance("A room, please.")).text
    restored = agent(tmp_path)  # same database and session
    assert restored.respond(Utterance("A room, please.")).text not in ("", first)


def test_the_prompt_tells_a_model_who_the_character_is_and_what_it_cares_about() -> None:
    affect = AffectEstimate(VAD(0.0, 0.0, 0.0), {"neutral": 1.0}, 0.5, "text", 0.0)
    request = ResponseRequest(
        user_text="Evening.", history=[], strategy=Strategy.QUESTION, user_affect=affect,
        persona_name="Grim", persona_role="A gruff tavern keeper.",
        persona_goals=("keep_tavern_safe", "be_respected"),
    )  # fmt: skip
    system = build_messages(request)[0]
    assert "You are Grim. A gruff tavern keeper." in system.content
    assert "What matters to you: keep tavern safe, be respected." in system.content
    assert system.additional_kwargs["affect"]["goals"] == ["keep tavern safe", "be respected"]
    plain = build_messages(ResponseRequest(user_text="Hi", history=[], strategy=Strategy.QUESTION,
                                           user_affect=affect))[0]  # fmt: skip
    assert "emotionally supportive companion" in plain.content
    assert "What matters" not in plain.content


def test_the_agent_passes_its_persona_and_facts_to_the_responder(tmp_path: Path) -> None:
    grim = agent(tmp_path)
    seen: list[ResponseRequest] = []
    real = grim.responder.respond

    def spy(request: ResponseRequest) -> str:
        seen.append(request)
        return real(request)

    grim.responder.respond = spy  # type: ignore[method-assign]
    grim.respond(Utterance("My brother went missing."))
    assert seen[0].persona_role == load_persona("grim").description
    assert seen[0].persona_goals == ("keep_tavern_safe", "be_respected")  # by utility
    system = build_messages(seen[0])[0]
    assert "Facts you know: room price: five silver; ale price: two copper; stew price: " \
        "three copper." in system.content
    assert system.additional_kwargs["affect"]["facts"]["room_price"] == "five silver"


def test_an_event_line_is_called_by_its_event_and_not_by_words() -> None:
    gift = Line(topic="gift", events=["player_gave_gift"], say=["Thank you."])
    assert choose_line([gift], "player_gave_gift", CALM, []) is None
    assert line_for_event([gift], "PLAYER_GAVE_GIFT", CALM, []) is not None
    assert line_for_event([ROOM], "a room", CALM, []) is None  # words do not call on events


def test_a_bark_joins_the_conversation_and_the_store(tmp_path: Path) -> None:
    from agent.server.game_events import appraise_game_event
    from agent.store import Store

    grim = agent(tmp_path)
    assert grim.bark("insult") is None  # its insult line waits for anger: none felt yet
    insult = appraise_game_event(event="insult", actor="player", target="self",
                                 desirability=-0.6, praiseworthiness=-0.9, likelihood=1.0,
                                 liking={"player": 0.1})  # fmt: skip
    grim.feel(insult.impulses)
    bark = grim.bark("insult")
    assert bark is not None and bark.topic == "insulted"
    assert grim.history[-1].text == bark.text
    again = grim.bark("insult")
    assert again is not None and again.text != bark.text  # the next variant
    stored = Store(tmp_path / "a.db").turns("default")
    assert [t.text for t in stored] == [bark.text, again.text]
    assert stored[0].strategy == "Information"


@pytest.mark.parametrize(
    ("say", "fragment"),
    [
        ("A room is {price.silver}.", "a placeholder is a fact name only"),
        ("A room is {0}.", "a placeholder is a fact name only"),
        ("A room is {price!r}.", "a placeholder is a fact name only"),
        ("A room is {price:>9}.", "a placeholder is a fact name only"),
        ("A room is {price.", "literal brace"),
        ("A room is } silver.", "literal brace"),
    ],
)
def test_a_placeholder_is_a_fact_name_only(tmp_path: Path, say: str, fragment: str) -> None:
    message = refusal(tmp_path, f'[[lines]]\ntopic = "a"\nwhen = ["x"]\nsay = ["{say}"]\n')
    assert "lines.0.say" in message and fragment in message


@pytest.mark.parametrize(
    ("facts", "fragment"),
    [
        ('"2nd" = "x"', "fact name '2nd'"),
        ('open = true', "facts.open"),
        ('price = "' + "y" * 201 + '"', "at most 200"),
        ('price = nan', "finite number"),
    ],
)
def test_bad_facts_are_refused(tmp_path: Path, facts: str, fragment: str) -> None:
    message = refusal(tmp_path, f"[facts]\n{facts}\n")
    assert "facts" in message and fragment in message


def test_lines_say_the_facts_as_they_are_now_and_still_take_turns(tmp_path: Path) -> None:
    grim = agent(tmp_path)
    first = grim.respond(Utterance("A room, please.")).text
    grim.persona.facts["room_price"] = "seven silver"  # the engine raised the price
    second = grim.respond(Utterance("A room, I said.")).text
    third = grim.respond(Utterance("A room!")).text
    assert "five silver" in first and second == "Still seven silver. Stairs on the left, and " \
        "mind the third step."
    assert third == "A room's seven silver a night. Coin first, then the key."  # wrapped around


def test_a_line_missing_a_fact_leaves_the_turn_to_the_responder(tmp_path: Path) -> None:
    path = tmp_path / "npc.toml"
    path.write_text('name = "Npc"\n[facts]\nsword = "forty gold"\n[[lines]]\ntopic = "shield"\n'
                    'when = ["shield"]\nsay = ["A shield is {shield_price}."]\n')
    npc = AffectiveAgent.from_persona(path, text="lexicon")
    reply = npc.respond(Utterance("How much is a shield?"))
    assert reply.line is None and "{" not in reply.text and reply.text
    assert any("needs the facts shield_price" in t for t in reply.trace)
    npc.persona.facts["shield_price"] = "ten gold"
    assert npc.respond(Utterance("A shield, then?")).text == "A shield is ten gold."



def test_authored_appraisals_turn_words_into_occ_events() -> None:
    from agent.config import WordAppraisal
    from agent.turn_appraisal import authored_impulses
    from appraisal import BigFive

    def felt(rule: WordAppraisal, text: str, goals: dict[str, float] | None = None) -> tuple:
        impulses, liking = authored_impulses(text, "user", rules=[rule], goals=goals or {},
                                             traits=BigFive(), liking=0.2)  # fmt: skip
        return {i.cause.emotion: i.intensity for i in impulses}, liking

    scorn = WordAppraisal(event="scorn", when=["swill"], desirability=-0.4, praiseworthiness=-0.6)
    emotions, liking = felt(scorn, "This is SWILL.")
    assert set(emotions) == {"anger", "distress", "reproach"} and liking < 0.2
    assert felt(scorn, "Swilling it down.") == ({}, 0.2)  # whole words only
    assert felt(scorn, "It isn't swill, I'll give you that.") == ({}, 0.2)  # negated
    praise = WordAppraisal(event="praise", when=["good ale"], desirability=0.4,
                           praiseworthiness=0.6)  # fmt: skip
    emotions, liking = felt(praise, "Good ale, this.")
    assert {"gratitude", "admiration", "joy"} <= set(emotions) and liking > 0.2
    news = WordAppraisal(event="war", when=["the war"], desirability=-0.5)  # not an act
    emotions, liking = felt(news, "Did you hear about the war?")
    assert set(emotions) == {"distress"} and liking == 0.2
    goal = WordAppraisal(event="threat", when=["burn"], desirability=-0.5, goal="safe")
    strong, _ = felt(goal, "I'll burn it", {"safe": 1.0})
    weak, _ = felt(goal, "I'll burn it", {"safe": 0.3})  # the goal's utility scales it
    assert strong["distress"] > weak.get("distress", 0.0)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('event = "a"\nwhen = ["x"]\ndesirability = 0.0', "desirability 0 makes no emotion"),
        ('event = "a"\nwhen = ["x"]\ndesirability = -0.5\ngoal = "fame"', "names goal 'fame'"),
        ('event = "a"\nwhen = []\ndesirability = -0.5', "needs words in 'when' or intents"),
        ('event = "a"\nintents = ["nope"]\ndesirability = -0.5', "names intent 'nope'"),
        ('event = "a"\nwhen = ["x"]\ndesirability = -2', "appraisals.0.desirability"),
    ],
)
def test_a_bad_appraisal_rule_is_refused(tmp_path: Path, body: str, fragment: str) -> None:
    assert fragment in refusal(tmp_path, f"[[appraisals]]\n{body}\n")


def test_scorn_for_grims_house_angers_him_and_a_draft_changes_nothing(tmp_path: Path) -> None:
    grim = agent(tmp_path)
    before = grim.persona.relations["user"]
    draft = grim.preview(Utterance("Your ale tastes like mud."))
    assert grim.persona.relations["user"] == before  # a draft appraises without committing
    scorned = grim.respond(Utterance("Your ale tastes like mud."), draft=draft)
    assert scorned.line == "scorned" and scorned.agent_emotion.active["anger"] > 0.3
    assert grim.persona.relations["user"] < before
    assert any("house_scorned from user" in t for t in scorned.trace)
    assert grim.respond(Utterance("A room for the night.")).line == "room_refused"


def test_a_grudge_line_waits_for_low_liking_of_the_speaker(tmp_path: Path) -> None:
    grudge = Line(topic="grudge", when=["a room"], liking_below=-0.2, say=["Not for you."])
    fond = Line(topic="fond", when=["a room"], liking_above=0.5, say=["For you, the best."])
    lines = [ROOM, grudge, fond]
    assert choose_line(lines, "a room", CALM, [], liking=0.0).topic == "room"  # type: ignore[union-attr]
    assert choose_line(lines, "a room", CALM, [], liking=-0.5).topic == "grudge"  # type: ignore[union-attr]
    assert choose_line(lines, "a room", CALM, [], liking=0.8).topic == "fond"  # type: ignore[union-attr]
    assert choose_line([grudge], "a room", CALM, []) is None  # unknown liking meets no bound

    path = tmp_path / "keeper.toml"  # the wiring: the speaker's liking now reaches the lines
    path.write_text('name = "Keeper"\n[[goals]]\nname = "be_respected"\nutility = 0.8\n'
                    '[relations]\nuser = 0.1\n'
                    '[[lines]]\ntopic = "grudge"\nwhen = ["a room"]\nliking_below = -0.2\n'
                    'say = ["Not for you."]\n'
                    '[[lines]]\ntopic = "room"\nwhen = ["a room"]\nsay = ["Five silver."]\n')
    keeper = AffectiveAgent.from_persona(path, text="lexicon")
    assert keeper.respond(Utterance("A room, please.")).line == "room"
    keeper.respond(Utterance("That's a ripoff, you thief."))
    assert keeper.respond(Utterance("A room, please.")).line == "room"  # -0.14: not yet
    keeper.respond(Utterance("Shut up, you old fool."))
    assert keeper.persona.relations["user"] < -0.2
    assert keeper.respond(Utterance("A room, please.")).line == "grudge"


def test_a_line_cannot_wait_for_an_empty_liking_range(tmp_path: Path) -> None:
    message = refusal(tmp_path, '[[lines]]\ntopic = "a"\nwhen = ["x"]\nsay = ["y"]\n'
                                'liking_above = 0.5\nliking_below = 0.2\n')
    assert "liking_above 0.5 must be less than liking_below 0.2" in message


def test_a_grudge_and_the_games_facts_outlast_a_restart(tmp_path: Path) -> None:
    from agent.store import Store

    grim = agent(tmp_path)
    grim.respond(Utterance("That's a ripoff, you thief."))
    grim.game_event("insult", desirability=-0.5, praiseworthiness=-0.8)  # saved without a turn
    grim.set_facts({"room_price": "nine gold"})
    disliked = grim.persona.relations["user"]
    assert disliked < -0.2
    again = agent(tmp_path)  # the same database and session, a new process
    assert again.persona.relations["user"] == pytest.approx(disliked)
    assert again.persona.facts["room_price"] == "nine gold"
    assert again.respond(Utterance("A room for the night?")).line in ("room_refused",
                                                                       "room_grudge")

    store = Store(tmp_path / "a.db")  # a hand-edited database: bad entries are dropped
    state = store.load_state("default")
    assert state is not None
    state["relations"] = {"user": 7, "guard": 0.4, "cat": "x"}
    state["facts"] = {"room_price": ["nine"], "ale_price": "one copper"}
    store.save_state("default", state)
    store.close()
    edited = agent(tmp_path)
    assert edited.persona.relations["guard"] == 0.4 and -1 <= edited.persona.relations["user"] <= 1
    assert edited.persona.facts["room_price"] == "five silver"  # the file's value stands
    assert edited.persona.facts["ale_price"] == "one copper"


FIFTY = "[" + ", ".join(['"x"'] * 50) + "]"
SLEEP = Line(topic="sleep", intents=["ask_room"], say=["Stables are free."])
SLEEP_ANGRY = Line(topic="sleep_angry", intents=["ask_room"], feeling=["anger"],
                   say=["Not for you."])  # fmt: skip


def test_heard_intents_call_lines_only_when_no_words_do() -> None:
    lines = [ROOM, SLEEP, SLEEP_ANGRY]
    by_meaning = choose_line(lines, "Got anywhere to kip?", CALM, [], heard={"ask_room"})
    assert by_meaning is not None and by_meaning.topic == "sleep"
    angry = choose_line(lines, "Got anywhere to kip?", ANGRY, [], heard={"ask_room"})
    assert angry is not None and angry.topic == "sleep_angry"  # a condition still goes first
    # the designer's own words outrank what is heard
    worded = choose_line(lines, "A room, please.", CALM, [], heard={"ask_room"})
    assert worded is not None and worded.topic == "room"
    assert choose_line(lines, "Got anywhere to kip?", CALM, [], heard={"ask_food"}) is None
    assert choose_line(lines, "Got anywhere to kip?", CALM, []) is None


def test_a_heard_intent_makes_an_authored_appraisal() -> None:
    from agent.config import WordAppraisal
    from agent.turn_appraisal import authored_impulses
    from appraisal import BigFive

    scorn = WordAppraisal(event="scorn", intents=["scorn"], desirability=-0.4,
                          praiseworthiness=-0.6)  # fmt: skip
    kwargs = {"rules": [scorn], "goals": {}, "traits": BigFive(), "liking": 0.2}
    felt, liking = authored_impulses("This beer is foul.", "user", heard={"scorn"}, **kwargs)
    assert "reproach" in {i.cause.emotion for i in felt} and liking < 0.2
    assert authored_impulses("This beer is foul.", "user", **kwargs) == ([], 0.2)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('[[intents]]\nname = "a"\nexamples = ["x"]\n' * 2, "intent 'a' appears twice"),
        ('[[intents]]\nname = "a"\nexamples = []\n', "intents.0.examples"),
        ('[[intents]]\nname = "a b"\nexamples = ["x"]\n', "intents.0.name"),
        ('[[intents]]\nname = "a"\nexamples = ["x"]\nsize = 3\n', "size"),
        ("intent_similarity = 1.5\n", "intent_similarity"),
        ("".join(f'[[intents]]\nname = "i{k}"\nexamples = {FIFTY}\n' for k in range(21)),
         "1050 examples; at most 1000"),
        ('[[lines]]\ntopic = "a"\nintents = ["nope"]\nsay = ["y"]\n',
         "line 'a' names intent 'nope', which [[intents]] does not have (none)"),
    ],
)
def test_a_bad_intent_is_refused(tmp_path: Path, body: str, fragment: str) -> None:
    # top-level keys before the tables, as TOML requires
    assert fragment in refusal(tmp_path, body)


def test_an_intent_no_line_names_and_a_line_another_answers_are_warned_of() -> None:
    from agent.authored_lines import file_warnings, shadowed
    from agent.config import Intent, Persona

    room = Intent(name="ask_room", examples=["Can I stay the night?"])
    food = Intent(name="ask_food", examples=["I'm hungry."])
    persona = Persona(name="Npc", intents=[room, food], lines=[SLEEP])
    assert file_warnings(persona) == [
        "intent 'ask_food' is heard but calls no line or appraisal"]
    kip = Line(topic="kip", intents=["ask_room"], say=["Stables."])
    lodging = Line(topic="lodging", intents=["ask_room", "ask_food"], say=["Board."])
    assert shadowed([SLEEP, kip]) == [("kip", "sleep")]
    assert shadowed([SLEEP, lodging]) == []  # ask_food calls it and not the first


HELLO = Line(topic="hello", acts=["greeting"], say=["Evening."])
CHAT = Line(topic="chat", acts=["question", "remark"], say=["Hm."])


@pytest.mark.parametrize(("text", "topic"), [
    ("Hello there", "hello"), ("Good evening!", "hello"), ("Nice weather today.", "chat"),
    ("Do you know the north road?", "chat"), ("Hello, a room please.", "room"),  # words first
    ("My dog died this morning.", None), ("I feel so alone.", None),  # troubles: the responder
    ("Are you a real person?", None), ("What should I do?", None),
])  # fmt: skip
def test_a_kind_of_turn_calls_a_line_only_when_no_words_do(text: str, topic: str | None) -> None:
    chosen = choose_line([ROOM, HELLO, CHAT], text, CALM, [], acts=turn_acts(text))
    assert (chosen.topic if chosen else None) == topic
    assert choose_line([HELLO, CHAT], text, CALM, []) is None  # no acts given, none called


def test_a_turn_read_as_sadness_or_fear_calls_no_kind_of_turn_line() -> None:
    assert turn_acts("I don't know anymore.") == {"remark"}
    assert turn_acts("I don't know anymore.", reading="sadness") == frozenset()
    assert turn_acts("I don't know anymore.", reading="anger") == {"remark"}


def test_a_kind_of_turn_line_is_shadowed_only_by_one_with_the_same_kinds() -> None:
    from agent.authored_lines import shadowed

    hi = Line(topic="hi", acts=["greeting"], say=["Hi."])
    assert shadowed([HELLO, hi]) == [("hi", "hello")]
    assert shadowed([ROOM, HELLO, CHAT]) == []


def test_grim_keeps_his_voice_in_small_talk_and_greets_a_foe_coldly(tmp_path: Path) -> None:
    grim = agent(tmp_path)
    hello = grim.respond(Utterance("Hello there"))
    assert hello.line == "greeting" and "glad you're here" not in hello.text
    assert grim.respond(Utterance("Do you know anything about the north road?")).line == (
        "unknown")
    assert grim.respond(Utterance("Fine, here's the gold.")).line == "remark"
    grief = grim.respond(Utterance("My brother went missing in the forest."))
    assert grief.line is None  # a trouble told: the responder answers it
    assert grim.respond(Utterance("Are you a bot?")).line == "real"  # his own line, by words
    for insult in ("Shut up, you old fool.", "You stupid old fool, that's robbery."):
        grim.respond(Utterance(insult))
    assert grim.respond(Utterance("Hello again.")).line == "greeting_grudge"
    assert grim.respond(Utterance("Bye.")).line == "farewell"
