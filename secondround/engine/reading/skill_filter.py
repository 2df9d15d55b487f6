"""Is a phrase a posting's reader found a skill? A typed filter over the shared parse.

The readers of ``posting_analysis`` (gazetteer, "experience with X" lists, tool names, the
CRF tagger, noun phrases of duties) propose spans; this module keeps the ones that name a
procedure, tool, technique, certificate or knowledge area, trims them to that name, and
says why it drops the others. A skill is a noun phrase; these are not:

* time expressions and shift patterns ("every third weekend", "12-hour shifts"), spaCy
  DATE/TIME entities, pay and benefits ("$18/hour", "403(b)", "sign-on bonus"), places
  (GPE/LOC entities: "Dayton, Ohio");
* adjective and verb phrases ("Compassionate", "stay calm under pressure", "take
  direction"), traits and attitudes ("positive attitude", "team player"), soft skills
  ("time management", "communication skills": the posting's competencies carry them);
* people, roles and organisations ("physicians", "HGV driver", "Bloomsbury Home Care"),
  places ("care home", "the unit"), and heads too vague to ask about alone ("duties",
  "equipment", "their indications").

A span from the curated gazetteer is trusted on its wording, but still dropped when its
context makes it a role ("HGV driver") or a condition ("DBS check" is kept as the
applicant's check, a gazetteer-known name). The word tables are data
(``data/skill_words.json``). Without the English model (``nlp.NlpUnavailable``) the same
tables are applied to the words alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from secondround.engine.nlp import parsing as nlp
from secondround.engine.reading.skill_parse import (
    condition_phrase,
    extend_certification,
    proper_names,
    reject_reason,
    soft_phrase,
    span_tokens,
    trim,
    vague_word,
)
from secondround.engine.reading.skill_words import WORD, Verdict, in_table, word_tables_of_skills

# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def judge(sentence: str, start: int, end: int, *, curated: bool = False) -> Verdict:
    """Keep or drop ``sentence[start:end]`` as a skill (see the module docstring).

    ``curated``: the span is a gazetteer name, so its wording is trusted."""
    try:
        doc = nlp.parse(sentence)
    except nlp.NlpUnavailable:
        return _judge_words(sentence, start, end, curated=curated)
    tokens = span_tokens(doc, start, end)
    if not tokens:
        return Verdict(False, start, end, "empty")
    tokens = extend_certification(doc, tokens)
    if not curated:
        tokens = trim(tokens)
        if not tokens:
            return Verdict(False, start, end, "nothing specific")
    first, last = tokens[0], tokens[-1]
    verdict_start, verdict_end = first.idx, last.idx + len(last.text)
    reason = reject_reason(doc, tokens, curated=curated)
    if reason is not None:
        return Verdict(False, verdict_start, verdict_end, reason)
    return Verdict(True, verdict_start, verdict_end, "kept")


def noun_phrases(sentence: str) -> list[tuple[int, int]]:
    """Candidate spans from the parse: proper names ("Keeping Children Safe in Education",
    "Joint Commission Standards") and noun phrases ("megger testing", "cardiac drips"),
    left to right. Empty without the English model."""
    try:
        doc = nlp.parse(sentence)
    except nlp.NlpUnavailable:
        return []
    spans = proper_names(doc)
    for chunk in doc.noun_chunks:
        if chunk.root.pos_ == "PRON":
            continue
        spans += split_coordination(sentence, chunk.start_char, chunk.end_char)
    return spans


def split_coordination(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "receptacles, switches, dimmers" -> three spans; "checking and savings deposits"
    stays whole (the first noun modifies the shared head)."""
    try:
        doc = nlp.parse(sentence)
    except nlp.NlpUnavailable:
        return [(start, end)]
    tokens = span_tokens(doc, start, end)
    pieces: list[list[Any]] = [[]]
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else None
        breaks = token.text in {",", ";"} or (
            token.pos_ == "CCONJ"
            and before is not None
            and before.pos_ in {"NOUN", "PROPN"}
            and before.dep_ not in {"compound", "nmod", "amod"}
        )
        if breaks:
            pieces.append([])
            continue
        pieces[-1].append(token)
    pieces = [p for p in pieces if p]
    shared_head = (
        len(pieces) > 1
        and all(len(p) == 1 and p[0].text.islower() for p in pieces[:-1])
        and len(pieces[-1]) > 1
        and pieces[-1][0].dep_ == "compound"
    )
    if shared_head:  # "oil, tyre and brake checks": the checks of all three
        return [(start, end)]
    out = [(p[0].idx, p[-1].idx + len(p[-1].text)) for p in pieces]
    return out or [(start, end)]


def prepare(sentences: Sequence[str]) -> None:
    """Parse a posting's sentences in one batch (the parse is cached for ``judge``)."""
    try:
        nlp.parse_many(list(sentences))
    except nlp.NlpUnavailable:
        return


# --------------------------------------------------------------------------------------
# Without the parse
# --------------------------------------------------------------------------------------


def _judge_words(sentence: str, start: int, end: int, *, curated: bool) -> Verdict:
    """The word tables alone: the last word is taken as the head."""
    tables = word_tables_of_skills()
    words = WORD.findall(sentence[start:end])
    if not words:
        return Verdict(False, start, end, "empty")
    low = " ".join(words).lower()
    last = words[-1]
    if low == "english":
        return Verdict(False, start, end, "language of the posting")
    if condition_phrase(low):
        return Verdict(False, start, end, "benefit or condition of hiring")
    if soft_phrase(low):
        return Verdict(False, start, end, "soft skill")
    if curated:
        return Verdict(True, start, end, "kept")
    if in_table(tables.time, last):
        return Verdict(False, start, end, "time")
    if in_table(tables.benefit, last):
        return Verdict(False, start, end, "pay or benefit")
    for table, reason in (
        (tables.trait, "trait"),
        (tables.people, "person or role"),
        (tables.place, "place or organisation"),
    ):
        if in_table(table, last):
            return Verdict(False, start, end, reason)
    if in_table(tables.generic, last) and all(
        vague_word(w) or in_table(tables.generic, w) for w in words
    ):
        return Verdict(False, start, end, "too vague alone")
    return Verdict(True, start, end, "kept")
