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
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from secondround.engine.nlp.sizes import MB, describe_size

__all__ = [
    "MAX_BYTES",
    "NO_BULLETS_WARNING",
    "DraftStory",
    "Metric",
    "ParsedResume",
    "ResumeError",
    "extract_metric",
    "normalise_date",
    "parse_date_range",
    "parse_json_resume",
    "parse_resume_text",
    "read_resume",
    "split_result",
]

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


# --------------------------------------------------------------------------- vocabulary


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _name_set(text: str) -> frozenset[str]:
    """Names separated by '|', whitespace (and line breaks) collapsed."""
    return frozenset(" ".join(name.split()) for name in text.split("|"))


ACTION_VERBS = _word_set(
    """
    accelerated achieved acted added addressed administered advised advocated analysed
    analyzed answered applied appointed arranged assembled assessed assisted audited
    automated balanced booked boosted briefed brought budgeted built calculated cared
    championed changed chaired checked cleaned closed coached collaborated collected
    completed composed conceived conducted configured consolidated constructed consulted
    contributed controlled converted cooked coordinated co-ordinated counselled created cut
    debugged decreased defined delivered deployed designed developed devised diagnosed
    directed discovered doubled drafted drove earned edited educated eliminated enabled
    engineered enhanced ensured established evaluated exceeded executed expanded expedited
    facilitated filed finalised finalized fixed forecast forecasted formed founded
    generated grew guided halved handled headed helped hired identified implemented
    improved increased influenced initiated inspected installed instituted integrated
    interviewed introduced invented investigated launched lead led lifted loaded
    maintained managed mapped marketed maximised maximized mentored merged migrated
    minimised minimized mobilised modernised monitored motivated moved negotiated
    nursed obtained opened operated optimised optimized orchestrated organised organized
    oversaw overhauled packed partnered performed piloted pioneered placed planned
    prepared presented prevented prioritised processed produced programmed promoted
    proposed protected provided published purchased raised ran ranked rebuilt received
    recommended reconciled recorded recovered recruited redesigned reduced refactored
    refined reorganised repaired replaced reported represented researched resolved
    restructured revamped reviewed revised rewrote run saved scheduled secured served
    set shipped simplified slashed sold solved spearheaded sped standardised
    standardized started streamlined strengthened structured succeeded supervised
    supported taught tested tracked trained transformed translated tripled turned
    unified unloaded updated upgraded used utilised verified volunteered won wrote
    manage coach teach train build deliver design develop oversee plan support
    """
)
OUTCOME_VERBS = _word_set(
    """
    rose fell grew dropped improved increased decreased doubled halved tripled climbed
    reached went jumped declined shrank soared hit met beat topped
    """
)
RESULT_PARTICIPLES = (
    "reducing|cutting|saving|increasing|improving|raising|boosting|lowering|achieving|"
    "generating|delivering|growing|doubling|halving|tripling|eliminating|winning|securing|"
    "earning|lifting|shortening|freeing|finishing|exceeding|beating|enabling|allowing|"
    "helping|bringing|halting|preventing|avoiding|recovering"
)
STOPWORDS = _word_set(
    """
    a an the and or of to in on at by for with from per over under within across into
    onto up down than as is was were are be been being has have had it its this that
    these those each every all any both our my their his her your which who whom while
    after before during through until since about around nearly almost more less most
    least just only also not no so than then there here very well
    """
)
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

EXPERIENCE_HEADINGS = _name_set(
    """
    experience|work experience|professional experience|relevant experience|employment|
    employment history|work history|career history|career|professional background|
    experience and achievements|work experience and achievements|volunteer experience|
    volunteering|volunteer work|voluntary work|projects|key projects|selected projects|
    teaching experience|clinical experience|nursing experience|industry experience|
    leadership experience|other experience|additional experience|positions held
    """
)
SKIP_HEADINGS = _name_set(
    """
    education|education and training|qualifications|academic qualifications|skills|
    key skills|technical skills|core skills|core competencies|competencies|skills and
    abilities|references|referees|certifications|certificates|certifications and
    licences|licences|licenses|licences and certifications|training|courses|
    professional development|languages|interests|hobbies|hobbies and interests|contact|
    contact details|personal details|summary|professional summary|profile|
    professional profile|personal statement|personal profile|objective|career objective|
    about me|about|awards|honours|honors|publications|memberships|professional
    memberships|affiliations|additional information|tools|technologies
    """
)

