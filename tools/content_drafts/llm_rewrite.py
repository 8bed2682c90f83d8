"""LLM rewrite and translation of a filled campaign draft, through any OpenAI-compatible endpoint.

The LLM only ever sees the draft's text fields and returns them as JSON; the caller (content_drafts)
renders the channel (HTML included) itself and runs every check again on what comes back, so a bad
answer is reported and the kit's text kept. Any failure here is an `LlmFailure` with a short reason.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from pydantic import BaseModel, ValidationError

from assistant.core.config import Settings
from assistant.core.llm import LLMUnavailable, chat_model
from prompts import load_prompt
from tools.content_drafts.checks import PLACEHOLDER, Check, check_glossary
from tools.locales import language_name


class LlmFailure(Exception):
    """The LLM could not give a usable answer (timeout, HTTP error, not the JSON asked for)."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class DraftText(BaseModel):
    """The parts of a draft an LLM may change. None means the channel does not use that part."""

    subject: str | None = None
    body: str
    disclaimer: str | None = None
    call_to_action: str | None = None
    proof_point: str | None = None
    key_messages: str | None = None  # landing: one per line
    proof_points: str | None = None  # landing: one per line

    def as_prompt_fields(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v is not None}

    def joined(self) -> str:
        return "\n".join(self.as_prompt_fields().values())


class DraftBrief(BaseModel):
    """What the LLM is told about the draft's purpose (no other partner, no record beyond the account)."""

    partner: str
    vendor: str
    channel: str
    locale: str  # the target locale
    audience: str = ""
    objective: str = ""
    account: str = ""
    industry: str = ""
    glossary: list[str] = []


def build_glossary(terms: Iterable[str | None], *texts: str) -> list[str]:
    """Terms that must stay as written: the given names plus any `{placeholder}` in the texts."""
    seen: dict[str, None] = {}
    for term in list(terms) + [p for t in texts for p in PLACEHOLDER.findall(t or "")]:
        term = (term or "").strip()
        if term and term.casefold() not in {s.casefold() for s in seen}:
            seen[term] = None
    return list(seen)


def _render(template: str, values: dict[str, str]) -> str:
    # `{{name}}` markers, so the `{placeholder}` syntax of kits can appear in a prompt untouched
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), template)


def _system_prompt(name: str, text: DraftText, brief: DraftBrief, source_locale: str | None) -> str:
    values = {
        **{k: str(v) for k, v in brief.model_dump().items() if k != "glossary"},
        "account": brief.account or "not named (write for any company in the audience)",
        "industry": brief.industry or "not specified",
        "glossary": ", ".join(f'"{t}"' for t in brief.glossary) or "(none)",
        "language": language_name(brief.locale),
        "source_language": language_name(source_locale or brief.locale),
        "source_locale": source_locale or brief.locale,
        "keys": json.dumps(dict.fromkeys(text.as_prompt_fields(), "..."), ensure_ascii=False),
        "subject_rule": "\n6. Keep the subject under 90 characters." if text.subject is not None else "",
    }
    return _render(load_prompt(name), values)


def rewrite_draft(settings: Settings, text: DraftText, brief: DraftBrief) -> DraftText:
    """The draft rewritten for the audience and account, in the same language."""
    system = _system_prompt("draft_rewrite", text, brief, None)
    return _ask(settings, system, text)


def translate_draft(settings: Settings, text: DraftText, brief: DraftBrief, source_locale: str) -> DraftText:
    """The draft translated from `source_locale` into `brief.locale`, glossary terms kept as written."""
    system = _system_prompt("draft_translate", text, brief, source_locale)
    return _ask(settings, system, text)


class LlmVerdict(BaseModel):
    kept: DraftText | None  # the LLM's text when it passed every check, else None (keep the kit's)
    check: Check  # llm_rewrite / llm_translation: what happened, in words
    checks: list[Check]  # the checks of the LLM's text (empty when the LLM gave nothing)


def improve_draft(settings: Settings, text: DraftText, brief: DraftBrief, source_locale: str, translate: bool,
                  run_checks: Callable[[DraftText], list[Check]]) -> LlmVerdict:
    """Ask the LLM, then run every draft check again (plus `glossary_kept`) on its answer.

    Nothing is ever silently kept: a failing answer comes back as a failed check naming each failure."""
    name = "llm_translation" if translate else "llm_rewrite"
    try:
        if translate:
            out = translate_draft(settings, text, brief, source_locale)
        else:
            out = rewrite_draft(settings, text, brief)
    except LlmFailure as exc:
        failure = Check(name=name, passed=False, detail=f"{exc.detail}; kept the kit's text")
        return LlmVerdict(kept=None, check=failure, checks=[])
    checks = run_checks(out) + [check_glossary(text.joined(), out.joined(), brief.glossary)]
    failed = [c for c in checks if not c.passed]
    if failed:
        why = "; ".join(f"{c.name}: {c.detail}" for c in failed)
        failure = Check(name=name, passed=False, detail=f"the LLM's text failed {why}; kept the kit's text")
        return LlmVerdict(kept=None, check=failure, checks=checks)
    kept = Check(name=name, passed=True, detail="kept the LLM's text")
    return LlmVerdict(kept=out, check=kept, checks=checks)


def _ask(settings: Settings, system: str, text: DraftText) -> DraftText:
    user = json.dumps(text.as_prompt_fields(), ensure_ascii=False, indent=2)
    answer = _parse_json(_chat(settings, system, user))
    expected = set(text.as_prompt_fields())
    # Keys the channel does not use are ignored; a missing key stays missing, so the checks catch it
    # (e.g. a dropped disclaimer) instead of us quietly restoring it.
    cleaned = {k: (str(v) if v is not None else None) for k, v in answer.items() if k in expected}
    try:
        return DraftText(**cleaned)
    except ValidationError:
        raise LlmFailure("the LLM's answer has no 'body'") from None


def _chat(settings: Settings, system: str, user: str) -> str:
    try:
        return chat_model(settings).complete(system, user, temperature=0.2)
    except LLMUnavailable as exc:
        raise LlmFailure(str(exc)) from None


def _parse_json(content: str) -> dict:
    """The JSON object in the answer; models often wrap it in a ``` fence or a sentence."""
    start, end = content.find("{"), content.rfind("}")
    if start < 0 or end <= start:
        raise LlmFailure("the LLM's answer is not a JSON object")
    try:
        value = json.loads(content[start:end + 1])
    except json.JSONDecodeError:
        raise LlmFailure("the LLM's answer is not valid JSON") from None
    if not isinstance(value, dict):
        raise LlmFailure("the LLM's answer is not a JSON object")
    return value
