"""Check the layout of the blind held-out sets: questions, stories and postings.

Loads every item of eval/blind/questions, eval/blind/stories and eval/blind/postings and checks
that ids are unique, fields (and, for questions, their order) match the development sets, every
competency and kind id is one of secondround/engine/nlp/vocabulary.py, story ids referenced by the
pairs exist in the same occupation, and every skill, not-skill and evidence sentence of a posting
occurs in its text. It reads no engine code except the vocabulary (loaded from its file, so the
engine package is not imported) and runs no reader on the items.

    .venv/bin/python eval/blind/check_layout_b.py

Prints one summary line per set and each problem found; exits 1 if there is any problem.
"""

from __future__ import annotations

import json
import re
import runpy
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
VOCAB = runpy.run_path(str(REPO / "secondround" / "engine" / "vocabulary.py"))
COMPETENCIES: set[str] = set(VOCAB["COMPETENCIES"])
KINDS: set[str] = set(VOCAB["QUESTION_KINDS"])

# Field order of /work/shared/eval/06_questions_across_occupations/dev.jsonl.
QUESTION_FIELDS = [
    "id",
    "question",
    "competency",
    "alt",
    "kind",
    "kind_alt",
    "occupation",
    "ambiguous",
    "note",
    "stage",
    "source",
    "source_note",
    "licence",
    "source_type",
]
STORY_FIELDS = [
    "id",
    "occupation",
    "title",
    "situation",
    "task",
    "action",
    "result",
    "competencies",
    "source_url",
]
PAIR_FIELDS = ["id", "occupation", "text", "relevant", "split", "source_url"]
POSTING_KEYS = {"occupation", "country", "skills", "not_skills", "competencies"}


