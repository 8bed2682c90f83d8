"""Tool results stay pydantic models from the tool to the renderers (issue 14, "typed results end to end"):
`invoke_tool` returns the tool's model, the renderers read attributes, and a renamed field fails loudly
instead of reading "?" or a blank."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.engine import analytics_chat, answers, render, router
from assistant.engine.turn import invoke_tool
from assistant.slack import blocks
from retrieval.scope import Scope
from tools import registry
from tools.partner_match.service import MatchResponse, PartnerMatch
from tools.registry import UntypedResult

ROOT = Path(__file__).resolve().parents[2]


class EchoArgs(BaseModel):
    word: str


class Echo(BaseModel):
    word: str
    length: int


@pytest.fixture()
def echo_tools(monkeypatch):
    registry.load_builtin_tools()
    monkeypatch.setattr(registry, "_TOOLS", dict(registry._TOOLS))
    registry.register_tool("echo_model", args=EchoArgs)(lambda ctx, scope, a: Echo(word=a.word, length=len(a.word)))
    registry.register_tool("echo_dict", args=EchoArgs)(lambda ctx, scope, a: {"word": a.word, "length": len(a.word)})


def test_invoke_tool_returns_the_tools_model_and_checks_its_type(echo_tools):
    result = invoke_tool(None, Scope.operator(), "echo_model", {"word": "co-sell"}, Echo)
    assert isinstance(result, Echo) and result.length == 7
    with pytest.raises(TypeError, match="echo_model returned Echo, expected MatchResponse"):
        invoke_tool(None, Scope.operator(), "echo_model", {"word": "co-sell"}, MatchResponse)


def test_a_tool_still_returning_a_dict_is_wrapped_and_flagged_as_deprecated(echo_tools):
    with pytest.warns(DeprecationWarning, match="echo_dict returned a dict"):
        result = invoke_tool(None, Scope.operator(), "echo_dict", {"word": "mdf"})
    assert isinstance(result, UntypedResult)
    assert result.length == 3 and result.model_dump() == {"word": "mdf", "length": 3}


def test_a_renamed_result_field_fails_instead_of_showing_a_question_mark():
    """`model_construct` skips validation: a partner whose `score` was renamed (say to `rank`) upstream.
    The dict-reading answer printed "score ?"; the typed one raises."""
    good = PartnerMatch(partner_id="P-1", name="Alpine IT", score=0.8, eligible=True, reasons=["won 3"], conflicts=[])
    assert "Alpine IT (P-1), score 0.80" in answers.match_answer(MatchResponse(opportunity_id="O-1", partners=[good]),
                                                                 "the Acme renewal")
    renamed = PartnerMatch.model_construct(partner_id="P-1", name="Alpine IT", rank=0.8, eligible=True,
                                           reasons=[], conflicts=[])
    with pytest.raises(AttributeError, match="score"):
        answers.match_answer(MatchResponse.model_construct(opportunity_id="O-1", partners=[renamed]), "Acme")


def test_the_tools_the_engines_read_declare_a_pydantic_result():
    tools = registry.all_tools()
    for name in [*router.INTENT_TOOL.values(), "programme_attribution", "programme_portfolio"]:
        returned = typing.get_type_hints(tools[name].func)["return"]
        assert isinstance(returned, type) and issubclass(returned, BaseModel), name


RENDERERS = [
    answers.match_answer, answers.mapping_answer, answers.nba_answer, answers.draft_answer, answers.profile_answer,
    answers.profile_deals, analytics_chat.attribution_answer, analytics_chat.at_risk_answer,
    analytics_chat.first_win_answer, render.ingest, render.search, render.ask, render.mapping, render.match,
    render.register_check, render.nba, render.draft, render.drafts, blocks.answer_blocks,
]


@pytest.mark.parametrize("renderer", RENDERERS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_renderers_take_the_model_not_a_dict(renderer):
    first = next(iter(typing.get_type_hints(renderer).items()))[1]
    assert isinstance(first, type) and issubclass(first, BaseModel)


# Where tool output is read. `ranker_line` reads RankerInfo.backtest, a field documented as a dict of figures.
READERS = ["assistant/engine/answers.py", "assistant/engine/analytics_chat.py", "assistant/engine/render.py",
           "assistant/slack/blocks.py"]
DECLARED_DICTS = {"ranker_line"}


@pytest.mark.parametrize("path", READERS)
def test_no_dict_get_or_string_subscript_on_tool_output(path):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    found = []
    for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name not in DECLARED_DICTS):
        for node in ast.walk(func):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
                found.append(f"{func.name}:{node.lineno} .get(...)")
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(
                    node.slice.value, str):
                found.append(f"{func.name}:{node.lineno} [{node.slice.value!r}]")
    assert found == []


def test_the_cli_renders_the_models_for_people(world_ctx, fake_tools, monkeypatch):
    """Every typed renderer behind a command, without --json, on the fake world: no "?" and no "None"."""
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("COSELL_HOME", str(world_ctx.settings.home))
    monkeypatch.setenv("COSELL_TODAY", "2026-03-01")
    runner = CliRunner()
    for args, expected in [
        (["search", "deal registration"], "Deal registration policy"),
        (["map", "P-002"], "Globex Corporation"),
        (["match", "OPP-001", "--explain"], "Alpine IT"),
        (["nba", "--partner", "P-001"], "Follow up on Alpine IT"),
        (["draft", "--partner", "P-001", "--kit", "lakehouse-modernisation", "--locale", "de", "--channel", "email"], "Hallo"),
        (["register-check", "--partner", "P-001", "--account", "Acme"], "Verdict: clear"),
        (["drafts", "list"], "draft"),
        (["ask", "How is Alpine IT doing?"], "Follow up on Alpine IT"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.stdout, result.exception)
        assert expected in result.stdout, (args, result.stdout)
        assert " ?" not in result.stdout and "None" not in result.stdout, result.stdout
