"""Issue 17, MDF activities and MDF figures asked in chat by every role and language (the class found on the third-
vendor dev set), tested on another vendor's world with other names, numbers and wordings than the set's: an activity
named by its whole name (short words such as "SOC" or "day", in any case, next to Japanese, in words no pattern
knows) gets its own record or return, not a partner's or the period's; a claim question about one activity gets the
programme's claim window (read from the vendor's content, never a constant) applied to it, with whether it can still
be claimed; claims waiting for payment in other languages; one step's amounts summed over a period. Expected figures
come from the records built here."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from assistant.engine import mdf_chat
from assistant.engine.agent import ask
from retrieval.programme_records import MdfActivityRow
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world

# (id, partner, name, kind, status, requested, approved, claimed, paid, start, end, leads); today is 2027-05-03
ROWS = [
    ("HM-31", "HP-104", "Valencia SOC day", "event", "paid", 9000, 8500, 8200, 8200, "2027-01-12", "2027-01-12", 23),
    ("HM-32", "HP-104", "Harbor security breakfast", "event", "approved", 4000, 4000, None, None, "2027-03-10",
     "2027-03-10", None),
    ("HM-33", "HP-101", "Köln Cloud Frühstück", "event", "claimed", 3000, 3000, 2900, None, "2027-02-02", "2027-02-03",
     11),
    ("HM-34", "HP-105", "Recife OT day", "event", "paid", 5000, 5000, 4700, 4700, "2027-02-20", "2027-02-20", 19),
    ("HM-35", "HP-101", "Bonn partner webinar", "webinar", "approved", 2000, 2000, None, None, "2027-04-22",
     "2027-04-22", None),
    ("HM-39", "HP-101", "Dresden OT roundtable", "event", "approved", 2500, 2500, None, None, "2027-06-10", "2027-06-10",
     None),
    ("HM-36", "HP-102", "Osaka expo booth", "event", "paid", 12000, 11000, 11000, 11000, "2027-04-14", "2027-04-15",
     40),
]  # fmt: skip


@pytest.fixture(scope="module")
def helios(tmp_path_factory):
    ctx = build_other_world(tmp_path_factory.mktemp("q21a-home"))
    with ctx.store.session() as s:
        for aid, pid, name, kind, status, req, appr, claimed, paid, start, end, leads in ROWS:
            s.add(MdfActivityRow(activity_id=aid, partner_id=pid, name=name, kind=kind, status=status,
                                 requested_amount=req, approved_amount=appr, claimed_amount=claimed, paid_amount=paid,
                                 currency="USD", start_on=dt.date.fromisoformat(start), end_on=dt.date.fromisoformat(end),
                                 leads=leads))
        ctx.store.bump_records_version(s)
    yield ctx
    ctx.close()


def _ask(ctx, user, question):
    return ask(ctx, scope_for_user(ctx.store, user), question)


# --- an activity named by its whole name -------------------------------------------------------------------------


@pytest.mark.parametrize("user, question", [
    ("h-cm", "what did the Valencia SOC day win, and what pipeline is left?"),
    ("h-mkt", "¿cuánto pipeline tiene la actividad valencia soc day?"),
    ("h-mkt", "Valencia SOC dayで受注した金額は？"),
])
def test_a_short_worded_name_gets_that_activitys_return(helios, user, question):
    answer = _ask(helios, user, question)
    assert answer.tools[0].name == "mdf_roi", answer.answer
    assert "HM-31" in answer.answer and "8,200 USD" in answer.answer, answer.answer
    assert not any(other in answer.answer for other in ("HM-32", "HM-34", "HM-36")), answer.answer


@pytest.mark.parametrize("user, question, figure", [
    ("h-ps-byte", "wie viel wurde für das Köln Cloud Frühstück abgerechnet?", "abgerechnet 2,900 USD"),
    ("h-mkt", "quanto foi pago pelo Recife OT day?", "pago 4,700 USD"),
    ("h-mkt", "combien a coûté le recife ot day au final ?", "payé 4,700 USD"),
])
def test_a_whole_name_in_words_no_pattern_knows_gets_its_record(helios, user, question, figure):
    answer = _ask(helios, user, question)
    assert answer.tools and answer.tools[0].name == "list_mdf", answer.answer
    assert figure in answer.answer, answer.answer


def test_a_partner_seller_never_gets_another_partners_activity_by_its_name(helios):
    answer = _ask(helios, "h-ps-byte", "wie viel wurde für den Recife OT day ausgezahlt?")
    assert "HM-34" not in answer.answer and "4,700" not in answer.answer, answer.answer


def test_a_partner_nickname_inside_an_activitys_name_is_not_that_partner():
    activities = [SimpleNamespace(activity_id="X-1", partner_id="P-2", name="Lisboa security breakfast"),
                  SimpleNamespace(activity_id="X-2", partner_id="P-9", name="Porto cloud summit")]
    nickname = SimpleNamespace(kind="partner", id="P-9", label="Nine Security Ltd", span=(5, 6), nickname=True)
    named = SimpleNamespace(kind="partner", id="P-2", label="Dois Sistemas", span=(0, 2), nickname=False)
    words = ["dois", "sistemas", "leads", "of", "lisboa", "security", "breakfast"]
    for entities, kept in (([nickname], []), ([named, nickname], ["P-2"])):
        mentions = SimpleNamespace(words=words, of=lambda kind, e=entities: [x for x in e if x.kind == kind])
        turn = SimpleNamespace(question=" ".join(words))
        assert [p.id for p in mdf_chat._partner_mentions(turn, activities, mentions)] == kept


def test_a_names_words_are_found_whole_in_any_order_and_script():
    activities = [SimpleNamespace(name="Zürich Privatbanken Frühstück"), SimpleNamespace(name="SOC day"),
                  SimpleNamespace(name="Lyon SOC day")]
    found = mdf_chat._whole_names("was hat das Frühstück Privatbanken zurich gebracht? lyon soc dayは？", activities)
    assert [a.name for a in found] == ["Zürich Privatbanken Frühstück", "Lyon SOC day"]  # "SOC day" is inside
    assert mdf_chat._whole_names("what did our SOC team do?", activities) == []


# --- the claim deadline of one activity, from the vendor's own rule ----------------------------------------------


@pytest.fixture()
def forty_days(monkeypatch):
    rule = SimpleNamespace(source_type="programme", title="Helios funds guide",
                           text="Claims are due 40 days after the activity ends, with invoices and the lead list.")
    monkeypatch.setattr(mdf_chat, "search_content", lambda *a, **k: SimpleNamespace(results=[rule]))


@pytest.mark.parametrize("user, question, said", [
    ("h-ps-byte", "bis wann können wir das Bonn partner webinar abrechnen?", "Ja, HM-35"),
    ("h-ps-byte", "can we still claim the Bonn partner webinar?", "Yes, HM-35"),
    ("h-cm", "¿hasta cuándo se puede reclamar el Bonn partner webinar?", "Sí, HM-35"),
    ("h-ps-byte", "Bonn partner webinarの請求期限は？", "はい、HM-35"),
    ("h-cm", "Bis wann muss das Bonn partner webinar abgerechnet werden?", "Ja, HM-35"),
])
def test_a_claim_deadline_is_the_end_plus_the_programmes_window(helios, forty_days, user, question, said):
    answer = _ask(helios, user, question)
    assert said in answer.answer, answer.answer
    assert "2027-06-01" in answer.answer and "40" in answer.answer and "Helios funds guide" in answer.answer


@pytest.mark.parametrize("question, said", [
    ("est-ce qu'on peut encore réclamer le Harbor security breakfast ?", "Non, HM-32"),
    ("ainda conseguimos pedir o reembolso do Harbor security breakfast?", "Não, já não dá"),
])
def test_a_claim_window_that_has_closed_is_a_no(helios, forty_days, question, said):
    answer = _ask(helios, "h-cm", question)
    assert said in answer.answer and "2027-04-19" in answer.answer, answer.answer


def test_an_activity_already_claimed_says_so(helios, forty_days):
    answer = _ask(helios, "h-ps-byte", "bis wann müssen wir das Köln Cloud Frühstück abrechnen?")
    assert "HM-33 ist bereits abgerechnet" in answer.answer, answer.answer


# --- claims waiting for payment, and one step summed over a period ----------------------------------------------


@pytest.mark.parametrize("question", [
    "¿hay reclamaciones de MDF por pagar?",
    "réclamations MDF pas encore payées, en attente ?",
    "welche MDF-Abrechnungen sind noch offen?",
])
def test_claims_waiting_for_payment_in_other_languages(helios, question):
    answer = _ask(helios, "h-cm", question)
    assert answer.tools[0].name == "list_mdf" and answer.tools[0].arguments.get("status") == "claimed", answer.answer
    assert "HM-33" in answer.answer and "2,900 USD" in answer.answer and "HM-34" not in answer.answer, answer.answer


@pytest.mark.parametrize("user, question, total", [
    ("h-mkt", "how much MDF was paid out in Q1 2027?", "12,900 USD"),  # HM-31 and HM-34 started in Q1
    ("h-cm", "wie viel MDF wurde im ersten Quartal 2027 insgesamt genehmigt?", "20,500 USD"),
    ("h-cm", "2027年第2四半期に支払われたMDFの合計は？", "11,000 USD"),
    ("h-ps-byte", "how much MDF has been claimed for us in total?", "2,900 USD"),  # the asker's own only
    ("h-cm", "how much MDF did partners claim for Q1 2027 activities?", "15,800 USD"),
])
def test_one_steps_amounts_summed_over_a_period(helios, user, question, total):
    answer = _ask(helios, user, question)
    assert answer.tools[0].name == "list_mdf", answer.answer
    assert total in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize("question", [
    "how much MDF can a gold partner get approved per quarter?",
    "what is the maximum MDF amount that can be approved for one activity?",
])
def test_a_budget_rule_is_not_a_sum_of_records(helios, question):
    answer = _ask(helios, "h-cm", question)
    assert not answer.tools or answer.tools[0].name != "list_mdf", answer.answer


@pytest.mark.parametrize("question", [
    "how quickly does Helios pay an approved MDF claim?",
    "¿en cuántos días se paga una reclamación de MDF aprobada?",
    "wie lange dauert es, bis eine genehmigte MDF-Abrechnung ausgezahlt wird?",
])
def test_how_long_a_payment_takes_is_not_a_sum_of_records(helios, question):
    answer = _ask(helios, "h-cm", question)
    assert not answer.answer.startswith("MDF "), answer.answer  # the totals' head: "MDF paid for ..."


def test_one_activitys_amount_is_its_record_not_a_total(helios):
    answer = _ask(helios, "h-cm", "Blue Harbor has an MDF activity approved that starts in March - what is it and how much?")
    assert "HM-32" in answer.answer and "4,000 USD" in answer.answer, answer.answer


def test_an_activity_not_ended_yet_is_claimed_after_its_end(helios, forty_days):
    answer = _ask(helios, "h-ps-byte", "by when do we have to claim the Dresden OT roundtable?")
    assert "HM-39 has not ended yet" in answer.answer and "2027-07-20" in answer.answer, answer.answer


# --- follow-ups on the activity the last answer was about ---------------------------------------------------------


def _thread(ctx, user, *questions):
    thread_id, answers = None, []
    for question in questions:
        answer = ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)
        thread_id = answer.thread_id
        answers.append(answer)
    return answers


@pytest.mark.parametrize("follow_up, said", [
    ("und bis wann können wir das abrechnen?", "Ja, HM-35"),
    ("e até quando posso pedir o reembolso?", "Sim, ainda dá para pedir o reembolso de HM-35"),
])
def test_a_claim_follow_up_applies_the_window_to_the_last_activity(helios, forty_days, follow_up, said):
    _first, then = _thread(helios, "h-ps-byte", "what is the status of our Bonn partner webinar?", follow_up)
    assert said in then.answer and "2027-06-01" in then.answer, then.answer


def test_a_general_claim_rule_after_an_activity_is_not_that_activitys(helios, forty_days):
    _first, then = _thread(helios, "h-ps-byte", "what is the status of our Bonn partner webinar?",
                           "how long do partners have to claim MDF?")
    assert "HM-35" not in then.answer, then.answer


@pytest.mark.parametrize("question", ["what pipeline did the Recife OT day bring?",
                                      "what did the Recife OT day bring in?"])
def test_an_activitys_return_says_its_leads_too(helios, question):
    answer = _ask(helios, "h-mkt", question)
    assert answer.tools[0].name == "mdf_roi" and "leads 19" in answer.answer, answer.answer
