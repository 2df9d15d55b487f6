"""Read a résumé into draft STAR stories: one per achievement bullet.

Every draft is for the candidate to review before it is saved. Formats:

* JSON Resume (the open schema): work[], volunteer[] and projects[] entries, one draft per
  highlight; an entry with no highlights gives one draft per action sentence of its summary.
* PDF: pypdf's layout-mode extraction, which keeps each line's horizontal position as
  spaces. A two-column page (a sidebar beside the experience) shows as a band of
  character positions that is blank on every line; the page is cut there and read left
  column first, then right. Plain extraction of such a page interleaves the columns line
  by line, which no later step can undo.
* DOCX: python-docx, paragraphs in body order, including those in table cells (a common
  two-column layout) and text boxes; list-styled paragraphs become "- " bullets.
* Plain text and markdown, which the PDF and DOCX paths reuse:
  1. Section headings are recognised by name. Only experience sections (experience, work
     history, employment, volunteering, projects...) are read when the résumé has one;
     education, skills, references and the like are always skipped.
  2. In an experience section a line with a date range is a job header, together with the
     short lines just before it (role / employer on lines of their own). Role and employer
     are told apart by " at ", separators (" — ", " | ", ",", tabs or wide gaps) and by
     words typical of each (nurse, manager... / Ltd, Hospital, School...); a place name
     after the employer is dropped.
  3. Bullets (-, •, *, ◦, ▪, numbered) are joined with their wrapped continuation lines.
  4. A job with no bullets has its paragraphs split into sentences, and each sentence with
     an action verb becomes a draft.
* Metrics: "from X to Y" and "Y instead of X" (before/after), "by N" and percentages,
  money (£ $ € with k/M/bn and a rate such as "a year"), multipliers ("3x"), ranks ("#1")
  and counts ("12 nurses"). The figure in the outcome clause wins, then by that order.

Nothing here raises anything but ResumeError, whose text is one line for the user.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from secondround.engine.nlp.sizes import describe_size
from secondround.engine.reading.resume_metrics import bullet_story, tidy
from secondround.engine.reading.resume_records import (
    DOC_UNSUPPORTED,
    DOCX_CORRUPT,
    DOCX_TOO_BIG_UNPACKED,
    EMPTY_FILE,
    MAX_BYTES,
    MAX_DOCX_PARTS,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_PDF_PAGES,
    NO_STORIES_WARNING,
    NOT_JSON_RESUME,
    NOT_TEXT,
    PDF_CORRUPT,
    PDF_ENCRYPTION_UNSUPPORTED,
    PDF_NO_TEXT,
    PDF_PASSWORD,
    TOO_LARGE,
    UNEXPECTED,
    UNSUPPORTED,
    DraftStory,
    Job,
    ParsedResume,
    ResumeError,
)
from secondround.engine.reading.resume_text import (
    BULLET,
    has_action_verb,
    parse_resume_text,
    split_sentences,
)
from secondround.engine.reading.resume_words import normalise_date

# ------------------------------------------------------------------------ JSON Resume

_JSON_SECTIONS = (
    # key, employer fields, role field
    ("work", ("name", "company"), "position"),
    ("volunteer", ("organization", "name"), "position"),
    ("projects", ("entity", "name"), "roles"),
)


def _json_text(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ResumeError(f"{NOT_JSON_RESUME} {where}.{key} must be text.")
    return value.strip() or None


def parse_json_resume(document: object) -> ParsedResume:
    """Drafts from a JSON Resume document (already decoded): one per highlight."""
    if not isinstance(document, dict):
        raise ResumeError(f'{NOT_JSON_RESUME} the file must hold one object with a "work" list.')
    present = [key for key, _, _ in _JSON_SECTIONS if key in document]
    if not present:
        raise ResumeError(f'{NOT_JSON_RESUME} it has no "work", "volunteer" or "projects" list.')
    stories: list[DraftStory] = []
    warnings: list[str] = []
    for key, employer_keys, role_key in _JSON_SECTIONS:
        if key not in document:
            continue
        entries = document[key]
        if not isinstance(entries, list):
            raise ResumeError(f'{NOT_JSON_RESUME} "{key}" must be a list of entries.')
        for index, entry in enumerate(entries):
            where = f"{key}[{index}]"
            if not isinstance(entry, dict):
                raise ResumeError(f"{NOT_JSON_RESUME} {where} must be an object.")
            employer = None
            for employer_key in employer_keys:
                employer = employer or _json_text(entry, employer_key, where)
            if role_key == "roles":
                roles = entry.get("roles")
                if roles is not None and (
                    not isinstance(roles, list) or not all(isinstance(r, str) for r in roles)
                ):
                    raise ResumeError(f"{NOT_JSON_RESUME} {where}.roles must be a list of text.")
                role = ", ".join(r.strip() for r in roles or [] if r.strip()) or None
            else:
                role = _json_text(entry, role_key, where)
            start_text = _json_text(entry, "startDate", where)
            end_text = _json_text(entry, "endDate", where)
            start = normalise_date(start_text) if start_text else None
            end = normalise_date(end_text) if end_text else ("present" if start else None)
            job = Job(role=role, employer=employer, start=start, end=end)
            highlights = entry.get("highlights")
            if highlights is not None and (
                not isinstance(highlights, list) or not all(isinstance(h, str) for h in highlights)
            ):
                raise ResumeError(f"{NOT_JSON_RESUME} {where}.highlights must be a list of text.")
            texts = [h.strip() for h in highlights or [] if h.strip()]
            if texts:
                for highlight in texts:
                    action = re.sub(r"^[-•*◦▪]\s+", "", highlight)
                    stories.append(bullet_story(action, highlight, job))
                continue
            summary = _json_text(entry, "summary", where) or _json_text(entry, "description", where)
            sentences = [
                sentence
                for sentence in split_sentences(tidy(summary or ""))
                if has_action_verb(sentence)
            ]
            for sentence in sentences:
                stories.append(bullet_story(sentence, summary or sentence, job))
            if sentences:
                warnings.append(
                    f"No highlights for {job.label()}: each sentence of its summary became a draft."
                )
    if not stories:
        warnings.append(NO_STORIES_WARNING)
    return ParsedResume(stories=tuple(stories), warnings=tuple(warnings))


# ------------------------------------------------------------------------------- PDF


def _split_columns(lines: list[str]) -> list[str]:
    """Cut a layout-mode page at a blank vertical band, left column first.

    A band counts when it is at least 3 characters wide, lies in the middle 70% of the
    width, no line has text in it, and at least a quarter of the non-blank lines have
    text on each side of it (so a right-aligned date on a header line is not a column).
    """
    rows = [line.rstrip() for line in lines]
    filled = [row for row in rows if row.strip()]
    width = max((len(row) for row in filled), default=0)
    if width < 40 or len(filled) < 6:
        return rows
    occupied = [0] * width
    for row in filled:
        for position, character in enumerate(row):
            if character != " ":
                occupied[position] += 1
    best: tuple[int, int] | None = None
    position = int(width * 0.15)
    while position < int(width * 0.85):
        if occupied[position] == 0:
            end = position
            while end < width and occupied[end] == 0:
                end += 1
            if end - position >= 3 and (best is None or end - position > best[1] - best[0]):
                best = (position, end)
            position = end
        position += 1
    if best is None:
        return rows
    cut = best[1]
    left_count = sum(1 for row in filled if row[: best[0]].strip())
    right_count = sum(1 for row in filled if row[cut:].strip())
    if left_count < len(filled) / 4 or right_count < len(filled) / 4:
        return rows
    left = [row[: best[0]].rstrip() for row in rows]
    right = [row[cut:].rstrip() for row in rows]
    return [*left, "", *right]


def _pdf_text(data: bytes) -> str:
    from pypdf import PasswordType, PdfReader  # type: ignore[import-untyped,unused-ignore]

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            outcome = reader.decrypt("")
        except NotImplementedError as error:
            raise ResumeError(PDF_ENCRYPTION_UNSUPPORTED) from error
        except Exception as error:
            if type(error).__name__ == "DependencyError":
                raise ResumeError(PDF_ENCRYPTION_UNSUPPORTED) from error
            raise
        if outcome == PasswordType.NOT_DECRYPTED:
            raise ResumeError(PDF_PASSWORD)
    pages: list[str] = []
    for page in list(reader.pages)[:MAX_PDF_PAGES]:
        try:
            layout = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
        except Exception:
            layout = page.extract_text()
        pages.append("\n".join(_split_columns(str(layout).split("\n"))))
    return "\n\n".join(pages)


def _read_pdf(data: bytes) -> ParsedResume:
    if b"%PDF" not in data[:1024]:
        raise ResumeError(PDF_CORRUPT)
    try:
        text = _pdf_text(data)
    except ResumeError:
        raise
    except Exception as error:
        raise ResumeError(PDF_CORRUPT) from error
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 5:
        raise ResumeError(PDF_NO_TEXT)
    parsed = parse_resume_text(text)
    return parsed


# ------------------------------------------------------------------------------ DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_paragraphs(body: Any) -> Iterable[Any]:
    """Every w:p in body order, in tables and text boxes too, skipping VML fallbacks."""
    stack = [iter(body)]
    while stack:
        try:
            element = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        if element.tag == _MC_FALLBACK:
            continue
        if element.tag == f"{_W}p":
            yield element
        stack.append(iter(element))


def _docx_text(data: bytes) -> str:
    import docx  # type: ignore[import-untyped,unused-ignore]
    from docx.text.paragraph import Paragraph  # type: ignore[import-untyped,unused-ignore]

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for element in _docx_paragraphs(document.element.body):
        paragraph = Paragraph(element, document)
        text = str(paragraph.text).replace("\xa0", " ")
        if not text.strip():
            continue
        style_name = ""
        try:
            style_name = str(paragraph.style.name or "") if paragraph.style is not None else ""
        except Exception:
            style_name = ""
        properties = element.pPr
        numbered = properties is not None and properties.numPr is not None
        is_list = numbered or style_name.lower().startswith("list")
        parts = text.split("\n")
        if is_list and not BULLET.match(parts[0].strip()):
            parts[0] = "- " + parts[0].strip()
        if BULLET.match(parts[0].strip()):
            parts = [parts[0].strip()] + ["  " + part.strip() for part in parts[1:]]
        lines.extend(parts)
        lines.append("")  # a Word paragraph ends a bullet or a paragraph
    return "\n".join(lines)


def _check_unpacked_size(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from its directory alone, before anything is decompressed.

    The sizes the archive declares are enough: Python's zipfile never returns more bytes
    for a member than its declared size (a member that lies fails its CRC check instead).
    """
    members = archive.infolist()
    if len(members) > MAX_DOCX_PARTS:
        raise ResumeError(DOCX_CORRUPT)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise ResumeError(
            DOCX_TOO_BIG_UNPACKED.format(
                size=describe_size(unpacked), limit=describe_size(MAX_DOCX_UNPACKED_BYTES)
            )
        )


