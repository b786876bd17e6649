"""``affect voice``: talk to the agent (microphone and speaker), or answer a recorded file."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import click


@click.command("voice")
@click.option("--input", "input_path", type=click.Path(path_type=Path),
              help="Answer this recording (any rate, any channels) instead of the microphone.")
@click.option("--output", "output_path", type=click.Path(path_type=Path),
              help="Write the spoken reply here (WAV).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (with --input).")
@click.option("--persona", default="sage", show_default=True)
@click.option("--tts", default="auto", show_default=True, help="piper, espeak, coqui or auto.")
@click.option("--asr", default="auto", show_default=True, help="whisper, faster-whisper or auto.")
@click.option("--asr-model", default=None, help="faster-whisper model name or directory.")
@click.option("--vad", default="auto", show_default=True, help="silero, webrtc or auto.")
@click.option("--speech", default="auto", show_default=True,
              help="Speech-emotion backend: prosody, speechbrain, none or auto.")
@click.option("--input-device", default=None, help="Microphone index or name fragment.")
@click.option("--output-device", default=None, help="Speaker index or name fragment.")
@click.option("--list-devices", is_flag=True, help="List audio devices and exit.")
def voice(input_path: Path | None, output_path: Path | None, as_json: bool, persona: str,
          tts: str, asr: str, asr_model: str | None, vad: str, speech: str,
          input_device: str | None, output_device: str | None, list_devices: bool) -> None:
    """A voice assistant that hears how you sound and answers with feeling."""
    from agent.errors import AgentError
    from perception.errors import ModelUnavailableError, PerceptionError
    from voice.errors import VoiceError

    try:
        if list_devices:
            from voice.devices import list_devices as devices

            found = devices()
            for d in found:
                click.echo(f"{d.index}: {d.name} (in {d.inputs}, out {d.outputs}, "
                           f"{d.default_rate_hz} Hz)")
            if not found:
                click.echo("no audio devices found; use --input IN.wav --output OUT.wav")
            return
        from agent.voice_loop import VoiceAssistant, check_input

        # fail on bad input or missing devices before spending seconds loading models
        clip = check_input(input_path) if input_path is not None else None
        if input_path is None:
            if as_json:
                raise click.UsageError("--json needs --input (a recording to answer)")
            from voice.devices import pick_device

            pick_device(input_device, output=False)
            pick_device(output_device, output=True)
        assistant = VoiceAssistant.from_names(persona, tts=tts, asr=asr, vad=vad,
                                              speech=speech, asr_model=asr_model)
        if clip is not None:
            result = assistant.run_file(clip, output_path)
            if as_json:
                click.echo(json.dumps(result))
            else:
                click.echo(f"you said: {result['transcript']}")
                click.echo(f"{assistant.agent.persona.name}: {result['reply']}")
                if output_path is not None:
                    click.echo(f"reply audio: {output_path}")
            return
        asyncio.run(_live(assistant, input_device, output_device))
    except (VoiceError, AgentError, PerceptionError, ModelUnavailableError) as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo("bye")


async def _live(assistant, input_device: str | None, output_device: str | None) -> None:
    from agent.pipeline import (
        AudioFrame,
        ErrorFrame,
        Pipeline,
        ReplyFrame,
        TranscriptFrame,
    )
    from agent.voice_processors import Playback, voice_processors
    from voice.devices import MicrophoneSource, SpeakerSink

    mic = MicrophoneSource(device=input_device)
    speaker = SpeakerSink(device=output_device)
    pipe = Pipeline(voice_processors(assistant, Playback(), sink=speaker, realtime=False))
    await pipe.start()
    click.echo(f"listening on {mic.device.name}; Ctrl-C to stop", err=True)

    async def show() -> None:
        while True:
            frame = await pipe.output.get()
            if isinstance(frame, TranscriptFrame) and frame.final:
                click.echo(f"you: {frame.text}")
            elif isinstance(frame, ReplyFrame):
                click.echo(f"{assistant.agent.persona.name}: {frame.text}")
            elif isinstance(frame, ErrorFrame):
                click.echo(f"(error: {frame.message})", err=True)

    shower = asyncio.create_task(show())
    chunks = iter(mic)
    t = 0.0
    try:
        while True:
            samples = await asyncio.to_thread(next, chunks)
            await pipe.send(AudioFrame(samples, mic.sample_rate_hz, t))
            t += len(samples) / mic.sample_rate_hz
    finally:
        shower.cancel()
        await pipe.stop(timeout_s=2.0)
        assistant.close()
        mic.close()
        speaker.close()
        sys.stderr.flush()
