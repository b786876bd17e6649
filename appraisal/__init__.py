"""The emotion science floor: VAD values, vocabularies, personality, appraisal and dynamics.

numpy only, no I/O; every other floor imports from here.
"""

from __future__ import annotations

from appraisal.dynamics import AffectState, Cause, DynamicsParams, Impulse, decay_factor, step
from appraisal.errors import AppraisalError
from appraisal.personality import BigFive, baseline_mood
from appraisal.vad import VAD
from appraisal.vocabularies import MELD, MELD_LABELS, OCC, expected_vad, nearest_label

__all__ = [
    "VAD",
    "AffectState",
    "AppraisalError",
    "BigFive",
    "Cause",
    "DynamicsParams",
    "Impulse",
    "MELD",
    "MELD_LABELS",
    "OCC",
    "baseline_mood",
    "decay_factor",
    "expected_vad",
    "nearest_label",
    "step",
]
