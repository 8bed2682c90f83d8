"""Do account name vectors help resolve a free-text company name to our account? (issue 23)

The rule under test: exact keys first (registrable domain, normalised name: what lead routing uses), then
the account whose name vector (MiniLM, the content's model) is nearest, if its cosine is at least a
threshold. Compared, on the same rows, with the exact keys alone and with the account-mapping matcher
(`tools.account_mapping`, fuzzy names), and the matcher followed by the vector fallback.

Result (README, issue 23): on PATSTAT the fallback lifts F1 (matcher 0.973 -> 0.988 at 0.85, precision 1.0),
on the demo it costs precision badly (matcher 0.999 -> 0.957 at 0.85: 485 rows that are nobody of ours, or
another company of a similar name, taken for an account). Names that are not ours are the normal case for
a lead or a partner's CRM row, so accounts are not embedded; this script keeps the measurement.

- patstat: PATSTAT applicant names with KU Leuven's entity ids (`evals.account_mapping.evaluate_patstat`'s
  split: side A our accounts, side B the names to resolve). The threshold was chosen on this set.
- demo: the demo's partner_accounts.csv rows against its accounts with the generator's truth (a row may
  be nobody of ours: a hard negative). Not used to choose anything: the check that the threshold does
  not buy recall with false matches elsewhere.

    python -m evals.account_vectors [--demo FOLDER] [--thresholds 0.8,0.85,0.9]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import time
from pathlib import Path

import numpy as np

from evals import account_mapping as am

NAME_SIMILARITY = 0.85  # the threshold chosen on PATSTAT (precision 1.0 there at 0.8 to 0.9)

DEMO = Path(__file__).resolve().parents[1] / ".cosell-demo" / "import"


def account_text(name: str | None) -> str:
    return " ".join((name or "").split())


def _embedder():
    from retrieval.embeddings import Embedder  # heavy: torch / onnx

    return Embedder()


def _vectors(embedder, names: list[str]) -> dict[str, np.ndarray]:
    distinct = sorted({account_text(n) for n in names if n})
    return dict(zip(distinct, embedder.embed_texts(distinct))) if distinct else {}


def with_vectors(exact: dict[str, str], keys: list[str], names: list[str], account_keys: list[str],
                 account_names: list[str], vectors: dict[str, np.ndarray], threshold: float) -> dict[str, str]:
    """`exact`, plus the nearest account name at cosine >= threshold for every key it leaves open."""
    matrix = np.vstack([vectors[account_text(n)] for n in account_names])
    out = dict(exact)
    for key, name in zip(keys, names):
        if key in out or account_text(name) not in vectors:
            continue
        sims = np.einsum("ij,j->i", matrix, vectors[account_text(name)])
        best = int(np.argmax(sims))
        if sims[best] >= threshold:
            out[key] = account_keys[best]
    return out


def patstat(embedder, thresholds: list[float]) -> dict:
    with open(am.PATSTAT / "patstat_reference.csv", newline="", encoding="utf-8") as fh:
        records = list(csv.DictReader(fh))
    side = {r["person_id"]: hashlib.blake2b(r["person_id"].encode(), digest_size=2).digest()[0] % 2 for r in records}
    a = [r for r in records if side[r["person_id"]] == 0]
    b = [r for r in records if side[r["person_id"]] == 1]
    entity = {r["person_id"]: r["leuven_id"] for r in records}
    a_entities = {r["leuven_id"] for r in a}
    accounts = am._frame([r["person_id"] for r in a], [r["person_name"] for r in a], [None] * len(a), [None] * len(a))
    rows = am._frame([r["person_id"] for r in b], [r["person_name"] for r in b], [None] * len(b), [None] * len(b))

    def score(chosen: dict[str, str]) -> dict:
        return am.scores([(entity[chosen[r["person_id"]]] if chosen.get(r["person_id"]) else None,
                           r["leuven_id"] if r["leuven_id"] in a_entities else None) for r in b])

    exact, matcher = am.baseline(accounts, rows), am.predict(accounts, rows)
    vectors = _vectors(embedder, [r["person_name"] for r in records])
    args = ([r["person_id"] for r in b], [r["person_name"] for r in b], [r["person_id"] for r in a],
            [r["person_name"] for r in a], vectors)
    out = {"rows": len(b), "exact": score(exact), "matcher": score(matcher)}
    for t in thresholds:
        out[f"exact+vectors@{t}"] = score(with_vectors(exact, *args, t))
        out[f"matcher+vectors@{t}"] = score(with_vectors(matcher, *args, t))
    return out


def demo(embedder, folder: Path, thresholds: list[float]) -> dict:
    accounts, rows, truth = am.load_demo(folder)
    keys = [k for k in rows["key"].to_list() if k in truth]
    names = dict(zip(rows["key"].to_list(), rows["name"].to_list()))

    def score(chosen: dict[str, str]) -> dict:
        return am.scores([(chosen.get(k), truth[k]["account_id"]) for k in keys])

    exact, matcher = am.baseline(accounts, rows), am.predict(accounts, rows)
    open_keys = [k for k in keys if k not in exact or k not in matcher]  # only these can change
    vectors = _vectors(embedder, accounts["name"].to_list() + [names[k] for k in open_keys])
    args = (open_keys, [names[k] for k in open_keys], accounts["key"].to_list(), accounts["name"].to_list(), vectors)
    out = {"rows": len(keys), "exact": score(exact), "matcher": score(matcher)}
    for t in thresholds:
        out[f"exact+vectors@{t}"] = score(with_vectors(exact, *args, t))
        out[f"matcher+vectors@{t}"] = score(with_vectors(matcher, *args, t))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, default=DEMO)
    parser.add_argument("--thresholds", default=f"0.8,{NAME_SIMILARITY},0.9")
    parser.add_argument("--skip-demo", action="store_true")
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    embedder = _embedder()
    started = time.perf_counter()
    report = {"threshold": NAME_SIMILARITY, "patstat": patstat(embedder, thresholds) if am.PATSTAT.is_dir() else {}}
    if not args.skip_demo and (args.demo / "truth" / "account_mapping.json").exists():
        report["demo"] = demo(embedder, args.demo, thresholds)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
