"""Partner-to-deal matching on small, hand-built records in a real store (tmp_path)."""
from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from assistant.core.config import Settings
from assistant.core.errors import Forbidden, NotFound
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import Scope
from tools.partner_match import features as mf
from tools.partner_match.model import MIN_EXAMPLES, MatchModel, history_as_of, train_model
from tools.partner_match.selection import habit_weight, pick_ranker
from tools.partner_match.service import MatchEngine, get_engine, match_partners

TODAY = dt.date(2026, 3, 31)
ADMIN = Scope.operator()
_ids = itertools.count(1)


def partner(pid: str, name: str, **kw) -> R.Partner:
    base = dict(type="reseller", tier="gold", countries=["DE"], industries=["Financial Services"],
                competencies=["Lakehouse"], certified_staff={}, languages=["en"], description="")
    return R.Partner(partner_id=pid, name=name, **{**base, **kw})


def deal(account: str, stage: str, partner_id: str | None = None, products=("Lakehouse",),
         created: dt.date = dt.date(2025, 1, 10), closed: dt.date | None = dt.date(2025, 3, 1),
         **kw) -> R.Opportunity:
    n = next(_ids)
    return R.Opportunity(opportunity_id=kw.pop("opportunity_id", f"OPP-{n:04d}"), account_id=account,
                         name=kw.pop("name", f"Deal {n}"), stage=stage, amount=100000.0, created_on=created,
                         close_date=closed, products=list(products), partner_id=partner_id,
                         partner_role="sourced" if partner_id else None, **kw)


def history(partner_id: str, won: int, lost: int, account: str = "A-HIST") -> list[R.Opportunity]:
    """Closed deals spread over 2024-2025, so each one's past holds the earlier ones."""
    stages = ["closed_won"] * won + ["closed_lost"] * lost
    days = [int(d) for d in np.linspace(0, 600, len(stages))] if stages else []
    start = dt.date(2024, 1, 1)
    return [deal(account, stage, partner_id, created=start + dt.timedelta(days=d),
                 closed=start + dt.timedelta(days=d + 20)) for stage, d in zip(stages, days)]


def make_ctx(tmp_path, rows: list) -> AppContext:
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    accounts = [
        R.Account(account_id="A-ACME", name="Acme Corporation", domain="acme.com",
                  industry="Financial Services", country="DE", status="customer"),
        R.Account(account_id="A-HIST", name="Hist Bank", domain="histbank.de", industry="Financial Services",
                  country="DE", status="customer"),
    ]
    users = [
        R.User(user_id="u-cm", name="CM", role="channel_manager"),
        R.User(user_id="u-mk", name="MK", role="marketer"),
        R.User(user_id="u-ps", name="PS", role="partner_seller", partner_id="P-STRONG"),
    ]
    with ctx.store.session() as session:
        session.add_all(accounts + users + rows)
    return ctx


def target(**kw) -> R.Opportunity:
    return deal("A-ACME", "proposal", opportunity_id="OPP-T", name="Acme Corporation lakehouse renewal",
                created=dt.date(2026, 3, 1), closed=dt.date(2026, 6, 30),
                description="Renewal of the lakehouse platform for risk reporting", **kw)


@pytest.fixture()
def ctx(tmp_path):
    rows = [
        partner("P-STRONG", "Strong Partners GmbH", certified_staff={"Lakehouse": 12},
                description="Lakehouse migrations and risk reporting for banks"),
        partner("P-WEAK", "Weak Partners AG"),
        partner("P-NOAUTH", "Streaming Only Ltd", competencies=["Streaming"], tier="platinum"),
        partner("P-FR", "France Only SA", countries=["FR"], tier="platinum"),
        *history("P-STRONG", 7, 2), *history("P-WEAK", 1, 4),
        R.PartnerAccount(row_key="k1", partner_id="P-STRONG", account_name="ACME Corp.", domain="acme.com",
                         country="DE", status="customer"),
        *[R.PartnerActivity(partner_id="P-STRONG", month=m, portal_logins=v) for m, v in
          [("2025-09", 30), ("2025-10", 30), ("2025-11", 40),  # prior 3 months: 100 logins
           ("2025-12", 40), ("2026-01", 40), ("2026-02", 40)]],  # last 3 complete months: 120 (+20%)
        target(),
    ]
    context = make_ctx(tmp_path, rows)
    yield context
    context.close()


