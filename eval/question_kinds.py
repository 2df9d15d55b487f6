"""Question kind, competency and illegal questions across occupations, leave-one-source-out.

    .venv/bin/python eval/question_kinds.py

    .venv/bin/python eval/question_kinds.py --exact   # one source at a time (slow)
    .venv/bin/python eval/question_kinds.py --exact occupations   # only the sets named

For each set of real questions (occupations, corpus, rubric; see question_sets.py), sources
are left out whole: the kind model and the competency model are trained on all other
labelled questions (the library, the other sources, the prototype sentences) exactly as
scripts/train_question_models.py trains the shipped ones, and score the questions of the
sources left out. The competency model reads the kind predicted for the held-out question.
By default the sources of a set are dealt (sorted by address) into GROUPS groups and each
group is left out in turn: no source is ever on both sides, and each model sees less than
in exact leave-one-source-out, so the figure is if anything pessimistic; `--exact` leaves
out one source at a time (about ten times slower).

Scoring: a kind is right when it equals the label's kind or its second defensible kind; a
competency is right "lenient" when it is the label or one of its defensible alternatives,
"strict" when it is the label. Illegal recall is over questions labelled illegal; precision
over questions called illegal; `lookalike_kept` is the share of the labelled legal
look-alikes (note "LEGAL look-alike") not called illegal.

Baseline, in the same run: the rules alone for the kind (then the library's neighbours,
then "behavioral"), and the hand-weighted competency votes (lexicon, library neighbours,
library softmax, kind prior) with that kind; neither is trained on these sets.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend

import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from question_sets import labelled_questions, training_rows  # noqa: E402

from secondround.engine.questions import classify, question_kind_rules  # noqa: E402
from secondround.engine.questions.question_competency import train_competency_model  # noqa: E402
from secondround.engine.questions.question_kinds import KINDS, train_kind_model  # noqa: E402

EVALUATED = ("occupations", "corpus", "rubric")
GROUPS = 20
FIRST_CORPUS = 382  # eval/questions_corpus ids qc-0001..qc-0382 were there before issue 14
AFTER_BLIND = 509  # qc-0509 onwards: added after the blind set was written


def _number(row: dict) -> int:
    """The number of a corpus id (qc-0042 -> 42)."""
    return int(str(row.get("id") or "qc-0").split("-")[-1])


def kind_right(kind: str, row: dict) -> bool:
    return kind in {row["kind"], row.get("kind_alt")}


def report(name: str, rows: list[dict], kinds: list[str], competencies: list[str]) -> None:
    pairs = list(zip(rows, kinds, competencies, strict=True))
    accuracy = sum(kind_right(k, r) for r, k, _ in pairs) / len(rows)
    lenient = sum(c in {r["competency"], *r["alt"]} for r, _, c in pairs) / len(rows)
    strict = sum(c == r["competency"] for r, _, c in pairs) / len(rows)
    print(f"FIGURE {name}_kind {accuracy:.3f} ratio")
    print(f"FIGURE {name}_competency_lenient {lenient:.3f} ratio")
    print(f"FIGURE {name}_competency_strict {strict:.3f} ratio")
    illegal = [k for r, k, _ in pairs if r["kind"] == "illegal"]
    flagged = [r for r, k, _ in pairs if k == "illegal"]
    lookalikes = [k for r, k, _ in pairs if r.get("note", "").startswith("LEGAL look-alike")]
    if illegal:
        recall = sum(k == "illegal" for k in illegal) / len(illegal)
        print(f"FIGURE {name}_illegal_recall {recall:.3f} ratio")
    if flagged:
        precision = sum(r["kind"] == "illegal" for r in flagged) / len(flagged)
        print(f"FIGURE {name}_illegal_precision {precision:.3f} ratio")
    if lookalikes:
        kept = sum(k != "illegal" for k in lookalikes) / len(lookalikes)
        print(f"FIGURE {name}_lookalike_kept {kept:.3f} ratio")


def baseline(text: str) -> tuple[str, str]:
    """Kind from the rules alone and the hand-weighted competency votes (no learned model)."""
    scores, kind_votes = classify._raw_scores(text)
    kind = classify.question_kind(text)
    if kind is None:
        kind = max(kind_votes.items(), key=lambda kv: kv[1])[0] if kind_votes else "behavioral"
    for competency, bonus in question_kind_rules.KIND_PRIOR.get(kind, ()):
        scores[competency] = scores.get(competency, 0.0) + bonus
    ranked = classify._ranked(scores)
    return kind, (ranked[0][0] if ranked else question_kind_rules.KIND_FALLBACK[kind])


def main() -> None:
    exact = "--exact" in sys.argv[1:]
    use_forms = "--no-forms" not in sys.argv[1:]
    chosen = [name for name in sys.argv[1:] if name in EVALUATED] or list(EVALUATED)
    rows = labelled_questions()
    data = training_rows(rows)
    n = len(rows)
    protos = (data.proto_vectors, data.proto_lexicon, data.proto_rules)
    scan: list[tuple[bool, bool, float]] = []  # (labelled illegal, reader says so, P(illegal))
    for set_name in chosen:
        members = [i for i, row in enumerate(rows) if row["set"] == set_name]
        if not members:
            continue
        by_source: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_source[rows[i]["source"]].append(i)
        folds: dict[int, list[int]] = defaultdict(list)
        for number, source in enumerate(sorted(by_source)):
            folds[number if exact else number % GROUPS].extend(by_source[source])
        kinds: dict[int, str] = {}
        competencies: dict[int, str] = {}
        for held_out in folds.values():
            out = set(held_out)
            keep = [i for i in range(n) if i not in out and data.trainable[i]]
            kind_model = train_kind_model(
                data.vectors[keep],
                [data.rules[i] for i in keep],
                [data.kinds[i] for i in keep],
                data.forms[keep] if use_forms else None,
            )
            predicted = kind_model.kinds(
                data.vectors[held_out],
                [data.rules[i] for i in held_out],
                [data.lawful[i] for i in held_out],
                data.forms[held_out],
            )
            competency_model = train_competency_model(
                np.vstack([data.vectors[keep], protos[0]]),
                np.vstack([data.lexicon[keep], protos[1]]),
                [*(data.kinds[i] for i in keep), *protos[2]],
                [*(data.competencies[i] for i in keep), *data.proto_competencies],
                [*(data.weights[i] for i in keep), *data.proto_weights],
            )
            # A lawful check's kind is fixed, as in classify_question.
            fixed = zip(held_out, predicted, strict=True)
            predicted = [data.lawful_kinds[i] or kind for i, kind in fixed]
            filed = competency_model.competencies(
                data.vectors[held_out], data.lexicon[held_out], predicted
            )
            for i, kind, competency in zip(held_out, predicted, filed, strict=True):
                kinds[i] = kind
                competencies[i] = competency
            probs = kind_model.probabilities(
                data.vectors[held_out], [data.rules[i] for i in held_out], data.forms[held_out]
            )
            column = KINDS.index("illegal")
            for i, row in zip(held_out, probs, strict=True):
                allowed = not data.lawful[i] and data.rules[i] not in ("salary", "closing")
                scan.append(
                    (
                        rows[i]["kind"] == "illegal",
                        data.rules[i] == "illegal",
                        float(row[column]) if allowed else 0.0,
                    )
                )
        subset = [rows[i] for i in members]
        prefix = f"questions_{set_name}"
        print(f"FIGURE {prefix}_count {len(members)} questions")
        print(f"FIGURE {prefix}_sources {len(by_source)} sources")
        predicted_kinds = [kinds[i] for i in members]
        report(f"{prefix}_loso", subset, predicted_kinds, [competencies[i] for i in members])
        base = [baseline(rows[i]["text"]) for i in members]
        report(f"{prefix}_baseline", subset, [k for k, _ in base], [c for _, c in base])
        if set_name == "corpus":  # the first 382 questions, then those added in issue 14
            for part, chosen in (
                ("first382", [i for i in members if _number(rows[i]) <= FIRST_CORPUS]),
                (
                    "added",
                    [i for i in members if FIRST_CORPUS < _number(rows[i]) < AFTER_BLIND],
                ),
                ("after_blind", [i for i in members if _number(rows[i]) >= AFTER_BLIND]),
            ):
                if chosen:
                    part_rows = [rows[i] for i in chosen]
                    name = f"{prefix}_{part}"
                    print(f"FIGURE {name}_count {len(chosen)} questions")
                    report(
                        f"{name}_loso",
                        part_rows,
                        [kinds[i] for i in chosen],
                        [competencies[i] for i in chosen],
                    )
                    part_base = [baseline(r["text"]) for r in part_rows]
                    report(
                        f"{name}_baseline",
                        part_rows,
                        [k for k, _ in part_base],
                        [c for _, c in part_base],
                    )
        sys.stdout.flush()
    # The kind model's own "illegal" (beside the reader) at each threshold, every set pooled.
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
        said = [reader or p >= threshold for _, reader, p in scan]
        caught = sum(s and t for s, (t, _, _) in zip(said, scan, strict=True))
        truly = sum(t for t, _, _ in scan)
        print(
            f"illegal threshold {threshold}: recall {caught / max(1, truly):.3f}"
            f" precision {caught / max(1, sum(said)):.3f}"
            f" legal called illegal {sum(said) - caught}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
