"""Drafts a marketer can publish (issue 18): reflowed paragraphs in every script, proof points woven in
as sentences, taglines only in their own language, a whole accessible landing page with a lead form and
AA contrast, one pending draft per set of inputs, and the CLI's `drafts show|list|approve|reject`.

The demo part drafts every kit x locale x channel of the ingested demo for partners spread over its list;
the rest builds tiny worlds in tmp_path (tests/tools/test_content_drafts.py's helpers).
"""
from __future__ import annotations

import copy
import json
import re
import unicodedata
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from retrieval import records as R
from retrieval.ingest import replace_records
from retrieval.scope import Scope
from tests.records_only import records_only
from tests.tools.test_content_drafts import (
    ADMIN,
    CM,
    FORM_URL,
    KIT,
    MKT,
    VENDOR,
    add_kit,
    build_ctx,
    check,
    failed,
)
from tools.content_drafts.checks import check_contrast, check_reflowed, check_tagline
from tools.content_drafts.contrast import contrast_ratio, readable_on
from tools.content_drafts.reflow import reflow
from tools.content_drafts.service import available_channels, draft_content, review_draft

NEW_CHECKS = {"reflowed", "tagline_locale"}
LANDING_CHECKS = {"html_safe", "landing_complete", "contrast_aa", "lead_form"}


def _wide(ch: str) -> bool:
    """A character of a script written without spaces (the test's own oracle, not the code's)."""
    return unicodedata.east_asian_width(ch) in "WF" and not ("\uac00" <= ch <= "\ud7af")


# --- the demo: every kit x locale x channel ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_drafts(demo_folder, demo_today, tmp_path_factory):
    """Every kit x locale x channel for every 9th partner of the demo, as it comes (its vendor.yaml names
    the lead form URL). Records only (drafts read no documents): no embedding of its content."""
    with records_only(tmp_path_factory.mktemp("drafts-demo"), demo_folder, demo_today) as ctx:
        with ctx.store.session() as s:
            kits = [(k.kit_id, dict(k.data)) for k in s.scalars(select(R.CampaignKitRow))]
            partners = sorted(s.scalars(select(R.Partner.partner_id)))[::9]
        made = []
        for partner_id in partners:
            for kit_id, data in kits:
                for tag, block in data["locales"].items():
                    for channel in available_channels(block):
                        d = draft_content(ctx, Scope.operator(), partner_id, kit_id, tag, channel, save=False,
                                          use_llm=False)
                        made.append((partner_id, kit_id, tag, channel, block, d))
        yield made


def test_every_demo_draft_passes_the_new_checks(demo_drafts):
    kits = {k for _, k, *_ in demo_drafts}
    locales = {t for _, _, t, *_ in demo_drafts}
    assert len(kits) >= 4 and len(locales) >= 5 and len(demo_drafts) >= 4 * 5 * 3 * 5
    failures = [(p, k, t, c, n, detail) for p, k, t, c, _, d in demo_drafts for n, detail in failed(d).items()]
    assert not failures, failures[:10]
    for *_, channel, _, d in demo_drafts:
        names = {c.name for c in d.checks}
        assert names >= NEW_CHECKS and (channel != "landing" or names >= LANDING_CHECKS)


def test_no_line_break_inside_a_sentence_in_any_locale(demo_drafts):
    """Every line break of a draft ends a sentence or sits in a short block (greeting, sign-off), and every
    place the kit's author wrapped a line reaches the reader joined, with a space or (CJK) without."""
    joins_checked = 0
    for partner_id, kit_id, tag, channel, block, d in demo_drafts:
        where = (partner_id, kit_id, tag, channel)
        for paragraph in d.body.split("\n\n"):
            lines = paragraph.split("\n")
            if len(lines) > 1:  # only a sign-off-like block of short lines may keep its breaks
                assert len(lines) <= 4 and all(len(line) <= 40 for line in lines), (where, paragraph)
        if d.html:
            assert "<br" not in d.html, where
        if channel != "email":
            continue
        for kit_para in re.split(r"\n\s*\n", block["email_body"]):
            lines = [line.strip() for line in kit_para.strip().split("\n")]
            if len(lines) < 2 or all(len(line) <= 40 for line in lines):
                continue
            for before, after in pairwise(lines):
                left, right = before[-5:], after[:5]
                if "{" in left + right or "}" in left + right:
                    continue
                joiner = "" if _wide(left[-1]) or _wide(right[0]) else " "
                assert left + joiner + right in d.body, (where, left, right)
                joins_checked += 1
    assert joins_checked > 100


