"""Currency conversion into vendor.yaml `reporting_currency` with its `fx_rates` (units of the reporting
currency per unit of the deal's currency). A deal in a currency without a rate is not converted."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Converter:
    currency: str
    rates: dict[str, float]

    @classmethod
    def from_vendor(cls, vendor: dict) -> Converter:
        currency = str(vendor.get("reporting_currency") or "USD").upper()
        rates = {}
        for code, rate in (vendor.get("fx_rates") or {}).items():
            try:
                if float(rate) > 0:
                    rates[str(code).upper()] = float(rate)
            except (TypeError, ValueError):
                continue
        return cls(currency, rates)

    def convert(self, amount: float | None, currency: str | None) -> float | None:
        """The amount in the reporting currency; None when its currency has no rate."""
        code = (currency or "USD").upper()
        if code == self.currency:
            return float(amount or 0.0)
        rate = self.rates.get(code)
        return None if rate is None else float(amount or 0.0) * rate
