"""The labelled round-1 notes, and the clauses of each labelled with the field they belong to.

Shared by eval/notes_split.py (scores, leave-one-source-out) and
scripts/train_note_sorter.py (the shipped item sorter).

Sets:
- corpus: eval/notes_corpus, split by source into "dev" and "test" (``split_of``); the
  test sources train nothing and their mistakes are never printed;
- grown: eval/notes_grown (written after the splitter, training and development);
- heldout: eval/notes_heldout (never tuned on);
- fresh: eval/notes_fresh (new styles and occupations, labelled before any run; never tuned on);
- fresh3: eval/notes_fresh3 (ten more occupations, labelled before this round's changes;
  scored only);
- fresh4: eval/notes_fresh4 (16 notes in new styles, languages and occupations, labelled before
  this round's changes; scored only);
- fresh5: eval/notes_fresh5 (15 notes in the style of 15 public pages, labelled and scored before
  this round's changes; scored only);
- dev4: eval/notes_dev4 (written for this round's development after fresh4 was scored; tuned on);
- fixtures: tests/engine/fixtures/notes (the first splitter's fixtures).

A clause's label comes from lining it up with the expected items of its note: the field of
the expected item that contains it (or that it contains), or "other".
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secondround.engine.reading.note_cues import CONCERNS, MISSES, OTHER, POSITIVES, QUESTIONS
from secondround.engine.reading.note_sorter import Piece
from secondround.engine.reading.notes import clause_pieces

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "notes_corpus"
GROWN = ROOT / "eval" / "notes_grown"
HELDOUT = ROOT / "eval" / "notes_heldout"
# Written for issue 14 in styles the others lack, labelled before the splitter ran on them;
# scored, never trained on (eval/notes_fresh/README.md).
FRESH = ROOT / "eval" / "notes_fresh"
# A third untouched split (10 new occupations), labelled before this round's changes
# (eval/notes_fresh3/README.md): scored only, its misses never printed.
FRESH3 = ROOT / "eval" / "notes_fresh3"
# A fourth untouched split (phone screens, forwarded recruiter mail, tables, mixed languages...),
# labelled before this round's changes (eval/notes_fresh4/README.md): scored only.
FRESH4 = ROOT / "eval" / "notes_fresh4"
# A fifth untouched split (15 notes, each in the style of one public page: forum recaps,
# career-centre templates, interview-experience posts), labelled before this round's changes.
FRESH5 = ROOT / "eval" / "notes_fresh5"
# Development notes written for this round (eval/notes_dev4/README.md): read and tuned on.
DEV4 = ROOT / "eval" / "notes_dev4"
# Written blind by another person, from new sources; scored, never shown, never trained on.
BLIND = ROOT / "eval" / "blind" / "notes"
FIXTURES = ROOT / "tests" / "engine" / "fixtures" / "notes"
ITEM_FIELDS = (QUESTIONS, POSITIVES, MISSES, CONCERNS)


def split_of(source_id: str) -> str:
    """A corpus source is "dev" or "test" by a hash of its id, so the split does not
    depend on what the notes contain. Fixed before the splitter was changed."""
    return "dev" if hashlib.sha256(source_id.encode()).digest()[0] % 2 == 0 else "test"


@dataclass
class Note:
    path: Path
    text: str
    expected: dict[str, Any]
    set: str

    @property
    def source(self) -> str:
        return str(self.expected.get("source_id") or f"{self.set}:{self.path.stem}")


def load_notes(folder: Path, set_name: str) -> list[Note]:
    notes = []
    for path in sorted(folder.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        notes.append(Note(path, path.read_text(encoding="utf-8"), expected, set_name))
    return notes


def corpus_split(split: str) -> list[Note]:
    return [note for note in load_notes(CORPUS, "corpus") if split_of(note.source) == split]


def training_notes() -> list[Note]:
    """Everything the sorter may learn from: the development notes (corpus dev sources,
    grown, fixtures, dev4); never the corpus's test sources, held-out, fresh, fresh3, fresh4,
    fresh5 or blind."""
    return (
        corpus_split("dev")
        + load_notes(GROWN, "grown")
        + load_notes(FIXTURES, "fixtures")
        + (load_notes(DEV4, "dev4") if DEV4.exists() else [])
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def _label(piece: Piece, expected: dict[str, Any]) -> str:
    """The field of the expected item this clause belongs to, or "other"."""
    words = set(_words(piece.text))
    if not words:
        return OTHER
    best, best_score = OTHER, 0.0
    for field_name in ITEM_FIELDS:
        for item in expected.get(field_name, []):
            text = item["text"] if isinstance(item, dict) else str(item)
            target = set(_words(text))
            if not target:
                continue
            shared = len(words & target)
            inside = shared / len(words)  # how much of the clause is in the item
            covered = shared / len(target)  # how much of the item the clause holds
            held = inside >= 0.8 and (covered >= 0.5 or len(words) >= 3)
            if not held and not (covered >= 0.8 and inside >= 0.5):
                continue
            score = inside + covered
            if score > best_score:
                best, best_score = field_name, score
    return best


def labelled_pieces(notes: Iterable[Note]) -> list[tuple[Piece, str, str]]:
    """(clause, its field, its note's source) for every clause the splitter sorts."""
    rows = []
    for note in notes:
        for piece in clause_pieces(note.text):
            rows.append((piece, _label(piece, note.expected), note.source))
    return rows
