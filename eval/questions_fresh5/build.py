"""Build questions_fresh5/questions.jsonl from stage.txt (the hand labels), dropping questions
already in another labelled set (same text after normalisation).

    .venv/bin/python eval/questions_fresh5/build.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
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


def main() -> None:
    seen = {key(row["text"]) for row in labelled_questions()}
    kept: list[dict] = []
    for row in rows_from_stage(HERE / "stage.txt"):
        k = key(row["question"])
        if k in seen:
            print(f"dropped (already labelled elsewhere): {row['question']}", file=sys.stderr)
            continue
        seen.add(k)
        row["id"] = f"qf5-{len(kept) + 1:03d}"
        kept.append(row)
    with (HERE / "questions.jsonl").open("w", encoding="utf-8") as out:
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
    main()
