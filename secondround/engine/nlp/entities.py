"""What kind of thing a term is: a tool, a procedure, a metric, a competitor...

The drafters put terms into frames that only fit one kind of thing: "How would you explain
{a tool} to a colleague who has never used it?", "What part would this role play in {an
initiative}?". A term's kind comes from what the user and the engine already know, in this
order (`entity_index` is the one place that decides):

1. the research profile: competitors, products, launches (initiatives), values;
2. a kind given with the term (the posting reader types its skills: tool, procedure,
   certification, knowledge area), or the glossary meaning the user wrote ("their TMS",
   "catheter infection prevention checklist", "patient satisfaction survey");
3. the term's own words: a schedule ("every third weekend"), an adjective ("detail-
   oriented"), a certification ("ACLS"), a metric ("on-time rate", "OTIF"), a procedure
   ("medication administration"), a coined name ("MercuryGate": a tool).

Never capitalisation alone, and a competitor is never a term to learn or ask about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "Entity",
    "EntityIndex",
    "Kind",
    "entity_index",
    "is_greeting",
    "is_schedule",
    "opens_with_duty_verb",
    "kind_of_text",
    "noun_shaped",
    "SLOT_KINDS",
    "accepts_all",
]


class Kind(StrEnum):
    TOOL = "tool"  # software, equipment, a system: "Epic", "Alaris pumps", "Kronos"
    PROCEDURE = "procedure"  # a way of doing the work: "SBAR", "CAUTI bundle", "month-end close"
    CERTIFICATION = "certification"  # a person's licence or certificate: "ACLS", "CPA"
    KNOWLEDGE = "knowledge_area"  # a body of knowledge or rules: "US GAAP", "NEC", "cold chain"
    PRODUCT = "product"  # what the company sells
    INITIATIVE = "initiative"  # a project, launch or programme: "Magnet redesignation"
    METRIC = "metric"  # a measure: "OTIF", "HCAHPS", "on-time rate"
    VALUE = "value"  # a value or service standard: "Guest First"
    ORGANISATION = "organisation"  # another body: an exam board, a regulator, a customer
    COMPETITOR = "competitor"
    SCHEDULE = "schedule"  # when the work happens: "every third weekend", "nights"
    PERSON = "person"  # someone the candidate met: never a topic to ask about
    NOT_A_SKILL = "not_a_skill"  # an adjective or a trait: "detail-oriented"
    TERM = "term"  # a company term of no known kind


# Kinds a "{skill}" or "{term}" slot may be filled with, for the bank and the ask library.
SLOT_KINDS = frozenset(
    {
        Kind.TOOL,
        Kind.PROCEDURE,
        Kind.CERTIFICATION,
        Kind.KNOWLEDGE,
        Kind.PRODUCT,
        Kind.INITIATIVE,
        Kind.METRIC,
        Kind.VALUE,
        Kind.TERM,
    }
)

# Words of a glossary meaning (or of the term) that say its kind, first match wins.
MEANING_CUES: tuple[tuple[Kind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (Kind.COMPETITOR, r"\b(?:competitors?|competes?|competing|rival)\b"),
        (
            Kind.CERTIFICATION,
            r"\b(?:certificat(?:e|ion)|licen[cs]e|credential|qualification|certified|exam(?!\s+board))\b",
        ),
        (
            Kind.METRIC,
            r"\b(?:score|rate|ratio|measure|metric|kpi|index|survey|average|percentage|"
            r"margin|per\s+\w+|value-added|benchmark|turnover|count)\b",
        ),
        (
            Kind.TOOL,
            r"\b(?:software|system|platform|app|application|tool|database|erp|ehr|emr|tms|"
            r"pms|crm|wms|pumps?|monitors?|machine|device|equipment|scanner|portal|"
            r"spreadsheet|tracker|workbook|dashboards?|program(?:me)? we use|library|cloud|log)\b",
        ),
        (
            Kind.PROCEDURE,
            r"\b(?:checklist|bundle|protocol|procedure|process|method|practice|routine|"
            r"handoff|hand-?over|technique|workflow|meeting|review|audit|analysis|"
            r"report(?:ing)?|assessment|walk|exercise|drill|framework)\b",
        ),
        (
            Kind.INITIATIVE,
            r"\b(?:project|programme|program|initiative|rollout|roll-out|migration|launch|"
            r"expansion|designation|redesignation|accreditation|recognition|strategy|plan|"
            r"renovation|campaign|pilot|transformation|upgrade|acquisition)\b",
        ),
        (
            Kind.KNOWLEDGE,
            r"\b(?:standard|law|statute|regulation|code|rules|act|principles|gaap|ifrs|theory)\b",
        ),
        (
            Kind.ORGANISATION,
            r"\b(?:board|regulator|agency|council|union|customer|client|account|vendor|supplier)\b",
        ),
        (
            Kind.VALUE,
            r"\b(?:value|values|motto|standard of service|service standard|culture|promise)\b",
        ),
        (Kind.PRODUCT, r"\b(?:product|brand|line|service we sell|offering)\b"),
    )
)
SCHEDULE = re.compile(
    r"\b(?:weekends?|holidays?|nights?|night\s+shifts?|days?\s+off|shifts?|on[- ]call|"
    r"rotation|rotating|overtime|hours?|schedule|self[- ]?scheduling|full[- ]time|"
    r"part[- ]time|per\s+diem|12[- ]hour|8[- ]hour|every\s+(?:other|third|second)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|travel\s+required|hybrid|"
    r"availability|hrs?|evenings?|(?:a|per)\s+(?:week|fortnight)|fortnightly|rota|"
    r"\d+\s*(?:x|×)\s*\d+)\b",
    re.IGNORECASE,
)
# What follows a name in a list line: "Calderbrook Council (pays more)", "Acme - bigger".
NAME_ASIDE = re.compile(r"\s*(?:\(|\s[-–—]\s|:\s|,\s).*$")
TRAVEL_CONDITION = re.compile(
    r"\b(?:driv(?:ing|er'?s?|er’s)\s+licen[cs]e|access\s+to\s+a\s+(?:car|vehicle)|"
    r"own\s+(?:car|vehicle|transport)|clean\s+(?:driving\s+record|mvr))\b",
    re.IGNORECASE,
)
# Words that may sit between schedule words: "evenings and some weekends", "days or nights".
SCHEDULE_GLUE = word_set(
    "and or some most occasional occasionally alternate alternating including inc incl out after "
    "the a per on of to x × every other second third day days week weeks month"
)
TRAITS = word_set(
    "detail-oriented self-motivated motivated flexible reliable dependable punctual "
    "organized organised enthusiastic passionate driven proactive friendly positive "
    "energetic hardworking hard-working team-player adaptable resilient dynamic "
    "fast-paced professional confident strong excellent good great outstanding"
)
CERTIFICATION_WORDS = word_set(
    "BLS ACLS PALS NRP PCCN CCRN CEN TNCC CPA CMA CFA ACCA CIMA PMP AICP CDL QTS "
    "CPR PE EIT CCNA CISSP AWS-SAA SHRM-CP PHR NCLEX CPC CSCP"
)
# Job titles are who does the work, never a skill: "registered nurse", "RN", "analyst".
ROLE_WORDS = word_set(
    "rn rns lpn lvn cna nurse nurses teacher teachers manager managers engineer engineers "
    "analyst analysts technician technicians electrician electricians accountant "
    "accountants planner planners assistant assistants associate associates supervisor "
    "supervisors director directors officer officers clerk clerks agent agents driver "
    "drivers developer developers designer designers coordinator coordinators specialist "
    "specialists consultant consultants representative representatives apprentice "
    "journeyman journeyperson auditor auditors physician physicians"
)
METRIC_WORDS = word_set(
    "OTIF KPI KPIs SLA SLAs SLO SLOs NPS CSAT HCAHPS EBITDA ROI AHT FCR DSO DPO MTTR LOS "
    "ADR RevPAR GOPPAR OEE TRIR ARR MRR CAC LTV GMV AOV UPT"
)
METRIC_HEADS = word_set(
    "rate rates score scores ratio margin margins turnover retention utilisation "
    "utilization throughput yield occupancy attendance accuracy backlog time times cost "
    "costs miles conversion shrink revenue revenues profit profits volume "
    "volumes absence absences sickness wastage"
)
PROCEDURE_HEADS = word_set(
    "administration titration assessment assessments reconciliation reconciliations "
    "documentation analysis review audit audits planning scheduling reporting handoff "
    "handover report bundle protocol checklist close closing care charting triage "
    "troubleshooting bending installation inspection testing maintenance training "
    "onboarding interviewing forecasting budgeting costing invoicing billing routing "
    "dispatch dispatching coaching mentoring supervision monitoring practice practicals "
    "differentiation prevention safety lockout tagout retrieval intervention interventions "
    "repair repairs servicing install installs commissioning"
)
# Heads of a body's name: "Planning Commission", "City Council", "Review Board", "Ontario
# College of Pharmacists", "Food Safety Authority of Ireland".
ORGANISATION_HEADS = word_set(
    "commission commissions council councils board boards committee committees department "
    "agency authority ministry bureau tribunal court regulator college association society "
    "institute inspectorate ombudsman federation union trust foundation hub team teams "
    "insurer scheme herald gazette bulletin tribune chronicle examiner telegraph"
)
# A team of the employer named alone: the people one works with, never a skill to ask about
# ("sales" and "concierge" may also be the work itself: only a guess says which).
DEPARTMENTS = frozenset(
    {
        "marketing",
        "hr",
        "qa",
        "qc",
        "it",
        "fp&a",
        "housekeeping",
        "reception",
        "procurement",
        "purchasing",
        "legal",
        "front desk",
        "front office",
        "back office",
        "front of house",
        "back of house",
        "ops",
        "admissions",
    }
)
# Heads of a phrase naming people or the parties worked with or for ("health visitors",
# "retirement home clients", "sporting clubs", "suppliers"): never a skill.
PARTY_HEADS = word_set(
    "client clients customer customers patient patients resident residents guest guests "
    "student students pupil pupils parent parents carer carers family families visitor "
    "visitors volunteer volunteers grad grads graduate graduates staff colleague colleagues "
    "partner partners supplier suppliers vendor vendors contractor contractors police gp gps "
    "doctor doctors chef chefs commis brigade member members child children club clubs "
    "school schools hospital hospitals tenant tenants homeowner homeowners employer "
    "employers owner owners people person crew crews"
)
# What the job gives, not what the candidate does: "professional indemnity insurance",
# "APA membership", "CE days", "spiff", "paid CPD".
BENEFIT_HEADS = word_set(
    "insurance membership memberships allowance allowances bonus bonuses spiff spiffs "
    "stipend stipends pension pensions discount discounts leave reimbursement uniform "
    "uniforms parking perk perks benefit benefits sponsorship relocation days salary pay "
    "commission commissions"
)
# Retirement savings the employer pays into, in any country: "401(k) match", "RRSP matching".
RETIREMENT_WORDS = word_set("401k 401(k) 403b rrsp kiwisaver superannuation pension pensions ira")
FLUENCY_WORDS = word_set("fluent native conversational basic business spoken written good")
# Greetings and sign-offs, in the languages users mix into English notes and postings ("Kia
# ora!", "Dia dhuit", "Namaste"): a way of saying hello is never a skill, a tool or a topic.
GREETINGS = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "hiya",
        "howdy",
        "greetings",
        "good morning",
        "good afternoon",
        "good evening",
        "g'day",
        "gday",
        "cheers",
        "thanks",
        "thank you",
        "many thanks",
        "kind regards",
        "best regards",
        "best wishes",
        "regards",
        "bye",
        "goodbye",
        "kia ora",
        "tēnā koe",
        "tena koe",
        "mōrena",
        "morena",
        "talofa",
        "malo e lelei",
        "bula",
        "aloha",
        "dia dhuit",
        "dia duit",
        "sláinte",
        "slainte",
        "namaste",
        "namaskar",
        "vanakkam",
        "salaam",
        "salam",
        "as-salamu alaykum",
        "shalom",
        "sawubona",
        "jambo",
        "habari",
        "hola",
        "buenos días",
        "buenos dias",
        "bonjour",
        "salut",
        "ciao",
        "servus",
        "moin",
        "hallo",
        "guten tag",
        "hej",
        "hei",
        "olá",
        "ola",
        "bom dia",
        "konnichiwa",
        "ni hao",
        "nǐ hǎo",
        "annyeong",
        "annyeonghaseyo",
        "sawasdee",
        "xin chào",
        "merhaba",
        "privet",
        "dzień dobry",
        "ahoj",
        "yassou",
        "kamusta",
        "mabuhay",
        "selamat pagi",
    }
)
GREETING_TAIL = word_set("there all everyone team folks guys whanau whānau koutou")
KNOWLEDGE_HEADS = word_set(
    "knowledge chain law laws code codes standards regulations principles theory gaap ifrs physics "
    "chemistry biology pharmacology anatomy curriculum housing zoning"
)
# What a phrase's head noun (its lemma, whatever modifies it) names, where the head alone
# says it: a "reach truck" is a truck and a "review platform" a platform (tools); a
# "privilege log", "deposition outlines" or "fund releases" are pieces of work kept or done
# (procedures); "local rules" and "funder guidelines" are rules (knowledge); a "billable-
# hour target" is a target (a metric), "temp agencies" and the "works council" are bodies,
# "leadership experience" and "temporary workers" are no skill at all.
HEAD_TOOLS = word_set(
    "truck forklift calendar analyser analyzer scanner camera printer microscope centrifuge "
    "transducer probe ventilator defibrillator monitor pump laptop tablet handset radio drone "
    "crane hoist excavator oscilloscope multimeter gauge lathe kiosk software app platform "
    "database spreadsheet tracker dashboard portal machine device equipment tool toolkit "
    "workbook"
)  # not "system" nor "application": "electrical systems", "land use applications"
HEAD_PROCEDURES = word_set(
    "log logbook record register entry submission proposal outline binder notebook briefing "
    "clinic therapy radiography handling recruitment redaction release compliance "
    "declaration filing injection biopsy scan examination procedure process protocol "
    "checklist bundle workflow technique method routine audit review assessment inspection "
    "reconciliation report reporting"
)
HEAD_KNOWLEDGE = word_set(
    "rule guideline guidance policy legislation act directive regulation standard law code "
    "principle theory"
)
HEAD_METRICS = word_set("target kpi error accident")
HEAD_BODIES = word_set(
    "agency council committee union ministry regulator authority funder insurer tribunal"
)
HEAD_NO_SKILL = word_set("experience worker temp aide prefect fellow")
HEAD_KINDS: dict[str, Kind] = {
    **{w: Kind.TOOL for w in HEAD_TOOLS},
    **{w: Kind.PROCEDURE for w in HEAD_PROCEDURES},
    **{w: Kind.KNOWLEDGE for w in HEAD_KNOWLEDGE},
    **{w: Kind.METRIC for w in HEAD_METRICS},
    **{w: Kind.ORGANISATION for w in HEAD_BODIES},
    **{w: Kind.NOT_A_SKILL for w in HEAD_NO_SKILL},
}
# A rate of work: "units per hour", "bins per day" (but "40 hours per week" is a schedule).
RATE = re.compile(
    r"^(?!.*\b(?:hours?|hrs?|days?|shifts?|weeks?|nights?)\s+(?:per|a|an)\b)"
    r".*[a-z]\s+(?:per|/)\s*(?:hour|hr|day|shift|week|month|visit|patient|case|head)\b",
    re.IGNORECASE,
)
# A part of an Act ("Schedule 3", "Schedule 2A"), a protected title held by registration
# ("Registered Veterinary Nurse", "RCVS Registered Veterinary Nurse"; lower case "registered
# nurse" is the job), a language at a CEFR level ("German at least B2").
SCHEDULE_OF_LAW = re.compile(r"Schedule\s+\d+[A-Z]?")
REGISTERED_TITLE = re.compile(r"(?:^|\s)(?:Registered|Chartered|Certified|Licensed)\s+[A-Z][a-z]")
LANGUAGE_LEVEL = re.compile(
    r"^[A-Z][a-z]+(?:\s+(?:at\s+least|level|min(?:imum|\.)?))?\s*\(?[ABC][12]\+?\)?$"
)
# Leave the job gives: "30 days holiday", "5.6 weeks holiday", "4 weeks vacation".
LEAVE = re.compile(
    r"\b\d[\d.]*\s*(?:weeks?|days?|wks?)\s+(?:of\s+)?(?:paid\s+|annual\s+)?"
    r"(?:holidays?|leave|vacation|pto)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Entity:
    text: str
    kind: Kind
    source: str  # "competitors", "products", "glossary", "posting", "words"...
    # False for a posting's common-noun phrase whose kind only the posting reader guessed
    # ("sales", "concierge", "variances"): slots take sure terms first.
    sure: bool = True
    # Every kind the term may be: a way of working and a body of knowledge are hard to
    # tell apart from the words alone ("food safety", "safeguarding"), so a guessed one
    # only fills a frame that reads right for either. Empty: the kind alone.
    kinds: frozenset[Kind] = frozenset()

    def plausible(self) -> frozenset[Kind]:
        return self.kinds or frozenset({self.kind})


@dataclass(frozen=True)
class EntityIndex:
    """Terms and their kinds, looked up case-insensitively."""

    entities: dict[str, Entity] = field(default_factory=dict)

    def kind(self, text: str) -> Kind:
        """The kind of a term: known, or read from its own words."""
        found = self.entities.get(_key(text))
        return found.kind if found is not None else kind_of_text(text)

    def kinds(self, text: str) -> frozenset[Kind]:
        """Every kind the term may be (see Entity.kinds): a frame must fit them all."""
        found = self.entities.get(_key(text))
        if found is not None:
            return found.plausible()
        kind = kind_of_text(text)
        return _plausible(kind, sure=False)

    def sure(self, text: str) -> bool:
        """Whether the term's kind rests on more than a guess (see Entity.sure)."""
        found = self.entities.get(_key(text))
        return found.sure if found is not None else kind_from_cues(text) is not None

    def is_competitor(self, text: str) -> bool:
        folded = _key(text)
        return any(
            entity.kind is Kind.COMPETITOR and (folded == key or key in folded)
            for key, entity in self.entities.items()
        )

    def names(self) -> list[str]:
        """Every term known, the employer and the people met apart."""
        return [
            entity.text
            for entity in self.entities.values()
            if entity.source not in {"people", "organisations"}
        ]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def entity_index(
    *,
    skills: Iterable[tuple[str, str | None]] = (),
    glossary: Iterable[tuple[str, str]] = (),
    products: Sequence[str] = (),
    launches: Sequence[str] = (),
    competitors: Sequence[str] = (),
    values: Sequence[str] = (),
    organisations: Sequence[str] = (),
    people: Sequence[str] = (),
    skills_confirmed: bool = False,
) -> EntityIndex:
    """Every known term with its kind; see the module docstring for the order of evidence.

    `skills` are (name, kind or None) from the posting reader, or as the user saved them
    (`skills_confirmed`: their kinds are then kept as given); `glossary` is (term, meaning);
    `organisations` are the employer's own names and `people` the interviewers' (full name
    and first name): a slot is never filled with either ("the most complex piece of work
    you have done with Calloway Outdoor Brands", "What experience do you have with Victor?").
    """
    entities: dict[str, Entity] = {}
    skills = list(skills)
    glossary = list(glossary)
    _parse_ahead(
        [name for name, _ in skills]
        + [term for term, _ in glossary]
        + [*products, *launches, *values]  # the ask list reads every name known
    )

    def add(
        text: str,
        kind: Kind,
        source: str,
        *,
        overwrite: bool = False,
        sure: bool = True,
        kinds: frozenset[Kind] = frozenset(),
    ) -> None:
        key = _key(text)
        if key and (overwrite or key not in entities):
            entities[key] = Entity(text.strip(), kind, source, sure, kinds)

    employer = _employer_words(organisations)
    # The employer's products without its name ("Ledgerly Invoicing" is "invoicing" there).
    own_products = {
        " ".join(w for w in name.split() if w.casefold() not in employer).casefold()
        for name in products
    }

    def employers_own(text: str) -> Kind | None:
        """A name carrying the employer's own name ("Marula app") or one of its products
        without it is the employer's product, never a tool the candidate has used; the
        employer's distinctive name alone ("Kirkdale") is the employer."""
        if _key(text) in own_products:
            return Kind.PRODUCT  # "invoicing" where the employer sells "Ledgerly Invoicing"
        folded = [w.casefold() for w in re.findall(r"[\w'’-]+", text)]
        if not folded or not employer:
            return None
        if all(w in employer for w in folded):
            return Kind.ORGANISATION
        if any(w in employer for w in folded):
            return Kind.PRODUCT
        return None

    for name in competitors:
        add(name, Kind.COMPETITOR, "competitors", overwrite=True)
        # "Calderbrook Council (pays £4k supplement)": the name without the user's aside
        add(NAME_ASIDE.sub("", name), Kind.COMPETITOR, "competitors", overwrite=True)
    for name in organisations:
        add(name, Kind.ORGANISATION, "organisations", overwrite=True)
        # "The Salthouse" is also "Salthouse" in its own posting
        add(
            re.sub(r"^the\s+", "", name, flags=re.IGNORECASE),
            Kind.ORGANISATION,
            "organisations",
            overwrite=True,
        )
    for name in people:
        add(name, Kind.PERSON, "people", overwrite=True)
        first = name.split()[0] if name.split() else ""
        if len(first) > 1 and first.casefold() not in nlp.english_lemmas():
            add(first, Kind.PERSON, "people", overwrite=True)
    for name in products:
        add(name, Kind.PRODUCT, "products")
    for name in launches:
        add(name, Kind.INITIATIVE, "launches")
    for name in values:
        add(name, Kind.VALUE, "values")
    for term, meaning in glossary:
        kind = _kind_from_meaning(term, meaning)
        own = kind_from_cues(term)
        if own in {Kind.NOT_A_SKILL, Kind.SCHEDULE, Kind.ORGANISATION}:
            kind = own  # "spiff: bonus per install": a benefit, whatever its meaning measures
        if kind in {Kind.TOOL, Kind.TERM, Kind.KNOWLEDGE} or _key(term) in own_products:
            kind = employers_own(term) or kind
        # The user's meaning says a way of working or a body of rules only through its
        # words: both readings stay open unless it names one ("checklist", "standard").
        said = _meaning_cue(meaning) is not None
        add(term, kind, "glossary", kinds=_plausible(kind, sure=said))
    for name, given in skills:
        # The term's own words first where they say its kind clearly ("product knowledge",
        # "conversion", "every third weekend", "registered nurse"): the posting reader
        # always picks one of four skill types, and its pick is a guess more often.
        cued = kind_from_cues(name)
        given_kind = _given_kind(given)
        if skills_confirmed and given_kind is not None:
            kind = given_kind
        elif given_kind is Kind.ORGANISATION:
            # Only the posting's own sentence says a skill is a body ("to ANRF, DBT and
            # other funders"): it beats a same-named tool ("dbt") from the word lists.
            kind = given_kind
        else:
            kind = cued or given_kind or kind_of_text(name)
        if _body_name(name):
            kind = Kind.ORGANISATION  # a body the work answers to, whatever the reader said
        if kind in SLOT_KINDS - {Kind.CERTIFICATION} and not noun_shaped(name):
            kind = Kind.NOT_A_SKILL  # a duty's verb ("troubleshoot") the reader took for a tool
        # A name ("Epic", "NEC", "Opera PMS") or a phrase whose words say its kind is sure;
        # a common-noun phrase typed by the reader alone ("sales", "platforms") is not.
        if kind in {Kind.TOOL, Kind.TERM, Kind.KNOWLEDGE} or _key(name) in own_products:
            kind = employers_own(name) or kind
        sure = skills_confirmed or cued is not None or _name_shaped(name)
        kinds = _plausible(kind, sure=skills_confirmed and given_kind is not None)
        add(name, kind, "posting", sure=sure, kinds=kinds)
    for name in _product_names(products):
        # Last: the user's glossary or the posting may say more ("MedsCheck": a review).
        add(name, Kind.PRODUCT, "products")
    return EntityIndex(entities)


