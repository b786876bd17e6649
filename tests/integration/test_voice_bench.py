"""`affect bench voice`: the latency bar, as a benchmark (excluded from the default run)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("piper")
pytest.importorskip("faster_whisper")

pytestmark = [pytest.mark.bench, pytest.mark.integration]


@pytest.mark.parametrize("tts", ["auto", "espeak"])  # auto = Piper when installed
def test_end_of_speech_to_first_audio_p50_under_600_ms(tts):
    proc = subprocess.run(
        [sys.executable, "-m", "agent", "bench", "voice", "--utterances", "22", "--tts", tts,
         "--json"], capture_output=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    result = json.loads(proc.stdout)
    assert result["missed"] == 0
    # a reply whose audio starts before the end of the user's speech is left out of the
    # percentiles and counted; under heavy load it happened to 2 of 20 (docs/voice.md)
    assert result["premature_turn_ends"] <= 2 and result["n"] >= 20
    assert result["drafted_replies"] >= result["n"] // 2  # replies were prepared in the wait
    assert result["p50_ms"] <= 600, result
