"""Issue 17 (s34 class): a campaign kit's industries, its audience asked about "the <x> campaign", and its call to
action asked as "CTA" beside Japanese or by the product's name in another script. Kits and wordings differ from
the eval's; expected values come from the kits' texts."""

from __future__ import annotations

from assistant.engine.agent import ask
from assistant.engine.kits_chat import kit_texts
from retrieval.scope import scope_for_user


def _kit(ctx, scope, kit_id: str, locale: str):
    return next(k for k in kit_texts(ctx, scope, locale) if k.kit_id == kit_id)


def test_industries_of_a_kit_in_english_and_french(demo_ctx):
    scope = scope_for_user(demo_ctx.store, "u-mkt-1")
    kit = _kit(demo_ctx, scope, "ai-studio-launch", "en")
    for question in ("what sectors is the AI Studio kit aimed at?", "quels secteurs vise le kit AI Studio ?"):
        r = ask(demo_ctx, scope, question)
        assert r.tools[0].name == "kit_texts" and r.tools[0].arguments["field"] == "industries", question
        assert all(industry in r.answer for industry in kit.industries)


def test_audience_of_the_campaign_named_without_the_word_kit(demo_ctx):
    scope = scope_for_user(demo_ctx.store, "u-mkt-2")
    r = ask(demo_ctx, scope, "who is the target audience of the lakehouse campaign?")
    kit = _kit(demo_ctx, scope, "lakehouse-modernisation", r.tools[0].arguments["locale"])
    assert r.tools[0].arguments["field"] == "audience" and kit.audience in r.answer


def test_cta_beside_japanese_and_the_product_in_katakana(demo_ctx):
    scope = scope_for_user(demo_ctx.store, "u-mkt-1")
    kit = _kit(demo_ctx, scope, "streaming-realtime", "ja")
    r = ask(demo_ctx, scope, "ストリーミングのキットのCTAを日本語で")
    assert r.tools[0].name == "kit_texts" and r.tools[0].arguments["field"] == "call_to_action"
    assert kit.call_to_action in r.answer
