"""Issue 21: where unspent or low-return MDF would do better, with the numbers behind it, in `mdf advice`,
next-best actions, the digest and chat; the approval queue and reminders in next-best actions and the
digest; a partner seller never sees another partner's MDF figures.

P-1 was paid 10,000 for two webinars that won 10,000 (1x); P-2 was paid 3,000 for two events that won
90,000 (30x); the programme returned 100,000 / 13,000 (7.7x). This quarter (2026-Q1) P-1 has 15,000
allocated and P-2 9,000 of which 1,500 is approved (M-C2, started 2026-02-01, runs to 2026-03-10).
"""
from __future__ import annotations

import json

import pytest

from assistant.cli import app
from assistant.engine.mdf_chat import HANDLERS
from tests.cosell_cli import cli, runner
from tests.tools.programme_world import TODAY, write_world

WORLD = {
    "deal_registrations.csv": None, "leads.csv": None,
    "partner_activity.csv": "partner_id,month,mdf_allocated\n" + "".join(
        f"P-{p},2026-0{m},{5000 if p == 1 else 3000}\n" for p in (1, 2) for m in (1, 2, 3)),
    "mdf_activities.csv": (
        "activity_id,partner_id,name,kind,status,requested_amount,approved_amount,claimed_amount,paid_amount,"
        "requested_on,start_on,end_on\n"
        "M-A1,P-1,Webinar one,webinar,paid,5000,5000,5000,5000,2025-05-01,2025-06-01,2025-06-01\n"
        "M-A2,P-1,Webinar two,webinar,paid,5000,5000,5000,5000,2025-08-01,2025-09-01,2025-09-01\n"
        "M-B1,P-2,Summit booth,event,paid,2000,2000,2000,2000,2025-06-01,2025-07-01,2025-07-02\n"
        "M-B2,P-2,Round table,event,paid,1000,1000,1000,1000,2025-09-01,2025-10-01,2025-10-01\n"
        "M-C1,P-1,Spring webinar,webinar,requested,2000,,,,2026-02-25,2026-03-20,2026-03-20\n"
        "M-C2,P-2,Winter series,event,approved,1500,1500,,,2026-01-10,2026-02-01,2026-03-10\n"
    ),
    "opportunities.csv": (
        "opportunity_id,account_id,name,stage,products,created_on,close_date,partner_id,partner_role,amount,"
        "mdf_activity_id\n"
        "O-1,A-2,Freight lakehouse,proposal,Lakehouse,2026-01-10,2026-06-30,P-2,sourced,50000,M-B1\n"
        "O-2,A-3,Retail governance,closed_won,Governance,2025-10-05,2025-12-01,P-2,sourced,30000,M-B2\n"
        "O-3,A-1,Kliniken platform,closed_won,Lakehouse,2025-07-05,2025-11-01,P-2,sourced,60000,M-B1\n"
        "O-4,A-3,Retail lakehouse,closed_won,Lakehouse,2025-06-05,2025-08-01,P-1,sourced,10000,M-A1\n"
    ),
}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("mdf-advice")
    mp = pytest.MonkeyPatch()
    mp.setenv("COSELL_HOME", str(root / "home"))
    mp.setenv("COSELL_TODAY", TODAY)
    code, data = cli("ingest", str(write_world(root / "import", WORLD)))
    assert code == 0, data
    yield
    mp.undo()


def test_advice_names_the_numbers(env):
    code, found = cli("mdf", "advice", "--as", "u-cm")
    assert code == 0
    rules = [(a["rule"], a["partner_id"] or a["kind"]) for a in found["advice"]]
    # biggest expected gain first: 15,000 x (30 - 1), 10,000 x (30 - 1), (9,000 - 1,500 approved) x 30
    assert rules == [("reallocate", "P-1"), ("kind", "webinar"), ("idle_budget", "P-2")]
    assert [a["impact"] for a in found["advice"]] == [435000, 290000, 225000]
    move = found["advice"][0]
    assert "P-2" in move["title"] and "1.0x" in move["title"] and "30.0x" in move["title"]
    assert "$15,000 of its 2026-Q1 budget" in move["why"]
    assert any("paid $10,000" in e and "won $10,000" in e for e in move["evidence"])
    assert any("7.7x" in e for e in move["evidence"])
    assert cli("mdf", "advice", "--as", "u-mkt")[0] == 0
    own = cli("mdf", "advice", "--as", "u-ps1")[1]
    assert "P-2" not in json.dumps(own) and "M-B" not in json.dumps(own)


