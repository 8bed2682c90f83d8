"""Issue 15: ingest never loses data on bad input.

Every bad-input case runs against a copy of one ingested home and asserts that EVERY table (rows and
their content), the documents, the chunks and the vectors in the Chroma collection are exactly as
they were, and that the message names the file and what is wrong with it.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from assistant.core.config import Settings
from assistant.core.errors import BadInput
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.ingest import ingest_folder
from retrieval.ingest_sync import TABLES, ingest_lock
from retrieval.scope import issue_api_key
from tests.connectors.folders import write_folder

PARTNERS = "partner_id,name,type,tier,contact_email\n" + "".join(
    f"P{i},Partner {i},reseller,gold,team@p{i}.example\n" for i in range(1, 7))
ACCOUNTS = "account_id,name,status\n" + "".join(f"A{i:02d},Account {i},customer\n" for i in range(1, 11))
OPPORTUNITIES = "opportunity_id,account_id,name,stage,partner_id,partner_role\n" + "".join(
    f"O{i:02d},A{i:02d},Deal {i},proposal,P{i % 6 + 1},sourced\n" for i in range(1, 11))
PARTNER_ACCOUNTS = "partner_id,account_name,status\n" + "".join(
    f"P{i},Shared {i},customer\n" for i in range(1, 7))
PARTNER_ACTIVITY = "partner_id,month,portal_logins\n" + "".join(f"P{i},2026-01,{i}\n" for i in range(1, 7))
USERS = ("user_id,name,role,partner_id\nu-admin,Ada,admin,\nu-cm,Cem,channel_manager,\n"
         + "".join(f"u-ps{i},Seller {i},partner_seller,P{i}\n" for i in range(1, 5)))
DOCS = {f"content/doc-{i}.md": f"---\ntitle: Guide {i}\nvisibility: partners\n---\n# Guide {i}\n\n"
        f"Partner programme guide number {i} explains registration step {i}.\n" for i in range(1, 6)}
KIT = ("kit_id: k1\nname: Kit one\nproducts: [Lakehouse]\nlocales:\n  en:\n    email_subject: Hi\n"
       "    email_body: Hello {partner}\n")
VENDOR = "name: Northwind\naccount_sharing: accounts\n"
BASELINE = {"vendor.yaml": VENDOR, "campaigns/k1.yaml": KIT, "partners.csv": PARTNERS, "accounts.csv": ACCOUNTS, "opportunities.csv": OPPORTUNITIES,
            "partner_accounts.csv": PARTNER_ACCOUNTS, "partner_activity.csv": PARTNER_ACTIVITY,
            "users.csv": USERS, **DOCS}
KEPT_MODELS = (R.CampaignKitRow, R.Document, R.Chunk, R.DraftRow, R.MatchCorrection, R.ApiKey, R.User)


def write(root: Path, overrides: dict[str, str | bytes | None] | None = None) -> Path:
    """This file's baseline folder with files replaced (bytes written as they are) or removed (None)."""
    return write_folder(root, overrides, baseline=BASELINE)


def open_ctx(home: Path, embedder, **settings) -> AppContext:
    from retrieval.content import ContentService

    ctx = AppContext(Settings(home=home, **settings))
    ctx.__dict__["_content"] = ContentService(ctx.settings, ctx.store, embedder=embedder)  # one model per session
    return ctx


def snapshot(ctx: AppContext) -> dict[str, tuple[int, str]]:
    """Row count and a digest of the rows of every table, plus the vectors in the Chroma collection."""
    out: dict[str, tuple[int, str]] = {}
    with ctx.store.session() as session:
        for model in {*(t.model for t in TABLES), *KEPT_MODELS}:
            rows = sorted(repr(tuple(r)) for r in session.execute(select(model.__table__)).all())
            out[model.__tablename__] = (len(rows), hashlib.sha1("\n".join(rows).encode()).hexdigest())
    out["vendor"] = (0, json.dumps(ctx.store.get_meta("vendor"), sort_keys=True))
    out["chroma"] = (ctx.content.vector_count(), "")
    return out


