"""Physio features on synthetic signals with known truth (NeuroKit2 simulators, numpy EEG)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from perception.errors import PerceptionError

pytestmark = pytest.mark.backends
nk = pytest.importorskip("neurokit2", reason='physio extra absent: pip install ".[physio]"')
pytest.importorskip("scipy", reason='physio extra absent: pip install ".[physio]"')

from perception.physio import NeuroKitPhysio, PhysioWindow  # noqa: E402
from perception.physio_signals import band_powers  # noqa: E402

FS = 250
CHANNELS = ("Fz", "F3", "F4", "Cz", "Pz")


@pytest.fixture(scope="module")
def physio() -> NeuroKitPhysio:
    return NeuroKitPhysio(clock=lambda: 0.0)


def eeg_with_alpha(left: float, right: float, seconds: float = 8.0, seed: int = 0) -> np.ndarray:
    """Pink-ish noise on every channel plus a 10 Hz alpha rhythm of the given amplitude at F3/F4."""
    rng = np.random.default_rng(seed)
    n = int(seconds * FS)
    t = np.arange(n) / FS
    noise = np.cumsum(rng.normal(0, 1, (len(CHANNELS), n)), axis=1)
    noise -= np.convolve(noise.mean(axis=0), np.ones(25) / 25, mode="same")  # drift out
    noise = noise / noise.std(axis=1, keepdims=True) + rng.normal(0, 1, (len(CHANNELS), n))
    alpha = np.sin(2 * np.pi * 10.0 * t + rng.uniform(0, 2 * np.pi))
    noise[CHANNELS.index("F3")] += left * alpha
    noise[CHANNELS.index("F4")] += right * alpha
    return noise


@pytest.mark.parametrize("bpm", [55, 72, 95, 120])
def test_heart_rate_within_2_bpm(physio, bpm) -> None:
    ecg = nk.ecg_simulate(duration=30, sampling_rate=FS, heart_rate=bpm, random_state=bpm)
    hr = physio.features(PhysioWindow(sample_rate_hz=FS, ecg=ecg)).heart_rate_bpm
    assert hr is not None and abs(hr - bpm) <= 2.0


@pytest.mark.parametrize("count", [1, 3, 5])
def test_scr_count_is_exact(physio, count) -> None:
    eda = nk.eda_simulate(duration=40, sampling_rate=FS, scr_number=count, random_state=count)
    f = physio.features(PhysioWindow(sample_rate_hz=FS, eda=eda))
    assert f.scr_count == count
    assert f.eda_tonic_us is not None and f.eda_tonic_us > 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_alpha_asymmetry_sign_and_valence(physio, seed) -> None:
    more_right = PhysioWindow(sample_rate_hz=FS, eeg=eeg_with_alpha(0.5, 3.0, seed=seed),
                              eeg_channels=CHANNELS)
    more_left = PhysioWindow(sample_rate_hz=FS, eeg=eeg_with_alpha(3.0, 0.5, seed=seed),
                             eeg_channels=CHANNELS)
    right_faa = physio.features(more_right).alpha_asymmetry
    left_faa = physio.features(more_left).alpha_asymmetry
    assert right_faa is not None and left_faa is not None
    assert right_faa > 0 > left_faa
    assert physio.predict(more_right).vad.valence > 0 > physio.predict(more_left).vad.valence
    assert physio.predict(more_right).modality == "eeg"


def test_band_power_finds_the_injected_rhythm() -> None:
    t = np.arange(4 * FS) / FS
    powers = band_powers(np.stack([np.sin(2 * np.pi * 10 * t), np.sin(2 * np.pi * 20 * t)]), FS)
    assert powers["alpha"][0] > 10 * powers["beta"][0]
    assert powers["beta"][1] > 10 * powers["alpha"][1]
    assert math.isclose(powers["alpha"][0], 0.5, rel_tol=0.05)  # a unit sine's variance


def test_faster_heart_and_more_scrs_raise_arousal(physio) -> None:
    def window(bpm: int, scrs: int) -> PhysioWindow:
        return PhysioWindow(
            sample_rate_hz=FS,
            ecg=nk.ecg_simulate(duration=30, sampling_rate=FS, heart_rate=bpm, random_state=3),
            eda=nk.eda_simulate(duration=30, sampling_rate=FS, scr_number=scrs, random_state=3),
        )

    calm, aroused = physio.predict(window(60, 1)), physio.predict(window(110, 6))
    assert aroused.vad.arousal > calm.vad.arousal
    assert aroused.modality == "physio"


def test_nan_and_inf_samples_lower_confidence_never_nan(physio) -> None:
    ecg = nk.ecg_simulate(duration=30, sampling_rate=FS, heart_rate=80, random_state=4)
    clean = physio.predict(PhysioWindow(sample_rate_hz=FS, ecg=ecg))
    holed = ecg.copy()
    holed[::9] = np.nan
    holed[5::31] = np.inf
    gappy = physio.predict(PhysioWindow(sample_rate_hz=FS, ecg=holed))
    assert gappy.confidence < clean.confidence
    assert all(math.isfinite(v) for v in gappy.vad.as_array())
    hr = physio.features(PhysioWindow(sample_rate_hz=FS, ecg=holed)).heart_rate_bpm
    assert hr is not None and abs(hr - 80) <= 3


def test_all_nan_or_flat_signals_give_zero_confidence_neutral(physio) -> None:
    n = 10 * FS
    eeg = eeg_with_alpha(1, 1, seconds=10)
    eeg[:] = np.nan
    window = PhysioWindow(sample_rate_hz=FS, ecg=np.full(n, np.nan), eda=np.full(n, 3.0),
                          eeg=eeg, eeg_channels=CHANNELS)
    est = physio.predict(window)
    assert est.confidence == 0.0
    assert all(math.isfinite(v) for v in est.vad.as_array())


def test_eeg_spikes_are_treated_as_artifacts(physio) -> None:
    eeg = eeg_with_alpha(0.5, 3.0)
    clean_q = physio.features(PhysioWindow(sample_rate_hz=FS, eeg=eeg, eeg_channels=CHANNELS))
    spiky = eeg.copy()
    spiky[:, 100:2000:97] += 400.0  # blinks / electrode pops on every channel
    f = physio.features(PhysioWindow(sample_rate_hz=FS, eeg=spiky, eeg_channels=CHANNELS))
    assert f.quality["eeg"] < clean_q.quality["eeg"]
    assert f.alpha_asymmetry is not None and f.alpha_asymmetry > 0
    assert f.alpha_asymmetry == pytest.approx(clean_q.alpha_asymmetry, abs=0.2)


def test_a_dropped_frontal_channel_removes_valence_not_the_estimate(physio) -> None:
    eeg = eeg_with_alpha(0.5, 3.0)
    eeg[CHANNELS.index("F4")] = np.nan
    f = physio.features(PhysioWindow(sample_rate_hz=FS, eeg=eeg, eeg_channels=CHANNELS))
    assert f.alpha_asymmetry is None and f.beta_alpha_ratio is not None
    assert f.quality["eeg"] == pytest.approx(0.8)


@pytest.mark.parametrize(
    "window, match",
    [
        (PhysioWindow(sample_rate_hz=FS), "no signal"),
        (PhysioWindow(sample_rate_hz=float("nan"), ecg=np.zeros(100)), "sample rate"),
        (PhysioWindow(sample_rate_hz=FS, ecg=np.zeros(4)), "samples"),
        (PhysioWindow(sample_rate_hz=FS, eeg=np.zeros((2, 500)), eeg_channels=("F3",)), "names"),
    ],
)
def test_bad_windows_are_refused_clearly(physio, window, match) -> None:
    with pytest.raises(PerceptionError, match=match):
        physio.predict(window)


def test_calibration_moves_the_baseline(physio) -> None:
    rest = PhysioWindow(sample_rate_hz=FS, ecg=nk.ecg_simulate(
        duration=30, sampling_rate=FS, heart_rate=90, random_state=5))
    own = NeuroKitPhysio(clock=lambda: 0.0)
    before = own.predict(rest).vad.arousal
    own.calibrate(rest)
    assert abs(own.resting_hr_bpm - 90) <= 2
    assert abs(own.predict(rest).vad.arousal) < abs(before)


def write_edf(path, signals: dict[str, np.ndarray], fs: int) -> None:
    """A minimal EDF (Kemp et al. 1992): 1 s records of 16-bit samples.

    Written by hand because only readers (MNE) are installed here; the reader under test is MNE's.
    """
    names, n = list(signals), len(next(iter(signals.values())))
    seconds = n // fs
    lo = {k: float(np.floor(v.min())) - 1 for k, v in signals.items()}
    hi = {k: float(np.ceil(v.max())) + 1 for k, v in signals.items()}

    def field(values, width) -> bytes:
        return b"".join(str(v).ljust(width)[:width].encode("ascii") for v in values)

    ns = len(names)
    header = (field(["0"], 8) + field(["X"], 80) + field(["Startdate X"], 80)
              + field(["01.01.26"], 8) + field(["00.00.00"], 8) + field([256 * (ns + 1)], 8)
              + field([""], 44) + field([seconds], 8) + field([1], 8) + field([ns], 4)
              + field(names, 16) + field([""] * ns, 80) + field(["uV"] * ns, 8)
              + field([lo[k] for k in names], 8) + field([hi[k] for k in names], 8)
              + field([-32768] * ns, 8) + field([32767] * ns, 8) + field([""] * ns, 80)
              + field([fs] * ns, 8) + field([""] * ns, 32))
    digital = {k: np.round((v - lo[k]) / (hi[k] - lo[k]) * 65535 - 32768).astype("<i2")
               for k, v in signals.items()}
    records = b"".join(digital[k][r * fs:(r + 1) * fs].tobytes()
                       for r in range(seconds) for k in names)
    path.write_bytes(header + records)


def test_edf_recording_read_through_mne(physio, tmp_path) -> None:
    pytest.importorskip("mne", reason='physio extra absent: pip install ".[physio]"')
    from perception.physio_sources import read_file, slide

    eeg = eeg_with_alpha(0.5, 3.0, seconds=20) * 10.0
    ecg = nk.ecg_simulate(duration=20, sampling_rate=FS, heart_rate=75, random_state=7)[: 20 * FS]
    path = tmp_path / "rec.edf"
    write_edf(path, {"F3": eeg[1], "F4": eeg[2], "ECG": ecg * 1000.0}, FS)
    recording = read_file(path)
    assert recording.sample_rate_hz == FS and recording.eeg_channels == ("F3", "F4")
    assert recording.ecg is not None and recording.eda is None
    windows = list(slide(recording, window_s=10, step_s=5))
    assert [w.t for w in windows] == [10.0, 15.0, 20.0]
    for window in windows:
        f = physio.features(window)
        assert f.alpha_asymmetry is not None and f.alpha_asymmetry > 0
        assert f.heart_rate_bpm is not None and abs(f.heart_rate_bpm - 75) <= 2
