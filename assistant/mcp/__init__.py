"""The MCP door: the assistant's tools over the Model Context Protocol (stdio and streamable HTTP)."""
from assistant.mcp.server import build_server, mount_mcp, run_stdio

__all__ = ["build_server", "mount_mcp", "run_stdio"]