def test_strong_relevant_history_outranks_weak(ctx):
    result = match_partners(ctx, ADMIN, "OPP-T", top=4)
    ids = [p.partner_id for p in result.partners]
    assert ids.index("P-STRONG") < ids.index("P-WEAK")
    assert result.model == "cold_start"  # 14 historical deals < MIN_EXAMPLES
    assert all(0.0 <= p.score <= 1.0 for p in result.partners)
    assert result.model_dump(mode="json")["opportunity_id"] == "OPP-T"


def test_explanations_quote_the_numbers(ctx):
    strong = match_partners(ctx, ADMIN, "OPP-T").partners[0]
    assert strong.partner_id == "P-STRONG"
    words = " | ".join(strong.reasons + [c.reason or "" for c in strong.contributions])
    assert "Won 7 of 9 Financial Services deals" in words
    assert "Won 7 of 9 Lakehouse deals" in words
    assert "12 staff certified on Lakehouse" in words
    assert "Sells in DE" in words
    assert "Customer relationship with Acme Corporation (account mapping, confidence" in words
    assert "Engagement up 20% over the last 3 months" in words
    assert strong.conflicts == []


def test_ineligible_partners_are_flagged_and_ranked_last(ctx):
    partners = match_partners(ctx, ADMIN, "OPP-T", top=4).partners
    by_id = {p.partner_id: p for p in partners}
    assert "Not authorised for Lakehouse" in by_id["P-NOAUTH"].conflicts
    assert "Does not sell in DE" in by_id["P-FR"].conflicts
    assert not by_id["P-NOAUTH"].eligible and not by_id["P-FR"].eligible
    eligible_flags = [p.eligible for p in partners]
    assert eligible_flags == sorted(eligible_flags, reverse=True)  # platinum tier does not lift them
    ineligible = max(by_id["P-NOAUTH"].score, by_id["P-FR"].score)
    assert ineligible < min(by_id["P-STRONG"].score, by_id["P-WEAK"].score)


def test_conflicts_registration_by_another_partner_and_open_deal_at_account(tmp_path):
    rows = [
        partner("P-STRONG", "Strong Partners GmbH"), partner("P-REG", "Registered Reseller"),
        target(registered_by="P-REG", partner_id="P-REG"),
        deal("A-ACME", "negotiation", "P-STRONG", opportunity_id="OPP-OTHER", created=dt.date(2026, 2, 1),
             closed=dt.date(2026, 5, 1)),
    ]
    ctx = make_ctx(tmp_path, rows)
    try:
        by_id = {p.partner_id: p for p in match_partners(ctx, ADMIN, "OPP-T").partners}
    finally:
        ctx.close()
    assert "Deal registered by Registered Reseller (approved registration)" in by_id["P-STRONG"].conflicts
    assert any(c.startswith("Engaged on another open deal at Acme Corporation (OPP-OTHER")
               for c in by_id["P-STRONG"].conflicts)
    assert by_id["P-REG"].conflicts == []
    assert by_id["P-REG"].reasons[0] == "Registered this deal (approved registration)"


def test_smoothing_two_of_two_does_not_beat_forty_of_fifty():
    lift = mf.smoothed_lift(np.array([2.0, 40.0, 9.0]), np.array([2.0, 50.0, 10.0]), 0.4)
    assert lift[1] > lift[0] and lift[2] > lift[0]


def test_smoothing_in_the_ranking(tmp_path):
    """2 of 2 is shrunk toward the vendor's rate (about half here): 40 of 50 is the better bet."""
    rows = [partner("P-LUCKY", "Lucky Two"), partner("P-PROVEN", "Proven Forty"),
            partner("P-OTHER", "Other", countries=["FR"]), *history("P-LUCKY", 2, 0),
            *history("P-PROVEN", 40, 10), *history("P-OTHER", 10, 40), target()]
    ctx = make_ctx(tmp_path, rows)
    try:
        result = match_partners(ctx, ADMIN, "OPP-T")
    finally:
        ctx.close()
    assert [p.partner_id for p in result.partners][:2] == ["P-PROVEN", "P-LUCKY"]
    assert result.model in ("learned", "segment") and result.ranker.backtest["n"] >= 10
    figures = result.ranker.candidates  # the one in use is the best of the candidates on the backtest
    assert {"segment", "cold_start", "learned"} <= set(figures)
    # the segment heuristic unless a challenger beat it in the backtest, by a margin
    beats = [name for name, f in figures.items() if f.get("beats_segment")]
    assert result.model == "segment" if not beats else result.model in beats
    assert any("Won 40 of 50" in r and "Financial Services" in r for r in result.partners[0].reasons)


