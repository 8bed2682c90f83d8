"""`make demo`: after generating and ingesting the demo ecosystem, show the main job in the terminal.

1. The same search as three users, showing what each may see.
2. The assistant answering the three user stories as three different users: a partner seller's
   programme question, a channel manager's deal-partner match, a marketer's localised draft.
3. The channel leader's questions: partner-sourced revenue, ROPI, who is at risk, time to first win
   (then `cosell attribution`, `cosell portfolio` and the dashboard at /dashboard).
4. Onboarding: two recently joined partners' sellers ask what to do first (English, German) and a channel
   manager asks how the third one's onboarding is going (then `cosell onboarding P-068`).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule

from assistant.core.config import Settings
from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from retrieval.scope import Scope, scope_for_user
from tools.search.service import search_content

console = Console()

SEARCH = "how do we win against Polar Warehouse on price"
STORIES = [
    ("u-ps-alpine", "How long is my deal registration protected, and what happens when it expires?"),
    ("u-cm-1", "Which partners should we bring into the Acme renewal?"),
    ("u-mkt-1", "Draft the lakehouse campaign in German for Alpine IT as an email"),
]
CHANNEL_LEADER = [
    "How much did partners source this quarter?",
    "ROPI for Alpine last year",
    "Who's at risk?",
    "How long do new partners take to close their first deal?",
]

ONBOARDING = [
    ("u-ps-nordic", "we just signed up, what do we do in the first 30 days?"),
    ("u-ps-kaiser", "was müssen wir in den ersten 30 Tagen tun?"),
    ("u-cm-1", "how is Lyon Analytique's onboarding going?"),
]


def _search_as_three_users(ctx) -> None:

    console.print(Rule(f"Search: \"{SEARCH}\" as three users"))
    for user_id in ("u-admin", "u-ps-alpine", "u-mkt-1"):
        scope = scope_for_user(ctx.store, user_id) if user_id != "u-admin" else Scope.operator()
        results = search_content(ctx, scope, SEARCH, k=4).results
        lines = [f"{r.score:.2f}  {r.title}  [dim]{r.source}[/]" for r in results]
        console.print(Panel("\n".join(lines) or "(nothing)", title=f"{user_id} ({scope.role})", expand=False))


def _stories(ctx) -> None:

    for user_id, question in STORIES:
        scope = scope_for_user(ctx.store, user_id)
        console.print(Rule(f"{user_id} ({scope.role}) asks"))
        console.print(f"[bold]> {question}[/]")
        response = ask(ctx, scope, question)
        console.print(response.answer)
        for c in response.citations[:4]:
            console.print(f"  [dim]source: {c.title} ({c.source})[/]")
        if response.tools:
            console.print("  [dim]tools: " + ", ".join(f"{t.name}({t.arguments})" for t in response.tools) + "[/]")


def _channel_leader(ctx) -> None:

    scope = scope_for_user(ctx.store, "u-cm-1")
    console.print(Rule("The channel leader's questions (u-cm-1)"))
    for question in CHANNEL_LEADER:
        console.print(f"[bold]> {question}[/]")
        console.print(ask(ctx, scope, question).answer)


def _onboarding(ctx) -> None:

    console.print(Rule("Onboarding: new partners' first steps"))
    for user_id, question in ONBOARDING:
        scope = scope_for_user(ctx.store, user_id)
        console.print(f"[bold]{user_id} ({scope.role})> {question}[/]")
        response = ask(ctx, scope, question)
        console.print(response.answer, markup=False)
        for c in response.citations[:3]:
            console.print(f"  [dim]source: {c.title} ({c.source})[/]")


def main(argv: list[str]) -> int:

    folder = Path(argv[0]) if argv else None
    today = (folder / "truth" / "today.txt").read_text().strip() if folder else None
    if today and not os.environ.get("COSELL_TODAY"):
        os.environ["COSELL_TODAY"] = today
    ctx = AppContext(Settings())
    try:
        _search_as_three_users(ctx)
        _stories(ctx)
        _channel_leader(ctx)
        _onboarding(ctx)
    finally:
        ctx.close()
    console.print(Rule("Next"))
    console.print("Try: .venv/bin/cosell ask \"what should I do next on the Acme deal?\" --as u-cm-1  "
                  "(COSELL_HOME=.cosell-demo/home), or `make serve` and open http://127.0.0.1:8000/ (the programme dashboard: /dashboard)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
