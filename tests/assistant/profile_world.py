"""The small assistant world (tests/assistant/world.py) with what a partner's own standing needs:
monthly activity with MDF, certified staff, a channel manager, a registered deal with protection left,
a deal registered by another partner on an account ours also works, and user locales."""

from __future__ import annotations

import datetime as dt

from retrieval import records as R
from tests.assistant import world


def build(home):
    ctx = world.build_world(home)
    with ctx.store.session() as s:
        alpine = s.get(R.Partner, "P-001")
        alpine.certified_staff = {"Lakehouse": 3, "Governance": 1}
        alpine.channel_manager = "u-cm"
        s.get(R.Opportunity, "OPP-004").created_on = dt.date(2026, 1, 15)  # 90 days: 2026-04-15, 45 left
        s.get(R.Opportunity, "OPP-001").created_on = dt.date(2025, 10, 1)
        # Thames registered a deal at Acme, where Alpine works the renewal: a conflict for Alpine
        s.add(R.Opportunity(opportunity_id="OPP-007", account_id="A-001", name="Acme Corporation - Governance",
                            stage="qualification", registered_by="P-002", created_on=dt.date(2026, 2, 1)))
        for month, allocated, spent in (("2025-09", 5000, 4000), ("2025-10", 5000, 1000),
                                        ("2025-11", 5000, 0), ("2025-12", 5000, 2500),
                                        ("2026-01", 5000, 500), ("2026-02", 5000, 0)):
            s.add(R.PartnerActivity(partner_id="P-001", month=month, mdf_allocated=allocated, mdf_spent=spent,
                                    portal_logins=10, deals_registered=1))
        s.get(R.User, "u-ps1").locale = "de"
        s.get(R.User, "u-ps2").locale = "en"
    return ctx
