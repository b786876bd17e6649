"""The chat's perception panel renders fused affect, shares, disagreement and faces."""

from __future__ import annotations

import pytest
from rich.console import Console

from agent.cli.perception_view import perception_panel
from appraisal import VAD
from perception.base import AffectEstimate
from perception.fusion import AffectFusion

pytestmark = pytest.mark.unit


def render(panel: object) -> str:
    console = Console(width=100, record=True, color_system=None)
    console.print(panel)
    return console.export_text()


def test_panel_shows_shares_disagreement_and_faces() -> None:
    fusion = AffectFusion()
    fusion.add(AffectEstimate(VAD(0.7, 0.3, 0.1), confidence=0.9, modality="face", t=0.0))
    fusion.add(AffectEstimate(VAD(-0.6, 0.5, 0.0), confidence=0.8, modality="text", t=0.0))
    face = {"face_id": 1, "label": "joy", "cues": {"smile": 0.2}}
    text = render(perception_panel(fusion.fuse(0.0), [face]))
    assert "face" in text and "text" in text and "%" in text
    assert "face reads positive" in text
    assert "face 1: joy smile 0.20" in text


def test_panel_without_signal_says_so() -> None:
    text = render(perception_panel(AffectFusion().fuse(0.0), error=RuntimeError("camera gone")))
    assert "no live signal yet" in text and "camera gone" in text
