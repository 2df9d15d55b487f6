"""How an interviewer relates to the role, from what the e-mail says and from the title.

What the e-mail says about the reporting line ("you would report to her", "Alex's
manager", "the line manager for this post") beats what a title suggests, so the notes
beside a name are read first and the title only after. Titles are compared with the role
applied for: a "Senior Data Analyst" on the panel for a Data Analyst post is a peer.
"""

from __future__ import annotations

import re

from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "CREDENTIALS",
    "RELATION_RULES",
    "another_field",
    "field_words",
    "manages_the_field",
    "infer_relation",
    "relation_for",
    "same_job",
    "title_rank",
]

# Ordered: the first rule that matches "title + context" wins.
RELATION_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), relation)
    for pattern, relation in (
        # What the e-mail says about the reporting line beats what the title suggests,
        # so a "Director" who is "your manager's manager" is not filed as a senior leader.
        # "His/her manager" in an invitation points back at the hiring manager just named.
        (
            r"(?:manager|boss)'?s (?:manager|boss)|skip[- ]level|manager reports to"
            r"|whom the (?:role'?s |hiring )?manager reports|\b(?:his|her|their) (?:own )?"
            r"(?:manager|boss|line manager)\b|\bmy (?:boss|manager|line manager)\b",
            "managers_manager",
        ),
        (
            r"hiring (?:manager|authority)|(?:you|you'd|you'll|position|role|job|post|this role"
            r"|the role)(?: would| will)? reports? (?:directly )?(?:in)?to|reporting (?:directly )?"
            r"to|your (?:future |new |direct |line |immediate |prospective |field )?(?:manager"
            r"|boss|supervisor|superior)\b|\bdirect manager|\bline manager|reporting manager"
            r"|(?:to )?whom"
            r" (?:the |this )?(?:post|role|position|job|successful candidate|you|director\b[\w ]*)"
            r" (?:would |will )?reports?|reports? (?:in)?to (?:him|her|them)\b|supervisor of"
            r" (?:the|this) (?:post|position|role)|(?:you(?:'d| would| will)?|you'll) (?:be )?"
            r"work(?:ing)? (?:under|for)\b|(?:you'd|you would|you will|you'll) be under\b"
            r"|(?:would|will) be your manager|your manager if"
            r"|leads the [\w ]{0,30}team you(?:'d| would| will) (?:be )?join|you would report"
            r"|\b(?:department|dept\.?) (?:chair|head)\b|\b(?:chair|head),? (?:of )?(?:the )?"
            r"department\b|\bhead of department\b",
            "hiring_manager",
        ),
        # Before senior_leader: a "Director of Human Resources" interviews as HR.
        (
            r"\bHR\b|human (?:resources|capital)|recruit|talent acquisition|talent partner"
            r"|people (?:business )?partner|people (?:team|operations|&|and)"
            r"|people (?:&|and) culture|head of people|people manager|\bHRM\b",
            "hr",
        ),
        # Governance and representation rather than the line: governors, trustees, unions.
        (
            r"\bgovernors?\b|\btrustees?\b|board of (?:trustees|governors|directors)|\bunion\b"
            r"|shop steward|student government|staff (?:advisory )?council|works council"
            r"|faculty (?:senate"
            r"|assembly)|external (?:member|assessor|panel member)|lay member"
            r"|(?<!resources )representative\b|\bcounsel\b",
            "other",
        ),
        # Before senior_leader: "Principal Engineer" is an expert, "Principal" a head teacher.
        (
            r"architect|principal (?:engineer|scientist|consultant|analyst|data)|staff engineer"
            r"|distinguished engineer|clinical (?:nurse )?specialist|clinical educator"
            r"|subject[- ]matter expert|subject expert|tech(?:nical)? lead|consultant"
            r"|specialist|practice lead|lead (?:[\w ]{0,20})?(?:electrician|engineer|agronomist"
            r"|scientist|developer|pharmacist|researcher|designer|architect)"
            r"|senior [\w ]*(?:engineer|analyst|scientist|administrator"
            r"|advisor|adviser|accountant)\b",
            "technical_expert",
        ),
        (
            r"\bVP\b|vice[- ]president|\bdirector\b|\bhead of\b|\bhead,|\bchief\b|\bC[EFOTIMN]O\b"
            r"|\bprincipal\b|\bdean\b|\bprovost\b|board chair|chair of the board|superintendent"
            r"|\bpresident\b|general manager|managing partner|\bpartner\b(?!\s+team)"
            r"|headteacher|head teacher|regional [\w ]*head|group head|\bhead\b",
            "senior_leader",
        ),
        # Before peer: "a colleague from Finance" is cross-department, not a teammate.
        (
            r"\bfrom (?:the |our )?(?:marketing|finance|sales|operations|product|legal"
            r"|engineering|IT|customer success|support|procurement|supply chain|pharmacy"
            r"|admissions|design|data)\b|partner team|another (?:team|department)"
            r"|\bfrom (?:the|our) (?:faculty|school|department|division|college) of\b"
            r"|other department|cross[- ]functional",
            "cross_department",
        ),
        (
            r"\bpeers?\b|teammate|team member|\bon (?:the|his|her|their|your) team\b"
            r"|colleague|work(?:s|ing)? (?:closely )?alongside\b|(?:you(?:'ll|'d)?"
            r"|you (?:will|would)|closely) (?:be )?work(?:ing)? (?:closely )?(?:together|with)\b"
            r"|same role"
            r"|team you(?:'d| would| will) join|search committee|\bassociate\b",
            "peer",
        ),
    )
)

