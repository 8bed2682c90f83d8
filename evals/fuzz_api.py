"""Fuzz the HTTP API from its OpenAPI document with schemathesis (issue 15): no case may answer 500.

`python -m evals.fuzz_api [CASES] [HOME]`: about CASES generated requests (default 2,000) spread over every
operation, as valid and invalid data (schemathesis' positive and negative modes), against the app on a
copy of HOME (default the demo home that `make demo` builds; else a small hand-made world), as an admin
and as a partner seller. Prints a JSON report (cases, status counts, the 500 cases) and exits 1 on any 500 (a 503 is
intended: e.g. Slack routes when Slack is not configured).
"""
from __future__ import annotations

import collections
import json
import math
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def fuzz(app: Any, keys: list[str], cases: int, seed: int = 15) -> dict:
    """Run about `cases` generated requests over every operation of `app`; counts and the 500 cases."""
    import schemathesis  # heavy: hypothesis and friends, only for fuzzing

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    # operations with few distinct inputs (no parameters) stop early: the others make up for them
    per_operation = max(1, math.ceil(1.3 * cases / max(1, len(operations) * len(keys))))
    statuses: collections.Counter = collections.Counter()
    failures: list[dict] = []
    for operation in operations:
        for key in keys:
            _fuzz_operation(operation, key, per_operation, seed, statuses, failures)
    return {"operations": len(operations), "cases": sum(statuses.values()),
            "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
            "server_errors": statuses[500], "failures": failures}


def _fuzz_operation(operation: Any, key: str, examples: int, seed: int, statuses: collections.Counter,
                    failures: list[dict]) -> None:
    from hypothesis import HealthCheck, Phase, given, settings  # heavy: only for fuzzing
    from hypothesis import seed as hseed

    @hseed(seed)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        try:  # a cold demo home loads its models on the first ask: generous, and a timeout is counted
            response = case.call(headers={"Authorization": f"Bearer {key}"}, timeout=300)
        except Exception as exc:  # the transport gave up (no status): counted, named, never a pass
            statuses[f"no answer ({type(exc).__name__})"] += 1
            return
        statuses[response.status_code] += 1
        if response.status_code == 500 and len(failures) < 20:
            failures.append({"operation": operation.label, "status": response.status_code,
                             "case": case.as_curl_command()[:500], "body": response.text[:300]})

    run()


def main(argv: list[str]) -> int:
    from assistant.api.app import create_app
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval.scope import issue_api_key

    cases = int(argv[0]) if argv else 2000
    source = Path(argv[1]) if len(argv) > 1 else ROOT / ".cosell-demo" / "home"
    with tempfile.TemporaryDirectory(prefix="cosell-fuzz-") as tmp:
        home = Path(tmp) / "home"
        if (source / "cosell.db").exists():
            shutil.copytree(source, home)
            ctx = AppContext(Settings(home=home, rate_limit_enabled=False))
        else:
            from tests.assistant.world import build_world  # the small hand-made world of the tests

            base = build_world(home)
            ctx = AppContext(Settings(**{**base.settings.model_dump(), "rate_limit_enabled": False}))
        with ctx.store.session() as session:
            from sqlalchemy import select

            from retrieval.records import User

            users = {u.role: u.user_id for u in session.scalars(select(User))}
        keys = [issue_api_key(ctx.store, users[r]) for r in ("admin", "partner_seller") if r in users]
        report = fuzz(create_app(ctx, warm_up=False), keys, cases)
        ctx.close()
    print(json.dumps(report, indent=2))
    unanswered = sum(v for k, v in report["statuses"].items() if k.startswith("no answer"))
    return 1 if report["server_errors"] or unanswered else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
