"""How a question went, as notes grade it ("(7/10)", "— nailed it", "✓", "ok but thin"),
and a question line split from its grade."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from secondround.engine.reading.note_cues import (
    COMFORTABLE,
    CONCERN_RE,
    CONCERNS,
    MISS_RE,
    MISSES,
    POSITIVE_RE,
    POSITIVES,
    QUESTIONS,
    STRUGGLED,
    UNSURE,
    heading_section,
    norm_words,
    wordset,
)

# A legend line: "+ = landed, - = missed, ? = their doubt", "(+) good (-) bad (!) worry".
_KEY_LINE_RE = re.compile(r"(?i)^\s*(?:key|legend|symbols|marks)\s*[:=–-]\s*")
_LEGEND_PART_RE = re.compile(r"\(?([+\-?!✓✗])\)?\s*(?:=|:|means)?\s*([A-Za-z][A-Za-z' ]{1,30})")


def read_legend(line: str) -> dict[str, str] | None:
    """Marks and what each stands for, when the line defines marks: a field ("+ = landed"),
    or a grade ("+ = good, - = bad, ? = unsure", returned as the grade's name)."""
    if len(line) > 200:
        return None
    defined = re.findall(r"[+\-?!✓✗]\s*(?:=|:|means)\s*\w|\([+\-?!]\)\s*\w", line)
    if _KEY_LINE_RE.match(line):
        # "key: + went well / - didn't / ? not sure": the label says the marks are defined.
        defined += re.findall(r"(?:^|[\s/,;:])[+\-?!✓✗]\s+\w", line)
    if len(defined) < 2:
        return None
    legend: dict[str, str] = {}
    for match in _LEGEND_PART_RE.finditer(line):
        words = norm_words(match.group(2))
        grade = rating_in(match.group(2))
        section = heading_section(words)
        if section in (POSITIVES, MISSES, CONCERNS, QUESTIONS) and grade is None:
            legend[match.group(1)] = section
        elif grade is not None:
            legend[match.group(1)] = grade
        elif section is not None:
            legend[match.group(1)] = section
    if any(value in (COMFORTABLE, UNSURE, STRUGGLED) for value in legend.values()):
        # "+ went well / - didn't / ? not sure": among grades, a bare negation is a grade too.
        for match in _LEGEND_PART_RE.finditer(line):
            mark, words = match.group(1), norm_words(match.group(2))
            negation = bool(words) and words[0] in ("didn't", "didnt", "not", "no", "bad", "badly")
            if mark in ("-", "✗") and (
                legend.get(mark) == MISSES or mark not in legend and negation
            ):
                legend[mark] = STRUGGLED
    return legend if len(legend) >= 2 else None


# --------------------------------------------------------------------------------------------
# Grades: how a question went.
# --------------------------------------------------------------------------------------------

# Rating cues. Tier 1 are explicit grades, tier 2 describe what happened, tier 3 are
# hesitations: "so-so, I rambled" is graded so-so, but in "hmm, I got defensive" the
# hesitation loses to what actually happened.
RATING_CUES: tuple[tuple[str, str, int], ...] = (
    # The plain grades of the languages people mix in (es, fr, de, pt, it).
    *(
        (phrase, COMFORTABLE, 1)
        for phrase in (
            "bien",
            "muy bien",
            "très bien",
            "tres bien",
            "gut",
            "sehr gut",
            "gut gelaufen",
            "bem",
            "foi bem",
            "mandei bem",
            "bene",
            "molto bene",
        )
    ),
    *(
        (phrase, UNSURE, 1)
        for phrase in (
            "más o menos",
            "mas o menos",
            "moyen",
            "bof",
            "geht so",
            "mittel",
            "mittelmäßig",
            "mais ou menos",
            "così così",
            "cosi cosi",
        )
    ),
    *(
        (phrase, STRUGGLED, 1)
        for phrase in (
            "mal",
            "muy mal",
            "raté",
            "nul",
            "schlecht",
            "schwach",
            "mandei mal",
            "foi mal",
        )
    ),
    # comfortable
    *(
        (phrase, COMFORTABLE, 1)
        for phrase in (
            "went well",
            "went fine",
            "went great",
            "went good",
            "go well",
            "goes well",
            "nailed it",
            "nailed that",
            "nailed",
            "aced it",
            "aced",
            "crushed it",
            "killed it",
            "strong answer",
            "good answer",
            "great answer",
            "not bad",
            "pretty good",
            "good",
            "great",
            "fine",
            "solid",
            "strong",
            "excellent",
            "perfect",
            "decent",
            "well",
            "ok",
            "okay",
            "o.k",
            "alright",
            "all right",
            "no problem",
            "no problems",
            "easy",
            "answered with confidence",
            "with confidence",
            "answering with confidence",
            "got all of them",
            "got it right",
            "knew it",
        )
    ),
    *(
        (phrase, COMFORTABLE, 2)
        for phrase in (
            "felt confident",
            "confident",
            "felt good",
            "comfortable",
            "smooth",
            "loved it",
            "liked it",
            "used the",
            "used my",
            "gave the",
            "told the",
        )
    ),
    # unsure
    *(
        (phrase, UNSURE, 1)
        for phrase in (
            "okay-ish",
            "ok-ish",
            "ok ish",
            "okayish",
            "okish",
            "so-so",
            "so so",
            "meh",
            "mixed",
            "average",
            "fair",
            "iffy",
            "medium",
            "middling",
            "slow",
            "shaky",
            "could be better",
            "could have been better",
            "50/50",
            "not my best",
            "not fully confident",
            "not so confident",
            "not very confident",
            "not confident",
            "not totally sure",
            "not the best",
            "somehow i managed",
            "i managed",
            "so and so",
            "rambled",
            "rambling",
            "went long",
            "too long",
            "talk too long",
            "talked too long",
            "too generic",
            "generic",
            "vague",
            "went vague",
            "hesitated",
            "thin",
            "awkward",
            "felt awkward",
            "cliche",
            "cliché",
            "clunky",
            "overthought it",
            "ok but",
            "okay but",
            "fine but",
            "good but",
        )
    ),
    ("not sure", UNSURE, 3),
    ("unsure", UNSURE, 3),
    ("hmm", UNSURE, 3),
    ("hm", UNSURE, 3),
    ("i think", UNSURE, 4),
    # struggled
    *(
        (phrase, STRUGGLED, 1)
        for phrase in (
            "not great",
            "not good",
            "not well",
            "didn't go well",
            "didnt go well",
            "did not go well",
            "went badly",
            "went poorly",
            "went bad",
            "bombed",
            "tanked",
            "weak",
            "bad",
            "badly",
            "poorly",
            "poor",
            "terrible",
            "awful",
            "rough",
            "total fail",
            "fail",
            "failed",
            "disaster",
            "difficult",
            "was hard",
            "hard one",
        )
    ),
    *(
        (phrase, STRUGGLED, 2)
        for phrase in (
            "struggled",
            "blanked",
            "blank",
            "went blank",
            "froze",
            "freeze",
            "stumbled",
            "fumbled",
            "flubbed",
            "flustered",
            "panicked",
            "panic",
            "messed up",
            "screwed up",
            "got defensive",
            "defensive",
            "no idea",
            "couldn't answer",
            "could not answer",
            "didn't know",
            "did not know",
            "went off track",
            "confused",
            "was confused",
            "like an idiot",
            "no example",
            "no real system",
            "sloppy",
            "lost my way",
            "fell flat",
            "all over the place",
        )
    ),
)

# Symbols people use as quick grades, before or after a question.
RATING_SYMBOLS: dict[str, str] = {
    "👍": COMFORTABLE,
    "✅": COMFORTABLE,
    "✔": COMFORTABLE,
    "✓": COMFORTABLE,
    "💪": COMFORTABLE,
    "🙂": COMFORTABLE,
    "😀": COMFORTABLE,
    "😊": COMFORTABLE,
    "🎯": COMFORTABLE,
    "🔥": COMFORTABLE,
    "🤷": UNSURE,
    "😐": UNSURE,
    "😬": UNSURE,
    "🤔": UNSURE,
    "❓": UNSURE,
    "❔": UNSURE,
    "🟡": UNSURE,
    "〰": UNSURE,
    "~": UNSURE,
    "👎": STRUGGLED,
    "❌": STRUGGLED,
    "✗": STRUGGLED,
    "✘": STRUGGLED,
    "😞": STRUGGLED,
    "😩": STRUGGLED,
    "😳": STRUGGLED,
    "🔴": STRUGGLED,
}

# "+", "-" and "?" as a whole grade, e.g. "(+)" or a list written as "+ why retail".
MARK_RATINGS: dict[str, str] = {"+": COMFORTABLE, "?": UNSURE, "??": UNSURE, "-": STRUGGLED}
# Outside a list of questions the same marks name a field (a legend may say otherwise).
MARK_FIELDS: dict[str, str] = {"+": POSITIVES, "-": MISSES, "?": CONCERNS, "!": CONCERNS}

# Words before a rating that do not change it: "I think that went well", "i was so-so".
RATING_FILLER = wordset(
    "i think that it this one was went felt honestly pretty kinda kind of so and which that's "
    "thats it's its overall answer my the really a bit little mostly probably i'd say "
    "here i was is were did do this answered answer answered um uh just like yeah "
    "guess maybe quite very all in"
)


class _Trie(dict[str, "_Trie"]):
    pass


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex for many phrases, shaped as a prefix tree so matching stays fast."""
    root = _Trie()
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, _Trie())
        node[""] = _Trie()
    return _trie_node(root)


def _trie_node(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_CUE_BY_TEXT = {phrase: (went, tier) for phrase, went, tier in RATING_CUES}
RATING_RE = re.compile(
    r"(?<![\w'])"
    + _trie_pattern(_CUE_BY_TEXT)
    + r"(?![\w'])"
    + r"|(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(5|10)(?![\d/])"
    # "3 stars", "4/5 stars" are out of five; "★★★☆☆" too.
    + r"|(?<![\w/.])([0-5])\s*(?:/\s*5\s*)?stars?\b|(★+)☆*"
    # A bare score closing a line, "why this trust (8)": out of 5 when at most 5, else 10.
    + r"|(?:(?<=\()|^)(\d{1,2})\)\s*$",
    re.IGNORECASE,
)
SYMBOL_RE = re.compile("|".join(re.escape(s) for s in RATING_SYMBOLS if s != "~") + r"|\ufe0f")
# Cue tiers from this one up are hesitations ("hmm", "i think"), used only when alone.
WEAK_TIER = 3


def score_rating(numerator: float, denominator: float) -> str:
    """Out of 10: 7-10 comfortable, 5-6 unsure, below struggled; out of 5: 4-5, 3, 1-2."""
    ratio = numerator / denominator if denominator else 0.0
    if ratio >= 0.7 or (denominator == 5 and numerator >= 4):
        return COMFORTABLE
    return UNSURE if ratio >= 0.5 else STRUGGLED


def _cue_went(match: re.Match[str]) -> tuple[str, int]:
    if match.group(1):
        return score_rating(float(match.group(1)), float(match.group(2))), 1
    if match.group(3):
        return score_rating(float(match.group(3)), 5.0), 1
    if match.group(4):
        return score_rating(float(len(match.group(4))), 5.0), 1
    if match.group(5):
        score = float(match.group(5))
        return score_rating(score, 5.0 if score <= 5 else 10.0), 1
    went, tier = _CUE_BY_TEXT[match.group(0).lower()]
    return went, tier


# After a plain "ok"/"good", these take the grade down to unsure.
_TEMPERED_RE = re.compile(
    r"\bbut\b|\b(?:maybe |a bit |bit |probably )?(?:too long|too short|went long|rambled|"
    r"rambling|vague|generic|thin|slow|shaky|nervous)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def rating_in(text: str) -> str | None:
    """The grade a short remark carries: its first real grade, hesitations only as fallback.

    "so-so, I rambled" is so-so; "hmm, I got defensive" is defensive; "OK, used the SBAR
    story" is comfortable, "ok but thin on result" unsure.
    """
    weak: str | None = None
    for match in RATING_RE.finditer(text):
        went, tier = _cue_went(match)
        if tier == 1 and went == COMFORTABLE and _TEMPERED_RE.search(text[match.end() :]):
            # "ok, mentioned SHRM webinars but nothing specific", "ok, maybe too long".
            return UNSURE
        if tier < WEAK_TIER:
            # "not" right before a plain grade turns it: "not ok", "wasn't good".
            before = text[: match.start()].lower().split()[-1:]
            if before and before[0] in ("not", "wasn't", "wasnt", "never") and went != UNSURE:
                return STRUGGLED if went == COMFORTABLE else UNSURE
            return went
        weak = weak or went
    for symbol in SYMBOL_RE.findall(text):
        if symbol in RATING_SYMBOLS:
            return RATING_SYMBOLS[symbol]
    return weak


def remark_rating(text: str) -> str | None:
    """The grade of a remark that is only a verdict: "I think it go well", "no problem",
    "this I answer good", "somehow I managed". None when the remark says something else."""
    stripped = text.strip(" .,;:!-–—")
    symbol = SYMBOL_RE.match(stripped)
    if symbol and symbol.group(0) in RATING_SYMBOLS:
        return RATING_SYMBOLS[symbol.group(0)]
    match = RATING_RE.search(stripped)
    if not match:
        return None
    leading = norm_words(stripped[: match.start()])
    if len(leading) > 6 or any(word not in RATING_FILLER for word in leading):
        return None
    return rating_in(stripped[match.start() :]) or rating_in(stripped)


# --------------------------------------------------------------------------------------------
# A question line and its grade: "Tell me about X — nailed it", "why retail (+)", "✓ why us".
# --------------------------------------------------------------------------------------------

_BULLET_RE = re.compile(
    r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+"
    r"|^\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s+(?=[A-Za-z][\w '/&-]{0,30}:)"
    r"|^\s*(?:[-*•·◦‣▪►>–—]|\d{1,3}[.)]|[a-z][.)](?=\s)|\[[ xX]?\])\s*"
    r"|^\s*(?:" + "|".join(re.escape(s) for s in RATING_SYMBOLS if s != "~") + r")\ufe0f?\s*"
)
_MARKER_RE = re.compile(r"^\s*([+?]{1,2}|!)\s+(?=\S)|^\s*\(([+?!-])\)\s*")
SEPARATORS_RE = re.compile(
    r"\?\s+(?:[—–-]+|->|→)\s+|\s+[—–]+\s*|\s*[—–]+\s+|\s+-{1,2}\s+|\s*--\s*|\s*(?:->|=>|→)\s*|\s*\.\.\.+\s*|…\s*|"
    r"[?!.]\s+|:\s+|;\s+|,\s+|\s*\(|\s*\[|\s+(?:and|but|which|so|though|although)\s+"
)
_WEAK_SEPARATORS = frozenset({",", "and", "but", "which", "so", "though", "although"})
_EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_SPACE_RE = re.compile(r"\s+")
MAX_QUESTION = 400


def clean(text: str) -> str:
    """Trim what should not be stored: emphasis marks, outer spaces, a final period/comma."""
    text = _EMPHASIS_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text).strip(" \t-–—:,;")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text


def strip_bullet(line: str) -> tuple[str, bool]:
    """Remove a list marker; tell whether there was one (lists keep their section)."""
    match = _BULLET_RE.match(line)
    if not match or match.end() == 0:
        return line.strip(), False
    return line[match.end() :].strip(), True


def leading_mark(line: str) -> tuple[str | None, str]:
    """A "+", "-", "?", "!" or "(+)" before an item, and the item without it."""
    match = _MARKER_RE.match(line)
    if match:
        return (match.group(1) or match.group(2)), line[match.end() :].strip()
    dash = re.match(r"^\s*-\s+(?=\S)", line)
    if dash:
        return "-", line[dash.end() :].strip()
    return None, line.strip()


def _separator_strength(separator: str) -> int:
    """Dashes and arrows set a verdict apart more surely than a colon, a comma or "and"."""
    if separator.lower() in _WEAK_SEPARATORS:
        return 0
    if separator in (":", ";"):
        return 1
    if separator in (".", "!") or separator == "?":
        return 2
    return 3


@lru_cache(maxsize=2048)
def split_tail(text: str) -> tuple[str, str | None, str]:
    """Cut "question — how it went" at the separator before the first grade.

    A grade counts only after a separator, so "Tell me about a time you struggled with a
    deadline" keeps its words. Among separators before the grade the strongest wins:
    "coding: LRU cache - slow, probably a 3/5" cuts at "-". Returns (question, grade, rest).
    """
    if len(text) > MAX_QUESTION:
        return text, None, ""
    separators = [
        (m.start(), m.end(), m.group(0).strip(" ([")) for m in SEPARATORS_RE.finditer(text)
    ]
    for cue in RATING_RE.finditer(text):
        candidates = []
        for start, end, sep in separators:
            if end > cue.start() or start == 0:
                continue
            gap = len(text[end : cue.start()].split())
            strength = _separator_strength(sep)
            if gap <= (6 if strength == 0 else 12):
                candidates.append((strength, start, end))
        if not candidates:
            continue
        _, start, end = max(candidates)
        went = rating_in(text[end:])
        if went is None:
            continue
        body = text[:start]
        if text[start : start + 1] == "?":
            body += "?"
        return body.rstrip(), went, text[end:].strip()
    return text, None, ""


# A question asked in its own words, whose " ?" at the end is its question mark, no grade.
_ASKING_RE = re.compile(
    r"(?i)^\s*(?:why|what|how|who|which|when|where|do you|did you|have you|can you|would you|"
    r"pourquoi|comment|quel\w*|qu'est|por qu[eé]|qu[eé]|c[oó]mo|cu[aá]l|warum|wie|was|welche\w*|"
    r"porque|por que|como|qual|perch[eé])\b"
)
# A run of drawn stars after a question: "★★★☆☆", "⭐⭐⭐⭐".
_STARS_RE = re.compile(r"\s*([★⭐]{1,10})(☆{0,9})(?=\s|$|[(\[,;:—–-])")
_TRAILING_VERB_RE = re.compile(
    r"\s+(bombed|blanked|rambled|struggled|froze|fumbled|nailed it|went (?:well|fine|ok|okay|"
    r"badly|poorly))\s*[.!]*$",
    re.IGNORECASE,
)


def detect_rating(text: str) -> tuple[str, str | None]:
    """Split a question line into (question text, how it went or None).

    Understands "(good)", "— nailed it", ", I rambled", "3/5", emoji and "+/-/?" marks.
    """
    text, went, _ = read_question_line(text)
    return text, went


def read_question_line(text: str, *, scale: int | None = None) -> tuple[str, str | None, str]:
    """(question, grade, the remark after the grade) of one question line."""
    text = text.strip()
    went: str | None = None
    marker = _MARKER_RE.match(text)
    if marker:
        went = MARK_RATINGS.get(marker.group(1) or marker.group(2) or "")
        text = text[marker.end() :]
    lead = _BULLET_RE.match(text)
    if lead and lead.end() and SYMBOL_RE.search(text[: lead.end()]):
        went = went or rating_in(text[: lead.end()])
        text = text[lead.end() :]
    trailing = re.search(r"(?:\s*(?:" + SYMBOL_RE.pattern + r"))+\s*$", text)
    if trailing and trailing.start() > 0:
        went = rating_in(trailing.group(0)) or went
        text = text[: trailing.start()]
    mark = re.search(r"\s+\(?([+?-]|\?\?)\)?\s*$|\(([+?-])\)\s*$", text)
    if mark and mark.group(0).strip() == "?" and _ASKING_RE.match(text):
        mark = None  # "pourquoi la boulangerie ?": a question mark typed after a space
    if mark and mark.start() > 0:
        went = MARK_RATINGS[mark.group(1) or mark.group(2)]
        text = text[: mark.start()]
    stars = _STARS_RE.search(text)
    if stars and stars.start() > 0:
        # "Walk us through your biggest deal ★★★★☆ (rambled)": stars out of the run's length
        # (five when no empty star is drawn); what follows them is the remark.
        filled, empty = len(stars.group(1)), len(stars.group(2))
        went = score_rating(float(filled), float(filled + empty if empty else 5))
        remark = text[stars.end() :].strip(" ()[]-–—,:")
        text = text[: stars.start()]
        if remark:
            return clean(text), went, remark
    score = re.search(r"\s+(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(5|10)\s*$", text)
    if score and score.start() > 0:
        went = score_rating(float(score.group(1)), float(score.group(2)))
        text = text[: score.start()]
    bare = re.search(r"(?<=[\s?.)])(\d{1,2})\s*$", text) if scale else None
    if bare and scale and int(bare.group(1)) <= scale:
        went = score_rating(float(bare.group(1)), float(scale))
        text = text[: bare.start()]
    body, tail_went, rest = split_tail(text)
    if tail_went is None:
        verb = _TRAILING_VERB_RE.search(text)
        if verb and verb.start() >= 3:
            body, tail_went, rest = text[: verb.start()], rating_in(verb.group(1)), ""
    if tail_went is None and rest == "":
        body, rest = _without_answer(body)
    return clean(body), tail_went or went, rest


# What the candidate answered, after the question: "tell me about yourself - talked about my
# 5 yrs in retail", "biggest weakness: said delegation". Only after a dash, an arrow, a colon
# or a sentence's end, and only when it starts the way an answer is reported.
_ANSWER_CUT_RE = re.compile(r"(\?)\s+(?=\S)|\s+[—–-]{1,2}\s+|\s*(?:->|=>|→)\s*|:\s+|\.\s+")
_ANSWER_START_RE = re.compile(
    r"(?i)^(?:i\b|i'[a-z]+\b|my\b|said\b|talked\b|told\b|used\b|gave\b|went with\b|"
    r"mentioned\b|explained\b|answered\b|described\b|spoke\b|covered\b|walked (?:them|her|him)\b|"
    r"focused\b|discussed\b|brought up\b|picked\b|chose\b)"
)


def _without_answer(text: str) -> tuple[str, str]:
    """(question, the answer after it) when the line goes on to report the answer."""
    for match in _ANSWER_CUT_RE.finditer(text):
        if match.start() < 3:
            continue
        rest = text[match.end() :]
        if _ANSWER_START_RE.match(rest) and len(text[: match.start()].split()) >= 2:
            return text[: match.start()] + (match.group(1) or ""), rest.strip()
    return text, ""


_BARE_GRADE_RE = re.compile(r"\s*(\d{1,2})\s*(?:/\s*(\d{1,2}))?\s*[.!]?\s*")


def is_verdict_like(text: str) -> bool:
    """A clause that grades what came before, perhaps with a word on why: "finished but
    slow, probably a 3/5", "weak on labour %" (but not "forgot to mention X")."""
    if is_verdict(text):
        return True
    return (
        rating_in(text) is not None
        and not MISS_RE.search(text)
        and not CONCERN_RE.search(text)
        and not POSITIVE_RE.search(text)
        and len(text.split()) <= 12
    )


def is_verdict(text: str) -> bool:
    """A clause that only grades what came before: "-> solid", "4/5", "7", "ok but thin"."""
    return bool(_BARE_GRADE_RE.fullmatch(text)) or remark_rating(text) is not None


def bare_grade(text: str, scale: int | None) -> str | None:
    """The grade of a clause that is only a number: "7" (out of the note's scale), "4/5"."""
    bare = _BARE_GRADE_RE.fullmatch(text)
    if not bare:
        return None
    number = float(bare.group(1))
    out_of = float(bare.group(2) or scale or (5 if number <= 5 else 10))
    return score_rating(number, out_of) if 0 < number <= out_of else None
