"""Cut a pasted job posting into title, responsibilities, requirements and the rest.

Candidates paste postings from job boards, company sites and PDFs, so the text arrives
with markdown headings, CAPS headings, "Heading:" lines, headings with the first item on
the same line, bullets of every kind, or no structure at all. The reader works line by
line:

1. The first line is the title when it is short and names a role ("Nurse Manager").
2. A line is a heading by its form (markdown "#", a bold line, a trailing colon, CAPS) or
   when every word of it is a heading word ("What you'll do", "Key tasks"). The heading's
   words decide the section (HEADING_RULES); unknown headings start an "other" section.
3. Bullets are items; other lines are split into sentences. A line that starts in lower
   case after a line without a full stop continues it (hard-wrapped text).
4. Text outside any known section (no headings at all, an intro, "Job description") is
   sorted by cue words: action verbs and "you will" make a responsibility, "experience",
   "degree", "must" a requirement, "preferred" or "a plus" a nice-to-have. It only feeds a
   section that has no heading of its own, so a posting's explicit structure wins.
5. The terms of employment (pay, benefits, schedule and shifts, location, contract,
   physical demands, how to apply, hiring-authority boilerplate) are "other", and are also
   listed in ``conditions``: under such a heading, on a "Salary: ..." line, or a sentence
   made of such terms ("Three 12-hour nights, every third weekend."). Readers of skills
   and competencies skip them: "every third weekend" is not a skill, "flexible schedule"
   is a benefit, not adaptability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from secondround.engine.nlp.action_verbs import verb_base
from secondround.engine.reading.posting_words import (
    ABBREVIATIONS,
    BOLD_LINE,
    BULLET,
    COMPANY_VOICE,
    CONDITION_CUES,
    CONDITION_SHARE,
    CONDITIONS,
    CONTENT_WORD,
    DUTY_CUES,
    EMPHASIS,
    HEADING_RULES,
    HEADING_WORDS,
    INLINE_BULLET,
    INLINE_HEADING,
    INLINE_NUMBER,
    MARKDOWN_HEADING,
    MAX_HEADING_WORDS,
    MAX_TITLE_CHARS,
    MAX_TITLE_WORDS,
    MIXED,
    NAME_LINE,
    NICE_CUES,
    NICE_TO_HAVE,
    NUMBERED_LABEL,
    OTHER,
    REQUIREMENT_CUES,
    REQUIREMENTS,
    RESPONSIBILITIES,
    ROLE_NOUNS,
    SENTENCE_END,
    SMALL_WORDS,
    TITLE_PREFIX,
    UNKNOWN,
)


@dataclass(frozen=True)
class PostingSections:
    title: str | None
    responsibilities: list[str]
    requirements: list[str]
    nice_to_have: list[str]
    other: list[str]
    # The items of "other" under a pay, benefits, schedule, location or contract heading
    # or "Label: value" line; they are in "other" too.
    conditions: list[str] = field(default_factory=list)
    # The items of "other" from a job description's prose that no cue placed and that are
    # not the employer describing itself: job content of no particular section.
    general: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def posting_sections(text: str) -> PostingSections:
    """Sort a posting's lines into sections; see the module docstring for the rules."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    title, body = _take_title(lines)
    found: dict[str, list[str]] = {
        RESPONSIBILITIES: [],
        REQUIREMENTS: [],
        NICE_TO_HAVE: [],
        OTHER: [],
        MIXED: [],
        CONDITIONS: [],
    }
    headed: set[str] = set()
    section = MIXED
    for item, item_section in _items(body, section):
        if item is None:
            headed.add(item_section)
            continue
        found[item_section].append(item)
        if item_section == CONDITIONS:
            found[OTHER].append(item)
    general: list[str] = []
    for item in found.pop(MIXED):
        # Explicit headings win: cue-sorting only fills a section the posting left unheaded.
        guess = classify_sentence(item)
        found[guess if guess != OTHER and guess not in headed else OTHER].append(item)
        # Not the employer about itself, not pay or hours, not a name line ("Singing River
        # Health System"): job content that no cue placed.
        prose = not (COMPANY_VOICE.match(item) or NAME_LINE.fullmatch(item))
        if guess == OTHER and prose and not is_conditions_sentence(item):
            general.append(item)
    return PostingSections(
        title=title,
        responsibilities=found[RESPONSIBILITIES],
        requirements=found[REQUIREMENTS],
        nice_to_have=found[NICE_TO_HAVE],
        other=found[OTHER],
        conditions=found[CONDITIONS],
        general=general,
    )


