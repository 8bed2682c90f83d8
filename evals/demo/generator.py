"""Generate the Northwind Data demo ecosystem in the import format (DATA.md), deterministic for a seed.

    python -m evals.demo.generator --out DIR [--seed 7] [--today 2026-11-15] [--scale 1.0]

Writes vendor.yaml, the CSV files, content/ and campaigns/ into DIR, and the ground truth for evals and
tests under DIR/truth/ (ingest ignores that folder). No network, no global random state.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, computed_field

from evals.demo.accounts import CompanyNamer, build_accounts, special_account
from evals.demo.activity import build_activity
from evals.demo.candidates import build_candidates
from evals.demo.content import write_campaigns, write_content
from evals.demo.deals import assign_statuses, build_opportunities, number_opportunities
from evals.demo.mapping import build_partner_accounts
from evals.demo.mdf import build_mdf
from evals.demo.newcomers import build_newcomers
from evals.demo.partners import build_partners, describe_partners
from evals.demo.planted import plant_deals, settle_tiers
from evals.demo.truth import write_truth
from evals.demo.users import build_users, channel_manager_for
from evals.demo.world import TIER_RULES, World, money

DEFAULT_SEED = 7
DEFAULT_TODAY = dt.date(2026, 11, 15)

COLUMNS = {
    "partners.csv": ("partner_id", "name", "type", "tier", "website", "countries", "industries", "competencies",
                     "certified_staff", "languages", "joined_on", "brand_name", "brand_color", "tagline",
                     "contact_email", "account_sharing", "description", "channel_manager"),
    "accounts.csv": ("account_id", "name", "domain", "industry", "country", "employees", "annual_revenue", "status",
                     "owner_email"),
    "opportunities.csv": ("opportunity_id", "account_id", "name", "stage", "amount", "currency", "created_on",
                          "close_date", "last_activity_on", "products", "partner_id", "partner_role",
                          "registered_by", "description", "mdf_activity_id"),
    "partner_accounts.csv": ("partner_id", "account_name", "domain", "country", "status", "updated_on"),
    "partner_activity.csv": ("partner_id", "month", "portal_logins", "trainings_completed", "deals_registered",
                             "certifications_earned", "mdf_allocated", "mdf_spent", "psat"),
    "users.csv": ("user_id", "name", "email", "role", "partner_id", "slack_user_id", "locale"),
    "mdf_activities.csv": ("activity_id", "partner_id", "name", "kind", "status", "requested_amount",
                           "approved_amount", "claimed_amount", "paid_amount", "currency", "requested_on",
                           "start_on", "end_on", "kit_id", "leads"),
    "partner_candidates.csv": ("candidate_id", "name", "type", "website", "countries", "industries",
                               "competencies", "languages", "description", "employees", "source"),
}


class GenerationSummary(BaseModel):
    out: str
    seed: int
    today: dt.date
    scale: float
    counts: dict[str, int]
    known_ids: dict[str, str]
    truth_files: list[str]

    @computed_field  # the value to export as COSELL_TODAY when using this data
    @property
    def cosell_today(self) -> str:
        return self.today.isoformat()


def generate(out: Path, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY,
             scale: float = 1.0) -> GenerationSummary:
    """Build the world in memory, then write it. `scale` < 1 shrinks accounts, deals and mapping rows."""
    out = Path(out)
    world, namer = build_world(seed, today, scale)
    pa_rows, mapping_truth = build_partner_accounts(world, namer)
    activity_rows = build_activity(world)
    users = build_users(world)
    # issue 21, drawn after everything else so the rest of the demo stays as it was
    mdf_rows, mdf_of = build_mdf(world, activity_rows)
    candidates, candidate_truth = build_candidates(world)
    new = build_newcomers(world)
    out.mkdir(parents=True, exist_ok=True)
    _write_vendor(out)
    counts = {
        "partners": _write_csv(out, "partners.csv", [_partner_row(p) for p in world.partners] + new.partners),
        "accounts": _write_csv(out, "accounts.csv", [_account_row(a) for a in world.accounts]),
        "opportunities": _write_csv(out, "opportunities.csv",
                                    [_opp_row(o, mdf_of) for o in world.opportunities] + new.opportunities),
        "partner_accounts": _write_csv(out, "partner_accounts.csv", pa_rows),
        "partner_activity": _write_csv(out, "partner_activity.csv", activity_rows + new.activity),
        "users": _write_csv(out, "users.csv", users + new.users),
        "mdf_activities": _write_csv(out, "mdf_activities.csv", mdf_rows),
        "partner_candidates": _write_csv(out, "partner_candidates.csv", candidates),
    }
    counts["documents"] = write_content(out, world)
    counts["campaign_kits"] = write_campaigns(out)
    truth_files = write_truth(out, world, activity_rows, mapping_truth, users)
    for name, data in (("onboarding.json", {"partners": new.truth}), ("candidates.json", candidate_truth),
                       ("mdf.json", {"sourced_deals": mdf_of})):
        (out / "truth" / name).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        truth_files.append(name)
    acme = special_account(world.accounts, "Acme Corporation")
    renewal = next(o for o in world.opportunities if o.planted == "acme_renewal")
    known = {"alpine_it": world.partner("alpine").partner_id, "sakura_systems": world.partner("sakura").partner_id,
             "acme_account": acme.account_id, "acme_renewal": renewal.opportunity_id}
    return GenerationSummary(out=str(out), seed=seed, today=today, scale=scale, counts=counts, known_ids=known,
                             truth_files=truth_files)


def build_world(seed: int, today: dt.date, scale: float) -> tuple[World, CompanyNamer]:
    """Partners, accounts and deals with the planted situations; the namer knows every name handed out."""
    world = World(seed=seed, today=today, scale=scale)
    world.partners = build_partners(seed, today)
    world.accounts, namer = build_accounts(seed, scale)
    build_opportunities(world)
    plant_deals(world)
    settle_tiers(world)
    assign_statuses(world)
    number_opportunities(world)
    describe_partners(seed, world.partners)
    return world, namer


def _write_vendor(out: Path) -> None:
    vendor = {"name": "Northwind Data", "website": "northwind.example", "default_locale": "en",
              "account_sharing": "counts", "tier_rules": TIER_RULES,
              # where co-branded landing pages post their lead form (README, drafts)
              "lead_form_url": "https://northwind.example/partners/leads"}
    header = ("# Northwind Data: the vendor whose partner programme this is.\n"
              "# tier_rules: minimums over the trailing 12 months to hold (or be promoted to) a tier:\n"
              "# won revenue and won deals = closed_won opportunities with the partner on them (any role),\n"
              "# certified staff = the sum of a partner's certified_staff counts.\n")
    body = yaml.safe_dump(vendor, sort_keys=False, allow_unicode=True, default_flow_style=False)
    (out / "vendor.yaml").write_text(header + body, encoding="utf-8")


def _write_csv(out: Path, name: str, rows: list[dict[str, str]]) -> int:
    with (out / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS[name], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _partner_row(p) -> dict[str, str]:
    return {"partner_id": p.partner_id, "name": p.name, "type": p.type, "tier": p.tier, "website": p.website,
            "countries": ";".join(p.countries), "industries": ";".join(p.industries),
            "competencies": ";".join(p.competencies),
            "certified_staff": ";".join(f"{c}:{n}" for c, n in p.certified.items()),
            "languages": ";".join(p.languages), "joined_on": p.joined_on.isoformat(), "brand_name": p.brand_name,
            "brand_color": p.brand_color, "tagline": p.tagline, "contact_email": p.contact_email,
            "account_sharing": p.account_sharing, "description": p.description,
            "channel_manager": channel_manager_for(p.countries)}


def _account_row(a) -> dict[str, str]:
    return {"account_id": a.account_id, "name": a.name, "domain": a.domain, "industry": a.industry,
            "country": a.country, "employees": str(a.employees), "annual_revenue": money(a.annual_revenue),
            "status": a.status, "owner_email": a.owner_email}


def _opp_row(o, mdf_of: dict[str, str] | None = None) -> dict[str, str]:
    return {"opportunity_id": o.opportunity_id, "account_id": o.account_id, "name": o.name, "stage": o.stage,
            "amount": money(o.amount), "currency": "USD", "created_on": o.created_on.isoformat(),
            "close_date": o.close_date.isoformat(), "last_activity_on": o.last_activity_on.isoformat(),
            "products": ";".join(o.products), "partner_id": o.partner_id, "partner_role": o.partner_role,
            "registered_by": o.registered_by, "description": o.description,
            "mdf_activity_id": (mdf_of or {}).get(o.opportunity_id, "")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.demo.generator", description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write (created if missing)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=DEFAULT_TODAY,
                        help="the date the data describes (use the same COSELL_TODAY)")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink the data for quick tests (e.g. 0.2)")
    args = parser.parse_args(argv)
    if not 0 < args.scale <= 5:
        parser.error("--scale must be in (0, 5]")
    summary = generate(args.out, seed=args.seed, today=args.today, scale=args.scale)
    counts = ", ".join(f"{k} {v}" for k, v in summary.counts.items())
    print(f"Wrote {args.out}: {counts}.")
    print(f"Ground truth in {args.out / 'truth'} ({', '.join(summary.truth_files)}).")
    print(f"Known ids: {', '.join(f'{k}={v}' for k, v in summary.known_ids.items())}.")
    print(f"Use COSELL_TODAY={summary.cosell_today}  (e.g. export COSELL_TODAY={summary.cosell_today})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
