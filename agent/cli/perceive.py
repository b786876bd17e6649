"""``affect perceive``: stream the user's fused affect from a face source and a physio source.

    affect perceive --face camera --eeg brainflow:synthetic --json
    affect perceive --face clip.mp4 --eeg rec.edf --json
    affect perceive --eeg lsl:MyEEG --seconds 30

Files replay on their own clock (seconds from 0); live sources (camera, BrainFlow, LSL) run in
their own threads on the monotonic clock. One line per ``--interval-s`` of stream time: the fused
VAD, confidence, each modality's contribution and any disagreement. Nothing is written to disk.
"""

from __future__ import annotations

import heapq
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import click

from agent.live_perception import Item, face_items, is_live, live_merge, physio_items
from perception.errors import ModelUnavailableError, PerceptionError


def render(fused: Any, t: float, faces: list[dict[str, object]]) -> str:
    e = fused.estimate
    shares = ", ".join(f"{m} {w:.0%}" for m, w in fused.contributions.items()) or "no signal"
    line = (f"t={t:7.2f}s  valence {e.vad.valence:+.2f}  arousal {e.vad.arousal:+.2f}  "
            f"dominance {e.vad.dominance:+.2f}  conf {e.confidence:.2f}  {e.label:<9} [{shares}]")
    if faces:
        line += f"  faces {len(faces)}"
    return line + (f"  ! {fused.disagreement}" if fused.disagreement else "")


@click.command("perceive")
@click.option("--face", "face", metavar="camera[:N]|FILE", help="Webcam, video or image file.")
@click.option("--eeg", "eeg", metavar="brainflow:BOARD|lsl:NAME|FILE",
              help="Physio source: BrainFlow board (synthetic runs offline), LSL stream by "
                   "name, or an EDF/BDF/FIF/CSV recording (ECG*/EDA* channels read too).")
@click.option("--rate", "rate_hz", type=float, help="Sample rate of a CSV recording (Hz).")
@click.option("--window-s", default=4.0, show_default=True, help="Physio window length.")
@click.option("--interval-s", default=0.5, show_default=True, help="Stream time between lines.")
@click.option("--seconds", type=float, help="Stop after this long (live sources run until ^C).")
@click.option("--max-frames", type=int, help="Stop a video or camera after this many frames.")
@click.option("--detect-every", default=3, show_default=True,
              help="Camera: run the face detector every n-th frame, track in between.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def perceive(face: str | None, eeg: str | None, rate_hz: float | None, window_s: float,
             interval_s: float, seconds: float | None, max_frames: int | None,
             detect_every: int, as_json: bool) -> None:
    """Stream the fused affect read from the user's face and body signals."""
    from perception.fusion import AffectFusion

    if face is None and eeg is None:
        raise click.UsageError("give --face and/or --eeg (see affect perceive --help)")
    face_live, eeg_live = is_live(face, eeg)
    if face and eeg and face_live != eeg_live:
        raise click.UsageError("mix live sources with live sources and files with files: "
                               "their clocks differ (monotonic vs. seconds from 0)")
    if window_s <= 0 or interval_s <= 0:
        raise click.UsageError("--window-s and --interval-s must be > 0")
    step_s = min(1.0, window_s / 4)
    sources: list[Iterator[Item]] = []
    if face:
        sources.append(face_items(face, detect_every=detect_every, max_frames=max_frames))
    if eeg:
        sources.append(physio_items(eeg, rate_hz=rate_hz, window_s=window_s, step_s=step_s))
    stop = threading.Event()
    live = face_live or eeg_live
    stream = live_merge(sources, stop) if live else heapq.merge(*sources, key=lambda i: i[0])
    fusion = AffectFusion()
    faces: list[dict[str, object]] = []
    started, last_emit, t = time.monotonic(), None, 0.0

    origin: list[float] = []

    def emit(now: float) -> None:
        fused = fusion.fuse(now)
        # Live streams are stamped on the monotonic clock: print seconds since the first item.
        shown = now - origin[0] if live and origin else now
        if as_json:
            click.echo(json.dumps({"t": round(shown, 3), **fused.to_dict(), "faces": faces}))
        else:
            click.echo(render(fused, shown, faces))

    try:
        for t, estimates, readings in stream:
            if not origin:
                origin.append(t)
            for estimate in estimates:
                fusion.add(estimate)
            if readings or face is not None:
                faces = readings
            if last_emit is None or t - last_emit >= interval_s:
                emit(t)
                last_emit = t
            if seconds is not None and time.monotonic() - started >= seconds and live:
                break
            if seconds is not None and not live and t >= seconds:
                break
        if last_emit is None or t > last_emit:
            emit(t)
    except KeyboardInterrupt:
        pass
    except (PerceptionError, ModelUnavailableError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        stop.set()
