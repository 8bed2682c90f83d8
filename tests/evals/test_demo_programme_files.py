"""The demo world's programme files for issue 21: MDF activities and the deals they sourced, partner
candidates (two of them existing partners in disguise, some in the countries with most open deals per
partner), and recently joined partners whose onboarding steps have the planted statuses."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from evals.demo import DEFAULT_TODAY, generate
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope
from tools.onboarding.service import onboarding_plan

TODAY = DEFAULT_TODAY


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo21") / "import"
    generate(out)
    return out


def test_mdf_activities_and_sourced_deals(demo):
    activities = {a["activity_id"]: a for a in read(demo, "mdf_activities.csv")}
    assert 24 <= len(activities) <= 60
    assert {a["status"] for a in activities.values()} == {"requested", "approved", "rejected", "claimed", "paid"}
    partners = {p["partner_id"] for p in read(demo, "partners.csv")}
    for a in activities.values():
        assert a["partner_id"] in partners and a["kind"] in {"event", "webinar", "digital", "content", "training"}
        if a["status"] == "paid":
            assert float(a["paid_amount"]) <= float(a["approved_amount"]) <= float(a["requested_amount"])
            assert TODAY - dt.timedelta(days=366) <= dt.date.fromisoformat(a["start_on"]) <= TODAY
    deals = [o for o in read(demo, "opportunities.csv") if o["mdf_activity_id"]]
    per_activity = Counter(o["mdf_activity_id"] for o in deals)
    for o in deals:
        a = activities[o["mdf_activity_id"]]
        assert o["partner_id"] == a["partner_id"] and o["created_on"] >= a["start_on"]
    paid = [k for k, a in activities.items() if a["status"] in ("paid", "claimed")]
    returns = Counter(min(per_activity[k], 2) for k in paid)  # none, one, several: varied returns
    assert returns[0] and returns[1] and returns[2]
    assert any(o["stage"] == "closed_won" for o in deals)
    # paid MDF matches what the partner spent that quarter in partner_activity
    spent = Counter()
    for row in read(demo, "partner_activity.csv"):
        y, m = row["month"].split("-")
        spent[(row["partner_id"], f"{y}-Q{(int(m) - 1) // 3 + 1}")] += float(row["mdf_spent"])
    for a in activities.values():
        if a["status"] == "paid":
            start = dt.date.fromisoformat(a["start_on"])
            quarter = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
            assert abs(float(a["paid_amount"]) - spent[(a["partner_id"], quarter)]) <= 50


def test_candidates_with_existing_partners_and_coverage_gaps(demo):
    candidates = {c["candidate_id"]: c for c in read(demo, "partner_candidates.csv")}
    truth = json.loads((demo / "truth" / "candidates.json").read_text())
    assert 20 <= len(candidates) <= 30
    partners = {p["partner_id"]: p for p in read(demo, "partners.csv")}
    assert len(truth["existing_partners"]) == 2
    for e in truth["existing_partners"]:
        c, p = candidates[e["candidate_id"]], partners[e["partner_id"]]
        assert c["name"] != p["name"] and p["website"] in c["website"]  # a variant name, the same domain
    # the gap countries: most open deals per partner selling there, recomputed from the CSVs
    accounts = {a["account_id"]: a["country"] for a in read(demo, "accounts.csv")}
    open_deals = Counter(accounts[o["account_id"]] for o in read(demo, "opportunities.csv")
                         if o["stage"] not in ("closed_won", "closed_lost"))
    selling = Counter(c for p in partners.values() for c in p["countries"].split(";"))
    gaps = [g["country"] for g in truth["coverage_gaps"]]
    worst = sorted(open_deals, key=lambda c: -open_deals[c] / (selling[c] + 1))[:len(gaps)]
    assert len(gaps) == 2
    assert {candidates[c]["countries"] for c in truth["gap_candidates"]} == set(gaps)
    assert all(open_deals[g] / (selling[g] + 1) >= open_deals[worst[-1]] / (selling[worst[-1]] + 1) - 1e-9
               for g in gaps)


def test_recently_joined_partners_have_the_planted_onboarding_status(demo, tmp_path):
    folder = tmp_path / "import"
    shutil.copytree(demo, folder, ignore=shutil.ignore_patterns("content", "campaigns"))
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY.isoformat()))
    try:
        result = ingest_folder(ctx, folder)
        assert not result.rejected, result.rejected[:3]
        truth = json.loads((folder / "truth" / "onboarding.json").read_text())["partners"]
        assert len(truth) == 3 and len({p["joined_on"] for p in truth}) == 3
        for planted in truth:
            assert (TODAY - dt.date.fromisoformat(planted["joined_on"])).days <= 183
            plan = onboarding_plan(ctx, Scope.operator(), planted["partner_id"], content_lookup=lambda *a: [])
            got = {s.kind if s.subject in (None, "certified_staff") else f"{s.kind}:{s.subject}": s.status
                   for s in plan.steps}
            assert {k: got[k] for k in planted["expected_status"]} == planted["expected_status"], planted["name"]
        statuses = {s for p in truth for s in p["expected_status"].values()}
        assert statuses == {"done", "open", "overdue"}
    finally:
        ctx.close()
