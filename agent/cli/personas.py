"""``affect personas``: check persona files and see which authored line a sentence calls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click


def _files(paths: tuple[str, ...]) -> list[Path]:
    from agent.config import PERSONA_DIR

    found: list[Path] = []
    for raw in paths or (str(PERSONA_DIR),):
        path = Path(raw)
        found += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return found


def _report(path: Path, text: str | None) -> dict[str, Any]:
    from agent.authored_lines import choose_line, file_warnings, turn_acts
    from agent.config import load_persona
    from agent.errors import ConfigError
    from agent.types import AgentEmotion
    from appraisal import VAD

    row: dict[str, Any] = {"file": str(path), "persona": path.stem}
    try:
        persona = load_persona(path)
    except ConfigError as exc:
        return {**row, "error": str(exc)}
    row |= {
        "name": persona.name,
        "style": persona.style,
        "goals": [g.name for g in persona.goals],
        "topics": [line.topic for line in persona.lines],
        "events": sorted({e for line in persona.lines for e in line.events}),
        "appraisals": [rule.event for rule in persona.appraisals],
        "intents": [i.name for i in persona.intents],
        "warnings": file_warnings(persona),
    }
    if text is not None:
        start = persona.relations.get("user", 0.5)
        row["heard"] = _heard(persona, text)
        heard = set(row["heard"])
        acts = turn_acts(text)
        calm = choose_line(persona.lines, text, None, [], liking=start, heard=heard, acts=acts)
        row["try"] = {"calm": calm.topic if calm else None}
        for line in persona.lines:  # what each condition would change, met just past its bound
            if not line.conditional or "neutral" in line.feeling:
                continue
            felt, liking, when = None, start, []
            if line.feeling:
                felt = AgentEmotion(VAD(0, 0, 0), line.feeling[0], 0.5, VAD(0, 0, 0), "neutral",
                                    {line.feeling[0]: 0.5})  # fmt: skip
                when.append(f"feeling {'/'.join(line.feeling)}")
            if line.liking_below is not None:
                liking = max(-1.0, line.liking_below - 0.05)
                when.append(f"liking < {line.liking_below:g}")
            if line.liking_above is not None:
                liking = min(1.0, line.liking_above + 0.05)
                when.append(f"liking > {line.liking_above:g}")
            chosen = choose_line(persona.lines, text, felt, [], liking=liking, heard=heard,
                                 acts=acts)  # fmt: skip
            if chosen is not None and chosen.topic == line.topic:
                row["try"][", ".join(when)] = line.topic
    return row


def _heard(persona: Any, text: str) -> dict[str, float]:
    """The persona's intents heard in ``text`` (agent.intents) and their similarity."""
    from agent.intents import MiniLMIntentRecognizer

    if not persona.intents:
        return {}
    recognizer = MiniLMIntentRecognizer(persona.intents, threshold=persona.intent_similarity)
    return {h.intent: round(h.similarity, 3) for h in recognizer.hear(text)}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--try", "text", default=None, metavar="TEXT",
              help="Show which authored line each persona answers TEXT with.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def personas(paths: tuple[str, ...], text: str | None, as_json: bool) -> None:
    """Check persona TOML files (PATHS: files or directories; the shipped ones by default).

    Each file is validated as the agent and `affect serve --personas` read it; authored lines
    that can never be said, and intents that call nothing, are warned about. With --try, the
    intents heard in TEXT are shown with their similarity. Exits 1 when any file is invalid.
    """
    rows = [_report(path, text) for path in _files(paths)]
    if not rows:
        raise click.ClickException(f"no .toml persona files in {', '.join(paths)}")
    if as_json:
        click.echo(json.dumps(rows, indent=2))
    else:
        _table(rows, text)
    if any("error" in row for row in rows):
        raise SystemExit(1)


def _table(rows: list[dict[str, Any]], text: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="personas")
    columns = ["persona", "name", "goals", "lines", "events", "appraisals"] + (
        ["answers"] if text else [])
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        if "error" in row:
            continue
        cells = [row["persona"], row["name"], ", ".join(row["goals"]) or "-",
                 ", ".join(row["topics"]) or "-", ", ".join(row["events"]) or "-",
                 ", ".join(row["appraisals"]) or "-"]  # fmt: skip
        if text:
            heard = [f"heard {k} ({v:.2f})" for k, v in row["heard"].items()]
            cells.append("; ".join(heard + [f"{k}: {v or '(responder)'}"
                                            for k, v in row["try"].items()]))
        table.add_row(*cells)
    console.print(table)
    for row in rows:
        for warning in row.get("warnings", []):
            console.print(f"[yellow]warning[/] {row['file']}: {warning}")
        if "error" in row:
            console.print(f"[red]error[/] {row['error']}")
