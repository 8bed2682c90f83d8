"""The fourth-vendor set (evals/fourth_vendor): its world is generated deterministically, passes `cosell ingest`
with nothing rejected, and its questions.yaml is fresh, well-shaped and free of names that exist. No scoring."""
from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest
import yaml

from evals.fourth_vendor import build_questions, facts, generate
from tests.evals.blind_sets import files, ingest_report


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    return generate.write(tmp_path_factory.mktemp("fourth-vendor") / "import")


def test_the_generator_is_deterministic(world, tmp_path):
    again = generate.write(tmp_path / "again")
    assert files(again) == files(world)


def test_questions_yaml_is_fresh():
    assert build_questions.main(["--check"]) == 0


def test_the_world_has_the_promised_shape(world):
    def rows(name):
        with (world / name).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    partners, users = rows("partners.csv"), rows("users.csv")
    assert 25 <= len(partners) <= 60
    assert len({p["type"] for p in partners}) == 10 and len({p["tier"] for p in partners}) == 4
    assert 300 <= len(rows("opportunities.csv")) <= 800
    sellers = [u for u in users if u["role"] == "partner_seller"]
    assert len({u["partner_id"] for u in sellers}) >= 10
    assert len({p["countries"].split(";")[0] for p in partners}) >= 15
    roles = collections.Counter(u["role"] for u in users)
    assert roles["channel_manager"] == 3 and roles["marketer"] == 2 and roles["admin"] >= 1
    vendor = yaml.safe_load((world / "vendor.yaml").read_text(encoding="utf-8"))
    assert vendor["registration_protection_days"] not in (60, 90) and vendor["reporting_currency"] not in ("USD", "EUR")
    docs = list((world / "content").rglob("*.*"))
    assert 15 <= len(docs) <= 25
    assert {p.suffix for p in docs} >= {".md", ".html", ".txt"}
    assert len(list((world / "campaigns").glob("*.yaml"))) == 3
    for name in ("leads.csv", "deal_registrations.csv", "mdf_activities.csv", "partner_candidates.csv",
                 "partner_accounts.csv", "partner_activity.csv"):
        assert rows(name), name
    assert any(o["mdf_activity_id"] for o in rows("opportunities.csv"))


def test_the_set_has_the_promised_shape():
    doc = yaml.safe_load(build_questions.OUT.read_text(encoding="utf-8"))
    qs = doc["questions"]
    assert len(qs) >= 240 and len({q["id"] for q in qs}) == len(qs)
    assert doc["threads"] >= 15
    langs = collections.Counter(q["lang"] for q in qs)
    assert set(langs) == {"en", "de", "fr", "es", "pt", "ja"}
    assert langs["de"] >= 30 and langs["ja"] >= 30 and langs["en"] / len(qs) <= 0.25
    roles = collections.Counter(q["role"] for q in qs)
    assert roles["partner_seller"] > roles["channel_manager"] > roles["marketer"] > 0
    assert len({q["user"] for q in qs if q["role"] == "partner_seller"}) >= 10
    kinds = collections.Counter(q["expect"] for q in qs)
    assert set(kinds) == {"answer", "refusal", "not_found", "no_such_entity"}
    users = {u["user_id"]: u for u in facts.table("users.csv")}
    for q in qs:
        assert users[q["user"]]["role"] == q["role"], q["id"]
        if q["expect"] == "answer":
            assert q["answer_any"] and all(alt and all(s.strip() for s in alt) for alt in q["answer_any"]), q["id"]
        else:
            assert "answer_any" not in q, q["id"]


def test_made_up_names_are_absent_from_the_world():
    text = facts.all_import_text()
    assert build_questions.MADE_UP
    for name in build_questions.MADE_UP:
        assert name.lower() not in text, name


def test_the_world_ingests_with_nothing_rejected(world, tmp_path):
    report = ingest_report(world, generate.TODAY.isoformat(), tmp_path / "home")
    assert report["rejected"] == []
    assert report["partners"] == len(list((world / "partners.csv").open(encoding="utf-8"))) - 1
    assert report["documents"] == len(list((world / "content").rglob("*.*")))
