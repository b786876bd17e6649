"""Server guards with a real client on loopback: token, rate limit, interrupt, speech out."""

from __future__ import annotations

import asyncio
import json
import shutil

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from agent.errors import AgentError
from agent.server.client import NpcClient, ServerError
from agent.server.server import AffectServer, RateLimiter, ServerLimits
from robots.visemes import voiced_span

pytestmark = pytest.mark.integration


def run(coro_fn, **server_kw):  # type: ignore[no-untyped-def]
    async def main():  # type: ignore[no-untyped-def]
        server = AffectServer(port=0, text="lexicon", **server_kw)
        await server.start()
        try:
            return await coro_fn(f"ws://127.0.0.1:{server.port}", server)
        finally:
            await server.close()

    return asyncio.run(main())


def test_binding_beyond_loopback_needs_a_token() -> None:
    with pytest.raises(AgentError, match="without a token"):
        AffectServer(host="0.0.0.0", port=0)
    AffectServer(host="0.0.0.0", port=0, token="s3cret").executor.shutdown()


def test_token_is_checked() -> None:
    async def go(url: str, server: AffectServer) -> tuple:
        with pytest.raises(ServerError, match="unauthorized"):
            async with NpcClient.connect(url, token="wrong"):
                pass
        async with NpcClient.connect(url, token="s3cret") as npc:
            turn = await npc.say("hello")
        await asyncio.sleep(0.3)  # the server notices the close
        return turn.types, len(server.sessions)

    types, open_sessions = run(go, token="s3cret")
    assert types[-1] == "turn_end" and open_sessions == 0


def test_rate_limit_drops_the_excess_and_keeps_the_session() -> None:
    async def go(url: str, server: AffectServer) -> tuple:
        async with NpcClient.connect(url) as npc:
            for _ in range(30):
                await npc.send({"type": "playback", "state": "position", "position_ms": 10})
            codes = []
            while True:
                try:
                    msg = await asyncio.wait_for(npc.receive(), 0.5)
                except TimeoutError:
                    break
                codes.append(msg["code"])  # type: ignore[index]
            await asyncio.sleep(1.0)  # the bucket refills
            turn = await npc.say("still ok?")
        return codes, turn.types

    codes, types = run(go, limits=ServerLimits(messages_per_s=5, burst=10))
    assert codes and set(codes) == {"rate_limited"} and 15 <= len(codes) <= 21
    assert types[-1] == "turn_end"


def test_rate_limiter_bucket() -> None:
    now = [0.0]
    bucket = RateLimiter(2.0, 3, clock=lambda: now[0])
    assert [bucket.allow() for _ in range(4)] == [True, True, True, False]
    now[0] = 1.0
    assert [bucket.allow() for _ in range(3)] == [True, True, False]


def test_session_ids_are_exclusive_and_resumable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    async def go(url: str, server: AffectServer) -> tuple:
        async with NpcClient.connect(url, session="npc-7") as npc:
            await npc.say("My name is Ada and I love sailing.")
            with pytest.raises(ServerError, match="session_busy"):
                async with NpcClient.connect(url, session="npc-7"):
                    pass
        async with NpcClient.connect(url, session="npc-7") as again:
            turn = await again.say("Do you remember me?")
        return turn.types, server.factory.store.turns("npc-7")  # type: ignore[union-attr]

    types, stored = run(go, db_path=str(tmp_path / "npc.db"))
    assert types[-1] == "turn_end" and len(stored) == 4


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt)")
def test_speech_out_with_visemes_timed_to_the_audio() -> None:
    async def go(url: str, server: AffectServer):  # type: ignore[no-untyped-def]
        async with NpcClient.connect(url, audio=True) as npc:
            assert npc.hello_ack["audio"] is True
            return await npc.say("Tell me about your day. I am all ears.")

    turn = run(go)
    types = [t for t in turn.types if t != "text_delta"]
    assert types == ["emotion", "expression", "visemes", "audio_start", "audio_end", "turn_end"]
    rate = turn.first("audio_start")["sample_rate_hz"]
    pcm = np.frombuffer(bytes(turn.audio), dtype="<i2")
    audio_ms = len(pcm) / rate * 1000.0
    assert turn.first("audio_end")["duration_ms"] == pytest.approx(audio_ms, abs=1.0)
    vis = turn.first("visemes")
    assert vis["timing"] == "audio" and vis["duration_ms"] == pytest.approx(audio_ms, abs=1.0)
    assert np.abs(pcm).max() > 1000  # real speech, not silence
    # the lips move exactly while the voice sounds: first/last frame at the voiced edges
    start_s, end_s = voiced_span(pcm.astype(np.float32) / 32768.0, rate)
    first, last = vis["frames"][0], vis["frames"][-1]
    assert first["start_ms"] == pytest.approx(start_s * 1000.0, abs=15.0)
    assert last["start_ms"] + last["duration_ms"] == pytest.approx(end_s * 1000.0, abs=15.0)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt)")
