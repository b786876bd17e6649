"""Live perception sources for the CLI and the chat: face and physio readers, merged in time.

Each source is an iterator of ``(t, estimates, face readings)``. Files replay on their own clock
(seconds from 0); live sources (camera, BrainFlow, LSL) are stamped with the monotonic clock and
run in their own threads. ``LivePerception`` keeps them running behind a chat and hands each
utterance the latest estimates to fuse with its words (``fuse_turn``). Nothing is written to
disk.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from perception.base import AffectEstimate
from perception.errors import PerceptionError

Item = tuple[float, list[AffectEstimate], list[dict[str, object]]]
"""(t seconds, new estimates, face readings for the output) from one source."""


def face_items(spec: str, *, detect_every: int, max_frames: int | None) -> Iterator[Item]:
    from perception.face_fer import FERFaceEmotion
    from perception.face_sources import camera_index, frames

    live = camera_index(spec) is not None
    recognizer = FERFaceEmotion(detect_every=detect_every if live else 1)
    for t, frame in frames(spec, max_frames=max_frames):
        readings = recognizer.read(frame, t=t)
        yield t, [r.estimate for r in readings], [r.to_dict() for r in readings]


def physio_items(spec: str, *, rate_hz: float | None, window_s: float, step_s: float
                 ) -> Iterator[Item]:
    from perception.physio import NeuroKitPhysio
    from perception.physio_sources import BrainFlowSource, LSLSource, read_file, slide

    # NeuroKit2 takes seconds to import: open the source first so a bad one fails fast.
    kind, _, name = spec.partition(":")
    if kind == "brainflow":
        with BrainFlowSource(board=name or "synthetic") as board:
            physio = NeuroKitPhysio()
            while True:
                window = board.window(window_s)
                if window is not None:
                    yield window.t or time.monotonic(), [physio.predict(window)], []
                time.sleep(step_s)
    elif kind == "lsl":
        if not name:
            raise PerceptionError("give the LSL stream's name: --eeg lsl:NAME")
        inlet = LSLSource(name=name, window_s=window_s)
        physio = NeuroKitPhysio()
        try:
            while True:
                window = inlet.window()
                if window is not None:
                    yield window.t or time.monotonic(), [physio.predict(window)], []
                time.sleep(step_s)
        finally:
            inlet.close()
    else:
        recording = read_file(spec, sample_rate_hz=rate_hz)
        physio = NeuroKitPhysio()
        for window in slide(recording, window_s=window_s, step_s=step_s):
            yield float(window.t or 0.0), [physio.predict(window)], []


def is_live(face: str | None, eeg: str | None) -> tuple[bool, bool]:
    from perception.face_sources import camera_index

    face_live = face is not None and camera_index(face) is not None
    eeg_live = eeg is not None and eeg.partition(":")[0] in ("brainflow", "lsl")
    return face_live, eeg_live


def live_merge(sources: list[Iterator[Item]], stop: threading.Event) -> Iterator[Item]:
    """Items from every source as they arrive; each source runs in its own thread."""
    inbox: queue.Queue[Item | BaseException | None] = queue.Queue(maxsize=256)

    def pump(source: Iterator[Item]) -> None:
        try:
            for item in source:
                if stop.is_set():
                    break
                inbox.put(item)
        except BaseException as exc:  # handed to the main thread, which reports it
            inbox.put(exc)
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()
            inbox.put(None)

    threads = [threading.Thread(target=pump, args=(s,), daemon=True) for s in sources]
    for thread in threads:
        thread.start()
    running = len(threads)
    while running:
        got = inbox.get()
        if got is None:
            running -= 1
        elif isinstance(got, BaseException):
            stop.set()
            raise got
        else:
            yield got


class LivePerception:
    """Runs live face/physio sources in the background and keeps their fused reading.

    Use as a context manager; ``estimates()`` gives what to pass as ``Utterance.estimates``.

    Args:
        face: ``camera``, ``camera:N`` (or a video file, replayed on the monotonic clock).
        eeg: ``brainflow:BOARD`` or ``lsl:NAME``.
    """

    def __init__(self, *, face: str | None = None, eeg: str | None = None,
                 window_s: float = 4.0, detect_every: int = 3) -> None:
        from perception.fusion import AffectFusion

        if face is None and eeg is None:
            raise PerceptionError("LivePerception needs a face source, a physio source or both")
        face_live, eeg_live = is_live(face, eeg)
        if (eeg and not eeg_live) or (face and not face_live):
            raise PerceptionError("live perception takes camera[:N], brainflow:BOARD or lsl:NAME; "
                                  "replay files with `affect perceive`")
        self._sources: list[Iterator[Item]] = []
        if face:
            self._sources.append(face_items(face, detect_every=detect_every, max_frames=None))
        if eeg:
            self._sources.append(physio_items(eeg, rate_hz=None, window_s=window_s,
                                              step_s=min(1.0, window_s / 4)))
        self.fusion = AffectFusion()
        self.faces: list[dict[str, object]] = []
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> LivePerception:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5.0)

    def _run(self) -> None:
        try:
            for _, estimates, readings in live_merge(self._sources, self._stop):
                with self._lock:
                    for estimate in estimates:
                        self.fusion.add(estimate)
                    if readings or not estimates:
                        self.faces = readings
                if self._stop.is_set():
                    break
        except Exception as exc:  # kept for the chat to show; the conversation goes on
            self.error = exc

    def fused(self, now: float | None = None) -> Any:
        """The current ``FusedAffect`` of the live sources."""
        with self._lock:
            return self.fusion.fuse(time.monotonic() if now is None else now)

    def estimates(self, now: float | None = None) -> tuple[AffectEstimate, ...]:
        """Each live modality's pooled estimate, for ``Utterance(text, estimates=...)``."""
        return tuple(self.fused(now).modalities.values())


def fuse_turn(
    text_affect: AffectEstimate, extra: Sequence[AffectEstimate], now: float, trace: list[str]
) -> AffectEstimate:
    """The words' reading fused with the utterance's other estimates (face, voice, physio) at
    ``now``; the shares and any disagreement of the modalities go to ``trace``."""
    if not extra:
        return text_affect
    from perception.fusion import AffectFusion

    fusion = AffectFusion()
    fusion.add(AffectEstimate(text_affect.vad, text_affect.categories, text_affect.confidence,
                              text_affect.modality, now))  # fmt: skip
    for estimate in extra:
        fusion.add(estimate)
    fused = fusion.fuse(now)
    shares = ", ".join(f"{m} {w:.0%}" for m, w in fused.contributions.items())
    trace.append(f"fusion: {shares}")
    if fused.disagreement:
        trace.append(f"modalities disagree: {fused.disagreement}")
    return fused.estimate