def test_next_best_actions_carry_the_queue_reminders_and_advice(env):
    p1 = cli("nba", "--partner", "P-1", "--as", "u-cm")[1]["actions"]
    kinds = {a["kind"]: a for a in p1}
    assert {"mdf_to_decide", "mdf_reallocate"} <= set(kinds)
    assert kinds["mdf_to_decide"]["subject_id"] == "M-C1" and "$2,000" in kinds["mdf_to_decide"]["title"]
    p2 = {a["kind"]: a for a in cli("nba", "--partner", "P-2", "--as", "u-cm")[1]["actions"]}
    assert {"mdf_not_started", "mdf_idle_budget"} <= set(p2)  # M-C2 was to start 2026-02-01
    assert p2["mdf_not_started"]["subject_id"] == "M-C2"
    seller = cli("nba", "--partner", "P-1", "--as", "u-ps1")[1]["actions"]
    assert not [a for a in seller if a["kind"] in ("mdf_to_decide", "mdf_reallocate")]  # they do not decide
    assert "P-2" not in json.dumps([a for a in seller if a["kind"].startswith("mdf")])


def test_digest_lists_mdf_to_act_on_and_advice(env):
    data = cli("digest", "--user", "u-cm")[1]
    states = {(m["activity_id"], m["state"]) for m in data["mdf"]["to_act_on"]}
    assert states == {("M-C1", "to_decide"), ("M-C2", "not_started")}
    assert data["mdf"]["advice"][0]["partner_id"] == "P-1"
    assert any("MDF" in json.dumps(b) and "M-C1" in json.dumps(b) for b in data["blocks"])


@pytest.mark.parametrize(("question", "tool", "shown"), [
    ("which MDF activities paid off?", "mdf_roi", ("M-B1", "30.0x", "M-A")),
    ("where should we put our MDF?", "mdf_advice", ("P-1", "P-2", "30.0x", "$15,000")),
    ("which MDF requests are waiting?", "list_mdf", ("M-C1", "M-C2")),
])
def test_chat_routes_mdf_questions(env, question, tool, shown):
    result = runner.invoke(app, ["ask", question, "--as", "u-cm", "--json"])
    answer = json.loads(result.stdout)
    assert [t["name"] for t in answer["tools"]] == [tool], answer
    assert all(s in answer["answer"] for s in shown), answer["answer"]


def test_chat_keeps_a_partner_seller_to_its_own(env):
    answer = json.loads(runner.invoke(app, ["ask", "which MDF activities paid off?", "--as", "u-ps1",
                                            "--json"]).stdout)["answer"]
    assert "M-A1" in answer or "M-A" in answer
    assert "M-B" not in answer and "P-2" not in answer
    answer = json.loads(runner.invoke(app, ["ask", "where should we put our MDF?", "--as", "u-ps2",
                                            "--json"]).stdout)["answer"]
    assert "P-1" not in answer


@pytest.mark.parametrize("question", [
    "When are MDF claims due?", "What is the minimum MDF request amount?", "how much MDF do we have left?",
    "what's the MDF policy", "who approves MDF requests?", "is there an MDF top-up if our campaigns perform?",
    "how much MDF is spent on events typically?", "where can we spend MDF?",
])
def test_policy_and_own_budget_questions_are_not_taken(env, question):
    """No MDF record handler answers them (a handler whose words match finds no activity named and declines):
    the programme's rules or the partner's own budget do."""
    taken = []
    for pattern, handler in HANDLERS:
        if pattern.search(question):
            taken.append(handler.__name__)
    answer = json.loads(runner.invoke(app, ["ask", question, "--as", "u-ps2", "--json"]).stdout)
    tools = [t["name"] for t in answer["tools"]]
    assert not {"list_mdf", "mdf_roi", "mdf_advice"} & set(tools), (taken, answer)
