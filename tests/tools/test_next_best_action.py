"""Next-best actions on small hand-built records in a real store: each rule fires with its numbers, stays
quiet on a healthy subject, ranks by impact, and respects who is asking."""
from __future__ import annotations

import datetime as dt
import types

import pytest

from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden, NotFound
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import Scope
from tools.next_best_action import deal_signals, partner_signals
from tools.next_best_action.partner_health import vendor_baselines
from tools.next_best_action.service import ContentPicker, next_best_actions, rank_actions
from tools.next_best_action.types import Action, ContentRef, Signal
from tools.types import STAGE_PROBABILITY

TODAY = dt.date(2026, 3, 15)
ADMIN = Scope.operator()
CM = Scope("u-cm", "channel_manager")
MARKETER = Scope("u-mk", "marketer")
SELLER_P1 = Scope("u-ps1", "partner_seller", partner_id="P1")
FILLER_QUIET = [4, 6, 8, 10, 12, 14, 16, 18]  # days since the last activity of ordinary proposal deals


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def partner(pid: str, **kw) -> R.Partner:
    base = {"name": f"Partner {pid}", "type": "reseller", "tier": "registered", "competencies": ["Lakehouse"],
            "certified_staff": {"Lakehouse": 4}, "account_sharing": "accounts",
            "joined_on": dt.date(2020, 1, 1)}
    return R.Partner(partner_id=pid, **{**base, **kw})


def deal(oid: str, stage: str = "proposal", quiet: int = 3, partner_id: str | None = "P2",
         amount: float = 50_000, products=("Lakehouse",), close_in: int = 30, created: int = 40,
         **kw) -> R.Opportunity:
    return R.Opportunity(opportunity_id=oid, account_id=kw.pop("account_id", "A1"), name=f"Deal {oid}",
                         stage=stage, amount=amount, created_on=ago(created), close_date=ago(-close_in),
                         last_activity_on=ago(quiet), products=list(products), partner_id=partner_id,
                         partner_role="sourced" if partner_id else None, **kw)


def activity(pid: str, months: list[str], **series) -> list[R.PartnerActivity]:
    return [R.PartnerActivity(partner_id=pid, month=m, **{k: v[i] for k, v in series.items()})
            for i, m in enumerate(months)]


MONTHS = ["2024-12", *[f"2025-{m:02d}" for m in range(1, 13)], "2026-01", "2026-02"]
assert len(MONTHS) == 15  # baseline = the first 12, recent = the last 3 (today is 2026-03-15)


class ContentStub:
    """Stands in for ContentService.search; records how it was called."""

    def __init__(self, refs: list[ContentRef]):
        self.refs, self.calls = refs, []

    def __call__(self, query, k, *, allowed_visibility, products=None, industries=None, kinds=None):
        self.calls.append({"query": query, "k": k, "allowed_visibility": allowed_visibility,
                           "products": products, "industries": industries, "kinds": kinds})
        return list(self.refs)


@pytest.fixture()
def no_helpers(monkeypatch):
    """Partner matching and account mapping replaced by small fakes (their own tests cover them)."""
    match = types.ModuleType("tools.partner_match.service")

    def match_partners(ctx, scope, opportunity_id, top=5):
        scope.require("match")
        m = types.SimpleNamespace(partner_id="P2", name="Partner P2", score=0.81,
                                  reasons=["Sells Lakehouse in DE"])
        return types.SimpleNamespace(opportunity_id=opportunity_id, partners=[m])

    match.match_partners = match_partners
    mapping = types.ModuleType("tools.account_mapping.service")
    mapping.relationships = []
    mapping.account_relationships = lambda ctx, partner_ids=None: [
        r for r in mapping.relationships if partner_ids is None or r["partner_id"] in partner_ids]
    monkeypatch.setattr(deal_signals, "partner_match", match)
    monkeypatch.setattr(partner_signals, "account_mapping", mapping)
    return mapping


