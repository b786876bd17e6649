"""Read-time views of a turn, scored by k-fold over MELD train (agent/models/text/README.md).

For each fold of `affect train text-kfold` (its cached LoRA run of the shipped recipe must be
there: run `affect train text-kfold` first), the held-out turns are read with 2 past turns (the
shipped input), 1, 3 (96 tokens) and none, through an utterance MLP fitted as text_kfold fits
it. A second MLP is fitted on the fit dialogues' with-past and alone vectors together. Then
averages of the views' probabilities are scored against the shipped reading, with the paired
bootstrap over dialogues. MELD dev is never read. About 21 minutes on 2 idle cores.

    .venv/bin/python scripts/kfold_views.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import torch

from agent.evaluation.erc import difference_interval
from agent.training.text import ROOT, dialogue_pairs
from agent.training.text_corpora import MELD_LABELS
from agent.training.text_heads import label_ids, log_probs, train_mlp, weighted_f1
from agent.training.text_kfold import fold_inputs
from perception.text_minilm import SentenceEncoder

K, EPOCHS, TURNS, TOKENS = 3, 1, 2, 64  # text_kfold's defaults, which name its cached runs


def fold_views(data_dir: Path, fold: int) -> dict[str, np.ndarray]:
    inputs = fold_inputs(data_dir, fold=fold, k=K, variant="shipped", epochs=EPOCHS,
                         context_turns=TURNS, context_tokens=TOKENS)
    fit, inner, test, path = inputs.fit, inputs.inner, inputs.test, inputs.cache
    y_fit, y_inner = inputs.y_fit, inputs.y_inner
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run `affect train text-kfold` first")
    with np.load(path) as z:
        lora = {k: np.asarray(z[k]) for k in z.files if k != "pred"}
    encoder = SentenceEncoder(cache_size=0, quantize=False, runtime="torch", tuned_layers=lora)
    with torch.inference_mode():
        x_fit, x_inner = (encoder.encode_pairs(p, max_tokens=TOKENS)
                          for p in (inputs.fit_pairs, inputs.inner_pairs))
        alone_fit, alone_inner = (encoder.encode_pairs(dialogue_pairs(p, 0), max_tokens=TOKENS)
                                  for p in (fit, inner))
        views = {name: encoder.encode_pairs(dialogue_pairs(test, turns), max_tokens=tokens)
                 for name, turns, tokens in (("past 2", 2, TOKENS), ("past 1", 1, TOKENS),
                                             ("past 3", 3, 96), ("alone", 0, TOKENS))}
    mlp, _, _ = train_mlp([(x_fit, y_fit, len(MELD_LABELS))], (x_inner, y_inner), max_epochs=20)
    both, _, _ = train_mlp(
        [(np.concatenate([x_fit, alone_fit]), np.concatenate([y_fit, y_fit]), len(MELD_LABELS))],
        (np.concatenate([x_inner, alone_inner]), np.concatenate([y_inner, y_inner])),
        max_epochs=20)
    out = {name: np.exp(log_probs(mlp, x)) for name, x in views.items()}
    out["both-views head, past 2"] = np.exp(log_probs(both, views["past 2"]))
    out["both-views head, alone"] = np.exp(log_probs(both, views["alone"]))
    out["gold"] = label_ids(test, MELD_LABELS)
    out["lengths"] = np.array([len(d) for d in test])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    torch.set_num_threads(2)
    folds = [fold_views(args.data, f) for f in range(K)]
    pooled = {k: np.concatenate([f[k] for f in folds]) for k in folds[0]}
    gold, lengths = pooled.pop("gold"), pooled.pop("lengths").tolist()
    readings = {**pooled,
                "mean of past 2 and alone": pooled["past 2"] + pooled["alone"],
                "mean of past 2 and past 1": pooled["past 2"] + pooled["past 1"],
                "mean of past 2 and past 3": pooled["past 2"] + pooled["past 3"],
                "mean of past 1, 2, 3 and alone": (pooled["past 1"] + pooled["past 2"]
                                                   + pooled["past 3"] + pooled["alone"]),
                "both-views head, mean of past 2 and alone": (
                    pooled["both-views head, past 2"] + pooled["both-views head, alone"])}
    labels = list(MELD_LABELS)
    base = [labels[i] for i in readings["past 2"].argmax(1)]
    truth = [labels[i] for i in gold]
    for name, probs in readings.items():
        pred = probs.argmax(1)
        low, high = difference_interval(truth, base, [labels[i] for i in pred], labels, lengths)
        print(f"| {name} | {weighted_f1(gold, pred):.4f} | {100 * low:+.2f} to {100 * high:+.2f} |")


if __name__ == "__main__":
    main()
