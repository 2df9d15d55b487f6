"""What a language model is asked, and the checks its answers must pass (plain data).

The engine never talks to a server: the assistant app sends these prompts and hands the
replies back here. A reply is kept only where the person's own text supports it; anything
else is dropped with the reason, and the deterministic result stands.

* `redact` / `restore`: names, e-mail addresses and phone numbers become placeholders
  ("[PERSON_1]") before a prompt leaves the machine for a server elsewhere, and are put
  back in the answer.
* `follow_up_prompt` / `follow_up_checked`: one deeper question an interviewer would ask
  about a practice answer (the articles' "deeper questions").
* `rewrite_checked`: a fluent rewrite of a drafted letter is accepted only if every
  name, number and capitalised term in it is in the person's data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "Checked",
    "Redaction",
    "follow_up_checked",
    "follow_up_prompt",
    "known_strings",
    "redact",
    "restore",
    "rewrite_checked",
    "rewrite_prompt",
]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])\+?\d[\d ()./-]{6,}\d(?![\w/])")
PLACEHOLDER = re.compile(r"\[(?:PERSON|EMAIL|PHONE)_\d+\]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")
MAX_FOLLOW_UP_WORDS = 40
# A follow-up may be a request rather than a question: "Tell me more about the pilot."
PROMPTS = ("tell me", "walk me", "talk me", "describe", "explain", "give me", "say more")


@dataclass(frozen=True)
class Redaction:
    text: str
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder -> original


@dataclass(frozen=True)
class Checked:
    """A model's answer after the engine's checks: kept, or refused with the reason."""

    value: str | None
    reason: str = ""

    @property
    def accepted(self) -> bool:
        return self.value is not None


# Words of a name that say nothing of who it is: not replaced on their own.
_TITLES = word_set("dr mr mrs ms mx miss prof professor sir dame rev jr sr")


def _name_forms(names: Iterable[str]) -> set[str]:
    """Each name, and each capitalised word of a name of several words: "Zoë" alone, in
    "you would report to Zoë", says who it is as much as "Zoë Lefèvre" does."""
    forms: set[str] = set()
    for name in names:
        name = name.strip()
        if len(name) > 1:
            forms.add(name)
        words = name.split()
        if len(words) > 1:
            forms.update(
                word
                for word in words
                if len(word) > 1
                and word[0].isupper()
                and word.rstrip(".").casefold() not in _TITLES
            )
    return forms


def redact(text: str, names: Iterable[str] = ()) -> Redaction:
    """Names (given, and each word of one, longest first), e-mail addresses and phone
    numbers as placeholders."""
    mapping: dict[str, str] = {}
    seen: dict[str, str] = {}

    def placeholder(kind: str, original: str) -> str:
        if original in seen:
            return seen[original]
        key = f"[{kind}_{sum(1 for k in mapping if k.startswith('[' + kind)) + 1}]"
        mapping[key] = original
        seen[original] = key
        return key

    result = EMAIL.sub(lambda m: placeholder("EMAIL", m.group(0)), text)
    result = PHONE.sub(lambda m: placeholder("PHONE", m.group(0)), result)
    for name in sorted(_name_forms(names), key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        result = pattern.sub(lambda m: placeholder("PERSON", m.group(0)), result)
    return Redaction(result, mapping)


def restore(text: str, mapping: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


# Words too common to show that a follow-up is about this answer.
_COMMON = word_set(
    """
    a an the and or but of to in on at for with from by as is are was were be been being
    i me my we our you your they them their he she his her it its this that these those
    what when where which who how why did do does done would could should can will about
    tell more time there here then than so if not no yes one two some any all just also
    """
)


def follow_up_prompt(question: str, answer: str) -> list[dict[str, str]]:
    return [
        {
            "role": "system",
            "content": (
                "You are an experienced interviewer in a second-round job interview. After "
                "the candidate's answer, ask ONE follow-up question that digs deeper into "
                "something specific they said (a decision, a number, a person, what they "
                "would do differently). One sentence, at most 30 words, ending with a "
                'question mark. Reply as JSON: {"question": "..."}'
            ),
        },
        {"role": "user", "content": f"Question: {question}\n\nAnswer: {answer}"},
    ]


FOLLOW_UP_SCHEMA = {
    "type": "object",
    "properties": {"question": {"type": "string"}},
    "required": ["question"],
    "additionalProperties": False,
}


def follow_up_checked(reply: object, *, question: str, answer: str) -> Checked:
    """The follow-up question if it is one question, short, new, and about this answer."""
    text = reply.get("question") if isinstance(reply, dict) else None
    if not isinstance(text, str) or not text.strip():
        return Checked(None, "The model did not ask a question.")
    text = " ".join(text.split())
    if _words(text) == _words(question):
        return Checked(None, "The model repeated the question.")
    prompt = text.casefold().startswith(PROMPTS) and text.endswith(".")
    inner = re.findall(r"[.?!](?=\s)", text)
    if not (text.endswith("?") or prompt) or len(inner) > 1:
        return Checked(None, "The model's answer was not one question.")
    if len(text.split()) > MAX_FOLLOW_UP_WORDS:
        return Checked(None, "The model's question was too long to be one question.")
    if PLACEHOLDER.search(text):
        return Checked(None, "The model's question kept a placeholder.")
    answer_words = set(_words(answer)) - _COMMON
    if not (set(_words(text)) - _COMMON) & answer_words:
        return Checked(None, "The model's question is not about anything in the answer.")
    return Checked(text)


# An app's timestamp ("2026-12-07T09:30:00+00:00") is not something the person wrote: its
# digits would let any small number through the checks.
_STAMP = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?$")


def known_strings(texts: Iterable[str]) -> list[str]:
    """What a rewrite may draw on: the person's texts, without timestamps and blanks."""
    return [t for t in texts if isinstance(t, str) and t.strip() and not _STAMP.match(t.strip())]


