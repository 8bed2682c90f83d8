"""Co-sell Copilot: the assistant, its settings, and its three doors (CLI, HTTP API, Slack)."""
