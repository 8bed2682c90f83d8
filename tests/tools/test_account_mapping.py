"""`map_accounts`: sharing rules per role and `account_sharing`, signals, summary, corrections."""
from __future__ import annotations

import pytest
from sqlalchemy import delete

from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden, NotFound
from assistant.engine.context import AppContext
from retrieval.records import Account, MatchCorrection, Opportunity, Partner, PartnerAccount
from retrieval.scope import Scope
from tools.account_mapping import service as am

ADMIN = Scope("u-admin", "admin")
CM = Scope("u-cm", "channel_manager")
MARKETER = Scope("u-mkt", "marketer")

ACCOUNTS = [
    ("A1", "Acme Corporation", "acme.com", "US", "customer"),
    ("A2", "Northstar Bank", "northstarbank.com", "US", "prospect"),
    ("A3", "Globex GmbH", "globex.de", "DE", "former_customer"),
    ("A4", "Initech Software Ltd", "initech.co.uk", "GB", "prospect"),
    ("A5", "Umbrella Corporation", "umbrella.com", "US", "customer"),
    ("A6", "Umbrella Corp Inc", None, "US", "prospect"),
    ("A7", "Hooli Inc", "hooli.com", "US", "customer"),
]
OPPORTUNITIES = [("O1", "A1", "closed_won"), ("O2", "A4", "proposal"), ("O3", "A5", "negotiation")]
ROWS = [  # (name, domain, country, status) -> expected account
    ("ACME Corp.", "www.acme.com", "US", "customer"),
    ("Acme Logistics", "acmelogistics.com", "US", "customer"),
    ("Northstar Foods", "northstarfoods.com", "US", "customer"),
    ("Northstar Bank", "https://northstarbank.com/", "US", "customer"),
    ("Globex", "globex.de", "DE", "customer"),
    ("Initech Software", "initech.com", "GB", "customer"),
    ("Umbrella Corporation", "umbrella.com", "US", "open_opportunity"),
    ("Hooli", "hooli.com", "US", "prospect"),
    ("Acme Corporation", "acme.com", "US", "customer"),
]
EXPECTED = {"r1": ("A1", "joint_account_plan"), "r4": ("A2", "referral_target"), "r5": ("A3", "win_back"),
            "r6": ("A4", "intro_request"), "r7": ("A5", "co_sell"), "r8": ("A7", "awareness"),
            "r9": ("A1", "joint_account_plan")}
SUMMARY = {("customer", "customer"): 1, ("customer", "open_opportunity"): 1, ("customer", "prospect"): 1,
           ("open_opportunity", "customer"): 1, ("open_opportunity", "open_opportunity"): 1,
           ("prospect", "customer"): 2, ("former_customer", "customer"): 1}


def _rows(partner_id: str) -> list[PartnerAccount]:
    return [PartnerAccount(row_key=f"{partner_id}-r{i}", partner_id=partner_id, account_name=n, domain=d, country=c,
                           status=s, line=i + 1) for i, (n, d, c, s) in enumerate(ROWS, start=1)]


@pytest.fixture()
def ctx(tmp_path):
    ctx = AppContext(Settings(home=tmp_path))
    with ctx.store.session() as s:
        for pid, sharing in (("P1", "accounts"), ("P2", "counts"), ("P3", "none")):
            s.add(Partner(partner_id=pid, name=f"Partner {pid}", type="reseller", tier="gold", account_sharing=sharing))
            s.add_all(_rows(pid))
        s.add_all(Account(account_id=a, name=n, domain=d, country=c, status=st) for a, n, d, c, st in ACCOUNTS)
        s.add_all(Opportunity(opportunity_id=o, account_id=a, name=o, stage=st) for o, a, st in OPPORTUNITIES)
    ctx.store.set_meta("vendor", {"name": "Northwind", "account_sharing": "counts"})
    yield ctx
    ctx.close()


def _seller(partner_id: str) -> Scope:
    return Scope(f"u-{partner_id}", "partner_seller", partner_id)


def _shown(response: am.MappingResponse) -> dict[str, tuple[str, str]]:
    return {o.row_key.split("-")[1]: (o.account_id, o.signal) for o in response.overlaps}


def _summary(response: am.MappingResponse) -> dict[tuple[str, str], int]:
    return {(c.vendor_population, c.partner_population): c.count for c in response.summary}


