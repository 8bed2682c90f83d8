"""Account-mapping quality: precision, recall and F1 of the matcher against labelled pairs, beside a
baseline that links on an exact normalised domain or an exact normalised name.

Two suites, both through the production matcher core (`tools.account_mapping.service.match_frames` + `choose`):

- demo: the Northwind demo ecosystem (`evals.demo.generator`), whose truth names, for every
  partner_accounts.csv row, the vendor account it is or null (not ours, or a hard negative).
- patstat: the PATSTAT applicant names with KU Leuven's hand-checked entity ids (no domains, no
  countries: a names-only stress test). Records are split into two sides by a hash of person_id;
  side A plays our accounts, side B the partner rows. Each side-B record gets at most one side-A
  record (as in production); counting is per side-B record:
  TP = its chosen A has the same leuven_id; FP = it chose an A of another entity;
  FN = some A shares its leuven_id but it did not choose one of them (a wrong choice is FP and FN).

Metrics per row are the same for the demo: TP chosen == truth, FP chosen wrong or chosen when the
truth is null, FN truth not chosen.
"""
from __future__ import annotations

import csv
import hashlib
import json
import tempfile
from collections import Counter
from pathlib import Path

import polars as pl

from tools.account_mapping import entity_resolution as er
from tools.account_mapping.service import choose, match_frames

PATSTAT = Path(__file__).resolve().parents[2] / "shared" / "data" / "er-patstat-company-names"
THRESHOLDS = {"demo_f1": 0.95}


def scores(pairs: list[tuple[str | None, str | None]]) -> dict:
    """(predicted, truth) per row -> precision, recall, F1 and the counts behind them."""
    tp = sum(1 for p, t in pairs if p is not None and p == t)
    fp = sum(1 for p, t in pairs if p is not None and p != t)
    fn = sum(1 for p, t in pairs if t is not None and p != t)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def predict(accounts: pl.DataFrame, rows: pl.DataFrame) -> dict[str, str]:
    """partner row key -> chosen account key, by the production matcher."""
    chosen = choose(match_frames(accounts, rows))
    return dict(zip(chosen["row_key"].to_list(), chosen["account_id"].to_list()))


def baseline(accounts: pl.DataFrame, rows: pl.DataFrame) -> dict[str, str]:
    """Exact normalised (registrable) domain, else exact normalised name; the smallest key on ties."""
    vendor, partner = er.prepare(accounts), er.prepare(rows)
    v = vendor.frame.select("key", "dom", "norm").sort("key")
    by_dom = v.drop_nulls("dom").unique("dom", keep="first").select("dom", pl.col("key").alias("by_dom"))
    by_name = v.filter(pl.col("norm") != "").unique("norm", keep="first").select(
        "norm", pl.col("key").alias("by_name"))
    p = (partner.frame.select("key", "dom", "norm").join(by_dom, on="dom", how="left")
         .join(by_name, on="norm", how="left").with_columns(pl.coalesce("by_dom", "by_name").alias("chosen")))
    return {k: c for k, c in zip(p["key"].to_list(), p["chosen"].to_list()) if c is not None}


def _frame(keys: list[str], names: list[str], domains: list, countries: list) -> pl.DataFrame:
    return pl.DataFrame({"key": keys, "name": names, "domain": domains, "country": countries},
                        schema=dict.fromkeys(("key", "name", "domain", "country"), pl.String))


# --- the demo ecosystem ----------------------------------------------------------------------------


def load_demo(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, dict]]:
    """Accounts and partner rows as ingest reads them, and the truth keyed like the rows."""
    from connectors.csv_folder import read_import_folder

    bundle = read_import_folder(folder)
    accounts = _frame([a.account_id for a in bundle.accounts], [a.name for a in bundle.accounts],
                      [a.domain for a in bundle.accounts], [a.country for a in bundle.accounts])
    rows = _frame([f"{r.partner_id}:{r.line}" for r in bundle.partner_accounts],
                  [r.account_name for r in bundle.partner_accounts], [r.domain for r in bundle.partner_accounts],
                  [r.country for r in bundle.partner_accounts])
    truth = json.loads((folder / "truth" / "account_mapping.json").read_text("utf-8"))
    return accounts, rows, {f"{t['partner_id']}:{t['row']}": t for t in truth}


def evaluate_demo(folder: Path | None = None) -> dict:
    if folder is None:
        from evals.demo.generator import generate

        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp))
            return evaluate_demo(Path(tmp))
    accounts, rows, truth = load_demo(folder)
    ours, base = predict(accounts, rows), baseline(accounts, rows)
    keys = [k for k in rows["key"].to_list() if k in truth]
    result = {"rows": len(keys), "matcher": scores([(ours.get(k), truth[k]["account_id"]) for k in keys]),
              "baseline": scores([(base.get(k), truth[k]["account_id"]) for k in keys])}
    misses = Counter(truth[k]["variation"] for k in keys if ours.get(k) != truth[k]["account_id"])
    result["errors_by_variation"] = dict(misses.most_common())
    return result


# --- PATSTAT ---------------------------------------------------------------------------------------


def evaluate_patstat(folder: Path = PATSTAT) -> dict:
    with open(folder / "patstat_reference.csv", newline="", encoding="utf-8") as fh:
        records = list(csv.DictReader(fh))
    side = {r["person_id"]: hashlib.blake2b(r["person_id"].encode(), digest_size=2).digest()[0] % 2
            for r in records}
    a = [r for r in records if side[r["person_id"]] == 0]
    b = [r for r in records if side[r["person_id"]] == 1]
    entity = {r["person_id"]: r["leuven_id"] for r in records}
    a_entities = {r["leuven_id"] for r in a}
    accounts = _frame([r["person_id"] for r in a], [r["person_name"] for r in a], [None] * len(a), [None] * len(a))
    rows = _frame([r["person_id"] for r in b], [r["person_name"] for r in b], [None] * len(b), [None] * len(b))

    def pairs(chosen: dict[str, str]) -> list[tuple[str | None, str | None]]:
        out = []
        for r in b:
            truth = r["leuven_id"] if r["leuven_id"] in a_entities else None
            picked = chosen.get(r["person_id"])
            out.append((entity[picked] if picked else None, truth))
        return out

    return {"side_a": len(a), "side_b": len(b), "side_b_with_a_match": sum(1 for r in b if r["leuven_id"] in a_entities),
            "matcher": scores(pairs(predict(accounts, rows))), "baseline": scores(pairs(baseline(accounts, rows)))}


def run() -> dict:
    demo = evaluate_demo()
    report = {"demo": demo, "thresholds": THRESHOLDS}
    report["patstat"] = evaluate_patstat() if PATSTAT.is_dir() else {"skipped": f"{PATSTAT} not found"}
    report["passed"] = (demo["matcher"]["f1"] >= THRESHOLDS["demo_f1"]
                        and demo["matcher"]["f1"] > demo["baseline"]["f1"])
    return report


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
