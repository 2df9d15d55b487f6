"""Cut free-written notes into sentences and clauses, and trim a question to its words.

A run-on voice note ("they asked what my approach to safety is and I went with the three
pillars thing, and they seemed to like that, then, um, what KPIs I'd look at…") holds
several items; a clause with its own subject is where one item can end and another begin.
Sentences come from the shared spaCy parse when it is installed (it finds sentence ends in
unpunctuated speech and tells a name that is a subject, "Rachel loved…", from one that is
not); without it, from punctuation and pronouns. Clauses are found the same way in both.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from secondround.engine.nlp import parsing as nlp
from secondround.engine.reading.note_contrast import contrast_cuts
from secondround.engine.reading.note_cues import wordset

__all__ = [
    "Clause",
    "split_question_list",
    "split_yes_no",
    "clauses",
    "line_clauses",
    "question_text",
    "sentences",
    "split_coordinated",
    "strip_filler",
]

ABBREVIATIONS = frozenset(
    [
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "inc",
        "co",
        "incl",
        "esp",
        "lt",
        "sgt",
        "capt",
        "col",
        "gen",
        "corp",
        "ltd",
        "no",
        "est",
        "misc",
        "fig",
        "prof",
    ]
)
# Pronouns that open a clause of their own; a capitalised name does when a verb follows.
SUBJECTS = r"(?:i|he|she|they|we|you|it|i'm|i've|i'd|he's|she's|they're|we're|it's|that's)"
CLAUSE_VERBS = (
    r"(?:asked|ask|asks|loved|liked|like|seemed|seem|said|say|says|mentioned|forgot|forget|"
    r"use|uses|used|was|were|is|are|kept|wanted|got|perked|nodded|smiled|smiling|laughed|"
    r"nailed|bombed|blanked|rambled|think|thought|told|explained|looked|wrote|brought|"
    r"went|had|has|did|does|gave|lit|sounded|paused|pushed|probed|wants|wish|should|"
    r"answered|answer|talked|talk|made|makes|need|needs)"
)
_FILLER = r"(?:um+|uh+|er+|like|so|yeah|okay|ok|well|also|just|honestly|basically|anyway)"
# Words that may sit between a conjunction and the subject: "and then, um, she asked".
_GAP = rf"(?:(?:then|also|{_FILLER})[,\s]+)*"
_CLAUSE_RE = re.compile(
    r"\s*;\s+"
    r"|\s*(?:->|=>|→|⇒)\s*"
    r"|\s+[—–]+\s*|\s*[—–]+\s+|\s+-{1,2}\s+"
    r"|\s*\.\.\.+\s*|…\s*"
    r"|(?<=\?)\s+(?=\S)"
    rf"|,?\s+(?:and|but|so|plus|\+)\s+{_GAP}(?=(?:then\s+)?{SUBJECTS}\b)"
    rf"|,\s+{_GAP}(?=(?:then\s+)?{SUBJECTS}\s+\w)"
    rf"|,?\s+(?:and\s+)?then[,\s]+(?=(?:(?:um+|uh+|so|like)[,\s]+)*(?:{SUBJECTS}|what|how|why|"
    r"when|where|which|who|the|asked|ask|a time|about|out of|something)\b)"
    r"|,\s+(?=(?:also|plus)\s+(?:asked|ask|wanted)\b)"
    # "…pulled out a pen and asked me to sell it": the asking is an item of its own.
    r"|,?\s+and\s+(?:then\s+)?(?=asked\s+(?:me|us)\s+(?:to|if|whether|how|what|why|about)\b)"
    # "…the CEO's calendar, that one was good": a verdict on what was just asked.
    r"|,\s+(?=(?:that|this)\s+(?:one|bit|part|question)\s+(?:was|went|is|felt|seemed)\b)"
    r"|\s+\+\s+(?=(?:asked|ask|worried|seemed|forgot|liked|loved|said|wants?|wanted|"
    r"if|whether|prob|maybe|think)\b)"
    r"|,\s+(?=(?:prob(?:ably)?\s+|maybe\s+|kind of\s+|really\s+)?(?:worried|concerned|forgot|"
    r"liked|loved|asked (?:if|whether|about|how|what|why|me|us|twice)|seemed|nodded|smiled|laughed|"
    r"wrote|wish|wished|never)\b)"
    rf"|(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?:the|one|my|her|his|their|our)\s+\w+(?:\s+\w+)?\s+"
    rf"{CLAUSE_VERBS}\b)"
    rf"|(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+{CLAUSE_VERBS}\b)",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!])\s+(?=\S)|(?<=[?])\s+(?=[\"“A-Z0-9])|\n+")


@dataclass(frozen=True)
class Clause:
    """A stretch of one sentence, with where it starts and ends in that sentence."""

    text: str
    start: int
    end: int
    # What cut it from the clause before: ";", "+", "-", ",", "and", "then"… ("" for the first).
    joint: str = ""


def _regex_sentences(text: str) -> list[str]:
    pieces: list[str] = []
    buffer = ""
    for part in _SENTENCE_END_RE.split(text):
        buffer = f"{buffer} {part}" if buffer else part
        last = buffer.rstrip(".").rsplit(" ", 1)[-1].lower()
        if buffer.endswith(".") and (
            last in ABBREVIATIONS
            or (re.fullmatch(r"(?:\w\.)*\w", last) and len(last) <= 3 and "." in buffer[-4:-1])
        ):
            continue
        if buffer.strip():
            pieces.append(buffer.strip())
        buffer = ""
    if buffer.strip():
        pieces.append(buffer.strip())
    return pieces


def _parsed_sentences(text: str) -> list[str] | None:
    """Sentences of the spaCy parse, mended where it cuts after "Mr." or inside "e.g."."""
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return None
    result: list[str] = []
    for sent in doc.sents:
        piece = sent.text.strip()
        if not piece:
            continue
        if result:
            last = result[-1].rstrip(".").rsplit(" ", 1)[-1].lower()
            words = piece.split()
            dangling = len(words) <= 2 and words[0].lower() in ("so", "yeah", "and", "um")
            if (result[-1].endswith(".") and last in ABBREVIATIONS) or dangling:
                result[-1] = f"{result[-1]} {piece}"
                continue
        result.append(piece)
    return result


def sentences(text: str, *, use_parse: bool = True) -> list[str]:
    """The sentences of a paragraph. Punctuation decides first; the parse only splits further
    a sentence long enough to be run-on speech (30 words or more)."""
    result: list[str] = []
    for piece in _regex_sentences(text):
        if use_parse and len(piece.split()) >= 30:
            parsed = _parsed_sentences(piece)
            if parsed:
                result.extend(parsed)
                continue
        result.append(piece)
    return result


def line_clauses(line: str, *, use_parse: bool = True) -> list[Clause]:
    """Clauses of a list line, across its sentences ("design a URL shortener. went well")."""
    found: list[Clause] = []
    offset = 0
    for sentence in sentences(line, use_parse=use_parse):
        where = line.find(sentence, offset)
        where = offset if where < 0 else where
        for number, part in enumerate(clauses(sentence, use_parse=use_parse)):
            joint = "." if number == 0 and found else part.joint
            found.append(Clause(part.text, part.start + where, part.end + where, joint))
        offset = where + len(sentence)
    return found or [Clause(line.strip(), 0, len(line))]


def clauses(sentence: str, *, use_parse: bool = False) -> list[Clause]:
    """Clauses of a sentence: cut at ";", dashes, arrows, "then", and before a conjunction or
    comma that opens a clause with its own subject ("…, and I got flustered"). With the
    parse, a long stretch typed or dictated without any punctuation is also cut where a new
    subject starts a clause of its own (`run_on_cuts`)."""
    found: list[Clause] = []
    start = 0
    joint = ""
    for match in _CLAUSE_RE.finditer(sentence):
        if match.end() <= start or match.start() == 0:
            continue
        piece = sentence[start : match.start()]
        if piece.strip(" ,.;:"):
            found.append(Clause(piece.strip(), start, match.start(), joint))
            joint = _joint(match.group(0))
        start = match.end()
    tail = sentence[start:]
    if tail.strip(" ,.;:"):
        found.append(Clause(tail.strip(), start, len(sentence), joint))
    found = found or [Clause(sentence.strip(), 0, len(sentence))]
    if not use_parse:
        return found
    found = [part for clause in found for part in _contrasted(sentence, clause)]
    result: list[Clause] = []
    for clause in found:
        cuts = run_on_cuts(sentence[clause.start : clause.end])
        if not cuts:
            result.append(clause)
            continue
        edges = [0, *cuts, clause.end - clause.start]
        for number, (begin, end) in enumerate(itertools.pairwise(edges)):
            text = sentence[clause.start + begin : clause.start + end]
            offset = clause.start + begin + (len(text) - len(text.lstrip()))
            result.append(
                Clause(
                    text.strip(), offset, clause.start + end, clause.joint if number == 0 else " "
                )
            )
    return result


def _contrasted(sentence: str, clause: Clause) -> list[Clause]:
    """The clause cut where it joins two items with "but", "though", "and also"… (the
    parse's view, note_contrast.py); the joining word belongs to neither side."""
    text = sentence[clause.start : clause.end]
    cuts = contrast_cuts(text)
    if not cuts:
        return [clause]
    parts: list[Clause] = []
    begin, joint = 0, clause.joint
    for end, start, word in cuts:
        piece = text[begin:end]
        offset = clause.start + begin + (len(piece) - len(piece.lstrip()))
        parts.append(Clause(piece.strip(" ,"), offset, clause.start + end, joint))
        joint, begin = word, start
    tail = text[begin:]
    offset = clause.start + begin + (len(tail) - len(tail.lstrip()))
    parts.append(Clause(tail.strip(), offset, clause.end, joint))
    return parts


# A clause of unpunctuated speech is cut only when it is this long (words), and each part
# keeps at least MIN_PART words: short asides stay with their neighbours.
RUN_ON_WORDS = 16
MIN_PART = 3
# Before these the next words are the object of what came before ("said I would", "asked
# if I", "forgot to say I can"), not a new clause.
_EMBEDDING_WORDS = wordset(
    "that if whether when while because how what why where who whom which than as since "
    "until unless though although like so to said say says tell told think thought know "
    "knew feel felt guess mean meant hope wish wished mentioned explained answered asked "
    "ask wondered realised realized noticed saw heard believe believed sure and or but "
    "then um uh er oh"
)
# Verbs whose object may be a whole clause: "forgot to mention I was top seller".
_CLAUSE_TAKING = wordset(
    "say tell think know feel guess mean hope wish mention explain answer ask wonder "
    "realise realize notice see hear believe admit add show prove assume suppose reckon "
    "remember forget decide learn promise agree pretend find figure claim state note "
    "suggest argue confirm reply respond write sense expect worry doubt demand insist "
    "request want need prefer require hear"
)
# Adjectives whose object may be a clause: "nervous I've never run a team", "sure I can".
_CLAUSE_ADJECTIVES = wordset(
    "nervous worried concerned sure afraid happy impressed glad surprised aware convinced "
    "unsure doubtful pleased excited keen disappointed confident scared anxious"
)
# Nouns a reduced relative clause often follows: "a time u got critical feedback".
_RELATIVE_NOUNS = wordset("time times way thing things moment example situation one")
_WH_WORDS = wordset("which what how where who when why whether if")
# What a candidate says of an answer, which starts a new clause even after a bare noun.
_REMARK_VERBS = wordset(
    "say think feel forget answer tell mention explain blank ramble freeze nail bomb "
    "panic struggle fumble guess reckon"
)
# Words that open a relative clause or point back: "degree which was fine", "so that might be".
_NOT_NEW_SUBJECT = wordset("which who whom that this what whose")
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
# Parts of speech after which a subject is an object's start, not a new clause's.
_NOT_CLAUSE_END = frozenset(("AUX", "PRON", "ADP", "SCONJ", "CCONJ", "DET"))
_PUNCTUATION_RE = re.compile(r"[,;:.!?()\[\]\"“”—–-]")


def _after_wh_phrase(doc: Any, start: int) -> bool:
    """Does a wh-word open the phrase before this subject, with no verb between ("which area
    of law I'm most interested in", "what strategies I use")?"""
    for token in reversed(doc[max(0, start - 5) : start]):
        if token.lower_ in _WH_WORDS:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


# Pronouns that end a clause as its object ("asked me to sell it to him i just started…"),
# unless a verb of telling puts a clause after them ("told him I…", "asked her if…").
_OBJECT_PRONOUNS = wordset("him them us me it")
_VERDICT_SUBJECTS = wordset("one bit part question answer")
_TELLING = wordset("tell ask show remind assure convince warn inform promise teach let make")


def _ends_on_object(token: Any) -> bool:
    if token.lower_ not in _OBJECT_PRONOUNS or token.dep_ not in ("dobj", "pobj"):
        return False
    governor = token.head.head if token.dep_ == "pobj" else token.head
    lemma = governor.lemma_.lower()
    return lemma not in _TELLING and lemma not in _CLAUSE_TAKING


def run_on_cuts(text: str) -> list[int]:
    """Where a stretch with no punctuation holds several clauses ("…at the shoplifter story it
    went fine he smiled when I mentioned…"), the offsets at which each new one starts: before
    a subject of a finite verb that follows a word ending a clause (a noun, an adjective, an
    adverb), never after a word that takes a clause as its object ("said", "if", "that")."""
    words = text.split()
    if len(words) < RUN_ON_WORDS or len(_PUNCTUATION_RE.findall(text)) > len(words) // 12:
        return []
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return []
    cuts: list[int] = []
    last = last_token = 0
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass", "expl") or token.lower_ in _NOT_NEW_SUBJECT:
            continue
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or verb.tag_ in ("VBG", "VBN", "VB", "TO"):
            continue
        first = token.left_edge
        if (
            first.i > 0
            and token.lower_ in _VERDICT_SUBJECTS
            and doc[first.i - 1].lower_ in ("that", "this")
        ):
            # "…on the CEO's calendar that one was good": the parse reads "that" as a
            # conjunction; it points back at the question, opening a verdict.
            first = doc[first.i - 1]
        if first.i == 0 or first.i > verb.i:
            continue
        if (
            verb.dep_ == "relcl"
            and token.lower_ in ("i", "we", "you", "u")
            and verb.lemma_.lower() not in _REMARK_VERBS
        ):
            # "a change order I pushed back on", "a time I had to let someone go": the
            # clause describes the noun before it, unless it is a remark ("…my degree I
            # said it was fine").
            continue
        before = doc[first.i - 1]
        if (
            before.lower_ in _EMBEDDING_WORDS
            or before.lower_ in _CLAUSE_ADJECTIVES
            or before.lower_ in _RELATIVE_NOUNS
            or (before.pos_ in _NOT_CLAUSE_END and not _ends_on_object(before))
            or (before.pos_ == "VERB" and before.lemma_.lower() in _CLAUSE_TAKING)
            or _after_wh_phrase(doc, first.i)
        ):
            continue
        where = first.idx
        if len(text[last:where].split()) < MIN_PART or len(text[where:].split()) < MIN_PART:
            continue
        if not any(t.tag_ in _FINITE for t in doc[last_token : first.i]):
            continue  # "Reading between the lines he's nervous…": no clause before to end
        cuts.append(where)
        last, last_token = where, first.i
    return cuts


def _joint(separator: str) -> str:
    """The kind of cut: the strongest mark in the separator."""
    text = separator.strip().lower()
    for mark in (";", "+", "->", "=>", "→", "—", "–", "--", "-", "?", "...", "…"):
        if mark in text:
            return mark
    for word in (
        "then",
        "and",
        "but",
        "so",
        "plus",
        "though",
        "although",
        "whereas",
        "while",
        "yet",
    ):
        if re.search(rf"\b{word}\b", text):
            return word
    return "," if "," in text else " "


# --------------------------------------------------------------------------------------------
# Questions.
# --------------------------------------------------------------------------------------------

_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|next|last|another|then|after that|later|also|and|so|"
    r"um+|uh+|the first|the second|the third|the next|the last|one|1st|2nd|3rd|4th)"
)
# Narration before a question: "then the CEO asked me", "They ask me first to", "Second
# question was", "the one about". The question is what follows.
_NARRATION_RE = re.compile(
    rf"^(?:{_ORDINAL}[,\s]+)*"
    r"(?:(?:[\w'.]+\s+){0,9}?)"
    r"(?:asked|ask|asks|wanted to know|want to know|wants to know|quizzed me on|"
    r"grilled me on|had me|made me|started with|opened with|began with|kicked off with|"
    r"ended with|finished with|closed with|gave me|gave us|threw me|put me)"
    r"(?:\s+(?:me|us|you|him|her|them))?"
    rf"(?:\s+(?:{_ORDINAL}|straight away|right away|at the start|at the end|again))*"
    r"(?:\s+(?:to)\b)?\s+"
    r"|^(?:" + _ORDINAL + r"[,\s]+)*(?:the\s+)?(?:" + _ORDINAL + r"\s+)?"
    r"(?:question|one|q)\s+(?:was|is)\s+(?:about\s+(?=\w+\s+\w+\s+\w+)|on\s+)?"
    r"|^(?:" + _ORDINAL + r"[,\s]+)*the\s+(?:one|question|bit)\s+(?:about|on|where)\s+"
    r"|^(?:first|second|third|fourth|fifth|next|last|then|another one)\s+(?:was\s+)?"
    r"(?=about\b)"
    r"|^(?:first|second|third|fourth|fifth|next|last|finally)\s*[:,-]\s*"
    # "the first was who I'd call if…", "next one is how…": an ordinal, then the question.
    r"|^(?:the\s+)?(?:first|second|third|fourth|fifth|next|last|final)\s+(?:one\s+)?(?:was|is)\s+"
    r"(?=(?:who|what|how|why|when|where|which|whether|if|tell|describe|walk|give)\b)",
    re.IGNORECASE,
)
_OPENER_RE = re.compile(
    r"(?i)^[\"“']?(?:tell (?:me|us)|walk (?:me|us)|describe|explain|give (?:me|us)|how|why|what|"
    r"what's|when|where|who|which|do you|did you|have you|can you|could you|would you|are you)\b"
)
# "When we asked about your contracts experience": a time clause narrating the question.
_WHEN_ASKED_RE = re.compile(r"(?i)^(?:when|after|once)\s+(?:[\w'.]+\s+){1,3}?asked\b")
_OPENING_FILLER_RE = re.compile(rf"^(?:(?:{_FILLER}|then|and|also)[,:\s]+)+", re.IGNORECASE)


