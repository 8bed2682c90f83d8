""""How many hours do I have to accept a lead?" in our languages is the programme's acceptance window (vendor.yaml
`lead_accept_hours`), not the list of leads (issue 17). On the second ecosystem, with its own window."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    ctx = build_other_world(tmp_path_factory.mktemp("leadhours") / "home")
    ctx.store.set_meta("vendor", {"name": "Helios Security", "default_locale": "en", "lead_accept_hours": 36})
    yield ctx
    ctx.close()


@pytest.mark.parametrize(("user", "question", "said"), [
    ("h-ps-byte", "Wie lange haben wir Zeit, einen Lead anzunehmen?", "36 Stunden"),
    ("h-ps-byte", "how many hours do we have to accept a lead?", "36 hours"),
    ("h-cm", "¿Cuántas horas tiene un socio para aceptar un lead?", "36 horas"),
    ("h-ps-koyo", "リードの受け入れ期限は何時間？", "36 時間"),
])  # fmt: skip
def test_the_acceptance_window_is_the_vendors(ctx, user, question, said):
    r = ask(ctx, scope_for_user(ctx.store, user), question)
    assert said in r.answer, r.answer


def test_the_leads_waiting_are_still_listed(ctx):
    r = ask(ctx, scope_for_user(ctx.store, "h-cm"), "which leads are waiting to be accepted?")
    assert "36" not in r.answer.split("\n")[0] or "hours" not in r.answer.split("\n")[0], r.answer