ROLE_WORDS = _word_set(
    """
    nurse nurses sister matron midwife teacher lecturer tutor teaching head headteacher
    principal engineer developer programmer architect analyst scientist manager
    supervisor lead leader director officer executive representative rep associate
    consultant coordinator co-ordinator specialist clerk assistant operative operator
    technician administrator cashier chef cook commis sous porter driver accountant
    bookkeeper auditor controller intern trainee apprentice volunteer advisor adviser
    agent designer researcher president vp founder owner worker carer practitioner
    therapist pharmacist doctor physician surgeon paramedic receptionist secretary
    editor writer planner buyer merchandiser picker packer handler foreman captain
    fellow maintainer partner sde swe cto ceo cfo coo hca staff deputy
    """
)
EMPLOYER_WORDS = _word_set(
    """
    ltd limited inc inc. llc llp plc gmbh corp corp. corporation co co. company group
    hospital hospitals nhs trust school academy college university council bank
    restaurant hotel bistro brasserie café cafe logistics partners associates services
    solutions systems technologies technology labs studio agency foundation charity
    centre center clinic practice stores store supermarket retail foods health home
    homes homecare software ag sa bv industries holdings ventures consulting media
    """
)
PLACES = _word_set(
    """
    london manchester leeds birmingham bristol glasgow edinburgh cardiff leicester
    liverpool sheffield nottingham newcastle belfast dublin york bath oxford cambridge
    reading norwich brighton southampton coventry exeter plymouth aberdeen dundee
    swansea croydon remote hybrid uk usa us england scotland wales ireland
    nyc chicago boston austin seattle toronto sydney melbourne paris berlin amsterdam madrid
    """
) | {"new york", "san francisco", "los angeles"}

# ------------------------------------------------------------------------------ dates

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+(?:19|20)\d{{2}}|{_MONTH}\s*'\d{{2}}|\d{{1,2}}[/.](?:19|20)\d{{2}}|"
    r"(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])(?!\d)|(?:19|20)\d{2})"
)
_PRESENT = r"(?:present|current|currently|now|today|to date|ongoing|date)"
_RANGE_SEP = r"\s*(?:[-–—−]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
DATE_RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE}){_RANGE_SEP}(?P<end>{_DATE}|{_PRESENT})(?![\w/])",
    re.IGNORECASE,
)
SINCE_DATE = re.compile(rf"\bsince\s+(?P<start>{_DATE})(?![\w/])", re.IGNORECASE)


def normalise_date(text: str) -> str | None:
    """'Jan 2021' → '2021-01', '03/2018' → '2018-03', '2019' → '2019', 'Present' → 'present'.

    JSON Resume's ISO dates ('2019-04-01') keep year and month. Anything else is kept as
    written; an empty text gives None.
    """
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        return None
    lowered = cleaned.lower().rstrip(".")
    if re.fullmatch(_PRESENT, lowered) or lowered in {"till date", "till now", "up to now"}:
        return "present"
    match = re.fullmatch(r"([a-z]+)\.?\s*(?:(\d{4})|'(\d{2}))", lowered)
    if match and match.group(1)[:3] in MONTHS:
        year = match.group(2) or f"20{match.group(3)}"
        return f"{year}-{MONTHS[match.group(1)[:3]]:02d}"
    match = re.fullmatch(r"(\d{1,2})[/.](\d{4})", lowered)
    if match and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:t.*)?", lowered)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    if re.fullmatch(r"\d{4}", lowered):
        return lowered
    return cleaned


def parse_date_range(text: str) -> tuple[str | None, str | None]:
    """The first date range in text, normalised: 'Jan 2021 – Present' → ('2021-01', 'present')."""
    match = DATE_RANGE.search(text)
    if match:
        return normalise_date(match.group("start")), normalise_date(match.group("end"))
    match = SINCE_DATE.search(text)
    if match:
        return normalise_date(match.group("start")), "present"
    return None, None