def strip_filler(text: str) -> str:
    """Spoken filler at the start: "then, um, what KPIs…" -> "what KPIs…"."""
    stripped = _OPENING_FILLER_RE.sub("", text)
    return stripped if len(stripped.split()) >= 2 else text


# "Q about caseload management…", "something about what I do if…": a note's way of naming
# the topic of a question; the topic is the question.
_TOPIC_NARRATION_RE = re.compile(
    r"(?i)^(?:(?:then|and|also|um+|uh+|so)[,\s]+)*(?:(?:a|the|one|another)\s+)?"
    r"(?:q|question|something|a\s+bit)\s+(?:about|on)\s+"
)


def question_text(text: str, *, keep_bare_asked: bool) -> str:
    """The question in a clause that reports it: "then the CEO asked me what I'd do if…" ->
    "what I'd do if…". A list line that starts with a bare "asked" keeps it ("asked about
    IFRS 16 leases"), as people write their list of questions that way."""
    text = text.strip()
    if keep_bare_asked and re.match(r"(?i)asked\b", text):
        return text
    topic = _TOPIC_NARRATION_RE.match(text)
    if topic and len(text[topic.end() :].split()) >= 2:
        return text[topic.end() :].strip()
    if _OPENER_RE.match(text) and not _WHEN_ASKED_RE.match(text):
        return text
    match = _NARRATION_RE.match(text)
    if match and len(text[match.end() :].split()) >= 1:
        rest = text[match.end() :]
        if rest.strip():
            return rest.strip()
    return strip_filler(text)