# Kinds the words alone cannot tell apart: "food safety", "child protection", "safeguarding".
NEIGHBOUR_KINDS = frozenset({Kind.PROCEDURE, Kind.KNOWLEDGE})


def _plausible(kind: Kind, *, sure: bool) -> frozenset[Kind]:
    if not sure and kind in NEIGHBOUR_KINDS:
        return NEIGHBOUR_KINDS
    return frozenset({kind})


def accepts_all(accepts: Iterable[str], kinds: Iterable[Kind | str]) -> bool:
    """Whether a frame that takes `accepts` reads right for every kind the term may be; a
    frame that names no kinds takes only a term of no known kind."""
    wanted = {str(k) for k in kinds}
    allowed = {str(a) for a in accepts}
    if not allowed:
        return wanted == {str(Kind.TERM)}
    return bool(wanted) and wanted <= allowed


def _employer_words(organisations: Sequence[str]) -> set[str]:
    """The distinctive words of the employer's names ("Marula" of "Marula Bank")."""
    english = nlp.english_lemmas()
    words = set()
    for name in organisations:
        for word in re.findall(r"[\w'’-]+", name):
            folded = word.casefold()
            if (
                word[:1].isupper()
                and folded not in english
                and folded not in ORGANISATION_HEADS
                and len(folded) > 2
            ):
                words.add(folded)
    return words


