"""``affect bench server``: many concurrent NPC sessions against ``affect serve`` on loopback.

The server runs as its own process (so its memory is measured alone, from /proc); the sessions
are real WebSocket clients in this process, each a player who says a line, waits for the whole
turn (text, emotion, expression, visemes, turn_end), then thinks for a while. Traffic goes to
127.0.0.1 only, and the run stops by itself after ``--seconds``.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import click

from agent.benchmarks import machine, percentiles_ms
from agent.benchmarks.turn import LINES
from agent.cli.encoder_options import encoder_options


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB (Linux /proc; the team's machines)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise RuntimeError(f"no VmRSS for pid {pid}")


def start_server(text_backend: str, precision: str = "auto", runtime: str = "auto"
                 ) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "agent", "serve", "--host", "127.0.0.1", "--port", "0",
           "--no-audio", "--rate", "50", "--text-backend", text_backend,
           "--precision", precision, "--runtime", runtime]  # fmt: skip
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        found = re.search(r"listening on (ws://\S+)", line)
        if found:
            return proc, found.group(1)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise click.ClickException("affect serve did not start (run it alone to see why)")


async def _player(
    url: str,
    index: int,
    stop_at: float,
    think_s: float,
    per_session: int,
    latencies: list[float],
    compute: list[float],
    errors: list[str],
) -> int:
    """One seat at the table: a player talks ``per_session`` turns to an NPC, leaves, and the
    next player opens a new session, until the time is up."""
    from agent.server.client import NpcClient, ServerError

    rng = random.Random(index)
    turns = 0
    visit = 0
    await asyncio.sleep(rng.uniform(0, think_s))  # players don't all start at once
    while time.monotonic() < stop_at:
        persona = ("sage", "sunny", "grim")[(index + visit) % 3]
        session = f"bench-{index}-{visit}"
        visit += 1
        try:
            async with NpcClient.connect(url, persona=persona, session=session) as npc:
                for _ in range(per_session):
                    if time.monotonic() >= stop_at:
                        break
                    t0 = time.perf_counter()
                    turn = await npc.say(LINES[(index + turns) % len(LINES)])
                    latencies.append(time.perf_counter() - t0)
                    compute.append(turn.first("turn_end")["latency_ms"] / 1000.0)
                    if turn.types[-4:] != ["emotion", "expression", "visemes", "turn_end"]:
                        errors.append(f"out of order: {turn.types}")
                    turns += 1
                    await asyncio.sleep(rng.uniform(0.5 * think_s, 1.5 * think_s))
        except (TimeoutError, ServerError, OSError) as exc:
            errors.append(f"session {session}: {exc}")
    return turns


async def _run(
    url: str, pid: int, sessions: int, seconds: float, think_s: float, per_session: int
) -> dict:
    latencies: list[float] = []
    compute: list[float] = []
    errors: list[str] = []
    rss: list[tuple[float, float]] = [(0.0, rss_mb(pid))]
    t0 = time.monotonic()
    stop_at = t0 + seconds
    players = [
        asyncio.create_task(
            _player(url, i, stop_at, think_s, per_session, latencies, compute, errors)
        )
        for i in range(sessions)
    ]
    while not all(p.done() for p in players):
        await asyncio.sleep(min(5.0, seconds / 12))
        rss.append((round(time.monotonic() - t0, 1), round(rss_mb(pid), 1)))
    turns = sum(p.result() for p in players)
    return {"latencies": latencies, "compute": compute, "errors": errors, "rss": rss,
            "turns": turns}  # fmt: skip


@click.command("server")
@click.option("--sessions", default=100, show_default=True, help="Concurrent NPC sessions.")
@click.option("--seconds", default=60.0, show_default=True, help="How long the players talk.")
@click.option("--think-s", default=2.0, show_default=True, help="Mean pause between turns.")
@click.option(
    "--turns-per-session", default=10, show_default=True,
    help="Turns before a player leaves and a new session takes the seat.",
)  # fmt: skip
@click.option("--text-backend", default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@encoder_options
def bench_server(
    sessions: int, seconds: float, think_s: float, turns_per_session: int, text_backend: str,
    as_json: bool, precision: str, runtime: str,
) -> None:  # fmt: skip
    """p95 turn latency and server memory over time with N concurrent NPC sessions."""
    if not (1 <= sessions <= 1000 and 1 <= seconds <= 600):
        raise click.BadParameter("sessions must be 1-1000 and seconds 1-600")
    proc, url = start_server(text_backend, precision, runtime)
    try:
        out = asyncio.run(_run(url, proc.pid, sessions, seconds, think_s, turns_per_session))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    rss = out["rss"]
    # Memory "flat": compare the second half's growth with the first, after sessions warmed up.
    warm = next((mb for t, mb in rss if t >= seconds * 0.25), rss[-1][1])
    result = {
        "bench": "server",
        "sessions": sessions,
        "seconds": seconds,
        "think_s": think_s,
        "turns_per_session": turns_per_session,
        "precision": precision,
        "runtime": runtime,
        "turns": out["turns"],
        "turns_per_s": round(out["turns"] / seconds, 2),
        "errors": len(out["errors"]),
        "first_errors": out["errors"][:5],
        "all_answered": not out["errors"] and len(out["latencies"]) == out["turns"],
        "turn_latency": percentiles_ms(out["latencies"]) if out["latencies"] else {},
        "max_ms": round(max(out["latencies"], default=0.0) * 1000.0, 1),
        # the server's own time for a turn (agent + rendering), without queueing or network
        "server_compute": percentiles_ms(out["compute"]) if out["compute"] else {},
        "rss_mb": {"start": rss[0][1], "after_warmup": warm, "end": rss[-1][1]},
        "rss_growth_after_warmup_mb": round(rss[-1][1] - warm, 1),
        "rss_over_time": rss,
        "machine": machine(),
    }
    click.echo(json.dumps(result) if as_json else json.dumps(result, indent=2))
    if not result["all_answered"]:
        sys.exit(1)
