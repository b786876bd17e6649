"""The live perception panel of ``affect chat --camera/--eeg``: fused affect, shares, faces."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def perception_panel(fused: Any, faces: list[dict[str, Any]] | None = None,
                     error: BaseException | None = None) -> Panel:
    """One panel: fused VAD and confidence, each modality's share, disagreement, face cues."""
    e = fused.estimate
    rows: list[Any] = [Text(
        f"{e.label}  valence {e.vad.valence:+.2f}  arousal {e.vad.arousal:+.2f}  "
        f"dominance {e.vad.dominance:+.2f}  (confidence {e.confidence:.2f})"
    )]
    if fused.contributions:
        shares = Table.grid(padding=(0, 1))
        for modality, share in fused.contributions.items():
            reading = fused.modalities[modality]
            shares.add_row(modality, "█" * max(1, int(round(share * 20))), f"{share:.0%}",
                           f"v {reading.vad.valence:+.2f} a {reading.vad.arousal:+.2f}")
        rows.append(shares)
    else:
        rows.append(Text("no live signal yet", style="dim"))
    if fused.disagreement:
        rows.append(Text(f"! {fused.disagreement}", style="yellow"))
    for face in faces or []:
        cues = ", ".join(f"{k} {v:.2f}" for k, v in dict(face.get("cues", {})).items())
        rows.append(Text(f"face {face['face_id']}: {face['label']} {cues}", style="dim"))
    if error is not None:
        rows.append(Text(f"perception stopped: {error}", style="red"))
    return Panel(Group(*rows), title="perception")
