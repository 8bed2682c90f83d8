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
from tools.locales import Catalogue, language_of
from tools.next_best_action.service import NbaResponse
from tools.partner_match.service import MatchResponse
from tools.partner_profile.service import DealOut, ProfileResult
from tools.search.service import Citation as ContentCitation
from tools.search.service import SearchResult

DealLabel = Callable[[str], str]

PAGE = 5

# key -> (en, de, fr, es, pt, ja): the fixed sentences of the answers composed here (the shared ones are in
# `assistant.engine.messages`)
_say = Catalogue({
    "draft_head": ("Draft {channel} for {partner} from the '{kit}' kit, in {locale}:",
                   "Entwurf ({channel}) für {partner} aus dem Kit '{kit}', auf {locale}:",
                   "Brouillon ({channel}) pour {partner} à partir du kit '{kit}', en {locale} :",
                   "Borrador ({channel}) para {partner} a partir del kit '{kit}', en {locale}:",
                   "Rascunho ({channel}) para {partner} a partir do kit '{kit}', em {locale}:",
                   "{partner} 向けの下書き（{channel}、キット '{kit}'、{locale}）:"),
    "draft_not_in": ("The kit has no {asked} version: this draft is in {used}, the kit's {used} text.",
                     "Das Kit hat keine Fassung auf {asked}: dieser Entwurf ist auf {used}, der Text des Kits.",
                     "Le kit n'a pas de version {asked} : ce brouillon est en {used}, le texte du kit.",
                     "El kit no tiene versión {asked}: este borrador está en {used}, el texto del kit.",
                     "O kit não tem versão {asked}: este rascunho está em {used}, o texto do kit.",
                     "キットに {asked} 版はありません。この下書きはキットの {used} のテキストです。"),
    "subject": ("Subject: {subject}", "Betreff: {subject}", "Objet : {subject}", "Asunto: {subject}",
                "Assunto: {subject}", "件名: {subject}"),
    "draft_reused": ("Same as pending draft {id}: returned it, not saved again.",
                     "Gleich wie der offene Entwurf {id}: zurückgegeben, nicht erneut gespeichert.",
                     "Identique au brouillon en attente {id} : renvoyé, pas enregistré à nouveau.",
                     "Igual que el borrador pendiente {id}: se devuelve, no se guarda de nuevo.",
                     "Igual ao rascunho pendente {id}: devolvido, não salvo de novo.",
                     "保留中の下書き {id} と同じです。それを返し、再保存はしていません。"),
    "draft_saved": ("Saved as draft {id} (status {status}).", "Als Entwurf {id} gespeichert (Status {status}).",
                    "Enregistré comme brouillon {id} (statut {status}).", "Guardado como borrador {id} (estado {status}).",
                    "Salvo como rascunho {id} (status {status}).", "下書き {id} として保存しました（ステータス {status}）。"),
    "map_no_more": ("No more shared accounts with {partner}.", "Keine weiteren gemeinsamen Accounts mit {partner}.",
                    "Plus d'autres comptes partagés avec {partner}.", "No hay más cuentas compartidas con {partner}.",
                    "Não há mais contas compartilhadas com {partner}.", "{partner} との共通アカウントはこれ以上ありません。"),
    "map_more": ("More accounts shared with {partner}:", "Weitere gemeinsame Accounts mit {partner}:",
                 "Autres comptes partagés avec {partner} :", "Más cuentas compartidas con {partner}:",
                 "Mais contas compartilhadas com {partner}:", "{partner} とのその他の共通アカウント:"),
    "map_head_n": ("Account mapping with {partner}: {n} shared accounts listed for you.",
                   "Account-Mapping mit {partner}: {n} gemeinsame Accounts für Sie aufgelistet.",
                   "Account mapping avec {partner} : {n} comptes partagés listés pour vous.",
                   "Mapeo de cuentas con {partner}: {n} cuentas compartidas listadas para usted.",
                   "Mapeamento de contas com {partner}: {n} contas compartilhadas listadas para você.",
                   "{partner} とのアカウントマッピング: 共通アカウント {n} 件を表示します。"),
    "map_head_total": ("Account mapping with {partner}: {n} of our accounts in common.",
                       "Account-Mapping mit {partner}: {n} unserer Accounts gemeinsam.",
                       "Account mapping avec {partner} : {n} de nos comptes en commun.",
                       "Mapeo de cuentas con {partner}: {n} de nuestras cuentas en común.",
                       "Mapeamento de contas com {partner}: {n} das nossas contas em comum.",
                       "{partner} とのアカウントマッピング: 共通アカウント {n} 件。"),
    "map_head": ("Account mapping with {partner}:", "Account-Mapping mit {partner}:",
                 "Account mapping avec {partner} :", "Mapeo de cuentas con {partner}:",
                 "Mapeamento de contas com {partner}:", "{partner} とのアカウントマッピング:"),
    "map_by_population": ("Shared accounts by population (ours × theirs):",
                          "Gemeinsame Accounts nach Population (unsere × ihre):",
                          "Comptes partagés par population (les nôtres × les leurs) :",
                          "Cuentas compartidas por población (nuestras × suyas):",
                          "Contas compartilhadas por população (nossas × deles):",
                          "母集団別の共通アカウント（自社 × 先方）:"),
    "map_population": ("- our {ours} × their {theirs}: {n}", "- unsere {ours} × ihre {theirs}: {n}",
                       "- nos {ours} × leurs {theirs} : {n}", "- nuestras {ours} × sus {theirs}: {n}",
                       "- nossas {ours} × deles {theirs}: {n}", "- 自社 {ours} × 先方 {theirs}: {n}"),
    "map_head_partner": ("Account mapping of {partner} with {vendor}: {n} accounts in common.",
                         "Account-Mapping von {partner} mit {vendor}: {n} gemeinsame Accounts.",
                         "Account mapping de {partner} avec {vendor} : {n} comptes en commun.",
                         "Mapeo de cuentas de {partner} con {vendor}: {n} cuentas en común.",
                         "Mapeamento de contas de {partner} com {vendor}: {n} contas em comum.",
                         "{partner} と {vendor} のアカウントマッピング: 共通アカウント {n} 件。"),
    "map_by_population_partner": ("Shared accounts by population (yours × {vendor}'s):",
                                  "Gemeinsame Accounts nach Population (Ihre × die von {vendor}):",
                                  "Comptes partagés par population (les vôtres × ceux de {vendor}) :",
                                  "Cuentas compartidas por población (suyas × de {vendor}):",
                                  "Contas compartilhadas por população (suas × da {vendor}):",
                                  "母集団別の共通アカウント（貴社 × {vendor}）:"),
    "map_population_partner": ("- your {ours} × {vendor}'s {theirs}: {n}", "- Ihre {ours} × {theirs} von {vendor}: {n}",
                               "- vos {ours} × {theirs} de {vendor} : {n}", "- sus {ours} × {theirs} de {vendor}: {n}",
                               "- seus {ours} × {theirs} da {vendor}: {n}", "- 貴社の {ours} × {vendor} の {theirs}: {n}"),
    "map_cell_partner": ("{n} of your {ours} accounts are {vendor}'s {theirs} accounts.",
                         "{n} Ihrer {ours}-Accounts sind {theirs}-Accounts von {vendor}.",
                         "{n} de vos comptes {ours} sont des comptes {theirs} chez {vendor}.",
                         "{n} de sus cuentas {ours} son cuentas {theirs} de {vendor}.",
                         "{n} das suas contas {ours} são contas {theirs} da {vendor}.",
                         "貴社の {ours} アカウントのうち {n} 件が {vendor} の {theirs} アカウントです。"),
    "map_top": ("Top shared accounts:", "Wichtigste gemeinsame Accounts:", "Principaux comptes partagés :",
                "Principales cuentas compartidas:", "Principais contas compartilhadas:", "主な共通アカウント:"),
    "map_and_more": ('… and {n} more (ask "and who else?").', '… und {n} weitere (fragen Sie "und wer noch?").',
                     '… et {n} de plus (demandez "et qui d\'autre ?").', '… y {n} más (pregunte "¿y quién más?").',
                     '… e mais {n} (pergunte "e quem mais?").', '… ほか {n} 件（「他には？」と聞いてください）。'),
    "map_withheld": ("Only the counts are shared with you; the account names are withheld by the sharing settings.",
                     "Mit Ihnen werden nur die Anzahlen geteilt; die Account-Namen halten die Freigabeeinstellungen zurück.",
                     "Seuls les nombres vous sont partagés ; les noms des comptes sont retenus par les paramètres de partage.",
                     "Solo se comparten con usted los recuentos; la configuración de uso compartido oculta los nombres.",
                     "Só as contagens são compartilhadas com você; as configurações de compartilhamento ocultam os nomes.",
                     "共有されるのは件数のみです。アカウント名は共有設定により非公開です。"),
    "map_line": ('- {account} ({id}): ours {ours}, theirs {theirs} as "{theirs_name}", confidence {confidence}',
                 '- {account} ({id}): unsere {ours}, ihre {theirs} als "{theirs_name}", Konfidenz {confidence}',
                 '- {account} ({id}) : nous {ours}, eux {theirs} sous "{theirs_name}", confiance {confidence}',
                 '- {account} ({id}): nuestra {ours}, suya {theirs} como "{theirs_name}", confianza {confidence}',
                 '- {account} ({id}): nossa {ours}, deles {theirs} como "{theirs_name}", confiança {confidence}',
                 '- {account}（{id}）: 自社 {ours}、先方 {theirs}（"{theirs_name}"）、信頼度 {confidence}'),
})


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


