"""Big Five personality and the baseline mood it implies (Mehrabian 1996)."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

from appraisal.errors import AppraisalError
from appraisal.vad import VAD

# Mehrabian (1996) trait -> PAD on bipolar traits, columns O, C, E, A, N, with the neuroticism
# signs flipped from his emotional-stability form; the matrix form of baseline_mood for arrays.
MEHRABIAN = np.array(
    [
        [0.00, 0.00, 0.21, 0.59, -0.19],
        [0.15, 0.00, 0.00, 0.30, 0.57],
        [0.25, 0.17, 0.60, -0.32, 0.00],
    ]
)


@dataclass(frozen=True, slots=True)
class BigFive:
    """Big Five (OCEAN) traits, each in [0, 1] with 0.5 the population middle.

    The [0, 1] scale is the one PELD and FriendsPersona publish; formulas that want the
    bipolar [-1, 1] scale use :meth:`bipolar`.

    >>> BigFive(extraversion=0.9).extraversion
    0.9
    """

    openness: float = 0.5
    conscientiousness: float = 0.5
    extraversion: float = 0.5
    agreeableness: float = 0.5
    neuroticism: float = 0.5

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, (int, float)) or math.isnan(value) or not 0.0 <= value <= 1.0:
                raise AppraisalError(
                    f"Big Five trait {f.name} must be a number in [0, 1], got {value!r}"
                )
            object.__setattr__(self, f.name, float(value))

    def bipolar(self) -> tuple[float, float, float, float, float]:
        """The traits on [-1, 1] (O, C, E, A, N)."""
        return tuple(2.0 * getattr(self, f.name) - 1.0 for f in fields(self))  # type: ignore[return-value]

    def as_list(self) -> list[float]:
        return [getattr(self, f.name) for f in fields(self)]


def baseline_mood(traits: BigFive) -> VAD:
    """The personality's default mood in PAD space (Mehrabian 1996, as adopted by ALMA).

    Mehrabian's regression is stated for *emotional stability*; neuroticism is its
    opposite, so its coefficients enter here with the sign flipped (stable people are
    more pleasant and calmer; neurotic people less pleasant and more aroused)::

        P = 0.21 E + 0.59 A - 0.19 N
        A = 0.15 O + 0.30 A + 0.57 N
        D = 0.25 O + 0.17 C + 0.60 E - 0.32 A

    with every trait on the bipolar [-1, 1] scale.

    >>> round(baseline_mood(BigFive()).valence, 6)
    0.0
    >>> baseline_mood(BigFive(extraversion=1.0)).valence > 0
    True
    """
    o, c, e, a, n = traits.bipolar()
    return VAD(
        0.21 * e + 0.59 * a - 0.19 * n,
        0.15 * o + 0.30 * a + 0.57 * n,
        0.25 * o + 0.17 * c + 0.60 * e - 0.32 * a,
    )
