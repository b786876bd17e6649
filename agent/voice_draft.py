"""Speculative replies: draft and start speaking the answer while the user's pause may end the turn.

At the first pause the transcript is already computed speculatively; the agent's thread then
drafts the reply with ``AffectiveAgent.preview`` (no state change, nothing stored) and
``start_draft`` starts synthesising its first chunk in another thread. When the turn really
ends, ``ResponderProcessor`` commits with ``respond(draft=...)`` on the agent's thread and, only
if the committed reply is the drafted one (same words heard, same reply text, near-identical
prosody), plays the audio already made. A user who resumes speaking marks the speculation
dropped, so its draft never reaches the responder; a draft for other words than the final
transcript is discarded by ``draft_matches``. A stale reply is never played.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from agent.core import reply_key
from agent.types import Reply
from voice.audio import AudioClip
from voice.prosody import Prosody

PROSODY_TOLERANCE = {"pitch_semitones": 0.5, "rate": 0.03, "volume": 0.05, "pause_ms": 30.0}
"""How far the committed prosody may drift from the drafted one (the agent's emotion decays a
little between the pause and the end of turn) before the drafted audio is re-synthesised. Half
a semitone and 3 % rate are below what listeners notice between two renditions of a clause."""


@dataclass
class SpokenDraft:
    """A previewed reply and its speech in progress: ``first`` yields the first chunk's audio,
    ``chunks`` (the same TTS stream) the rest."""

    key: str
    reply: Reply
    prosody: Prosody
    chunks: Iterator[AudioClip]
    first: asyncio.Task[AudioClip | None]
    discarded: bool = False

    def discard(self) -> None:
        """Never play this draft. Synthesis already running in its thread finishes unheard."""
        self.discarded = True
        close = getattr(self.chunks, "close", None)
        if close is not None and self.first.done():
            close()  # the generator is idle: release it now


@dataclass
class Speculation:
    """One speculative hearing started at a pause; ``dropped`` when the user resumed."""

    task: asyncio.Task[Any] | None = None
    dropped: bool = False
    draft: SpokenDraft | None = field(default=None, repr=False)

    def drop(self) -> None:
        self.dropped = True
        if self.draft is not None:
            self.draft.discard()


def start_draft(assistant: Any, reply: Reply, text: str) -> SpokenDraft:
    """Start synthesising the first chunk of ``reply``, drafted for the words ``text``, in a
    worker thread."""
    prosody = assistant.prosody(reply)
    chunks = assistant.speak(reply.text, prosody)
    first = asyncio.create_task(asyncio.to_thread(next, chunks, None))
    return SpokenDraft(reply.extras.get("draft_for", reply_key(text)), reply, prosody, chunks,
                       first)


def draft_matches(draft: SpokenDraft | None, text: str) -> bool:
    """Whether ``draft`` was made for the words of the final transcript ``text``."""
    return draft is not None and not draft.discarded and draft.key == reply_key(text)


def same_prosody(a: Prosody, b: Prosody) -> bool:
    da, db = a.to_dict(), b.to_dict()
    return all(abs(da[k] - db[k]) <= tol for k, tol in PROSODY_TOLERANCE.items())


def playable(draft: SpokenDraft, reply: Reply, prosody: Prosody) -> bool:
    """Whether the committed ``reply`` said with ``prosody`` is what the draft already speaks."""
    return (not draft.discarded and reply.text == draft.reply.text
            and same_prosody(prosody, draft.prosody))