def mapping_answer(data: MappingResponse, partner_label: str, start: int = 0, size: int = 10,
                   lang: str = "en", vendor: str | None = None, asked: tuple[str, str] | None = None) -> tuple[str, bool]:
    """(text, withheld): withheld when the summary has accounts but no rows were released to the asker. With
    `vendor`, told to the partner's own seller (their populations first); `asked`, (the partner's population, the
    vendor's) a question names, answered first."""
    summary, overlaps = data.summary, data.overlaps
    total = sum(s.count for s in summary)
    if vendor and not start:
        return _partner_mapping(data, partner_label, vendor, lang, asked, size), bool(total and not overlaps)
    if start:
        rows = overlaps[start : start + size]
        if not rows:
            return _say("map_no_more", lang, partner=partner_label), False
        return "\n".join([_say("map_more", lang, partner=partner_label)] + [_overlap_line(o, lang) for o in rows]), False
    lines = [
        _say("map_head_n", lang, partner=partner_label, n=len(overlaps)) if overlaps
        else _say("map_head_total", lang, partner=partner_label, n=data.shared_accounts) if data.shared_accounts
        else _say("map_head", lang, partner=partner_label),
        _say("map_by_population", lang),
    ]
    for s in sorted(summary, key=lambda s: -s.count)[:8]:
        lines.append(_say("map_population", lang, ours=s.vendor_population.replace("_", " "),
                          theirs=s.partner_population.replace("_", " "), n=s.count))
    withheld = bool(total and not overlaps)
    if overlaps:
        lines.append(_say("map_top", lang))
        lines += [_overlap_line(o, lang) for o in overlaps[:size]]
        if len(overlaps) > size:
            lines.append(_say("map_and_more", lang, n=len(overlaps) - size))
    elif withheld:
        lines.append(_say("map_withheld", lang))
    return "\n".join(lines), withheld


