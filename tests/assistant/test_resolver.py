"""Name resolution: aliases, acronyms, the deal a question singles out, and the resolver on a second
ecosystem (tests/assistant/other_world.py) whose names the code has never seen."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine import deal_hints
from assistant.engine.deal_hints import Deal
from assistant.engine.name_index import NameIndex, acronym, name_aliases, partner_aliases, tokens, upper_words
from assistant.engine.resolver import Resolver, kit_aliases
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world


@pytest.fixture()
def other_ctx(tmp_path):
    ctx = build_other_world(tmp_path / "home")
    yield ctx
    ctx.close()


def _ids(resolver: Resolver, question: str, kind: str) -> list[str]:
    return [e.id for e in resolver.find(question).of(kind)]


def test_tokens_keep_amounts_and_drop_chat_markup():
    assert tokens("<@U0AB> the $511,000 deal, or 1.2m?") == ["the", "511,000", "deal", "or", "1.2m"]
    assert tokens("Fuji Data Solutions Co., Ltd.") == ["fuji", "data", "solutions", "co", "ltd"]


def test_aliases_come_from_the_name_itself():
    aliases = dict(name_aliases("Blue Harbor Consulting Group Inc."))
    assert aliases["blue harbor consulting"] == 0.0  # legal suffixes dropped
    assert "blue harbor" in aliases and aliases["blue harbor"] > 0  # a trailing generic word dropped
    assert "blue" in aliases  # the first word, as a weaker nickname
    assert ("meridiano", 6.0) in partner_aliases("Companhia Meridiano de Sistemas Ltda.", None)
    assert acronym("Pacific Information Distribution Co., Ltd.") == "pid"
    assert acronym("Blue Harbor") is None  # two words: no acronym


def test_name_index_typos_common_words_and_longer_names():
    index = NameIndex()
    index.add("partner", "X-1", "Cloud Partners Inc.", partner_aliases("Cloud Partners Inc.", None))
    index.add("partner", "X-2", "Kingsgate Systems plc", partner_aliases("Kingsgate Systems plc", None))
    index.add("kit", "k-1", "Backup kit", [("harbor", 3.0)])
    index.add("account", "A-1", "Harbor Freight Tools", name_aliases("Harbor Freight Tools"))
    index.add_acronym(
        "partner", "X-3", "Pacific Information Distribution", "Pacific Information Distribution"
    )
    assert [e.id for e in index.match(tokens("overlap with cloud partners"))] == ["X-1"]
    assert not index.match(tokens("which partners for the cloud deal"))  # common words: exact name only
    assert [e.id for e in index.match(tokens("how is kingsgte doing"))] == ["X-2"]
    assert [e.id for e in index.match(tokens("draft for Harbor Freight"))] == ["A-1"]  # not the "harbor" kit
    question = "next steps for PID"
    assert [e.id for e in index.match(tokens(question), upper_words(question))] == ["X-3"]
    assert not index.match(tokens("next steps for pid"), upper_words("next steps for pid"))


def test_kit_aliases_name_what_the_kit_promotes():
    aliases = dict(kit_aliases("soc-modern", "Modern SOC with Beacon", ["Beacon SIEM"]))
    assert {"soc", "siem", "beacon siem", "modern soc beacon"} <= set(aliases)
    assert "with" not in aliases


def _deal(id_, name, stage="proposal", amount=None, products=(), registered=False) -> Deal:
    return Deal(id_, "A-1", name, stage, dt.date(2027, 1, 1), amount, tuple(products), registered)


def test_the_words_that_single_out_a_deal():
    deals = [
        _deal("D-1", "Globex - Platform renewal", "negotiation", 511000, ["Platform", "Backup"]),
        _deal("D-2", "Globex - Backup pilot", "proposal", 103500, ["Backup"], registered=True),
        _deal("D-3", "Globex - old", "closed_won", 90000),
    ]
    single = deal_hints.single_out
    assert single(deals, tokens("the Globex deal")) is None  # two open deals: ask back
    assert single(deals, tokens("the globex renewal")) == "D-1"
    assert single(deals, tokens("the backup one at globex")) == "D-2"  # a name word beats a shared product
    assert single(deals, tokens("the $511k globex deal")) == "D-1"
    assert single(deals, tokens("globex deal in negotiation")) == "D-1"
    assert single(deals, tokens("my registration on globex expires")) == "D-2"
    assert deal_hints.amounts(tokens("phase 2, top 3, 1.2 million, 40,000")) == [1.2e6, 40000.0]
    assert deal_hints.number_refs(tokens("partners for opp 2477 and deal #12")) == {2477, 12}
    assert deal_hints.wants_closed(tokens("the deal we lost")) and not deal_hints.wants_closed(["deal"])


def test_resolver_on_another_ecosystem(other_ctx):
    cm = Resolver(other_ctx, scope_for_user(other_ctx.store, "h-cm"))
    assert _ids(cm, "overlap with BHC", "partner") == ["HP-104"]
    assert _ids(cm, "how is blue harbour doing", "partner") == ["HP-104"]
    assert _ids(cm, "partners for deal 507", "opportunity") == ["DEAL-507"]
    assert _ids(cm, "the okinawa ginko deal", "account") == ["AC-9006"]  # no accent typed
    assert _ids(cm, "Okinawa Ginko endpoint", "opportunity") == ["DEAL-507"]  # the deal's own name
    assert not cm.find("what does Helios offer?").entities  # the vendor's own name is not a record
    quantum = cm.find("partners for quantum freight")
    assert set(cm.deals_for(quantum)) == {"DEAL-502", "DEAL-503"}
    assert cm.best_deal(cm.deals_for(quantum), quantum.words) is None
    riverbend = cm.find("the riverbend deal")
    assert cm.deals_for(riverbend) == ["DEAL-501"]  # the closed backup pilot is left out


def test_seller_resolves_own_deals_and_spots_other_partners(other_ctx):
    seller = Resolver(other_ctx, scope_for_user(other_ctx.store, "h-ps-byte"))
    assert _ids(seller, "SWU zero trust programme", "opportunity") == ["DEAL-505"]  # not hidden by the kit
    assert not seller.find("the Okinawa Ginko deal").of("account")  # another partner's deal
    assert seller.find("show Crimson Shield's overlap").foreign_partner
    assert seller.find("draft for Koyo please").foreign_partner  # a nickname, capitalised
    assert not seller.find("draft something about the blue harbor view").foreign_partner  # lower case words
    mine = seller.find("what should I do next on my deal?")
    assert mine.my_deal and set(seller.deals_for(mine)) == {"DEAL-505", "DEAL-509"}


def _match_over_every_row(index: NameIndex, words: list[str]) -> list:
    """NameIndex._match as it was before the distinct aliases: every row's alias compared on its own."""
    from rapidfuzz import fuzz, process

    from assistant.engine.name_index import Entity, _grams, _non_overlapping, _threshold

    grams, spans, plain = _grams(words, min(8, index.longest), index.plain)
    matrix = process.cdist(grams, index.aliases, scorer=fuzz.ratio, score_cutoff=85, workers=1)
    best: dict = {}
    for g, a in zip(*(axis.tolist() for axis in matrix.nonzero())):
        kind, id_, label, alias, penalty = index.rows[a]
        raw = float(matrix[g, a])
        if raw < _threshold(alias) or (plain[g] and raw < 100):
            continue
        score = raw - penalty + min(len(alias), 30) / 30
        if (kind, id_) not in best or score > best[(kind, id_)].score:
            best[(kind, id_)] = Entity(kind, id_, label, score, spans[g], nickname=penalty > 0)
    return _non_overlapping(list(best.values()) + index._acronyms(words, set()))


