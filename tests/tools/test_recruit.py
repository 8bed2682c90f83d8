"""Recruitment (CLI.md `recruit`): a planted world where system integrators win and resellers lose, Italy has
open deals and no partner, and two candidates are partners already (same website; same name)."""
from __future__ import annotations

import json
import random

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api import create_app
from assistant.cli import app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from assistant.engine.deterministic import plan_turn
from retrieval.scope import issue_api_key, scope_for_user
from tools.recruit.profile import learn

runner = CliRunner()
TODAY = "2026-03-02"
ADMIN, CM, SELLER, MARKETER = "u-admin", "u-cm", "u-ps1", "u-mkt"


def _world() -> dict[str, str]:
    partners = ["partner_id,name,type,tier,website,countries,competencies,industries,joined_on,employees"]
    accounts = ["account_id,name,domain,country,industry,employees,status"]
    opps = ["opportunity_id,account_id,name,stage,products,created_on,close_date,partner_id,partner_role,amount"]
    n = 0
    for i in range(1, 13):
        si = i % 2 == 1  # odd partners are system integrators and win; even ones are resellers and mostly lose
        ptype, country = ("system_integrator" if si else "reseller"), ("DE" if i % 3 else "FR")
        name = {1: "Alpine IT", 2: "Rhein Systems"}.get(i, f"Partner {i:02d} Consulting")
        partners.append(f"P-{i},{name},{ptype},gold,{name.lower().replace(' ', '-')}.example,{country},Lakehouse,"
                        f"Healthcare,2024-0{1 + i % 6}-01,{300 + 40 * i}")
        for k in range(5):
            n += 1
            won = k < (4 if si else 1)
            accounts.append(f"A-{n},Customer {n} GmbH,customer{n}.example,{country},Healthcare,500,customer")
            opps.append(f"O-{n},A-{n},Deal {n},{'closed_won' if won else 'closed_lost'},Lakehouse,2024-0{1 + k}-10,"
                        f"2025-0{1 + k}-20,P-{i},sourced,{50000 + 1000 * k}")
    for j in range(12):  # Italy: twelve open deals, no partner
        n += 1
        accounts.append(f"A-{n},Cliente {n} SpA,cliente{n}.example,IT,Healthcare,800,prospect")
        opps.append(f"O-{n},A-{n},Italian deal {n},proposal,Lakehouse,2026-01-{10 + j},,,,90000")
    candidates = (
        "candidate_id,name,type,website,countries,industries,competencies,employees\n"
        "C-1,Roma Integrazioni,system_integrator,romaint.example,IT,Healthcare,Lakehouse,500\n"
        "C-2,Berlin Integration,system_integrator,berlinint.example,DE,Healthcare,Lakehouse,500\n"
        "C-3,Napoli Rivendita,reseller,napoliriv.example,IT,Healthcare,Lakehouse,500\n"
        "C-4,Alpine Informationstechnik,system_integrator,https://www.alpine-it.example/,AT,Healthcare,Lakehouse,90\n"
        "C-5,Rhein Systems GmbH,reseller,rhein-sys.example,DE,Healthcare,Lakehouse,90\n")
    return {
        "vendor.yaml": "name: Northwind\n",
        "partners.csv": "\n".join(partners) + "\n", "accounts.csv": "\n".join(accounts) + "\n",
        "opportunities.csv": "\n".join(opps) + "\n", "partner_candidates.csv": candidates,
        "users.csv": ("user_id,name,role,partner_id\nu-admin,Ada,admin,\nu-cm,Carl,channel_manager,\n"
                      "u-mkt,Mia,marketer,\nu-ps1,Paul,partner_seller,P-1\n"),
    }