def _partner_mapping(data: MappingResponse, partner_label: str, vendor: str, lang: str,
                     asked: tuple[str, str] | None, size: int) -> str:
    """The mapping as the partner's own seller reads it: their populations × the vendor's."""
    def words(population: str) -> str:
        return population.replace("_", " ")

    lines = [_say("map_head_partner", lang, partner=partner_label, vendor=vendor,
                  n=data.shared_accounts or sum(s.count for s in data.summary))]
    if asked:
        n = sum(s.count for s in data.summary if (s.partner_population, s.vendor_population) == asked)
        lines.insert(0, _say("map_cell_partner", lang, n=n, ours=words(asked[0]), theirs=words(asked[1]), vendor=vendor))
    lines.append(_say("map_by_population_partner", lang, vendor=vendor))
    for s in sorted(data.summary, key=lambda s: -s.count)[:8]:
        lines.append(_say("map_population_partner", lang, ours=words(s.partner_population),
                          theirs=words(s.vendor_population), vendor=vendor, n=s.count))
    if data.overlaps:
        lines.append(_say("map_top", lang))
        lines += [_overlap_line(o, lang) for o in data.overlaps[:size]]
    elif data.summary:
        lines.append(_say("map_withheld", lang))
    return "\n".join(lines)


def _overlap_line(o: Overlap, lang: str = "en") -> str:
    ours = ", ".join(p.replace("_", " ") for p in o.vendor_populations) or "?"
    theirs = (o.partner_population or "?").replace("_", " ")
    evidence = "; ".join(o.evidence)
    line = _say("map_line", lang, account=o.account_name or o.partner_account_name, id=o.account_id or "-",
                ours=ours, theirs=theirs, theirs_name=o.partner_account_name, confidence=_pct(o.confidence))
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
    other = language_of(data.resolved_locale) != language_of(data.locale) and data.text_source == "kit"
    lines = [_say("draft_head", lang, channel=data.channel, partner=partner_label, kit=data.kit_id,
                  locale=data.resolved_locale if other else data.locale)]
    if other:  # "in Swedish" from a kit without Swedish: say which language the text is in, not the one asked
        lines.append(_say("draft_not_in", lang, asked=data.locale, used=data.resolved_locale))
    if data.subject:
        lines.append(_say("subject", lang, subject=data.subject))
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
            lines.append(_say("draft_reused", lang, id=data.draft_id))
        else:
            lines.append(_say("draft_saved", lang, id=data.draft_id, status=data.status))
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


