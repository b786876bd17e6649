"""Microphone and speaker through PyAudio (PortAudio), with device selection and rate conversion.

Devices open at a rate they support and convert to/from the caller's rate, so a 44.1 kHz
headset and a 16 kHz pipeline work together. Without PyAudio or without devices, every entry
point raises ``AudioDeviceError`` saying what to install or which devices exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from voice.audio import ASR_RATE_HZ, resample, to_mono_float
from voice.errors import AudioDeviceError


@dataclass(frozen=True, slots=True)
class Device:
    index: int
    name: str
    inputs: int
    outputs: int
    default_rate_hz: int


def _pyaudio() -> Any:
    try:
        import pyaudio
    except ImportError as exc:
        raise AudioDeviceError(
            "PyAudio is not installed: apt-get install portaudio19-dev && pip install pyaudio "
            "(or use `affect voice --input IN.wav`)"
        ) from exc
    return pyaudio


def list_devices() -> list[Device]:
    """Every PortAudio device with its channel counts and default rate."""
    pa = _pyaudio().PyAudio()
    try:
        out = []
        for i in range(pa.get_device_count()):
            info = pa.get_device_info_by_index(i)
            out.append(Device(i, str(info["name"]), int(info["maxInputChannels"]),
                              int(info["maxOutputChannels"]), int(info["defaultSampleRate"])))
        return out
    finally:
        pa.terminate()


def pick_device(spec: str | int | None, *, output: bool) -> Device:
    """A device by index or name fragment; None picks the first with the needed channels."""
    devices = [d for d in list_devices() if (d.outputs if output else d.inputs) > 0]
    kind = "output" if output else "input"
    if not devices:
        raise AudioDeviceError(f"no audio {kind} device found; use --input/--output files")
    if spec is None:
        return devices[0]
    for d in devices:
        if str(spec).isdigit() and d.index == int(spec) or str(spec).lower() in d.name.lower():
            return d
    names = ", ".join(f"{d.index}: {d.name}" for d in devices)
    raise AudioDeviceError(f"no {kind} device matches {spec!r}; choose one of {names}")


class MicrophoneSource:
    """Reads the microphone in ``chunk_ms`` pieces, as mono float32 at ``sample_rate_hz``."""

    def __init__(self, *, device: str | int | None = None, sample_rate_hz: int = ASR_RATE_HZ,
                 chunk_ms: float = 32.0) -> None:
        self.device = pick_device(device, output=False)
        self.sample_rate_hz = sample_rate_hz
        self.chunk_ms = chunk_ms
        self._pa = _pyaudio().PyAudio()
        self._rate = self.device.default_rate_hz
        try:
            self._stream = self._pa.open(
                format=_pyaudio().paInt16, channels=1, rate=self._rate, input=True,
                input_device_index=self.device.index,
                frames_per_buffer=int(self._rate * chunk_ms / 1000),
            )
        except OSError as exc:
            self._pa.terminate()
            raise AudioDeviceError(f"cannot open {self.device.name!r} for input: {exc}") from exc

    def __iter__(self) -> Iterator[np.ndarray]:
        n = int(self._rate * self.chunk_ms / 1000)
        while True:
            raw = self._stream.read(n, exception_on_overflow=False)
            x = to_mono_float(np.frombuffer(raw, dtype="<i2"))
            yield resample(x, self._rate, self.sample_rate_hz)

    def close(self) -> None:
        self._stream.close()
        self._pa.terminate()


class SpeakerSink:
    """Plays mono float32 chunks; ``stop`` cuts playback at once (barge-in)."""

    def __init__(self, *, device: str | int | None = None) -> None:
        self.device = pick_device(device, output=True)
        self._pa = _pyaudio().PyAudio()
        self._rate = self.device.default_rate_hz
        try:
            self._stream = self._pa.open(format=_pyaudio().paInt16, channels=1, rate=self._rate,
                                         output=True, output_device_index=self.device.index)
        except OSError as exc:
            self._pa.terminate()
            raise AudioDeviceError(f"cannot open {self.device.name!r} for output: {exc}") from exc

    def write(self, samples: np.ndarray, sample_rate_hz: int) -> None:
        x = resample(np.asarray(samples, dtype=np.float32), sample_rate_hz, self._rate)
        self._stream.write((np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())

    def stop(self) -> None:
        self._stream.stop_stream()
        self._stream.start_stream()

    def close(self) -> None:
        self._stream.close()
        self._pa.terminate()