@pytest.fixture()
def ctx(tmp_path, no_helpers):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    ctx.store.set_meta("vendor", {"name": "Northwind Data", "account_sharing": "counts"})
    rows = [
        R.Account(account_id="A1", name="Acme Bank", industry="Financial Services", status="customer"),
        R.Account(account_id="A2", name="Globex", industry="Retail", status="prospect"),
        partner("P1", name="Alpha Partners", competencies=["Lakehouse", "Streaming"]),
        partner("P2", name="Beta Partners"),
        *[deal(f"F{i}", quiet=q) for i, q in enumerate(FILLER_QUIET)],
        deal("O-OK", partner_id="P1", quiet=5, amount=200_000),
        deal("O-STALL", partner_id="P1", quiet=60, amount=100_000),
        deal("O-CLOSE", stage="negotiation", partner_id="P1", close_in=-20, amount=80_000),
        deal("O-REG", stage="qualification", partner_id="P1", registered_by="P1", created=80, amount=120_000),
        deal("O-NOP", partner_id=None, amount=300_000, account_id="A2"),
        deal("O-CERT", partner_id="P1", products=("Lakehouse", "Streaming", "Governance")),
        deal("O-COMP", description="The bank is also evaluating Polar Warehouse for the reporting layer."),
        deal("O-WON", stage="closed_won", partner_id="P1", close_in=-10),
        R.Document(doc_id="bc-polar", source="content/battlecards/polar.md", kind="battlecard",
                   title="Battlecard: Polar Warehouse", visibility=["internal"], content_hash="h1"),
        R.Document(doc_id="play", source="content/playbooks/proposal.md", title="Proposal playbook",
                   kind="playbook", visibility=["partners"], content_hash="h2"),
        R.Document(doc_id="pricing", source="content/internal/pricing.md", title="Internal pricing",
                   kind="policy", visibility=["internal"], content_hash="h3"),
    ]
    with ctx.store.session() as session:
        session.add_all(rows)
    yield ctx
    ctx.close()


def nba(ctx, scope=ADMIN, stub=None, **ids):
    stub = stub or ContentStub([])
    return next_best_actions(ctx, scope, content_lookup=stub, **ids)


def kinds(response) -> list[str]:
    return [a.kind for a in response.actions]


def action(response, kind: str) -> Action:
    found = [a for a in response.actions if a.kind == kind]
    assert found, f"{kind} not in {kinds(response)}"
    return found[0]


# --- deal rules ------------------------------------------------------------------------------------


