"""What marketers and channel managers ask in chat (issue 17): which kits suit a partner, a kit named loosely
or not at all, a marketer's draft for an account, the MDF and registration queues in their words and
languages, one partner's MDF return, stalled deals, an admin's command asked by someone else."""
from __future__ import annotations

import pytest

from assistant.core.config import Settings
from assistant.engine import draft_options, router
from assistant.engine.agent import ask
from assistant.engine.analytics_chat import STALLED_RE
from assistant.engine.context import AppContext
from assistant.engine.mdf_chat import QUEUE_RE as MDF_QUEUE_RE
from assistant.engine.mdf_chat import ROI_RE
from assistant.engine.programme import ADMIN_RE
from assistant.engine.programme import QUEUE_RE as REG_QUEUE_RE
from retrieval import records as R
from retrieval.ingest import replace_records
from retrieval.scope import scope_for_user
from tests.tools.programme_world import TODAY, write_world

_LOCALE = """    email_subject: "{subject}"
    email_body: "{body} {{partner}} {{vendor}} {{contact_email}}"
    social_post: "{body} {{partner}} {{vendor}}"
    landing_intro: "{body} {{partner}} {{vendor}}"
    disclaimer: "{{vendor}} is a trademark of {{vendor}} Inc. {{partner}} is an independent partner."
"""


def _kit(kit_id: str, name: str, product: str, subject_en: str, subject_de: str) -> str:
    return (f"kit_id: {kit_id}\nname: {name}\nproducts: [{product}]\nindustries: [Healthcare, Retail]\n"
            f"objective: Book reviews\naudience: Data leaders\nkey_messages: [Faster reports]\n"
            f"proof_points: [A bank closed its books faster]\ncall_to_action: Book a review\nlocales:\n"
            f"  en:\n" + _LOCALE.format(subject=subject_en, body="Reports in minutes with")
            + "  de:\n" + _LOCALE.format(subject=subject_de, body="Berichte in Minuten mit"))


@pytest.fixture()
def ctx(tmp_path):
    from connectors.csv_folder import read_import_folder

    folder = write_world(tmp_path / "in")
    (folder / "campaigns").mkdir()
    (folder / "campaigns" / "g.yaml").write_text(_kit(
        "governance-review", "Governance review", "Governance", "Audit-ready data with {partner}",
        "Prüfungssichere Daten mit {partner}"), encoding="utf-8")
    (folder / "campaigns" / "s.yaml").write_text(_kit(
        "streaming-realtime", "Real-time data with Streaming", "Streaming", "Real-time data with {partner}",
        "Echtzeitdaten mit {partner}"), encoding="utf-8")
    context = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    replace_records(context, read_import_folder(folder))
    yield context
    context.close()


KITS = {"governance-review": "Governance review", "streaming-realtime": "Real-time data with Streaming",
        "ai-launch": "AI launch"}


def test_a_kit_named_loosely_or_in_another_language():
    assert draft_options.kit_named("borrador del kit de gobernanza para Iberia", KITS) == "governance-review"
    assert draft_options.kit_named("kit de governança pra Paulista", KITS) == "governance-review"
    assert draft_options.kit_named("the realtime kit for Sakura", KITS) == "streaming-realtime"
    assert draft_options.kit_named("rascunho com o kit de IA", KITS) == "ai-launch"
    # the partner's own words are not read as the kit's ("Nordic Stream" is no streaming kit)
    assert draft_options.kit_named("co-brand a kit for Nordic Stream", KITS, {"nordic", "stream"}) is None
    assert draft_options.kit_named("co-brand the webinar kit for Thames Data", KITS) is None


def test_a_kit_that_does_not_exist_is_named():
    assert draft_options.unknown_kit("co-brand the webinar kit for Thames Data", KITS) == "webinar"
    assert draft_options.unknown_kit("das Webinar-Kit für Alpine", KITS) == "Webinar"
    assert draft_options.unknown_kit("kit de webinar para Lisboa", KITS) == "webinar"
    for known in ("the governance kit for Alpine", "draft the German kit for Alpine", "the linkedin kit for X",
                  "kit de campanha para Lisboa", "draft a kit for Alpine", "kit de IA para Lisboa"):
        assert draft_options.unknown_kit(known, KITS) is None, known