def _product_names(lines: Sequence[str]) -> list[str]:
    """A product line's own name before its common-noun tail: "Smile Club" of "Smile Club
    membership plan", "Comfort Club" of "Comfort Club maintenance plan"."""
    names = []
    for line in lines:
        line = NAME_ASIDE.sub("", line).strip()
        words = line.split()
        lead = []
        for word in words:
            if not word[:1].isupper():
                break
            lead.append(word)
        if 0 < len(lead) < len(words):
            names.append(" ".join(lead))
    return names


def _name_shaped(text: str) -> bool:
    """ "Opera PMS", "NEC", "Xero", "AS/NZS 1554.1": a name, not a common word that only
    opens a line ("Cloud", cut from "Opera Cloud", or "Sales")."""
    words = text.split()
    if not words or text.islower():
        return False
    if len(words) > 1 or any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:]):
        return True
    return text.casefold() not in nlp.english_lemmas()


def _parse_ahead(texts: Sequence[str]) -> None:
    """Parse the terms in one batch: `noun_shaped` and the drafters that read them next find
    their parses cached (the parser is about twice as fast on a batch)."""
    phrasing.prepare(texts)
    try:
        nlp.parse_many([text for text in dict.fromkeys(" ".join(t.split()) for t in texts) if text])
    except nlp.NlpUnavailable:
        return


