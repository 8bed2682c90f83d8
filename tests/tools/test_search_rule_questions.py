"""Programme-rule questions asked the way partner sellers, channel managers and marketers type them, in
other words and languages than any eval's: each is routed to the vendor's content (not to a data tool), the
passage that states the rule is quoted as the answer, and what only others' reference material says is not
the programme's (issue 17)."""
from __future__ import annotations

import pytest

from assistant.engine.deterministic import plan_turn
from assistant.engine.router import asks_rule, says
from retrieval.extractive import answer_kind
from retrieval.scope import scope_for_user
from tools.search.glossary import english_gloss
from tools.search.service import answer_from_content, question_parts, with_antecedents

# --- pure: the gloss knows the programme's words in other languages ------------------------------------

@pytest.mark.parametrize(("question", "words"), [
    ("Combien de temps faut-il pour la validation d'une inscription ?", {"how long", "approval", "registration"}),
    ("Quantas licenças NFR recebemos no nível gold?", {"not-for-resale", "licences", "gold"}),
    ("パートナーレベルの見直しは年に何回ありますか？", {"reviews", "year"}),
    ("新規パートナーはファストトラックを申し込めますか？", {"fast-track", "partner"}),
    ("Sind Messen förderfähig?", {"eligible", "events"}),
    ("Ab welchem Betrag braucht eine Aktivität eine zweite Freigabe?", {"amount", "activity", "approval"}),
    ("¿Cuántos puntos extra da el registro?", {"points", "extra", "registration"}),
    ("qual a resposta para um ticket P2?", {"response", "p2"}),
])
def test_programme_words_are_glossed(question, words):
    gloss = english_gloss(question) or ""
    assert all(w in gloss for w in words), gloss


@pytest.mark.parametrize("question", [
    "ça prend combien de temps pour une piste de formation ?", "o desconto fica válido por quanto tempo?",
    "¿por cuánto tiempo vale la protección?", "Sind Messen förderfähig? Ich verwende die Mittel dafür",
])
def test_generic_verbs_are_not_terms_the_content_lacks(question):
    gloss = english_gloss(question) or ""
    for verb in ("prend", "fica", "tiempo", "verwende"):
        assert verb not in gloss.split(), gloss


def test_japanese_question_words_are_not_unknown_terms():
    assert "unglossed" not in (english_gloss("認定のトレーニングは何時間？") or "")
    assert "unglossed" not in (english_gloss("登録の審査期限は何営業日？") or "")


def test_an_amount_asked_in_other_languages_is_a_money_question():
    assert answer_kind("à partir de quel montant faut-il une seconde validation ?") == "money"
    assert answer_kind("ab welchem Betrag braucht es eine zweite Freigabe?") == "money"


# --- pure: which questions ask for a rule -------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "ça dure pendant combien de temps, la protection ?", "o desconto extra vale por quanto tempo?",
    "¿por cuánto tiempo dura la protección de un registro?", "wie lange gilt eine Freigabe?",
    "can booth costs be covered with MDF?", "can a webinar get funded by marketing funds?",
    "prend combien de temps le cours de base ?",
])
def test_rule_questions_in_other_words(question):
    assert asks_rule(question)


@pytest.mark.parametrize("question", [
    "how long is our Acme registration still protected?", "wie lange läuft die noch?",
])
def test_state_questions_stay_state_questions(question):
    assert not asks_rule(question)


@pytest.mark.parametrize(("cue", "question"), [
    ("whole_account", "can we register the entire customer, everything at Contoso?"),
    ("whole_account", "können wir den ganzen Kunden registrieren?"),
    ("whole_account", "podemos registrar a conta inteira?"),
    ("who_to_ask", "who should we contact about a dispute with another reseller?"),
    ("who_to_ask", "an wen wende ich mich bei einem Konflikt?"),
    ("can_register", "dürf ma des registriern?"),
])
def test_cues(cue, question):
    assert says(cue, question)


def test_a_later_subjectless_question_asks_about_the_first_ones_subject():
    parts = with_antecedents(question_parts("how do we join the Elite circle? what are the requirements?"))
    assert "Elite" in parts[1]
    parts = with_antecedents(question_parts("how long is a claim open? and who approves the payment?"))
    assert parts[1] == "and who approves the payment?"


# --- the demo: routed to the content, the rule quoted -------------------------------------------------

@pytest.fixture(scope="module")
def user(demo_ctx):
    return lambda user_id: scope_for_user(demo_ctx.store, user_id)


@pytest.mark.parametrize(("user_id", "question"), [
    ("u-mkt-2", "can trade show booth costs be paid out of MDF?"),  # a marketer: not a draft
    ("u-ps-maple", "ça prend combien de temps, le cours sales foundations ?"),  # not our certifications
    ("u-ps-keystone", "how long does the channel manager take to approve an MDF activity?"),  # not our activities
    ("u-ps-orion", "por quanto tempo uma oportunidade registrada fica protegida?"),  # not our registrations
])
def test_rule_questions_are_routed_to_the_content(demo_ctx, user, user_id, question):
    from assistant.engine.agent import ask

    plan = plan_turn(demo_ctx, user(user_id), question)
    assert plan.intent == "search" and not plan.refusal and not plan.question, plan
    assert [t.name for t in ask(demo_ctx, user(user_id), question).tools] == ["search_content"]


def test_whom_to_ask_about_a_dispute_is_no_partner_ranking(demo_ctx, user):
    """A person to ask (the asker's channel manager, or the rule that names one), never partners ranked for a deal."""
    plan = plan_turn(demo_ctx, user("u-ps-kingsbridge"), "who should we talk to about a registration dispute with another partner?")
    assert plan.intent in ("search", "profile") and plan.intent != "match" and not plan.refusal, plan
    if plan.intent == "profile":
        assert plan.arguments.get("topic") == "channel_manager", plan