def match_target(tmp_path, rows: list) -> tuple:
    """The ranking for OPP-T over `rows`, and the engine that made it."""
    ctx = make_ctx(tmp_path, rows)
    try:
        return match_partners(ctx, ADMIN, "OPP-T"), get_engine(ctx)
    finally:
        ctx.close()


def test_learned_model_prefers_the_partner_history_chose(tmp_path):
    """Past deals went to the partner with the relationship and the industry: the model learns it."""
    rows = [partner("P-A", "Alpha", industries=["Retail"]), partner("P-B", "Beta"), partner("P-C", "Gamma"),
            *history("P-B", 25, 10), *history("P-A", 2, 3), target()]
    result, engine = match_target(tmp_path, rows)
    assert engine.model.kind in ("learned", "segment") and engine.model.backtest is not None
    assert result.partners[0].partner_id == "P-B"
    learned = train_model(engine.eco, engine.matrix, TODAY)
    assert learned.kind == "learned" and learned.n_deals >= MIN_EXAMPLES


def test_a_closed_deal_without_any_date_is_left_out_of_training(tmp_path):
    """DATA.md makes created_on and close_date optional: such a deal cannot be placed in the history
    (it used to stop the engine with "date value out of range")."""
    rows = [partner("P-A", "Alpha"), partner("P-B", "Beta"), *history("P-B", 25, 10),
            deal("A-HIST", "closed_won", "P-A", created=None, closed=None), target()]
    result, engine = match_target(tmp_path, rows)
    # P-B's 25 of 35 is the vendor's own rate and P-A has no dated history: both at the vendor's rate
    assert engine.model.backtest is not None and {p.partner_id for p in result.partners} == {"P-A", "P-B"}


@pytest.mark.parametrize("user", ["u-mk", "u-ps"])
def test_forbidden_for_marketer_and_partner_seller(ctx, user):
    from retrieval.scope import scope_for_user

    with pytest.raises(Forbidden):
        match_partners(ctx, scope_for_user(ctx.store, user), "OPP-T")


def test_unknown_opportunity_is_not_found(ctx):
    with pytest.raises(NotFound):
        match_partners(ctx, ADMIN, "OPP-NOPE")


def test_registered_as_a_tool(ctx):
    from tools import registry
    from tools.partner_match.service import MatchArgs

    spec = registry._TOOLS["match_partners"]
    assert spec.args is MatchArgs and "partners" in spec.description
    out = spec.func(ctx, Scope("u-cm", "channel_manager"), MatchArgs(opportunity_id="OPP-T", top=2))
    assert len(out.partners) == 2


def test_no_leakage_of_the_deals_own_partner_in_history():
    """Scoring a closed deal as of its creation: its own outcome is not in the history it sees."""
    partners = [partner("P-X", "X"), partner("P-Y", "Y")]
    accounts = [R.Account(account_id="A-1", name="One", industry="Financial Services", country="DE",
                          status="customer")]
    own = deal("A-1", "closed_won", "P-X", created=dt.date(2025, 5, 1), closed=dt.date(2025, 6, 1))
    eco = mf.Ecosystem.from_rows(partners, accounts, [own])
    matrix = mf.PartnerMatrix(eco)
    rec = mf.DealRec.of(own)
    state = history_as_of(matrix, eco, dt.date(2025, 7, 1))  # after the close: counted in the state
    signals = mf.deal_signals(matrix, state, rec.masked(), eco.accounts["A-1"], exclude=rec)
    assert signals.hist["industry"][1].sum() == 0 and signals.account_wins.sum() == 0
    engine = MatchEngine.build(eco, TODAY, MatchModel.cold_start())
    assert engine.match(rec.masked(), top=2)[0].partner_id in {"P-X", "P-Y"}


