"""content/ and campaigns/: real GitLab channel handbook pages plus Northwind Data's own enablement and kits.

The handbook pages are another company's rules: their front matter says `source: reference` (publisher
GitLab Handbook), so answers prefer Northwind's own programme and label a handbook quote as reference.

The handbook pages (CC BY-SA 4.0, EN and an unofficial JA translation) are written as Markdown with front
matter and an attribution footer; their text is kept as it is, minus Hugo shortcode lines. Northwind's own
documents and campaign kits are hand-written assets under `assets/`; a few tokens in them are filled from
the generated world so they agree with the data: `@@PARTNER:key@@` (a partner id), `@@DATE:-45@@` (a
date relative to today) and `@@TIER_TABLE@@` / `@@MDF_TABLE@@` (from the tier rules and MDF budgets).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import yaml

from evals.demo.activity import MDF_PER_QUARTER
from evals.demo.world import TIER_ORDER, TIER_RULES, World

ASSETS = Path(__file__).parent / "assets"
HANDBOOK_CORPUS = ASSETS / "gitlab-handbook" / "corpus.jsonl"
HANDBOOK_EN_DATE = "2025-12-09"  # date of the EN source commit (SOURCE.txt)
SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}")
TOKEN = re.compile(r"@@([A-Z_]+)(?::([^@]+))?@@")


def write_content(out: Path, world: World, corpus: Path = HANDBOOK_CORPUS) -> int:
    """Write every document under out/content; returns how many were written."""
    content = out / "content"
    if content.exists() and _generated_before(out):
        shutil.rmtree(content)  # a re-run must not leave stale documents behind
    count = write_handbook(content / "gitlab-handbook", corpus)
    for source in sorted((ASSETS / "content").rglob("*")):
        if source.is_file():
            target = content / source.relative_to(ASSETS / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(fill_tokens(source.read_text(encoding="utf-8"), world), encoding="utf-8")
            count += 1
    return count


def write_campaigns(out: Path) -> int:
    folder = out / "campaigns"
    if folder.exists() and _generated_before(out):
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    kits = sorted((ASSETS / "campaigns").glob("*.yaml"))
    for kit in kits:
        shutil.copyfile(kit, folder / kit.name)
    return len(kits)


def _generated_before(out: Path) -> bool:
    """Only a folder this generator wrote (it has truth/today.txt) is cleaned before writing again."""
    return (out / "truth" / "today.txt").is_file()


# --- the GitLab handbook -----------------------------------------------------------------------------


def write_handbook(folder: Path, corpus: Path) -> int:
    count = 0
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        rel = record["path"].removeprefix("content/handbook/")
        target = folder / record["lang"] / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(handbook_page(record), encoding="utf-8")
        count += 1
    return count


def handbook_page(record: dict) -> str:
    lang = record["lang"]
    updated = record.get("translated_at", "")[:10] if lang == "ja" else HANDBOOK_EN_DATE
    # another company's programme: reference material, labelled as such in answers, never Northwind's policy
    front = {"title": f"GitLab Handbook: {record['title']}", "kind": handbook_kind(record["path"]),
             "visibility": "partners", "source": "reference", "publisher": "GitLab Handbook", "locale": lang,
             "updated_on": dt.date.fromisoformat(updated or HANDBOOK_EN_DATE)}
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True).strip()
    return f"---\n{head}\n---\n\n{strip_shortcodes(record['text']).strip()}\n\n{attribution(record)}\n"


def handbook_kind(path: str) -> str:
    if any(w in path for w in ("services", "implementation", "migration")):
        return "playbook"
    if any(w in path for w in ("enablement", "training", "champions", "tools", "power", "integration")):
        return "training"
    return "policy"


def strip_shortcodes(text: str) -> str:
    """Drop Hugo shortcodes ({{< ... >}}, {{% ... %}}); a line that held only a shortcode goes away."""
    lines = []
    for line in text.split("\n"):
        if SHORTCODE.search(line):
            line = SHORTCODE.sub("", line)
            if not line.strip():
                continue
        lines.append(line)
    return "\n".join(lines)


def attribution(record: dict) -> str:
    repo, commit = record["source_repo"], record["source_commit"]
    if record["lang"] == "ja":
        origin = (f"Unofficial community machine translation (translator: {record.get('translator', 'unknown')}) "
                  f"from https://github.com/{repo} at commit {commit}, translating upstream commit "
                  f"{record.get('upstream_sha', 'unknown')} of the GitLab Handbook.")
    else:
        origin = (f"From https://github.com/{repo} at commit {commit}, a copy of "
                  "gitlab.com/gitlab-com/content-sites/handbook.")
    return ("---\n\n"
            f"*Source: GitLab Handbook, \"{record['title']}\", {record['url']}. {origin} "
            "Copyright GitLab Inc. and contributors, licensed under CC BY-SA 4.0 "
            "(https://creativecommons.org/licenses/by-sa/4.0/). Changes: front matter added, Hugo shortcodes "
            "removed; the text is otherwise unchanged. GitLab is a trademark of GitLab Inc. This page describes "
            "GitLab's partner programme, not Northwind Data's; it is included as reference material.*")


# --- tokens in Northwind's own documents ------------------------------------------------------------


def fill_tokens(text: str, world: World) -> str:
    def replace(m: re.Match) -> str:
        name, arg = m.group(1), m.group(2)
        if name == "PARTNER":
            return world.partner(arg).partner_id
        if name == "DATE":
            return (world.today + dt.timedelta(days=int(arg))).isoformat()
        if name == "YEAR":
            return str(world.today.year + int(arg or 0))
        if name == "TIER_TABLE":
            return tier_table()
        if name == "MDF_TABLE":
            return mdf_table()
        raise ValueError(f"unknown token {m.group(0)}")

    return TOKEN.sub(replace, text)


def tier_table() -> str:
    rows = ["| Tier | Won revenue, trailing 12 months | Won deals, trailing 12 months | Certified staff |",
            "|---|---|---|---|"]
    for tier in TIER_ORDER:
        r = TIER_RULES[tier]
        rows.append(f"| {tier.capitalize()} | ${r['min_won_revenue_12m']:,.0f} | {r['min_won_deals_12m']:.0f} "
                    f"| {r['min_certified_staff']:.0f} |")
    return "\n".join(rows)


def mdf_table() -> str:
    rows = ["| Tier | MDF per quarter (up to) |", "|---|---|"]
    for tier in reversed(TIER_ORDER):
        amount = MDF_PER_QUARTER[tier]
        rows.append(f"| {tier.capitalize()} | {'$' + format(amount, ',') if amount else 'none'} |")
    return "\n".join(rows)
