"""A question's words as the classifier reads them (normalised, stemmed, tokens) and the
competency phrase lexicon's scores."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.nlp.vocabulary import COMPETENCIES

PHRASES_PATH = DATA_DIR / "competency_phrases.json"


# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
WORD = re.compile(r"[a-z0-9{}]+")


def _words(text: str) -> frozenset[str]:
    """A word table written as one block of text."""
    return frozenset(text.split())


_KEEP = _words(
    "is was has his its this us bus yes gas plus thus always perhaps news series process"
    " success less unless across analysis diagnosis basis crisis stress address business"
    " class focus status campus bonus lens does goes kids"
    " something nothing anything everything thing during morning evening bring spring"
    " string ceiling"
)
_VOWELS = frozenset("aeiouy")


def normalise(text: str) -> str:
    """Lower case, straight quotes, hyphens/slashes as spaces, apostrophes dropped."""
    text = text.translate(_QUOTES).lower()
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = re.sub(r"[-/_]", " ", text)
    text = text.replace("'", "")
    return re.sub(r"\s+", " ", text).strip()


def stem(word: str) -> str:
    """A careful suffix stripper: plural -s/-es/-ies, -ing, -ed, -ly, a final -e."""
    if len(word) <= 3 or word in _KEEP or not word.isalpha():
        return word
    w = word
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"  # studies, studied -> study
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if not any(c in _VOWELS for c in base):
                break
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # running -> run, planned -> plan
            w = base
            break
    if w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Stemmed word tokens of `text`."""
    return [stem(w) for w in WORD.findall(normalise(text))]


STOPWORDS = frozenset(
    tokens(
        "a an the and or but of to in on at for with by from as into about me my i we our us"
        " you your yours it its this that these those there their they them he she his her"
        " is are was were be been being am do does did have has had will would could should"
        " can may might must shall what when where which who whom why how if then than so"
        " not no any some one tell describe give example time situation share talk walk"
        " through explain name recent recently ever past previous current something"
        " someone somebody thing things like just get got make made did done very most more"
        " s t work job experience handle handled deal happen happened role company"
        " youve ive weve theyve youre were im id youd ill youll dont didnt doesnt wasnt"
    )
)

# --------------------------------------------------------------------------------------
# The phrase lexicon
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    competency: str
    weight: float
    phrase: str | None  # stemmed words joined by spaces, matched on word boundaries
    regex: re.Pattern[str] | None  # or a regular expression on the normalised text


def _load_phrases(path: Path) -> tuple[_Entry, ...]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    entries: list[_Entry] = []
    if not isinstance(raw, dict):
        return ()
    for competency, items in raw.items():
        if competency not in COMPETENCIES or not isinstance(items, list):
            continue
        for item in items:
            if not (isinstance(item, list) and len(item) == 2):
                continue
            phrase, weight = item
            if not isinstance(phrase, str) or not isinstance(weight, int | float):
                continue
            if phrase.startswith("re:"):
                entries.append(_Entry(competency, float(weight), None, re.compile(phrase[3:])))
            else:
                stemmed = " ".join(tokens(phrase))
                if stemmed:
                    entries.append(_Entry(competency, float(weight), stemmed, None))
    return tuple(entries)


_ENTRIES: tuple[_Entry, ...] = _load_phrases(PHRASES_PATH)


def lexicon_scores(normalised: str, stemmed: str) -> dict[str, float]:
    padded = f" {stemmed} "
    scores: dict[str, float] = {}
    for entry in _ENTRIES:
        if entry.phrase is not None:
            hit = f" {entry.phrase} " in padded
        else:
            assert entry.regex is not None
            hit = entry.regex.search(normalised) is not None
        if hit:
            scores[entry.competency] = scores.get(entry.competency, 0.0) + entry.weight
    return scores
