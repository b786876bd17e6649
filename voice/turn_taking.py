"""Who has the floor: end of the user's turn, barge-in, backchannels, and the agent's own echo.

All pure state machines fed with per-frame speech probabilities, levels and times (seconds), so
tests drive them with scripted streams and a virtual clock.

- End of turn: silence longer than a threshold that adapts to the user's state. Distressed or
  slow speakers pause longer inside their turns, so they get more time; a partial transcript
  that ends mid-phrase ("and", "um", a comma) extends the wait, one that ends a sentence
  shortens it.
- Barge-in: while the agent speaks, user speech (not explained by the agent's own playback)
  first ducks the agent; it stops it when the onset is turn-competitive (at least
  ``competitive_ratio`` of the user's normal level: interruptions that compete for the floor
  are loud, French & Local 1983, J. Pragmatics 7) or when it outlasts a backchannel. A short,
  soft stretch ("mhm", "yeah", "okay") restores the volume and is not taken as a turn. Words
  are not consulted: tried, Whisper on 300 ms fragments mixed with echo residue invented
  floor-taking words often enough to stop the agent for backchannels.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from appraisal import VAD

BACKCHANNELS = frozenset(
    {"mhm", "mm", "mmhm", "hmm", "uh-huh", "uhhuh", "uh", "huh", "yeah", "yep", "yes", "ok",
     "okay", "right", "sure", "i see", "got it", "alright", "all right", "oh", "ah", "wow",
     "true", "exactly", "mm-hmm", "m-hm", "uh huh", "yeah yeah", "okay okay", "right right"}
)
_CONTINUERS = re.compile(r"(\b(and|but|or|so|because|um|uh|like|the|a|to|of|with|if)|,)\s*$", re.I)


def is_backchannel(text: str) -> bool:
    """Whether a short utterance is only a backchannel.

    >>> is_backchannel("Mhm."), is_backchannel("Yeah, okay"), is_backchannel("Wait, stop")
    (True, True, False)
    """
    words = re.findall(r"[a-z'-]+", text.lower())
    if not words or len(words) > 3:
        return False
    joined = " ".join(words)
    return joined in BACKCHANNELS or all(w in BACKCHANNELS for w in words)


def speech_level(samples: np.ndarray, *, block: int = 512) -> float:
    """How loud someone's voice is in ``samples``: the 90th percentile of 32 ms block RMS, i.e.
    the level of their stressed vowels, which a one-word "yeah" and a long sentence said with
    the same effort share (a median would rate short words louder than sentences)."""
    x = np.asarray(samples, dtype=np.float64)
    n = len(x) // block
    if n == 0:
        return 0.0
    levels = np.sqrt((x[: n * block].reshape(n, block) ** 2).mean(axis=1))
    return float(np.percentile(levels, 90))


@dataclass(frozen=True, slots=True)
class TurnConfig:
    """Thresholds in milliseconds and levels as ratios; defaults measured on our test streams."""

    speech_threshold: float = 0.5
    onset_ms: float = 64.0
    """Speech must last this long to count as the user starting (rejects clicks)."""
    pause_ms: float = 64.0
    """Silence after speech that marks a pause: the moment a speculative transcript starts."""
    base_silence_ms: float = 320.0
    min_silence_ms: float = 250.0
    max_silence_ms: float = 1500.0
    competitive_ratio: float = 0.5
    backchannel_max_ms: float = 700.0
    echo_margin: float = 2.0
    """Mic energy up to this multiple of the expected echo is taken for the agent's own voice."""


def silence_threshold_ms(
    config: TurnConfig,
    *,
    user: VAD | None = None,
    words_per_s: float | None = None,
    partial_text: str = "",
) -> float:
    """How long a silence ends the user's turn, given how they feel and speak.

    >>> c = TurnConfig()
    >>> calm = silence_threshold_ms(c, user=VAD(0.3, 0.0, 0.1), words_per_s=3.0)
    >>> distressed = silence_threshold_ms(c, user=VAD(-0.7, 0.5, -0.6), words_per_s=3.0)
    >>> slow = silence_threshold_ms(c, user=VAD(0.0, -0.5, 0.0), words_per_s=1.5)
    >>> distressed > calm and slow > calm
    True
    """
    ms = config.base_silence_ms
    if user is not None:
        distress = max(0.0, -user.valence) * (0.5 + 0.5 * max(0.0, -user.dominance))
        ms *= 1.0 + 0.8 * distress + 0.3 * max(0.0, -user.arousal)
    if words_per_s is not None and 0.0 < words_per_s < 2.5:
        ms *= 1.0 + 0.4 * (2.5 - words_per_s)  # ~2.5 words/s is ordinary conversation
    text = partial_text.strip()
    if text and _CONTINUERS.search(text):
        ms += 300.0
    elif text.endswith("?") or (text.endswith((".", "!")) and len(text.split()) >= 4):
        # Whisper ends every fragment with a period, so a period after a few words is no
        # evidence of a finished sentence; a question mark or a full-length sentence is.
        ms -= 100.0
    return max(config.min_silence_ms, min(config.max_silence_ms, ms))


class TurnEvent(StrEnum):
    SPEECH_STARTED = "speech_started"
    PAUSED = "paused"
    RESUMED = "resumed"
    END_OF_TURN = "end_of_turn"


