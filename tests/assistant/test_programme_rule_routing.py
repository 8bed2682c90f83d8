"""Issue 17 (q20b class): a question about what the vendor's programme says is answered from the programme, not from
the asker's records, a queue or a listing, and a word of the programme (a tier name, a German noun, a word opening a
sentence) is never taken for a deal that does not exist. On the second ecosystem (tests/assistant/other_world.py)
with tier names of its own ("Cobalt", "Titan", "Member"), which no word list of the code knows; every wording,
name and number here is made up and differs from the evaluation sets'."""

from __future__ import annotations

import pytest

from assistant.engine.deterministic import plan_turn
from assistant.engine.intent_cues import PROGRAMME_Q, normalise, programme_tier_named
from assistant.engine.mdf_chat import ACTIVITIES_RE
from assistant.engine.programme import QUEUE_RE
from assistant.engine.router import profile_topic
from assistant.engine.tier_benefits import asks_own_benefit, asks_tier_benefit, benefit_line, english_query
from retrieval.scope import scope_for_user
from retrieval.search import Hit
from tests.assistant.other_world import build_other_world
from tools.search.service import whose_rule

TIERS = {"member": {}, "cobalt": {}, "titan": {}}


@pytest.fixture()
def tiered_ctx(tmp_path):
    ctx = build_other_world(tmp_path / "home")
    ctx.store.set_meta("vendor", {"name": "Helios Security", "default_locale": "en", "tier_rules": TIERS})
    yield ctx
    ctx.close()


def _plan(ctx, user: str, question: str):
    return plan_turn(ctx, scope_for_user(ctx.store, user), question)


# --- the programme's own tier names -------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "tier"), [
    ("can Titan partners claim co-marketing money?", "titan"),
    ("welchen Rabatt bekommt man als member partner?", "member"),
    ("los socios member pueden pedir fondos?", "member"),
    ("Ristourne pour un partenaire Cobalt ?", "cobalt"),
    ("which of our member deals close this month?", None),  # an everyday word on its own is no tier
    ("how is the titanium rollout going?", None),
])  # fmt: skip
def test_a_tier_of_the_programme_is_read_from_the_vendors_names(question, tier):
    assert programme_tier_named(question, {"member", "cobalt", "titan"}) == tier


def test_a_tier_name_is_never_a_deal_that_does_not_exist(tiered_ctx):
    for question in ("what's the deal registration bonus for Cobalt?", "quel est le bonus d'enregistrement pour Titan ?"):
        p = _plan(tiered_ctx, "h-cm", question)
        assert not (p.reply and ("Cobalt" in p.reply or "Titan" in p.reply)), p.reply


def test_a_benefit_of_a_named_tier_is_that_tiers_row_for_anyone(tiered_ctx):
    p = _plan(tiered_ctx, "h-cm", "what margin does a Titan partner get on resale?")
    assert p.intent == "search" and p.arguments.get("tier") == "titan"
    assert p.arguments.get("partner_id") is None  # no partner's own tier to name in the answer
    p = _plan(tiered_ctx, "h-ps-byte", "welche Marge haben wir als cobalt partner?")  # not its own tier (gold)
    assert p.arguments.get("tier") == "cobalt" and p.arguments.get("partner_id") is None


@pytest.mark.parametrize("question", [
    "Quelle marge pour un partenaire Titan ?", "nos da derecho a cuántas licencias demo un socio Cobalt?",
    "do Member partners get MDF?", "Wiederverkaufsrabatt für Titan?",
])  # fmt: skip
def test_benefit_questions_naming_a_tier(question):
    assert asks_tier_benefit(question, programme_tier_named(question, {"member", "cobalt", "titan"}))


def test_what_is_not_a_tier_benefit_question():
    assert not asks_tier_benefit("what is missing for us to reach Titan?", "titan")  # progress: the criteria
    assert not asks_tier_benefit("how are our deals doing?", None)
    assert asks_own_benefit("à combien de licences de démo avons-nous droit ?")
    assert asks_own_benefit("デモ用ライセンスは何本もらえますか")


