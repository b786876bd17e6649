"""The voice floor's exception family."""

from __future__ import annotations


class VoiceError(Exception):
    """Base of the voice floor's errors; every message says what was wrong and what to do."""


class AudioFormatError(VoiceError, ValueError):
    """Audio that cannot be read or converted (not audio, empty, silent where speech is needed)."""


class AudioDeviceError(VoiceError, RuntimeError):
    """A microphone or speaker is missing, busy, or PyAudio is not installed."""


class VoiceModelUnavailableError(VoiceError, RuntimeError):
    """A speech model's package or weights are missing; the message names the fix."""