# ---------------------------------------------------------------------------- metrics

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:(?:[kKmM]|bn|BN)(?![A-Za-z])|\s?(?:million|billion|thousand)\b)"
_RATE = (
    r"(?:\s(?:a|an|per|each)\s(?:day|week|month|quarter|year|shift|hour|night|annum|term)\b"
    r"|\s?/\s?(?:yr|year|month|mo|week|wk|day|hr|hour)\b|\s(?:annually|monthly|weekly|daily)\b)"
)
_MONEY = rf"(?:[£$€]\s?{_NUM}{_SCALE}?|{_NUM}{_SCALE}?\s?(?:GBP|USD|EUR)\b)"
_PERCENT = rf"(?:{_NUM}\s?(?:%|per\s?cent\b|percent\b))"
_POINTS = rf"(?:{_NUM}\s?(?:percentage points?\b|pp\b))"
_MULT = rf"(?:{_NUM}\s?[x×](?![A-Za-z0-9]))"
_QTY = rf"(?:{_MONEY}|{_POINTS}|{_PERCENT}|{_MULT}|{_NUM}{_SCALE}?|zero)"
FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{_QTY})(?P<au>(?:\s[A-Za-z][\w-]*){{0,3}}?)"
    rf"\s+(?:down\s+|up\s+)?to\s+(?P<b>{_QTY})",
    re.IGNORECASE,
)
INSTEAD_OF = re.compile(
    rf"(?<![\w.,])(?P<b>{_QTY})(?P<bu>(?:\s[A-Za-z][\w-]*){{0,3}}?)\s+(?:instead of|rather than|"
    rf"down from|up from)\s+(?P<a>{_QTY})",
    re.IGNORECASE,
)
BY = re.compile(
    rf"\bby\s+(?:up to\s+|over\s+|more than\s+|almost\s+|nearly\s+|around\s+|about\s+|"
    rf"roughly\s+)?(?P<q>{_QTY})",
    re.IGNORECASE,
)
PERCENT = re.compile(rf"(?<![\w.]){_PERCENT}|(?<![\w.]){_POINTS}", re.IGNORECASE)
MONEY = re.compile(rf"(?<![\w.]){_MONEY}", re.IGNORECASE)
MULT = re.compile(rf"(?<![\w.]){_MULT}", re.IGNORECASE)
RANK = re.compile(r"(?<!\w)#\d+\b|\b\d+(?:\.\d+)?-star\b", re.IGNORECASE)
NUMBER = re.compile(rf"(?<![\w.£$€#/-]){_NUM}\+?(?![\w%/-]|\.\d)")
RATE = re.compile(_RATE, re.IGNORECASE)
WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
COUNT_BLOCKERS = _word_set(
    "year years yr yrs stage ks level grade band version phase tier step ward room floor "
    "key section top page chapter class"
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    value: str
    before: str | None = None
    after: str | None = None


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _percent(text: str) -> str:
    """'30 per cent' → '30%'; other figures as written."""
    match = re.fullmatch(rf"({_NUM})\s?(?:%|per\s?cent|percent)", text.strip(), re.IGNORECASE)
    return f"{match.group(1)}%" if match else _tidy(text)


def _is_bare(quantity: str) -> bool:
    return re.fullmatch(rf"{_NUM}|zero", quantity.strip(), re.IGNORECASE) is not None


def _noun_words(text: str, position: int) -> tuple[str, int]:
    """The unit words after a number: up to three, ending at the first plural ('s').

    '9 student nurses through' → ' student nurses'; a verb, stopword or month ends it.
    """
    words: list[str] = []
    end = position
    cursor = position
    for _ in range(3):
        match = WORD.match(text, cursor)
        if not match:
            break
        word = match.group(1)
        lowered = word.lower()
        if (
            lowered in STOPWORDS
            or lowered in ACTION_VERBS
            or lowered in OUTCOME_VERBS
            or lowered.rstrip(".") in _MONTH_NAMES
        ):
            break
        words.append(word)
        cursor = match.end()
        if lowered.endswith("s") and not lowered.endswith("ss"):
            # "6 commis chefs": a second plural-looking word goes on with the noun.
            following = WORD.match(text, cursor)
            if following and len(words) < 3 and _plural_noun(following.group(1)):
                words.append(following.group(1))
                cursor = following.end()
            return "".join(" " + w for w in words), cursor
    if words:
        first = WORD.match(text, position)
        if first is not None:
            return " " + words[0], first.end()
    return "", end


_MONTH_NAMES = _word_set(
    "jan january feb february mar march apr april may jun june jul july aug august sep "
    "sept september oct october nov november dec december"
)


def _plural_noun(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered.endswith("s")
        and not lowered.endswith("ss")
        and lowered not in STOPWORDS
        and lowered not in ACTION_VERBS
        and lowered not in OUTCOME_VERBS
    )


def _with_rate(text: str, end: int) -> tuple[str, int]:
    match = RATE.match(text, end)
    return (match.group(0), match.end()) if match else ("", end)


def _quantity_with_unit(text: str, start: int, end: int, *, nouns: bool) -> tuple[str, int]:
    quantity = _percent(text[start:end])
    if nouns and _is_bare(quantity):
        unit, end = _noun_words(text, end)
        quantity += unit
    rate, end = _with_rate(text, end)
    return _tidy(quantity + rate), end


def _share_unit(before: str, after: str) -> tuple[str, str]:
    """'from 6.5 to 5.2 days': the unit written once belongs to both figures."""
    number = re.compile(rf"^(?:{_NUM}|zero)", re.IGNORECASE)
    before_number, after_number = number.match(before), number.match(after)
    if not before_number or not after_number:
        return before, after
    before_unit = before[before_number.end() :]
    after_unit = after[after_number.end() :]
    if not before_unit and after_unit and not after.startswith(("£", "$", "€")):
        before += after_unit if after_unit.startswith(("%", " ")) else after_unit
    elif before_unit and not after_unit:
        after += before_unit
    return before, after


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(candidate: _Candidate) -> None:
        if free(candidate.start, candidate.end):
            found.append(candidate)
            taken.append((candidate.start, candidate.end))

    for match in FROM_TO.finditer(text):
        before = _tidy(_percent(match.group("a")) + match.group("au"))
        if _is_bare(match.group("a")) and not match.group("au").strip():
            rate, _ = _with_rate(text, match.end("a"))
            before += rate
        after, end = _quantity_with_unit(text, match.start("b"), match.end("b"), nouns=True)
        before, after = _share_unit(before, after)
        add(_Candidate(match.start(), end, 0, after, before, after))
    for match in INSTEAD_OF.finditer(text):
        after = _tidy(_percent(match.group("b")) + match.group("bu"))
        before, end = _quantity_with_unit(text, match.start("a"), match.end("a"), nouns=True)
        before, after = _share_unit(before, after)
        add(_Candidate(match.start(), end, 0, after, before, after))
    for match in BY.finditer(text):
        quantity = match.group("q")
        if re.fullmatch(r"(?:19|20)\d{2}", quantity) or quantity.lower() == "zero":
            continue
        value, end = _quantity_with_unit(text, match.start("q"), match.end("q"), nouns=True)
        if _is_bare(value):
            continue
        add(_Candidate(match.start("q"), end, 1, value))
    for pattern, rank in ((PERCENT, 2), (MONEY, 3), (MULT, 4), (RANK, 5)):
        for match in pattern.finditer(text):
            value, end = _quantity_with_unit(text, match.start(), match.end(), nouns=False)
            if rank == 2:
                value = _percent(match.group(0))
            add(_Candidate(match.start(), end, rank, value))
    for match in NUMBER.finditer(text):
        number = match.group(0)
        if re.fullmatch(r"(?:19|20)\d{2}", number):
            continue
        previous = re.search(r"([A-Za-z]+)\W*$", text[: match.start()])
        if previous and previous.group(1).lower() in COUNT_BLOCKERS:
            continue
        unit, end = _noun_words(text, match.end())
        if not unit:
            continue
        add(_Candidate(match.start(), end, 6, _tidy(number + unit)))
    return found


_CLAUSE_BREAK = re.compile(r"[,;:(]\s|\s[—–-]\s|\)|[.!?](?:\s|$)")


def _clause_around(text: str, start: int, end: int) -> str:
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    clause = text[left:right].strip(" .;,—–-")
    for linker in ("which ", "and ", "resulting in ", "leading to ", "so that "):
        if clause.lower().startswith(linker):
            clause = clause[len(linker) :]
    return clause


def extract_metric(text: str, *, result: str = "") -> Metric | None:
    """The main figure of a bullet: the one in its outcome clause first, then by kind.

    Kinds, best first: a change ("from 9% to 4%", "5 days instead of 9"), "by N",
    a percentage, money, a multiplier, a rank, a count ("12 nurses").
    """
    candidates = _candidates(text)
    if not candidates:
        return None
    result_start = text.rfind(result) if result else -1

    def order(candidate: _Candidate) -> tuple[int, int, int]:
        in_result = 0 if result_start >= 0 and candidate.start >= result_start else 1
        return (in_result, candidate.rank, candidate.start)

    best = min(candidates, key=order)
    return Metric(
        text=_clause_around(text, best.start, best.end),
        value=best.value,
        before=best.before,
        after=best.after,
    )


# ----------------------------------------------------------------------- result clause

_RESULT_KEEP = re.compile(rf",\s+(?:and\s+)?(?=(?:{RESULT_PARTICIPLES})\b)", re.IGNORECASE)
_RESULT_DROP = re.compile(
    r",\s+which\s+(?:in turn\s+)?|,?\s+(?:resulting in|leading to|so that|contributing to|"
    r"thereby)\s+|;\s+|(?<!\d)\s[—–]\s(?!\d)|(?<!\d)\s-\s(?!\d)|\s[—–]$",
    re.IGNORECASE,
)
_RESULT_AND = re.compile(r",\s+and\s+", re.IGNORECASE)


def split_result(text: str) -> str:
    """The outcome clause: ', reducing X by 30%' gives 'reducing X by 30%'.

    Participles ("reducing", "saving"...) are kept; linking words ("which", "resulting in",
    "so that", a dash, a semicolon) are dropped. ', and ...' counts when what follows has an
    outcome verb ("rose", "fell") and a figure.
    """
    starts: list[int] = []
    match = _RESULT_KEEP.search(text)
    if match:
        starts.append(match.end())
    match = _RESULT_DROP.search(text)
    if match:
        starts.append(match.end())
    for match in _RESULT_AND.finditer(text):
        rest = text[match.end() :]
        words = {word.lower() for word in re.findall(r"[A-Za-z]+", rest)}
        if words & OUTCOME_VERBS and re.search(r"\d", rest):
            starts.append(match.end())
            break
    for start in sorted(starts):
        result = text[start:].strip().rstrip(".;").strip()
        if result:
            return result
    return ""


def _title(text: str, result: str) -> str:
    head = text
    if result:
        cut = text.rfind(result)
        if cut > 0:
            head = text[:cut]
    head = re.split(r"[,;:]\s|\s[—–-]\s", head, maxsplit=1)[0].strip(" .;,—–-")
    if not head:
        head = text
    if len(head) <= 60:
        return head
    shortened = head[:60].rsplit(" ", 1)[0].rstrip(" ,;")
    return shortened + "…"


def _story(
    action: str,
    source: str,
    job: _Job | None,
) -> DraftStory:
    action = _tidy(action)
    result = split_result(action)
    return DraftStory(
        title=_title(action, result)[:80],
        action=action,
        result=result,
        metric=extract_metric(action, result=result),
        employer=job.employer if job else None,
        role=job.role if job else None,
        start=job.start if job else None,
        end=job.end if job else None,
        source_line=source,
    )


# ----------------------------------------------------------------------- job headers


@dataclass
class _Job:
    role: str | None = None
    employer: str | None = None
    start: str | None = None
    end: str | None = None
    lines: list[str] = field(default_factory=list)

    def label(self) -> str:
        parts = [part for part in (self.role, self.employer) if part]
        return " at ".join(parts) if parts else "a job"


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


def _parse_header(lines: list[str]) -> _Job:
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
    job = _Job(start=start, end=end, lines=list(lines))
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


def _has_action_verb(sentence: str) -> bool:
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
    job: _Job | None


def _joined(lines: list[_Line], *, strip_mark: bool) -> str:
    parts: list[str] = []
    for index, line in enumerate(lines):
        text = line.text
        if index == 0 and strip_mark:
            match = BULLET.match(text)
            text = match.group("text") if match else text
        parts.append(_tidy(text))
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
        self.job: _Job | None = None
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
    sentence_jobs: list[_Job | None] = []
    for unit in units:
        if unit.kind == "bullet":
            action = _joined(unit.lines, strip_mark=True)
            source = "\n".join(line.raw.strip() for line in unit.lines)
            if re.search(r"[A-Za-z]{2}", action):
                stories.append(_story(action, source, unit.job))
            continue
        if id(unit.job) in bullet_jobs or (unit.job is None and any_bullets):
            continue
        paragraph = _joined(unit.lines, strip_mark=False)
        source = "\n".join(line.raw.strip() for line in unit.lines)
        for sentence in split_sentences(paragraph):
            if _has_action_verb(sentence) and len(sentence.split()) >= 3:
                stories.append(_story(sentence, source, unit.job))
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
            job = _Job(role=role, employer=employer, start=start, end=end)
            highlights = entry.get("highlights")
            if highlights is not None and (
                not isinstance(highlights, list) or not all(isinstance(h, str) for h in highlights)
            ):
                raise ResumeError(f"{NOT_JSON_RESUME} {where}.highlights must be a list of text.")
            texts = [h.strip() for h in highlights or [] if h.strip()]
            if texts:
                for highlight in texts:
                    action = re.sub(r"^[-•*◦▪]\s+", "", highlight)
                    stories.append(_story(action, highlight, job))
                continue
            summary = _json_text(entry, "summary", where) or _json_text(entry, "description", where)
            sentences = [
                sentence
                for sentence in split_sentences(_tidy(summary or ""))
                if _has_action_verb(sentence)
            ]
            for sentence in sentences:
                stories.append(_story(sentence, summary or sentence, job))
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