def load_jsonl(path: Path, problems: list[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON ({error})")
    return rows


def text_of(value: object) -> str:
    return value if isinstance(value, str) else ""


def check_questions(problems: list[str]) -> str:
    rows = load_jsonl(HERE / "questions" / "questions.jsonl", problems)
    ids = Counter(text_of(r.get("id")) for r in rows)
    problems += [f"questions: duplicate id {i}" for i, n in ids.items() if n > 1]
    for row in rows:
        where = f"questions {row.get('id')}"
        if list(row) != QUESTION_FIELDS:
            problems.append(f"{where}: fields {list(row)} differ from dev.jsonl")
        if not text_of(row.get("question")).strip():
            problems.append(f"{where}: empty question")
        competency = row.get("competency")
        if competency not in COMPETENCIES:
            problems.append(f"{where}: unknown competency {competency!r}")
        alt = row.get("alt")
        if not isinstance(alt, list) or len(alt) > 2:
            problems.append(f"{where}: alt must be a list of at most 2 ids")
        else:
            problems += [f"{where}: unknown alt {a!r}" for a in alt if a not in COMPETENCIES]
            if competency in alt:
                problems.append(f"{where}: alt repeats the competency")
        kind, kind_alt = row.get("kind"), row.get("kind_alt")
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
        if kind_alt is not None and (kind_alt not in KINDS or kind_alt == kind):
            problems.append(f"{where}: bad kind_alt {kind_alt!r}")
        if not isinstance(row.get("ambiguous"), bool):
            problems.append(f"{where}: ambiguous must be true or false")
        if row.get("ambiguous") and not row.get("note"):
            problems.append(f"{where}: ambiguous without a note")
        if not text_of(row.get("source")).startswith("http"):
            problems.append(f"{where}: source is not an address")
    kinds = Counter(text_of(r.get("kind")) for r in rows)
    occupations = {text_of(r.get("occupation")) for r in rows}
    sources = {text_of(r.get("source")) for r in rows}
    return (
        f"questions: {len(rows)} items, {len(occupations)} occupations, {len(sources)} sources, "
        f"{kinds['illegal']} illegal, kinds {dict(sorted(kinds.items()))}"
    )


def check_stories(problems: list[str]) -> str:
    stories = load_jsonl(HERE / "stories" / "stories.jsonl", problems)
    pairs = load_jsonl(HERE / "stories" / "pairs.jsonl", problems)
    story_occupation: dict[str, str] = {}
    for story in stories:
        sid = text_of(story.get("id"))
        where = f"stories {sid}"
        if list(story) != STORY_FIELDS:
            problems.append(f"{where}: fields {list(story)} differ from eval/stories_corpus")
        if sid in story_occupation:
            problems.append(f"{where}: duplicate id")
        story_occupation[sid] = text_of(story.get("occupation"))
        for part in ("title", "situation", "task", "action", "result"):
            if not text_of(story.get(part)).strip():
                problems.append(f"{where}: empty {part}")
        tags = story.get("competencies")
        if not isinstance(tags, list) or not 1 <= len(tags) <= 3:
            problems.append(f"{where}: competencies must hold 1-3 ids")
        else:
            problems += [
                f"{where}: unknown competency {t!r}" for t in tags if t not in COMPETENCIES
            ]
    pair_ids: set[str] = set()
    for pair in pairs:
        pid = text_of(pair.get("id"))
        where = f"pairs {pid}"
        if list(pair) != PAIR_FIELDS:
            problems.append(f"{where}: fields {list(pair)} differ from eval/stories_corpus")
        if pid in pair_ids:
            problems.append(f"{where}: duplicate id")
        pair_ids.add(pid)
        if pair.get("split") not in ("dev", "test"):
            problems.append(f"{where}: split must be dev or test")
        relevant = pair.get("relevant")
        if not isinstance(relevant, list):
            problems.append(f"{where}: relevant must be a list")
            continue
        for sid in relevant:
            if sid not in story_occupation:
                problems.append(f"{where}: story {sid!r} does not exist")
            elif story_occupation[sid] != pair.get("occupation"):
                problems.append(f"{where}: story {sid!r} is another occupation's")
    per_occupation = Counter(story_occupation.values())
    empty = sum(1 for p in pairs if p.get("relevant") == [])
    return (
        f"stories: {len(stories)} stories and {len(pairs)} questions for {len(per_occupation)} "
        f"occupations, {empty} questions with no relevant story"
    )


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def check_postings(problems: list[str]) -> str:
    folder = HERE / "postings"
    postings = sorted(folder.glob("*.txt"))
    occupations: set[str] = set()
    skills = not_skills = 0
    for posting in postings:
        expected_path = posting.with_suffix(".expected.json")
        where = f"postings {posting.stem}"
        if not expected_path.exists():
            problems.append(f"{where}: no .expected.json")
            continue
        try:
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            problems.append(f"{where}: expected.json is not JSON ({error})")
            continue
        if set(expected) != POSTING_KEYS:
            problems.append(f"{where}: keys {sorted(expected)} differ from {sorted(POSTING_KEYS)}")
            continue
        text = folded(posting.read_text(encoding="utf-8"))
        occupations.add(expected["occupation"])
        for name in ("skills", "not_skills"):
            for phrase in expected[name]:
                if folded(phrase) not in text:
                    problems.append(f"{where}: {name} phrase not in the posting: {phrase!r}")
        overlap = {folded(s) for s in expected["skills"]} & {
            folded(s) for s in expected["not_skills"]
        }
        problems += [f"{where}: both skill and not-skill: {s!r}" for s in sorted(overlap)]
        for item in expected["competencies"]:
            if item.get("id") not in COMPETENCIES:
                problems.append(f"{where}: unknown competency {item.get('id')!r}")
            if folded(text_of(item.get("evidence"))) not in text:
                problems.append(f"{where}: evidence not in the posting: {item.get('evidence')!r}")
        skills += len(expected["skills"])
        not_skills += len(expected["not_skills"])
    for orphan in sorted(folder.glob("*.expected.json")):
        if not orphan.with_name(orphan.name.replace(".expected.json", ".txt")).exists():
            problems.append(f"postings {orphan.name}: no posting text")
    return (
        f"postings: {len(postings)} postings, {len(occupations)} occupations, "
        f"{skills} skills, {not_skills} not-skills"
    )


def main() -> int:
    problems: list[str] = []
    summaries = [check_questions(problems), check_stories(problems), check_postings(problems)]
    for line in summaries:
        print(line)
    for problem in problems:
        print("PROBLEM", problem)
    print("layout OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
