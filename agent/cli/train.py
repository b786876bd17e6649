"""``affect train``: build the shipped model artifacts from the corpora in ../shared/data."""

from __future__ import annotations

import click

from agent.cli import LazyGroup


@click.group(
    "train",
    cls=LazyGroup,
    lazy={
        "text": "agent.training.text:train_text",
        "text-kfold": "agent.training.text_kfold:train_text_kfold",
        "transition": "agent.training.transition:train_transition",
        "strategy": "agent.training.strategy:train_strategy",
    },
)
def train_group() -> None:
    """Train the embedded heads and write them under agent/models/."""
