"""The other-vendor set (evals/other_vendor): its world is generated deterministically, passes `cosell ingest`
with nothing rejected, and its questions.yaml is fresh, well-shaped and free of names that exist. No scoring."""
from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest
import yaml

from evals.other_vendor import build_questions, facts, generate
from tests.evals.blind_sets import files, ingest_report


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    return generate.write(tmp_path_factory.mktemp("other-vendor") / "import")


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
    assert len({p["type"] for p in partners}) >= 4 and len({p["tier"] for p in partners}) == 4
    sellers = [u for u in users if u["role"] == "partner_seller"]
    assert len({u["partner_id"] for u in sellers}) >= 8
    roles = collections.Counter(u["role"] for u in users)
    assert 2 <= roles["channel_manager"] <= 3 and 1 <= roles["marketer"] <= 2 and roles["admin"] >= 1
    docs = list((world / "content").rglob("*.*"))
    assert 12 <= len(docs) <= 25
    assert {p.suffix for p in docs} >= {".md", ".html", ".txt"}
    assert len(list((world / "campaigns").glob("*.yaml"))) in (2, 3)
    closes = [r["close_date"] for r in rows("opportunities.csv")]
    assert min(closes) < "2024-06-01" and max(closes) > generate.TODAY.isoformat()


def test_the_set_has_the_promised_shape():
    doc = yaml.safe_load(build_questions.OUT.read_text(encoding="utf-8"))
    qs = doc["questions"]
    assert len(qs) >= 200 and len({q["id"] for q in qs}) == len(qs)
    assert doc["threads"] >= 12
    langs = collections.Counter(q["lang"] for q in qs)
    assert set(langs) == {"en", "de", "fr", "es", "pt", "ja"}
    assert 0.35 <= langs["en"] / len(qs) <= 0.55
    roles = collections.Counter(q["role"] for q in qs)
    assert roles["partner_seller"] > roles["channel_manager"] > roles["marketer"] > 0
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
