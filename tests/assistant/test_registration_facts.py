"""A deal registration named in a question is answered from its record (status, dates, reason), also when no
deal is behind it: a rejected or waiting registration is no "deal that does not exist". Only the asker's own
partner's registrations are found for a partner seller."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.records_only import records_only
from tests.tools.programme_world import TODAY, write_world

REGISTRATIONS = (
    "registration_id,partner_id,account_name,domain,country,products,status,submitted_on,decided_on,reason\n"
    "REG-11,P-1,Vogel Brauerei,vogel-brauerei.example,DE,Governance,submitted,2026-02-25,,\n"
    "REG-12,P-1,Moselwerk Energie,moselwerk.example,DE,Lakehouse,rejected,2026-02-10,2026-02-12,"
    "already registered by another partner\n"
)


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    folder = write_world(tmp_path_factory.mktemp("reg-facts-in"), {"deal_registrations.csv": REGISTRATIONS})
    with records_only(tmp_path_factory.mktemp("reg-facts-home"), folder, TODAY) as context:
        yield context


def _ask(ctx, user, question):
    return ask(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize("question,shown", [
    ("why did the Moselwerk Energie registration get turned down?", ["REG-12", "rejected", "another partner"]),
    ("warum wurde unsere Registrierung für Moselwerk abgelehnt?", ["REG-12", "abgelehnt", "2026-02-12"]),
    ("Vogel Brauerei reg - approved yet?", ["REG-11", "awaiting", "2026-02-25"]),
    ("where is REG-11 at?", ["REG-11", "Vogel Brauerei"]),
])
def test_a_registration_without_a_deal_is_answered_from_its_record(ctx, question, shown):
    answer = _ask(ctx, "u-ps1", question)
    assert [t.name for t in answer.tools] == ["list_registrations"], answer.answer
    assert all(s in answer.answer for s in shown), answer.answer
    assert "no deal" not in answer.answer.lower()


def test_another_partners_registration_is_not_found(ctx):
    answer = _ask(ctx, "u-ps2", "why did the Moselwerk Energie registration get turned down?")
    assert "REG-12" not in answer.answer and "another partner" not in answer.answer, answer.answer


def test_a_rule_question_is_not_a_registration_record(ctx):
    answer = _ask(ctx, "u-ps1", "how long does a registration stay protected?")
    assert "list_registrations" not in [t.name for t in answer.tools], answer.answer


CONFLICT = REGISTRATIONS + (
    "REG-21,P-2,Klinikverbund Nordhafen-Elbe,nordhafen-elbe.example,DE,Governance,approved,2026-01-05,2026-01-07,\n"
    "REG-22,P-1,Klinikverbund Nordhafen-Elbe,nordhafen-elbe.example,DE,Governance,rejected,2026-01-20,2026-01-21,"
    "conflict: another partner was approved first\n"
    "REG-23,P-1,Klinikverbund Sachsen,klinik-sachsen.example,DE,Governance,submitted,2026-02-27,,\n"
)


@pytest.fixture(scope="module")
def conflict_ctx(tmp_path_factory):
    folder = write_world(tmp_path_factory.mktemp("reg-conflict-in"), {"deal_registrations.csv": CONFLICT})
    with records_only(tmp_path_factory.mktemp("reg-conflict-home"), folder, TODAY) as context:
        yield context


@pytest.mark.parametrize("question", ["pourquoi l'enregistrement d'Alpine IT sur Nordhafen-Elbe a été refusé ?",
                                      "¿por qué rechazaron el registro de Alpine IT en Nordhafen-Elbe?",
                                      "why was Alpine IT's reg on Nordhafen-Elbe turned down?"])
def test_a_named_partners_registration_on_an_account_named_by_its_distinctive_part(conflict_ctx, question):
    answer = _ask(conflict_ctx, "u-cm", question)  # two partners registered it: the one named
    assert [t.name for t in answer.tools] == ["list_registrations"], answer.answer
    assert "REG-22" in answer.answer and "conflict" in answer.answer and "P-1" in answer.answer, answer.answer
    assert "REG-21" not in answer.answer and "REG-23" not in answer.answer, answer.answer
