"""Conversational memory: the topics a user raised and how they felt, as a graph over SQLite.

Topics and feelings are rows in the agent's SQLite database (so they survive restarts with the
conversation); recall keeps a ``networkx`` graph of topic co-occurrence and feelings and ranks
what a new utterance touches, directly or through a neighbouring topic. The graph is read from
the rows once and then only the rows added since (by anyone writing to the database) are folded
in: rebuilt every turn, it cost a turn time that grew with everything the user ever said (212
ms a turn after 60 ESConv dialogues).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

import networkx as nx

from perception.base import split_sentences

# A short stop list kept here because no core dependency ships one offline (NLTK's must be
# downloaded); it only has to keep function words out of topic nodes. Greetings and
# pleasantries ("hello", "thanks", "good") are in it too: recalled as topics, they came back as
# "Earlier you mentioned your hello"; so are adjectives that stand in a noun's place ("a
# better job": "your better") and what everyone shares ("the pandemic": "your pandemic").
_STOP = frozenset(
    """a about after again all also am an and any are as at be because been before being but by
    can could did do does doing don't down for from get got had has have having he her here hers
    him his how i i'm i've if in into is it it's its just know like me more most much my no not
    now of off on once only or other our out over really she should so some still such than that
    the their them then there these they thing things this those through to today too up very
    was we were what when where which while who why will with would you your yes yeah feel feels
    felt feeling one lot bit actually maybe think going want make made day time
    hello hey hiya okay thanks thank please bye goodbye good great fine nice well sure lol haha
    ever never always sorry even last next need needs lately tonight yesterday tomorrow
    anyone anybody someone somebody everyone everybody nobody wonder
    better worse best worst new old little big whole same own few many couple long short hard
    bad ago while kind sort type way something anything everything nothing lots
    pandemic covid coronavirus virus lockdown quarantine world
    """.split()
)
_WORD = re.compile(r"[a-z][a-z']{2,}")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*|\d+")
# what stands before a noun: a determiner, a possessive, a number, a preposition that takes one
_DETERMINERS = frozenset(
    """my our your his her their the a an this these those some any no every each another
    about with from for of at in on without""".split()
) | {str(n) for n in range(100)}
_CONTRACTION = re.compile(r"n't$|'(?:re|ve|ll|d|m)$|^(?:that|what|there|here|he|she|who|where|"
                          r"how|let|it|when|why)'s$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS memory_mentions (
    id INTEGER PRIMARY KEY,
    user TEXT NOT NULL,
    topic TEXT NOT NULL,
    emotion TEXT NOT NULL,
    t REAL NOT NULL,
    utterance INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS memory_mentions_user ON memory_mentions(user, topic);
"""


@dataclass(frozen=True, slots=True)
class Memory:
    topic: str
    emotion: str
    mentions: int
    score: float

    def describe(self) -> str:
        return f"your {self.topic} (you felt {self.emotion})"


def topics(text: str) -> list[str]:
    """The things an utterance names, in order, without repeats: a word in a noun's place (after
    "my", "the", "a", a number or "about", with at most one word between) or a name (a capital
    word not opening its sentence). Recalled as "Earlier you mentioned your ...", anything else
    read back as nonsense ("your find", "your hard", "your that's" in ESConv valid replays).
    A noun phrase's own words are checked by hand: no part-of-speech tagger ships offline with
    the core dependencies.

    >>> topics("That's my mom's garden, and I can't stop crying")
    ['mom', 'garden']
    >>> topics("I told Anna about work, it was hard to find help")
    ['anna', 'work']
    """
    seen: dict[str, None] = {}
    for sentence in split_sentences(text):
        tokens = _TOKEN.findall(sentence)
        for i, token in enumerate(tokens):
            word = token.lower().strip("'")
            # a contraction is a function word ("that's"); a possessive is its owner ("mom's")
            if (not _WORD.fullmatch(word) or _CONTRACTION.search(word)
                    or word.removesuffix("'s") in _STOP or len(word) <= 2):
                continue
            word = word.removesuffix("'s")
            before = [t.lower() for t in tokens[max(0, i - 2):i]]
            placed = (bool(before) and before[-1] in _DETERMINERS) or (
                len(before) == 2 and before[0] in _DETERMINERS and before[1] not in _STOP)
            # (a word in capitals is shouted, not a name: "EVERYTHING I love")
            named = token[0].isupper() and not token.isupper() and i > 0
            if placed or named:
                seen.setdefault(word, None)
    return list(seen)


class MemoryGraph:
    """What each user talked about, with the feeling attached, recalled by topic overlap."""

    def __init__(self, conn: sqlite3.Connection, *, user: str = "user") -> None:
        self.conn = conn
        self.user = user
        with conn:
            conn.executescript(_SCHEMA)
        self._graph = nx.Graph()
        self._read_to = 0  # the last row id folded into the graph

    def observe(self, text: str, emotion: str, t: float) -> None:
        found = topics(text)
        if not found:
            return
        (last,) = self.conn.execute(
            "SELECT COALESCE(MAX(utterance), 0) FROM memory_mentions WHERE user = ?", (self.user,)
        ).fetchone()
        with self.conn:
            self.conn.executemany(
                "INSERT INTO memory_mentions(user, topic, emotion, t, utterance) "
                "VALUES (?, ?, ?, ?, ?)",
                [(self.user, topic, emotion, float(t), last + 1) for topic in found],
            )

    def graph(self) -> nx.Graph:
        """Topics linked when said in one utterance; each topic node counts its feelings.

        The rows added since the last call are folded into the graph kept from it. An
        utterance's rows are written in one transaction with a new utterance number, so they
        arrive together and link only to each other."""
        g = self._graph
        rows = self.conn.execute(
            "SELECT id, topic, emotion, utterance FROM memory_mentions WHERE user = ? AND id > ? "
            "ORDER BY id", (self.user, self._read_to),
        ).fetchall()
        if rows:
            self._read_to = rows[-1][0]
        by_utterance: dict[int, list[str]] = {}
        for _, topic, emotion, utterance in rows:
            if topic not in g:
                g.add_node(topic, emotions={}, mentions=0)
            node = g.nodes[topic]
            node["mentions"] += 1
            node["emotions"][emotion] = node["emotions"].get(emotion, 0) + 1
            by_utterance.setdefault(utterance, []).append(topic)
        for words in by_utterance.values():
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    w = g.get_edge_data(a, b, {"weight": 0})["weight"]
                    g.add_edge(a, b, weight=w + 1)
        return g

    def recall(self, text: str, *, limit: int = 3) -> list[str]:
        """Earlier topics this utterance touches, most relevant first, as short phrases."""
        return [m.describe() for m in self.related(text, limit=limit)]

    def related(self, text: str, *, limit: int = 3) -> list[Memory]:
        g = self.graph()
        scores: dict[str, float] = {}
        # any word of the message may touch a topic kept ("Anna called me again")
        for word in dict.fromkeys(_WORD.findall(text.lower())):
            word = word.strip("'").removesuffix("'s")
            if word not in g:
                continue
            scores[word] = scores.get(word, 0.0) + 2.0
            for other in g.neighbors(word):
                scores[other] = scores.get(other, 0.0) + 0.5 * g[word][other]["weight"]
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        out = []
        for topic, score in ranked:
            node = g.nodes[topic]
            emotion = max(node["emotions"], key=lambda e: node["emotions"][e])
            out.append(Memory(topic, emotion, node["mentions"], score))
        return out
