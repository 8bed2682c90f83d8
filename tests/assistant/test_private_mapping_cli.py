"""`cosell map-private ...` through typer's CliRunner, mounted as the main CLI mounts it: each party
hashes offline, the vendor publishes, the broker matches; exit codes and JSON errors as CLI.md says."""
from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.private_mapping import private_mapping_app
from tests.tools import mapping_world as world

cosell = typer.Typer()
cosell.add_typer(private_mapping_app, name="map-private")
runner = CliRunner()


def cli(*args: str) -> tuple[int, dict]:
    result = runner.invoke(cosell, ["map-private", *args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one JSON line, got: {result.stdout[:500]}"
    return result.exit_code, json.loads(lines[0])


@pytest.fixture()
def home(tmp_path, monkeypatch):
    ctx = world.build(tmp_path / "home")
    ctx.close()
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    (tmp_path / "key").write_bytes(world.SECRET + b"\n")
    world.write_partner_csv(tmp_path / "partner_accounts.csv")
    return tmp_path


def test_each_party_hashes_the_vendor_publishes_the_broker_matches(home):
    code, partner = cli("hash", str(home / "partner_accounts.csv"), "--secret-file", str(home / "key"),
                        "--out", str(home / "partner.json"))
    assert code == 0 and partner == {"out": str(home / "partner.json"), "party": "partner", "partner_id": "P1",
                                     "rows": len(world.ROWS)}
    written = (home / "partner.json").read_text()
    assert "acme" not in written.lower() and "line-2" in written  # digests and line references only
    code, vendor = cli("hash-accounts", "--secret-file", str(home / "key"), "--out", str(home / "vendor.json"),
                       "--as", "u-cm")
    assert code == 0 and vendor["party"] == "vendor" and vendor["rows"] == len(world.ACCOUNTS)
    code, published = cli("publish", "P1", str(home / "vendor.json"), "--as", "u-cm")
    assert code == 0 and published["rows"] == len(world.ACCOUNTS) and published["published_by"] == "u-cm"

    code, result = cli("match", "P1", str(home / "partner.json"), "--as", "u-cm")
    assert code == 0 and result["released"] == "rows" and result["overlap"] == 7
    assert {m["partner_ref"] for m in result["matches"]} == {f"line-{i}" for i in range(2, 9)}
    code, seller = cli("match", "P1", str(home / "partner.json"), "--as", "u-p1")
    assert code == 0 and seller["released"] == "counts" and seller["matches"] == []  # vendor.yaml: counts
    assert sum(c["count"] for c in seller["summary"]) >= seller["overlap"] == 7


def test_below_the_minimum_overlap_only_counts(home):
    world.write_partner_csv(home / "few.csv", rows=world.ROWS[:3])
    cli("hash", str(home / "few.csv"), "--secret-file", str(home / "key"), "--out", str(home / "few.json"))
    cli("hash-accounts", "--secret-file", str(home / "key"), "--out", str(home / "vendor.json"))
    code, result = cli("match", "P1", str(home / "few.json"), "--vendor-digests", str(home / "vendor.json"))
    assert code == 0 and result["overlap"] == 3 and result["released"] == "counts" and result["matches"] == []
    assert {(c["vendor_population"], c["partner_population"]): c["count"] for c in result["summary"]} == {
        ("customer", "customer"): 1, ("prospect", "customer"): 1, ("former_customer", "customer"): 1}


def test_digests_go_to_stdout_without_out(home):
    result = runner.invoke(cosell, ["map-private", "hash", str(home / "partner_accounts.csv"),
                                    "--secret-file", str(home / "key")])
    assert result.exit_code == 0 and len(json.loads(result.stdout)["rows"]) == len(world.ROWS)


@pytest.mark.parametrize("args, code, error", [
    (("hash-accounts", "--secret-file", "{home}/key", "--as", "u-p1"), 4, "forbidden"),
    (("hash-accounts", "--secret-file", "{home}/key", "--as", "u-mkt"), 4, "forbidden"),
    (("publish", "P1", "{home}/partner.json", "--as", "u-cm"), 2, "bad_input"),  # a partner's digests
    (("match", "P1", "{home}/partner.json", "--as", "u-cm"), 2, "bad_input"),  # nothing published yet
    (("match", "P1", "{home}/partner.json", "--as", "u-p2"), 4, "forbidden"),  # another partner
    (("match", "P1", "{home}/partner.json", "--as", "u-mkt"), 4, "forbidden"),
    (("match", "P1", "{home}/partner.json", "--vendor-digests", "{home}/partner.json", "--as", "u-p1"), 4,
     "forbidden"),
    (("match", "P9", "{home}/partner.json"), 2, "bad_input"),  # unknown partner
    (("match", "P1", "{home}/missing.json"), 2, "bad_input"),
    (("hash", "{home}/partner_accounts.csv", "--secret-file", "{home}/short"), 2, "bad_input"),
    (("hash", "{home}/missing.csv", "--secret-file", "{home}/key"), 2, "bad_input"),
])
def test_errors_and_permissions(home, args, code, error):
    (home / "short").write_bytes(b"too short")
    cli("hash", str(home / "partner_accounts.csv"), "--secret-file", str(home / "key"),
        "--out", str(home / "partner.json"))
    got, data = cli(*(a.format(home=home) for a in args))
    assert got == code and data["error"]["code"] == error, data
