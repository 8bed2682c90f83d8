"""Campaign drafts end to end: filling, channels, locale resolution, permissions, approval workflow.

Records go straight into a RecordStore in tmp_path; the kit is a tiny one built here. The helper
`all_combinations_pass(ctx, partner_ids)` drafts every kit x locale x channel of an ingested home.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden, NotFound
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import Scope
from tools.content_drafts.checks import html_to_text
from tools.content_drafts.service import (
    DraftResponse,
    available_channels,
    draft_content,
    get_draft,
    list_drafts,
    review_draft,
)

VENDOR = {"name": "Northwind Data", "website": "northwind.example", "default_locale": "en"}
FORM_URL = "https://forms.example.com/leads"
DISCLAIMER_EN = "Northwind Data and the Northwind Data logo are trademarks of Northwind Data Inc."

KIT = {
    "kit_id": "lakehouse", "name": "Lakehouse modernisation", "products": ["Lakehouse"],
    "industries": ["Financial Services", "Retail"], "objective": "Book architecture reviews",
    "audience": "Heads of data", "key_messages": ["Reporting in minutes"],
    "proof_points": ["A European retailer cut stock-outs by a fifth",
                     "A European bank cut its month-end close from 6 days to 2"],
    "call_to_action": "Book a 30-minute architecture review",
    "localized": {
        "de": {"key_messages": ["Berichte in Minuten"],
               "proof_points": ["Eine europäische Bank verkürzte ihren Monatsabschluss von 6 auf 2 Tage"]},
        "pt": {"key_messages": ["Relatórios em minutos"],
               "proof_points": ["Um banco europeu reduziu o fechamento mensal de 6 para 2 dias"]},
        "ja": {"key_messages": ["数分でレポート"], "proof_points": ["欧州の銀行が月次決算を6日から2日に短縮しました"]},
    },
    "locales": {
        "en": {
            "email_subject": "{partner} and {vendor}: modernise your data platform",
            "email_body": "Hi {first_name},\n\n{partner} and {vendor} help {account} in {industry} get reporting "
                          "in minutes instead of days.\n\n{call_to_action}: reply to {contact_email}.\n\n"
                          "Best regards,\nThe {partner} team",
            "social_post": "{partner} + {vendor}: reporting that took a day now takes minutes. {call_to_action}.",
            "landing_intro": "{partner} and {vendor} help {account} modernise the data platform and get "
                             "reporting in minutes instead of days.",
            "disclaimer": "{vendor} and the {vendor} logo are trademarks of {vendor} Inc.",
        },
        "de": {
            "email_subject": "{partner} und {vendor}: Modernisieren Sie Ihre Datenplattform",
            "email_body": "Hallo {first_name},\n\n{partner} und {vendor} helfen {account}, Berichte in Minuten "
                          "statt Tagen zu erstellen.\n\n{call_to_action}: Antworten Sie an {contact_email}.\n\n"
                          "Viele Grüße\nIhr Team von {partner}",
            "call_to_action": "Buchen Sie eine 30-minütige Architekturprüfung",
            "social_post": "{partner} und {vendor}: Berichte, die früher einen Tag dauerten, dauern jetzt "
                           "Minuten. {call_to_action}.",
            "landing_intro": "{partner} und {vendor} helfen {account}, die Datenplattform zu modernisieren und "
                             "Berichte in Minuten statt Tagen zu erstellen.",
            "disclaimer": "{vendor} und das {vendor}-Logo sind Marken von {vendor} Inc.",
        },
        "fr": {  # email only: asking for social is an error
            "email_subject": "{partner} et {vendor} : modernisez votre plateforme de données",
            "email_body": "Bonjour {first_name},\n\n{partner} et {vendor} aident {account} à produire ses rapports "
                          "en quelques minutes au lieu de plusieurs jours.\n\n{call_to_action} : écrivez à "
                          "{contact_email}.\n\nCordialement,\nL'équipe {partner}",
            "call_to_action": "Réservez une revue d'architecture de 30 minutes",
            "disclaimer": "{vendor} et le logo {vendor} sont des marques de {vendor} Inc.",
        },
        "pt": {
            "email_subject": "{partner} e {vendor}: modernize sua plataforma de dados",
            "email_body": "Olá {first_name},\n\n{partner} e {vendor} ajudam {account} a gerar relatórios em "
                          "minutos, não em dias.\n\n{call_to_action}: responda para {contact_email}.\n\n"
                          "Atenciosamente,\nEquipe {partner}",
            "call_to_action": "Agende uma revisão de arquitetura de 30 minutos",
            "social_post": "{partner} e {vendor}: relatórios que levavam um dia agora levam minutos. "
                           "{call_to_action}.",
            "landing_intro": "{partner} e {vendor} ajudam {account} a modernizar a plataforma de dados e a gerar "
                             "relatórios em minutos.",
            "disclaimer": "{vendor} e o logotipo {vendor} são marcas registradas da {vendor} Inc.",
        },
        "ja": {
            "email_subject": "{partner}と{vendor}：データ基盤を刷新しませんか",
            "email_body": "{first_name}様\n\n{partner}と{vendor}は、{account}のレポート作成を数日から数分に短縮します。"
                          "\n\n{call_to_action}：{contact_email}までご返信ください。\n\nよろしくお願いいたします。\n{partner}",
            "call_to_action": "30分のアーキテクチャレビューを予約する",
            "social_post": "{partner}と{vendor}：一日かかっていたレポートが数分で完成します。{call_to_action}。",
            "landing_intro": "{partner}と{vendor}が、{account}のデータ基盤の刷新を支援します。",
            "disclaimer": "{vendor}および{vendor}のロゴは{vendor} Inc.の商標です。",
        },
    },
}

ADMIN = Scope("u-admin", "admin")
CM = Scope("u-cm", "channel_manager")
MKT = Scope("u-mkt", "marketer")
SELLER = Scope("u-seller", "partner_seller", partner_id="P-1")


def add_kit(ctx: AppContext, kit: dict) -> None:
    with ctx.store.session() as s:
        s.merge(R.CampaignKitRow(kit_id=kit["kit_id"], name=kit.get("name", kit["kit_id"]),
                                 source=f"campaigns/{kit['kit_id']}.yaml", data=kit))


def build_ctx(tmp_path: Path, kits: tuple[dict, ...] = (KIT,), vendor: dict = VENDOR, **settings) -> AppContext:
    """A store with two partners, one account on each partner's deal, the vendor and the kits."""
    settings.setdefault("lead_form_url", FORM_URL)
    ctx = AppContext(Settings(home=tmp_path / "home", today="2026-03-31", **settings))
    with ctx.store.session() as s:
        s.add_all([
            R.Partner(partner_id="P-1", name="Contoso Consulting GmbH", brand_name="Contoso", type="var",
                      tier="gold", brand_color="#0a66c2", tagline="Data done right",
                      contact_email="hello@contoso.example", industries=["Retail"]),
            R.Partner(partner_id="P-2", name="Fabrikam Ltd", type="reseller", tier="silver"),
            R.Account(account_id="A-1", name="Acme Bank", industry="Financial Services", status="prospect"),
            R.Account(account_id="A-2", name="Globex Retail", industry="Retail", status="customer"),
            R.Opportunity(opportunity_id="O-1", account_id="A-1", name="Acme lakehouse", stage="proposal",
                          partner_id="P-1", partner_role="sourced"),
            R.Opportunity(opportunity_id="O-2", account_id="A-2", name="Globex", stage="proposal",
                          partner_id="P-2", partner_role="sourced"),
        ])
    ctx.store.set_meta("vendor", vendor)
    for kit in kits:
        add_kit(ctx, kit)
    return ctx


