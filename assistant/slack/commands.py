"""`/cosell match OPP_ID | map PARTNER_ID | nba --partner ID | nba --opportunity ID |
draft --partner P --kit K --locale L --channel C [--account A]`, like the CLI; anything else is a question.

`parse_command` is pure (tested on its own); `run_command` calls the same tool functions as the CLI and
renders with `assistant.engine.answers`, so the result reads as it does in `cosell ask`.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from assistant.core.errors import BadInput
from assistant.engine import answers
from assistant.engine.agent import invoke_tool
from assistant.engine.context import AppContext
from retrieval.scope import Scope
from tools.account_mapping.service import MappingResponse
from tools.content_drafts.service import DraftResponse
from tools.next_best_action.service import NbaResponse
from tools.partner_match.service import MatchResponse

USAGE = (
    "Usage: `/cosell match OPP_ID [--top N]` · `/cosell map PARTNER_ID` · "
    "`/cosell nba --partner ID` or `--opportunity ID` · "
    "`/cosell draft --partner P --kit K --locale de --channel email|social|landing [--account A]` · "
    "or ask a question: `/cosell how do I register a deal?`"
)
OPTIONS = {
    "--top": "top",
    "--partner": "partner",
    "--opportunity": "opportunity",
    "--kit": "kit",
    "--locale": "locale",
    "--channel": "channel",
    "--account": "account",
}


@dataclass
class Command:
    name: str  # match | map | nba | draft | ask | help
    positional: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    text: str = ""


def parse_command(text: str) -> Command:
    text = (text or "").strip()
    if not text or text.lower() in ("help", "-h", "--help"):
        return Command("help")
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise BadInput(f"cannot parse the command: {exc}") from None
    name = words[0].lower()
    if name not in ("match", "map", "nba", "draft"):
        return Command("ask", text=text)
    command = Command(name, text=text)
    rest = iter(words[1:])
    for word in rest:
        if word.startswith("--"):
            key, _, value = word.partition("=")
            if key not in OPTIONS:
                raise BadInput(f"unknown option {key} for {name}")
            command.options[OPTIONS[key]] = value or next(rest, "")
            if not command.options[OPTIONS[key]]:
                raise BadInput(f"{key} needs a value")
        else:
            command.positional.append(word)
    return command


def run_command(ctx: AppContext, scope: Scope, command: Command) -> str:
    """Run a parsed match/map/nba/draft command through the tool registry; its answer as text."""

    opts, pos = command.options, command.positional
    if command.name == "match":
        opp = _one(pos, "match needs an opportunity id: /cosell match OPP_ID")
        top = int(opts["top"]) if opts.get("top", "").isdigit() else answers.PAGE
        matched = invoke_tool(ctx, scope, "match_partners", {"opportunity_id": opp, "top": top}, MatchResponse)
        return answers.match_answer(matched, opp, size=top)
    if command.name == "map":
        partner = _one(pos, "map needs a partner id: /cosell map PARTNER_ID")
        return answers.mapping_answer(
            invoke_tool(ctx, scope, "map_accounts", {"partner_id": partner}, MappingResponse), partner
        )[0]
    if command.name == "nba":
        partner, opp = opts.get("partner"), opts.get("opportunity")
        if not partner and not opp and len(pos) == 1:
            raise BadInput("say which: /cosell nba --partner ID or /cosell nba --opportunity ID")
        actions = invoke_tool(ctx, scope, "next_best_actions", {"partner_id": partner, "opportunity_id": opp},
                              NbaResponse)
        return answers.nba_answer(actions, partner or opp or "")
    return _draft(ctx, scope, opts)


def _draft(ctx: AppContext, scope: Scope, opts: dict[str, str]) -> str:

    missing = [f"--{k}" for k in ("partner", "kit", "locale", "channel") if not opts.get(k)]
    if missing:
        raise BadInput(f"draft needs {', '.join(missing)}")
    draft = invoke_tool(
        ctx,
        scope,
        "draft_content",
        {
            "partner_id": opts["partner"],
            "kit_id": opts["kit"],
            "locale": opts["locale"],
            "channel": opts["channel"],
            "account_id": opts.get("account"),
        },
        DraftResponse,
    )
    return answers.draft_answer(draft, opts["partner"])


def _one(positional: list[str], message: str) -> str:
    if len(positional) != 1:
        raise BadInput(message)
    return positional[0]
