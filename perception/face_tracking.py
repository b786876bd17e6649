"""Stable ids for the faces in a video: each new box takes the id of the box it overlaps most."""

from __future__ import annotations

from collections.abc import Sequence

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
