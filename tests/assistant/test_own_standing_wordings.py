"""Issue 17, classes of the s34 development set: a partner's standing asked in words the cues did not know
(registered deals listed, certified people counted, revenue won, a tier's gap, a partner's tier), and words
with accents no longer "repaired" into another word. Wordings, askers and partners differ from the eval's;
expected figures come from the tools, never literals."""

from __future__ import annotations

from assistant.engine.agent import ask
from assistant.engine.intent_cues import normalise, profile_topics, won_asked
from assistant.engine.router import profile_topic
from retrieval.scope import scope_for_user
from tools.partner_profile.service import partner_profile


def _ask(ctx, user: str, question: str, thread_id: str | None = None):
    return ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)


def _num(value: float) -> str:
    return f"{value:,.0f}"


def test_accented_words_are_not_repaired_into_cue_words():
    assert "certifiées" in normalise("combien de personnes certifiées ?")
    assert "enregistrées" in normalise("nos affaires enregistrées")


def test_listing_registered_deals_is_the_registrations_topic_in_five_languages():
    for q in ("show me the deals we registered", "which opps have we registered so far?",
              "zeig mir unsere registrierten Deals", "quelles affaires avons-nous enregistrées ?",
              "cuáles oportunidades tenemos registradas?", "que registros nós temos?",
              "登録済みの案件を見せて"):
        assert profile_topic(q, set(), True) == "registrations", q
    # a rule about registrations is no listing of ours
    assert profile_topic("what registrations does the vendor accept?", set(), True) is None


def test_counting_certified_people_in_other_words():
    for q in ("how many certs does our team have?", "number of certified engineers on our side?",
              "nombre de certifiés dans notre équipe ?", "número de personas certificadas en nuestra empresa?"):
        assert profile_topic(q, set(), True) == "certifications", q


def test_tier_gap_and_tier_of_a_named_partner():
    for q in ("gap between them and gold?", "what's the shortfall to platinum for them?",
              "what's <x>'s current tier?", "what tier is that partner?", "あのパートナーのランクは？"):
        assert "tier" in profile_topics(q), q
    assert profile_topic("what tier is that partner?", {"partner"}, False) == "tier"
    assert won_asked("how much have they won so far?") and won_asked("quanto ganhamos?")
    assert won_asked("wie viel hat der Partner gewonnen?") and not won_asked("how do we win more deals?")


def test_seller_lists_registered_deals_then_picks_one_by_number(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-lyon")
    regs = partner_profile(demo_ctx, seller, topic="registrations").deals
    registered = [d for d in regs if d.registered_by_partner]
    assert registered, "the demo's Lyon Analytique has registered a deal"
    fr = _ask(demo_ctx, "u-ps-lyon", "quelles affaires avons-nous enregistrées ?")
    assert fr.tools[0].name == "partner_profile" and fr.tools[0].arguments.get("topic") == "registrations"
    assert all(d.opportunity_id in fr.answer for d in registered)
    picked = _ask(demo_ctx, "u-ps-lyon", "1", fr.thread_id)  # the first one listed
    assert registered[0].opportunity_id in picked.answer


def test_seller_counts_certified_people(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-kaiser")
    count = partner_profile(demo_ctx, seller, topic="certifications")
    r = _ask(demo_ctx, "u-ps-kaiser", "how many certs does our team have?")
    assert r.tools[0].arguments.get("topic") == "certifications"
    assert str(count.certified_total) in r.answer


def test_channel_manager_asks_a_partners_tier_gap_and_won_revenue(demo_ctx):
    cm = scope_for_user(demo_ctx.store, "u-cm-2")
    tier = partner_profile(demo_ctx, cm, partner_id="P-019", topic="tier", tier="platinum")
    r = _ask(demo_ctx, "u-cm-2", "what's the gap between Keystone and platinum?")
    assert r.tools[0].name == "partner_profile" and r.tools[0].arguments.get("tier") == "platinum"
    revenue = next(c for c in tier.next_tier_checks if c.money)
    assert _num(revenue.value) in r.answer
    won = _ask(demo_ctx, "u-cm-2", "cuánto ha ganado Keystone?")
    assert won.tools[0].name == "partner_profile" and _num(revenue.value) in won.answer
    quarter = _ask(demo_ctx, "u-cm-2", "how much did Keystone win last quarter?")
    assert quarter.tools[0].name == "programme_attribution"
    assert quarter.tools[0].arguments.get("from_date", "").endswith("-01")


def test_a_name_beside_a_registration_word_that_is_nowhere_does_not_exist(demo_ctx):
    for user, question, name in (("u-ps-keystone", "when does our Halvorsen Shipping reg run out?", "Halvorsen Shipping"),
                                 ("u-ps-alpine", "Brandauer Textilwerke – haben wir das registriert?",
                                  "Brandauer Textilwerke")):
        r = _ask(demo_ctx, user, question)
        assert not r.tools and name in r.answer, question
    # the programme's own capitalised things beside "registration" are no deal
    r = _ask(demo_ctx, "u-ps-keystone", "what does the Partner Portal registration form ask for?")
    assert r.tools and r.tools[0].name == "search_content"


def test_mdf_burnt_and_this_year_in_brazilian_portuguese():
    from assistant.engine.router import mdf_period

    for q in ("how much MDF did we burn last quarter?", "mdf burn so far?"):
        assert "mdf" in profile_topics(q), q
    assert mdf_period("quanto MDF usamos nesse ano?", 2026) == "2026"
    assert mdf_period("MDF desse ano?", 2026) == "2026"
