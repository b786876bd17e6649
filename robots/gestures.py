"""A small set of named head and body gestures as keyframes, and which one fits a moment.

Channels are joint angles in degrees a robot or avatar rig maps to its own joints:
``head_pitch_deg`` (+ is nodding down), ``head_yaw_deg`` (+ is turning to its left),
``head_roll_deg`` (+ tilts toward its left shoulder), ``torso_pitch_deg`` (+ leans forward),
``shoulders_up`` (0..1), ``arm_right_raise`` (0..1). Amplitudes and tempos follow the ranges
measured for conversational head nods and shakes (Hadar et al. 1985: nods of a few to ~15 degrees
at 2-4 Hz); the rest are ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from appraisal import VAD
from robots.errors import RobotsError

CHANNELS: tuple[str, ...] = (
    "head_pitch_deg",
    "head_yaw_deg",
    "head_roll_deg",
    "torso_pitch_deg",
    "shoulders_up",
    "arm_right_raise",
)


@dataclass(frozen=True, slots=True)
class Gesture:
    """A named movement: keyframes ``(t_s, {channel: value})`` from rest back to rest."""

    name: str
    keyframes: tuple[tuple[float, Mapping[str, float]], ...]
    meaning: str

    @property
    def duration_s(self) -> float:
        return self.keyframes[-1][0]

    def pose_at(self, t_s: float) -> dict[str, float]:
        """Channel values at ``t_s`` (linear between keyframes, rest outside the gesture).

        >>> round(GESTURES["nod"].pose_at(0.15)["head_pitch_deg"], 1)
        12.0
        """
        pose = dict.fromkeys(CHANNELS, 0.0)
        frames = self.keyframes
        if t_s <= frames[0][0] or t_s >= frames[-1][0]:
            return pose
        for (t0, a), (t1, b) in zip(frames, frames[1:], strict=False):
            if t0 <= t_s <= t1:
                k = (t_s - t0) / (t1 - t0)
                for ch in CHANNELS:
                    pose[ch] = a.get(ch, 0.0) + (b.get(ch, 0.0) - a.get(ch, 0.0)) * k
                break
        return pose

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "duration_ms": round(self.duration_s * 1000.0, 1),
            "keyframes": [{"t_ms": round(t * 1000.0, 1), **pose} for t, pose in self.keyframes],
        }


def _g(name: str, meaning: str, *frames: tuple[float, dict[str, float]]) -> Gesture:
    return Gesture(name, ((0.0, {}), *frames), meaning)


GESTURES: Mapping[str, Gesture] = {
    g.name: g
    for g in (
        _g("nod", "agreement, listening", (0.15, {"head_pitch_deg": 12.0}),
           (0.3, {"head_pitch_deg": -2.0}), (0.45, {"head_pitch_deg": 8.0}), (0.6, {})),
        _g("shake", "disagreement, denial", (0.15, {"head_yaw_deg": 15.0}),
           (0.35, {"head_yaw_deg": -15.0}), (0.55, {"head_yaw_deg": 10.0}), (0.7, {})),
        _g("tilt", "sympathy, interest", (0.4, {"head_roll_deg": 12.0, "head_pitch_deg": 3.0}),
           (1.6, {"head_roll_deg": 12.0, "head_pitch_deg": 3.0}), (2.0, {})),
        _g("lean_in", "attention, concern", (0.5, {"torso_pitch_deg": 8.0}),
           (2.0, {"torso_pitch_deg": 8.0}), (2.5, {})),
        _g("lean_back", "surprise, withdrawal", (0.3, {"torso_pitch_deg": -8.0,
           "head_pitch_deg": -5.0}), (1.2, {"torso_pitch_deg": -6.0}), (1.6, {})),
        _g("shrug", "uncertainty", (0.25, {"shoulders_up": 1.0, "head_roll_deg": 5.0}),
           (0.6, {"shoulders_up": 1.0, "head_roll_deg": 5.0}), (0.9, {})),
        _g("look_down", "sadness, shame", (0.5, {"head_pitch_deg": 15.0}),
           (1.8, {"head_pitch_deg": 15.0}), (2.3, {})),
        _g("wave", "greeting, farewell", (0.3, {"arm_right_raise": 1.0}),
           (1.5, {"arm_right_raise": 1.0}), (1.8, {})),
    )
}  # fmt: skip


def gesture(name: str) -> Gesture:
    try:
        return GESTURES[name]
    except KeyError:
        raise RobotsError(f"unknown gesture {name!r}; one of: {', '.join(GESTURES)}") from None


# Which gesture goes with an ESConv strategy or an emotion label (first match wins).
_BY_STRATEGY: Mapping[str, str] = {
    "Reflection of feelings": "tilt",
    "Restatement or Paraphrasing": "nod",
    "Affirmation and Reassurance": "nod",
    "Question": "lean_in",
    "Self-disclosure": "tilt",
    "Providing Suggestions": "lean_in",
}
_BY_LABEL: Mapping[str, str] = {
    "pity": "tilt",
    "distress": "look_down",
    "shame": "look_down",
    "remorse": "look_down",
    "sadness": "look_down",
    "anger": "lean_in",
    "hate": "lean_in",
    "fear": "lean_back",
    "surprise": "lean_back",
    "disliking": "shake",
    "reproach": "shake",
}


def choose_gesture(
    *, label: str | None = None, strategy: str | None = None, vad: VAD | None = None
) -> Gesture | None:
    """The gesture for this turn: strongly felt emotions first, then the strategy, else none.

    >>> choose_gesture(label="pity").name, choose_gesture(strategy="Question").name
    ('tilt', 'lean_in')
    """
    if label is not None and label in _BY_LABEL:
        return GESTURES[_BY_LABEL[label]]
    if strategy is not None and strategy in _BY_STRATEGY:
        return GESTURES[_BY_STRATEGY[strategy]]
    if vad is not None and vad.valence > 0.3 and vad.arousal > 0.2:
        return GESTURES["nod"]
    return None
