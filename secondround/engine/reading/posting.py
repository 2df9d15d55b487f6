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

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A word table written as one block of text, easier to edit than a list literal."""
    return frozenset(text.split())


RESPONSIBILITIES = "responsibilities"
REQUIREMENTS = "requirements"
NICE_TO_HAVE = "nice_to_have"
OTHER = "other"
# A heading such as "Job description" or "About the role" holds mixed text: sort it by cues.
MIXED = "mixed"
# Pay, benefits, schedule, location, contract: kept in "other" and listed as conditions.
CONDITIONS = "conditions"
# A heading no rule knows: a topic inside the job section before it, else "other".
UNKNOWN = "unknown"

# Ordered: the first rule whose pattern occurs in the lower-cased heading wins, so
# "Preferred qualifications" is a nice-to-have before "qualifications" makes it required.
HEADING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), section)
    for pattern, section in (
        (
            r"\bbenefits?\b|\bperks?\b|what we offer|we'?ll offer|we will offer|we offer|in return"
            r"|compensation|\bsalary\b|\bpay\b|\bwages?\b|\bhours\b|\bschedule\b|\bshifts?\b"
            r"|working (?:pattern|hours|time)|work pattern|\brota\b|\blocation\b|job type"
            r"|employment type|contract(?: type)?$|appointment type|^(?:pay )?grade$|pay scale"
            r"|\bflsa\b"
            r"|how to apply|application|equal opportunit|physical (?:demands|requirements|effort)"
            r"|working conditions|work environment|who may apply|\btravel\b|\brelocation\b"
            r"|security clearance|drug test|\btelework\b|remote job|\bremote\b|open & closing"
            r"|closing date|start date|visa|career (?:structure|path|progression)"
            r"|supplemental|additional pay|\btips\b|\bbonus\b$|compensation|we'?re offering",
            CONDITIONS,
        ),
        (
            r"nice[ -]to[ -]have|\bpreferred\b|\bbonus\b|desirable|\bdesired\b|\ba plus\b"
            r"|\bpluses\b|good to have|\bideally\b|extra credit|would be (?:great|nice|a plus)"
            r"|really excited if|\boptional\b|\bdesired\b|\badvantageous\b",
            NICE_TO_HAVE,
        ),
        (
            r"about us|about the company|who we are|our company|\bteam like"
            r"|our team|our culture|why join|why work|life at|\bdiversity\b|\bcontact\b"
            r"|experience level|seniority|company (?:size|type)",
            OTHER,
        ),
        (
            r"requirement|qualification|what you(?:'ll| will)? bring|you bring|looking for"
            r"|who you are|about you|must[ -]haves?|\bskills?\b|\bexperience\b|\beducation\b"
            r"|\bprofile\b|\bcriteria\b|competenc|\bksas?\b|licen[cs]|certification"
            r"|what you(?:'ll| will)? need|need from you|what you have|you have"
            r"|you(?:'ll| will) need"
            r"|prerequisite|person specification|knowledge|\babilities\b|ideal candidate",
            REQUIREMENTS,
        ),
        (
            r"responsibilit|what you(?:'ll| will)? (?:do|be doing)|\bduties\b|\bduty\b"
            r"|\btasks?\b|\bthe role\b|your role|role overview|day[ -]to[ -]day|in this role"
            r"|your mission|\bmission\b|accountabilit|essential functions|job functions"
            r"|your impact|what you will|what you'll|\bscope\b|day in the life"
            r"|what the job involves|the job involves|the position involves|^you(?:'ll| will)$",
            RESPONSIBILITIES,
        ),
        (
            r"job description|about the (?:job|position)|position summary|job summary"
            r"|\bsummary\b|\boverview\b|\bdescription\b|the position|the opportunity"
            r"|\bintroduction\b|\bdetails\b",
            MIXED,
        ),
    )
)

# A plain line (no "#", no colon, no CAPS) is a heading only when all its words are here.
HEADING_WORDS = frozenset(
    [
        "responsibilities",
        "responsibility",
        "requirements",
        "requirement",
        "qualifications",
        "qualification",
        "duties",
        "duty",
        "tasks",
        "task",
        "key",
        "main",
        "core",
        "primary",
        "major",
        "essential",
        "basic",
        "minimum",
        "required",
        "preferred",
        "additional",
        "desired",
        "desirable",
        "general",
        "specific",
        "what",
        "you",
        "you'll",
        "youll",
        "will",
        "do",
        "be",
        "doing",
        "bring",
        "need",
        "have",
        "nice",
        "to",
        "must",
        "haves",
        "skills",
        "skill",
        "experience",
        "education",
        "and",
        "the",
        "role",
        "your",
        "our",
        "role",
        "overview",
        "day",
        "in",
        "life",
        "of",
        "a",
        "job",
        "description",
        "summary",
        "about",
        "us",
        "company",
        "team",
        "benefits",
        "perks",
        "offer",
        "we",
        "we'll",
        "well",
        "compensation",
        "salary",
        "pay",
        "how",
        "apply",
        "location",
        "profile",
        "who",
        "are",
        "looking",
        "for",
        "criteria",
        "competencies",
        "knowledge",
        "abilities",
        "bonus",
        "points",
        "plus",
        "pluses",
        "good",
        "extra",
        "credit",
        "mission",
        "impact",
        "accountabilities",
        "scope",
        "position",
        "opportunity",
        "details",
        "introduction",
        "functions",
        "is",
        "like",
        "s",
        "what's",
        "whats",
        "from",
        "schedule",
        "hours",
        "shift",
        "shifts",
        "wages",
        "contract",
        "physical",
        "demands",
        "working",
        "conditions",
        "work",
        "environment",
        "supplemental",
        "additional",
        "type",
    ]
)


# Prose that means "you will do this".
DUTY_CUES = re.compile(
    r"\byou(?:'ll| will| would)\b(?! (?:have|be|need|bring|hold|possess))|\bresponsible for\b"
    r"|\bduties (?:and responsibilities )?(?:include|are)\b"
    r"|\bthe (?:successful )?(?:candidate|post ?holder|person|incumbent)"
    r" will\b|\bthe role (?:involves|includes|will)\b|\bin this role\b",
    re.IGNORECASE,
)
REQUIREMENT_CUES = re.compile(
    r"experience|\bdegree\b|\byears?\b|proficien|\bmust\b|\brequired?\b|\bqualifi"
    r"|certif|licen[cs]|\bknowledge of\b|\bability to\b|\bskills?\b|\bfamiliar"
    r"|\bbachelor|\bmaster'?s\b|\bdiploma\b|\byou (?:have|bring|hold|possess)\b"
    r"|you(?:'ll| will) (?:have|need|bring|hold|possess)|\bunderstanding of\b",
    re.IGNORECASE,
)
# "We are building...", "Our clinic...": the employer describing itself, not the job.
COMPANY_VOICE = re.compile(r"(?:we|we're|were|our|us|join|about)\b", re.IGNORECASE)
NICE_CUES = re.compile(
    r"\bpreferred\b|\bpreferably\b|nice[ -]to[ -]have|\ba plus\b|\bbonus\b|\bdesirable\b"
    r"|\bideally\b|\badvantage(?:ous)?\b|\bwould be great\b",
    re.IGNORECASE,
)

# Terms of employment in a sentence: pay, hours, shift patterns, benefits. A sentence mostly
# made of these is a condition of the job, wherever it stands (see is_conditions_sentence).
CONDITION_CUES = re.compile(
    r"[$£€]\s?\d[\d,.]*(?:\s?[-–]\s?[$£€]?\s?\d[\d,.]*)?(?:\s?[kK]\b)?"
    r"|\bper (?:hour|hr|annum|year|week|month|mile|shift|day)\b|/\s?(?:hour|hr|year|yr)\b"
    r"|\bpro rata\b|\b\d+(?:\.\d+)?\+?\s?(?:hours?|hrs?)(?: (?:per|a|each) (?:week|day|shift))?\b"
    r"|\b(?:full|part)[- ]time\b|\bper diem\b|\bprn\b|\bterm[- ]time(?: only)?\b"
    r"|\b(?:\d+[- ]hour |day |night |evening |morning |weekend |rotating |split |early |late "
    r"|swing |graveyard |overnight |first |second |third |back[- ]up )+shifts?\b"
    r"|\bshifts?\b|\bnights?\b|\bovernight\b"
    r"|\b(?:every|each) (?:other |second |third |fourth |\d(?:st|nd|rd|th) )?weekends?\b"
    r"|\b(?:alternate|alternating|rotating) (?:weekends?|holidays?|shifts?|nights?)\b"
    r"|\b(?:weekends?|holidays?|evenings?|nights?|bank holidays?)\b"
    r"|\b(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b(?:\s?(?:to|through|thru|-|–)\s?\w+day)?"
    r"|\b\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?|[ap])\b"
    r"|\bsign[- ]on bonus\b|\bsigning bonus\b|\bbonus\b|\bovertime\b|\btips\b|\bmileage\b"
    r"|\b(?:medical|dental|vision|health|life|disability)(?:,? (?:and |& )?(?:medical|dental|vision"
    r"|health|life))* (?:insurance|coverage|plans?|benefits)\b|\b40[13]\(?[bk]\)?"
    r"|\bpension(?: scheme| plan)?\b|\bpaid time off\b|\bpto\b|\bannual leave\b"
    r"|\bsick (?:leave|pay|days)\b|\bholiday pay\b|\bvacation\b|\btuition (?:reimbursement"
    r"|assistance)\b|\b(?:employee|staff|store) discounts?\b|\b(?:on-site|free) parking\b"
    r"|\b(?:night|shift|weekend) differential\b|\bcompetitive (?:pay|salary|wages?|rates?"
    r"|compensation|benefits)\b|\bbenefits(?: package)?\b|\bsalary\b|\bwages?\b"
    r"|\bpay(?: rate| range)?\b|\bcommitment\b|\brota\b|\bschedule\b",
    re.IGNORECASE,
)
CONDITION_SHARE = 0.4
_CONTENT_WORD = re.compile(r"[A-Za-z0-9$£€][\w$£€.,'/+-]*")
_SMALL_WORDS = _words(
    """
    a an the and or of to in on at for with by as be is are will must may can able work
    working including include includes plus up from per each every this that our your you
    we available availability flexible flexibility required requires needed well also any
    some all
    """
)


# The last word of a job title is usually one of these.
ROLE_NOUNS = frozenset(
    [
        "engineer",
        "developer",
        "nurse",
        "manager",
        "teacher",
        "analyst",
        "assistant",
        "specialist",
        "coordinator",
        "director",
        "officer",
        "scientist",
        "technician",
        "representative",
        "associate",
        "consultant",
        "designer",
        "administrator",
        "accountant",
        "clerk",
        "driver",
        "worker",
        "lead",
        "head",
        "supervisor",
        "intern",
        "architect",
        "therapist",
        "pharmacist",
        "physician",
        "counselor",
        "counsellor",
        "advisor",
        "adviser",
        "agent",
        "executive",
        "operator",
        "planner",
        "buyer",
        "chef",
        "cook",
        "electrician",
        "mechanic",
        "instructor",
        "lecturer",
        "professor",
        "librarian",
        "paralegal",
        "attorney",
        "lawyer",
        "auditor",
        "writer",
        "editor",
        "producer",
        "recruiter",
        "tester",
        "programmer",
        "aide",
        "attendant",
        "cashier",
        "receptionist",
        "secretary",
        "controller",
        "strategist",
        "owner",
        "partner",
        "principal",
        "superintendent",
        "dentist",
        "hygienist",
        "midwife",
        "paramedic",
        "caregiver",
        "carer",
        "tutor",
        "practitioner",
        "educator",
        "researcher",
        "president",
        "vp",
        "cto",
        "ceo",
        "cfo",
        "coo",
        "handler",
        "picker",
        "packer",
        "associate",
        "steward",
        "host",
        "server",
        "bartender",
        "barista",
        "nanny",
        "therapist",
        "surgeon",
        "pilot",
        "inspector",
        "investigator",
        "estimator",
        "dispatcher",
        "scheduler",
        "merchandiser",
        "machinist",
        "welder",
        "plumber",
        "carpenter",
        "technologist",
        "sonographer",
        "radiographer",
        "phlebotomist",
    ]
)

TITLE_PREFIX = re.compile(r"^(?:job title|position|title|role|vacancy)\s*[:\-–]\s*(.+)$", re.I)
BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦●○■□➢►✓✔>]|\d{1,2}[.)]|\(?[a-zA-Z]\))\s+")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
EMPHASIS = re.compile(r"\*\*|__|`")
# "Responsibilities: Design and build..." carries its first item after the colon.
# A heading's parenthesis: "Certifications (often preferred)".
NUMBERED_LABEL = re.compile(r"\s*\([^)]*\)\s*$")
INLINE_HEADING = re.compile(r"^([^:]{2,60}?)\s*:\s+(\S.*)$")
# A line of capitalised words only (an employer's or a unit's name), not prose.
_NAME_WORD = r"(?:[A-Z0-9][\w'&.,-]*|of|and|for|the|at|in|&|-|–|\|)"
NAME_LINE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*")
# Bullets run together on one line: "• Bake, grill • Garnish dishes • Keep it clean".
INLINE_BULLET = re.compile(r"\s+[•▪●◦■➢►]\s+")
# Numbered items run together in one paragraph: "1. Performs ... 2. Performs ...".
INLINE_NUMBER = re.compile(r"\s+(?=\d{1,2}[.)]\s+[A-Z])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])")
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "approx",
        "min",
        "max",
        "dept",
        "u.s",
        "incl",
    ]
)
MAX_HEADING_WORDS = 8
MAX_TITLE_WORDS = 10
MAX_TITLE_CHARS = 90


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


def is_conditions_sentence(sentence: str) -> bool:
    """True for a sentence mostly about pay, hours, shifts or benefits: "Must be able to work
    every third weekend and rotating holidays.", "Sign-on bonus up to $15,000." Words such
    as "must", "able", "work" do not count either way."""
    words = [w for w in _CONTENT_WORD.findall(sentence) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    covered = sum(
        len([w for w in _CONTENT_WORD.findall(m.group(0)) if w.lower() not in _SMALL_WORDS])
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

    for raw in lines:
        if not raw.strip():
            flush()
            continue
        heading = _read_heading(raw)
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