def test_proof_points_are_sentences_inside_paragraphs(demo_drafts):
    for partner_id, kit_id, tag, channel, _, d in demo_drafts:
        if channel != "email":
            continue
        paragraphs = d.body.split("\n\n")
        woven = [p for p in paragraphs if "Beispiel" in p or "example" in p or "導入事例" in p or "exemple" in p
                 or "ejemplo" in p or "exemplo" in p]
        assert woven, (partner_id, kit_id, tag)
        for p in woven:
            assert re.search(r"[.。]$", p) and len(re.findall(r"[.。!?]", p)) >= 2, (partner_id, kit_id, tag, p)


# --- reflow as a property ------------------------------------------------------------------------------


WORDS = st.sampled_from(["Daten", "Lieferzeit", "oder", "die", "Zahlung", "data", "platform", "minutes",
                         "KI-Assistenten", "well-known", "42 %", "Northwind", "São", "équipe"])
LATIN_SENTENCE = st.lists(WORDS, min_size=3, max_size=14).map(lambda w: " ".join(w) + ".")
CJK = st.sampled_from(["データ", "基盤", "を", "刷新", "し", "ます", "リスク管理や", "コンプライアンス", "数据", "平台"])
CJK_SENTENCE = st.lists(CJK, min_size=3, max_size=20).map(lambda w: "".join(w) + "。")


