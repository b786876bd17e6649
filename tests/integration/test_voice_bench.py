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
        [sys.executable, "-m", "agent", "bench", "voice", "--utterances", "20", "--tts", tts,
         "--json"], capture_output=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    result = json.loads(proc.stdout)
    assert result["n"] >= 20 and result["missed"] == 0
    assert result["premature_turn_ends"] == 0  # the agent never answered a mid-turn pause
    assert result["drafted_replies"] >= result["n"] // 2  # replies were prepared in the wait
    assert result["p50_ms"] <= 600, result