def _given_kind(given: str | None) -> Kind | None:
    if not given:
        return None
    folded = given.casefold().replace(" ", "_")
    aliases = {"knowledge": Kind.KNOWLEDGE, "knowledge_area": Kind.KNOWLEDGE, "skill": None}
    if folded in aliases:
        return aliases[folded]
    try:
        return Kind(folded)
    except ValueError:
        return None


def _meaning_cue(meaning: str) -> Kind | None:
    """What the user's meaning says the term is: a competitor first, then what its head
    noun names (a body: "Food Safety Authority of Ireland"; a job: "environmental health
    officer"), then its cue words."""
    if not meaning.strip():
        return None
    first = MEANING_CUES[0]
    if first[1].search(meaning):
        return first[0]
    if is_schedule(meaning):
        return Kind.SCHEDULE  # "out of hours", "every other weekend" (not "hours of service")
    head = _meaning_head(meaning)
    if head in ORGANISATION_HEADS or _body_name(NAME_ASIDE.sub("", meaning).strip()):
        return Kind.ORGANISATION
    if head in ROLE_WORDS or head in PARTY_HEADS:
        return Kind.NOT_A_SKILL
    for kind, pattern in MEANING_CUES[1:]:
        if head and pattern.fullmatch(head):
            return kind  # "lifting equipment inspection rules": rules, whatever they are of
    headed = kind_of_head(NAME_ASIDE.sub("", meaning).strip())
    if headed is not None:
        return headed  # "haematology analyser": what the head noun names
    rest = meaning[_first_head_at(meaning) :]
    for kind, pattern in MEANING_CUES[1:]:
        if pattern.search(rest):
            return kind
    return None


