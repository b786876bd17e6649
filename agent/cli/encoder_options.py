"""The ``--precision`` and ``--runtime`` options shared by `affect chat`, `affect serve`,
`affect eval erc|text` and `affect bench perception|server`: how the sentence encoder reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

PRECISIONS = {"auto": None, "int8": True, "float32": False}


def encoder_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--precision`` and ``--runtime``; the command receives ``precision`` and
    ``runtime`` (``encoder_kwargs`` turns them into the recognizer's keyword arguments)."""

    command = click.option(
        "--runtime", type=click.Choice(["auto", "onnx", "torch"]), default="auto",
        show_default=True,
        help="Run the encoder on onnxruntime (exported from the torch model once, cached) or "
             "torch; auto takes onnxruntime when it is installed.")(command)
    return click.option(
        "--precision", type=click.Choice(list(PRECISIONS)), default="auto", show_default=True,
        help="The encoder's precision. auto is the live reading: float32 on onnxruntime, int8 on "
             "torch. The mpnet model always reads in float32.")(command)


def encoder_kwargs(precision: str, runtime: str) -> dict[str, Any]:
    """Recognizer keyword arguments for the option values."""
    return {"quantize": PRECISIONS[precision], "runtime": runtime}
