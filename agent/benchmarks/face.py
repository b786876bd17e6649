"""``affect bench face``: frames per second of the embedded face backend on one face.

The frames are 640x480 (a webcam's), holding scikit-image's astronaut portrait that drifts a
few pixels per frame as a face in a video does. Every frame is classified; the detector runs on
every frame, or on every n-th with tracked boxes in between (what ``affect perceive --face``
does with a camera).
"""

from __future__ import annotations

import json
import time

import click
import numpy as np

from agent.benchmarks import machine, percentiles_ms


def video_frames(n: int) -> list[np.ndarray]:
    """``n`` 640x480 BGR frames with one face drifting across them."""
    import cv2
    from skimage import data

    face = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)[0:300, 100:380]
    frames = []
    for i in range(n):
        frame = np.full((480, 640, 3), 70, np.uint8)
        dx, dy = int(40 * np.sin(i / 15)), int(20 * np.cos(i / 20))
        frame[90 + dy : 390 + dy, 180 + dx : 460 + dx] = face
        frames.append(frame)
    return frames


def measure(frames: list[np.ndarray], *, detect_every: int, threads: int, cues: str = "auto"
            ) -> dict[str, object]:
    """Time ``read`` over the frames (after 5 warm-up frames) with one recognizer."""
    from perception.face_fer import FERFaceEmotion

    t0 = time.perf_counter()
    recognizer = FERFaceEmotion(detect_every=detect_every, num_threads=threads, cues=cues)
    load_s = time.perf_counter() - t0
    for frame in frames[:5]:
        recognizer.read(frame)
    samples, found = [], 0
    for frame in frames:
        start = time.perf_counter()
        found += len(recognizer.read(frame))
        samples.append(time.perf_counter() - start)
    stats = percentiles_ms(samples)
    return {
        "detect_every": detect_every,
        "cues": recognizer.cue_source,
        "frames_per_s": round(len(frames) / sum(samples), 1),
        "faces_found_per_frame": round(found / len(frames), 3),
        "load_s": round(load_s, 3),
        **stats,
    }


@click.command("face")
@click.option("--frames", default=150, show_default=True, help="Frames to time.")
@click.option("--threads", default=1, show_default=True, help="CPU threads for OpenCV/LiteRT.")
@click.option("--cues", default="auto", show_default=True,
              type=click.Choice(["auto", "landmarks", "haar", "none"]), help="Cue source.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_face(frames: int, threads: int, cues: str, as_json: bool) -> None:
    """Frames/s for one face: detection + 7-class emotion + cues, per 640x480 frame."""
    import cv2

    cv2.setNumThreads(threads)
    clip = video_frames(frames)
    runs = [measure(clip, detect_every=n, threads=threads, cues=cues) for n in (1, 3)]
    result = {"bench": "face", "threads": threads, "runs": runs, "machine": machine()}
    click.echo(json.dumps(result) if as_json else json.dumps(result, indent=2))