@pytest.fixture(scope="module")
def baseline_home(tmp_path_factory, embedder) -> Path:
    home = tmp_path_factory.mktemp("baseline") / "home"
    ctx = open_ctx(home, embedder)
    try:
        result = ingest_folder(ctx, write(home.parent / "in"))
        assert not result.rejected and result.partners == 6 and result.documents == 5
        assert result.campaign_kits == 1 and ctx.store.get_meta("vendor")["name"] == "Northwind"
        issue_api_key(ctx.store, "u-admin")
        with ctx.store.session() as session:
            session.add(R.DraftRow(draft_id="d-1", kit_id="k", partner_id="P1", locale="en", channel="email",
                                   body="Hello", created_by="u-cm"))
            session.add(R.MatchCorrection(partner_id="P1", row_key="r", account_id="A01", decision="confirmed",
                                          decided_by="u-cm"))
    finally:
        ctx.close()
    return home


@pytest.fixture()
def home(tmp_path, baseline_home) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(baseline_home, copy)
    return copy


@pytest.fixture()
def ctx(home, embedder):
    ctx = open_ctx(home, embedder)
    yield ctx
    ctx.close()


def _latin1(text: str) -> bytes:
    return text.encode("latin-1")


def _fifo(root: Path) -> None:
    os.mkfifo(root / "partners.csv")


def _outside_link(root: Path) -> None:
    outside = root.parent / "elsewhere.csv"
    outside.write_text(PARTNERS)
    (root / "partners.csv").symlink_to(outside)


def _folder_not_file(root: Path) -> None:
    (root / "partners.csv").mkdir()


# (folder overrides, a change made to the written folder, words the message must contain)
BAD_FOLDERS = {
    "empty folder": (dict.fromkeys(BASELINE), None, ["partners.csv", "required file is missing"]),
    "partners.csv missing": ({"partners.csv": None}, None, ["partners.csv: required file is missing"]),
    "accounts.csv missing": ({"accounts.csv": None}, None, ["accounts.csv: required file is missing"]),
    "opportunities.csv missing": ({"opportunities.csv": None}, None, ["opportunities.csv: required file"]),
    "UTF-16 without a BOM": ({"partners.csv": PARTNERS.encode("utf-16-le")}, None,
                             ["partners.csv", "UTF-16 without a byte order mark"]),
    "UTF-32": ({"partners.csv": PARTNERS.encode("utf-32")}, None, ["partners.csv", "UTF-32"]),
    "Latin-1 partners.csv": ({"partners.csv": _latin1(PARTNERS.replace("Partner 3", "Partner Müller"))}, None,
                             ["partners.csv", "not UTF-8", "0xFC", "Latin-1", "line 4"]),
    "Windows-1252 accounts.csv": ({"accounts.csv": ACCOUNTS.replace("Account 2", "Account \x93two\x94")
                                   .encode("latin-1")}, None, ["accounts.csv", "Windows-1252"]),
    "semicolon partners.csv": ({"partners.csv": PARTNERS.replace(",", ";")}, None,
                               ["partners.csv", "';' (semicolon)", "comma-separated"]),
    "tab accounts.csv": ({"accounts.csv": ACCOUNTS.replace(",", "\t")}, None, ["accounts.csv", "tab"]),
    "partners.csv without tier": ({"partners.csv": PARTNERS.replace(",tier", ",level")}, None,
                                  ["partners.csv", "missing required column: tier"]),
    "opportunities.csv without stage or name": (
        {"opportunities.csv": OPPORTUNITIES.replace(",name,stage", ",title,phase")}, None,
        ["opportunities.csv", "missing required columns: name, stage"]),
    "header-only partners.csv": ({"partners.csv": PARTNERS.splitlines()[0] + "\n"}, None,
                                 ["partners.csv", "header but no rows"]),
    "header-only opportunities.csv": ({"opportunities.csv": OPPORTUNITIES.splitlines()[0] + "\n"}, None,
                                      ["opportunities.csv", "header but no rows"]),
    "zero-byte accounts.csv": ({"accounts.csv": ""}, None, ["accounts.csv", "file is empty"]),
    "header repeats a column": ({"accounts.csv": ACCOUNTS.replace("status", "status,name", 1)}, None,
                                ["accounts.csv", "'name' appears twice"]),
    "partners.csv is a FIFO": ({"partners.csv": None}, _fifo, ["partners.csv", "not a regular file"]),
    "partners.csv links outside": ({"partners.csv": None}, _outside_link,
                                   ["partners.csv", "outside the import folder"]),
    "partners.csv is a folder": ({"partners.csv": None}, _folder_not_file, ["partners.csv", "missing"]),
    "half the accounts gone": ({"accounts.csv": "\n".join(ACCOUNTS.splitlines()[:6]) + "\n",
                                "opportunities.csv": "\n".join(OPPORTUNITIES.splitlines()[:6]) + "\n"}, None,
                               ["would remove 5 of 10 accounts (50%)", "--allow-removals"]),
    "partner_activity.csv gone": ({"partner_activity.csv": None}, None,
                                  ["6 of 6 partner_activity", "COSELL_MAX_REMOVAL_SHARE"]),
    "three documents gone": ({f"content/doc-{i}.md": None for i in (1, 2, 3)}, None, ["3 of 5 documents"]),
    "header-only users.csv": ({"users.csv": "user_id,name,role,partner_id\n"}, None,
                              ["users.csv would remove every admin", "u-admin"]),
    "users.csv without admins": ({"users.csv": USERS.replace("u-admin,Ada,admin", "u-admin,Ada,marketer")}, None,
                                 ["every admin", "API keys would stop"]),
}


