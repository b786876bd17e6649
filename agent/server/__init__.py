"""The engine-neutral NPC server: protocol ``affect-agent/1`` over WebSocket (docs/protocol.md)."""

from __future__ import annotations

from agent.server.protocol import PROTOCOL, ProtocolError, json_schema, parse_client

__all__ = ["PROTOCOL", "ProtocolError", "json_schema", "parse_client"]
