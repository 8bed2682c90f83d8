"""The stored account-mapping match (issue 22): refreshed by content after ingest, one changed partner
re-resolved alone, never served stale, equal to the uncached resolver, and read within CLI.md's rules."""
from __future__ import annotations

import polars as pl
import pytest
from sqlalchemy import func, select, update

from assistant.core.config import Settings
from assistant.core.errors import Forbidden
from assistant.engine.context import AppContext
from evals.bench.mapping import synthetic
from retrieval import records as R
from retrieval.account_matches import MatchCandidate, MatchPartnerState
from retrieval.scope import Scope
from tools.account_mapping import service as am
from tools.account_mapping import stored

ADMIN = Scope("u-admin", "admin")
PARTNERS = ("P-001", "P-002", "P-003", "P-004")


def _world(home, n: int = 1200) -> AppContext:
    accounts, rows = synthetic(n, n, n_partners=len(PARTNERS), seed=3)
    ctx = AppContext(Settings(home=home))
    with ctx.store.session() as s:
        s.add_all(R.Partner(partner_id=p, name=f"Partner {p}", type="reseller", tier="gold",
                            account_sharing="accounts") for p in PARTNERS)
        s.add_all(R.Account(account_id=k, name=nm, domain=d, country=c, status=("customer", "prospect")[i % 2])
                  for i, (k, nm, d, c) in enumerate(accounts.iter_rows()))
        s.add_all(R.PartnerAccount(row_key=k, partner_id=p, account_name=nm, domain=d, country=c, line=i + 2,
                                   status=("customer", "open_opportunity", "prospect")[i % 3])
                  for i, (k, p, nm, d, c) in enumerate(rows.select("key", "partner_id", "name", "domain",
                                                                   "country").iter_rows()))
        s.add_all(R.Opportunity(opportunity_id=f"O-{i}", account_id=k, name="deal", stage="proposal")
                  for i, k in enumerate(accounts["key"][::40]))
    ctx.store.set_meta("vendor", {"name": "Vendor", "account_sharing": "accounts"})
    ctx.store.bump_records_version()
    return ctx


@pytest.fixture()
def ctx(tmp_path):
    ctx = _world(tmp_path)
    yield ctx
    ctx.close()


def _count_resolved(monkeypatch) -> list[int]:
    """Partner rows each `stored.resolve` call resolved."""
    calls: list[int] = []
    real = stored.resolve
    monkeypatch.setattr(stored, "resolve", lambda vendor, rows: calls.append(rows.height) or real(vendor, rows))
    return calls


def _dump(rels) -> list[dict]:
    return sorted((r if isinstance(r, dict) else r.model_dump() for r in rels), key=lambda d: (d["partner_id"], d["row_key"]))


def _rows_of(ctx, partner_id: str) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count()).select_from(R.PartnerAccount).where(R.PartnerAccount.partner_id == partner_id))


def test_the_stored_match_equals_the_uncached_resolver(ctx):
    stored_rels = am.account_relationships(ctx)
    assert ctx.store.get_meta("account_matches")["records_version"] == ctx.records_version()
    uncached = am._relationships_in_memory(ctx, None)  # every partner's rows at once, nothing stored
    assert len(stored_rels) > 300 and _dump(stored_rels) == _dump(uncached)
    # and each partner alone gives what the whole ecosystem gives (word rarity is over our accounts)
    for pid in PARTNERS:
        assert _dump(am._relationships_in_memory(ctx, [pid])) == _dump(r for r in uncached if r["partner_id"] == pid)


def test_a_changed_partner_is_resolved_again_alone(ctx, monkeypatch):
    calls = _count_resolved(monkeypatch)
    first = stored.refresh(ctx)
    assert first.resolved == list(PARTNERS) and sum(calls) == sum(_rows_of(ctx, p) for p in PARTNERS)
    before = {p: _dump(am.account_relationships(ctx, [p])) for p in PARTNERS}
    with ctx.store.session() as s:  # states of the partners that will not change
        kept = {st.partner_id: st.resolved_at for st in s.scalars(select(MatchPartnerState))}

    ctx.store.bump_records_version()  # a re-ingest that changed nothing
    calls.clear()
    again = stored.refresh(ctx)
    assert again.resolved == [] and again.unchanged == list(PARTNERS) and calls == []

    with ctx.store.session() as s:  # one partner's CRM export changed: a row renamed, one gone
        keys = list(s.scalars(select(R.PartnerAccount.row_key).where(R.PartnerAccount.partner_id == "P-002")
                              .order_by(R.PartnerAccount.row_key)))
        s.execute(update(R.PartnerAccount).where(R.PartnerAccount.row_key == keys[1])
                  .values(account_name="Completely Different Holdings Ltd", domain=None))
        s.delete(s.get(R.PartnerAccount, keys[2]))
    ctx.store.bump_records_version()
    calls.clear()
    third = stored.refresh(ctx)
    assert third.resolved == ["P-002"] and third.unchanged == ["P-001", "P-003", "P-004"]
    assert calls == [_rows_of(ctx, "P-002")]  # only that partner's rows went through the resolver
    with ctx.store.session() as s:
        now = {st.partner_id: st.resolved_at for st in s.scalars(select(MatchPartnerState))}
        assert s.scalar(select(func.count()).select_from(MatchCandidate).where(
            MatchCandidate.row_key.in_(keys[1:3]), MatchCandidate.account_id.is_not(None),
            MatchCandidate.confidence >= 0.8)) == 0
    assert all(now[p] == kept[p] for p in ("P-001", "P-003", "P-004")) and now["P-002"] != kept["P-002"]
    for pid in ("P-001", "P-003", "P-004"):
        assert _dump(am.account_relationships(ctx, [pid])) == before[pid]
    # the incremental store equals resolving everyone again
    assert _dump(am.account_relationships(ctx)) == _dump(am._relationships_in_memory(ctx, None))


