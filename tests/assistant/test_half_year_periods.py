"""A half-year named in any of our languages ("H1", "im ersten Halbjahr", "premier semestre", "上半期") is its six
months for MDF, activity and win-rate figures (issue 17: "MDF spent in the first half?" was answered for the last
six complete months)."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.router import mdf_period

TODAY = dt.date(2027, 9, 14)


@pytest.mark.parametrize(("question", "period"), [
    ("MDF spent in H1?", "2027-01..2027-06"),
    ("Wie viel MDF haben wir im ersten Halbjahr ausgegeben?", "2027-01..2027-06"),
    ("MDF consommé au premier semestre ?", "2027-01..2027-06"),
    ("¿cuánto MDF gastamos en el segundo semestre de 2026?", "2026-07..2026-12"),
    ("quanto de MDF no primeiro semestre?", "2027-01..2027-06"),
    ("下半期のMDFは？", "2027-07..2027-12"),
    ("win rate in H2 2025?", "2025-07..2025-12"),
])  # fmt: skip
def test_a_half_year_is_its_six_months(question, period):
    assert mdf_period(question, TODAY.year, TODAY) == period


def test_a_second_half_not_yet_begun_is_last_years():
    assert mdf_period("MDF spent in the second half?", 2027, dt.date(2027, 4, 2)) == "2026-07..2026-12"
    assert mdf_period("MDF in Q3?", 2027, TODAY) == "2027-Q3"  # quarters as before
