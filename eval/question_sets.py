"""Every labelled interview question we have, with where it came from, in one shape.

    {"text", "kind", "kind_alt", "competency", "alt", "source", "set"}

`set` names the collection and `source` the page or file a question was copied from, so
that evaluations can leave one source out and train on the rest:

- library: our own question library (secondround/data/questions), written for the product;
- rubric: eval/questions/labels.csv (software-engineering prep material, two repositories);
- occupations: ../shared/eval/06_questions_across_occupations/dev.jsonl (14 occupations);
- corpus: eval/questions_corpus/questions.jsonl (public pages, many occupations; see its
  README);
- fresh3: eval/questions_fresh3/questions.jsonl (public pages; a test set until it was
  declared development by questions5).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
LIBRARY = ROOT / "secondround" / "data" / "questions"
RUBRIC = ROOT / "eval" / "questions" / "labels.csv"
OCCUPATIONS = SHARED / "06_questions_across_occupations" / "dev.jsonl"
CORPUS = ROOT / "eval" / "questions_corpus" / "questions.jsonl"
# A test set until questions5 declared it development (its misses read, trained on).
FRESH3 = ROOT / "eval" / "questions_fresh3" / "questions.jsonl"


def _library() -> list[dict]:
    rows = []
    for path in sorted(LIBRARY.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else data.get("questions", [])
        for item in items:
            if isinstance(item, dict) and item.get("kind") and item.get("text"):
                rows.append(
                    {
                        "text": item["text"],
                        "kind": item["kind"],
                        "kind_alt": None,
                        "competency": item.get("competency"),
                        "alt": [],
                        "source": "library",
                        "set": "library",
                    }
                )
    return rows


def _rubric() -> list[dict]:
    with RUBRIC.open(encoding="utf-8") as file:
        return [
            {
                "text": row["question"],
                "kind": row["kind"],
                "kind_alt": None,
                "competency": row["competency"],
                "alt": [],
                "source": row["source_file"],
                "set": "rubric",
                "split": row["split"],
            }
            for row in csv.DictReader(file)
        ]


def _jsonl(path: Path, set_name: str) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        rows.append(
            {
                "text": item["question"],
                "kind": item["kind"],
                "kind_alt": item.get("kind_alt"),
                "competency": item.get("competency"),
                "alt": item.get("alt") or [],
                "source": item.get("source") or set_name,
                "set": set_name,
                "occupation": item.get("occupation"),
                "ambiguous": item.get("ambiguous"),
                "note": item.get("note") or "",
                "id": item.get("id"),
            }
        )
    return rows


def labelled_questions() -> list[dict]:
    """All sets, the library first; a question already seen (same text) is kept once."""
    seen: set[str] = set()
    rows = []
    for row in [
        *_library(),
        *_rubric(),
        *_jsonl(OCCUPATIONS, "occupations"),
        *_jsonl(CORPUS, "corpus"),
        *_jsonl(FRESH3, "fresh3"),
    ]:
        key = " ".join(row["text"].casefold().split())
        if key in seen:
            continue
        seen.add(key)
        rows.append(row)
    return rows


class TrainingRows:
    """Everything the two question models train on, computed once: embeddings, the rule
    that fired, the lexicon's scores, and the prototype sentences beside the questions."""

    def __init__(self, rows: list[dict]) -> None:
        import numpy as np

        from secondround.engine.nlp import embeddings
        from secondround.engine.questions import classify, question_competency
        from secondround.engine.questions.question_forms import form_features

        texts = [row["text"] for row in rows]
        self.vectors = embeddings.embed([classify.embedding_text(text) for text in texts])
        self.rules = [classify.question_kind(text) for text in texts]
        self.forms = form_features(texts)
        self.lawful = [
            classify.illegal_questions.reading(text).lawful_form is not None for text in texts
        ]
        self.lawful_kinds = [classify.lawful_kind(text) for text in texts]
        self.kinds = [row["kind"] for row in rows]
        self.competencies = [row["competency"] for row in rows]
        self.lexicon = np.stack([classify.lexicon_vector(text) for text in texts])
        self.weights = [question_competency.SET_WEIGHTS.get(row["set"], 1.0) for row in rows]
        # eval/classify_questions.py scores the rubric labels' test split: never train on it.
        self.trainable = [row.get("split") != "test" for row in rows]
        prototypes = classify._PROTOTYPES
        proto_texts = [text for _, text in prototypes]
        self.proto_vectors = embeddings.embed(proto_texts)
        self.proto_rules = [classify.question_kind(text) for text in proto_texts]
        self.proto_lexicon = np.stack([classify.lexicon_vector(text) for text in proto_texts])
        self.proto_competencies = [competency for competency, _ in prototypes]
        self.proto_weights = [question_competency.PROTOTYPE_WEIGHT] * len(prototypes)


def training_rows(rows: list[dict]) -> TrainingRows:
    return TrainingRows(rows)