def test_stalled_deal_compares_with_other_deals_in_the_stage(ctx):
    a = action(nba(ctx, opportunity_id="O-STALL"), "stalled_deal")
    others = sorted(FILLER_QUIET + [5, 3, 3, 3])  # other proposal deals: fillers, O-OK, -NOP, -CERT, -COMP
    median = others[len(others) // 2]  # the upper median: a value some deal actually has
    assert "60 days" in a.evidence[0] and ago(60).isoformat() in a.evidence[0]
    assert f"{median:.0f} days (median of {len(others)}" in a.evidence[1]
    urgency = min(max(60 / (2 * median), 1.0), 2.0)
    assert a.impact == pytest.approx(100_000 * STAGE_PROBABILITY["proposal"] * urgency, rel=1e-6)


def test_close_date_passed(ctx):
    a = action(nba(ctx, opportunity_id="O-CLOSE"), "close_date_passed")
    assert "passed 20 days ago" in a.evidence[0] and ago(20).isoformat() in a.evidence[0]
    assert a.impact == pytest.approx(80_000 * 0.7 * (1 + 20 / 90), rel=1e-6)


def test_registration_about_to_expire(ctx):
    a = action(nba(ctx, opportunity_id="O-REG"), "registration_expiring")
    ends = ago(80) + dt.timedelta(days=90)
    assert f"protection ends {ends.isoformat()} (10 days left)" in a.evidence[0]
    assert "Alpha Partners (P1)" in a.evidence[0] and "90 days" in a.evidence[1]
    assert a.priority == 1


def test_registration_far_from_expiry_is_quiet(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-REG").created_on = ago(30)
    assert "registration_expiring" not in kinds(nba(ctx, opportunity_id="O-REG"))


def test_no_partner_suggests_matches_for_internal_users(ctx):
    a = action(nba(ctx, CM, opportunity_id="O-NOP"), "no_partner")
    assert "$300,000" in a.evidence[0] and "proposal" in a.evidence[0]
    assert any("Partner P2 (P2), match score 0.81" in e for e in a.evidence)


def test_no_partner_degrades_without_matching(ctx, monkeypatch):
    broken = types.ModuleType("tools.partner_match.service")  # no match_partners: the import fails
    monkeypatch.setattr(deal_signals, "partner_match", broken)
    a = action(nba(ctx, opportunity_id="O-NOP"), "no_partner")
    assert len(a.evidence) == 1


def test_products_without_certified_staff(ctx):
    a = action(nba(ctx, opportunity_id="O-CERT"), "uncertified_products")
    assert "0 certified staff for Streaming, Governance" in a.evidence[0] and "Lakehouse 4" in a.evidence[0]
    assert a.evidence[1].startswith("Governance not among")


def test_competitor_from_battlecard_title_shares_the_battlecard_with_internal_users(ctx):
    a = action(nba(ctx, opportunity_id="O-COMP"), "competitor_mentioned")
    assert "Polar Warehouse" in a.title and "evaluating Polar Warehouse" in a.evidence[0]
    assert [c.doc_id for c in a.content] == ["bc-polar"]


def test_competitor_named_but_internal_battlecard_not_shared_with_partner_sellers(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-COMP").partner_id = "P1"
    a = action(nba(ctx, SELLER_P1, opportunity_id="O-COMP"), "competitor_mentioned")
    assert "Polar Warehouse" in a.evidence[0] and a.content == []


@pytest.mark.parametrize(("title", "names"), [
    ("Battlecard: Northwind Lakehouse vs Polar Warehouse", ["Polar Warehouse"]),
    ("Battlecard: Kestrel Streams", ["Kestrel Streams"]),
    ("Northwind Data vs. Quarry Analytics: how to win", ["Quarry Analytics"]),
    ("Competing with Kestrel Streams - field guide", ["Kestrel Streams"]),
    ("Polar Warehouse battlecard (2026)", ["Polar Warehouse"]),
    ("Battlecard", []),
])
def test_competitor_names_from_battlecard_titles(title, names):
    from tools.next_best_action.deal_signals import _battlecard_competitors

    assert _battlecard_competitors(R.Document(title=title, attributes={}), "Northwind Data") == names


def test_every_competitor_mentioned_in_order(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-OK").description = "Incumbent: Snowflake. Also evaluating polar warehouse."
    a = action(nba(ctx, opportunity_id="O-OK"), "competitor_mentioned")
    assert a.title.startswith("Prepare for Snowflake and Polar Warehouse")
    assert [e.split(":")[0] for e in a.evidence[:2]] == ["Description mentions Snowflake",
                                                         "Description mentions Polar Warehouse"]


def test_default_competitor_list(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-OK").description = "Incumbent is Snowflake."
    assert "Snowflake" in action(nba(ctx, opportunity_id="O-OK"), "competitor_mentioned").title


def test_healthy_deal_gets_only_enablement_content(ctx):
    stub = ContentStub([ContentRef(doc_id="play", title="Proposal playbook")])
    r = nba(ctx, stub=stub, opportunity_id="O-OK")
    assert kinds(r) == ["enablement_content"]
    a = r.actions[0]
    assert "$200,000 deal in proposal for Lakehouse (Financial Services)" in a.evidence[0]
    assert a.content == [ContentRef(doc_id="play", title="Proposal playbook")]
    first = stub.calls[0]
    assert first["products"] == ["Lakehouse"] and first["industries"] == ["Financial Services"]
    assert first["kinds"] == ["playbook", "case_study", "training"]


def test_healthy_deal_without_content_has_no_actions(ctx):
    assert nba(ctx, opportunity_id="O-OK").actions == []


def test_closed_deal_has_no_actions(ctx):
    assert nba(ctx, opportunity_id="O-WON").actions == []


# --- ranking and evidence --------------------------------------------------------------------------


def test_actions_ranked_by_impact_and_all_carry_numbers(ctx):
    with ctx.store.session() as s:  # one deal where several rules fire
        o = s.get(R.Opportunity, "O-STALL")
        o.close_date, o.registered_by, o.created_on = ago(5), "P1", ago(85)
        o.description = "Polar Warehouse is in the running."
    stub = ContentStub([ContentRef(doc_id="play", title="Proposal playbook")])
    r = nba(ctx, stub=stub, opportunity_id="O-STALL")
    assert len(r.actions) >= 4
    assert [a.priority for a in r.actions] == list(range(1, len(r.actions) + 1))
    assert [a.impact for a in r.actions] == sorted((a.impact for a in r.actions), reverse=True)
    assert {"stalled_deal", "registration_expiring", "close_date_passed",
            "competitor_mentioned"} <= set(kinds(r))
    assert r.actions[-1].kind == "enablement_content"  # the lowest urgency factor
    for a in r.actions:
        assert a.evidence and any(ch.isdigit() for ch in " ".join(a.evidence)) and a.subject_id == "O-STALL"


def test_no_action_without_evidence(ctx):
    signals = [Signal("a", "A", "why", [], impact=10.0), Signal("b", "B", "why", ["2 things"], impact=1.0)]
    actions = rank_actions("X", signals, ContentPicker(ctx, ADMIN, ContentStub([])))
    assert [(a.kind, a.priority) for a in actions] == [("b", 1)]


def test_json_contract(ctx):
    data = nba(ctx, opportunity_id="O-CLOSE").model_dump(mode="json")
    assert set(data) >= {"actions"} and data["health"] is None
    assert set(data["actions"][0]) >= {"title", "why", "priority", "evidence", "content", "kind", "impact",
                                       "subject_id"}


def test_vendor_aggregates_are_numbers_only(ctx):
    b = vendor_baselines(ctx)
    assert sorted(b.stage_days["proposal"]) == sorted(FILLER_QUIET + [5, 60, 3, 3, 3])
    assert b.win_rate == pytest.approx(0.25)  # too few closed deals: the default


# --- permissions and content scope ------------------------------------------------------------------


def test_marketer_forbidden(ctx):
    with pytest.raises(Forbidden):
        nba(ctx, MARKETER, opportunity_id="O-OK")
    with pytest.raises(Forbidden):
        nba(ctx, MARKETER, partner_id="P1")


def test_exactly_one_subject(ctx):
    with pytest.raises(BadInput):
        nba(ctx)
    with pytest.raises(BadInput):
        nba(ctx, partner_id="P1", opportunity_id="O-OK")


def test_partner_seller_only_own_deals_and_partner(ctx):
    assert nba(ctx, SELLER_P1, opportunity_id="O-REG").actions
    with pytest.raises(Forbidden):
        nba(ctx, SELLER_P1, opportunity_id="O-COMP")  # P2's deal
    with pytest.raises(Forbidden):
        nba(ctx, SELLER_P1, partner_id="P2")
    with pytest.raises(NotFound):
        nba(ctx, SELLER_P1, opportunity_id="O-NOPE")
    with pytest.raises(NotFound):
        nba(ctx, ADMIN, partner_id="P-NOPE")


def test_partner_seller_gets_no_match_suggestions(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-NOP").registered_by = "P1"  # visible to the seller, still no engaged partner
    assert "no_partner" not in kinds(nba(ctx, SELLER_P1, opportunity_id="O-NOP"))


def test_content_only_what_the_asker_may_see(ctx):
    refs = [ContentRef(doc_id="play", title="Proposal playbook"),
            ContentRef(doc_id="pricing", title="Internal"), ContentRef(doc_id="ghost", title="Not stored")]
    seller_stub, admin_stub = ContentStub(refs), ContentStub(refs)
    seller = nba(ctx, SELLER_P1, stub=seller_stub, opportunity_id="O-STALL")
    admin = nba(ctx, ADMIN, stub=admin_stub, opportunity_id="O-STALL")
    assert seller_stub.calls
    assert all(c["allowed_visibility"] == ["partners", "partner:P1"] for c in seller_stub.calls)
    assert admin_stub.calls and all(c["allowed_visibility"] is None for c in admin_stub.calls)
    assert {c.doc_id for a in seller.actions for c in a.content} == {"play"}
    assert {c.doc_id for a in admin.actions for c in a.content} == {"play", "pricing"}


def test_partner_scoped_content_only_for_that_partners_subjects(ctx):
    with ctx.store.session() as s:
        s.add(R.Document(doc_id="plan-p2", source="content/partners/p2.md", title="Joint plan with P2",
                         kind="playbook", visibility=["partner:P2"], content_hash="h4"))
    stub = ContentStub([ContentRef(doc_id="plan-p2", title="Joint plan with P2")])
    about_p2 = nba(ctx, stub=stub, opportunity_id="O-COMP")  # P2's deal
    about_p1 = nba(ctx, stub=stub, opportunity_id="O-STALL")  # P1's deal: the admin may read it, not for P1
    assert "plan-p2" in {c.doc_id for a in about_p2.actions for c in a.content}
    assert not [c for a in about_p1.actions for c in a.content]


def test_registered_tool(ctx, monkeypatch):
    from tools import registry

    monkeypatch.setattr(registry, "BUILTIN_MODULES", ("tools.next_best_action.service",))  # the others have own tests
    spec = registry.get_tool("next_best_actions")
    assert set(spec.args.model_fields) == {"partner_id", "opportunity_id"}
    def no_index(self):
        raise RuntimeError("no index")

    monkeypatch.setattr(AppContext, "content", property(no_index))
    result = spec.func(ctx, ADMIN, spec.args(opportunity_id="O-CLOSE"))
    assert "close_date_passed" in kinds(result)  # content failing degrades to no content, not no actions


# --- partner rules ---------------------------------------------------------------------------------


def flat(value, n=12):
    return [value] * n


@pytest.fixture()
def pctx(ctx, no_helpers):
    """Partners with activity: P1 healthy, P3 logins collapsed and PSAT fell, P4 MDF unspent, P5 new, no deal,
    P6 promotion-eligible, P7 gold on paper only."""
    logins_p3 = [40, 44, 42, 41, 43, 42, 40, 44, 42, 41, 43, 42, 6, 5, 4]
    ok = {"portal_logins": flat(30, 15), "trainings_completed": flat(2, 15), "deals_registered": flat(1, 15),
          "mdf_allocated": flat(2000.0, 15), "mdf_spent": flat(1800.0, 15), "psat": flat(8.0, 15)}
    rows = [
        partner("P3", name="Gamma IT", tier="registered"),
        partner("P4", name="Delta Group"),
        partner("P5", name="Epsilon New", joined_on=TODAY - dt.timedelta(days=195), certified_staff={}),
        partner("P6", name="Zeta Data", tier="silver", certified_staff={"Lakehouse": 8}),
        partner("P7", name="Eta Gold", tier="gold", certified_staff={"Lakehouse": 1}),
        *activity("P1", MONTHS, **ok),
        *activity("P3", MONTHS, **{**ok, "portal_logins": logins_p3, "psat": flat(8.0) + [6.0, 6.2, 5.8]}),
        *activity("P4", MONTHS, **{**ok, "mdf_allocated": flat(10_000.0, 15),
                                   "mdf_spent": flat(9_000.0, 9) + flat(1_000.0, 6)}),
        *[deal(f"W6-{i}", stage="closed_won", partner_id="P6", amount=160_000, close_in=-30 * (i + 1))
          for i in range(6)],
        deal("O-P3", partner_id="P3", amount=400_000, stage="negotiation"),
    ]
    with ctx.store.session() as session:
        session.add_all(rows)
    ctx.store.set_meta("vendor", {"name": "Northwind Data", "account_sharing": "counts", "tier_rules": {
        "registered": {"min_won_revenue_12m": 0},
        "silver": {"min_won_revenue_12m": 150000, "min_won_deals_12m": 2, "min_certified_staff": 2},
        "gold": {"min_won_revenue_12m": 750000, "min_won_deals_12m": 5, "min_certified_staff": 6}}})
    return ctx


def test_engagement_decline_with_numbers(pctx):
    r = nba(pctx, partner_id="P3")
    a = action(r, "engagement_decline")
    assert len(a.evidence) == 1  # trainings and registrations held steady
    assert a.evidence[0].startswith("Portal logins fell from 42 to 5 a month over the last 3 months")
    assert "Dec 2025-Feb 2026: 6, 5, 4" in a.evidence[0]
    assert r.actions[0].kind == "engagement_decline" and a.subject_id == "P3"


def test_psat_drop(pctx):
    a = action(nba(pctx, partner_id="P3"), "psat_drop")
    assert "PSAT fell from 8.0 to 6.0" in a.evidence[0]


def test_unused_mdf_with_amounts(pctx):
    a = action(nba(pctx, partner_id="P4"), "unused_mdf")
    assert ("$60,000 allocated, $6,000 spent, $54,000 unspent (10% used; partners typically use 90%)"
            in a.evidence[0])
    assert "Sep 2025-Feb 2026" in a.evidence[0]


def test_slow_first_deal(pctx):
    a = action(nba(pctx, partner_id="P5"), "slow_first_deal")
    assert f"Joined on {(TODAY - dt.timedelta(days=195)).isoformat()} (195 days ago)" in a.evidence[0]


def test_tier_promotion_and_demotion(pctx):
    up = action(nba(pctx, partner_id="P6"), "tier_promotion")
    assert up.title == "Promote Zeta Data from silver to gold"
    assert any("$960,000 (gold requires $750,000)" in e for e in up.evidence)
    assert any("Won deals" in e and "6 (gold requires 5)" in e for e in up.evidence)
    down = action(nba(pctx, partner_id="P7"), "tier_demotion")
    assert "qualifies for registered" in down.title and len(down.evidence) == 3


def test_certification_gap_against_pipeline(ctx):
    with ctx.store.session() as s:
        s.get(R.Partner, "P1").certified_staff = {"Lakehouse": 4}
    a = action(nba(ctx, partner_id="P1"), "certification_gap")
    assert a.evidence[0].startswith("Streaming is in 1 open deal worth $50,000 (O-CERT)")



def test_certification_gap_never_adds_up_deals_in_different_currencies(ctx):
    """A NOK deal's amount is not a dollar amount: the evidence sums per currency, each labelled."""
    with ctx.store.session() as s:
        s.get(R.Partner, "P1").certified_staff = {"Lakehouse": 4}
        s.add(deal("O-NOK", partner_id="P1", products=("Streaming",), amount=1_200_000, currency="NOK"))
    a = action(nba(ctx, partner_id="P1"), "certification_gap")
    assert a.evidence[0].startswith("Streaming is in 2 open deals worth NOK 1,200,000 + $50,000 (")
    assert "$1,250,000" not in a.evidence[0]


def test_unused_mdf_is_in_the_reporting_currency(pctx):
    """DATA.md/CLI.md: partner_activity amounts are in vendor.yaml `reporting_currency`."""
    pctx.store.set_meta("vendor", {**pctx.vendor(), "reporting_currency": "EUR"})
    a = action(nba(pctx, partner_id="P4"), "unused_mdf")
    assert "€60,000 allocated, €6,000 spent, €54,000 unspent" in a.evidence[0] and "€54,000" in a.title

def test_overlapping_accounts_without_joint_deal(ctx, no_helpers):
    no_helpers.relationships = [
        {"partner_id": "P1", "account_id": "A2", "account_name": "Globex", "partner_population": "customer",
         "vendor_populations": ["open_opportunity"]},
        {"partner_id": "P1", "account_id": "A1", "account_name": "Acme Bank",  # P1 already has deals at A1
         "partner_population": "customer", "vendor_populations": ["customer"]},
    ]
    a = action(nba(ctx, partner_id="P1"), "overlapping_accounts")
    assert a.evidence[0].startswith("1 of our accounts where Alpha Partners reports")
    assert "(1 with an open opportunity of ours)" in a.evidence[0] and a.evidence[1] == "For example: Globex"
    seller = action(nba(ctx, SELLER_P1, partner_id="P1"), "overlapping_accounts")
    assert len(seller.evidence) == 1  # vendor account_sharing is `counts`: no account names for the partner


def test_partner_view_repeats_its_urgent_deals(ctx):
    r = nba(ctx, partner_id="P1")
    urgent = {a.subject_id: a.kind for a in r.actions if a.subject_id != "P1"}
    assert urgent == {"O-STALL": "stalled_deal", "O-CLOSE": "close_date_passed",
                      "O-REG": "registration_expiring"}
    assert all(a.subject_id == "P1" for a in r.actions if a.kind == "certification_gap")


def test_healthy_partner_has_no_actions(pctx):
    with pctx.store.session() as s:  # P1: steady activity, no deal in trouble, certified for what it sells
        for oid in ("O-CERT", "O-STALL", "O-CLOSE", "O-REG"):
            s.delete(s.get(R.Opportunity, oid))
        s.get(R.Partner, "P1").certified_staff = {"Lakehouse": 4, "Streaming": 2}
    r = nba(pctx, partner_id="P1")
    assert r.actions == [] and r.health is not None and r.health.partner_id == "P1"


def test_partner_actions_ranked_by_impact(pctx):
    r = nba(pctx, partner_id="P3")
    assert [a.priority for a in r.actions] == list(range(1, len(r.actions) + 1))
    assert [a.impact for a in r.actions] == sorted((a.impact for a in r.actions), reverse=True)
    assert r.health is not None and 0 <= r.health.score <= 100


def test_lapsed_registration_says_so_with_the_date_protection_ended(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-REG").created_on = ago(139)
    response = nba(ctx, opportunity_id="O-REG")
    a = action(response, "registration_lapsed")
    ended = ago(139) + dt.timedelta(days=90)
    assert f"protection ended {ended.isoformat()} (49 days ago): LAPSED" in a.evidence[0]
    assert "139 days ago" in a.evidence[1] and "registration_expiring" not in kinds(response)
    assert a.priority == 1  # an urgent deal risk ranks above advice


def test_stall_is_judged_against_the_stage_p90_not_only_its_outliers():
    """The issue's shape: median 27, p90 96, a deal quiet for 107 days is stalled; one at 90 is not."""
    from tools.next_best_action.partner_health import _typical

    values = [20.0] * 40 + [27.0] * 20 + [60.0] * 20 + [96.0] * 10 + [100.0] * 10
    typical = _typical(values)
    assert typical.median == 27 and typical.p90 == pytest.approx(96.4, abs=0.5)
    assert typical.outlier_above > 107  # Tukey's fence would have missed it
    limit = max(typical.p90, deal_signals.STALL_OVER_MEDIAN * typical.median, deal_signals.STALL_FLOOR_DAYS)
    assert 90 < limit < 107


def test_other_stalled_deals_of_a_small_stage_do_not_set_the_bar(ctx):
    """Two other deals quiet for months in a stage of a dozen would put the plain p90 above this deal's
    silence: the bar is read from the deals within Tukey's fence, and the evidence says what was left out."""
    with ctx.store.session() as s:
        s.add_all([deal("O-STALL2", partner_id="P1", quiet=95), deal("O-STALL3", partner_id="P1", quiet=110)])
    values = sorted(FILLER_QUIET + [5, 3, 3, 3, 95, 110])  # the other proposal deals O-STALL is judged against
    from tools.next_best_action.partner_health import _typical

    plain = _typical(values)
    assert plain.p90 > 60  # the old bar: O-STALL (60 days quiet) would not have been stalled
    assert plain.outliers == 2 and plain.usual_p90 < 20
    a = action(nba(ctx, opportunity_id="O-STALL"), "stalled_deal")
    assert "60 days" in a.evidence[0] and "leaving out 2 quiet for over" in a.evidence[1]
    assert a.priority == 1


def test_lapsed_registration_counts_from_the_kept_records_approval(ctx):
    """A registration the copilot keeps protects from its approval (expires_on), not from the deal's
    creation: the evidence gives that end and the days since."""
    from retrieval.programme_records import Registration

    with ctx.store.session() as s:
        s.get(R.Opportunity, "O-REG").created_on = ago(139)
        s.add(Registration(registration_id="R-1", partner_id="P1", account_name="Acme Bank", account_id="A1",
                           products=["Lakehouse"], status="approved", submitted_on=ago(120), decided_on=ago(115),
                           expires_on=ago(25), opportunity_id="O-REG"))
    a = action(nba(ctx, opportunity_id="O-REG"), "registration_lapsed")
    assert f"protection ended {ago(25).isoformat()} (25 days ago): LAPSED" in a.evidence[0]
    assert f"Registration R-1 approved on {ago(115).isoformat()}" in a.evidence[1]


def closed(prefix: str, partner_id: str | None, won: int, lost: int) -> list[R.Opportunity]:
    return [deal(f"{prefix}{i}", stage="closed_won" if i < won else "closed_lost", partner_id=partner_id,
                 close_in=-20 - i) for i in range(won + lost)]


def test_no_partner_cites_the_vendors_win_rates_with_and_without_a_partner(ctx):
    with ctx.store.session() as s:  # with O-WON: 4 of 6 won with a partner, 1 of 6 without
        s.add_all([*closed("CP", "P2", 3, 2), *closed("CD", None, 1, 5)])
    a = action(nba(ctx, CM, opportunity_id="O-NOP"), "no_partner")
    assert a.evidence[1] == "Closed deals with a partner engaged won 67% (4 of 6); without a partner 17% (1 of 6)"


def test_no_partner_stays_quiet_where_partners_win_no_more(ctx):
    with ctx.store.session() as s:  # 1 of 6 won with a partner (O-WON and 5 lost), 5 of 6 without
        s.add_all([*closed("CP", "P2", 0, 5), *closed("CD", None, 5, 1)])
    assert "no_partner" not in kinds(nba(ctx, CM, opportunity_id="O-NOP"))


def test_no_partner_gives_the_long_run_rates_beside_the_trailing_year(ctx):
    """With 20+ deals closed in the trailing year the rule reads that year; the rates over every closed
    deal on record (older ones included) come beside them, as a vendor's own reports would quote them."""
    def old(prefix: str, partner_id: str | None, won: int, lost: int) -> list[R.Opportunity]:
        return [deal(f"{prefix}{i}", stage="closed_won" if i < won else "closed_lost", partner_id=partner_id,
                     close_in=-400 - i, created=500) for i in range(won + lost)]

    with ctx.store.session() as s:  # trailing year, with O-WON: 9 of 12 with a partner, 2 of 10 without
        s.add_all([*closed("CP", "P2", 8, 3), *closed("CD", None, 2, 8),
                   *old("OP", "P2", 2, 8), *old("OD", None, 0, 10)])
    a = action(nba(ctx, CM, opportunity_id="O-NOP"), "no_partner")
    assert a.evidence[1] == "Closed deals with a partner engaged won 75% (9 of 12); without a partner 20% (2 of 10)"
    assert a.evidence[2] == "Over all 42 closed deals on record: with a partner 50% (11 of 22); without 10% (2 of 20)"


def test_a_quiet_vendors_dormant_third_of_a_stage_does_not_hide_its_stalled_deals():
    """A third of a stage quiet for 45 days where the median is 5: the plain p90 (45) would call none
    of them stalled; the bar is capped at 5x the median. The issue's shape is unchanged (cap above p90)."""
    from tools.next_best_action.partner_health import _typical

    others = [1.0, 2.0, 3.0, 3.0, 5.0, 5.0, 5.0, 9.0, 45.0, 45.0, 45.0]
    typical = _typical(others)
    assert typical.usual_p90 == 45 and typical.median == 5
    limit = max(min(typical.usual_p90, deal_signals.STALL_P90_CAP * typical.median),
                deal_signals.STALL_OVER_MEDIAN * typical.median, deal_signals.STALL_FLOOR_DAYS)
    assert limit == 25 < 45
    issue = _typical([20.0] * 40 + [27.0] * 20 + [60.0] * 20 + [96.0] * 10 + [100.0] * 10)
    assert deal_signals.STALL_P90_CAP * issue.median > issue.usual_p90  # 90 days there stays not stalled


def test_tier_review_only_where_the_rules_fit_the_vendor(ctx):
    """No tier_rules in vendor.yaml: the default table. One gold partner of three below it is a review; three
    platinum partners of five below it say the table does not fit this vendor's scale, not these partners."""
    with ctx.store.session() as s:
        s.add(partner("P8", name="Theta Gold", tier="gold", certified_staff={"Lakehouse": 1}))
    down = action(nba(ctx, partner_id="P8"), "tier_demotion")
    assert "qualifies for registered" in down.title and "(gold requires 6)" in " ".join(down.evidence)
    with ctx.store.session() as s:
        s.add_all([partner(f"P9{i}", name=f"Iota {i}", tier="platinum", certified_staff={"Lakehouse": 9})
                   for i in range(2)])
    assert not [k for k in kinds(nba(ctx, partner_id="P8")) if k.startswith("tier_")]
    assert vendor_baselines(ctx).tier_gaps.below == 3


def test_competency_without_certified_staff_and_no_deal_in_it(ctx):
    """Authorised for Streaming (a competency) with nobody certified on it and no open deal in it: a gap
    while few of the vendor's partners have one, named with the product; where most partners have one, the
    vendor does not record certifications per product and the rule stays quiet."""
    with ctx.store.session() as s:
        s.delete(s.get(R.Opportunity, "O-CERT"))
        s.add_all([partner(f"P8{i}", name=f"Kappa {i}") for i in range(3)])  # certified on their competency
    a = action(nba(ctx, partner_id="P1"), "certification_gap")
    assert a.title == "Certify Alpha Partners on Streaming"
    assert a.evidence == ["Authorised for Streaming (competencies) with 0 certified staff for it (certified "
                          "staff: Lakehouse 4); 1 of 5 partners have a competency without certified staff"]
    with ctx.store.session() as s:
        for pid in ("P2", "P80"):
            s.get(R.Partner, pid).certified_staff = {}
    assert vendor_baselines(ctx).uncertified_competencies == (3, 5)
    assert "certification_gap" not in kinds(nba(ctx, partner_id="P1"))


def test_onboarding_asks_no_tier_minimums_of_a_vendor_they_do_not_fit(ctx):
    """A gold partner 120 days into its plan with 1 certified staff: the tier's certified-staff step (due at
    90 days) is overdue while it is the one partner below its tier; once most partners are below theirs, the
    (default) rules do not fit this vendor and onboarding stops asking for them."""
    from tools.onboarding.service import steps_to_act_on

    with ctx.store.session() as s:
        s.add(partner("P8", name="Theta Gold", tier="gold", certified_staff={"Lakehouse": 1},
                      joined_on=ago(120)))
    assert "certified_staff" in [x.step.kind for x in steps_to_act_on(ctx, ADMIN, "P8")]
    with ctx.store.session() as s:
        s.add_all([partner(f"P9{i}", name=f"Iota {i}", tier="platinum", certified_staff={"Lakehouse": 9})
                   for i in range(2)])
    kinds_left = [x.step.kind for x in steps_to_act_on(ctx, ADMIN, "P8")]
    assert "certified_staff" not in kinds_left and "tier_result" not in kinds_left


def test_a_stall_just_beyond_the_bar_is_less_urgent_than_one_far_beyond(ctx):
    """A stage where half the deals were touched yesterday has a median of days: the urgency of a stall is how
    far beyond the stall bar it is (1 at the bar, 2 at twice it), not the days over a median near zero."""
    with ctx.store.session() as s:
        s.add_all([deal(f"T{i}", quiet=1) for i in range(12)] + [deal("O-EDGE", partner_id="P1", quiet=20,
                                                                     amount=100_000)])
    edge = action(nba(ctx, opportunity_id="O-EDGE"), "stalled_deal")
    bar = float(edge.evidence[1].split("stalled above ")[1].split(" days")[0])
    value = 100_000 * STAGE_PROBABILITY["proposal"]
    assert 14 <= bar < 20 and edge.impact == pytest.approx(value * 20 / bar, rel=0.01)
    far = action(nba(ctx, opportunity_id="O-STALL"), "stalled_deal")  # 60 days: beyond twice the bar
    assert far.impact == pytest.approx(100_000 * STAGE_PROBABILITY["proposal"] * 2)


def test_tier_evidence_is_in_the_vendors_reporting_currency():
    """Tier minimums are in vendor.yaml `reporting_currency`: a EUR vendor's review evidence says €, not $."""
    from tools.next_best_action.partner_signals import _check_text
    from tools.next_best_action.tier_rules import TierCheck

    text = _check_text(TierCheck("gold", "won_revenue_12m", 250_000, 180_500), "EUR")
    assert text.endswith(": €180,500 (gold requires €250,000)") and "$" not in text
    assert _check_text(TierCheck("gold", "certified_staff", 5, 3), "EUR").endswith(": 3 (gold requires 5)")
