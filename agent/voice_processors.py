"""The voice assistant as pipeline processors: turn-taking -> responder -> TTS -> output.

``TurnProcessor`` listens to 16 kHz audio frames: speech activity per 32 ms, end of turn with
the adaptive silence, partial transcripts while the user speaks, a speculative transcript as
soon as they pause (so ASR overlaps the end-of-turn wait), then a drafted reply whose first
chunk is synthesised during the wait (agent.voice_draft), and barge-in while the agent talks.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from agent.pipeline import (
    AudioFrame,
    AudioOutFrame,
    ControlFrame,
    Frame,
    InterruptFrame,
    Processor,
    Push,
    ReplyFrame,
    TranscriptFrame,
    UserStartedSpeakingFrame,
    UserTurnFrame,
)
from agent.voice_draft import Speculation, draft_matches, playable, start_draft
from agent.voice_loop import VoiceAssistant, rms
from voice.audio import ASR_RATE_HZ, AudioClip, resample
from voice.echo import DelayGainEchoCanceller
from voice.turn_taking import (
    BargeAction,
    BargeInDetector,
    EchoGuard,
    EndOfTurnDetector,
    TurnEvent,
    speech_level,
)


@dataclass(frozen=True)
class ReplyDoneFrame(Frame):
    """The last audio of a reply has been produced."""


@dataclass
class Playback:
    """What the agent is saying right now, shared by the output (writer) and the listener."""

    active: bool = False
    gain: float = 1.0
    level: float = 0.0
    """Loudest output of the last 100 ms (five 20 ms pieces): the echo guard's reference."""
    recent: deque[float] = field(default_factory=lambda: deque(maxlen=5))
    text: str = ""
    """What the agent is saying (for displays and logs of the session)."""
    canceller: DelayGainEchoCanceller = field(default_factory=DelayGainEchoCanceller)
    events: list[tuple[str, float, float]] = field(default_factory=list)
    """(kind, wall-clock time, stream time) of first audio, stops and reply ends."""


