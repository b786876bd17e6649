"""PELD transition on the real corpus: the split is leak-free, training learns, eval reports."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from tests.conftest import corpus

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def rows(data_dir: Path) -> list[dict[str, str]]:
    from agent.training.transition import read_peld

    return read_peld(corpus(data_dir, "peld", "Dyadic_PELD.tsv"))


def test_split_is_by_dialogue_and_reproducible(rows) -> None:  # type: ignore[no-untyped-def]
    from agent.training.transition import LINK_MIN_WORDS, split

    train, test = split(rows)
    again_train, again_test = split(rows)
    assert np.array_equal(test, again_test) and len(train) + len(test) == len(rows)
    assert 0.15 < len(test) / len(rows) < 0.25

    def texts(idx: np.ndarray) -> set[str]:
        return {
            rows[i][k].strip()
            for i in idx
            for k in ("Utterance_1", "Utterance_2", "Utterance_3")
            if len(rows[i][k].split()) >= LINK_MIN_WORDS
        }

    assert not texts(train) & texts(test)


def test_training_learns_beyond_the_majority_class(rows) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("torch", reason="training needs the text extra (torch)")
    pytest.importorskip("sklearn", reason="scores need the text extra (scikit-learn)")
    from agent.training.transition import encode_rows, fit, macro_f1
    from appraisal.transition import transition

    inputs, y = encode_rows(rows[:600])
    w = fit(inputs, y, personality=True, weight_decay=1e-3, epochs=150)
    pred = transition(w, **inputs).probabilities.argmax(1)
    majority = np.full_like(y, np.bincount(y).argmax())
    assert macro_f1(y, pred) > macro_f1(y, majority) + 0.1


def test_eval_reports_the_bar_numbers(rows) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn", reason="scores need the text extra (scikit-learn)")
    from agent.emotion_transition import LABELS
    from agent.evaluation.transition import eval_transition

    result = CliRunner().invoke(eval_transition, ["--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    for key in ("macro_f1", "weighted_f1", "macro_f1_without_personality", "macro_f1_majority"):
        assert 0.0 <= out[key] <= 1.0
    assert set(out["per_class_f1"]) == set(LABELS)
    assert out["macro_f1"] > out["macro_f1_majority"] + 0.1
    assert out["weighted_f1"] > out["weighted_f1_majority"]


def test_eval_on_a_file_in_peld_columns(rows, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn", reason="scores need the text extra (scikit-learn)")
    from agent.evaluation.transition import eval_transition

    path = tmp_path / "few.tsv"
    cols = list(rows[0])
    path.write_text(
        "\t".join(cols) + "\n" + "".join("\t".join(r[c] for c in cols) + "\n" for r in rows[:40])
    )
    out = json.loads(CliRunner().invoke(eval_transition, ["--data", str(path), "--json"]).output)
    assert out["n"] == 40
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n")
    result = CliRunner().invoke(eval_transition, ["--data", str(bad)])
    assert result.exit_code != 0 and "Dyadic_PELD columns" in result.output


def test_personality_ships_only_when_its_bootstrap_interval_clears_zero() -> None:
    from agent.emotion_transition import MODEL_DIR

    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    gain = meta["personality_cv_gain"]
    lo, hi = gain["ci95"]
    assert lo <= gain["diff"] <= hi
    assert meta["default"] == ("with_personality" if lo > 0 else "without_personality")
    analysis = meta["personality_analysis"]
    assert analysis["personalities"] == 6
    assert 0.0 <= analysis["chi2_personality_x_emotion_3"]["given_emotion_1"]["p"] <= 1.0


def test_personality_analysis_runs_on_real_triples(rows) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn", reason="the analysis needs the text extra (scikit-learn)")
    pytest.importorskip("scipy", reason="the chi-square tests need scipy")
    from agent.emotion_transition import LABELS
    from agent.training.transition import dialogue_groups, encode_rows, group_folds
    from agent.training.transition_personality import personality_analysis

    part = rows[:1500]
    inputs, y = encode_rows(part)
    groups = dialogue_groups(part)
    from appraisal import MELD

    out = personality_analysis(inputs, y, groups, group_folds(y, groups), k=len(LABELS),
                               anchors=np.array([MELD[x].as_array() for x in LABELS]),
                               cs=(0.01,))
    r2 = out["delta_vad_ridge_cv_r2"]
    assert 0.1 < r2["without_personality"] < 1.0  # the preceding emotion predicts its move
    base = out["models"]["multinomial"]["cv_macro_f1"]
    share = np.bincount(y).max() / len(y)
    majority = 2 * share / (1 + share) / len(LABELS)  # macro-F1 of always the majority class
    assert base > majority + 0.1
    for name in ("multinomial_traits_bias", "multinomial_pad_x_preceding_context"):
        lo, hi = out["models"][name]["vs_multinomial"]["ci95"]
        assert lo <= out["models"][name]["vs_multinomial"]["diff"] <= hi
    assert out["chi2_personality_x_emotion_3"]["marginal"]["dof"] > 0


def test_eval_reports_a_bootstrap_interval_for_the_personality_gain() -> None:
    pytest.importorskip("sklearn", reason="scores need the text extra (scikit-learn)")
    from agent.evaluation.transition import eval_transition

    out = json.loads(CliRunner().invoke(eval_transition, ["--json"]).output)
    lo, hi = out["personality_gain_ci95"]
    assert lo <= out["personality_gain_macro_f1"] <= hi
    per = out["per_speaker_macro_f1"]
    assert len(per) == 6 and all(0.0 <= f["without_personality"] <= 1.0 for f in per.values())