# A second thing asked about in the same breath: "asked about my ramp time and if I've sold to
# CFOs", "worried because I never worked here, and also about the night shift".
_COORDINATION_RE = re.compile(
    r",?\s+(?:(?:and|&|\+|or)\s+(?:also\s+)?|/\s+)"
    r"(?=(?:(?:asked|ask|wanted to know)\s+)?(?:if|whether|about|that|how|why|what|when|where)\b)"
    r"|,?\s+(?:and\s+)?also\s+(?=(?:asked|ask|wanted|about)\b)",
    re.IGNORECASE,
)
# "…, sounded unconvinced on both", "I think both are worries": a verdict on all the parts.
_BOTH_RE = re.compile(
    r"[,;.]?\s*(?:->|→|-|—|–)?\s*(?:i think |sounded like |seemed like |felt like )?"
    r"(?:(?:both|all)(?: of them| of those| were| are)?\s+(?:were |are |seemed |sounded )?"
    r"(?:like )?(?:worries|concerns|worried|doubts?|red flags?|issues|problems)|"
    r"(?:both|all)(?: of them| of those)?\s+(?:felt|seemed|sounded|looked)(?: like)?\s+"
    r"(?:real |big )?"
    r"(?:worries|concerns|doubts|red flags|issues|problems|sticking points)|"
    r"(?:sounded|seemed|looked)\s+"
    r"(?:unconvinced|unsure|worried|doubtful|skeptical|sceptical|hesitant)\s+(?:on|about)\s+(?:both|"
    r"all|them|each)|sounded like both were worries|i think both are worries)[.!]*\s*$",
    re.IGNORECASE,
)


