"""Build a question set's questions.jsonl from its stage.txt (the hand labels), dropping
questions already in another labelled set (same text after normalisation).

    .venv/bin/python eval/question_stage.py eval/questions_fresh5

Ids are "qf<n>-001"…, n the number at the end of the folder's name.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from question_sets import labelled_questions  # noqa: E402

from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS  # noqa: E402


def key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(
        str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    )
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def rows_from_stage(path: Path) -> list[dict]:
    rows: list[dict] = []
    source = note = kind_of_source = occupation = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tag, _, rest = line.partition(" ")
        if tag == "S":
            source = rest.strip()
        elif tag == "N":
            note = rest.strip()
        elif tag == "T":
            kind_of_source = rest.strip()
        elif tag == "O":
            occupation = rest.strip()
        elif tag == "Q":
            labels, question, comment = (part.strip() for part in (rest + " ").split(" | ", 2))
            parts = labels.split()
            kinds = parts[0].split("/")
            competencies = parts[1].split(",")
            ambiguous = "?" in parts[2:]
            for kind in kinds:
                assert kind in QUESTION_KINDS, (kind, question)
            for competency in competencies:
                assert competency in COMPETENCIES, (competency, question)
            rows.append(
                {
                    "id": "",
                    "question": question,
                    "competency": competencies[0],
                    "alt": competencies[1:3],
                    "kind": kinds[0],
                    "kind_alt": kinds[1] if len(kinds) > 1 else None,
                    "occupation": occupation,
                    "ambiguous": ambiguous,
                    "note": comment.rstrip("|").strip() or None,
                    "stage": None,
                    "source": source,
                    "source_note": note,
                    "licence": "not stated",
                    "source_type": kind_of_source,
                }
            )
        else:
            raise ValueError(f"unknown line: {line}")
    return rows


def main(argv: list[str]) -> None:
    if len(argv) != 1 or not (Path(argv[0]) / "stage.txt").is_file():
        raise SystemExit("usage: question_stage.py eval/questions_freshN (a folder with stage.txt)")
    here = Path(argv[0]).resolve()
    number = re.search(r"\d+$", here.name)
    prefix = "qf" + (number.group(0) if number else "")
    output = here / "questions.jsonl"
    own = (
        {key(json.loads(line)["question"]) for line in output.read_text().splitlines() if line}
        if output.is_file()
        else set()
    )
    # The set's own questions may already be among the labelled ones (a set declared dev).
    seen = {key(row["text"]) for row in labelled_questions()} - own
    kept: list[dict] = []
    for row in rows_from_stage(here / "stage.txt"):
        k = key(row["question"])
        if k in seen:
            print(f"dropped (already labelled elsewhere): {row['question']}", file=sys.stderr)
            continue
        seen.add(k)
        row["id"] = f"{prefix}-{len(kept) + 1:03d}"
        kept.append(row)
    with output.open("w", encoding="utf-8") as out:
        for row in kept:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    sources = {row["source"] for row in kept}
    occupations = {row["occupation"] for row in kept}
    illegal = sum(row["kind"] == "illegal" for row in kept)
    look = sum((row["note"] or "").startswith("LEGAL look-alike") for row in kept)
    print(
        f"{len(kept)} questions, {len(sources)} sources, {len(occupations)} occupations,"
        f" {illegal} illegal, {look} lawful look-alikes"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
