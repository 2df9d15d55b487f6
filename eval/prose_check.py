"""The prose check over everything the engine drafts for every scenario pack (issue 15).

Each pack (eval/scenarios/, see its README) is imported into a throw-away database and
every round after the first is drafted: thank-you letters and cards, the follow-up, the
two answer drafts, questions to ask, the question bank, the 30/60/90-day plan and the
salary script. Every sentence goes through secondround/engine/nlp/prose_check.py; a sentence
passes when no rule fires. Letter greetings are checked on their own ("Dear there,"
fails); sign-offs are not sentences. Plan measures and letter subjects are labels, so
they are checked for everything except a finite verb.

FIGURE lines: the share of drafted sentences that pass, over all packs, on the packs
tuned on (dev) and on the packs held out while the drafters were written (test), per
drafter and per occupation; and the share of letters that name something the interviewer
discussed, among letters to people whose notes have something to name.

    .venv/bin/python eval/prose_check.py [--show] [--split dev|test|heldout|fresh|...|fresh4]
        [--pack SLUG]

Baseline: run it with an older checkout first on PYTHONPATH (with this file's checker
copied into it); see eval/scenarios/README.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from scenario_drafts import (  # noqa: E402
    DEV,
    FRESH,
    FRESH2,
    FRESH3,
    FRESH4,
    HELDOUT,
    TEST,
    PackDrafts,
    load_packs,
)

from secondround.engine.nlp import parsing as nlp  # noqa: E402
from secondround.engine.nlp.prose_check import (  # noqa: E402
    SentenceReport,
    check_greeting,
    check_sentence,
    known_data,
    split_sentences,
)

MARKED_GAP = re.compile(r"\[[^\[\]]{1,80}\]")
# Words too general to show that a letter names what was discussed.
GENERIC = frozenset(
    [
        "role",
        "job",
        "team",
        "company",
        "interview",
        "conversation",
        "time",
        "position",
        "thing",
        "way",
        "lot",
        "work",
        "day",
        "week",
        "people",
        "person",
        "opportunity",
        "question",
        "today",
    ]
)


def _letter_items(drafter: str, text: str) -> Iterator[tuple[str, str, bool]]:
    """(drafter, sentence, needs a verb) of a letter: greeting apart, sign-off left out."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        return
    yield f"{drafter}:greeting", paragraphs[0].strip(), False
    for paragraph in paragraphs[1:-1]:
        for sentence in split_sentences(paragraph):
            yield drafter, sentence, True


def items(drafts: dict[str, Any]) -> Iterator[tuple[str, str, bool]]:
    """Every drafted sentence of a round as (drafter, sentence, needs a finite verb)."""
    for letter in drafts.get("letters", []):
        yield from _letter_items("letters", letter.get("body", ""))
        yield from _letter_items("letters", letter.get("card", ""))
        if letter.get("subject"):
            yield "letters", letter["subject"], False
    follow_up = drafts.get("follow_up") or {}
    yield from _letter_items("follow_up", follow_up.get("body", ""))
    feedback = follow_up.get("feedback") or {}
    if feedback:
        yield from _letter_items("follow_up", feedback.get("body", ""))
    for answer in drafts.get("answers", []):
        for sentence in answer.get("sentences", []):
            for part in split_sentences(sentence):
                yield "answers", part, True
    for person in drafts.get("ask", []):
        for question in person.get("questions", []):
            yield "ask", question["text"], True
    for question in drafts.get("bank", []):
        if question.get("source") in {"own"} or str(question.get("kind")) == "asked":
            continue
        yield "bank", question["text"], True
    for phase in drafts.get("plan", []):
        for goal in phase.get("goals", []):
            yield "plan", goal["text"], True
            yield "plan", goal["measure"], False
    for line in drafts.get("salary", []):
        for sentence in split_sentences(line):
            yield "salary", sentence, True