def _first_head_at(meaning: str) -> int:
    """Where the head noun of the meaning's first noun phrase starts, when it is a common
    noun: the words before it only modify it (a "minimum equipment list" is no equipment,
    "recipe costing software they use" is software). 0 when the parse says nothing."""
    try:
        doc = nlp.parse(meaning)
    except nlp.NlpUnavailable:
        return 0
    chunks = list(doc.noun_chunks)
    if not chunks:
        return 0
    root = chunks[0].root
    return int(root.idx) if root.pos_ == "NOUN" and root.text.islower() else 0


def _meaning_head(meaning: str) -> str:
    """The head noun of a meaning's first noun phrase ("authority" of "Food Safety
    Authority of Ireland"): the last word before a preposition, a dash or a comma."""
    return _head_word(meaning).casefold()


def _head_word(text: str) -> str:
    """`_meaning_head` as written (its case kept)."""
    words = re.findall(r"[\w'’&-]+|[,;:()–—]", text)
    head = ""
    for word in words:
        if word in {",", ";", ":", "(", ")", "–", "—"} or word.casefold() in PREPOSITIONS:
            if head:
                break
            continue
        head = word
    return head


PREPOSITIONS = word_set("of for in on at to with from by about across - and or")


def head_lemma(text: str) -> str:
    """The lemma of a phrase's head noun, folded: the last word of its first noun phrase
    (before a preposition, a bracket or a comma: "docket" of "docket of 40+ matters"),
    lemmatized by the shared parse ("outlines": "outline"); a word in capitals is kept."""
    head = _meaning_head(text)
    if not head:
        return ""
    try:
        doc = nlp.parse(" ".join(text.split()))
    except nlp.NlpUnavailable:
        return head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    for token in doc:
        if token.lower_ == head:
            if token.text.isupper() or not token.is_alpha or head.endswith(("ing", "ed")):
                return head  # "calendaring" is the work, not a calendar; "registered with"
            lemma = str(token.lemma_).casefold()
            if lemma == head and head.endswith("s") and head[:-1] in HEAD_KINDS:
                return head[:-1]  # a capitalised plural the tagger kept whole ("Rules")
            return lemma
    return head


def kind_of_head(text: str) -> Kind | None:
    """What the phrase's head noun alone says it is (HEAD_KINDS), for a phrase of common
    nouns or one whose last word is such a noun: never a name alone ("Office", "Monitor"),
    and a capitalised head names a way of working only in lower case ("Cat Friendly
    Clinic" is an award, "weight clinics" are work)."""
    words = text.split()
    if not words or (len(words) == 1 and not text.islower()):
        return None
    kind = HEAD_KINDS.get(head_lemma(text))
    if kind is Kind.PROCEDURE and not _head_word(text).islower():
        return None
    if kind is Kind.TOOL and len(words) == 1:
        return None  # "platforms", "equipment" alone: too vague to ask about as a tool
    return kind


def _kind_from_meaning(term: str, meaning: str) -> Kind:
    cued = _meaning_cue(meaning)
    if cued is not None:
        return cued
    found = kind_of_text(term)
    if meaning.strip() and found is Kind.TOOL:
        # A coined name is taken for a tool only when nothing says otherwise: "BOPIS, buy
        # online pick up in store" is a way of working, not software.
        return Kind.TERM
    return found


GAZETTEER = DATA_DIR / "skills_gazetteer.txt"
# Sections of the posting reader's gazetteer whose every name is one kind of thing.
GAZETTEER_SECTIONS = {
    "programming languages": Kind.TOOL,
    "frameworks and libraries": Kind.TOOL,
    "databases and data": Kind.TOOL,
    "bi and analytics tools": Kind.TOOL,
    "cloud, devops, infrastructure": Kind.TOOL,
    "office tools": Kind.TOOL,
    "spoken languages": Kind.NOT_A_SKILL,
    "driving and licences": Kind.CERTIFICATION,
}


@cache
def _gazetteer_kinds() -> dict[str, Kind]:
    """Names of the gazetteer's one-kind sections ("Excel", "Power BI": tools)."""
    kinds: dict[str, Kind] = {}
    section: Kind | None = None
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# ---"):
            section = GAZETTEER_SECTIONS.get(line.removeprefix("# ---").strip().casefold())
        elif line and not line.startswith("#") and section is not None:
            kinds[line.removeprefix("=").casefold()] = section
    return kinds


def noun_shaped(text: str) -> bool:
    """Whether a term can stand where a frame wants a thing (a noun phrase): not a verb
    phrase ("troubleshoot", "titrate cardiac medications", "drivers to fix problem
    lanes") and not something belonging to someone ("Store Manager's absence").

    A lowercase opening word the lexicon knows only as a verb makes a verb phrase, whatever
    the tagger guessed for the words alone; so does a finite or base verb, or "to" before
    a verb, anywhere in the parse. Capitalised words are names ("Go", "Excel") and pass.
    """
    words = text.split()
    if not words:
        return False
    if re.search(r"\w['’]s\b", text):
        return False
    lemmas = nlp.lemma_index()
    first = words[0].casefold()
    if (
        words[0].islower()
        and first in lemmas.get("verb", frozenset())
        and first not in lemmas.get("noun", frozenset())
        and first not in lemmas.get("adj", frozenset())
    ):
        return False
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return True
    nouns = lemmas.get("noun", frozenset())
    for token in doc:
        if not token.text.islower():
            continue
        verb = token.tag_ in {"VB", "VBP", "VBZ", "VBD", "MD"} and token.dep_ not in {
            "amod",
            "compound",
        }
        # "Alaris pumps", "support": a word that is also a noun is a verb only where it
        # opens the phrase and takes an object ("bend conduit", "keep service tickets").
        opens = token.i == 0 and len(doc) > 1
        if verb and (opens or token.lemma_.casefold() not in nouns):
            return False
        if token.tag_ == "TO" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "VERB":
            return False
    return True


NAME_LINKS = word_set("of the and for & de du la le")


def _body_name(text: str) -> bool:
    """ "Planning Commission", "Ontario College of Pharmacists", "Social Work England": a
    capitalised name that holds a body's head or ends in a country or a place."""
    words = text.split()
    content = [w for w in words if w.casefold() not in NAME_LINKS]
    if len(content) < 2 or not all(w[:1].isupper() for w in content if w.isalpha()):
        return False
    if HEAD_KINDS.get(head_lemma(text)) is Kind.KNOWLEDGE:
        return False  # "Illinois Supreme Court Rules": the court's rules, not the court
    if any(w.casefold() in ORGANISATION_HEADS for w in content):
        return True
    return _place_named(text)


def _place_named(text: str) -> bool:
    """A name whose last word the parser reads as a place ("WorkCover Queensland", "Social
    Work England"): a body of that place, not a tool."""
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return False
    last = doc[-1] if len(doc) else None
    return last is not None and last.ent_type_ == "GPE" and len(doc) > 1


def is_schedule(text: str) -> bool:
    """Only when the work happens: "5 x 10 hr days", "evenings and some weekends" (and not
    "schedule and train new hires", whose verbs make it a duty)."""
    words = re.findall(r"[\w×/-]+", text.casefold())
    schedule = [w for w in words if SCHEDULE.fullmatch(w) or w.isdigit()]
    return (
        bool(schedule)
        and all(SCHEDULE.fullmatch(w) or w.isdigit() or w in SCHEDULE_GLUE for w in words)
        and not all(w in SCHEDULE_GLUE or w.isdigit() for w in words)
    )


