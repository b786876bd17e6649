"""Measure BAD_NEWS_GAIN and TROUBLE_FORTUNE (agent/emotion_transition.py) on ESConv train, and
check them on valid.

    .venv/bin/python scripts/calibrate_bad_news.py [--data ../shared/data/esconv]

The method is in agent/training/bad_news.py. ESConv is CC BY-NC 4.0 (academic use); only the
one number derived from it is kept in the code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agent.backends import create  # noqa: E402
from agent.training.bad_news import (  # noqa: E402
    bad_news_gain,
    seeker_openings,
    trouble_fortune,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "esconv")
    args = parser.parse_args()
    recognizer = create("text", "auto")
    print(f"recognizer: {type(recognizer).__name__}")
    for split in ("train", "valid"):
        openings = seeker_openings(args.data / f"{split}.json")
        gain, bad = bad_news_gain(recognizer, openings)
        print(f"{split}: gain {gain:.2f} over {bad} of {len(openings)} openings read as bad news")
        floor, told = trouble_fortune(openings)
        print(f"{split}: trouble fortune {floor:.2f} over {told} openings that tell a trouble")


if __name__ == "__main__":
    main()