@dataclass
class EndOfTurnDetector:
    """Feeds on (speech probability, time) per frame; emits turn events."""

    config: TurnConfig = field(default_factory=TurnConfig)
    silence_ms: float = 400.0
    speaking: bool = False
    _run_start: float | None = None
    _last_speech: float | None = None
    _paused: bool = False

    def adapt(self, **context: object) -> float:
        """Update the end-of-turn silence from ``silence_threshold_ms`` keywords; returns it."""
        self.silence_ms = silence_threshold_ms(self.config, **context)  # type: ignore[arg-type]
        return self.silence_ms

    def update(self, probability: float, t_s: float, frame_s: float) -> TurnEvent | None:
        c = self.config
        if probability >= c.speech_threshold:
            if self._run_start is None:
                self._run_start = t_s
            self._last_speech = t_s + frame_s
            if not self.speaking and (t_s + frame_s - self._run_start) * 1000 >= c.onset_ms:
                self.speaking, self._paused = True, False
                return TurnEvent.SPEECH_STARTED
            if self.speaking and self._paused:
                self._paused = False
                return TurnEvent.RESUMED
            return None
        self._run_start = None
        if not self.speaking or self._last_speech is None:
            return None
        quiet_ms = (t_s + frame_s - self._last_speech) * 1000
        if quiet_ms >= self.silence_ms:
            self.speaking, self._paused = False, False
            return TurnEvent.END_OF_TURN
        if not self._paused and quiet_ms >= c.pause_ms:
            self._paused = True
            return TurnEvent.PAUSED
        return None

    @property
    def speech_end_s(self) -> float | None:
        return self._last_speech


class EchoGuard:
    """Tells the user's voice from the agent's own playback picked up by the microphone.

    Learns the speaker-to-mic coupling from the mic/playback level ratios while the
    agent talks (the user is mostly silent then), and subtracts the expected echo energy.
    ``playback_rms`` should be the loudest output of the last ~100 ms, which covers the delay
    between playing a sound and hearing it back.
    """

    def __init__(self, *, margin: float = 2.0, coupling: float | None = None) -> None:
        self.margin = margin
        self._ratios: list[float] = []
        self._fixed = coupling

    @property
    def coupling(self) -> float:
        if self._fixed is not None:
            return self._fixed
        if len(self._ratios) < 5:
            return 1.0  # until measured, assume the worst: the mic hears the speaker fully
        # the 80th percentile over-estimates the echo a little: better to miss the softest
        # user sounds while the agent talks than to hear the agent as the user
        return float(np.percentile(self._ratios, 80))

    def user_level(self, mic_rms: float, playback_rms: float) -> float:
        """The mic level left after the expected echo (0 when it is all echo)."""
        if playback_rms <= 1e-5:
            return mic_rms
        if playback_rms > 0.005:  # ratios of near-silences are noise, not coupling
            self._ratios.append(mic_rms / playback_rms)
            del self._ratios[:-200]
        echo = self.coupling * playback_rms
        if mic_rms <= echo * self.margin:
            return 0.0
        return math.sqrt(max(0.0, mic_rms**2 - echo**2))


class BargeAction(StrEnum):
    DUCK = "duck"
    STOP = "stop"
    RESTORE = "restore"


@dataclass
class BargeInDetector:
    """Decides, while the agent speaks, whether the user is taking the floor."""

    config: TurnConfig = field(default_factory=TurnConfig)
    user_level: float = 0.05
    """The user's usual speech RMS, learned from their turns (``observe_user_turn``)."""
    onset_s: float | None = None
    stopped: bool = False
    _run_start: float | None = None
    _last_speech: float | None = None
    _ducked: bool = False
    _energy: list[float] = field(default_factory=list)

    _observed: int = 0

    def observe_user_turn(self, rms: float) -> None:
        """Learn the user's normal speech level from a finished turn (``speech_level``)."""
        if rms > 1e-4:
            self.user_level = rms if not self._observed else 0.7 * self.user_level + 0.3 * rms
            self._observed += 1

    def reset(self) -> None:
        """A new agent utterance starts."""
        self.onset_s, self.stopped, self._ducked = None, False, False
        self._run_start = self._last_speech = None

    def update(
        self, probability: float, level: float, t_s: float, frame_s: float
    ) -> BargeAction | None:
        """Feed one frame heard while the agent speaks; ``level`` is the echo-free user RMS."""
        if self.stopped:
            return None
        c = self.config
        speech = probability >= c.speech_threshold and level > 0.0
        if speech:
            if self._run_start is None:
                self._run_start, self._energy = t_s, []
            self._energy.append(level * level)
            self._last_speech = t_s + frame_s
            run_ms = (t_s + frame_s - self._run_start) * 1000
            if run_ms < c.onset_ms:
                return None
            self.onset_s = self._run_start
            # the stretch's level so far, like for like with the user's median turn level
            run_level = math.sqrt(sum(self._energy) / len(self._energy))
            competitive = run_level >= c.competitive_ratio * self.user_level
            if competitive or run_ms >= c.backchannel_max_ms:
                self.stopped = True
                return BargeAction.STOP
            if not self._ducked:
                self._ducked = True
                return BargeAction.DUCK
            return None
        if self._ducked and self._last_speech is not None:
            if (t_s - self._last_speech) * 1000 >= c.pause_ms:
                self._ducked, self._run_start = False, None
                return BargeAction.RESTORE
        elif self._run_start is not None and not self._ducked:
            self._run_start = None
        return None