def test_queues_return_stalled_and_admin_patterns_in_their_words():
    for q in ("mdf requests waiting on me", "welche MDF-Anträge sind noch offen?", "demandes MDF en attente ?",
              "solicitudes de MDF pendientes", "pedidos de MDF pendentes?", "any MDF claims overdue?"):
        assert MDF_QUEUE_RE.search(q), q
    for q in ("how much mdf do we have left?", "what is the mdf policy on pending requests?",
              "when are MDF requests approved?"):
        assert not MDF_QUEUE_RE.search(q), q
    for q in ("pending regs?", "Registrierungen offen?", "enregistrements en attente", "registros pendientes",
              "which registrations are waiting?"):
        assert REG_QUEUE_RE.search(q), q
    assert not REG_QUEUE_RE.search("how long do pending registrations take to approve?")
    assert ROI_RE.search("cuánto MDF gastó Alpine IT y qué retorno tuvo?")
    assert ROI_RE.search("hat sich das MDF von Alpine gelohnt?")
    assert not ROI_RE.search("qual o prazo de retorno do MDF?")  # a rule's deadline, not the return
    assert STALLED_RE.search("any stalled deals I should chase?") and STALLED_RE.search("negócios parados?")
    assert not STALLED_RE.search("what should we do next on OPP-0042, is it stalled?")
    assert ADMIN_RE.search("issue me an api key for u-ps-alpine") and ADMIN_RE.search("show me the audit log")
    assert not ADMIN_RE.search("how do I import my contacts into the portal?")
    assert router.about_subject("now the same in french") == "french"
    assert router.about_subject("jetzt auf Englisch") == "englisch"


def test_what_a_marketer_can_send_a_partner(ctx):
    marketer = scope_for_user(ctx.store, "u-mkt")
    answer = ask(ctx, marketer, "what can I send Alpine IT?")
    assert answer.tools[0].name == "kits_for_partner" and answer.tools[0].arguments == {"partner_id": "P-1"}
    assert "governance-review" in answer.answer
    assert "streaming-realtime" not in answer.answer  # Alpine IT is not authorised for Streaming
    own = ask(ctx, scope_for_user(ctx.store, "u-ps2"), "which kits fit Alpine IT?")  # another partner's
    assert own.withheld and "P-1" not in own.answer and "governance-review" not in own.answer
    mine = ask(ctx, scope_for_user(ctx.store, "u-ps2"), "what can I send my customers?")
    assert mine.tools[0].arguments == {"partner_id": "P-2"}
    named = ask(ctx, marketer, "co-brand the governance kit for Alpine IT")  # one kit named: a draft
    assert named.tools[0].name == "draft_content" and "Audit-ready data with Alpine IT" in named.answer


def test_a_kit_that_does_not_exist_is_said_not_drafted(ctx):
    answer = ask(ctx, scope_for_user(ctx.store, "u-mkt"), "co-brand the webinar kit for Alpine IT")
    assert not answer.tools and "does not exist" in answer.answer
    assert "governance-review" in answer.answer and "streaming-realtime" in answer.answer


def test_a_marketers_draft_is_never_personalised_for_an_account(ctx):
    answer = ask(ctx, scope_for_user(ctx.store, "u-mkt"),
                 "draft the governance email for Alpine IT personalised for Kronos Kliniken")
    assert answer.answer.startswith("As a marketer you may not see accounts")
    assert answer.withheld and "Kronos" not in answer.answer.split("\n", 1)[1]
    assert answer.tools[0].name == "draft_content" and not answer.tools[0].arguments.get("account_id")


def test_a_draft_follow_up_in_another_language(ctx):
    marketer = scope_for_user(ctx.store, "u-mkt")
    first = ask(ctx, marketer, "draft the governance kit email in German for Alpine IT")
    assert "Prüfungssichere Daten mit Alpine IT" in first.answer
    again = ask(ctx, marketer, "now the same in english", first.thread_id)
    assert again.tools[0].arguments["locale"] == "en" and "Audit-ready data with Alpine IT" in again.answer


def test_queues_and_return_for_channel_managers_in_their_language(ctx):
    cm, marketer = scope_for_user(ctx.store, "u-cm"), scope_for_user(ctx.store, "u-mkt")
    queue = ask(ctx, cm, "welche MDF-Anträge sind noch offen?")
    assert queue.tools[0].name == "list_mdf" and "M-1" in queue.answer and "MDF-Anträge warten" in queue.answer
    roi = ask(ctx, cm, "cuánto MDF gastó Alpine IT y qué retorno tuvo?")
    assert roi.tools[0].name == "mdf_roi" and roi.tools[0].arguments["partner_id"] == "P-1"
    assert "Alpine IT (P-1)" in roi.answer and "MDF" in roi.answer and "Ninguna actividad" in roi.answer
    regs = ask(ctx, marketer, "pending regs?")  # marketers see no registrations
    assert "may not" in regs.answer and "R-IMP" not in regs.answer
    ask(ctx, scope_for_user(ctx.store, "u-ps1"), "Register a deal for Kronos Kliniken for Governance")
    assert "R-0001" in ask(ctx, cm, "pending regs?").answer


