"""A channel manager's week in one Slack message (CLI.md `digest`): partners newly at risk, stalled deals,
new overlaps, registrations to decide or about to expire, leads not accepted past half their window, MDF
requests to decide, claims due and activities not started with where MDF would do better, onboarding steps
of new partners overdue or due within two weeks, with buttons to open the details.

Whose partners: the ones partners.csv names the user as `channel_manager` for; when no partner names a
channel manager at all, every partner (an admin always sees every partner).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from assistant.core.errors import BadInput
from retrieval.records import Opportunity, Partner, PartnerAccount, User
from retrieval.scope import Scope, scope_for_user
from tools.account_mapping.service import account_relationships
from tools.analytics.portfolio import channel_manager_of, portfolio
from tools.analytics.types import STALLED_DAYS
from tools.context import ToolContext
from tools.currency import Converter
from tools.leads import service as leads
from tools.mdf import service as mdf
from tools.onboarding import service as onboarding
from tools.registrations import service as registrations
from tools.types import CLOSED_STAGES

WEEK = 7
MAX_ROWS = 8


def _my_partners(ctx: ToolContext, scope: Scope) -> dict[str, str]:
    with ctx.records(scope) as rec:
        rows = rec.session.execute(select(Partner.partner_id, Partner.name, Partner.attributes)).all()
    column = getattr(Partner, "channel_manager", None)  # a column once partners.csv defines it
    if column is not None:
        with ctx.records(scope) as rec:
            named = dict(rec.session.execute(select(Partner.partner_id, column)).all())
    else:
        named = {p.partner_id: channel_manager_of(p.attributes) for p in rows}
    if scope.role == "channel_manager" and any(named.values()):
        return {p.partner_id: p.name for p in rows if named.get(p.partner_id) == scope.user_id}
    return {p.partner_id: p.name for p in rows}


def _registrations(ctx: ToolContext, target: Scope, partners: dict[str, str]) -> list[dict[str, Any]]:
    """Registrations of the user's partners waiting for a decision (oldest first), then those about to
    expire (soonest first): `tools.registrations.service.registrations_to_act_on`, read as the user."""
    found = registrations.registrations_to_act_on(ctx, target)
    out = [{"registration_id": r.registration_id, "partner_id": r.partner_id, "name": partners[r.partner_id],
            "account_name": r.account_name, "state": "to_decide", "age_days": r.age_days,
            "verdict": r.check.verdict} for r in found["to_decide"] if r.partner_id in partners]
    out += [{"registration_id": r.registration_id, "partner_id": r.partner_id, "name": partners[r.partner_id],
             "account_name": r.account_name, "state": "expiring", "days_left": r.days_left,
             "expires_on": r.expires_on.isoformat() if r.expires_on else None}
            for r in found["expiring"] if r.partner_id in partners]
    return out


def _leads(ctx: ToolContext, target: Scope, partners: dict[str, str]) -> list[dict[str, Any]]:
    """Leads assigned to the user's partners and not accepted past half their window, soonest deadline
    first: `tools.leads.service.leads_waiting`, read as the user."""
    waiting = [lead for lead in leads.leads_waiting(ctx, target) if lead.partner_id in partners]
    return [{"lead_id": lead.lead_id, "company": lead.company, "partner_id": lead.partner_id,
             "name": partners[lead.partner_id],
             "assigned_at": lead.assigned_at.isoformat(timespec="minutes") if lead.assigned_at else None,
             "accept_by": lead.accept_by.isoformat(timespec="minutes") if lead.accept_by else None}
            for lead in sorted(waiting, key=lambda x: (x.accept_by or dt.datetime.max, x.lead_id))]


def _mdf(ctx: ToolContext, target: Scope, partners: dict[str, str]) -> dict[str, Any]:
    """MDF requests of the user's partners to decide (oldest first), claims due and approved activities not
    started (`tools.mdf.service.mdf_to_act_on`), and the top advice on where MDF would do better."""
    found = mdf.mdf_to_act_on(ctx, target)
    items = [{"activity_id": a.activity_id, "partner_id": a.partner_id, "name": partners[a.partner_id],
              "activity": a.name, "state": state, "amount": a.requested_amount if state == "to_decide"
              else a.approved_amount, "currency": a.currency,
              "date": (a.requested_on if state == "to_decide" else a.end_on if state == "claim_due" else a.start_on)}
             for state in ("to_decide", "claim_due", "not_started") for a in found[state] if a.partner_id in partners]
    for item in items:
        item["date"] = item["date"].isoformat() if item["date"] else None
    advice = [{"title": a.title, "why": a.why, "evidence": a.evidence, "partner_id": a.partner_id}
              for a in mdf.mdf_advice(ctx, target).advice if a.partner_id is None or a.partner_id in partners][:3]
    return {"to_act_on": items, "advice": advice}


def _onboarding(ctx: ToolContext, target: Scope, partners: dict[str, str]) -> list[dict[str, Any]]:
    """Steps of the user's partners still in onboarding that are overdue or due within two weeks, most
    overdue first (`tools.onboarding.service.onboarding_to_act_on`, read as the user, in their language)."""
    return [{"partner_id": s.partner_id, "name": s.name, "step": s.step.title, "kind": s.step.kind,
             "status": s.step.status, "due_on": s.step.due_on.isoformat() if s.step.due_on else None,
             "days_left": s.days_left, "when": s.when, "evidence": s.step.evidence[:1]}
            for s in onboarding.onboarding_to_act_on(ctx, target, sorted(partners))]


def stalled_of(ctx: ToolContext, target: Scope, partners: set[str] | None) -> list[dict[str, Any]]:
    """Open deals of `partners` (None: every partner) quiet for STALLED_DAYS or more, largest first."""
    today = ctx.today()
    with ctx.records(target) as rec:
        opps = rec.session.execute(select(
            Opportunity.opportunity_id, Opportunity.name, Opportunity.stage, Opportunity.amount,
            Opportunity.currency, Opportunity.last_activity_on, Opportunity.created_on, Opportunity.partner_id,
            Opportunity.registered_by).where(Opportunity.stage.not_in(CLOSED_STAGES))).all()
    stalled = []
    for o in opps:
        if partners is None:
            pid = o.partner_id or o.registered_by
        else:
            pid = o.partner_id if o.partner_id in partners else o.registered_by if o.registered_by in partners else None
        since = o.last_activity_on or o.created_on
        if pid and since and (today - since).days >= STALLED_DAYS:
            stalled.append({"opportunity_id": o.opportunity_id, "name": o.name, "partner_id": pid,
                            "stage": o.stage, "amount": o.amount, "currency": o.currency,
                            "days_quiet": (today - since).days})
    fx = Converter.from_vendor(ctx.vendor())  # largest in the reporting currency; each shown in its own
    stalled.sort(key=lambda d: (-fx.value(d["amount"], d["currency"]), d["opportunity_id"]))
    return stalled


def digest(ctx: ToolContext, scope: Scope, user_id: str) -> dict[str, Any]:
    """The week for `user_id` (a channel manager or admin), asked by `scope` (internal roles only)."""
    target = scope_for_user(ctx.store, user_id)
    if not target.is_internal:
        raise BadInput(f"user '{user_id}' ({target.role}) gets no digest: only channel managers and admins do")
    today = ctx.today()
    partners = _my_partners(ctx, target)
    now = portfolio(ctx, target, set(partners))
    week_ago = portfolio(ctx, target, set(partners), as_of=today - dt.timedelta(days=WEEK))
    before = set(week_ago.at_risk)
    by_id = {p.partner_id: p for p in now.partners}
    newly = [{"partner_id": pid, "name": by_id[pid].name, "health": by_id[pid].health,
              "reasons": by_id[pid].risk_reasons} for pid in now.at_risk if pid not in before]
    with ctx.records(target) as rec:
        updated = dict(rec.session.execute(select(PartnerAccount.row_key, PartnerAccount.updated_on)).all())
        slack_id = rec.session.execute(select(User.slack_user_id).where(User.user_id == user_id)).scalar()
    stalled = stalled_of(ctx, target, set(partners))
    overlaps = []
    for rel in account_relationships(ctx, sorted(partners)):
        day = updated.get(rel.row_key)
        if day is not None and today - dt.timedelta(days=WEEK) < day <= today:
            overlaps.append({"partner_id": rel.partner_id, "account_id": rel.account_id,
                             "account_name": rel.account_name, "signal": rel.signal, "updated_on": day.isoformat()})
    data = {"user_id": user_id, "slack_user_id": slack_id, "week_ending": today.isoformat(),
            "partners": len(partners), "newly_at_risk": newly, "stalled_deals": stalled,
            "new_overlaps": overlaps, "registrations": _registrations(ctx, target, partners),
            "leads": _leads(ctx, target, partners), "mdf": _mdf(ctx, target, partners),
            "onboarding": _onboarding(ctx, target, partners)}
    data["blocks"] = blocks(data)
    return data


def _button(text: str, value: str) -> dict[str, Any]:
    return {"type": "button", "text": {"type": "plain_text", "text": text}, "value": value,
            "action_id": f"digest:{value}"}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def blocks(d: dict[str, Any]) -> list[dict[str, Any]]:
    """Block Kit: a header, one section per topic (at most MAX_ROWS lines each), buttons to the details."""
    out: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"Your partner week to {d['week_ending']}"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"{d['partners']} partners"}]}]
    risk = [f"• *{r['name']}* ({r['partner_id']}), health {r['health']}: {'; '.join(r['reasons'])}"
            for r in d["newly_at_risk"][:MAX_ROWS]]
    out.append(_section("*Newly at risk*\n" + ("\n".join(risk) or "No partner newly at risk.")))
    stalled = [f"• {s['name']} ({s['opportunity_id']}, {s['stage']}, {s['partner_id']}): {s['days_quiet']} days quiet"
               for s in d["stalled_deals"][:MAX_ROWS]]
    out.append(_section(f"*Stalled deals* ({len(d['stalled_deals'])})\n" + ("\n".join(stalled) or "None.")))
    overlaps = [f"• {o['account_name']} ({o['account_id']}) with {o['partner_id']}: {o['signal']}"
                for o in d["new_overlaps"][:MAX_ROWS]]
    out.append(_section(f"*New overlaps* ({len(d['new_overlaps'])})\n" + ("\n".join(overlaps) or "None.")))
    regs = [f"• {r['account_name']} ({r['registration_id']}, {r['name']} {r['partner_id']}): "
            + (f"waiting {r['age_days']} days for a decision, check {r['verdict']}" if r["state"] == "to_decide"
               else f"expires {r['expires_on']} ({r['days_left']} days left)")
            for r in d["registrations"][:MAX_ROWS]]
    out.append(_section(f"*Registrations to decide / expiring* ({len(d['registrations'])})\n"
                        + ("\n".join(regs) or "None.")))
    waiting = [f"• {x['company']} ({x['lead_id']}) with {x['name']} ({x['partner_id']}): not accepted, "
               f"accept by {x['accept_by']}" for x in d["leads"][:MAX_ROWS]]
    out.append(_section(f"*Leads waiting* ({len(d['leads'])})\n" + ("\n".join(waiting) or "None.")))
    words = {"to_decide": "requested {date}, waiting for a decision", "claim_due": "ended {date}, not claimed",
             "not_started": "was to start {date}, nothing claimed"}
    mdf_lines = [f"• {m['activity']} ({m['activity_id']}, {m['name']} {m['partner_id']}, {m['currency']} "
                 f"{m['amount'] or 0:,.0f}): " + words[m["state"]].format(date=m["date"])
                 for m in d["mdf"]["to_act_on"][:MAX_ROWS]]
    mdf_lines += [f"• _{a['title']}_: {a['evidence'][0]}" for a in d["mdf"]["advice"]]
    out.append(_section(f"*MDF to decide / claim / start* ({len(d['mdf']['to_act_on'])})\n"
                        + ("\n".join(mdf_lines) or "None.")))
    steps = [f"• {o['name']} ({o['partner_id']}): {o['step']}, {o['when']}" for o in d["onboarding"][:MAX_ROWS]]
    out.append(_section(f"*Onboarding steps overdue / due soon* ({len(d['onboarding'])})\n"
                        + ("\n".join(steps) or "None.")))
    out.append({"type": "actions", "elements": [_button("Portfolio", "cosell portfolio"),
                                                 _button("Attribution", "cosell attribution")]})
    return out


def as_text(d: dict[str, Any]) -> str:
    """The digest as plain lines (its blocks' header and sections, without the Slack markup): a chat answer."""
    lines = []
    for block in d["blocks"]:
        if block["type"] == "header":
            lines.append(block["text"]["text"] + ":")
        elif block["type"] == "section":
            lines.append(block["text"]["text"].replace("*", "").replace("_", "").replace("•", "-"))
    return "\n".join(lines)


def post(ctx: ToolContext, data: dict[str, Any]) -> dict[str, Any]:
    """Send the digest as a Slack direct message (Web API chat.postMessage to the user's Slack id)."""
    from slack_sdk import WebClient  # heavy: only when posting
    from slack_sdk.errors import SlackApiError

    settings = ctx.settings
    if not data.get("slack_user_id"):
        raise BadInput(f"user '{data['user_id']}' has no slack_user_id in users.csv: nowhere to post")
    if settings.slack_bot_token is None:
        raise BadInput("no Slack bot token (COSELL_SLACK_BOT_TOKEN): cannot post")
    client = WebClient(token=settings.slack_bot_token.get_secret_value(),
                       base_url=settings.slack_api_url or WebClient.BASE_URL, timeout=10)
    try:
        # a user id as the channel posts into the app's direct message with that user
        sent = client.chat_postMessage(channel=data["slack_user_id"], blocks=data["blocks"],
                                       text=f"Your partner week to {data['week_ending']}")
    except SlackApiError as exc:
        raise BadInput(f"Slack refused the digest: {exc.response.get('error')}") from exc
    return {"channel": sent.get("channel") or data["slack_user_id"], "ts": sent.get("ts")}
