"""LLM rewrite and translation of drafts, through the real `openai` client against a tiny local server
that speaks the chat-completions protocol: kept when every check passes, else reported and the kit's
text kept."""
from __future__ import annotations

import json

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from prompts import load_prompt
from retrieval import records as R
from retrieval.scope import Scope
from tests.fakes.openai_server import FakeOpenAI, error, text
from tools.content_drafts.service import draft_content

ADMIN = Scope("u-admin", "admin")
DISCLAIMER = "Northwind Data and the Northwind Data logo are trademarks of Northwind Data Inc."
KIT = {
    "kit_id": "lakehouse", "name": "Lakehouse modernisation", "products": ["Lakehouse"],
    "industries": ["Financial Services"], "objective": "Book architecture reviews", "audience": "Heads of data",
    "key_messages": ["Reporting in minutes"], "lead_form_url": "https://forms.example.com/leads",
    "proof_points": ["A European bank cut its month-end close from 6 days to 2"],
    "call_to_action": "Book a 30-minute Lakehouse review",
    "locales": {"en": {
        "email_subject": "{partner} and {vendor}: modernise your data platform",
        "email_body": "Hi {first_name},\n\n{partner} and {vendor} help {account} get reporting in minutes with "
                      "Lakehouse.\n\n{call_to_action}.\n\nBest regards,\nThe {partner} team",
        "social_post": "{partner} + {vendor}: reporting in minutes with Lakehouse. {call_to_action}.",
        "landing_intro": "{partner} and {vendor} help {account} modernise reporting with Lakehouse.",
        "disclaimer": "{vendor} and the {vendor} logo are trademarks of {vendor} Inc.",
    }},
}


class DraftLLM(FakeOpenAI):
    """The shared fake LLM, answered the way the draft rewrite expects: a JSON object in a fenced block."""

    def answer(self, fields: dict | str, status: int = 200, delay: float = 0.0) -> None:
        content = fields if isinstance(fields, str) else "```json\n" + json.dumps(fields, ensure_ascii=False) + "\n```"
        self.delay_s = delay  # one request a test: the delay is this answer's
        self.enqueue(text(content) if status == 200 else error(status, content))


@pytest.fixture()
def llm():
    with DraftLLM() as fake:
        yield fake


@pytest.fixture()
def ctx(tmp_path, llm):
    settings = Settings(home=tmp_path / "home", llm_base_url=llm.base_url, llm_model="tiny-test",
                        llm_api_key="x", llm_timeout_s=0.5, llm_max_retries=0)
    ctx = AppContext(settings)
    with ctx.store.session() as s:
        s.add_all([
            R.Partner(partner_id="P-1", name="Contoso Consulting GmbH", brand_name="Contoso", type="var",
                      tier="gold", contact_email="hello@contoso.example"),
            R.Partner(partner_id="P-2", name="Fabrikam Ltd", type="var", tier="gold"),
            R.Account(account_id="A-1", name="Acme Bank", industry="Financial Services", status="prospect"),
            R.CampaignKitRow(kit_id="lakehouse", name="Lakehouse", source="campaigns/l.yaml", data=KIT),
        ])
    ctx.store.set_meta("vendor", {"name": "Northwind Data", "website": "northwind.example", "default_locale": "en"})
    yield ctx
    ctx.close()


def kit_text(ctx, channel="email", locale="en"):
    return draft_content(ctx, ADMIN, "P-1", "lakehouse", locale, channel, account_id="A-1", save=False, use_llm=False)


def by_name(checks):
    return {c.name: c for c in checks}


REWRITE = {
    "subject": "Acme Bank: month-end in 2 days with Contoso and Northwind Data",
    "body": "Hi there,\n\nContoso and Northwind Data help Acme Bank close the books faster with Lakehouse: "
            "a European bank went from 6 days to 2.\n\nBook a 30-minute Lakehouse review.\n\nBest regards,\n"
            "The Contoso team",
    "disclaimer": DISCLAIMER,
}