def test_stalled_deals_and_admin_commands_by_role(ctx):
    cm = scope_for_user(ctx.store, "u-cm")
    stalled = ask(ctx, cm, "any stalled deals I should chase?")
    assert stalled.tools[0].name == "stalled_deals" and "O-1" in stalled.answer  # no activity since 2026-01-10
    refused = ask(ctx, scope_for_user(ctx.store, "u-mkt"), "any stalled deals I should chase?")
    assert "O-1" not in refused.answer and "may not" in refused.answer
    key = ask(ctx, cm, "issue me an api key for u-ps1")
    assert "may not issue API keys" in key.answer
    assert "cosell users key" in ask(ctx, scope_for_user(ctx.store, "u-admin"), "issue me an api key for u-ps1").answer


# the English fixed sentences of the registration queue, a submission, a lead's routing and a draft
_ENGLISH = ("waiting for a decision", "waiting, oldest first", "days old", "check clear", "Submitted registration",
            "A channel manager will", "I could not do that", "Partners for lead", "no strong signal", "Draft email",
            "Subject:", "Checks:", "Saved as draft", "Same as pending draft")


@pytest.mark.parametrize(("locale", "words"), [
    ("de", ("Keine Registrierungen warten auf eine Entscheidung.", "eingereicht: Prüfung clear",
            "Ein Channel Manager wird sie genehmigen oder ablehnen.", "1 Registrierung wartet, älteste zuerst:",
            "seit 0 Tagen", "Partner für Lead L-1 (", "Das konnte ich nicht tun:", "Entwurf (email) für Alpine IT",
            "Betreff: Prüfungssichere Daten", "Prüfungen:", "Als Entwurf DR-")),
    ("ja", ("判断待ちの案件登録はありません。", "の案件登録 R-0001 を申請しました: チェック clear",
            "チャネルマネージャーが承認または却下します。", "判断待ちの案件登録は 1 件です（古い順）:", "0 日経過",
            "リード L-1 (", "実行できませんでした:", "Alpine IT (P-1) 向けの下書き", "件名:", "チェック:",
            "として保存しました")),
])  # fmt: skip
def test_queue_submission_routing_and_draft_in_the_askers_language(ctx, locale, words):
    """Short questions (too short to tell their language) are answered in the asker's locale (users.csv):
    every fixed sentence, none left in English; ids, names, verdicts and the tools' own findings stay as they are."""
    with ctx.store.session() as s:
        for user_id in ("u-cm", "u-mkt", "u-ps1"):
            s.get(R.User, user_id).locale = locale
    cm, marketer, seller = (scope_for_user(ctx.store, u) for u in ("u-cm", "u-mkt", "u-ps1"))
    answers = [ask(ctx, cm, "pending regs?"), ask(ctx, seller, "register for Kronos Kliniken"),
               ask(ctx, cm, "pending regs?"), ask(ctx, cm, "route lead L-1"), ask(ctx, seller, "route lead L-1"),
               ask(ctx, marketer, "draft governance kit Alpine IT")]
    assert [a.tools[0].name for a in answers] == ["list_registrations", "submit_registration", "list_registrations",
                                                  "route_lead", "route", "draft_content"]
    text = "\n".join(a.answer for a in answers)
    for word in words:
        assert word in text, word
    for english in _ENGLISH:
        assert english not in text, english
    again = ask(ctx, marketer, "draft governance kit Alpine IT").answer  # the same draft again: returned, not saved
    assert ("Gleich wie der offene Entwurf DR-" if locale == "de" else "と同じです。") in again
    assert "Same as pending draft" not in again


def test_a_made_up_kit_named_after_the_word_or_quoted_is_said_not_to_exist():
    """ "aus dem Kit Winterbaustelle" said no kit "aus dem"; 「Setsubun Spring」キット got a picker of kits."""
    assert draft_options.unknown_kit("E-Mail aus dem Kit Sommerfest für Thames", KITS) == "Sommerfest"
    assert draft_options.unknown_kit("「Hanami Sale」キットでメールを作って", KITS) == "Hanami Sale"
    assert draft_options.unknown_kit("un e-mail du kit « Rentrée Cloud » pour Alpine", KITS) == "Rentrée Cloud"
    assert draft_options.unknown_kit("the kit Northwind Partners for Alpine", KITS, {"northwind", "partners"}) is None
