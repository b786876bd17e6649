"""Print the protocol JSON Schema (redirect it into docs/protocol.schema.json)."""

from __future__ import annotations

import json
import sys

from agent.server.protocol import json_schema

if __name__ == "__main__":
    json.dump(json_schema(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
