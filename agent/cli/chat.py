"""``affect chat``: talk to the agent in a rich terminal UI, or script it with JSON out."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click
from rich.markup import escape

from agent.cli.encoder_options import encoder_kwargs, encoder_options
from agent.errors import AgentError
from appraisal import AppraisalError
from perception import PerceptionError

INPUT_ERRORS = (PerceptionError, AppraisalError, AgentError, UnicodeDecodeError)


def _lines(stream: IO[bytes]) -> Iterator[str]:
    """Lines decoded as UTF-8; undecodable bytes become U+FFFD so the recognizer can refuse them."""
    for raw in stream:
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


CHAT_HELP = ("commands: /help this list, /quit or /exit (or Ctrl-D) to leave, /facts the "
             "persona's facts, /fact NAME = VALUE to change one (what its lines say), "
             "/event NAME DESIRABILITY [PRAISEWORTHINESS] a game event by the player (OCC; "
             "e.g. /event insult -0.6 -0.9), /wait SECONDS let time pass (emotions fade); "
             "anything else is said to the agent")
WAIT_USAGE = "[yellow]usage: /wait SECONDS[/], more than 0 and at most 604800 (a week)"


def _feels(agent: Any, emotion: Any) -> str:
    """``Grim feels anger: anger 0.61, reproach 0.40``: the three strongest types, dimmed."""
    felt = ", ".join(f"{k} {v:.2f}" for k, v in sorted(emotion.active.items(),
                                                       key=lambda kv: -kv[1])[:3])  # fmt: skip
    return f"[dim]{agent.persona.name} feels {emotion.label}: {felt or 'nothing'}[/]"


def _wait_command(agent: Any, command: str) -> str:
    """``/wait SECONDS``: the agent's clock moves on; what it feels afterwards."""
    try:
        seconds = float(command.split(maxsplit=1)[1])
        emotion = agent.pass_time(seconds)
    except (IndexError, ValueError, AgentError):
        return WAIT_USAGE
    return f"[dim]{seconds:g} s later,[/] " + _feels(agent, emotion)


EVENT_USAGE = ("[yellow]usage: /event NAME DESIRABILITY [PRAISEWORTHINESS][/], numbers in "
               "[-1, 1], e.g. /event player_gave_gift 0.6 0.7")


def _event_command(agent: Any, command: str) -> str:
    """``/event NAME DESIRABILITY [PRAISEWORTHINESS]``: a game event by the player, appraised as
    the NPC server appraises one; the agent's line for it, if any, and what it feels now."""
    parts = command.split()[1:]
    try:
        name, numbers = parts[0], [float(x) for x in parts[1:]]
    except (IndexError, ValueError):
        return EVENT_USAGE
    if len(numbers) not in (1, 2) or not all(-1.0 <= x <= 1.0 for x in numbers):
        return EVENT_USAGE
    reaction = agent.game_event(name, desirability=numbers[0],
                                praiseworthiness=numbers[1] if len(numbers) == 2 else None)
    said = (f"[bold magenta]{agent.persona.name}>[/] {escape(reaction.bark.text)}\n"
            if reaction.bark is not None else "")
    return said + _feels(agent, reaction.emotion)


def _fact_command(agent: Any, command: str) -> str:
    """``/facts`` lists the persona's facts; ``/fact NAME = VALUE`` sets one, as a game engine
    does with a ``facts`` message (the value is text)."""
    facts = agent.persona.facts
    if command == "/facts":
        listed = "; ".join(f"{k} = {v}" for k, v in facts.items())
        return escape(listed) or "this persona has no facts"
    name, eq, value = command.removeprefix("/fact").partition("=")
    if not eq or not name.strip() or not value.strip():
        return "[yellow]usage: /fact NAME = VALUE[/], e.g. /fact room_price = seven silver"
    try:
        agent.set_facts({name.strip(): value.strip()})
    except ValueError as exc:
        return f"[red]{escape(str(exc))}[/]"
    return escape(f"{name.strip()} = {value.strip()}")


