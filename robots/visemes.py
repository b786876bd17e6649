"""Speech -> mouth shapes: IPA phonemes with timings -> viseme frames -> ARKit mouth weights.

The viseme set is the 15 of Meta's Oculus Lipsync reference (sil, PP, FF, TH, DD, kk, CH, SS, nn,
RR, aa, E, ih, oh, ou), which Unity, Unreal and Godot avatar kits accept; the phoneme -> viseme
table follows that reference's example phonemes, extended to the IPA that espeak-ng prints. Each
viseme also has a mouth pose in ARKit blendshapes (ours, set by eye on the ARKit descriptions) for
renderers that only speak ARKit.

Timings come from the TTS engine when it reports them (``TimedPhoneme``); otherwise
:func:`time_phonemes` spreads the phonemes over the audio's duration with relative durations by
phoneme class (vowels longest, stops shortest: the pattern of Klatt 1979's segment duration
rules, without its context rules).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from robots.errors import RendererUnavailableError, RobotsError

VISEMES: tuple[str, ...] = (
    "sil", "PP", "FF", "TH", "DD", "kk", "CH", "SS", "nn", "RR", "aa", "E", "ih", "oh", "ou",
)  # fmt: skip

# One IPA character (or affricate pair) -> viseme.
IPA_VISEME: Mapping[str, str] = {
    "p": "PP", "b": "PP", "m": "PP",
    "f": "FF", "v": "FF",
    "θ": "TH", "ð": "TH",
    "t": "DD", "d": "DD", "ɾ": "DD", "ʔ": "DD",
    "k": "kk", "g": "kk", "ɡ": "kk", "ŋ": "kk", "x": "kk",
    "tʃ": "CH", "dʒ": "CH", "ʃ": "CH", "ʒ": "CH",
    "s": "SS", "z": "SS",
    "n": "nn", "l": "nn",
    "ɹ": "RR", "r": "RR", "ɚ": "RR", "ɝ": "RR",
    "ɑ": "aa", "a": "aa", "æ": "aa", "ʌ": "aa", "ɐ": "aa", "ə": "aa",
    "e": "E", "ɛ": "E", "ɜ": "E",
    "i": "ih", "ɪ": "ih", "ᵻ": "ih", "j": "ih", "y": "ih",
    "o": "oh", "ɔ": "oh", "ɒ": "oh",
    "u": "ou", "ʊ": "ou", "w": "ou",
}  # fmt: skip
_VOWELS = set("ɑaæʌɐəeɛɜiɪᵻyoɔɒuʊɚɝ")
_STOPS = set("pbtdkgɡʔɾ")
_FRICATIVES = set("fvθðszʃʒxh")
# Relative durations (vowel = 1.0); "ː" lengthens by half.
_CLASS_DURATION = {"vowel": 1.0, "stop": 0.6, "fricative": 0.8, "other": 0.65}
_SYLLABLES_PER_WORD = 1.4  # English average, to turn words per minute into seconds per vowel
_CLAUSE_PAUSE = 1.8  # a clause break lasts this many vowel units

# Viseme -> ARKit mouth pose.
VISEME_POSES: Mapping[str, Mapping[str, float]] = {
    "sil": {},
    "PP": {"mouthClose": 0.6, "mouthPressLeft": 0.4, "mouthPressRight": 0.4},
    "FF": {"mouthRollLower": 0.5, "mouthUpperUpLeft": 0.2, "mouthUpperUpRight": 0.2,
           "jawOpen": 0.1},
    "TH": {"jawOpen": 0.15, "tongueOut": 0.4},
    "DD": {"jawOpen": 0.2, "mouthStretchLeft": 0.1, "mouthStretchRight": 0.1},
    "kk": {"jawOpen": 0.25},
    "CH": {"mouthFunnel": 0.5, "mouthPucker": 0.2, "jawOpen": 0.15},
    "SS": {"jawOpen": 0.1, "mouthStretchLeft": 0.3, "mouthStretchRight": 0.3},
    "nn": {"jawOpen": 0.15},
    "RR": {"mouthPucker": 0.3, "mouthFunnel": 0.2, "jawOpen": 0.15},
    "aa": {"jawOpen": 0.6, "mouthLowerDownLeft": 0.2, "mouthLowerDownRight": 0.2},
    "E": {"jawOpen": 0.35, "mouthStretchLeft": 0.3, "mouthStretchRight": 0.3},
    "ih": {"jawOpen": 0.2, "mouthStretchLeft": 0.35, "mouthStretchRight": 0.35},
    "oh": {"jawOpen": 0.4, "mouthFunnel": 0.5},
    "ou": {"jawOpen": 0.15, "mouthPucker": 0.7, "mouthFunnel": 0.3},
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimedPhoneme:
    """One IPA phoneme (or ``|`` for a pause) with its start and duration in seconds."""

    symbol: str
    start_s: float
    duration_s: float


@dataclass(frozen=True, slots=True)
class VisemeFrame:
    """A viseme held from ``start_s`` for ``duration_s`` seconds at ``weight`` in [0, 1]."""

    viseme: str
    start_s: float
    duration_s: float
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "viseme": self.viseme,
            "start_ms": round(self.start_s * 1000.0, 1),
            "duration_ms": round(self.duration_s * 1000.0, 1),
            "weight": round(self.weight, 3),
        }


def split_ipa(ipa: str) -> list[str]:
    """Phonemes of espeak-ng ``--ipa --sep=_`` output; ``|`` marks a clause break.

    >>> split_ipa("h_ə_l_ˈoʊ\\nw_ˈɜː_l_d")
    ['h', 'ə', 'l', 'oʊ', '|', 'w', 'ɜː', 'l', 'd']
    """
    out: list[str] = []
    for line in ipa.strip().splitlines():
        if out and line.strip():
            out.append("|")
        for word in line.split():
            out.extend(p for p in word.replace("ˈ", "").replace("ˌ", "").split("_") if p)
    return out


def _units(phoneme: str) -> list[tuple[str, str, float]]:
    """(character, viseme, relative duration) for each sounding part of one phoneme."""
    parts: list[tuple[str, str, float]] = []
    i = 0
    while i < len(phoneme):
        pair = phoneme[i : i + 2]
        char = pair if pair in ("tʃ", "dʒ") else phoneme[i]
        i += len(char)
        if char == "ː" and parts:
            c, v, d = parts[-1]
            parts[-1] = (c, v, d * 1.5)
            continue
        if char in _VOWELS:
            cls = "vowel"
        elif char[0] in _STOPS or char in ("tʃ", "dʒ"):
            cls = "stop"
        elif char in _FRICATIVES:
            cls = "fricative"
        else:
            cls = "other"
        viseme = IPA_VISEME.get(char)
        if viseme is None and char != "h":
            continue  # diacritics and symbols with no mouth shape of their own
        parts.append((char, viseme or "h", _CLASS_DURATION[cls]))
    return parts


def time_phonemes(
    phonemes: Sequence[str], *, duration_s: float | None = None, rate_wpm: float = 165.0
) -> list[TimedPhoneme]:
    """Spread phonemes over ``duration_s`` (the audio's length) or over the time the speech
    rate implies, by relative duration of each phoneme class."""
    if duration_s is not None and not duration_s > 0:
        raise RobotsError(f"duration_s must be positive seconds, got {duration_s!r}")
    if not 40.0 <= rate_wpm <= 600.0:
        raise RobotsError(f"rate_wpm must be in [40, 600] words per minute, got {rate_wpm!r}")
    weights = [_CLAUSE_PAUSE if p == "|" else sum(d for _, _, d in _units(p)) for p in phonemes]
    total = sum(weights)
    if total == 0:
        return []
    vowel_s = 60.0 / (rate_wpm * _SYLLABLES_PER_WORD) / 2.0
    scale = duration_s / total if duration_s is not None else vowel_s
    out, t = [], 0.0
    for p, w in zip(phonemes, weights, strict=True):
        if w > 0:
            out.append(TimedPhoneme(p, t, w * scale))
            t += w * scale
    return out


def visemes_from_phonemes(timed: Sequence[TimedPhoneme]) -> list[VisemeFrame]:
    """Viseme frames for timed phonemes, merging repeats; ``h`` takes the next sound's shape.

    >>> [f.viseme for f in visemes_from_phonemes(time_phonemes(split_ipa("h_ə_l_ˈoʊ")))]
    ['aa', 'nn', 'oh', 'ou']
    """
    pieces: list[tuple[str, float, float]] = []
    for ph in timed:
        if ph.symbol == "|":
            pieces.append(("sil", ph.start_s, ph.duration_s))
            continue
        units = _units(ph.symbol)
        total = sum(d for _, _, d in units) or 1.0
        t = ph.start_s
        for _, viseme, d in units:
            share = ph.duration_s * d / total
            pieces.append((viseme, t, share))
            t += share
    for i in range(len(pieces) - 1, -1, -1):  # backwards, so "h h a" all become "aa"
        if pieces[i][0] == "h":
            nxt = pieces[i + 1][0] if i + 1 < len(pieces) else "sil"
            pieces[i] = (nxt, pieces[i][1], pieces[i][2])
    frames: list[VisemeFrame] = []
    for viseme, start, dur in pieces:
        if frames and frames[-1].viseme == viseme:
            last = frames[-1]
            frames[-1] = VisemeFrame(viseme, last.start_s, last.duration_s + dur)
        else:
            frames.append(VisemeFrame(viseme, start, dur))
    return frames


class _EspeakLibrary:
    """espeak-ng's phonemizer in-process through its C API (speak_lib.h).

    Hand-bound with ctypes because the phonemes are all we need and the binding is four calls;
    running the ``espeak-ng`` program instead costs ~35 ms a turn (mostly its start-up), the
    library ~0.2 ms. Not thread-safe in espeak-ng itself, hence the lock.
    """

    _IPA = 0x02  # espeakPHONEMES_IPA
    _UTF8 = 1  # espeakCHARS_UTF8

    def __init__(self) -> None:
        name = ctypes.util.find_library("espeak-ng")
        if name is None:
            raise OSError("libespeak-ng not found")
        self.lib = ctypes.CDLL(name)
        # AUDIO_OUTPUT_SYNCHRONOUS: no audio device is opened; returns the sample rate or -1
        if self.lib.espeak_Initialize(2, 0, None, 0) < 0:
            raise OSError("espeak_Initialize failed")
        self.lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        self.lib.espeak_TextToPhonemes.argtypes = [
            ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int,
        ]  # fmt: skip
        self.voice: str | None = None
        self.lock = threading.Lock()

    def ipa(self, text: str, voice: str) -> str:
        with self.lock:
            if voice != self.voice:
                if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                    raise RobotsError(f"espeak-ng has no voice {voice!r}; try en-us")
                self.voice = voice
            buf = ctypes.create_string_buffer(text.encode("utf-8"))
            ptr = ctypes.c_void_p(ctypes.addressof(buf))
            mode = self._IPA | (ord("_") << 8)  # bits 8-23: the separator between phonemes
            clauses = []
            while ptr.value:  # one clause per call; the pointer moves on, NULL at the end
                out = self.lib.espeak_TextToPhonemes(ctypes.byref(ptr), self._UTF8, mode)
                clauses.append((out or b"").decode("utf-8", errors="replace"))
            return "\n".join(clauses)


_library: _EspeakLibrary | None = None
_library_tried = False


def espeak_ipa(text: str, *, voice: str = "en-us") -> str:
    """espeak-ng's IPA for ``text``, phonemes separated by ``_``, one clause a line (no audio)."""
    global _library, _library_tried
    if not _library_tried:
        _library_tried = True
        try:
            _library = _EspeakLibrary()
        except OSError:
            _library = None
    if _library is not None:
        return _library.ipa(text, voice)
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise RendererUnavailableError(
            "visemes need espeak-ng for phonemes: apt-get install espeak-ng"
        )
    try:
        done = subprocess.run(
            [exe, "-q", "--ipa", "--sep=_", "-v", voice, "--stdin"],
            input=text, capture_output=True, text=True, timeout=10, check=True,
        )  # fmt: skip
    except subprocess.CalledProcessError as exc:
        raise RobotsError(f"espeak-ng failed for voice {voice!r}: {exc.stderr.strip()}") from exc
    return done.stdout


def visemes_for_text(
    text: str, *, duration_s: float | None = None, rate_wpm: float = 165.0, voice: str = "en-us"
) -> list[VisemeFrame]:
    """Viseme frames for speaking ``text``, over ``duration_s`` when the audio's length is known."""
    frames = visemes_from_phonemes(
        time_phonemes(split_ipa(espeak_ipa(text, voice=voice)), duration_s=duration_s,
                      rate_wpm=rate_wpm)
    )  # fmt: skip
    return frames


def voiced_span(
    samples: np.ndarray, sample_rate_hz: int, *, frame_ms: float = 10.0, floor: float = 0.05
) -> tuple[float, float]:
    """(start_s, end_s) of the speech in a clip: the first and last 10 ms frames whose RMS
    reaches ``floor`` x the loudest frame's. TTS engines pad clips with silence; lips must not
    move over it.

    >>> x = np.zeros(16000, dtype=np.float32); x[4000:12000] = 0.5
    >>> voiced_span(x, 16000)
    (0.25, 0.75)
    """
    n = max(1, int(sample_rate_hz * frame_ms / 1000.0))
    frames = len(samples) // n
    if frames == 0:
        return 0.0, len(samples) / float(sample_rate_hz)
    rms = np.sqrt(
        np.mean(np.square(samples[: frames * n].reshape(frames, n), dtype=np.float64), axis=1)
    )
    loud = np.flatnonzero(rms >= floor * rms.max()) if rms.max() > 0 else np.array([], dtype=int)
    if loud.size == 0:
        return 0.0, 0.0
    return float(loud[0] * n / sample_rate_hz), float((loud[-1] + 1) * n / sample_rate_hz)


def shifted(frames: Sequence[VisemeFrame], offset_s: float) -> list[VisemeFrame]:
    """The same frames ``offset_s`` seconds later."""
    return [VisemeFrame(f.viseme, f.start_s + offset_s, f.duration_s, f.weight) for f in frames]


def mouth_at(
    frames: Sequence[VisemeFrame], t_s: float, *, blend_s: float = 0.04
) -> dict[str, float]:
    """ARKit mouth weights at time ``t_s``, cross-fading ``blend_s`` seconds into each viseme
    (coarticulation: the mouth moves toward the next shape before the sound starts)."""
    out: dict[str, float] = {}
    for f in frames:
        if f.start_s - blend_s <= t_s < f.start_s + f.duration_s:
            k = 1.0 if t_s >= f.start_s else 1.0 - (f.start_s - t_s) / blend_s
            for shape, w in VISEME_POSES[f.viseme].items():
                out[shape] = max(out.get(shape, 0.0), w * f.weight * k)
    return out
