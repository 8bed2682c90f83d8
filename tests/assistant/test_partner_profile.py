"""A partner's own standing ("us"): the partner_profile tool, the ingest of channel_manager/employees, and
routing of "us" questions in several languages (programme questions stay with the content)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import pytest

from assistant.core.errors import Forbidden
from assistant.engine import router
from assistant.engine.agent import ask
from assistant.engine.deterministic import plan_turn
from connectors.csv_folder import read_import_folder
from retrieval.scope import scope_for_user
from tests.assistant import profile_world
from tools.partner_profile.service import partner_profile, quarter_months


@pytest.fixture()
def ctx(tmp_path):
    ctx = profile_world.build(tmp_path / "home")
    yield ctx
    ctx.close()


def test_profile_numbers_from_the_records(ctx):
    seller = scope_for_user(ctx.store, "u-ps1")
    out = partner_profile(ctx, seller, topic="overview")
    assert out.partner_id == "P-001" and out.tier == "gold"
    assert out.mdf_allocated == 30000 and out.mdf_spent == 8000 and out.mdf_left == 22000
    assert out.certified_total == 4 and out.certified == {"Lakehouse": 3, "Governance": 1}
    assert out.channel_manager.model_dump() == {"user_id": "u-cm", "name": "Chris Channel", "email": None}
    registered = {d.opportunity_id: d for d in out.deals if d.registered_by_partner}
    assert registered["OPP-004"].days_left == 45 and str(registered["OPP-004"].protection_ends) == "2026-04-15"
    assert [c.opportunity_id for c in out.conflicts] == ["OPP-001"]  # Thames registered at Acme
    assert out.next_tier == "platinum" and any(not c.met for c in out.next_tier_checks)


def test_profile_is_scoped(ctx):
    seller = scope_for_user(ctx.store, "u-ps1")
    with pytest.raises(Forbidden):
        partner_profile(ctx, seller, partner_id="P-002")
    answer = ask(ctx, seller, "any registration conflicts on our deals right now?").answer
    assert "OPP-001" in answer and "Thames" not in answer and "OPP-007" not in answer


def test_channel_manager_column_is_checked_against_users(demo_folder, tmp_path):
    folder = tmp_path / "import"
    shutil.copytree(demo_folder, folder, ignore=shutil.ignore_patterns("content", "campaigns"))
    with open(folder / "users.csv", newline="", encoding="utf-8") as f:
        manager = next(r["user_id"] for r in csv.DictReader(f) if r["role"] == "channel_manager")
    path = folder / "partners.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0]) + [c for c in ("channel_manager", "employees") if c not in rows[0]]  # the demo has one
    rows[0].update(channel_manager=manager, employees="120")
    rows[1].update(channel_manager="u-nobody", employees="")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    bundle = read_import_folder(folder)
    by_id = {p.partner_id: p for p in bundle.partners}
    assert by_id[rows[0]["partner_id"]].channel_manager == manager
    assert by_id[rows[0]["partner_id"]].employees == 120
    assert by_id[rows[1]["partner_id"]].channel_manager is None  # kept, without the unknown manager
    problems = [r for r in bundle.rejected if r.column == "channel_manager"]
    assert len(problems) == 1 and problems[0].file == "partners.csv" and problems[0].line == 3
    assert "u-nobody" in problems[0].message and "users.csv" in problems[0].message


@pytest.mark.parametrize(("question", "topic"), [
    ("how far are we from platinum?", "tier"),
    ("Was fehlt uns noch, um Platin zu erreichen?", "tier"),
    ("Wie viel MDF haben wir noch übrig?", "mdf"),
    ("il nous reste combien de MDF ?", "mdf"),
    ("combien de personnes certifiées avons-nous ?", "certifications"),
    ("¿qué registros nuestros vencen pronto?", "registrations"),
    ("which of my regs run out this month", "registrations"),
    ("quem é o nosso gerente de canal?", "channel_manager"),
    ("do we have any conflicts on our registrations?", "conflicts"),
    ("nossos negócios abertos?", "deals"),
    ("弊社のMDFの残りはいくら？", "mdf"),
    ("弊社の認定資格者は何人？", "certifications"),
])  # fmt: skip
def test_us_questions_route_to_the_profile(ctx, question, topic):
    seller = scope_for_user(ctx.store, "u-ps1")
    p = plan_turn(ctx, seller, question)
    assert (p.intent, p.arguments.get("topic"), p.arguments.get("partner_id")) == ("profile", topic, "P-001")


@pytest.mark.parametrize("question", [
    "what happens when a registration expires?",
    "wie lange ist eine Deal-Registrierung bei uns geschützt?",
    "what are the requirements for gold?",
    "how are registration conflicts resolved?",
    "who approves MDF requests?",
    "what's the max discount a channel manager can approve?",
])  # fmt: skip
def test_programme_questions_stay_with_the_content(ctx, question):
    seller = scope_for_user(ctx.store, "u-ps1")
    assert plan_turn(ctx, seller, question).intent == "search"


def test_internal_user_names_the_partner(ctx):
    cm = scope_for_user(ctx.store, "u-cm")
    p = plan_turn(ctx, cm, "who is the channel manager for Alpine IT?")
    assert (p.intent, p.arguments) == ("profile", {"topic": "channel_manager", "partner_id": "P-001"})
    assert "Chris Channel" in ask(ctx, cm, "who is the channel manager for Alpine IT?").answer


def test_profile_topic_needs_us_or_a_partner():
    assert router.profile_topic("how much MDF have we spent?", set(), is_partner=False) == "mdf"
    assert router.profile_topic("how much MDF is spent on events typically?", set(), is_partner=False) is None
    assert router.profile_topic("how many certified staff does it take?", set(), is_partner=True) is None


@pytest.mark.parametrize(("question", "kinds", "topic"), [
    # the asker's own records asked in another language's word order
    ("il reste combien de jours de protection sur le deal Quantum ?", {"opportunity"}, "registrations"),
    ("wie viele Tage Schutz bleiben uns noch beim Stadtwerke-Deal?", {"opportunity"}, "registrations"),
    ("今月期限切れになる登録はありますか？", set(), "registrations"),
    ("welche Registrierungen laufen nächsten Monat ab?", set(), "registrations"),
    ("wie viel Umsatz haben wir dieses Jahr mit dem Hersteller gewonnen?", set(), "tier"),
    ("Haben wir schon gewonnene Aufträge?", set(), "tier"),
    ("welches ist das größte Geschäft in unserer Pipeline?", set(), "deals"),
    ("¿cuál es la oportunidad más grande que tenemos?", set(), "deals"),
    ("which opp in our pipe is the largest?", set(), "deals"),
    ("最大の商談はどれ？", set(), "deals"),
    # Austrian and Bavarian chat spellings
    ("hamma im Juni vü MDF ausgebn?", set(), "mdf"),
    ("pass ma no für Platinum?", set(), "tier"),
    # the programme's rule, not the asker's records
    ("wie lange ist eine Deal-Registrierung geschützt?", set(), None),
    ("¿cuánto MDF recibimos por trimestre como gold?", set(), None),  # a tier's entitlement
    ("puis-je utiliser nos MDF pour un salon ?", set(), None),  # what is allowed
    ("quanto tempo demora pra receber o pagamento do MDF?", set(), None),
    ("combien de jours dure la protection d'un enregistrement ?", set(), None),
])  # fmt: skip
def test_own_records_asked_in_other_languages(question, kinds, topic):
    assert router.profile_topic(question, kinds, is_partner=True) == topic


def test_a_deadline_rule_asked_about_mdf_requests_is_no_request_listing():
    from assistant.engine import mdf_chat

    for question in ("Bis wann müssen wir die MDF-Anträge für die Messe einreichen?",
                     "jusqu'à quand dois-je déposer la demande MDF pour notre salon ?",
                     "¿hasta cuándo tengo que enviar la solicitud de MDF del evento?"):
        assert not mdf_chat.REQUESTS_OF_RE.search(question), question
    assert mdf_chat.REQUESTS_OF_RE.search("gibt es MDF-Anträge von Keystone?")


@pytest.mark.parametrize(("question", "period", "numbers"), [
    ("how much MDF did we spend last quarter?", "last_quarter", ("15,000", "3,500")),
    ("wie viel MDF haben wir im Q4 2025 ausgegeben?", "2025-Q4", ("15,000", "3,500")),
    ("quanto MDF gastamos neste trimestre?", "this_quarter", ("10,000", "500")),
    ("今四半期のMDF残高は？", "this_quarter", ("10,000", "9,500")),
])  # fmt: skip
def test_mdf_for_a_quarter(ctx, question, period, numbers):
    seller = scope_for_user(ctx.store, "u-ps1")
    p = plan_turn(ctx, seller, question)
    assert (p.intent, p.arguments.get("topic"), p.arguments.get("period")) == ("profile", "mdf", period)
    answer = ask(ctx, seller, question).answer
    assert all(n in answer for n in numbers)


@pytest.mark.parametrize(("question", "period"), [
    ("MDF spent since February?", "2026-02..2026-11"),
    ("wie viel MDF haben wir seit Anfang April ausgegeben?", "2026-04..2026-11"),
    ("le MDF dépensé depuis le début de mai ?", "2026-05..2026-11"),
    ("¿cuánto MDF hemos gastado desde marzo?", "2026-03..2026-11"),
    ("3月からのMDFの消化額は？", "2026-03..2026-11"),
    ("MDF spent in February?", "2026-02"),  # one month, not since
])  # fmt: skip
def test_mdf_since_a_month_is_the_months_from_then_to_today(question, period):
    today = dt.date(2026, 11, 15)
    assert router.mdf_period(question, today.year, today) == period
    _, months = quarter_months(period, today)
    assert months[0] == period[:7] and months[-1] == ("2026-11" if ".." in period else period)
    if ".." in period:  # the open form "YYYY-MM.." (since that month) names the same months
        assert quarter_months(period[:9], today)[1] == months


def test_and_last_quarter_follows_mdf_figures(ctx):
    seller = scope_for_user(ctx.store, "u-ps2")
    first = ask(ctx, seller, "how much MDF do we have left this quarter?")
    follow = ask(ctx, seller, "and last quarter?", thread_id=first.thread_id)
    assert [t.arguments.get("period") for t in follow.tools] == ["last_quarter"]
