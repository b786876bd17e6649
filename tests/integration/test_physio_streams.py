"""Live physio sources feeding estimates in real time: BrainFlow's synthetic board, and an LSL
stream inside a network namespace that has only loopback (no discovery on the host network)."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
pytest.importorskip("neurokit2", reason='physio extra absent: pip install ".[physio]"')
ROOT = Path(__file__).resolve().parents[2]
LSL_CONFIG = """[ports]
IPv6 = disable
[multicast]
ResolveScope = machine
[lab]
KnownPeers = {127.0.0.1}
"""


def test_brainflow_synthetic_board_feeds_estimates_in_real_time() -> None:
    pytest.importorskip("brainflow", reason='physio extra absent: pip install ".[physio]"')
    from perception.fusion import AffectFusion
    from perception.physio import NeuroKitPhysio
    from perception.physio_sources import BrainFlowSource

    physio, fusion = NeuroKitPhysio(), AffectFusion()
    estimates, t0 = [], time.monotonic()
    with BrainFlowSource(board="synthetic") as source:
        assert source.sample_rate_hz == 250
        while time.monotonic() - t0 < 6.0 and len(estimates) < 4:
            window = source.window(2.0)
            if window is not None:
                assert window.eeg is not None and "F3" in window.eeg_channels
                estimates.append(physio.predict(window))
                fusion.add(estimates[-1])
            time.sleep(0.25)
    assert len(estimates) >= 3, "the synthetic board produced fewer than 3 windows in 6 s"
    ts = [e.t for e in estimates]
    assert ts == sorted(ts) and ts[-1] - ts[0] > 0.4  # successive live windows, not one replay
    fused = fusion.fuse(now=time.monotonic())
    assert 0.0 < fused.estimate.confidence <= 1.0
    assert all(math.isfinite(v) for v in fused.estimate.vad.as_array())


def test_lsl_stream_over_loopback_only() -> None:
    pytest.importorskip("pylsl", reason='physio extra absent: pip install ".[physio]"')
    if not shutil.which("unshare") or not shutil.which("ip"):
        pytest.skip("needs unshare and ip (util-linux, iproute2) to isolate LSL on loopback")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot create a network namespace here (needs root or user namespaces)")
    config = Path(os.environ.get("TMPDIR", "/tmp")) / f"affect-lsl-{os.getpid()}.cfg"
    config.write_text(LSL_CONFIG)
    script = Path(__file__).with_name("lsl_loopback.py")
    cmd = f"ip link set lo up && LSLAPICFG={config} {sys.executable} {script} {ROOT}"
    try:
        run = subprocess.run(["unshare", "-n", "sh", "-c", cmd], capture_output=True,
                             text=True, timeout=60)
    finally:
        config.unlink(missing_ok=True)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["names"] == ["F3", "F4", "Cz"]
    assert result["n"] >= 3
    assert all(v > 0 for v in result["valence"])  # alpha stronger at F4: positive asymmetry
