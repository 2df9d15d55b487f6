"""Limits, messages and the records a résumé reading produces."""

from __future__ import annotations

from dataclasses import dataclass, field

from secondround.engine.nlp.sizes import MB, describe_size

MAX_BYTES = 5 * MB
MAX_PDF_PAGES = 20
# A .docx is a zip archive. Word's own files unpack to a few times their size (text,
# styles, a photo or two); an archive that unpacks to more than this, or has more parts,
# is not a résumé and would take seconds and gigabytes to open (a "zip bomb").
MAX_DOCX_UNPACKED_BYTES = 50 * MB
MAX_DOCX_PARTS = 1_000

NO_BULLETS_WARNING = "No achievement bullets found: each sentence under a job became a draft."
NO_STORIES_WARNING = (
    "No achievements were found: check the résumé has an experience section, or paste the text."
)
TOO_LARGE = (
    f"This file is larger than {describe_size(MAX_BYTES)}: save a smaller copy or paste the text."
)
DOCX_TOO_BIG_UNPACKED = (
    "This Word file unpacks to {size}, far more than a résumé holds (the limit is {limit}): "
    "save it again without embedded media, or paste the text."
)
EMPTY_FILE = "This file is empty: choose another file or paste the text."
PDF_PASSWORD = "This PDF is password-protected: remove the password or paste the text."
PDF_CORRUPT = "This PDF could not be read (the file is damaged or not a PDF): paste the text."
PDF_NO_TEXT = "This PDF has no text to read (it may be a scan): paste the text instead."
PDF_ENCRYPTION_UNSUPPORTED = (
    "This PDF uses an encryption this app cannot open: save an unprotected copy or paste the text."
)
DOCX_CORRUPT = (
    "This Word file could not be read (the file is damaged or not a .docx): "
    "save it again as .docx or paste the text."
)
DOC_UNSUPPORTED = (
    "Old Word .doc files cannot be read: save the résumé as .docx or PDF, or paste the text."
)
NOT_TEXT = "This file is not plain text: upload a PDF, Word (.docx), JSON Resume or .txt file."
UNSUPPORTED = (
    "This file type is not supported: upload a PDF, Word (.docx), JSON Resume (.json) "
    "or text (.txt, .md) file."
)
UNEXPECTED = "This résumé could not be read: paste the text instead."
NOT_JSON_RESUME = "This is not a JSON Resume:"


class ResumeError(Exception):
    """str(error) is one line for the user.

    For example 'This PDF is password-protected: remove the password or paste the text.'
    """


@dataclass(frozen=True)
class Metric:
    text: str  # the phrase, e.g. "cut late deliveries from 9% to 4%"
    value: str | None  # "4%": the main figure after the change, when one is stated
    before: str | None  # "9%"
    after: str | None  # "4%"


@dataclass(frozen=True)
class DraftStory:
    title: str  # short, from the bullet's first words (at most 80 characters)
    action: str  # the bullet text, cleaned (no bullet mark)
    result: str  # the outcome clause when the bullet has one, else ""
    metric: Metric | None
    employer: str | None
    role: str | None
    start: str | None  # "YYYY" / "YYYY-MM" when it could be normalised, else as written
    end: str | None  # also "present"
    source_line: str  # the original line(s)


@dataclass(frozen=True)
class ParsedResume:
    stories: tuple[DraftStory, ...]
    warnings: tuple[str, ...]


@dataclass
class Job:
    role: str | None = None
    employer: str | None = None
    start: str | None = None
    end: str | None = None
    lines: list[str] = field(default_factory=list)

    def label(self) -> str:
        parts = [part for part in (self.role, self.employer) if part]
        return " at ".join(parts) if parts else "a job"