@pytest.mark.parametrize("case", BAD_FOLDERS.values(), ids=BAD_FOLDERS.keys())
def test_bad_folder_is_bad_input_and_changes_nothing(ctx, tmp_path, case):
    overrides, change, words = case
    folder = write(tmp_path / "in", overrides)
    if change:
        change(folder)
    before = snapshot(ctx)
    with pytest.raises(BadInput) as raised:
        ingest_folder(ctx, folder)
    for word in words:
        assert word in raised.value.message, raised.value.message
    assert "Nothing was changed" in raised.value.message
    assert snapshot(ctx) == before


def test_removing_every_admin_is_refused_even_with_allow_removals(ctx, tmp_path):
    before = snapshot(ctx)
    with pytest.raises(BadInput, match="every admin"):
        ingest_folder(ctx, write(tmp_path / "in", {"users.csv": "user_id,name,role\n"}), allow_removals=True)
    assert snapshot(ctx) == before


# (folder overrides, the file rejected, the kept counts): loads, reports the rejection, loses nothing
KEPT_CASES = {
    "bad contact_email on a partner": ({"partners.csv": PARTNERS.replace("team@p1.example", "not-an-email")},
                                       "partners.csv", {"partners": 1}),
    "bad stage on a deal": ({"opportunities.csv": OPPORTUNITIES.replace("Deal 3,proposal", "Deal 3,maybe")},
                            "opportunities.csv", {"opportunities": 1}),
    "bad status on a shared account": ({"partner_accounts.csv": PARTNER_ACCOUNTS.replace("Shared 2,customer",
                                                                                         "Shared 2,maybe")},
                                       "partner_accounts.csv", {"partner_accounts": 1}),
    "bad portal_logins on partner activity": ({"partner_activity.csv": PARTNER_ACTIVITY.replace("P3,2026-01,3",
                                                                                        "P3,2026-01,many")},
                                      "partner_activity.csv", {"partner_activity": 1}),
    "Latin-1 users.csv (optional)": ({"users.csv": _latin1(USERS.replace("Seller 2", "Sellér 2"))}, "users.csv",
                                     {"users": 6}),
    "semicolon partner_accounts.csv": ({"partner_accounts.csv": PARTNER_ACCOUNTS.replace(",", ";")},
                                       "partner_accounts.csv", {"partner_accounts": 6}),
    "zero-byte partner_activity.csv": ({"partner_activity.csv": b""}, "partner_activity.csv",
                                       {"partner_activity": 6}),
    "broken front matter": ({"content/doc-2.md": "---\ntitle: [unclosed\n---\n# x\n"}, "content/doc-2.md",
                            {"documents": 1}),
    "document not UTF-8": ({"content/doc-4.md": _latin1("# Guide 4\n\nCafé\n")}, "content/doc-4.md",
                           {"documents": 1}),
    "broken campaign kit": ({"campaigns/k1.yaml": "kit_id: k1\nname: [oops\n"}, "campaigns/k1.yaml", {}),
    "bad vendor.yaml": ({"vendor.yaml": "name: [Northwind\n"}, "vendor.yaml", {}),
}


