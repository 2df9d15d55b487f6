"""Time to build a round's question bank: a 1,000-word posting, 5 interviewers, 20 debrief items.

Runs the whole engine path the bank page runs (posting analysis, then the bank), on one
core (the ONNX session uses one thread). "Warm" is the page viewed again: the posting's
analysis and the debrief questions' labels are cached. "Posting re-analysed" is the first
view after the posting was edited.
    python bench/bank_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.posting_speed import build_posting  # noqa: E402
from secondround.engine.questions.question_bank import (  # noqa: E402
    AskedBefore,
    BankRequest,
    Need,
    RosterPerson,
    build_bank,
)
from secondround.engine.reading import skill_tagger  # noqa: E402
from secondround.engine.reading.posting_analysis import analyse_posting  # noqa: E402

RUNS = 50
ROSTER = [
    RosterPerson("1", "Dana Whitfield", "hiring_manager"),
    RosterPerson("2", "Marcus Oyelaran", "managers_manager"),
    RosterPerson("3", "Siobhán O'Neill", "peer"),
    RosterPerson("4", "Priya Raman", "hr"),
    RosterPerson("5", "Tom Becker", "technical_expert"),
]
DEBRIEF = [
    AskedBefore(text, went)
    for text, went in [
        ("Tell me about a time you cut costs on a route.", "comfortable"),
        ("How do you handle a driver who pushes back on a new schedule?", "struggled"),
        ("What do you know about cold chain?", "unsure"),
        ("Describe a time you had to deliver bad news to a customer.", "comfortable"),
        ("How do you prioritise when everything is urgent?", "unsure"),
        ("Tell me about a dashboard you built that changed a decision.", "comfortable"),
        ("What would you do if your data disagreed with a director's view?", "struggled"),
        ("Walk me through a root-cause analysis you led.", "comfortable"),
        ("How do you coach someone who keeps making the same mistake?", "unsure"),
        ("Why are you leaving your current job?", "comfortable"),
        ("Tell me about a time you worked with another department to fix a problem.", None),
        ("What is your greatest weakness?", "unsure"),
        ("Describe a time you missed a deadline.", "struggled"),
        ("How do you check your work for errors?", "comfortable"),
        ("Tell me about a time you had to learn a new system quickly.", "unsure"),
    ]
]
CONCERNS = [
    "Asked twice whether I have led people directly.",
    "Seemed worried I have not used Oracle OTM.",
    "Wondered if I would be bored by routine reporting.",
    "Asked how I cope with night shifts in peak season.",
    "Worried about my lack of cold-chain experience.",
]


def _build(posting: str) -> int:
    analysis = analyse_posting(posting)
    request = BankRequest(
        needs=[
            Need(c.id, c.weight, c.evidence[0].sentence if c.evidence else "")
            for c in analysis.competencies
        ],
        skills=[skill.name for skill in analysis.skills],
        roster=ROSTER,
        asked_before=DEBRIEF,
        concerns=CONCERNS,
        seed="bench",
    )
    return len(build_bank(request))


def main() -> None:
    posting = build_posting()
    words = len(posting.split())
    started = time.perf_counter()
    _build(posting)  # cold: loads the library, the lexicons and the embedding model
    cold = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        size = _build(posting)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"FIGURE bank_posting_words {words} words")
    print(f"FIGURE bank_debrief_items {len(DEBRIEF) + len(CONCERNS)} items")
    print(f"FIGURE bank_questions {size} questions")
    print(f"FIGURE bank_build_cold {cold:.1f} ms")
    print(f"FIGURE bank_build_median_warm {statistics.median(timings):.1f} ms")
    fresh = []
    for _ in range(RUNS // 5):
        analyse_posting.cache_clear()  # a posting just edited: analysed again
        skill_tagger.forget_prepared()  # its sentences run through MiniLM again
        started = time.perf_counter()
        _build(posting)
        fresh.append((time.perf_counter() - started) * 1000)
    print(f"FIGURE bank_build_median_posting_reanalysed {statistics.median(fresh):.1f} ms")


if __name__ == "__main__":
    main()
