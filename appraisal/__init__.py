"""The emotion science floor: VAD values, vocabularies, personality, appraisal and dynamics.

numpy only, no I/O; every other floor imports from here.
"""

from __future__ import annotations

from appraisal.dynamics import AffectState, Cause, DynamicsParams, Impulse, decay_factor, step
from appraisal.emotions import EmotionParams, EmotionPopulation, EmotionState, step_emotions
from appraisal.errors import AppraisalError
from appraisal.occ import Event, Goal, OCCAppraiser
from appraisal.personality import BigFive, baseline_mood
from appraisal.population import Population
from appraisal.vad import VAD
from appraisal.vocabularies import MELD, MELD_LABELS, OCC, expected_vad, nearest_label

__all__ = [
    "VAD",
    "AffectState",
    "AppraisalError",
    "BigFive",
    "Cause",
    "DynamicsParams",
    "EmotionParams",
    "EmotionPopulation",
    "EmotionState",
    "Event",
    "Goal",
    "Impulse",
    "MELD",
    "MELD_LABELS",
    "OCC",
    "OCCAppraiser",
    "Population",
    "baseline_mood",
    "decay_factor",
    "expected_vad",
    "nearest_label",
    "step",
    "step_emotions",
]