@pytest.fixture()
def ctx(tmp_path):
    ctx = build_ctx(tmp_path)
    yield ctx
    ctx.close()


def failed(draft: DraftResponse) -> dict[str, str]:
    return {c.name: c.detail for c in draft.checks if not c.passed}


def check(draft: DraftResponse, name: str):
    return next(c for c in draft.checks if c.name == name)


# --- the test helper the lead runs on the ingested demo --------------------------------------------


def all_combinations_pass(ctx: AppContext, partner_ids: list[str]) -> int:
    """Draft every kit x locale x channel for each partner (as the operator, not saved, no LLM) and
    assert every check passes. Returns how many drafts were made."""
    with ctx.store.session() as s:
        kits = [(row.kit_id, dict(row.data or {})) for row in s.scalars(select(R.CampaignKitRow))]
    made, failures = 0, []
    for partner_id in partner_ids:
        for kit_id, data in kits:
            for tag, block in (data.get("locales") or {}).items():
                for channel in available_channels(block):
                    draft = draft_content(ctx, Scope.operator(), partner_id, kit_id, tag, channel,
                                          save=False, use_llm=False)
                    made += 1
                    failures += [(partner_id, kit_id, tag, channel, n, d) for n, d in failed(draft).items()]
    assert made, "no kit, locale or channel to draft"
    assert not failures, failures[:20]
    return made


