"""The one registry of assistant tools. Built-in tools register exactly as a plugin would:

    @register_tool("match_partners", args=MatchArgs)
    def match_partners_tool(ctx, scope, args: MatchArgs) -> MatchResult: ...

The docstring is the description the LLM sees; `args` (a pydantic model) is the typed schema. The
deterministic engine, the LLM engine, the CLI and the API all call the same functions, and read the
result as its model (attributes, never `dict.get`): a renamed field fails loudly instead of showing "?".
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    args: type[BaseModel]
    func: Callable[..., BaseModel]  # (ctx, scope, args) -> pydantic result
    # reads only: the result depends on the records, the content, the date, the caller and the arguments
    # (nothing written, nothing random), so the assistant may reuse it while none of these changes
    pure: bool = False

    def json_schema(self) -> dict[str, Any]:
        return self.args.model_json_schema()


class UntypedResult(BaseModel):
    """Deprecated: what a tool that returns a plain dict is wrapped in (its keys become attributes, and
    `model_dump()` gives the dict back). Kept only while tools move over; return a pydantic model instead."""

    model_config = ConfigDict(extra="allow")


_TOOLS: dict[str, ToolSpec] = {}
BUILTIN_MODULES = (
    "tools.search.service",
    "tools.account_mapping.service",
    "tools.partner_match.service",
    "tools.next_best_action.service",
    "tools.content_drafts.service",
    "tools.analytics.service",
    "tools.partner_profile.service",
    "tools.recruit.service",
    "tools.mdf.service",
    "tools.onboarding.service",
    "tools.directory.service",
    "tools.records_overview.service",
)


def register_tool(name: str, args: type[BaseModel], pure: bool = False) -> Callable:
    def decorator(func: Callable) -> Callable:
        description = " ".join((func.__doc__ or name).split())
        _TOOLS[name] = ToolSpec(name=name, description=description, args=args, func=func, pure=pure)
        return func

    return decorator


_SIGNAL_SOURCES: dict[str, Callable] = {}


def register_signal_source(name: str) -> Callable:
    """A capability that adds next-best-action signals for a partner without next_best_action importing it
    (so the capability may read next_best_action's service): (ctx, scope, partner_id, baselines, signals
    found so far) -> more signals."""
    def decorator(func: Callable) -> Callable:
        _SIGNAL_SOURCES[name] = func
        return func

    return decorator


def signal_sources() -> list[Callable]:
    load_builtin_tools()
    return [_SIGNAL_SOURCES[name] for name in sorted(_SIGNAL_SOURCES)]


def load_builtin_tools() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def get_tool(name: str) -> ToolSpec:
    load_builtin_tools()
    return _TOOLS[name]


def all_tools() -> dict[str, ToolSpec]:
    load_builtin_tools()
    return dict(_TOOLS)
