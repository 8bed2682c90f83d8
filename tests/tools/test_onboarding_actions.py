"""Onboarding steps overdue or due soon, as next best actions for the partner and in the channel manager's
digest; the plan's evidence in the reader's language. On the generated partners with planted progress of
`tests.tools.onboarding_world`: what is due follows from the planted status and due dates alone."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope
from tests.tools.onboarding_world import EXPECTED_OFFSETS, TODAY, write
from tools.analytics.service import digest
from tools.locales import CATALOGUE_LANGS
from tools.next_best_action.service import next_best_actions
from tools.onboarding.phrases import PHRASES, language_for
from tools.onboarding.service import DUE_SOON_DAYS, onboarding_plan, steps_to_act_on

CM = Scope(user_id="u-cm", role="channel_manager")
HORIZON = max(EXPECTED_OFFSETS.values())


def no_content(query, kinds, products):
    return []


def no_nba_content(query, k, **filters):
    return ()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("onboarding-actions")
    folder, truth = write(root / "import")
    ctx = AppContext(Settings(home=root / "home", today=TODAY.isoformat()))
    assert not ingest_folder(ctx, folder).rejected
    yield ctx, truth
    ctx.close()


def expected_due(planted) -> set[tuple[str, str | None]]:
    """The planted steps overdue, or open and due within two weeks, of a partner still in its plan."""
    if (TODAY - planted.joined_on).days > HORIZON:
        return set()
    out = set()
    for (kind, subject) in planted.expected:
        due = planted.joined_on + dt.timedelta(days=EXPECTED_OFFSETS[kind])
        status = planted.status(kind, subject)
        if status == "overdue" or (status == "open" and (due - TODAY).days <= DUE_SOON_DAYS):
            out.add((kind, subject))
    return out


def test_steps_to_act_on_are_the_overdue_and_due_soon_ones(world):
    ctx, truth = world
    kinds_seen = {"overdue": 0, "due soon": 0, "past the plan": 0}
    for planted in truth:
        found = steps_to_act_on(ctx, CM, planted.partner_id)
        assert {(s.step.kind, s.step.subject) for s in found} == expected_due(planted), planted.partner_id
        assert [s.days_left for s in found] == sorted(s.days_left for s in found)  # most overdue first
        for s in found:
            assert s.days_left == (s.step.due_on - TODAY).days
            kinds_seen["overdue" if s.step.status == "overdue" else "due soon"] += 1
        kinds_seen["past the plan"] += (TODAY - planted.joined_on).days > HORIZON
    assert min(kinds_seen.values()) >= 1, kinds_seen  # the world exercises each case


def test_next_best_actions_carry_the_partners_onboarding_steps(world):
    ctx, truth = world
    checked = 0
    for planted in truth:
        due = expected_due(planted)
        actions = next_best_actions(ctx, CM, partner_id=planted.partner_id, content_lookup=no_nba_content).actions
        onboarding = [a for a in actions if a.kind in ("onboarding_overdue", "onboarding_due")]
        slow_first_deal = any(a.kind == "slow_first_deal" for a in actions)
        expected = {k for k in due if not (slow_first_deal and k[0] in ("first_registration", "first_win"))}
        assert len(onboarding) == len(expected), (planted.partner_id, [a.title for a in onboarding], expected)
        for a in onboarding:
            assert a.subject_id == planted.partner_id and a.evidence and a.impact > 0
            assert planted.joined_on.isoformat() in a.evidence[-1]  # where the due date comes from
        checked += bool(onboarding)
    assert checked >= 5


def test_a_partner_seller_gets_their_own_steps_only(world):
    ctx, truth = world
    planted = next(p for p in truth if expected_due(p))
    own = Scope(user_id="u-ps", role="partner_seller", partner_id=planted.partner_id)
    assert {(s.step.kind, s.step.subject) for s in steps_to_act_on(ctx, own, planted.partner_id)} == \
        expected_due(planted)
    other = next(p for p in truth if p.partner_id != planted.partner_id)
    with pytest.raises(Exception, match="may not"):
        steps_to_act_on(ctx, own, other.partner_id)


def test_the_digest_lists_the_steps_of_the_channel_managers_partners(world):
    ctx, truth = world
    data = digest(ctx, CM, "u-cm")  # no partner names a channel manager: every partner is theirs
    got = {(o["partner_id"], o["kind"], o["step"]) for o in data["onboarding"]}
    expected = {(p.partner_id, k) for p in truth for k in expected_due(p)}
    assert {(pid, kind) for pid, kind, _ in got} == {(pid, kind) for pid, (kind, _) in expected}
    assert len(data["onboarding"]) == len(expected)
    assert [o["days_left"] for o in data["onboarding"]] == sorted(o["days_left"] for o in data["onboarding"])
    section = next(b for b in data["blocks"] if "Onboarding steps" in b.get("text", {}).get("text", ""))
    first = data["onboarding"][0]
    assert first["partner_id"] in section["text"]["text"] and first["when"] in section["text"]["text"]


VALUES = re.compile(r"\b(?:[A-Z]+-\d+|\d{4}-\d{2}(?:-\d{2})?|\d+(?:[.,]\d+)*)\b")


@pytest.mark.parametrize("locale", ["de", "fr-CA", "es", "pt-BR", "ja"])
def test_evidence_in_the_readers_language_with_the_same_facts(world, locale):
    ctx, truth = world
    lang = language_for(locale)
    changed = 0
    for planted in truth[:12]:
        english = onboarding_plan(ctx, CM, planted.partner_id, content_lookup=no_content)
        local = onboarding_plan(ctx, CM, planted.partner_id, content_lookup=no_content, locale=locale)
        for en_step, step in zip(english.steps, local.steps, strict=True):
            assert (step.kind, step.status, step.due_on) == (en_step.kind, en_step.status, en_step.due_on)
            for en_line, line in zip(en_step.evidence, step.evidence, strict=True):
                assert sorted(VALUES.findall(line)) == sorted(VALUES.findall(en_line)), (en_line, line)
                changed += line != en_line
    assert changed > 20
    reader = Scope(user_id="u-x", role="channel_manager", locale=locale)  # users.csv locale, none asked
    plan = onboarding_plan(ctx, reader, truth[0].partner_id, content_lookup=no_content)
    assert plan.steps[0].evidence == onboarding_plan(ctx, CM, truth[0].partner_id, content_lookup=no_content,
                                                     locale=lang).steps[0].evidence


def test_every_phrase_exists_in_every_language_with_the_same_placeholders():
    for key, texts in PHRASES.items():
        assert len(texts) == len(CATALOGUE_LANGS), key
        fields = {tuple(sorted(re.findall(r"\{(\w+)\}", t))) for t in texts}
        assert len(fields) == 1, (key, fields)
    assert language_for("xx-YY") == "en" and language_for("not a tag!") == "en" and language_for("de-AT") == "de"


def test_a_partner_past_its_plan_is_answered_without_building_the_plan(world, monkeypatch):
    """Most partners finished onboarding long ago: their (empty) steps come from the partner's joining date
    alone, not from their whole plan (standing, registrations, activity: ~3 ms per first answer, issue 22);
    those still in their plan, and the permission errors, are as before."""
    import tools.onboarding.service as onboarding

    ctx, truth = world
    built = []
    real = onboarding.onboarding_plan
    monkeypatch.setattr(onboarding, "onboarding_plan", lambda *a, **k: built.append(a[2]) or real(*a, **k))
    past = [p for p in truth if (TODAY - p.joined_on).days > HORIZON]
    within = [p for p in truth if (TODAY - p.joined_on).days <= HORIZON]
    assert past and within
    for planted in past:
        assert steps_to_act_on(ctx, CM, planted.partner_id) == []
    assert built == []
    for planted in within:
        found = steps_to_act_on(ctx, CM, planted.partner_id)
        assert {(s.step.kind, s.step.subject) for s in found} == expected_due(planted)
    assert built == [p.partner_id for p in within]
    own = Scope(user_id="u-ps", role="partner_seller", partner_id=within[0].partner_id)
    with pytest.raises(Exception, match="may not"):
        steps_to_act_on(ctx, own, past[0].partner_id)
    with pytest.raises(Exception, match="may not"):
        steps_to_act_on(ctx, Scope(user_id="u-m", role="marketer"), past[0].partner_id)
