"""Finding faces (OpenCV Haar cascade) and giving them stable ids across the frames of a video."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from perception.errors import ModelUnavailableError

Box = tuple[int, int, int, int]
"""x, y, width, height in image pixels."""


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes.

    >>> iou((0, 0, 10, 10), (5, 0, 10, 10))
    0.3333333333333333
    """
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    union = aw * ah + bw * bh - inter
    return inter / union if union > 0 else 0.0


class FaceTracker:
    """Greedy IoU matching of this frame's boxes to the last frame's ids.

    With a handful of faces a greedy match by descending overlap gives the same answer as an
    optimal assignment, so no solver dependency is pulled into the face extra for it.

    Args:
        min_iou: overlap below which a box is a new face, not a moved one.
        max_missed: frames a face may go undetected before its id is retired.
    """

    def __init__(self, *, min_iou: float = 0.3, max_missed: int = 15) -> None:
        self.min_iou = min_iou
        self.max_missed = max_missed
        self._tracks: dict[int, Box] = {}
        self._missed: dict[int, int] = {}
        self._next_id = 1

    @property
    def boxes(self) -> dict[int, Box]:
        """The last known box of every live face id."""
        return dict(self._tracks)

    @property
    def visible(self) -> dict[int, Box]:
        """The boxes of the faces seen in the last update."""
        return {i: b for i, b in self._tracks.items() if self._missed.get(i, 0) == 0}

    def update(self, boxes: Sequence[Box]) -> list[int]:
        """Ids for ``boxes`` (same order); unmatched boxes get fresh ids."""
        pairs = sorted(
            (
                (iou(box, old), i, face_id)
                for i, box in enumerate(boxes)
                for face_id, old in self._tracks.items()
            ),
            reverse=True,
        )
        ids: list[int | None] = [None] * len(boxes)
        taken: set[int] = set()
        for overlap, i, face_id in pairs:
            if overlap < self.min_iou:
                break
            if ids[i] is None and face_id not in taken:
                ids[i] = face_id
                taken.add(face_id)
        for i, box in enumerate(boxes):
            if ids[i] is None:
                ids[i] = self._next_id
                self._next_id += 1
            self._tracks[ids[i]] = tuple(int(v) for v in box)  # type: ignore[index,assignment]
            self._missed[ids[i]] = 0  # type: ignore[index]
        for face_id in list(self._tracks):
            if face_id not in ids:
                self._missed[face_id] = self._missed.get(face_id, 0) + 1
                if self._missed[face_id] > self.max_missed:
                    del self._tracks[face_id], self._missed[face_id]
        return [int(i) for i in ids if i is not None]

    def reset(self) -> None:
        self._tracks.clear()
        self._missed.clear()


class HaarFaceDetector:
    """Frontal faces by OpenCV's Haar cascade (Viola & Jones 2001), largest first.

    Args:
        detection_width_px: frames are shrunk to this width for detection (speed), never up.
        min_face_px: smallest face side, in original pixels, that is looked for.
        min_face_frac: ... and at least this fraction of the frame's shorter side. Someone talking
            to a webcam fills a quarter to a half of its height; skipping the smallest scales
            halves the cascade's cost (measured: 42 -> 21 ms on a 640x480 frame, 2 cores).
        max_faces: at most this many faces are returned.
    """

    def __init__(
        self,
        *,
        detection_width_px: int = 320,
        min_face_px: int = 24,
        min_face_frac: float = 0.15,
        max_faces: int = 8,
    ) -> None:
        try:
            import cv2
        except ImportError as exc:
            raise ModelUnavailableError(
                'face detection needs OpenCV: pip install "affective-agent[face]"'
            ) from exc
        self._cv2: Any = cv2
        self.cascade = load_cascade("haarcascade_frontalface_default.xml")
        self.detection_width_px = detection_width_px
        self.min_face_px = min_face_px
        self.min_face_frac = min_face_frac
        self.max_faces = max_faces

    def detect(self, grey: np.ndarray) -> list[Box]:
        h, w = grey.shape[:2]
        scale = min(1.0, self.detection_width_px / w)
        small = grey if scale == 1.0 else self._cv2.resize(grey, (int(w * scale), int(h * scale)))
        smallest = max(self.min_face_px, self.min_face_frac * min(h, w))
        min_px = max(12, int(smallest * scale))
        found = self.cascade.detectMultiScale(small, scaleFactor=1.15, minNeighbors=5,
                                              minSize=(min_px, min_px))
        boxes = [tuple(int(round(v / scale)) for v in box) for box in found]
        boxes.sort(key=lambda b: -b[2] * b[3])
        return boxes[: self.max_faces]  # type: ignore[return-value]

    def refine(self, grey: np.ndarray, box: Box) -> Box | None:
        """Look for the face again near its last box (cheap: a small region, few scales)."""
        x, y, w, h = box
        x0, y0 = max(0, x - w // 2), max(0, y - h // 2)
        x1, y1 = min(grey.shape[1], x + w + w // 2), min(grey.shape[0], y + h + h // 2)
        if x1 - x0 < 16 or y1 - y0 < 16:
            return None
        scale = min(1.0, 48.0 / max(1, w))  # the face at ~48 px, the cascade's comfortable size
        roi = grey[y0:y1, x0:x1]
        if scale < 1.0:
            roi = self._cv2.resize(roi, (int((x1 - x0) * scale), int((y1 - y0) * scale)))
        side = w * scale
        found = self.cascade.detectMultiScale(
            roi, scaleFactor=1.1, minNeighbors=3, minSize=(int(side * 0.7), int(side * 0.7)),
            maxSize=(int(side * 1.4) + 1, int(side * 1.4) + 1))
        if len(found) == 0:
            return None
        fx, fy, fw, fh = max(found, key=lambda b: b[2] * b[3])
        return (x0 + int(round(fx / scale)), y0 + int(round(fy / scale)),
                int(round(fw / scale)), int(round(fh / scale)))


def load_cascade(filename: str) -> Any:
    """One of the Haar cascades shipped in opencv-python(-headless) < 5."""
    import cv2

    folder: str = cv2.data.haarcascades  # type: ignore[attr-defined]  # not in OpenCV's stubs
    cascade = cv2.CascadeClassifier(folder + filename)
    if cascade.empty():
        raise ModelUnavailableError(
            f"OpenCV Haar cascade {filename} not found; OpenCV 5 wheels dropped them: "
            'pip install "opencv-python-headless<5"'
        )
    return cascade
