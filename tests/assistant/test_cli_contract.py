"""CLI.md's contract as an outside tester reads it: with `--json`, every error is one JSON object on stdout,
`{"error": {"code": ..., "message": ...}}`, with the exit code of its kind (2 for bad input)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.cli.analytics import portfolio_app
from assistant.cli.mapping import app as map_app

runner = CliRunner()


@pytest.mark.parametrize(("command", "args", "named"), [
    (app, ["search", "pricing", "--k", "0"], "--k"),
    (app, ["match", "OPP-1", "--top", "0"], "--top"),
    (app, ["search"], "query"),
    (app, ["registrations", "list", "--bogus"], "--bogus"),
    (app, ["no-such-command"], "no-such-command"),
    (map_app, ["map", "P-1", "--limit", "0"], "--limit"),  # `cosell map` and `cosell portfolio` start alone
    (portfolio_app, ["portfolio", "--bogus"], "--bogus"),
])
def test_usage_errors_are_json_with_exit_2(command, args, named):
    result = runner.invoke(command, [*args, "--json"])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    error = json.loads(lines[0])["error"]
    assert error["code"] == "bad_input"
    assert named in error["message"]


def test_usage_errors_without_json_keep_the_readable_message():
    result = runner.invoke(app, ["search", "pricing", "--k", "0"])
    assert result.exit_code == 2
    assert "--k" in result.output and '"error"' not in result.output


# --- ids in any case -------------------------------------------------------------------------------
# Every command finds an id in any case (`p-1` is P-1, as `get_by_id` does); what it stores and answers
# uses the stored spelling, so the record links up with the rest of the data.

@pytest.fixture()
def programme_env(tmp_path, monkeypatch):
    from tests.cosell_cli import cli
    from tests.tools.programme_world import FILES, TODAY, write_world

    folder = write_world(tmp_path / "import", {
        "partners.csv": FILES["partners.csv"].replace("industries\n", "industries,joined_on\n")
        .replace("Lakehouse,Retail\n", "Lakehouse,Retail,2025-01-15\n"),
        "opportunities.csv": FILES["opportunities.csv"].replace(",amount\n", ",amount,close_date\n")
        .replace("sourced,50000\n", "sourced,50000,2026-06-30\n").replace("sourced,30000\n", "sourced,30000,2025-07-01\n"),
        "partner_activity.csv": "partner_id,month,mdf_allocated\nP-1,2026-01,5000\nP-1,2026-02,5000\nP-1,2026-03,5000\n",
    })
    (folder / "campaigns").mkdir()
    (folder / "campaigns" / "kit.yaml").write_text(
        "kit_id: k1\nname: Kit\nlocales:\n  en:\n    email_subject: '{partner} and {vendor}'\n"
        "    email_body: 'Hello {account}'\n", encoding="utf-8")
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY)
    code, data = cli("ingest", str(folder))
    assert code == 3 and data["partners"] == 3, data  # the world rejects two programme rows on purpose
    return cli


def test_lower_case_ids_are_stored_and_answered_in_their_stored_spelling(programme_env):
    cli = programme_env
    code, reg = cli("registrations", "submit", "--partner", "p-1", "--account", "Neue Klinik AG", "--as", "u-ps1")
    assert code == 0 and reg["partner_id"] == "P-1", reg
    code, own = cli("registrations", "list", "--as", "u-ps1")
    assert reg["registration_id"] in {r["registration_id"] for r in own["registrations"]}
    code, mdf = cli("mdf", "request", "--partner", "p-1", "--name", "Roadshow", "--amount", "1000",
                    "--start", "2026-03-10")
    assert code == 0 and mdf["partner_id"] == "P-1", mdf  # within P-1's Q1 budget, not "p-1"'s (none)
    code, plan = cli("onboarding", "p-3")
    assert code == 0 and plan["partner_id"] == "P-3" and plan["first_win_on"] == "2025-07-01", plan
    code, attr = cli("attribution", "--partner", "p-3", "--from", "2025-01-01", "--to", "2026-03-02")
    assert code == 0 and [p["partner_id"] for p in attr["partners"]] == ["P-3"], attr
    code, draft = cli("draft", "--partner", "p-2", "--kit", "k1", "--locale", "en", "--channel", "email",
                      "--account", "a-2")
    assert code == 0 and draft["account_id"] == "A-2" and "Baltic Freight AG" in draft["body"], draft


def test_a_lead_assigned_with_a_lower_case_partner_id_can_be_accepted_by_its_seller(programme_env):
    cli = programme_env
    code, routed = cli("leads", "route", "l-1")
    assert code == 0 and routed["lead_id"] == "L-1", routed
    code, lead = cli("leads", "assign", "l-1", "p-1")
    assert code == 0 and lead["partner_id"] == "P-1" and lead["status"] == "assigned", lead
    code, mine = cli("leads", "list", "--as", "u-ps1")
    assert [x["lead_id"] for x in mine["leads"]] == ["L-1"]
    code, accepted = cli("leads", "accept", "l-1", "--as", "u-ps1")
    assert code == 0 and accepted["status"] == "accepted", accepted


def test_a_status_filter_is_read_in_any_case_and_an_unknown_one_names_the_statuses(programme_env):
    cli = programme_env
    code, reg = cli("registrations", "submit", "--partner", "P-1", "--account", "Neue Klinik AG", "--as", "u-ps1")
    assert code == 0
    code, mdf = cli("mdf", "request", "--partner", "P-1", "--name", "Roadshow", "--amount", "1000",
                    "--start", "2026-03-10")
    assert code == 0
    for command, key, record, status in (("registrations", "registrations", reg["registration_id"], reg["status"]),
                                         ("mdf", "activities", mdf["activity_id"], mdf["status"]),
                                         ("leads", "leads", "L-1", "new")):
        code, listed = cli(command, "list", "--status", status.upper())
        assert code == 0, listed
        rows = listed[key]
        assert rows and all(r["status"] == status for r in rows), (command, rows)
        if command != "leads":
            assert record in {r.get("registration_id") or r.get("activity_id") for r in rows}
        code, error = cli(command, "list", "--status", "pending-ish")
        assert code == 2 and status in error["error"]["message"] and "pending-ish" in error["error"]["message"]
