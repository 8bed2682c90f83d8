"""Lead routing eval (issue 20): leads made from held-back deals, ranked by `cosell leads route`.

World: the demo generator's ecosystem. The recent partner-won deals (truth/match_backtest.json cases)
are held back: removed from opportunities.csv before ingest and turned into leads (the account's name,
domain, country, industry, employees; the deal's products and amount). Each lead is routed through
`tools.leads.service.route_lead`, the serving path. Truth: the latent best partner, the eligible partner
(authorised for every product, selling in the country) with the highest hidden pick weight of the
generator (truth/partner_skills.json); the deal's actual winner is reported too.
Baselines over eligible partners: random, and a smoothed segment win-rate (wins / closed deals of the
partner in the lead's industry and country, shrunk towards its overall win rate, m = 5).
Target: hit@3 >= the heuristic's and >= random + 15 points.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import numpy as np

from evals.partner_match import expected_metrics, oracle_key
from tools.partner_match import features as mf

SMOOTHING = 5.0
MARGIN_OVER_RANDOM = 0.15


def segment_rates(eco: mf.Ecosystem, matrix: mf.PartnerMatrix, industry: str | None, country: str | None) -> np.ndarray:
    won, closed = np.zeros(len(matrix.ids)), np.zeros(len(matrix.ids))
    seg_won, seg_closed = np.zeros(len(matrix.ids)), np.zeros(len(matrix.ids))
    for deal in eco.deals:
        i = matrix.index.get(deal.partner_id or "")
        if i is None or not deal.is_closed:
            continue
        closed[i] += 1
        won[i] += deal.won
        account = eco.accounts.get(deal.account_id)
        if account and account.industry == industry and account.country == country:
            seg_closed[i] += 1
            seg_won[i] += deal.won
    overall = (won + 1) / (closed + 2)
    return (seg_won + SMOOTHING * overall) / (seg_closed + SMOOTHING)


def run() -> dict:
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from connectors.csv_folder import read_import_folder
    from evals.demo.generator import generate
    from retrieval.ingest import replace_records
    from retrieval.programme_records import LeadRow
    from retrieval.scope import Scope
    from tools.leads.service import route_lead
    from tools.partner_match.service import get_engine

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "import"
        generate(folder)
        cases = json.loads((folder / "truth" / "match_backtest.json").read_text())["cases"]
        skills = json.loads((folder / "truth" / "partner_skills.json").read_text())
        today = dt.date.fromisoformat((folder / "truth" / "today.txt").read_text().strip())
        bundle = read_import_folder(folder)
        held = {c["opportunity_id"]: c for c in cases}
        deals = {o.opportunity_id: o for o in bundle.opportunities if o.opportunity_id in held}
        bundle.opportunities = [o for o in bundle.opportunities if o.opportunity_id not in held]
        accounts = {a.account_id: a for a in bundle.accounts}
        ctx = AppContext(Settings(home=Path(tmp) / "home", today=today))
        try:
            replace_records(ctx, bundle)
            with ctx.store.session() as session:
                for oid, deal in deals.items():
                    account = accounts[deal.account_id]
                    session.add(LeadRow(lead_id=f"L-{oid}", company=account.name, domain=account.domain,
                                        country=account.country, industry=account.industry,
                                        products=deal.products, employees=account.employees, amount=deal.amount,
                                        created_on=deal.created_on, status="new"))
            engine = get_engine(ctx)
            matrix, eco = engine.matrix, engine.eco
            totals = {m: {"hit@1": 0.0, "hit@3": 0.0} for m in ("route", "segment_win_rate", "random_eligible")}
            winner_hit3, n = 0.0, 0
            for oid, deal in deals.items():
                account = accounts[deal.account_id]
                rec = mf.AccountRec(account.account_id, account.name, account.industry, account.country)
                dealrec = mf.DealRec(oid, account.account_id, products=tuple(deal.products))
                eligible = np.array([
                    all(p.casefold() in {c.casefold() for c in partner.competencies or []} for p in deal.products)
                    and account.country in (partner.countries or []) for partner in matrix.partners], dtype=float)
                if not eligible.any() or not deal.products:
                    continue
                latent = oracle_key(skills, matrix, dealrec, rec)
                best = int(np.argmax(eligible * 1e9 + latent))
                ranked = [p.partner_id for p in route_lead(ctx, Scope.system(), f"L-{oid}", top=3).partners]
                route_key = np.zeros(len(matrix.ids))
                for k, pid in enumerate(ranked):
                    route_key[matrix.index[pid]] = 3 - k
                keys = {"route": route_key,
                        "segment_win_rate": eligible * 10 + segment_rates(eco, matrix, account.industry, account.country),
                        "random_eligible": eligible}
                for method, key in keys.items():
                    for metric, value in expected_metrics(key, best).items():
                        if metric in totals[method]:
                            totals[method][metric] += value
                winner_hit3 += held[oid]["winner_partner_id"] in ranked
                n += 1
        finally:
            ctx.close()
    results = {m: {k: round(v / max(n, 1), 4) for k, v in t.items()} for m, t in totals.items()}
    hit3 = results["route"]["hit@3"]
    return {"leads": n, "truth": "latent best eligible partner (generator's hidden skills)", "results": results,
            "route_hit@3_actual_winner": round(winner_hit3 / max(n, 1), 4),
            "passed": hit3 >= results["segment_win_rate"]["hit@3"]
            and hit3 >= results["random_eligible"]["hit@3"] + MARGIN_OVER_RANDOM}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
