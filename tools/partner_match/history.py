"""History as of a date: per partner, counters over the deals closed before it and open at it, advanced
through time event by event (so training never sees the future)."""
from __future__ import annotations

import bisect
import datetime as dt

import numpy as np

from tools.partner_match.matrix import GROUPS, PartnerMatrix
from tools.partner_match.records import DEFAULT_WIN_RATE, PRIOR_STRENGTH, AccountRec, DealRec, Ecosystem

# --- what was known as of a date -----------------------------------------------------------------


class HistoryState:
    """Counters over deals closed before `as_of` and deals open at it (group values x partners)."""

    def __init__(self, matrix: PartnerMatrix, accounts: dict[str, AccountRec]):
        n = len(matrix.ids)
        self.matrix, self.accounts = matrix, accounts
        self.as_of = dt.date.min
        sizes = {"industry": len(matrix.industries), "product": len(matrix.products),
                 "country": len(matrix.countries)}
        # value x partner (a deal reads whole rows: contiguous), per group
        self.wins = {g: np.zeros((max(sizes[g], 1), n)) for g in GROUPS}
        self.seen = {g: np.zeros((max(sizes[g], 1), n)) for g in GROUPS}
        # expected wins had every won deal gone to one of the partners eligible for it at random
        self.fair = {g: np.zeros((max(sizes[g], 1), n)) for g in GROUPS}
        self.tot_w, self.tot_n, self.load, self.tot_fair = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n)
        self.account_wins: dict[str, dict[int, int]] = {}
        self.global_w = self.global_n = 0

    def columns(self, deal: DealRec, account: AccountRec | None = None) -> dict[str, list[int]]:
        """The deal's column in each group (its account's industry and country, its products). `account`:
        the company when it is not one of ours (an inbound lead), else the deal's account is looked up."""
        account = account or self.accounts.get(deal.account_id)
        industry = self.matrix.industries.get((account.industry or "").casefold()) if account else None
        country = self.matrix.countries.get(account.country or "") if account else None
        return {"industry": [] if industry is None else [industry],
                "product": self.matrix.product_columns(deal.products),
                "country": [] if country is None else [country]}

    def apply_close(self, deal: DealRec, sign: int = 1, parts: tuple | None = None) -> None:
        """Count a closed deal (`sign` -1: take it out). `parts`: its `close_parts`, when already known."""
        i = self.matrix.index.get(deal.partner_id or "")
        if i is None:
            return
        columns, rows, share = parts or self.close_parts(deal)
        won = sign * int(deal.won)
        for group, cols in columns.items():
            self.wins[group][cols, i] += won
            self.seen[group][cols, i] += sign
        self.tot_w[i] += won
        self.tot_n[i] += sign
        self.global_w += won
        self.global_n += sign
        self.load[i] -= sign
        if deal.won:
            wins = self.account_wins.setdefault(deal.account_id, {})
            wins[i] = wins.get(i, 0) + sign
            for group, cols in columns.items():  # only the eligible partners change: O(eligible)
                for col in cols:
                    self.fair[group][col, rows] += sign * share
            self.tot_fair[rows] += sign * share

    def close_parts(self, deal: DealRec) -> tuple[dict[str, list[int]], np.ndarray | None, float]:
        """What counting a closed deal takes: (its column per group, the rows of the partners eligible for
        it when it was won, the fair share each of them gets: 1 / their number)."""
        if not deal.won:
            return self.columns(deal), None, 0.0
        share, columns = self.fair_share(deal)
        rows = np.flatnonzero(share).astype(np.int32)
        return columns, rows, float(share[rows[0]]) if len(rows) else 0.0

    def fair_share(self, deal: DealRec) -> tuple[np.ndarray, dict[str, list[int]]]:
        """Each partner's chance of a won deal under a random pick among those eligible for it."""
        account = self.accounts.get(deal.account_id)
        country = account.country if account else None
        eligible = self.matrix.eligible_for(deal.products, country, deal.opened())
        count = eligible.sum()
        return (eligible / count if count else eligible.astype(float)), self.columns(deal)

    def apply_open(self, deal: DealRec, sign: int = 1) -> None:
        i = self.matrix.index.get(deal.partner_id or "")
        if i is not None:
            self.load[i] += sign

    def counts(self, deal: DealRec) -> tuple[bool, bool]:
        """(is the deal open at as_of, is it closed before as_of) in this state's accounting."""
        opened = deal.opened() < self.as_of
        closed = deal.is_closed and deal.closed() < self.as_of
        return opened and not closed, opened and closed

    @property
    def base_rate(self) -> float:
        return (self.global_w + PRIOR_STRENGTH * DEFAULT_WIN_RATE) / (self.global_n + PRIOR_STRENGTH)


