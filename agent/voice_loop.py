"""The voice assistant: hear (speech activity, ASR, speech emotion) -> respond -> speak.

``VoiceAssistant`` holds the models and the ``AffectiveAgent``; ``run_file`` answers one
recorded utterance (``affect voice --input``), and ``agent.voice_processors`` wraps the same
methods as pipeline processors for live audio and the latency benchmark.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from agent import backends
from agent.core import AffectiveAgent
from agent.types import Reply, Utterance
from perception import AffectEstimate
from perception.errors import PerceptionError
from voice.audio import ASR_RATE_HZ, AudioClip, concat, load_audio, save_audio
from voice.errors import AudioFormatError
from voice.prosody import Prosody, prosody_for
from voice.turn_taking import TurnConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Heard:
    """One user turn as heard: words, the voice's affect estimate and where speech was."""

    text: str
    speech: AffectEstimate | None
    speech_s: tuple[float, float]
    words_per_s: float
    timings_ms: dict[str, float] = field(default_factory=dict)


def _ms(mark: float) -> float:
    return round((time.perf_counter() - mark) * 1000.0, 3)


class VoiceAssistant:
    """Models of every voice stage plus the agent; each stage is a plain method."""

    def __init__(self, *, agent: AffectiveAgent, vad: Any, asr: Any, tts: Any,
                 speech: Any | None = None, turn: TurnConfig | None = None) -> None:
        self.agent, self.vad, self.asr, self.tts, self.speech = agent, vad, asr, tts, speech
        self.turn = turn or TurnConfig()
        self.fusion = importlib.util.find_spec("perception.fusion") is not None
        self._agent_thread: ThreadPoolExecutor | None = None

    async def on_agent_thread(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``fn`` on the agent's own thread and await it. The live pipeline calls the agent
        (``preview``, ``answer``) only this way: a slow responder (an LLM) never stalls the audio
        loop, and one thread keeps the agent's calls in order, so an answer waits for a draft
        still being made instead of racing it."""
        if self._agent_thread is None:
            self._agent_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="agent")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._agent_thread,
                                          functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        """End the agent's thread once the call it is running returns (its turn is stored);
        calls still queued behind it are dropped. A later ``on_agent_thread`` starts a new one."""
        if self._agent_thread is not None:
            self._agent_thread.shutdown(wait=True, cancel_futures=True)
            self._agent_thread = None

    @classmethod
    def from_names(cls, persona: str = "sage", *, asr: str = "auto", tts: str = "auto",
                   vad: str = "auto", speech: str = "auto", asr_model: str | None = None,
                   **agent_kwargs: Any) -> VoiceAssistant:
        """Build every stage from the backend table (``auto`` = the best embedded one)."""
        agent = AffectiveAgent.from_persona(persona, **agent_kwargs)
        v = agent.persona.voice
        tts_name = backends.resolve("tts", v.engine if tts == "auto" else tts)
        tts_kwargs: dict[str, Any] = {}
        if tts_name == "espeak":
            tts_kwargs = {"voice": v.voice, "base_pitch": v.pitch, "base_rate_wpm": v.rate_wpm}
        asr_kwargs = {"model": asr_model} if asr_model else {}
        speech_model = None
        if speech != "none":
            speech_model = backends.create("speech", speech)
        return cls(
            agent=agent,
            vad=backends.create("vad", vad),
            asr=backends.create("asr", asr, **asr_kwargs),
            tts=backends.create("tts", tts_name, **tts_kwargs),
            speech=speech_model,
        )

    # -- stages -------------------------------------------------------------------------------

    def hear(self, clip: AudioClip) -> Heard:
        """Find the speech in ``clip``, transcribe it and read its affect."""
        timings: dict[str, float] = {}
        if clip.sample_rate_hz != ASR_RATE_HZ:
            clip = clip.resampled(ASR_RATE_HZ)
        mark = time.perf_counter()
        spans = self.vad.segments(clip)
        timings["vad_ms"] = _ms(mark)
        if not spans:
            raise AudioFormatError("no speech found in the audio (silent or only noise)")
        start = max(0, int((spans[0][0] - 0.2) * ASR_RATE_HZ))
        end = min(len(clip), int((spans[-1][1] + 0.2) * ASR_RATE_HZ))
        speech = AudioClip(clip.samples[start:end], ASR_RATE_HZ)
        mark = time.perf_counter()
        transcript = self.asr.transcribe(speech)
        timings["asr_ms"] = _ms(mark)
        estimate = None
        mark = time.perf_counter()
        if self.speech is not None:
            try:
                estimate = self.speech.predict(speech.samples, ASR_RATE_HZ)
            except PerceptionError as exc:
                log.info("speech emotion skipped: %s", exc)
        timings["speech_emotion_ms"] = _ms(mark)
        voiced_s = sum(b - a for a, b in spans)
        wps = len(transcript.words) / voiced_s if voiced_s > 0 else 0.0
        return Heard(transcript.text, estimate, (spans[0][0], spans[-1][1]), wps, timings)

    def answer(self, text: str, speech: AffectEstimate | None, *,
               draft: Reply | None = None) -> Reply:
        """The agent's reply; the voice estimate joins the text's in the fusion when present.
        ``draft``: a ``preview`` made at the user's pause, reused when the words match."""
        return self.agent.respond(self._utterance(text, speech), draft=draft)

    def preview(self, text: str, speech: AffectEstimate | None) -> Reply:
        """The reply ``answer`` would give, drafted without changing or storing anything."""
        return self.agent.preview(self._utterance(text, speech))

    def _utterance(self, text: str, speech: AffectEstimate | None) -> Utterance:
        estimates = (speech,) if speech is not None and self.fusion else ()
        return Utterance(text, estimates=estimates)

    def prosody(self, reply: Reply) -> Prosody:
        emotion = reply.agent_emotion
        return prosody_for(emotion.vad, emotion.intensity)

    def speak(self, text: str, prosody: Prosody) -> Iterator[AudioClip]:
        """Speech for ``text``, one clip per sentence (playback can start after the first)."""
        return self.tts.stream(text, prosody)

    # -- batch --------------------------------------------------------------------------------

    def run_file(self, source: str | Path | bytes | AudioClip,
                 output: str | Path | None = None) -> dict[str, Any]:
        """Answer the utterance in an audio file: the JSON ``affect voice --input`` prints."""
        t0 = time.perf_counter()
        mark = time.perf_counter()
        clip = source if isinstance(source, AudioClip) else check_input(source)
        timings = {"load_audio_ms": _ms(mark)}
        warnings = []
        if clip.clipped_fraction > 0.01:
            warnings.append(f"input is clipped ({clip.clipped_fraction:.1%} of samples at full "
                            "scale); lower the recording level")
        heard = self.hear(clip)
        timings.update(heard.timings_ms)
        if not heard.text.strip():
            raise AudioFormatError("speech was found but no words were recognised; speak "
                                   "closer to the microphone or check the language")
        mark = time.perf_counter()
        reply = self.answer(heard.text, heard.speech)
        timings["respond_ms"] = _ms(mark)
        prosody = self.prosody(reply)
        mark = time.perf_counter()
        clips: list[AudioClip] = []
        for clip_out in self.speak(reply.text, prosody):
            if not clips:
                timings["tts_first_audio_ms"] = _ms(mark)
            clips.append(clip_out)
        timings["tts_ms"] = _ms(mark)
        audio = concat(clips)
        timings["total_ms"] = _ms(t0)
        if output is not None:
            save_audio(output, audio)
        speech = heard.speech.to_dict() if heard.speech is not None else None
        result: dict[str, Any] = {
            "transcript": heard.text,
            "reply": reply.text,
            "user_affect": reply.user_affect.to_dict(),
            "speech_affect": speech,
            "speech_fused": bool(speech and self.fusion),
            "agent_emotion": reply.agent_emotion.to_dict(),
            "strategy": reply.strategy.value,
            "prosody": prosody.to_dict(),
            "reply_audio_s": round(audio.duration_s, 3),
            "words_per_s": round(heard.words_per_s, 2),
            "timings_ms": timings,
            "agent_timings_ms": {k: round(v, 3) for k, v in reply.timings_ms.items()},
            "backends": {"vad": self.vad.name, "asr": self.asr.name, "tts": self.tts.name,
                         "speech": self.speech.name if self.speech is not None else None},
        }
        if warnings:
            result["warnings"] = warnings
        if output is not None:
            result["output"] = str(output)
        return result


def check_input(source: str | Path | bytes) -> AudioClip:
    """Read a recording to answer, refusing a silent one before any model is loaded."""
    clip = load_audio(source)
    if float(np.max(np.abs(clip.samples))) < 1e-4:
        raise AudioFormatError("no speech found in the audio: the recording is silent")
    return clip


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0
