"""A check that drafted text reads as careful English and says nothing the user did not.

Every drafter builds sentences by putting pieces of the user's notes into frames; this module
reads the result as a reader would, sentence by sentence, and names what is wrong:

* `no_verb`: no finite verb (imperatives count: "Meet the team");
* `subjectless_verb`: a finite verb with no subject where English needs one
  ("I hope she ran the race goes well": "goes" has none);
* `doubled_word`: the same word or lemma twice in a row ("interview interviews");
* `capitalised_fragment`: a capitalised word mid-sentence that is not a name: a note's
  own sentence start pasted into a frame ("walking me through Discussed empty miles");
  a word counts as a name when the user's data has it capitalised away from a line start;
* `lowered_name`: a saved name in lower case ("mash" for MASH, "cliniko" for Cliniko) or
  a month after a time word ("since march");
* `shorthand`: note-taking shorthand in a sentence (" / ", a lower-case "i", "w/", "pts");
* `pronoun_topic`: a pronoun standing where a topic should be ("Understand what drives
  they", "All the best with she ran"), or an object pronoun used as a subject;
* `agreement`: "does/is/has" before a plural subject ("Where does Alaris pumps fit");
* `missing_determiner`: a singular common noun led by a name with no article
  ("working on CAUTI bundle");
* `possessive_determiner`: "your every third weekend";
* `unknown_name` / `unknown_number`: a name or number that is not in the user's data
  (the frames' own day counts, 30/60/90, are allowed);
* `placeholder`: a template slot left in ("{term}", "TODO"); a gap marked for the user in
  square brackets ("[a detail you discussed with Karen]") is allowed;
* `cut_off`: a sentence ending mid-phrase ("…", a dangling "to" or "—", an open bracket);
* `pasted_label`: a form's label inside a sentence ("…; the result: Both passed");
* `competitor`: a competitor named outside a sentence about competing;
* `frame_misfit`: a frame that cannot hold what was put in it: the interviewer credited
  with the candidate's own topic ("walking me through my reading lesson"), an article on a
  count ("The result was a 5 of 6"), a passive of a verb that has none ("is arrived"),
  three actions joined by commas alone ("I comped drinks, got …, texted …");
  and a month abbreviated after a time word ("coming in Jan") is `shorthand`.

The check uses the shared spaCy parse; without the model it reports `no_parser` for every
sentence rather than passing them. It never raises on any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp.phrasing import SHORTHAND as NOTE_SHORTHAND
from secondround.engine.nlp.proper_words import capitalise_proper_words
from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "KnownData",
    "SentenceReport",
    "check_greeting",
    "check_sentence",
    "check_text",
    "known_data",
    "split_sentences",
]

# Words the frames themselves may capitalise or name: never a claim about the user.
FRAME_WORDS = word_set(
    "i us dear hello hi january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday "
    # platforms the answer drafter spells out from the user's shorthand ("Insta")
    "instagram facebook twitter linkedin tiktok youtube"
)
# Day counts and small numbers the frames use ("first 30 days", "week 2", "3-6 months").
FRAME_NUMBERS = frozenset(
    {str(n) for n in range(0, 13)} | {"24", "30", "31", "45", "60", "61", "90"}
)
ABBREVIATIONS = word_set(
    "st. dr. mr. mrs. ms. mx. prof. inc. ltd. co. corp. jr. sr. vs. e.g. i.e. etc. no. approx. "
    "dept. ave. rd. mt. ft. u.s."
)
NAME_ENTITIES = word_set("PERSON ORG GPE LOC FAC PRODUCT NORP EVENT WORK_OF_ART LAW LANGUAGE")
NOMINATIVE = frozenset({"i", "he", "she", "we", "they"})
THIRD_PERSON = frozenset({"he", "she", "it", "they", "him", "her", "them", "this", "that"})
OBJECT_ONLY = frozenset({"him", "them", "me", "us"})
PREPOSITIONS = word_set(
    "about on with through of for into onto from by during regarding toward towards upon "
    "around between among without within across against to in at like"
)
PRONOUN_LIKE_SUBJECTS = word_set(
    "nobody everybody somebody anyone everyone someone no-one who that which"
)
SINGULAR_AUX = frozenset({"does", "is", "has", "was", "doesn't", "isn't", "hasn't", "wasn't"})
DANGLING = word_set("a an the and or but nor our your their its my")
# Singular heads that take no article: mass nouns, and suffixes that usually make one.
MASS_NOUNS = word_set(
    "care safety data software hardware equipment information research work training "
    "staff time knowledge quality health traffic freight feedback support revenue cash "
    "lag code documentation communication compliance behaviour behavior coverage practice "
    "practise policy law logistics analytics planning budget scheduling staffing service "
    "service inventory debt tax payroll marketing finance engineering security access "
    "progress homework chemistry biology physics maths math science literacy numeracy history "
    "geography music art english french spanish history reconciliation tooling wiring conduit "
    "fintech tech retail hospitality healthcare "
    "electricity power water land housing zoning traffic parking revenue occupancy"
)
MASS_SUFFIXES = (
    "ance",
    "ence",
    "tion",
    "sion",
    "ment",
    "ing",
    "ity",
    "ness",
    "ship",
    "ics",
    "age",
    "ure",
    "ism",
)
PLACEHOLDER = re.compile(
    r"\{[^{}]*\}|\bTODO\b|\bTBD\b|\bXXX\b|_{3,}|<[^<>]{1,30}>|\bNone\b|\bnull\b"
)
MARKED_GAP = re.compile(r"\[[^\[\]]{1,80}\]")
QUOTED = re.compile(r"“[^”]{1,300}”|\"[^\"]{1,300}\"")
PASTED_LABEL = re.compile(r";\s*(?:the\s+)?[a-z]{2,12}(?:\s+[a-z]{2,12})?\s*:\s")
COMPETING = re.compile(
    r"compet|rival|versus|\bvs\.?\b|against|market|\blos[et]|\blosing\b|\bw[io]n\b|\bbeat",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[“\"\[(]?[A-Z0-9])")
NUMBER_TOKEN = re.compile(r"[$£€₹]?\d[\d,.]*(?:\s?(?:[kKmM]|L|Cr)(?![A-Za-z]))?%?")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Problem:
    rule: str
    detail: str


@dataclass(frozen=True)
class SentenceReport:
    text: str
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class KnownData:
    """What the user typed, as the check needs it: words, numbers, names and competitors."""

    words: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    mid_capitals: frozenset[str] = frozenset()
    competitors: tuple[str, ...] = ()
    # Words of what the user saved as a name (people, the company, glossary terms...).
    names: frozenset[str] = field(default_factory=frozenset)
    # Everything saved, folded to one line: a quotation of it is the user's own words.
    corpus: str = ""


def _number_forms(token: str) -> set[str]:
    """ "$105k" -> {"105000"}, "93%" -> {"93"}, "1,200" -> {"1200"}, "2.5" -> {"2.5"}."""
    raw = token.strip().strip(".,;:")
    rupees = raw.startswith("₹")
    raw = raw.lstrip("$£€₹").rstrip("%").replace(",", "").strip()
    multiplier = 1
    if rupees and raw.endswith(("L", "Cr")):  # "₹11.5L" is 11.5 lakh, "₹1.2Cr" 1.2 crore
        multiplier = 100_000 if raw.endswith("L") else 10_000_000
        raw = raw.removesuffix("L").removesuffix("Cr").strip()
    elif raw[-1:] in {"k", "K"}:
        multiplier, raw = 1000, raw[:-1].strip()
    elif raw[-1:] in {"m", "M"}:
        multiplier, raw = 1_000_000, raw[:-1].strip()
    forms: set[str] = set()
    try:
        value = float(raw)
    except ValueError:
        digits = re.sub(r"\D", "", raw)
        return {digits.lstrip("0") or "0"} if digits else set()
    value *= multiplier
    forms.add(f"{value:g}" if value != int(value) else str(int(value)))
    return forms


def known_data(
    texts: Iterable[str], *, competitors: Sequence[str] = (), names: Iterable[str] = ()
) -> KnownData:
    """The words, numbers and mid-sentence capitals of everything the user saved.

    `names` are what the user saved as names (the roster, the company, glossary terms,
    competitors): their words may be capitalised anywhere in a draft."""
    words: set[str] = set()
    numbers: set[str] = set()
    mid: set[str] = set()
    corpus: list[str] = []
    for text in texts:
        if not text:
            continue
        corpus.append(" ".join(text.split()))
        for year, month, day in ISO_DATE.findall(text):
            numbers.update({year, str(int(month)), str(int(day))})
        for match in NUMBER_TOKEN.finditer(text):
            numbers.update(_number_forms(match.group(0)))
        for line in text.splitlines():
            for sentence in re.split(r"(?<=[.!?:;])\s+|\s[-–—]\s", line):
                tokens = re.findall(r"[\w'’&.-]+", sentence)
                for index, token in enumerate(tokens):
                    for part in re.split(r"[-’'.]", token):
                        if part:
                            words.add(part.casefold())
                    words.add(token.casefold().strip(".-"))
                    if index > 0 and token[:1].isupper():
                        mid.add(token.strip(".-"))
                        # "Rhein-Ruhr": the parser reads each side as its own word
                        mid.update(p for p in token.split("-") if p[:1].isupper())
    name_words = {
        part
        for name in [*names, *competitors]
        for part in re.split(r"[\s'’.,()&/-]+", name)
        if part
    }
    words.update(part.casefold() for part in name_words)
    # "xmas" saved, "Christmas" drafted: the phrasing layer's expansion of the user's word
    words.update(
        part.casefold() for word in list(words) for part in NOTE_SHORTHAND.get(word, "").split()
    )
    return KnownData(
        frozenset(words),
        frozenset(numbers),
        frozenset(mid),
        tuple(c.strip() for c in competitors if c.strip()),
        frozenset(name_words),
        " ".join(corpus).casefold(),
    )


def split_sentences(text: str) -> list[str]:
    """Sentences of a drafted paragraph or list item; lines are never joined, and neither
    an abbreviation ("St. Brigid") nor a stop inside quotation marks ends a sentence."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        start = 0
        depth = 0
        for index, char in enumerate(line):
            if char == "“":
                depth += 1
            elif char == "”":
                depth = max(0, depth - 1)
            if char not in ".!?" or depth:
                continue
            rest = line[index + 1 :]
            closing = rest[:1] in {"”", '"'}
            after = rest[1:] if closing else rest
            if not after.startswith(" ") or not re.match(r"\s+[“\"\[(]?[A-Z0-9]", after):
                continue
            word = re.findall(r"[\w.]+$", line[start : index + 1])
            if char == "." and word and word[0].casefold() in ABBREVIATIONS:
                continue
            end = index + 1 + (1 if closing else 0)
            out.append(line[start:end].strip())
            start = end
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def check_greeting(line: str) -> tuple[Problem, ...]:
    """ "Dear Karen," or "Hello,": never "Dear there," or "Dear ,"."""
    match = re.fullmatch(r"Dear\s+(.*?),?", line.strip())
    if match is None:
        return ()
    who = match.group(1).strip()
    if not who or who.casefold() in {"there", "sir or madam", "none", "unknown"} or "{" in who:
        return (Problem("bad_greeting", line.strip()),)
    return ()


