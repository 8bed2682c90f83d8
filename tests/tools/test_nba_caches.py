"""The caches behind next best actions: they follow the records version (and today, and what else a value
depends on), and nothing cached for one asker reaches another kind of asker."""
from __future__ import annotations

import datetime as dt
import types

import pytest

from assistant.core.config import Settings
from assistant.core.errors import Forbidden
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import Scope
from tools.next_best_action import deal_signals, partner_signals
from tools.next_best_action.partner_health import vendor_baselines
from tools.next_best_action.service import default_content_lookup, next_best_actions

TODAY = dt.date(2026, 3, 15)
ADMIN = Scope.operator()
SELLER_P1 = Scope("u-ps1", "partner_seller", partner_id="P1")
SELLER_P2 = Scope("u-ps2", "partner_seller", partner_id="P2")


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def deal(oid: str, partner_id: str | None, account_id: str = "A9", quiet: int = 5, amount: float = 50_000,
         **kw) -> R.Opportunity:
    return R.Opportunity(opportunity_id=oid, account_id=account_id, name=f"Deal {oid}", stage="proposal",
                         amount=amount, created_on=ago(40), close_date=ago(-30), last_activity_on=ago(quiet),
                         products=["Lakehouse"], partner_id=partner_id, **kw)


def no_content(*args, **kwargs) -> list:
    return []


def stamp(ctx: AppContext, version: str) -> None:
    """What ingest does with every load of the records."""
    ctx.store.set_meta("records_version", {"id": version})


@pytest.fixture()
def fakes(monkeypatch):
    """Account mapping and matching replaced by fakes; `calls` records which partners mapping was asked."""
    calls: list = []
    relationships = {
        "P1": [{"partner_id": "P1", "account_id": "A3", "account_name": "Initech", "partner_population": "customer",
                "vendor_populations": ["prospect"]}],
        "P2": [{"partner_id": "P2", "account_id": "A1", "account_name": "Acme Bank", "partner_population": "customer",
                "vendor_populations": ["customer"]}],
    }
    mapping = types.ModuleType("tools.account_mapping.service")

    def account_relationships(ctx, partner_ids=None):
        calls.append(tuple(partner_ids or ()))
        return [r for pid in partner_ids or relationships for r in relationships.get(pid, [])]

    mapping.account_relationships = account_relationships
    match = types.ModuleType("tools.partner_match.service")
    match.match_partners = lambda ctx, scope, opportunity_id, top=5: types.SimpleNamespace(partners=[])
    monkeypatch.setattr(partner_signals, "account_mapping", mapping)
    monkeypatch.setattr(deal_signals, "partner_match", match)
    return calls


@pytest.fixture()
def ctx(tmp_path, fakes):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    ctx.store.set_meta("vendor", {"name": "Northwind Data", "account_sharing": "accounts"})
    rows = [
        R.Account(account_id="A1", name="Acme Bank", status="customer"),
        R.Account(account_id="A2", name="Globex", status="prospect"),
        R.Account(account_id="A3", name="Initech", status="prospect"),
        R.Account(account_id="A9", name="Filler Corp", status="customer"),
        R.Partner(partner_id="P1", name="Alpha Partners", type="reseller", tier="registered",
                  account_sharing="accounts", certified_staff={"Lakehouse": 2}),
        R.Partner(partner_id="P2", name="Beta Partners", type="reseller", tier="registered",
                  account_sharing="accounts", certified_staff={"Lakehouse": 2}),
        *[deal(f"F{i}", None, quiet=q) for i, q in enumerate([4, 6, 8, 10, 12, 14])],
        deal("O-P1", "P1", "A2", description="The customer also looks at Polar Warehouse."),
        deal("O-P2", "P2", "A2"),
        R.Document(doc_id="bc-polar", source="content/battlecards/polar.md", kind="battlecard",
                   title="Battlecard: Polar Warehouse", visibility=["internal"], content_hash="h1"),
    ]
    with ctx.store.session() as session:
        session.add_all(rows)
    stamp(ctx, "v1")
    yield ctx
    ctx.close()


