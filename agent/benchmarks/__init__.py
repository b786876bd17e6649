"""Benchmarks behind ``affect bench``: each prints JSON numbers for the README's table."""

from __future__ import annotations

import platform
import time

import numpy as np


def percentiles_ms(samples_s: list[float]) -> dict[str, float]:
    """p50/p95/mean of durations given in seconds, in milliseconds."""
    arr = np.asarray(samples_s, dtype=np.float64) * 1000.0
    return {
        "p50_ms": round(float(np.percentile(arr, 50)), 3),
        "p95_ms": round(float(np.percentile(arr, 95)), 3),
        "mean_ms": round(float(arr.mean()), 3),
        "n": int(arr.size),
    }


def machine() -> dict[str, object]:
    """Where the numbers were measured."""
    import os

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "date": time.strftime("%Y-%m-%d"),
    }