def test_ranker_falls_back_to_segment_unless_a_challenger_clearly_beats_it():
    """A challenger a little better on the won test deals, or better in one window only, does not replace
    the segment heuristic; one better by a margin, beyond noise and in most windows, does."""
    rng = np.random.default_rng(0)
    base = rng.uniform(0.5, 2.5, 90)
    window, weight = np.repeat([0, 1, 2], 30), np.ones(90)
    slightly = base + 0.02
    one_window = base + np.where(window == 2, 0.6, -0.05)
    clearly = base + 0.3 + rng.normal(0, 0.2, 90)
    best, verdicts = pick_ranker({"segment": base, "learned": slightly, "cold_start": one_window}, weight, window)
    assert best == "segment" and not verdicts["learned"]["beats_segment"]
    assert not verdicts["cold_start"]["beats_segment"] and verdicts["cold_start"]["windows_won"] == 1
    best, verdicts = pick_ranker({"segment": base, "learned": clearly, "cold_start": slightly}, weight, window)
    assert best == "learned" and verdicts["learned"]["beats_segment"] and verdicts["learned"]["gain_vs_segment"] > 0.2


def test_a_ranker_that_only_imitates_the_vendors_habit_does_not_win_the_backtest():
    """Won deals whose winner the vendor favours weigh less than wins by partners it seldom picks: a
    challenger better only on the favoured partners' wins does not beat segment once weighted."""
    habit = np.array([0.9, 0.1, 0.1, 0.1])  # partner 0 gets nearly every deal it is eligible for
    eligible = np.ones(4, dtype=bool)
    favoured, seldom = habit_weight(habit, eligible, 0), habit_weight(habit, eligible, 1)
    assert favoured < 1 < seldom
    won_by = np.array([0] * 60 + [1] * 30)  # most won deals went to the favoured partner
    weight = np.array([favoured if p == 0 else seldom for p in won_by])
    base = np.full(90, 1.5)
    imitator = np.where(won_by == 0, 2.0, 1.1)  # ranks the favoured partner first, whoever wins
    window = np.tile([0, 1, 2], 30)
    assert (imitator - base).mean() > 0.05  # unweighted it looks better
    best, verdicts = pick_ranker({"segment": base, "cold_start": imitator}, weight, window)
    assert best == "segment" and verdicts["cold_start"]["gain_vs_segment"] < 0


def test_challengers_the_backtest_cannot_separate_are_decided_by_win_loss_discrimination():
    """Two challengers both beat segment by about as much: the one whose rank tells won deals from lost
    ones better (auc) is chosen, not the one a hair ahead on the winners."""
    rng = np.random.default_rng(1)
    base = rng.uniform(0.5, 2.5, 90)
    window, weight = np.repeat([0, 1, 2], 30), np.ones(90)
    imitating = base + 0.32 + rng.normal(0, 0.05, 90)
    winning = base + 0.30 + rng.normal(0, 0.05, 90)
    rankers = {"segment": base, "learned": imitating, "outcome": winning}
    best, _ = pick_ranker(rankers, weight, window, {"segment": 0.55, "learned": 0.58, "outcome": 0.66})
    assert best == "outcome"
    best, _ = pick_ranker(rankers, weight, window)  # without discrimination figures: the larger gain
    assert best == "learned"
    clearly = base + 0.8 + rng.normal(0, 0.05, 90)  # far ahead: the gain decides, whatever the auc
    best, _ = pick_ranker({**rankers, "learned": clearly}, weight, window,
                          {"segment": 0.55, "learned": 0.58, "outcome": 0.66})
    assert best == "learned"


def test_relationship_weights_fitted_from_history_must_earn_their_place():
    """`learned_all` (relationship weights fitted from censored history) replaces `learned` (hand-set
    relationship weights) only when it gains the margin over it too; clearly ahead, it is chosen."""
    rng = np.random.default_rng(2)
    base = rng.uniform(0.5, 2.5, 90)
    window, weight = np.repeat([0, 1, 2], 30), np.ones(90)
    learned = base + 0.30 + rng.normal(0, 0.05, 90)
    auc = {"segment": 0.55, "learned": 0.58, "learned_all": 0.60}
    best, verdicts = pick_ranker({"segment": base, "learned": learned, "learned_all": learned + 0.03}, weight,
                                 window, auc)
    assert best == "learned" and verdicts["learned_all"]["not_clearly_above"] == "learned"
    best, _ = pick_ranker({"segment": base, "learned": learned, "learned_all": learned + 0.2}, weight, window, auc)
    assert best == "learned_all"


