"""The CLI contract on the ingested demo: JSON shapes, exit codes 0/2/3/4, errors as JSON."""
from __future__ import annotations

from tests.cosell_cli import cli


def first_partner_deal(demo_ctx, partner_id: str) -> tuple[str, str]:
    from retrieval.scope import Scope

    with demo_ctx.records(Scope.operator()) as rec:
        own = [o for o in rec.opportunities(partner_id=partner_id, open_only=True)]
        other = [o for o in rec.opportunities(open_only=True) if partner_id not in (o.partner_id, o.registered_by)]
        return own[0].opportunity_id, other[0].opportunity_id


def seller_partner(demo_ctx, user_id="u-ps-alpine") -> str:
    from retrieval.scope import scope_for_user

    return scope_for_user(demo_ctx.store, user_id).partner_id


def test_search_shape(demo_env):
    code, data = cli("search", "deal registration protection", "--k", "3")
    assert code == 0 and len(data["results"]) == 3
    assert set(data["results"][0]) >= {"doc_id", "chunk_id", "title", "source", "score", "text"}


def test_partner_seller_search_never_returns_internal_or_other_partners_content(demo_env, demo_ctx):
    from sqlalchemy import select

    from retrieval import records as R

    with demo_ctx.store.session() as s:
        docs = list(s.scalars(select(R.Document)))
    hidden = [d for d in docs if "partners" not in d.visibility and f"partner:{seller_partner(demo_ctx)}" not in d.visibility]
    assert hidden, "the demo must have internal and other-partner content"
    for doc in hidden[:15]:
        code, data = cli("search", doc.title, "--k", "10", "--as", "u-ps-alpine")
        assert code == 0
        assert doc.doc_id not in {r["doc_id"] for r in data["results"]}


def test_map_match_nba_draft_shapes(demo_env, demo_ctx):
    pid = seller_partner(demo_ctx)
    own_deal, _ = first_partner_deal(demo_ctx, pid)
    code, data = cli("map", pid)
    assert code == 0 and data["partner_id"] == pid and isinstance(data["summary"], list)
    code, data = cli("match", own_deal, "--top", "3")
    assert code == 0 and data["opportunity_id"] == own_deal and len(data["partners"]) <= 3
    assert set(data["partners"][0]) >= {"partner_id", "name", "score", "reasons", "conflicts"}
    code, data = cli("nba", "--opportunity", own_deal)
    assert code == 0 and all(set(a) >= {"title", "why", "priority", "evidence", "content"} for a in data["actions"])
    code, data = cli("nba", "--partner", pid)
    assert code == 0 and "actions" in data


def test_exit_codes(demo_env, demo_ctx):
    pid = seller_partner(demo_ctx)
    own_deal, other_deal = first_partner_deal(demo_ctx, pid)
    assert cli("match", "OPP-DOES-NOT-EXIST")[0] == 2
    code, data = cli("match", own_deal, "--as", "u-ps-alpine")
    assert code == 4 and data["error"]["code"] == "forbidden"
    assert cli("match", own_deal, "--as", "u-mkt-1")[0] == 4
    assert cli("map", pid, "--as", "u-mkt-1")[0] == 4
    assert cli("nba", "--opportunity", other_deal, "--as", "u-ps-alpine")[0] == 4
    assert cli("nba", "--opportunity", own_deal, "--as", "u-ps-alpine")[0] == 0
    code, data = cli("search", "x", "--as", "nobody-here")
    assert code == 2 and data["error"]["code"] == "bad_input" and "nobody-here" in data["error"]["message"]
    assert cli("users", "key", "u-cm-1", "--as", "u-cm-1")[0] == 4
    code, data = cli("users", "key", "u-cm-1")
    assert code == 0 and data["key"].startswith("csk_")
    assert cli("nba")[0] == 2


def test_ingest_exit_code_3_lists_rejections(tmp_path, monkeypatch):
    from tests.foundation.folders import ACCOUNTS, write_folder

    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    folder = write_folder(tmp_path / "in", **{"accounts.csv": ACCOUNTS + "A3,Initech,,,US,client\n"})
    code, data = cli("ingest", str(folder))
    assert code == 3 and data["accounts"] == 2
    assert data["rejected"] == [{"file": "accounts.csv", "line": 4, "column": "status",
                                 "message": data["rejected"][0]["message"]}]
    code, data = cli("ingest", str(folder), "--strict")
    assert code == 3 and data["accounts"] == 0
    assert cli("ingest", str(tmp_path / "missing"))[0] == 2
    code, data = cli("ingest", str(folder), "--as", "u-ps1")
    assert code == 4
