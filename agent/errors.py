"""The agent floor's exception family."""

from __future__ import annotations


class AgentError(Exception):
    """Base of the agent floor's errors; every message says what was wrong and what to do."""


class ConfigError(AgentError, ValueError):
    """A persona or config file is invalid."""


class BackendUnavailableError(AgentError, RuntimeError):
    """A backend's packages or weights are missing; the message names the extra to install."""