def _hard_wrap(text: str, width: int) -> str:
    """Wrapped as an editor would: at a space between words, or between any two CJK characters."""
    units = re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+\s*|[\u3000-\u9fff\uff00-\uffef]", text)
    lines, line = [], ""
    for unit in units:
        size = lambda s: sum(2 if _wide(c) else 1 for c in s)
        if line and size(line.rstrip()) + size(unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    return "\n".join(lines + [line.rstrip()])


@settings(max_examples=150, deadline=None)
@given(paragraphs=st.lists(st.lists(LATIN_SENTENCE | CJK_SENTENCE, min_size=2, max_size=6), min_size=1,
                           max_size=4),
       width=st.integers(min_value=60, max_value=120))
def test_reflow_undoes_any_hard_wrap(paragraphs, width):
    """Prose wrapped at any width kits use (at spaces, or anywhere between CJK characters) reflows to the
    unwrapped text: Latin lines joined with a space, CJK ones without."""
    expected = []
    for sentences in paragraphs:
        text = ""
        for s in sentences:
            text += ("" if not text or _wide(text[-1]) or _wide(s[0]) else " ") + s
        expected.append(text)
    wrapped = "\n\n".join(_hard_wrap(t, width) for t in expected)
    assert reflow(wrapped) == "\n\n".join(expected)


def test_reflow_keeps_sign_offs_and_list_items():
    text = ("Hi there,\n\nDie meisten Unternehmen haben Pilotprojekte. Wenn eine Zahlung oder die\nLieferzeit "
            "zu spät kommt, kommt alles zu spät und die Kunden merken es sofort.\n- erster Punkt\n- zweiter Punkt"
            "\n\nMit freundlichen Grüßen\nIhr Team von Contoso")
    assert reflow(text) == ("Hi there,\n\nDie meisten Unternehmen haben Pilotprojekte. Wenn eine Zahlung oder die "
                            "Lieferzeit zu spät kommt, kommt alles zu spät und die Kunden merken es sofort.\n"
                            "- erster Punkt\n- zweiter Punkt\n\nMit freundlichen Grüßen\nIhr Team von Contoso")
    assert reflow("多くの企業が AI の PoC を実施していますが、業務部門が日常的に頼り、リスク管理や\nコンプライアンス部門も"
                  "納得する形で本番運用できている例はまだ多くありません。") .count("\n") == 0
    assert "리스크\n관리" not in reflow("많은 기업이 AI 파일럿을 진행했지만 업무 부서가 매일 의지하고 리스크\n관리 부서도 "
                                        "납득하는 형태로 운영하는 사례는 아직 많지 않습니다.")


def test_the_reflow_check_catches_a_hard_wrap_and_an_orphan_proof_point():
    wrapped = ("Die meisten Unternehmen haben KI-Pilotprojekte durchgeführt. Deutlich weniger haben Modelle\n"
               "und Assistenten im Produktivbetrieb.")
    assert not check_reflowed(wrapped).passed
    assert check_reflowed(reflow(wrapped)).passed
    orphan = "Hi there,\n\nWe help.\n\nA bank cut its close from 6 days to 2\n\nBest regards,\nThe team"
    result = check_reflowed(orphan, ["A bank cut its close from 6 days to 2."])
    assert not result.passed and "without a full stop" in result.detail


# --- proof points, taglines --------------------------------------------------------------------------


def test_the_proof_point_is_a_sentence_in_a_paragraph_not_a_line_of_its_own(tmp_path):
    ctx = build_ctx(tmp_path)
    try:
        d = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-1")
        para = next(p for p in d.body.split("\n\n") if "month-end close" in p)
        assert para.startswith("Contoso and Northwind Data help Acme Bank") and para.endswith("from 6 days to 2.")
        de = draft_content(ctx, ADMIN, "P-1", "lakehouse", "de", "email", account_id="A-1")  # `localized` de
        assert "Ein Beispiel: Eine europäische Bank verkürzte ihren Monatsabschluss von 6 auf 2 Tage." in de.body
        assert "European" not in de.body
    finally:
        ctx.close()


@pytest.fixture()
def tagline_ctx(tmp_path):
    ctx = build_ctx(tmp_path)
    with ctx.store.session() as s:
        s.get(R.Partner, "P-1").attributes = {"tagline_de": "Daten, richtig gemacht",
                                              "tagline_pt": "Dados bem feitos", "tagline_old": "ignored"}
    yield ctx
    ctx.close()


@pytest.mark.parametrize("tag, shown, absent", [
    ("en", "Data done right", ["Daten, richtig", "Dados bem"]),
    ("de", "Daten, richtig gemacht", ["Data done right", "Dados bem"]),
    ("pt-BR", "Dados bem feitos", ["Data done right", "Daten, richtig"]),  # tagline_pt serves pt-BR
    ("ja", None, ["Data done right", "Daten, richtig", "Dados bem"]),  # none in Japanese: left out
])
def test_tagline_only_in_its_own_language(tagline_ctx, tag, shown, absent):
    for channel in ("email", "landing"):
        d = draft_content(tagline_ctx, ADMIN, "P-1", "lakehouse", tag, channel)
        text = d.body + (d.html or "")
        if shown:
            assert shown in text, (tag, channel)
        for other in absent:
            assert other not in text, (tag, channel, other)
        assert check(d, "tagline_locale").passed
    if shown is None:
        assert "left out" in check(d, "tagline_locale").detail


def test_the_tagline_check_fails_on_a_mixed_draft():
    result = check_tagline("Hallo zusammen, ...\n\nContoso | Data done right", None, ["Data done right"], "de")
    assert not result.passed and "Data done right" in result.detail


# --- the landing page --------------------------------------------------------------------------------


class _Page(HTMLParser):
    """The test's own reading of the page (the standard library's parser)."""

    def __init__(self) -> None:
        super().__init__()
        self.decls, self.starts, self.text_of, self.attrs = [], [], {}, []
        self._open: list[str] = []

    def handle_decl(self, decl):
        self.decls.append(decl)

    def handle_starttag(self, tag, attrs):
        self.starts.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag not in ("meta", "input", "br"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open and data.strip():
            self.text_of.setdefault(self._open[-1], []).append(data.strip())

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.attrs if t == tag]


def test_the_landing_page_is_a_complete_accessible_document(tmp_path):
    ctx = build_ctx(tmp_path)
    try:
        d = draft_content(ctx, MKT, "P-1", "lakehouse", "de", "landing")
    finally:
        ctx.close()
    page = _Page()
    page.feed(d.html)
    page.close()
    assert [x.lower() for x in page.decls] == ["doctype html"]
    assert page.all("html") == [{"lang": "de"}]
    for tag in ("head", "title", "body", "main", "h1", "form"):
        assert tag in page.starts, tag
    assert page.text_of["title"] and page.starts.count("h1") == 1
    metas = page.all("meta")
    assert {"charset": "utf-8"} in metas
    assert any(m.get("name") == "viewport" and "width=device-width" in m["content"] for m in metas)
    assert any(m.get("name") == "description" and m["content"] for m in metas)
    lists = {a.get("class") for a in page.all("ul")}
    assert {"cosell-key-messages", "cosell-proof-points"} <= lists
    assert "Berichte in Minuten" in page.text_of["li"]
    assert "Eine europäische Bank verkürzte ihren Monatsabschluss von 6 auf 2 Tage." in page.text_of["li"]
    form = page.all("form")[0]
    assert form == {"method": "post", "action": FORM_URL}
    labelled = {a["for"] for a in page.all("label")}
    visible = [a for a in page.all("input") if a["type"] != "hidden"]
    assert visible and all(a["id"] in labelled for a in visible)
    assert any(a["type"] == "email" for a in visible)
    assert {a["name"]: a["value"] for a in page.all("input") if a["type"] == "hidden"} == {
        "partner_id": "P-1", "kit_id": "lakehouse", "locale": "de"}
    assert "mailto:" not in d.html and "Geschäftliche E-Mail" in page.text_of["label"]
    assert "Data done right" not in d.html  # the English tagline stays out of the German page


def test_the_lead_form_url_comes_from_the_kit_vendor_yaml_or_the_setting_and_is_required(tmp_path):
    kit = copy.deepcopy(KIT)
    kit["locales"]["en"]["lead_form_url"] = "https://kit.example.com/form"
    ctx = build_ctx(tmp_path, kits=(kit,))
    try:
        d = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing")
        assert 'action="https://kit.example.com/form"' in d.html and check(d, "lead_form").passed
    finally:
        ctx.close()
    ctx = build_ctx(tmp_path / "b", lead_form_url=None)
    try:
        d = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing")
        assert "COSELL_LEAD_FORM_URL" in failed(d)["lead_form"] and "mailto:" not in d.html
    finally:
        ctx.close()
    ctx = build_ctx(tmp_path / "c", vendor={**VENDOR, "lead_form_url": "https://vendor.example.com/leads"},
                    lead_form_url="https://setting.example.com/leads")
    try:  # vendor.yaml's lead_form_url before the setting
        d = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing")
        assert 'action="https://vendor.example.com/leads"' in d.html and check(d, "lead_form").passed
    finally:
        ctx.close()


def test_contrast_is_computed_and_the_brand_colour_darkened_for_text(tmp_path):
    assert round(contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#FFFFFF"), 2) == 4.54  # the WCAG reference grey
    assert round(contrast_ratio("#B1A031", "#FFFFFF"), 1) == 2.6  # the demo colour the issue measured
    darker = readable_on("#B1A031")
    assert contrast_ratio(darker, "#FFFFFF") >= 4.5 and darker != "#B1A031"
    r, g, b = (int(darker[i:i + 2], 16) for i in (1, 3, 5))
    assert r > g > b  # the same hue (olive), only darker
    assert readable_on("#0A3D62") == "#0A3D62"  # dark enough already: kept
    ctx = build_ctx(tmp_path)
    try:
        with ctx.store.session() as s:
            s.get(R.Partner, "P-1").brand_color = "#B1A031"
        d = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing")
    finally:
        ctx.close()
    assert f'<h1 style="color:{darker}">' in d.html and "solid #B1A031" in d.html
    assert check(d, "contrast_aa").passed
    low = check_contrast('<p style="color:#B1A031">x</p><div style="background:#000000"><p style="color:#222222">'
                         "y</p></div>")
    assert not low.passed and "2.6:1" in low.detail and "#222222 on #000000" in low.detail


# --- one pending draft per set of inputs --------------------------------------------------------------


def _count(ctx) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count()).select_from(R.DraftRow))


