"""A résumé as text: sections, job headers, bullets and sentences, into draft stories."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from secondround.engine.reading.resume_metrics import bullet_story, tidy
from secondround.engine.reading.resume_records import (
    NO_BULLETS_WARNING,
    NO_STORIES_WARNING,
    UNEXPECTED,
    DraftStory,
    Job,
    ParsedResume,
    ResumeError,
)
from secondround.engine.reading.resume_words import (
    ACTION_VERBS,
    DATE_RANGE,
    EMPLOYER_WORDS,
    EXPERIENCE_HEADINGS,
    OUTCOME_VERBS,
    PLACES,
    ROLE_WORDS,
    SINCE_DATE,
    SKIP_HEADINGS,
    parse_date_range,
)

# ----------------------------------------------------------------------- job headers


_STRONG_SEPARATOR = re.compile(
    r"\s+(?:[—–|·•@]|-{1,2}|/)\s+|\s{3,}|\t|\s+at\s+|^\s*(?:[—–|·•]|-{1,2})\s*|\s*[—–|·•]\s*$"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z.&'’-]*", text.lower())


def _role_score(text: str) -> int:
    return sum(1 for word in _words(text) if word.strip(".") in ROLE_WORDS)


def _employer_score(text: str) -> int:
    score = sum(1 for word in _words(text) if word in EMPLOYER_WORDS)
    return score + (1 if "&" in text else 0)


def _is_place(text: str) -> bool:
    lowered = text.lower().strip(" .")
    if lowered in PLACES:
        return True
    if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2}", text.strip()):
        return True
    return all(part.strip() in PLACES for part in lowered.split(",")) and "," in lowered


def _clean_header_text(text: str) -> str:
    text = DATE_RANGE.sub(" ", text)
    text = SINCE_DATE.sub(" ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"[*_#]+", " ", text)
    return text


def _parse_header(lines: list[str]) -> Job:
    """Role, employer and dates from one to a few header lines."""
    start = end = None
    for line in lines:
        start, end = parse_date_range(line)
        if start:
            break
    segments: list[str] = []
    explicit: tuple[str, str] | None = None
    for line in lines:
        cleaned = _clean_header_text(line)
        at = re.search(r"^(?P<role>.+?)\s+at\s+(?P<employer>.+)$", cleaned.strip())
        if at and explicit is None and _role_score(at.group("role")) >= 0:
            role_part = _STRONG_SEPARATOR.split(at.group("role"))[-1]
            employer_part = _STRONG_SEPARATOR.split(at.group("employer"))[0]
            explicit = (role_part, employer_part)
            continue
        for segment in _STRONG_SEPARATOR.split(cleaned):
            segment = segment.strip(" ,;:()-–—|")
            if segment and re.search(r"[A-Za-z]", segment):
                segments.append(segment)
    job = Job(start=start, end=end, lines=list(lines))
    if explicit:
        role_text, employer_text = explicit
        job.role = role_text.split(",")[0].strip(" ,;:()") or None
        job.employer = employer_text.split(",")[0].strip(" ,;:()") or None
        return job
    # One segment: its commas separate role, employer and place. Several: each segment's
    # first comma part is a candidate and the rest (", London") is a place.
    candidates: list[str] = []
    if len(segments) == 1:
        candidates = [part.strip() for part in segments[0].split(",") if part.strip()]
    else:
        for segment in segments:
            parts = [part.strip() for part in segment.split(",") if part.strip()]
            if parts:
                candidates.append(parts[0])
    candidates = [candidate for candidate in candidates if not _is_place(candidate)]
    candidates = [candidate for candidate in candidates if "@" not in candidate]
    if not candidates:
        return job
    role_index = max(range(len(candidates)), key=lambda i: (_role_score(candidates[i]), -i))
    if _role_score(candidates[role_index]) == 0:
        employer_index = max(
            range(len(candidates)), key=lambda i: (_employer_score(candidates[i]), -i)
        )
        if _employer_score(candidates[employer_index]) > 0:
            others = [i for i in range(len(candidates)) if i != employer_index]
            role_index = others[0] if others else -1
        else:
            role_index = 0
    others = [i for i in range(len(candidates)) if i != role_index]
    if others:
        employer_index = max(others, key=lambda i: (_employer_score(candidates[i]), -i))
        job.employer = candidates[employer_index]
    if role_index >= 0:
        job.role = candidates[role_index]
    if job.role and job.employer and _role_score(job.employer) > _role_score(job.role):
        job.role, job.employer = job.employer, job.role
    return job


# ---------------------------------------------------------------------- text structure

BULLET = re.compile(
    r"^(?P<indent>\s*)(?P<mark>[-–—•*◦▪‣●○■□➢►✓·∙⁃]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?P<text>\S.*)$"
)
RULE_LINE = re.compile(r"^\s*[-=_─━~*•·]{3,}\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9£$€])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|dr|mr|mrs|ms|st|vs|approx|no|inc|ltd|co)\.$", re.I)


def _heading_kind(text: str) -> str | None:
    stripped = re.sub(r"^[#>*_\s]+|[*_:\s]+$", "", text).strip()
    if not stripped or len(stripped) > 48:
        return None
    name = re.sub(r"[^a-z ]+", " ", stripped.lower().replace("&", " and "))
    name = " ".join(name.split())
    if name in EXPERIENCE_HEADINGS:
        return "experience"
    if name in SKIP_HEADINGS:
        return "skip"
    return None


def split_sentences(text: str) -> list[str]:
    pieces: list[str] = []
    current = ""
    position = 0
    for match in _SENTENCE_END.finditer(text):
        chunk = text[position : match.start()]
        candidate = current + chunk
        if _ABBREVIATIONS.search(candidate.rstrip()) or re.search(r"\b[A-Z]\.$", candidate):
            current = candidate + match.group(0)
        else:
            pieces.append(candidate.strip())
            current = ""
        position = match.end()
    tail = (current + text[position:]).strip()
    if tail:
        pieces.append(tail)
    return [piece for piece in pieces if piece]


def has_action_verb(sentence: str) -> bool:
    words = [word.lower() for word in re.findall(r"[A-Za-z][A-Za-z-]*", sentence)[:6]]
    return any(word in ACTION_VERBS or word in OUTCOME_VERBS for word in words)


@dataclass
class _Line:
    raw: str
    text: str  # without markdown emphasis, whitespace collapsed except wide gaps
    indent: int


def _prepare(text: str) -> list[_Line]:
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines: list[_Line] = []
    for raw in text.split("\n"):
        raw = raw.replace("\u00a0", " ").replace("\t", "    ").rstrip()
        indent = len(raw) - len(raw.lstrip(" "))
        body = raw.strip()
        body = re.sub(r"^#{1,6}\s+", "", body)
        body = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", body)
        body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
        body = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1", body)
        body = re.sub(r"(?<=\S) {1,2}(?=\S)", " ", body)
        lines.append(_Line(raw=raw, text=body, indent=indent))
    return lines


def _looks_like_title(text: str) -> bool:
    """A short line that may be part of a job header: no sentence ending, few words."""
    words = text.split()
    return 0 < len(words) <= 9 and not text.rstrip().endswith((".", "!", "?", ";"))


@dataclass
class _Unit:
    kind: str  # "bullet" or "para"
    lines: list[_Line]
    job: Job | None


def _joined(lines: list[_Line], *, strip_mark: bool) -> str:
    parts: list[str] = []
    for index, line in enumerate(lines):
        text = line.text
        if index == 0 and strip_mark:
            match = BULLET.match(text)
            text = match.group("text") if match else text
        parts.append(tidy(text))
    joined = ""
    for part in parts:
        if joined.endswith("-") and not joined.endswith(" -") and part[:1].islower():
            joined += part
        else:
            joined = f"{joined} {part}" if joined else part
    return joined


class _SectionReader:
    """Walks the lines of one experience section: job headers, bullets and paragraphs."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.units: list[_Unit] = []
        self.job: Job | None = None
        self.header_open = False  # a dated header was read and no body since
        self.pending: list[_Line] = []  # short lines that may start the next header
        self.bullet: list[_Line] | None = None
        self.para: list[_Line] = []

    def _next_text(self, index: int) -> str:
        for line in self.lines[index + 1 :]:
            if line.text:
                return line.text
        return ""

    def _flush_bullet(self) -> None:
        if self.bullet:
            self.units.append(_Unit("bullet", self.bullet, self.job))
        self.bullet = None

    def _flush_para(self) -> None:
        if self.para:
            self.units.append(_Unit("para", self.para, self.job))
        self.para = []

    def _start_job(self, header: list[_Line]) -> None:
        self._flush_bullet()
        self._flush_para()
        self.job = _parse_header([line.text for line in header])
        self.header_open = True
        self.pending = []

    def _is_continuation(self, line: _Line, index: int) -> bool:
        assert self.bullet is not None
        first, last = self.bullet[0], self.bullet[-1]
        mark = BULLET.match(first.raw)
        text_indent = (
            len(mark.group("indent")) + len(first.raw.strip()) - len(mark.group("text"))
            if mark
            else first.indent
        )
        if line.text[:1].islower() or line.text[:1] in "£$€(&" or line.text[:1].isdigit():
            return True
        if line.indent > first.indent and line.indent >= text_indent - 1:
            return True
        if last.text.rstrip().endswith((".", "!", "?")):
            return False
        if DATE_RANGE.search(line.text) or DATE_RANGE.search(self._next_text(index)):
            return False
        return _STRONG_SEPARATOR.search(line.text) is None and line.indent >= first.indent

    def read(self) -> list[_Unit]:
        for index, line in enumerate(self.lines):
            text = line.text
            if not text or RULE_LINE.match(text):
                self._flush_bullet()
                self._flush_para()
                continue
            if BULLET.match(text) and not (
                DATE_RANGE.match(BULLET.match(text).group("text"))  # type: ignore[union-attr]
            ):
                self._flush_bullet()
                self._flush_para()
                if self.pending:
                    candidate = _parse_header([pending.text for pending in self.pending])
                    if _role_score(candidate.role or "") or _employer_score(
                        candidate.employer or ""
                    ):
                        self.job = candidate
                    self.pending = []
                self.header_open = False
                self.bullet = [line]
                continue
            dated = DATE_RANGE.search(text) or SINCE_DATE.search(text)
            if dated and len(_clean_header_text(text).split()) <= 14:
                header = [*self.pending, line]
                if self.bullet and self.pending == [] and not self.header_open:
                    header = [line]
                self._start_job(header)
                continue
            if self.bullet is not None and self._is_continuation(line, index):
                self.bullet.append(line)
                continue
            self._flush_bullet()
            if self.header_open and _looks_like_title(text) and not self.para:
                assert self.job is not None
                if not (self.job.role and self.job.employer):
                    self.job = _parse_header([*self.job.lines, text])
                continue
            if _looks_like_title(text) and not self.para:
                self.pending.append(line)
                continue
            self.header_open = False
            self.pending = []
            self.para.append(line)
        self._flush_bullet()
        self._flush_para()
        return self.units


