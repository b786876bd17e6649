"""A Python client of the ``affect-agent/1`` protocol, for scripts, tests and benchmarks.

>>> # async with NpcClient.connect("ws://127.0.0.1:8765", persona="grim") as npc:
>>> #     turn = await npc.say("You cheated me!")
>>> #     turn.emotion["label"], turn.text
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from agent.errors import AgentError
from agent.server.protocol import PROTOCOL


class ServerError(AgentError):
    """The server answered with an ``error`` message."""

    def __init__(self, message: dict[str, Any]) -> None:
        super().__init__(f"{message.get('code')}: {message.get('message')}")
        self.message = message


@dataclass
class Turn:
    """Everything the server sent for one turn, in arrival order."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    audio: bytearray = field(default_factory=bytearray)
    latency_ms: float = 0.0

    @property
    def types(self) -> list[str]:
        return [m["type"] for m in self.messages]

    @property
    def text(self) -> str:
        return "".join(m["text"] for m in self.messages if m["type"] == "text_delta")

    def first(self, kind: str) -> dict[str, Any]:
        for m in self.messages:
            if m["type"] == kind:
                return m
        raise KeyError(f"no {kind} message in this turn (got {self.types})")

    @property
    def emotion(self) -> dict[str, Any]:
        return self.first("emotion")

    @property
    def blendshapes(self) -> dict[str, float]:
        return dict(self.first("expression")["blendshapes"])

    @property
    def visemes(self) -> list[dict[str, Any]]:
        return list(self.first("visemes")["frames"])


class NpcClient:
    """One NPC session over one WebSocket connection."""

    def __init__(self, ws: ClientConnection, hello_ack: dict[str, Any]) -> None:
        self.ws = ws
        self.hello_ack = hello_ack

    @classmethod
    def connect(cls, url: str, **hello: Any) -> _Connect:
        return _Connect(url, hello)

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def receive(self) -> dict[str, Any] | bytes:
        frame = await self.ws.recv()
        return frame if isinstance(frame, bytes) else json.loads(frame)

    async def collect(self) -> Turn:
        """Messages until ``turn_end``; raises ServerError on an ``error`` message."""
        turn = Turn()
        t0 = time.perf_counter()
        while True:
            msg = await self.receive()
            if isinstance(msg, bytes):
                turn.audio.extend(msg)
                continue
            if msg["type"] == "error":
                raise ServerError(msg)
            turn.messages.append(msg)
            if msg["type"] == "turn_end":
                turn.latency_ms = (time.perf_counter() - t0) * 1000.0
                return turn

    async def say(self, text: str, **extra: Any) -> Turn:
        await self.send({"type": "user_text", "text": text, **extra})
        return await self.collect()

    async def event(self, event: str, **fields: Any) -> Turn:
        await self.send({"type": "game_event", "event": event, **fields})
        return await self.collect()

    async def pass_time(self, seconds: float) -> Turn:
        """Game time gone by at once (a night's sleep): the NPC's emotion afterwards."""
        await self.send({"type": "time_passed", "seconds": seconds})
        return await self.collect()

    async def facts(self, **values: str | int | float) -> None:
        """Set named facts of the game world; the server answers only with an ``error`` (which
        the next ``collect`` raises) when they are refused."""
        await self.send({"type": "facts", "values": values})

    async def close(self) -> None:
        await self.ws.close()


class _Connect:
    """``async with NpcClient.connect(url, persona=...) as npc`` (sends hello, awaits hello_ack)."""

    def __init__(self, url: str, hello: dict[str, Any]) -> None:
        self.url, self.hello = url, hello
        self.client: NpcClient | None = None

    async def __aenter__(self) -> NpcClient:
        ws = await connect(self.url, max_size=2**22, compression=None)
        await ws.send(json.dumps({"type": "hello", "protocol": PROTOCOL, **self.hello}))
        ack = json.loads(await ws.recv())
        if ack.get("type") != "hello_ack":
            await ws.close()
            raise ServerError(ack)
        self.client = NpcClient(ws, ack)
        return self.client

    async def __aexit__(self, *exc: object) -> None:
        if self.client is not None:
            await self.client.close()