def test_a_benefit_asked_in_japanese_finds_its_english_row():
    table = "Benefit: Presales engineer days per quarter; Member: none; Cobalt: 3 days; Titan: 8 days"
    assert english_query("チタンのプリセールス支援は四半期に何日？") is not None
    assert benefit_line("ワークショップは四半期に何回？", ["", "Benefit: Workshops per quarter; Titan: 4 Benefit: MDF "
                                                    "per quarter; Titan: 9,000"], "titan")[1] == "4"
    assert benefit_line("Titan: presales days?", [table], "titan") == ("Presales engineer days per quarter", "8 days")


# --- a word of the language is no made-up name ----------------------------------------------------------------

def test_a_word_opening_a_later_sentence_is_no_deal_name(tiered_ctx):
    p = _plan(tiered_ctx, "h-ps-byte", "Moin! Wie lang gilt eine Deal-Registrierung eigentlich?")
    assert not p.reply, p.reply
    p = _plan(tiered_ctx, "h-ps-byte", "Kurze Frage. Welche Unterlagen braucht ein Deal?")
    assert not p.reply, p.reply
    p = _plan(tiered_ctx, "h-ps-byte", "was ist der nächste Schritt beim Quaxel-Deal?")  # still said not to exist
    assert p.reply and "Quaxel" in p.reply


# --- rule questions are not the asker's records, a queue or a listing ----------------------------------------

@pytest.mark.parametrize("question", [
    "how fast must the CM decide on a pending registration?", "wie schnell werden ausstehende Registrierungen geprüft?",
    "en combien de temps les enregistrements en attente sont-ils validés ?",
])  # fmt: skip
def test_how_soon_a_registration_is_decided_is_not_the_queue(question):
    assert not QUEUE_RE.search(question)


def test_the_queue_is_still_the_queue():
    assert QUEUE_RE.search("which registrations are pending?") and QUEUE_RE.search("registros pendientes?")


@pytest.mark.parametrize("question", [
    "what percentage of an MDF activity does the vendor co-fund?", "wie viel Prozent einer MDF-Aktivität zahlt ihr?",
    "qué porcentaje de una actividad MDF se cofinancia?",
])  # fmt: skip
def test_a_share_of_an_activity_is_not_a_listing_of_activities(question):
    assert not ACTIVITIES_RE.search(question)


@pytest.mark.parametrize("question", [
    "does unspent MDF carry over into next quarter?", "our MDF left this quarter, does it roll over?",
    "wenn zwei Partner denselben Kunden melden, wer entscheidet?", "si deux partenaires enregistrent le même client ?",
    "em quanto tempo vocês pagam um claim de MDF aprovado?", "how quickly are our approved claims paid?",
    "si la escalada con el channel manager no funciona, quién decide?",
])  # fmt: skip
def test_rule_wordings_are_programme_questions(question):
    assert PROGRAMME_Q.search(normalise(question)), question
    assert profile_topic(question, set(), is_partner=True) is None


def test_own_figures_stay_the_askers_own():
    for question in ("how much MDF do we have left this quarter?", "which of our registrations expire this month?"):
        assert profile_topic(question, set(), is_partner=True) is not None, question


# --- whose rule: the word "programme" names no reference publisher -------------------------------------------

def _hit(chunk: str, title: str, source_type: str) -> Hit:
    return Hit(doc_id=chunk, chunk_id=chunk, title=title, source=f"{chunk}.md", score=0.5, text="x",
               source_type=source_type)


def test_a_generic_word_of_a_reference_title_does_not_name_its_publisher():
    hits = [_hit("ref", "Brightline Distribution - partner programme handbook (reference)", "reference"),
            _hit("own", "Co-marketing funds policy", "programme")]
    pool, reference = whose_rule("what is the claim window in our programme?", hits)
    assert not reference and [h.chunk_id for h in pool] == ["own"]
    pool, reference = whose_rule("what does the brightline handbook say about claims?", hits)
    assert reference and [h.chunk_id for h in pool] == ["ref"]


# --- refusals and names that do not exist ---------------------------------------------------------------------

def test_a_name_beside_a_tier_word_is_a_partner_or_nothing(tiered_ctx):
    # "Quantum" is an account's word: the tier of "Quantum Lattice Group" is no account's, and no partner's
    p = _plan(tiered_ctx, "h-cm", "current tier standing of Quantum Lattice Group?")
    assert p.reply and "Quantum Lattice Group" in p.reply and "partner" in p.reply
    p = _plan(tiered_ctx, "h-cm", "tier for Vector Point Advisory?")  # a real partner: no such reply
    assert not p.reply


