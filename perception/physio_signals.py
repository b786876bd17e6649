"""Signal checks and EEG band features (scipy only), pure functions on numpy arrays."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from perception.errors import PerceptionError

BANDS_HZ: dict[str, tuple[float, float]] = {
    "delta": (1.0, 4.0),
    "theta": (4.0, 8.0),
    "alpha": (8.0, 13.0),
    "beta": (13.0, 30.0),
    "gamma": (30.0, 45.0),
}
"""The conventional clinical EEG bands (IFCN glossary; gamma capped below 50 Hz mains)."""

MAX_MISSING = 0.2
"""Above this fraction of NaN/inf samples a channel is dropped rather than interpolated."""

FRONTAL_PAIRS: tuple[tuple[str, str], ...] = (("F3", "F4"), ("F7", "F8"), ("AF3", "AF4"),
                                              ("Fp1", "Fp2"), ("F5", "F6"), ("F1", "F2"))
"""(left, right) 10-20 electrode pairs used for frontal alpha asymmetry, best first."""


def clean(
    samples: object, what: str, *, artifact_z: float | None = None
) -> tuple[np.ndarray | None, float]:
    """The signal with short NaN/inf gaps interpolated, and its quality in [0, 1].

    With ``artifact_z``, samples further than that many robust standard deviations (1.4826 x
    the median absolute deviation) from the median count as artifacts too: blinks, movement
    and electrode pops in EEG. Not for ECG, whose R peaks are legitimately that tall.
    Returns ``(None, 0.0)`` when the signal is unusable (mostly missing, or flat).

    >>> x, q = clean([1.0, float("nan"), 3.0, 2.0, 1.0, 0.0, 1.0, 2.0, 3.0, 2.0], "demo")
    >>> x[:3].tolist(), q
    ([1.0, 2.0, 3.0], 0.9)
    """
    try:
        x = np.asarray(samples, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise PerceptionError(
            f"{what} samples must be numbers, got {type(samples).__name__}"
        ) from exc
    if x.ndim != 1:
        raise PerceptionError(f"{what} must be one channel (1-D), got shape {x.shape}")
    if x.size < 8:
        raise PerceptionError(f"{what} window has {x.size} samples; send a few seconds")
    ok = np.isfinite(x)
    if artifact_z is not None and ok.sum() > 8:
        centre = np.median(x[ok])
        spread = 1.4826 * np.median(np.abs(x[ok] - centre))
        if spread > 0:
            ok &= np.abs(np.where(ok, x, centre) - centre) <= artifact_z * spread
    missing = 1.0 - ok.mean()
    if missing > MAX_MISSING:
        return None, 0.0
    if missing > 0:
        idx = np.arange(x.size)
        x = x.copy()
        x[~ok] = np.interp(idx[~ok], idx[ok], x[ok])
    spread = float(np.std(x))
    if not math.isfinite(spread) or spread <= 1e-12 * max(1.0, float(np.abs(x).max())):
        return None, 0.0  # flat: electrode off, or a sensor reporting a constant
    return x, float(1.0 - missing)


def band_powers(eeg: np.ndarray, sample_rate_hz: float) -> dict[str, np.ndarray]:
    """Absolute power per band and channel (input units squared) from Welch's PSD.

    Welch with 2 s Hann segments and 50 % overlap gives 0.5 Hz resolution, enough to separate
    the 1 Hz-wide edges of theta and alpha.
    """
    from scipy.integrate import trapezoid
    from scipy.signal import welch

    data = np.atleast_2d(np.asarray(eeg, dtype=np.float64))
    nperseg = int(min(data.shape[1], 2 * sample_rate_hz))
    freqs, psd = welch(data, fs=sample_rate_hz, nperseg=nperseg, axis=-1)
    nyquist = sample_rate_hz / 2.0
    out = {}
    for band, (lo, hi) in BANDS_HZ.items():
        mask = (freqs >= lo) & (freqs <= min(hi, nyquist))
        if mask.sum() < 2:
            out[band] = np.zeros(data.shape[0])
            continue
        out[band] = trapezoid(psd[:, mask], freqs[mask], axis=-1)
    return out


def differential_entropy(power: np.ndarray) -> np.ndarray:
    """Differential entropy of a band-limited Gaussian signal of variance ``power``.

    >>> round(float(differential_entropy(np.array([1.0]))[0]), 4)
    1.4189
    """
    return 0.5 * np.log(2.0 * np.pi * np.e * np.maximum(np.asarray(power, dtype=float), 1e-30))


def frontal_alpha_asymmetry(alpha_power: np.ndarray, channels: Sequence[str]) -> float | None:
    """ln(alpha right) - ln(alpha left) over the first frontal pair present; None if none is.

    Positive values (more right alpha, so relatively more left-frontal activity) go with
    approach and positive affect.

    >>> frontal_alpha_asymmetry(np.array([1.0, 2.0]), ["F3", "F4"]) > 0
    True
    """
    index = {name.upper(): i for i, name in enumerate(channels)}
    for left, right in FRONTAL_PAIRS:
        li, ri = index.get(left.upper()), index.get(right.upper())
        if li is None or ri is None:
            continue
        lp, rp = float(alpha_power[li]), float(alpha_power[ri])
        if lp > 0 and rp > 0:
            return math.log(rp) - math.log(lp)
    return None
