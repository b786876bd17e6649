"""``python -m agent`` is ``affect``."""

from agent.cli import main

main()
