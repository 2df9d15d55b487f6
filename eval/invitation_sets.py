"""The labelled invitation corpus as training rows for the reader's learned decisions.

Used by scripts/train_invitation_models.py (which fits and ships the models) and by
eval/invitations.py (which scores every corpus source with models fitted without it).

Each corpus item is read once by the current reader with its decisions recorded: for
every person the roster stage weighed, the features of invitation_interviewers and
whether the item's label lists that person as an interviewer (matched by name without
honorific).
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.reading import invitation_interviewers as interviewers  # noqa: E402
from secondround.engine.reading import invitation_relation_model as relation_model  # noqa: E402
from secondround.engine.reading.invitation_files import parse_invitation_file  # noqa: E402

CORPUS = ROOT / "eval" / "invitations_corpus" / "items"
FRESH = ROOT / "eval" / "invitations_fresh" / "items"
# Development sets whose misses were read (tuned on): the interviewer model learns from them
# too. Never the untouched sets (fresh2, fresh4, fresh5, fresh6) nor eval/blind.
DEVELOPMENT = tuple(
    ROOT / "eval" / name / "items"
    for name in ("invitations_fresh3", "invitations_dev6", "invitations_styles")
)
HONORIFICS = {"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame"}


def plain(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "")
    return " ".join(text.replace("’", "'").casefold().strip(" .,;:").split())


def bare_name(name: str | None) -> str:
    words = plain(name).split()
    while words and words[0].rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


@dataclass
class Item:
    path: Path  # the .expected.json
    source: Path  # the mail
    expected: dict
    people: list[tuple[str, list[float], int]] = field(default_factory=list)
    relations: list[tuple[str, relation_model.RelationView, str]] = field(default_factory=list)

    @property
    def source_id(self) -> str:
        return str(self.expected.get("source_id", self.path.name))


def item_source(path: Path) -> Path:
    stem = path.name.removesuffix(".expected.json")
    for suffix in (".txt", ".eml", ".ics"):
        if (candidate := path.with_name(stem + suffix)).exists():
            return candidate
    raise FileNotFoundError(f"no e-mail beside {path}")


def parse(item: Item):  # type: ignore[no-untyped-def]
    expected = item.expected
    return parse_invitation_file(
        item.source.read_bytes(),
        item.source.name,
        today=date.fromisoformat(expected["today"]),
        default_time_zone=expected.get("default_time_zone"),
    )


def corpus_items(folder: Path = CORPUS) -> list[Item]:
    items = []
    for path in sorted(folder.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        items.append(Item(path, item_source(path), expected))
    return items


def split_of(source_id: str) -> str:
    """The dev/test split of eval/invitations.py (a hash of the source id)."""
    return "dev" if hashlib.sha256(source_id.encode()).digest()[0] % 2 == 0 else "test"


def training_items() -> list[Item]:
    """Every corpus item and the fresh set's dev items: what the shipped models learn from.
    The fresh set's test sources are left out, so they stay an untouched check."""
    fresh = [item for item in corpus_items(FRESH) if split_of(item.source_id) == "dev"]
    return corpus_items() + fresh


def interviewer_training_items() -> list[Item]:
    """What the shipped interviewer model learns from: the training items and the
    development sets (eval/invitation_interviewer_model.py scores it leaving each source
    out, beside the rules)."""
    return training_items() + [item for folder in DEVELOPMENT for item in corpus_items(folder)]


@contextmanager
def rules_only() -> Iterator[None]:
    """Every learned decision falls back to its rules inside the block."""
    with ExitStack() as stack:
        stack.enter_context(interviewers.using_model(interviewers.RULES_ONLY))
        stack.enter_context(relation_model.using_model(relation_model.RULES_ONLY))
        yield


def record_rows(items: list[Item]) -> None:
    """Fill each item's training rows by reading it with the decisions recorded. The
    interviewer rows are recorded under the rules (the model's own input does not depend
    on the model); the relation rows for the people the reader lists."""
    for item in items:
        wanted = {bare_name(row["name"]): row for row in item.expected["roster"]}
        with rules_only(), interviewers.recording() as people, relation_model.recording() as rel:
            parse(item)
        item.people = [(name, row, int(bare_name(name) in wanted)) for name, row in people]
        item.relations = [
            (name, view, wanted[bare_name(name)]["relation"])
            for name, view in rel
            if bare_name(name) in wanted and wanted[bare_name(name)].get("relation")
        ]


def interviewer_model(items: list[Item]) -> interviewers.InterviewerModel:
    rows = [row for item in items for _, row, _ in item.people]
    labels = [label for item in items for _, _, label in item.people]
    return interviewers.train_model(rows, labels)


def relation_model_for(items: list[Item]) -> relation_model.RelationModel:
    return relation_model.train_model(
        [(view, label) for item in items for _, view, label in item.relations]
    )


@contextmanager
def models_without(
    items: list[Item], source_id: str, *, interviewer: bool = True, relation: bool = True
) -> Iterator[None]:
    """The learned decisions fitted on every source but one, in force inside the block
    (a decision left out falls back to its rules)."""
    others = [item for item in items if item.source_id != source_id]
    with ExitStack() as stack:
        stack.enter_context(
            interviewers.using_model(
                interviewer_model(others) if interviewer else interviewers.RULES_ONLY
            )
        )
        stack.enter_context(
            relation_model.using_model(
                relation_model_for(others) if relation else relation_model.RULES_ONLY
            )
        )
        yield
