"""Pure helpers: domains, locales, country names, and how values are written back to CSV."""

from __future__ import annotations

import datetime as dt

import pytest

from connectors.countries import COUNTRY_CODES, country_code_for
from connectors.csv_folder import format_cell
from connectors.fields import normalise_domain, normalise_locale


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("acme.com", "acme.com"),
        ("https://www.Acme.com/about?x=1", "acme.com"),
        ("WWW.ACME.CO.UK.", "acme.co.uk"),
        ("http://user@shop.acme.de:8080/p#top", "shop.acme.de"),
        ("//cdn.acme.io/x", "cdn.acme.io"),
        ("acme", None),
        ("not a domain", None),
        ("https://", None),
    ],
)
def test_domains_are_reduced_to_a_bare_host(raw, host):
    assert normalise_domain(raw) == host


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("de", "de"),
        ("pt-br", "pt-BR"),
        ("ZH-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("fr-CA", "fr-CA"),
        ("en-US-x-Twain", "en-US-x-twain"),
        ("en_US", None),
        ("english", None),
        ("d", None),
        ("de-", None),
    ],
)
def test_locale_tags_are_checked_and_cased(raw, tag):
    assert normalise_locale(raw) == tag


def test_country_codes_and_names():
    assert len(COUNTRY_CODES) == 249 and {"DE", "US", "GB", "BR", "JP"} <= COUNTRY_CODES
    assert [
        country_code_for(n)
        for n in (
            "Germany",
            "united states",
            "USA",
            "UK",
            "Côte d'Ivoire",
            "Korea, Republic of",
            "The Netherlands",
            "gb",
            "Atlantis",
            "",
        )
    ] == ["DE", "US", "US", "GB", "CI", "KR", "NL", "GB", None, None]


def test_cells_are_written_as_the_import_format_reads_them():
    assert [
        format_cell(v)
        for v in (
            None,
            ["a", "b;c"],
            {"Lakehouse": 12, "AI": 3},
            dt.date(2026, 3, 31),
            1e20,
            125000.5,
            float("nan"),
            "x\x00y",
            True,
        )
    ] == [
        "",
        "a;b,c",
        "Lakehouse:12;AI:3",
        "2026-03-31",
        "100000000000000000000",
        "125000.5",
        "",
        "xy",
        "true",
    ]