def test_all_combinations_of_the_tiny_kit_pass(ctx):
    assert all_combinations_pass(ctx, ["P-1", "P-2"]) == 2 * (3 + 3 + 1 + 3 + 3)


# --- channels ------------------------------------------------------------------------------------


def test_email_is_cobranded_personalised_and_saved(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-1")
    assert draft.subject == "Contoso and Northwind Data: modernise your data platform"
    assert draft.body.startswith("Hi there,\n\nContoso and Northwind Data help Acme Bank in Financial Services")
    assert "A European bank cut its month-end close" in draft.body  # the bank proof point for a bank
    assert "reply to hello@contoso.example" in draft.body
    assert "Contoso | Data done right" in draft.body  # the tagline signs the email
    assert draft.body.endswith(DISCLAIMER_EN)
    assert failed(draft) == {}
    assert [c.name for c in draft.checks] == [
        "locale_resolved", "disclaimer_present", "both_brands_named", "no_leftover_placeholder",
        "no_other_partner_named", "subject_length", "language", "reflowed", "tagline_locale"]
    assert draft.status == "pending" and draft.draft_id and draft.html is None
    saved = get_draft(ctx, ADMIN, draft.draft_id)
    assert (saved.body, saved.subject, saved.status, saved.created_by) == (draft.body, draft.subject, "pending", "u-admin")


def test_cli_json_contract(ctx):
    payload = draft_content(ctx, ADMIN, "P-1", "lakehouse", "de-DE", "email").model_dump(mode="json")
    for key in ("kit_id", "partner_id", "locale", "channel", "subject", "body", "checks", "draft_id", "status",
                "resolved_locale", "html"):
        assert key in payload
    assert payload["locale"] == "de-DE" and payload["resolved_locale"] == "de"
    assert set(payload["checks"][0]) == {"name", "passed", "detail"}


def test_social_has_no_subject_and_a_length_check(ctx):
    draft = draft_content(ctx, MKT, "P-1", "lakehouse", "en", "social")
    assert draft.subject is None
    assert draft.body.startswith("Contoso + Northwind Data: reporting that took a day now takes minutes. Book a")
    assert DISCLAIMER_EN in draft.body
    assert check(draft, "social_length").passed and failed(draft) == {}


def test_landing_is_a_whole_page_with_a_lead_form(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing", account_id="A-1")
    assert draft.subject is None and draft.html.startswith("<!DOCTYPE html>")
    assert "border-top:6px solid #0A66C2" in draft.html  # the brand colour as the accent
    assert f'<form method="post" action="{FORM_URL}">' in draft.html and "mailto:" not in draft.html
    assert "<h1" in draft.html and "Data done right" in draft.html and DISCLAIMER_EN in draft.html
    assert check(draft, "html_safe").passed and failed(draft) == {}
    saved = get_draft(ctx, ADMIN, draft.draft_id)
    assert saved.html == draft.html and saved.body == html_to_text(draft.html)


def test_landing_escapes_a_hostile_brand_and_tagline(ctx):
    with ctx.store.session() as s:
        s.add(R.Partner(partner_id="P-X", name="Evil", type="var", tier="gold",
                        brand_name="<script>alert(1)</script>Evil", tagline='<img src=x onerror="alert(1)">',
                        brand_color="red;background:url(javascript:alert(1))",
                        contact_email="javascript:alert(1)//@x.example"))
    draft = draft_content(ctx, ADMIN, "P-X", "lakehouse", "en", "landing")
    html = draft.html
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Evil" in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "href=" not in html and "javascript" not in html
    assert "url(" not in html and "#1F2937" in html  # the invalid colour is replaced by a neutral one
    assert check(draft, "html_safe").passed


# --- locale resolution ---------------------------------------------------------------------------


@pytest.mark.parametrize("requested, resolved, detail", [
    ("en", "en", ""),
    ("DE", "de", ""),
    ("de-AT", "de", "de-AT not in kit; used de"),
    ("fr-CA", "fr", "fr-CA not in kit; used fr"),
    ("pt-br", "pt", "pt-BR not in kit; used pt"),
])
def test_locale_resolution_within_the_language(ctx, requested, resolved, detail):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", requested, "email")
    assert draft.resolved_locale == resolved
    assert check(draft, "locale_resolved").passed and check(draft, "locale_resolved").detail == detail
    assert failed(draft) == {}


def test_pt_br_is_distinct_from_pt(tmp_path):
    kit = copy.deepcopy(KIT)
    kit["locales"]["pt-BR"] = {**kit["locales"]["pt"], "email_subject": "{partner} e {vendor}: sua plataforma"}
    ctx = build_ctx(tmp_path, kits=(kit,))
    assert draft_content(ctx, ADMIN, "P-1", "lakehouse", "PT-br", "email").subject.endswith("sua plataforma")
    assert draft_content(ctx, ADMIN, "P-1", "lakehouse", "pt", "email").resolved_locale == "pt"
    assert draft_content(ctx, ADMIN, "P-1", "lakehouse", "pt-PT", "email").resolved_locale == "pt"


def test_unknown_language_falls_back_to_the_default_with_a_failed_check(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "sv-SE", "email")
    assert draft.resolved_locale == "en" and draft.body.startswith("Hi there,")
    assert failed(draft) == {"locale_resolved": "sv-SE not in kit (has de, en, fr, ja, pt); used the default locale en"}


def test_default_locale_comes_from_vendor_yaml(tmp_path):
    ctx = build_ctx(tmp_path, vendor={**VENDOR, "default_locale": "de"})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "it", "email")
    assert draft.resolved_locale == "de" and draft.body.startswith("Hallo zusammen,")


def test_locale_defaults_to_the_users_locale(ctx):
    scope = Scope("u-x", "marketer", locale="ja-JP")
    draft = draft_content(ctx, scope, "P-1", "lakehouse", None, "social")
    assert draft.resolved_locale == "ja" and failed(draft) == {}


def test_japanese_gets_a_polite_generic_addressee(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "ja", "email")
    assert draft.body.startswith("ご担当者様\n\nContosoとNorthwind Dataは、貴社のレポート作成")
    assert failed(draft) == {}


def test_a_formal_salutation_gets_a_formal_generic(tmp_path):
    ctx = build_ctx(tmp_path, kits=(_kit_with(email_body="Dear {first_name},\n\n{partner} and {vendor} help."),))
    assert draft_content(ctx, ADMIN, "P-1", "bad", "en", "email").body.startswith("Dear Sir or Madam,\n\n")


def test_empty_generic_salutation_leaves_no_stray_space(ctx):
    assert draft_content(ctx, ADMIN, "P-1", "lakehouse", "fr", "email").body.startswith("Bonjour,\n\nContoso et")


def test_invalid_locale_tag_is_bad_input(ctx):
    with pytest.raises(BadInput, match="invalid locale tag 'not a tag'"):
        draft_content(ctx, ADMIN, "P-1", "lakehouse", "not a tag", "email")


def test_a_channel_the_locale_lacks_is_bad_input(ctx):
    with pytest.raises(BadInput) as err:
        draft_content(ctx, ADMIN, "P-1", "lakehouse", "fr-CA", "social")
    assert not isinstance(err.value, NotFound)
    assert "'lakehouse'" in err.value.message and "'fr'" in err.value.message and "social" in err.value.message


def test_unknown_channel_is_bad_input(ctx):
    with pytest.raises(BadInput, match="unknown channel 'fax'"):
        draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "fax")


