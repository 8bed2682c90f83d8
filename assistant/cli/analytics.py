"""`cosell attribution | portfolio | digest`: programme analytics (CLI.md "Programme commands").

Thin: parse, call one function of `tools.analytics.service`, print. The main app adds the three commands
at top level with one line: `register_analytics(app)`.
"""
from __future__ import annotations

import gc

import typer

from assistant.cli.common import AS_OPT, JSON_OPT, JsonErrorsGroup, console, run_command
from tools.analytics import service
from tools.analytics.types import AttributionResponse, PortfolioResponse


def _money(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _render_attribution(d: AttributionResponse) -> None:
    console.print(f"Won revenue {d.from_} to {d.to} ({d.currency})")
    t = d.totals
    if t:
        console.print(f"  won {_money(t.won_revenue)} in {t.won_deals} deals: sourced {_money(t.sourced)}, "
                      f"influenced {_money(t.influenced)}, fulfillment {_money(t.fulfillment)}, direct "
                      f"{_money(t.direct)}; partner share {t.partner_share:.0%}")
    for p in d.partners:
        ropi = "-" if p.ropi is None else f"{p.ropi:.1f}x"
        console.print(f"  {p.partner_id} {p.name}: sourced {_money(p.sourced)}, influenced "
                      f"{_money(p.influenced)}, fulfillment {_money(p.fulfillment)}, {p.won_deals} deals, "
                      f"MDF {_money(p.mdf_spent)}, ROPI {ropi}; influence model {_money(p.influence_model_revenue)}"
                      f" over {p.influence_model_deals} deals")
        for deal in p.deals or []:
            console.print(f"    {deal.close_date} {deal.opportunity_id} {deal.name} "
                          f"{_money(deal.amount_reporting)} [{deal.credit}] {'; '.join(deal.evidence)}")
    if d.unconverted:
        console.print(f"  not converted (no fx rate): {', '.join(d.unconverted)}")


def _render_portfolio(d: PortfolioResponse) -> None:
    by_id = {p.partner_id: p for p in d.partners}
    declining = sum(by_id[pid].declining for pid in d.at_risk)
    console.print(f"{len(d.partners)} partners, {len(d.at_risk)} at risk (worst first): {declining} declining, "
                  f"then {len(d.at_risk) - declining} with a standing problem")
    for pid in d.at_risk:
        p = by_id[pid]
        console.print(f"  {pid} {p.name}: health {p.health} ({p.health_change_90d:+d} in 90 days): "
                      f"{'; '.join(p.risk_reasons)}" if p.health_change_90d is not None else
                      f"  {pid} {p.name}: health {p.health}: {'; '.join(p.risk_reasons)}")
    t = d.time_to_first_win
    console.print(f"Time to first win: median {t.median_days} days; {t.partners_without_win} partners without a win")
    for c in t.by_cohort:
        console.print(f"  {c.cohort}: {c.with_win}/{c.partners} with a win, median {c.median_days} days")


def _render_digest(d: dict) -> None:
    console.print(f"Week to {d['week_ending']} for {d['user_id']} ({d['partners']} partners)")
    console.print(f"  newly at risk: {', '.join(r['partner_id'] for r in d['newly_at_risk']) or 'none'}")
    console.print(f"  stalled deals: {len(d['stalled_deals'])}; new overlaps: {len(d['new_overlaps'])}")
    for r in d.get("registrations", []):
        state = (f"waiting {r['age_days']} days for a decision" if r["state"] == "to_decide"
                 else f"expires {r['expires_on']} ({r['days_left']} days left)")
        console.print(f"  registration {r['registration_id']} ({r['partner_id']}, {r['account_name']}): {state}")
    for x in d.get("leads", []):
        console.print(f"  lead {x['lead_id']} ({x['partner_id']}, {x['company']}): not accepted, accept by {x['accept_by']}")
    states = {"to_decide": "to decide, requested", "claim_due": "claim due, ended", "not_started": "not started, from"}
    for m in (d.get("mdf") or {}).get("to_act_on", []):
        console.print(f"  MDF {m['activity_id']} ({m['partner_id']}, {m['activity']}): {states[m['state']]} {m['date']}")
    for a in (d.get("mdf") or {}).get("advice", []):
        console.print(f"  MDF advice: {a['title']}")
    if d.get("posted"):
        console.print(f"  posted to Slack {d['posted']['channel']}")


def attribution(start: str = typer.Option(None, "--from", help="First day (default: 365 days ending --to)."),
                end: str = typer.Option(None, "--to", help="Last day (default: today)."),
                partner: str = typer.Option(None, "--partner", help="Only this partner."),
                deals: bool = typer.Option(False, "--deals", help="With the deals behind each figure."),
                as_user: str = AS_OPT, as_json: bool = JSON_OPT) -> None:
    """What partners contributed to won revenue: role credit, MDF, ROPI, influence model."""
    run_command(as_json, as_user, lambda ctx, scope: service.attribution(ctx, scope, start, end, partner, deals),
                show=_render_attribution)


def portfolio(as_user: str = AS_OPT, as_json: bool = JSON_OPT) -> None:
    """Every partner at a glance, and who is at risk, worst first."""
    # no collector passes while it prints: the health of every partner-day is kept in the context (a few
    # hundred thousand objects), and a full pass over them while the answer becomes JSON costs 0.2-0.3 s
    # and frees nothing that reference counting does not (the computing itself runs without them already)
    enabled = gc.isenabled()
    gc.disable()
    try:
        run_command(as_json, as_user, lambda ctx, scope: service.portfolio(ctx, scope), show=_render_portfolio)
    finally:
        if enabled:
            gc.enable()


def digest(user: str = typer.Option(..., "--user", help="The channel manager (or admin) whose week it is."),
           post: bool = typer.Option(False, "--post", help="Send it as a Slack direct message."),
           as_user: str = AS_OPT, as_json: bool = JSON_OPT) -> None:
    """A channel manager's week: partners newly at risk, stalled deals, new overlaps, registrations, leads."""
    run_command(as_json, as_user, lambda ctx, scope: service.digest(ctx, scope, user, post), _render_digest)


def register(app: typer.Typer) -> None:
    for command in (attribution, portfolio, digest):
        app.command()(command)


# `cosell portfolio` alone (assistant.cli.main dispatches here before importing every other capability's
# service, as for `cosell map`: a quarter of a second of each process)
portfolio_app = typer.Typer(add_completion=False, cls=JsonErrorsGroup, no_args_is_help=True, help="Co-sell Copilot: the partner portfolio.")
portfolio_app.command("portfolio")(portfolio)


@portfolio_app.callback()
def _root() -> None:
    """A group of one command, so that `cosell portfolio` parses as it does in the full command set."""
