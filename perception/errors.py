"""The perception floor's exception family."""

from __future__ import annotations


class PerceptionError(ValueError):
    """Input a recognizer cannot read; the message says what was wrong and what to do."""


class ModelUnavailableError(RuntimeError):
    """A recognizer's weights or packages are not installed; the message names the fix."""
