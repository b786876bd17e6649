"""Run inside `unshare -n`: an LSL outlet with alpha stronger at F4 than F3, read by LSLSource.

Usage: python lsl_loopback.py REPO_ROOT   (prints one JSON line)
"""

from __future__ import annotations

import json
import sys
import threading
import time

import numpy as np
import pylsl

sys.path.insert(0, sys.argv[1])
from perception.physio import NeuroKitPhysio  # noqa: E402
from perception.physio_sources import LSLSource  # noqa: E402

FS = 250
CHUNK = 25


def main() -> None:
    info = pylsl.StreamInfo("affect-test-eeg", "EEG", 3, FS, "float32", "affect-test-uid")
    channels = info.desc().append_child("channels")
    for name in ("F3", "F4", "Cz"):
        channels.append_child("channel").append_child_value("label", name)
    outlet = pylsl.StreamOutlet(info)
    stop = threading.Event()

    def push() -> None:
        rng, k = np.random.default_rng(0), 0
        while not stop.is_set():
            alpha = np.sin(2 * np.pi * 10 * (k + np.arange(CHUNK)) / FS)
            chunk = np.stack([0.5 * alpha, 3 * alpha, np.zeros(CHUNK)])
            outlet.push_chunk((chunk + rng.normal(0, 1, chunk.shape)).T.tolist())
            k += CHUNK
            time.sleep(CHUNK / FS)

    pusher = threading.Thread(target=push)
    pusher.start()
    try:
        source = LSLSource(name="affect-test-eeg", timeout_s=5, window_s=2)
        physio, estimates, t0 = NeuroKitPhysio(), [], time.monotonic()
        while time.monotonic() - t0 < 8 and len(estimates) < 3:
            window = source.window()
            if window is not None:
                estimates.append(physio.predict(window))
            time.sleep(0.2)
    finally:
        stop.set()
        pusher.join()
    valences = [e.vad.valence for e in estimates]
    print(json.dumps({"n": len(estimates), "names": source.names, "valence": valences}))


if __name__ == "__main__":
    main()