def check_text(text: str, known: KnownData, *, needs_verb: bool = True) -> list[SentenceReport]:
    return [
        check_sentence(s, known, needs_verb=needs_verb, follows=index > 0)
        for index, s in enumerate(split_sentences(text))
    ]


def check_sentence(
    sentence: str, known: KnownData, *, needs_verb: bool = True, follows: bool = False
) -> SentenceReport:
    """Every rule of the module docstring on one sentence. ``follows``: a sentence of the
    same text comes before it, so "What did you do about it?" has its topic there."""
    problems: list[Problem] = []
    text = sentence.strip()
    if not text or MARKED_GAP.fullmatch(text.rstrip(".")):
        # A sentence the user writes: the drafter left it to them, clearly marked.
        return SentenceReport(sentence, ())
    for match in PLACEHOLDER.finditer(MARKED_GAP.sub("", text)):
        problems.append(Problem("placeholder", match.group(0)))
    if PASTED_LABEL.search(text):
        problems.append(Problem("pasted_label", PASTED_LABEL.search(text).group(0)))  # type: ignore[union-attr]
    problems += _cut_off(text)
    problems += _frame_misfits(text)
    problems += _competitor(text, known)
    problems += _numbers(text, known)
    # Grammar is read with gaps and quoted notes replaced by plain nouns: the user's own
    # words inside quotation marks are theirs, not the frame's.
    plain = MARKED_GAP.sub("something", QUOTED.sub(lambda m: _quotation(m.group(0), known), text))
    try:
        doc = nlp.parse(plain)
    except nlp.NlpUnavailable:
        return SentenceReport(sentence, (*problems, Problem("no_parser", "")))
    tokens = [t for t in doc if not t.is_space]
    problems += _doubled(tokens)
    problems += _capitals(tokens, known, plain)
    problems += _lowered_names(tokens, known)
    problems += _shorthand(plain, known)
    problems += _pronouns(tokens, follows=follows)
    problems += _agreement(tokens)
    problems += _verb_lists(tokens)
    problems += _determiners(tokens, known)
    problems += _names(doc, tokens, known)
    if needs_verb:
        problems += _verbs(plain, tokens)
    return SentenceReport(sentence, tuple(dict.fromkeys(problems)))