def _build_agent(persona: str, db: str | None, session: str, text_backend: str,
                 text_options: dict[str, Any]) -> object:
    from agent.core import AffectiveAgent

    overrides: dict[str, Any] = {"text": text_backend} if text_backend != "auto" else {}
    try:
        return AffectiveAgent.from_persona(persona, db_path=db, session=session,
                                           text_options=text_options, **overrides)
    except AgentError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.option(
    "--persona", default="sage", show_default=True, help="Shipped persona name or TOML path."
)
@click.option("--db", default=None, help="SQLite file that keeps the conversation across runs.")
@click.option("--session", default="default", show_default=True, help="Conversation id in --db.")
@click.option(
    "--script",
    "script",
    type=click.File("rb"),
    default=None,
    help="Read user lines from FILE (- for stdin); print one JSON object per reply. Commands "
    "work there too (/fact, /event: a script can play the game's side of a scene; /wait "
    "SECONDS: a pause, as in a real scene).",
)
@click.option("--json", "as_json", is_flag=True, help="Interactive, but print JSON replies.")
@click.option("--text-backend", default="auto", show_default=True, help="Text emotion backend.")
@click.option(
    "--camera",
    default=None,
    metavar="camera[:N]",
    help="Read your face from a webcam while you type (needs the face extra).",
)
@click.option(
    "--eeg",
    default=None,
    metavar="brainflow:BOARD|lsl:NAME",
    help="Read EEG/physio from a live BrainFlow board or LSL stream (needs the physio extra).",
)
@encoder_options
def chat(
    persona: str,
    db: str | None,
    session: str,
    script: IO[bytes] | None,
    as_json: bool,
    text_backend: str,
    camera: str | None,
    eeg: str | None,
    precision: str,
    runtime: str,
) -> None:
    """Talk with the agent. Empty input is ignored; /help lists commands; Ctrl-D or /quit ends
    the chat."""
    from rich.console import Console

    from agent.core import AffectiveAgent

    options = encoder_kwargs(precision, runtime)
    if script is None:  # a few seconds of model loading: say so on the terminal
        with Console(stderr=True).status("Loading the agent's models..."):
            agent = _build_agent(persona, db, session, text_backend, options)
    else:
        agent = _build_agent(persona, db, session, text_backend, options)
    assert isinstance(agent, AffectiveAgent)
    live: Any = None
    if camera or eeg:
        from agent.live_perception import LivePerception

        try:
            live = LivePerception(face=camera, eeg=eeg)
        except PerceptionError as exc:
            raise click.ClickException(str(exc)) from exc
    with live if live is not None else contextlib.nullcontext():
        if script is not None:
            _scripted(agent, script, live)
        else:
            _interactive(agent, as_json, live)


def _utterance(line: str, live: Any) -> Any:
    from agent.types import Utterance

    return Utterance(line, estimates=live.estimates() if live is not None else ())


def _command(agent: Any, command: str) -> str | None:
    """The output of a chat command (rich markup), or None when ``command`` is none."""
    if command in ("/facts", "/fact") or command.startswith("/fact "):
        return _fact_command(agent, command)
    if command == "/event" or command.startswith("/event "):
        return _event_command(agent, command)
    if command == "/wait" or command.startswith("/wait "):
        return _wait_command(agent, command)
    if command.startswith("/") and " " not in command:
        # a lone slash word is a command, never sent to the agent by mistake
        if command == "/help":
            return CHAT_HELP
        return f"[yellow]unknown command {escape(command)}[/]; {CHAT_HELP}"
    return None


def _scripted(agent: Any, script: IO[bytes], live: Any) -> None:
    """One JSON object per line: a reply, a command's output (``/fact``, ``/event``: a script
    can play a game's side of a scene), or an error; ``/quit`` ends the script."""
    from rich.text import Text

    for number, line in enumerate(_lines(script), start=1):
        command = line.strip()
        if command in {"/quit", "/exit"}:
            break
        out = _command(agent, command)
        if out is not None:
            click.echo(json.dumps({"command": command.split()[0], "output": Text.from_markup(
                out).plain, "script_line": number}, ensure_ascii=False))
            continue
        try:
            reply = agent.respond(_utterance(line, live))
        except INPUT_ERRORS as exc:
            # "line" was the first name of the number; a reply's "line" is its authored line
            click.echo(json.dumps({"error": str(exc), "script_line": number, "line": number}))
            click.echo(f"line {number}: {exc}", err=True)
            continue
        click.echo(json.dumps(reply.to_dict(), ensure_ascii=False))


def _interactive(agent: object, as_json: bool, live: Any = None) -> None:
    from rich.console import Console

    from agent.cli.chat_view import ChatView
    from agent.core import AffectiveAgent

    assert isinstance(agent, AffectiveAgent)
    console = Console()
    view = ChatView(console, agent.persona.name)
    view.welcome(agent)
    while True:
        try:
            line = console.input("[bold cyan]you>[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        command = line.strip()
        if command in {"/quit", "/exit"}:
            break
        if not command:
            continue
        out = _command(agent, command)
        if out is not None:
            console.print(out, markup=True, highlight=False)
            continue
        try:
            reply = agent.respond(_utterance(line, live))
        except INPUT_ERRORS as exc:
            console.print(f"[red]{exc}[/]")
            continue
        if as_json:
            console.print_json(json.dumps(reply.to_dict(), ensure_ascii=False))
        else:
            view.show(reply)
        if live is not None:
            from agent.cli.perception_view import perception_panel

            console.print(perception_panel(live.fused(), live.faces, live.error))
    sys.stdout.flush()
