"""Names worth looking up before round 2: products, systems, standards, competitors.

Acronyms (OTIF), CamelCase (NetSuite) and runs of capitalised words (Blue Yonder, Primavera
P6, ASC 842) count wherever they appear; a single capitalised word (Kronos) only where the
sentence talks about using, running or competing, so that people and places stay out; a
"look up:" / "terms:" list gives its items as they are; an answer gives only the tools it
names (`own`). People (a title or "Mr" before the name, a verb of speech after it, or the
parse's PERSON), places, job titles (also an acronym the note uses for the job: "SLP
interview", "the AP asked") and the words every office uses are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from secondround.engine.nlp import parsing as nlp

__all__ = [
    "Term",
    "dedupe_terms",
    "entities_in",
    "extract_terms",
    "role_acronyms",
    "term_list_items",
    "terms_in",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that are not business terms: sentence starters, pronouns, dates.
CAPITAL_STOPWORDS = _wordset(
    "i i'm im i've i'd i'll the they they're theyre their she he we it its it's a an also and "
    "but so then big main our my his her you your q a: this that these those there here what "
    "why how when where who which if in on at for to of with from by as or not no yes ok okay "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december mon tue wed thu fri sat sun today "
    "tomorrow round interview interviewer manager director team company role job overall "
    "asked forgot concerns questions terms challenges next last first second third "
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends "
    "um uh yeah well just like okay hmm ugh one two three four five six seven eight nine ten "
    "she's he's we're that's there's what's how's mr mrs ms dr miss madam sir "
    "situational behavioural behavioral technical scenario panel lesson tour coffee lunch "
    "good bad great fine meh weak solid strong nailed bombed blanked looking look meant "
    "wish should shd didn't never forgot forget tell describe walk give explain met spoke "
    "talked saw had got went did said told asked quick hi hey dear cheers thanks subject to "
    "from"
)

# Acronyms every office uses that are not worth studying: titles, HR, time, generic kinds
# of system (a WMS or a PMS is a category; Blue Yonder is the name to look up).
GENERIC_ACRONYMS = _wordset(
    "OK CEO CFO CTO COO CIO CMO CNO CHRO CPO CRO VP SVP EVP AVP GM PM HM HR IT PR API UI UX "
    "FAQ URL ASAP FYI TBD ETA EOD PTO WFH Q1 Q2 Q3 Q4 AM PM US USA UK EU ID MBA BA BS MS PHD "
    "CV RE FW NA N/A TV KPI KPIS ROI B2B B2C POS CS CSM DM RM AM HQ CN RN LPN TA SENCO PIC "
    "ASM SM AE SDR BDR STAR OMG LOL TBH IMO BTW WMS PMS CMS CRM ERP LMS EHR EMR ATS HRIS "
    "MIS ICU ER OR ED QA QC RD RD1 RD2 R1 R2 PPE P&L PL DC FC? NG HCA MD DR MR MRS MS "
    "LIS EMS VIP P1 P2 P3 MSK DUI ASAP II III IV "
    # job titles in short: who someone is, not something to look up ("the AP asked")
    "AP DP SLP SLPA OT OTA PT PTA CNA NP PA EMT CMA LVN DSL HOD NQT ECT"
)

# Words after a capitalised name that show it is a person, not a product: "Dana loved".
PERSON_VERBS = _wordset(
    "said asked ask asks seemed loved liked like mentioned told thinks thought wants wanted "
    "nodded smiled smiling laughed explained was is has had kept got looked sounded wrote "
    "lit perked brought makes made seems says runs leads manages"
)
PERSON_TITLES = _wordset(
    "mr mr. mrs mrs. ms ms. dr dr. miss madam sir prof professor principal manager mgr "
    "director head chief supervisor lead nurse officer coach deputy sgt sergeant lt "
    "lieutenant capt captain detective chef"
)
# Small words that may sit inside a name of several capitalised words.
_NAME_JOINERS = frozenset({"in", "of", "for", "the", "de", "du", "von", "van"})

# Words that cannot start a term captured after "they use ...": "a lot of", "their own".
TERM_HEAD_STOPWORDS = _wordset(
    "a an the their our my your his her its some lots lot many much any this that these those "
    "i we they he she you it them everything anything something nothing all both each more "
    "most other same new old to for in on at with by of and or but is are was were be been "
    "being which who what how when where why as so if mostly mainly only just also still "
    "heavily really competitor competitors rival rivals vendor vendors system software have "
    "has had got get "
    "platform tool tools paper spreadsheets excel? lot"
)

# A lower-case term after "use" ends at these words: "procore for everything".
TERM_TAIL_STOPWORDS = _wordset(
    "for to in on at with by of as from since because which that who this next last right "
    "now today these those but so and or is are was were into across everywhere everything "
    "internally mostly installs install mainly software system systems platform app apps "
    "tool tools machines machine robots robot devices device suite module modules"
)

# A lower-case word then one of these, after a list's comma, is a verb and its object.
_OBJECT_STARTS = _wordset("to from with the a an my our their it them")

# A name followed by one of these is the candidate's credential, not a term to study.
CREDENTIAL_WORDS = _wordset(
    "cert certs certified certificate certificates certification card licence license exam "
    "level course training endorsement ticket qualification"
)

# A word followed by one of these starts a clause ("pharmacy is ..."), it is no product.
CLAUSE_VERBS = _wordset("is are was were has have had will would can keeps")

# Sentences that say which products, systems or competitors they use.
TERM_CUES = (
    r"use|uses|using|used|run(?:s|ning)? on|run|runs|built on|mov(?:e|ing) (?:to|from|off)|"
    r"migrat\w*|switch\w*|roll(?:ing|ed)? out|implement\w*|competitors?|"
    r"compet\w* (?:with|against)|rivals?|platform|system|software|tools?|stack|vendors?|"
    r"modules?|buzz ?words?|acronyms?|jargon|kept saying|terms?|pushing|piloting|"
    r"work with|works with|working with|are on|they're on|we're on|auditors?|partners?|"
    r"brand|brands|loyalty|read up|look up|check out"
)
_TERM_CUE_RE = re.compile(rf"\b(?:{TERM_CUES})\b", re.IGNORECASE)
# "LIS is Telepath", "WMS is Blue Yonder": a kind of system, then its name.
_CATEGORY_IS_RE = re.compile(
    r"\b(?:WMS|PMS|LIS|EHR|EMR|CRM|ERP|ATS|HRIS|LMS|TMS|CMS|POS)\s+(?:is|are|=|:)\s"
)
# After these a list of products follows: "they use Kronos and Epic", "moving to Workday".
_TERM_LIST_RE = re.compile(
    r"\b(?:use|uses|using|run(?:s|ning)? on|built on|moving to|migrating to|switching to|"
    r"switching from|moving from|moving off|moving over to|moved to|changing to|going to|"
    r"rolling out|competitors? (?:is|are|include)|"
    r"compet\w* (?:with|against)|they're on|are on|pushing|piloting)\s+",
    re.IGNORECASE,
)
_NAMED_SYSTEM_RE = re.compile(
    r"\bnew ((?:[a-z0-9][\w-]*\s){0,2}[a-z0-9][\w-]*) (?:system|platform|software|tool|module)\b"
)
_QUOTED_RE = re.compile(r"[\"“”']([^\"“”']{2,40})[\"“”']")
_TOKEN_RE = re.compile(r"[A-Za-z0-9$][\w&+.'’/-]*")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&/]+")
_CAMEL_RE = re.compile(r"[a-z][A-Z]|^[a-z]+[A-Z]|^[A-Z][a-z]+[0-9]+[A-Za-z]*$|^\d+[a-z]{4,}$")
_MAX_SENTENCE = 2000


@dataclass(frozen=True)
class Term:
    text: str
    start: int
    end: int


def _is_acronym(token: str) -> bool:
    core = token[:-1] if token.endswith("s") and len(token) > 2 else token
    return (
        len(core) >= 2
        and bool(_ACRONYM_RE.fullmatch(core))
        and token.upper() not in GENERIC_ACRONYMS
        and core.upper() not in GENERIC_ACRONYMS
        and not core.replace("/", "").isdigit()
    )


def _is_camel(token: str) -> bool:
    return bool(_CAMEL_RE.search(token)) and token.upper() not in GENERIC_ACRONYMS


def _is_capitalised(token: str) -> bool:
    return (
        token[:1].isupper()
        and token.lower() not in CAPITAL_STOPWORDS
        and token.upper() not in GENERIC_ACRONYMS
    )


def _tokens(sentence: str) -> list[tuple[str, int, int]]:
    tokens = []
    for match in _TOKEN_RE.finditer(sentence):
        token = match.group(0).rstrip(".'’/-")
        if token.endswith(("'s", "’s")):
            token = token[:-2]
        if token:
            tokens.append((token, match.start(), match.start() + len(token)))
    return tokens


def _has_term_cue(sentence: str) -> bool:
    """A use/compete cue in the sentence's own words, not inside a name ("Corvex Software")."""
    lowered = re.sub(r"(?<=\S)\s+[A-Z][\w-]*", " X", sentence)
    return bool(_TERM_CUE_RE.search(lowered))


