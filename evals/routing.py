"""Routing eval: does the deterministic engine send each question to the right tool with the right ids?

Cases are in `evals/routing_questions.yaml` (questions about the demo ecosystem, asked as its users).
Deals in questions are slots (`{deal.account}`) filled from the ingested demo, so the cases survive a
change of the generator's random names; partners (fixed roster), kits and the planted "Acme renewal"
are named directly. Nothing is executed: `assistant.deterministic.plan_question` routes and resolves as
it would before calling the tool. Metrics: routing accuracy (the tool, or no tool for a refusal or a
question back) and argument accuracy (every expected id), each against a threshold of 0.95.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from assistant.context import AppContext

CASES = Path(__file__).with_name("routing_questions.yaml")
THRESHOLDS = {"routing_accuracy": 0.95, "argument_accuracy": 0.95}
MAX_SKIPPED = 0.1  # cases whose slots the demo cannot fill; more than this and the suite fails
OPEN = ("prospecting", "qualification", "proposal", "negotiation")
SUFFIX = re.compile(
    r"\s+(Inc\.|Corporation|LLC|Corp\.|Co\.|Ltd\.?|plc|Limited|LLP|DAC|Pty Ltd|Pvt Ltd|GmbH & Co\. KG|"
    r"GmbH|AG|SE|SA|SAS|SARL|S\.A\.|S\.L\.|S\.A\. de C\.V\.|S\. de R\.L\. de C\.V\.|Lda\.|Ltda\.|"
    r"S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|NV|BV|AB|AS|ASA|A/S|ApS|Oy|Oyj|Sp\. z o\.o\.|K\.K\.|"
    r"Co\., Ltd\.|S\.à r\.l\.)$"
)


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])


def prepare_demo_ctx(tmp: Path) -> AppContext:
    """Generate the demo ecosystem into `tmp` and ingest it into a COSELL_HOME there."""
    from assistant.config import Settings
    from evals.demo.generator import generate
    from retrieval.ingest import ingest_folder

    folder = Path(tmp) / "import"
    generate(folder)
    today = (folder / "truth" / "today.txt").read_text().strip()
    ctx = AppContext(Settings(home=Path(tmp) / "home", today=today))
    ingest_folder(ctx, folder)
    return ctx


def _names(ctx: AppContext) -> dict[str, dict[str, list[str]]]:
    """name -> ids, for the "@opp:NAME" / "@account:NAME" references in the cases."""
    from sqlalchemy import select

    from retrieval.records import Account, Opportunity

    out: dict[str, dict[str, list[str]]] = {"opp": {}, "account": {}}
    with ctx.store.session() as session:
        rows = session.execute(select(Opportunity.opportunity_id, Opportunity.name, Opportunity.stage)).all()
        for id_, name, stage in sorted(rows, key=lambda r: r[2] in ("closed_won", "closed_lost")):
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


def score_case(ctx: AppContext, case: dict[str, Any], names: dict) -> dict[str, Any]:
    from assistant.deterministic import plan_question
    from assistant.router import INTENT_TOOL
    from retrieval.scope import scope_for_user

    plan = plan_question(ctx, scope_for_user(ctx.store, case["as"]), case["question"])
    tool = None if (plan.refusal or plan.question) else INTENT_TOOL[plan.intent]
    expected_args = {k: _ref(v, names) for k, v in (case.get("arguments") or {}).items()}
    got_args = {k: plan.arguments.get(k) for k in expected_args}
    args_ok = tool == case.get("tool") and got_args == expected_args
    expected_candidates = {_ref(c, names) for c in case.get("candidates") or []}
    if expected_candidates:
        args_ok = tool is None and expected_candidates <= {c.id for c in plan.candidates}
    return {
        "question": case["question"],
        "as": case["as"],
        "expected_tool": case.get("tool"),
        "tool": tool,
        "routing_ok": tool == case.get("tool"),
        "has_arguments": bool(expected_args or expected_candidates),
        "arguments_ok": args_ok,
        "expected_arguments": expected_args or sorted(expected_candidates),
        "arguments": got_args if expected_args else [c.id for c in plan.candidates],
    }


def evaluate(ctx: AppContext, cases: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    cases = cases if cases is not None else load_cases()
    names, pools = _names(ctx), {}
    results, skipped = [], []
    for case in cases:
        filled = expand_case(ctx, case, pools)
        try:
            if filled is None:
                raise ValueError("the demo has no record for its slots")
            results.append(score_case(ctx, filled, names))
        except ValueError as exc:  # a stale case (the demo changed): reported, not fatal
            skipped.append({"question": case["question"], "as": case["as"], "reason": str(exc)})
    with_args = [r for r in results if r["has_arguments"]]
    metrics = {
        "cases": len(results),
        "skipped": len(skipped),
        "routing_accuracy": round(sum(r["routing_ok"] for r in results) / max(1, len(results)), 4),
        "argument_cases": len(with_args),
        "argument_accuracy": round(sum(r["arguments_ok"] for r in with_args) / max(1, len(with_args)), 4),
        "by_tool": _by_tool(results),
    }
    failures = [r for r in results if not r["routing_ok"] or (r["has_arguments"] and not r["arguments_ok"])]
    passed = all(metrics[k] >= v for k, v in THRESHOLDS.items()) and len(skipped) <= MAX_SKIPPED * max(
        1, len(cases)
    )
    return {
        **metrics,
        "thresholds": THRESHOLDS,
        "failures": failures[:25],
        "skipped_cases": skipped[:25],
        "passed": passed,
    }


def _by_tool(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for r in results:
        key = r["expected_tool"] or "none"
        entry = out.setdefault(key, {"cases": 0, "routed": 0})
        entry["cases"] += 1
        entry["routed"] += int(r["routing_ok"])
    return out


def run(ctx: AppContext | None = None) -> dict[str, Any]:
    """The suite for `cosell eval`: on `ctx` if given, else on a freshly generated and ingested demo."""
    if ctx is not None:
        return evaluate(ctx)
    with tempfile.TemporaryDirectory(prefix="cosell-routing-") as tmp:
        demo = prepare_demo_ctx(Path(tmp))
        try:
            return evaluate(demo)
        finally:
            demo.close()


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2, ensure_ascii=False))