# Post-nominal letters after a name ("Rebecca Thornton, P.E.", "Samuel Ortiz, PhD"): they
# are neither part of the name nor a job title. Compared without dots, in upper case.
CREDENTIALS: frozenset[str] = word_set(
    """
    PE PENG PMP CPA ACA FCA ACCA FCCA CIMA ACMA CGMA CFA CFP CMA CIA CISA CISM CISSP PHD DPHIL
    EDD MD DDS DMD PHARMD RPH RN BSN MSN DNP NP APRN RGN RMN RNMH LPN CNA CNM MBA MPA MPH MSC
    BSC MA BA MS MED BED JD LLB LLM ESQ SHRM-CP SHRM-SCP PHR SPHR CIPD MCIPD FCIPD CHRP CENG
    MICE FICE MIET MIMECHE LEED AIA RIBA FRICS MRICS CPSM CSCP CPIM MRCP FRCS FRCP MRCGP FACHE
    CPHQ CCRN CEN OBE MBE CBE QC KC FCMA CMGR MCMI FCMI WBCS IAS IPS CA ACS FRS FRSC FRCPATH
    FRCOG FRCA FRCR FRCPSYCH AICP CMSRN PCT DGKP MAG
    """
)

# Words of rank or seniority, left out when comparing a title with the role's.
SENIORITY = re.compile(
    r"\b(?:senior|sr\.?|junior|jr\.?|i{1,3}|iv|\d)\b",
    re.IGNORECASE,
)
# Last words that say little about the job: "Manager", "Officer".
GENERIC_HEADS = word_set(
    "manager managers officer officers director lead leader assistant specialist coordinator"
    " head supervisor executive partner associate advisor adviser representative"
)
ABOVE_ROLE = re.compile(r"\b(?:chief|head|director|vp|vice|manager|dean|principal)\b", re.I)
# A rank below the job's name: an "Assistant Store Manager" is not a "Store Manager".
RANK_BELOW = re.compile(r"\b(?:assistant|deputy|associate|junior|trainee|apprentice)\b", re.I)


def infer_relation(title: str | None, context: str = "") -> str | None:
    """The relation id the first matching RELATION_RULES entry gives, or None."""
    described = " ".join(part for part in (title, context) if part)
    for pattern, relation in RELATION_RULES:
        if pattern.search(described):
            return relation
    return None


def _words(title: str) -> list[str]:
    title = re.sub(r"\([^)]*\)", " ", title)
    title = title.split(",")[0].split(" - ")[0].split(":")[0]
    plain = SENIORITY.sub(" ", title.casefold().replace("&", " and "))
    words = re.findall(r"[^\W\d_]+", plain)
    return [w[:-1] if w.endswith("s") and len(w) > 4 and not w.endswith("ss") else w for w in words]


def same_job(title: str | None, role: str | None) -> bool:
    """Whether an interviewer's title is the job applied for, seniority aside."""
    if not title or not role:
        return False
    if ABOVE_ROLE.search(title) and not ABOVE_ROLE.search(role):
        return False
    if bool(RANK_BELOW.search(title)) != bool(RANK_BELOW.search(role)):
        return False
    mine, theirs = _words(title), _words(role)
    if not mine or not theirs:
        return False
    if mine == theirs:
        return True
    tail = theirs[-2:] if len(theirs) >= 2 else theirs
    if len(tail) == 2 and mine[-2:] == tail:
        return True
    return len(mine) == 1 and theirs[-1] not in GENERIC_HEADS and mine[-1] == theirs[-1]


def relation_for(title: str | None, context: str, role: str | None) -> str | None:
    """Notes first, then the same job as the role (a peer), then the title's rules."""
    if (said := infer_relation(None, context)) is not None:
        return said
    if same_job(title, role):
        return "peer"
    return infer_relation(title)


# Words that say the rank or kind of a job rather than its field: "Credit Risk Manager"
# and "Credit Analyst" share the field "credit".
RANK_WORDS = re.compile(
    r"\b(?:manager|managers|management|lead|leader|head|director|supervisor|officer|senior"
    r"|junior|assistant|associate|deputy|chief|principal|specialist|advisor|adviser|analyst"
    r"|coordinator|representative|executive|consultant|partner|vice|president|vp|team|staff"
    r"|general|group|regional|area|district|global|acting|interim|trainee|graduate|of|and|the"
    r"|for|in|at|&|i{1,3}|iv)\b",
    re.IGNORECASE,
)
# Titles that lead people, trades' crew leaders ("Leading Hand", "Foreman") included.
MANAGING = re.compile(
    r"\b(?:manager|supervisor|head|lead|director|chef|superintendent|principal|chair|foreman"
    r"|forewoman|leading hand|charge ?hand)\b",
    re.I,
)


