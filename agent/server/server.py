"""The engine server: a ``websockets`` asyncio server, one connection per NPC session.

Frames are parsed and answered on the event loop; agent work (models, SQLite) runs on one
dedicated thread so the loop keeps serving every other session meanwhile, and no agent object is
ever touched by two threads. A failure inside one session becomes an ``error`` message to that
session alone.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from agent.errors import AgentError
from agent.server import protocol as p
from agent.server.session import AgentFactory, NpcSession, new_session_id

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServerLimits:
    max_message_bytes: int = 64 * 1024
    max_audio_bytes: int = 4 * 1024 * 1024
    messages_per_s: float = 20.0
    burst: int = 40
    max_sessions: int = 1000
    hello_timeout_s: float = 30.0
    hard_frame_bytes: int = 1024 * 1024
    """Frames above this are refused by websockets itself (close 1009), never buffered."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RateLimiter:
    """A token bucket: ``rate`` messages a second on average, ``burst`` at once."""

    def __init__(self, rate: float, burst: int, clock: Any = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, float(burst), clock
        self.tokens, self.last = float(burst), clock()

    def allow(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class AffectServer:
    """Serves NPC sessions over WebSocket with the ``affect-agent/1`` protocol."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 8765,
        token: str | None = None,
        db_path: str | None = None,
        limits: ServerLimits | None = None,
        audio: bool = True,
        persona_dir: str | None = None,
        text_options: Mapping[str, Any] | None = None,
        **backend_overrides: str,
    ) -> None:
        if not is_loopback(host) and not token:
            raise AgentError(
                f"refusing to serve on {host} without a token: pass --token (or AFFECT_TOKEN); "
                "only loopback addresses may run without one"
            )
        self.host, self.port, self.token = host, port, token
        self.limits = limits or ServerLimits()
        self.audio = audio
        self.factory = AgentFactory(db_path=db_path, persona_dir=persona_dir,
                                    text_options=text_options, **backend_overrides)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="affect-agent")
        self.sessions: dict[str, NpcSession] = {}
        self._tts: Any = None
        self._server: Server | None = None

    async def start(self) -> Server:
        self._server = await serve(
            self._connection,
            self.host,
            self.port,
            max_size=self.limits.hard_frame_bytes,
            compression=None,
        )
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]
        log.info("affect server on ws://%s:%d (%s)", self.host, self.port, p.PROTOCOL)
        return self._server

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        self.executor.shutdown(wait=True)

    async def _run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    # -- one connection -----------------------------------------------------------------------

    async def _connection(self, ws: ServerConnection) -> None:
        conn = _Connection(self, ws)
        try:
            await conn.serve()
        except ConnectionClosed:
            pass
        finally:
            if conn.session is not None:
                sid = conn.session.session_id
                self.sessions.pop(sid, None)
                await self._run(self.factory.release, sid)

    def _make_tts(self) -> Any:
        """The embedded TTS (espeak-ng) once, or None when the voice floor cannot speak here."""
        if self._tts is None:
            try:
                from voice.tts import EspeakTTS

                self._tts = EspeakTTS()
            except Exception as exc:  # noqa: BLE001 - any failure means "no audio", said once
                log.info("no speech output for NPCs: %s", exc)
                self._tts = False
        return self._tts or None


class _Connection:
    """The state of one WebSocket: hello, rate limit, audio buffer, turn ordering."""

    def __init__(self, server: AffectServer, ws: ServerConnection) -> None:
        self.server, self.ws = server, ws
        self.limits = server.limits
        self.rate = RateLimiter(self.limits.messages_per_s, self.limits.burst)
        self.session: NpcSession | None = None
        self.audio: bytearray | None = None
        self.audio_start: p.UserAudioStart | None = None
        self.turn_lock = asyncio.Lock()
        self.interrupted = asyncio.Event()
        self.tasks: set[asyncio.Task[None]] = set()

    async def send(self, msg: BaseModel | bytes) -> None:
        await self.ws.send(msg if isinstance(msg, bytes) else msg.model_dump_json())

    async def error(
        self, code: str, message: str, *, ref: str | None = None, fatal: bool = False
    ) -> None:
        await self.send(p.Error(code=code, message=message, ref=ref, fatal=fatal))
        if fatal:
            await self.ws.close(1008, code)

    async def serve(self) -> None:
        try:
            first = await asyncio.wait_for(self.ws.recv(), self.limits.hello_timeout_s)
        except TimeoutError:
            await self.error("hello_timeout", "send hello first", fatal=True)
            return
        await self.frame(first)
        async for frame in self.ws:
            await self.frame(frame)
        for task in list(self.tasks):
            task.cancel()

    async def frame(self, frame: str | bytes) -> None:
        if not self.rate.allow():
            await self.error("rate_limited", f"over {self.limits.messages_per_s:g} messages/s")
            return
        if isinstance(frame, bytes):
            await self.binary(frame)
            return
        if len(frame) > self.limits.max_message_bytes:
            await self.error(
                "too_large", f"text frames are at most {self.limits.max_message_bytes} bytes"
            )
            return
        try:
            msg = p.parse_client(frame)
        except p.ProtocolError as exc:
            await self.error(exc.code, str(exc), ref=exc.ref)
            return
        if self.session is None and not isinstance(msg, p.Hello):
            kind = getattr(msg, "type", None)
            await self.error("hello_first", "send hello before anything else", ref=kind)
            return
        await self.dispatch(msg)

    async def dispatch(self, msg: BaseModel) -> None:
        match msg:
            case p.Hello():
                await self.hello(msg)
            case p.UserText():
                self.spawn(self.turn(msg.text, msg.speaker, msg.turn_id))
            case p.Perception():
                assert self.session is not None
                self.session.perceive(msg)
            case p.GameEvent():
                self.spawn(self.game_event(msg))
            case p.Facts():
                self.spawn(self.facts(msg))
            case p.TimePassed():
                self.spawn(self.time_passed(msg))
            case p.Interrupt():
                self.interrupted.set()
            case p.UserAudioStart():
                self.audio, self.audio_start = bytearray(), msg
            case p.UserAudioEnd():
                await self.audio_end()
            case p.Playback():
                pass  # accepted; this version times nothing by it

    def spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def hello(self, msg: p.Hello) -> None:
        server = self.server
        if self.session is not None:
            await self.error("already_open", "this connection already has a session", ref="hello")
            return
        if server.token and not hmac.compare_digest(
            (msg.token or "").encode(), server.token.encode()
        ):
            await self.error("unauthorized", "missing or wrong token", ref="hello", fatal=True)
            return
        if len(server.sessions) >= self.limits.max_sessions:
            await self.error("server_full", "too many sessions; retry later", fatal=True)
            return
        sid = msg.session or new_session_id()
        if sid in server.sessions:
            await self.error("session_busy", f"session {sid} is open elsewhere", ref="hello")
            return
        server.sessions[sid] = None  # type: ignore[assignment]  # reserve the id while building
        try:
            agent = await server._run(server.factory.create, msg.persona, sid)
            tts = await server._run(server._make_tts) if (msg.audio and server.audio) else None
        except AgentError as exc:
            server.sessions.pop(sid, None)
            await self.error("bad_persona", str(exc), ref="hello")
            return
        self.session = NpcSession(agent=agent, session_id=sid, tts=tts)
        server.sessions[sid] = self.session
        limits = p.Limits(
            max_message_bytes=self.limits.max_message_bytes,
            max_audio_bytes=self.limits.max_audio_bytes,
            messages_per_s=self.limits.messages_per_s,
        )
        await self.send(
            p.HelloAck(
                session=sid, persona=agent.persona.name, audio=tts is not None, limits=limits
            )
        )

    async def turn(
        self, text: str, speaker: str, turn_id: str | None, *, heard: bool = False
    ) -> None:
        assert self.session is not None
        async with self.turn_lock:
            self.interrupted.clear()
            tid = self.session.new_turn_id(turn_id)
            if heard:
                await self.send(p.Transcript(turn_id=tid, text=text))
            try:
                out = await self.server._run(self.session.turn, text, speaker, tid)
            except (AgentError, ValueError) as exc:
                await self.error("turn_failed", str(exc)[:300], ref="user_text")
                return
            except Exception as exc:  # noqa: BLE001 - one session's bug must not end the server
                log.exception("turn failed in session %s", self.session.session_id)
                await self.error("internal", f"the turn failed ({type(exc).__name__})")
                return
            await self.stream(out, tid)

    async def facts(self, msg: p.Facts) -> None:
        """New fact values, in order with the turns (a turn already asked keeps the old ones)."""
        assert self.session is not None
        async with self.turn_lock:
            try:
                await self.server._run(self.session.set_facts, msg.values)
            except ValueError as exc:
                await self.error("invalid", f"facts: {exc}"[:300], ref="facts")

    async def game_event(self, msg: p.GameEvent) -> None:
        assert self.session is not None
        await self._engine_turn(self.session.game_event, msg, code="event_failed", ref="game_event")

    async def time_passed(self, msg: p.TimePassed) -> None:
        """Game time gone by, in order with the turns; the NPC's emotion afterwards."""
        assert self.session is not None
        await self._engine_turn(self.session.time_passed, msg.seconds, code="invalid",
                                ref="time_passed")

    async def _engine_turn(self, call: Any, arg: Any, *, code: str, ref: str) -> None:
        """A turn the engine starts without words (a game event, time passing), in order with
        the others: ``call(arg, turn_id)`` in the worker, its messages streamed, or an error."""
        assert self.session is not None
        async with self.turn_lock:
            self.interrupted.clear()
            tid = self.session.new_turn_id(None)
            try:
                out = await self.server._run(call, arg, tid)
            except (AgentError, ValueError) as exc:
                await self.error(code, str(exc)[:300], ref=ref)
                return
            await self.stream(out, tid)

    async def stream(self, out: list[BaseModel | bytes], turn_id: str) -> None:
        """Send a turn's messages in order; an interrupt skips the rest but still ends the turn."""
        for msg in out:
            if self.interrupted.is_set():
                end = out[-1]
                assert isinstance(end, p.TurnEnd)
                await self.send(end.model_copy(update={"interrupted": True}))
                return
            await self.send(msg)
            if isinstance(msg, bytes):
                await asyncio.sleep(0)  # let an interrupt in between audio chunks

    async def binary(self, frame: bytes) -> None:
        if self.audio is None:
            await self.error("unexpected_binary", "binary frames only after user_audio_start")
            return
        if len(self.audio) + len(frame) > self.limits.max_audio_bytes:
            self.audio = None
            await self.error("too_large", f"an utterance is at most {self.limits.max_audio_bytes}"
                             " bytes of audio; the utterance was dropped")  # fmt: skip
            return
        self.audio.extend(frame)

    async def audio_end(self) -> None:
        if self.audio is None or self.audio_start is None:
            await self.error("unexpected", "user_audio_end without user_audio_start")
            return
        pcm, start = bytes(self.audio), self.audio_start
        self.audio, self.audio_start = None, None
        try:
            text = await self.server._run(_transcribe, pcm, start.sample_rate_hz)
        except AgentError as exc:
            await self.error("asr_failed", str(exc), ref="user_audio_end")
            return
        if not text.strip():
            await self.error("no_speech", "no words were heard in that audio", ref="user_audio_end")
            return
        self.spawn(self.turn(text, start.speaker, start.turn_id, heard=True))


_asr: Any = None


def _transcribe(pcm: bytes, rate_hz: int) -> str:
    """Whisper (voice floor) on 16-bit PCM; AgentError when the voice extra is missing."""
    global _asr
    import numpy as np

    if len(pcm) % 2:
        raise AgentError("audio must be 16-bit PCM: an odd number of bytes arrived")
    try:
        from voice.asr import WhisperASR
        from voice.audio import AudioClip
        from voice.errors import VoiceError
    except ImportError as exc:
        raise AgentError(
            f'audio input needs the voice extra: pip install "affective-agent[voice]" ({exc})'
        ) from exc
    try:
        if _asr is None:
            _asr = WhisperASR()
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        clip = AudioClip(samples, rate_hz).resampled(16_000)
        return str(_asr.transcribe(clip).text)
    except (VoiceError, ImportError) as exc:
        raise AgentError(f"speech recognition is unavailable or failed: {exc}") from exc