def _plural_head(text: str) -> bool:
    """Whether a phrase's head is a plural count noun ("deposition outlines"): a body of
    knowledge is named by a mass noun ("cold chain", "food safety"), work by its items."""
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        last = text.split()[-1]
        return last.endswith("s") and not last.endswith(("ss", "us", "is"))
    heads = [t for t in doc if t.head.i == t.i]
    return bool(heads) and heads[0].tag_ == "NNS"


# A company's legal form ends its name: "Rheinland Fulfilment GmbH", "Acme Pty Ltd".
LEGAL_FORM = re.compile(
    r"\b(?:GmbH|AG|KG|Ltd|Limited|LLC|LLP|Inc|Corp|Corporation|plc|PLC|Pty|S\.?A\.?|"
    r"S\.?p\.?A|B\.?V\.?|N\.?V\.?|Oy|AB|ASA|A/S|SARL|SAS|Srl|K\.?K\.?|Pvt)\.?"
    # at the end of the name, or before another form ("(Pty) Ltd", "GmbH & Co. KG"); an
    # acronym that opens a term ("ASA grade", "AB testing") is no legal form
    r"(?=\)?\s*(?:$|[,(;:]|[-–—]\s)|\)?\s+(?:Ltd|Limited|Inc|LLC|AG|KG|&|Co)\b)"
)


def kind_of_text(text: str) -> Kind:
    """A term's kind from its own words, when nothing else says."""
    clean = " ".join(text.split())
    if not clean:
        return Kind.NOT_A_SKILL
    found = kind_from_cues(clean)
    if found is not None:
        return found
    words = re.findall(r"[A-Za-z0-9&+#.-]+", clean)
    folded = [w.casefold().strip(".") for w in words]
    if folded and folded[-1].endswith(("tion", "ment", "ing", "sis")) and clean.islower():
        return Kind.PROCEDURE  # "medication administration", "wound debridement"
    english = nlp.english_lemmas()
    coined = [
        w for w in words if w[:1].isupper() and not w.isupper() and w.casefold() not in english
    ]
    if english and coined and len(words) <= 3:
        return Kind.TOOL  # "MercuryGate", "FloQast", "Kronos": a coined name
    # An acronym alone ("MVR", "FP&A", "PCI DSS") could be a tool, a metric, a standard or a
    # department: it is only a term, asked about as a term.
    if clean.islower() and len(words) >= 2:
        if _plural_head(clean):
            return Kind.PROCEDURE  # "deposition outlines", "fund releases": pieces of work
        return Kind.KNOWLEDGE  # "cold chain", "middle housing"
    return Kind.TERM


def _not_a_skill(clean: str, folded: list[str]) -> Kind | None:
    """A term that is no skill by its own words: a benefit ("APA membership", "paid CPD"),
    a language ("fluent English"), a size ("142 rooms"), the people or parties worked
    with ("health visitors", "sporting clubs")."""
    if not folded:
        return None
    head = folded[-1]
    retirement = any(w in RETIREMENT_WORDS for w in folded) or "401(k)" in clean
    if (
        retirement
        or folded[0] == "paid"
        or head in BENEFIT_HEADS
        and not any(w.isdigit() for w in folded)
    ):
        return Kind.NOT_A_SKILL
    spoken = [w for w in folded if w not in FLUENCY_WORDS]
    languages = _gazetteer_kinds()
    if spoken and len(spoken) < len(folded) and " ".join(spoken) in languages:
        return languages[" ".join(spoken)]
    if re.fullmatch(r"\d[\d,]*", folded[0]) and len(folded) > 1 and "%" not in clean:
        return Kind.NOT_A_SKILL  # "142 rooms", "140 covers": a size, not a skill
    if head in PARTY_HEADS:
        bodies = {"club", "clubs", "school", "schools", "hospital", "hospitals"}
        return Kind.ORGANISATION if head in bodies else Kind.NOT_A_SKILL
    return None


def is_greeting(text: str) -> bool:
    """ "Kia ora!", "Hi there", "Dia dhuit": a greeting or sign-off alone."""
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text.casefold())
    while len(words) > 1 and words[-1] in GREETING_TAIL:
        words.pop()
    return bool(words) and " ".join(words).replace("’", "'") in GREETINGS


def kind_from_cues(text: str) -> Kind | None:
    """A term's kind when its own words say it clearly (a known name, a schedule, a trait
    or a job title, a certificate, a metric, a procedure's or a body of knowledge's head
    noun, a code); None when only a guess from its shape would say."""
    clean = " ".join(text.split())
    if not clean:
        return None
    if TRAVEL_CONDITION.search(clean):
        return Kind.NOT_A_SKILL  # "full UK driving licence": a condition of the job
    if is_greeting(clean):
        return Kind.NOT_A_SKILL  # "Kia ora!", "Dia dhuit": a hello, not a skill
    if _body_name(clean) or LEGAL_FORM.search(clean):
        return Kind.ORGANISATION  # a body, or a company by its legal form
    listed = _gazetteer_kinds().get(clean.casefold())
    if listed is not None:
        return listed
    if clean.casefold() in DEPARTMENTS:
        return Kind.ORGANISATION  # "QA", "front desk", "sales": the people one works with
    words = re.findall(r"[A-Za-z0-9&+#.%-]+", clean)
    folded = [w.casefold().strip(".") for w in words]
    thing_head = len(folded) > 1 and any(
        pattern.search(_meaning_head(clean))
        for kind, pattern in MEANING_CUES
        if kind in {Kind.TOOL, Kind.PROCEDURE}
    )  # "rota spreadsheet", "shift handover checklist": a thing the schedule word qualifies
    if SCHEDULE_OF_LAW.fullmatch(clean):
        return Kind.KNOWLEDGE  # "Schedule 3": a part of an Act, not a rota
    if REGISTERED_TITLE.search(clean):
        return Kind.CERTIFICATION  # "Registered Veterinary Nurse": a protected title
    if LANGUAGE_LEVEL.search(clean):
        return Kind.NOT_A_SKILL  # "German at least B2": a language
    if LEAVE.search(clean) or (
        len(folded) > 1
        and folded[-1] in BENEFIT_HEADS - {"days"}
        and not any(w.isdigit() for w in folded)
    ):
        return Kind.NOT_A_SKILL  # "30 days holiday", "shift allowances": what the job gives
    if RATE.search(clean):
        return Kind.METRIC  # "units per hour": a rate, not when the work happens
    headed = kind_of_head(clean)
    # "12 trucks" is a size; "1,650 billable-hour target" still a target
    sized = bool(folded) and re.fullmatch(r"\d[\d,]*", folded[0]) is not None
    sized = sized and headed is not Kind.METRIC
    if headed and not sized and noun_shaped(clean) and not _certificate_words(clean, words):
        return headed  # "Schedule 3 procedures", "billable-hour target", "reach truck"
    if SCHEDULE.search(clean) and not thing_head and not any(w in PROCEDURE_HEADS for w in folded):
        # "stock rotation", "crop rotation": a schedule word qualified by what it is of
        # names a way of working, not when the work happens.
        qualified = (
            len(folded) > 1
            and SCHEDULE.fullmatch(folded[-1]) is not None
            and not any(
                SCHEDULE.fullmatch(w) or w in SCHEDULE_GLUE or w.isdigit() for w in folded[:-1]
            )
        )
        if not qualified:
            return Kind.SCHEDULE
    not_a_skill = _not_a_skill(clean, folded)
    if not_a_skill is not None:
        return not_a_skill
    if all(w in TRAITS for w in folded) or (folded and folded[-1] in ROLE_WORDS):
        return Kind.NOT_A_SKILL
    head = folded[-1] if folded else ""
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if _certificate_words(clean, words):
        return Kind.CERTIFICATION
    if not noun_shaped(clean):
        return Kind.NOT_A_SKILL
    if any(w in METRIC_WORDS for w in words) or (folded and folded[-1] in METRIC_HEADS):
        return Kind.METRIC
    if len(words) > 1 and (head in PROCEDURE_HEADS or singular in PROCEDURE_HEADS):
        return Kind.PROCEDURE  # the head first: "heat pump repairs" are repairs, not a pump
    # The phrase's head noun says what it is, never a modifier before it ("project
    # timelines" are no project, a "project database" is a database); in "tracker in
    # excel" the head is the word before the preposition.
    phrase_head = _meaning_head(clean)
    for kind, pattern in MEANING_CUES:
        # A cue word alone ("Cloud", "Platform") is too vague to say what it names.
        cued = kind in {Kind.TOOL, Kind.PROCEDURE, Kind.INITIATIVE} and len(words) > 1
        if cued and phrase_head and pattern.search(phrase_head):
            return kind
    if head in PROCEDURE_HEADS or singular in PROCEDURE_HEADS:
        return Kind.PROCEDURE
    if head in KNOWLEDGE_HEADS or singular in KNOWLEDGE_HEADS:
        return Kind.KNOWLEDGE
    if any(re.fullmatch(r"[A-Z]{2,6}", w) for w in words) and any(
        re.fullmatch(r"\d[\w.-]*", w) for w in words
    ):
        return Kind.KNOWLEDGE  # "NFPA 70E", "ASC 842", "ORS 197": a code or standard
    return None


