"""Talk to an NPC over the engine protocol: run ``affect serve`` first, then this script.

affect serve --port 8765 &
python examples/python_npc.py ws://127.0.0.1:8765
"""

from __future__ import annotations

import asyncio
import sys

from agent.server.client import NpcClient


async def main(url: str) -> None:
    async with NpcClient.connect(url, persona="grim") as npc:
        for line in ("Good evening, innkeeper.", "Your ale tastes like mud."):
            turn = await npc.say(line)
            top = sorted(turn.blendshapes.items(), key=lambda kv: -kv[1])[:3]
            print(f"> {line}\n{turn.text}\n  feels {turn.emotion['label']}, face {top}, "
                  f"{len(turn.visemes)} visemes")  # fmt: skip
        turn = await npc.event("insult", actor="player", desirability=-0.5, praiseworthiness=-0.9)
        print(f"after the insult: {turn.emotion['label']} ({turn.emotion['intensity']:.2f})")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:8765"))
