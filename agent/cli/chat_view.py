"""The rich panels of ``affect chat``: the conversation, user affect, agent VAD and mood, trace."""

from __future__ import annotations

from typing import Any

from rich.columns import Columns
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from agent.types import Reply
from appraisal import VAD


def _bar(value: float, width: int = 20) -> Text:
    """A centred bar for a value in [-1, 1]: left of the middle is negative."""
    half = width // 2
    filled = int(round(abs(value) * half))
    left = " " * half if value >= 0 else " " * (half - filled) + "█" * filled
    right = "█" * filled + " " * (half - filled) if value >= 0 else " " * half
    colour = "green" if value >= 0 else "red"
    return Text.assemble((left, colour), ("│", "dim"), (right, colour), f" {value:+.2f}")


def _vad_table(vad: VAD) -> Table:
    table = Table.grid(padding=(0, 1))
    for axis in ("valence", "arousal", "dominance"):
        table.add_row(axis[:3], _bar(getattr(vad, axis)))
    return table


class ChatView:
    """Renders each reply as the agent's words plus affect, strategy and trace panels."""

    def __init__(self, console: Console, agent_name: str) -> None:
        self.console = console
        self.agent_name = agent_name

    def welcome(self, agent: Any) -> None:
        traits = agent.traits
        self.console.print(
            Panel(
                f"[bold]{agent.persona.name}[/]: {agent.persona.description}\n"
                f"O {traits.openness:.2f}  C {traits.conscientiousness:.2f}  "
                f"E {traits.extraversion:.2f}  A {traits.agreeableness:.2f}  "
                f"N {traits.neuroticism:.2f}   resting mood: {agent.state.mood.octant()}\n"
                "[dim]Type to talk; /help for commands, /quit or Ctrl-D to leave.[/]",
                title="affect chat",
            )
        )

    def show(self, reply: Reply) -> None:
        self.console.print(f"[bold magenta]{self.agent_name}>[/] {reply.text}")
        user = reply.user_affect
        top = sorted(user.categories.items(), key=lambda kv: -kv[1])[:3]
        user_panel = Panel(
            Group(
                Text(f"{user.label}  (confidence {user.confidence:.2f}, {user.modality})"),
                Text("  ".join(f"{k} {v:.2f}" for k, v in top), style="dim"),
                _vad_table(user.vad),
            ),
            title="you seem",
        )
        emotion = reply.agent_emotion
        agent_panel = Panel(
            Group(
                Text(f"{emotion.label}  (intensity {emotion.intensity:.2f})"),
                Text(
                    "  ".join(
                        f"{k} {v:.2f}"
                        for k, v in sorted(emotion.active.items(), key=lambda kv: -kv[1])[:3]
                    ),
                    style="dim",
                ),
                _vad_table(emotion.vad),
                Text(f"mood: {emotion.mood_label}", style="bold"),
                _vad_table(emotion.mood),
            ),
            title=f"{self.agent_name} feels",
        )
        strategy_panel = Panel(
            Text(reply.strategy.value + (f"\nsafety: {reply.safety}" if reply.safety else "")
                 + (f"\nline: {reply.line}" if reply.line else "")),
            title="strategy",
        )
        self.console.print(Columns([user_panel, agent_panel, strategy_panel]))
        total = reply.timings_ms.get("total_ms", 0.0)
        trace = "\n".join(f"• {line}" for line in reply.trace)
        self.console.print(Panel(Text(trace, style="dim"), title=f"why ({total:.0f} ms)"))
