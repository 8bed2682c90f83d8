"""Acceptance: attribution and time to first win equal an independent DuckDB computation straight from the
import CSVs, on two generated worlds (the demo's seed and another seed, another today), for three periods,
with deals in two currencies (one converted with vendor.yaml fx_rates, one without a rate)."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from retrieval.ingest import replace_records
from retrieval.scope import Scope
from tools.analytics import service

WORLDS = {  # seed, today, reporting currency, rate of the second currency, a currency without a rate
    "demo": (7, dt.date(2026, 11, 15), "USD", ("EUR", 1.08), "GBP"),
    "other": (31, dt.date(2026, 5, 20), "EUR", ("USD", 0.92), "JPY"),
}
PERIODS = {"default": (None, None), "year": ("2025-01-01", "2025-12-31"), "odd": ("2025-10-15", "2026-04-10")}


def _with_currencies(folder: Path, reporting: str, rated: tuple[str, float], unrated: str) -> None:
    """Every third deal in the rated currency, every seventeenth in a currency without a rate."""
    path = folder / "opportunities.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows):
        row["currency"] = unrated if i % 17 == 5 else rated[0] if i % 3 == 0 else reporting
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    vendor = yaml.safe_load((folder / "vendor.yaml").read_text()) or {}
    vendor.update(reporting_currency=reporting, fx_rates={rated[0]: rated[1]})
    (folder / "vendor.yaml").write_text(yaml.safe_dump(vendor))


@pytest.fixture(scope="module", params=sorted(WORLDS))
def world(request, tmp_path_factory):
    from evals.demo.generator import generate

    seed, today, reporting, rated, unrated = WORLDS[request.param]
    folder = tmp_path_factory.mktemp(f"world-{request.param}") / "import"
    generate(folder, seed=seed, today=today)
    shutil.rmtree(folder / "content", ignore_errors=True)  # records only: no embedding
    _with_currencies(folder, reporting, rated, unrated)
    ctx = AppContext(Settings(home=tmp_path_factory.mktemp("home"), today=today))
    bundle = read_import_folder(folder)
    assert not bundle.rejected, bundle.rejected[:3]
    replace_records(ctx, bundle)
    yield ctx, folder, today, reporting, rated
    ctx.close()


def _expected_attribution(folder: Path, first: dt.date, last: dt.date, reporting: str, rated: tuple[str, float]):
    con = duckdb.connect()
    con.execute(f"""create view opps as select * from read_csv('{folder}/opportunities.csv', all_varchar=true)""")
    con.execute(f"""create view act as select * from read_csv('{folder}/partner_activity.csv', all_varchar=true)""")
    con.execute(f"""create view won as select opportunity_id, nullif(partner_id, '') as partner_id,
        lower(partner_role) as role, coalesce(try_cast(amount as double), 0) *
          case upper(coalesce(nullif(currency, ''), 'USD')) when '{reporting}' then 1.0
               when '{rated[0]}' then {rated[1]} else null end as value
        from opps where stage = 'closed_won' and cast(close_date as date) between '{first}' and '{last}'""")
    totals = dict(zip(["won_revenue", "won_deals", "sourced", "influenced", "fulfillment", "direct"], con.execute("""
        select sum(value), count(*),
          coalesce(sum(value) filter (where partner_id is not null and role = 'sourced'), 0),
          coalesce(sum(value) filter (where partner_id is not null and role = 'influenced'), 0),
          coalesce(sum(value) filter (where partner_id is not null and role = 'fulfillment'), 0),
          coalesce(sum(value) filter (where partner_id is null), 0)
        from won where value is not null""").fetchone(), strict=True))
    unconverted = sorted(r[0] for r in con.execute("select opportunity_id from won where value is null").fetchall())
    credit = {r[0]: {"sourced": r[1], "influenced": r[2], "fulfillment": r[3], "won_deals": r[4]} for r in con.execute("""
        select partner_id, coalesce(sum(value) filter (where role = 'sourced'), 0),
          coalesce(sum(value) filter (where role = 'influenced'), 0),
          coalesce(sum(value) filter (where role = 'fulfillment'), 0), count(*)
        from won where value is not null and partner_id is not null group by partner_id""").fetchall()}
    mdf = dict(con.execute(f"""select partner_id, sum(coalesce(try_cast(mdf_spent as double), 0)) from act
        where cast(month || '-01' as date) between '{first}' and '{last}' group by partner_id""").fetchall())
    return totals, unconverted, credit, mdf


@pytest.mark.parametrize("period", sorted(PERIODS))
def test_attribution_equals_an_independent_computation(world, period):
    ctx, folder, today, reporting, rated = world
    start, end = PERIODS[period]
    got = service.attribution(ctx, Scope.operator(), start, end).model_dump(mode="json", by_alias=True)
    last = dt.date.fromisoformat(end) if end else today
    first = dt.date.fromisoformat(start) if start else today - dt.timedelta(days=364)
    assert (got["from"], got["to"], got["currency"]) == (first.isoformat(), last.isoformat(), reporting)
    totals, unconverted, credit, mdf = _expected_attribution(folder, first, last, reporting, rated)
    assert totals["won_deals"] > 10 and unconverted, "the period must hold deals in both currencies"
    for key, value in totals.items():
        assert got["totals"][key] == pytest.approx(value, abs=0.01), key
    partner_sum = totals["sourced"] + totals["influenced"] + totals["fulfillment"]
    assert got["totals"]["partner_share"] == pytest.approx(partner_sum / totals["won_revenue"], abs=1e-4)
    assert sorted(got["unconverted"]) == unconverted
    rows = {r["partner_id"]: r for r in got["partners"]}
    for pid in set(credit) | {p for p, v in mdf.items() if v > 0}:
        want = credit.get(pid, {"sourced": 0, "influenced": 0, "fulfillment": 0, "won_deals": 0})
        r = rows[pid]
        for key in ("sourced", "influenced", "fulfillment"):
            assert r[key] == pytest.approx(want[key], abs=0.01), (pid, key)
        assert r["won_deals"] == want["won_deals"]
        spent = mdf.get(pid, 0.0)
        assert r["mdf_spent"] == pytest.approx(spent, abs=0.01)
        ropi = (want["sourced"] + want["influenced"]) / spent if spent > 0 else None
        assert r["ropi"] == (None if ropi is None else pytest.approx(ropi, rel=1e-3))
    for pid in set(rows) - set(credit) - set(mdf):  # listed only for the influence model
        assert rows[pid]["won_deals"] == 0 and rows[pid]["influence_model_deals"] > 0


def test_time_to_first_win_equals_an_independent_computation(world):
    ctx, folder, today, *_ = world
    got = service.portfolio(ctx, Scope.operator()).model_dump(mode="json")
    con = duckdb.connect()
    con.execute(f"create view p as select * from read_csv('{folder}/partners.csv', all_varchar=true)")
    con.execute(f"create view o as select * from read_csv('{folder}/opportunities.csv', all_varchar=true)")
    firsts = dict(con.execute(f"""
        select p.partner_id, min(cast(o.close_date as date)) from p join o
          on (o.partner_id = p.partner_id or o.registered_by = p.partner_id)
        where o.stage = 'closed_won' and cast(o.close_date as date) <= '{today}'
          and (nullif(p.joined_on, '') is null or cast(o.close_date as date) >= cast(p.joined_on as date))
        group by p.partner_id""").fetchall())
    con.execute(f"""create view d as select p.partner_id, datediff('day', cast(p.joined_on as date),
          min(cast(o.close_date as date))) n from p
        join o on (o.partner_id = p.partner_id or o.registered_by = p.partner_id)
        where o.stage = 'closed_won' and cast(o.close_date as date) <= '{today}' and nullif(p.joined_on, '') is not null
          and cast(o.close_date as date) >= cast(p.joined_on as date) group by p.partner_id, p.joined_on""")
    days = dict(con.execute("select partner_id, n from d").fetchall())
    for r in got["partners"]:
        first = firsts.get(r["partner_id"])
        assert r["first_win_on"] == (first.isoformat() if first else None), r["partner_id"]
        assert r["days_to_first_win"] == days.get(r["partner_id"]), r["partner_id"]
    median, without = con.execute(f"select (select median(n) from d), (select count(*) from p) - {len(firsts)}").fetchone()
    t = got["time_to_first_win"]
    assert t["median_days"] == pytest.approx(median) and t["partners_without_win"] == without
    cohorts = {c: (n, w, m) for c, n, w, m in con.execute("""
        select year(j) || '-H' || case when month(j) <= 6 then 1 else 2 end c, count(*), count(n), median(n)
        from (select cast(nullif(p.joined_on, '') as date) j, d.n from p left join d using (partner_id))
        where j is not null group by c""").fetchall()}
    assert {c["cohort"]: (c["partners"], c["with_win"], c["median_days"]) for c in t["by_cohort"]} == {
        c: (n, w, None if m is None else pytest.approx(m)) for c, (n, w, m) in cohorts.items()}
