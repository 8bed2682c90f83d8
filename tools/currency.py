"""Money in the vendor's reporting currency (vendor.yaml `reporting_currency`, default USD) with its
`fx_rates` (units of the reporting currency per unit of a deal's currency). One reading for every tool: MDF
budgets and returns, attribution, partner figures; a deal in a currency without a rate is not converted."""
from __future__ import annotations

from dataclasses import dataclass


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
