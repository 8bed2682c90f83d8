"""Programme analytics: attribution (won revenue by partner role, MDF, ROPI, influence model), the partner
portfolio (health and its 90-day change, tier status, time to first win, at risk), and a channel manager's
weekly digest. CLI.md "Programme commands"; every door calls these functions.

Permissions (CLI.md "Who may see what"): attribution for every role, a partner seller seeing only P's own
figures and no totals; portfolio and digest for admins and channel managers only.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from pydantic import BaseModel, Field

from assistant.core.errors import Forbidden
from retrieval.scope import Scope
from tools.analytics import portfolio as _portfolio
from tools.analytics.types import STALLED_DAYS, AttributionResponse, PortfolioResponse, StalledDeal
from tools.context import ToolContext
from tools.registry import register_tool

log = logging.getLogger(__name__)
__all__ = ["STALLED_DAYS"]  # re-exported: an open deal this many days without activity is stalled (the digest)

# attribution, the digest and its schedule are imported by the functions that use them: they read account
# mapping (polars, numpy), leads, MDF and onboarding, which `cosell portfolio` alone does not need (-0.3 s of
# its process)


def _internal(scope: Scope, what: str) -> None:
    if not scope.is_internal:
        raise Forbidden(f"user '{scope.user_id}' ({scope.role}) may not see the {what}")


def attribution(ctx: ToolContext, scope: Scope, start: str | dt.date | None = None, end: str | dt.date | None = None,
                partner_id: str | None = None, deals: bool = False) -> AttributionResponse:
    from tools.analytics.attribution import attribution as _attribution  # heavy: not for `portfolio`

    return _attribution(ctx, scope, start, end, partner_id, deals)


def portfolio(ctx: ToolContext, scope: Scope) -> PortfolioResponse:
    _internal(scope, "partner portfolio")
    return _portfolio.portfolio(ctx, scope)


def refresh_stored_portfolio(ctx: ToolContext) -> None:
    """After an ingest: every partner's portfolio computed now and stored with the records version
    (tools.analytics.stored), so the first `cosell portfolio` or dashboard reads it (the doors call this,
    as they refresh account mapping). A failure loses nothing: the next call computes it."""
    try:
        _portfolio.portfolio(ctx, Scope.system())
    except Exception:
        log.warning("portfolio: not stored after ingest", exc_info=True)


def digest(ctx: ToolContext, scope: Scope, user_id: str, send: bool = False) -> dict[str, Any]:
    from tools.analytics import digest as _digest  # heavy: not for `portfolio`

    _internal(scope, "digest")
    data = _digest.digest(ctx, scope, user_id)
    if send:
        data["posted"] = _digest.post(ctx, data)
    return data


def digest_text(ctx: ToolContext, scope: Scope, user_id: str) -> str:
    """`digest` as plain lines, for a chat answer ("what's on my plate this week?")."""
    from tools.analytics import digest as _digest  # heavy: not for `portfolio`

    return _digest.as_text(digest(ctx, scope, user_id))


def stalled_deals(ctx: ToolContext, scope: Scope, every_partner: bool = False) -> list[StalledDeal]:
    """The asker's partners' open deals gone quiet, largest first (as in the asker's digest; internal roles);
    with `every_partner`, those of every partner, not only the asker's."""
    from tools.analytics import digest as _digest  # heavy: not for `portfolio`

    _internal(scope, "stalled deals")
    if every_partner:
        return [StalledDeal(**d) for d in _digest.stalled_of(ctx, scope, None)]
    return [StalledDeal(**d) for d in _digest.digest(ctx, scope, scope.user_id)["stalled_deals"]]


def start_digest_schedule(ctx: ToolContext, expression: str | None = None):
    """The scheduled digest (COSELL_DIGEST_SCHEDULE); see tools.analytics.schedule."""
    from tools.analytics import schedule as _schedule  # heavy: APScheduler, not for `portfolio`

    return _schedule.start(ctx, expression)


def stop_digest_schedule(scheduler) -> None:
    from tools.analytics import schedule as _schedule  # heavy: APScheduler, not for `portfolio`

    _schedule.stop(scheduler)


def post_all_digests(ctx: ToolContext) -> list[dict[str, Any]]:
    from tools.analytics import schedule as _schedule  # heavy: APScheduler, not for `portfolio`

    return _schedule.post_all(ctx)


# --- assistant tools ------------------------------------------------------------------------------


class AttributionArgs(BaseModel):
    from_date: str | None = Field(None, description="First day, YYYY-MM-DD (default: 365 days ending to_date).")
    to_date: str | None = Field(None, description="Last day, YYYY-MM-DD (default: today).")
    partner_id: str | None = Field(None, description="Only this partner.")


class PortfolioArgs(BaseModel):
    pass


@register_tool("programme_attribution", args=AttributionArgs)
def attribution_tool(ctx: ToolContext, scope: Scope, args: AttributionArgs) -> AttributionResponse:
    """Won revenue partners sourced, influenced and fulfilled in a period (default the last 365 days), the
    partner share, and per partner MDF spent and ROPI (return on partner investment), in the reporting
    currency. A partner seller gets only their own partner's figures."""
    return attribution(ctx, scope, args.from_date, args.to_date, args.partner_id)


@register_tool("programme_portfolio", args=PortfolioArgs)
def portfolio_tool(ctx: ToolContext, scope: Scope, args: PortfolioArgs) -> PortfolioResponse:
    """Every partner's health and its 90-day change, tier status, time to first win (per partner, median, by
    half-year cohort) and the partners at risk, worst first with reasons. Channel managers and admins only."""
    return portfolio(ctx, scope)
