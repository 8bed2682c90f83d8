"""The draft checks and the locale helpers as pure functions: each check passes and fails."""
from __future__ import annotations

import pytest

from assistant.core.errors import BadInput
from tools.content_drafts.checks import (
    CheckSubject,
    check_both_brands,
    check_disclaimer,
    check_glossary,
    check_html_safe,
    check_language,
    check_locale,
    check_other_partners,
    check_placeholders,
    check_social_length,
    check_subject_length,
    html_to_text,
    run_checks,
)
from tools.locales import canonical_tag, fill_placeholders, langdetect_code, language_of, resolve_locale

# --- locales ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag, canonical", [
    ("en", "en"), ("PT-br", "pt-BR"), ("pt_br", "pt-BR"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"),
    ("de-CH-1996", "de-CH-1996"), (" fr-ca ", "fr-CA"),
])
def test_canonical_tag(tag, canonical):
    assert canonical_tag(tag) == canonical


@pytest.mark.parametrize("tag", ["", "e", "english please", "de--AT", "123", "de-A"])
def test_invalid_tags(tag):
    with pytest.raises(BadInput, match="invalid locale tag"):
        canonical_tag(tag)


KIT_LOCALES = ["en", "de", "fr", "pt", "ja", "en-US"]


@pytest.mark.parametrize("requested, available, resolved, kind", [
    ("de", KIT_LOCALES, "de", "exact"),
    ("DE", KIT_LOCALES, "de", "exact"),
    ("de-AT", KIT_LOCALES, "de", "language"),
    ("fr-CA", KIT_LOCALES, "fr", "language"),
    ("pt-BR", KIT_LOCALES, "pt", "language"),
    ("pt-BR", KIT_LOCALES + ["pt-BR"], "pt-BR", "exact"),
    ("pt", ["pt-BR", "en"], "pt-BR", "language"),  # a sibling of the same language beats English
    ("en-GB", ["en-US", "de"], "en-US", "language"),
    ("zh-Hant-TW", ["zh-Hant", "zh", "en"], "zh-Hant", "language"),
    ("ko", KIT_LOCALES, "en", "default"),
])
def test_resolve_locale(requested, available, resolved, kind):
    result = resolve_locale(requested, available, "en")
    assert (result.resolved, result.kind) == (resolved, kind)


def test_resolution_failing_even_for_the_default_names_the_kit():
    with pytest.raises(BadInput, match="campaign kit 'k' has no locale for 'ko' nor for the default locale 'en'"):
        resolve_locale("ko", ["de", "fr"], "en", kit_id="k")


def test_locale_check_passes_within_the_language_and_fails_across():
    assert check_locale(resolve_locale("de-AT", ["de"], "en")).passed
    failed = check_locale(resolve_locale("ko", ["de", "en"], "en"))
    assert not failed.passed and "used the default locale en" in failed.detail
    assert check_locale(resolve_locale("ko", ["en"], "en"), translated=True).detail == "ko not in kit; translated from en"


def test_langdetect_codes():
    assert [langdetect_code(t) for t in ("zh", "zh-TW", "zh-Hant", "nb-NO", "pt-BR")] == [
        "zh-cn", "zh-tw", "zh-tw", "no", "pt"]
    assert language_of("pt-BR") == "pt"


def test_fill_placeholders_is_safe_and_leaves_unknowns_visible():
    values = {"partner": "Contoso", "first_name": "", "account": "your team"}
    assert fill_placeholders("Hi {first_name}, {partner} and {unknown}", values, set()) == "Hi, Contoso and {unknown}"
    assert fill_placeholders("{account} wins. Also {account}.", values, {"account"}) == "Your team wins. Also your team."
    formal = {"first_name": {"dear": "Sir or Madam"}}
    values["first_name"] = "there"
    assert fill_placeholders("Dear {first_name}, hi {first_name}", values, {"first_name"}, formal) == (
        "Dear Sir or Madam, hi there")
    # nothing format_map would evaluate
    assert fill_placeholders("{partner.__class__} {partner!r} {0} {", values, set()) == "{partner.__class__} {partner!r} {0} {"


# --- checks --------------------------------------------------------------------------------------


def test_disclaimer():
    assert check_disclaimer("Body.\n\nNorthwind is a\ntrademark.", "Northwind is a trademark.").passed
    failed = check_disclaimer("Body only.", "Northwind is a trademark.")
    assert not failed.passed and "missing or altered" in failed.detail
    assert check_disclaimer("Body", None).detail == "this locale has no disclaimer"


def test_both_brands():
    assert check_both_brands("contoso and NORTHWIND DATA", "Contoso", "Northwind Data").passed
    assert check_both_brands("Contoso alone", "Contoso", "Northwind Data").detail == "not named: Northwind Data"


def test_placeholders():
    assert check_placeholders("all filled").passed
    assert check_placeholders("Hi {first_name} from {partner}").detail == "unfilled: {first_name}, {partner}"


@pytest.mark.parametrize("text, found", [
    ("Together with FABRIKAM we win", ["Fabrikam Ltd"]),  # legal suffix dropped, case-insensitive
    ("Call Fabrikam Ltd. today", ["Fabrikam Ltd"]),
    ("Fabrikamesque is not a name", []),  # word boundary
    ("Fabrikam株式会社と提携", ["Fabrikam Ltd"]),  # no spaces in Japanese
    ("We use IBM tools", ["IBM"]),  # short names: exact case
    ("We use ibm tools", []),
    ("Arc and all are common", []),  # "all" is a partner name here, but a common word
    ("Contoso Fabrikam Partners helps", []),  # our own brand contains the other's name: masked
])
def test_other_partners(text, found):
    others = ["Fabrikam Ltd", "IBM", "all"]
    own = ["Contoso Fabrikam Partners"] if "Contoso" in text else []
    result = check_other_partners(text, others, own)
    assert result.passed == (not found)
    if found:
        assert result.detail == "names another partner: " + ", ".join(found)