def test_admin_sees_rows_of_a_partner_that_shares_accounts(ctx):
    response = am.map_accounts(ctx, ADMIN, "P1")
    assert _shown(response) == EXPECTED  # hard negatives (r2 Acme Logistics, r3 Northstar Foods) absent
    assert _summary(response) == SUMMARY  # A1 twice (r1, r9) counted once
    acme = next(o for o in response.overlaps if o.row_key == "P1-r1")
    assert acme.account_name == "Acme Corporation" and acme.partner_account_name == "ACME Corp."
    assert acme.vendor_populations == ["customer"] and acme.partner_population == "customer"
    assert acme.confidence >= 0.9 and acme.evidence[0] == "same registrable domain acme.com"
    assert "Partner P1" in next(o for o in response.overlaps if o.signal == "intro_request").signal_reason
    dumped = response.model_dump(mode="json")
    assert set(dumped) >= {"partner_id", "summary", "overlaps"}
    assert set(dumped["overlaps"][0]) >= {"account_id", "account_name", "vendor_populations", "partner_account_name",
                                         "partner_population", "confidence", "evidence", "signal", "row_key"}


@pytest.mark.parametrize("scope, partner_id, vendor_sharing, rows_shown", [
    (ADMIN, "P1", "none", True), (ADMIN, "P2", "accounts", False), (ADMIN, "P3", "accounts", False),
    (CM, "P1", "counts", True), (CM, "P2", "accounts", False), (CM, "P3", "accounts", False),
    (_seller("P2"), "P2", "accounts", True), (_seller("P2"), "P2", "counts", False),
    (_seller("P3"), "P3", "none", False), (_seller("P3"), "P3", "accounts", True),
])
def test_sharing_rules_row_by_row(ctx, scope, partner_id, vendor_sharing, rows_shown):
    ctx.store.set_meta("vendor", {"account_sharing": vendor_sharing})
    response = am.map_accounts(ctx, scope, partner_id)
    assert (_shown(response) == EXPECTED) if rows_shown else response.overlaps == []
    assert _summary(response) == SUMMARY  # the summary is complete whoever asks
    assert response.sharing.rows_shown is rows_shown


@pytest.mark.parametrize("scope, partner_id, error", [
    (MARKETER, "P1", Forbidden), (_seller("P2"), "P1", Forbidden), (_seller("P2"), "P9", Forbidden),
    (ADMIN, "P9", NotFound),
])
def test_who_may_map(ctx, scope, partner_id, error):
    with pytest.raises(error):
        am.map_accounts(ctx, scope, partner_id)


def test_the_assistant_tool_is_registered(ctx):
    from tools.registry import get_tool

    spec = get_tool("map_accounts")
    result = spec.func(ctx, ADMIN, spec.args(partner_id="P1"))
    assert _shown(result) == EXPECTED and "Account mapping" in spec.description


def test_relationships_are_system_level_and_cached_per_records_version(ctx, monkeypatch):
    runs = []
    real, real_stored = am.match_frames, am.stored.resolve
    monkeypatch.setattr(am, "match_frames", lambda *a: runs.append(1) or real(*a))  # never ingested: in memory
    monkeypatch.setattr(am.stored, "resolve", lambda *a: runs.append(1) or real_stored(*a))  # ingested: stored
    every = am.account_relationships(ctx)
    assert {r.partner_id for r in every} == {"P1", "P2", "P3"} and len(every) == 3 * len(EXPECTED)
    only = am.account_relationships(ctx, ["P2"])
    assert {(r.row_key, r.account_id, r.signal) for r in only} == {
        (f"P2-{k}", a, s) for k, (a, s) in EXPECTED.items()}
    assert len(runs) == 2  # never ingested: nothing tells us the records did not change, so no cache
    ctx.store.set_meta("records_version", {"id": "v1"})  # what ingest writes with the records
    am.account_relationships(ctx)
    am.account_relationships(ctx, ["P1"])
    am.map_accounts(ctx, ADMIN, "P1")
    assert len(runs) == 3  # one run for the version; nothing read or matched again
    am.record_correction(ctx, CM, "P1", "P1-r8", "A7", "rejected")
    assert "P1-r8" not in {r.row_key for r in am.account_relationships(ctx, ["P1"])}  # a correction shows at once
    assert len(runs) == 3  # corrections apply after matching: no new run
    with ctx.store.session() as s:
        pied_piper = s.get(Account, "A7")
        pied_piper.name, pied_piper.domain = "Pied Piper", "piedpiper.com"
    ctx.store.set_meta("records_version", {"id": "v2"})  # a re-ingest
    assert "P2-r8" not in {r.row_key for r in am.account_relationships(ctx, ["P2"])}  # re-matched
    assert len(runs) == 4


