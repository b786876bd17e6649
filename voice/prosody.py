"""The agent's emotion -> how it speaks: pitch, rate, volume and pauses.

Directions follow the acoustic correlates of emotion reviewed by Scherer (2003, Speech
Communication 40) and the dimensional prosody rules of Schröder (2006, "Expressing degree of
activation in synthetic speech", IEEE TASLP 14(4)): higher arousal raises F0 level, speaking
rate and loudness and shortens pauses; positive valence raises F0 slightly; dominance lowers
F0 a little and adds loudness. The coefficients are ours, chosen to stay inside what espeak-ng
and Piper render without artefacts, and checked on the audio by tests/backends/test_voice_tts.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from appraisal import VAD


@dataclass(frozen=True, slots=True)
class Prosody:
    """Engine-neutral prosody: offsets from the voice's neutral delivery.

    ``pitch_semitones`` shifts the F0 level, ``rate`` and ``volume`` multiply the neutral speaking
    rate and amplitude, ``pause_ms`` is the silence between sentences.
    """

    pitch_semitones: float = 0.0
    rate: float = 1.0
    volume: float = 1.0
    pause_ms: float = 250.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "pitch_semitones", _bound(self.pitch_semitones, -6.0, 6.0))
        object.__setattr__(self, "rate", _bound(self.rate, 0.6, 1.6))
        object.__setattr__(self, "volume", _bound(self.volume, 0.3, 1.6))
        object.__setattr__(self, "pause_ms", _bound(self.pause_ms, 0.0, 1000.0))

    @classmethod
    def neutral(cls) -> Prosody:
        return cls()

    def espeak_args(self, *, base_pitch: int = 50, base_rate_wpm: int = 165) -> dict[str, int]:
        """espeak-ng's -p (0-99), -s (words/min) and -a (0-200, 100 = default).

        espeak's pitch scale is roughly linear in Hz around the base: measured 87/100/137 Hz for
        -p 30/50/80 (shared/MODELS.md), about 1.2 Hz per step, i.e. ~2 steps per semitone at 100 Hz.
        """
        pitch = int(round(base_pitch + 2.0 * self.pitch_semitones * (1.0 + base_pitch / 100.0)))
        return {
            "p": max(0, min(99, pitch)),
            "s": max(80, min(450, int(round(base_rate_wpm * self.rate)))),
            "a": max(10, min(200, int(round(100 * self.volume)))),
        }

    def to_dict(self) -> dict[str, float]:
        return {
            "pitch_semitones": round(self.pitch_semitones, 3),
            "rate": round(self.rate, 3),
            "volume": round(self.volume, 3),
            "pause_ms": round(self.pause_ms, 1),
        }


def prosody_for(vad: VAD, intensity: float = 1.0) -> Prosody:
    """Prosody for an expressed emotion ``vad`` felt at ``intensity`` in [0, 1].

    >>> excited = prosody_for(VAD(0.7, 0.8, 0.3), 1.0)
    >>> sad = prosody_for(VAD(-0.6, -0.6, -0.4), 1.0)
    >>> excited.pitch_semitones > 0 > sad.pitch_semitones, excited.rate > 1 > sad.rate
    (True, True)
    """
    k = _bound(intensity, 0.0, 1.0)
    v, a, d = vad.valence * k, vad.arousal * k, vad.dominance * k
    return Prosody(
        pitch_semitones=4.0 * a + 1.5 * v - 1.0 * d,
        rate=1.0 + 0.28 * a + 0.04 * v,
        volume=1.0 + 0.35 * a + 0.15 * d,
        pause_ms=250.0 - 150.0 * a,
    )


def _bound(x: float, lo: float, hi: float) -> float:
    x = float(x)
    if x != x:  # NaN
        raise ValueError("prosody value is NaN")
    return lo if x < lo else hi if x > hi else x