# --------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------


def _quotation(quoted: str, known: KnownData) -> str:
    """A quotation of the user's own note reads as "a note"; the frame's own quoted speech
    (a script to say aloud) is read as it stands."""
    inner = " ".join(quoted[1:-1].split()).strip(" .,;:")
    if inner and inner.casefold() in known.corpus:
        return "a note"
    return quoted[1:-1]


# Frames that credit the interviewer with the topic, holding one of the candidate's own.
THEIR_TOPIC_MINE = re.compile(
    r"\b(?:walking me through|your insights on|your perspective on|what you said about"
    r"|for explaining that)\s+(?:how\s+I\b|my\b|I\b)",
    re.IGNORECASE,
)
ARTICLE_ON_COUNT = re.compile(r"\b(?:a|an)\s+\d[\d,.]*\s+(?:of|out\s+of)\s+\d", re.IGNORECASE)
PASSIVE_INTRANSITIVE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:arrived|happened|occurred|existed)\b", re.IGNORECASE
)
MONTH_ABBREVIATED = re.compile(
    r"\b(?:in|since|by|until|till|from|through|last|next|early|late|mid)\s+"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?!\.\w)"
)


def _frame_misfits(text: str) -> list[Problem]:
    problems = []
    for pattern, rule in (
        (THEIR_TOPIC_MINE, "frame_misfit"),
        (ARTICLE_ON_COUNT, "frame_misfit"),
        (PASSIVE_INTRANSITIVE, "frame_misfit"),
        (MONTH_ABBREVIATED, "shorthand"),
    ):
        found = pattern.search(text)
        if found:
            problems.append(Problem(rule, found.group(0)))
    return problems


FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _verb_lists(tokens: list[Any]) -> list[Problem]:
    """Three or more actions joined by commas alone ("I comped drinks, got housekeeping on
    it, texted each guest"): a note's list, not a sentence."""
    problems = []
    for token in tokens:
        if token.tag_ not in FINITE or token.dep_ == "conj":
            continue
        chain, current = [token], token
        while True:
            nxt = next((c for c in current.children if c.dep_ == "conj" and c.tag_ in FINITE), None)
            if nxt is None:
                break
            chain.append(nxt)
            current = nxt
        if len(chain) >= 3 and not any(c.dep_ == "cc" for t in chain for c in t.children):
            problems.append(Problem("frame_misfit", f"{chain[0].text} … {chain[-1].text}"))
    return problems


def _cut_off(text: str) -> list[Problem]:
    problems = []
    stripped = text.rstrip()
    if stripped.endswith(("…", "...", "—", "–", " -", ",", ";", ":", "(")):
        problems.append(Problem("cut_off", stripped[-12:]))
    else:
        last = re.findall(r"[\w']+", stripped[-30:])
        if last and last[-1].casefold() in DANGLING and not stripped.endswith(("?", "!")):
            problems.append(Problem("cut_off", last[-1]))
    bare = MARKED_GAP.sub("", text)
    if bare.count("(") != bare.count(")") or text.count("“") != text.count("”"):
        problems.append(Problem("cut_off", "unbalanced brackets or quotes"))
    return problems


def _competitor(text: str, known: KnownData) -> list[Problem]:
    folded = text.casefold()
    for name in known.competitors:
        if re.search(
            rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded
        ) and not COMPETING.search(text):
            return [Problem("competitor", name)]
    return []