def test_a_rewrite_that_passes_is_kept(ctx, llm):
    llm.answer(REWRITE)
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-1")
    assert draft.text_source == "llm_rewrite" and draft.passed
    assert draft.subject == REWRITE["subject"]
    assert draft.body == REWRITE["body"] + "\n\n" + DISCLAIMER
    checks = by_name(draft.checks)
    assert checks["llm_rewrite"].passed and checks["llm_rewrite"].detail == "kept the LLM's text"
    assert checks["glossary_kept"].passed and checks["disclaimer_present"].passed
    request = llm.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["model"] == "tiny-test"
    system, user = (m["content"] for m in request["body"]["messages"])
    assert '"Lakehouse"' in system and '"Contoso"' in system and '"Acme Bank"' in system  # the glossary
    assert "Heads of data" in system and "Fabrikam" not in system + user  # no other partner is ever sent
    assert json.loads(user)["disclaimer"] == DISCLAIMER


def test_a_rewrite_that_drops_the_disclaimer_is_reported_and_the_kit_text_kept(ctx, llm):
    llm.answer({"subject": REWRITE["subject"], "body": REWRITE["body"]})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-1")
    kit = kit_text(ctx)
    assert draft.text_source == "kit" and (draft.subject, draft.body) == (kit.subject, kit.body)
    rewrite = by_name(draft.checks)["llm_rewrite"]
    assert not rewrite.passed and "disclaimer_present" in rewrite.detail and rewrite.detail.endswith("kept the kit's text")
    assert not by_name(draft.llm_checks)["disclaimer_present"].passed
    assert draft.passed is False  # never silently: the failed rewrite shows in the draft's checks


def test_a_rewrite_naming_another_partner_is_refused(ctx, llm):
    llm.answer({**REWRITE, "body": REWRITE["body"] + "\n\nAsk Fabrikam for references."})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-1")
    assert draft.text_source == "kit"
    assert "names another partner: Fabrikam Ltd" in by_name(draft.checks)["llm_rewrite"].detail


@pytest.mark.parametrize("status, delay, detail", [
    (500, 0.0, "the LLM endpoint answered HTTP 500; kept the kit's text"),
    (200, 1.5, "the LLM did not answer within 0.5s; kept the kit's text"),
])
def test_an_llm_error_or_timeout_falls_back_to_the_kit_text(ctx, llm, status, delay, detail):
    llm.answer(REWRITE, status=status, delay=delay)
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "social")
    assert draft.text_source == "kit" and draft.body == kit_text(ctx, "social").body
    assert by_name(draft.checks)["llm_rewrite"].model_dump() == {"name": "llm_rewrite", "passed": False, "detail": detail}


def test_an_answer_that_is_not_json_falls_back(ctx, llm):
    llm.answer("Sure! Here is a better version of your email.")
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "social")
    assert by_name(draft.checks)["llm_rewrite"].detail == "the LLM's answer is not a JSON object; kept the kit's text"


SPANISH = {
    "subject": "Contoso y Northwind Data: modernice su plataforma de datos",
    "body": "Hola:\n\nContoso y Northwind Data ayudan a Acme Bank a obtener sus informes en minutos con Lakehouse, "
            "en lugar de esperar varios días.\n\nUn banco europeo redujo su cierre mensual de 6 días a 2.\n\n"
            "Reserve una revisión de Lakehouse de 30 minutos.\n\nSaludos cordiales,\nEl equipo de Contoso",
    "disclaimer": "Northwind Data y el logotipo de Northwind Data son marcas comerciales de Northwind Data Inc.",
}


