"""Where one punctuated sentence joins two items with a contrast or a second verb.

"She liked my portfolio but was worried about my agency experience", "the manager smiled at
the cat story, though she seemed concerned about my commute", "I forgot to mention my
certificate and also didn't ask about the team", "Forgot to say I speak French, forgot to
bring my references": each side is an item of its own (a positive and a concern, two
misses). The punctuation rules do not see these cuts (the second side may have no subject,
or a noun subject after "but"); the shared spaCy parse does: a finite verb coordinated with
the one before by "but"/"yet"/"and also", or an adverbial clause opened by "though",
"although", "whereas" (or "while" with someone else as its subject), or the same verb
repeated after a comma.

A cut is kept only when both sides are worth an item (three words or more) and neither side
is a grade of the other ("it was fine but went long" is one remark).
"""

from __future__ import annotations

import re
from typing import Any

from secondround.engine.nlp import parsing as nlp
from secondround.engine.reading.note_grades import is_verdict_like

__all__ = ["contrast_cuts"]

_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_CONTRAST_CC = frozenset(("but", "yet"))
_CONTRAST_MARKS = frozenset(("though", "although", "whereas", "while"))
_FIRST_PERSON = frozenset(("i", "we", "me", "us"))
MIN_SIDE = 3
# What may stand between a comma and the verb it opens: "…, also forgot", "…, never mentioned".
_LEAD = frozenset(("advmod", "aux", "neg"))


def _finite(verb: Any) -> bool:
    """A verb that makes a clause of its own: "was", "seemed", "did n't ask"."""
    if verb.tag_ in _FINITE:
        return True
    return any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in _FINITE for child in verb.children
    )


def _has_subject(verb: Any) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)


def _cut_before(doc: Any, verb: Any) -> tuple[int, int, str] | None:
    """(end of the first side, start of the second, the joining word) in characters, or
    None. A repeated verb after a comma is joined as by ";": a list, never one item."""
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and _finite(verb):
        joiners = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.left_edge.i]
        joiner = joiners[-1] if joiners else None
        first = verb.left_edge
        if joiner is not None and joiner.lower_ in _CONTRAST_CC:
            return joiner.idx, first.idx, joiner.lower_
        if joiner is not None and joiner.lower_ == "and" and first.lower_ == "also":
            return joiner.idx, first.idx, "and"
        return None
    if verb.dep_ == "advcl" and _finite(verb):
        marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS]
        if not marks or marks[0].i <= verb.head.i or not _has_subject(verb):
            return None
        mark = marks[0]
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl"))
        if mark.lower_ == "while" and subject.lower_ in _FIRST_PERSON:
            return None  # "she smiled while I talked about the audit": one reaction
        if mark.i + 1 >= len(doc):
            return None
        return mark.idx, doc[mark.i + 1].idx, mark.lower_
    if verb.dep_ == "ROOT" and _finite(verb) and not _has_subject(verb):
        # "Forgot to say I speak French, forgot to bring my references": the same verb again
        # after a comma starts the next item of a list.
        first = verb
        while first.i > 0 and doc[first.i - 1].head == verb and doc[first.i - 1].dep_ in _LEAD:
            first = doc[first.i - 1]
        before = doc[first.i - 1] if first.i > 0 else None
        if before is None or before.text != ",":
            return None
        forms = {verb.lemma_.lower(), verb.lower_}
        if any(forms & {t.lemma_.lower(), t.lower_} for t in doc[: before.i]):
            return before.idx, first.idx, ";"
    return None


_JOINING_RE = re.compile(r"(?i)\b(?:but|yet|though|although|whereas|while|and also)\b")


def _may_cut(text: str) -> bool:
    """Worth a parse: a joining word, or a word of four letters or more again after a comma
    (the parse costs more than the rest of the splitter)."""
    if _JOINING_RE.search(text):
        return True
    head, _, tail = text.partition(",")
    if not tail:
        return False
    before = {word.lower() for word in re.findall(r"[A-Za-z]{4,}", head)}
    return any(word.lower() in before for word in re.findall(r"[A-Za-z]{4,}", tail))


def contrast_cuts(text: str) -> list[tuple[int, int, str]]:
    """(end of one side, start of the next, the joining word) for each cut, in order."""
    if len(text.split()) < 2 * MIN_SIDE or not _may_cut(text):
        return []
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return []
    cuts: list[tuple[int, int, str]] = []
    last = 0
    for token in doc:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        cut = _cut_before(doc, token)
        if cut is None or cut[0] <= last:
            continue
        end, start, joint = cut
        before, after = text[last:end].strip(" ,;"), text[start:].strip(" ,;.")
        if len(before.split()) < MIN_SIDE or len(after.split()) < MIN_SIDE:
            continue
        if is_verdict_like(before) or is_verdict_like(after):
            continue
        cuts.append((end, start, joint))
        last = start
    return cuts
