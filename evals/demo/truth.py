"""Ground truth for evals and tests, written under DIR/truth/ (not part of the import format).

- today.txt: the COSELL_TODAY the data was generated for.
- planted.json: the planted situations with their ids and exact numbers, plus definitions.
- match_backtest.json: recent closed_won deals with a partner (the backtest's test period) and the winner.
- account_mapping.json: for every partner_accounts.csv row, the vendor account it is (or null).
- partner_skills.json: the hidden strengths that drove the deal history.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from evals.demo.activity import activity_facts
from evals.demo.partner_list import PLANTED_KEYS
from evals.demo.planted import planted_deal_facts, tier_facts
from evals.demo.world import BACKTEST_DAYS, REGISTRATION_PROTECTION_DAYS, World

SCOPED_DOCS = {"alpine": "content/partners/alpine-it-joint-plan-2027.md",
               "sakura": "content/partners/sakura-systems-joint-plan-ja.md"}
INJECTION_DOC = "content/community/partner-tips-from-the-field.md"


def write_truth(out: Path, world: World, activity_rows: list[dict[str, str]], mapping_truth: list[dict],
                users: list[dict[str, str]]) -> list[str]:
    folder = out / "truth"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "today.txt").write_text(world.today.isoformat() + "\n", encoding="utf-8")
    files = {
        "planted.json": planted(world, activity_rows, users),
        "match_backtest.json": match_backtest(world),
        "account_mapping.json": mapping_truth,
        "partner_skills.json": partner_skills(world),
    }
    for name, data in files.items():
        (folder / name).write_text(_dumps(data), encoding="utf-8")
    return ["truth/today.txt", *(f"truth/{n}" for n in files)]


def _dumps(data: object) -> str:
    """Indented JSON, except that a long list holds one record per line (readable, diffable, fast)."""
    if isinstance(data, list):
        return "[\n" + ",\n".join(json.dumps(x, ensure_ascii=False) for x in data) + "\n]\n"
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def planted(world: World, activity_rows: list[dict[str, str]], users: list[dict[str, str]]) -> dict:
    t = world.today
    deals = planted_deal_facts(world)
    activity = activity_facts(world, activity_rows)
    tiers = tier_facts(world)
    open_deals = [o for o in world.opportunities if o.is_open]
    expiring = [o.opportunity_id for o in open_deals if o.registered_by
                and 0 <= (o.created_on + dt.timedelta(days=REGISTRATION_PROTECTION_DAYS) - t).days <= 14]
    situations = {
        "logins_collapse": activity["logins_collapse"],
        "unspent_mdf": activity["unspent_mdf"],
        "stalled_deal": deals["stalled_deal"],
        "expiring_registration": deals["expiring_registration"],
        "promotion_eligible": tiers["promotion_eligible"],
        "past_close_date": deals["past_close_date"],
        "no_partner": deals["no_partner"],
        "competitor": deals["competitor"],
    }
    scoped = {world.partner(k).partner_id: SCOPED_DOCS[k] for k in PLANTED_KEYS["scoped_content"]}
    return {
        "today": t.isoformat(), "seed": world.seed,
        "situations": situations,
        "demo": {
            "acme_renewal": deals["acme_renewal"],
            "alpine_it": _partner_brief(world, "alpine"), "sakura": _partner_brief(world, "sakura"),
            "users": {u["user_id"]: {"role": u["role"], "partner_id": u["partner_id"] or None,
                                     "slack_user_id": u["slack_user_id"], "locale": u["locale"]} for u in users},
        },
        "content": {"partner_scoped": scoped, "prompt_injection": INJECTION_DOC,
                    "internal_only_examples": ["content/battlecards/polar-warehouse.md",
                                               "content/internal/pricing-guidance.md",
                                               "content/internal/field-notes-q3.md"]},
        "whole_dataset": {
            "open_past_close_date": [o.opportunity_id for o in open_deals if o.close_date < t],
            "open_registrations_expiring_within_14_days": expiring,
            "open_without_partner": sum(1 for o in open_deals if not o.partner_id),
            "open_idle_over_60_days": [o.opportunity_id for o in open_deals if (t - o.last_activity_on).days > 60],
            "tiers": {k: v for k, v in tiers.items() if k != "promotion_eligible"},
        },
        "definitions": {
            "days_in_stage": deals["stalled_deal"]["definition"],
            "registration_expiry": f"protection ends created_on + {REGISTRATION_PROTECTION_DAYS} days for a deal "
                                   "with registered_by set; 'about to expire' = ends within 14 days of today",
            "last_complete_month": "the month before today's month",
            "tier_metrics": tiers["definition"],
        },
    }


def _partner_brief(world: World, key: str) -> dict:
    p = world.partner(key)
    return {"partner_id": p.partner_id, "name": p.name, "brand_name": p.brand_name, "tier": p.tier,
            "countries": p.countries, "competencies": p.competencies, "languages": p.languages,
            "account_sharing": p.account_sharing}


def match_backtest(world: World) -> dict:
    t = world.today
    start = t - dt.timedelta(days=BACKTEST_DAYS)
    cases = []
    for o in world.opportunities:
        if o.stage != "closed_won" or not o.partner_id or not (start < o.close_date <= t):
            continue
        acc = world.account(o.account_id)
        eligible = [p.partner_id for p in world.partners if p.eligible(acc.country, o.products, o.created_on)]
        cases.append({"opportunity_id": o.opportunity_id, "winner_partner_id": o.partner_id,
                      "partner_role": o.partner_role, "account_id": acc.account_id, "country": acc.country,
                      "industry": acc.industry, "products": o.products, "created_on": o.created_on.isoformat(),
                      "close_date": o.close_date.isoformat(), "eligible_partner_ids": eligible})
    return {"test_start": (start + dt.timedelta(days=1)).isoformat(), "test_end": t.isoformat(),
            "definition": "closed_won opportunities with a partner_id and close_date in [test_start, test_end]; "
                          "the partner_id on the deal is the winner. Train on everything closed before "
                          "test_start. eligible_partner_ids: authorised for every product, sells in the "
                          "account's country, partner since before created_on.",
            "cases": cases}


def partner_skills(world: World) -> dict:
    return {p.partner_id: {"name": p.name, "capacity": p.capacity, "country_skill": p.country_skill,
                           "skill": {f"{i}|{x}": v for (i, x), v in p.pair_skill.items()}}
            for p in world.partners}