# --- the cache itself --------------------------------------------------------------------------------


def test_cached_follows_the_records_version_and_today(ctx):
    built = []

    def build():
        built.append(1)
        return len(built)

    assert ctx.cached("thing", build) == 1 and ctx.cached("thing", build) == 1
    stamp(ctx, "v2")  # a new ingest
    assert ctx.cached("thing", build) == 2 and ctx.cached("thing", build) == 2
    ctx.settings.today = TODAY + dt.timedelta(days=1)  # a new day: day counts change
    assert ctx.cached("thing", build) == 3
    assert ctx.cached("thing", build, stamp="other") == 4  # something else it depends on changed


def test_a_store_never_ingested_is_never_cached(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    built = []
    ctx.cached("thing", lambda: built.append(1))
    ctx.cached("thing", lambda: built.append(1))
    assert len(built) == 2
    ctx.close()


def test_vendor_baselines_follow_the_records_version(ctx):
    first = vendor_baselines(ctx)
    assert vendor_baselines(ctx) is first  # computed once per version
    with ctx.store.session() as session:
        session.add_all([deal(f"BIG{i}", None, amount=900_000) for i in range(20)])
    assert vendor_baselines(ctx) is first  # the version says nothing changed (ingest always stamps)
    stamp(ctx, "v2")
    again = vendor_baselines(ctx)
    assert again is not first and again.median_amount == 900_000


def test_vendor_follows_the_records_version(ctx):
    assert ctx.vendor()["name"] == "Northwind Data"
    ctx.vendor()["name"] = "changed by a caller"  # a copy: the cache is not touched
    assert ctx.vendor()["name"] == "Northwind Data"
    ctx.store.set_meta("vendor", {"name": "Southwind"})
    stamp(ctx, "v2")
    assert ctx.vendor()["name"] == "Southwind"


# --- account mapping's relationships, cached per partner ----------------------------------------------


def overlap(response):
    found = [a for a in response.actions if a.kind == "overlapping_accounts"]
    return found[0] if found else None


def test_relationships_are_cached_per_partner_and_version(ctx, fakes):
    next_best_actions(ctx, ADMIN, partner_id="P1", content_lookup=no_content)
    next_best_actions(ctx, ADMIN, partner_id="P1", content_lookup=no_content)
    assert fakes == [("P1",)]
    with ctx.store.session() as session:  # a channel manager corrects a match: mapping changes
        session.add(R.MatchCorrection(partner_id="P1", row_key="r1", account_id="A3", decision="rejected",
                                      decided_by="u-cm"))
    next_best_actions(ctx, ADMIN, partner_id="P1", content_lookup=no_content)
    stamp(ctx, "v2")
    next_best_actions(ctx, ADMIN, partner_id="P1", content_lookup=no_content)
    assert fakes == [("P1",)] * 3


def test_a_partner_seller_never_gets_another_partners_rows_from_the_caches(ctx):
    internal = overlap(next_best_actions(ctx, ADMIN, partner_id="P1", content_lookup=no_content))
    assert "Initech" in " ".join(internal.evidence)  # P1's overlap is now cached
    with pytest.raises(Forbidden):
        next_best_actions(ctx, SELLER_P2, partner_id="P1", content_lookup=no_content)
    own = next_best_actions(ctx, SELLER_P2, partner_id="P2", content_lookup=no_content)
    text = " ".join(e for a in own.actions for e in a.evidence + [a.title, a.why])
    assert "Acme Bank" in text and "Initech" not in text and "Alpha" not in text
    assert {a.subject_id for a in own.actions} <= {"P2", "O-P2"}


def test_an_internal_battlecard_cached_for_admins_is_not_shared_with_partner_sellers(ctx):
    admin = next_best_actions(ctx, ADMIN, opportunity_id="O-P1", content_lookup=no_content)
    competitor = next(a for a in admin.actions if a.kind == "competitor_mentioned")
    assert [c.doc_id for c in competitor.content] == ["bc-polar"]
    seller = next_best_actions(ctx, SELLER_P1, opportunity_id="O-P1", content_lookup=no_content)
    competitor = next(a for a in seller.actions if a.kind == "competitor_mentioned")
    assert competitor.content == [] and not any("Battlecard" in e for e in competitor.evidence)


# --- retrieval results, cached per content version and visibility --------------------------------------


class FakeContent:
    """ContentService.search over three documents, filtered by visibility like the real one."""

    DOCS = (("pricing", "Internal pricing", ("internal",)), ("play-p1", "Alpha playbook", ("partner:P1",)),
            ("play", "Partner playbook", ("partners",)))

    def __init__(self):
        self.calls = []

    def close(self):
        pass

    def search(self, query, k, allowed_visibility=None, **filters):
        self.calls.append((query, tuple(allowed_visibility or ())))
        return [{"doc_id": d, "title": t} for d, t, tags in self.DOCS
                if allowed_visibility is None or set(tags) & set(allowed_visibility)]


def test_content_lookups_are_cached_per_visibility_and_content_version(ctx):
    fake = FakeContent()
    ctx.__dict__["_content"] = fake
    lookup = default_content_lookup(ctx)
    internal = lookup("playbook", 4, allowed_visibility=None)
    assert [r.doc_id for r in internal] == ["pricing", "play-p1", "play"]
    assert [r.doc_id for r in lookup("playbook", 4, allowed_visibility=None)] == ["pricing", "play-p1", "play"]
    assert len(fake.calls) == 1
    p2 = default_content_lookup(ctx)("playbook", 4, allowed_visibility=SELLER_P2.allowed_visibility())
    assert [r.doc_id for r in p2] == ["play"] and len(fake.calls) == 2
    p1 = default_content_lookup(ctx)("playbook", 4, allowed_visibility=SELLER_P1.allowed_visibility())
    assert [r.doc_id for r in p1] == ["play-p1", "play"] and len(fake.calls) == 3
    with ctx.store.session() as session:  # new content: the results are looked up again
        ctx.store.bump_content_version(session)
    default_content_lookup(ctx)("playbook", 4, allowed_visibility=None)
    assert len(fake.calls) == 4


def test_document_visibility_is_read_again_when_content_changes(ctx):
    from tools.next_best_action.service import ContentPicker, ContentRef, Signal

    with ctx.store.session() as session:
        session.add(R.Document(doc_id="play", source="content/play.md", title="Partner playbook",
                               visibility=["partners"], content_hash="h2"))
        ctx.store.bump_content_version(session)
    signal = Signal(kind="k", title="t", why="w", evidence=["e"], impact=1.0,
                    content=[ContentRef(doc_id="play", title="Partner playbook")])

    def shown() -> list[str]:
        picker = ContentPicker(ctx, SELLER_P2, lambda *a, **k: [], {"P2"})
        return [r.doc_id for r in picker.for_signal(signal)]

    assert shown() == ["play"]
    with ctx.store.session() as session:  # the document becomes internal (a re-ingest bumps the version)
        session.get(R.Document, "play").visibility = ["internal"]
        ctx.store.bump_content_version(session)
    assert shown() == []


def test_warm_up_fills_the_relationships_of_every_partner_at_once(ctx, fakes):
    from tools.next_best_action.partner_signals import partner_relationships, warm_partner_relationships

    warm_partner_relationships(ctx)
    assert fakes == [()]  # one vendor-wide call
    assert [r["account_id"] for r in partner_relationships(ctx, "P1")] == ["A3"]
    assert [r["account_id"] for r in partner_relationships(ctx, "P2")] == ["A1"]
    assert fakes == [()]
