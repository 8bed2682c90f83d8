"""Score the copilot on zoo worlds through its CLI, against baselines computed from the CSVs.

`python -m evals.zoo.score [--world W] [--size small|full]` prints a readable table per world;
`--json` prints one JSON line of metrics per world. The CLI used is `python -m assistant.cli` from PYTHONPATH.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from evals.zoo.generator import TIERS, eligible, generate
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized

NOT_AVAILABLE = "not available"
# how an action is recognised as being about a situation (title, why and evidence)
KIND_PATTERNS = {
    "stalled": r"stall|no activity|inactiv|without (any )?activity|since the last activity|gone quiet|days? since",
    "close_date_passed": r"close date|overdue|past due|passed|slipp",
    "registration_lapsed": r"laps|expired|protection ended|no longer protected|protection ran out",
    "no_partner": r"no partner|without a partner|(engage|add|bring in|involve|attach) an? (\w+ )?partner|direct deal",
    "declining": r"declin|drop|fell|fall|decreas|disengag|churn|psat|satisfaction|logins",
    "mdf_unspent": r"unspent|unused|\bmdf\b|development funds",
    "certification_gap": r"certif",
}
DEAL_KINDS = ("stalled", "close_date_passed", "registration_lapsed", "no_partner")
PARTNER_KINDS = ("declining", "mdf_unspent", "certification_gap")


# ---------------------------------------------------------------- CLI
class Cli:
    def __init__(self, home: Path, today: str, admin: str):
        self.env = dict(os.environ, COSELL_HOME=str(home), COSELL_TODAY=today, HF_HUB_OFFLINE="1",
                        TRANSFORMERS_OFFLINE="1")
        self.admin = admin
        self.calls = 0
        self.seconds = 0.0

    def run(self, *args: str, as_user: bool = True, timeout: int = 600) -> tuple[int, dict | None, str]:
        cmd = [sys.executable, "-m", "assistant.cli", *args, "--json"]
        if as_user:
            cmd += ["--as", self.admin]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=timeout)
        self.calls += 1
        self.seconds += time.perf_counter() - t0
        out = proc.stdout.strip()
        try:
            obj = json.loads(out) if out else None
        except json.JSONDecodeError:
            obj = None
        return proc.returncode, obj, out + "\n" + proc.stderr


def _missing(rc: int, text: str) -> bool:
    return rc == 2 and bool(re.search(r"no such (command|option)", text, re.I))


# ---------------------------------------------------------------- data from the import folder
def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip()]


class Data:
    def __init__(self, imp: Path):
        self.partners = {p["partner_id"]: p for p in _read(imp / "partners.csv")}
        self.accounts = {a["account_id"]: a for a in _read(imp / "accounts.csv")}
        self.opps = _read(imp / "opportunities.csv")
        self.closed = [o for o in self.opps if o["stage"] in ("closed_won", "closed_lost") and o["partner_id"]]
        self.customers = set()
        for r in _read(imp / "partner_accounts.csv"):
            if r["status"].lower() == "customer":
                self.customers.add((r["partner_id"], (r.get("domain") or "").lower()))
                self.customers.add((r["partner_id"], r["account_name"].strip().lower()))
        self.wins = Counter(o["partner_id"] for o in self.closed if o["stage"] == "closed_won")
        self.prior = sum(o["stage"] == "closed_won" for o in self.closed) / max(1, len(self.closed))
        self.seg: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for o in self.closed:
            acc = self.accounts.get(o["account_id"], {})
            for key in {acc.get("industry", "").lower(), *(x.lower() for x in _split(o["products"]))}:
                s = self.seg[(o["partner_id"], key)]
                s[0] += o["stage"] == "closed_won"
                s[1] += 1
        self.candidates = _read(imp / "partner_candidates.csv")
        self.leads = {r["lead_id"]: r for r in _read(imp / "leads.csv")}

    def eligible(self, country: str, products: list[str]) -> list[str]:
        return [pid for pid, p in self.partners.items() if eligible(p, country, products)]

    def heuristic(self, pid: str, industry: str, products: list[str], domain: str, name: str, a: float = 5) -> float:
        """Smoothed segment win rate, plus a bonus for the account as the partner's customer."""
        wins = deals = 0
        seen = set()
        for o in self.closed:
            if o["partner_id"] != pid or o["opportunity_id"] in seen:
                continue
            acc = self.accounts.get(o["account_id"], {})
            prods = {x.lower() for x in _split(o["products"])}
            if acc.get("industry", "").lower() == industry.lower() or prods & {x.lower() for x in products}:
                seen.add(o["opportunity_id"])
                wins += o["stage"] == "closed_won"
                deals += 1
        rel = (pid, domain.lower()) in self.customers or (pid, name.strip().lower()) in self.customers
        return (wins + a * self.prior) / (deals + a) + 0.2 * rel

    def tier_rank(self, pid: str) -> tuple:
        p = self.partners[pid]
        return (TIERS.index(p["tier"].lower()), int(p.get("employees") or 0))