def check_pack(pack: PackDrafts) -> list[tuple[str, SentenceReport]]:
    known = known_data(pack.user_texts, competitors=pack.competitors, names=pack.names)
    reports = []
    for drafts in pack.rounds:
        for drafter, sentence, needs_verb in items(drafts):
            if drafter == "bank" and sentence in pack.user_texts:
                continue  # a question the user typed, listed again: their words, not a draft
            if drafter.endswith(":greeting"):
                problems = check_greeting(sentence)
                reports.append((drafter.split(":")[0], SentenceReport(sentence, problems)))
            else:
                reports.append((drafter, check_sentence(sentence, known, needs_verb=needs_verb)))
    return reports


def _content_lemmas(text: str) -> set[str]:
    doc = nlp.parse(MARKED_GAP.sub(" ", text))
    return {
        t.lemma_.casefold()
        for t in doc
        if t.pos_ in {"NOUN", "PROPN"} and len(t.text) > 2 and t.lemma_.casefold() not in GENERIC
    }


def letters_specific(pack: PackDrafts) -> tuple[int, int, list[str]]:
    """Letters naming something from that interviewer's notes, among those whose notes
    name anything; the misses by name."""
    named, total, misses = 0, 0, []
    for drafts in pack.rounds:
        for letter in drafts.get("letters", []):
            notes = pack.notes.get(letter["interviewer"], {})
            wanted = _content_lemmas("\n".join(notes.values()))
            if not wanted:
                continue
            total += 1
            paragraphs = letter["body"].split("\n\n")[1:-1]
            if wanted & _content_lemmas("\n".join(paragraphs)):
                named += 1
            else:
                misses.append(f"{pack.slug}: {letter['interviewer']}")
    return named, total, misses


SPLITS = ("dev", "test", "heldout", "fresh", "fresh2", "fresh3", "fresh4")


def _share(passed: int, total: int) -> str:
    return f"{passed / total:.3f}" if total else "nan"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every failing sentence")
    parser.add_argument("--split", choices=SPLITS, help="only the packs of one split")
    parser.add_argument("--pack", action="append", help="only this pack (repeatable)")
    args = parser.parse_args(argv)
    splits = {
        "dev": DEV,
        "test": TEST,
        "heldout": HELDOUT,
        "fresh": FRESH,
        "fresh2": FRESH2,
        "fresh3": FRESH3,
        "fresh4": FRESH4,
        None: DEV + TEST + HELDOUT + FRESH + FRESH2 + FRESH3 + FRESH4,
    }
    slugs = tuple(args.pack) if args.pack else splits[args.split]
    packs = load_packs(slugs)
    by_drafter: dict[str, list[bool]] = defaultdict(list)
    by_pack: dict[str, list[bool]] = defaultdict(list)
    by_split: dict[str, list[bool]] = defaultdict(list)
    named = total = 0
    all_misses: list[str] = []
    for pack in packs:
        for drafter, report in check_pack(pack):
            by_drafter[drafter].append(report.ok)
            by_pack[pack.slug].append(report.ok)
            by_split[pack.split].append(report.ok)
            if args.show and not report.ok:
                rules = ", ".join(f"{p.rule}({p.detail})" for p in report.problems)
                print(f"[{pack.slug}/{drafter}] {report.text}\n    -> {rules}")
        hit, count, misses = letters_specific(pack)
        named, total = named + hit, total + count
        all_misses += misses
    every = [ok for oks in by_pack.values() for ok in oks]
    print(
        f"FIGURE prose_pass_share {_share(sum(every), len(every))} share ({len(every)} sentences)"
    )
    for split in SPLITS:
        if by_split.get(split):
            oks = by_split[split]
            print(f"FIGURE prose_pass_share_{split} {_share(sum(oks), len(oks))} share")
    for drafter, oks in sorted(by_drafter.items()):
        print(f"FIGURE prose_pass_share_{drafter} {_share(sum(oks), len(oks))} share ({len(oks)})")
    for slug, oks in sorted(by_pack.items()):
        print(f"FIGURE prose_pass_share_{slug} {_share(sum(oks), len(oks))} share ({len(oks)})")
    print(f"FIGURE letters_name_discussed_share {_share(named, total)} share ({total} letters)")
    if args.show and all_misses:
        print("letters naming nothing discussed:", "; ".join(all_misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