def _sections(lines: list[_Line]) -> Iterator[tuple[str | None, list[_Line]]]:
    kind: str | None = None
    current: list[_Line] = []
    for line in lines:
        heading = None if BULLET.match(line.text) else _heading_kind(line.text)
        if heading:
            yield kind, current
            kind, current = heading, []
        else:
            current.append(line)
    yield kind, current


def parse_resume_text(text: str) -> ParsedResume:
    """Drafts from a résumé's plain text (also markdown); the PDF and DOCX paths end here."""
    try:
        return _parse_text(text)
    except ResumeError:
        raise
    except Exception as error:  # pragma: no cover - a safety net, not a path
        raise ResumeError(UNEXPECTED) from error


def _parse_text(text: str) -> ParsedResume:
    lines = _prepare(text)
    sections = list(_sections(lines))
    has_experience = any(kind == "experience" for kind, _ in sections)
    units: list[_Unit] = []
    for kind, section_lines in sections:
        if kind == "experience" or (not has_experience and kind is None):
            units.extend(_SectionReader(section_lines).read())
    bullet_jobs = {id(unit.job) for unit in units if unit.kind == "bullet"}
    any_bullets = bool(bullet_jobs)
    stories: list[DraftStory] = []
    warnings: list[str] = []
    sentence_jobs: list[Job | None] = []
    for unit in units:
        if unit.kind == "bullet":
            action = _joined(unit.lines, strip_mark=True)
            source = "\n".join(line.raw.strip() for line in unit.lines)
            if re.search(r"[A-Za-z]{2}", action):
                stories.append(bullet_story(action, source, unit.job))
            continue
        if id(unit.job) in bullet_jobs or (unit.job is None and any_bullets):
            continue
        paragraph = _joined(unit.lines, strip_mark=False)
        source = "\n".join(line.raw.strip() for line in unit.lines)
        for sentence in split_sentences(paragraph):
            if has_action_verb(sentence) and len(sentence.split()) >= 3:
                stories.append(bullet_story(sentence, source, unit.job))
                if unit.job not in sentence_jobs:
                    sentence_jobs.append(unit.job)
    if sentence_jobs:
        if not any_bullets:
            warnings.append(NO_BULLETS_WARNING)
        else:
            for job in sentence_jobs:
                label = job.label() if job else "a job"
                warnings.append(f"No bullets under {label}: each sentence became a draft.")
    if not stories:
        warnings.append(NO_STORIES_WARNING)
    return ParsedResume(stories=tuple(stories), warnings=tuple(warnings))
