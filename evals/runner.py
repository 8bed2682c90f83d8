"""`cosell eval` / `make eval`: run every evaluation suite and print one JSON report.

Each suite is a module with `run() -> dict` (or "module:function") returning its metrics, thresholds and `passed`. A regression
is a score below its threshold, not a flaky test.
"""
from __future__ import annotations

import importlib
import logging
import time
import traceback

log = logging.getLogger(__name__)

SUITES = {
    "routing": "evals.routing",
    "handbook": "evals.handbook",
    "demo_content": "evals.demo_content",
    "account_mapping": "evals.account_mapping",
    "partner_match": "evals.partner_match",
    "scifact": "evals.scifact",
    "blind_seller": "evals.blind_seller.suite",
    "blind_seller_final": "evals.blind_seller.suite:run_final",
    "blind_seller_s30": "evals.blind_seller.suite:run_s30",
    "blind_seller_s31": "evals.blind_seller.suite:run_s31",
    "blind_seller_s32": "evals.blind_seller.suite:run_s32",
    "blind_seller_s33": "evals.blind_seller.suite:run_s33",
    "blind_seller_s34": "evals.blind_seller.suite:run_s34",
    "blind_seller_s35": "evals.blind_seller.suite:run_s35",
    "other_vendor": "evals.blind_seller.suite:run_other_vendor",
    "third_vendor": "evals.blind_seller.suite:run_third_vendor",
    "fourth_vendor": "evals.blind_seller.suite:run_fourth_vendor",
    "marketer_cm": "evals.marketer_cm.suite",
    "zoo": "evals.zoo.suite",
}


def run_suites(names: list[str] | None = None) -> dict:
    report: dict = {"suites": {}}
    for name in names or list(SUITES):
        if name not in SUITES:
            report["suites"][name] = {"error": f"unknown suite (known: {', '.join(SUITES)})", "passed": False}
            continue
        started = time.perf_counter()
        try:
            module, _, function = SUITES[name].partition(":")
            result = getattr(importlib.import_module(module), function or "run")()
        except Exception as exc:  # one broken suite must not hide the others' numbers
            log.error("suite %s failed:\n%s", name, traceback.format_exc())
            result = {"error": repr(exc), "passed": False}
        result["seconds"] = round(time.perf_counter() - started, 1)
        report["suites"][name] = result
    report["passed"] = all(s.get("passed", False) for s in report["suites"].values())
    return report
