"""Block Kit's limits, enforced in one place: `fit` cuts a message's blocks to them (with "…" and a note
that the rest is in the web app or CLI), `problems` lists every limit a message breaks (the tests run it on
every tool's blocks). Limits from Slack's Block Kit reference (api.slack.com/reference/block-kit).
"""

from __future__ import annotations

from typing import Any

MAX_BLOCKS = 50  # per message
SECTION_TEXT = 3000
HEADER_TEXT = 150
FIELDS = 10  # per section
FIELD_TEXT = 2000
BUTTON_TEXT = 75
ACTION_ID = 255
BUTTON_VALUE = 2000
BLOCK_ID = 255
CONTEXT_ELEMENTS = 10
CONTEXT_TEXT = 3000
ACTIONS_ELEMENTS = 25
MESSAGE_TEXT = 3000  # our cap for the notification `text` fallback (Slack allows more; it truncates at 40k)
ELLIPSIS = "…"
MORE = "More in the web app or the CLI (`cosell ...`)."


def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, ending in "…" when cut."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def _text(obj: dict[str, Any], limit: int) -> tuple[dict[str, Any], bool]:
    value = obj.get("text") or " "
    fitted = cut(value, limit)
    return {**obj, "text": fitted}, fitted != value


def _fit_block(block: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """One block within its limits; True when something was cut."""
    kind, cut_any = block.get("type"), False
    block = dict(block)
    if block.get("block_id"):
        block["block_id"] = str(block["block_id"])[:BLOCK_ID]
    if kind == "header":
        block["text"], cut_any = _text(block["text"], HEADER_TEXT)
    elif kind == "section":
        if "text" in block:
            block["text"], cut_any = _text(block["text"], SECTION_TEXT)
        if block.get("fields"):
            fields = block["fields"][:FIELDS]
            cut_any = cut_any or len(block["fields"]) > FIELDS
            block["fields"] = []
            for f in fields:
                fitted, was_cut = _text(f, FIELD_TEXT)
                block["fields"].append(fitted)
                cut_any = cut_any or was_cut
        if block.get("accessory"):
            block["accessory"], _ = _fit_element(block["accessory"])
    elif kind == "context":
        elements = block.get("elements") or [{"type": "mrkdwn", "text": " "}]
        cut_any = len(elements) > CONTEXT_ELEMENTS
        block["elements"] = []
        for e in elements[:CONTEXT_ELEMENTS]:
            fitted, was_cut = _text(e, CONTEXT_TEXT) if e.get("type") != "image" else (e, False)
            block["elements"].append(fitted)
            cut_any = cut_any or was_cut
    elif kind == "actions":
        elements = block.get("elements") or []
        cut_any = len(elements) > ACTIONS_ELEMENTS
        block["elements"] = [_fit_element(e)[0] for e in elements[:ACTIONS_ELEMENTS]]
    return block, cut_any


def _fit_element(element: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    element = dict(element)
    if element.get("type") == "button":
        element["text"], was_cut = _text(element["text"], BUTTON_TEXT)
        if "value" in element:
            element["value"] = str(element["value"])[:BUTTON_VALUE]
        element["action_id"] = str(element.get("action_id", ""))[:ACTION_ID]
        return element, was_cut
    return element, False


def fit(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The blocks within Block Kit's limits. When anything was cut (a text, fields, blocks beyond 50), a
    context note says the rest is in the web app or the CLI; the last actions block (feedback) is kept."""
    fitted, cut_any = [], False
    for block in blocks:
        one, was_cut = _fit_block(block)
        fitted.append(one)
        cut_any = cut_any or was_cut
    tail: list[dict[str, Any]] = []
    if fitted and fitted[-1].get("type") == "actions" and fitted[-1].get("block_id") == "cosell_feedback":
        tail = [fitted.pop()]
    room = MAX_BLOCKS - len(tail) - 1  # one for the note
    if len(fitted) > room:
        fitted, cut_any = fitted[:room], True
    if cut_any:
        fitted.append({"type": "context", "elements": [{"type": "mrkdwn", "text": MORE}]})
    return fitted + tail


def problems(blocks: list[dict[str, Any]]) -> list[str]:
    """Every Block Kit limit the message breaks, as readable lines (empty: valid)."""
    out: list[str] = []
    if len(blocks) > MAX_BLOCKS:
        out.append(f"{len(blocks)} blocks (max {MAX_BLOCKS})")

    def check(where: str, value: Any, limit: int) -> None:
        if value is None or len(str(value)) > limit:
            out.append(f"{where}: {0 if value is None else len(str(value))} characters (max {limit})")
        elif not str(value).strip():
            out.append(f"{where}: empty text")

    ids = [b["block_id"] for b in blocks if b.get("block_id") is not None]
    if len(set(ids)) != len(ids):
        out.append("repeated block_id in one message")
    for i, b in enumerate(blocks):
        kind, at = b.get("type"), f"block {i} ({b.get('type')})"
        if b.get("block_id") is not None:
            check(f"{at} block_id", b["block_id"], BLOCK_ID)
        if kind == "header":
            if (b.get("text") or {}).get("type") != "plain_text":
                out.append(f"{at}: header text must be plain_text")
            check(f"{at} text", (b.get("text") or {}).get("text"), HEADER_TEXT)
        elif kind == "section":
            if "text" not in b and not b.get("fields"):
                out.append(f"{at}: neither text nor fields")
            if "text" in b:
                check(f"{at} text", b["text"].get("text"), SECTION_TEXT)
            fields = b.get("fields") or []
            if len(fields) > FIELDS:
                out.append(f"{at}: {len(fields)} fields (max {FIELDS})")
            for j, f in enumerate(fields):
                check(f"{at} field {j}", f.get("text"), FIELD_TEXT)
            if b.get("accessory"):
                out.extend(_element_problems(f"{at} accessory", b["accessory"]))
        elif kind == "context":
            elements = b.get("elements") or []
            if not elements or len(elements) > CONTEXT_ELEMENTS:
                out.append(f"{at}: {len(elements)} elements (1 to {CONTEXT_ELEMENTS})")
            for j, e in enumerate(elements):
                if e.get("type") in ("mrkdwn", "plain_text"):
                    check(f"{at} element {j}", e.get("text"), CONTEXT_TEXT)
        elif kind == "actions":
            elements = b.get("elements") or []
            if not elements or len(elements) > ACTIONS_ELEMENTS:
                out.append(f"{at}: {len(elements)} elements (1 to {ACTIONS_ELEMENTS})")
            ids = [e.get("action_id") for e in elements]
            if len(set(ids)) != len(ids):
                out.append(f"{at}: repeated action_id in one block")
            for j, e in enumerate(elements):
                out.extend(_element_problems(f"{at} element {j}", e))
        elif kind != "divider":
            out.append(f"{at}: unexpected block type")
    return out


def _element_problems(at: str, e: dict[str, Any]) -> list[str]:
    out = []
    if e.get("type") == "button":
        text = (e.get("text") or {}).get("text") or ""
        if (e.get("text") or {}).get("type") != "plain_text" or not text or len(text) > BUTTON_TEXT:
            out.append(f"{at}: button text {len(text)} characters, plain_text (max {BUTTON_TEXT})")
        if not e.get("action_id") or len(e["action_id"]) > ACTION_ID:
            out.append(f"{at}: action_id missing or over {ACTION_ID}")
        if len(str(e.get("value", ""))) > BUTTON_VALUE:
            out.append(f"{at}: value over {BUTTON_VALUE}")
    return out