def _number(value: float, money: bool, currency: str = "USD") -> str:
    return _money(value, currency) if money else f"{value:,.0f}"


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
        "channel_manager": _cm_lines, "activity": _activity_lines, "contacts": _contact_lines,
        "win_rate": _win_rate_lines,
    }  # fmt: skip
    if topic in parts:
        return "\n".join(parts[topic](data, partner, deal_label, lang))
    lines: list[str] = []
    for name in ("tier", "mdf", "certifications", "channel_manager"):
        lines += parts[name](data, partner, deal_label, lang)
    return "\n".join(lines)


def _win_rate_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    """ "won 7 of the 10 deals it closed from 2025-06-19 to 2026-06-18: a win rate of 70%"."""
    won, closed = data.won_closed or 0, (data.won_closed or 0) + (data.lost_closed or 0)
    if not closed:
        return [say("win_rate_none", lang, partner=partner, start=data.closed_from, end=data.closed_to)]
    return [say("win_rate", lang, partner=partner, won=won, closed=closed, start=data.closed_from,
                end=data.closed_to, rate=f"{won / closed:.0%}")]


def _tier_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    tier, qualified, above = data.tier, data.qualified_tier, data.next_tier
    lines = [say("tier_now", lang, partner=partner, tier=tier)]
    if data.joined_on:  # "what tier is <partner> and since when is it a partner?"
        lines[0] += " " + say("tier_since", lang, day=data.joined_on.isoformat())
    if qualified and qualified != tier:
        lines.append(say("tier_qualifies", lang, tier=qualified))
    checks = data.next_tier_checks
    if data.asked_tier and data.asked_tier_checks:  # "what do we need for silver?": the tier asked
        above, checks = data.asked_tier, data.asked_tier_checks
        if not data.next_tier and above == (tier or "").lower():  # in the highest tier: its own minimums
            lines.append(say("tier_top", lang, partner=partner))
    elif not above:
        lines.append(say("tier_top", lang, partner=partner))
        checks, above = data.qualified_checks, tier
    lines.append(say("tier_towards", lang, tier=above))
    gaps = []
    for c in checks:
        metric = say("m_" + c.metric, lang) if "m_" + c.metric in _METRIC_KEYS else c.metric
        lines.append(say("check_line", lang, metric=metric, value=_number(c.value, c.money, data.currency),
                         minimum=_number(c.minimum, c.money, data.currency), mark="✓" if c.met else "✗"))
        if not c.met:
            gaps.append(say("more_of", lang, n=_number(c.minimum - c.value, c.money, data.currency), metric=metric))
    if checks:
        lines.append(say("tier_missing", lang, tier=above, gaps="; ".join(gaps)) if gaps
                     else say("tier_all_met", lang, tier=above))
    if data.unconverted and any(c.money for c in checks):  # tools.currency: no rate, left out of the sum
        lines.append(say("tier_unconverted", lang, currencies=", ".join(data.unconverted), currency=data.currency))
    return lines