def test_vendor_yaml_linking_out_of_the_folder_is_not_read(ctx, tmp_path):
    folder = write(tmp_path / "in", {"vendor.yaml": None})
    (tmp_path / "other.yaml").write_text("name: Someone else\n")
    (folder / "vendor.yaml").symlink_to(tmp_path / "other.yaml")
    before = snapshot(ctx)
    result = ingest_folder(ctx, folder)
    assert [(r.file, "outside the import folder" in r.message) for r in result.rejected] == [("vendor.yaml", True)]
    assert snapshot(ctx) == before


@pytest.mark.parametrize("case", KEPT_CASES.values(), ids=KEPT_CASES.keys())
def test_rejected_row_or_file_keeps_its_stored_version(ctx, tmp_path, case):
    overrides, file, kept = case
    before = snapshot(ctx)
    result = ingest_folder(ctx, write(tmp_path / "in", overrides))
    assert result.rejected and {r.file for r in result.rejected} == {file}
    assert result.kept == kept and result.removed == {}
    assert snapshot(ctx) == before


def test_bad_partner_row_keeps_its_deals_users_and_crm_rows(ctx, tmp_path):
    """The issue's cascade: one bad cell on P1 removed its deals, users and shared accounts."""
    changed = OPPORTUNITIES.replace("O06,A06,Deal 6,proposal", "O06,A06,Deal 6,negotiation")  # O06 is P1's
    result = ingest_folder(ctx, write(tmp_path / "in", {
        "partners.csv": PARTNERS.replace("team@p1.example", "nope"), "opportunities.csv": changed}))
    assert [(r.file, r.column) for r in result.rejected] == [("partners.csv", "contact_email")]
    with ctx.store.session() as session:
        assert session.get(R.Partner, "P1").contact_email == "team@p1.example"  # the stored version
        assert session.get(R.Opportunity, "O06").stage == "negotiation"  # its deal still updates
        assert session.get(R.User, "u-ps1") is not None
        assert session.scalar(select(R.PartnerAccount.row_key).where(R.PartnerAccount.partner_id == "P1"))


def test_document_symlink_fifo_and_oversized_file_are_skipped_and_reported(home, embedder, tmp_path):
    folder = write(tmp_path / "in")
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nroot:x:0:0:the password file\n")
    (folder / "content" / "doc-1.md").unlink()
    (folder / "content" / "doc-1.md").symlink_to(secret)  # replaces a stored document: it is kept
    (folder / "content" / "linked").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "content" / "pipe.md")
    (folder / "content" / "doc-3.md").write_text("# Guide 3\n\n" + "big " * 3000)  # ~12 KB
    ctx = open_ctx(home, embedder, max_document_mb=0.01)
    try:
        before = snapshot(ctx)
        result = ingest_folder(ctx, folder)  # returns: a FIFO is never opened
        reasons = {r.file: r.message for r in result.rejected}
        assert "outside the import folder" in reasons["content/doc-1.md"]
        assert "not a regular file" in reasons["content/pipe.md"]
        assert "content/linked" in reasons
        assert "COSELL_MAX_DOCUMENT_MB" in reasons["content/doc-3.md"]
        assert result.kept == {"documents": 2} and snapshot(ctx) == before
        assert not any("password" in hit.text for hit in ctx.content.search("root password file", k=10))
    finally:
        ctx.close()