def classify_sentence(sentence: str) -> str:
    """The section a heading-less sentence most likely belongs to, by cue words."""
    if COMPANY_VOICE.match(sentence):
        return OTHER
    if NICE_CUES.search(sentence):
        return NICE_TO_HAVE
    if starts_with_action_verb(sentence):
        return RESPONSIBILITIES
    if REQUIREMENT_CUES.search(sentence):
        return REQUIREMENTS
    if DUTY_CUES.search(sentence):
        return RESPONSIBILITIES
    return OTHER


OFFER_OPENING = re.compile(
    r"(?:in return,?\s+)?(?:we|the (?:company|employer|trust|council|practice|school)|you'll|"
    r"you will)\s+(?:also\s+)?(?:offer|provide|give you|get|receive|enjoy)\b|"
    r"(?:what we offer|benefits include|perks include|in return)\b",
    re.IGNORECASE,
)


def is_conditions_sentence(sentence: str) -> bool:
    """True for a sentence mostly about pay, hours, shifts or benefits: "Must be able to work
    every third weekend and rotating holidays.", "Sign-on bonus up to $15,000." Words such
    as "must", "able", "work" do not count either way."""
    if OFFER_OPENING.match(sentence.strip()):
        return True  # "We offer monthly reflective supervision, a pathway and 27 days' leave"
    words = [w for w in CONTENT_WORD.findall(sentence) if w.lower() not in SMALL_WORDS]
    if not words:
        return False
    covered = sum(
        len([w for w in CONTENT_WORD.findall(m.group(0)) if w.lower() not in SMALL_WORDS])
        for m in CONDITION_CUES.finditer(sentence)
    )
    return covered >= CONDITION_SHARE * len(words)


def starts_with_action_verb(sentence: str) -> bool:
    """True for "Lead ...", "Manages ...", "Developing ..." (base, -s or -ing form)."""
    match = re.match(r"[A-Za-z]+", sentence.strip())
    if not match:
        return False
    return verb_base(match.group(0)) is not None


def split_sentences(text: str) -> list[str]:
    """Sentences of a prose paragraph, keeping "e.g." and numbered runs apart correctly."""
    pieces: list[str] = []
    parts = [p for chunk in INLINE_BULLET.split(text.strip()) for p in INLINE_NUMBER.split(chunk)]
    for part in parts:
        start = 0
        for match in SENTENCE_END.finditer(part):
            before = part[start : match.start()].rstrip()
            last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before else ""
            last_word = last_word.lstrip("([{\"'“‘")  # "(e.g. IHK Meister)"
            # "e.g.", "Dr.", a middle initial "J." or initials "C.H." do not end a sentence.
            if last_word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last_word):
                continue
            pieces.append(part[start : match.start()])
            start = match.end()
        pieces.append(part[start:])
    return [clean for piece in pieces if (clean := _clean_item(piece))]


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """(title, remaining lines): the first non-blank line when it reads as a job title."""
    for index, raw in enumerate(lines):
        line = _strip_markup(raw)
        if not line:
            continue
        prefixed = TITLE_PREFIX.match(line)
        if prefixed:
            return prefixed.group(1).strip(), lines[index + 1 :]
        if _looks_like_title(line):
            return line.rstrip(":").strip(), lines[index + 1 :]
        return None, lines[index:]
    return None, []


