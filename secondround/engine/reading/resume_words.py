"""Word lists for reading a résumé (roles, employers, places, verbs) and its dates."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- vocabulary


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _name_set(text: str) -> frozenset[str]:
    """Names separated by '|', whitespace (and line breaks) collapsed."""
    return frozenset(" ".join(name.split()) for name in text.split("|"))


ACTION_VERBS = word_set(
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
OUTCOME_VERBS = word_set(
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
STOPWORDS = word_set(
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

ROLE_WORDS = word_set(
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
EMPLOYER_WORDS = word_set(
    """
    ltd limited inc inc. llc llp plc gmbh corp corp. corporation co co. company group
    hospital hospitals nhs trust school academy college university council bank
    restaurant hotel bistro brasserie café cafe logistics partners associates services
    solutions systems technologies technology labs studio agency foundation charity
    centre center clinic practice stores store supermarket retail foods health home
    homes homecare software ag sa bv industries holdings ventures consulting media
    """
)
PLACES = word_set(
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
