"""The ``AffectiveAgent`` facade: one turn of perceive -> appraise -> choose -> answer -> check."""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from agent.assembly import parts
from agent.authored_lines import Chosen, choose_line, line_for_event, turn_acts
from agent.config import Persona, check_facts, load_persona
from agent.dialogue import DialogueManager
from agent.errors import AgentError
from agent.live_perception import fuse_turn
from agent.server.game_events import PLAYER, appraise_with_relations
from agent.session_state import resume, snapshot, write_exchange
from agent.store import Store
from agent.troubles import tells_trouble
from agent.turn_appraisal import authored_impulses, empathic_impulse, insult_impulses
from agent.types import MAX_PASSED_S, AgentEmotion, Reply, Strategy, Utterance
from appraisal import (
    AffectState,
    DynamicsParams,
    EmotionParams,
    EmotionState,
    Impulse,
    step,
    step_emotions,
)
from perception import (
    AffectEstimate,
    ConversationEmotionRecognizer,
    DialogueTurn,
    check_text,
    plain_quotes,
)

log = logging.getLogger(__name__)


class AffectiveAgent:
    """An agent that perceives the user's emotion, feels its own, chooses a strategy and answers."""

    def __init__(
        self,
        *,
        persona: Persona,
        erc: ConversationEmotionRecognizer,
        policy: Any,
        responder: Any,
        safety: Any,
        store: Store | None = None,
        session: str = "default",
        memory: Any = None,
        transition: Any = None,
        intents: Any = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.persona = persona
        self.traits = persona.traits.big_five()
        self.params = DynamicsParams.for_personality(self.traits)
        self.policy = policy
        self.responder = responder
        self.safety = safety
        self.memory = memory
        self.transition = transition
        self.intents = intents  # agent.intents.MiniLMIntentRecognizer, when the persona has any
        self.store = store
        self.session = session
        self.clock = clock
        self.dialogue = DialogueManager(erc, agent_name=persona.name)
        self.state = AffectState.at_rest(self.traits)
        # The same impulses, kept per OCC type: which emotions the agent feels at once, each
        # fading on its own half-life. The blended ``state`` drives expression and mood; the
        # ledger's own mood is not read.
        self.feeling_params = EmotionParams.for_personality(self.traits)
        self.feelings = EmotionState.at_rest(self.traits)
        self._last_t: float | None = None
        self._skipped_s = 0.0  # time let pass by pass_time, added to every reading of the clock
        self._resumed = False  # the store gave back an earlier conversation: the user returns
        if store is not None:
            store.open_session(session, persona.name)
            self.state, self.feelings, self._resumed = resume(
                store, session, state=self.state, feelings=self.feelings, persona=persona,
                dialogue=self.dialogue,
            )  # fmt: skip

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_persona(
        cls,
        persona: str | Path | Persona = "sage",
        *,
        db_path: str | Path | None = None,
        session: str = "default",
        clock: Callable[[], float] = time.monotonic,
        text_options: Mapping[str, Any] | None = None,
        **backend_overrides: str,
    ) -> AffectiveAgent:
        """Build an agent from a persona name or file, with backends from the persona or overrides.

        ``backend_overrides`` maps capability -> backend name (``text="lexicon"``);
        ``text_options`` go to the text backend that takes them (``quantize=True``).
        """
        p = persona if isinstance(persona, Persona) else load_persona(persona)
        return cls(persona=p, session=session, clock=clock,
                   **parts(p, db_path=db_path, backend_overrides=backend_overrides,
                           text_options=text_options))  # fmt: skip

    # -- the turn -----------------------------------------------------------------------------

    def preview(self, utterance: Utterance) -> Reply:
        """Draft the reply to ``utterance`` without changing the agent or writing anything.

        Voice front ends draft at the first pause in the user's speech; when the turn really
        ends with the same words, ``respond(utterance, draft=...)`` reuses the drafted text
        instead of asking the responder again.
        """
        mark = self.dialogue.checkpoint()
        saved = (self.state, self.feelings, self._last_t)
        try:
            reply = self._turn(utterance, draft=None, commit=False)
        finally:
            self.dialogue.rewind(mark)
            self.state, self.feelings, self._last_t = saved
        return replace(reply, extras={**reply.extras, "draft_for": reply_key(utterance.text)})

    def respond(self, utterance: Utterance, *, draft: Reply | None = None) -> Reply:
        """Answer one user utterance; raises PerceptionError for text no one should read.

        Args:
            draft: a ``preview`` of the same words; its strategy and text are kept when the
                words match, so only perception, appraisal and storage run again.
        """
        return self._turn(utterance, draft=draft, commit=True)

    def _turn(self, utterance: Utterance, *, draft: Reply | None, commit: bool) -> Reply:
        from agent.responders import ResponseRequest
        from agent.strategy import PolicyContext

        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        # curly quotes as ASCII ones: the act, slot and safety patterns read "I'm", not "I’m"
        text = plain_quotes(check_text(utterance.text))
        now = self._now(utterance.t)
        trace: list[str] = []

        mark = time.perf_counter()
        flagged = self.safety.check(text)
        said = [t.text for t in self.dialogue.turns if t.speaker == self.dialogue.agent_name]
        if flagged is not None and hasattr(self.safety, "follow_up"):
            flagged = self.safety.follow_up(flagged, said)
        elif flagged is None and hasattr(self.safety, "after_crisis"):
            # means, a plan or a time, said just after a crisis was answered
            flagged = self.safety.after_crisis(text, said)
        timings["safety_ms"] = _ms(mark)

        mark = time.perf_counter()
        user_affect = self.dialogue.perceive(utterance.speaker, text)
        if self.dialogue.unread_language is not None:
            trace.append(f"user: the turn reads as language '{self.dialogue.unread_language}', "
                         "which the text model was not trained on; its emotion is not read")
        user_affect = fuse_turn(user_affect, utterance.estimates, now, trace)
        timings["perception_ms"] = _ms(mark)
        trace.append(
            f"user: {user_affect.label} ({user_affect.confidence:.2f}), "
            f"valence {user_affect.vad.valence:+.2f} from {user_affect.modality}"
        )
        shift = self.dialogue.shift(utterance.speaker)
        if shift is not None:
            trace.append(f"user shift: {shift.before} -> {shift.after}")

        mark = time.perf_counter()
        impulse = self._appraise(user_affect, utterance.speaker, tells_trouble(text))
        impulses = [] if impulse is None else [impulse]
        heard = self._hear(text, trace)
        impulses += self._appraise_words(text, utterance.speaker, heard, commit=commit)
        self._advance(impulses, now)
        emotion = self.agent_emotion()
        timings["appraisal_ms"] = _ms(mark)
        for cause in self.state.causes:
            trace.append(f"agent feels {cause.describe()}")
        if emotion.active:
            trace.append("agent's emotions now: " + _listed(emotion.active))
        trace.append(f"agent mood: {emotion.mood_label}")

        usable = (
            draft is not None
            and draft.extras.get("draft_for") == reply_key(text)
            and draft.safety == (flagged.category if flagged is not None else None)
        )
        mark = time.perf_counter()
        ctx = PolicyContext(
            history=list(self.dialogue.turns),
            user_affect=user_affect,
            agent_emotion=emotion,
            previous_strategies=list(self.dialogue.strategies),
            weights=self.persona.strategy_weights(),
        )
        if usable:
            assert draft is not None
            strategy: Strategy = draft.strategy
            trace.append(f"strategy: {strategy.value} (drafted at the pause)")
        else:
            decision = self.policy.choose(ctx)
            strategy = decision.strategy
            trace.append(f"strategy: {strategy.value} ({decision.reason})")
        timings["strategy_ms"] = _ms(mark)

        mark = time.perf_counter()
        recalled = self.memory.recall(text) if self.memory is not None else []
        line: str | None = None
        if usable:
            assert draft is not None
            reply_text, line = draft.text, draft.line
        elif flagged is not None:
            reply_text = flagged.response
            trace.append(f"safety: {flagged.category} response overrides the responder")
            if commit:
                log.warning(
                    "safety override: category=%s session=%s", flagged.category, self.session
                )
        elif (authored := self._authored(text, utterance.speaker, emotion, heard, trace,
                                         user_affect.label)):  # fmt: skip
            reply_text, strategy, line = authored.text, authored.strategy, authored.topic
            trace.append(f"authored line '{line}' answers ({strategy.value})")
        else:
            request = ResponseRequest(
                user_text=text,
                history=list(self.dialogue.turns),
                strategy=strategy,
                user_affect=user_affect,
                agent_emotion=emotion,
                persona_name=self.persona.name,
                persona_style=self.persona.style,
                memory=recalled,
                persona_role=self.persona.description,
                facts=dict(self.persona.facts),
                readings=tuple(
                    (e.label, e.vad.valence) for e in self.dialogue.emotions_of(utterance.speaker)
                ),
                persona_goals=tuple(
                    g.name for g in sorted(self.persona.goals, key=lambda g: -g.utility)
                    if g.utility > 0
                ),
                returning=self._resumed,
                kept=self.store is not None,
                real_world_advice=self.persona.real_world_advice,
            )
            reply_text = self.responder.respond(request)
            late = (
                self.safety.check_reply(reply_text) if hasattr(self.safety, "check_reply") else None
            )
            if late is not None:
                reply_text = late
                trace.append("safety: the responder's text was replaced")
        timings["respond_ms"] = _ms(mark)

        mark = time.perf_counter()
        if commit:
            self._resumed = False
            if self.memory is not None:
                self.memory.observe(text, user_affect.label, now)
            self.dialogue.add_agent_turn(reply_text, strategy)
            if self.store is not None:
                write_exchange(
                    self.store, self.session, speaker=utterance.speaker, text=text,
                    user_affect=user_affect, agent_name=self.persona.name, reply=reply_text,
                    strategy=strategy, agent_emotion=emotion,
                )  # fmt: skip
                self._save_state()
        timings["store_ms"] = _ms(mark)
        timings["total_ms"] = _ms(t0)
        return Reply(
            text=reply_text,
            strategy=strategy,
            user_affect=user_affect,
            agent_emotion=emotion,
            trace=tuple(trace),
            timings_ms=timings,
            safety=flagged.category if flagged is not None else None,
            line=line,
        )

    def _liking(self, who: str) -> float:
        """The agent's liking of ``who`` now (the user's when it knows no other)."""
        relations = self.persona.relations
        return relations.get(who, relations.get("user", 0.5))

    def _hear(self, text: str, trace: list[str]) -> set[str]:
        """The persona's intents heard in the turn (agent.intents), named in the trace."""
        if self.intents is None:
            return set()
        heard = self.intents.hear(text)
        trace.extend(f"heard intent '{h.intent}' ({h.similarity:.2f})" for h in heard)
        return {h.intent for h in heard}

    def _authored(self, text: str, speaker: str, emotion: AgentEmotion, heard: set[str],
                  trace: list[str], reading: str) -> Chosen | None:  # fmt: skip
        """The persona's authored line for this turn (agent.authored_lines), if one is called
        and every fact it says is known; ``reading``: the user's emotion label."""
        if not self.persona.lines:
            return None
        with_acts = any(line.acts for line in self.persona.lines)
        acts = turn_acts(text, reading) if with_acts else frozenset()
        chosen = choose_line(self.persona.lines, text, emotion, self._said(), self.persona.facts,
                             liking=self._liking(speaker), heard=heard, acts=acts)  # fmt: skip
        if chosen is not None and chosen.missing:
            trace.append(f"authored line '{chosen.topic}' needs the facts "
                         f"{', '.join(chosen.missing)}; the responder answers")  # fmt: skip
            return None
        return chosen

    def _said(self) -> list[str]:
        """What the agent has said in this conversation, oldest first."""
        return [t.text for t in self.dialogue.turns if t.speaker == self.dialogue.agent_name]

    def agent_emotion(self) -> AgentEmotion:
        s = self.state
        # The name is the strongest emotion type felt: the blend of pity and happy-for lies
        # nearest resentment in VAD, which the agent does not feel. The blend stays the VAD.
        # When no type is felt (all below 0.1), neither is the blend's nearest name: fading hope
        # mixed with a trace of pity also lies nearest resentment. The agent is then "neutral".
        strongest = self.feelings.dominant
        return AgentEmotion(
            vad=s.expressed,
            label=strongest,
            intensity=s.intensity,
            mood=s.mood,
            mood_label=s.mood.octant(),
            active=self.feelings.active(),
        )

    def feel(self, impulses: Sequence[Impulse], *, t: float | None = None) -> AgentEmotion:
        """Apply impulses from outside the conversation (game events appraised by OCC); with
        none, only let the time since the last step pass."""
        self._advance(impulses, self._now(t))
        return self.agent_emotion()

    def _now(self, t: float | None) -> float:
        """``t`` when the caller gives the time, else the clock plus the time let pass."""
        return self.clock() + self._skipped_s if t is None else t

    def _advance(self, impulses: Sequence[Impulse], now: float) -> None:
        """Both emotion models (the blend and the per-type ledger): decay since the last step,
        then ``impulses`` in order. With none, the blend still decays, or a later step would
        skip this interval."""
        dt = 0.0 if self._last_t is None else max(0.0, now - self._last_t)
        self._last_t = now
        ordered: list[Impulse | None] = [*impulses] or [None]
        for i, impulse in enumerate(ordered):
            self.state = step(self.state, impulse, dt if i == 0 else 0.0, self.params)
        self.feelings = step_emotions(self.feelings, impulses, dt, self.feeling_params)

    def pass_time(self, seconds: float) -> AgentEmotion:
        """Let ``seconds`` go by at once (a pause written into a scene, a night in the game):
        what the agent feels fades as over that time, and later turns keep the offset."""
        if not (math.isfinite(seconds) and 0.0 < seconds <= MAX_PASSED_S):
            raise AgentError(f"time to pass must be more than 0 and at most {MAX_PASSED_S:g} "
                             f"seconds (a week), got {seconds!r}")
        self._skipped_s += seconds
        emotion = self.feel([])
        self._save_state()
        return emotion

    def game_event(
        self,
        event: str,
        *,
        desirability: float,
        praiseworthiness: float | None = None,
        actor: str = PLAYER,
        target: str = "self",
        likelihood: float = 1.0,
    ) -> EventReaction:
        """Something happened in the game: appraise it with OCC (agent.server.game_events),
        move the liking of its actor, feel it, and say the persona's line for it, if any.

        The persona's relations are the one liking store, which words (an insult in a turn) and
        events both move; the engine's ``"player"`` is the person who speaks as ``"user"``.
        """
        appraised = appraise_with_relations(
            self.persona.relations, event=event, actor=actor, target=target,
            desirability=desirability, praiseworthiness=praiseworthiness, likelihood=likelihood,
        )  # fmt: skip
        self.persona.relations.clear()
        self.persona.relations.update(appraised.liking)
        emotion = self.feel(appraised.impulses)
        causes = tuple(i.cause.describe() for i in appraised.impulses)
        bark = self.bark(event)
        self._save_state()
        return EventReaction(emotion, causes, bark)

    def set_facts(self, values: Mapping[str, Any]) -> None:
        """Replace the persona's facts of the same names (``config.check_facts``), as a game
        engine's ``facts`` message does; a ValueError changes nothing. Kept with the session."""
        self.persona.facts = check_facts({**self.persona.facts, **values})
        self._save_state()

    def bark(self, event: str) -> Chosen | None:
        """The persona's authored line for a game event, said now: it joins the conversation
        (and the store) as the agent's turn, counted as the line's strategy."""
        if not self.persona.lines:
            return None
        chosen = line_for_event(self.persona.lines, event, self.agent_emotion(), self._said(),
                                self.persona.facts, liking=self._liking("user"))  # fmt: skip
        if chosen is not None and chosen.missing:
            log.warning("line '%s' for event %r needs the facts %s; it is not said",
                        chosen.topic, event, ", ".join(chosen.missing))  # fmt: skip
            return None
        if chosen is not None:
            self.dialogue.add_agent_turn(chosen.text, chosen.strategy)
            if self.store is not None:
                self.store.add_turn(self.session, self.persona.name, chosen.text,
                                    strategy=chosen.strategy.value,
                                    agent_emotion=self.agent_emotion().to_dict())  # fmt: skip
        return chosen

    def reset(self) -> None:
        """Forget the live conversation and return to the personality's resting state."""
        self.dialogue = DialogueManager(self.dialogue.erc, agent_name=self.persona.name)
        self.state = AffectState.at_rest(self.traits)
        self.feelings = EmotionState.at_rest(self.traits)
        self._last_t = None

    # -- internals ----------------------------------------------------------------------------

    def _appraise(self, user_affect: AffectEstimate, speaker: str,
                  trouble: bool) -> Impulse | None:  # fmt: skip
        liking = self._liking(speaker)
        seen = self.dialogue.emotions_of(speaker)
        previous = seen[-2] if len(seen) >= 2 else None
        if self.transition is not None:
            return self.transition.select(  # type: ignore[no-any-return]
                user_affect=user_affect,
                agent_state=self.state,
                traits=self.traits,
                history=list(self.dialogue.turns),
                previous_user_affect=previous,
                liking=liking,
                felt=self.feelings.dominant,
                trouble=trouble,
            )
        return empathic_impulse(user_affect, liking=liking, traits=self.traits, previous=previous,
                                trouble=trouble)  # fmt: skip

    def _appraise_words(self, text: str, speaker: str, heard: set[str], *,
                        commit: bool) -> list[Impulse]:  # fmt: skip
        """What the words of ``speaker`` make the agent feel as acts and events (an insult, the
        persona's authored ``[[appraisals]]``; agent.turn_appraisal), and its liking of them
        afterwards; a draft (preview) changes nothing."""
        liking = self._liking(speaker)
        goals = {g.name: g.utility for g in self.persona.goals}
        impulses, liking = insult_impulses(text, speaker, goals=goals, traits=self.traits,
                                           liking=liking)  # fmt: skip
        authored, liking = authored_impulses(text, speaker, rules=self.persona.appraisals,
                                             goals=goals, traits=self.traits, liking=liking,
                                             heard=heard)  # fmt: skip
        impulses += authored
        if commit and impulses:
            self.persona.relations[speaker] = liking
        return impulses

    def _save_state(self) -> None:
        """What must outlast a restart besides the turns (agent.session_state)."""
        if self.store is not None:
            self.store.save_state(self.session, snapshot(self.state, self.feelings, self.persona))

    @property
    def history(self) -> list[DialogueTurn]:
        return list(self.dialogue.turns)


@dataclass(frozen=True, slots=True)
class EventReaction:
    """How the agent took a game event: what it feels now, why, and its line, if it has one."""

    emotion: AgentEmotion
    causes: tuple[str, ...]
    bark: Chosen | None


def reply_key(text: str) -> str:
    """Words that make two transcripts "the same utterance" (case, spacing, punctuation aside)."""
    return " ".join(re.findall(r"[\w']+", text.lower()))


def _listed(active: dict[str, float]) -> str:
    """``pity 0.42, hope 0.10``: strongest first."""
    return ", ".join(f"{k} {v:.2f}" for k, v in sorted(active.items(), key=lambda kv: -kv[1]))


def _ms(mark: float) -> float:
    return (time.perf_counter() - mark) * 1000.0