def test_similar_deals_count_each_deal_once_before_the_day_and_without_the_excluded(tmp_path):
    """The segment ranker's evidence: deals sharing the industry OR a product, each counted once."""
    rows = [partner("P-A", "Alpha", competencies=["Lakehouse", "Streaming"]),
            deal("A-HIST", "closed_won", "P-A", products=("Lakehouse", "Streaming"), opportunity_id="OPP-S1"),
            deal("A-HIST", "closed_lost", "P-A", products=("Streaming",), opportunity_id="OPP-S2"),
            deal("A-HIST", "closed_won", "P-A", products=("Lakehouse",), closed=dt.date(2026, 3, 1),
                 opportunity_id="OPP-S3"),
            target()]
    ctx = make_ctx(tmp_path, rows)
    try:
        engine = get_engine(ctx)
    finally:
        ctx.close()
    m = engine.matrix
    i = m.index["P-A"]
    wins, deals = m.similar_deals("Financial Services", ["Lakehouse", "Streaming"], dt.date(2026, 1, 1))
    assert (wins[i], deals[i]) == (1, 2)  # S1 once although it shares the industry and two products
    wins, deals = m.similar_deals("Retail", ["Streaming"], dt.date(2026, 4, 1), exclude="OPP-S1")
    assert (wins[i], deals[i]) == (0, 1)  # S1 excluded, S3 shares neither Retail nor Streaming


def test_outcome_model_learns_who_wins_once_engaged_not_whom_the_vendor_engages(tmp_path):
    """The vendor hands most deals to P-BIG, which loses most; P-SMALL gets few and wins them. The
    outcome model (won vs lost with the engaged partner) prefers P-SMALL's skill."""
    rows = [partner("P-BIG", "Big Platinum", tier="platinum"), partner("P-SMALL", "Small Registered",
                                                                        tier="registered"),
            *history("P-BIG", 10, 50), *history("P-SMALL", 12, 3, account="A-ACME"), target()]
    ctx = make_ctx(tmp_path, rows)
    try:
        engine = get_engine(ctx)
    finally:
        ctx.close()
    model = train_model(engine.eco, engine.matrix, TODAY, kind="outcome")
    assert model.kind == "outcome" and model.n_rows == model.n_deals == 75  # one example per closed deal
    top = engine.match(engine.eco.deal_by_id["OPP-T"], top=2)
    scores = {p.partner_id: p.score for p in MatchEngine.build(engine.eco, TODAY, model).match(
        engine.eco.deal_by_id["OPP-T"], top=2)}
    assert scores["P-SMALL"] > scores["P-BIG"] and len(top) == 2



def test_a_leads_company_that_is_not_our_account_has_its_industry_and_country_history_counted(tmp_path):
    """A lead (Healthcare, Governance, DE) for a company that is not one of our accounts, ranked as `leads
    route` ranks it (the company's own industry and country): the partners' records in Healthcare and in
    Germany are read for it as for a deal at one of our accounts. P-DE won its Healthcare deals in
    Germany; P-FR won in France and lost all it had in Germany."""
    both = dict(competencies=["Lakehouse", "Governance"], countries=["DE", "FR"], industries=["Healthcare"])
    rows = [partner("P-DE", "Deutsche Health", **both), partner("P-FR", "Sante France", **both),
            R.Account(account_id="A-DE", name="Klinik DE", industry="Healthcare", country="DE", status="customer"),
            R.Account(account_id="A-FR", name="Clinique FR", industry="Healthcare", country="FR", status="customer"),
            target()]
    start = dt.date(2024, 1, 1)
    record = ([("P-DE", "A-DE", True)] * 6 + [("P-DE", "A-DE", False)] * 4 + [("P-FR", "A-FR", True)] * 10
              + [("P-FR", "A-DE", False)] * 5)
    for k, (pid, account, won) in enumerate(record):
        day = start + dt.timedelta(days=7 * k)
        rows.append(deal(account, "closed_won" if won else "closed_lost", pid, products=("Governance",),
                         created=day, closed=day + dt.timedelta(days=20)))
    ctx = make_ctx(tmp_path, rows)
    try:
        eco = get_engine(ctx).eco
    finally:
        ctx.close()
    engine = MatchEngine.build(eco, TODAY, MatchModel.cold_start(cutoff=TODAY))
    lead = mf.DealRec(opportunity_id="lead:L-1", account_id="lead:L-1", name="Kronos Kliniken", created_on=TODAY,
                      products=("Governance",))
    company = mf.AccountRec("lead:L-1", "Kronos Kliniken", "Healthcare", "DE", None, "prospect")
    signals = mf.deal_signals(engine.matrix, engine.state, lead, company)
    ind, _, cty = (signals.hist[g] for g in mf.GROUPS)
    i, j = engine.matrix.index["P-DE"], engine.matrix.index["P-FR"]
    assert (ind[0][0, i], ind[1][0, i], ind[0][0, j], ind[1][0, j]) == (6, 10, 10, 15)  # Healthcare
    assert (cty[0][0, i], cty[1][0, i], cty[0][0, j], cty[1][0, j]) == (6, 10, 0, 5)  # Germany
    ranked = engine.match(lead, 2, account=company)
    assert [p.partner_id for p in ranked] == ["P-DE", "P-FR"]  # the cold-start rules weigh the country record
    assert any("Won 6 of 10 deals in DE" in r for r in ranked[0].reasons)