def _looks_like_title(line: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'/-]*", line)
    if not words or len(line.split()) > MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    if line.endswith((".", "!", "?")) or _heading_section(line.rstrip(":")) is not None:
        return False
    return any(word.lower().split("/")[0] in ROLE_NOUNS for word in words)


def _items(lines: list[str], section: str) -> list[tuple[str | None, str]]:
    """(item, section) pairs in order; (None, section) marks a heading for that section."""
    out: list[tuple[str | None, str]] = []
    pending: list[str] = []  # the paragraph or bullet being read, joined across hard wraps
    previous = section

    def flush() -> None:
        nonlocal pending
        if pending:
            joined = " ".join(pending)
            # A bullet may hold several sentences or a run of "1. ... 2. ..." items.
            out.extend((item, section) for item in split_sentences(joined))
        pending = []

    for index, raw in enumerate(lines):
        if not raw.strip():
            flush()
            continue
        heading = _read_heading(raw) or _standalone_heading(lines, index)
        if heading is not None:
            flush()
            section, rest = heading
            if section == UNKNOWN:
                # "Safeguarding", "SEN 1:1 support" under "What we're looking for": a topic
                # inside the job section keeps it; elsewhere an unknown heading is "other".
                section = previous if previous in (RESPONSIBILITIES, REQUIREMENTS) else OTHER
            previous = section
            out.append((None, section))
            if rest:
                pending = [rest]
            continue
        is_bullet = bool(BULLET.match(raw))
        text = _strip_markup(BULLET.sub("", raw, count=1) if is_bullet else raw)
        if pending and not is_bullet and _continues(pending[-1], text, raw):
            pending.append(text)
            continue
        flush()
        pending = [text]
    flush()
    return out


def _continues(previous: str, text: str, raw: str) -> bool:
    """A hard-wrapped line: the previous one did not finish and this one starts mid-sentence."""
    if previous.rstrip().endswith((".", "!", "?", ":")):
        return False
    return text[:1].islower() or (raw[:1].isspace() and not raw.strip()[:1].isupper())


def _read_heading(raw: str) -> tuple[str, str] | None:
    """(section, text after the heading) when the line is a heading, else None."""
    if BULLET.match(raw) and not BOLD_LINE.match(BULLET.sub("", raw, count=1)):
        # "2. Skills & Abilities", "4. Certifications (often preferred)": a numbered heading.
        rest = NUMBERED_LABEL.sub("", BULLET.sub("", raw, count=1)).strip().rstrip(":")
        numbered = re.match(r"\s*\d{1,2}[.)]\s", raw) is not None
        if numbered and _heading_section(rest) is not None and _is_heading_text(rest, colon=True):
            return _heading_section(rest) or OTHER, ""
        return None
    marked = bool(MARKDOWN_HEADING.match(raw) or BOLD_LINE.match(raw))
    line = _strip_markup(raw)
    if not line:
        return None
    inline = INLINE_HEADING.match(line)
    if inline and not marked and _is_inline_heading(inline.group(1)):
        section = _heading_section(inline.group(1)) or OTHER
        return section, inline.group(2).strip()
    bare = line.rstrip(":").strip()
    if not (marked or _is_heading_text(bare, colon=line.endswith(":"))):
        return None
    return _heading_section(bare) or UNKNOWN, ""


def _standalone_heading(lines: list[str], index: int) -> tuple[str, str] | None:
    """A short line set apart by a blank line before it and a blank line or a bullet after
    it ("What you'll do at work", "Safeguarding" over a list) is a heading even when its
    words are not all heading words; without a known section it needs the bullets below."""
    raw = lines[index]
    line = raw.strip()
    if BULLET.match(raw) or not line[:1].isupper() or line.endswith((".", "!", "?", ",", ";")):
        return None
    if len(line.split()) > MAX_HEADING_WORDS or (index and lines[index - 1].strip()):
        return None
    following = next((other for other in lines[index + 1 :] if other.strip()), "")
    under_it = lines[index + 1] if index + 1 < len(lines) else ""
    section = _heading_section(line)
    if section is not None and (not under_it.strip() or BULLET.match(under_it)):
        return section, ""
    if BULLET.match(under_it) and BULLET.match(following):
        return UNKNOWN, ""
    return None


def _is_heading_text(text: str, *, colon: bool) -> bool:
    """Short text that reads as a heading: heading words only, CAPS, or "Label:"."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or text.endswith((".", "!", "?", ",")):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True
    vocabulary = [re.sub(r"[^a-z']", "", w.lower().replace("’", "'")) for w in words]
    if all(word.replace("'", "") in HEADING_WORDS or word in HEADING_WORDS for word in vocabulary):
        return True
    # "Technologies:", "Job type:", "We'd get really excited if you had experience with:".
    return colon and (len(words) <= 4 or _heading_section(text) is not None)


def _is_inline_heading(label: str) -> bool:
    """ "Responsibilities: ..." yes, "Note: ..." or "Degree: ..." no: the label must be known."""
    if not _is_heading_text(label, colon=False) and _heading_section(label) is None:
        return False
    return len(label.split()) <= MAX_HEADING_WORDS


def _heading_section(text: str) -> str | None:
    low = text.lower().replace("’", "'")
    return next((section for pattern, section in HEADING_RULES if pattern.search(low)), None)


def _strip_markup(raw: str) -> str:
    line = MARKDOWN_HEADING.sub("", raw).strip()
    return EMPHASIS.sub("", line).strip()


def _clean_item(text: str) -> str:
    """An item without bullet, markup or doubled spaces; "" for punctuation-only leftovers."""
    item = EMPHASIS.sub("", BULLET.sub("", text.strip(), count=1))
    item = re.sub(r"\s+", " ", item).strip(" ;,")
    return item if re.search(r"[A-Za-z]{2}", item) else ""