class Timeline:
    """The partner deals' open and close events in date order, and per closed deal what counting it takes
    (`HistoryState.close_parts`, computed the first time a sweep reaches it): built once per matrix and
    ecosystem and shared by every sweep over them (`Timeline.of`), since choosing a ranker replays the
    history a dozen times (every backtest window's candidate fits and scoring)."""

    def __init__(self, matrix: PartnerMatrix, eco: Ecosystem):
        self.matrix, self.eco = matrix, eco
        events = []
        for deal in eco.deals:
            if deal.partner_id and deal.partner_id in matrix.index:
                events.append((deal.opened(), 0, deal))
                if deal.is_closed:
                    events.append((deal.closed(), 1, deal))
        events.sort(key=lambda e: (e[0], e[1]))
        self.events = events
        self.parts: list[tuple | None] = [None] * len(events)
        closes = [(day, deal.won) for day, kind, deal in events if kind]
        self._close_days = [day for day, _ in closes]
        self._wins_before = np.concatenate([[0], np.cumsum([won for _, won in closes], dtype=np.int64)])

    @classmethod
    def of(cls, matrix: PartnerMatrix, eco: Ecosystem) -> Timeline:
        """The matrix's timeline of `eco` (kept on the matrix: one ecosystem per matrix in practice)."""
        found = getattr(matrix, "_timeline", None)
        if found is None or found.eco is not eco:
            found = cls(matrix, eco)
            matrix._timeline = found
        return found

    def base_rate(self, as_of: dt.date) -> float:
        """`history_as_of(...).base_rate` without the replay: the partner deals closed before `as_of`."""
        closed = bisect.bisect_left(self._close_days, as_of)
        return (int(self._wins_before[closed]) + PRIOR_STRENGTH * DEFAULT_WIN_RATE) / (closed + PRIOR_STRENGTH)


class HistorySweep:
    """Moves a `HistoryState` forward in time; `advance(t)` applies every event dated before t."""

    def __init__(self, matrix: PartnerMatrix, eco: Ecosystem):
        self.state = HistoryState(matrix, eco.accounts)
        self._timeline = Timeline.of(matrix, eco)
        self._next = 0

    def advance(self, as_of: dt.date) -> HistoryState:
        if as_of < self.state.as_of:
            raise ValueError("a history sweep only moves forward")
        events, parts, state = self._timeline.events, self._timeline.parts, self.state
        while self._next < len(events) and events[self._next][0] < as_of:
            _, kind, deal = events[self._next]
            if kind:
                if parts[self._next] is None:
                    parts[self._next] = state.close_parts(deal)
                state.apply_close(deal, parts=parts[self._next])
            else:
                state.apply_open(deal)
            self._next += 1
        state.as_of = as_of
        return state


def history_as_of(matrix: PartnerMatrix, eco: Ecosystem, as_of: dt.date) -> HistoryState:
    return HistorySweep(matrix, eco).advance(as_of)


def base_rate_as_of(matrix: PartnerMatrix, eco: Ecosystem, as_of: dt.date) -> float:
    """The vendor's partner-deal win rate as of a date (`HistoryState.base_rate`), without a replay."""
    return Timeline.of(matrix, eco).base_rate(as_of)
