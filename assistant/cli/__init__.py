"""The command line (typer): `cosell ...`. Thin: parse, call one service, render."""
from assistant.cli.main import app, main

__all__ = ["app", "main"]