def rewrite_prompt(draft: str, *, kind: str) -> list[dict[str, str]]:
    return [
        {
            "role": "system",
            "content": (
                f"Rewrite this {kind} so it reads naturally, as a careful person would write "
                "it. Keep every fact, name and number; add no fact, name, number, product or "
                "claim that is not in it; do not turn a statement into its opposite; keep the "
                "greeting and the signature if it has them. Placeholders such as [PERSON_1] "
                'stay exactly as they are. Reply as JSON: {"text": "..."}'
            ),
        },
        {"role": "user", "content": draft},
    ]


REWRITE_SCHEMA = {
    "type": "object",
    "properties": {"text": {"type": "string"}},
    "required": ["text"],
    "additionalProperties": False,
}

# Capitalised words that are not names or terms wherever they stand.
_ORDINARY_CAPITALS = word_set(
    """
    i dear hello hi thank thanks best regards kind warm many sincerely yours with all
    the a an i'm i've i'd i'll it's that's this these those our your my we you they he
    she it as in on at for after before when while since if and but so also please
    looking monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    """
)


# Words that turn a statement into its opposite: a rewrite must keep as many as the draft.
_NEGATORS = word_set("not no never nothing none neither nor without cannot nobody nowhere")


def _negations(text: str) -> int:
    return sum(
        1 for w in _words(text) if w in _NEGATORS or w.endswith(("n't", "n’t")) and w != "n't"
    )


def _named(text: str) -> list[str]:
    """Capitalised words not at a sentence start and not ordinary: names and terms."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        for index, word in enumerate(WORD.findall(sentence)):
            folded = re.sub(r"['’]s$", "", word.casefold())
            if index == 0 or not word[0].isupper() or folded in _ORDINARY_CAPITALS:
                continue
            found.append(word)
    return found


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _prose_failures(text: str, known: Sequence[str]) -> int:
    """Sentences the prose check finds a problem in (engine.prose_check); without the
    parser every sentence fails alike, so a comparison still holds."""
    from secondround.engine.nlp.prose_check import (  # the parser loads only when needed
        check_text,
        known_data,
    )

    reports = check_text(text, known_data(known))
    return sum(1 for report in reports if not report.ok)


def rewrite_checked(
    reply: object, *, draft: str, known: Sequence[str], prose: bool = True
) -> Checked:
    """A rewrite of a draft, accepted only if it keeps to the person's data:

    * every number and capitalised word is in the draft or `known` (names, company, role,
      terms, notes: everything the person wrote), and its placeholders are intact;
    * every number and name of the draft is still there (the drafter chose those facts);
    * a letter keeps its greeting and sign-off paragraphs as they are;
    * it negates nothing the draft does not, and drops no negation the draft has (a "not"
      added or lost contradicts what the person wrote);
    * with `prose`, the prose check finds no more faulty sentences in it than in the draft
      (a letter's greeting and sign-off aside, which are no sentences).
    """
    text = reply.get("text") if isinstance(reply, dict) else None
    if not isinstance(text, str) or not text.strip():
        return Checked(None, "The model returned no text.")
    text = text.strip()
    if len(text) > 3 * len(draft) + 200:
        return Checked(None, "The model's rewrite was much longer than the draft.")
    source = " ".join([draft, *known])
    numbers = set(NUMBER.findall(source))
    invented = [n for n in NUMBER.findall(text) if n not in numbers]
    if invented:
        return Checked(None, f"The rewrite has a number that is not in your data: {invented[0]}.")
    if set(PLACEHOLDER.findall(draft)) - set(PLACEHOLDER.findall(text)):
        return Checked(None, "The rewrite lost a name it was given.")
    vocabulary = set(_words(source))
    for word in _named(text):
        if re.sub(r"['’]s$", "", word.casefold()) not in vocabulary:
            return Checked(None, f"The rewrite names something not in your data: {word}.")
    kept_numbers = set(NUMBER.findall(text))
    lost = [n for n in NUMBER.findall(draft) if n not in kept_numbers]
    if lost:
        return Checked(None, f"The rewrite left out a number of your draft: {lost[0]}.")
    kept_words = set(_words(text))
    lost_names = [w for w in _named(draft) if w.casefold() not in kept_words]
    if lost_names:
        return Checked(None, f"The rewrite left out a name of your draft: {lost_names[0]}.")
    body, draft_body = text, draft
    paragraphs = _paragraphs(draft)
    if len(paragraphs) >= 3:  # a letter: the greeting and the sign-off stay as they are
        mine = _paragraphs(text)
        if len(mine) < 3 or (mine[0], mine[-1]) != (paragraphs[0], paragraphs[-1]):
            return Checked(None, "The rewrite changed the greeting or the signature.")
        body, draft_body = "\n\n".join(mine[1:-1]), "\n\n".join(paragraphs[1:-1])
    added, had = _negations(text), _negations(draft)
    if added > had:
        return Checked(None, "The rewrite says “not” where your draft does not.")
    if added < had:
        return Checked(None, "The rewrite drops a “not” of your draft, and says the opposite.")
    sources = [draft, *known]
    if prose and _prose_failures(body, sources) > _prose_failures(draft_body, sources):
        return Checked(None, "The rewrite has more faulty sentences than the draft.")
    return Checked(text)
