"""People's names in a line of an invitation, by their shape.

A name is a run of capitalised words (accents, hyphens and apostrophes included:
"Gráinne Ní Bhriain", "O'Sullivan-Papadakis", "Ka-yee"), possibly with particles inside
("Henrik van der Berg", "Nur Aisyah binti Kamal", "Jordi Puig i Serra") and initials
("T. Mokoena"), after optional honorifics ("Dr", "Revd Canon", "Prof. Dr.", "Shri",
"Engr."). Without an honorific it needs two name words, and no word of it may be one of
the title, organisation, place or schedule words in NOT_NAME_WORDS: "Nurse Manager" and
"Campus Forum" are not people. Spelling is kept as written, honorific apart.

The rule prefers missing a one-word name to inventing a person; one-word references
("Rémy", "Mr Fifita") are resolved against the full names found elsewhere in the mail.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "HONORIFICS",
    "forget_names",
    "is_given_name",
    "proper_words",
    "NAME_PARTICLES",
    "NOT_NAME_WORDS",
    "NameSpan",
    "find_names",
    "is_full_name",
    "split_honorific",
]

# Lower case, without the trailing dot.
HONORIFICS: frozenset[str] = word_set(
    """
    dr mr mrs ms mx miss prof professor sir dame lord lady rev revd reverend canon fr father
    pastor rabbi imam sheikh hon cllr councillor judge capt captain chef engr eng ing ir shri
    sri smt kumari mst dato datuk datin herr frau mme mlle sr cpa atty adv dr.-ing prof.dr
    puan encik tuan cik haji hajah ustaz ustazah bapak ibu daw khun brother
    """
)
# Honorifics that are also common words or titles: only one when a name follows at once
# ("Chef Rémy Dufresne", not "Chef de Partie").
WEAK_HONORIFICS: frozenset[str] = word_set(
    "chef eng ing ir cpa sr canon father lord lady judge brother"
)
# Words that make a rank of "Professor" before a name: "Associate Professor X".
PROFESSOR_RANKS: frozenset[str] = word_set("associate assistant adjunct emeritus clinical visiting")
NAME_PARTICLES: frozenset[str] = word_set(
    "de da di del della der den du van von la le y i e bin binti binte bint ibn al el dos das do"
    " ter ten ap af zu ní ó mac"
)
# Short forms written inside a name, not honorifics: "Md. Rafiqul Islam".
NAME_ABBREVIATIONS: frozenset[str] = word_set("md mohd muhd st")  # "Mary St. Clair"

# Capitalised words that are never part of a person's name: titles, departments, places,
# schedule words. They keep "Nurse Manager" or "Visitor Parking" from passing as names.
NOT_NAME_WORDS: frozenset[str] = word_set(
    """
    head chief officer director president vice manager managers lead leader senior junior
    principal staff engineer engineering architect consultant specialist analyst associate
    assistant coordinator partner recruiter recruiting recruitment talent acquisition
    human resources people hr operations finance financial accounting accountant controller
    auditor sales marketing product design legal data research development support customer
    success account executive regional global group area district national team unit ward
    department nurse nursing clinical charge registered educator physician doctor teacher
    grade elementary school academy college university hospital clinic health care centre
    center warehouse inventory shift supervisor floor logistics supply chain procurement
    dean superintendent coach instructional literacy board member founder owner ceo cfo coo
    cto cio cmo cno vp svp evp it qa ux ui business payments platform infrastructure security
    office building room suite lobby reception parking lot hall campus street road avenue
    inc ltd llc gmbh corp company bank group interview interviews panel lunch break tour
    session welcome agenda schedule time name title role position email notes focus format
    location with and the our your their dear hi hello thanks thank regards best please
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday day week today tomorrow
    eastern pacific central mountain standard daylight zoom teams meet google microsoft
    guest relations front rooms store retail trading mechanical electrical civil quality
    safety plant production maintenance project program programme brand digital content
    communications public affairs compliance risk audit tax treasury payroll benefits
    learning training facilities student faculty curriculum education services solutions
    systems technologies labs capital foundation trust council credit union partners
    commercial lending banking credit wealth investment investments mortgage retail store
    representative representatives rep specialty pharmaceutical medical territory field
    strategic strategy initiatives policy legislation evaluation programs government
    public ministry transportation transport civil structural site construction leading
    hand electrician plumber carpenter welder fitter technician mechanic apprentice
    foreman forewoman journeyman estimator surveyor planner scheduler inspector chef sous
    cook kitchen restaurant bar food beverage housekeeping concierge host hostess server
    hotel events catering pharmacist pharmacy therapist midwife surgeon paramedic healthcare
    ward sister matron advisor adviser officer administrator administration clerk cashier
    teller banker underwriter actuary trader broker editor producer librarian counsellor
    counselor psychologist social worker caseworker deputy lecturer tutor trainer steward
    executive chairperson treasurer trustee volunteer volunteers fundraising development
    youth community outreach mathematics maths math science english history teaching
    middle high primary secondary elementary department nurse midwifery theatre emergency
    meeting meetings forum talk job exit depart departure arrival arrivals arrive arrives
    breakfast dinner coffee prep presentation demonstration seminar lecture auditorium
    library boardroom conference level tower plaza inn airport hallway gate gatehouse desk
    visit visitor visitors tours check welcome induction registration reporting venue
    committee search governors governor trustees parent chair chairman secretary magistrate
    additional registrar provost dean's senate association advisory society institute
    reference number roll memo post act certificate card licence license passport id
    mon tue tues wed thu thur thurs fri sat sun feb mar apr jun jul aug sep sept oct nov dec
    documents division branch section service subject expert member members observer
    candidate candidates applicant interviewer interviewers panellist panelist panelists
    date venue address mode link phone mobile tel fax web website www note please kindly
    yours sincerely faithfully regards warm kind cheers enclosure attachment attachments
    official confidential urgent re fw fwd subject invitation confirmation reschedule
    menara jalan marg wisma taman lorong nagar chowk bhavan bhawan sdn bhd pvt private county
    city town village river sheets sheet textiles industries enterprises lab laboratory
    scientist designer developer programmer researcher strategist economist statistician
    epidemiologist psychiatrist radiographer sonographer optometrist veterinarian dietitian
    nutritionist marketer copywriter bookkeeper receptionist attorney lawyer solicitor
    paralegal technologist physiotherapist dentist hygienist biologist chemist physicist
    geologist ecologist archivist curator
    """
)

# A job title right after a run of words ("Sian Roberts (Graduate Programme Manager)",
# "Rose Hall, Head of Finance"): the run is a person's name even when every word of it is
# also an English word.
TITLE_AFTER = re.compile(
    r"\s*(?:\(|,|\s[-–—|])\s*(?:(?:the|our)\s+)?(?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|&)\s+)?)"
    r"{0,4}?(?:Manager|Director|Head|Lead|Leader|Officer|Engineer|Chief|President|Dean"
    r"|Professor|Lecturer|Coordinator|Supervisor|Specialist|Analyst|Consultant|Partner|Advis[oe]r"
    r"|Nurse|Teacher|Principal|Headteacher|Chair|Secretary|Executive|Recruiter|Scientist"
    r"|Designer|Developer|Accountant|Controller|Administrator|Representative|Associate|Assistant"
    r"|Librarian|Chef|Physician|Surgeon|Registrar|Superintendent|Counsel|Attorney|Architect"
    r"|Owner|Founder|CEO|CFO|COO|CTO|VP)s?\b"
)
# Letters after a name written in mixed case, and street-name abbreviations.
MIXED_CASE_LETTERS: frozenset[str] = word_set(
    "phd dphil edd pharmd msc bsc med bed mphil dnp rd st ave blvd hwy ln pkwy sq"
)
GIVEN_NAMES_FILE = DATA_DIR / "given_names.txt"

ORGANISATION_AFTER = re.compile(
    r"\s+(?:Trust|Ltd|Limited|Inc|LLC|LLP|PLC|Plc|GmbH|Group|Foundation|Hospital|University"
    r"|College|School|Academy|Bank|Solicitors|Partners|Council|Institute|Associates|Company"
    r"|Corporation|Centre|Center|Clinic|Pharmacy|Hotel|Inn|Restaurant|Street|Road|Avenue|Lane"
    r"|Square|Building|Tower|House|Hall|Park|Lab|Labs|Laboratory|Laboratories)\b"
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|[(\[{]|[)\]}]|[,;:!?]")
_INITIAL = re.compile(r"^[A-Z]\.$")
# The field of a German doctorate after "Dr.": "Dr. med. Anna Vogel", "Dr. rer. nat.".
DOCTOR_FIELDS: frozenset[str] = frozenset({"med.", "rer.", "nat.", "phil.", "jur.", "dent."})
_HONORIFIC_COMPOUND = re.compile(r"^(?:dr|prof)\.?-ing\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class NameSpan:
    start: int  # where the honorific (or the name) starts in the text
    end: int
    name: str  # as written, without honorific
    honorific: str | None
    name_start: int  # where the name itself starts


def find_names(text: str) -> list[NameSpan]:
    """Every name in the text, in order, spans not overlapping. A run followed by an
    organisation word ("Te Whare Manaaki Trust", "Straits Harbour Bank") is no one."""
    return list(_names_in(text))


def forget_names() -> None:
    """Empty the cache of names found (called once per e-mail, so a timing is honest)."""
    _names_in.cache_clear()


@lru_cache(maxsize=4096)
def _names_in(text: str) -> tuple[NameSpan, ...]:
    # The reader asks about the same line several times (mentions, asides, the candidate).
    if _all_capitals(text):
        # "MS. NURUL HUDA BINTI AZMAN   SENIOR ENGINEER": a line in capitals is read as
        # if written in title case (the same length, so spans still point into the text).
        text = SMALL_WORDS.sub(lambda word: word.group().lower(), text.title())
    tokens = [(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]
    spans: list[NameSpan] = []
    index = 0
    while index < len(tokens):
        found = _name_at(text, tokens, index)
        if found is None:
            index += 1
            continue
        span, index = found
        if span is not None and not ORGANISATION_AFTER.match(text[span.end :]):
            spans.append(span)
    return tuple(spans)


# Words that stay lower case when a line in capitals is read in title case ("HEAD OF HOUSING").
SMALL_WORDS = re.compile(r"\b(?:Of|And|The|For|In|At|To|On|With|From)\b")


# What makes a line in capitals a roster line rather than a heading, an address or a
# signature: a time ("09:00 – 09:45 MR. ROBERT LIM") or an honorific before a name.
# A numbered item ("1) JENNIFER LAWSON") or a name and a title is a roster line too.
_ROSTER_IN_CAPITALS = re.compile(
    r"\d{1,2}[:.h]\d\d|\b\d{1,2}\s*[AP]\.?M\b|\b(?:MR|MRS|MS|DR|PROF|MISS|ENGR|CLLR)\b\.?\s+[A-Z]"
    r"|^\s*(?:\d{1,2}|[a-hA-H])[).]\s+[A-Z]"
    # "JENNIFER LAWSON - HEAD OF HOUSING": two or three words, a dash, a title
    r"|^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,2}\s+[-–—|]\s+[A-Z]"
)


def _all_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(letters) >= 4
        and all(ch.isupper() for ch in letters)
        and len(text.title()) == len(text)
        and _ROSTER_IN_CAPITALS.search(text) is not None
    )


def _next_to(text: str, tokens: list[tuple[int, int, str]], left: int, right: int) -> bool:
    """Whether two tokens are separated by spaces on the same line only."""
    gap = text[tokens[left][1] : tokens[right][0]]
    return gap != "" and gap.strip(" ") == "" or gap == ""


def _name_at(
    text: str, tokens: list[tuple[int, int, str]], start: int
) -> tuple[NameSpan | None, int] | None:
    """The name starting at a token and the token after it; (None, after) for a run of
    capitalised common words to skip whole ("Consolidated Mark Sheet"); None otherwise."""
    index = start
    honorifics: list[str] = []
    if (
        tokens[index][2].lower() in PROFESSOR_RANKS
        and index + 1 < len(tokens)
        and tokens[index + 1][2].lower().rstrip(".") in {"prof", "professor"}
        and _next_to(text, tokens, index, index + 1)
    ):
        honorifics.append(tokens[index][2])  # "Associate Professor Samir Haddad"
        index += 1
    while index < len(tokens) and (
        _is_honorific(tokens[index][2])
        or (honorifics and tokens[index][2].lower() in DOCTOR_FIELDS)  # "Dr. med."
    ):
        if honorifics and not _next_to(text, tokens, index - 1, index):
            break
        honorifics.append(tokens[index][2])
        index += 1
    if (
        not honorifics
        and tokens[index][2] == "M."
        and index + 2 < len(tokens)
        and _next_to(text, tokens, index, index + 1)
        and _word_kind(tokens[index + 1][2]) == "word"
        and _word_kind(tokens[index + 2][2]) == "word"
        and _next_to(text, tokens, index + 1, index + 2)
    ):
        # French "M. Olivier St-Pierre": Monsieur before a given name and a surname, not
        # an initial (an initial before a full given name and a surname is rare)
        honorifics.append(tokens[index][2])
        index += 1
    first_name_token = index
    words: list[str] = []
    ends: list[int] = []
    surname = -1  # the token of a surname from SURNAME_WORDS, if one ends the name
    while index < len(tokens):
        token = tokens[index][2]
        if index > start and not _next_to(text, tokens, index - 1, index):
            break
        kind = _word_kind(token)
        if kind is None and _inside_name(tokens, index, words):
            kind = "word"  # "Tran Thi Thu Ha": a given name that is also a day's short form
        if kind is None and _surname_after_given_name(text, tokens, index, words):
            words.append(token)  # "Helen Ward, Office Manager": a surname that is a word
            ends.append(index)
            surname = index
            index += 1
            break
        if kind is None:
            break
        words.append(token)
        ends.append(index)
        index += 1
        if (
            token.endswith(".")
            and kind == "word"
            and (
                token.rstrip(".").lower() not in NAME_ABBREVIATIONS
                or (token.lower() == "st." and len(words) < 2)  # "St. Helens" is a place
            )
        ):
            break  # "... with Keisha Brown." ends the sentence and the name
    # No particle or initial at the end (but "Senthil Nathan R.," keeps its initial); a
    # leading particle only after an honorific.
    trailing_initial = (
        len(words) >= 3
        and _word_kind(words[-1]) == "initial"
        and all(_word_kind(word) == "word" for word in words[:-1])
        and (ends[-1] + 1 >= len(tokens) or tokens[ends[-1] + 1][2] in {",", ";", ")"})
    )
    while words and _word_kind(words[-1]) in {"particle", "initial"} and not trailing_initial:
        words.pop()
        ends.pop()
    if not honorifics:
        while words and _word_kind(words[0]) == "particle":
            words.pop(0)
            first_name_token += 1
    if not words:
        return None
    proper = [
        word for i, word in enumerate(words) if _word_kind(word) == "word" or ends[i] == surname
    ]
    weak_only = honorifics and all(h.lower().rstrip(".") in WEAK_HONORIFICS for h in honorifics)
    if weak_only and _word_kind(words[0]) != "word":
        return None
    needed = 1 if honorifics or _initials_first(words) else 2
    if not needed <= len(proper) <= 5:
        return None
    if (
        not honorifics
        and _all_common_words(proper)
        and not (len(proper) <= 3 and TITLE_AFTER.match(text[tokens[ends[-1]][1] :]))
    ):
        return None, ends[-1] + 1
    last = ends[-1]
    name_start = tokens[first_name_token][0]
    name_end = tokens[last][1]
    name = text[name_start:name_end].rstrip(".")
    if name.endswith((".", "-")):
        name = name.rstrip(".-")
    honorific = " ".join(h.rstrip(".") if len(honorifics) == 1 else h for h in honorifics)
    span = NameSpan(
        tokens[start][0] if honorifics else name_start,
        name_start + len(name),
        name,
        honorific.strip() or None,
        name_start,
    )
    return span, last + 1


def _initials_first(words: list[str]) -> bool:
    """ "J. R. Whitaker", "M. A. Osei-Bonsu": initials then a surname that is not an
    English word ("Plan B. Then" is no one)."""
    kinds = [_word_kind(word) for word in words]
    if len(words) < 2 or kinds[0] != "initial" or kinds[-1] != "word":
        return False
    if any(kind == "word" for kind in kinds[:-1]):
        return False
    english, _ = _lexicons()
    surname = words[-1].strip(".").casefold()
    return not all(_is_english(part, english) for part in re.split(r"[-'’]", surname) if part)


@cache
def _lexicons() -> tuple[frozenset[str], frozenset[str]]:
    """English words and given names; without the English model, no English words (the
    shape rules alone then decide)."""
    given = frozenset(
        line.strip()
        for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    try:
        english = nlp.english_lemmas()
    except nlp.NlpUnavailable:
        english = frozenset()
    return english, given


def _all_common_words(words: list[str]) -> bool:
    """Whether every word is an English word and none a given name: "Cardiac Step-Down",
    "Parent Governor", "Intellectual Property" are not people; "Mark Bell" is."""
    english, given = _lexicons()
    if not english:
        return False
    if words[0].casefold() in given:
        return False  # a given name first: "Mark Bell", "Grace Hall"
    parts = [
        part.casefold() for word in words for part in re.split(r"[-'’]", word.strip(".")) if part
    ]
    return all(_is_english(part, english) for part in parts)


def _is_english(word: str, english: frozenset[str]) -> bool:
    """The word or its stem: "lettings" -> "letting" -> "let", "sheets" -> "sheet"."""
    stems = {word, word[:-1] if word.endswith("s") else word}
    for suffix, replacement in (("ings", ""), ("ing", ""), ("ing", "e"), ("ies", "y"), ("es", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + replacement
            stems.update({stem, stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem})
    return any(stem in english for stem in stems)


def _is_honorific(token: str) -> bool:
    bare = token.lower().rstrip(".")
    return bare in HONORIFICS or _HONORIFIC_COMPOUND.match(token) is not None


# Short forms of days and months that are also given names inside a name ("Thu", "Sun",
# Burmese "Khin Mar Cho").
MIDDLE_NAME_WORDS: frozenset[str] = word_set("thu sun jun may mai mar")


# Surnames that are also words the reader keeps out of names ("Ward", "Hall", "May").
SURNAME_WORDS: frozenset[str] = word_set("ward hall street may bank best cook day dean field head")


def _surname_after_given_name(
    text: str, tokens: list[tuple[int, int, str]], index: int, words: list[str]
) -> bool:
    """ "Helen Ward, Office Manager", "James Hall (Head of IT)": one of SURNAME_WORDS after
    a lone given name, with a job title after it; not "Victoria Street, London"."""
    token = tokens[index][2]
    return (
        len(words) == 1
        and is_given_name(words[0])
        and token.lower() in SURNAME_WORDS
        and token[:1].isupper()
        and not token.isupper()
        and TITLE_AFTER.match(text[tokens[index][1] :]) is not None
    )


def _inside_name(tokens: list[tuple[int, int, str]], index: int, words: list[str]) -> bool:
    token = tokens[index][2]
    return (
        bool(words)
        and token.lower() in MIDDLE_NAME_WORDS
        and token[:1].isupper()
        and index + 1 < len(tokens)
        and _word_kind(tokens[index + 1][2]) == "word"
    )


def _word_kind(token: str) -> str | None:
    """ "word" for a capitalised name word, "particle", "initial", or None."""
    bare = token.rstrip(".")
    lowered = bare.lower()
    if _INITIAL.match(token):
        return "initial"
    if lowered in NAME_PARTICLES and (bare.islower() or lowered in {"ní", "ó", "mac"}):
        return "particle"
    if lowered in NAME_ABBREVIATIONS and token.endswith("."):
        return "word"
    if len(bare) < 2 or not bare[0].isupper() or bare.isupper():
        return None
    if lowered in NOT_NAME_WORDS or lowered in HONORIFICS:
        return None
    if bare.endswith(("'s", "’s")) or not all(ch.isalpha() or ch in "'’-" for ch in bare):
        return None
    if "." in token.rstrip(".") or lowered in MIXED_CASE_LETTERS:
        return None
    return "word"


def is_full_name(text: str) -> bool:
    """Whether the whole text is one name (with or without honorific)."""
    spans = find_names(text.strip())
    return len(spans) == 1 and spans[0].start == 0 and spans[0].end >= len(text.strip()) - 1


def split_honorific(name: str) -> tuple[str | None, str]:
    """("Dr", "Amara Okafor") for "Dr. Amara Okafor"; (None, name) without one."""
    spans = find_names(name)
    if spans and spans[0].honorific and spans[0].start == 0:
        return spans[0].honorific, name[spans[0].name_start :].strip()
    first, _, rest = name.partition(" ")
    if rest and first.lower().rstrip(".") in HONORIFICS:
        return first.rstrip("."), rest
    return None, name


def proper_words(name: str) -> list[str]:
    """The name words of a name, without particles and initials: "Ní Bhriain" -> one."""
    return [
        word
        for word in name.split()
        if _word_kind(word) == "word" and word.lower() not in NAME_PARTICLES
    ]


def is_given_name(word: str) -> bool:
    """Whether a word is a known given name ("Siobhán" and "Siobhan" both are)."""
    _, given = _lexicons()
    plain = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return word.casefold() in given or plain in given