_METRIC_KEYS = {"m_won_revenue_12m", "m_won_deals_12m", "m_certified_staff", "m_deals_registered_12m"}


def _mdf_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    months = data.mdf_months
    if data.mdf_period:
        if not months:
            return [say("mdf_none_period", lang, partner=partner, period=data.mdf_period)]
        return [say("mdf_period", lang, partner=partner, period=data.mdf_period, first=months[0],
                    last=months[-1], allocated=_money(data.mdf_allocated, data.currency),
                    spent=_money(data.mdf_spent, data.currency), left=_money(data.mdf_left, data.currency))] + _mdf_share(data, lang)
    if not data.mdf_allocated and not data.mdf_spent:
        return [say("mdf_none", lang, partner=partner)]
    return [say("mdf", lang, partner=partner, first=months[0] if months else "?",
                last=months[-1] if months else "?", allocated=_money(data.mdf_allocated, data.currency),
                spent=_money(data.mdf_spent, data.currency), left=_money(data.mdf_left, data.currency))] + _mdf_share(data, lang)


def _mdf_share(data: ProfileResult, lang: str) -> list[str]:
    """How much of the allocation was spent, in percent ("is <partner> using its MDF?")."""
    if not data.mdf_allocated:
        return []
    return [say("mdf_share", lang, pct=round(100 * data.mdf_spent / data.mdf_allocated))]


def _cert_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    total = data.certified_total or 0
    if not total:
        return [say("certified_none", lang, partner=partner)] + _asked_check(data, lang)
    detail = ", ".join(f"{name} {count}" for name, count in data.certified.items() if count)
    return [say("certified", lang, partner=partner, total=total, detail=detail)] + _asked_check(data, lang)


def _asked_check(data: ProfileResult, lang: str, metric: str = "certified_staff") -> list[str]:
    """ "how many certified people do we have vs what platinum needs?": the tier asked's minimum beside it."""
    found = [c for c in data.asked_tier_checks if c.metric == metric]
    if not found:
        return []
    c = found[0]
    return [say("tier_towards", lang, tier=data.asked_tier),
            say("check_line", lang, metric=say("m_" + metric, lang), value=_number(c.value, c.money, data.currency),
                minimum=_number(c.minimum, c.money, data.currency), mark="✓" if c.met else "✗")]


