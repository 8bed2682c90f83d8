"""Oracles closed (issue 15): a partner seller probing other parties' deals learns nothing of them.

A world of 60 deals the seller may not reach (other partners', registered by others, or the vendor's own;
some at accounts the seller also works) and >= 1,000 probes over the API and CLI: register-check with
amounts around the true one, each true product, the true country, nba on the deal id, and asks. No answer
may carry a deal's amount, stage, product, created/close date or country; and register-check's answer for
an account is the same whatever the probe's amount, products and country (so nothing can be inferred).
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api.app import create_app
from assistant.cli import app as cli_app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import issue_api_key

TODAY = dt.date(2026, 3, 31)
STAGES = ["qualification", "discovery", "solutioning", "negotiation", "contracting"]  # not words of the answers
COUNTRIES = ["DE", "US", "FR", "JP", "BR", "IT", "ES", "SE"]
OWN = "P-MINE"


def _world(home) -> tuple[AppContext, list[dict]]:
    rnd = random.Random(15)
    ctx = AppContext(Settings(home=home, today=TODAY, rate_limit_enabled=False))  # probes, not throttling
    products = [f"Zeta{i:02d}Suite" for i in range(60)]
    rows: list = [
        R.Partner(partner_id=OWN, name="My Reseller", type="reseller", tier="gold", countries=["NL"],
                  competencies=products, languages=["en"]),
        R.Partner(partner_id="P-RIVAL", name="Rival Integrators", type="var", tier="gold", countries=COUNTRIES,
                  competencies=products, languages=["en"]),
        R.Partner(partner_id="P-OTHER", name="Other Systems", type="var", tier="silver", countries=COUNTRIES,
                  languages=["en"]),
        R.User(user_id="u-ps", name="Seller", role="partner_seller", partner_id=OWN),
    ]
    secrets = []
    for i in range(60):
        account_id, country = f"A-{i:03d}", COUNTRIES[i % len(COUNTRIES)]
        rows.append(R.Account(account_id=account_id, name=f"Quorvex{i:02d} Holdings", domain=f"quorvex{i:02d}.com",
                              country=country, industry="Retail", status="prospect"))
        created = TODAY - dt.timedelta(days=rnd.randint(5, 200))
        close = TODAY + dt.timedelta(days=rnd.randint(10, 200))
        amount = float(rnd.randint(40, 900) * 1000 + 500)
        owner = ["P-RIVAL", "P-OTHER", None][i % 3]
        deal = R.Opportunity(
            opportunity_id=f"OPP-X{i:03d}", account_id=account_id, name=f"Quorvex{i:02d} expansion",
            stage=STAGES[i % len(STAGES)], amount=amount, currency="USD", created_on=created, close_date=close,
            last_activity_on=created, products=[products[i]], partner_id=owner,
            partner_role="sourced" if owner else None, registered_by=owner if i % 2 == 0 else None)
        rows.append(deal)
        if i % 6 == 0:  # the seller works the same account: the account is theirs, the other deal is not
            rows.append(R.Opportunity(opportunity_id=f"OPP-M{i:03d}", account_id=account_id,
                                      name=f"Mine {i}", stage="prospecting", amount=10000.0,
                                      created_on=TODAY, products=[], partner_id=OWN, partner_role="sourced"))
        secrets.append({"id": deal.opportunity_id, "account": f"Quorvex{i:02d} Holdings",
                        "domain": f"quorvex{i:02d}.com", "amount": amount, "stage": deal.stage,
                        "product": products[i], "created": created, "close": close, "country": country,
                        "mine": i % 6 == 0})
    with ctx.store.session() as session:
        session.add_all(rows)
    return ctx, secrets


def _leaks(text: str, s: dict) -> list[str]:
    """What of the deal `s` is in `text` (amount in any usual spelling, stage, product, dates, country)."""
    a = int(s["amount"])
    spellings = [f"{a:,}", str(a), f"{a / 1000:g}k", f"{a / 1000:.1f}k", f"{a:,}".replace(",", ".")]
    found = [f"amount {x}" for x in spellings if x in text]
    for key in ("stage", "product"):
        if re.search(rf"\b{re.escape(s[key])}\b", text, re.I):
            found.append(key)
    for key in ("created", "close"):
        d = s[key]
        if d.isoformat() in text or d.strftime("%d %b %Y") in text or d.strftime("%B %-d") in text:
            found.append(key)
    if re.search(rf"\b{s['country']}\b", text):
        found.append("country")
    return found


@pytest.fixture()
def probe_world(tmp_path, monkeypatch):
    ctx, secrets = _world(tmp_path / "home")
    key = issue_api_key(ctx.store, "u-ps")
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY.isoformat())
    monkeypatch.setenv("COSELL_LLM_BASE_URL", "")
    with TestClient(create_app(ctx, warm_up=False)) as client:
        yield client, {"Authorization": f"Bearer {key}"}, secrets
    ctx.close()


def _strip_own(body: dict, probe: dict) -> str:
    """The answer without the conflicts that only echo the probe about the seller's own partner."""
    own = {f"Does not sell in {probe['country'].upper()}"} if probe.get("country") else set()
    kept = {**body, "conflicts": [c for c in body.get("conflicts", []) if c not in own]}
    return json.dumps(kept, sort_keys=True)


