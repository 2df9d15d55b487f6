"""How well round-1 notes are sorted, item by item, beside the splitter of an older revision.

    .venv/bin/python eval/notes_split.py [--baseline REV] [--show dev|fixtures|grown] [--no-loso]

An item is one entry of a field: a question's text, a positive, a miss, a concern, a term.
A found item is right when its text equals an expected item's of the same note and field
after normalising case, punctuation and whitespace. Precision, recall and F1 are counted
over items (micro), per field and over all five. How a question ``went`` is scored apart:
the share of right questions whose ``went`` is right too. Items the splitter left "to sort"
are in no field, so they count as missed.

Sets, and what each figure is worth:
* ``corpus_test``: the notes of eval/notes_corpus whose source falls in "test" by a hash
  of its id (decided once, before any tuning: see ``split_of``). Written blind by another
  person; their mistakes are never printed (``--show`` refuses) and they train nothing.
  This and ``heldout`` are the honest figures.
* ``heldout``: eval/notes_heldout, written after the first splitter and never tuned on.
* ``corpus_dev``: the "dev" sources of the corpus, read while improving the splitter.
  Scored leave-one-source-out: the item classifier is retrained without the source
  being scored (rules were tuned on them, so this is still optimistic).
* ``grown``: eval/notes_grown, notes written for this project after reading the splitter
  (training and development material; optimistic), scored leave-one-source-out too.
* ``fixtures``: tests/engine/fixtures/notes, which the first splitter was built on.

--baseline REV scores the splitter as it was at git revision REV in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "eval" / "notes_corpus"
GROWN = ROOT / "eval" / "notes_grown"
HELDOUT = ROOT / "eval" / "notes_heldout"
FIXTURES = ROOT / "tests" / "engine" / "fixtures" / "notes"
FIELDS = ("questions", "positives", "misses", "concerns", "terms")
# The splitter as it was before this evaluation existed (round 1, regex only).
DEFAULT_BASELINE = "4faaf90"

Splitter = Callable[[str], dict[str, Any]]


def split_of(source_id: str) -> str:
    """A corpus source is "dev" or "test" by a hash of its id, so the split does not
    depend on what the notes contain. Fixed before the splitter was changed."""
    return "dev" if hashlib.sha256(source_id.encode()).digest()[0] % 2 == 0 else "test"


def normalise(text: object) -> str:
    """Case, punctuation and spacing do not matter when comparing entries."""
    return " ".join(re.sub(r"[^\w]+", " ", str(text).casefold()).split())


@dataclass
class Note:
    path: Path
    text: str
    expected: dict[str, Any]

    @property
    def source(self) -> str:
        return str(self.expected.get("source_id") or self.path.stem)


def load_notes(folder: Path) -> list[Note]:
    notes = []
    for path in sorted(folder.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        notes.append(Note(path, path.read_text(encoding="utf-8"), expected))
    return notes


@dataclass
class Tally:
    right: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    wanted: Counter[str] = field(default_factory=Counter)
    went_right: int = 0
    went_counted: int = 0
    to_sort: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.found += other.found
        self.wanted += other.wanted
        self.went_right += other.went_right
        self.went_counted += other.went_counted
        self.to_sort += other.to_sort
        self.wrong += other.wrong

    def prf(self, fields: Iterable[str] = FIELDS) -> tuple[float, float, float]:
        right = sum(self.right[f] for f in fields)
        found = sum(self.found[f] for f in fields)
        wanted = sum(self.wanted[f] for f in fields)
        precision = right / found if found else 1.0
        recall = right / wanted if wanted else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _texts(field_name: str, items: list[Any]) -> list[str]:
    if field_name == "questions":
        return [normalise(item.get("text", "")) for item in items if isinstance(item, dict)]
    return [normalise(item) for item in items]


def score_note(note: Note, found: dict[str, Any]) -> Tally:
    tally = Tally()
    for name in FIELDS:
        want = Counter(_texts(name, note.expected[name]))
        got = Counter(_texts(name, found.get(name, [])))
        matched = want & got
        tally.right[name] = sum(matched.values())
        tally.found[name] = sum(got.values())
        tally.wanted[name] = sum(want.values())
        tally.wrong += [f"{note.path.stem} {name}: missing {k!r}" for k in (want - got).elements()]
        tally.wrong += [f"{note.path.stem} {name}: extra   {k!r}" for k in (got - want).elements()]
    expected_went: dict[str, list[Any]] = {}
    for item in note.expected["questions"]:
        expected_went.setdefault(normalise(item["text"]), []).append(item["went"])
    for item in found.get("questions", []):
        wents = expected_went.get(normalise(item.get("text", "")))
        if wents:
            want_went = wents.pop(0)
            tally.went_counted += 1
            tally.went_right += item.get("went") == want_went
            if item.get("went") != want_went:
                tally.wrong.append(
                    f"{note.path.stem} went: {item.get('text')!r} {item.get('went')} "
                    f"(want {want_went})"
                )
    tally.to_sort = len(found.get("to_sort", []))
    return tally


def print_figures(name: str, tally: Tally, notes: int) -> None:
    precision, recall, f1 = tally.prf()
    print(f"FIGURE notes_{name}_notes {notes} notes")
    print(f"FIGURE notes_{name}_precision {precision:.3f} ratio")
    print(f"FIGURE notes_{name}_recall {recall:.3f} ratio")
    print(f"FIGURE notes_{name}_f1 {f1:.3f} ratio")
    for field_name in FIELDS:
        print(f"FIGURE notes_{name}_{field_name}_f1 {tally.prf([field_name])[2]:.3f} ratio")
    went = tally.went_right / tally.went_counted if tally.went_counted else 1.0
    print(f"FIGURE notes_{name}_went_right {went:.3f} ratio")
    if tally.to_sort:
        print(f"FIGURE notes_{name}_to_sort {tally.to_sort} items")


def load_engine(revision: str | None) -> ModuleType:
    """The notes module now, or as it was at a git revision (the engine copied aside)."""
    if revision is None:
        return importlib.import_module("secondround.engine.notes")
    folder = Path(tempfile.mkdtemp(prefix="notes-baseline-")) / "baseline_notes_engine"
    folder.mkdir()

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
        ).stdout

    for name in git("ls-tree", "--name-only", revision, "secondround/engine/").split():
        if name.endswith(".py"):
            text = git("show", f"{revision}:{name}").replace(
                "secondround.engine", "baseline_notes_engine"
            )
            (folder / Path(name).name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module("baseline_notes_engine.notes")


def splitter(engine: ModuleType, **options: Any) -> Splitter:
    def run(text: str) -> dict[str, Any]:
        notes = engine.split_notes(text, **options)
        found: dict[str, Any] = engine.split_notes_as_json(notes)
        found.setdefault("to_sort", getattr(notes, "to_sort", []))
        return found

    return run


def loso_splitters(engine: ModuleType, held: list[Note]) -> dict[str, Splitter]:
    """One splitter per source of `held`, its classifier trained without that source.

    The engine's training set (``item_training.training_notes``) is used minus the source;
    an engine without a trainable classifier gets the plain splitter for every source."""
    training = getattr(engine, "loso_sorter", None)
    if training is None:
        plain = splitter(engine)
        return {note.source: plain for note in held}
    return {
        source: splitter(engine, sorter=training(exclude_source=source))
        for source in {note.source for note in held}
    }


def evaluate(
    name: str,
    notes: list[Note],
    split_for: Callable[[Note], Splitter],
    show: bool,
) -> Tally:
    total = Tally()
    for note in notes:
        total.add(score_note(note, split_for(note)(note.text)))
    print_figures(name, total, len(notes))
    if show:
        for line in total.wrong:
            print(f"  {line}", file=sys.stderr)
    return total


def median_ms(split: Splitter, notes: list[Note]) -> float:
    for note in notes[:3]:
        split(note.text)  # warm: models load, caches fill
    timings = []
    for note in notes:
        started = time.perf_counter()
        split(note.text)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def run(engine: ModuleType, label: str, show: str | None, loso: bool) -> None:
    corpus = load_notes(CORPUS)
    dev = [n for n in corpus if split_of(n.source) == "dev"]
    test = [n for n in corpus if split_of(n.source) == "test"]
    grown = load_notes(GROWN) if GROWN.exists() else []
    plain = splitter(engine)
    per_source = loso_splitters(engine, dev + grown) if loso else {}

    def loso_split(note: Note) -> Splitter:
        return per_source.get(note.source, plain)

    evaluate(f"corpus_test{label}", test, lambda note: plain, show=False)
    evaluate(f"heldout{label}", load_notes(HELDOUT), lambda note: plain, show=False)
    evaluate(f"corpus_dev{label}", dev, loso_split, show == "dev")
    if grown:
        evaluate(f"grown{label}", grown, loso_split, show == "grown")
    evaluate(f"fixtures{label}", load_notes(FIXTURES), lambda note: plain, show == "fixtures")
    print(f"FIGURE notes_split_median{label} {median_ms(plain, corpus):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision, or none")
    parser.add_argument(
        "--show",
        choices=("dev", "grown", "fixtures"),
        help="print the wrong items of one set on stderr (never the test sources)",
    )
    parser.add_argument("--no-loso", action="store_true", help="score dev with the shipped model")
    args = parser.parse_args()
    run(load_engine(None), "", args.show, loso=not args.no_loso)
    if args.baseline != "none":
        run(load_engine(args.baseline), "_baseline", None, loso=False)


if __name__ == "__main__":
    main()