def _numbers(text: str, known: KnownData) -> list[Problem]:
    problems = []
    for piece in re.split(r"[–—/]|(?<=\d)-(?=\$?\d)", text):
        for match in NUMBER_TOKEN.finditer(piece):
            token = match.group(0)
            start = match.start()
            # "day-30", "one-to-one", "12-lead" and ordinals are words, counted as words.
            before = piece[start - 1 : start]
            if before.isalpha():
                continue
            forms = _number_forms(token)
            if forms and not forms & (known.numbers | FRAME_NUMBERS):
                problems.append(Problem("unknown_number", token.strip()))
    return problems


def _doubled(tokens: list[Any]) -> list[Problem]:
    problems = []
    words = [t for t in tokens if t.is_alpha]
    for first, second in zip(words, words[1:], strict=False):
        if second.i != first.i + 1:
            continue
        same = first.lower_ == second.lower_ or (
            first.lemma_.casefold() == second.lemma_.casefold()
            and first.pos_ == second.pos_ == "NOUN"
        )
        if same and first.lower_ not in {"that", "had"}:
            problems.append(Problem("doubled_word", f"{first.text} {second.text}"))
    return problems


def _sentence_start(token: Any, plain: str) -> bool:
    """First word of the sentence, or right after a colon, dash, bracket or opening quote."""
    if token.i == 0:
        return True
    before = plain[: token.idx].rstrip()
    return before.endswith((":", "—", "–", "(", "“", '"', "‘", "'", "[", ".", "?", "!", ";"))


def _capitals(tokens: list[Any], known: KnownData, plain: str) -> list[Problem]:
    """A capital mid-sentence is a name's, or a note's sentence start pasted into a frame.

    It is a name when the user saved it as one, wrote it capitalised mid-sentence, or it
    is no English word at all ("Alaris", "Kronos"); otherwise it is a fragment."""
    problems = []
    english = nlp.english_lemmas()
    for token in tokens:
        word = token.text
        if not word[:1].isupper() or word == "I" or word.startswith(("I'", "I’")):
            continue
        if _sentence_start(token, plain):
            continue
        if len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:])):
            continue  # OTIF, MercuryGate, iPhone-style names
        head = re.split(r"[-’'.]", word)[0]
        if len(head) == 1 and "-" in word:
            continue  # "A-fib", "X-ray", "T-shirt"
        if len(word) == 1 and token.i and tokens[token.i - 1].like_num:
            continue  # "$400 M", a unit after a number
        if word in known.mid_capitals or head in known.mid_capitals or head in known.names:
            continue
        if head.casefold() in FRAME_WORDS:
            continue
        lowered = head.casefold()
        if capitalise_proper_words(lowered) != lowered:
            continue  # "Nordic", "Christmas": English capitalises it wherever it stands
        coined = lowered not in english and token.lemma_.casefold() not in english
        if english and coined and not token.is_stop:
            continue  # no English word: a name ("Alaris", "Kronos")
        problems.append(Problem("capitalised_fragment", word))
    return problems


