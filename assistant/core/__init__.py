"""The kernel every layer may import: typed settings, errors, tokens and the one LLM client. Imports nothing of ours."""
