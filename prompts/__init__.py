"""Prompt templates, one Markdown file per prompt in this package, loaded by name.

    load_prompt("draft_rewrite")  # -> the text of prompts/draft_rewrite.md

Files ship as package data (pyproject: `"*" = ["*.md", ...]`), so an installed copy finds them too.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

_NAME = re.compile(r"^[a-z0-9_]+$")


@cache
def load_prompt(name: str) -> str:
    """The prompt file `<name>.md`; a name is letters, digits and `_` only (no paths)."""
    if not _NAME.match(name):
        raise ValueError(f"invalid prompt name {name!r}")
    path = resources.files(__package__).joinpath(f"{name}.md")
    if not path.is_file():
        raise FileNotFoundError(f"no prompt named {name!r} (expected prompts/{name}.md)")
    return path.read_text(encoding="utf-8")
