"""The appraisal floor's exception family."""

from __future__ import annotations


class AppraisalError(ValueError):
    """A value given to the emotion model is out of its domain; the message says which and why."""
