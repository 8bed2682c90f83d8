"""The partner directory (issue 23): profiles embedded at ingest and kept in sync by content hash, hybrid
search with structured filters and hints, hits that say what matched and quote the supporting passage,
internal roles only (CLI, API, tool and chat), and directory questions routed in six languages."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden
from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from assistant.engine.deterministic import plan_turn
from assistant.engine.turn import invoke_tool
from retrieval.directory import DirectoryIndex, split_passages
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope, issue_api_key, scope_for_user
from tools.directory.hints import Vocabulary
from tools.directory.service import search_partners

TODAY = "2026-03-02"
PARTNERS = (
    "partner_id,name,type,tier,countries,industries,competencies,certified_staff,description\n"
    "P-1,Kliniknetz IT,system_integrator,gold,DE;AT,Healthcare,Lakehouse;Governance,Lakehouse:4,"
    "\"Kliniknetz IT serves hospitals in Germany. References: for a university hospital we migrated SAP "
    "finance to the lakehouse; for a clinic group we built patient data governance.\"\n"
    "P-2,Rhein Retail Data,var,silver,DE,Retail,Streaming,,"
    "\"Rhein Retail Data helps retailers with real-time stock streaming. References: for a fashion "
    "retailer we streamed point-of-sale events.\"\n"
    "P-3,Sakura Systems,system_integrator,platinum,JP,Retail;Manufacturing,Lakehouse;Streaming,Streaming:2,"
    "\"Sakura Systems is a systems integrator in Tokyo. References: for a factory group we built a "
    "quality analytics platform.\"\n"
    "P-4,Iberia Cloud,reseller,registered,ES;PT,Insurance,Governance,,"
    "\"Iberia Cloud resells data governance to insurers in Spain and Portugal.\"\n"
    "P-5,Nordic Insight,consultancy,gold,SE;NO;DK,Public Sector,Observability,,"
    "\"Nordic Insight monitors data pipelines for municipalities and government agencies.\"\n"
)
CASE_STUDY = """---
title: "Case study: a Japanese supermarket chain moves to a lakehouse"
kind: case_study
visibility: partners
products: [Lakehouse]
industries: [Retail]
partner: P-3
---
# A Japanese supermarket chain moves to a lakehouse