def field_words(title: str | None) -> set[str]:
    """The field a title names: "Head of Credit Risk" -> {"credit", "risk"}."""
    if not title:
        return set()
    plain = re.sub(r"\([^)]*\)", " ", title.casefold())
    plain = RANK_WORDS.sub(" ", plain.replace("&", " and "))
    words = {word.rstrip("s") for word in re.findall(r"[^\W\d_]{3,}", plain)}
    return words


# Titles above a first-line manager: they lead managers, not the role.
ABOVE_LINE = re.compile(
    r"\b(?:director|vp|vice[- ]president|president|chief|head of|dean|provost|partner)\b", re.I
)


def manages_the_field(title: str | None, role: str | None) -> bool:
    """A first-line managing title in the role's own field: "Credit Risk Manager" for a
    Credit Analyst, "Head Chef" for a Sous Chef; not a director, not an assistant."""
    if not title or not role or not MANAGING.search(title):
        return False
    # An "Assistant Director" is the first line in public services (EL1 over APS officers).
    first_line_director = re.search(r"\bassistant director\b", title, re.I) is not None
    if ABOVE_LINE.search(title) and not first_line_director:
        return False
    if RANK_BELOW.search(title) and not RANK_BELOW.search(role) and not first_line_director:
        return False
    if re.search(r"\bchef\b", role, re.I) and re.search(r"\bhead chef\b", title, re.I):
        return True
    return bool(field_words(title) & field_words(role))


def another_field(title: str | None, role: str | None) -> bool:
    """A specialist title from another field than the role's ("Revenue Cycle Analyst" on a
    Patient Access panel). Managers are left out: a "Warehouse Operations Manager" is as
    likely the role's own line as another department."""
    if not title or MANAGING.search(title) or ABOVE_LINE.search(title):
        return False
    mine, theirs = field_words(title), field_words(role)
    return bool(mine) and bool(theirs) and not _share_a_stem(mine, theirs)


def _share_a_stem(mine: set[str], theirs: set[str]) -> bool:
    """ "accountant" and "accounts", "nursing" and "nurse": a shared stem of five letters."""
    return any(a[:5] == b[:5] and min(len(a), len(b)) >= 5 or a == b for a in mine for b in theirs)


# How high a title stands, 0 (trainee) to 5 (the top of an organisation), from its words:
# the first rank from the top whose words it has; None when nothing says.
RANKS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (rank, re.compile(pattern, re.IGNORECASE))
    for rank, pattern in (
        (
            5,
            r"\b(?:chief\s+(?!nurse\b|pharmacist\b)\w+|C[A-Z]{1,2}O|president(?<!vice president)"
            r"|owner|founder|managing director|executive director|headteacher|head teacher"
            r"|chair of (?:the )?governors|provost(?<!vice provost)|principal(?!\s+\w*(?:engineer"
            r"|scientist|consultant|analyst|planner|investigator|officer|lecturer)))\b",
        ),
        (
            4,
            r"\b(?:vice[- ]president|VP|SVP|EVP|vice provost|dean|director(?<!assistant director)"
            r"(?<!associate director)|head of (?:school|department|faculty|division)"
            r"|general manager|regional \w*\s*manager|district manager|area manager|divisional)\b",
        ),
        (
            3,
            r"\b(?:manager|head|chair|associate director|assistant director|superintendent"
            r"|controller|principal investigator|matron)\b",
        ),
        (
            2,
            r"\b(?:lead|supervisor|coordinator|team leader|charge nurse|principal|staff engineer"
            r"|senior|specialist|consultant|educator|advis[eo]r|professor)\b",
        ),
        (0, r"\b(?:junior|trainee|intern|graduate|apprentice|student|assistant)\b"),
        (
            1,
            r"\b(?:engineer|analyst|officer|nurse|teacher|associate|representative|accountant"
            r"|executive|scientist|developer|designer|technician|clerk|planner|lecturer|fellow"
            r"|therapist|physiotherapist|pharmacist|chef|cook|practitioner|worker|agent)\b",
        ),
    )
)
DEPUTY = re.compile(r"\b(?:deputy|depute|vice)\b", re.IGNORECASE)


def title_rank(title: str | None) -> int | None:
    """0 (trainee) to 5 (chief executive); None when the title says nothing of rank. A
    deputy stands one below the title deputised for ("Deputy Headteacher")."""
    if not title:
        return None
    for rank, pattern in RANKS:
        if pattern.search(title):
            return rank - 1 if rank > 1 and DEPUTY.search(title) else rank
    return None
