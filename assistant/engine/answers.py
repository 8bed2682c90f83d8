"""Readable answers composed from tool results, with the reasons and evidence.

Used by the deterministic engine, the Slack slash command and the LLM engine's fallback, so the same
result reads the same everywhere. Functions take the tool's pydantic result (attributes, never
`dict.get`: a renamed field fails here instead of reading "?") and a slice (`start`, `size`) so "and
who else?" can show the next ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from assistant.engine.messages import say
from assistant.engine.turn import Citation
from tools.account_mapping.service import MappingResponse, Overlap
from tools.content_drafts.service import DraftResponse
from tools.next_best_action.service import NbaResponse
from tools.partner_match.service import MatchResponse
from tools.partner_profile.service import DealOut, ProfileResult
from tools.search.service import Citation as ContentCitation
from tools.search.service import SearchResult

DealLabel = Callable[[str], str]

PAGE = 5


def _pct(score: Any) -> str:
    try:
        return f"{float(score):.2f}"
    except (TypeError, ValueError):
        return "?"


def match_answer(data: MatchResponse, deal_label: str, start: int = 0, size: int = PAGE, lang: str = "en") -> str:
    partners = data.partners[start : start + size]
    if not partners:
        return say("match_no_more" if start else "match_none", lang, deal=deal_label)
    lines = [say("match_more" if start else "match_head", lang, deal=deal_label)]
    score = say("score", lang)
    for i, p in enumerate(partners, start + 1):
        lines.append(
            f"{i}. {p.name or p.partner_id} ({p.partner_id}), {score} {_pct(p.score)}"
        )
        lines += [f"   - {reason}" for reason in p.reasons[:4]]
        lines += [f"   ⚠ {conflict}" for conflict in p.conflicts[:3]]
    return "\n".join(lines)


def mapping_answer(data: MappingResponse, partner_label: str, start: int = 0, size: int = 10) -> tuple[str, bool]:
    """(text, withheld): withheld when the summary has accounts but no rows were released to the asker."""
    summary, overlaps = data.summary, data.overlaps
    total = sum(s.count for s in summary)
    if start:
        rows = overlaps[start : start + size]
        if not rows:
            return f"No more shared accounts with {partner_label}.", False
        return "\n".join(
            [f"More accounts shared with {partner_label}:"] + [_overlap_line(o) for o in rows]
        ), False
    lines = [
        f"Account mapping with {partner_label}: {len(overlaps)} shared accounts listed for you."
        if overlaps
        else f"Account mapping with {partner_label}:",
        "Shared accounts by population (ours × theirs):",
    ]
    for s in sorted(summary, key=lambda s: -s.count)[:8]:
        lines.append(
            f"- our {s.vendor_population.replace('_', ' ')} × their "
            f"{s.partner_population.replace('_', ' ')}: {s.count}"
        )
    withheld = bool(total and not overlaps)
    if overlaps:
        lines.append("Top shared accounts:")
        lines += [_overlap_line(o) for o in overlaps[:size]]
        if len(overlaps) > size:
            lines.append(f'… and {len(overlaps) - size} more (ask "and who else?").')
    elif withheld:
        lines.append(
            "Only the counts are shared with you; the account names are withheld by the sharing settings."
        )
    return "\n".join(lines), withheld


def _overlap_line(o: Overlap) -> str:
    ours = ", ".join(p.replace("_", " ") for p in o.vendor_populations) or "?"
    theirs = (o.partner_population or "?").replace("_", " ")
    evidence = "; ".join(o.evidence)
    line = (
        f"- {o.account_name or o.partner_account_name} ({o.account_id or '-'}): "
        f"ours {ours}, "
        f'theirs {theirs} as "{o.partner_account_name}", confidence {_pct(o.confidence)}'
    )
    return line + (f" — {evidence}" if evidence else "")


def nba_answer(data: NbaResponse, subject_label: str, start: int = 0, size: int = PAGE, lang: str = "en") -> str:
    actions = data.actions[start : start + size]
    if not actions:
        return say("nba_no_more" if start else "nba_none", lang, subject=subject_label)
    lines = [say("nba_more" if start else "nba_head", lang, subject=subject_label)]
    for i, a in enumerate(actions, start + 1):
        lines.append(f"{i}. {a.title} — {a.why}".rstrip(" —"))
        lines += [f"   - {e}" for e in a.evidence[:4]]
        content = [c.title for c in a.content if c.title]
        if content:
            lines.append(f"   {say('helpful', lang)}: " + "; ".join(content[:3]))
    return "\n".join(lines)


def draft_answer(data: DraftResponse, partner_label: str, lang: str = "en") -> str:
    lines = [
        f"Draft {data.channel} for {partner_label} from the '{data.kit_id}' kit, in {data.locale}:"
    ]
    if data.subject:
        lines.append(f"Subject: {data.subject}")
    lines += ["", data.body.strip(), ""]
    if data.checks:
        lines.append(
            f"{say('checks', lang)}: "
            + "; ".join(
                f"{'✓' if c.passed else '✗'} {c.name}" + (f" ({c.detail})" if c.detail and not c.passed else "")
                for c in data.checks
            )
        )
    if data.draft_id:
        if data.reused:
            lines.append(f"Same as pending draft {data.draft_id}: returned it, not saved again.")
        else:
            lines.append(f"Saved as draft {data.draft_id} (status {data.status}).")
    return "\n".join(lines)


def search_answer(results: list[SearchResult], size: int = 3, direct: bool = True, closest: str | None = None,
                  lang: str = "en") -> str:
    """An extractive answer when the search tool gives passages only: the best passages, quoted. With
    `closest` (the search tool's best quote that did not score as an answer) it leads, labelled as such."""
    if not results:
        return say("content_none", lang)
    lines = [say("content_from" if direct else "content_closest", lang)]
    if closest and not direct:
        lines.append(f"- {snippet(closest, 400)}")
        size -= 1
    for r in results[:size]:
        lines.append(f"- {snippet(r.text, 300)} [{r.title or r.doc_id}]")
    return "\n".join(lines)


def snippet(text: str, limit: int = 240) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def citations_from_search(results: Iterable[SearchResult], limit: int = 5) -> list[Citation]:
    seen: set[str] = set()
    citations = []
    for r in results:
        if not r.doc_id or r.doc_id in seen:
            continue
        seen.add(r.doc_id)
        citations.append(Citation(doc_id=r.doc_id, title=r.title or r.doc_id, source=r.source or "",
                                  snippet=snippet(r.text)))
        if len(citations) >= limit:
            break
    return citations


def citations_from_answer(citations: Iterable[ContentCitation]) -> list[Citation]:
    """The search tool's extractive-answer sources as the turn's citations."""
    return [Citation(doc_id=c.doc_id, title=c.title or c.doc_id, source=c.source or "", snippet=c.snippet)
            for c in citations]


# --- a partner's own standing (tools.partner_profile) --------------------------------------------------

DEALS_SHOWN = 10


def _money(value: Any, currency: str = "USD") -> str:
    try:
        return f"{float(value):,.0f} {currency}"
    except (TypeError, ValueError):
        return "?"


def _number(value: float, money: bool) -> str:
    return _money(value) if money else f"{value:,.0f}"


def profile_deals(data: ProfileResult) -> list[DealOut]:
    """The deals a profile answer lists, in the order shown (what "the second one" refers to)."""
    topic = data.topic
    if topic == "registrations" and not _single_deal(data):
        return [d for d in data.deals if d.registered_by_partner][:DEALS_SHOWN]
    if topic == "conflicts":
        return data.conflicts[:DEALS_SHOWN]
    if topic == "deals":
        return data.deals[:DEALS_SHOWN]
    return []


def _single_deal(data: ProfileResult) -> bool:
    return len(data.deals) == 1 and bool(data.asked_deal)


def profile_answer(data: ProfileResult, deal_label: DealLabel = str, lang: str = "en") -> str:
    """The facts of `tools.partner_profile` in words, with the numbers, in `lang`."""
    partner = f"{data.name} ({data.partner_id})"
    topic = data.topic or "overview"
    parts = {
        "tier": _tier_lines, "mdf": _mdf_lines, "certifications": _cert_lines,
        "registrations": _reg_lines, "conflicts": _conflict_lines, "deals": _deal_lines,
        "channel_manager": _cm_lines,
    }  # fmt: skip
    if topic in parts:
        return "\n".join(parts[topic](data, partner, deal_label, lang))
    lines: list[str] = []
    for name in ("tier", "mdf", "certifications", "channel_manager"):
        lines += parts[name](data, partner, deal_label, lang)
    return "\n".join(lines)


def _tier_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    tier, qualified, above = data.tier, data.qualified_tier, data.next_tier
    lines = [say("tier_now", lang, partner=partner, tier=tier)]
    if qualified and qualified != tier:
        lines.append(say("tier_qualifies", lang, tier=qualified))
    checks = data.next_tier_checks
    if not above:
        lines.append(say("tier_top", lang, partner=partner))
        checks, above = data.qualified_checks, tier
    lines.append(say("tier_towards", lang, tier=above))
    gaps = []
    for c in checks:
        metric = say("m_" + c.metric, lang) if "m_" + c.metric in _METRIC_KEYS else c.metric
        lines.append(say("check_line", lang, metric=metric, value=_number(c.value, c.money),
                         minimum=_number(c.minimum, c.money), mark="✓" if c.met else "✗"))
        if not c.met:
            gaps.append(say("more_of", lang, n=_number(c.minimum - c.value, c.money), metric=metric))
    if checks:
        lines.append(say("tier_missing", lang, tier=above, gaps="; ".join(gaps)) if gaps
                     else say("tier_all_met", lang, tier=above))
    return lines


_METRIC_KEYS = {"m_won_revenue_12m", "m_won_deals_12m", "m_certified_staff", "m_deals_registered_12m"}


def _mdf_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    months = data.mdf_months
    if data.mdf_period:
        if not months:
            return [say("mdf_none_period", lang, partner=partner, period=data.mdf_period)]
        return [say("mdf_period", lang, partner=partner, period=data.mdf_period, first=months[0],
                    last=months[-1], allocated=_money(data.mdf_allocated),
                    spent=_money(data.mdf_spent), left=_money(data.mdf_left))]
    if not data.mdf_allocated and not data.mdf_spent:
        return [say("mdf_none", lang, partner=partner)]
    return [say("mdf", lang, partner=partner, first=months[0] if months else "?",
                last=months[-1] if months else "?", allocated=_money(data.mdf_allocated),
                spent=_money(data.mdf_spent), left=_money(data.mdf_left))]


def _cert_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    total = data.certified_total or 0
    if not total:
        return [say("certified_none", lang, partner=partner)]
    detail = ", ".join(f"{name} {count}" for name, count in data.certified.items() if count)
    return [say("certified", lang, partner=partner, total=total, detail=detail)]


def _reg_line(d: DealOut, deal_label: DealLabel, lang: str) -> str:
    days = d.days_left
    key = "reg_left" if days is not None and days >= 0 else "reg_expired"
    return say(key, lang, deal=deal_label(d.opportunity_id), ends=d.protection_ends,
               days=abs(days) if days is not None else "?")


def _reg_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    deals = data.deals
    if data.asked_deal:
        lines = []
        for d in deals:
            label = deal_label(d.opportunity_id)
            if d.registered_by_partner:
                lines.append(_reg_line(d, deal_label, lang).removeprefix("- "))
            elif d.registered_elsewhere:
                lines.append(say("reg_other", lang, deal=label))
            else:
                lines.append(say("reg_not_ours", lang, deal=label, partner=partner))
        return lines
    mine = [d for d in deals if d.registered_by_partner]
    if not mine:
        return [say("regs_none", lang, partner=partner)]
    lines = [say("regs_head", lang, partner=partner, days=data.protection_days)]
    lines += [_reg_line(d, deal_label, lang) for d in mine[:DEALS_SHOWN]]
    if len(mine) > DEALS_SHOWN:
        lines.append(say("and_more", lang, n=len(mine) - DEALS_SHOWN))
    return lines


def _conflict_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    conflicts = data.conflicts
    if not conflicts:
        return [say("conflicts_none", lang, partner=partner)]
    lines = [say("conflicts_head", lang, partner=partner, n=len(conflicts))]
    return lines + [f"- {deal_label(d.opportunity_id)}" for d in conflicts[:DEALS_SHOWN]]


def _deal_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    deals, stage = data.deals, data.stage
    if not deals:
        return [say("deals_none_stage", lang, partner=partner, stage=stage) if stage
                else say("deals_none", lang, partner=partner)]
    lines = [say("deals_head_stage", lang, partner=partner, n=len(deals), stage=stage) if stage
             else say("deals_head", lang, partner=partner, n=len(deals))]
    for d in deals[:DEALS_SHOWN]:
        lines.append(say("deal_line", lang, deal=deal_label(d.opportunity_id), stage=d.stage,
                         amount=_money(d.amount, d.currency or "USD"), close=d.close_date))
    if len(deals) > DEALS_SHOWN:
        lines.append(say("and_more", lang, n=len(deals) - DEALS_SHOWN))
    currencies = {d.currency or "USD" for d in deals}
    if len(deals) > 1 and len(currencies) == 1:  # "total value of our open pipeline?"
        lines.append(say("deals_total", lang, total=_money(sum(d.amount or 0 for d in deals), currencies.pop())))
    return lines


def _cm_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    cm = data.channel_manager
    if not cm:
        return [say("cm_none", lang, partner=partner)]
    email = f" <{cm.email}>" if cm.email else ""
    return [say("cm_is", lang, partner=partner, name=cm.name or cm.user_id, email=email)]
