"""A partner seller's registrations narrowed the way they ask: a window ahead said in words ("in the next two
weeks", "dans les dix jours", "nos próximos sete dias") and the ones still running ("our active regs?",
"registros vigentes"): only those, with figures from the partner's own profile, never the lapsed ones
(found on a variant of the other-vendor world; tested on the demo with other partners and wordings)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from assistant.engine import router
from assistant.engine.agent import ask
from retrieval.records import User
from retrieval.scope import scope_for_user
from tools.partner_profile.service import partner_profile

TODAY = dt.date(2026, 10, 7)


@pytest.mark.parametrize(("question", "days"), [
    ("which of our registrations expire in the next two weeks?", 14),
    ("registros que vencen en los próximos quince días", 15),
    ("welche Registrierungen laufen in den nächsten zehn Tagen ab?", 10),
    ("nos registres qui expirent dans les dix jours ?", 10),
    ("registros que vencem nos próximos sete dias", 7),
    ("anything expiring in the next 3 weeks?", 21),
])
def test_a_window_ahead_in_words(question, days):
    assert router.date_window(question, TODAY) == (TODAY, TODAY + dt.timedelta(days=days))


@pytest.mark.parametrize("question", ["how do the 90 days of protection work?", "is the two-week rule real?"])
def test_numbers_without_a_window_are_none(question):
    assert router.date_window(question, TODAY) is None


@pytest.mark.parametrize("question", ["which registrations do we have active?", "welche Registrierungen laufen noch?",
                                      "¿qué registros tenemos vigentes?", "nossos registros ativos?"])
def test_still_running_cues(question):
    assert router.asks_still_running(question)


def _registered(ctx, user):
    scope = scope_for_user(ctx.store, user)
    profile = partner_profile(ctx, scope, topic="registrations")
    return [d for d in profile.deals if d.registered_by_partner and d.protection_ends]


def test_active_registrations_leave_out_the_lapsed(demo_ctx):
    today = demo_ctx.today()
    for user in ("u-ps-kingsbridge", "u-ps-alpine", "u-ps-thames", "u-ps-lonestar", "u-ps-sakura"):
        deals = _registered(demo_ctx, user)
        running = [d for d in deals if d.protection_ends >= today]
        lapsed = [d for d in deals if d.protection_ends < today]
        if running and lapsed:
            break
    else:
        pytest.fail("no demo seller with both running and lapsed registrations")
    r = ask(demo_ctx, scope_for_user(demo_ctx.store, user), "which of our registrations are still active?")
    assert [t.name for t in r.tools] == ["partner_profile"]
    for d in running:
        assert d.opportunity_id in r.answer
    for d in lapsed:
        assert d.opportunity_id not in r.answer


def test_none_running_still_names_the_lapsed(demo_ctx):
    today = demo_ctx.today()
    with demo_ctx.store.session() as session:
        users = list(session.scalars(select(User.user_id).where(User.role == "partner_seller")))
    for user in users:
        deals = _registered(demo_ctx, user)
        if deals and all(d.protection_ends < today for d in deals):
            break
    else:
        pytest.fail("no demo seller whose registrations have all lapsed")
    r = ask(demo_ctx, scope_for_user(demo_ctx.store, user), "do we have any registered deals right now?")
    for d in deals[:5]:
        assert d.opportunity_id in r.answer and d.protection_ends.isoformat() in r.answer, r.answer


@pytest.mark.parametrize("question", ["how many active registrations do we have?",
                                      "combien d'enregistrements actifs avons-nous ?",
                                      "wie viele Registrierungen laufen noch?", "¿cuántos registros vigentes tenemos?"])
def test_how_many_running_registrations_says_the_count(demo_ctx, question):
    today = demo_ctx.today()
    for user in ("u-ps-kingsbridge", "u-ps-alpine", "u-ps-thames", "u-ps-lonestar", "u-ps-sakura"):
        running = [d for d in _registered(demo_ctx, user) if d.protection_ends >= today]
        if running:
            break
    else:
        pytest.fail("no demo seller with a running registration")
    r = ask(demo_ctx, scope_for_user(demo_ctx.store, user), question)
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
    assert f"{len(running)} " in r.answer.splitlines()[0], r.answer  # the count, not only the list
