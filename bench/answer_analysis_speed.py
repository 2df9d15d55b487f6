"""Speed of the feedback on one practised answer (S7).

Analyses a 300-word spoken answer (with word timings, company terms and a previous
answer to compare) 200 times after a warm-up and prints the median in milliseconds:

    .venv/bin/python bench/answer_analysis_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.practice.answer_analysis import analyse_answer, report_as_json  # noqa: E402
from secondround.engine.practice.report import Word  # noqa: E402

RUNS = 200
WARM_UP = 20

PARAGRAPH = (
    "So, um, at my previous company I was the lead analyst on a team of six people in 2022. "
    "Our warehouse was missing about 15% of its delivery windows, and, you know, customers "
    "were complaining. My task was to find out why and fix it before the peak season. "
    "I pulled three months of scan data from SAP and I built a dashboard in Power BI. "
    "I kind of noticed that most late loads came from two docks on the night shift. "
    "I met the shift supervisors, we mapped the process together, and I proposed a new "
    "slotting rule. I also trained twelve pickers on the handheld scanners. "
    "As a result, late deliveries fell from 15% to 4% in eight weeks and we saved about "
    "$40,000 in penalties. My manager asked me to roll it out to the other sites. "
)
TEXT = " ".join((PARAGRAPH * 3).split()[:300])


def timings(text: str) -> list[Word]:
    words, t = [], 0.0
    for i, w in enumerate(text.split()):
        words.append(Word(w, t, t + 0.3))
        t += 0.4 + (2.5 if i % 97 == 96 else 0.0)
    return words


def main() -> None:
    words = timings(TEXT)
    previous = analyse_answer(TEXT.replace("six people", "five people"))
    kwargs = dict(
        words=words,
        question="Tell me about a time you improved a process.",
        question_kind="behavioral",
        company_terms=("Lakeshore Freight", "ShipTrack", "cold-chain"),
        previous=previous,
    )
    for _ in range(WARM_UP):
        report_as_json(analyse_answer(TEXT, **kwargs))  # type: ignore[arg-type]
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        report_as_json(analyse_answer(TEXT, **kwargs))  # type: ignore[arg-type]
        samples.append((time.perf_counter() - start) * 1000)
    print(f"# {len(TEXT.split())} words, {RUNS} warm runs")
    print(f"FIGURE answer_analysis_300w_median_ms {statistics.median(samples):.2f} ms")


if __name__ == "__main__":
    main()
