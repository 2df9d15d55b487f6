"""The skill filter's reading with the shared parse: a candidate phrase's tokens trimmed,
extended to a whole certification, and the reason it is not a skill, if any."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from secondround.engine.nlp.action_verbs import verb_base
from secondround.engine.reading.posting_words import ROLE_NOUNS
from secondround.engine.reading.skill_words import (
    FUNCTION_POS,
    MAX_WORDS,
    NAME_POS,
    NOT_SKILL_ENTITIES,
    ROLE_ACRONYMS,
    in_table,
    singular,
    word_tables_of_skills,
    words_table,
)

# --------------------------------------------------------------------------------------
# With the parse
# --------------------------------------------------------------------------------------


def span_tokens(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not t.is_space]


def extend_certification(doc: Any, tokens: list[Any]) -> list[Any]:
    """ "BLS" + " certification", "RN" + " license": a name and the credential noun after it
    are one certification; "Accounting" after "Bachelor's degree in" is the degree's
    subject, so the name is the whole degree ("Bachelor's degree in Accounting or Finance")."""
    tables = word_tables_of_skills()
    out = list(tokens)
    index = out[-1].i + 1
    # "BLS", "ACCA" are certifications already; "RN" alone is also the job's title.
    bare = len(out) == 1 and out[0].text in _certification_acronyms()
    while (
        not bare
        and index < len(doc)
        and len(out) < MAX_WORDS
        and in_table(tables.certification, doc[index].text)
    ):
        out.append(doc[index])
        index += 1
    first = out[0].i
    if (
        first >= 2
        and doc[first - 1].lower_ in {"in", "of"}
        and (
            in_table(tables.certification, doc[first - 2].text)
            and not in_table(tables.certification, out[0].text)
        )
    ):
        degree = doc[first - 2]
        left = degree.left_edge.i
        right = out[-1].i
        # "in Accounting or Finance": the subject's conjuncts belong to the same degree.
        while (
            right + 2 < len(doc)
            and doc[right + 1].pos_ == "CCONJ"
            and (doc[right + 2].pos_ in {"NOUN", "PROPN"})
        ):
            right += 2
        out = [doc[i] for i in range(left, right + 1) if doc[i].pos_ != "DET"]
    return out


@lru_cache(maxsize=1)
def _certification_acronyms() -> frozenset[str]:
    """Acronyms that name a certification by themselves (not the roles RN, LPN, CNA)."""
    return frozenset(words_table()["certification_acronyms"]) - ROLE_ACRONYMS


def trim(tokens: list[Any]) -> list[Any]:
    """Drop a leading verb with its determiner ("Titrate cardiac drips" keeps "cardiac
    drips"), leading evaluative words ("strong", "their") and edge punctuation."""
    tables = word_tables_of_skills()
    out = list(tokens)
    if ":" in [t.text for t in out[:-1]]:  # "Administrative: uses ..." -> after the colon
        cut = max(i for i, t in enumerate(out[:-1]) if t.text == ":")
        out = out[cut + 1 :]
    while len(out) > 1 and _is_leading_verb(out[0]):
        out.pop(0)
    while out and (
        out[0].pos_ in FUNCTION_POS
        or (out[0].lower_ in tables.evaluative and len(out) > 1 and not _hyphenated(out[0]))
        or not any(c.isalnum() for c in out[0].text)
    ):
        out.pop(0)
    while out and (out[-1].pos_ in {"PUNCT", "CCONJ", "ADP", "DET"} or out[-1].text in ",;:"):
        out.pop()
    return _cut_tail(out)


def _cut_tail(tokens: list[Any]) -> list[Any]:
    """ "cashier's checks with the required signatures" -> "cashier's checks"; "cable
    through conduit" -> "cable"; an opening parenthesis ends the name too. Kept whole:
    "of" phrases ("titration of drips"), capitalised names ("Code of Ethics for Nurses")
    and certifications ("degree in Accounting")."""
    tables = word_tables_of_skills()
    if any(in_table(tables.certification, t.text) for t in tokens):
        return tokens
    for index, token in enumerate(tokens):
        if index == 0:
            continue
        if token.text == "(" and ")" not in [t.text for t in tokens[index:]]:
            return tokens[:index]
        if token.pos_ == "ADP" and token.lower_ not in {"of", "&"}:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and _capitalised(following) and _capitalised(tokens[0]):
                continue
            return tokens[:index]
    return tokens


def _is_leading_verb(token: Any) -> bool:
    """ "Titrate", "delivering", "Install" (tagged as a name at a bullet's start)."""
    if token.pos_ == "VERB" and token.tag_ in {"VB", "VBP", "VBZ", "VBG"}:
        return token.dep_ not in {"amod", "compound"}
    doc = token.doc
    first_word = token.i == 0 or doc[token.i - 1].text in {"•", "-", ":", ";"}
    if not (first_word and token.text[:1].isupper()):
        return False
    if verb_base(token.text) is not None:
        return True
    # "Titrate cardiac drips" (tagged as an adjective): a bullet opening with a verb form.
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (
        token.lower_.endswith(("ate", "ise", "ize", "ify"))
        and after is not None
        and after.text[:1].islower()
    ):
        return True
    # A bullet's first word followed by "all", "that", a determiner or a pronoun is its
    # verb, whatever the tagger says: "Rings all sales", "Verifies that ...".
    if after is not None and token.lower_.endswith("ing") and after.pos_ in {"CCONJ", "DET"}:
        return True  # "Stocking and restocking the station"
    return after is not None and (
        after.pos_ in {"DET", "PRON", "SCONJ"} or after.lower_ in {"all", "that", "any"}
    )


def _hyphenated(token: Any) -> bool:
    """ "two" in "two-person handoff": part of a hyphenated word, never trimmed alone."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def proper_names(doc: Any) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by "of", "for", "in", "and", "&" ("ANA Code of
    Ethics for Nurses"); at least two capitalised words, not counting the sentence's first
    word when it is an action verb."""
    spans: list[tuple[int, int]] = []
    run: list[Any] = []

    def close() -> None:
        while run and not _capitalised(run[-1]):
            run.pop()
        if sum(_capitalised(t) for t in run) >= 2:
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
        run.clear()

    for token in doc:
        opens = _capitalised(token) and not (not run and _is_leading_verb(token))
        joins = bool(run) and token.lower_ in {"of", "for", "in", "and", "&", "on"}
        if opens or joins:
            run.append(token)
        else:
            close()
    close()
    return spans


def _capitalised(token: Any) -> bool:
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text) and token.pos_ != "PUNCT"