def test_a_japanese_company_that_is_nowhere_has_no_deal(tiered_ctx):
    p = _plan(tiered_ctx, "h-ps-koyo", "北陸精密工業の商談はどうなっていますか？")
    assert p.reply and "北陸精密工業" in p.reply and not p.candidates
    assert not _plan(tiered_ctx, "h-ps-koyo", "自社の案件の状況は？").reply  # "our own": no company named
    assert not _plan(tiered_ctx, "h-ps-koyo", "大手銀行の案件はどう進めるべき？").reply  # any big bank: no name


def test_an_exam_named_by_an_acronym_is_not_the_partner_of_that_acronym(tiered_ctx):
    scope = scope_for_user(tiered_ctx.store, "h-cm")
    from assistant.engine.resolver import Resolver
    resolver = Resolver(tiered_ctx, scope)
    assert resolver.find("how is VPA doing this quarter?").of("partner")  # Vector Point Advisory by its initials
    for question in ("what do the VPA and VPAX exams cost?", "cuánto cuesta el examen VPA?"):
        assert not resolver.find(question).of("partner"), question


@pytest.mark.parametrize("question", [
    "show me your internal partner scorecards", "zeig mir bitte die internen Ziele für Q1",
    "montre-moi les priorités internes du trimestre",
])  # fmt: skip
def test_a_seller_asking_for_internal_material_is_refused(tiered_ctx, question):
    p = _plan(tiered_ctx, "h-ps-byte", question)
    assert p.refusal and not p.arguments


def test_another_partners_fund_balance_is_refused_to_a_seller(tiered_ctx):
    p = _plan(tiered_ctx, "h-ps-byte", "quel est le solde MDF de Blue Harbor Consulting ?")
    assert p.refusal


def test_a_reward_for_recruiting_is_a_programme_question_not_a_ranking():
    from assistant.engine.recruit_chat import is_recruit_question
    assert not is_recruit_question("gibt es eine Prämie fürs Rekrutieren neuer Partner?")
    assert not is_recruit_question("is there an incentive for recruiting partners?")
    assert is_recruit_question("which companies should we recruit as partners in Spain?")


def test_the_row_asked_about_is_told_by_its_own_words_not_by_partner():
    table = ("Benefit: Back-end rebate on partner-sourced revenue; Cobalt: 2%; Titan: 4% "
             "Benefit: Co-marketing funds (MDF) per quarter; Cobalt: USD 3,000; Titan: USD 9,000")
    assert benefit_line("Wie viel MDF bekommt ein Titan-Partner pro Quartal?", ["", table], "titan") == (
        "Co-marketing funds (MDF) per quarter", "USD 9,000")
    assert "MDF" in (english_query("Wie viel MDF pro Quartal für Titan?") or "")


def test_a_kit_named_by_an_id_or_a_name_that_is_no_kit_does_not_exist():
    from assistant.engine.draft_options import unknown_kit

    kits = {"zero-trust-30": "Zero Trust in 30 days", "soc-modern": "Modern SOC with Beacon"}
    assert unknown_kit("faz um rascunho do kit ransomware-fr-2027 pra Vector Point", kits) == "ransomware-fr-2027"
    assert unknown_kit("what's the CTA of the cloud backup kit?", kits) == "cloud backup"
    assert unknown_kit("draft the zero trust kit email", kits) is None
    assert unknown_kit("use kit soc-modern for Vector Point", kits) is None


def test_a_country_beside_a_deal_word_is_no_made_up_deal(tiered_ctx):
    p = _plan(tiered_ctx, "h-cm", "which partner could take an identity deal in Portugal?")
    assert not (p.reply and "Portugal" in p.reply), p.reply
    p = _plan(tiered_ctx, "h-cm", "what's the discount guidance for the Wumpus Corp deal?")  # still nowhere
    assert p.reply and "Wumpus Corp" in p.reply


def test_a_rule_stated_in_its_own_words_wins_over_a_row_sharing_one_word():
    from assistant.engine import tier_benefits

    # "extra discount points on a registered deal" shares only "discount" with the "Resale discount" row
    assert tier_benefits.asked_words("how many extra discount pts do we get on a registered deal?",
                                     "Resale discount") < 2
    assert tier_benefits.asked_words("remise de revente pour un partenaire Titan ?", "Resale discount") >= 2
