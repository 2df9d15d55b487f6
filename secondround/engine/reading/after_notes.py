"""Sort what a candidate jots down about one interviewer right after a round.

Four piles feed that person's thank-you letter: what we discussed, what they care about,
what worried them, and anything personal worth remembering. Each line or sentence goes
to the pile its cue words point to; a line with no cue is something discussed, since that
is what most post-interview notes are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Ordered: the first pile whose cue matches wins. Worries come first because "she was
# worried about X" also mentions X as a topic.
CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "worries",
        re.compile(
            r"\b(worr\w*|concern\w*|doubt\w*|hesita\w*|skeptic\w*|not sure (?:i|if)|asked twice"
            r"|pushed (?:me )?on|probed|wasn'?t convinced|gap in)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "personal",
        re.compile(
            r"\b(marathon|running|cycling|hik\w+|kids?|children|daughter|son|dog|cat|wedding"
            r"|holiday|vacation|trip|hobby|hobbies|alma mater|same (?:school|university|town)"
            r"|both (?:from|went|grew)|grew up|fan of|football|baseball|soccer|book club"
            r"|garden\w*|volunteer\w*|baby|moved from|birthday)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "cares_about",
        re.compile(
            r"\b(cares? (?:a lot )?about|priorit\w*|focus\w* on|keen on|passionate|values?"
            r"|important (?:to|for) (?:her|him|them)|wants? (?:someone|a person|to see)"
            r"|looking for|big on|emphasi\w*|stressed|kept coming back to|goal is)\b",
            re.IGNORECASE,
        ),
    ),
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
BULLET = re.compile(r"^\s*(?:[-*•+>]+|\d{1,2}[.)])\s*")
LABELS = {
    "discussed": re.compile(r"^(?:discussed|talked about|topics?|we covered|covered)\s*:\s*", re.I),
    "cares_about": re.compile(r"^(?:cares? about|priorities|focus)\s*:\s*", re.I),
    "worries": re.compile(r"^(?:worries|concerns?|worried about)\s*:\s*", re.I),
    "personal": re.compile(r"^(?:personal|small talk|remember)\s*:\s*", re.I),
}


@dataclass(frozen=True)
class AfterNotes:
    discussed: tuple[str, ...]
    cares_about: tuple[str, ...]
    worries: tuple[str, ...]
    personal: tuple[str, ...]


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    for line in text.splitlines():
        line = BULLET.sub("", line).strip()
        if line:
            pieces.extend(part.strip() for part in SENTENCE.split(line) if part.strip())
    return pieces


def split_after_notes(text: str) -> AfterNotes:
    piles: dict[str, list[str]] = {name: [] for name in LABELS}
    heading: str | None = None
    for piece in _pieces(text[:200_000]):
        labelled = next((name for name, label in LABELS.items() if label.match(piece)), None)
        if labelled:
            piece = LABELS[labelled].sub("", piece).strip()
            heading = labelled
            if not piece:
                continue
        pile = next((name for name, cue in CUES if cue.search(piece)), heading or "discussed")
        piles[pile].append(piece.rstrip("."))
    return AfterNotes(
        discussed=tuple(piles["discussed"]),
        cares_about=tuple(piles["cares_about"]),
        worries=tuple(piles["worries"]),
        personal=tuple(piles["personal"]),
    )
