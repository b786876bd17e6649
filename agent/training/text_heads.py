"""The small heads the text models put over sentence vectors: a multi-task MLP chosen by
weighted F1 on a held-out slice, closed-form ridge for VAD, and how they are stored (float16
weights) and read back as log-probabilities. Shared by the MiniLM and mpnet builds
(agent/training/text.py), the EmoryNLP head (text_emorynlp.py) and distillation
(text_teacher.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from agent.training.text_corpora import Dialogue

SEED = 13
"""Seeds the heads' initialisation and order, the first LoRA run and the selection slice."""


def weighted_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y_true, y_pred, average="weighted"))


def train_mlp(
    tasks: list[tuple[np.ndarray, np.ndarray, int]],
    select: tuple[np.ndarray, np.ndarray],
    *,
    hidden: int = 256,
    dropout: float = 0.4,
    max_epochs: int = 30,
    epochs: int | None = None,
    aux_weight: float = 0.5,
    keep_aux: bool = False,
) -> tuple[dict[str, np.ndarray], int, float]:
    """Shared hidden layer, one output per task (task 0 is MELD); returns arrays, epochs, F1.

    With ``epochs`` None the best epoch on ``select`` is kept; otherwise exactly ``epochs`` run.
    """
    import torch

    torch.manual_seed(SEED)
    x0 = tasks[0][0]
    mean = x0.mean(0)
    scale = x0.std(0) + 1e-3
    first = torch.nn.Linear(x0.shape[1], hidden)
    body = torch.nn.Sequential(torch.nn.Dropout(0.1), first, torch.nn.ReLU(),
                               torch.nn.Dropout(dropout))
    heads = [torch.nn.Linear(hidden, k) for _, _, k in tasks]
    outs = torch.nn.ModuleList(heads)
    params = list(body.parameters()) + list(outs.parameters())
    opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-2)
    data = [
        (torch.from_numpy((x - mean) / scale).float(), torch.from_numpy(y)) for x, y, _ in tasks
    ]
    xs = torch.from_numpy((select[0] - mean) / scale).float()
    rng = np.random.default_rng(SEED)
    best = (-1.0, 0, [p.detach().clone() for p in params])
    for epoch in range(1, (epochs or max_epochs) + 1):
        body.train()
        outs.train()
        for t, (x, y) in enumerate(data):
            order = rng.permutation(len(y))
            for s in range(0, len(order), 64):
                idx = torch.from_numpy(order[s : s + 64])
                loss = torch.nn.functional.cross_entropy(outs[t](body(x[idx])), y[idx])
                opt.zero_grad()
                (loss * (1.0 if t == 0 else aux_weight)).backward()
                opt.step()
        body.eval()
        outs.eval()
        with torch.no_grad():
            pred = outs[0](body(xs)).argmax(1).numpy()
        f1 = weighted_f1(select[1], pred)
        if epochs is not None or f1 > best[0]:
            best = (f1, epoch, [p.detach().clone() for p in params])
    for p, saved in zip(params, best[2], strict=True):
        p.data.copy_(saved)
    arrays = {
        "mean": mean.astype(np.float32),
        "scale": scale.astype(np.float32),
        "W0": first.weight.detach().numpy().T.copy(),
        "b0": first.bias.detach().numpy().copy(),
        "W1": heads[0].weight.detach().numpy().T.copy(),
        "b1": heads[0].bias.detach().numpy().copy(),
    }
    if keep_aux:
        for t in range(1, len(heads)):
            arrays[f"aux{t}/W"] = heads[t].weight.detach().numpy().T.copy()
            arrays[f"aux{t}/b"] = heads[t].bias.detach().numpy().copy()
    return arrays, best[1], best[0]


def vad_targets(dialogues: Sequence[Dialogue]) -> np.ndarray:
    """Gold label's coordinates; valence leans on MELD's sentiment where the label is neutral."""
    from appraisal import MELD

    sentiment = {"positive": 0.5, "negative": -0.5, "neutral": 0.0, "": 0.0}
    rows = []
    for d in dialogues:
        for t in d:
            v = MELD[t.label]
            valence = v.valence if t.label != "neutral" else sentiment[t.sentiment]
            rows.append((valence, v.arousal, v.dominance))
    return np.asarray(rows, dtype=np.float32)


def ridge(x: np.ndarray, y: np.ndarray, alpha: float = 10.0) -> dict[str, np.ndarray]:
    """Closed-form ridge regression, stored in the same layout as an MLP head (one layer)."""
    mean, scale = x.mean(0), x.std(0) + 1e-3
    z = (x - mean) / scale
    w = np.linalg.solve(z.T @ z + alpha * np.eye(z.shape[1]), z.T @ (y - y.mean(0)))
    return {"mean": mean, "scale": scale, "W0": w.astype(np.float32), "b0": y.mean(0)}


def stored(prefix: str, head: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {f"{prefix}/{k}": np.asarray(v, dtype=np.float16 if k.startswith("W") else np.float32)
            for k, v in head.items()}


def log_probs(head: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    from perception.erc_features import MLPHead, softmax

    arrays = {f"h/{k}": v for k, v in head.items()}
    return np.log(softmax(MLPHead(arrays=arrays, prefix="h")(x)) + 1e-6).astype(np.float32)


def label_ids(dialogues: Sequence[Dialogue], labels: Sequence[str]) -> np.ndarray:
    """The index in ``labels`` of every turn's label, dialogue by dialogue."""
    index = {label: i for i, label in enumerate(labels)}
    return np.asarray([index[t.label] for d in dialogues for t in d], dtype=np.int64)