def reg_line(d: DealOut, deal_label: DealLabel, lang: str) -> str:
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
                lines.append(reg_line(d, deal_label, lang).removeprefix("- "))
            elif d.registered_elsewhere:
                lines.append(say("reg_other", lang, deal=label))
            else:
                lines.append(say("reg_not_ours", lang, deal=label, partner=partner))
        return lines
    mine = [d for d in deals if d.registered_by_partner]
    if not mine:
        return [say("regs_none", lang, partner=partner)]
    lines = [say("regs_head", lang, partner=partner, days=data.protection_days)]
    lines += [reg_line(d, deal_label, lang) for d in mine[:DEALS_SHOWN]]
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
    if data.stalled:  # "any stalled deals?": the deals quiet beyond the norm for their stage, and for how long
        if not deals:
            return [say("deals_stalled_none", lang, partner=partner)]
        lines = [say("deals_stalled", lang, partner=partner, n=len(deals))]
        return lines + [deal_line(d, deal_label, lang) + " — " + say("idle_days", lang, days=d.stalled_days,
                                                                     date=d.last_activity_on or "-")
                        for d in deals[:DEALS_SHOWN]]
    if not deals:
        return [say("deals_none_stage", lang, partner=partner, stage=stage) if stage
                else say("deals_none", lang, partner=partner)]
    lines = [say("deals_head_stage", lang, partner=partner, n=len(deals), stage=stage) if stage
             else say("deals_head", lang, partner=partner, n=len(deals))]
    lines += [deal_line(d, deal_label, lang) for d in deals[:DEALS_SHOWN]]
    if len(deals) > DEALS_SHOWN:
        lines.append(say("and_more", lang, n=len(deals) - DEALS_SHOWN))
    currencies = {d.currency or "USD" for d in deals}
    if len(deals) > 1 and len(currencies) == 1:  # "total value of our open pipeline?"
        lines.append(say("deals_total", lang, total=_money(sum(d.amount or 0 for d in deals), currencies.pop())))
    return lines


def _activity_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    if not data.activity:
        return [say("activity_none", lang, partner=partner)]
    lines = [say("activity_head", lang, partner=partner)]
    for m in data.activity:
        figures = {"logins": m.portal_logins, "trainings": m.trainings_completed, "registered": m.deals_registered,
                   "certs": m.certifications_earned}
        lines.append(say("activity_month", lang, month=m.month,
                         **{k: "-" if v is None else v for k, v in figures.items()}))
    return lines


def deal_line(d: DealOut, deal_label: DealLabel, lang: str) -> str:
    """One open deal: its label, stage, amount and close date."""
    return say("deal_line" if d.close_date else "deal_line_undated", lang, deal=deal_label(d.opportunity_id),
               stage=d.stage, amount=_money(d.amount, d.currency or "USD"), close=d.close_date)  # never "None"


def _cm_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    cm = data.channel_manager
    if not cm:
        return [say("cm_none", lang, partner=partner)]
    email = f" <{cm.email}>" if cm.email else ""
    return [say("cm_is", lang, partner=partner, name=cm.name or cm.user_id, email=email)]


def _contact_lines(data: ProfileResult, partner: str, deal_label: DealLabel, lang: str) -> list[str]:
    """Who to reach at a partner: its users of the copilot, its contact address, its channel manager, its brand."""
    c = data.contacts
    if c is None:
        return _cm_lines(data, partner, deal_label, lang)
    lines = []
    if c.users:
        users = ", ".join(f"{u.name or u.user_id}" + (f" <{u.email}>" if u.email else "") for u in c.users)
        lines.append(say("ct_users", lang, partner=partner, users=users))
    else:
        lines.append(say("ct_no_users", lang, partner=partner))
    if c.contact_email:
        lines.append(say("ct_email", lang, email=c.contact_email))
    lines += _cm_lines(data, partner, deal_label, lang)
    if c.brand_name or c.brand_color or c.tagline:
        lines.append(say("ct_brand", lang, brand=c.brand_name or data.name, color=c.brand_color or "-",
                         tagline=f" \u201c{c.tagline}\u201d" if c.tagline else ""))
    return lines