def test_backtest_relationships_exclude_rows_the_judged_deal_may_have_created():
    """Judging a won deal of the past, a customer row recorded later counts for a partner that never
    worked a deal at the account (no deal of ours made it), but not for the partner whose first deal there
    is the judged one: its row may be that win's result, and would let a ranker see the answer."""
    partners = [partner("P-WIN", "Winner"), partner("P-OUT", "Outsider"), partner("P-LATE", "Late")]
    accounts = [R.Account(account_id="A-1", name="One", industry="Financial Services", country="DE",
                          status="customer")]
    judged = deal("A-1", "closed_won", "P-WIN", created=dt.date(2025, 5, 1), closed=dt.date(2025, 6, 1))
    later = deal("A-1", "closed_won", "P-LATE", created=dt.date(2025, 9, 1), closed=dt.date(2025, 10, 1))
    recorded = dt.date(2026, 1, 1)  # every row updated after the judged deal
    relations = [mf.Relation(pid, "A-1", "customer", 1.0, known_from=recorded)
                 for pid in ("P-WIN", "P-OUT", "P-LATE")]
    eco = mf.Ecosystem.from_rows(partners, accounts, [judged, later], relations=relations)
    matrix = mf.PartnerMatrix(eco)
    rec = mf.DealRec.of(judged)
    state = history_as_of(matrix, eco, rec.opened())

    def customers(mode) -> set[str]:
        signals = mf.deal_signals(matrix, state, rec.masked(), eco.accounts["A-1"], exclude=rec,
                                  relations_known_now=mode)
        return {matrix.ids[i] for i in np.flatnonzero(signals.X[:, mf.FEATURES.index("customer")])}

    assert customers(False) == set()  # as of the deal: nothing recorded yet
    assert customers(True) == {"P-WIN", "P-OUT", "P-LATE"}  # as now: the winner's own row leaks
    assert customers(mf.UNCAUSED) == {"P-OUT"}


def test_a_past_deal_seen_as_a_lead_has_no_account_history_but_keeps_the_uncaused_relationships():
    """The lead backtest judges a past deal as `leads route` sees a lead: no deal at the account counts
    (P-REPEAT's earlier wins there are gone), the company's industry and country do, and the partners'
    relationships with the company come over as a lead's shared accounts (without the row the judged
    deal's own winner may have created)."""
    from tools.partner_match.lead_selection import as_lead

    partners = [partner("P-REPEAT", "Repeat"), partner("P-WIN", "Winner"), partner("P-OUT", "Outsider")]
    accounts = [R.Account(account_id="A-1", name="One Bank", industry="Financial Services", country="DE",
                          status="customer")]
    earlier = [deal("A-1", "closed_won", "P-REPEAT", created=dt.date(2024, 3, 1) + dt.timedelta(days=30 * k),
                    closed=dt.date(2024, 4, 1) + dt.timedelta(days=30 * k)) for k in range(3)]
    judged = deal("A-1", "closed_won", "P-WIN", created=dt.date(2025, 5, 1), closed=dt.date(2025, 6, 1))
    relations = [mf.Relation(pid, "A-1", "customer", 1.0, known_from=dt.date(2026, 1, 1))
                 for pid in ("P-WIN", "P-OUT")]
    eco = mf.Ecosystem.from_rows(partners, accounts, [*earlier, judged], relations=relations)
    matrix = mf.PartnerMatrix(eco)
    rec = mf.DealRec.of(judged)
    state = history_as_of(matrix, eco, rec.opened())
    as_deal = mf.deal_signals(matrix, state, rec.masked(), eco.accounts["A-1"], exclude=rec,
                              relations_known_now=mf.UNCAUSED)
    lead, company, shared = as_lead(matrix, rec, eco.accounts["A-1"], state.as_of)
    as_lead_signals = mf.deal_signals(matrix, state, lead, company, exclude=rec, relations=shared)
    history, customer = mf.FEATURES.index("account_history"), mf.FEATURES.index("customer")
    repeat = matrix.index["P-REPEAT"]
    assert as_deal.X[repeat, history] > 0 and as_lead_signals.X[repeat, history] == 0
    assert not as_lead_signals.X[:, history].any()
    assert lead.account_id == company.account_id != "A-1" and lead.partner_id is None
    assert (company.industry, company.country) == ("Financial Services", "DE")
    assert {matrix.ids[i] for i in np.flatnonzero(as_lead_signals.X[:, customer])} == {"P-OUT"}
    ind = as_lead_signals.hist["industry"]
    assert ind[1][0, repeat] == 3  # the partner's industry record still counts