def test_a_locale_the_kit_lacks_is_translated_with_the_glossary(ctx, llm):
    llm.answer(SPANISH)
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "es-MX", "email", account_id="A-1")
    assert draft.text_source == "llm_translation" and draft.passed, draft.checks
    assert (draft.locale, draft.resolved_locale) == ("es-MX", "es-MX")
    assert draft.body.endswith(SPANISH["disclaimer"])
    checks = by_name(draft.checks)
    assert checks["locale_resolved"].detail == "es-MX not in kit; translated from en"
    assert checks["language"].passed and checks["glossary_kept"].passed and checks["llm_translation"].passed
    system = llm.requests[0]["body"]["messages"][0]["content"]
    assert "from English (en) into Spanish (es-MX)" in system and '"Lakehouse"' in system
    saved = ctx.store.count(R.DraftRow)
    assert saved == 1


def test_a_translation_that_translates_a_product_name_is_refused(ctx, llm):
    llm.answer({k: v.replace("Lakehouse", "Casa del Lago") for k, v in SPANISH.items()})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "es", "email", account_id="A-1")
    assert draft.text_source == "kit" and draft.resolved_locale == "en"
    checks = by_name(draft.checks)
    assert not checks["locale_resolved"].passed  # the English fallback is not what was asked for
    assert "glossary_kept: changed or dropped: Lakehouse" in checks["llm_translation"].detail


def test_a_translation_in_the_wrong_language_is_refused(ctx, llm):
    llm.answer(REWRITE)  # English again
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "es", "email", account_id="A-1")
    assert draft.text_source == "kit"
    assert "language: text looks like en" in by_name(draft.checks)["llm_translation"].detail


def test_a_translation_dropping_the_disclaimer_is_refused(ctx, llm):
    llm.answer({k: v for k, v in SPANISH.items() if k != "disclaimer"})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "es", "email", account_id="A-1")
    assert draft.text_source == "kit" and "disclaimer_present" in by_name(draft.checks)["llm_translation"].detail


def test_a_landing_rewrite_is_rendered_and_escaped_by_us(ctx, llm):
    llm.answer({"body": "Contoso and Northwind Data help <b onclick=x>Acme Bank</b> with Lakehouse.",
                "call_to_action": "Book a 30-minute Lakehouse review",
                "subject": "Contoso and Northwind Data: modernise your data platform",
                "key_messages": "Reporting in minutes",
                "proof_points": "A European bank cut its month-end close from 6 days to 2.",
                "disclaimer": DISCLAIMER})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "landing", account_id="A-1")
    assert draft.text_source == "llm_rewrite", [c for c in draft.checks + draft.llm_checks if not c.passed]
    assert "&lt;b onclick=x&gt;Acme Bank&lt;/b&gt;" in draft.html and by_name(draft.checks)["html_safe"].passed


def test_no_llm_call_without_a_base_url_or_when_disabled(ctx, llm):
    draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", use_llm=False)
    plain = AppContext(Settings(home=ctx.settings.home))
    try:
        assert draft_content(plain, ADMIN, "P-1", "lakehouse", "en", "email").text_source == "kit"
    finally:
        plain.close()
    assert llm.requests == []


def test_prompts_load_by_name():
    assert "{{glossary}}" in load_prompt("draft_rewrite") and "{{glossary}}" in load_prompt("draft_translate")
    with pytest.raises(ValueError):
        load_prompt("../secrets")
    with pytest.raises(FileNotFoundError):
        load_prompt("no_such_prompt")


def test_the_llms_hard_wraps_are_reflowed_before_the_checks(ctx, llm):
    llm.answer({"subject": "Contoso and Northwind Data: modernise your data platform",
                "body": "Hi there,\n\nContoso and Northwind Data help Acme Bank get reporting in minutes with\n"
                        "Lakehouse instead of waiting a whole day for the nightly batch to finish.\n\n"
                        "Best regards,\nThe Contoso team",
                "disclaimer": DISCLAIMER})
    draft = draft_content(ctx, ADMIN, "P-1", "lakehouse", "en", "email", account_id="A-1")
    assert draft.text_source == "llm_rewrite", [c for c in draft.checks + draft.llm_checks if not c.passed]
    assert "minutes with Lakehouse instead" in draft.body and "Best regards,\nThe Contoso team" in draft.body
