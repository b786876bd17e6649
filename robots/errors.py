"""The robots floor's exception family."""

from __future__ import annotations


class RobotsError(ValueError):
    """A value given to the embodiment layer is unusable; the message says which and what to do."""


class RendererUnavailableError(RobotsError, RuntimeError):
    """A program or package the renderer needs is missing (espeak-ng, rclpy); the message says how
    to install it."""