def test_the_same_inputs_return_the_pending_draft_instead_of_a_copy(tmp_path):
    ctx = build_ctx(tmp_path)
    try:
        first = draft_content(ctx, CM, "P-1", "lakehouse", "de", "email", account_id="A-1")
        again = draft_content(ctx, CM, "P-1", "lakehouse", "de-AT", "email", account_id="A-1")
        assert (again.draft_id, again.reused, first.reused) == (first.draft_id, True, False) and _count(ctx) == 1
        # another author, account, channel or locale is another draft
        others = [draft_content(ctx, ADMIN, "P-1", "lakehouse", "de", "email", account_id="A-1"),
                  draft_content(ctx, CM, "P-1", "lakehouse", "de", "email"),
                  draft_content(ctx, CM, "P-1", "lakehouse", "de", "social", account_id="A-1"),
                  draft_content(ctx, CM, "P-1", "lakehouse", "en", "email", account_id="A-1")]
        assert len({d.draft_id for d in others} | {first.draft_id}) == 5 and _count(ctx) == 5
        # a kit re-imported with new wording updates the pending draft, still one
        kit = copy.deepcopy(KIT)
        kit["locales"]["de"]["email_subject"] = "Neu: {partner} und {vendor}"
        add_kit(ctx, kit)
        updated = draft_content(ctx, CM, "P-1", "lakehouse", "de", "email", account_id="A-1")
        assert updated.draft_id == first.draft_id and _count(ctx) == 5
        assert review_draft(ctx, ADMIN, first.draft_id, "approved").subject == "Neu: Contoso und Northwind Data"
        # once decided, the same inputs make a new pending draft
        fresh = draft_content(ctx, CM, "P-1", "lakehouse", "de", "email", account_id="A-1")
        assert fresh.draft_id != first.draft_id and not fresh.reused and _count(ctx) == 6
    finally:
        ctx.close()