def reject_reason(doc: Any, tokens: list[Any], *, curated: bool) -> str | None:
    tables = word_tables_of_skills()
    text = " ".join(t.text for t in tokens)
    low = text.lower()
    content = [t for t in tokens if t.pos_ not in FUNCTION_POS]
    if not content or not any(any(c.isalpha() for c in t.text) for t in content):
        return "no name"
    if len(content) > MAX_WORDS:
        return "too long"
    head = _head(tokens)
    head_word = head.lemma_.lower() if head is not None else content[-1].lower_
    after_index = tokens[-1].i + 1
    while after_index < len(doc) and doc[after_index].text in {")", "]", "’", "'"}:
        after_index += 1
    after = doc[after_index] if after_index < len(doc) else None
    if (
        after is not None
        and after.pos_ == "NOUN"
        and (singular(after.text) in ROLE_NOUNS or in_table(tables.place, after.text))
    ):
        return "role"  # "HGV driver", "Registered Nurse preceptor", "NLN school"
    if len(content) == 1 and content[0].text.rstrip("s") in ROLE_ACRONYMS:
        return "role"  # "RN" alone is the job; "RN license" is the certification
    if any(singular(t.text) in ROLE_NOUNS for t in content[-1:]) and not any(
        in_table(tables.certification, t.text) for t in tokens
    ):
        return "role"
    if low == "english":
        return "language of the posting"
    if condition_phrase(low):
        return "benefit or condition of hiring"
    if soft_phrase(low):
        return "soft skill"
    if curated and len(content) == 1 and content[0].pos_ == "NOUN" and in_table(tables.people, low):
        return "person or role"  # "Chef" the cook, not the DevOps tool
    if curated:  # a gazetteer name: "Early Years", "year-end close", "US GAAP", "Epic"
        return None
    has_certification = any(in_table(tables.certification, t.text) for t in tokens)
    entity_words = sum(t.ent_type_ in NOT_SKILL_ENTITIES for t in content)
    if entity_words * 2 >= len(content) and not has_certification:
        return "date, time, money or place"
    # "PBC schedules", "delivery schedules" are documents; "work schedule" is time.
    document = head_word in {"schedule", "timetable"} and _specific_modifiers(content, head)
    if (
        in_table(tables.time, head_word) or in_table(tables.time, content[-1].text)
    ) and not document:
        return "time"
    if in_table(tables.benefit, head_word) or in_table(tables.benefit, content[-1].text):
        return "pay or benefit"
    if head is None or not any(t.pos_ in NAME_POS for t in content):
        return "not a noun phrase"
    if all(
        t.pos_ in {"ADJ", "ADV", "VERB", "AUX"} or t.lower_ in tables.evaluative for t in content
    ):
        return "not a noun phrase"
    if (content[0].pos_ == "VERB" and content[0].tag_ in {"VB", "VBP", "VBZ", "VBD"}) or (
        len(content) == 1 and _is_leading_verb(content[0])
    ):
        return "verb phrase"
    if any(t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBZ", "VBD", "VBP", "MD"} for t in tokens[1:]):
        return "clause"
    if any(_verb_after_and(tokens, i) for i in range(1, len(tokens) - 1)):
        return "clause"  # "protocol and administer medications"
    if (
        len(content) == 1
        and content[0].lower_.endswith(("ises", "izes", "ates"))
        and (content[0].tag_ == "NNS" and content[0].lemma_.lower() == content[0].lower_)
    ):
        return "verb phrase"  # "summarises" tagged as a plural noun
    if (
        any(in_table(tables.trait, t.text) for t in content if t.pos_ in {"NOUN", "PROPN"})
        or in_table(tables.trait, head_word)
        or in_table(tables.trait, content[-1].text)
    ):
        return "trait"
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if (
        before is not None
        and before.lower_ in {"our", "their"}
        and not in_table(_knowledge_words(), head_word)
    ):
        return "the employer's own"  # "our payments platform", "our team"
    if has_certification:
        if all(in_table(tables.certification, t.text) for t in content):
            return "too vague alone"  # "the certification", "qualifications"
        return None
    if in_table(tables.people, head_word) or in_table(tables.people, content[-1].text):
        return "person or role"
    if _inside_named_place(doc, content):
        return "organisation or person"  # "CofE" in "St Oswald's CofE Primary School"
    if in_table(tables.place, head_word) or in_table(tables.place, content[-1].text):
        return "place or organisation"
    if in_table(tables.generic, head_word) or in_table(tables.generic, content[-1].text):
        pieces = _conjuncts(content)
        if all(
            not _specific_modifiers(piece, _head(piece)) and _generic_piece(piece)
            for piece in pieces
        ):
            return "too vague alone"
    return None


@lru_cache(maxsize=1)
def _knowledge_words() -> frozenset[str]:
    return frozenset(w.lower() for w in words_table()["knowledge_words"])


def _conjuncts(content: Sequence[Any]) -> list[list[Any]]:
    pieces: list[list[Any]] = [[]]
    for token in content:
        if token.pos_ == "CCONJ":
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in pieces if p]