def entities_in(text: str) -> dict[str, str]:
    """Entity label of each name the parse finds in the note, by lower-cased text (empty
    without the parse). Parsed once per note: a parse per sentence would cost more than the
    rest. The small model's labels are noisy on product names ("Sage Intacct" as a place),
    so they only decide single words: a first name is left out, a single ORG/PRODUCT word
    counts even where no "use" is said."""
    try:
        doc = nlp.parse(text[: nlp.MAX_CHARS])
    except nlp.NlpUnavailable:
        return {}
    return {ent.text.lower().strip(" .,\n"): ent.label_ for ent in doc.ents}


def terms_in(
    sentence: str,
    *,
    loose: bool = True,
    entities: dict[str, str] | None = None,
    own: bool = False,
) -> list[Term]:
    """Product names, technologies, competitors and acronyms mentioned in a sentence;
    `entities` (from `entities_in`) tell a first name from a product. `own` is for what the
    candidate says of themselves (a miss, a positive, an answer): only the tools they name
    count there ("forgot the Qualtrics panel I ran", "said I use MS Project"), not the
    acronyms of their own field ("used the SBAR story", "my PROMPT level 1")."""
    if own:
        return _own_tools(sentence, entities or {})
    entities = entities or {}
    sentence = sentence[:_MAX_SENTENCE]
    letters = [c for c in sentence if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return []  # "TELLER II – HARBOR NATIONAL": in capitals every word looks like a name
    tokens = _tokens(sentence)
    cue = loose and (_has_term_cue(sentence) or bool(_CATEGORY_IS_RE.search(sentence)))
    found: list[Term] = []
    index = 0
    while index < len(tokens):
        token, start, _ = tokens[index]
        if not (_is_capitalised(token) or _is_acronym(token) or _is_camel(token)):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and not sentence[tokens[end - 1][2] : tokens[end][1]].strip():
            word = tokens[end][0]
            if (
                _is_capitalised(word)
                or _is_acronym(word)
                or _is_camel(word)
                or (word.isupper() and len(word) == 2)  # "Entra ID": a short acronym inside
                or (word.isdigit() and len(word) <= 4)
                or re.fullmatch(r"[A-Z]?\d+[A-Za-z]?", word) is not None
            ):
                end += 1
            elif (
                word in _NAME_JOINERS
                and end + 1 < len(tokens)
                and _is_capitalised(tokens[end + 1][0])
                and not sentence[tokens[end][2] : tokens[end + 1][1]].strip()
            ):
                end += 2  # "Keeping Children Safe in Education", "Bank of America"
            else:
                break
        run = [t[0] for t in tokens[index:end]]
        run_start, run_end = tokens[index][1], tokens[end - 1][2]
        following = tokens[end][0].lower() if end < len(tokens) else ""
        previous = tokens[index - 1][0].lower() if index > 0 else ""
        acronyms = any(map(_is_acronym, run))
        person = (
            not acronyms
            and not any(map(_is_camel, run))
            and (following in PERSON_VERBS or previous in PERSON_TITLES)
        ) or run[0].lower().rstrip(".") in PERSON_TITLES
        label = entities.get(" ".join(run).lower(), "")
        # "my job in Lisbon": a place the parse knows, after "in", is no product.
        place = previous in ("in", "at", "near", "from") and label in ("GPE", "LOC", "FAC")
        credential = following in CREDENTIAL_WORDS
        # "they use Kronos", "competitor is Rosendin": the parse's PERSON is overruled here.
        listed = cue and previous in ("use", "uses", "using", "on", "is", "are", "and", "to")
        first_name = (
            len(run) == 1 and label == "PERSON" and not acronyms and not listed
        ) and not _is_camel(run[0])
        if person or credential or first_name:
            index = end
            continue
        if len(run) >= 2:
            found.append(Term(" ".join(run), run_start, run_end))
        elif len(run) == 1 and (
            _is_acronym(run[0])
            or _is_camel(run[0])
            or (cue and index > 0 and len(run[0]) > 2 and not place)
            or (
                index > 0
                and label in ("ORG", "PRODUCT", "LAW")
                and len(run[0]) > 2
                and previous not in ("in", "at", "to", "from", "near", "for")
            )
        ):
            found.append(Term(run[0], run_start, run_end))
        index = end
    if cue:
        found.extend(_listed_after_use(sentence))
        found.extend(
            Term(m.group(1), m.start(1), m.end(1)) for m in _NAMED_SYSTEM_RE.finditer(sentence)
        )
        if re.search(r"buzz|jargon|term|kept saying", sentence):
            found.extend(
                Term(m.group(1).strip(), m.start(1), m.end(1))
                for m in _QUOTED_RE.finditer(sentence)
                if len(m.group(1).split()) <= 4
            )
    return _outermost(found)


# Entity labels that say a capitalised word is no tool: places, peoples, dates, languages
# (a PERSON or GPE label only outside a list: the small model gives them to many tools).
_NOT_TOOL_LABELS = frozenset(
    {"LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT", "LANGUAGE"}
)
# After these a capitalised word is a story or a person, not a tool ("the Jordan story").
_NOT_TOOL_AFTER = _wordset("story example case situation family kid patient student client")


def _own_tools(sentence: str, entities: dict[str, str]) -> list[Term]:
    """Tool names in the candidate's own words: a name of several words or a CamelCase one
    (MS Project, STAAD Pro, NetSuite) or one capitalised word inside the sentence that the
    parse does not take for a person or a place (Postman, Dentrix, Relativity). A bare
    acronym is left out: there it is the candidate's field vocabulary (SBAR, AAC, DSL)."""
    kept = []
    for term in terms_in(sentence, loose=True, entities=entities):
        words = term.text.split()
        if all(_is_acronym(word) or word.isdigit() for word in words):
            continue
        if term.text.islower():
            continue  # "use a shared calendar, decent": a lower-case list is a verdict here
        after = [word.lower().strip(".,;:") for word in sentence[term.end :].split()[:2]]
        if _NOT_TOOL_AFTER.intersection(after):
            continue
        kept.append(term)
    seen = {(term.start, term.end) for term in kept}
    for token, start, end in _tokens(sentence)[1:]:
        if (start, end) in seen or len(token) <= 2 or not _is_capitalised(token):
            continue
        # The small model calls many tools people or places (Postman, Dentrix): only the
        # labels it is surer of on one word rule one out.
        label = entities.get(token.lower(), "")
        if _is_acronym(token) or label in _NOT_TOOL_LABELS:
            continue
        before = sentence[:start].rstrip()
        listed = before.endswith((",", "+", "&", "/")) or before.lower().endswith(
            (" use", " used", " using", " in", " on", " and", " or")
        )
        if label in ("PERSON", "GPE") and not listed:
            continue  # "about Dave" is a person; "Postman + RestAssured" a list of tools
        if sentence[end:].startswith(("'s", "’s")):
            continue  # "Maria's case": whose, not what
        if not before or before[-1] in '.!?:;"“(-–—' or before.endswith(("'", "’")):
            continue  # the first word of a clause is capitalised anyway
        after = [word.lower().strip(".,;:") for word in sentence[end:].split()[:2]]
        following = after[0] if after else ""
        if _NOT_TOOL_AFTER.intersection(after) or following in PERSON_VERBS:
            continue
        if following in CREDENTIAL_WORDS:
            continue
        prev_word = before.split()[-1].lower()
        if prev_word.rstrip(".") in PERSON_TITLES:
            continue
        neighbours = (sentence[:start].rstrip()[-1:], sentence[end:].lstrip()[:1])
        if any(c[:1].isupper() for c in neighbours):
            continue  # part of a longer name terms_in already read or left out
        kept.append(Term(token, start, end))
    return _outermost(kept)


# An acronym before these names the role or a person in it ("SLP interview", "PMO lead").
_ROLE_ACRONYM_RE = re.compile(
    r"\b([A-Z][A-Z0-9]{1,5})s?\s+(?:interview\w*|role|position|post|job|vacancy|lead|"
    r"manager|director|head|opening)\b"
    r"|\b(?:senior|junior|lead|assistant|trainee|student|qualified|another|fellow)\s+"
    r"([A-Z][A-Z0-9]{1,5})s?\b"
)


def role_acronyms(text: str) -> set[str]:
    """Acronyms the note uses as a job or a team's name ("School SLP interview", "a senior
    SLP", "PMO lead"): the candidate's own field or the people in the room, which the note
    names anywhere else too, and no term to look up. An acronym followed by a verb of speech
    ("the AP asked") is a person as well."""
    found = {a or b for a, b in _ROLE_ACRONYM_RE.findall(text)}
    for match in re.finditer(r"\b([A-Z][A-Z0-9]{1,5})\s+([a-z]+)\b", text):
        if match.group(2) in PERSON_VERBS - {"is", "was", "has", "had", "makes", "made"}:
            found.add(match.group(1))
    return {acronym for acronym in found if acronym.isupper()}


def extract_terms(sentence: str, loose: bool = True) -> list[str]:
    """The names in a sentence, first spelling of each kept."""
    found = terms_in(sentence, loose=loose, entities=entities_in(sentence))
    return dedupe_terms(term.text for term in found)


def _listed_after_use(sentence: str) -> Iterator[Term]:
    """Products after "they use": "procore for everything and fieldwire on some jobs",
    "Span panels & Generac installs"; names the parse takes for people count here too."""
    for cue in _TERM_LIST_RE.finditer(sentence):
        rest = re.split(r"[.;!?()]", sentence[cue.end() :], maxsplit=1)[0]
        position = cue.end()
        for part in re.split(r"(,\s*|\s+and\s+|\s*&\s*|\s*\+\s*)", rest):
            start = position
            position += len(part)
            words = part.split()
            if not words or re.fullmatch(r",\s*|\s+and\s+|\s*&\s*|\s*\+\s*", part):
                continue
            while words and _TERM_LIST_RE.fullmatch(words[0] + " "):
                words = words[1:]  # "… and use Navan for travel"
            kept: list[str] = []
            for word in words[:3]:
                if word.lower() in TERM_TAIL_STOPWORDS:
                    break
                kept.append(word)
            if not kept or kept[0].lower() in TERM_HEAD_STOPWORDS:
                continue
            if len(words) > len(kept) and words[len(kept)].lower() in CLAUSE_VERBS:
                continue
            if (
                start > cue.end()
                and len(kept) == 1
                and len(words) > 1
                and words[1].lower() in _OBJECT_STARTS
            ):
                continue  # "they use Arbor, need to look up …", ", order from Sysco": a verb
            if kept[0].lower().endswith("ing") or not re.match(r"[A-Za-z0-9]", kept[0]):
                continue
            if kept[0][:1].isupper():
                continue  # a capitalised name is read by terms_in itself, without "scalers"
            text = " ".join(kept)
            where = sentence.find(text, start)
            yield Term(text, where, where + len(text))


def _outermost(terms: list[Term]) -> list[Term]:
    """Drop a term found inside a longer one at the same place (MAP inside MAP Growth)."""
    kept: list[Term] = []
    for term in dict.fromkeys(terms):
        inside = any(
            other is not term
            and other.start <= term.start
            and term.end <= other.end
            and (other.end - other.start) > (term.end - term.start)
            for other in terms
        )
        if not inside:
            kept.append(term)
    return sorted(kept, key=lambda term: term.start)


def dedupe_terms(terms: Iterable[str]) -> list[str]:
    """Keep the first spelling of each term, and drop one that is only part of a longer
    term of the same note (MAP beside MAP Growth)."""
    unique: dict[str, str] = {}
    for term in terms:
        term = term.strip(" .,;:-")
        if term and term.lower() not in unique:
            unique[term.lower()] = term
    inner: set[str] = set()
    for key in unique:
        words = key.split()
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + 6) + 1):
                if end - start < len(words):
                    inner.add(" ".join(words[start:end]))
    return [term for key, term in unique.items() if key not in inner]


