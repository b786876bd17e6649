"""Random frames against a live server: nothing closes the session or stops the next turn."""

from __future__ import annotations

import asyncio
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.server import protocol as p
from agent.server.client import NpcClient
from agent.server.server import AffectServer, ServerLimits

pytestmark = pytest.mark.integration

_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12))
_objects = st.builds(
    lambda kind, fields: json.dumps({**fields, "type": kind}),
    # audio_end is left out: it would run Whisper on random bytes (tested in tests/backends)
    st.sampled_from([t for t in p.CLIENT_TYPES if t != "user_audio_end"]),
    st.dictionaries(st.sampled_from(["text", "protocol", "vad", "event", "state", "modality",
                                     "desirability", "persona", "x"]), _values, max_size=4),
)  # fmt: skip
_frames = st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80), _objects), max_size=25)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_frames)
def test_random_frames_never_break_the_session(frames: list[str | bytes]) -> None:
    async def go() -> list[dict]:
        server = AffectServer(port=0, text="lexicon", audio=False,
                              limits=ServerLimits(messages_per_s=1000, burst=1000))  # fmt: skip
        await server.start()
        try:
            async with NpcClient.connect(f"ws://127.0.0.1:{server.port}") as npc:
                for frame in frames:
                    await npc.ws.send(frame)
                await npc.send({"type": "user_text", "text": "still here?", "turn_id": "last"})
                received = []
                while True:
                    msg = await asyncio.wait_for(npc.receive(), 60)
                    if isinstance(msg, bytes):
                        continue
                    received.append(msg)
                    if msg["type"] == "turn_end" and msg["turn_id"] == "last":
                        return received
        finally:
            await server.close()

    received = asyncio.run(go())
    assert not any(m["type"] == "error" and m["fatal"] for m in received)
    for m in received:
        p.parse_server(json.dumps(m))
