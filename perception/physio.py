"""Affect from the body: EEG band power and frontal alpha asymmetry, heart rate, skin conductance.

Signal processing is scipy (Welch PSD for EEG) and NeuroKit2 (R peaks, EDA decomposition and
SCR peaks); what this module adds is the mapping to affect and the guard rails:
- valence from frontal alpha asymmetry, FAA = ln(alpha right) - ln(alpha left) over F4/F3 (or
  F8/F7, AF4/AF3, Fp2/Fp1): alpha power is inversely related to cortical activity, so more right
  alpha means relatively more left-frontal activity, linked to approach and positive affect
  (Davidson 1992; Coan & Allen 2004, Biological Psychology 67);
- arousal from the beta/alpha ratio and the engagement index beta/(alpha+theta) (Pope, Bogart &
  Bartolome 1995), heart rate above rest, and the rate of skin conductance responses
  (Boucsein 2012, "Electrodermal Activity");
- differential entropy per band, 0.5 ln(2 pi e sigma^2) of a band-limited Gaussian signal (Duan,
  Zhu & Lu 2013), reported as features.
NaN/inf samples are interpolated over when few, and a channel that is mostly missing or flat is
dropped: either way confidence falls, and the estimate itself is never NaN.
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from appraisal import VAD
from perception.base import AffectEstimate, PhysioRecognizer
from perception.errors import ModelUnavailableError, PerceptionError
from perception.physio_signals import (
    BANDS_HZ,
    band_powers,
    clean,
    differential_entropy,
    frontal_alpha_asymmetry,
)

PHYSIO_INSTALL = 'pip install "affective-agent[physio]"'
EEG_ARTIFACT_Z = 6.0
"""Robust z beyond which an EEG sample is an artifact: a Gaussian passes it once in ~10^9."""


@dataclass(frozen=True, slots=True)
class PhysioWindow:
    """A few seconds of synchronised signals at one sample rate.

    ``eeg`` is channels x samples (volts or microvolts: only ratios are used) with names in
    ``eeg_channels``; ``ecg`` and ``eda`` (microsiemens) are 1-D. Any may be None.
    """

    sample_rate_hz: float
    eeg: np.ndarray | None = None
    eeg_channels: tuple[str, ...] = ()
    ecg: np.ndarray | None = None
    eda: np.ndarray | None = None
    t: float | None = None


@dataclass(frozen=True, slots=True)
class PhysioFeatures:
    """What was measured in one window, and how much of it could be trusted (0-1 each)."""

    heart_rate_bpm: float | None = None
    hrv_rmssd_ms: float | None = None
    scr_count: int | None = None
    eda_tonic_us: float | None = None
    band_power: dict[str, list[float]] = field(default_factory=dict)
    differential_entropy: dict[str, list[float]] = field(default_factory=dict)
    alpha_asymmetry: float | None = None
    beta_alpha_ratio: float | None = None
    engagement_index: float | None = None
    quality: dict[str, float] = field(default_factory=dict)


class NeuroKitPhysio(PhysioRecognizer):
    """Reads valence (EEG) and arousal (EEG, heart, skin) from one ``PhysioWindow``.

    Args:
        resting_hr_bpm: the person's resting heart rate (``calibrate`` measures it).
        resting_scr_per_min: their resting rate of skin conductance responses.
        resting_beta_alpha: their resting beta/alpha power ratio.
        clock: time source for ``t`` when a window carries none.
    """

    name = "physio"

    def __init__(
        self,
        *,
        resting_hr_bpm: float = 70.0,
        resting_scr_per_min: float = 2.0,
        resting_beta_alpha: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        try:
            import neurokit2
            import scipy.signal  # noqa: F401
        except ImportError as exc:
            raise ModelUnavailableError(f"physio needs {exc.name}: {PHYSIO_INSTALL}") from exc
        self._nk = neurokit2
        self.resting_hr_bpm = resting_hr_bpm
        self.resting_scr_per_min = resting_scr_per_min
        self.resting_beta_alpha = resting_beta_alpha
        self.clock = clock

    def calibrate(self, window: PhysioWindow) -> PhysioFeatures:
        """Take a resting window's heart rate, SCR rate and beta/alpha as this person's baseline."""
        f = self.features(window)
        minutes = _duration_s(window) / 60.0
        if f.heart_rate_bpm is not None:
            self.resting_hr_bpm = f.heart_rate_bpm
        if f.scr_count is not None and minutes > 0:
            self.resting_scr_per_min = f.scr_count / minutes
        if f.beta_alpha_ratio is not None:
            self.resting_beta_alpha = f.beta_alpha_ratio
        return f

    def features(self, window: PhysioWindow) -> PhysioFeatures:
        """Every feature the window's signals allow; absent or unusable signals give None."""
        fs = _check_window(window)
        quality: dict[str, float] = {}
        out: dict[str, object] = {}
        if window.ecg is not None:
            ecg, quality["ecg"] = clean(window.ecg, "ECG")
            if ecg is not None:
                out.update(self._heart(ecg, fs, quality))
        if window.eda is not None:
            eda, quality["eda"] = clean(window.eda, "EDA")
            if eda is not None:
                out.update(self._skin(eda, fs, quality))
        if window.eeg is not None:
            out.update(self._brain(window, fs, quality))
        return PhysioFeatures(quality=quality, **out)  # type: ignore[arg-type]

    def predict(self, window: object) -> AffectEstimate:
        if not isinstance(window, PhysioWindow):
            raise PerceptionError(
                f"physio reads a PhysioWindow, got {type(window).__name__}; "
                "build one with PhysioWindow(sample_rate_hz=..., eeg=..., ecg=..., eda=...)"
            )
        return self.estimate(window, self.features(window))

    def estimate(self, window: PhysioWindow, f: PhysioFeatures) -> AffectEstimate:
        """Map features to VAD and a confidence that reflects how much signal was usable."""
        arousal: list[tuple[float, float]] = []  # (value, quality weight)
        q = f.quality
        if f.heart_rate_bpm is not None:
            arousal.append((math.tanh((f.heart_rate_bpm - self.resting_hr_bpm) / 20.0), q["ecg"]))
        if f.scr_count is not None:
            per_min = f.scr_count / max(_duration_s(window) / 60.0, 1e-9)
            arousal.append((math.tanh((per_min - self.resting_scr_per_min) / 4.0), q["eda"]))
        if f.beta_alpha_ratio is not None:
            ratio = math.log(f.beta_alpha_ratio / self.resting_beta_alpha)
            arousal.append((math.tanh(ratio), q["eeg"]))
        valence, valence_q = 0.0, 0.0
        if f.alpha_asymmetry is not None:
            # ~0.2-0.5 ln units separate groups in the FAA literature: scale so 0.5 -> ~0.76.
            valence, valence_q = math.tanh(2.0 * f.alpha_asymmetry), q["eeg"]
        weights = [w for _, w in arousal]
        a = sum(v * w for v, w in arousal) / sum(weights) if sum(weights) > 0 else 0.0
        used = weights + ([valence_q] if f.alpha_asymmetry is not None else [])
        # Physiology is weak evidence of a named emotion: never more than 0.6 however clean.
        confidence = min(0.6, 0.15 * len(used)) * (sum(used) / len(used)) if used else 0.0
        only_eeg = window.ecg is None and window.eda is None
        return AffectEstimate(
            vad=VAD(valence, a, 0.0),
            confidence=float(min(max(confidence, 0.0), 1.0)),
            modality="eeg" if only_eeg else "physio",
            t=self.clock() if window.t is None else window.t,
        )

    # -- per signal -----------------------------------------------------------------------------

    def _heart(self, ecg: np.ndarray, fs: float, quality: dict[str, float]) -> dict[str, object]:
        try:
            _, info = self._nk.ecg_peaks(ecg, sampling_rate=int(round(fs)))
        except Exception:  # NeuroKit raises assorted errors on junk; the signal is just unusable
            quality["ecg"] = 0.0
            return {}
        peaks = np.asarray(info["ECG_R_Peaks"], dtype=np.float64)
        rr_s = np.diff(peaks) / fs
        # 30-220 bpm: any other interval is a missed or an extra beat, not a heart rate.
        rr_s = rr_s[(rr_s > 0.27) & (rr_s < 2.0)]
        if rr_s.size < 2:
            quality["ecg"] = 0.0
            return {}
        rmssd_ms = float(np.sqrt(np.mean(np.diff(rr_s * 1000.0) ** 2))) if rr_s.size > 2 else None
        return {"heart_rate_bpm": float(60.0 / rr_s.mean()), "hrv_rmssd_ms": rmssd_ms}

    def _skin(self, eda: np.ndarray, fs: float, quality: dict[str, float]) -> dict[str, object]:
        try:
            with warnings.catch_warnings():  # NeuroKit warns on windows without any SCR onset
                warnings.simplefilter("ignore", RuntimeWarning)
                signals, info = self._nk.eda_process(eda, sampling_rate=int(round(fs)))
        except Exception:  # as above: an unusable window, not a crash
            quality["eda"] = 0.0
            return {}
        peaks = [p for p in info.get("SCR_Peaks", []) if not math.isnan(float(p))]
        tonic = float(np.nanmean(signals["EDA_Tonic"].to_numpy()))
        return {"scr_count": len(peaks), "eda_tonic_us": tonic if math.isfinite(tonic) else None}

    def _brain(
        self, window: PhysioWindow, fs: float, quality: dict[str, float]
    ) -> dict[str, object]:
        eeg = np.atleast_2d(np.asarray(window.eeg, dtype=np.float64))
        names = window.eeg_channels or tuple(f"ch{i}" for i in range(eeg.shape[0]))
        if len(names) != eeg.shape[0]:
            raise PerceptionError(
                f"{eeg.shape[0]} EEG channels but {len(names)} names; give one name per row"
            )
        kept, kept_names, qualities = [], [], []
        for row, name in zip(eeg, names, strict=True):
            signal, q = clean(row, f"EEG {name}", artifact_z=EEG_ARTIFACT_Z)
            qualities.append(q)
            if signal is not None:
                kept.append(signal)
                kept_names.append(name)
        quality["eeg"] = float(np.mean(qualities)) if qualities else 0.0
        if not kept:
            return {}
        powers = band_powers(np.stack(kept), fs)
        mean = {band: float(np.mean(p)) for band, p in powers.items()}
        out: dict[str, object] = {
            "band_power": {b: [float(x) for x in p] for b, p in powers.items()},
            "differential_entropy": {
                b: [float(x) for x in differential_entropy(p)] for b, p in powers.items()
            },
        }
        if mean["alpha"] > 0:
            out["beta_alpha_ratio"] = mean["beta"] / mean["alpha"]
            out["engagement_index"] = mean["beta"] / (mean["alpha"] + mean["theta"])
        out["alpha_asymmetry"] = frontal_alpha_asymmetry(powers["alpha"], kept_names)
        return out


def _check_window(window: PhysioWindow) -> float:
    fs = float(window.sample_rate_hz)
    if not math.isfinite(fs) or fs < 32:
        raise PerceptionError(f"sample rate must be >= 32 Hz, got {window.sample_rate_hz!r}")
    if window.eeg is None and window.ecg is None and window.eda is None:
        raise PerceptionError("the window holds no signal: give eeg, ecg or eda samples")
    return fs


def _duration_s(window: PhysioWindow) -> float:
    lengths: Sequence[int] = [
        np.asarray(x).shape[-1] for x in (window.eeg, window.ecg, window.eda) if x is not None
    ]
    return max(lengths) / float(window.sample_rate_hz) if lengths else 0.0


__all__ = ["BANDS_HZ", "NeuroKitPhysio", "PhysioFeatures", "PhysioWindow"]
