"""Human rendering of service results for the terminal (the `--json` output is the contract).

Each renderer takes the service's pydantic result and reads attributes: a renamed field fails here (and in
the tests) instead of printing a blank or "?"."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from assistant.engine.turn import AskResponse
from retrieval.ingest import IngestResult
from tools.account_mapping.service import MappingResponse
from tools.content_drafts.service import DraftList, DraftResponse
from tools.next_best_action.service import NbaResponse
from tools.partner_match.service import MatchResponse, RankerInfo, RegistrationCheckResponse
from tools.search.service import SearchResponse

console = Console()


@contextmanager
def progress_bar(enabled: bool, log_every_s: float = 10.0) -> Iterator:
    """Yields a `progress(phase, done, total)` callback: a bar with the time left on a terminal; otherwise
    (logs, `--json` runs) a line on stderr every `log_every_s` seconds once a phase takes that long."""
    if not enabled:
        yield progress_lines(sys.stderr, log_every_s)
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield update


def progress_lines(stream: TextIO, every_s: float, clock: Callable[[], float] = time.monotonic) -> Callable:
    """`progress(phase, done, total)` writing `embedding 120/600, about 3 min left` at most every `every_s`."""
    started: dict[str, float] = {}
    last = [clock()]

    def update(phase: str, done: int, total: int) -> None:
        now = clock()
        start = started.setdefault(phase, now)
        if now - last[0] < every_s or done <= 0 or done >= total:
            return
        last[0] = now
        left = (now - start) / done * (total - done)
        estimate = f"about {left / 60:.0f} min left" if left >= 90 else f"about {left:.0f} s left"
        stream.write(f"{phase} {done}/{total}, {estimate}\n")
        stream.flush()

    return update


def ingest(d: IngestResult) -> None:
    counts = ", ".join(f"{k} {getattr(d, k)}" for k in ("partners", "accounts", "opportunities", "partner_accounts",
                                                         "partner_activity", "users", "documents", "chunks",
                                                         "campaign_kits"))
    console.print(f"[bold]Loaded[/] {counts}  (embedded {d.embedded_documents} documents)")
    rejected = d.rejected
    if rejected:
        table = Table("file", "line", "column", "message", title=f"{len(rejected)} rejected")
        for r in rejected[:200]:
            table.add_row(r.file, str(r.line or ""), r.column or "", r.message)
        console.print(table)
        if len(rejected) > 200:
            console.print(f"... and {len(rejected) - 200} more (use --json for all)")


def search(d: SearchResponse) -> None:
    if not d.results:
        console.print("No results in the content you may see.")
    for i, r in enumerate(d.results, 1):
        console.print(f"[bold]{i}. {r.title}[/]  [dim]{r.source}  score {r.score:.2f}[/]")
        console.print("   " + r.text[:300].replace("\n", " "))


def ask(d: AskResponse) -> None:
    console.print(d.answer)
    if d.citations:
        console.print("\n[bold]Sources[/]")
        for c in d.citations:
            console.print(f"  - {c.title} [dim]({c.source})[/]")
    if d.tools:
        console.print("[dim]Tools: " + ", ".join(t.name for t in d.tools) + "[/]")
    if d.thread_id:
        console.print(f"[dim]Thread: {d.thread_id} (continue with --continue or --thread {d.thread_id})[/]")


def mapping(d: MappingResponse) -> None:
    table = Table("our population", "partner population", "accounts", title=f"Account mapping with {d.partner_id}")
    for s in d.summary:
        table.add_row(s.vendor_population, s.partner_population, str(s.count))
    console.print(table)
    overlaps = d.overlaps
    if not overlaps:
        console.print("[dim]No overlapping accounts are shared with you at row level.[/]")
        return
    console.print(f"[bold]{len(overlaps)} overlapping accounts[/] (first 30)")
    for o in overlaps[:30]:
        console.print(f"- [bold]{o.account_name}[/] ({o.account_id}, ours: {', '.join(o.vendor_populations)})"
                      f" = their '{o.partner_account_name}' ({o.partner_population}), confidence "
                      f"{o.confidence:.2f}" + (f"  -> {o.signal}" if o.signal else ""))
        if o.evidence:
            console.print("  [dim]" + "; ".join(o.evidence) + "[/]")
    if len(overlaps) > 30:
        console.print(f"... and {len(overlaps) - 30} more (use --json)")


def ranker_line(r: RankerInfo | None) -> str:
    """The ranker in use and its backtest on this COSELL_HOME, in one line. (`backtest` and `candidates`
    are documented as free-form figure dicts, keyed "hit@1", "hit@3", "ndcg@5", "n", "test_from".)"""
    if not r:
        return "Ranker: unknown"
    b = r.backtest
    if not b:
        return f"Ranker: {r.name} (too little history for a backtest)"
    others = ", ".join(f"{name} hit@3 {c['hit@3']:.2f}" for name, c in r.candidates.items() if name != r.name)
    return (f"Ranker: {r.name}, backtest on {b['n']} won deals since {b.get('test_from')}: hit@1 "
            f"{b['hit@1']:.2f}, hit@3 {b['hit@3']:.2f}, NDCG@5 {b['ndcg@5']:.2f}" + (f" (vs {others})" if others else ""))


def match(d: MatchResponse, explain: bool = False) -> None:
    console.print(f"[bold]Partners for {d.opportunity_id}[/]")
    if explain:
        console.print(f"[dim]{ranker_line(d.ranker)}[/]")
    for i, p in enumerate(d.partners, 1):
        console.print(f"{i}. [bold]{p.name}[/] ({p.partner_id})  score {p.score:.2f}")
        for reason in p.reasons:
            console.print(f"   + {reason}")
        for conflict in p.conflicts:
            console.print(f"   [red]! {conflict}[/]")


def register_check(d: RegistrationCheckResponse) -> None:
    console.print(f"[bold]Verdict:[/] {d.verdict}")
    if d.account_match:
        m = d.account_match
        named = f"{m.account_name} ({m.account_id})" if m.account_id else "an existing account of ours"
        console.print(f"Account: {named}, confidence {m.confidence}")  # never "None (None)"
    for dup in d.duplicates:
        console.print(f" - possible duplicate {dup.opportunity_id or ''}: " + "; ".join(dup.reasons))
    for c in d.conflicts:
        console.print(f" [red]! {c}[/]")


def nba(d: NbaResponse) -> None:
    if d.health:
        console.print(f"[bold]Partner health {d.health.score}/100[/]")
    if not d.actions:
        console.print("No actions right now.")
    for a in d.actions:
        console.print(f"{a.priority}. [bold]{a.title}[/]")
        console.print(f"   {a.why}")
        for e in a.evidence:
            console.print(f"   [dim]- {e}[/]")
        for c in a.content:
            console.print(f"   [cyan]> {c.title}[/]")


def draft(d: DraftResponse) -> None:
    if d.subject:
        console.print(f"[bold]Subject:[/] {d.subject}")
    console.print(d.body)
    console.print()
    for c in d.checks:
        mark = "[green]pass[/]" if c.passed else "[red]FAIL[/]"
        console.print(f"{mark} {c.name} {c.detail or ''}")


def drafts(d: DraftList) -> None:
    table = Table("draft", "partner", "kit", "locale", "channel", "status")
    for x in d.drafts:
        table.add_row(x.draft_id, x.partner_id, x.kit_id, x.locale, x.channel, x.status)
    console.print(table)
