"""The NPC server as a game engine meets it: `affect serve` in its own process, real clients."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from agent.server import protocol as p
from agent.server.client import NpcClient, ServerError
from robots.facs import ARKIT_BLENDSHAPES
from robots.visemes import VISEMES

pytestmark = pytest.mark.integration

TURN_ORDER = re.compile(r"^(text_delta )+emotion expression visemes turn_end$")


SMITH = """name = "Brenna"
description = "The village smith; blunt, proud of her work."
[facts]
sword_price = "forty gold"
[[intents]]
name = "buy_weapon"
examples = ["I want to buy a sword.", "Do you sell weapons?"]
[[lines]]
topic = "sword"
when = ["a sword", "a blade"]
intents = ["buy_weapon"]
say = ["It's {sword_price}, and worth every coin."]
"""


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    personas = tmp_path_factory.mktemp("personas")
    (personas / "smith.toml").write_text(SMITH)  # a studio's own persona, served by name
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent", "serve", "--host", "127.0.0.1", "--port", "0",
         "--text-backend", "lexicon", "--no-audio", "--personas", str(personas)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    url = None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            pytest.fail(f"affect serve exited with {proc.returncode}")
        found = re.search(r"listening on (ws://\S+)", line)
        if found:
            url = found.group(1)
            break
    assert url is not None, "affect serve did not report its address"
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def check_turn_messages(messages: list[dict]) -> None:
    types = " ".join(m["type"] for m in messages)
    assert TURN_ORDER.match(types), types
    ids = {m["turn_id"] for m in messages}
    assert len(ids) == 1
    for m in messages:
        p.parse_server(json.dumps(m))  # every frame is a valid protocol message
    emotion = next(m for m in messages if m["type"] == "emotion")
    for axis in ("valence", "arousal", "dominance"):
        assert -1.0 <= emotion[axis] <= 1.0
    assert 0.0 <= emotion["intensity"] <= 1.0 and emotion["label"]
    shapes = next(m for m in messages if m["type"] == "expression")["blendshapes"]
    assert set(shapes) == set(ARKIT_BLENDSHAPES)
    assert all(0.0 <= w <= 1.0 for w in shapes.values())
    frames = next(m for m in messages if m["type"] == "visemes")["frames"]
    assert frames and all(f["viseme"] in VISEMES for f in frames)
    starts = [f["start_ms"] for f in frames]
    assert starts == sorted(starts) and starts[0] == 0.0


def test_five_turn_npc_conversation_in_protocol_order(server_url: str) -> None:
    lines = [
        "Hello! I just arrived in this village.",
        "My brother went missing in the forest and I am so worried.",
        "Nobody here will help me look for him.",
        "Thank you, that really means a lot to me.",
        "I found him! He is safe!",
    ]

    async def talk() -> list:
        async with NpcClient.connect(server_url, persona="sage") as npc:
            assert npc.hello_ack["protocol"] == p.PROTOCOL
            return [await npc.say(line) for line in lines]

    turns = asyncio.run(talk())
    assert len(turns) == 5
    for turn in turns:
        check_turn_messages(turn.messages)
        assert turn.text.strip()
    # worry saddens the listener's face; the good news lifts it above where the worry left it
    # (the turns come back to back, so nothing has faded in between)
    greeted, worried, alone, relieved = (turns[i].emotion for i in (0, 1, 2, 4))
    assert worried["valence"] < greeted["valence"]
    assert alone["valence"] < relieved["valence"]


def test_insulted_npc_gets_angry_at_the_player(server_url: str) -> None:
    async def play() -> tuple:
        async with NpcClient.connect(server_url, persona="grim") as npc:
            calm = await npc.say("Good morning.")
            hit = await npc.event("insult", actor="player", desirability=-0.6,
                                  praiseworthiness=-0.9)  # fmt: skip
            return calm, hit

    calm, hit = asyncio.run(play())
    # grim's TOML has a line for this event: the NPC says it while its face shows the anger
    check_turn_messages(hit.messages)  # text_delta ..., emotion, expression, visemes, turn_end
    assert hit.text == "Say that again and you'll drink elsewhere."
    assert hit.first("turn_end")["line"] == "insulted"
    emo = hit.emotion
    assert emo["label"] == "anger" and any("insult" in c for c in emo["causes"])
    assert emo["active"]["anger"] > 0.3  # the per-type intensities reach the engine
    assert emo["valence"] < calm.emotion["valence"] and emo["arousal"] > calm.emotion["arousal"]
    assert emo["liking"] < calm.emotion["liking"] == 0.1  # grim's file likes the user at 0.1
    expression = hit.first("expression")
    assert expression["blendshapes"]["browDownLeft"] > 0.2
    assert expression["hri"]["expression"] in {"angry", "furious", "annoyed"}


def test_a_night_of_game_time_calms_the_npc_but_keeps_the_grudge(server_url: str) -> None:
    async def night() -> tuple:
        async with NpcClient.connect(server_url, persona="grim") as npc:
            for _ in range(2):  # twice: liking falls below grim's grudge line (-0.2)
                hit = await npc.event("insult", actor="player", desirability=-0.6,
                                      praiseworthiness=-0.9)  # fmt: skip
            refused = []
            for bad in ('{"type": "time_passed", "seconds": -5}', '{"type": "time_passed"}',
                        '{"type": "time_passed", "seconds": 1e9}'):
                await npc.ws.send(bad)
                refused.append(await npc.receive())
            slept = await npc.pass_time(8 * 3600)
            after = await npc.say("Good morning. A room for the night?")
            return hit, refused, slept, after

    hit, refused, slept, after = asyncio.run(night())
    assert [e["code"] for e in refused] == ["invalid"] * 3 and not any(e["fatal"] for e in refused)
    assert slept.types == ["emotion", "expression", "turn_end"]
    assert hit.emotion["active"]["anger"] > 0.3
    assert slept.emotion["active"] == {} and slept.emotion["label"] == "neutral"
    assert slept.emotion["arousal"] < hit.emotion["arousal"]
    # liking is not a feeling that fades: the room is still refused to the one who insulted him
    assert slept.emotion["liking"] == hit.emotion["liking"] < 0.1
    assert after.first("turn_end")["line"] == "room_grudge"


def test_malformed_frames_get_errors_and_the_session_survives(server_url: str) -> None:
    async def abuse() -> list[dict]:
        errors = []
        async with NpcClient.connect(server_url, persona="sage") as npc:
            bad = ["{", "[]", '{"type": "warp"}', '{"type": "user_text", "text": 3}',
                   '{"type": "user_text", "text": "' + "y" * 70_000 + '"}']  # fmt: skip
            for raw in bad:
                await npc.ws.send(raw)
                errors.append(await npc.receive())
            await npc.ws.send(b"\x00\x01")  # binary outside an utterance
            errors.append(await npc.receive())
            turn = await npc.say("Are you still there?")
            check_turn_messages(turn.messages)
        return errors

    errors = asyncio.run(abuse())
    codes = [e["code"] for e in errors]
    assert codes == ["bad_json", "bad_message", "unknown_type", "invalid", "too_large",
                     "unexpected_binary"]  # fmt: skip
    assert all(e["type"] == "error" and not e["fatal"] and e["message"] for e in errors)


def test_one_sessions_failure_leaves_another_untouched(server_url: str) -> None:
    async def both() -> tuple:
        async with NpcClient.connect(server_url, persona="sage") as good:
            raw = await connect(server_url)
            await raw.send('{"type": "user_text", "text": "before hello"}')
            first = json.loads(await raw.recv())
            await raw.send("\xff not json")
            second = json.loads(await raw.recv())
            await raw.close()  # dropped mid-session
            turn = await good.say("How are you today?")
            return first, second, turn

    first, second, turn = asyncio.run(both())
    assert first["code"] == "hello_first" and second["code"] == "bad_json"
    check_turn_messages(turn.messages)


def test_unknown_persona_is_a_clear_error(server_url: str) -> None:
    async def go() -> None:
        async with NpcClient.connect(server_url, persona="nobody"):
            pass

    with pytest.raises(ServerError, match="bad_persona: no persona named 'nobody'.*smith"):
        asyncio.run(go())


def test_a_studios_own_persona_speaks_its_authored_lines(server_url: str) -> None:
    async def visit() -> tuple:
        async with NpcClient.connect(server_url, persona="smith") as smith:
            sword = await smith.say("How much for a sword?")
            await smith.facts(sword_price="fifty gold", swords_left=2)  # the market moved
            dearer = await smith.say("And a blade for my brother?")
            chat = await smith.say("My brother went missing in the forest.")
            theft = await smith.event("player_stole", desirability=-0.5, praiseworthiness=-0.7)
            armed = await smith.say("Can I buy an axe?")  # no `when` words
        async with NpcClient.connect(server_url, persona="grim") as grim:
            room = await grim.say("A room for the night, please.")
        return smith.hello_ack, sword, dearer, chat, theft, room, armed

    ack, sword, dearer, chat, theft, room, armed = asyncio.run(visit())
    assert ack["persona"] == "Brenna"
    check_turn_messages(sword.messages)
    assert sword.text == "It's forty gold, and worth every coin."
    assert dearer.text == "It's fifty gold, and worth every coin."
    assert sword.first("turn_end")["line"] == "sword"
    assert sword.first("turn_end")["strategy"] == "Information"
    assert chat.first("turn_end").get("line") is None and chat.text.strip()
    assert room.first("turn_end")["line"] == "room"  # shipped personas are still served
    assert armed.first("turn_end")["line"] == "sword"  # the studio's intent, heard by meaning
    # an event with no line of its own is shown, not spoken
    assert theft.types == ["emotion", "expression", "turn_end"]


@pytest.mark.parametrize(
    ("files", "fragment"),
    [
        ({"smith.toml": 'name = "Brenna"\n[[lines]]\ntopic = "x"\nwhen = []\nsay = ["y"]\n'},
         "smith.toml is invalid: lines.0: Value error, a line needs words"),
        ({"old smith.toml": 'name = "Brenna"\n'}, "may hold only letters"),
        ({"notes.txt": "not a persona"}, "holds no .toml persona files"),
    ],
)
def test_a_bad_persona_directory_stops_the_server_at_start(
    tmp_path: Path, files: dict[str, str], fragment: str
) -> None:
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    proc = subprocess.run(
        [sys.executable, "-m", "agent", "serve", "--port", "0", "--text-backend", "lexicon",
         "--no-audio", "--personas", str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode != 0 and fragment in proc.stderr, proc.stderr[-1500:]


def test_refused_facts_get_an_error_and_change_nothing(server_url: str) -> None:
    async def bargain() -> tuple:
        async with NpcClient.connect(server_url, persona="smith") as smith:
            refused = []
            for values in ({"sword price": "free"}, {"sword_price": True}, {}):
                await smith.ws.send(json.dumps({"type": "facts", "values": values}))
                refused.append(await smith.receive())
            for batch in range(4):  # 64 new facts each beside the file's one: 257 > 256
                await smith.facts(**{f"f{batch}_{i}": i for i in range(64)})
            refused.append(await smith.receive())
            turn = await smith.say("A sword, please.")
        return refused, turn

    refused, turn = asyncio.run(bargain())
    assert [(e["code"], e["ref"], e["fatal"]) for e in refused] == [("invalid", "facts", False)] * 4
    assert "at most 256 facts, got 257" in refused[-1]["message"]
    assert turn.text == "It's forty gold, and worth every coin."  # the session kept its facts


def test_the_python_example_runs_against_the_server(server_url: str) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "python_npc.py"
    done = subprocess.run([sys.executable, str(example), server_url], capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "A room's five silver a night" in out and "Still seven silver" in out
    assert out.count("line rumours") == 2  # the second by meaning, with no `when` word in it
    assert "Then drink somewhere else." in out and "line room_refused" in out
    assert re.search(r"feels (anger|reproach), line insulted", out), out


def run_headless(command: list[str], url: str) -> str:
    """Run an engine client's headless conversation against ``url``; what it printed, once it
    exited cleanly and ended with RESULT ok."""
    proc = subprocess.run(
        command, env={**os.environ, "AFFECT_URL": url},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    out = proc.stdout
    assert proc.returncode == 0, out[-2000:] + proc.stderr[-2000:]
    assert out.rstrip().endswith("RESULT ok")
    return out


def check_headless_transcript(out: str) -> None:
    """What an engine client's headless conversation prints (clients/unity/tests,
    clients/unreal/tests): 5 turns in protocol order with 52 blendshapes and distinct replies, a
    refused persona, a malformed frame survived, a gift's gratitude, grim's line before and
    after a price change, an insult that lowers liking, and a night that calms grim."""
    turns = [json.loads(line[5:]) for line in out.splitlines() if line.startswith("TURN ")]
    assert len(turns) == 5
    for types in turns:
        assert TURN_ORDER.match(" ".join(types)), types
    assert len(re.findall(r"^BLENDSHAPES 52 ", out, flags=re.M)) == 5
    replies = [json.loads(line[6:]) for line in out.splitlines() if line.startswith("REPLY ")]
    assert len(replies) == 5 and all(replies) and len(set(replies)) == 5
    assert "REFUSED bad_persona" in out and "ERROR bad_json fatal=False" in out
    event = next(line for line in out.splitlines() if line.startswith("EVENT "))
    assert event.startswith('EVENT ["emotion","expression","turn_end"] ')
    # a praiseworthy gift that is good for the NPC: gratitude (OCC compound, docs/protocol.md)
    assert event.endswith(" gratitude")
    lines = re.findall(r'^LINE (\w+) (\w+) (".*")$', out, flags=re.M)
    assert [(topic, strategy) for topic, strategy, _ in lines] == [("room", "Information")] * 2
    assert "five silver a night" in lines[0][2] and "Still seven silver" in lines[1][2]
    before, after = map(float, re.search(r"^LIKING (\S+) (\S+)$", out, flags=re.M).groups())
    assert before == 0.1 and after < before  # the insult event lowered grim's liking
    night = re.search(r"^NIGHT (\S+) (\w+) (\w+)$", out, flags=re.M)
    assert night is not None and night.group(1) == '["emotion","expression","turn_end"]'
    assert (night.group(2), night.group(3)) == ("anger", "neutral")  # a night calms grim