def _generic_piece(piece: Sequence[Any]) -> bool:
    tables = word_tables_of_skills()
    head = _head(piece)
    word = head.lemma_.lower() if head is not None else piece[-1].lower_
    return (
        in_table(tables.generic, word)
        or in_table(tables.generic, piece[-1].text)
        or vague_word(word)
    )


def _specific_modifiers(content: Sequence[Any], head: Any | None) -> list[Any]:
    """Words before the head that narrow it: "wound" in "wound care", not "patient care",
    "routine care" or "their indications"."""
    if head is None:
        return []
    return [
        t
        for t in content
        if t.i < head.i
        and t.pos_ in {"NOUN", "PROPN", "ADJ", "X", "NUM"}
        and not vague_word(t.lower_)
    ]


def _verb_after_and(tokens: Sequence[Any], index: int) -> bool:
    """A base-form action verb right after "and"/"or", before its object: a new clause
    ("... and administer medications"), whatever the tagger calls it."""
    token = tokens[index]
    if tokens[index - 1].pos_ != "CCONJ" or not token.text.islower():
        return False
    is_verb = token.pos_ == "VERB" or verb_base(token.text) == token.text
    return is_verb and tokens[index + 1].pos_ in {"NOUN", "PROPN", "DET", "ADJ"}


def _inside_named_place(doc: Any, content: Sequence[Any]) -> bool:
    """Whether the phrase lies inside a named organisation or person: an ORG/FAC entity
    ending in a place word ("... Nursery School", "... Health System"), or a PERSON."""
    tables = word_tables_of_skills()
    for entity in doc.ents:
        if entity.start <= content[0].i and content[-1].i < entity.end:
            if entity.label_ == "PERSON":
                return True
            last = entity[-1].text
            if entity.label_ in {"ORG", "FAC"} and (
                in_table(tables.place, last) or last.lower() in {"system", "group", "inc", "ltd"}
            ):
                return bool(entity.end - entity.start > len(content))
    return False


def _head(tokens: Sequence[Any]) -> Any | None:
    """The noun the phrase is about: the last noun before any "of"/"in" complement."""
    nouns: list[Any] = []
    for token in tokens:
        if token.pos_ == "ADP" and nouns:
            break
        if token.pos_ in {"NOUN", "PROPN", "X"}:
            nouns.append(token)
    return nouns[-1] if nouns else None


def vague_word(word: str) -> bool:
    tables = word_tables_of_skills()
    return (
        in_table(tables.evaluative, word)
        or in_table(tables.people, word)
        or in_table(tables.place, word)
        or in_table(tables.time, word)
    )


def condition_phrase(text: str) -> bool:
    return _condition_pattern().search(text) is not None


@lru_cache(maxsize=1)
def _condition_pattern() -> re.Pattern[str]:
    phrases = sorted(word_tables_of_skills().benefit_phrases, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, phrases))})(?![\w-])")


def soft_phrase(text: str) -> bool:
    return _soft_pattern().search(text) is not None


@lru_cache(maxsize=1)
def _soft_pattern() -> re.Pattern[str]:
    phrases = sorted(word_tables_of_skills().soft, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, phrases))})(?![\w-])")