def test_name_index_compares_each_distinct_alias_once_with_the_same_matches(monkeypatch):
    """Rows sharing an alias (an account, its deals, a partner of the same name) are compared once per
    distinct alias (issue 22: most of a first question's name matching), and every row still gets its score,
    in the same order (ties between rows are kept as before)."""
    import assistant.engine.name_index as name_index

    index = NameIndex()
    for i, name in enumerate(["Harbor Freight Tools", "Kingsgate Systems plc", "Fairview Brewing plc",
                              "Northwind Health", "Harbor Freight Tools", "Fairview Brewing"]):
        index.add("account", f"A-{i}", name, name_aliases(name))
        index.add("opportunity", f"O-{i}", f"{name} renewal", name_aliases(name))
    index.add("partner", "P-1", "Kingsgate Systems plc", partner_aliases("Kingsgate Systems plc", None))
    index.add("kit", "k-1", "Harbor kit", [("harbor", 3.0)])
    columns = []
    real = name_index.process.cdist
    monkeypatch.setattr(name_index.process, "cdist", lambda q, c, **kw: columns.append(len(c)) or real(q, c, **kw))
    questions = ["which partners for the harbour freight tools deal", "kingsgate sytems overlap",
                 "fairview brewing renewal with northwind helth", "harbor", "nothing named here at all"]
    for question in questions:
        assert index._match(tokens(question), None, 8) == _match_over_every_row(index, tokens(question)), question
    assert columns and all(c == len(set(index.aliases)) < len(index.aliases) for c in columns[::2])
