"""Split a candidate's free-form round-1 notes into debrief fields.

Right after an interview people type fast: bullet lists under headings, "+/-/?" legends,
"Q:/A:" pairs, ratings ("(7/10)", "4/5", "✓"), shorthand, or one run-on paragraph dictated
to a phone. This module turns any of those into the debrief the coach asks for: questions
and how each went, what drew a positive response, what was forgotten, the interviewer's
concerns, business terms heard, the role's challenges.

How: a list item wrapped over several lines is put back on one (note_lines.py); lines are
read for their structure (headings, labels, legends, question and answer lines); text under
no heading is cut into sentences and clauses (note_segments.py, with the parse's cuts where
one sentence joins two items by "but", "though", "and also": note_contrast.py); each
clause is sorted by note_sorter.py (a small learned model over MiniLM embeddings and cue
features, or the cue rules alone); clauses of one sentence are then put back together into
items, a verdict ("that was fine", "I got flustered") grading the question before it.

Nothing is silently misfiled: an item the sorter is not sure of goes to ``to_sort`` with
its best guess and confidence, for the user to place with one click. Nothing typed is lost:
what is no item is kept in ``other``. It never raises on odd input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from secondround.engine.reading.note_cues import (
    A_PREFIX_RE,
    ASKED_RE,
    CHALLENGE_RE,
    CHALLENGES,
    COMFORTABLE,
    CONCERN_RE,
    CONCERNS,
    HEADING_VOCAB,
    MISS_RE,
    MISSES,
    OTHER,
    POSITIVE_RE,
    POSITIVES,
    Q_PREFIX_RE,
    QUESTION_OPENERS,
    QUESTIONS,
    STRUGGLED,
    TERMS,
    TRAILING_FILLER_RE,
    WENT,
    WENT_BADLY,
    detect_heading,
    inline_label,
    norm_words,
)
from secondround.engine.reading.note_grades import (
    MARK_FIELDS,
    MARK_RATINGS,
    RATING_SYMBOLS,
    SYMBOL_RE,
    bare_grade,
    clean,
    detect_rating,
    is_verdict,
    is_verdict_like,
    leading_mark,
    rating_in,
    read_legend,
    read_question_line,
    remark_rating,
    strip_bullet,
)
from secondround.engine.reading.note_lines import (
    TableColumns,
    join_wrapped_lines,
    table_cells,
    table_header,
    without_chat_stamps,
)
from secondround.engine.reading.note_segments import (
    Clause,
    clauses,
    join_clauses,
    line_clauses,
    question_text,
    sentences,
    split_coordinated,
    split_question_list,
    split_yes_no,
)
from secondround.engine.reading.note_sorter import (
    STRONG_RULE,
    SURE,
    Piece,
    RuleSorter,
    Sorter,
    default_sorter,
    is_interpretation,
    rule_field,
    strong_question,
)
from secondround.engine.reading.note_terms import (
    dedupe_terms,
    entities_in,
    extract_terms,
    role_acronyms,
    term_list_items,
    terms_in,
)

__all__ = [
    "FIELDS",
    "WENT",
    "NoteQuestion",
    "SplitNotes",
    "ToSort",
    "detect_heading",
    "detect_rating",
    "extract_terms",
    "split_notes",
    "split_notes_as_json",
]

FIELDS = ("questions", "positives", "misses", "concerns", "terms")
# Choices offered for an item to sort, in the order the page shows them.
SORT_CHOICES = (QUESTIONS, POSITIVES, MISSES, CONCERNS, TERMS, OTHER)
# Notes longer than this are sorted only up to it (a long debrief is a few thousand
# characters); the rest is kept in "other" so nothing is lost.
MAX_SORTED = 20_000
# The parse (sentence ends in speech, names) is used on notes up to this size; longer
# pastes are read by the rules alone, so that a 5 MB paste is answered in seconds.
MAX_PARSED = 8_000
_MAX_ITEM = 600
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_PERSON_LABEL_RE = re.compile(r"^((?:[A-Z][\w.'-]*\s){0,2}[A-Z][\w.'-]+)\s*:\s+(\S.*)$")
# "HR: why us", "GM: …": a role's acronym labels the part of the interview the question
# belongs to; the labels keep it with the question, unlike a panel member's name.
_ROLE_LABEL_RE = re.compile(r"[A-Z]{2,4}")
# A heading over the candidate's answers, kept apart from the questions.
_ANSWERS = "answers"
_ANSWERS_HEADING_RE = re.compile(
    r"(?i)^\W*(?:what i (?:answered|said)|how i answered|my answers?|answers?(?: i gave)?|"
    r"what i told them)\W*$"
)
_INTERVIEW_RE = re.compile(r"(?i)\b(?:interview\w*|intvw)\b")
_EMPLOYER_RE = re.compile(r"(?i)(?:\bat|\bwith|\bfor|@)\s*$")
# "also forgot…", "oh and she smiled…": words tying an item to the one before are no part of it.
_LEADING_JOIN_RE = re.compile(
    r"^(?:(?:and|so|then|um+|uh+|but|plus|also|oh)[,\s]+)+", re.IGNORECASE
)
_TITLE_RE = re.compile(
    r"(?i)\b(?:interview\w*|intvw|round|rd ?\d|panel|loop|screen|call with|chat with|met with|"
    r"meeting with|with)\b"
)
# A clause that opens with its own "forgot…" / "didn't mention…" names a new thing forgotten.
_OWN_MISS_RE = re.compile(
    r"(?i)^(?:(?:and|also|i|then|totally|completely)\s+)*(?:forg[eo]t\w*|didn'?t (?:mention|say|"
    r"bring|talk|ask|get to|tell|show)|never (?:mentioned|asked|said|brought|talked)|"
    r"should(?:'ve| have) (?:mentioned|said|asked|brought|talked))\b"
)
# A reading that points back at what was just asked ("…; I think both are worries"): after a
# ";" it still makes the questions before it the worry.
_POINTS_BACK_RE = re.compile(
    r"(?i)^(?:(?:and|so|but)\s+)?(?:i think|i guess|i feel|i'?m pretty sure|prob(?:ably)?|"
    r"seemed like|sounded like|felt like)?\s*(?:both|all of (?:them|those)|all three|"
    r"each of them)\b"
)
_BACK_REFERENCE_RE = re.compile(r"(?i)\b(?:that|this|it|them|both)[.!\s]*$")


# The candidate's own answer to what was said before: "I said…", "I told her…".
_OWN_ANSWER_RE = re.compile(
    r"(?i)^(?:(?:and|so|but|then|um+|uh+)[,\s]+)*i\s+(?:just\s+)?(?:said|told|explained|answered|"
    r"replied|talked about|mentioned|went with|went through|walked (?:her|him|them) through)\b"
)


def _bare_reaction(text: str) -> bool:
    """ "Ruiz nodded", "she seemed happy with that": a reaction naming nothing it reacted to."""
    words = text.split()
    return len(words) <= 3 or (len(words) <= 7 and bool(_BACK_REFERENCE_RE.search(text)))


def _points_back(text: str) -> bool:
    """ "…; I think both are worries", "…; I think she wasn't sure I'd be ok with that"."""
    return bool(_POINTS_BACK_RE.search(text)) or (
        is_interpretation(text) and bool(_BACK_REFERENCE_RE.search(text))
    )


# A bare tag that only says the item before it is a worry ("…, def a concern", "… — worry?",
# "That felt like their real worry."): it files that item as a concern and is no part of it.
# Only after a dash, ";" or "(" (or alone): after a comma the labels keep it as the reading of
# the item ("they asked twice about relocating, prob a worry").
_WORRY_TAG_RE = re.compile(
    r"(?i)(?:^|\s*(?:[;(—–]|\s-)+\s*)"
    r"(?:(?:and|so|i|think|thought|def|defo|definitely|prob|probably|maybe|possibly|that|"
    r"this|it|which|felt|feels|sounded|seemed|looked|like|is|was|'s|’s)\s*)*"
    r"(?:(?:a|an|their|the|his|her|one)\s+)?(?:(?:real|big|main|possible|potential|major)\s+)?"
    r"(?:concern|worry|red\s*flag)s?\s*[?!.)]*\s*$"
)


def _without_worry_tag(text: str) -> tuple[str, bool]:
    """The text without a trailing worry tag, and whether it had one."""
    match = _WORRY_TAG_RE.search(text)
    if match is None:
        return text, False
    return text[: match.start()].rstrip(" ,;:—–-🤔"), True


# A score left at the end of an item's text ("…the croissant bit. 9/10"): the question's grade.
_TRAILING_SCORE_RE = re.compile(r"[\s.,;:—–-]*\(?\b\d{1,2}\s*/\s*(?:5|10)\b\)?[.!]*\s*$")
# "told the bakery story, CD laughed at the croissant bit": what the candidate said, then the
# reaction to it; only the reaction is the positive.
_ANSWER_SUMMARY_RE = re.compile(
    r"(?i)^(?:i\s+)?(?:told|used|gave|talked about|mentioned|said|described|explained|went with|"
    r"brought up|shared|walked (?:them|her|him) through)\b[^,]{0,80},\s*"
)


def _reaction_only(text: str) -> str:
    """A positive without the answer summary before its reaction."""
    match = _ANSWER_SUMMARY_RE.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    if re.match(r"(?i)(?:which|that|who|and|so|but|it)\b", rest):
        return text  # "I mentioned the ASCA model, which the principal seemed to like"
    return rest if POSITIVE_RE.search(rest) and len(rest.split()) >= 3 else text


_SCALE_RE = re.compile(r"(?i)\b(?:rate|rated|rating|score|scores|grade|out of)\b")
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "to",
        "of",
        "i",
        "in",
        "it",
        "was",
        "is",
        "he",
        "she",
        "they",
        "asked",
        "about",
        "my",
        "me",
        "for",
        "on",
        "with",
        "that",
        "this",
        "you",
        "what",
        "how",
        "why",
        "went",
        "good",
        "forgot",
        "said",
    ]
)


@dataclass(frozen=True)
class NoteQuestion:
    text: str
    went: str | None
    # What the candidate answered, when the note keeps it apart ("What I answered").
    answer: str = ""


@dataclass(frozen=True)
class ToSort:
    """An item the engine could not place surely: the user chooses its field."""

    text: str
    guess: str  # the field it leans to (one of SORT_CHOICES)
    confidence: float
    went: str | None = None


@dataclass(frozen=True)
class SplitNotes:
    questions: list[NoteQuestion]
    positives: list[str]
    misses: list[str]
    concerns: list[str]
    terms: list[str]
    challenges: list[str]
    other: list[str]
    to_sort: list[ToSort] = field(default_factory=list)
    # The sorter's confidence in each question, positive, miss and concern, in list order
    # (terms come from a list or a name's form, and carry none).
    confidence: dict[str, list[float]] = field(default_factory=dict)
    # A sentence for the user when the input was odd (empty, too long, not English…).
    message: str = ""


@dataclass
class _Run:
    """Clauses of one sentence being gathered into one item."""

    field: str
    first: int
    last: int
    confidence: float


@dataclass(eq=False)  # compared by identity: two questions may read the same
class _Question:
    text: str
    went: str | None
    confidence: float
    # The sentence it was read from, as written ("Dana asked about my plans"): what a
    # concern keeps when a later tag says the question was a worry.
    source: str = ""
    answer: str = ""


def _filler_free(text: str) -> str:
    trimmed = TRAILING_FILLER_RE.sub("", text).strip()
    return trimmed if len(trimmed.split()) >= 2 else text


def _chunks(text: str) -> Iterator[str]:
    """Cut very long text at spaces so one item never holds a whole pasted document."""
    start = 0
    while len(text) - start > _MAX_ITEM:
        cut = text.rfind(" ", start, start + _MAX_ITEM)
        cut = cut if cut > start + _MAX_ITEM // 2 else start + _MAX_ITEM
        yield text[start:cut]
        start = cut
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        yield text[start:]


class _Reader:
    """Reads one note line by line and collects what it finds."""

    def __init__(self, sorter: Sorter, *, use_parse: bool) -> None:
        self.sorter = sorter
        self.use_parse = use_parse
        self.questions: list[_Question] = []
        self.items: dict[str, list[tuple[str, float]]] = {POSITIVES: [], MISSES: [], CONCERNS: []}
        self.terms: list[str] = []
        self.challenges: list[str] = []
        self.other: list[str] = []
        self.to_sort: list[ToSort] = []
        # The question a following verdict ("I think that went well") grades.
        self.pending: _Question | None = None
        self.scale: int | None = None
        # Does the current list grade its questions with "+", "-", "?" marks?
        self.question_marks = False
        # Sentences read since the pending question was asked.
        self.pending_age = 0
        # Lines read under a "What I answered" heading.
        self.answers_given = 0
        self.entities: dict[str, str] = {}
        # Acronyms the note uses for a job or the people in it ("SLP interview").
        self.roles: set[str] = set()

    # ---- what gets stored -------------------------------------------------------------------

    def add_item(self, field_name: str, text: str, confidence: float) -> None:
        text = clean(_LEADING_JOIN_RE.sub("", _filler_free(text)))
        text = _TRAILING_SCORE_RE.sub("", text) or text
        if field_name == POSITIVES:
            text = _reaction_only(text)
        if field_name == CONCERNS:
            original = text
            text, tagged = _without_worry_tag(text)
            if tagged and not re.search(r"\w", text):
                text = original
            confidence = max(confidence, SURE) if tagged else confidence
        if not text:
            return
        for chunk in _chunks(text):
            if confidence < SURE:
                self.to_sort.append(ToSort(chunk, field_name, round(confidence, 2)))
            else:
                self.items[field_name].append((chunk, confidence))
        self.pending = None

    def add_question(
        self, text: str, went: str | None, confidence: float, *, bare: bool
    ) -> _Question | None:
        """File a question (or offer it to sort); return it when it was filed."""
        listed = split_question_list(text)
        if len(listed) > 1:
            filed = None
            for number, part in enumerate(listed):
                last = number == len(listed) - 1
                filed = (
                    self.add_question(part, went if last else None, confidence, bare=bare) or filed
                )
            return filed
        body, grade, rest = read_question_line(text, scale=self.scale)
        body = clean(question_text(body, keep_bare_asked=bare))
        verdict = is_verdict(body) and len(body.split()) <= 3
        if not body or not re.search(r"\w", body) or verdict:
            graded = verdict and self.grade_pending(rating_in(body) or "")
            if not graded:
                self.add_other(text)
            return None
        question = _Question(body[:_MAX_ITEM], grade or went, confidence)
        if confidence < SURE:
            self.to_sort.append(
                ToSort(question.text, QUESTIONS, round(confidence, 2), question.went)
            )
            self.pending = None
        else:
            self.questions.append(question)
            self.pending = question if question.went is None else None
            self.pending_age = 0
        if rest:
            self.answer(rest)
        return question if confidence >= SURE else None

    def _worry_before(self) -> bool:
        """ "That felt like their real worry." after "Dana asked about my plans.": the
        question just read was the worry. False when there is none to move."""
        question = self.questions[-1] if self.questions else None
        if question is None or not question.source or self.pending_age > 1:
            return False
        self.questions.remove(question)
        if self.pending is question:
            self.pending = None
        self.items[CONCERNS].append((clean(question.source).rstrip(".!"), 0.8))
        return True

    def add_other(self, text: str) -> None:
        text = clean(text)
        if text:
            self.other.extend(_chunks(text))

    def grade_pending(self, went: str) -> bool:
        if self.pending is None or self.pending.went is not None:
            return False
        self.pending.went = went
        self.pending = None
        return True

    # ---- lines with a known role -----------------------------------------------------------

    def section_item(self, section: str, text: str) -> None:
        """A line under a trusted heading or label goes to that field."""
        parts = [part for part in re.split(r"\s*;\s+", text) if part.strip()]
        if len(parts) > 1 and section in (POSITIVES, MISSES, CONCERNS):
            # "Red flags: my gap year; no Python; travel 50%": a list on one line.
            for part in parts:
                self.section_item(section, part)
            return
        if section == CONCERNS:
            for part in split_coordinated(clean(text)):
                self.add_item(CONCERNS, part, 0.9)
            self.terms.extend(term.text for term in terms_in(text, entities=self.entities))
        elif section == CHALLENGES:
            self.challenges.append(clean(text))
        else:
            self.add_item(section, text, 0.9)

    def question_line(self, text: str, went: str | None) -> None:
        """A line known to hold a question: "Q: …", or a line under a questions heading."""
        self.add_question(text, went, 0.95, bare=True)
        asked, _, _ = read_question_line(text, scale=self.scale)  # not the answer after it
        self.terms.extend(t.text for t in terms_in(asked, loose=False, entities=self.entities))
        answered = text.replace(asked, " ", 1) if asked else ""
        self.terms.extend(t.text for t in terms_in(answered, own=True, entities=self.entities))

    def answer(self, text: str) -> None:
        """What follows a question: "A: bombed", "- went well, she took notes". It is the
        candidate's own words: only the tools it names are terms ("said I use MS Project"),
        not its jargon or story names ("used the SBAR story")."""
        self.terms.extend(t.text for t in terms_in(text, own=True, entities=self.entities))
        went = rating_in(text)
        graded = went is not None and self.grade_pending(went)
        rest = text
        if graded:
            # Only what comes after the grade may hold another item ("ok but I didn't…");
            # the remark itself is kept with what is no item.
            parts = clauses(text)
            rest = " ".join(c.text for c in parts[1:]) if len(parts) > 1 else ""
            if len(parts[0].text.split()) > 2:
                self.add_other(parts[0].text)
        if rest.strip():
            self.free(rest, answer=True)

    def table_row(self, question: str, grade: str, rest: str) -> None:
        """A row of a table whose header names its question and grade columns."""
        if not question.strip():
            if rest:
                self.free(rest)
            return
        went = rating_in(grade) or bare_grade(grade.strip(), self.scale) if grade.strip() else None
        self.question_line(question, went)
        if rest:
            # The notes column: the candidate's own words, read as a line of its own (a
            # thing forgotten there is a miss, as in a question's line).
            self.pending = None
            self.terms.extend(t.text for t in terms_in(rest, own=True, entities=self.entities))
            self.free(rest, bullet=True)

    def answer_line(self, text: str) -> None:
        """A line under "What I answered": kept with the question it answers (the one its
        "topic:" label or its words share most with, else the next in order); a thing
        forgotten or a reaction in it is still read as an item."""
        label, _, rest = text.partition(":")
        labelled = bool(rest.strip()) and len(label.split()) <= 4
        # Word stems, so that "coaching:" finds "a time you coached someone".
        stems = {w[:5] for w in norm_words(label if labelled else text) if w not in _ENGLISH_WORDS}
        scored = [
            (len(stems & {w[:5] for w in norm_words(q.text)}), -i)
            for i, q in enumerate(self.questions)
        ]
        best = max(scored, default=(0, 0))
        if best[0] > 0:
            question = self.questions[-best[1]]
        elif self.answers_given < len(self.questions):
            question = self.questions[self.answers_given]
        else:
            question = None
        self.answers_given += 1
        if question is not None:
            answer = rest.strip() if labelled else text
            question.answer = f"{question.answer}; {answer}" if question.answer else answer
            if question.went is None:
                question.went = self._verdict(answer, lenient=False)
        else:
            self.add_other(text)
        if MISS_RE.search(text) or POSITIVE_RE.search(text) or CONCERN_RE.search(text):
            self.pending = None
            self.free(text, bullet=True, answer=True)

    def term_list(self, text: str) -> None:
        self.terms.extend(term_list_items(text))

    # ---- free text -------------------------------------------------------------------------

    def free(
        self,
        text: str,
        *,
        mark: str | None = None,
        bullet: bool = False,
        went: str | None = None,
        answer: bool = False,
        title: bool = False,
    ) -> None:
        """Text under no heading: sentences, clauses, sorted and put back together. A list
        line is read as one unit across its sentences ("design a URL shortener. went well")."""
        text = text.strip()
        found = sentences(text, use_parse=self.use_parse)
        if bullet or len(found) <= 1:
            parts = line_clauses(text, use_parse=self.use_parse)
            self.sentence(
                text,
                parts=parts,
                mark=mark,
                bullet=bullet,
                prose=False,
                went=went,
                answer=answer,
                title=title,
            )
            return
        for number, sentence in enumerate(found):
            self.sentence(
                sentence,
                mark=mark if number == 0 else None,
                bullet=bullet,
                prose=True,
                went=went if number == 0 else None,
                answer=answer,
                title=title and number == 0,
            )

    def _pieces(
        self,
        parts: list[Clause],
        *,
        mark: str | None,
        bullet: bool,
        prose: bool,
        graded: bool,
        answer: bool = False,
    ) -> list[Piece]:
        pieces: list[Piece] = []
        previous: str | None = None
        question_before = answer
        arrows = ("->", "=>", "→")
        chain = len(parts) > 2 and all(p.joint in arrows for p in parts[1:])
        for index, part in enumerate(parts):
            following = parts[index + 1] if index + 1 < len(parts) else None
            # "safety procs -> LOTO, PPE, tested dead -> good": question, answer, grade.
            chained = chain and index == 0 and is_verdict_like(parts[-1].text)
            piece = Piece(
                text=part.text,
                mark=mark if index == 0 else None,
                bullet=bullet,
                prose=prose,
                position=index,
                count=len(parts),
                joint=part.joint,
                previous=previous,
                after_question=question_before,
                graded_next=chained
                or following is not None
                and (
                    is_verdict(following.text)
                    or (
                        following.joint not in (",", "and", " ") and is_verdict_like(following.text)
                    )
                ),
                graded_line=graded and index == 0,
            )
            previous, _ = rule_field(piece)
            question_before = question_before or previous == QUESTIONS
            pieces.append(piece)
        return pieces

    def sentence(
        self,
        sentence: str,
        *,
        parts: list[Clause] | None = None,
        mark: str | None,
        bullet: bool,
        prose: bool,
        went: str | None,
        answer: bool,
        title: bool = False,
    ) -> None:
        sentence = sentence.strip()
        if not sentence:
            return
        if prose and _without_worry_tag(sentence) == ("", True) and self._worry_before():
            return
        self.pending_age += 1
        parts = parts or clauses(sentence, use_parse=self.use_parse)
        pieces = self._pieces(
            parts, mark=mark, bullet=bullet, prose=prose, graded=went is not None, answer=answer
        )
        self.sorter.prepare([piece.text for piece in pieces])
        decisions = [
            (OTHER, 0.9)
            if self._title_clause(piece.text, title, prose)
            else self.sorter.sort(piece)
            for piece in pieces
        ]
        asked: list[tuple[int, _Question]] = []
        run: _Run | None = None
        head: int | None = None
        used: set[int] = set()
        kinds: dict[int, str] = {}

        def close() -> None:
            nonlocal run
            if run is None:
                return
            text = join_clauses(sentence, parts[run.first : run.last + 1])
            for index in range(run.first, run.last + 1):
                used.add(index)
                kinds[index] = run.field
            if run.field == CONCERNS:
                # "…and if I can work evenings — I think he is not sure about me": two things
                # asked; the reading after them is left out once they are apart.
                last = run.last
                while last > run.first and is_interpretation(parts[last].text):
                    last -= 1
                split = split_coordinated(join_clauses(sentence, parts[run.first : last + 1]))
                for part in split if len(split) > 1 else split_coordinated(text):
                    self.add_item(CONCERNS, part, run.confidence)
            else:
                self.add_item(run.field, text, run.confidence)
            run = None

        for index, (part, (field_name, confidence)) in enumerate(
            zip(parts, decisions, strict=True)
        ):
            text = part.text
            # "asked about conflict resolution which I nailed, then about budgeting": the
            # second thing asked about, even on a list line.
            then_about = bool(
                asked
                and part.joint == "then"
                and re.match(r"(?i)about\s+\w", text)
                and field_name in (OTHER, QUESTIONS)
            )
            if then_about:
                field_name, confidence = QUESTIONS, max(confidence, SURE)
            elif field_name == QUESTIONS and asked and not prose and not strong_question(text):
                # A list line holds one question; what follows it is the answer.
                field_name = OTHER
            if field_name == QUESTIONS and not answer:
                close()
                label = self._label_before(parts, decisions, index, used)
                start = parts[label].start if label is not None else part.start
                if label is not None:
                    used.add(label)
                for number, asked_text in enumerate(split_yes_no(sentence[start : part.end])):
                    filed = self.add_question(
                        asked_text,
                        went if not asked else None,
                        confidence,
                        bare=not prose and (index == 0 or label == 0) and number == 0,
                    )
                    if filed is not None:
                        filed.source = sentence
                        asked.append((index, filed))
                used.add(index)
                kinds[index] = QUESTIONS
                continue
            if field_name in (OTHER, QUESTIONS):
                just_asked = self.pending is not None and self.pending_age <= 1
                grade = self._verdict(
                    text, lenient=bool(asked) or answer or index > 0 or just_asked
                )
                if grade is not None and self.grade_pending(grade):
                    used.add(index)
                    if len(text.split()) > 2:
                        self.add_other(text)  # "I explained properly, it went well"
                    continue
                if run is not None and (part.joint in (" ", ";") or _OWN_ANSWER_RE.match(text)):
                    # A clause of unpunctuated speech with its own subject ("…might be an
                    # issue they use Atex"), or what the candidate answered ("…not certified
                    # yet; I said I'm sitting the exam in March"): the item before it has ended.
                    close()
                elif run is not None:
                    run.last = index
                elif head is None and not asked:
                    head = index
                continue
            if field_name == POSITIVES and (asked or answer) and index and _bare_reaction(text):
                # "went ok, Ruiz nodded", "…, she seemed happy with that": a reaction to the
                # answer with nothing of its own, in the answer's sentence, only grades the
                # question ("Head looked pleased." on its own is a positive).
                if not asked or self.pending is asked[-1][1]:
                    self.grade_pending(COMFORTABLE)
                used.add(index)
                self.add_other(text)
                continue
            if field_name == POSITIVES and asked and self.pending is asked[-1][1]:
                # "…and I said X, she nodded": the reaction grades the question too.
                self.grade_pending(COMFORTABLE)
            if (
                field_name == CONCERNS
                and confidence >= SURE  # a mere guess to sort does not undo a question
                and asked
                and run is None
                and (part.joint not in (";", "+") or _points_back(text))
                and all(q in self.questions for _, q in asked)
            ):
                # "PIC asked if I can float … and do 13-hr shifts, I think both are worries",
                # "one teacher asked if I'd taught ELLs, she looked doubtful": what they
                # asked is itself the worry.
                first = asked[0][0]
                for _, question in asked:
                    self.questions.remove(question)
                    if self.pending is question:
                        self.pending = None
                asked.clear()
                run = _Run(CONCERNS, first, index, min(confidence, 0.9))
                continue
            settles = (
                confidence >= STRONG_RULE
                and part.joint not in (";", "+", "?")
                and _reads_before(text)
            )
            if (
                run is not None
                and run.field == field_name
                and (settles or self._continues(part, text))
            ):
                run.last = index
                if settles:
                    # "asked if I've got my own van and whether…, both felt like worries": a
                    # sure reading of the clauses before settles what they are.
                    run.confidence = max(run.confidence, min(confidence, 0.9))
                else:
                    run.confidence = min(run.confidence, confidence)
                continue
            close()
            interpretation = is_interpretation(text)
            start = head if head is not None and not asked and interpretation else index
            run = _Run(field_name, start, index, confidence)
            head = None
        close()
        leftover = [i for i in range(len(parts)) if i not in used]
        if leftover and not asked and len(leftover) == len(parts):
            self._other_sentence(sentence, [parts[i].text for i in leftover], pieces, decisions)
        elif leftover:
            self.add_other(" ".join(parts[i].text for i in leftover))
        if not answer:
            self._terms_of(sentence, parts, kinds, title=title)

    @staticmethod
    def _title_clause(text: str, title: bool, prose: bool) -> bool:
        """Part of the note's title line, which names the interview and holds no item: all of
        a short title line, or the clauses of a first sentence that name the interview."""
        if not title or "?" in text or re.search(r"(?i)\bask", text):
            return False
        return not prose or bool(_TITLE_RE.search(text))

    def _terms_of(
        self, sentence: str, parts: list[Clause], kinds: dict[int, str], *, title: bool
    ) -> None:
        """Names in a sentence, except in what the candidate says of themselves (a miss, a
        positive reaction to their story, an answer after the question); questions give only
        unmistakable names. A title line names the employer first: only the acronyms after
        it count ("JATC interview – panel (3 IBEW, 3 NECA)")."""
        letters = [c for c in sentence if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            return  # in capitals every word looks like a name
        asked = False
        found: list[str] = []
        for index, part in enumerate(parts):
            kind = kinds.get(index, OTHER)
            if kind in (POSITIVES, MISSES):
                continue
            if asked and kind == OTHER:
                # The answer after the question: the tools it names ("Mailchimp and HubSpot").
                found.extend(t.text for t in terms_in(part.text, own=True, entities=self.entities))
                continue
            asked = asked or kind == QUESTIONS
            terms = terms_in(part.text, loose=kind != QUESTIONS, entities=self.entities)
            if _INTERVIEW_RE.search(part.text):
                # "interview at Marlow Family Law": the employer, not a term to look up.
                terms = [t for t in terms if not _EMPLOYER_RE.search(part.text[: t.start])]
            found.extend(term.text for term in terms)
        if title:
            found = [term for term in found[1:] if term.isupper()]
        self.terms.extend(found)

    def _other_sentence(
        self,
        sentence: str,
        leftover: list[str],
        pieces: list[Piece],
        decisions: list[tuple[str, float]],
    ) -> None:
        """A sentence with no item: a challenge of the role, a verdict, or nothing; unsure
        of that, the sorter offers it to sort."""
        if CHALLENGE_RE.search(sentence):
            self.challenges.append(clean(sentence))
            return
        lowest = min(confidence for _, confidence in decisions)
        if lowest < SURE and len(sentence.split()) >= 3:
            guess = next((rule_field(p)[0] for p in pieces if rule_field(p)[0] != OTHER), OTHER)
            self.to_sort.append(ToSort(clean(sentence), guess, round(lowest, 2)))
            return
        self.add_other(sentence)

    @staticmethod
    def _label_before(
        parts: list[Clause], decisions: list[tuple[str, float]], index: int, used: set[int]
    ) -> int | None:
        """A short label the note puts before a question ("earn trust - tell me about…")."""
        if index == 0 or (index - 1) in used:
            return None
        before = parts[index - 1]
        if (
            decisions[index - 1][0] == OTHER
            and parts[index].joint in ("-", "—", "–")
            and len(before.text.split()) <= 3
            and index - 1 == 0
        ):
            return index - 1
        return None

    @staticmethod
    def _continues(part: Clause, text: str) -> bool:
        """Does this clause carry on the item before it rather than start a new one?"""
        if part.joint in (";", "+", "?"):
            return False
        if _OWN_MISS_RE.match(text) and len(text.split()) > 3:
            # "Forgot to say I speak French, forgot to bring my references": each thing
            # forgotten is a miss of its own.
            return False
        weak_joint = part.joint in (",", "-", "—", "–")
        return is_interpretation(text) or len(text.split()) <= 3 or weak_joint

    def _verdict(self, text: str, *, lenient: bool) -> str | None:
        """The grade a clause gives the question before it, if it is a verdict."""
        if re.fullmatch(r"[\d\s/.!]+", text):
            return bare_grade(text, self.scale)
        grade = remark_rating(text)
        if grade is None and lenient:
            grade = rating_in(text)
        return grade

    # ---- the whole note --------------------------------------------------------------------

    def read(self, text: str) -> None:
        self.entities = entities_in(text) if self.use_parse else {}
        self.roles = role_acronyms(text)
        lines = join_wrapped_lines(without_chat_stamps(text.split("\n")))
        section: str | None = None
        section_bullets = inline = False
        marks = False
        legend: dict[str, str] = {}
        after_blank = True
        item_indent = 0
        seen_content = False
        columns: TableColumns | None = None
        # "Name:" labels used on several lines are the panel member who asked.
        labels = Counter(
            match.group(1)
            for line in lines
            if (match := _PERSON_LABEL_RE.match(strip_bullet(line)[0])) is not None
        )
        for number, raw in enumerate(lines):
            if not raw.strip():
                after_blank = True
                continue
            first_line, seen_content = not seen_content, True
            found_legend = read_legend(raw)
            if found_legend:
                legend, marks = found_legend, True
                self.add_other(raw)
                first_line = False
                continue
            if _SCALE_RE.search(raw) and len(raw.split()) <= 12:
                scale = re.search(r"\b(?:1\s*[-–]\s*|out of\s*|/\s*)(5|10)\b", raw)
                self.scale = int(scale.group(1)) if scale else self.scale
            if _ANSWERS_HEADING_RE.match(raw):
                # "What I answered": the lines under it are the answers to the questions.
                section, section_bullets, inline = _ANSWERS, False, False
                self.answers_given = 0
                self.add_other(raw)
                after_blank = False
                continue
            heading = detect_heading(raw, after_blank)
            if heading is not None:
                section = None if heading == OTHER else heading
                if heading == OTHER and re.sub(r"[#*_=:\s]", "", raw):
                    self.add_other(re.sub(r"^\s*#+|[*_]{2}", "", raw))
                section_bullets = inline = False
                self.question_marks = _uses_marks(lines, number + 1)
                marks = marks or self.question_marks
                after_blank = False
                continue
            cells = table_cells(raw)
            if cells is None:
                columns = None
            elif all(re.fullmatch(r"[-:=+\s]*", cell) for cell in cells):
                continue  # | --- | --- |
            elif header := table_header(cells):
                columns = header  # Question | How it went | Notes
                self.add_other(raw)
                continue
            elif columns is not None:
                self.table_row(*columns.read(cells))
                after_blank = False
                continue
            elif raw.lstrip().startswith("|"):
                words = norm_words(" ".join(cells))
                if all(word in HEADING_VOCAB or word in ("how", "it", "went") for word in words):
                    self.add_other(raw)  # | question | how it went |
                    continue
                raw = "- " + " — ".join(cell for cell in cells if cell)
            mark, content, bullet = self._line_start(raw, marks=marks, section=section)
            person = _PERSON_LABEL_RE.match(content) if inline_label(content) is None else None
            if person and (
                self.entities.get(person.group(1).lower().rstrip(".")) == "PERSON"
                or (labels[person.group(1)] >= 2 and not _ROLE_LABEL_RE.fullmatch(person.group(1)))
            ):
                content = person.group(2)  # "Raj: what do you do when…" (panel notes)
            symbol = SYMBOL_RE.match(raw.lstrip())
            grade = RATING_SYMBOLS.get(symbol.group(0)) if symbol else None
            indent = len(raw) - len(raw.lstrip(" \t"))
            answer = A_PREFIX_RE.match(content)
            if self.pending is not None and (
                answer or (indent > item_indent and section in (QUESTIONS, None))
            ):
                self.answer(content[answer.end() :] if answer else content)
                after_blank = False
                continue
            if answer and answer.group(0).strip().lower().startswith("me"):
                content = content[answer.end() :]  # "me: forgot to…" with no question before
            if Q_PREFIX_RE.match(content):
                self.question_line(Q_PREFIX_RE.sub("", content, count=1), grade)
                item_indent, after_blank = indent, False
                continue
            label = inline_label(content)
            if label is not None and label[0] != QUESTIONS:
                label_section, rest = label
                if label_section == OTHER:
                    section = None
                    self.free(rest)
                else:
                    section, section_bullets, inline = label_section, True, True
                    self._in_section(label_section, rest, None, mark)
                after_blank, item_indent = False, indent
                continue
            if label is not None:
                section, content = QUESTIONS, label[1]
            if section is not None and not bullet and (inline or (after_blank and section_bullets)):
                section = None
            inline = inline and bullet
            legend_field = legend.get(mark) if mark else None
            if legend_field in WENT:
                # "(+) good, (-) bad": the mark grades a question, it names no field.
                grade, legend_field, mark = grade or legend_field, None, None
            if grade is None and self.scale and section is None:
                # "long line and you need to stay accurate 7" under "rated 1-10".
                score = re.search(r"\s(\d{1,2})\s*(?:[-–—,]\s*(.*))?$", content)
                if score and 0 < int(score.group(1)) <= self.scale:
                    grade = bare_grade(score.group(1), self.scale)
                    remark = score.group(2) or ""
                    content = content[: score.start()].rstrip(" -–—,:")
                    content += f" — {remark}" if remark else ""
            if legend_field not in (None, QUESTIONS) and section == QUESTIONS and after_blank:
                section = None  # "+ Lena wrote down…" after the questions, under a legend
            if section is None:
                self.free(
                    content,
                    mark=_mark_for(legend_field) if legend_field else mark,
                    bullet=bullet,
                    went=grade or MARK_RATINGS.get(mark or ""),
                    title=first_line and not bullet and _is_title(content),
                )
            else:
                section_bullets = section_bullets or bullet
                self._in_section(section, content, grade, mark)
            item_indent = indent
            after_blank = False

    def _in_section(self, section: str, content: str, grade: str | None, mark: str | None) -> None:
        if section in (POSITIVES, WENT_BADLY) and _asks_directly(content, self.scale):
            # "Went well: - How do you keep up with regulation? – good": the heading grades
            # the questions under it, unless their own line says how they went.
            heading_grade = COMFORTABLE if section == POSITIVES else STRUGGLED
            self.question_line(content, grade or heading_grade)
        elif section == WENT_BADLY:
            self.free(content, mark=mark, bullet=True, went=grade)
        elif section == QUESTIONS and (mark == "!" or _not_a_question(content)):
            # "+ sup liked my radio voice" after the last question: not one of them.
            self.free(content, mark=mark, bullet=True, went=grade)
        elif section == QUESTIONS:
            graded_marks = self.question_marks or mark in ("+", "?", "??")
            went = grade or (MARK_RATINGS.get(mark) if mark and graded_marks else None)
            self.question_line(content, went)
        elif section == TERMS:
            self.term_list(content)
        elif section == _ANSWERS:
            self.answer_line(content)
        elif section in (POSITIVES, MISSES, CONCERNS, CHALLENGES):
            self.section_item(section, content)
        else:
            self.free(content)

    @staticmethod
    def _line_start(raw: str, *, marks: bool, section: str | None) -> tuple[str | None, str, bool]:
        """(mark, content, is a list item) of a line."""
        mark, rest = leading_mark(raw)
        if mark == "-" and not marks:
            mark = None
        if mark is not None:
            return mark, rest, True
        content, bullet = strip_bullet(raw)
        return None, content, bullet

    def result(self, message: str = "") -> SplitNotes:
        terms = [term for term in dedupe_terms(self.terms) if term.rstrip("s") not in self.roles]
        confidence = {
            QUESTIONS: [round(q.confidence, 2) for q in self.questions],
            **{name: [round(c, 2) for _, c in items] for name, items in self.items.items()},
        }
        return SplitNotes(
            questions=[NoteQuestion(q.text, q.went, q.answer) for q in self.questions],
            positives=[text for text, _ in self.items[POSITIVES]],
            misses=[text for text, _ in self.items[MISSES]],
            concerns=[text for text, _ in self.items[CONCERNS]],
            terms=terms,
            challenges=self.challenges,
            other=self.other,
            to_sort=self.to_sort,
            confidence=confidence,
            message=message,
        )


def _reads_before(text: str) -> bool:
    """A short verdict on what came before ("both felt like worries", "seemed like a
    dealbreaker") or a hedged reading of it ("prob worried I…"), not a new item."""
    return is_interpretation(text) or (len(text.split()) <= 5 and bool(_READING_RE.match(text)))


_READING_RE = re.compile(
    r"(?i)^(?:(?:and|so|but)\s+)?(?:both|all|each|which|that|this|it)?\s*"
    r"(?:of (?:them|those|these)\s+)?(?:seemed|seems|sounded|felt|looked|were|was)\b"
)


def _asks_directly(line: str, scale: int | None) -> bool:
    """Is this line (before its grade or answer) a question in the interviewer's own words,
    with no reaction, doubt or thing forgotten in it? "What are the main risks? – only
    thought of weather" is; "co-I liked that I've used Stan" and "she asked whether I'd
    relocate" are not."""
    body = read_question_line(line, scale=scale)[0].strip()
    if not body or re.match(r"(?i)(?:[\w'.]+\s+){0,4}?asked\b", body):
        return False
    if body.endswith("?"):
        return True
    return bool(QUESTION_OPENERS.match(body)) and not _has_field_cue(body)


def _not_a_question(line: str) -> bool:
    """A line under a questions heading that reports a reaction, a doubt or a thing forgotten
    and does not ask anything ("+ sup liked my radio voice", "forgot typing speed cert")."""
    return _has_field_cue(read_question_line(line)[0]) and not _asks_directly(line, None)


def _has_field_cue(text: str) -> bool:
    """A reaction, a thing forgotten or a doubt named in the text."""
    return any(cue.search(text) for cue in (POSITIVE_RE, MISS_RE, CONCERN_RE))


def _is_title(line: str) -> bool:
    """The note's first line naming the interview: "IT Support Lead - Fairview Credit Union",
    "Interview with Mr. Brandt, finance manager", "Stackline backend role, onsite loop"."""
    first = sentences(line, use_parse=False)[0] if line.strip() else line
    if "?" in line or (_holds_item(first) and not _INTERVIEW_RE.search(first)):
        return False
    short = len(line.split()) <= 16
    one_sentence = len(sentences(line, use_parse=False)) == 1
    return bool(_TITLE_RE.search(line)) or (
        short and one_sentence and bool(re.search(r"\s[-–—|]\s|,|\(", line))
    )


def _holds_item(line: str) -> bool:
    """Does the line say what happened (a reaction, a doubt, something forgotten, a question
    asked, a grade)? Then it is the notes' first item, not their title."""
    if any(cue.search(line) for cue in (POSITIVE_RE, MISS_RE, CONCERN_RE, ASKED_RE)):
        return True
    return rating_in(line) is not None and not _TITLE_RE.search(line)


def _mark_for(field_name: str) -> str | None:
    """The mark whose default meaning is this field (legends may rename marks)."""
    return next((mark for mark, name in MARK_FIELDS.items() if name == field_name), None)


def _uses_marks(lines: list[str], start: int) -> bool:
    """Does the list starting here grade items with "+"/"?" (so "-" is a mark, not a bullet)?"""
    for line in lines[start : start + 40]:
        if not line.strip() or detect_heading(line):
            break
        if re.match(r"^\s*(?:[+?]\s+(?=\S)|\([+?!-]\))", line):
            return True
    return False


def _cut_at(text: str, limit: int) -> int:
    """Where to stop reading: the last line break (or space) before `limit`."""
    if len(text) <= limit:
        return len(text)
    for mark in ("\n", " "):
        cut = text.rfind(mark, limit // 2, limit)
        if cut > 0:
            return cut
    return limit


def _sanitize(text: object) -> str:
    """Any input becomes text with plain newlines and no control characters."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub(" ", text)


def _message_for(text: str) -> str:
    """What to tell the user about odd input, or ""."""
    words = re.findall(r"[^\W\d_]+", text[:MAX_SORTED].lower())
    if not text.strip():
        return "There were no notes to sort."
    if len(text) > MAX_SORTED:
        return (
            f"Your notes are long: the first {MAX_SORTED:,} characters were sorted; the rest "
            "is kept with your notes as typed."
        )
    if len(words) >= 12 and sum(word in _ENGLISH_WORDS for word in words) / len(words) < 0.04:
        return (
            "These notes do not look like English, which the sorter reads: check every entry, "
            "or fill the fields by hand."
        )
    if len(words) < 3:
        return "These notes are very short: add the questions and how each went, if you can."
    return ""


def split_notes(text: str, *, sorter: Sorter | None = None, use_parse: bool = True) -> SplitNotes:
    """Split free-form interview notes into debrief fields. Never raises."""
    try:
        clean_text = _sanitize(text)
        use_parse = use_parse and len(clean_text) <= MAX_PARSED
        sorter = sorter or default_sorter()
        cut = _cut_at(clean_text, MAX_SORTED)
        if not isinstance(sorter, RuleSorter):
            # One batch for the whole note: the model embeds faster in one call than in one
            # per sentence.
            pieces = clause_pieces(clean_text[:cut], use_parse=use_parse)
            sorter.prepare([p.text for p in pieces if rule_field(p)[1] < STRONG_RULE])
        reader = _Reader(sorter, use_parse=use_parse)
        reader.read(clean_text[:cut])
        if cut < len(clean_text):
            # The rest is kept as typed, cut into items of a readable size.
            reader.other.extend(_chunks(clean_text[cut:]))
        return reader.result(_message_for(clean_text))
    except Exception:  # noqa: BLE001 - the user must always get their text back
        try:
            reader = _Reader(RuleSorter(), use_parse=False)
            reader.read(_sanitize(text)[:MAX_SORTED])
            return reader.result()
        except Exception:  # noqa: BLE001
            lines = [line for line in str(text).splitlines() if line.strip()]
            return SplitNotes([], [], [], [], [], [], lines, message="The notes could not be read.")


class _Collector:
    """A sorter that answers with the rules and keeps every clause it was asked about."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []

    def prepare(self, texts: Sequence[str]) -> None:
        return None

    def sort(self, piece: Piece) -> tuple[str, float]:
        self.pieces.append(piece)
        return rule_field(piece)


def clause_pieces(text: str, *, use_parse: bool = True) -> list[Piece]:
    """Every clause the splitter would ask its sorter about, read with the rules (used to
    embed a note in one batch, and to label clauses for training)."""
    collector = _Collector()
    reader = _Reader(collector, use_parse=use_parse)
    reader.read(_sanitize(text)[:MAX_SORTED])
    return collector.pieces


def split_notes_as_json(notes: SplitNotes) -> dict[str, object]:
    """The five fields (questions as {"text","went"}), then what to sort and the confidence."""
    return {
        "questions": [
            {"text": q.text, "went": q.went} | ({"answer": q.answer} if q.answer else {})
            for q in notes.questions
        ],
        "positives": list(notes.positives),
        "misses": list(notes.misses),
        "concerns": list(notes.concerns),
        "terms": list(notes.terms),
        "to_sort": [
            {"text": item.text, "guess": item.guess, "confidence": item.confidence}
            | ({"went": item.went} if item.went else {})
            for item in notes.to_sort
        ],
        "confidence": dict(notes.confidence),
    }
