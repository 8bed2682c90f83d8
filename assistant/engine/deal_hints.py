"""Which deal a question means, when an account has several: the words that tell its deals apart.

People single a deal out by what differs between them: a product or kind of deal ("the backup one",
"the renewal"), a stage ("the one in negotiation"), an amount ("the 511k deal"), or a number ("opp 2477").
Only words that distinguish the candidates count, so an account's own name, shared by all of its deals,
never decides. Pure functions over plain data; no naming convention of any ecosystem is assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assistant.engine.name_index import tokens

OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation")
# Words that never tell deals apart, even when a deal's name happens to contain them.
_FILLER = """the a an and or of for to in on at with by from is are be do we i you my our your this that it
me us deal deals opportunity opportunities opp opps account partner partners which who what should
help best please pls next one"""
FILLER = frozenset(_FILLER.split())
STAGE_WORDS = {  # folded word stems -> stage
    "prospect": "prospecting", "qualif": "qualification", "proposal": "proposal",
    "negotiat": "negotiation", "verhandlung": "negotiation", "won": "closed_won", "lost": "closed_lost",
}  # fmt: skip
_AMOUNT = re.compile(r"^[$€£¥]?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(k|m|mm|mn|mio|bn)?$")
_UNITS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6,
          "bn": 1e9, "billion": 1e9}  # fmt: skip
_NUMBER_REF = re.compile(r"^(opp|opps|opportunity|deal|oppty|#)$")


@dataclass(frozen=True)
class Deal:
    """What resolution needs of a deal (plain data: cached across requests and threads)."""

    opportunity_id: str
    account_id: str
    name: str
    stage: str
    last_activity_on: dt.date | None
    amount: float | None = None
    products: tuple[str, ...] = ()
    registered: bool = False  # a partner registered it ("my registration on the Globex deal")

    def words(self) -> set[str]:
        return set(tokens(self.name)) | self.product_words()

    def product_words(self) -> set[str]:
        return {w for p in self.products for w in tokens(p)}


def deal_parts(name: str, account_name: str) -> list[str]:
    """A deal's name without its account's words, and its leading phrases ("Riverbend EDR rollout FY27" at
    "Riverbend Medical" -> "edr rollout fy27", "edr rollout"): what people call the deal once the account
    is clear. Two words at least."""
    account = set(tokens(account_name))
    words = [w for w in tokens(name) if w not in account]
    if len(words) < 2 or len(words) == len(tokens(name)):
        return []
    return [" ".join(words[:n]) for n in range(len(words), 1, -1)]


def amounts(words: list[str]) -> list[float]:
    """Amounts a question states: "511k", "$511,000", "1.2m", "1.2 million". A bare small number
    ("phase 2", "top 3") is not an amount."""
    found = []
    for i, word in enumerate(words):
        m = _AMOUNT.match(word)
        if not m:
            continue
        value = float(m.group(1).replace(",", ""))
        unit = m.group(2) or (words[i + 1] if i + 1 < len(words) and words[i + 1] in _UNITS else "")
        if unit:
            found.append(value * _UNITS[unit])
        elif value >= 1000:
            found.append(value)
    return found


def stages(words: list[str]) -> set[str]:
    return {stage for w in words for stem, stage in STAGE_WORDS.items() if w.startswith(stem)}


def wants_closed(words: list[str]) -> bool:
    return bool(stages(words) & {"closed_won", "closed_lost"}) or bool({"closed", "won", "lost"} & set(words))


def number_refs(words: list[str]) -> set[int]:
    """ "opp 2477", "deal #2477", "opportunity 2477": the number of an opportunity id."""
    out = set()
    for i, word in enumerate(words[:-1]):
        if _NUMBER_REF.match(word) and words[i + 1].isdigit():
            out.add(int(words[i + 1]))
    for word in words:
        m = re.fullmatch(r"#(\d+)", word)
        if m:
            out.add(int(m.group(1)))
    return out


def id_number(opportunity_id: str) -> int | None:
    digits = re.findall(r"\d+", opportunity_id)
    return int(digits[-1]) if digits else None


def rank(deals: list[Deal], words: list[str]) -> list[Deal]:
    """Open deals first, then the ones the question's distinguishing words point to, latest activity first."""
    scores = distinguishing_scores(deals, words)

    def key(deal: Deal):
        recent = deal.last_activity_on
        return (deal.stage in OPEN_STAGES, scores.get(deal.opportunity_id, 0.0),
                recent.toordinal() if recent else 0)  # fmt: skip

    return sorted(deals, key=key, reverse=True)


def distinguishing_scores(deals: list[Deal], words: list[str]) -> dict[str, float]:
    """How strongly the question points to each deal: words of its name (or, weaker, of its products)
    that the other candidates lack, its stage, its amount."""
    if not deals:
        return {}
    asked = {w for w in words if w not in FILLER}
    names = {d.opportunity_id: set(tokens(d.name)) for d in deals}
    products = {d.opportunity_id: d.product_words() for d in deals}
    common_names = set.intersection(*names.values()) if len(deals) > 1 else set()
    common_products = set.intersection(*products.values()) if len(deals) > 1 else set()
    wanted_stages, wanted_amounts = stages(words), amounts(words)
    scores: dict[str, float] = {}
    for deal in deals:
        id_ = deal.opportunity_id
        score = len((asked & names[id_]) - common_names) + 0.5 * len(
            (asked & products[id_]) - common_products
        )
        if deal.stage in wanted_stages:
            score += 1.0
        if deal.registered and any(w.startswith(("regist", "registr")) or w == "reg" for w in words):
            score += 1.0
        if deal.amount and any(abs(deal.amount - a) <= 0.06 * max(a, 1.0) for a in wanted_amounts):
            score += 2.0
        scores[id_] = float(score)
    return scores


def single_out(deals: list[Deal], words: list[str]) -> str | None:
    """One deal when the question singles it out (the only open one, or the only one its distinguishing
    words point to); None when the asker must choose."""
    if len(deals) == 1:
        return deals[0].opportunity_id
    open_ = [d for d in deals if d.stage in OPEN_STAGES] or deals
    if len(open_) == 1:
        return open_[0].opportunity_id
    scores = distinguishing_scores(open_, words)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