@pytest.mark.parametrize("partner, kit, account, missing", [
    ("P-404", "lakehouse", None, "partner 'P-404'"),
    ("P-1", "nope", None, "campaign kit 'nope'"),
    ("P-1", "lakehouse", "A-404", "account 'A-404'"),
])
def test_unknown_ids_are_not_found(ctx, partner, kit, account, missing):
    with pytest.raises(NotFound, match=missing):
        draft_content(ctx, ADMIN, partner, kit, "en", "email", account_id=account)


# --- personalisation and checks failing on bad kits ----------------------------------------------


def test_proof_points_by_industry_from_the_raw_kit(tmp_path):
    kit = copy.deepcopy(KIT)
    kit["raw"] = {"proof_points_by_industry": {"retail": ["A grocer halved its reporting time"]}}
    ctx = build_ctx(tmp_path, kits=(kit,))
    assert "A grocer halved" in draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-2").body
    # no account: the partner's industry (Retail) that the kit also targets
    assert "A grocer halved" in draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing").html


def test_kit_level_proof_points_stay_out_of_other_languages(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "de", "email", account_id="A-1")
    assert "European bank" not in draft.body and "Acme Bank" in draft.body


def _kit_with(**en_block) -> dict:
    kit = copy.deepcopy(KIT)
    kit["kit_id"] = "bad"
    kit["locales"]["en"].update(en_block)
    kit["locales"]["en"] = {k: v for k, v in kit["locales"]["en"].items() if v is not None}  # None: drop
    return kit