CERTIFICATE = re.compile(
    r"\b(?:licen[cs]e|certificat\w*|certified|degree|bachelor'?s?|master'?s?|diploma"
    # "NVQ Level 3": a qualification's level; "OSHA 30"; an accredited course
    r"|level\s+\d|osha[- ]?\d+|accredited\b.*\b(?:program(?:me)?|course|degree)"
    r"|journey(?:person|man)|red\s+seal)\b",  # a trade's ticket
    re.IGNORECASE,
)


def _certificate_words(clean: str, words: list[str]) -> bool:
    """ "BLS", "CPA-track", "NVQ Level 3", "forklift licence": a licence or qualification."""
    pieces = [piece for w in words for piece in w.split("-")]  # "CPA-track", "BLS-certified"
    return any(w.upper() in CERTIFICATION_WORDS for w in pieces) or bool(CERTIFICATE.search(clean))


# Verbs of working alongside a party: "Partner with FP&A", "Work with housekeeping".
PARTNER_VERBS = word_set("work partner liaise collaborate coordinate communicate")
# After a name: the rest of a list that ends in the people the work is for.
CLIENT_LIST = re.compile(
    r"(?:,\s*[\w.&'’ -]{1,30}?)*(?:\s*,?\s+(?:and|or|&)\s+[\w.&'’ -]{1,30}?)?\s+"
    r"(?:clients?|patients?|customers?|claims?|claimants?|participants?|members?)\b",
    re.IGNORECASE,
)
LINKING_WORDS = re.compile(r"\b(?:for|to|with|of|in|on|at|by|from|support|serve|help)\b", re.I)
# Before a name: "knowledge of", "understanding of ... and", in the same clause.
KNOWLEDGE_OF = re.compile(
    r"\b(?:knowledge|understanding|awareness|familiarity|grasp)\s+(?:of|with)\s+[^.;:()]*$",
    re.IGNORECASE,
)
REGISTRATION_WORDS = word_set(
    "registration register registered membership member accreditation accredited licensed "
    "licence license licensure standing regulated certified chartered"
)
# "BLS and ACLS required", "PCCN preferred": a requirement, said of a real skill.
REQUIREMENT_VERBS = word_set("require prefer desire need welcome expect value encourage want")


# The last item of a list says what kind of thing the list holds: "ANRF, DST and other
# funders", "fillings, extractions and other dental procedures".
LIST_TAIL = re.compile(
    r"^(?:\s*,\s*[^,;:()]{1,40}?)*,?\s+(?:and|or|&)\s+(?P<last>[^,;:()]{1,40}?)\s*(?:[,;:().]|$)"
)
# Or the noun a list is introduced by: "funders such as DST and ICMR".
LIST_OPENER = re.compile(
    r"\b(?P<head>[a-z][\w-]*)\s*,?\s+(?:such as|including|incl\.?|like|e\.g\.,?)\s+"
    r"(?:[^;:()]{0,60}?,\s*)?$"
)
LIST_BODY_HEADS = word_set(
    "funders funding agencies bodies regulators carriers insurers payers lenders banks "
    "airlines ministries universities councils authorities boards charities ngos"
)
LIST_PROCEDURE_HEADS = word_set("procedures tasks checks tests techniques treatments operations")
LIST_KNOWLEDGE_HEADS = word_set("rules guidelines regulations standards acts laws codes frameworks")
# Before a name the work follows: "as per GFR 2017", "in accordance with HACCP".
RULES_BEFORE = re.compile(
    r"\b(?:as\s+per|per|in\s+(?:line|accordance|compliance)\s+with|"
    r"compl(?:y|ying|iant|iance)\s+with|according\s+to|conform(?:ing)?\s+to|"
    r"adher(?:e|ing|ence)\s+to)\s+(?:the\s+)?(?:[^;:().]{0,40}?,\s*)?$",
    re.IGNORECASE,
)
# Verbs of producing or doing a piece of work: their common-noun object is work done (a
# procedure: "Prepare deposition outlines", "Run weight clinics"), not a tool one operates.
DOING_VERBS = word_set(
    "prepare draft write run track complete conduct perform deliver process review check "
    "file plan hold organise organize facilitate record log compile submit produce "
    "coordinate arrange carry assist"
)


def _list_kind(name: str, sentence: str, start: int, end: int) -> Kind | None:
    """The kind a list's common-noun head gives each of its items."""
    heads = []
    tail = LIST_TAIL.match(sentence[end:])
    if tail and tail.group("last").islower():
        heads.append(_meaning_head(tail.group("last")))
    opener = LIST_OPENER.search(sentence[:start])
    if opener:
        heads.append(opener.group("head").casefold())
    for head in heads:
        if head in LIST_BODY_HEADS or (head.endswith("s") and head in ORGANISATION_HEADS):
            return Kind.ORGANISATION
        if head in LIST_PROCEDURE_HEADS:
            return Kind.PROCEDURE
        if head in LIST_KNOWLEDGE_HEADS:
            return Kind.KNOWLEDGE
    return None


