"""Geometric action-unit cues from 68 landmark points (pure numpy, no model)."""

from __future__ import annotations

import numpy as np
import pytest

from perception.face_landmarks import geometric_cues

pytestmark = pytest.mark.unit


def neutral_face() -> np.ndarray:
    """A symmetric 68-point face, eyes 60 px apart, closed mouth with level corners."""
    p = np.zeros((68, 2))
    p[0:17] = np.column_stack([np.linspace(40, 160, 17), np.full(17, 130)])  # jaw (unused)
    p[17:22] = np.column_stack([np.linspace(50, 90, 5), np.full(5, 75)])     # right brow
    p[22:27] = np.column_stack([np.linspace(110, 150, 5), np.full(5, 75)])   # left brow
    p[27:36] = [[100, 95 + i] for i in range(9)]                             # nose
    for start, cx in ((36, 70), (42, 130)):                                  # eyes
        p[start:start + 6] = [[cx - 12, 95], [cx - 4, 91], [cx + 4, 91], [cx + 12, 95],
                              [cx + 4, 99], [cx - 4, 99]]
    outer = [[80, 150], [87, 147], [94, 146], [100, 146], [106, 146], [113, 147], [120, 150],
             [113, 153], [106, 154], [100, 154], [94, 154], [87, 153]]
    p[48:60] = outer
    p[60:68] = [[84, 150], [94, 150], [100, 150], [106, 150], [116, 150], [106, 150],
                [100, 150], [94, 150]]
    return p


def test_neutral_values() -> None:
    cues = geometric_cues(neutral_face())
    assert cues["smile"] == pytest.approx(0.0)
    assert cues["mouth_open"] == pytest.approx(0.0)
    assert cues["eye_aperture"] == pytest.approx(8 / 24)
    assert cues["brow_height"] == pytest.approx(20 / 60)


def test_lifting_the_corners_is_a_smile_and_dropping_them_is_not() -> None:
    up, down = neutral_face(), neutral_face()
    up[[48, 54], 1] -= 6
    down[[48, 54], 1] += 6
    assert geometric_cues(up)["smile"] > 0 > geometric_cues(down)["smile"]


def test_opening_mouth_raising_brows_widening_eyes() -> None:
    face = neutral_face()
    face[66, 1] += 12
    face[17:27, 1] -= 6
    face[[37, 38, 43, 44], 1] -= 3
    cues, base = geometric_cues(face), geometric_cues(neutral_face())
    assert cues["mouth_open"] == pytest.approx(12 / 60)
    assert cues["brow_height"] > base["brow_height"]
    assert cues["eye_aperture"] > base["eye_aperture"]


def test_cues_do_not_depend_on_face_size() -> None:
    small, big = geometric_cues(neutral_face()), geometric_cues(neutral_face() * 3.0)
    assert small == pytest.approx(big)


@pytest.mark.parametrize("points", [np.zeros((5, 2)), np.full((68, 2), np.nan), np.zeros((68, 2))])
def test_degenerate_points_give_no_cues(points: np.ndarray) -> None:
    assert geometric_cues(points) == {}