@pytest.mark.parametrize("channel, block, name, detail", [
    ("email", {"email_body": "Hi {first_name}, {partner} helps. Ask {sales_rep}."}, "no_leftover_placeholder",
     "unfilled: {sales_rep}"),
    ("social", {"social_post": "Modernise your data platform with {partner}.", "disclaimer": None},
     "both_brands_named", "not named: Northwind Data"),
    ("email", {"email_subject": "{partner} and {vendor}: " + "very " * 20 + "long"}, "subject_length",
     "subject is 132 characters (max 90)"),
    ("social", {"social_post": "{partner} and {vendor}. " + "More words here. " * 40}, "social_length", None),
    ("social", {"social_post": "{partner} and {vendor}, with our friends at Fabrikam: book now."},
     "no_other_partner_named", "names another partner: Fabrikam Ltd"),
    ("social", {"social_post": "{partner} und {vendor}: Berichte, die früher einen Tag dauerten, dauern "
                               "jetzt nur noch wenige Minuten für alle Teams im Unternehmen."},
     "language", None),
    ("email", {"email_body": "Hi {first_name},\n\n{partner} and {vendor} help.\n\n{disclaimer}"},
     "no_leftover_placeholder", "unfilled: {disclaimer}"),
])
def test_each_check_can_fail(tmp_path, channel, block, name, detail):
    ctx = build_ctx(tmp_path, kits=(_kit_with(**block),))
    draft = draft_content(ctx, ADMIN, "P-1", "bad", "en", channel)
    assert name in failed(draft), draft.checks
    if detail:
        assert failed(draft)[name] == detail
    assert draft.passed is False


def test_the_disclaimer_is_appended_even_when_the_template_has_a_variant(tmp_path):
    # (disclaimer_present fails only on an LLM's text: see test_draft_llm and test_draft_checks)
    kit = _kit_with(email_body="Hi,\n\n{partner} and {vendor}.\n\n{vendor} is a trademark.")
    ctx = build_ctx(tmp_path, kits=(kit,))
    assert check(draft_content(ctx, ADMIN, "P-1", "bad", "en", "email"), "disclaimer_present").passed


def test_a_locale_without_a_disclaimer_says_so(tmp_path):
    kit = copy.deepcopy(KIT)
    kit["locales"]["en"].pop("disclaimer")
    ctx = build_ctx(tmp_path, kits=(kit,))
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "social")
    assert check(draft, "disclaimer_present").detail == "this locale has no disclaimer"


def test_unknown_language_without_generic_words_leaves_a_visible_placeholder(tmp_path):
    kit = copy.deepcopy(KIT)
    kit["locales"]["sw"] = {"social_post": "{partner} na {vendor} wanasaidia {account} kupata ripoti kwa dakika "
                                           "badala ya siku nzima za kazi ngumu."}
    ctx = build_ctx(tmp_path, kits=(kit,))
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "sw", "social")
    assert failed(draft) == {"no_leftover_placeholder": "unfilled: {account}"}
    kit["locales"]["sw"]["generic_account"] = "timu yako"
    add_kit(ctx, kit)
    assert failed(draft_content(ctx, ADMIN, "P-1", "lakehouse", "sw", "social")) == {}


# --- permissions (CLI.md "draft" row) -----------------------------------------------------------


@pytest.mark.parametrize("scope, partner, account, allowed", [
    (ADMIN, "P-2", "A-1", True),
    (CM, "P-2", "A-1", True),
    (MKT, "P-2", None, True),
    (MKT, "P-1", "A-1", False),  # marketers draft without an account
    (SELLER, "P-1", None, True),
    (SELLER, "P-2", None, False),  # another partner
    (SELLER, "P-1", "A-1", True),  # an account of the seller's own deal
    (SELLER, "P-1", "A-2", False),  # an account of another partner's deal
])
def test_permissions_row_by_row(ctx, scope, partner, account, allowed):
    if allowed:
        draft = draft_content(ctx, scope, partner, "lakehouse", "en", "email", account_id=account)
        assert draft.partner_id == partner and draft.account_id == account
    else:
        with pytest.raises(Forbidden):
            draft_content(ctx, scope, partner, "lakehouse", "en", "email", account_id=account)


