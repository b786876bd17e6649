"""voice floor."""
