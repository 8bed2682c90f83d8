"""`DealContext.signal`, the one place a deal rule builds its Signal: impact and content defaults.
(The rules themselves: tests/tools/test_next_best_action.py and the demo acceptance tests.)"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from tools.currency import Converter
from tools.next_best_action.deal_signals import URGENCY, DealContext


def deal(**fields) -> DealContext:
    opp = SimpleNamespace(**{"amount": 100_000.0, "currency": "USD", "stage": "proposal",
                             "products": ["Lakehouse", " ", "AI Studio"], **fields})
    baselines = SimpleNamespace(today=dt.date(2026, 11, 15), median_amount=50_000.0,
                                probability=lambda stage: {"proposal": 0.4}.get(stage, 0.1),
                                fx=Converter.from_vendor({"fx_rates": {"EUR": 1.1}}))
    return DealContext(None, None, None, opp, baselines)


def test_the_deal_texts():
    d = deal()
    assert (d.value, d.deal_text, d.products_text) == \
        (40_000.0, "$100,000 deal in proposal", "Lakehouse AI Studio")
    unpriced = deal(amount=None, stage="prospecting", products=None)  # the median amount stands in
    assert (unpriced.value, unpriced.deal_text, unpriced.products) == \
        (5_000.0, "unpriced deal in prospecting", [])

    # ranked against other deals in the reporting currency, shown in its own; without a rate: as unpriced
    eur = deal(currency="EUR")
    assert (round(eur.value, 6), eur.deal_text) == (44_000.0, "€100,000 deal in proposal")
    assert deal(currency="SEK").value == 50_000.0 * 0.4


def test_impact_is_value_times_the_rules_urgency_unless_it_computes_one():
    d = deal()
    assert d.signal("no_partner", "t", "w", ["e"]).impact == 40_000.0 * URGENCY["no_partner"]
    assert d.signal("stalled_deal", "t", "w", ["e"], urgency=1.5).impact == 60_000.0


def test_content_is_sought_for_the_deals_products_unless_the_rule_names_others():
    d = deal()
    found = d.signal("no_partner", "t", "w", ["e"], query="q", kinds=("policy", "playbook"))
    assert (found.content_query, found.content_kinds, found.content_products) == \
        ("q", ["policy", "playbook"], ["Lakehouse", "AI Studio"])
    named = d.signal("uncertified_products", "t", "w", ["e"], query="q", products=["X"])
    assert named.content_products == ["X"]
    assert d.signal("no_partner", "t", "w", ["e"], query="q", products=[]).content_products == []
    no_query = d.signal("competitor_mentioned", "t", "w", ["e"], content=[])
    assert (no_query.content_query, no_query.content_products, no_query.content_kinds) == (None, [], [])