def test_unknown_role_capability_is_forbidden(ctx):
    with pytest.raises(Forbidden):
        draft_content(ctx, Scope("u-y", "nobody"), "P-1", "lakehouse", "en", "email")


def test_no_other_partner_check_reads_all_partners_even_for_a_seller(tmp_path):
    ctx = build_ctx(tmp_path, kits=(_kit_with(social_post="{partner} and {vendor} beat Fabrikam."),))
    assert "no_other_partner_named" in failed(draft_content(ctx, SELLER, "P-1", "bad", "en", "social"))


# --- the approval workflow ---------------------------------------------------------------------


def test_approval_workflow(ctx):
    mine = draft_content(ctx, SELLER, "P-1", "lakehouse", "en", "email", account_id="A-1")
    other = draft_content(ctx, ADMIN, "P-2", "lakehouse", "de", "social")
    plain = draft_content(ctx, MKT, "P-1", "lakehouse", "en", "social")
    ids = lambda scope, **kw: {d.draft_id for d in list_drafts(ctx, scope, **kw).drafts}
    assert ids(ADMIN) == ids(CM) == {mine.draft_id, other.draft_id, plain.draft_id}
    assert ids(SELLER) == {mine.draft_id, plain.draft_id}
    assert ids(MKT) == {other.draft_id, plain.draft_id}  # marketers see no account's draft
    assert ids(ADMIN, partner_id="P-2") == {other.draft_id}
    with pytest.raises(Forbidden):
        list_drafts(ctx, SELLER, partner_id="P-2")
    with pytest.raises(Forbidden):
        get_draft(ctx, SELLER, other.draft_id)
    with pytest.raises(Forbidden):
        get_draft(ctx, MKT, mine.draft_id)

    with pytest.raises(Forbidden):
        review_draft(ctx, SELLER, mine.draft_id, "approved", "")
    with pytest.raises(BadInput, match="a rejection needs a comment"):
        review_draft(ctx, MKT, plain.draft_id, "rejected", "  ")
    done = review_draft(ctx, MKT, plain.draft_id, "approved", None)
    assert (done.status, done.reviewed_by, done.reviewed_at is not None) == ("approved", "u-mkt", True)
    with pytest.raises(BadInput, match="already approved by u-mkt"):
        review_draft(ctx, CM, plain.draft_id, "rejected", "too late")
    rejected = review_draft(ctx, CM, other.draft_id, "reject", "Use the Austrian greeting")
    assert (rejected.status, rejected.review_comment) == ("rejected", "Use the Austrian greeting")
    assert ids(ADMIN, status="pending") == {mine.draft_id}
    assert ids(ADMIN, status="approved") == {plain.draft_id}
    with pytest.raises(NotFound):
        review_draft(ctx, ADMIN, "DR-NOPE", "approved", "")
    with pytest.raises(BadInput, match="unknown decision 'maybe'"):
        review_draft(ctx, ADMIN, mine.draft_id, "maybe", "")
    with pytest.raises(BadInput, match="unknown draft status"):
        list_drafts(ctx, ADMIN, status="done")


def test_approving_a_draft_that_failed_checks_needs_a_comment(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "sv", "email")
    with pytest.raises(BadInput, match=r"failed checks \(locale_resolved\)"):
        review_draft(ctx, CM, draft.draft_id, "approved", "")
    assert review_draft(ctx, CM, draft.draft_id, "approved", "English is fine for this market").status == "approved"


def test_save_false_stores_nothing(ctx):
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", save=False)
    assert (draft.draft_id, draft.status) == (None, "unsaved")
    assert list_drafts(ctx, ADMIN).drafts == []


def test_registered_as_an_assistant_tool(ctx):
    from tools.content_drafts.service import DraftArgs
    from tools.registry import _TOOLS

    spec = _TOOLS["draft_content"]
    assert spec.args is DraftArgs and "campaign kit" in spec.description
    result = spec.func(ctx, MKT, DraftArgs(partner_id="P-1", kit_id="lakehouse", channel="landing", locale="de"))
    assert result.html and result.resolved_locale == "de" and result.status == "pending"
