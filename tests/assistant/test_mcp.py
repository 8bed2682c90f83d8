"""The MCP door through the official SDK's client: stdio (`cosell mcp --as U`) and streamable HTTP (`/mcp`).

A partner seller sees only the tools it may use; a call to another tool, or about another partner, is
refused and the refusal names nothing behind it.
"""
from __future__ import annotations

import json
import os
import sys

import anyio
import httpx2
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from retrieval.scope import issue_api_key
from tests.assistant import web_world

OTHER_PARTNER = ("Thames", "P-002", "OPP-003")  # u-ps1 is a seller of P-001; these belong to P-002


def _text(result) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content)


def _no_leak(text: str) -> None:
    assert "Thames" not in text and "OPP-003" not in text


async def _session_checks(client, role: str) -> dict:
    names = {t.name for t in (await client.list_tools()).tools}
    out = {"names": names}
    out["match"] = await client.call_tool("match_partners", {"opportunity_id": "OPP-003"})
    out["map_other"] = await client.call_tool("map_accounts", {"partner_id": "P-002"})
    out["map_own"] = await client.call_tool("map_accounts", {"partner_id": "P-001"})
    return out


def test_stdio_as_a_partner_seller(world_ctx):
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "assistant.cli", "mcp", "--as", "u-ps1"],
        env={**os.environ, "COSELL_HOME": str(world_ctx.settings.home), "COSELL_TODAY": str(world_ctx.settings.today)})

    async def run():
        async with Client(params) as client:
            return await _session_checks(client, "partner_seller")

    out = anyio.run(run)
    assert {"ask", "search_content", "map_accounts", "next_best_actions", "draft_content"} <= out["names"]
    assert "match_partners" not in out["names"]
    assert out["match"].is_error and "may not" in _text(out["match"])
    assert out["map_other"].is_error
    for key in ("match", "map_other"):
        _no_leak(_text(out[key]))
    assert not out["map_own"].is_error
    assert out["map_own"].structured_content["partner_id"] == "P-001"


@pytest.fixture()
def server(world_ctx):
    with web_world.serve(world_ctx, warm_up=False) as base:
        yield f"{base}/mcp"


def _http_client(url: str, key: str | None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client(streamable_http_client(url, http_client=httpx2.AsyncClient(headers=headers, timeout=60)))


def test_http_needs_a_key(server):
    response = httpx2.post(server, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                           headers={"Accept": "application/json, text/event-stream"})
    assert response.status_code == 401
    assert httpx2.post(server, json={}, headers={"Authorization": "Bearer nope"}).status_code == 401


def test_http_with_each_users_permissions(server, world_ctx):
    seller, manager = issue_api_key(world_ctx.store, "u-ps1"), issue_api_key(world_ctx.store, "u-cm")

    async def run(key):
        async with _http_client(server, key) as client:
            out = await _session_checks(client, "")
            out["ask"] = await client.call_tool("ask", {"question": "which accounts do Thames and we share?"})
            return out

    as_seller, as_manager = anyio.run(run, seller), anyio.run(run, manager)
    assert "match_partners" not in as_seller["names"] and "match_partners" in as_manager["names"]
    assert as_seller["match"].is_error and as_seller["map_other"].is_error
    for key in ("match", "map_other", "ask"):
        _no_leak(_text(as_seller[key]))
    assert not as_manager["map_other"].is_error
    assert as_manager["map_other"].structured_content["partner_id"] == "P-002"
    answer = json.loads(_text(as_manager["ask"]))
    assert answer["answer"]
