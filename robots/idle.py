"""Life between words: natural random blinks, small gaze shifts, and smooth face transitions.

- Blinks: spontaneous blink rate ~17/min at rest, ~26/min while talking (Bentivoglio et al. 1997,
  Movement Disorders 12(6)); intervals are irregular and right-skewed, drawn here from a gamma
  distribution (shape 2) with that mean; a blink closes in ~100 ms and reopens in ~200 ms
  (VanderWerf et al. 2003, J. Neurophysiology 89). Higher arousal blinks more.
- Gaze: small saccades of a few degrees every 1-3 s, the pattern of idle gaze in animated agents
  (Lee, Badler & Badler 2002, "Eyes alive", SIGGRAPH).
- Transitions: each weight approaches its target exponentially with a half-life, so a change of
  emotion never snaps.

All of it is pure: the random generator is passed in, time is passed in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from robots.errors import RobotsError

BLINK_CLOSE_S = 0.1
BLINK_OPEN_S = 0.2


@dataclass(frozen=True, slots=True)
class IdlePlan:
    """Blink start times and gaze targets (t_s, yaw_deg, pitch_deg) over a stretch of time."""

    blinks_s: tuple[float, ...]
    gaze: tuple[tuple[float, float, float], ...]


def blink_rate_per_min(*, arousal: float = 0.0, talking: bool = False) -> float:
    """Mean blinks per minute: 17 at rest, 26 talking, +-30% across the arousal axis."""
    base = 26.0 if talking else 17.0
    return base * (1.0 + 0.3 * max(-1.0, min(1.0, arousal)))


def plan_idle(
    duration_s: float,
    rng: np.random.Generator,
    *,
    arousal: float = 0.0,
    talking: bool = False,
    gaze_range_deg: float = 4.0,
) -> IdlePlan:
    """Draw when to blink and where to glance over ``duration_s`` seconds."""
    if not duration_s >= 0 or math.isinf(duration_s):
        raise RobotsError(f"duration_s must be finite and >= 0, got {duration_s!r}")
    mean_s = 60.0 / blink_rate_per_min(arousal=arousal, talking=talking)
    blinks, t = [], 0.0
    while True:
        # Gamma(shape 2, scale mean/2) has the wanted mean and a refractory-looking low end.
        t += max(BLINK_CLOSE_S + BLINK_OPEN_S, float(rng.gamma(2.0, mean_s / 2.0)))
        if t >= duration_s:
            break
        blinks.append(t)
    gaze, t = [], 0.0
    while True:
        t += float(rng.uniform(1.0, 3.0))
        if t >= duration_s:
            break
        yaw, pitch = rng.uniform(-gaze_range_deg, gaze_range_deg, size=2)
        gaze.append((t, float(yaw), float(pitch) * 0.5))
    return IdlePlan(tuple(blinks), tuple(gaze))


def blink_weight(plan: IdlePlan, t_s: float) -> float:
    """eyeBlink weight in [0, 1] at ``t_s``: ramps shut in 100 ms, open again in 200 ms."""
    for start in plan.blinks_s:
        dt = t_s - start
        if 0.0 <= dt < BLINK_CLOSE_S:
            return dt / BLINK_CLOSE_S
        if BLINK_CLOSE_S <= dt < BLINK_CLOSE_S + BLINK_OPEN_S:
            return 1.0 - (dt - BLINK_CLOSE_S) / BLINK_OPEN_S
    return 0.0


def gaze_blendshapes(
    yaw_deg: float, pitch_deg: float, *, max_deg: float = 30.0
) -> dict[str, float]:
    """ARKit eyeLook* weights for a gaze direction (+yaw to the face's left, +pitch up)."""
    x = max(-1.0, min(1.0, yaw_deg / max_deg))
    y = max(-1.0, min(1.0, pitch_deg / max_deg))
    # Looking to the face's left moves the left eye outward and the right eye inward.
    return {
        "eyeLookOutLeft": max(0.0, x), "eyeLookInRight": max(0.0, x),
        "eyeLookInLeft": max(0.0, -x), "eyeLookOutRight": max(0.0, -x),
        "eyeLookUpLeft": max(0.0, y), "eyeLookUpRight": max(0.0, y),
        "eyeLookDownLeft": max(0.0, -y), "eyeLookDownRight": max(0.0, -y),
    }  # fmt: skip


def gaze_at(plan: IdlePlan, t_s: float) -> tuple[float, float]:
    """The (yaw, pitch) in degrees held at ``t_s`` (saccades are near-instant, so a step)."""
    yaw = pitch = 0.0
    for start, y, p in plan.gaze:
        if start > t_s:
            break
        yaw, pitch = y, p
    return yaw, pitch


def smooth(
    current: Mapping[str, float],
    target: Mapping[str, float],
    dt_s: float,
    half_life_s: float = 0.15,
) -> dict[str, float]:
    """Move every weight toward its target, halving the gap each ``half_life_s`` seconds.

    >>> smooth({"jawOpen": 0.0}, {"jawOpen": 1.0}, 0.15)["jawOpen"]
    0.5
    """
    if dt_s < 0 or half_life_s <= 0:
        raise RobotsError("dt_s must be >= 0 and half_life_s > 0 seconds")
    keep = 0.5 ** (dt_s / half_life_s)
    names = set(current) | set(target)
    return {
        n: target.get(n, 0.0) + (current.get(n, 0.0) - target.get(n, 0.0)) * keep for n in names
    }