# Note-taking shorthand left in a sentence: a spaced slash, a lower-case "i", "w/", "pts".
SHORTHAND = re.compile(
    r"\s/\s|(?<![\w'’])i(?![\w'’])|\bw/|\bb/c\b|\b(?:yrs|pts|mgr|mgmt|thru|govt|approx|"
    r"tbh|asap|re:)(?!\w)"
)
MONTH_NAMES = word_set(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
TIME_PREPOSITIONS = word_set("in since by until till from through last next early late mid")


def _shorthand(plain: str, known: KnownData) -> list[Problem]:
    """Shorthand the user's data does not have in the same words ("Boilermaker / Welder"
    is the role's own name)."""
    problems = []
    for match in SHORTHAND.finditer(plain):
        before = plain[: match.start()].split()[-1:] or [""]
        after = plain[match.end() :].split()[:1] or [""]
        context = f"{before[0]}{match.group(0)}{after[0]}".casefold().strip(".,;:!?")
        if context.strip() and context in known.corpus:
            continue
        problems.append(Problem("shorthand", match.group(0).strip()))
    return problems


def _lowered_names(tokens: list[Any], known: KnownData) -> list[Problem]:
    """A saved name typed in lower case ("mash" for MASH, "cliniko" for Cliniko) or a month
    after a time word ("since march"): a name that lost its capitals in the draft."""
    english = nlp.english_lemmas()
    acronyms = {name.casefold() for name in known.names if len(name) > 2 and name.isupper()}
    coined = {
        name.casefold()
        for name in known.names
        if len(name) > 2 and not name.islower() and english and name.casefold() not in english
    }
    problems = []
    for token in tokens:
        word = token.text
        if not word.isalpha() or not word.islower() or token.is_stop:
            continue
        ordinary = word in english or token.lemma_.casefold() in english
        month = word in MONTH_NAMES and token.i > 0
        if (
            word in acronyms
            or (word in coined and not ordinary)
            or (month and tokens[token.i - 1].lower_ in TIME_PREPOSITIONS)
        ):
            problems.append(Problem("lowered_name", word))
    return problems


def _pronouns(tokens: list[Any], *, follows: bool = False) -> list[Problem]:
    problems = []
    for index, token in enumerate(tokens):
        lower = token.lower_
        before = tokens[index - 1].lower_ if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if lower in NOMINATIVE and lower != "i":
            if token.dep_ in {"dobj", "pobj", "iobj", "dative", "compound", "poss", "attr"}:
                problems.append(Problem("pronoun_topic", f"{before} {token.text}".strip()))
            elif before in PREPOSITIONS and tokens[index - 1].dep_ == "prep":
                problems.append(Problem("pronoun_topic", f"{before} {token.text}"))
            elif after is not None and after.tag_ in {"NN", "NNS"} and after.dep_ != "npadvmod":
                problems.append(Problem("pronoun_topic", f"{token.text} {after.text}"))
        elif (
            lower in OBJECT_ONLY
            and token.dep_ in {"nsubj", "nsubjpass"}
            and token.head.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        ):
            problems.append(Problem("pronoun_topic", token.text))
        if (
            lower in THIRD_PERSON
            and token.dep_ == "pobj"
            and before in {"about", "with", "on", "through"}
        ):
            # "our conversation about it": a topic that is only a pronoun.
            earlier = [t for t in tokens[:index] if t.pos_ in {"NOUN", "PROPN"}]
            if not earlier and not follows:
                problems.append(Problem("pronoun_topic", f"{before} {token.text}"))
    return problems


def _agreement(tokens: list[Any]) -> list[Problem]:
    problems = []
    for index, token in enumerate(tokens):
        if token.lower_ not in SINGULAR_AUX:
            continue
        question_order = index == 0 or tokens[index - 1].tag_ in {"WRB", "WP", "WDT"}
        if not question_order:
            continue  # "The result was zero CAUTIs": a predicate, not a subject
        subject: list[Any] = []
        for follower in tokens[index + 1 :]:
            if follower.pos_ in {"PROPN", "NOUN", "ADJ", "NUM"} or follower.tag_ in {"NNS", "VBZ"}:
                subject.append(follower)
                continue
            break
        if len(subject) < 1:
            continue
        last = subject[-1]
        acronym = len(last.text) > 1 and last.text.isupper()  # "PFMS", "EHRS": not plural
        plural = not acronym and (
            last.tag_ in {"NNS", "NNPS"}
            or (
                last.tag_ == "VBZ"
                and last.lower_.endswith("s")
                and last.lemma_.casefold() != last.lower_
            )
        )
        after = tokens[subject[-1].i + 1] if subject[-1].i + 1 < len(tokens) else None
        irregular = last.lower_ in {"news", "analytics", "logistics", "physics", "series", "ops"}
        verb_next = (
            after is None or after.pos_ in {"VERB", "AUX", "ADV", "ADP"} or after.tag_ == "VB"
        )
        if plural and verb_next and not irregular:
            subject_text = " ".join(t.text for t in subject)
            problems.append(Problem("agreement", f"{token.text} {subject_text}"))
    return problems


def _determiners(tokens: list[Any], known: KnownData) -> list[Problem]:
    problems = []
    for index, token in enumerate(tokens):
        if token.tag_ == "PRP$" and index + 1 < len(tokens):
            following = tokens[index + 1]
            if following.pos_ == "DET" and following.lower_ in {
                "every",
                "a",
                "an",
                "the",
                "each",
                "this",
                "that",
                "these",
                "those",
            }:
                problems.append(Problem("possessive_determiner", f"{token.text} {following.text}"))
        if token.tag_ != "NN" or token.dep_ not in {"pobj", "dobj", "nsubj", "attr"}:
            continue
        lower = token.lower_
        if lower in MASS_NOUNS or lower.endswith(MASS_SUFFIXES):
            continue
        children = list(token.children)
        if any(
            c.dep_ in {"det", "poss", "nummod", "predet"} or c.tag_ in {"PRP$", "DT", "CD"}
            for c in children
        ):
            continue
        if token.text.rstrip(".") in known.names:
            continue  # "Brightway Home", "Fulfilment GmbH.": part of a name the user saved
        if any(c.dep_ == "compound" and c.tag_ in {"NNP", "NNPS"} for c in children):
            left = tokens[index - 1] if index else None
            if left is not None and left.tag_ in {"NNP", "NNPS"}:
                # "the Joliet hub" is right, "on CAUTI bundle" is not; a name led by a
                # determiner or possessive further left is fine.
                span = [c for c in token.subtree if c.i < token.i]
                if not any(c.tag_ in {"DT", "PRP$", "CD", "POS"} for c in span):
                    problems.append(Problem("missing_determiner", f"{left.text} {token.text}"))
    return problems


def _names(doc: Any, tokens: list[Any], known: KnownData) -> list[Problem]:
    """Names in the draft must be the user's: an invented person or company is a claim.

    The sentence's first word is read as a frame word: "Meet Karen ..." is a verb there."""
    problems = []
    entity_tokens = {t.i for ent in doc.ents if ent.label_ in NAME_ENTITIES for t in ent}
    for token in tokens:
        if token.i == 0 or not token.is_alpha or not token.text[:1].isupper():
            continue
        if token.i not in entity_tokens and token.pos_ != "PROPN":
            continue
        folded = token.text.casefold()
        if folded in known.words or folded in FRAME_WORDS:
            continue
        problems.append(Problem("unknown_name", token.text))
    return problems


def _verbs(plain: str, tokens: list[Any]) -> list[Problem]:
    finite = [t for t in tokens if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}]
    imperative = bool(tokens) and tokens[0].tag_ == "VB"
    if not finite and not imperative:
        # Capitalised imperatives are read as names by the tagger ("Meet Karen ..."):
        # read the sentence again with its first letter lowered.
        again = nlp.parse(plain[:1].lower() + plain[1:])
        first = next((t for t in again if not t.is_space), None)
        if first is not None and (first.tag_ == "VB" or first.pos_ == "VERB"):
            return []
        verbs = nlp.lemma_index().get("verb", frozenset())
        if first is not None and first.lower_ in verbs:
            return []  # an imperative the tagger reads as a noun: "Administer and titrate ..."
        if not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in again):
            return [Problem("no_verb", plain[:40])]
        return []
    problems = []
    for token in finite:
        if token.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "acl"}:
            continue
        if token.lemma_ in {"thank", "please"}:
            continue
        subjects = [
            c
            for c in token.children
            if c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "attr"} or c.tag_ in {"WP", "WDT"}
        ]
        if subjects:
            continue  # a subject, or a question word standing for one ("What is ...?")
        before = tokens[token.i - 1].text if token.i else ""
        if token.tag_ == "VBP" and before in {":", ";", "—", "–"}:
            continue  # an imperative after a colon: "Shadow the core work: own the close"
        if token.dep_ == "relcl":
            continue
        if token.dep_ == "ROOT" and token.i == 0 and token.tag_ == "VBP":
            continue  # an imperative the tagger read as present tense
        previous = tokens[token.i - 1] if token.i else None
        following = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
        if previous is not None and previous.lower_ in PRONOUN_LIKE_SUBJECTS:
            continue  # "a spreadsheet nobody owns"
        if (
            previous is not None
            and previous.text[:1].isupper()
            and (previous.i == 0 or tokens[previous.i - 1].text in {",", ";", ":"})
        ):
            continue  # "From my research, Ledgerly works in ...": the name is the subject
        if (
            token.tag_ == "VBZ"
            and previous is not None
            and previous.pos_ in {"NOUN", "PROPN"}
            and (following is None or following.pos_ == "ADP")
        ):
            continue  # a plural noun read as a verb: "Instagram posts about ..."
        problems.append(Problem("subjectless_verb", token.text))
    return problems
