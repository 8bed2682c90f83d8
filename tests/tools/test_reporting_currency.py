"""Money the copilot sums from partner_activity (MDF allocated and spent) and the tier minimums of vendor.yaml
are in the vendor's reporting currency (DATA.md `reporting_currency`): a vendor that reports in EUR sees EUR,
never a USD label the figures are not in (found on a EUR variant of the other-vendor world)."""
from __future__ import annotations

import pytest

from assistant.engine import overview_chat
from assistant.engine.answers import profile_answer
from retrieval.scope import scope_for_user
from tools.currency import Converter, reporting_currency
from tools.mdf.budget import budget
from tools.partner_profile.service import partner_profile
from tools.records_overview.service import records_overview


@pytest.fixture()
def eur_ctx(demo_ctx, monkeypatch):
    vendor = {**demo_ctx.vendor(), "reporting_currency": "eur", "fx_rates": {"USD": 0.9}}
    monkeypatch.setattr(type(demo_ctx), "vendor", lambda self: dict(vendor))
    return demo_ctx


def test_the_reporting_currency_and_its_rates():
    assert reporting_currency({}) == "USD" and reporting_currency({"reporting_currency": "chf"}) == "CHF"
    fx = Converter.from_vendor({"reporting_currency": "GBP", "fx_rates": {"EUR": 0.85, "JPY": 0, "XX": "n/a"}})
    assert fx.currency == "GBP" and fx.rates == {"EUR": 0.85}
    assert fx.convert(100, "eur") == pytest.approx(85) and fx.convert(100, None) is None
    assert fx.convert(7, "GBP") == 7.0


def test_a_partners_mdf_and_tier_figures_are_in_the_reporting_currency(eur_ctx):
    seller = scope_for_user(eur_ctx.store, "u-ps-kingsbridge")
    mdf = partner_profile(eur_ctx, seller, topic="mdf")
    assert mdf.currency == "EUR" and mdf.mdf_allocated
    text = profile_answer(mdf)
    assert f"{mdf.mdf_allocated:,.0f} EUR" in text and "USD" not in text
    tier = partner_profile(eur_ctx, seller, topic="tier")
    money_checks = [c for c in tier.next_tier_checks + tier.qualified_checks if c.money]
    assert money_checks
    text = profile_answer(tier)
    assert f"{money_checks[0].minimum:,.0f} EUR" in text and "USD" not in text


def test_the_book_of_mdf_and_tier_minimums_name_the_reporting_currency(eur_ctx):
    cm = scope_for_user(eur_ctx.store, "u-admin")
    result = records_overview(eur_ctx, cm, "mdf")
    assert result.currency == "EUR"
    head = overview_chat.answer(result, {}).splitlines()[0]
    assert "(EUR)" in head and "USD" not in head
    rules = records_overview(eur_ctx, cm, "tier_rules")
    text = overview_chat.answer(rules, {})
    assert "EUR" in text and "USD" not in text


def test_the_mdf_budget_converts_at_the_vendors_rates(eur_ctx):
    with eur_ctx.store.session() as session:
        b = budget(session, eur_ctx.vendor(), "P-001", "2026-Q4")
    assert b.currency == "EUR"
