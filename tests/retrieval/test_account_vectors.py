"""Account name vectors (issue 23): kept in sync by content hash, and a misspelt name resolved."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.account_vectors import AccountVectors
from retrieval.ingest import ingest_folder

ACCOUNTS = ("account_id,name,country,industry,status\n"
            "A-1,Koninklijke Philips Electronics N.V.,NL,Manufacturing,customer\n"
            "A-2,Stockholms stad,SE,Government,customer\n"
            "A-3,Banco Atlantico de Inversiones,ES,Financial Services,prospect\n")
FILES = {
    "vendor.yaml": "name: Northwind\n",
    "partners.csv": ("partner_id,name,type,tier,countries,industries,competencies\n"
                     "P-1,Kliniknetz IT,system_integrator,gold,DE,Healthcare,Lakehouse\n"),
    "users.csv": "user_id,name,role,partner_id\nu-admin,Ada,admin,\n",
    "opportunities.csv": "opportunity_id,account_id,name,stage,products,partner_id,partner_role\n",
}


def write(root: Path, accounts: str) -> Path:
    for name, text in {**FILES, "accounts.csv": accounts}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def ctx(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home", today="2026-03-02"))
    yield ctx
    ctx.close()


def test_an_unchanged_account_is_not_embedded_again_and_a_changed_or_removed_one_is_synced(ctx, tmp_path):
    ingest_folder(ctx, write(tmp_path / "import", ACCOUNTS))
    vectors = AccountVectors(ctx.settings, ctx.store, ctx.content.embedder)
    vectors.sync()  # whatever ingest did, the collection now holds every account
    assert sorted(vectors.index.iter_ids()) == ["A-1", "A-2", "A-3"]
    before, version = ctx.content.embedder.texts_embedded, vectors.version()
    again = vectors.sync()
    assert (again.accounts, again.embedded_accounts, again.removed_accounts) == (3, 0, 0)
    assert ctx.content.embedder.texts_embedded == before  # not one name went through the model
    assert vectors.version() == version  # readers keep their cached table

    changed = ACCOUNTS.replace("Stockholms stad", "Göteborgs stad")
    changed = "\n".join(line for line in changed.splitlines() if not line.startswith("A-3,")) + "\n"
    ingest_folder(ctx, write(tmp_path / "import", changed), allow_removals=True)
    result = vectors.sync()
    assert (result.accounts, result.removed_accounts) == (2, 1)
    assert sorted(vectors.index.iter_ids()) == ["A-1", "A-2"]
    assert vectors.version() > version
    table = vectors.load()
    assert dict(zip(table.account_ids, table.names))["A-2"] == "Göteborgs stad"


def test_a_misspelt_company_resolves_to_its_account_and_a_stranger_to_none(ctx, tmp_path):
    ingest_folder(ctx, write(tmp_path / "import", ACCOUNTS))
    vectors = AccountVectors(ctx.settings, ctx.store, ctx.content.embedder)
    vectors.sync()
    table = vectors.load()
    embed = ctx.content.embedder.embed_query
    for typed, account_id in (("Philips Electronics N.V.", "A-1"), ("Banco Atlantico de Inversion", "A-3")):
        found = table.resolve(embed(typed))
        assert found is not None and found.account_id == account_id, typed
    assert table.resolve(embed("Acme Bakery Ltd")) is None
    assert table.resolve(embed("Banco Santander")) is None  # a bank, but not ours
