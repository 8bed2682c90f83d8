"""Routing eval: does the deterministic engine send each question to the right tool with the right ids?

Three case sets, each scored on its own and each held to the thresholds:
- `tuned` (routing_questions.yaml): the set the rules were developed against;
- `heldout` (routing_heldout.yaml): written from the data and the CLI contract without looking at the
  router's rules, Slack-style wording, typos, nicknames, several languages, follow-ups;
- `final` (routing_final.yaml): written after the last change to the rules, as a last check; never tuned on.
The tuned set alone would overstate accuracy on questions nobody has seen yet, hence the other two.

Nothing is executed: `assistant.engine.deterministic.plan_turn` routes and resolves as the engine does before
calling the tool; a follow-up (`after:` earlier turns) is planned in a thread advanced past those turns
by `assistant.engine.deterministic.remember`, as the engine advances it. Metrics: routing accuracy (the tool,
or no tool for a refusal or a question back) and argument accuracy (every expected id).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.engine.context import AppContext
from assistant.engine.deterministic import Plan, plan_turn, remember
from assistant.engine.threads import ConversationThread
from evals.routing_cases import HERE, _names, _ref, expand_case, generated_demo, load_cases, prepare_demo_ctx

CASE_SETS = {
    "tuned": HERE / "routing_questions.yaml",
    "heldout": HERE / "routing_heldout.yaml",
    "final": HERE / "routing_final.yaml",
    "onboarding": HERE / "routing_onboarding.yaml",
}
CASES = CASE_SETS["tuned"]
THRESHOLDS = {"routing_accuracy": 0.95, "argument_accuracy": 0.95}
MAX_SKIPPED = 0.1  # cases whose slots the demo cannot fill; more than this and the suite fails

__all__ = ["CASE_SETS", "evaluate", "evaluate_sets", "load_cases", "prepare_demo_ctx", "run"]


def plan_for(ctx: AppContext, user_id: str, question: str, after: list[str] | None = None) -> Plan:
    """The engine's plan for `question` asked by `user_id`, after the earlier turns `after` in a thread."""
    from retrieval.scope import scope_for_user

    scope = scope_for_user(ctx.store, user_id)
    thread = ConversationThread(thread_id="eval", user_id=user_id)
    for text in after or []:  # each earlier turn as if its tool had answered
        remember(thread, plan_turn(ctx, scope, text, thread))
    return plan_turn(ctx, scope, question, thread)


def _same(key: str, expected: Any, got: Any) -> bool:
    if key == "locale" and isinstance(expected, str) and isinstance(got, str) and "-" not in expected:
        return got.split("-")[0].lower() == expected.lower()  # "German" may resolve to de or de-DE
    return expected == got


def score_case(ctx: AppContext, case: dict[str, Any], names: dict) -> dict[str, Any]:
    from assistant.engine.router import INTENT_TOOL

    plan = plan_for(ctx, case["as"], case["question"], case.get("after"))
    tool = None if plan.refusal or plan.question or plan.reply else INTENT_TOOL.get(plan.intent)
    expected_args = {k: _ref(v, names) for k, v in (case.get("arguments") or {}).items()}
    got_args = {k: plan.arguments.get(k) for k in expected_args}
    args_ok = tool == case.get("tool") and all(_same(k, v, got_args[k]) for k, v in expected_args.items())
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
    """One set's report (the tuned set by default); see `evaluate_sets` for all of them."""
    cases = cases if cases is not None else load_cases(CASES)
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


def evaluate_sets(ctx: AppContext, sets: dict[str, Path] | None = None) -> dict[str, Any]:
    """Every case set, each against the thresholds; passes only if each one does."""
    sets = sets if sets is not None else {k: p for k, p in CASE_SETS.items() if p.exists()}
    reports = {name: evaluate(ctx, load_cases(path)) for name, path in sets.items()}
    return {
        "sets": reports,
        "thresholds": THRESHOLDS,
        "failures": [{"set": n, **f} for n, r in reports.items() for f in r["failures"]][:25],
        "skipped_cases": [{"set": n, **s} for n, r in reports.items() for s in r["skipped_cases"]][:25],
        "passed": bool(reports) and all(r["passed"] for r in reports.values()),
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
        return evaluate_sets(ctx)
    with generated_demo("cosell-routing-") as demo:
        return evaluate_sets(demo)


if __name__ == "__main__":
    import json
    import sys

    if len(sys.argv) > 1:  # python -m evals.routing COSELL_HOME TODAY: on an ingested demo home
        from assistant.core.config import Settings

        home_ctx = AppContext(Settings(home=Path(sys.argv[1]), today=sys.argv[2]))
        print(json.dumps(evaluate_sets(home_ctx), indent=2, ensure_ascii=False))
    else:
        print(json.dumps(run(), indent=2, ensure_ascii=False))
