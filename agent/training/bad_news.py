"""How much worse a user's trouble is than the text reading of it says: ``BAD_NEWS_GAIN``.

The text model's valence is a regression, shrunk toward 0, and the agent's pity is scaled by
it (agent.emotion_transition.felt_fortune). ESConv (Liu et al. 2021) asked each seeker how
intense their emotion was before the conversation (``initial_emotion_intensity``, 1-5). Read
the seeker's first turn of six words or more with the live recognizer: among the turns read as
bad news (at least 0.05), the gain is the mean reported intensity, put in [0, 1], over the mean
reading. Within those turns the reading does not rank the reported intensity (Spearman about 0),
so only the level is calibrated, not the spread. Run ``python scripts/calibrate_bad_news.py``.

The same survey gives ``TROUBLE_FORTUNE``: how bad a turn is for the user at least when its words
tell a trouble (agent.troubles.tells_trouble), whatever the reading: minus the mean reported
intensity of the openings that tell one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from agent.training.esconv import ESConvDataError, dialogue_records

MIN_WORDS = 6
"""A seeker's first turn of this many words, not their "Hello"."""
BAD_NEWS = 0.05
"""A reading counts as bad news from here (as the agent's fortunes-of-others appraisal)."""


def seeker_openings(path: str | Path) -> list[tuple[float, str]]:
    """(reported initial intensity in [0, 1], the seeker's first turn of ``MIN_WORDS`` or more)
    for each ESConv dialogue that has both."""
    out = []
    for record in dialogue_records(Path(path)):
        survey = record.get("survey_score")
        seeker = survey.get("seeker", {}) if isinstance(survey, dict) else {}
        try:
            intensity = (float(seeker["initial_emotion_intensity"]) - 1.0) / 4.0
        except (KeyError, TypeError, ValueError):
            continue
        turns = record["dialog"]
        seekers = [str(t.get("text", "")).strip() for t in turns if isinstance(t, dict)
                   and t.get("speaker") == "usr"] if isinstance(turns, list) else []
        first = next((t for t in seekers if len(t.split()) >= MIN_WORDS), None)
        if first is not None and 0.0 <= intensity <= 1.0:
            out.append((intensity, first))
    if not out:
        raise ESConvDataError(f"{path}: no dialogue has a seeker's intensity and opening")
    return out


def bad_news_gain(recognizer: Any, openings: Sequence[tuple[float, str]]) -> tuple[float, int]:
    """The gain and how many openings were read as bad news."""
    from agent.emotion_transition import read_fortune

    readings = recognizer.predict_batch([text for _, text in openings])
    distress = np.array([-read_fortune(r) for r in readings])
    reported = np.array([intensity for intensity, _ in openings])
    bad = distress >= BAD_NEWS
    if not bad.any():
        raise ESConvDataError("no seeker's opening reads as bad news; is the recognizer right?")
    return float(reported[bad].mean() / distress[bad].mean()), int(bad.sum())


def trouble_fortune(openings: Sequence[tuple[float, str]]) -> tuple[float, int]:
    """Minus the mean reported intensity of the openings whose words tell a trouble, and how
    many do.

    >>> trouble_fortune([(1.0, "My dog died last night, I can't stop crying."),
    ...                  (0.5, "I feel so lonely since I moved here."),
    ...                  (0.0, "Hello, I would like to talk about work today.")])
    (-0.75, 2)
    """
    from agent.troubles import tells_trouble

    told = [intensity for intensity, text in openings if tells_trouble(text)]
    if not told:
        raise ESConvDataError("no seeker's opening tells a trouble; are these ESConv openings?")
    return -float(np.mean(told)), len(told)
