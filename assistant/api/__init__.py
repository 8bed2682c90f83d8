"""assistant/api package."""
