"""Frames for the face recognizer: a webcam, a video file or an image file, with timestamps.

Files carry their own time (frame index / frame rate, from 0 s), so a recording replays the same
way however fast it is read; a camera's frames are stamped with the monotonic clock.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from perception.errors import ModelUnavailableError, PerceptionError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm"}


def _cv2() -> Any:
    try:
        import cv2
    except ImportError as exc:
        raise ModelUnavailableError('face input needs OpenCV: pip install "affective-agent[face]"'
                                    ) from exc
    return cv2


def camera_index(spec: str) -> int | None:
    """The webcam index a ``--face`` value names ("camera", "camera:1", "0"), else None.

    >>> camera_index("camera"), camera_index("camera:2"), camera_index("1"), camera_index("a.mp4")
    (0, 2, 1, None)
    """
    if spec == "camera":
        return 0
    if spec.startswith("camera:") and spec[7:].isdigit():
        return int(spec[7:])
    return int(spec) if spec.isdigit() else None


def frames(spec: str, *, max_frames: int | None = None) -> Iterator[tuple[float, np.ndarray]]:
    """(t seconds, BGR frame) from a camera, a video file or a single image."""
    cv2 = _cv2()
    index = camera_index(spec)
    if index is None and Path(spec).suffix.lower() in IMAGE_SUFFIXES:
        if not Path(spec).is_file():
            raise PerceptionError(f"no such image: {spec}")
        image = cv2.imread(spec, cv2.IMREAD_COLOR)
        if image is None:
            raise PerceptionError(f"{spec} is not an image OpenCV can decode (PNG, JPEG, ...)")
        yield 0.0, image
        return
    if index is None and not Path(spec).is_file():
        raise PerceptionError(
            f"--face {spec!r} is neither a file nor a camera; use camera, camera:N, or a path"
        )
    capture = cv2.VideoCapture(index if index is not None else spec)
    if not capture.isOpened():
        what = f"camera {index}" if index is not None else f"video {spec}"
        raise PerceptionError(f"cannot open {what}; check it exists and nothing else holds it")
    fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
    try:
        n = 0
        while max_frames is None or n < max_frames:
            ok, frame = capture.read()
            if not ok:
                if n == 0:
                    raise PerceptionError(f"{spec} gave no frames; is it a video OpenCV can read?")
                return
            yield (time.monotonic() if index is not None else n / fps), frame
            n += 1
    finally:
        capture.release()