# ---------------------------------------------------------------- metrics
def ndcg(ranked: list[str], gains: dict[str, float], k: int) -> float:
    dcg = sum(gains.get(pid, 0.0) / math.log2(i + 2) for i, pid in enumerate(ranked[:k]))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(gains.values(), reverse=True)[:k]))
    return dcg / ideal if ideal else 0.0


def _rank_metrics(ranked: list[str], best: str, gains: dict[str, float]) -> dict:
    return {"hit@1": float(best in ranked[:1]), "hit@3": float(best in ranked[:3]), "ndcg@5": ndcg(ranked, gains, 5)}


def _random_metrics(pool: list[str], best: str, gains: dict[str, float], rng: random.Random, n: int = 200) -> dict:
    acc = Counter()
    for _ in range(n):
        order = pool[:]
        rng.shuffle(order)
        for k, v in _rank_metrics(order, best, gains).items():
            acc[k] += v / n
    return dict(acc)


def _mean(rows: list[dict]) -> dict:
    keys = rows[0].keys() if rows else ()
    return {k: round(sum(r[k] for r in rows) / len(rows), 3) for k in keys}


def _numbers_in(text: str, numbers: list[str]) -> bool:
    for num in numbers:
        variants = {num}
        if re.fullmatch(r"\d+", num):
            n = int(num)
            variants |= {f"{n:,}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", ".")}
            if n >= 1000 and n % 1000 == 0:
                variants |= {f"{n // 1000}k", f"{n // 1000}K"}
        for v in variants:
            if re.search(rf"(?<![\d.,]){re.escape(v)}(?![\d]|[.,]\d)", text, re.I):
                return True
        if not re.fullmatch(r"[\d.]+", num) and num.lower() in text.lower():
            return True
    return False


def _action_text(a: dict) -> str:
    return " ".join([str(a.get("title", "")), str(a.get("why", "")), *map(str, a.get("evidence") or [])])


def nba_subjects(truth: dict, per_kind: int) -> list[tuple[str, str, dict | None]]:
    """(subject type, id, planted situation or None for a healthy control) scored per world."""
    def take(items: list[dict], kinds: tuple) -> list[dict]:
        out = []
        for kind in kinds:
            out += [s for s in items if s["kind"] == kind][:per_kind]
        return out
    return ([("opportunity", s["opportunity_id"], s) for s in take(truth["deal_situations"], DEAL_KINDS)]
            + [("partner", s["partner_id"], s) for s in take(truth["partner_situations"], PARTNER_KINDS)]
            + [("opportunity", oid, None) for oid in truth["deal_controls"][:per_kind + 1]]
            + [("partner", pid, None) for pid in truth["partner_controls"][:per_kind + 1]])


def score_nba(truth: dict, per_kind: int, run, mapper=map) -> dict | str:
    """Planted situations in the subject's top 3, their numbers in its evidence, healthy controls flagged.
    `run(subject type, id)` -> (rc, the nba JSON, text): the CLI here, the service in `evals.zoo.nba_only`."""
    subjects = nba_subjects(truth, per_kind)
    outs = list(mapper(lambda s: run(s[0], s[1]), subjects))
    if outs and _missing(outs[0][0], outs[0][2]):
        return NOT_AVAILABLE
    found, numbered, flagged, no_evidence, actions_total = Counter(), Counter(), [], 0, 0
    planted, controls = Counter(), Counter()
    misses = []
    for (what, sid, sit), (rc, obj, _text) in zip(subjects, outs):
        actions = (obj or {}).get("actions", [])
        actions_total += len(actions)
        no_evidence += sum(1 for a in actions if not a.get("evidence"))
        top = actions[:3]
        if sit is None:
            kinds = DEAL_KINDS if what == "opportunity" else PARTNER_KINDS
            controls[what] += 1
            hit = [k for k in kinds for a in top if re.search(KIND_PATTERNS[k], _action_text(a), re.I)]
            if hit:
                flagged.append(f"{sid}: {sorted(set(hit))}")
            continue
        planted[sit["kind"]] += 1
        match = [a for a in top if re.search(KIND_PATTERNS[sit["kind"]], _action_text(a), re.I)]
        if match:
            found[sit["kind"]] += 1
            if any(_numbers_in(" ".join(map(str, a.get("evidence") or [])), sit["numbers"]) for a in match):
                numbered[sit["kind"]] += 1
            else:
                misses.append(f"{sid} {sit['kind']} number {sit['numbers']} not in evidence")
        else:
            misses.append(f"{sid} {sit['kind']} (rc {rc}): " + " | ".join(a.get("title", "") for a in top))
    n_planted = sum(planted.values())
    return {
        "planted": n_planted,
        "in_top3": round(sum(found.values()) / max(1, n_planted), 3),
        "number_in_evidence": round(sum(numbered.values()) / max(1, n_planted), 3),
        "by_kind": {k: f"{found[k]}/{planted[k]} top3, {numbered[k]} with number" for k in planted},
        "controls": sum(controls.values()),
        "controls_flagged": round(len(flagged) / max(1, sum(controls.values())), 3),
        "actions_without_evidence": no_evidence, "actions": actions_total,
        "misses": misses[:8], "flagged": flagged[:5],
    }