# --- the CLI -----------------------------------------------------------------------------------------


runner = CliRunner()


def test_cli_drafts_show_list_approve_reject(tmp_path, monkeypatch):
    ctx = build_ctx(tmp_path)
    try:
        with ctx.store.session() as s:
            s.add(R.User(user_id="u-mkt", name="Mia Marketer", role="marketer"))
            s.add(R.User(user_id="u-seller-2", name="Sam Seller", role="partner_seller", partner_id="P-2"))
    finally:
        ctx.close()
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_LEAD_FORM_URL", FORM_URL)
    monkeypatch.setenv("COLUMNS", "200")
    made = runner.invoke(app, ["draft", "--partner", "P-1", "--kit", "lakehouse", "--locale", "de", "--channel",
                               "email", "--as", "u-mkt", "--json"])
    assert made.exit_code == 0, made.output
    draft_id = json.loads(made.output)["draft_id"]
    again = runner.invoke(app, ["draft", "--partner", "P-1", "--kit", "lakehouse", "--locale", "de", "--channel",
                                "email", "--as", "u-mkt"])
    assert again.exit_code == 0 and f"{draft_id}: the pending draft for the same inputs" in again.output

    shown = runner.invoke(app, ["drafts", "show", draft_id.lower(), "--as", "u-mkt"])
    assert shown.exit_code == 0, shown.output
    assert f"{draft_id} pending: email in de" in shown.output and "by u-mkt" in shown.output
    assert "Subject: Contoso und Northwind Data" in shown.output and "pass reflowed" in shown.output
    as_json = json.loads(runner.invoke(app, ["drafts", "show", draft_id, "--as", "u-mkt", "--json"]).output)
    assert as_json["draft_id"] == draft_id and as_json["partner_name"] == "Contoso" and as_json["checks"]
    forbidden = runner.invoke(app, ["drafts", "show", draft_id, "--as", "u-seller-2"])
    assert forbidden.exit_code == 4 and "Contoso" not in forbidden.output

    listed = runner.invoke(app, ["drafts", "list", "--as", "u-mkt"])
    assert listed.exit_code == 0, listed.output
    for needle in (draft_id, "Contoso und Northwind Data", "Contoso", "u-mkt", "pending", "pass"):
        assert needle in listed.output, needle
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", listed.output)

    landing = json.loads(runner.invoke(app, ["draft", "--partner", "P-1", "--kit", "lakehouse", "--locale", "en",
                                             "--channel", "landing", "--json"]).output)
    page = runner.invoke(app, ["drafts", "show", landing["draft_id"], "--html"])
    assert page.exit_code == 0 and page.output.startswith("<!DOCTYPE html>")
    no_page = runner.invoke(app, ["drafts", "show", draft_id, "--html"])
    assert no_page.exit_code == 2 and "only landing drafts have HTML" in no_page.output

    approved = runner.invoke(app, ["drafts", "approve", draft_id, "--comment", "good"])
    assert approved.exit_code == 0 and approved.output.startswith(f"{draft_id} approved by ")
    assert not approved.output.lstrip().startswith("{")
    rejected = runner.invoke(app, ["drafts", "reject", landing["draft_id"], "--comment", "shorter intro",
                                   "--json"])
    assert json.loads(rejected.output)["status"] == "rejected"


