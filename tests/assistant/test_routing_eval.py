"""The routing eval: its case file is well-formed, and its scorer works (on the small world)."""

from __future__ import annotations

import re

from evals.routing import evaluate, load_cases

TOOLS = {"search_content", "map_accounts", "match_partners", "next_best_actions", "draft_content", "recruit_partners", "find_partners",
         None}


def test_case_file_covers_every_tool_and_mostly_names_things():
    cases = load_cases()
    assert len(cases) >= 60
    assert {c["tool"] for c in cases} == TOOLS
    for case in cases:
        assert set(case) <= {"question", "as", "tool", "arguments", "candidates", "pick"}
        assert case["question"] and case["as"]
    with_args = [c for c in cases if c.get("arguments")]
    by_name = [c for c in with_args if not re.search(r"\b(P|OPP|A)-\d+|\{deal\.id\}", c["question"])]
    assert len(by_name) >= len(with_args) / 2


def test_scorer_on_the_small_world(world_ctx):
    cases = [
        {
            "question": "Which partners should we bring into the Acme renewal?",
            "as": "u-cm",
            "tool": "match_partners",
            "arguments": {"opportunity_id": "@opp:Acme Corporation - Lakehouse renewal"},
        },
        {
            "question": "How is Alpine IT doing?",
            "as": "u-cm",
            "tool": "next_best_actions",
            "arguments": {"partner_id": "P-001"},
        },
        {"question": "How do I register a deal?", "as": "u-ps1", "tool": "search_content"},
        {"question": "Which partners should we bring into the Acme renewal?", "as": "u-ps1", "tool": None},
        {
            "question": "Which partners should help on the Acme deal?",
            "as": "u-cm",
            "tool": None,
            "candidates": ["OPP-001", "OPP-002"],
        },
        {
            "question": "Draft the lakehouse kit for Alpine IT",
            "as": "u-mkt",
            "tool": "draft_content",
            "arguments": {"partner_id": "P-002"},
        },  # wrong on purpose: counted as an argument failure
    ]
    report = evaluate(world_ctx, cases)
    assert report["cases"] == 6 and report["routing_accuracy"] == 1.0
    assert report["argument_cases"] == 4 and report["argument_accuracy"] == 0.75
    assert not report["passed"] and report["failures"][0]["question"].startswith("Draft the lakehouse")