def test_a_change_to_our_accounts_resolves_every_partner(ctx, monkeypatch):
    stored.refresh(ctx)
    calls = _count_resolved(monkeypatch)
    with ctx.store.session() as s:
        account = s.scalars(select(R.Account).order_by(R.Account.account_id)).first()
        account.name = account.name + " Renamed"
    ctx.store.bump_records_version()
    assert stored.refresh(ctx).resolved == list(PARTNERS) and sum(calls) == sum(_rows_of(ctx, p) for p in PARTNERS)


def test_a_stale_match_is_never_served(tmp_path):
    reader = _world(tmp_path)  # a long-running process (the API) that has answered before
    shown = {o.row_key: o.account_id for o in am.map_accounts(reader, ADMIN, "P-001").overlaps}
    row_key = sorted(shown)[0]
    writer = AppContext(Settings(home=tmp_path))  # another process ingests; nobody calls refresh
    with writer.store.session() as s:
        s.execute(update(R.PartnerAccount).where(R.PartnerAccount.row_key == row_key)
                  .values(account_name="Zzyzx Unrelated Widgets", domain="zzyzx-widgets.example", country="NZ"))
    writer.store.bump_records_version()
    after = {o.row_key: o.account_id for o in am.map_accounts(reader, ADMIN, "P-001").overlaps}
    assert row_key not in after and set(after) == set(shown) - {row_key}
    # the stored state names the version it was checked against: another version is refreshed first
    assert reader.store.get_meta("account_matches")["records_version"] == reader.records_version()
    writer.store.bump_records_version()
    assert not stored.is_fresh(reader, reader.records_version())
    assert stored.refresh(reader).resolved == []  # the content is unchanged: checked, not resolved
    writer.close()
    reader.close()


def test_a_new_resolver_version_resolves_everything_again(ctx, monkeypatch):
    stored.refresh(ctx)
    monkeypatch.setattr(stored, "RESOLVER_VERSION", "next")
    calls = _count_resolved(monkeypatch)
    ctx.store.bump_records_version()
    assert stored.refresh(ctx).resolved == list(PARTNERS) and calls


def test_one_partners_answer_reads_only_that_partners_candidates(ctx, monkeypatch):
    stored.refresh(ctx)
    asked: list[list[str]] = []
    real = am._read_stored
    monkeypatch.setattr(am, "_read_stored", lambda c, pids: asked.append(list(pids)) or real(c, pids))
    seller = Scope("u-p3", "partner_seller", partner_id="P-003")
    am.account_relationships(ctx)  # every partner cached in this process first (the server's warm-up)
    shown = am.map_accounts(ctx, seller, "P-003")
    with ctx.store.session() as s:
        own = set(s.scalars(select(R.PartnerAccount.row_key).where(R.PartnerAccount.partner_id == "P-003")))
    assert shown.overlaps and {o.row_key for o in shown.overlaps} <= own
    with pytest.raises(Forbidden):
        am.map_accounts(ctx, seller, "P-001")
    fresh = AppContext(Settings(home=ctx.settings.home))  # a new process: `cosell map P-003 --as seller`
    asked.clear()
    assert {o.row_key for o in am.map_accounts(fresh, seller, "P-003").overlaps} <= own
    assert asked == [["P-003"]]
    fresh.close()


def test_the_bench_world_plants_hard_negatives():
    accounts, rows = synthetic(3000, 3000, n_partners=3)
    kinds = dict(rows.group_by("kind").len().iter_rows())
    assert {"same_name_other_country", "subsidiary", "common_words", "reused_domain"} <= set(kinds)
    assert rows.filter(pl.col("kind") != "ours")["truth"].is_null().all()
    reused = rows.filter(pl.col("kind") == "reused_domain")
    assert reused["domain"].is_in(accounts["domain"].implode()).all()


def test_team_mode_reads_and_stores_the_match_in_postgres(tmp_path, monkeypatch, pg_url):
    from retrieval import account_matches

    monkeypatch.setattr(account_matches, "PAGE_ROWS", 97)  # many pages: keyset pagination under test
    monkeypatch.setenv("COSELL_DATABASE_URL", pg_url)
    ctx = _world(tmp_path, n=500)
    assert ctx.store.url.startswith("postgresql")
    calls = _count_resolved(monkeypatch)
    rels = am.account_relationships(ctx)
    assert len(calls) == 1 and _dump(rels) == _dump(am._relationships_in_memory(ctx, None))
    with ctx.store.session() as s:
        s.execute(update(R.PartnerAccount).where(R.PartnerAccount.partner_id == "P-004")
                  .values(country=None))
    ctx.store.bump_records_version()
    assert stored.refresh(ctx).resolved == ["P-004"]
    ctx.close()
    ctx.store.dispose()
