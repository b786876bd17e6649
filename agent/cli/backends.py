"""``affect backends``: the table of every backend and whether it is installed."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def backends(as_json: bool) -> None:
    """List every backend by capability, its pip extra and whether it is installed here."""
    from agent.backends import describe

    rows = describe()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="backends (auto = first installed embedded row of each capability)")
    for column in ("capability", "name", "installed", "embedded", "extra", "description"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            *(
                row[c]
                for c in ("capability", "name", "installed", "embedded", "extra", "description")
            )
        )
    Console().print(table)
