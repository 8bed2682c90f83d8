"""Routing must not depend on the demo: the cases of a second, unrelated ecosystem meet the thresholds,
and the routing code names nothing of the demo (its partners, products, kits or vendor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine.name_index import GENERIC_NAME_WORDS, LEGAL_SUFFIXES, STOPWORDS, tokens
from evals.routing import THRESHOLDS, evaluate, load_cases
from tests.assistant.other_world import build_other_world

HERE = Path(__file__).parent
ROUTING_CODE = [
    "assistant/engine/router.py", "assistant/engine/intent_cues.py", "assistant/engine/resolver.py", "assistant/engine/name_index.py",
    "assistant/engine/deal_hints.py", "assistant/engine/draft_options.py", "tools/shorthand.py",
    "assistant/engine/deal_facts.py",
]  # fmt: skip
# English words that happen to be part of a demo partner's name; the code may use them as words.
ORDINARY_WORDS = {"cross", "managed", "insight", "engineering", "metrics", "summit", "ridge", "coral",
                  "southern", "weekly", "cascade", "pinnacle", "meridian", "evergreen", "lattice", "fathom",
                  "leaf", "star", "tech", "lone", "studio"}  # fmt: skip


@pytest.fixture()
def other_ctx(tmp_path):
    ctx = build_other_world(tmp_path / "home")
    yield ctx
    ctx.close()


def test_routing_on_another_ecosystem_meets_the_thresholds(other_ctx):
    report = evaluate(other_ctx, load_cases(HERE / "other_world_cases.yaml"))
    assert report["skipped"] == 0 and report["cases"] >= 30
    assert report["routing_accuracy"] >= THRESHOLDS["routing_accuracy"], report["failures"]
    assert report["argument_accuracy"] >= THRESHOLDS["argument_accuracy"], report["failures"]


def _demo_names() -> set[str]:
    from evals.demo.deals import PRODUCT_WEIGHTS
    from evals.demo.partner_list import _ROSTER

    words: set[str] = {"northwind", "acme"}
    for line in _ROSTER.strip().splitlines():
        name, brand = line.split("|")[1:3]
        words |= {w for w in tokens(f"{name} {brand}") if len(w) >= 4}
    for product in PRODUCT_WEIGHTS:
        words |= {w for w in tokens(product) if len(w) >= 4}
    return words - GENERIC_NAME_WORDS - STOPWORDS - LEGAL_SUFFIXES - ORDINARY_WORDS


def test_routing_code_names_nothing_of_the_demo():
    names = _demo_names()
    assert {"kingsbridge", "lakehouse", "paulista", "northwind"} <= names
    root = Path(__file__).parents[2]
    for path in ROUTING_CODE:
        found = names & set(tokens((root / path).read_text(encoding="utf-8")))
        assert not found, f"{path} names the demo's {sorted(found)}: names must come from the data"