def test_corrections_apply_first_and_survive_reingest(ctx):
    am.record_correction(ctx, CM, "P1", "P1-r2", "A1", "confirmed", comment="same group")
    am.record_correction(ctx, CM, "P1", "P1-r7", "A5", "rejected")
    am.record_correction(ctx, ADMIN, "P1", "P1-r4", "A2", "rejected")

    def check():
        shown = {o.row_key: o for o in am.map_accounts(ctx, ADMIN, "P1").overlaps}
        confirmed = shown["P1-r2"]
        assert confirmed.account_id == "A1" and confirmed.confidence == 1.0
        assert confirmed.evidence[0].startswith("confirmed by u-cm on ")
        assert shown["P1-r7"].account_id == "A6"  # the rejected best gives way to the next candidate
        assert "P1-r4" not in shown  # rejected, and no other candidate
        assert "P2-r4" in {r.row_key for r in am.account_relationships(ctx, ["P2"])}  # other partners untouched

    check()
    with ctx.store.session() as s:  # a re-ingest: the same rows removed and loaded again
        s.execute(delete(PartnerAccount))
    with ctx.store.session() as s:
        for pid in ("P1", "P2", "P3"):
            s.add_all(_rows(pid))
    check()
    listed = am.list_corrections(ctx, CM, "P1").corrections
    assert [(c.row_key, c.account_id, c.decision) for c in listed] == [
        ("P1-r2", "A1", "confirmed"), ("P1-r4", "A2", "rejected"), ("P1-r7", "A5", "rejected")]


def test_a_new_confirmation_replaces_the_old_one_for_that_row(ctx):
    am.record_correction(ctx, CM, "P1", "P1-r1", "A7", "confirmed")
    am.record_correction(ctx, CM, "P1", "P1-r1", "A1", "confirmed")
    with ctx.store.session() as s:
        assert {(c.account_id, c.decision) for c in s.query(MatchCorrection)} == {("A1", "confirmed")}


@pytest.mark.parametrize("scope, args, error", [
    (_seller("P1"), ("P1", "P1-r1", "A1", "confirmed"), Forbidden),
    (MARKETER, ("P1", "P1-r1", "A1", "confirmed"), Forbidden),
    (CM, ("P1", "P1-r1", "A1", "maybe"), BadInput),
    (CM, ("P1", "P1-r99", "A1", "confirmed"), NotFound),
    (CM, ("P1", "P2-r1", "A1", "confirmed"), NotFound),
    (CM, ("P1", "P1-r1", "A99", "rejected"), NotFound),
    (CM, ("P9", "P1-r1", "A1", "rejected"), NotFound),
])
def test_correction_errors(ctx, scope, args, error):
    with pytest.raises(error):
        am.record_correction(ctx, scope, *args)


def test_demo_ecosystem_through_the_store(tmp_path, demo_folder, demo_truth):
    """End to end on the demo's records (loaded without content, so no embedding): the store path gives
    the eval's quality, and the fixed hard negatives stay out."""
    from connectors.csv_folder import read_import_folder
    from evals.account_mapping import scores

    bundle = read_import_folder(demo_folder)
    ctx = AppContext(Settings(home=tmp_path))
    with ctx.store.session() as s:
        for records, model in ((bundle.partners, Partner), (bundle.accounts, Account),
                               (bundle.opportunities, Opportunity), (bundle.partner_accounts, PartnerAccount)):
            columns = set(model.__table__.columns.keys())
            s.add_all(model(**{k: v for k, v in r.model_dump().items() if k in columns}) for r in records)
    with ctx.store.session() as s:
        rows = {r.row_key: (r.partner_id, r.line, r.account_name) for r in s.query(PartnerAccount)}
    chosen = {r.row_key: r.account_id for r in am.account_relationships(ctx)}
    truth = {(t["partner_id"], t["row"]): t["account_id"] for t in demo_truth["account_mapping"]}
    assert scores([(chosen.get(k), truth[(pid, line)]) for k, (pid, line, _) in rows.items()])["f1"] >= 0.95
    assert not any(rows[k][2].startswith(("Acme Logistics", "Northstar Bank")) for k in chosen)
    acme = [k for k, (_, _, name) in rows.items() if name in ("ACME Corp.", "Acme Corp", "acme corporation")]
    assert acme and all(chosen[k] == chosen[acme[0]] for k in acme)
    ctx.close()