def test_a_whole_account_registration_is_the_rule_whatever_customer_is_named(demo_ctx, user):
    from assistant.engine.agent import ask

    answer = ask(demo_ctx, user("u-ps-nordic"), "can we register the entire account, like everything at Hooli?").answer
    assert "whole account" in answer and "do not accept" in answer


@pytest.mark.parametrize(("user_id", "question", "needle"), [
    ("u-ps-lyon", "combien de temps faut-il pour la validation d'une inscription ?", "2 business days"),
    ("u-ps-lonestar", "¿cuántas licencias NFR tiene un partner gold?", "Gold: 10"),
    ("u-ps-sakura", "パートナーレベルの見直しは年に何回ありますか？", "twice a year"),
    ("u-ps-sakura", "新規パートナーのファストトラック審査はいつから申請できますか？", "fast-track review after 90 days"),
])
def test_the_passage_stating_the_rule_is_the_answer(demo_ctx, user, user_id, question, needle):
    answer = answer_from_content(demo_ctx, user(user_id), question)
    assert answer.found and needle in answer.answer, answer


@pytest.mark.parametrize("question", [
    "what does it take to become an Alliance partner? what are the criteria?",
    "how do we become an Open partner?",
])
def test_a_level_only_the_reference_handbook_has_is_not_in_our_programme(demo_ctx, user, question):
    answer = answer_from_content(demo_ctx, user("u-ps-keystone"), question)
    assert not answer.found, answer.answer


# --- follow-ups, exclusions, thresholds, idioms --------------------------------------------------------

@pytest.mark.parametrize(("question", "previous", "kept"), [
    ("an wen geht der Antrag dafür?", "kann man die Frist verlängern?", True),
    ("and who approves that?", "can we get MDF for a webinar?", True),
    ("e quem paga isso?", "podemos fazer um evento com fundos?", True),
    ("それはいつから？", "ファストトラック審査とは？", True),
    ("how long is the Sales foundations course?", "what do we do in week one?", False),  # a subject of its own
    ("wie lange dauert das Training für Presales?", "was kostet die Prüfung?", False),  # "das" as an article
])
def test_a_short_follow_up_that_points_back_is_about_the_previous_question(question, previous, kept):
    from assistant.engine.router import search_followup

    query = search_followup(question, previous)
    assert (previous.rstrip("?？") in query) is kept, query
    assert query.count("?") + query.count("？") <= 1  # read as one question, not two


def test_a_follow_up_without_a_previous_question_is_asked_as_it_is():
    from assistant.engine.router import search_followup

    assert search_followup("and who approves it?", None) == "and who approves it?"


def test_an_exclusion_question_quotes_the_exclusion(demo_ctx, user):
    for question in ("which costs are not eligible for marketing funds?", "was kann ich NICHT über MDF abrechnen?"):
        answer = answer_from_content(demo_ctx, user("u-ps-keystone"), question)
        assert "Not eligible" in (answer.answer if answer.found else answer.closest or ""), answer


def test_an_amount_of_the_askers_own_meets_the_contents_threshold(demo_ctx, user):
    answer = answer_from_content(demo_ctx, user("u-ps-keystone"), "our webinar budget is 21k, who must sign off?")
    assert "above USD 15,000" in (answer.answer if answer.found else answer.closest or ""), answer


def test_when_a_promotion_kicks_in_is_when_it_takes_effect(demo_ctx, user):
    answer = answer_from_content(demo_ctx, user("u-ps-keystone"), "when does a tier promotion kick in?")
    assert "first day of the next month" in (answer.answer if answer.found else answer.closest or ""), answer


def test_two_japanese_questions_without_a_space_are_each_answered():
    assert question_parts("MDFの申請期限は？承認は誰？") == ["MDFの申請期限は", "承認は誰？"]


@pytest.mark.parametrize("question", [
    "we're brand new here - what should I do first?", "nous sommes nouveaux, quelle est la première étape ?",
    "somos novos, por onde começamos?", "what must I get done in the first two weeks?",
])
def test_a_new_partner_asking_where_to_start_gets_its_onboarding_plan(demo_ctx, user, question):
    plan = plan_turn(demo_ctx, user("u-ps-kaiser"), question)
    assert plan.intent == "onboarding", plan


def test_a_follow_up_about_the_plans_steps_stays_with_the_plan(demo_ctx, user):
    from assistant.engine.agent import ask

    scope = user("u-ps-kaiser")
    first = ask(demo_ctx, scope, "we are new, where to start?")
    assert [t.name for t in first.tools] == ["onboarding"]
    again = ask(demo_ctx, scope, "and which trainings should we take?", first.thread_id)
    assert [t.name for t in again.tools] == ["onboarding"]


def test_amounts_in_other_notations_are_the_askers_figures():
    from retrieval.extractive import _amount

    assert _amount("20.000", None) == 20000 and _amount("150,000", None) == 150000 and _amount("18", "k") == 18000
    assert "20.000USD" in (english_gloss("Wer genehmigt eine Aktivität über 20.000 USD?") or "")


def test_only_a_question_asking_for_an_exclusion_prefers_negated_sentences():
    from retrieval.extractive import _NEGATION_Q

    assert _NEGATION_Q.search("which expenses can't be claimed?") and _NEGATION_Q.search("what is not eligible?")
    assert not _NEGATION_Q.search("who serves insurers whose records cannot leave the country?")
