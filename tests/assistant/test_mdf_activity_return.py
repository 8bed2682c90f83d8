"""An MDF activity named in a question (by its id in the vendor's own scheme, or by its name) gets that activity's
return: paid, won, open pipeline and the deals it brought, whenever it started; not the period's totals, and
for a partner seller only their own partner's activities."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.records_only import records_only
from tests.tools.programme_world import TODAY, write_world

WORLD = {
    "opportunities.csv": (
        "opportunity_id,account_id,name,stage,products,created_on,close_date,partner_id,partner_role,amount,"
        "mdf_activity_id\n"
        "O-1,A-2,Freight lakehouse,proposal,Lakehouse,2026-01-10,2026-06-30,P-2,sourced,50000,ACT-8\n"
        "O-2,A-3,Retail governance,closed_won,Governance,2025-06-01,2025-09-01,P-3,sourced,30000,\n"
        "O-3,A-1,Clinic governance,closed_won,Governance,2024-06-20,2024-09-15,P-1,sourced,120000,ACT-7\n"
    ),
    "mdf_activities.csv": (
        "activity_id,partner_id,name,kind,status,requested_amount,approved_amount,claimed_amount,paid_amount,"
        "currency,requested_on,start_on,end_on,kit_id,leads\n"
        "ACT-7,P-1,Hospital roadshow Bavaria,event,paid,9000,8000,8000,8000,USD,2024-05-01,2024-06-01,2024-06-05,,30\n"
        "ACT-8,P-2,Freight webinar,webinar,paid,3000,3000,3000,3000,USD,2026-01-10,2026-02-01,2026-02-01,,12\n"
    ),
}


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    folder = write_world(tmp_path_factory.mktemp("mdf-return-in"), WORLD)
    with records_only(tmp_path_factory.mktemp("mdf-return-home"), folder, TODAY) as context:
        yield context


def _ask(ctx, user, question):
    return ask(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize("question,shown,hidden", [
    ("what did ACT-7 bring in, won and pipeline?", ["ACT-7", "120,000", "O-3"], ["ACT-8"]),  # started 2024
    ("ROI of the Freight webinar?", ["ACT-8", "50,000"], ["ACT-7"]),
    ("Rendite der Hospital roadshow Bavaria?", ["ACT-7", "120,000", "15.0x"], ["ACT-8"]),
])
def test_a_named_activity_gets_its_own_return(ctx, question, shown, hidden):
    answer = _ask(ctx, "u-mkt", question)
    assert answer.tools[0].name == "mdf_roi", answer.answer
    assert all(s in answer.answer for s in shown), answer.answer
    assert not any(h in answer.answer for h in hidden), answer.answer


def test_a_partner_seller_gets_no_other_partners_activity(ctx):
    answer = _ask(ctx, "u-ps2", "ROI of the Hospital roadshow Bavaria?")
    assert "ACT-7" not in answer.answer and "120,000" not in answer.answer, answer.answer
    own = _ask(ctx, "u-ps2", "what pipeline did our Freight webinar bring?")
    assert "ACT-8" in own.answer and "50,000" in own.answer, own.answer
