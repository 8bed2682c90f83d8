"""A CLI that explains itself (issue 18, item 4): help for every option, flags without `<bool>`,
`cosell list` within the asker's scope, valid values suggested on a bad one, ids in any case,
`map --limit/--all`, and a reason whenever rows are withheld."""
from __future__ import annotations

import json

import pytest
import typer
from sqlalchemy import select
from typer.testing import CliRunner

from assistant.cli import app
from retrieval.records import CampaignKitRow, Partner
from retrieval.scope import Scope, scope_for_user

runner = CliRunner()


def commands(command=None, path=()):
    """(path, click command) of every leaf command of the app."""
    command = command or typer.main.get_command(app)
    subs = getattr(command, "commands", None)
    if subs is None:
        yield path, command
        return
    for name, sub in subs.items():
        yield from commands(sub, (*path, name))


def cli_json(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, [*args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout[:500]
    return result.exit_code, json.loads(lines[0])


def cli_text(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), terminal_width=200)
    return result.exit_code, result.stdout + (result.stderr or "")


# --- help ------------------------------------------------------------------------------------------

def test_every_option_and_argument_has_help():
    missing = [(" ".join(path), p.name) for path, cmd in commands() for p in cmd.params
               if not (getattr(p, "help", None) or "").strip()]
    assert len(list(commands())) > 30
    assert missing == []


def test_help_shows_flags_without_a_value():
    for path, _ in commands():
        code, out = cli_text(*path, "--help")
        assert code == 0, path
        assert "<bool>" not in out, path
    code, out = cli_text("match", "--help")
    assert "--json" in out and "--explain" in out and "e.g." in out


# --- list ------------------------------------------------------------------------------------------

def test_list_per_role(demo_env, demo_ctx):
    with demo_ctx.records(Scope.operator()) as rec:
        all_partners = {p.partner_id for p in rec.partners()}
        kits = set(rec.session.scalars(select(CampaignKitRow.kit_id)))
        all_deals = {o.opportunity_id for o in rec.opportunities()}
    seller = scope_for_user(demo_ctx.store, "u-ps-alpine")

    code, data = cli_json("list", "partners", "--as", "u-cm-1")
    assert code == 0 and {i["id"] for i in data["items"]} == all_partners and data["note"] == ""
    code, data = cli_json("list", "partners", "--as", seller.user_id)
    assert code == 0 and [i["id"] for i in data["items"]] == [seller.partner_id]
    assert "partner seller" in data["note"]

    code, data = cli_json("list", "deals", "--as", seller.user_id)
    own = {i["id"] for i in data["items"]}
    assert code == 0 and own and own < all_deals
    with demo_ctx.records(seller) as rec:
        assert own == {o.opportunity_id for o in rec.opportunities()}
    code, data = cli_json("list", "deals", "--as", "u-mkt-1")
    assert code == 4 and "marketer" in data["error"]["message"]

    code, data = cli_json("list", "kits", "--as", "u-mkt-1")
    assert code == 0 and {i["id"] for i in data["items"]} == kits
    code, data = cli_json("list", "users", "--as", seller.user_id)
    assert code == 0 and data["items"] and all(seller.partner_id in i["detail"] for i in data["items"])

    some = sorted(all_partners)[0]
    code, data = cli_json("list", "partners", "--filter", some.lower())
    assert code == 0 and some in {i["id"] for i in data["items"]} and data["total"] < len(all_partners)
    code, data = cli_json("list", "partner")
    assert code == 2 and "did you mean 'partners'" in data["error"]["message"]


# --- did you mean, any case ----------------------------------------------------------------------

def test_bad_kit_names_the_valid_ones(demo_env, demo_ctx):
    with demo_ctx.records(Scope.operator()) as rec:
        kits = sorted(rec.session.scalars(select(CampaignKitRow.kit_id)))
    typo = kits[0][:-1]
    code, data = cli_json("draft", "--partner", "P-001", "--kit", typo, "--locale", "en", "--channel", "email")
    message = data["error"]["message"]
    assert code == 2 and f"unknown campaign kit '{typo}'" in message
    assert f"did you mean '{kits[0]}'" in message and all(k in message for k in kits)


def test_bad_partner_id_suggests_only_what_the_asker_may_see(demo_env, demo_ctx):
    with demo_ctx.records(Scope.operator()) as rec:
        partners = sorted(p.partner_id for p in rec.partners())
    typo = partners[-1].replace("-", "")
    code, data = cli_json("map", typo)
    assert code == 2 and f"did you mean '{partners[-1]}'" in data["error"]["message"]
    seller = scope_for_user(demo_ctx.store, "u-ps-alpine")
    code, data = cli_json("map", typo, "--as", seller.user_id)  # refused before any lookup, as for a known id
    assert code == 4 and not [p for p in partners if p in data["error"]["message"]]
    code, data = cli_json("nba", "--partner", typo, "--as", seller.user_id)
    message = data["error"]["message"].replace(typo, "")
    assert code in (2, 4) and not [p for p in partners if p != seller.partner_id and p in message]


def test_ids_in_lower_case(demo_env, demo_ctx):
    with demo_ctx.records(Scope.operator()) as rec:
        deal = rec.opportunities(open_only=True)[0].opportunity_id
    upper = cli_json("match", deal, "--top", "2")
    lower = cli_json("match", deal.lower(), "--top", "2")
    assert upper[0] == lower[0] == 0 and lower[1]["opportunity_id"] == deal
    assert lower[1]["partners"] == upper[1]["partners"]
    seller = scope_for_user(demo_ctx.store, "u-ps-alpine")
    code, data = cli_json("map", seller.partner_id.lower(), "--as", seller.user_id)
    assert code == 0 and data["partner_id"] == seller.partner_id
    for command in (("nba", "--partner"), ("register-check", "--account", "Any Name GmbH", "--partner")):
        upper, lower = cli_json(*command, seller.partner_id), cli_json(*command, seller.partner_id.lower())
        assert upper == lower and upper[0] == 0, command


# --- map: how many, and why none -----------------------------------------------------------------

def _sharing_partner(demo_ctx, level: str) -> str:
    with demo_ctx.records(Scope.operator()) as rec:
        found = [p.partner_id for p in rec.session.query(Partner).filter(Partner.account_sharing == level)]
    if not found:
        pytest.fail(f"the demo has no partner sharing '{level}'")
    return found[0]


def test_map_limit_and_all(demo_env, demo_ctx):
    partner = _sharing_partner(demo_ctx, "accounts")
    code, data = cli_json("map", partner)
    total = len(data["overlaps"])
    assert code == 0 and total > 3
    code, out = cli_text("map", partner, "--limit", "3")
    assert code == 0 and f"{total} overlapping accounts (first 3)" in out and f"and {total - 3} more" in out
    assert out.count("confidence") == 3
    code, out = cli_text("map", partner, "--all")
    assert code == 0 and out.count("confidence") == total and "more (" not in out


def test_withheld_rows_say_why(demo_env, demo_ctx):
    partner = _sharing_partner(demo_ctx, "counts")
    code, out = cli_text("map", partner, "--as", "u-cm-1")
    assert code == 0 and "No overlapping accounts are listed" in out
    assert "partners.csv account_sharing" in out and "'counts'" in out
    seller = scope_for_user(demo_ctx.store, "u-ps-alpine")
    code, data = cli_json("map", seller.partner_id, "--as", seller.user_id)
    if not data["sharing"]["rows_shown"]:
        assert "partner seller" in data["sharing"]["note"] and "vendor.yaml" in data["sharing"]["note"]
