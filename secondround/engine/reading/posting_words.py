"""The tables a job posting is cut with: section headings, duty and conditions cues, role
nouns, and the patterns built from them. Edit these rather than the code in posting.py."""

from __future__ import annotations

import re

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
CONTENT_WORD = re.compile(r"[A-Za-z0-9$£€][\w$£€.,'/+-]*")
SMALL_WORDS = _words(
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