class TurnProcessor(Processor):
    """Audio frames in; UserStartedSpeaking, Transcript, UserTurn and Interrupt frames out."""

    name = "turn"

    def __init__(self, assistant: VoiceAssistant, playback: Playback, *,
                 partial_every_s: float = 1.5, preroll_s: float = 0.3,
                 draft_replies: bool = True) -> None:
        """``partial_every_s``: seconds of speech between partial transcripts. A partial still
        running at the end of the turn competes with the final one for the 2 cores: measured,
        no partials at all took ~100 ms off the Piper p50 (902 -> 798 ms).
        ``draft_replies``: draft the reply and synthesise its first chunk at each pause."""
        self.draft_replies = draft_replies
        self.a, self.playback = assistant, playback
        self.eot = EndOfTurnDetector(config=assistant.turn)
        self.barge = BargeInDetector(config=assistant.turn)
        self.echo = EchoGuard(margin=assistant.turn.echo_margin)
        self.partial_every_s, self.preroll_s = partial_every_s, preroll_s
        self._pending = np.zeros(0, dtype=np.float32)
        self._t = 0.0
        self._frames: list[np.ndarray] = []
        self._pre: list[np.ndarray] = []
        self._spec: Speculation | None = None
        self._partial: asyncio.Task[Any] | None = None
        self._last_partial_n = 0
        self._agent_was_active = False
        self._start_s = 0.0

    async def process(self, frame: Frame, push: Push) -> None:
        if not isinstance(frame, AudioFrame) or isinstance(frame, AudioOutFrame):
            await push(frame)
            return
        x = frame.samples
        if frame.sample_rate_hz != ASR_RATE_HZ:
            x = resample(x, frame.sample_rate_hz, ASR_RATE_HZ)
        self._pending = np.concatenate([self._pending, x.astype(np.float32)])
        n = self.a.vad.frame_samples
        while len(self._pending) >= n:
            chunk, self._pending = self._pending[:n], self._pending[n:]
            await self._frame(chunk, push)
            self._t += n / ASR_RATE_HZ

    async def _frame(self, chunk: np.ndarray, push: Push) -> None:
        frame_s = len(chunk) / ASR_RATE_HZ
        if self.playback.active:
            chunk = self.playback.canceller.cancel(chunk)
        prob = self.a.vad.speech_probability(chunk)
        level = rms(chunk)
        if self.playback.active:
            if not self._agent_was_active:
                self.barge.reset()
            level = self.echo.user_level(level, self.playback.level)
            if level <= 0.0:
                prob = 0.0  # the agent's own voice coming back through the microphone
            action = self.barge.update(prob, level, self._t, frame_s)
            if action is BargeAction.STOP:
                self.playback.active = False
                self.playback.events.append(("interrupt", time.perf_counter(), self._t))
                await push(InterruptFrame(reason="barge-in", t_s=self.barge.onset_s or self._t))
            elif action is BargeAction.DUCK:
                self.playback.gain = 0.3
            elif action is BargeAction.RESTORE:
                self.playback.gain = 1.0
                self._drop_backchannel()
                self._agent_was_active = self.playback.active
                return
        self._agent_was_active = self.playback.active
        await self._listen(chunk, prob, frame_s, push)

    def _drop_backchannel(self) -> None:
        """A short, soft stretch over the agent's speech ended: a backchannel, not a turn."""
        self.eot = EndOfTurnDetector(config=self.a.turn, silence_ms=self.eot.silence_ms)
        self._frames = []
        self._drop_speculation()

    def _drop_speculation(self) -> None:
        if self._spec is not None:
            self._spec.drop()
        self._spec = None

    async def _listen(self, chunk: np.ndarray, prob: float, frame_s: float, push: Push) -> None:
        if self.eot.speaking or self._frames:
            self._frames.append(chunk)
        else:
            self._pre.append(chunk)
            del self._pre[: -max(1, int(self.preroll_s / frame_s))]
        event = self.eot.update(prob, self._t, frame_s)
        if event is TurnEvent.SPEECH_STARTED:
            self._frames = [*self._pre, chunk]
            self._pre = []
            self._start_s = self._t + frame_s - self.a.turn.onset_ms / 1000.0
            await push(UserStartedSpeakingFrame(self._t))
        elif event is TurnEvent.PAUSED:
            self._drop_speculation()
            self._spec = self._hear_later()
        elif event is TurnEvent.RESUMED:
            self._drop_speculation()  # the user goes on: the draft's words are not the turn's
        elif event is TurnEvent.END_OF_TURN:
            await self._end_of_turn(push)
            return
        await self._partials(push)

    def _hear_later(self) -> Speculation:
        clip = AudioClip(np.concatenate(self._frames), ASR_RATE_HZ)
        spec = Speculation()
        spec.task = asyncio.create_task(self._speculate(clip, spec))
        return spec

    async def _speculate(self, clip: AudioClip, spec: Speculation) -> tuple[Any, Any, float]:
        """Hear ``clip``; unless the user has resumed, draft the reply and start speaking it."""
        heard = await self._hear(clip)
        events = self.playback.events
        events.append(("heard", time.perf_counter(), 0.0))
        if not (self.draft_replies and not spec.dropped and heard[0].text):
            return heard
        try:
            reply = await self.a.on_agent_thread(self.a.preview, heard[0].text, heard[1])
            if spec.dropped:  # the user resumed while the reply was being drafted
                return heard
            spec.draft = start_draft(self.a, reply, heard[0].text)
        except Exception:  # noqa: BLE001 - no draft: the turn is answered the usual way
            spec.draft = None
            return heard
        events.append(("draft", time.perf_counter(), 0.0))
        spec.draft.first.add_done_callback(
            lambda _: events.append(("draft_audio", time.perf_counter(), 0.0)))
        return heard

    async def _hear(self, clip: AudioClip) -> tuple[Any, Any, float]:
        """Transcript and voice estimate of ``clip``, computed side by side in threads."""

        def transcribe() -> tuple[Any, float]:
            mark = time.perf_counter()
            return self.a.asr.transcribe(clip), (time.perf_counter() - mark) * 1000

        def feel() -> Any:
            if self.a.speech is None:
                return None
            try:
                return self.a.speech.predict(clip.samples, ASR_RATE_HZ)
            except Exception:  # noqa: BLE001 - a turn without a voice estimate is still a turn
                return None

        (transcript, asr_ms), estimate = await asyncio.gather(
            asyncio.to_thread(transcribe), asyncio.to_thread(feel)
        )
        return transcript, estimate, asr_ms

    async def _partials(self, push: Push) -> None:
        spec = self._spec.task if self._spec is not None else None
        if (spec is not None and spec.done() and self.eot.speaking and not spec.cancelled()
                and not spec.exception()):
            # the speculative transcript tells whether the sentence is complete
            self.eot.adapt(partial_text=spec.result()[0].text)
        if self._partial is not None and self._partial.done():
            result = self._partial.result()
            self._partial = None
            if result.text:
                await push(TranscriptFrame(result.text, final=False, t_s=self._t))
        n = len(self._frames)
        every = int(self.partial_every_s * ASR_RATE_HZ / self.a.vad.frame_samples)
        if self.eot.speaking and self._partial is None and n - self._last_partial_n >= every:
            self._last_partial_n = n
            clip = AudioClip(np.concatenate(self._frames), ASR_RATE_HZ)
            self._partial = asyncio.create_task(asyncio.to_thread(self.a.asr.partial, clip))

    async def _end_of_turn(self, push: Push) -> None:
        self.playback.events.append(("end_of_turn", time.perf_counter(), self._t))
        spec = self._spec or self._hear_later()
        self._spec, self._partial, self._last_partial_n = None, None, 0
        end_s = self.eot.speech_end_s or self._t
        mark = time.perf_counter()
        assert spec.task is not None
        transcript, estimate, asr_ms = await spec.task
        wait_ms = (time.perf_counter() - mark) * 1000
        speech = np.concatenate(self._frames)
        self._frames = []
        if not transcript.text:
            return
        self.barge.observe_user_turn(speech_level(speech))
        self.playback.events.append(("transcript", time.perf_counter(), end_s))
        await push(TranscriptFrame(transcript.text, final=True, t_s=end_s))
        await push(UserTurnFrame(transcript.text, end_s, (estimate,) if estimate else (),
                                 max(0.0, end_s - self._start_s),
                                 {"asr_ms": asr_ms, "asr_wait_after_eot_ms": wait_ms},
                                 draft=None if spec.dropped else spec.draft))


