"""The labelled cover corpus (eval/cover_corpus): rounds' story questions with the stories
of one candidate, each labelled with the stories that answer it (none: "no story covers").

Shared by eval/story_cover.py (figures) and scripts/train_story_model.py (the shipped cover
model). Stories are the candidate's bank of eval/stories, eval/stories_corpus (the same
`story_sets.Occupation`, vectors cached) or a stories file of the corpus (the demo's).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import story_sets

from secondround.engine.nlp import embeddings
from secondround.engine.stories import matching, story_cover, story_model
from secondround.engine.stories.story_texts import QuestionText, StoryText, story_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "cover_corpus"


@dataclass
class CoverBank:
    """One round: its story questions (competency and kind from the bank) and whose stories."""

    bank: str
    occupation: str  # the candidate (story bank): leave-one-occupation-out groups by it
    stories: list[StoryText]
    questions: list[QuestionText]
    kinds: list[str]
    relevant: list[set[str]]
    malformed: list[bool]  # a technical template filled with a non-skill ("explain parents")
    likely: list[bool]  # among the round's 20 likely questions (the readiness count)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def embed_story_rows(rows: list[dict]) -> list[StoryText]:
    plain = [
        StoryText(
            id=r["id"],
            title=r.get("title", ""),
            situation=r.get("situation", ""),
            task=r.get("task", ""),
            action=r.get("action", ""),
            result=r.get("result", ""),
            competencies=tuple(r.get("competencies", ())),
        )
        for r in rows
    ]
    documents = embeddings.embed([story_document(s) for s in plain])
    parts = story_model.embed_parts(
        [story_model.part_texts(s.title, s.situation, s.task, s.action, s.result) for s in plain]
    )
    return [
        replace(
            s,
            vector=tuple(float(x) for x in d),
            part_vectors=tuple(tuple(float(x) for x in row) for row in p),
        )
        for s, d, p in zip(plain, documents, parts, strict=True)
    ]


def load(occupations: list[story_sets.Occupation], corpus: Path = CORPUS) -> list[CoverBank]:
    """Every labelled round of the corpus, questions embedded in one batch."""
    config = json.loads((corpus / "banks.json").read_text())["banks"]
    pairs = _jsonl(corpus / "pairs.jsonl")
    unlabelled = [p["id"] for p in pairs if p.get("relevant") is None]
    if unlabelled:
        raise SystemExit(
            f"{len(unlabelled)} unlabelled questions in {corpus}, e.g. {unlabelled[0]}"
        )
    by_key = {o.key: o for o in occupations}
    files: dict[str, list[StoryText]] = {}
    vectors = embeddings.embed([p["text"] for p in pairs])
    banks = []
    for entry in config:
        source = entry["stories"]
        if source.endswith(".jsonl"):
            if source not in files:
                files[source] = embed_story_rows(_jsonl(ROOT / source))
            stories = [s for s in files[source]]
        else:
            key = f"{story_sets.set_name(ROOT / source)}:{entry['occupation']}"
            stories = list(by_key[key].stories)
        rows = [i for i, p in enumerate(pairs) if p["bank"] == entry["bank"]]
        banks.append(
            CoverBank(
                bank=entry["bank"],
                occupation=entry["occupation"],
                stories=stories,
                questions=[
                    QuestionText(
                        id=pairs[i]["id"],
                        text=pairs[i]["text"],
                        competency=pairs[i]["competency"],
                        vector=tuple(float(x) for x in vectors[i]),
                    )
                    for i in rows
                ],
                kinds=[pairs[i]["kind"] for i in rows],
                relevant=[set(pairs[i]["relevant"]) for i in rows],
                malformed=["malformed" in pairs[i].get("note", "") for i in rows],
                likely=[bool(pairs[i].get("likely")) for i in rows],
            )
        )
    return banks


# --------------------------------------------------------------------------------------
# Units: every labelled bank (cover corpus rounds and the story sets' occupations), with the
# cover model's inputs from a ranker that did not see the candidate
# --------------------------------------------------------------------------------------


@dataclass
class Unit:
    """One candidate's labelled questions, as the matcher is asked them."""

    set: str  # "cover_corpus", "stories", "stories_corpus"
    name: str  # bank or "set:occupation"
    group: str  # the candidate's occupation: leave-one-out holds out all of its units
    stories: list[StoryText]
    questions: list[QuestionText]
    relevant: list[set[str]]
    library: list[bool]  # a question of the question library (not a typed follow-up)
    likely: list[bool]
    malformed: list[bool]
    splits: list[str]


def units(occupations: list[story_sets.Occupation], banks: list[CoverBank]) -> list[Unit]:
    out = [
        Unit(
            set="cover_corpus",
            name=b.bank,
            group=b.occupation,
            stories=b.stories,
            questions=b.questions,
            relevant=b.relevant,
            library=[not q.id.split(":", 1)[1].startswith("again:") for q in b.questions],
            likely=b.likely,
            malformed=b.malformed,
            splits=["test"] * len(b.questions),
        )
        for b in banks
    ]
    for o in occupations:
        count = len(o.questions)
        out.append(
            Unit(
                set=o.key.split(":")[0],
                name=o.key,
                group=o.key.split(":")[1],
                stories=o.stories,
                questions=o.questions,
                relevant=o.relevant,
                library=[False] * count,
                likely=[False] * count,
                malformed=[False] * count,
                splits=o.splits,
            )
        )
    return out


def held_out_rankers(
    occupations: list[story_sets.Occupation],
) -> dict[str, story_model.StoryModel]:
    """A story model per occupation of the story sets, trained without it (the inner
    out-of-fold competency readings in 4 groups, as eval/story_matching.py does)."""
    return {
        o.key.split(":")[1]: story_sets.train(
            [p for p in occupations if p.key != o.key], inner_folds=4
        )
        for o in occupations
    }


def labelled_bank(
    unit: Unit, model: story_model.StoryModel, *, untagged: bool = False
) -> story_cover.LabelledBank:
    """The unit as the cover model reads it, through the matcher with `model`."""
    stories = [replace(s, competencies=()) for s in unit.stories] if untagged else unit.stories
    inputs = matching.cover_inputs(stories, unit.questions, model=model)
    assert inputs is not None
    return story_cover.LabelledBank(
        group=unit.group,
        questions=inputs.questions,
        cover_logits=inputs.cover_logits,
        tagged=inputs.tagged,
        covered=np.array([bool(r) for r in unit.relevant]),
    )