def kind_in_sentence(name: str, sentence: str) -> Kind | None:
    """What the posting's own sentence shows a skill name is, when that is not a skill:

    * the subject or predicate noun of a clause ("Welds tested to AS/NZS 1554.1", "Study
      support provided", "Brightway is a growing home goods retailer"): something the
      posting says a thing about, not something the candidate uses;
    * whom the work is for ("year-end accounts for sole traders", "for the QA team");
    * a party worked with in a duty ("Partner with FP&A", "Work with dispatch, sales and
      drivers"): an organisation;
    * a noun whose complement was left behind ("an eye for detail");
    * a duty's opening verb taken into the name ("Complete weld maps").

    None when the sentence says nothing against it, or cannot be parsed."""
    start = sentence.casefold().find(name.casefold()) if name.strip() else -1
    if start < 0:
        return None
    end = start + len(name)
    aside = _aside_kind(name, sentence)
    if aside is not None:
        return aside
    in_list = _list_kind(name, sentence, start, end)
    if in_list is not None:
        return in_list
    if _name_shaped(name) and not _body_name(name) and RULES_BEFORE.search(sentence[:start]):
        return Kind.KNOWLEDGE  # "as per GFR 2017": the rules the work follows
    listed = CLIENT_LIST.match(sentence[end:])
    if listed and not LINKING_WORDS.search(listed.group(0)):
        return Kind.ORGANISATION  # "WorkCover, DVA and Medicare clients": whom the work is for
    if KNOWLEDGE_OF.search(sentence[:start]):
        return Kind.KNOWLEDGE  # "sound knowledge of ... the Public Law Outline"
    if _names_then_tool(name, sentence, end):
        return Kind.TOOL  # "Use Philips EPIQ and GE LOGIQ E10 machines"
    try:
        doc = nlp.parse(sentence)
    except nlp.NlpUnavailable:
        return None
    span = [token for token in doc if start <= token.idx < end]
    if not span:
        return None
    inside = {token.i for token in span}
    head = next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[-1])
    anchor = head
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "dispatch, sales and drivers": "sales" is where "dispatch" is
    verb = anchor.head
    said_of = anchor.dep_ in {"nsubj", "nsubjpass"} and verb.tag_ in {"VBN", "VBD"}
    if (said_of and verb.lemma_.casefold() not in REQUIREMENT_VERBS) or (
        anchor.dep_ == "attr" and verb.lemma_ == "be"
    ):
        return Kind.NOT_A_SKILL
    if anchor.dep_ == "pobj":
        preposition = anchor.head
        verb = preposition.head
        if preposition.lower_ == "for":
            return Kind.NOT_A_SKILL
        if preposition.lower_ in {"with", "by"} and (
            verb.lemma_.casefold() in REGISTRATION_WORDS or verb.lower_ in REGISTRATION_WORDS
        ):
            return Kind.ORGANISATION  # "registration with AHPRA": the body one registers with
        if (
            preposition.lower_ == "with"
            and verb.pos_ == "VERB"
            and verb.lemma_.casefold() in PARTNER_VERBS
            and verb.dep_ in {"ROOT", "conj"}
        ):
            return Kind.ORGANISATION
    if (
        len(span) == 1
        and head.dep_ == "pobj"
        and any(child.dep_ == "prep" and child.i not in inside for child in head.children)
    ):
        return Kind.NOT_A_SKILL
    if span[0].i == 0 and len(span) > 1 and opens_with_duty_verb(name):
        return Kind.NOT_A_SKILL
    if _done_object(name, sentence, start, anchor) and kind_from_cues(name) in {
        None,
        Kind.PROCEDURE,
        Kind.KNOWLEDGE,
    }:
        return Kind.PROCEDURE  # "Prepare deposition outlines": a piece of work done
    return None


def _done_object(name: str, sentence: str, start: int, anchor: object) -> bool:
    """A common-noun name that is what a duty's verb of doing makes or runs: the object of
    the verb in the parse, or (the tagger may read an opening "Track" as a noun) a name in
    the list right after the duty's opening verb."""
    if not name.islower():
        return False
    head = getattr(anchor, "head", None)
    if (
        getattr(anchor, "dep_", "") == "dobj"
        and head is not None
        and head.lemma_.casefold() in DOING_VERBS
    ):
        return True
    words = re.findall(r"[\w'’-]+", sentence[:start])
    if not words:
        return False
    lemma = phrasing.verb_lemma_of(words[0].casefold()) or words[0].casefold()
    between = [w.casefold() for w in words[1:]]
    return lemma in DOING_VERBS and not any(w in PREPOSITIONS - {"and", "or"} for w in between)


def _aside_kind(name: str, sentence: str) -> Kind | None:
    """An acronym in brackets is what the words around it are: "flux-cored (FCAW)
    welding", "flux-cored welding (FCAW)" name a procedure."""
    found = re.search(rf"\(\s*{re.escape(name)}\s*\)", sentence)
    if found is None:
        return None
    before = re.findall(r"[\w-]+", sentence[: found.start()])[-1:]
    after = re.findall(r"[\w-]+", sentence[found.end() :])[:1]
    for word in (*after, *before):
        folded = word.casefold()
        if folded in PROCEDURE_HEADS or (folded.endswith("ing") and len(folded) > 5):
            return Kind.PROCEDURE  # "welding", "triage", "counselling"
    # A name in brackets after a tool's noun is that tool: "in our EMR (Ischart)", "the
    # biometric clocking system (Timeware)".
    if before and not name.islower() and _is_tool_noun(before[0]):
        return Kind.TOOL
    return None


def _is_tool_noun(word: str) -> bool:
    folded = word.casefold()
    singular = folded[:-1] if folded.endswith("s") and not folded.endswith("ss") else folded
    tool_cue = next(pattern for kind, pattern in MEANING_CUES if kind is Kind.TOOL)
    return singular in HEAD_TOOLS or tool_cue.fullmatch(folded) is not None


# After a name, the rest of a list of names and the common noun they all are: "Philips EPIQ
# and GE LOGIQ E10 machines", "Alaris pumps", "Sysmex and Abbott analysers".
NAMES_THEN_NOUN = re.compile(
    r"^(?:\s*(?:,|and|or|&|/)\s*[A-Z0-9][\w.+/-]*(?:\s+[A-Z0-9][\w.+/-]*)*)*\s+(?P<noun>[a-z]+)\b"
)


def _names_then_tool(name: str, sentence: str, end: int) -> bool:
    """Whether a capitalised name is followed, after the rest of its list, by a tool's
    common noun ("EPIQ and LOGIQ E10 machines"): the names are those tools."""
    if name.islower() or not (name[:1].isupper() or name[:1].isdigit()):
        return False
    found = NAMES_THEN_NOUN.match(sentence[end:])
    return found is not None and _is_tool_noun(found.group("noun"))


def opens_with_duty_verb(name: str) -> bool:
    """ "Complete weld maps": a duty's opening verb taken into a skill's name."""
    opening = name.split(" ", 1)[0]
    lemmas = nlp.lemma_index()
    folded = opening.casefold()
    return (
        " " in name.strip()
        and opening[:1].isupper()
        and folded in lemmas.get("verb", frozenset())
        and folded not in lemmas.get("noun", frozenset())
        and folded not in _gazetteer_kinds()
    )
