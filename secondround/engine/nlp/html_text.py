"""HTML mail bodies as the plain text a candidate would have copied out of them.

Block elements end a line, list items become bullets and table rows become "a | b | c"
lines, so the invitation reader sees the same layout it sees in a paste. Mail layouts nest
tables inside table cells: a row that holds a table is layout, and its cells are read as
blocks rather than as columns. Scripts, styles and the head are dropped; nothing is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from secondround.engine.nlp.word_tables import word_set

__all__ = ["html_to_text"]

BLOCK_TAGS = word_set(
    "p div br hr h1 h2 h3 h4 h5 h6 ul ol dl dt dd blockquote pre section article header "
    "footer table thead tbody tfoot address center li"
)
SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})


@dataclass
class _Row:
    cells: list[str] = field(default_factory=list)
    cell: list[str] | None = None
    layout: bool = False  # holds a table of its own


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.rows: list[_Row] = []
        self.skipping = 0

    def _in_cell(self) -> bool:
        return bool(self.rows) and self.rows[-1].cell is not None and not self.rows[-1].layout

    def end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag == "table" and self._in_cell():
            row = self.rows[-1]
            # The outer row is layout: what its cells held so far becomes lines.
            for text in [*row.cells, " ".join("".join(row.cell or []).split())]:
                if text:
                    self.lines.append(text)
            row.cells, row.cell, row.layout = [], [], True
        elif tag == "tr":
            self.end_line()
            self.rows.append(_Row())
        elif tag in {"td", "th"} and self.rows and not self.rows[-1].layout:
            self.rows[-1].cell = []
        elif tag == "br" and self._in_cell():
            self.rows[-1].cell.append(", ")  # type: ignore[union-attr]
        elif tag in BLOCK_TAGS and not self._in_cell():
            self.end_line()
            if tag == "li":
                self.line.append("• ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in {"td", "th"} and self._in_cell():
            row = self.rows[-1]
            row.cells.append(" ".join("".join(row.cell or []).split()))
            row.cell = None
        elif tag == "tr" and self.rows:
            row = self.rows.pop()
            self.end_line()
            cells = [cell for cell in row.cells if cell]
            if row.layout:
                self.lines.extend(cells)
            elif cells:
                # An empty cell keeps its column ("| 9:00 am |" under "Day | Time"), as "–".
                self.lines.append(" | ".join(cell or "–" for cell in row.cells))
        elif tag in BLOCK_TAGS and not self._in_cell():
            self.end_line()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self._in_cell():
            self.rows[-1].cell.append(data)  # type: ignore[union-attr]
        else:
            self.line.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML document, one block per line."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # malformed markup: keep what was read so far
        pass
    collector.end_line()
    for row in collector.rows:  # rows never closed
        collector.lines.extend(cell for cell in row.cells if cell)
    return "\n".join(collector.lines).strip()
