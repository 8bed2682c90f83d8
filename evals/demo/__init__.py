"""The Northwind Data demo ecosystem: a realistic vendor, its partners, accounts, deals and content.

`python -m evals.demo.generator --out DIR` writes it in the import format (DATA.md), with ground truth
for evals and tests under DIR/truth/. From Python: `from evals.demo import generate`.
"""
from __future__ import annotations

__all__ = ["DEFAULT_SEED", "DEFAULT_TODAY", "GenerationSummary", "generate"]


def __getattr__(name: str):
    # Lazy, so that `python -m evals.demo.generator` does not import the module twice.
    if name in __all__:
        from evals.demo import generator

        return getattr(generator, name)
    raise AttributeError(f"module 'evals.demo' has no attribute {name!r}")
