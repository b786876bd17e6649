"""Past-only, speaker-aware context features for ERC, and the small numpy heads that read them.

One function builds the features for training (whole dialogues at once) and for live use (the
last turn of the history), so the model is served exactly as it was trained. Everything here is
numpy only; the sentence embeddings come in from the encoder.

Features of turn ``i`` given the embeddings ``e`` of turns ``0..i`` (each 384-d, unit length):
the turn itself, the turn before it, the speaker's own previous turn, the last turn by someone
else, and an exponentially decayed mean of all earlier turns (half-life ``CONTEXT_HALF_LIFE``
turns), plus four flags (has a previous turn, has an own previous turn, the previous turn is the
same speaker's, position in the dialogue). Nothing from turns after ``i`` is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from perception.errors import ModelUnavailableError

CONTEXT_HALF_LIFE = 1.0
N_FLAGS = 4
N_BLOCKS = 5


def feature_dim(embedding_dim: int) -> int:
    return N_BLOCKS * embedding_dim + N_FLAGS


def context_features(embeddings: np.ndarray, speakers: Sequence[str]) -> np.ndarray:
    """Features of every turn of one dialogue, each from that turn and the turns before it only.

    >>> e = np.eye(3, dtype=np.float32)
    >>> f = context_features(e, ["a", "b", "a"])
    >>> f.shape, bool(np.all(f[0, 3:15] == 0)), bool(np.all(f[2, 6:9] == e[0]))
    ((3, 19), True, True)
    """
    emb = np.asarray(embeddings, dtype=np.float32)
    n, d = emb.shape
    if len(speakers) != n:
        raise ValueError(f"{n} embeddings but {len(speakers)} speakers")
    out = np.zeros((n, feature_dim(d)), dtype=np.float32)
    decay = np.float32(0.5 ** (1.0 / CONTEXT_HALF_LIFE))
    running = np.zeros(d, dtype=np.float32)
    weight = 0.0
    last_by: dict[str, int] = {}
    for i in range(n):
        row = out[i]
        row[:d] = emb[i]
        if i > 0:
            row[d : 2 * d] = emb[i - 1]
            row[4 * d : 5 * d] = running / weight
        own = last_by.get(speakers[i])
        if own is not None:
            row[2 * d : 3 * d] = emb[own]
        other = _last_other(last_by, speakers[i])
        if other is not None:
            row[3 * d : 4 * d] = emb[other]
        row[5 * d :] = (
            float(i > 0),
            float(own is not None),
            float(i > 0 and speakers[i - 1] == speakers[i]),
            min(i, 20) / 20.0,
        )
        running = running * decay + emb[i]
        weight = weight * float(decay) + 1.0
        last_by[speakers[i]] = i
    return out


def context_pairs(speakers: Sequence[str], texts: Sequence[str], past_turns: int
                  ) -> list[tuple[str, str]]:
    """(current turn, its past) encoder inputs of every turn of one dialogue, past-only.

    Speakers become relative tags: the current speaker is ``A``, the others ``B``, ``C``, ... in
    the order they are met going back, so renaming everyone consistently changes nothing while
    who said what does. The past holds up to ``past_turns`` earlier turns, most recent first
    (the encoder truncates at the end, so the oldest words go first).

    >>> context_pairs(["x", "y", "x"], ["hi", "hey", "so?"], 2)[2]
    ('A: so?', 'B: hey | A: hi')
    """
    if len(speakers) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(speakers)} speakers")
    out = []
    for i, text in enumerate(texts):
        tags = {speakers[i]: "A"}
        past = []
        for j in range(i - 1, max(-1, i - 1 - past_turns), -1):
            if speakers[j] not in tags:
                tags[speakers[j]] = "BCDEFGH"[min(len(tags) - 1, 6)]
            past.append(f"{tags[speakers[j]]}: {texts[j]}")
        out.append((f"A: {text}", " | ".join(past)))
    return out


def _last_other(last_by: Mapping[str, int], speaker: str) -> int | None:
    others = [i for s, i in last_by.items() if s != speaker]
    return max(others) if others else None


class MLPHead:
    """A trained feed-forward head: standardise, then ReLU layers, then a linear output."""

    def __init__(self, *, arrays: Mapping[str, np.ndarray], prefix: str) -> None:
        try:
            self.mean = arrays[f"{prefix}/mean"].astype(np.float32)
            self.scale = arrays[f"{prefix}/scale"].astype(np.float32)
            self.layers: list[tuple[np.ndarray, np.ndarray]] = []
            k = 0
            while f"{prefix}/W{k}" in arrays:
                self.layers.append(
                    (arrays[f"{prefix}/W{k}"].astype(np.float32),
                     arrays[f"{prefix}/b{k}"].astype(np.float32))
                )
                k += 1
        except KeyError as exc:
            raise ModelUnavailableError(
                f"the head file has no {prefix!r} head ({exc}); rebuild it with `affect train text`"
            ) from exc
        if not self.layers:
            raise ModelUnavailableError(
                f"the head file has no {prefix!r} layers; rebuild it with `affect train text`"
            )

    @property
    def input_dim(self) -> int:
        return int(self.layers[0][0].shape[0])

    def __call__(self, x: np.ndarray) -> np.ndarray:
        h = (np.asarray(x, dtype=np.float32) - self.mean) / self.scale
        for k, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return h


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)  # type: ignore[no-any-return]