def cli(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, [*args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout[:500]
    return result.exit_code, json.loads(lines[0])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recruit") / "import"
    folder.mkdir()
    for name, text in _world().items():
        (folder / name).write_text(text, encoding="utf-8")
    home = tmp_path_factory.mktemp("recruit-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("COSELL_HOME", str(home))
    mp.setenv("COSELL_TODAY", TODAY)
    assert cli("ingest", str(folder))[0] == 0
    code, data = cli("recruit", "--as", CM)
    assert code == 0, data
    yield home, data
    mp.undo()


def test_json_shape(world):
    _, data = world
    assert isinstance(data["profile"]["traits"], list) and data["profile"]["traits"]
    for c in data["candidates"]:
        assert {"candidate_id", "name", "score", "reasons", "similar_to", "fills_gap"} <= set(c)
        assert 0 <= c["score"] <= 1 and c["reasons"]
    scores = [c["score"] for c in data["candidates"]]
    assert scores == sorted(scores, reverse=True)


def test_already_partners_are_flagged_not_ranked(world):
    _, data = world
    ranked = {c["candidate_id"] for c in data["candidates"]}
    flagged = {a["candidate_id"]: a for a in data["already_partners"]}
    assert set(flagged) == {"C-4", "C-5"} and not ranked & set(flagged)
    assert flagged["C-4"]["partner_id"] == "P-1" and "already a partner: P-1" in flagged["C-4"]["reason"]
    assert "alpine-it.example" in flagged["C-4"]["reason"]  # same website, another name
    assert flagged["C-5"]["partner_id"] == "P-2"  # same name, another legal form and website


def test_profile_learns_the_winning_type(world):
    _, data = world
    lines = data["profile"]["traits"]
    assert any(line.startswith("Better results: type: system_integrator") for line in lines), lines
    assert any(line.startswith("Weaker results: type: reseller") for line in lines), lines
    by_id = {c["candidate_id"]: c for c in data["candidates"]}
    assert set(by_id["C-1"]["similar_to"]) <= {f"P-{i}" for i in range(1, 13, 2)}  # integrators that win
    assert by_id["C-1"]["similar_to"]


def test_a_gap_country_raises_a_candidate(world):
    _, data = world
    order = [c["candidate_id"] for c in data["candidates"]]
    assert order.index("C-1") < order.index("C-2")  # the same company, but in Italy
    c1 = next(c for c in data["candidates"] if c["candidate_id"] == "C-1")
    assert c1["fills_gap"] == "covers Italy, where we have 12 open deals and 12 accounts and no partner there"


def test_filters(world):
    code, data = cli("recruit", "--country", "Italy", "--as", ADMIN)
    assert code == 0 and data["filters"] == {"country": "IT"}
    assert {c["candidate_id"] for c in data["candidates"]} == {"C-1", "C-3"}
    code, data = cli("recruit", "--industry", "healthcare", "--product", "LAKEHOUSE", "--top", "1")
    assert code == 0 and len(data["candidates"]) == 1 and data["filters"]["industry"] == "Healthcare"


@pytest.mark.parametrize("args, words", [
    (["--country", "Atlantis"], ["--country", "Atlantis"]),
    (["--industry", "Mining"], ["--industry", "Mining", "Healthcare"]),
    (["--product", "Teleporter"], ["--product", "Teleporter", "Lakehouse"]),
])
def test_bad_filter_is_a_clear_error(world, args, words):
    code, data = cli("recruit", *args, "--as", CM)
    assert code == 2 and all(w in data["error"]["message"] for w in words), data


def test_permissions(world):
    home, _ = world
    assert cli("recruit", "--as", SELLER)[0] == 4
    assert cli("recruit", "--as", MARKETER)[0] == 4
    ctx = AppContext(Settings(home=home, today=TODAY))
    try:
        keys = {u: issue_api_key(ctx.store, u) for u in (SELLER, CM)}
        with TestClient(create_app(ctx)) as client:
            assert client.get("/v1/recruit", headers={"Authorization": f"Bearer {keys[SELLER]}"}).status_code == 403
            got = client.get("/v1/recruit", params={"country": "IT"},
                             headers={"Authorization": f"Bearer {keys[CM]}"})
            assert got.status_code == 200 and got.json()["filters"] == {"country": "IT"}
            bad = client.get("/v1/recruit", params={"industry": "Mining"},
                             headers={"Authorization": f"Bearer {keys[CM]}"})
            assert bad.status_code == 422
    finally:
        ctx.close()


@pytest.mark.parametrize("question, args", [
    ("Which companies in Italy should we recruit as partners?", {"country": "IT"}),
    ("wen sollten wir als Partner gewinnen?", {}),
    ("Any healthcare partner candidates for Lakehouse?", {"industry": "Healthcare", "product": "Lakehouse"}),
])
def test_chat_routes_recruitment_questions(world, question, args):
    home, _ = world
    ctx = AppContext(Settings(home=home, today=TODAY))
    try:
        plan = plan_turn(ctx, scope_for_user(ctx.store, CM), question)
        assert plan.intent == "recruit" and plan.arguments == args and not plan.refusal
        refused = plan_turn(ctx, scope_for_user(ctx.store, SELLER), question)
        assert refused.intent == "recruit" and refused.refusal
    finally:
        ctx.close()


def test_chat_answer_names_the_candidates_and_pages_on(world):
    code, data = cli("ask", "Which companies should we recruit as partners?", "--as", CM)
    assert code == 0 and [t["name"] for t in data["tools"]] == ["recruit_partners"]
    assert "Roma Integrazioni (C-1)" in data["answer"] and "Italy" in data["answer"]
    assert "already a partner: P-1" in data["answer"]
    assert "How they are ranked: " in data["answer"] and "too few partners" in data["answer"]
    code, more = cli("ask", "and who else?", "--thread", data["thread_id"], "--as", CM)
    assert code == 0 and more["tools"][0]["name"] == "recruit_partners"
    assert "No more candidate" in more["answer"]  # three candidates, all shown in the first answer


def test_explain_says_which_ranker_ranks_and_each_score_by_part(world):
    _, data = world
    assert data["profile"]["ranker"] == "profile" and "too few partners" in data["profile"]["ranking"]
    for c in data["candidates"]:
        assert c["reasons"][0].startswith("Ranks here by profile fit")
        assert set(c["parts"]) == {"profile", "reach", "gap bonus"}
        assert any(r.startswith(f"Could serve {c['reach']['accounts']} of our accounts") for r in c["reasons"])
    assert f"counts {data['profile']['trust']:.0%}" in data["profile"]["ranking"]
    result = runner.invoke(app, ["recruit", "--explain", "--as", CM])
    assert result.exit_code == 0 and "How candidates are ranked" in result.stdout
    assert result.stdout.count("gap bonus") == len(data["candidates"])
    assert "reach (the demand a candidate could serve)" in result.stdout


def test_profile_model_finds_a_planted_trait_and_not_noise():
    rng = random.Random(7)
    traits = {f"P-{i}": {f"type: {'si' if i % 2 else 'var'}", f"country: {rng.choice('ABC')}"} for i in range(40)}
    vocab = sorted({t for s in traits.values() for t in s})
    weights = dict.fromkeys(traits, 1.0)
    planted = {p: (1.0 if "type: si" in s else -1.0) + rng.gauss(0, 0.5) for p, s in traits.items()}
    model = learn(traits, {p: dict.fromkeys(s, 1.0) for p, s in traits.items()}, planted, weights, vocab)
    assert model.effect("type: si") - model.effect("type: var") > 1.0 and model.reliability > 0.5
    noise = {p: rng.gauss(0, 1) for p in traits}
    model = learn(traits, {p: dict.fromkeys(s, 1.0) for p, s in traits.items()}, noise, weights, vocab)
    assert max(abs(model.effect(t)) for t in vocab) < 0.25 and model.reliability < 0.1


def test_a_programme_too_small_to_learn_from_still_ranks(tmp_path, monkeypatch):
    from tests.tools.programme_world import write_world

    folder = write_world(tmp_path / "import")
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY)
    assert cli("ingest", str(folder))[0] in (0, 3)  # 3: the world's deliberately bad rows are rejected
    code, data = cli("recruit")
    assert code == 0 and [c["candidate_id"] for c in data["candidates"]] == ["C-1"]
    assert "No trait" in data["profile"]["model"] and data["profile"]["traits"]


def test_an_unreliable_profile_is_shrunk_towards_the_partners_averages():
    """With noise for results the learned profile is not trusted (reliability 0) and the ranking is the
    prior's: how partners of a candidate's type, and partners sharing its traits, did on average."""
    from tools.recruit.rankers import shrunk as _shrunk

    rng = random.Random(3)
    traits = {f"P-{i}": {f"type: {'si' if i % 3 == 0 else 'var'}", f"country: {rng.choice('ABC')}"}
              for i in range(12)}
    scores = {p: (0.8 if "type: si" in s else 0.0) + rng.gauss(0, 1.5) for p, s in traits.items()}
    vocab = sorted({t for s in traits.values() for t in s})
    model = learn(traits, {p: dict.fromkeys(s, 1.0) for p, s in traits.items()}, scores, dict.fromkeys(traits, 1.0),
                  vocab)
    si_mean = sum(v for p, v in scores.items() if "type: si" in traits[p]) / 4
    var_mean = sum(v for p, v in scores.items() if "type: var" in traits[p]) / 8
    assert (model.prior({"type: si"})[0] > model.prior({"type: var"})[0]) == (si_mean > var_mean)
    candidates = [{"type: si", "country: A"}, {"type: var", "country: A"}]
    priors = [model.prior(c) for c in candidates]
    learned = [1.0, -1.0]  # whatever the profile says, untrusted
    assert _shrunk(learned, priors, 0.0) == _shrunk([-x for x in learned], priors, 0.0)
    assert _shrunk(learned, priors, 1.0) == [1.0, -1.0]
    assert (_shrunk(learned, priors, 0.0)[0] > 0) == (si_mean > var_mean)