# --- good cases -------------------------------------------------------------------------------------


def test_real_removal_under_the_share_goes_through(ctx, tmp_path):
    accounts = ACCOUNTS.replace("A10,Account 10,customer\n", "")
    opportunities = OPPORTUNITIES.replace("O10,A10,Deal 10,proposal,P5,sourced\n", "")
    result = ingest_folder(ctx, write(tmp_path / "in", {"accounts.csv": accounts, "opportunities.csv": opportunities,
                                                        "content/doc-5.md": None}))
    assert result.removed == {"accounts": 1, "opportunities": 1, "documents": 1} and not result.rejected
    assert ctx.store.count(R.Account) == 9 and ctx.store.count(R.Document) == 4
    assert ctx.store.count(R.DraftRow) == 1 and ctx.store.count(R.MatchCorrection) == 1  # the copilot's own


def test_allow_removals_removes_what_is_really_gone(ctx, tmp_path):
    folder = write(tmp_path / "in", {"partner_activity.csv": None, "content/doc-1.md": None,
                                     "content/doc-2.md": None})
    result = ingest_folder(ctx, folder, allow_removals=True)
    assert result.removed == {"partner_activity": 6, "documents": 2}
    assert ctx.store.count(R.PartnerActivity) == 0 and result.documents == 3
    assert ctx.content.vector_count() == ctx.store.count(R.Chunk)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_bom_and_utf16_files_read_like_utf8(ctx, tmp_path, encoding):
    def encode(text: str) -> bytes:
        if encoding == "utf-16-le-bom":
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        if encoding == "utf-16-be-bom":
            return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        return text.encode(encoding)

    before = snapshot(ctx)
    result = ingest_folder(ctx, write(tmp_path / "in", {"partners.csv": encode(PARTNERS),
                                                        "accounts.csv": encode(ACCOUNTS)}))
    assert not result.rejected and result.partners == 6 and result.accounts == 10
    assert snapshot(ctx) == before  # read exactly as the UTF-8 files were


def test_second_ingest_waits_for_the_lock_then_fails_clearly(home, embedder, tmp_path):
    ctx = open_ctx(home, embedder, ingest_lock_wait_s=0.3)
    try:
        before = snapshot(ctx)
        changed = write(tmp_path / "in", {"accounts.csv": ACCOUNTS.replace("customer", "prospect")})
        with ingest_lock(ctx.settings.home_dir, 0), pytest.raises(BadInput, match="another ingest is running"):
            ingest_folder(ctx, changed)
        assert snapshot(ctx) == before
    finally:
        ctx.close()


# --- the CLI and the API -----------------------------------------------------------------------------

runner = CliRunner()


def test_cli_empty_folder_exits_2_and_changes_nothing(ctx, home, tmp_path, monkeypatch):
    from assistant.cli import app

    monkeypatch.setenv("COSELL_HOME", str(home))
    (tmp_path / "empty").mkdir()
    before = snapshot(ctx)
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "--json"])
    assert result.exit_code == 2
    message = json.loads(result.stdout)["error"]["message"]
    assert "partners.csv: required file is missing" in message and "Nothing was changed" in message
    result = runner.invoke(app, ["ingest", str(write(tmp_path / "in", {"content/doc-1.md": None,
                                                                        "content/doc-2.md": None})), "--json"])
    assert result.exit_code == 2 and "--allow-removals" in json.loads(result.stdout)["error"]["message"]
    assert snapshot(ctx) == before


