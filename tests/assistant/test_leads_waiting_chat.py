"""Leads not accepted yet, asked in chat in our languages: the channel team sees those assigned and waiting for the
partner (with the time to accept by) and those not routed yet; a partner seller only the leads assigned to their
partner. A question about the acceptance rule is no list."""
from __future__ import annotations

import re

import pytest

from assistant.engine.agent import ask
from retrieval.scope import Scope, scope_for_user
from tests.records_only import records_only
from tests.tools.programme_world import TODAY, write_world
from tools.leads.service import assign_lead

LEADS = ("lead_id,company,domain,country,industry,products,employees,amount,source,created_on\n"
         "L-7,Harz Kliniken,harz-kliniken.example,DE,Healthcare,Governance,3000,60000,webinar,2026-02-27\n"
         "L-8,Porto Mercados,portomercados.example,PT,Retail,Lakehouse,800,20000,website,2026-02-28\n")


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    folder = write_world(tmp_path_factory.mktemp("leads-chat-in"), {"leads.csv": LEADS})
    with records_only(tmp_path_factory.mktemp("leads-chat-home"), folder, TODAY) as context:
        assign_lead(context, Scope.operator(), "L-7", "P-2")
        yield context


def _ask(ctx, user, question):
    return ask(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize("question", [
    "any leads still sitting there unaccepted?",
    "Welche Leads sind noch offen?",
    "quels leads attendent encore ?",
    "¿qué leads siguen pendientes?",
    "未対応のリードは？",
])
def test_the_channel_team_sees_assigned_and_unrouted_leads(ctx, question):
    answer = _ask(ctx, "u-cm", question)
    assert [t.name for t in answer.tools] == ["list_leads"], answer.answer
    assert "L-7" in answer.answer and "P-2" in answer.answer and "L-8" in answer.answer, answer.answer


def test_a_partner_seller_sees_only_the_leads_assigned_to_their_partner(ctx):
    mine = _ask(ctx, "u-ps2", "do we have leads waiting for us to accept?")
    assert "L-7" in mine.answer and "L-8" not in mine.answer, mine.answer
    other = _ask(ctx, "u-ps1", "do we have leads waiting for us to accept?")
    assert "L-7" not in other.answer and "L-8" not in other.answer, other.answer


@pytest.mark.parametrize("question", ["on a des leads à accepter ?", "¿tenemos leads por aceptar?",
                                      "temos algum lead para aceitar?", "Gibt es Leads, die wir annehmen müssen?",
                                      "any leads for us to accept?"])
def test_leads_to_accept_in_the_sellers_words(ctx, question):
    mine = _ask(ctx, "u-ps2", question)
    assert [t.name for t in mine.tools] == ["list_leads"], mine.answer
    assert "L-7" in mine.answer and "L-8" not in mine.answer, mine.answer


def test_the_acceptance_rule_is_no_list(ctx):
    answer = _ask(ctx, "u-cm", "how long does a partner have to accept a lead?")
    assert "list_leads" not in [t.name for t in answer.tools], answer.answer


@pytest.mark.parametrize("question", ["which partner should get the Porto Mercados lead?",
                                      "an wen geht der Lead von Porto Mercados?",
                                      "qual parceiro para o lead Porto Mercados?"])
def test_a_lead_named_by_its_company_is_routed_like_its_id(ctx, question):
    by_id = _ask(ctx, "u-cm", "route lead L-8")
    answer = _ask(ctx, "u-cm", question)
    assert [t.name for t in answer.tools] == ["route_lead"], answer.answer
    assert answer.tools[0].arguments == {"lead_id": "L-8"}
    first = lambda text: re.findall(r"\bP-\d+\b", text)[:1]
    assert first(answer.answer) == first(by_id.answer), (answer.answer, by_id.answer)


def test_a_partner_seller_routes_no_lead(ctx):
    answer = _ask(ctx, "u-ps1", "which partner should get the Porto Mercados lead?")
    assert "route_lead" not in [t.name for t in answer.tools], answer.answer


@pytest.mark.parametrize("question", ["¿qué partner encaja para el lead de Porto Mercados?",
                                      "Porto Mercadosのリードに最適なパートナーは？",
                                      "does any partner fit the Porto Mercados lead?",
                                      "quel partenaire convient le mieux au lead Porto Mercados ?",
                                      "Welcher Partner passt zum Lead von Porto Mercados?",
                                      "who is the best partner for the lead of Porto Mercados?"])
def test_a_lead_named_by_its_company_in_other_words_and_languages(ctx, question):
    answer = _ask(ctx, "u-cm", question)
    assert [t.name for t in answer.tools] == ["route_lead"], answer.answer
    assert answer.tools[0].arguments == {"lead_id": "L-8"}
    assert "Porto Mercados" in answer.answer.splitlines()[0], answer.answer  # the lead, by its company


@pytest.mark.parametrize(("question", "why"), [("which partner should get the Harz Kliniken lead?", "why?"),
                                               ("¿qué socio para el lead de Harz Kliniken?", "¿por qué?"),
                                               ("Harz Kliniken のリードに合うパートナーは？", "その理由は？")])
def test_why_after_a_leads_routing_gives_what_each_partner_shares_with_it(ctx, question, why):
    first = ask(ctx, scope_for_user(ctx.store, "u-cm"), question)
    assert [t.name for t in first.tools] == ["route_lead"], first.answer
    answer = ask(ctx, scope_for_user(ctx.store, "u-cm"), why, first.thread_id)
    assert [t.name for t in answer.tools] == ["route_lead"], answer.answer
    assert "Harz Kliniken" in answer.answer and "DE" in answer.answer, answer.answer  # the lead's country shared


@pytest.mark.parametrize(("question", "kept"), [("which partner in Iberia fits the Porto Mercados lead?", {"P-3"}),
                                                ("¿algún socio en Austria para el lead de Porto Mercados?", {"P-1"}),
                                                ("Porto Mercadosのリードに合うドイツのパートナーは？", {"P-1", "P-2"})])
def test_a_country_or_region_named_keeps_the_partners_selling_there(ctx, question, kept):
    answer = _ask(ctx, "u-cm", question)
    assert [t.name for t in answer.tools] == ["route_lead"], answer.answer
    listed = {pid for pair in re.findall(r"\((P-\d+)\)|（(P-\d+)）", answer.answer) for pid in pair if pid}
    assert listed and listed <= kept, answer.answer


@pytest.mark.parametrize(("question", "shown"), [("what's the status of the Harz Kliniken lead?", ["L-7", "P-2"]),
                                                 ("wer hat den Lead von Harz Kliniken?", ["L-7", "P-2"]),
                                                 ("Harz Kliniken のリードはどうなっていますか？", ["L-7", "P-2"]),
                                                 ("¿el lead de Porto Mercados ya está asignado?", ["L-8", "sin asignar"]),
                                                 ("o lead da Porto Mercados foi aceito?", ["L-8", "não encaminhado"])])
def test_a_lead_named_by_its_company_is_answered_from_its_record(ctx, question, shown):
    answer = _ask(ctx, "u-cm", question)  # before: a deal picker, or a deal whose account resembled the company
    assert [t.name for t in answer.tools] == ["list_leads"], answer.answer
    assert all(s in answer.answer for s in shown), answer.answer


def test_a_lead_of_another_partner_is_not_a_sellers_record(ctx):
    answer = _ask(ctx, "u-ps1", "what's the status of the Harz Kliniken lead?")
    assert "L-7" not in answer.answer, answer.answer


def test_a_first_word_alone_names_no_lead(ctx):
    answer = _ask(ctx, "u-cm", "how many leads came from the Porto webinar?")
    assert "L-8" not in answer.answer, answer.answer