def _read_docx(data: bytes) -> ParsedResume:
    if not data.startswith(b"PK"):
        raise ResumeError(DOCX_CORRUPT)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_size(archive)
            if "word/document.xml" not in archive.namelist():
                raise ResumeError(DOCX_CORRUPT)
        text = _docx_text(data)
    except ResumeError:
        raise
    except Exception as error:
        raise ResumeError(DOCX_CORRUPT) from error
    return parse_resume_text(text)


# ----------------------------------------------------------------------------- entry


def _decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ResumeError(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_json(data: bytes) -> ParsedResume:
    try:
        document = json.loads(_decode_text(data))
    except json.JSONDecodeError as error:
        raise ResumeError(
            f"This JSON file could not be read ({error.msg} at line {error.lineno}): "
            "fix it or paste the text."
        ) from error
    return parse_json_resume(document)


def read_resume(data: bytes, *, filename: str) -> ParsedResume:
    """Drafts from an uploaded résumé, by its magic bytes first and then its extension."""
    try:
        return _read(data, filename)
    except ResumeError:
        raise
    except Exception as error:
        raise ResumeError(UNEXPECTED) from error


def _read(data: bytes, filename: str) -> ParsedResume:
    if len(data) > MAX_BYTES:
        raise ResumeError(TOO_LARGE)
    if not data.strip():
        raise ResumeError(EMPTY_FILE)
    extension = PurePath(filename or "").suffix.lower()
    if b"%PDF" in data[:1024] or extension == ".pdf":
        return _read_pdf(data)
    if data.startswith(b"PK\x03\x04") or extension == ".docx":
        return _read_docx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0") or extension in (".doc", ".rtf", ".odt", ".pages"):
        raise ResumeError(DOC_UNSUPPORTED if extension != ".odt" else UNSUPPORTED)
    if extension == ".json":
        return _read_json(data)
    if extension in ("", ".txt", ".md", ".markdown", ".text"):
        text = _decode_text(data)
        if extension == "" and text.lstrip().startswith("{"):
            return _read_json(data)
        return parse_resume_text(text)
    raise ResumeError(UNSUPPORTED)