def split_coordinated(text: str) -> list[str]:
    """The separate things one sentence asks about or doubts, each in the note's words.

    Only a conjunction followed by its own "if", "whether", "about", "that", "how"… starts a
    new part; "my background and my last job duties" stays one."""
    trimmed = _BOTH_RE.sub("", text).strip()
    both = trimmed != text.strip()
    parts: list[str] = []
    start = 0
    for match in _COORDINATION_RE.finditer(trimmed):
        if match.start() <= start:
            continue
        before = trimmed[start : match.start()].strip(" ,;")
        # The first part must itself be about something asked or doubted, not "I said X".
        if len(before.split()) < 3:
            continue
        parts.append(before)
        start = match.end()
    rest = trimmed[start:].strip(" ,;.")
    if parts and len(rest.split()) >= 2:
        parts.append(rest)
        return parts
    if both:
        # "float to 3 stores and do 13-hr shifts, I think both are worries": two things.
        cut = max(trimmed.rfind(" and "), trimmed.rfind(" & "), trimmed.rfind(" + "))
        if cut > 0 and len(trimmed[:cut].split()) >= 3 and len(trimmed[cut:].split()) >= 3:
            return [trimmed[:cut].strip(" ,;"), trimmed[cut:].strip(" ,;.").split(" ", 1)[1]]
    return [trimmed if both else text]


