"""The voice floor: audio in and out, speech activity, ASR, turn-taking and TTS with prosody.

Imports appraisal only; heavy packages (onnxruntime, faster-whisper, piper) load inside the
classes that need them.
"""

from __future__ import annotations

from voice.audio import AudioClip, load_audio, save_audio, to_mono_float
from voice.errors import AudioDeviceError, AudioFormatError, VoiceError, VoiceModelUnavailableError
from voice.prosody import Prosody, prosody_for

__all__ = [
    "AudioClip",
    "AudioDeviceError",
    "AudioFormatError",
    "Prosody",
    "VoiceError",
    "VoiceModelUnavailableError",
    "load_audio",
    "prosody_for",
    "save_audio",
    "to_mono_float",
]
