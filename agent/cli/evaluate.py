"""``affect eval``: accuracy on the real corpora."""

from __future__ import annotations

import click

from agent.cli import LazyGroup


@click.group(
    "eval",
    cls=LazyGroup,
    lazy={
        "erc": "agent.evaluation.erc:eval_erc",
        "text": "agent.evaluation.erc:eval_text",
        "transition": "agent.evaluation.transition:eval_transition",
        "strategy": "agent.evaluation.strategy:eval_strategy",
        "replay": "agent.evaluation.replay:eval_replay",
    },
)
def eval_group() -> None:
    """Score a model on a corpus (accuracy targets; see README for the anchors)."""
