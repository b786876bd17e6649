"""Frames and the async streaming pipeline, with a control lane that overtakes queued data.

Everything that flows is a small frozen dataclass (a frame). ``Pipeline([a, b, c])`` runs each
processor in its own task with two inboxes: ordered data frames, and control frames
(interrupt, cancel) that are handled at once. An ``InterruptFrame`` cancels the frame a
processor is working on and drops the data frames still queued for it, so stopping the agent's
speech never waits behind audio already produced. ``run_test`` drives one processor (or a
pipeline) with frames and checks what comes out; it ships here so every processor is tested
the same way.

    >>> import asyncio
    >>> class Upper(Processor):
    ...     async def process(self, frame, push):
    ...         await push(TextFrame(frame.text.upper()) if isinstance(frame, TextFrame) else frame)
    >>> out = asyncio.run(run_test(Upper(), send=[TextFrame("hi")], expect=[TextFrame("HI")]))
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from agent.errors import AgentError

Push = Callable[["Frame"], Awaitable[None]]


@dataclass(frozen=True)
class Frame:
    """Anything that flows through a pipeline."""


@dataclass(frozen=True)
class ControlFrame(Frame):
    """Frames on the priority lane: handled as soon as they arrive, ahead of queued data."""


@dataclass(frozen=True)
class InterruptFrame(ControlFrame):
    """The user took the floor: drop queued output and cancel work in progress."""

    reason: str = "barge-in"
    t_s: float = 0.0


@dataclass(frozen=True)
class CancelFrame(ControlFrame):
    """Stop every processor now."""


@dataclass(frozen=True)
class EndFrame(Frame):
    """Ordered end of stream: processors finish what is queued before it, then stop."""


@dataclass(frozen=True)
class TextFrame(Frame):
    text: str


@dataclass(frozen=True, eq=False)
class AudioFrame(Frame):
    """Mono float32 samples; ``t_s`` is the stream time of the first sample."""

    samples: np.ndarray
    sample_rate_hz: int
    t_s: float = 0.0

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, AudioFrame)
            and type(other) is type(self)
            and self.sample_rate_hz == other.sample_rate_hz
            and np.array_equal(self.samples, other.samples)
        )

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, eq=False)
class AudioOutFrame(AudioFrame):
    """Agent speech to play; ``first`` marks the first chunk of a reply."""

    first: bool = False


@dataclass(frozen=True)
class UserStartedSpeakingFrame(Frame):
    t_s: float


@dataclass(frozen=True)
class TranscriptFrame(Frame):
    text: str
    final: bool
    t_s: float = 0.0


@dataclass(frozen=True)
class UserTurnFrame(Frame):
    """A finished user turn: words, voice estimates, and where the speech ended."""

    text: str
    speech_end_s: float
    estimates: tuple[Any, ...] = ()
    duration_s: float = 0.0
    """How long the user spoke (for their speaking rate)."""
    timings_ms: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    draft: Any = field(default=None, hash=False, compare=False)
    """A reply drafted and being spoken since the user's pause (agent.voice_draft)."""


@dataclass(frozen=True)
class ReplyFrame(Frame):
    """The agent's answer to speak, with the prosody its emotion calls for."""

    text: str
    prosody: Any = None
    reply: Any = field(default=None, hash=False, compare=False)
    speech_end_s: float = 0.0
    spoken: Any = field(default=None, hash=False, compare=False)
    """The drafted speech of exactly this reply, to play instead of synthesising it again."""


@dataclass(frozen=True)
class ErrorFrame(Frame):
    """A processor failed on one frame; the session goes on."""

    message: str


class Processor:
    """A stage of a pipeline; subclasses override ``process`` (and ``on_control``)."""

    name: str = ""

    async def process(self, frame: Frame, push: Push) -> None:
        await push(frame)

    async def on_control(self, frame: ControlFrame, push: Push) -> None:
        await push(frame)

    async def start(self) -> None:
        """Called once before the first frame."""

    async def close(self) -> None:
        """Called once after the last frame."""


