"""Routing eval: does the deterministic engine send each question to the right tool with the right ids?

Cases are in `evals/routing_questions.yaml` (questions about the demo ecosystem, asked as its users).
Nothing is executed: `assistant.deterministic.plan_question` routes and resolves, as it would before
calling the tool. Metrics: routing accuracy (the tool, or no tool for a refusal / question back) and
argument accuracy (every expected id resolved), each against a threshold of 0.95.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

from assistant.context import AppContext

CASES = Path(__file__).with_name("routing_questions.yaml")
THRESHOLDS = {"routing_accuracy": 0.95, "argument_accuracy": 0.95}


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
    return {"question": case["question"], "as": case["as"], "expected_tool": case.get("tool"), "tool": tool,
            "routing_ok": tool == case.get("tool"), "has_arguments": bool(expected_args or expected_candidates),
            "arguments_ok": args_ok, "expected_arguments": expected_args or sorted(expected_candidates),
            "arguments": got_args if expected_args else [c.id for c in plan.candidates]}


def evaluate(ctx: AppContext, cases: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    cases = cases if cases is not None else load_cases()
    names = _names(ctx)
    results = [score_case(ctx, case, names) for case in cases]
    with_args = [r for r in results if r["has_arguments"]]
    metrics = {
        "cases": len(results),
        "routing_accuracy": round(sum(r["routing_ok"] for r in results) / max(1, len(results)), 4),
        "argument_cases": len(with_args),
        "argument_accuracy": round(sum(r["arguments_ok"] for r in with_args) / max(1, len(with_args)), 4),
        "by_tool": _by_tool(results),
    }
    failures = [r for r in results if not r["routing_ok"] or (r["has_arguments"] and not r["arguments_ok"])]
    return {**metrics, "thresholds": THRESHOLDS, "failures": failures[:25],
            "passed": all(metrics[k] >= v for k, v in THRESHOLDS.items())}


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
