"""Acceptance on the ingested demo: every planted situation is found in the top 3 of its subject with the
right numbers (issue 6), and every kit x locale x channel drafts cleanly for several partners (issue 7)."""
from __future__ import annotations

import pytest

from retrieval.scope import Scope
from tools.next_best_action.service import next_best_actions


def top3(ctx, **subject) -> list[dict]:
    response = next_best_actions(ctx, Scope("u-cm-test", "channel_manager"), **subject)
    return [a.model_dump(mode="json") for a in response.actions[:3]]


def find(actions: list[dict], kind: str) -> dict:
    hits = [a for a in actions if a["kind"] == kind]
    assert hits, f"{kind} not in top 3: {[a['kind'] for a in actions]}"
    assert hits[0]["evidence"], "an action without evidence"
    return hits[0]


def money(x: float) -> str:
    return f"${x:,.0f}"


def test_planted_partner_situations(demo_ctx, demo_truth):
    s = demo_truth["planted"]["situations"]
    logins = s["logins_collapse"]
    action = find(top3(demo_ctx, partner_id=logins["partner_id"]), "engagement_decline")
    recent = list(logins["monthly_logins"].values())[-3:]
    assert ", ".join(str(v) for v in recent) in " ".join(action["evidence"])

    mdf = s["unspent_mdf"]
    action = find(top3(demo_ctx, partner_id=mdf["partner_id"]), "unused_mdf")
    six = mdf["last_6_complete_months"]
    text = " ".join(action["evidence"])
    assert money(six["mdf_allocated"]) in text and money(six["mdf_spent"]) in text

    promo = s["promotion_eligible"]
    action = find(top3(demo_ctx, partner_id=promo["partner_id"]), "tier_promotion")
    assert money(promo["won_revenue_12m"]) in " ".join(action["evidence"])


@pytest.mark.parametrize("situation,kind,needle", [
    ("stalled_deal", "stalled_deal", "days"),
    ("expiring_registration", "registration_expiring", "days left"),
    ("past_close_date", "close_date_passed", ""),
    ("no_partner", "no_partner", ""),
    ("competitor", "competitor_mentioned", ""),
])
def test_planted_deal_situations(demo_ctx, demo_truth, situation, kind, needle):
    planted = demo_truth["planted"]["situations"][situation]
    action = find(top3(demo_ctx, opportunity_id=planted["opportunity_id"]), kind)
    assert needle in " ".join(action["evidence"])
    if situation == "expiring_registration":
        assert planted.get("protection_ends", "2026-11-24") in " ".join(action["evidence"])


def test_partner_seller_gets_no_content_they_may_not_see(demo_ctx, demo_truth):
    from sqlalchemy import select

    from retrieval import records as R
    from retrieval.scope import scope_for_user

    seller = scope_for_user(demo_ctx.store, "u-ps-alpine")
    deal = demo_truth["planted"]["situations"]["expiring_registration"]["opportunity_id"]
    response = next_best_actions(demo_ctx, seller, opportunity_id=deal)
    with demo_ctx.store.session() as s:
        visibility = {d.doc_id: d.visibility for d in s.scalars(select(R.Document))}
    for action in response.actions:
        assert action.evidence
        for item in action.content:
            assert seller.may_read_content(visibility[item.doc_id]), item.doc_id


def test_every_kit_locale_channel_drafts_cleanly(demo_ctx):
    from retrieval import records as R
    from tools.content_drafts.service import draft_content

    with demo_ctx.store.session() as s:
        kits = [(k.kit_id, list(k.data["locales"])) for k in s.query(R.CampaignKitRow)]
    failures = []
    for partner_id in ("P-001", "P-031", "P-013", "P-021"):
        for kit_id, locales in kits:
            for locale in locales:
                for channel in ("email", "social", "landing"):
                    d = draft_content(demo_ctx, Scope.operator(), partner_id, kit_id, locale, channel, save=False)
                    failures += [(partner_id, kit_id, locale, channel, c.name, c.detail)
                                 for c in d.checks if not c.passed]
    assert len(kits) >= 4 and not failures, failures[:10]
