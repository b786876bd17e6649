"""Talk to an NPC over the engine protocol: run ``affect serve`` first, then this script.

affect serve --port 8765 &
python examples/python_npc.py ws://127.0.0.1:8765

Grim, the shipped tavern keeper, answers a question about a room with its authored line, says
the new price after the game sets a fact, hears a question in words of the player's own by
meaning (its [[intents]]), takes scorn for its ale as a blameworthy act (its [[appraisals]])
and refuses a room while angry, and barks at an insult event.
"""

from __future__ import annotations

import asyncio
import sys

from agent.server.client import NpcClient, Turn


def show(heard: str, turn: Turn) -> None:
    top = sorted(turn.blendshapes.items(), key=lambda kv: -kv[1])[:3]
    line = turn.first("turn_end").get("line")
    print(f"> {heard}\n{turn.text or '(no words)'}\n  feels {turn.emotion['label']}, "
          f"line {line}, face {[name for name, _ in top]}")  # fmt: skip


async def main(url: str) -> None:
    async with NpcClient.connect(url, persona="grim") as npc:
        show("A room for the night?", await npc.say("A room for the night?"))
        await npc.facts(room_price="seven silver")  # the game raised the price
        show("A room, then?", await npc.say("A room, then?"))
        show("Heard any gossip lately?", await npc.say("Heard any gossip lately?"))
        show("What's been going on around here?",  # no `when` words: heard as ask_news
             await npc.say("What's been going on around here?"))
        show("Your ale tastes like mud.", await npc.say("Your ale tastes like mud."))
        show("A room for my friend?", await npc.say("A room for my friend?"))  # angry now
        turn = await npc.event("insult", actor="player", desirability=-0.5, praiseworthiness=-0.9)
        show("(game event: insult)", turn)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:8765"))