def term_list_items(text: str) -> list[str]:
    """Items of a terms list: "OTIF, Blue Yonder (WMS), cross-dock - a process" -> names;
    "Outreach + Salesforce", "Span panels & Generac" and "their Rx Savings Club" too."""
    items = []
    pieces = []
    for piece in re.split(r"\s*[,;|•]\s*|\s+(?:\+|&)\s+", text):
        # "Kronos and Epic" names two things; "land and expand" is one phrase.
        halves = re.split(r"\s+and\s+", piece)
        pieces.extend(halves if any(re.search(r"[A-Z]", half) for half in halves) else [piece])
    for part in pieces:
        part = re.sub(r"\s*[(\[].*$", "", part)
        part = re.split(r"\s+[-–—=:]\s+|\s*[—–]\s*", part, maxsplit=1)[0]
        part = re.sub(r"^(?:the|their|our|a|an|his|her)\s+", "", part.strip(), flags=re.I)
        part = part.strip(" .;:-!?\"'")
        # "loyalty app Outfitters+": the name, not what kind of thing it is.
        named = re.match(r"^(?:[a-z][\w-]*\s+){1,3}(?=[A-Z0-9])", part)
        if named and not re.search(r"\s[a-z]", part[named.end() :]):
            part = part[named.end() :]
        if not part:
            continue
        names = re.split(r"\s+(?:on|via|with)\s+", part)
        if len(part.split()) > 5:
            items.extend(extract_terms(part))
        elif len(names) > 1 and all(name[:1].isupper() or name[:1].isdigit() for name in names):
            items.extend(names)
        else:
            items.append(part)
    return items
