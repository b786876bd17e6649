"""``affect plot``: the emotion trajectory of a stored conversation."""

from __future__ import annotations

import json

import click

_SPARKS = "▁▂▃▄▅▆▇█"


def _spark(values: list[float]) -> str:
    """A one-line chart of values in [-1, 1]."""
    return "".join(_SPARKS[min(7, int((v + 1.0) / 2.0 * 8))] for v in values)


@click.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="SQLite file written by affect chat --db.")
@click.option("--session", default="default", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Write a PNG (needs matplotlib) instead of terminal sparklines.")
@click.option("--json", "as_json", is_flag=True, help="Print the series as JSON.")
def plot(db: str, session: str, output: str | None, as_json: bool) -> None:
    """Plot user valence and the agent's valence, arousal and mood turn by turn."""
    from agent.store import Store, StoreError

    try:
        turns = Store(db).turns(session)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    series: dict[str, list[float]] = {
        "user_valence": [], "agent_valence": [], "agent_arousal": [], "mood_valence": []
    }
    for turn in turns:
        if turn.affect is not None:
            series["user_valence"].append(turn.affect["vad"]["valence"])
        if turn.agent_emotion is not None:
            series["agent_valence"].append(turn.agent_emotion["vad"]["valence"])
            series["agent_arousal"].append(turn.agent_emotion["vad"]["arousal"])
            series["mood_valence"].append(turn.agent_emotion["mood"]["vad"]["valence"])
    if not series["agent_valence"]:
        raise click.ClickException(f"session {session!r} in {db} has no agent turns yet")
    if as_json:
        click.echo(json.dumps(series))
        return
    if output:
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
            from matplotlib.ticker import MaxNLocator
        except ImportError as exc:
            raise click.ClickException("--output needs matplotlib: pip install matplotlib") from exc
        fig, ax = plt.subplots(figsize=(8, 3.5))
        for name, values in series.items():
            ax.plot(range(1, len(values) + 1), values, marker="o", label=name.replace("_", " "))
        ax.set_ylim(-1, 1)
        ax.set_xlabel("turn")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # turns are whole numbers
        ax.axhline(0, color="grey", linewidth=0.5)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)  # beside the lines
        fig.tight_layout()
        fig.savefig(output, dpi=120)
        click.echo(f"wrote {output}")
        return
    for name, values in series.items():
        click.echo(f"{name:>14} {_spark(values)}  last {values[-1]:+.2f}")
