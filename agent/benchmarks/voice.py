"""``affect bench voice``: end of user speech -> first agent audio sample, and TTS speed.

Utterances are synthesised with two voices (Piper joe and espeak-ng), streamed in real time in
32 ms frames through the voice pipeline (speech activity, adaptive end of turn, speculative
ASR, speech emotion, a reply drafted and its first chunk synthesised during the end-of-turn
wait, AffectiveAgent.respond, sentence-streamed TTS), and the latency is the
wall time from the moment the frame holding the last speech sample was delivered to the moment
the first reply audio frame reached the output.
"""

from __future__ import annotations

import asyncio
import json
import time

import click
import numpy as np

from agent.benchmarks import machine, percentiles_ms

LINES = (
    "I lost my job today and I feel awful.",
    "My manager did not even look at me when he told me.",
    "I am scared I will not be able to pay the rent.",
    "Thanks, that actually helps a bit.",
    "Maybe I could call my old colleague tomorrow.",
    "I am so angry at how they treated everyone.",
    "Honestly, I just feel tired all the time.",
    "What would you do in my place?",
    "We finally finished the garden this weekend.",
    "My sister is coming to visit next month.",
    "I could not sleep at all last night.",
)
FRAME = 512
RATE = 16_000


def speech_end(samples: np.ndarray) -> int:
    """Index just after the last 10 ms block within 26 dB of the loudest block."""
    blocks = samples[: len(samples) // 160 * 160].reshape(-1, 160)
    level = np.sqrt((blocks.astype(np.float64) ** 2).mean(axis=1))
    loud = np.nonzero(level > level.max() * 0.05)[0]
    return int((loud[-1] + 1) * 160)


def user_clips(n: int) -> list[tuple[str, np.ndarray]]:
    from voice.prosody import Prosody
    from voice.tts import EspeakTTS, PiperTTS

    voices = [PiperTTS(seed=0), EspeakTTS(voice="en-us")]  # the same user clips every run
    out = []
    for i in range(n):
        tts = voices[i % 2]
        clip = tts.synthesize(LINES[(i // 2) % len(LINES)], Prosody(pause_ms=0)).resampled(RATE)
        out.append((tts.name, clip.samples))
    return out


async def _run(assistant, clips, *, silence_s: float, draft: bool = True) -> list[dict]:
    from agent.pipeline import AudioFrame, Pipeline
    from agent.voice_processors import Playback, voice_processors

    playback = Playback()
    pipe = Pipeline(voice_processors(assistant, playback, realtime=False, draft_replies=draft))
    await pipe.start()
    results, t_stream, frame_s = [], 0.0, FRAME / RATE
    quiet = np.zeros(FRAME, dtype=np.float32)
    for voice, samples in clips:
        lead = np.zeros(int(0.4 * RATE), dtype=np.float32)
        audio = np.concatenate([lead, samples])
        end_index = len(lead) + speech_end(samples)
        n_events = len(playback.events)
        start, end_wall, k = time.perf_counter(), None, 0
        for i in range(0, len(audio), FRAME):
            chunk = audio[i : i + FRAME]
            chunk = np.pad(chunk, (0, FRAME - len(chunk)))
            await asyncio.sleep(max(0.0, start + k * frame_s - time.perf_counter()))
            await pipe.send(AudioFrame(chunk, RATE, t_stream))
            if end_wall is None and i + FRAME >= end_index:
                end_wall = time.perf_counter()
            k, t_stream = k + 1, t_stream + frame_s
        deadline = time.perf_counter() + silence_s
        first = None
        while time.perf_counter() < deadline:
            await asyncio.sleep(max(0.0, start + k * frame_s - time.perf_counter()))
            await pipe.send(AudioFrame(quiet, RATE, t_stream))
            k, t_stream = k + 1, t_stream + frame_s
            new = playback.events[n_events:]
            first = next((e for e in new if e[0] == "first_audio"), None)
            if first and any(e[0] == "done" for e in new):
                break
        await pipe.wait_idle()
        if first is not None and end_wall is not None:
            stages: dict[str, float] = {}
            for kind, t, _ in playback.events[n_events:]:
                # the last speculation before the reply's audio (earlier pauses were resumed)
                if kind in ("heard", "draft", "draft_audio") or kind not in stages:
                    stages[kind] = t - end_wall
                if kind == "first_audio":
                    break
            drafted = any(e[0] == "drafted" for e in playback.events[n_events:])
            replies = sum(e[0] == "reply" for e in playback.events[n_events:])
            results.append({"voice": voice, "latency_s": first[1] - end_wall, "stages": stages,
                            "drafted": drafted, "replies": replies})
    await pipe.stop()
    return results


@click.command("voice")
@click.option("--utterances", default=20, show_default=True, help="At least 20 for the README.")
@click.option("--tts", default="auto", show_default=True, help="TTS backend for the replies.")
@click.option("--persona", default="sage", show_default=True)
@click.option("--draft/--no-draft", default=True, show_default=True,
              help="Draft the reply and synthesise its first chunk during the end-of-turn wait.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_voice(utterances: int, tts: str, persona: str, draft: bool, as_json: bool) -> None:
    """Latency from the end of user speech to the first reply audio sample (p50/p95)."""
    import torch

    from agent.voice_loop import VoiceAssistant
    from voice.prosody import prosody_for
    from voice.tts import EspeakTTS, PiperTTS

    torch.set_num_threads(1)
    t0 = time.perf_counter()
    assistant = VoiceAssistant.from_names(persona, tts=tts)
    load_s = time.perf_counter() - t0
    clips = user_clips(max(utterances, 2))
    assistant.hear(_as_clip(clips[0][1]))  # warm every model once
    results = asyncio.run(_run(assistant, clips, silence_s=6.0, draft=draft))
    # a reply that started before the user finished answered a pause, not the turn: counted
    # apart (the agent cut in), never as a negative latency
    premature = [r for r in results if r["latency_s"] < 0]
    results = [r for r in results if r["latency_s"] >= 0]
    lat = [r["latency_s"] for r in results]
    rtf = {}
    for engine in (PiperTTS(), EspeakTTS()):
        spent, heard = 0.0, 0.0
        for line in LINES[:6]:
            mark = time.perf_counter()
            clip = engine.synthesize(line, prosody_for(assistant.agent.agent_emotion().vad))
            spent, heard = spent + time.perf_counter() - mark, heard + clip.duration_s
        rtf[engine.name] = round(spent / heard, 4)
    result = {
        "bench": "voice",
        "metric": "end of user speech -> first agent audio sample",
        **percentiles_ms(lat),
        "missed": len(clips) - len(lat) - len(premature),
        "premature_turn_ends": len(premature),
        "split_turns": sum(r["replies"] > 1 for r in [*results, *premature]),
        "draft": draft,
        "drafted_replies": sum(r["drafted"] for r in results),
        "latencies_ms": [round(x * 1000, 1) for x in lat],
        "by_voice_p50_ms": {v: round(float(np.median([r["latency_s"] for r in results
                                                        if r["voice"] == v])) * 1000, 1)
                            for v in sorted({r["voice"] for r in results})},
        "stages_p50_ms": {k: round(float(np.median([r["stages"][k] for r in results
                                                     if k in r["stages"]])) * 1000, 1)
                          for k in ("heard", "draft", "draft_audio", "end_of_turn", "transcript",
                                    "reply", "first_audio")
                          if any(k in r["stages"] for r in results)},
        "tts_rtf": rtf,
        "backends": {"vad": assistant.vad.name, "asr": assistant.asr.name,
                     "tts": assistant.tts.name,
                     "speech": assistant.speech.name if assistant.speech else None},
        "end_of_turn_silence_ms": assistant.turn.base_silence_ms,
        "load_s": round(load_s, 2),
        "loadavg_1min": round(__import__("os").getloadavg()[0], 2),
        "machine": machine(),
    }
    click.echo(json.dumps(result) if as_json else json.dumps(result, indent=2))


def _as_clip(samples: np.ndarray):
    from voice.audio import AudioClip

    return AudioClip(samples, RATE)
