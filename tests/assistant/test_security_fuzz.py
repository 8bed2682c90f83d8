"""A small, fast schemathesis run over the API's OpenAPI document (issue 15): no 500. The 2,000-case run
is `python -m evals.fuzz_api`."""
from __future__ import annotations

from assistant.api.app import create_app
from assistant.engine.context import AppContext
from evals.fuzz_api import fuzz
from retrieval.scope import issue_api_key
from tests.assistant import world


def test_no_500_from_100_generated_requests(world_ctx):
    ctx = AppContext(world.settings_with(world_ctx, rate_limit_enabled=False))
    keys = [issue_api_key(ctx.store, "u-admin"), issue_api_key(ctx.store, "u-ps1")]
    report = fuzz(create_app(ctx, warm_up=False), keys, cases=100)
    assert report["cases"] >= 30 and report["operations"] >= 10
    assert report["server_errors"] == 0, report["failures"]
    ctx.close()
