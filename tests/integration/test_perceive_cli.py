"""`affect perceive` as a user runs it: files and the BrainFlow synthetic board, JSON lines out."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.integration
FS = 250


def perceive(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent", "perceive", *args],
                          capture_output=True, text=True, timeout=timeout, check=False)


def lines(proc: subprocess.CompletedProcess[str]) -> list[dict]:
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert out, "no JSON lines"
    for obj in out:
        vad = obj["vad"]
        assert all(math.isfinite(vad[k]) and -1 <= vad[k] <= 1
                   for k in ("valence", "arousal", "dominance"))
        assert 0.0 <= obj["confidence"] <= 1.0 and isinstance(obj["contributions"], dict)
    return out


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 s CSV: F3/F4 with alpha stronger on the right, a 100 bpm ECG, EDA with 3 SCRs."""
    nk = pytest.importorskip("neurokit2", reason='physio extra absent: pip install ".[physio]"')
    n = 20 * FS
    t = np.arange(n) / FS
    rng = np.random.default_rng(0)
    f3 = rng.normal(0, 1, n) + 0.5 * np.sin(2 * np.pi * 10 * t)
    f4 = rng.normal(0, 1, n) + 3.0 * np.sin(2 * np.pi * 10 * t)
    ecg = nk.ecg_simulate(duration=20, sampling_rate=FS, heart_rate=100, random_state=0)[:n]
    eda = nk.eda_simulate(duration=20, sampling_rate=FS, scr_number=3, random_state=0)[:n]
    path = tmp_path_factory.mktemp("physio") / "rec.csv"
    np.savetxt(path, np.column_stack([t, f3, f4, ecg, eda]), delimiter=",",
               header="time,F3,F4,ECG,EDA", comments="")
    return path


@pytest.fixture(scope="module")
def astronaut_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cv2 = pytest.importorskip("cv2", reason='face extra absent: pip install ".[face]"')
    pytest.importorskip("fer", reason="fer absent: pip install --no-deps -r scripts/nodeps.txt")
    data = pytest.importorskip("skimage.data", reason="scikit-image absent")
    path = tmp_path_factory.mktemp("face") / "astronaut.png"
    cv2.imwrite(str(path), cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR))
    return path


def test_face_image_gives_one_positive_line(astronaut_png: Path) -> None:
    (out,) = lines(perceive("--face", str(astronaut_png), "--json"))
    assert out["vad"]["valence"] > 0.5 and out["contributions"] == {"face": 1.0}
    assert len(out["faces"]) == 1 and out["faces"][0]["label"] == "joy"


def test_physio_recording_streams_windows(recording: Path) -> None:
    out = lines(perceive("--eeg", str(recording), "--rate", "250", "--json", "--interval-s", "2"))
    assert len(out) >= 8
    assert [o["t"] for o in out] == sorted(o["t"] for o in out)
    assert all(o["contributions"] == {"physio": 1.0} for o in out)
    assert all(o["vad"]["valence"] > 0 for o in out)  # right-heavy alpha -> positive FAA


def test_face_and_physio_files_are_fused(astronaut_png: Path, recording: Path) -> None:
    out = lines(perceive("--face", str(astronaut_png), "--eeg", str(recording), "--rate",
                         "250", "--json", "--interval-s", "5"))
    assert out[0]["contributions"] == {"face": 1.0}  # the photo at t=0, before a full window
    assert any(set(o["contributions"]) == {"face", "physio"} for o in out)
    assert out[-1]["contributions"].get("face", 0.0) < 0.01  # the still photo went stale


def test_brainflow_synthetic_board_streams_live() -> None:
    pytest.importorskip("brainflow", reason='physio extra absent: pip install ".[physio]"')
    out = lines(perceive("--eeg", "brainflow:synthetic", "--window-s", "2", "--seconds", "7",
                         "--json"))
    assert len(out) >= 2 and out[-1]["t"] > out[0]["t"]
    assert out[-1]["contributions"] == {"physio": 1.0}


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "give --face and/or --eeg"),
        (("--eeg", "nowhere.edf"), "no such recording"),
        (("--face", "nowhere.mp4"), "neither a file nor a camera"),
        (("--face", "camera", "--eeg", "rec.edf"), "mix live sources"),
        (("--eeg", "lsl:"), "LSL stream's name"),
        (("--face", "camera:9"), "cannot open camera 9"),
    ],
)
def test_bad_sources_fail_with_a_clear_message(args: tuple[str, ...], message: str) -> None:
    proc = perceive(*args)
    assert proc.returncode != 0
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_csv_without_rate_is_refused(recording: Path) -> None:
    proc = perceive("--eeg", str(recording))
    assert proc.returncode != 0 and "--rate" in proc.stderr
