"""Block Kit rendering of assistant answers and command results.

Slack's mrkdwn treats `&`, `<` and `>` as control characters: everything from data is escaped, so a
name or a passage cannot ping @channel or forge a link.
"""

from __future__ import annotations

from typing import Any

from assistant.engine.agent import AskResponse

SECTION_LIMIT = 2900  # Slack allows 3000 characters per section text
FEEDBACK_UP = "cosell_feedback_up"
FEEDBACK_DOWN = "cosell_feedback_down"


def escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    return blocks[:40]


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}


def context(*texts: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t} for t in texts[:10]]}


def answer_blocks(
    response: AskResponse, thread_id: str, asker_slack_id: str | None = None, in_channel: bool = False
) -> list[dict[str, Any]]:
    """An AskResponse: the answer, its sources, the tools used, what was withheld, feedback."""
    blocks = sections(response.answer)
    if response.citations:
        items = [
            f"{i}. *{escape(c.title)}* ({escape(c.source or c.doc_id)})"
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
    return blocks


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
    return blocks