def test_lengths():
    assert check_subject_length("x" * 90).passed and not check_subject_length("x" * 91).passed
    assert check_subject_length("").detail == "the email has no subject"
    assert check_social_length("x" * 600).passed and check_social_length("x" * 601).detail == "post is 601 characters (max 600)"
    legal = "Northwind Data is a trademark of Northwind Data Inc."
    assert check_social_length("x" * 600 + "\n\n" + legal, legal).passed  # the fixed disclaimer is not copy
    assert not check_social_length("x" * 601 + "\n\n" + legal, legal).passed
    assert not check_social_length("x" * 500 + "\n\n" + legal * 60, legal * 60).passed  # networks' own limit


@pytest.mark.parametrize("text, locale, passed", [
    ("Berichte, die früher einen Tag dauerten, dauern jetzt nur noch Minuten für Ihr ganzes Team.", "de-AT", True),
    ("Berichte, die früher einen Tag dauerten, dauern jetzt nur noch Minuten für Ihr ganzes Team.", "en", False),
    ("Reporting that used to take a whole day now takes minutes for everyone on your team.", "fr", False),
    ("データ基盤を刷新しませんか。レポート作成を数日から数分に短縮します。", "ja", True),
    ("数据平台现代化，报告从几天缩短到几分钟。", "zh-CN", True),
    ("データ基盤を刷新しませんか。", "zh", False),  # kana: Japanese, not Chinese
    ("Reporting in minutes.", "ja", False),
    ("Moderniza tu plataforma de datos", "es", True),  # short: checked loosely
    ("Lakehouse Contoso", "de", True),  # nothing left once names are removed
])
def test_language(text, locale, passed):
    result = check_language(text, locale, ["Lakehouse", "Contoso"])
    assert result.passed is passed, result.detail


def test_language_ignores_names_urls_and_emails():
    text = ("Contoso Northwind Data Lakehouse https://northwind.example/very/long/path hello@contoso.example "
            "Berichte dauern jetzt nur noch Minuten statt Tagen für alle.")
    assert check_language(text, "de", ["Contoso", "Northwind Data", "Lakehouse"]).passed
    assert check_language("Reporting in minutes instead of days for your whole team, every week.", "tlh").passed


SAFE = ('<section class="cosell-landing" lang="en" style="border-top:4px solid #0A66C2;padding:16px">'
        '<h2 style="color:#0A66C2">A &amp; B</h2><p>Text &lt;script&gt; onerror=x javascript:</p>'
        '<p><a href="mailto:a@b.example" rel="noopener" style="background:#0A66C2;color:#FFFFFF">Go</a></p></section>')


@pytest.mark.parametrize("html, problem", [
    (SAFE, None),
    ("<p>x</p><script>alert(1)</script>", "tag <script> is not allowed"),
    ('<p onclick="x()">x</p>', "attribute onclick on <p> is not allowed"),
    ('<img src=x onerror="x()">', "tag <img> is not allowed"),
    ('<a href="javascript:alert(1)">x</a>', "is not http(s) or mailto"),
    ('<p style="background:url(javascript:x)">x</p>', "style"),
    ('<p style="color:red;background:#12345">x</p>', "colour #12345 is not #RRGGBB"),
    ("<p>x<!-- hidden --></p>", "HTML comments are not allowed"),
    (None, "no HTML was produced"),
    ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><form method="post" '
     'action="https://forms.example.com/l"><input type="email" name="email"></form></body></html>', None),
    ('<form action="javascript:alert(1)"></form>', "form action 'javascript:alert(1)' is not an http(s) URL"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "attribute http-equiv on <meta>"),
    ('<meta name="referrer" content="unsafe-url">', "<meta name='referrer'> is not allowed"),
    ('<input type="file" name="f">', "<input type='file'> is not allowed"),
    ('<!DOCTYPE html SYSTEM "x"><p>x</p>', "declarations other than <!DOCTYPE html>"),
])
def test_html_safe(html, problem):
    result = check_html_safe(html)
    assert result.passed is (problem is None), result.detail
    if problem:
        assert problem in result.detail


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<section><h2>A &amp; B</h2><p>x<br>y</p><p>z</p></section>") == "A & B\n\nx\ny\n\nz"


def test_glossary():
    assert check_glossary("Lakehouse by Contoso", "Lakehouse von Contoso", ["Lakehouse", "Contoso", "Unused"]).passed
    failed = check_glossary("Lakehouse by Contoso", "Seehaus von Contoso", ["Lakehouse", "Contoso"])
    assert failed.detail == "changed or dropped: Lakehouse"


def test_run_checks_picks_the_channel_checks():
    base = {"subject": None, "body": "Contoso and Northwind Data help your team with reporting every single day.",
            "html": None, "locale": "en", "disclaimer": None, "partner_brand": "Contoso",
            "vendor_name": "Northwind Data"}
    names = lambda **kw: [c.name for c in run_checks(CheckSubject(**{**base, **kw}))]
    common = ["disclaimer_present", "both_brands_named", "no_leftover_placeholder", "no_other_partner_named"]
    text = ["reflowed", "tagline_locale"]
    assert names(channel="email", subject="Hi") == common + ["subject_length", "language"] + text
    assert names(channel="social") == common + ["social_length", "language"] + text
    assert names(channel="landing", html=SAFE) == common + ["language"] + text + [
        "html_safe", "landing_complete", "contrast_aa", "lead_form"]
