"""The routing case sets: the tuned set, the held-out set (written without looking at the rules) and the
final check, each well-formed and each meeting the thresholds on the demo; follow-ups are scored through
the engine's real thread logic."""

from __future__ import annotations

import re

import pytest

from evals.routing import CASE_SETS, evaluate, evaluate_sets, load_cases

TOOLS = {"search_content", "map_accounts", "match_partners", "next_best_actions", "draft_content", None}
KEYS = {"question", "as", "tool", "arguments", "candidates", "pick", "after"}
ROLES = {"u-admin": "admin", "u-cm": "channel_manager", "u-mkt": "marketer", "u-ps": "partner_seller"}


@pytest.mark.parametrize("name, minimum", [("heldout", 80), ("final", 20)])
def test_unseen_sets_are_varied(name, minimum):
    cases = load_cases(CASE_SETS[name])
    assert len(cases) >= minimum
    assert {c["tool"] for c in cases} == TOOLS
    assert all(set(c) <= KEYS and c["question"] and c["as"] for c in cases)
    assert {role for c in cases for prefix, role in ROLES.items() if c["as"].startswith(prefix)} == set(
        ROLES.values()
    )
    with_args = [c for c in cases if c.get("arguments")]
    by_name = [c for c in with_args if not re.search(r"\b(P|OPP|A)-\d+", c["question"])]
    assert len(by_name) >= len(with_args) / 2
    assert any(re.search(r"[^\x00-\x7f]", c["question"]) for c in cases)  # not only English


def test_follow_ups_are_scored_through_the_thread(world_ctx):
    cases = [
        {"question": "and for Thames Data Partners?", "as": "u-cm", "after": ["How is Alpine IT doing?"],
         "tool": "next_best_actions", "arguments": {"partner_id": "P-002"}},
        {"question": "the second one", "as": "u-cm",
         "after": ["Which partners should help on the Acme deal?"],
         "tool": "match_partners", "arguments": {"opportunity_id": "OPP-001"}},
        {"question": "the second one", "as": "u-cm", "tool": "search_content"},  # no thread: a new question
    ]  # fmt: skip
    report = evaluate(world_ctx, cases)
    assert report["cases"] == 3 and report["routing_accuracy"] == 1.0, report["failures"]
    assert report["argument_accuracy"] == 1.0, report["failures"]


def test_every_set_meets_the_thresholds_on_the_demo(demo_ctx):
    report = evaluate_sets(demo_ctx)
    assert set(report["sets"]) == set(CASE_SETS)
    for name, result in report["sets"].items():
        assert result["passed"], (name, result["failures"], result["skipped_cases"])