def test_a_lead_ranker_must_also_tell_wins_from_losses_as_well_as_segment():
    """Leads go to the partner most likely to win: a challenger that clearly beats segment on the winners
    of past deals routes leads only when its rank also tells won deals from lost ones (AUC) at least as
    well as segment's; otherwise segment routes them, and the verdict says why."""
    from tools.partner_match.lead_selection import LeadBacktest

    rng = np.random.default_rng(0)
    base = rng.uniform(0.5, 2.5, 90)
    window, weight = np.repeat([0, 1, 2], 30), np.ones(90)
    clearly = base + 0.3 + rng.normal(0, 0.2, 90)

    def backtest(auc: dict[str, float]) -> LeadBacktest:
        return LeadBacktest({"segment": base, "learned": clearly}, weight, window, auc, {}, 0.5, "2026-01-01", 3)

    imitates = backtest({"segment": 0.61, "learned": 0.56})
    assert imitates.deal_pick() == "learned"  # the deal ranker's rule alone would take it
    best, verdicts = imitates.pick()
    assert best == "segment" and "AUC 0.560 below" in verdicts["learned"]["kept_out"]
    assert backtest({"segment": 0.61, "learned": 0.64}).pick()[0] == "learned"


def test_top_rows_breaks_a_tie_at_the_edge_as_rank_does():
    """Serving (`top_rows`) and the backtest (`rank`) order partners alike: among partners tied with the
    k-th, the lower row, never whichever one the partition happened to leave in the top k."""
    from types import SimpleNamespace

    from tools.partner_match.model import rank, top_rows

    n = 40
    X = np.zeros((n, len(mf.FEATURES)))
    X[:, 0] = np.r_[np.full(n // 2, 1.0), np.full(n - n // 2, 0.5)]  # twenty partners tie for second place
    X[5, 0] = 2.0
    signals = SimpleNamespace(X=X, eligible=np.ones(n, bool))
    model = MatchModel([1.0] + [0.0] * (len(mf.FEATURES) - 1), 0.0, "segment")
    for k in (1, 3, 7):
        assert top_rows(model, signals, k)[0].tolist() == rank(model, signals)[0][:k].tolist() == \
            [5] + [i for i in range(n) if i != 5][:k - 1]


def _random_ecosystem(seed: int = 7, partners: int = 12, deals: int = 160) -> mf.Ecosystem:
    """Partners with overlapping competencies and countries, deals over two years, most of them closed."""
    rng = np.random.default_rng(seed)
    products, countries = ["Lakehouse", "Streaming", "Governance"], ["DE", "FR"]
    rows = [partner(f"P-{k:02d}", f"Partner {k}", countries=list(rng.choice(countries, 1 + k % 2, replace=False)),
                    competencies=list(rng.choice(products, 1 + k % 3, replace=False)),
                    industries=["Financial Services" if k % 2 else "Retail"]) for k in range(partners)]
    accounts = [R.Account(account_id=f"A-{k}", name=f"Account {k}", industry=["Retail", "Financial Services"][k % 2],
                          country=countries[k % 2], status="customer") for k in range(20)]
    start, opportunities = dt.date(2024, 1, 1), []
    for _ in range(deals):
        created = start + dt.timedelta(days=int(rng.integers(0, 700)))
        stage = str(rng.choice(["closed_won", "closed_lost", "proposal"], p=[0.45, 0.4, 0.15]))
        opportunities.append(deal(f"A-{int(rng.integers(0, 20))}", stage, f"P-{int(rng.integers(0, partners)):02d}",
                                  products=[str(rng.choice(products))], created=created,
                                  closed=created + dt.timedelta(days=int(rng.integers(10, 90)))))
    return mf.Ecosystem.from_rows(rows, accounts, opportunities)


def test_sweeps_sharing_a_timeline_count_what_a_fresh_count_does():
    """The history is replayed many times per build (each backtest window's fits and scoring); the sweeps
    share one timeline of events with each closed deal's columns and fair share worked out once. A sweep
    that reuses them ends where one counting every deal afresh ends, and the base rate read straight from
    the timeline is the state's."""
    from tools.partner_match.history import HistoryState, base_rate_as_of

    eco = _random_ecosystem()
    matrix = mf.PartnerMatrix(eco)
    as_of = dt.date(2025, 9, 1)
    history_as_of(matrix, eco, dt.date(2025, 3, 1))  # a first sweep fills the timeline's per-deal parts
    shared = history_as_of(matrix, eco, as_of)
    fresh = HistoryState(matrix, eco.accounts)
    for d in sorted(eco.deals, key=lambda d: d.closed()):  # in the sweep's order (sums of floats)
        if d.is_closed and d.closed() < as_of:
            fresh.apply_close(d)  # no shared parts: columns and fair share computed here
    assert shared.global_n == fresh.global_n > 50 and shared.account_wins == fresh.account_wins
    for group in mf.GROUPS:
        for counter in ("wins", "seen", "fair"):
            assert np.array_equal(getattr(shared, counter)[group], getattr(fresh, counter)[group])
    assert np.array_equal(shared.tot_fair, fresh.tot_fair) and shared.tot_fair.sum() > 0
    for day in (dt.date(2023, 1, 1), dt.date(2024, 6, 1), as_of, dt.date(2027, 1, 1)):
        assert base_rate_as_of(matrix, eco, day) == history_as_of(matrix, eco, day).base_rate


def test_training_sets_of_several_cutoffs_equal_each_cutoffs_own():
    """The backtest builds its windows' training sets in one sweep; each is the one `training_set` builds
    alone for its cutoff (same deals, same signals, same sampled negatives)."""
    from tools.partner_match.model import training_set, training_sets

    eco = _random_ecosystem()
    matrix = mf.PartnerMatrix(eco)
    cutoffs = [dt.date(2025, 3, 1), dt.date(2025, 6, 1), dt.date(2025, 9, 1)]
    together = training_sets(eco, matrix, cutoffs)
    for cutoff in cutoffs:
        alone = training_set(eco, matrix, cutoff)
        assert alone[3] == together[cutoff][3] > 30
        for a, b in zip(alone[:3], together[cutoff][:3]):
            assert np.array_equal(a, b)


def test_segment_ranker_counts_a_customer_matched_at_the_automatic_ceiling_as_the_full_20_points():
    """The segment ranker is the issue's heuristic: smoothed similar-deal win rate plus 20 points when the
    account is the partner's customer. Account mapping's automatic matches stop at confidence 0.99 (1.0
    is a person's confirmation), so such a customer gets the full 20 points: it ranks above a partner
    19.9 points ahead on similar deals (at 0.99 x 20 = 19.8 it ranked below); a match half as sure
    counts half."""
    from tools.partner_match.model import AUTO_MATCH_CEILING

    def row(customer: float, lift: float) -> np.ndarray:
        x = np.zeros(len(mf.FEATURES))
        x[[mf.FEATURES.index(n) for n in ("authorised", "geography", "customer", "similar_rate")]] = (
            1.0, 1.0, customer, lift)
        return x

    model = MatchModel.segment(0.4)
    customer, ahead, further = model.scores(np.array([row(AUTO_MATCH_CEILING, 0.0), row(0.0, 0.199), row(0.0, 0.201)]))
    assert further > customer > ahead
    half, below, above = model.scores(np.array([row(AUTO_MATCH_CEILING / 2, 0.0), row(0.0, 0.099), row(0.0, 0.101)]))
    assert above > half > below