# A list of questions asked in one go: "why I wanted to leave, what my five year plan is, and
# how I handle stress". Only openers that cannot start a relative or a condition ("which I
# think went well", "if a patient refused") start a new one.
_QUESTION_LIST_RE = re.compile(
    r"(?:,|(?<=\))\s*,?\s*(?:and|then))\s*(?:and\s+|or\s+|then\s+)?"
    r"(?=(?:why|what|what's|how|who|whether|a time|tell (?:me|us)|describe|walk (?:me|us))\b)",
    re.IGNORECASE,
)
_LIST_OPENER_RE = re.compile(
    r"(?i)^(?:(?:[\w'.]+\s+){0,3}?(?:asked|ask|asks|wanted to know)\s+(?:me\s+|us\s+)?(?:to\s+)?"
    r"(?:about\s+)?)?"
    r"(?:why|what|what's|how|who|whether|a time|tell (?:me|us)|describe|walk (?:me|us))\b"
)


def split_question_list(text: str) -> list[str]:
    """The questions of a comma list, each in the note's words; one question stays whole.
    Every part must open like a question, so "how I'd handle X, Y and Z" stays one."""
    parts = [part.strip(" ,") for part in _QUESTION_LIST_RE.split(text)]
    if len(parts) < 2 or not all(len(part.split()) >= 2 for part in parts):
        return [text]
    if not _LIST_OPENER_RE.match(parts[0]):
        return [text]
    return parts


_YES_NO_RE = re.compile(r",?\s+and\s+(?:also\s+)?(?=(?:if|whether)\b)", re.IGNORECASE)


def split_yes_no(text: str) -> list[str]:
    """Two yes/no questions asked in one breath: "whether I'd go down to 4 days, and if I
    can cover the Saturday clinic" -> both. Other "and"s stay ("how X and what Y")."""
    parts = [part.strip(" ,") for part in _YES_NO_RE.split(text)]
    if len(parts) > 1 and all(len(part.split()) >= 3 for part in parts):
        return parts
    return [text]


def join_clauses(sentence: str, parts: Sequence[Clause]) -> str:
    """The stretch of `sentence` from the first to the last clause given."""
    return sentence[parts[0].start : parts[-1].end].strip()
