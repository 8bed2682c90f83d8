"""Kits listed by the language asked ("which kits exist in French?", "¿qué kits hay en portugués?"): only those with
a version in that language, matched by language ("pt" has "pt-BR"), with the kits' own locales from the store."""
from __future__ import annotations

import pytest

from assistant.engine import overview_chat
from retrieval.scope import scope_for_user
from tools.records_overview.service import _has_locale, records_overview


@pytest.mark.parametrize(("locales", "asked", "has"), [
    (["en", "pt-BR"], "pt", True), (["en", "pt"], "pt-BR", True), (["en", "de"], "fr", False),
    (["EN", "Fr-CA"], "fr-ca", True), (["ja"], "ja-JP", True),
])
def test_a_kit_has_a_locale_by_its_language(locales, asked, has):
    assert _has_locale(locales, asked) is has


def test_kits_asked_in_a_language_are_those_with_it(demo_ctx):
    scope = scope_for_user(demo_ctx.store, "u-mkt-1")
    every = records_overview(demo_ctx, scope, "kits").kits
    assert every
    for lang in ("fr", "de", "ja", "pt"):
        topic, args = overview_chat._topic_of(
            {"fr": "quels kits de campagne existent en français ?", "de": "welche Kits gibt es auf Deutsch?",
             "ja": "日本語版のあるキャンペーンキットの一覧は？", "pt": "¿qué kits hay en portugués?"}[lang],
            demo_ctx.today())
        assert topic == "kits" and args.get("locale", "").startswith(lang), (lang, args)
        listed = records_overview(demo_ctx, scope, "kits", locale=args["locale"]).kits
        assert [k.kit_id for k in listed] == [k.kit_id for k in every if _has_locale(k.locales, lang)]
