"""Programme questions in chat: routing in several languages, periods, permissions, and the answers' figures
coming from the analytics service."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.analytics_chat import intent_of, period_of

TODAY = dt.date(2026, 11, 15)


@pytest.mark.parametrize("question,intent", [
    ("how much did partners source this quarter?", "attribution"),
    ("ROPI for Alpine last year", "attribution"),
    ("What share of won revenue came from partners?", "attribution"),
    ("Wie viel Umsatz haben Partner dieses Jahr beigesteuert?", "attribution"),
    ("¿Cuánto originaron los socios el año pasado?", "attribution"),
    ("who's at risk?", "at_risk"),
    ("which partners are at risk of churning?", "at_risk"),
    ("Welche Partner sind gefährdet?", "at_risk"),
    ("Quels partenaires sont à risque ?", "at_risk"),
    ("Quais parceiros estão em risco?", "at_risk"),
    ("how long do new partners take to close their first deal?", "first_win"),
    ("Wie lange brauchen neue Partner bis zum ersten Abschluss?", "first_win"),
    ("新しいパートナーが最初の受注までにかかる期間は?", "first_win"),
    ("which of my deals are at risk?", None),
    ("what is the deal registration policy?", None),
    ("which partner should I bring into the Globex deal?", None),
])
def test_intent(question, intent):
    assert intent_of(question, set()) == intent


def test_a_named_deal_is_not_a_programme_question():
    assert intent_of("who sourced this deal?", {"opportunity"}) is None


def test_periods():
    assert period_of("this quarter", TODAY) == ("2026-10-01", "2026-11-15")
    assert period_of("last quarter", TODAY) == ("2026-07-01", "2026-09-30")
    assert period_of("ROPI letztes Jahr", TODAY) == ("2025-01-01", "2025-12-31")
    assert period_of("cette année", TODAY) == ("2026-01-01", "2026-11-15")
    assert period_of("先月", TODAY) == ("2026-10-01", "2026-10-31")
    assert period_of("partner revenue", TODAY) == (None, None)


@pytest.mark.parametrize("question,period", [
    ("sourced revenue of Fjord Partners for 2024?", ("2024-01-01", "2024-12-31")),  # a year named
    ("ROPI FY2025", ("2025-01-01", "2025-12-31")),
    ("Umsatz der Partner im Jahr 2026", ("2026-01-01", "2026-11-15")),  # this year: up to today
    ("ROPI im Q2", ("2026-04-01", "2026-06-30")),  # a quarter without a year is this year's
    ("influenced revenue T4 2025", ("2025-10-01", "2025-12-31")),  # French trimestre, its year
    ("partner revenue in the second half of 2025", ("2025-07-01", "2025-12-31")),
    ("ROPI H1", ("2026-01-01", "2026-06-30")),
    ("上半期のパートナー売上", ("2026-01-01", "2026-06-30")),
    ("won with partners in august 2025", ("2025-08-01", "2025-08-31")),  # a month with its year
    ("what did partners source since april?", ("2026-04-01", "2026-11-15")),
    ("partner revenue for 2031", (None, None)),  # still to come: no period, the default window
    ("ROPI on MDF-0012", (None, None)),  # an id is no year
    ("ROPI over the last 12 months", (None, None)),
])
def test_named_periods(question, period):
    assert period_of(question, TODAY) == period


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    """The demo world, records only (no content to embed)."""
    import shutil

    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from connectors.csv_folder import read_import_folder
    from evals.demo.generator import generate
    from retrieval.ingest import replace_records

    folder = tmp_path_factory.mktemp("chat") / "import"
    generate(folder, today=TODAY)
    shutil.rmtree(folder / "content", ignore_errors=True)
    ctx = AppContext(Settings(home=tmp_path_factory.mktemp("chat-home"), today=TODAY))
    replace_records(ctx, read_import_folder(folder))
    yield ctx
    ctx.close()


def test_answers_in_chat(demo_ctx):
    from assistant.engine.agent import ask
    from retrieval.scope import Scope, scope_for_user
    from tools.analytics import service

    answer = ask(demo_ctx, Scope.operator(), "how much did partners source this quarter?")
    today = demo_ctx.today()
    start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    totals = service.attribution(demo_ctx, Scope.operator(), start, today).totals
    assert f"{totals.sourced:,.0f}" in answer.answer
    risk = ask(demo_ctx, Scope.operator(), "who's at risk?")
    first = service.portfolio(demo_ctx, Scope.operator()).at_risk[0]
    assert "1. " in risk.answer and f"({first})" in risk.answer.splitlines()[1]
    seller = scope_for_user(demo_ctx.store, "u-ps-alpine")
    refused = ask(demo_ctx, seller, "who's at risk?")
    # a German seller (users.csv locale de) is refused in German
    assert "nicht nachgeschlagen" in refused.answer and "health" not in refused.answer
    own = ask(demo_ctx, seller, "what is our ROPI this year?")
    assert seller.partner_id in own.answer and "partner share" not in own.answer


@pytest.mark.parametrize("question", [
    "is there a SPIFF for our reps when we close a first deal?",
    "Gibt es eine Prämie für den ersten Abschluss?",
    "¿Cuál es la comisión para vendedores por el primer negocio cerrado?",
    "Existe comissão pro vendedor no primeiro negócio fechado?",
    "y a-t-il une prime pour notre premier contrat ?",
])  # fmt: skip
def test_what_the_programme_pays_for_a_first_deal_is_a_rule_not_our_first_win(question):
    assert intent_of(question, set()) is None
    assert intent_of("when did we close our first deal?", set()) == "first_win"