class ResponderProcessor(Processor):
    """UserTurn in; Reply (text + prosody) out, with the silence threshold adapted to the user."""

    name = "responder"

    def __init__(self, assistant: VoiceAssistant, turn: TurnProcessor | None = None) -> None:
        self.a, self.turn = assistant, turn

    async def process(self, frame: Frame, push: Push) -> None:
        if not isinstance(frame, UserTurnFrame):
            await push(frame)
            return
        speech = frame.estimates[0] if frame.estimates else None
        draft = frame.draft if draft_matches(frame.draft, frame.text) else None
        if frame.draft is not None and draft is None:
            frame.draft.discard()  # drafted for other words: never play it
        reply = await self.a.on_agent_thread(self.a.answer, frame.text, speech,
                                             draft=draft.reply if draft else None)
        prosody = self.a.prosody(reply)
        spoken = None
        if draft is not None:
            if playable(draft, reply, prosody):
                spoken, prosody = draft, draft.prosody
            else:
                draft.discard()
        if self.turn is not None:  # a distressed or slow speaker gets more time next turn
            rate = len(frame.text.split()) / frame.duration_s if frame.duration_s else None
            self.turn.eot.adapt(user=reply.user_affect.vad, words_per_s=rate)
        if self.turn is not None:
            now = time.perf_counter()
            self.turn.playback.events.append(("reply", now, 0.0))
            self.turn.playback.events.append(("drafted" if spoken else "fresh", now, 0.0))
        await push(ReplyFrame(reply.text, prosody, reply, frame.speech_end_s, spoken=spoken))


