"""Put back together a list item that the note wraps over several lines.

People paste notes from editors and mail clients that wrap long bullets:

    • "Tell me about a time you helped a customer" — used the oat milk
      allergy story from the bakery, Jess really liked that I double-checked

The second line is no new item and no answer to the first: it is the rest of the bullet.
A line is read as such a continuation when it is indented under a list item, carries no
list mark, label or "A:" of its own, and the line before it stops mid-sentence after
running long (wrapping happens near a fixed width, so a short line before an indented one
is a question with its grade or answer under it, which the reader handles as before).
"""

from __future__ import annotations

import re

from secondround.engine.reading.note_cues import A_PREFIX_RE, Q_PREFIX_RE, detect_heading
from secondround.engine.reading.note_grades import is_verdict, leading_mark, strip_bullet

__all__ = [
    "TableColumns",
    "join_wrapped_lines",
    "table_cells",
    "table_header",
    "without_chat_stamps",
]

# A line this long (characters, without its indent) may have been wrapped by an editor.
WRAP_WIDTH = 50
# A wrapped line does not end a sentence or a label.
_ENDED_RE = re.compile(r"[.!?:;)\]\"”]\s*$")


# A chat or transcript line's time stamp and who wrote it: "[14:02] me: …",
# "[07/03/24, 10:42:11] Ana: …", "10:42 - me: …". The stamp alone, or with a speaker after it.
_STAMP_RE = re.compile(
    r"^\s*\[?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"\s*(?:[ap]\.?m\.?)?\]?\s*[-–]?\s*(?:[^\W\d][\w .'’-]{0,24}:\s+)?(?=\S)",
    re.IGNORECASE,
)


def without_chat_stamps(lines: list[str]) -> list[str]:
    """Lines of a pasted chat with their time stamps and speakers taken off, when most
    lines carry one (a single "10:30 unit tour" is kept as typed)."""
    content = [line for line in lines if line.strip()]
    stamped = [line for line in content if _STAMP_RE.match(line)]
    if len(stamped) < 3 or len(stamped) < 0.6 * len(content):
        return lines
    return [_STAMP_RE.sub("", line, count=1) for line in lines]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _is_list_item(line: str) -> bool:
    return strip_bullet(line)[1] or leading_mark(line)[0] is not None


def _continues(previous: str, line: str, in_item: bool) -> bool:
    """Is `line` the wrapped rest of the list item whose last line is `previous`?"""
    content = line.strip()
    if not in_item or not content or _indent(line) <= _indent(previous):
        return False
    if _is_list_item(line):
        return False
    if Q_PREFIX_RE.match(content) or A_PREFIX_RE.match(content) or detect_heading(line, False):
        return False
    last = previous.strip()
    if len(last) < WRAP_WIDTH or _ENDED_RE.search(last):
        return False
    # "went fine" under a long question is its grade, not the rest of its words.
    return not (len(content.split()) <= 4 and is_verdict(content))


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """The note's lines with each wrapped list item on one line (blank lines kept)."""
    joined: list[str] = []
    in_item = False
    for line in lines:
        if joined and _continues(joined[-1], line, in_item):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
            continue
        joined.append(line)
        in_item = _is_list_item(line) if line.strip() else False
    return joined


# --------------------------------------------------------------------------------------------
# Tables pasted from a document: cells split by "|" or by tabs.
# --------------------------------------------------------------------------------------------

_QUESTION_HEADS = frozenset(("question", "questions", "q", "qs", "asked", "prompt", "topic"))
_GRADE_HEADS = frozenset(
    ("rating", "rated", "rate", "score", "grade", "went", "how", "result", "verdict", "stars")
)


def table_cells(line: str) -> list[str] | None:
    """The cells of a table row ("a | b | c", "| a | b |", "a<TAB>b"), or None."""
    stripped = line.strip()
    if "|" in stripped:
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
    elif "\t" in stripped:
        cells = [cell.strip() for cell in re.split(r"\t+", stripped)]
    else:
        return None
    return cells if len(cells) >= 2 else None


class TableColumns:
    """Which column of a table holds the question, which its grade."""

    def __init__(self, question: int, grades: list[int]) -> None:
        self.question = question
        self.grades = grades

    def read(self, cells: list[str]) -> tuple[str, str, str]:
        """(question, grade cells, the other cells) of one row."""
        question = cells[self.question] if self.question < len(cells) else ""
        grade = " ".join(cells[i] for i in self.grades if i < len(cells))
        rest = [
            cell
            for index, cell in enumerate(cells)
            if cell and index != self.question and index not in self.grades
        ]
        return question, grade, " — ".join(rest)


def table_header(cells: list[str]) -> TableColumns | None:
    """The columns a header row names ("Question | How it went | Notes"), or None."""
    if any(re.search(r"\d", cell) or len(cell.split()) > 5 for cell in cells):
        return None
    words = [set(re.findall(r"[a-z]+", cell.lower())) for cell in cells]
    question = next((i for i, w in enumerate(words) if w & _QUESTION_HEADS), None)
    if question is None:
        return None
    grades = [i for i, w in enumerate(words) if i != question and w & _GRADE_HEADS]
    return TableColumns(question, grades)
