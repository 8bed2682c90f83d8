"""Routing cases: loading the case files and filling them from the ingested demo.

Deals in the tuned questions are slots (`{deal.account}`) filled from the demo, so the cases survive a
change of the generator's random names; "@opp:NAME" / "@account:NAME" is the id of the record with that
exact name (the open one first). Used by `evals/routing.py`.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from assistant.engine.context import AppContext

HERE = Path(__file__).parent
OPEN = ("prospecting", "qualification", "proposal", "negotiation")
SUFFIX = re.compile(
    r"\s+(Inc\.|Corporation|LLC|Corp\.|Co\.|Ltd\.?|plc|Limited|LLP|DAC|Pty Ltd|Pvt Ltd|GmbH & Co\. KG|"
    r"GmbH|AG|SE|SA|SAS|SARL|S\.A\.|S\.L\.|S\.A\. de C\.V\.|S\. de R\.L\. de C\.V\.|Lda\.|Ltda\.|"
    r"S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|NV|BV|AB|AS|ASA|A/S|ApS|Oy|Oyj|Sp\. z o\.o\.|K\.K\.|"
    r"Co\., Ltd\.|S\.à r\.l\.)$"
)


def load_cases(path: Path = HERE / "routing_questions.yaml") -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])


def prepare_demo_ctx(tmp: Path) -> AppContext:
    """Generate the demo ecosystem into `tmp` and ingest it into a COSELL_HOME there."""
    from assistant.core.config import Settings
    from evals.demo.generator import generate
    from retrieval.ingest import ingest_folder

    folder = Path(tmp) / "import"
    generate(folder)
    today = (folder / "truth" / "today.txt").read_text().strip()
    ctx = AppContext(Settings(home=Path(tmp) / "home", today=today))
    ingest_folder(ctx, folder)
    return ctx


@contextmanager
def generated_demo(prefix: str = "cosell-demo-") -> Iterator[AppContext]:
    """A freshly generated and ingested demo in a temporary folder, closed and removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        ctx = prepare_demo_ctx(Path(tmp))
        try:
            yield ctx
        finally:
            ctx.close()


def _names(ctx: AppContext) -> dict[str, dict[str, list[str]]]:
    """name -> ids, for the "@opp:NAME" / "@account:NAME" references in the cases."""
    from sqlalchemy import select

    from retrieval.records import Account, Opportunity

    out: dict[str, dict[str, list[str]]] = {"opp": {}, "account": {}}
    with ctx.store.session() as session:
        rows = session.execute(select(Opportunity.opportunity_id, Opportunity.name, Opportunity.stage)).all()
        for id_, name, _stage in sorted(rows, key=lambda r: r[2] in ("closed_won", "closed_lost")):
            out["opp"].setdefault(name, []).append(id_)  # open deals first: "@opp:NAME" means the open one
        for id_, name in session.execute(select(Account.account_id, Account.name)):
            out["account"].setdefault(name, []).append(id_)
    return out


def _ref(value: Any, names: dict[str, dict[str, list[str]]]) -> Any:
    if not isinstance(value, str) or not value.startswith("@"):
        return value
    kind, _, name = value[1:].partition(":")
    ids = names.get(kind, {}).get(name, [])
    if not ids:
        raise ValueError(f"routing case refers to {value!r}, which matches {len(ids)} records in the demo")
    return ids[0]


def _deal_pools(ctx: AppContext, user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Open deals the user may see, by shape: the only open deal at its account, or accounts with several."""
    from retrieval.scope import scope_for_user

    with ctx.records(scope_for_user(ctx.store, user_id)) as rec:
        deals = rec.opportunities(open_only=True)
        accounts = {a.account_id: a.name for a in rec.accounts()} if deals else {}
    by_account: dict[str, list] = {}
    for deal in deals:
        by_account.setdefault(deal.account_id, []).append(deal)

    def core(account_id: str) -> str:
        return SUFFIX.sub("", accounts.get(account_id, account_id)).strip()

    lone = [
        {
            "id": d[0].opportunity_id,
            "name": d[0].name,
            "account": core(a),
            "product": (d[0].products or [""])[0],
        }
        for a, d in sorted(by_account.items())
        if len(d) == 1 and " - " in d[0].name
    ]
    multi = [
        {"account": core(a), "ids": sorted(o.opportunity_id for o in d)}
        for a, d in sorted(by_account.items())
        if len(d) > 1
    ]
    return {"lone_open_deal": lone, "multi_open_account": multi}


def expand_case(ctx: AppContext, case: dict[str, Any], pools: dict) -> dict[str, Any] | None:
    """The case with its `{slot.field}` placeholders filled from the demo; None when it cannot be."""
    values: dict[str, Any] = {}
    for slot, spec in (case.get("pick") or {}).items():
        key = (case["as"], spec["kind"])
        if key not in pools:
            pools.update({(case["as"], k): v for k, v in _deal_pools(ctx, case["as"]).items()})
        pool = pools.get(key) or []
        if not pool:
            return None
        for field_, value in pool[int(spec.get("n", 0)) % len(pool)].items():
            values[f"{{{slot}.{field_}}}"] = value

    def fill(value: Any) -> Any:
        if isinstance(value, str):
            if value in values:
                return values[value]  # a whole-value slot may be a list (candidate ids)
            for placeholder, replacement in values.items():
                value = value.replace(placeholder, str(replacement))
            return value
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                filled = fill(item)
                out.extend(filled if isinstance(filled, list) else [filled])
            return out
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        return value

    return {k: fill(v) for k, v in case.items() if k != "pick"}
