"""assistant/slack package."""