class Pipeline:
    """Processors in a row, each in its own task, with a data lane and a control lane."""

    def __init__(self, processors: Sequence[Processor], *, max_queue: int = 1000) -> None:
        if not processors:
            raise AgentError("a pipeline needs at least one processor")
        self.processors = list(processors)
        n = len(self.processors)
        self._data: list[asyncio.Queue[Frame]] = [asyncio.Queue(max_queue) for _ in range(n)]
        self._ctrl: list[asyncio.Queue[ControlFrame]] = [asyncio.Queue() for _ in range(n)]
        self.output: asyncio.Queue[Frame] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._work: list[asyncio.Task[None] | None] = [None] * n

    async def start(self) -> None:
        for p in self.processors:
            await p.start()
        for i in range(len(self.processors)):
            self._tasks.append(asyncio.create_task(self._data_loop(i)))
            self._tasks.append(asyncio.create_task(self._ctrl_loop(i)))

    async def send(self, frame: Frame) -> None:
        await self._route(0, frame)

    async def _route(self, index: int, frame: Frame) -> None:
        if index >= len(self.processors):
            await self.output.put(frame)
        elif isinstance(frame, ControlFrame):
            await self._ctrl[index].put(frame)
        else:
            await self._data[index].put(frame)

    def _pusher(self, index: int) -> Push:
        async def push(frame: Frame) -> None:
            await self._route(index + 1, frame)

        return push

    async def _data_loop(self, i: int) -> None:
        proc, push = self.processors[i], self._pusher(i)
        while True:
            frame = await self._data[i].get()
            if isinstance(frame, EndFrame):
                await push(frame)
                return
            work = asyncio.create_task(proc.process(frame, push))
            self._work[i] = work
            try:
                await work
            except asyncio.CancelledError:
                if not work.cancelled():
                    raise  # the loop itself is being cancelled
            except Exception as exc:  # noqa: BLE001 - one bad frame must not end the session
                await push(ErrorFrame(f"{proc.name or type(proc).__name__}: {exc}"))
            finally:
                self._work[i] = None

    async def _ctrl_loop(self, i: int) -> None:
        proc, push = self.processors[i], self._pusher(i)
        while True:
            frame = await self._ctrl[i].get()
            if isinstance(frame, InterruptFrame):
                work = self._work[i]
                if work is not None:
                    work.cancel()
                kept = []
                while not self._data[i].empty():
                    queued = self._data[i].get_nowait()
                    if isinstance(queued, EndFrame | UserTurnFrame):
                        kept.append(queued)  # the user's own turn survives the interruption
                for queued in kept:
                    self._data[i].put_nowait(queued)
            try:
                await proc.on_control(frame, push)
            except Exception as exc:  # noqa: BLE001
                await push(ErrorFrame(f"{proc.name or type(proc).__name__}: {exc}"))
            if isinstance(frame, CancelFrame):
                return

    async def wait_idle(self, *, timeout_s: float = 30.0) -> None:
        """Wait until no processor has queued or running work."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        while loop.time() < deadline:
            busy = (any(w is not None for w in self._work)
                    or any(not q.empty() for q in self._data)
                    or any(not q.empty() for q in self._ctrl))
            if not busy:
                return
            await asyncio.sleep(0.005)
        raise AgentError(f"pipeline still busy after {timeout_s} s")

    async def stop(self, *, timeout_s: float = 30.0) -> list[Frame]:
        """Send an EndFrame, let queued work finish, and return every frame that came out."""
        await self.send(EndFrame())
        data_tasks = self._tasks[0::2]
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(asyncio.gather(*data_tasks), timeout_s)
        for t in self._tasks:
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for p in self.processors:
            await p.close()
        out = []
        while not self.output.empty():
            out.append(self.output.get_nowait())
        return out


async def run_test(
    processor: Processor | Sequence[Processor],
    *,
    send: Sequence[Frame],
    expect: Sequence[type[Frame] | Frame | Callable[[Frame], bool]] | None = None,
    timeout_s: float = 30.0,
) -> list[Frame]:
    """Send ``send`` through a processor (or several), return what came out (EndFrame excluded).

    Each ``expect`` item is a frame type, an equal frame, or a predicate, matched in order
    against the output; a mismatch raises AssertionError naming both sides.
    """
    procs = [processor] if isinstance(processor, Processor) else list(processor)
    pipe = Pipeline(procs)
    await pipe.start()
    for frame in send:
        await pipe.send(frame)
        if isinstance(frame, ControlFrame):
            await asyncio.sleep(0)  # let the control lane run before the next data frame
    out = [f for f in await pipe.stop(timeout_s=timeout_s) if not isinstance(f, EndFrame)]
    if expect is not None:
        if len(out) != len(expect):
            raise AssertionError(f"expected {len(expect)} frames, got {len(out)}: {out!r}")
        for got, want in zip(out, expect, strict=True):
            if isinstance(want, type):
                ok = isinstance(got, want)
            elif isinstance(want, Frame):
                ok = got == want
            else:
                ok = bool(want(got))
            if not ok:
                raise AssertionError(f"expected {want!r}, got {got!r}")
    return out
