"""History as of a date: per partner, counters over the deals closed before it and open at it, advanced
through time event by event (so training never sees the future)."""
from __future__ import annotations

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

    def apply_close(self, deal: DealRec, sign: int = 1) -> None:
        i = self.matrix.index.get(deal.partner_id or "")
        if i is None:
            return
        won = sign * int(deal.won)
        for group, cols in self.columns(deal).items():
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
            share, columns = self.fair_share(deal)
            rows = np.flatnonzero(share)  # only the eligible partners change: O(eligible), not O(partners)
            for group, cols in columns.items():
                for col in cols:
                    self.fair[group][col, rows] += sign * share[rows]
            self.tot_fair[rows] += sign * share[rows]

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


class HistorySweep:
    """Moves a `HistoryState` forward in time; `advance(t)` applies every event dated before t."""

    def __init__(self, matrix: PartnerMatrix, eco: Ecosystem):
        self.state = HistoryState(matrix, eco.accounts)
        events = []
        for deal in eco.deals:
            if deal.partner_id and deal.partner_id in matrix.index:
                events.append((deal.opened(), 0, deal))
                if deal.is_closed:
                    events.append((deal.closed(), 1, deal))
        events.sort(key=lambda e: (e[0], e[1]))
        self._events, self._next = events, 0

    def advance(self, as_of: dt.date) -> HistoryState:
        if as_of < self.state.as_of:
            raise ValueError("a history sweep only moves forward")
        while self._next < len(self._events) and self._events[self._next][0] < as_of:
            _, kind, deal = self._events[self._next]
            (self.state.apply_close if kind else self.state.apply_open)(deal)
            self._next += 1
        self.state.as_of = as_of
        return self.state


def history_as_of(matrix: PartnerMatrix, eco: Ecosystem, as_of: dt.date) -> HistoryState:
    return HistorySweep(matrix, eco).advance(as_of)
