"""Block Kit rendering of assistant answers and command results.

Slack's mrkdwn treats `&`, `<` and `>` as control characters: everything from data is escaped, so a
name or a passage cannot ping @channel or forge a link.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assistant.engine.agent import AskResponse
from assistant.engine.threads import Candidate
from assistant.slack import limits
from assistant.slack.results import PICK, Names, escape, intent_title, result_blocks
from tools.search.service import SearchToolResult

SECTION_LIMIT = 2900  # Slack allows 3000 characters per section text
FEEDBACK_UP = "cosell_feedback_up"
FEEDBACK_DOWN = "cosell_feedback_down"


def sections(text: str) -> list[dict[str, Any]]:
    """Long text split on line boundaries into section blocks."""
    blocks, chunk = [], ""
    for line in escape(text).splitlines() or [""]:
        while len(line) > SECTION_LIMIT:  # one very long line: hard split
            blocks.append(_section(line[:SECTION_LIMIT]))
            line = line[SECTION_LIMIT:]
        if len(chunk) + len(line) + 1 > SECTION_LIMIT:
            blocks.append(_section(chunk))
            chunk = ""
        chunk = f"{chunk}\n{line}" if chunk else line
    if chunk.strip():
        blocks.append(_section(chunk))
    return blocks  # `limits.fit` cuts a message to 50 blocks, with a note


def _header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}


def context(*texts: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t} for t in texts[:10]]}


def answer_blocks(
    response: AskResponse,
    thread_id: str,
    asker_slack_id: str | None = None,
    in_channel: bool = False,
    names: Names | None = None,
) -> list[dict[str, Any]]:
    """An AskResponse in Block Kit: the tool result's header and fields (names, not ids) led by the answer's
    opening line (a language model's whole answer), or the whole answer when no tool result renders; buttons for the choices the engine
    offers; sources as links; the tools used; what was withheld; feedback. Within Block Kit's limits."""
    names = names or Names(None)
    structured = [b for r in response.results for b in result_blocks(r, names)]
    if structured and response.engine == "llm":  # the model's prose is the answer; the result's blocks follow
        blocks = structured[:1] + sections(response.answer) + structured[1:]
    elif structured:  # the built-in engine's text renders the same result: its opening line, then the blocks
        lead = (response.answer.strip().splitlines() or [""])[0]  # the answer's opening line; the rows follow
        if lead and not isinstance(response.results[0], SearchToolResult):  # every renderer starts with its header
            structured.insert(1, _section(limits.cut(escape(lead), 600)))
        blocks = structured
    else:
        blocks = [_header(intent_title(response.intent))] + sections(response.answer)
    if response.candidates:
        blocks.append(pick_actions(response.candidates, thread_id))
    if response.citations:
        items = [
            f"{i}. {names.doc_link(c.doc_id, c.title)}" + ("" if names.public_url else f" ({escape(c.source or c.doc_id)})")
            for i, c in enumerate(response.citations[:8], 1)
        ]
        blocks.append(context("*Sources*\n" + "\n".join(items)))
    if response.tools:
        used = ", ".join(
            f"`{t.name}`" + (f" ({escape(_args(t.arguments))})" if t.arguments else "")
            for t in response.tools
        )
        blocks.append(context(f"Tools used: {used}"))
    notes = [escape(n) for n in response.notes]
    if response.withheld:
        who = f"<@{asker_slack_id}>" if asker_slack_id else "you"
        notes.append(f"Some information was withheld because {who} may not see it.")
    if in_channel and asker_slack_id:
        notes.append(f"Answered with <@{asker_slack_id}>'s permissions.")
    if notes:
        blocks.append(context(*notes))
    blocks.append(feedback_actions(thread_id))
    return limits.fit(blocks)


def pick_actions(candidates: list[Candidate], thread_id: str) -> dict[str, Any]:
    """One button per choice the engine offers (which deal, which partner...): clicking it answers in the
    same conversation, as if the asker had typed the choice. The value is `thread_id|choice id`."""
    return {
        "type": "actions",
        "block_id": "cosell_pick",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": limits.cut(c.label or c.id, limits.BUTTON_TEXT), "emoji": True},
                "action_id": f"{PICK}_{i}",
                "value": f"{thread_id}|{c.id}"[: limits.BUTTON_VALUE],
            }
            for i, c in enumerate(candidates[: limits.ACTIONS_ELEMENTS])
        ],
    }


def tool_blocks(result: BaseModel, names: Names, fallback_text: str = "") -> list[dict[str, Any]]:
    """A /cosell command's typed result in Block Kit (the answer text when its type has no renderer)."""
    return limits.fit(result_blocks(result, names) or sections(fallback_text))


def _args(arguments: dict) -> str:
    text = ", ".join(f"{k}={v}" for k, v in arguments.items())
    return text if len(text) <= 120 else text[:119] + "…"


def feedback_actions(thread_id: str) -> dict[str, Any]:
    def button(label: str, action_id: str) -> dict[str, Any]:
        return {
            "type": "button",
            "text": {"type": "plain_text", "text": label, "emoji": True},
            "action_id": action_id,
            "value": thread_id[:2000],
        }

    return {
        "type": "actions",
        "block_id": "cosell_feedback",
        "elements": [button("👍", FEEDBACK_UP), button("👎", FEEDBACK_DOWN)],
    }


def text_blocks(text: str, note: str | None = None) -> list[dict[str, Any]]:
    blocks = sections(text)
    if note:
        blocks.append(context(escape(note)))
    return limits.fit(blocks)


__all__ = ["Names", "answer_blocks", "escape", "feedback_actions", "pick_actions", "text_blocks", "tool_blocks"]
