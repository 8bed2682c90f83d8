"""Blind seller question set and scorer for Co-sell Copilot (see README.md)."""
