"""Money in the vendor's reporting currency (vendor.yaml `reporting_currency`, default USD) with its
`fx_rates` (units of the reporting currency per unit of a deal's currency). One reading for every tool: MDF
budgets and returns, attribution, partner figures, tier standing, the portfolio, the records overview; a deal
in a currency without a rate is not converted: its amount is left out of every sum across deals (as if it had
none), and the answer names its currency (`Converter.unconverted`). A single deal's own amount stays in its own
currency."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, null, select

from retrieval.records import Opportunity
from retrieval.scope import Scope


def reporting_currency(vendor: dict) -> str:
    """vendor.yaml `reporting_currency`, upper case; USD when the vendor names none (DATA.md)."""
    return str(vendor.get("reporting_currency") or "USD").upper()


@dataclass(frozen=True)
class Converter:
    currency: str
    rates: dict[str, float]

    @classmethod
    def from_vendor(cls, vendor: dict) -> Converter:
        rates = {}
        for code, rate in (vendor.get("fx_rates") or {}).items():
            try:
                if float(rate) > 0:
                    rates[str(code).upper()] = float(rate)
            except (TypeError, ValueError):
                continue
        return cls(reporting_currency(vendor), rates)

    def convert(self, amount: float | None, currency: str | None) -> float | None:
        """The amount in the reporting currency; None when its currency has no rate."""
        code = (currency or "USD").upper()
        if code == self.currency:
            return float(amount or 0.0)
        rate = self.rates.get(code)
        return None if rate is None else float(amount or 0.0) * rate

    def value(self, amount: float | None, currency: str | None) -> float:
        """What a deal adds to a sum in the reporting currency: 0 without an amount or without a rate for its
        currency (left out, as `convert` gives None; `unconverted` names the currencies left out)."""
        if amount is None:
            return 0.0
        if currency == self.currency:  # the common case first: a million deals are summed at times
            return float(amount)
        return self.convert(amount, currency) or 0.0

    def can_convert(self, currency: str | None) -> bool:
        return (currency or "USD").upper() == self.currency or (currency or "USD").upper() in self.rates

    def unconverted(self, currencies) -> list[str]:
        """The currencies of `currencies` without a rate (their amounts are left out of every sum), sorted."""
        return sorted({(c or "USD").upper() for c in currencies} - {self.currency} - set(self.rates))

    def total(self, deals) -> float:
        """The sum of the deals' `amount` in the reporting currency (each deal's `currency`; without a rate:
        left out)."""
        return sum(self.value(d.amount, d.currency) for d in deals)

    def sql_amount(self, amount, currency, currencies: set[str] | None = None):
        """`value` in SQL: CASE on the deal's currency column, amount x its rate, NULL (nothing added to a SUM)
        without a rate. `currencies`: the currencies on record (`deal_currencies`); when all are the reporting
        currency the amount column itself (no CASE: the covering indexes of the portfolio scan keep serving it).
        Currencies are stored upper case (connectors.fields.check_currency)."""
        if currencies is not None and currencies <= {self.currency}:
            return amount
        whens = {self.currency: amount}
        for code, rate in self.rates.items():
            if code != self.currency and (currencies is None or code in currencies):
                whens[code] = amount * rate
        return case(whens, value=currency, else_=null())


def deal_currencies(ctx) -> frozenset[str]:
    """The distinct currencies of the deals on record (upper case), read once per records version."""
    def read() -> frozenset[str]:
        with ctx.records(Scope.system()) as rec:
            return frozenset(str(c or "USD").upper()
                             for c in rec.session.scalars(select(Opportunity.currency).distinct()))
    return ctx.cached("deal_currencies", read)
