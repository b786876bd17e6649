"""robots floor."""
