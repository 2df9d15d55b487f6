"""Build the story questions of each labelled round (banks.json) through the question engine.

    .venv/bin/python eval/cover_corpus/build_banks.py

For every entry of banks.json: the posting's competencies and skills (`analyse_posting`), the
roster's relations, the round-1 questions and the concern go into `build_bank`, as the app's
`round_bank` does; the questions a story can answer (the kinds the coverage page matches,
`secondround.stories.selectors.NOT_STORY_KINDS` aside) are written to pairs.jsonl. Labels
already in pairs.jsonl (`relevant`, `note`) are kept for questions that are still there; a new
question gets `relevant: null` until someone labels it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.questions.question_bank import (  # noqa: E402
    AskedBefore,
    BankRequest,
    Need,
    RosterPerson,
    build_bank,
)
from secondround.engine.reading.posting_analysis import analyse_posting  # noqa: E402

REAL_QUESTIONS = Path("/work/shared/eval/06_questions_across_occupations/dev.jsonl")
# The kinds the coverage page leaves to their own builders (stories/selectors.py).
NOT_STORY_KINDS = frozenset(
    {"second_round", "motivation", "illegal", "curveball", "closing", "salary"}
)
LIKELY = 20  # the readiness count's "likely questions" (overview/selectors.py)
NOT_LIKELY_KINDS = frozenset({"illegal", "curveball"})


def _real_questions() -> dict[str, dict]:
    if not REAL_QUESTIONS.exists():
        return {}
    rows = [json.loads(line) for line in REAL_QUESTIONS.read_text().splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


def bank_rows(entry: dict, real: dict[str, dict]) -> list[dict]:
    posting = (HERE / "postings" / entry["posting"]).read_text()
    analysis = analyse_posting(posting)
    asked, asked_source = [], {}
    for ref, went in entry["asked"]:
        if ref.startswith("demo:"):
            text, source = ref[len("demo:") :], "secondround/demo.py round-1 debrief"
        else:
            text, source = real[ref]["question"], real[ref]["source"]
        asked.append(AskedBefore(text, went))
        asked_source[text.strip()] = source
    request = BankRequest(
        needs=[
            Need(c.id, c.weight, c.evidence[0].sentence if c.evidence else "")
            for c in analysis.competencies
        ],
        skills=[s.name for s in analysis.skills],
        roster=[
            RosterPerson(key=str(i), name=f"Person {i}", relation=relation)
            for i, relation in enumerate(entry["roster"], 1)
        ],
        asked_before=asked,
        concerns=entry.get("concerns", []),
        seed=entry["bank"],
    )
    bank = build_bank(request)
    likely = {q.key for q in [q for q in bank if q.kind not in NOT_LIKELY_KINDS][:LIKELY]}
    rows = []
    for question in bank:
        if question.kind in NOT_STORY_KINDS:
            continue
        origin = question.source
        source = asked_source.get(question.text, "secondround/data/questions (team-written)")
        rows.append(
            {
                "id": f"{entry['bank']}:{question.key}",
                "bank": entry["bank"],
                "text": question.text,
                "kind": question.kind,
                "competency": question.competency,
                "origin": origin,
                "likely": question.key in likely,
                "source": source,
            }
        )
    return rows


def main() -> None:
    config = json.loads((HERE / "banks.json").read_text())
    path = HERE / "pairs.jsonl"
    kept = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                kept[row["id"]] = row
    real = _real_questions()
    out = []
    for entry in config["banks"]:
        for row in bank_rows(entry, real):
            old = kept.get(row["id"], {})
            row["relevant"] = old.get("relevant")
            if old.get("note"):
                row["note"] = old["note"]
            out.append(row)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in out))
    labelled = sum(row["relevant"] is not None for row in out)
    print(
        f"{path.relative_to(ROOT)}: {len(out)} questions in {len(config['banks'])} banks, "
        f"{labelled} labelled"
    )


if __name__ == "__main__":
    main()