def test_cli_reset_says_what_it_erases_first_and_a_plain_ingest_keeps_it(home, embedder, tmp_path, monkeypatch):
    from assistant.cli import app

    monkeypatch.setenv("COSELL_HOME", str(home))
    result = runner.invoke(app, ["ingest", str(write(tmp_path / "in")), "--reset", "--json"])
    assert result.exit_code == 0, result.stdout
    assert "--reset erases" in result.stderr and "1 drafts" in result.stderr
    assert json.loads(result.stdout)["erased"] == {"drafts": 1, "mapping_corrections": 1}
    ctx = open_ctx(home, embedder)
    try:
        assert ctx.store.count(R.DraftRow) == 0 and ctx.store.count(R.Partner) == 6
    finally:
        ctx.close()


@pytest.fixture()
def api(home, embedder, tmp_path):
    from assistant.api import create_app

    root = tmp_path / "imports"
    root.mkdir()

    def build(**settings):
        ctx = open_ctx(home, embedder, **settings)
        key = issue_api_key(ctx.store, "u-admin")
        client = TestClient(create_app(ctx, warm_up=False))
        return ctx, client, {"Authorization": f"Bearer {key}"}

    built = []

    def make(**settings):
        built.append(build(**settings))
        return built[-1]

    yield root, make
    for ctx, client, _ in built:
        client.close()
        ctx.close()


def test_api_ingest_is_refused_without_an_import_root(api):
    root, make = api
    ctx, client, headers = make()
    before = snapshot(ctx)
    response = client.post("/v1/ingest", json={"path": str(write(root / "in"))}, headers=headers)
    assert response.status_code == 403 and "COSELL_IMPORT_ROOT" in response.json()["error"]["message"]
    assert snapshot(ctx) == before


def test_api_ingest_stays_under_the_import_root(api, tmp_path):
    root, make = api
    ctx, client, headers = make(import_root=root)
    (root / "escape").symlink_to(tmp_path)
    write(tmp_path / "outside")
    before = snapshot(ctx)
    for path in ("../../../../etc", str(tmp_path / "outside"), "escape/outside", "/"):
        response = client.post("/v1/ingest", json={"path": path}, headers=headers)
        assert response.status_code == 403, path
        assert "outside the import root" in response.json()["error"]["message"]
    response = client.post("/v1/ingest", json={"path": "missing-folder"}, headers=headers)
    assert response.status_code == 422 and "not found" in response.json()["error"]["message"]
    write(root / "bad", {"partners.csv": PARTNERS.encode("utf-16-le")})
    response = client.post("/v1/ingest", json={"path": "bad"}, headers=headers)
    assert response.status_code == 422 and "partners.csv" in response.json()["error"]["message"]
    assert snapshot(ctx) == before


def test_api_removal_guard_and_allow_removals(api):
    root, make = api
    ctx, client, headers = make(import_root=root)
    write(root / "in", {"partner_activity.csv": None})
    before = snapshot(ctx)
    response = client.post("/v1/ingest", json={"path": "in"}, headers=headers)
    assert response.status_code == 422 and "allow_removals" in response.json()["error"]["message"]
    assert snapshot(ctx) == before
    response = client.post("/v1/ingest", json={"path": "in", "allow_removals": True}, headers=headers)
    assert response.status_code == 200 and response.json()["removed"] == {"partner_activity": 6}


def test_progress_off_a_terminal_is_a_line_with_an_estimate_every_few_seconds():
    import io

    from assistant.engine.render import progress_lines

    now, out = [0.0], io.StringIO()
    update = progress_lines(out, 10, clock=lambda: now[0])
    update("embedding", 0, 100)
    now[0] = 20
    update("embedding", 10, 100)  # 20 s for 10 documents: 90 more take about 3 minutes
    now[0] = 25
    update("embedding", 12, 100)  # within 10 s of the last line: quiet
    assert out.getvalue() == "embedding 10/100, about 3 min left\n"