def test_api_reads_one_draft_with_the_readers_permissions(tmp_path):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from retrieval.scope import issue_api_key

    ctx = build_ctx(tmp_path)
    try:
        with ctx.store.session() as s:
            s.add_all([R.User(user_id="u-mkt", name="Mia", role="marketer"),
                       R.User(user_id="u-ps2", name="Sam", role="partner_seller", partner_id="P-2")])
        keys = {u: issue_api_key(ctx.store, u) for u in ("u-mkt", "u-ps2")}
        made = draft_content(ctx, MKT, "P-1", "lakehouse", "en", "landing")
        with TestClient(create_app(ctx, warm_up=False)) as client:
            def get(path: str, user: str):
                return client.get(path, headers={"Authorization": f"Bearer {keys[user]}"})

            ok = get(f"/v1/drafts/{made.draft_id.lower()}", "u-mkt")
            assert ok.status_code == 200 and ok.json()["html"] == made.html and ok.json()["partner_name"] == "Contoso"
            assert get(f"/v1/drafts/{made.draft_id}", "u-ps2").status_code == 403
            assert get("/v1/drafts/DR-NOPE", "u-mkt").status_code == 404
    finally:
        ctx.close()


def test_tagline_columns_in_partners_csv_reach_the_drafts(demo_folder, demo_today, tmp_path):
    """DATA.md extension end to end: `tagline_de` / `tagline_ja` columns of partners.csv, imported."""
    import csv
    import shutil

    folder = tmp_path / "import"
    shutil.copytree(demo_folder, folder, ignore=shutil.ignore_patterns("content"))
    path = folder / "partners.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["tagline_de"] = f"Deutsch: {row['name']}" if row["partner_id"] == rows[0]["partner_id"] else ""
        row["tagline_ja"] = "データを、確かな力に" if row["partner_id"] == rows[0]["partner_id"] else ""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    ctx = AppContext(Settings(home=tmp_path / "home", today=demo_today))
    try:
        bundle = read_import_folder(folder)
        assert not [r for r in bundle.rejected if r.file == "partners.csv"]
        replace_records(ctx, bundle)
        pid, english = rows[0]["partner_id"], rows[0]["tagline"]
        with ctx.store.session() as s:
            kit_id = s.scalars(select(R.CampaignKitRow.kit_id)).first()
        de = draft_content(ctx, ADMIN, pid, kit_id, "de", "email", save=False, use_llm=False)
        ja = draft_content(ctx, ADMIN, pid, kit_id, "ja", "landing", save=False, use_llm=False)
        en = draft_content(ctx, ADMIN, pid, kit_id, "en", "email", save=False, use_llm=False)
        assert f"Deutsch: {rows[0]['name']}" in de.body and english not in de.body
        assert "データを、確かな力に" in ja.html and english not in ja.html
        assert english in en.body and "Deutsch:" not in en.body
        assert failed(de) == {} and failed(en) == {}
    finally:
        ctx.close()
