"""The demo ecosystem generator: counts, the DATA.md contract, truth files and determinism.

One full-size generation (the demo's real shape) and small ones (scale 0.2) for determinism; each takes
a second or two. The checks read the written files, the way the importer will.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from evals.demo import DEFAULT_TODAY, generate

TODAY = DEFAULT_TODAY
PARTNER_TYPES = {"reseller", "var", "distributor", "system_integrator", "isv", "msp", "referral", "influencer",
                 "marketplace", "consultancy"}
TIERS = {"registered", "silver", "gold", "platinum"}
STAGES = {"prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost"}
REQUIRED = {
    "partners.csv": ("partner_id", "name", "type", "tier"),
    "accounts.csv": ("account_id", "name", "status"),
    "opportunities.csv": ("opportunity_id", "account_id", "name", "stage"),
    "partner_accounts.csv": ("partner_id", "account_name", "status"),
    "partner_activity.csv": ("partner_id", "month"),
    "users.csv": ("user_id", "name", "role"),
}
PLACEHOLDERS = {"partner", "vendor", "first_name", "account", "industry", "call_to_action", "contact_email"}
CHANNELS = ("email_subject", "email_body", "social_post", "landing_intro", "disclaimer")
COUNTRY = re.compile(r"^[A-Z]{2}$")
LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "import"
    summary = generate(out)
    assert summary.today == TODAY and summary.seed == 7
    return out


@pytest.fixture(scope="module")
def data(demo: Path) -> dict[str, list[dict[str, str]]]:
    return {name: read(demo, name) for name in REQUIRED}


@pytest.fixture(scope="module")
def planted(demo: Path) -> dict:
    return json.loads((demo / "truth" / "planted.json").read_text(encoding="utf-8"))


def test_full_size_counts(data):
    assert len(data["partners.csv"]) >= 60
    assert len(data["accounts.csv"]) >= 1800
    assert len(data["opportunities.csv"]) >= 1500
    assert 8000 <= len(data["partner_accounts.csv"]) <= 10000
    assert {p["type"] for p in data["partners.csv"]} == PARTNER_TYPES
    assert {p["tier"] for p in data["partners.csv"]} == TIERS
    countries = {c for p in data["partners.csv"] for c in split(p["countries"])}
    assert {"DE", "FR", "GB", "US", "JP", "BR", "IN", "ES", "IT", "NL", "AT", "CH", "CA", "AU", "SE", "PL",
            "MX"} <= countries
    stages = {o["stage"] for o in data["opportunities.csv"]}
    assert stages == STAGES


def test_csv_files_follow_the_contract(demo, data):
    for name, required in REQUIRED.items():
        with (demo / name).open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert set(required) <= set(header), name
        for n, row in enumerate(data[name], start=2):
            for column in required:
                assert row[column].strip(), f"{name}:{n} empty {column}"
    for name, key in (("partners.csv", "partner_id"), ("accounts.csv", "account_id"),
                      ("opportunities.csv", "opportunity_id"), ("users.csv", "user_id")):
        ids = [r[key] for r in data[name]]
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"


def test_partners_are_valid(data):
    for p in data["partners.csv"]:
        assert p["type"] in PARTNER_TYPES and p["tier"] in TIERS
        assert all(COUNTRY.match(c) for c in split(p["countries"]))
        assert all(LOCALE.match(x) for x in split(p["languages"]))
        assert re.match(r"^#[0-9A-F]{6}$", p["brand_color"])
        assert p["account_sharing"] in {"none", "counts", "accounts"}
        assert "@" in p["contact_email"] and p["description"]
        for item in split(p["certified_staff"]):
            competency, count = item.rsplit(":", 1)
            assert competency in split(p["competencies"]) and int(count) > 0
        iso(p["joined_on"])
    recent = [p for p in data["partners.csv"] if (TODAY - iso(p["joined_on"])).days <= 183]
    assert len(recent) >= 3
    alpine = next(p for p in data["partners.csv"] if p["name"] == "Alpine IT")
    assert alpine["partner_id"] == "P-001" and split(alpine["countries"]) == ["DE", "AT", "CH"]
    assert "de" in split(alpine["languages"]) and "Lakehouse" in split(alpine["competencies"])


def test_accounts_and_deals_are_valid_and_resolve(data):
    accounts = {a["account_id"]: a for a in data["accounts.csv"]}
    partners = {p["partner_id"]: p for p in data["partners.csv"]}
    for a in accounts.values():
        assert a["status"] in {"customer", "prospect", "former_customer"}
        assert COUNTRY.match(a["country"]) and int(a["employees"]) > 0 and float(a["annual_revenue"]) > 0
    suffixes = " ".join(a["name"] for a in accounts.values())
    for suffix in ("Inc.", "Ltd", "GmbH", "AG", "S.A.", "N.V.", "B.V.", "plc", "K.K.", "S.p.A.", "Oy", "AB", "SAS",
                   "Pty Ltd"):
        assert suffix in suffixes, suffix
    acme = next(a for a in accounts.values() if a["name"] == "Acme Corporation")
    assert acme["domain"] == "acme.com" and acme["country"] == "US"
    renewal = next(o for o in data["opportunities.csv"] if o["name"] == "Acme renewal")
    assert renewal["account_id"] == acme["account_id"] and renewal["stage"] not in ("closed_won", "closed_lost")
    for o in data["opportunities.csv"]:
        assert o["stage"] in STAGES and o["account_id"] in accounts
        created, close, last = iso(o["created_on"]), iso(o["close_date"]), iso(o["last_activity_on"])
        assert TODAY - dt.timedelta(days=3 * 366) <= created <= TODAY and created <= last <= TODAY
        assert float(o["amount"]) > 0 and o["currency"] == "USD"
        if o["stage"].startswith("closed"):
            assert close <= TODAY
        if o["partner_id"]:
            assert o["partner_role"] in {"sourced", "influenced", "fulfillment"}
            p = partners[o["partner_id"]]
            # competencies and territories are consistent with every deal the partner worked
            assert accounts[o["account_id"]]["country"] in split(p["countries"]), o["opportunity_id"]
            assert set(split(o["products"])) <= set(split(p["competencies"])), o["opportunity_id"]
            assert iso(p["joined_on"]) <= created
        if o["registered_by"]:
            assert o["registered_by"] in partners


def test_partner_accounts_and_activity_and_users(data):
    partners = {p["partner_id"]: p for p in data["partners.csv"]}
    for row in data["partner_accounts.csv"]:
        assert row["partner_id"] in partners
        assert row["status"] in {"customer", "open_opportunity", "prospect"}
        assert not row["country"] or COUNTRY.match(row["country"])
    months = {r["month"] for r in data["partner_activity.csv"]}
    assert max(months) == "2026-10" and min(months) == "2025-05"
    per_partner: dict[str, int] = {}
    for r in data["partner_activity.csv"]:
        assert r["partner_id"] in partners and re.match(r"^\d{4}-\d{2}$", r["month"])
        assert 0 <= float(r["psat"]) <= 10 and float(r["mdf_spent"]) >= 0
        per_partner[r["partner_id"]] = per_partner.get(r["partner_id"], 0) + 1
    assert set(per_partner) == set(partners) and max(per_partner.values()) == 18
    users = {u["user_id"]: u for u in data["users.csv"]}
    assert {"u-admin", "u-cm-1", "u-mkt-1", "u-ps-alpine", "u-ps-sakura"} <= set(users)
    assert {u["role"] for u in users.values()} == {"admin", "channel_manager", "marketer", "partner_seller"}
    assert users["u-ps-alpine"]["partner_id"] == "P-001"
    for u in users.values():
        assert re.match(r"^U0[A-Z0-9]{8}$", u["slack_user_id"])
        assert (u["role"] == "partner_seller") == bool(u["partner_id"])
        assert not u["partner_id"] or u["partner_id"] in partners


def test_vendor_yaml_has_tier_rules(demo):
    vendor = yaml.safe_load((demo / "vendor.yaml").read_text(encoding="utf-8"))
    assert vendor["name"] == "Northwind Data" and vendor["account_sharing"] in {"none", "counts", "accounts"}
    assert set(vendor["tier_rules"]) == TIERS
    assert vendor["tier_rules"]["gold"]["min_won_revenue_12m"] > vendor["tier_rules"]["silver"]["min_won_revenue_12m"]


def test_account_mapping_truth_matches_the_file(demo, data):
    truth = json.loads((demo / "truth" / "account_mapping.json").read_text(encoding="utf-8"))
    accounts = {a["account_id"]: a for a in data["accounts.csv"]}
    with (demo / "partner_accounts.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        lines = [(reader.line_num, row) for row in reader]  # the physical line each record ends on
    assert len(truth) == len(lines)
    kinds: dict[str, int] = {}
    for entry, (line, row) in zip(truth, lines):
        assert entry["row"] == line and entry["account_name"] == row["account_name"]
        assert entry["partner_id"] == row["partner_id"]
        kind = entry["variation"].split("+")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
        if entry["account_id"] is None:
            assert kind.startswith("hard_negative") or kind == "not_ours"
        else:
            assert entry["account_id"] in accounts
            if kind == "exact":
                assert row["account_name"] == accounts[entry["account_id"]]["name"]
    for kind in ("exact", "case", "punctuation", "suffix_dropped", "suffix_changed", "typo", "not_ours",
                 "hard_negative_shared_word", "hard_negative_other_country"):
        assert kinds.get(kind, 0) > 20, kind
    own = {re.sub(r"[^a-z0-9]", "", a["name"].lower()) for a in accounts.values()}
    for entry in truth:
        if entry["variation"] in ("not_ours", "hard_negative_shared_word"):
            assert re.sub(r"[^a-z0-9]", "", entry["account_name"].lower()) not in own
    acme = [e for e in truth if e["account_name"] == "ACME Corp."]
    assert acme and acme[0]["account_id"] == next(a for a in accounts.values() if a["name"] == "Acme Corporation")["account_id"]
    assert any(e["account_name"].startswith("Acme Logistics") and e["account_id"] is None for e in truth)


def test_planted_situations_match_the_data(demo, data, planted):
    s = planted["situations"]
    opps = {o["opportunity_id"]: o for o in data["opportunities.csv"]}
    activity = {(r["partner_id"], r["month"]): r for r in data["partner_activity.csv"]}
    lc = s["logins_collapse"]
    recent = [int(activity[(lc["partner_id"], m)]["portal_logins"]) for m in lc["last_3_months"]]
    assert recent == lc["last_3_months_logins"]
    assert lc["previous_3_months_avg"] >= 30 and lc["last_3_months_avg"] <= 10
    mdf = s["unspent_mdf"]["last_2_complete_quarters"]
    assert mdf["months"] == ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
    spent = sum(float(activity[(s["unspent_mdf"]["partner_id"], m)]["mdf_spent"]) for m in mdf["months"])
    assert round(spent, 2) == mdf["mdf_spent"] and mdf["spent_ratio"] < 0.2 and mdf["unspent"] > 20000
    stalled = opps[s["stalled_deal"]["opportunity_id"]]
    assert (TODAY - iso(stalled["last_activity_on"])).days == s["stalled_deal"]["days_in_stage"] >= 90
    reg = opps[s["expiring_registration"]["opportunity_id"]]
    days_left = (iso(reg["created_on"]) + dt.timedelta(days=90) - TODAY).days
    assert reg["registered_by"] == "P-001" and days_left == s["expiring_registration"]["days_until_expiry"]
    assert 0 <= days_left <= 14
    past = opps[s["past_close_date"]["opportunity_id"]]
    assert iso(past["close_date"]) < TODAY and past["stage"] not in ("closed_won", "closed_lost")
    assert not opps[s["no_partner"]["opportunity_id"]]["partner_id"]
    comp = opps[s["competitor"]["opportunity_id"]]
    assert "Competing against Polar Warehouse" in comp["description"]
    card = (demo / s["competitor"]["battlecard"]).read_text(encoding="utf-8")
    assert "visibility: internal" in card and "Polar Warehouse" in card
    whole = planted["whole_dataset"]
    assert whole["open_past_close_date"] == [past["opportunity_id"]]
    assert whole["open_registrations_expiring_within_14_days"] == [reg["opportunity_id"]]
    assert whole["open_idle_over_60_days"] == [stalled["opportunity_id"]]
    assert (demo / "truth" / "today.txt").read_text().strip() == "2026-11-15"


def test_promotion_eligible_partner_meets_the_next_tier(demo, data, planted):
    rules = yaml.safe_load((demo / "vendor.yaml").read_text(encoding="utf-8"))["tier_rules"]
    order = ["registered", "silver", "gold", "platinum"]
    partners = {p["partner_id"]: p for p in data["partners.csv"]}
    since = TODAY - dt.timedelta(days=365)

    def metrics(pid: str) -> tuple[float, int, int]:
        won = [o for o in data["opportunities.csv"] if o["partner_id"] == pid and o["stage"] == "closed_won"
               and since < iso(o["close_date"]) <= TODAY]
        staff = sum(int(x.rsplit(":", 1)[1]) for x in split(partners[pid]["certified_staff"]))
        return sum(float(o["amount"]) for o in won), len(won), staff

    def meets(pid: str, tier: str) -> bool:
        revenue, deals, staff = metrics(pid)
        r = rules[tier]
        return revenue >= r["min_won_revenue_12m"] and deals >= r["min_won_deals_12m"] and staff >= r[
            "min_certified_staff"]

    star = planted["situations"]["promotion_eligible"]
    eligible = [pid for pid, p in partners.items() if p["tier"] != "platinum"
                and meets(pid, order[order.index(p["tier"]) + 1])]
    assert eligible == [star["partner_id"]]
    assert metrics(star["partner_id"])[0] == pytest.approx(star["won_revenue_12m"])


def test_match_backtest_truth(demo, data):
    backtest = json.loads((demo / "truth" / "match_backtest.json").read_text(encoding="utf-8"))
    opps = {o["opportunity_id"]: o for o in data["opportunities.csv"]}
    assert len(backtest["cases"]) >= 50
    start = iso(backtest["test_start"])
    for case in backtest["cases"]:
        o = opps[case["opportunity_id"]]
        assert o["stage"] == "closed_won" and o["partner_id"] == case["winner_partner_id"]
        assert start <= iso(o["close_date"]) <= TODAY
        assert case["winner_partner_id"] in case["eligible_partner_ids"]


def test_content_folder(demo, planted):
    content = demo / "content"
    handbook = list((content / "gitlab-handbook").rglob("*.md"))
    assert len(handbook) == 36 and len(list((content / "gitlab-handbook" / "ja").rglob("*.md"))) == 18
    for page in handbook:
        text = page.read_text(encoding="utf-8")
        assert "CC BY-SA 4.0" in text and "{{<" not in text and "{{%" not in text
    visibilities, locales = [], set()
    for doc in content.rglob("*.md"):
        text = doc.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        front = yaml.safe_load(text.split("---\n", 2)[1])
        assert front["kind"] in {"playbook", "battlecard", "policy", "training", "case_study", "other"}
        visibilities.append(front["visibility"])
        locales.add(front["locale"])
        if "gitlab-handbook" not in doc.parts and front["locale"] == "en":
            assert 150 <= len(text.split()) <= 1300, doc.name  # a page a seller reads, not a stub
    assert {"en", "de", "fr", "ja"} <= locales
    for pid, path in planted["content"]["partner_scoped"].items():
        assert f"visibility: partner:{pid}" in (demo / path).read_text(encoding="utf-8")
    assert "internal" in visibilities and "partners" in visibilities
    assert list(content.rglob("*.txt")) and list(content.rglob("*.html"))
    assert not (demo / "content/internal/field-notes-q3.md").read_text(encoding="utf-8").startswith("---")
    injection = (demo / planted["content"]["prompt_injection"]).read_text(encoding="utf-8")
    assert "Ignore previous instructions" in injection and "visibility: partners" in injection
    assert "@@" not in "".join(p.read_text(encoding="utf-8") for p in content.rglob("*") if p.is_file())


def test_campaign_kits(demo, data):
    longest_brand = max((p["brand_name"] for p in data["partners.csv"]), key=len)
    longest_account = max((a["name"] for a in data["accounts.csv"]), key=len)
    kits = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((demo / "campaigns").glob("*.yaml"))]
    assert len(kits) >= 4
    for kit in kits:
        assert kit["kit_id"] and kit["proof_points"] and kit["proof_points_by_industry"]
        assert len(kit["locales"]) >= 4 and {"en", "de", "fr", "ja"} <= set(kit["locales"])
        for extra in [kit, *kit["localized"].values()]:  # the industry hint picks one of the proof points
            for points in extra["proof_points_by_industry"].values():
                assert set(points) <= set(extra["proof_points"])
        for tag, block in kit["locales"].items():
            assert all(isinstance(v, str) for v in block.values()), (kit["kit_id"], tag)  # text only
            values = {"partner": longest_brand, "vendor": "Northwind Data", "first_name": "Maximilian",
                      "account": longest_account, "industry": "Media & Entertainment",
                      "call_to_action": block["call_to_action"], "contact_email": "alliances@example.com"}
            for channel in CHANNELS:
                text = block[channel]
                assert set(re.findall(r"\{(\w+)\}", text)) <= PLACEHOLDERS, (kit["kit_id"], tag, channel)
            assert len(block["email_subject"].format(**values)) <= 90, (kit["kit_id"], tag)
            assert len(block["social_post"].format(**values)) <= 600, (kit["kit_id"], tag)
    assert len({kit["locales"]["de"]["call_to_action"] for kit in kits}) == len(kits)


def test_the_importer_reads_everything(demo, data):
    """The project's own reader of the import format (no embedding) rejects nothing."""
    from connectors.csv_folder import read_import_folder

    bundle = read_import_folder(demo)
    assert bundle.rejected == []
    assert len(bundle.partner_accounts) == len(data["partner_accounts.csv"])
    assert len(bundle.opportunities) == len(data["opportunities.csv"])
    assert len(bundle.campaign_kits) == 4 and len(bundle.documents) == 66
    scoped = {v for d in bundle.documents for v in d.visibility if v.startswith("partner:")}
    assert scoped == {"partner:P-001", "partner:P-031"}


def test_deterministic_for_a_seed(tmp_path):
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(first, seed=11, scale=0.2)
    generate(second, seed=11, scale=0.2)
    generate(other, seed=12, scale=0.2)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    assert (first / "opportunities.csv").read_bytes() != (other / "opportunities.csv").read_bytes()
    assert len(read(first, "accounts.csv")) < 500  # scale shrinks the data