A supermarket chain with 400 stores replaced its nightly data warehouse loads with a lakehouse, so that
store managers see yesterday's sales by seven in the morning.
"""
FILES = {
    "vendor.yaml": "name: Northwind\n",
    "partners.csv": PARTNERS,
    "accounts.csv": ("account_id,name,country,industry,status\nA-1,Kronos Kliniken GmbH,DE,Healthcare,prospect\n"
                     "A-2,Stockholms stad,SE,Government,customer\n"),
    "opportunities.csv": ("opportunity_id,account_id,name,stage,products,partner_id,partner_role\n"
                          "O-1,A-1,Kronos lakehouse,proposal,Lakehouse,,\n"
                          "O-2,A-2,City pipelines,closed_won,Observability,P-5,fulfillment\n"),
    "users.csv": ("user_id,name,role,partner_id\nu-admin,Ada,admin,\nu-cm,Carl,channel_manager,\n"
                  "u-mkt,Mia,marketer,\nu-ps1,Paul,partner_seller,P-1\n"),
    "content/case-studies/supermarket.md": CASE_STUDY,
}


def write_world(root: Path, overrides: dict[str, str] | None = None) -> Path:
    for name, text in {**FILES, **(overrides or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("directory")
    folder = write_world(root / "import")
    ctx = AppContext(Settings(home=root / "home", today=TODAY))
    first = ingest_folder(ctx, folder)
    yield ctx, folder, first
    ctx.close()


def search(ctx, query, user="u-cm", **filters):
    return search_partners(ctx, scope_for_user(ctx.store, user), query, **filters)


# --- ingest: embedded once, kept in sync --------------------------------------------------------


def test_profiles_are_embedded_at_ingest_and_an_unchanged_reingest_embeds_none(world):
    ctx, folder, first = world
    assert (first.profiles, first.embedded_profiles) == (5, 5)
    directory = DirectoryIndex(ctx.settings, ctx.store, ctx.content.embedder)
    vectors = directory.index.count()
    assert vectors > 5  # a summary, the description's sentences and the tagged case study: several each
    embedded_before = ctx.content.embedder.texts_embedded
    again = ingest_folder(ctx, folder)
    assert (again.profiles, again.embedded_profiles) == (5, 0)
    assert ctx.content.embedder.texts_embedded == embedded_before  # not one text went through the model
    assert directory.index.count() == vectors


def test_a_changed_profile_is_embedded_again_and_a_removed_partner_leaves(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    try:
        folder = write_world(tmp_path / "import")
        ingest_folder(ctx, folder)
        changed = PARTNERS.replace("monitors data pipelines", "watches data pipelines")
        changed = "\n".join(line for line in changed.splitlines() if not line.startswith("P-2,")) + "\n"
        result = ingest_folder(ctx, write_world(folder, {"partners.csv": changed}))
        assert (result.profiles, result.embedded_profiles) == (4, 1)
        ids = set(DirectoryIndex(ctx.settings, ctx.store, None).index.iter_ids())
        assert not any(i.startswith("P-2#") for i in ids) and any(i.startswith("P-5#") for i in ids)
        assert [h.partner_id for h in search(ctx, "real-time stock streaming for retailers").results][:1] != ["P-2"]
    finally:
        ctx.close()


def test_descriptions_are_cut_at_sentences_and_references():
    parts = split_passages("Acme serves banks. References: for a regional bank we built a lakehouse; for a "
                           "mutual insurer we automated claims reporting.")
    assert parts == ["Acme serves banks. References: for a regional bank we built a lakehouse;",
                     "for a mutual insurer we automated claims reporting."]


# --- search ----------------------------------------------------------------------------------------


def test_hits_carry_the_fields_that_matched_and_the_supporting_passage(world):
    ctx, _, _ = world
    result = search(ctx, "who can do SAP migrations for hospitals in Germany?", k=3)
    top = result.results[0]
    assert top.partner_id == "P-1"
    assert {"country: DE", "industry: Healthcare"} <= set(top.matched)
    assert "SAP" in top.evidence and top.evidence_source == "description"
    assert result.understood == {"country": ["DE"], "industry": ["Healthcare"]}


def test_a_case_study_tagged_to_the_partner_is_searched_and_quoted(world):
    ctx, _, _ = world
    top = search(ctx, "which partner has done a lakehouse for a supermarket chain?", k=3).results[0]
    assert top.partner_id == "P-3"
    assert top.evidence_source.startswith("Case study: a Japanese supermarket")
    assert "supermarket" in top.evidence


def test_explicit_filters_are_hard_and_validated(world):
    ctx, _, _ = world
    assert {h.partner_id for h in search(ctx, "data governance", country="ES").results} == {"P-4"}
    assert {h.partner_id for h in search(ctx, "lakehouse", tier="Gold").results} == {"P-1"}
    assert {h.partner_id for h in search(ctx, "partner", product="streaming", country="Japan").results} == {"P-3"}
    assert {h.partner_id for h in search(ctx, "", industry="hospitals").results} == {"P-1"}
    for bad, field in ((dict(country="Atlantis"), "--country"), (dict(industry="Mining"), "--industry"),
                       (dict(product="Mainframe"), "--product"), (dict(tier="diamond"), "--tier")):
        with pytest.raises(BadInput, match=field):
            search(ctx, "anything", **bad)
    with pytest.raises(BadInput):
        search(ctx, "  ")


def test_certified_staff_regions_and_tiers_or_above(world):
    ctx, _, _ = world
    certified = search(ctx, "a partner with at least 3 certified Lakehouse consultants", k=5).results
    assert certified[0].partner_id == "P-1" and "certified staff: Lakehouse 4" in certified[0].matched
    sakura = next(h for h in certified if h.partner_id == "P-3")  # lists Lakehouse, certified none in it
    assert not any(m.startswith(("competency", "certified")) for m in sakura.matched)
    assert sakura.score < certified[0].score - 0.2
    nordics = search(ctx, "observability partner in the Nordics", k=3).results[0]
    assert nordics.partner_id == "P-5" and nordics.matched[0] == "country: SE, NO, DK"
    above = search(ctx, "silver or above partner for streaming", k=5)
    assert above.understood["tier"] == ["gold", "platinum", "silver"]
    assert search(ctx, "a partner in Munich", k=1).understood == {"country": ["DE"]}


def test_won_deals_count_as_experience_for_the_channel_team_only(world):
    ctx, _, _ = world
    question = "who has won observability deals with government agencies in Sweden?"
    top = search(ctx, question, k=3).results[0]
    assert top.partner_id == "P-5" and "won deals: 1 matching" in top.matched
    marketer = search(ctx, question, user="u-mkt", k=3).results
    assert not any("won deals" in m for hit in marketer for m in hit.matched)  # deals are not a marketer's


def test_hints_in_other_languages_rank_the_fitting_partner_first(world):
    ctx, _, _ = world
    questions = {
        "Wer kann SAP-Migrationen für Krankenhäuser in Deutschland?": "P-1",
        "Quel partenaire fait du streaming pour les détaillants en Allemagne ?": "P-2",
        "¿Qué socio hace gobierno de datos para aseguradoras en España?": "P-4",
        "Qual parceiro faz observabilidade para o setor público na Suécia?": "P-5",
        "日本で小売業向けのレイクハウスの実績があるパートナーは?": "P-3",
    }
    for question, expected in questions.items():
        assert search(ctx, question, k=3).results[0].partner_id == expected, question


def test_hint_words_in_six_languages():
    vocabulary = Vocabulary(["Healthcare", "Public Sector"], ["Governance", "Streaming"], ["gold"], ["var"], ["DE"])
    assert vocabulary.parse("Krankenhäuser in Deutschland").as_dict() == {"country": ["DE"], "industry": ["Healthcare"]}
    spanish = vocabulary.parse("gobierno de datos en España")
    assert spanish.as_dict() == {"country": ["ES"], "product": ["Governance"]}  # data governance, not government
    assert vocabulary.parse("ゴールドパートナー、ドイツ").as_dict() == {"country": ["DE"], "tier": ["gold"]}
    assert vocabulary.parse("hôpitaux au Brésil").as_dict() == {"country": ["BR"], "industry": ["Healthcare"]}
    assert vocabulary.parse("Which SI?").as_dict() == {"type": ["system_integrator"]}
    assert vocabulary.parse("si possible").as_dict() == {}


# --- permissions: internal roles only, through every door --------------------------------------------


def test_a_partner_seller_may_not_search_the_directory(world):
    ctx, _, _ = world
    assert search(ctx, "lakehouse", user="u-mkt").results  # a marketer may
    with pytest.raises(Forbidden):
        search(ctx, "lakehouse", user="u-ps1")
    with pytest.raises(Forbidden):
        invoke_tool(ctx, scope_for_user(ctx.store, "u-ps1"), "find_partners", {"query": "lakehouse"})
    reply = ask(ctx, scope_for_user(ctx.store, "u-ps1"), "which partner has done a lakehouse for a retailer in Japan?")
    assert "partner directory" in reply.answer and "Sakura" not in reply.answer
    assert not reply.tools


def test_the_http_twin_has_the_cli_payload_and_refuses_a_partner_seller(world):
    ctx, _, _ = world
    keys = {u: {"Authorization": f"Bearer {issue_api_key(ctx.store, u)}"} for u in ("u-cm", "u-ps1")}
    with TestClient(create_app(ctx, warm_up=False)) as client:
        ok = client.get("/v1/partners/search", params={"q": "streaming for retailers", "country": "DE"},
                        headers=keys["u-cm"])
        assert ok.status_code == 200
        assert [r["partner_id"] for r in ok.json()["results"]] == ["P-2"]
        assert {"partner_id", "name", "score", "matched", "evidence"} <= set(ok.json()["results"][0])
        assert client.get("/v1/partners/search", params={"q": "x"}, headers=keys["u-ps1"]).status_code == 403
        assert client.get("/v1/partners/search", params={"q": "x", "tier": "diamond"},
                          headers=keys["u-cm"]).status_code == 422


# --- routing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "who can do SAP migrations for hospitals in Germany?",
    "which partner has done a lakehouse for a retailer in Japan?",
    "Welcher Partner hat Erfahrung mit Streaming für Händler in Deutschland?",
    "Quel partenaire a réalisé un lakehouse pour un distributeur au Japon ?",
    "¿Qué socio puede hacer gobierno de datos para aseguradoras en España?",
    "Qual parceiro já fez observabilidade para o setor público na Suécia?",
    "日本で小売業向けのレイクハウスの実績があるパートナーは?",
])  # fmt: skip
def test_directory_questions_are_routed_to_find_partners_in_every_language(world, question):
    ctx, _, _ = world
    plan = plan_turn(ctx, scope_for_user(ctx.store, "u-cm"), question)
    assert plan.intent == "directory" and plan.arguments["query"] == question and not plan.refusal


@pytest.mark.parametrize("question, intent", [
    ("Who can approve MDF requests?", "search"),
    ("Which partner tier gives the best discount?", "search"),
    ("What is a VAR?", "search"),
    ("Which partners should we bring into the Kronos lakehouse deal?", "match"),
])  # fmt: skip
def test_other_questions_are_not_directory_questions(world, question, intent):
    ctx, _, _ = world
    assert plan_turn(ctx, Scope.operator(), question).intent == intent


def test_chat_answers_a_directory_question_with_partners_and_evidence(world):
    ctx, _, _ = world
    reply = ask(ctx, scope_for_user(ctx.store, "u-cm"), "who can do SAP migrations for hospitals in Germany?")
    assert [t.name for t in reply.tools] == ["find_partners"]
    assert "Kliniknetz IT (P-1" in reply.answer and "SAP" in reply.answer


def test_a_won_deal_proves_the_country_and_vertical_the_profile_does_not_list(tmp_path):
    """"Who has won X with a bank in Switzerland?": the partner that won exactly that comes first, although
    its profile lists neither banking nor Switzerland, ahead of partners that list all three but never won."""
    listed = "".join(
        f"P-{i},Listed {i},system_integrator,gold,CH,Financial Services,Lakehouse,Lakehouse:3,"
        f"\"Listed {i} serves banks in Switzerland with the lakehouse.\"\n" for i in range(10, 16))
    partners = ("partner_id,name,type,tier,countries,industries,competencies,certified_staff,description\n"
                + listed + "P-9,Alpen Health Data,referral,gold,AT,Healthcare,Lakehouse,,"
                "\"Alpen Health Data serves hospitals in Austria.\"\n")
    folder = write_world(tmp_path / "import", {
        "partners.csv": partners,
        "accounts.csv": "account_id,name,country,industry,status\nA-7,Zuger Kantonalbank,CH,Financial Services,customer\n",
        "opportunities.csv": ("opportunity_id,account_id,name,stage,products,partner_id,partner_role\n"
                              "O-7,A-7,Zug lakehouse,closed_won,Lakehouse,P-9,sourced\n"),
        "content/case-studies/supermarket.md": CASE_STUDY.replace("partner: P-3", "partner: P-10"),
    })
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    try:
        ingest_folder(ctx, folder)
        hits = search(ctx, "which partner has already won a lakehouse deal with a bank in Switzerland?", k=3)
        assert hits.results[0].partner_id == "P-9"
        assert "won deals: 1 matching" in hits.results[0].matched
        # asked what partners *can* do (not what they did), listing it is what counts
        assert search(ctx, "who can do lakehouse for banks in Switzerland?", k=3).results[0].partner_id != "P-9"
    finally:
        ctx.close()