class TTSProcessor(Processor):
    """Reply in; AudioOut frames out, sentence by sentence (cancelled on interrupt)."""

    name = "tts"

    def __init__(self, assistant: VoiceAssistant) -> None:
        self.a = assistant

    async def process(self, frame: Frame, push: Push) -> None:
        if not isinstance(frame, ReplyFrame):
            await push(frame)
            return
        await push(frame)
        sentences = None
        first = True
        if frame.spoken is not None:  # the drafted speech of this very reply
            try:
                clip = await frame.spoken.first
            except Exception:  # noqa: BLE001 - the draft's synthesis failed: say it afresh
                clip = None
            if clip is not None:
                await push(AudioOutFrame(clip.samples, clip.sample_rate_hz, frame.speech_end_s,
                                         first=True))
                sentences, first = frame.spoken.chunks, False
        if sentences is None:
            sentences = iter(self.a.speak(frame.text, frame.prosody))
        while True:
            clip = await asyncio.to_thread(next, sentences, None)
            if clip is None:
                break
            await push(AudioOutFrame(clip.samples, clip.sample_rate_hz, frame.speech_end_s,
                                     first=first))
            first = False
        await push(ReplyDoneFrame())


class OutputProcessor(Processor):
    """Plays AudioOut frames on a sink in 20 ms pieces, at real-time pace when ``realtime``."""

    name = "output"

    def __init__(self, playback: Playback, sink: Any = None, *, realtime: bool = True) -> None:
        self.playback, self.sink, self.realtime = playback, sink, realtime
        self.played: list[np.ndarray] = []

    async def process(self, frame: Frame, push: Push) -> None:
        if isinstance(frame, ReplyFrame):
            self.playback.text = frame.text
        if isinstance(frame, ReplyDoneFrame):
            self.playback.active = False
            self.playback.events.append(("done", time.perf_counter(), 0.0))
        if not isinstance(frame, AudioOutFrame):
            await push(frame)
            return
        if frame.first:
            self.playback.events.append(("first_audio", time.perf_counter(), frame.t_s))
        self.playback.active = True
        piece = int(frame.sample_rate_hz * 0.02)
        start = time.perf_counter()
        for k, i in enumerate(range(0, len(frame.samples), piece)):
            out = frame.samples[i : i + piece] * self.playback.gain
            self.playback.recent.append(rms(out))
            self.playback.level = max(self.playback.recent)
            self.playback.canceller.played(resample(out, frame.sample_rate_hz, ASR_RATE_HZ))
            self.played.append(out)
            if self.sink is not None:
                await asyncio.to_thread(self.sink.write, out, frame.sample_rate_hz)
            if self.realtime:
                await asyncio.sleep(max(0.0, start + (k + 1) * 0.02 - time.perf_counter()))

    async def on_control(self, frame: ControlFrame, push: Push) -> None:
        if isinstance(frame, InterruptFrame):
            self.playback.active, self.playback.level, self.playback.gain = False, 0.0, 1.0
            if self.sink is not None and hasattr(self.sink, "stop"):
                self.sink.stop()
            self.playback.events.append(("stopped", time.perf_counter(), frame.t_s))
        await push(frame)


def voice_processors(assistant: VoiceAssistant, playback: Playback, *, sink: Any = None,
                     realtime: bool = True, draft_replies: bool = True) -> list[Processor]:
    turn = TurnProcessor(assistant, playback, draft_replies=draft_replies)
    return [turn, ResponderProcessor(assistant, turn), TTSProcessor(assistant),
            OutputProcessor(playback, sink, realtime=realtime)]
