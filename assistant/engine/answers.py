"""Readable answers composed from tool results (their `--json` form), with the reasons and evidence.

Used by the deterministic engine, the Slack slash command and the LLM engine's fallback, so the same
result reads the same everywhere. Functions take the result as a dict (CLI.md field names) and a
slice (`start`, `size`) so "and who else?" can show the next ones.
"""

from __future__ import annotations

from typing import Any

PAGE = 5


def _pct(score: Any) -> str:
    try:
        return f"{float(score):.2f}"
    except (TypeError, ValueError):
        return "?"


def match_answer(data: dict, deal_label: str, start: int = 0, size: int = PAGE) -> str:
    partners = (data.get("partners") or [])[start : start + size]
    if not partners:
        return (
            f"No more partners ranked for {deal_label}."
            if start
            else f"No partner is a good fit for {deal_label} (none is authorised for its products and "
            "country)."
        )
    head = "More partners for" if start else "Partners to bring into"
    lines = [f"{head} {deal_label}, best first:"]
    for i, p in enumerate(partners, start + 1):
        lines.append(
            f"{i}. {p.get('name', p.get('partner_id'))} ({p.get('partner_id')}), score {_pct(p.get('score'))}"
        )
        lines += [f"   - {reason}" for reason in (p.get("reasons") or [])[:4]]
        lines += [f"   ⚠ {conflict}" for conflict in (p.get("conflicts") or [])[:3]]
    return "\n".join(lines)


def mapping_answer(data: dict, partner_label: str, start: int = 0, size: int = 10) -> tuple[str, bool]:
    """(text, withheld): withheld when the summary has accounts but no rows were released to the asker."""
    summary = data.get("summary") or []
    overlaps = data.get("overlaps") or []
    total = sum(int(s.get("count", 0)) for s in summary)
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
    for s in sorted(summary, key=lambda s: -int(s.get("count", 0)))[:8]:
        lines.append(
            f"- our {s.get('vendor_population', '?').replace('_', ' ')} × their "
            f"{s.get('partner_population', '?').replace('_', ' ')}: {s.get('count', 0)}"
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


def _overlap_line(o: dict) -> str:
    ours = ", ".join(p.replace("_", " ") for p in o.get("vendor_populations") or []) or "?"
    theirs = (o.get("partner_population") or "?").replace("_", " ")
    evidence = "; ".join(o.get("evidence") or [])
    line = (
        f"- {o.get('account_name') or o.get('partner_account_name')} ({o.get('account_id', '-')}): "
        f"ours {ours}, "
        f'theirs {theirs} as "{o.get("partner_account_name", "")}", confidence {_pct(o.get("confidence"))}'
    )
    return line + (f" — {evidence}" if evidence else "")


def nba_answer(data: dict, subject_label: str, start: int = 0, size: int = PAGE) -> str:
    actions = (data.get("actions") or [])[start : start + size]
    if not actions:
        return (
            f"No more actions for {subject_label}."
            if start
            else f"Nothing urgent for {subject_label} right now."
        )
    lines = [f"{'More actions' if start else 'Next best actions'} for {subject_label}, most important first:"]
    for i, a in enumerate(actions, start + 1):
        lines.append(f"{i}. {a.get('title')} — {a.get('why', '')}".rstrip(" —"))
        lines += [f"   - {e}" for e in (a.get("evidence") or [])[:4]]
        content = [c.get("title") for c in a.get("content") or [] if c.get("title")]
        if content:
            lines.append("   Helpful: " + "; ".join(content[:3]))
    return "\n".join(lines)


def draft_answer(data: dict, partner_label: str) -> str:
    channel = data.get("channel", "")
    lines = [
        f"Draft {channel} for {partner_label} from the '{data.get('kit_id')}' kit, in {data.get('locale')}:"
    ]
    if data.get("subject"):
        lines.append(f"Subject: {data['subject']}")
    lines += ["", str(data.get("body", "")).strip(), ""]
    checks = data.get("checks") or []
    if checks:
        lines.append(
            "Checks: "
            + "; ".join(
                f"{'✓' if c.get('passed') else '✗'} {c.get('name')}"
                + (f" ({c['detail']})" if c.get("detail") and not c.get("passed") else "")
                for c in checks
            )
        )
    if data.get("draft_id"):
        lines.append(f"Saved as draft {data['draft_id']} (status {data.get('status', 'pending')}).")
    return "\n".join(lines)


def search_answer(results: list[dict], size: int = 3, direct: bool = True, closest: str | None = None) -> str:
    """An extractive answer when the search tool gives passages only: the best passages, quoted. With
    `closest` (the search tool's best quote that did not score as an answer) it leads, labelled as such."""
    if not results:
        return "I found nothing about that in the content you may see."
    lines = [
        "From the enablement content:"
        if direct
        else "I found no passage that answers this directly; the closest ones:"
    ]
    if closest and not direct:
        lines.append(f"- {snippet(closest, 400)}")
        size -= 1
    for r in results[:size]:
        lines.append(f"- {snippet(r.get('text', ''), 300)} [{r.get('title', r.get('doc_id'))}]")
    return "\n".join(lines)


def snippet(text: str, limit: int = 240) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def citations_from_search(results: list[dict], limit: int = 5) -> list[dict]:
    seen: set[str] = set()
    citations = []
    for r in results:
        doc_id = r.get("doc_id")
        if not doc_id or doc_id in seen:
            continue
        seen.add(doc_id)
        citations.append(
            {
                "doc_id": doc_id,
                "title": r.get("title") or doc_id,
                "source": r.get("source") or "",
                "snippet": snippet(r.get("text") or r.get("snippet") or ""),
            }
        )
        if len(citations) >= limit:
            break
    return citations