# ---------------------------------------------------------------- scoring one world
def score_world(name: str, size: str = "full", deals: int = 20, per_kind: int = 3, jobs: int = 1,
                workdir: Path | None = None) -> dict:
    world = sized(WORLDS[name], size)
    tmp = Path(workdir or tempfile.mkdtemp(prefix=f"zoo-{name}-"))
    truth = generate(world, tmp / "world")
    imp = tmp / "world" / "import"
    data = Data(imp)
    cli = Cli(tmp / "home", world.today, truth["admin"])
    rng = random.Random(world.seed)
    pool = ThreadPoolExecutor(max_workers=jobs)
    report: dict = {"world": name, "driver": world.driver, "partners": world.partners, "today": world.today}

    rc, obj, text = cli.run("ingest", str(imp), "--reset", as_user=False)
    report["ingest"] = {"rc": rc, "rejected": len((obj or {}).get("rejected", [])) if obj else None}
    if rc not in (0, 3):
        report["error"] = f"ingest failed (exit {rc}): {text[-400:]}"
        return report

    # ---- match on open deals
    opp_ids = sorted(truth["open_deals"])[:deals]
    outs = list(pool.map(lambda oid: cli.run("match", oid, "--top", "5"), opp_ids))
    copilot, base = [], defaultdict(list)
    if outs and _missing(outs[0][0], outs[0][2]):
        report["match"] = NOT_AVAILABLE
    else:
        for oid, (_rc, obj, _) in zip(opp_ids, outs):
            t = truth["open_deals"][oid]
            gains = t["p_win"]
            ranked = [p["partner_id"] for p in (obj or {}).get("partners", [])]
            copilot.append(_rank_metrics(ranked, t["best"], gains))
            elig = list(gains)
            acc = data.accounts[t["account_id"]]
            base["random eligible"].append(_random_metrics(elig, t["best"], gains, rng))
            base["highest tier"].append(_rank_metrics(sorted(elig, key=data.tier_rank, reverse=True), t["best"], gains))
            base["most wins"].append(_rank_metrics(sorted(elig, key=lambda p: (data.wins[p], p), reverse=True),
                                                   t["best"], gains))
            h = {p: data.heuristic(p, acc["industry"], t["products"], acc["domain"], acc["name"]) for p in elig}
            base["segment heuristic"].append(_rank_metrics(sorted(elig, key=h.get, reverse=True), t["best"], gains))
        report["match"] = {"deals": len(opp_ids), "copilot": _mean(copilot), **{k: _mean(v) for k, v in base.items()}}

    # ---- nba: planted situations, numbers in evidence, healthy controls
    report["nba"] = score_nba(truth, per_kind, lambda what, sid: cli.run("nba", f"--{what}", sid), pool.map)

    # ---- register-check on lapsed registrations: another partner asks about the same account
    lapsed = [s for s in truth["deal_situations"] if s["kind"] == "registration_lapsed"][:per_kind]
    checks = []
    for s in lapsed:
        others = [p for p in data.eligible(s["country"], _split(s["products"])) if p != s["partner_id"]]
        asker = others[0] if others else s["partner_id"]
        rc, obj, text = cli.run("register-check", "--partner", asker, "--account", s["account_name"],
                                "--country", s["country"], "--products", s["products"])
        if _missing(rc, text):
            checks = None
            break
        checks.append(bool(re.search(KIND_PATTERNS["registration_lapsed"], text, re.I))
                      or s["numbers"][0] in text)
    report["register_check_lapsed_reported"] = NOT_AVAILABLE if checks is None else (
        round(sum(checks) / len(checks), 3) if checks else None)

    # ---- portfolio at-risk
    rc, obj, text = cli.run("portfolio")
    if _missing(rc, text):
        report["portfolio"] = NOT_AVAILABLE
    else:
        at_risk = (obj or {}).get("at_risk", [])
        planted_d = set(truth["declining_partners"])
        ctrl = set(truth["partner_controls"])
        report["portfolio"] = {
            "at_risk": len(at_risk), "declining_planted": len(planted_d),
            "precision_at_list_len": round(len(set(at_risk) & planted_d) / max(1, len(at_risk)), 3),
            "declining_in_top": round(len(set(at_risk[:len(planted_d)]) & planted_d) / max(1, len(planted_d)), 3),
            "controls_at_risk": round(len(set(at_risk) & ctrl) / max(1, len(ctrl)), 3)}

    # ---- lead routing
    lead_ids = sorted(truth["leads"])[:max(5, deals // 2)]
    outs = list(pool.map(lambda lid: cli.run("leads", "route", lid, "--top", "3"), lead_ids))
    if outs and _missing(outs[0][0], outs[0][2]):
        report["leads"] = NOT_AVAILABLE
    else:
        cop, heur, rnd = [], [], []
        for lid, (_rc, obj, _) in zip(lead_ids, outs):
            t, lead = truth["leads"][lid], data.leads[lid]
            ranked = [p["partner_id"] for p in (obj or {}).get("partners", [])]
            cop.append(float(t["best"] in ranked[:3]))
            elig = list(t["p_win"])
            h = {p: data.heuristic(p, lead["industry"], _split(lead["products"]), lead["domain"], lead["company"])
                 for p in elig}
            heur.append(float(t["best"] in sorted(elig, key=h.get, reverse=True)[:3]))
            rnd.append(min(3, len(elig)) / len(elig))
        report["leads"] = {"leads": len(lead_ids), "copilot_hit@3": round(sum(cop) / len(cop), 3),
                           "segment heuristic_hit@3": round(sum(heur) / len(heur), 3),
                           "random_hit@3": round(sum(rnd) / len(rnd), 3)}

    # ---- recruitment
    rc, obj, text = cli.run("recruit", "--top", "10")
    if _missing(rc, text):
        report["recruit"] = NOT_AVAILABLE
    else:
        q = truth["candidates"]
        low = min(q.values())
        gains = {c: v - low for c, v in q.items()}
        ranked = [c["candidate_id"] for c in (obj or {}).get("candidates", [])]
        best = sorted(data.partners, key=lambda p: (data.wins[p], p), reverse=True)[:max(3, len(data.partners) // 5)]
        best_types = Counter(data.partners[p]["type"] for p in best)
        best_countries = Counter(c for p in best for c in _split(data.partners[p]["countries"]))
        hs = {c["candidate_id"]: best_types[c["type"]] * sum(best_countries[x] for x in _split(c["countries"]))
              for c in data.candidates}
        rand = sum(ndcg(rng.sample(list(q), len(q)), gains, 10) for _ in range(200)) / 200
        report["recruit"] = {"copilot_ndcg@10": round(ndcg(ranked, gains, 10), 3),
                             "type+country heuristic_ndcg@10": round(
                                 ndcg(sorted(q, key=lambda c: (hs[c], c), reverse=True), gains, 10), 3),
                             "random_ndcg@10": round(rand, 3)}
    report["cli"] = {"calls": cli.calls, "seconds": round(cli.seconds, 1)}
    pool.shutdown()
    return report


# ---------------------------------------------------------------- printing
def print_table(rep: dict) -> None:
    print(f"\n== {rep['world']} ({rep.get('driver')}, {rep.get('partners')} partners, today {rep.get('today')})")
    if "error" in rep:
        print("  ERROR", rep["error"])
        return
    m = rep.get("match")
    if isinstance(m, dict):
        print(f"  match on {m['deals']} open deals      hit@1  hit@3  ndcg@5")
        for k, v in m.items():
            if isinstance(v, dict):
                print(f"    {k:<28} {v['hit@1']:.2f}   {v['hit@3']:.2f}   {v['ndcg@5']:.2f}")
    else:
        print("  match:", m)
    n = rep.get("nba")
    if isinstance(n, dict):
        print(f"  nba: planted in top3 {n['in_top3']:.2f}, number in evidence {n['number_in_evidence']:.2f}, "
              f"controls flagged {n['controls_flagged']:.2f} of {n['controls']}, "
              f"actions without evidence {n['actions_without_evidence']}/{n['actions']}")
        for k, v in n["by_kind"].items():
            print(f"    {k:<22} {v}")
    else:
        print("  nba:", n)
    print("  register-check reports lapse:", rep.get("register_check_lapsed_reported"))
    for key in ("portfolio", "leads", "recruit"):
        print(f"  {key}:", rep.get(key))
    print("  cli:", rep.get("cli"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS), help="repeatable; default: the five worlds")
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--deals", type=int, default=20, help="open deals scored per world")
    ap.add_argument("--per-kind", type=int, default=3, help="planted situations scored per kind")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:  # each world as soon as it is scored
        rep = score_world(w, args.size, args.deals, args.per_kind, args.jobs)
        if args.json:
            print(json.dumps(rep), flush=True)
        else:
            print_table(rep)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
