"""`mdf roi` (CLI.md "MDF") equals an independent DuckDB computation from the import CSVs of a generated
world: a zoo world whose activities get mixed kinds, statuses and currencies and whose deals get
`mdf_activity_id`s (some in a currency without a rate, some closing after today), with a period cutting
through the activities."""
from __future__ import annotations

import csv
import random
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from evals.zoo.generator import generate
from evals.zoo.worlds import WORLDS
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope
from tools.mdf.service import KINDS, mdf_roi

RATES = {"USD": 1.0, "EUR": 1.1}  # GBP has no rate: left out


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    rows = [change(r) for r in rows]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    spec = replace(WORLDS["skills"], partners=20, open_deals=24, leads=6, candidates=12)
    out = tmp_path_factory.mktemp("zoo") / "mdf"
    truth = generate(spec, out)
    imp, today, rng = out / "import", date.fromisoformat(truth["today"]), random.Random(21)
    activities: list[str] = []

    def activity(row: dict) -> dict:
        activities.append(row["activity_id"])
        row["kind"] = rng.choice(KINDS)
        row["currency"] = rng.choice(("USD", "USD", "EUR", "GBP"))
        if rng.random() < 0.25:  # approved or claimed: nothing paid yet
            row.update(status=rng.choice(("approved", "claimed")), paid_amount="")
        return row

    _rewrite(imp / "mdf_activities.csv", activity)

    def deal(row: dict) -> dict:
        if rng.random() < (0.9 if row["stage"] not in ("closed_won", "closed_lost") else 0.4):
            row["mdf_activity_id"] = rng.choice(activities)
            row["currency"] = rng.choice(("USD", "USD", "EUR", "GBP"))
            if row["stage"] == "closed_won" and rng.random() < 0.1:
                row["close_date"] = (today + timedelta(days=rng.randint(1, 30))).isoformat()
        return row

    _rewrite(imp / "opportunities.csv", deal)
    shutil.rmtree(imp / "content", ignore_errors=True)  # documents play no part here (and take time to embed)
    with (imp / "vendor.yaml").open("a", encoding="utf-8") as fh:
        fh.write("fx_rates:\n  EUR: 1.1\n")
    ctx = AppContext(Settings(home=out / "home", today=truth["today"]))
    ingest_folder(ctx, imp)
    yield ctx, imp, today
    ctx.close()


def independent(imp: Path, first: date, last: date, today: date) -> dict[str, tuple[float, float, float]]:
    db = duckdb.connect()
    db.execute("CREATE TABLE rates(cur VARCHAR, rate DOUBLE)")
    db.executemany("INSERT INTO rates VALUES (?, ?)", list(RATES.items()))
    rows = db.execute(f"""
        WITH acts AS (
            SELECT activity_id, COALESCE(TRY_CAST(NULLIF(paid_amount, '') AS DOUBLE), 0) * r.rate AS paid
            FROM read_csv('{imp}/mdf_activities.csv', all_varchar = true) a
            JOIN rates r ON r.cur = UPPER(COALESCE(NULLIF(a.currency, ''), 'USD'))
            WHERE CAST(start_on AS DATE) BETWEEN DATE '{first}' AND DATE '{last}'),
        deals AS (
            SELECT mdf_activity_id, stage, CAST(NULLIF(close_date, '') AS DATE) AS closed,
                   COALESCE(TRY_CAST(NULLIF(amount, '') AS DOUBLE), 0) * r.rate AS value
            FROM read_csv('{imp}/opportunities.csv', all_varchar = true) o
            JOIN rates r ON r.cur = UPPER(COALESCE(NULLIF(o.currency, ''), 'USD'))
            WHERE NULLIF(mdf_activity_id, '') IS NOT NULL)
        SELECT a.activity_id, a.paid,
               COALESCE(SUM(CASE WHEN d.stage NOT IN ('closed_won', 'closed_lost') THEN d.value END), 0),
               COALESCE(SUM(CASE WHEN d.stage = 'closed_won' AND (d.closed IS NULL OR d.closed <= DATE '{today}')
                                 THEN d.value END), 0)
        FROM acts a LEFT JOIN deals d ON d.mdf_activity_id = a.activity_id
        GROUP BY a.activity_id, a.paid""").fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_roi_equals_an_independent_computation(world):
    ctx, imp, today = world
    first, last = today - timedelta(days=300), today - timedelta(days=10)
    got = mdf_roi(ctx, Scope.operator(), start=first, end=last)
    want = independent(imp, first, last, today)
    assert len(want) >= 8 and sum(1 for v in want.values() if v[1]) >= 3 and sum(1 for v in want.values() if v[2]) >= 3
    assert {a.activity_id: (a.paid, a.pipeline, a.won) for a in got.activities} == {
        k: pytest.approx(v, abs=0.01) for k, v in want.items()}
    for a in got.activities:
        assert a.roi == (None if a.paid == 0 else pytest.approx(a.won / a.paid, rel=1e-3))
    partners: dict[str, list[float]] = {}
    for a in got.activities:
        sums = partners.setdefault(a.partner_id, [0.0, 0.0, 0.0])
        for i, value in enumerate(want[a.activity_id]):
            sums[i] += value
    assert {p.partner_id: (p.paid, p.pipeline, p.won) for p in got.partners} == {
        k: pytest.approx(tuple(v), abs=0.05) for k, v in partners.items()}
    assert any(x.startswith("M-") for x in got.unconverted)  # GBP activities are left out, and said
    assert got.currency == "USD" and got.from_ == first and got.to == last