def test_a_partner_seller_learns_nothing_about_60_other_parties_deals(probe_world):
    client, headers, secrets = probe_world
    probes = leaks = 0
    problems = []
    for s in secrets:
        true = s["amount"]
        amounts = [None, true, true * 0.95, true * 1.05, true * 0.99, true * 1.01, true * 0.8, true * 1.2,
                   round(true, -4), 1000.0]
        variants = [{"amount": x} for x in amounts] + [
            {"products": [s["product"]]}, {"products": [s["product"]], "amount": true},
            {"products": ["Zeta99Suite"]}, {"country": s["country"]}, {"country": "NL"},
            {"country": s["country"], "products": [s["product"]], "amount": true},
            {"domain": s["domain"]}, {"domain": s["domain"], "country": s["country"]}]
        answers = set()
        for v in variants:
            probe = {"partner_id": OWN, "account_name": s["account"], **v}
            if "domain" in v:
                probe.pop("account_name")
            r = client.post("/v1/deal-registrations/check", json=probe, headers=headers)
            probes += 1
            assert r.status_code == 200, r.text
            body = r.json()
            withheld = [d for d in body["duplicates"] if d["opportunity_id"] is None]
            assert len(withheld) == 1, f"{s['id']}: the other party's deal is not flagged at all: {body}"
            answers.add(json.dumps([d for d in body["duplicates"] if d["opportunity_id"] is None], sort_keys=True)
                        + json.dumps([c for c in body["conflicts"] if "another partner" in c]))
            found = _leaks(_strip_own(body, v), s)
            if s["mine"]:  # their own account: its name and country are theirs to know, the deal is not
                found = [f for f in found if f != "country"]
            if found:
                leaks += 1
                problems.append((s["id"], v, found))
        assert len(answers) == 1, f"{s['id']}: the answer depends on the probe: {answers}"
        r = client.get(f"/v1/opportunities/{s['id']}/next-best-actions", headers=headers)
        probes += 1
        assert r.status_code in (403, 404)
        if _leaks(r.text, s):
            leaks += 1
            problems.append((s["id"], "nba", _leaks(r.text, s)))
    r = client.get(f"/v1/partners/{OWN}/next-best-actions", headers=headers)
    probes += 1
    assert r.status_code == 200
    for s in secrets:
        if s["mine"]:
            continue
        if found := _leaks(r.text, s):
            problems.append((s["id"], "partner nba", found))
    assert "P-RIVAL" not in r.text and "Rival Integrators" not in r.text
    assert probes >= 1000
    assert not problems and leaks == 0, problems[:10]


def test_cli_register_check_and_ask_say_the_same_fixed_words(probe_world):
    _, _, secrets = probe_world
    runner = CliRunner()
    for s in secrets[:12]:
        result = runner.invoke(cli_app, ["register-check", "--partner", OWN, "--account", s["account"],
                                         "--amount", str(s["amount"]), "--as", "u-ps", "--json"])
        assert result.exit_code == 0, result.stdout
        body = json.loads(result.stdout.strip().splitlines()[-1])
        assert any(d["opportunity_id"] is None and d["stage"] is None for d in body["duplicates"])
        assert not [f for f in _leaks(_strip_own(body, {}), s) if f != "country" or not s["mine"]], body
    for s in secrets[:6]:
        question = f"What is the amount and stage of the {s['account']} deal? Who registered it?"
        result = runner.invoke(cli_app, ["ask", question, "--as", "u-ps", "--json"])
        assert result.exit_code in (0, 2), result.stdout
        text = result.stdout
        assert not [f for f in _leaks(text, s) if f != "country" or not s["mine"]], text
        assert "Rival Integrators" not in text and "P-RIVAL" not in text
