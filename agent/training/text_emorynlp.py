"""The EmoryNLP head of the embedded text model: an MLP for EmoryNLP's own 7 labels on the
same tuned vectors as MELD's (``utt_emorynlp`` in heads.npz).

Its training length is chosen by 5-fold cross-validation over EmoryNLP train scenes (each
scene kept whole), and it is then fitted on every train scene. It used to be chosen on one
10% slice of the scenes, which picked 12 epochs (0.393 on that slice). The five folds favour
2 (mean weighted F1 0.389; every length from 1 to 20 scores 0.373-0.389, so one slice could
not tell them apart). EmoryNLP dev, int8, went from 0.349 to 0.375 (2026-11-26); the MELD
heads and the encoder did not change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

FOLDS = 5
EPOCHS = (1, 2, 3, 4, 6, 8, 10, 14, 20)
"""The training lengths the folds compare."""


def scene_folds(sizes: list[int], k: int, seed: int) -> list[np.ndarray]:
    """Held-out masks over the utterances of scenes of ``sizes``, k folds of whole scenes.

    >>> [m.astype(int).tolist() for m in scene_folds([2, 1, 1], 2, seed=0)]
    [[1, 1, 0, 1], [0, 0, 1, 0]]
    """
    scene = np.repeat(np.arange(len(sizes)), sizes)
    groups = np.array_split(np.random.default_rng(seed).permutation(len(sizes)), k)
    return [np.isin(scene, g) for g in groups]


def cv_epochs(x: np.ndarray, y: np.ndarray, sizes: list[int], n_classes: int, *, seed: int,
              k: int = FOLDS) -> tuple[int, dict[int, float]]:
    """The training length of ``EPOCHS`` with the best mean weighted F1 over k folds of whole
    scenes, and each length's mean."""
    from agent.training.text_heads import log_probs, train_mlp, weighted_f1

    means: dict[int, float] = {}
    folds = scene_folds(sizes, k, seed)
    for epochs in EPOCHS:
        scores = []
        for held in folds:
            head, _, _ = train_mlp([(x[~held], y[~held], n_classes)], (x[held], y[held]),
                                   epochs=epochs)
            scores.append(weighted_f1(y[held], log_probs(head, x[held]).argmax(1)))
        means[epochs] = float(np.mean(scores))
    return max(means, key=lambda e: (means[e], -e)), means


def emorynlp_head(data_dir: Path, encoder: Any, context_turns: int, context_tokens: int,
                  arrays: dict[str, np.ndarray], *, seed: int) -> dict[str, object]:
    """Fit the head into ``arrays`` (``utt_emorynlp/*``, ``labels_emorynlp``) and return its
    scores; skipped with a note when the corpus is absent."""
    from agent.training.text import dialogue_pairs
    from agent.training.text_corpora import EMORYNLP_LABELS, CorpusError, read
    from agent.training.text_heads import label_ids, stored, train_mlp

    try:
        scenes = read("emorynlp", data_dir, "train")
    except CorpusError as exc:
        print(f"no EmoryNLP head: {exc}", flush=True)
        return {"emorynlp_head": None}
    x = encoder.encode_pairs(dialogue_pairs(scenes, context_turns), max_tokens=context_tokens,
                             progress=True)
    y = label_ids(scenes, EMORYNLP_LABELS)
    sizes = [len(s) for s in scenes]
    epochs, means = cv_epochs(x, y, sizes, len(EMORYNLP_LABELS), seed=seed)
    head, _, _ = train_mlp([(x, y, len(EMORYNLP_LABELS))], (x[:1], y[:1]), epochs=epochs)
    arrays["labels_emorynlp"] = np.array(EMORYNLP_LABELS)
    arrays.update(stored("utt_emorynlp", head))
    return {"emorynlp_head": f"MLP, {epochs} epochs by {FOLDS}-fold CV over train scenes, "
                             "then fitted on all of them",
            "emorynlp_cv_weighted_f1": {str(e): round(m, 4) for e, m in means.items()}}


def refit(data_dir: Path, heads: Path, *, seed: int) -> dict[str, object]:
    """Fit the EmoryNLP head anew in an existing heads file, on its own tuned encoder; the
    MELD heads and the encoder stay as they are (``affect train text --emorynlp-only``)."""
    import json

    from perception.text_minilm import SentenceEncoder, encoder_model, load_heads, tuned_layers

    arrays, meta = load_heads(heads)
    encoder = SentenceEncoder(cache_size=0, quantize=False, tuned_layers=tuned_layers(arrays),
                              model=encoder_model(meta))
    arrays = {k: v for k, v in arrays.items() if not k.startswith("utt_emorynlp/")}
    scores = emorynlp_head(data_dir, encoder, int(meta["context_turns"]),
                           int(meta["context_tokens"]), arrays, seed=seed)
    head_scores = dict(meta.get("heads") or {})
    head_scores = {k: v for k, v in head_scores.items() if not k.startswith("emorynlp")}
    meta["heads"] = {**head_scores, **scores}
    stored: dict[str, Any] = {**arrays, "meta": np.array(json.dumps(meta))}
    np.savez_compressed(heads, **stored)
    return scores