def test_interrupt_cuts_the_audio_and_still_ends_the_turn() -> None:
    async def go(url: str, server: AffectServer) -> tuple:
        async with NpcClient.connect(url, audio=True) as npc:
            await npc.send({"type": "user_text", "text": "Tell me a long story please."})
            seen = []
            while True:
                msg = await npc.receive()
                if isinstance(msg, bytes):
                    seen.append("pcm")
                    if seen.count("pcm") == 1:
                        await npc.send({"type": "interrupt"})
                    continue
                seen.append(msg["type"])
                if msg["type"] == "turn_end":
                    return seen, msg

    seen, end = run(go)
    assert end["interrupted"] is True and "audio_end" not in seen


def test_abrupt_disconnect_frees_the_session() -> None:
    async def go(url: str, server: AffectServer) -> int:
        ws = await connect(url)
        await ws.send(json.dumps({"type": "hello", "protocol": "affect-agent/1"}))
        await ws.recv()
        await ws.send(json.dumps({"type": "user_text", "text": "hi"}))
        await ws.close()
        await asyncio.sleep(0.3)
        with pytest.raises(ConnectionClosed):
            await ws.recv()
        return len(server.sessions)

    assert run(go) == 0


def test_failed_turn_and_oversized_frame_hit_only_their_session() -> None:
    async def go(url: str, server: AffectServer) -> tuple:
        async with NpcClient.connect(url) as other:
            async with NpcClient.connect(url) as npc:
                await npc.send({"type": "user_text", "text": "   "})  # nothing to read
                failed = await npc.receive()
                ok = await npc.say("Now a real sentence.")
            raw = await connect(url, max_size=None)
            await raw.send(json.dumps({"type": "hello", "protocol": "affect-agent/1"}))
            await raw.recv()
            await raw.send("x" * (ServerLimits().hard_frame_bytes + 10))  # over the hard cap
            with pytest.raises(ConnectionClosed) as closed:
                await raw.recv()
            after = await other.say("Are you fine?")
        return failed, ok.types, closed.value.rcvd.code, after.types

    failed, ok, close_code, after = run(go)
    assert failed["code"] == "turn_failed" and "empty" in failed["message"]
    assert ok[-1] == after[-1] == "turn_end"
    assert close_code == 1009  # message too big, refused before buffering


def test_is_loopback() -> None:
    from agent.server.server import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert not is_loopback("example.org")


def test_hello_timeout_second_hello_and_full_server() -> None:
    async def go(url: str, server: AffectServer) -> tuple:
        silent = await connect(url)
        timeout = json.loads(await silent.recv())  # nothing sent: closed after the timeout
        with pytest.raises(ConnectionClosed):
            await silent.recv()
        async with NpcClient.connect(url) as npc:
            await npc.send({"type": "hello", "protocol": "affect-agent/1"})
            again = await npc.receive()
            with pytest.raises(ServerError, match="server_full"):
                async with NpcClient.connect(url):
                    pass
        return timeout, again

    timeout, again = run(go, limits=ServerLimits(hello_timeout_s=0.3, max_sessions=1))
    assert timeout["code"] == "hello_timeout" and timeout["fatal"]
    assert again["code"] == "already_open" and not again["fatal"]


def test_engine_perception_is_fused_into_the_next_turn() -> None:
    async def go(url: str, server: AffectServer) -> tuple:
        async with NpcClient.connect(url) as npc:
            plain = await npc.say("I went to the market.")
            face = {"valence": -0.8, "arousal": -0.3}
            await npc.send({"type": "perception", "modality": "face", "label": "sad",
                            "vad": face, "confidence": 0.95})  # fmt: skip
            seen = await npc.say("I went to the market.")
        return plain.first("turn_end")["user"], seen.first("turn_end")["user"]

    plain, seen = run(go)
    assert plain["modality"] == "text"
    assert seen["modality"] == "fused" and seen["valence"] < plain["valence"] - 0.2
