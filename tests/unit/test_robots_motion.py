"""Visemes, gestures and idle behaviour: pure functions with known answers."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from appraisal import VAD
from robots.errors import RobotsError
from robots.gestures import GESTURES, choose_gesture, gesture
from robots.idle import blink_rate_per_min, blink_weight, gaze_at, plan_idle, smooth
from robots.visemes import (
    IPA_VISEME,
    VISEME_POSES,
    VISEMES,
    split_ipa,
    time_phonemes,
    visemes_for_text,
    visemes_from_phonemes,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("ipa", "expected"),
    [
        ("m_ˈɑː", ["PP", "aa"]),
        ("f_ˈaɪ_v", ["FF", "aa", "ih", "FF"]),
        ("θ_ˈɪ_ŋ_k", ["TH", "ih", "kk"]),
        ("ʃ_ˈuː", ["CH", "ou"]),
        ("dʒ_ˈʌ_dʒ", ["CH", "aa", "CH"]),
        ("s_ˈiː\nn_ˈoʊ", ["SS", "ih", "sil", "nn", "oh", "ou"]),
        ("h_ˈiː", ["ih"]),
    ],
)
def test_ipa_to_visemes(ipa: str, expected: list[str]) -> None:
    frames = visemes_from_phonemes(time_phonemes(split_ipa(ipa)))
    assert [f.viseme for f in frames] == expected


def test_tables_are_consistent() -> None:
    assert len(VISEMES) == 15
    assert set(IPA_VISEME.values()) <= set(VISEMES) and set(VISEME_POSES) == set(VISEMES)


def test_timings_fill_the_audio_and_are_ordered() -> None:
    timed = time_phonemes(split_ipa("h_ə_l_ˈoʊ\nw_ˈɜː_l_d"), duration_s=1.25)
    frames = visemes_from_phonemes(timed)
    assert frames[0].start_s == 0.0
    assert frames[-1].start_s + frames[-1].duration_s == pytest.approx(1.25)
    for a, b in zip(frames, frames[1:], strict=False):
        assert b.start_s == pytest.approx(a.start_s + a.duration_s)
    vowel = next(f for f in frames if f.viseme == "E")  # ɜː, long
    stop = frames[-1]  # d
    assert vowel.duration_s > stop.duration_s


def test_faster_speech_is_shorter() -> None:
    ipa = split_ipa("h_ə_l_ˈoʊ")
    slow = time_phonemes(ipa, rate_wpm=120)
    fast = time_phonemes(ipa, rate_wpm=240)
    assert sum(p.duration_s for p in fast) == pytest.approx(sum(p.duration_s for p in slow) / 2)
    with pytest.raises(RobotsError, match="rate_wpm"):
        time_phonemes(ipa, rate_wpm=5)
    with pytest.raises(RobotsError, match="duration_s"):
        time_phonemes(ipa, duration_s=0)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt)")
def test_espeak_text_to_visemes() -> None:
    frames = visemes_for_text("Maybe we should shop for food.", duration_s=2.0)
    names = [f.viseme for f in frames]
    assert names[0] == "PP" and "CH" in names and "FF" in names and names[-1] == "DD"


def test_gestures_start_and_end_at_rest() -> None:
    for g in GESTURES.values():
        assert all(v == 0.0 for v in g.pose_at(0.0).values())
        assert all(v == 0.0 for v in g.pose_at(g.duration_s).values())
        assert any(abs(v) > 0 for v in g.pose_at(g.duration_s * 0.3).values()), g.name
    assert gesture("shake").pose_at(0.15)["head_yaw_deg"] == 15.0
    with pytest.raises(RobotsError, match="one of"):
        gesture("moonwalk")
    assert choose_gesture(label="distress").name == "look_down"
    assert choose_gesture(vad=VAD(0.6, 0.5, 0.2)).name == "nod"
    assert choose_gesture(vad=VAD(0.0, 0.0, 0.0)) is None


def test_blink_rate_matches_the_literature_on_average() -> None:
    rng = np.random.default_rng(7)
    plan = plan_idle(600.0, rng)
    per_min = len(plan.blinks_s) / 10.0
    assert 14.0 < per_min < 20.0  # 17/min at rest
    intervals = np.diff(plan.blinks_s)
    assert intervals.std() > 0.3 * intervals.mean()  # irregular, not a metronome
    talking = plan_idle(600.0, np.random.default_rng(7), talking=True, arousal=0.8)
    assert len(talking.blinks_s) > len(plan.blinks_s)
    assert blink_rate_per_min(arousal=-1.0) < blink_rate_per_min()


def test_blink_shape_and_gaze_steps() -> None:
    plan = plan_idle(30.0, np.random.default_rng(1))
    t0 = plan.blinks_s[0]
    assert blink_weight(plan, t0 - 0.01) == 0.0
    assert blink_weight(plan, t0 + 0.1) == pytest.approx(1.0)
    assert 0 < blink_weight(plan, t0 + 0.2) < 1
    assert all(abs(y) <= 4.0 for _, y, _ in plan.gaze)
    assert gaze_at(plan, 0.0) == (0.0, 0.0)


def test_smooth_converges_without_overshoot() -> None:
    w = {"jawOpen": 0.0}
    for _ in range(20):
        w = smooth(w, {"jawOpen": 1.0}, 0.05)
        assert 0.0 <= w["jawOpen"] <= 1.0
    assert w["jawOpen"] > 0.98


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt)")
def test_espeak_library_and_program_agree() -> None:
    import subprocess

    from robots.visemes import espeak_ipa

    text = "Hello there, how are you? Fine."
    program = subprocess.run(
        ["espeak-ng", "-q", "--ipa", "--sep=_", "-v", "en-us", text],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert split_ipa(espeak_ipa(text)) == split_ipa(program)
    with pytest.raises(RobotsError, match="no voice"):
        espeak_ipa("hi", voice="xx-nonexistent")
