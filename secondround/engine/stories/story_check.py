"""Is a STAR story ready to tell? Checks a reader can act on, run as the user types.

The articles ask for specific accomplishments with results, told concisely. So a story
needs a result, a number, the teller's own actions ("I", not only "we"), and must fit in
about two minutes spoken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from secondround.engine.nlp import phrasing

SPEAKING_WORDS_PER_MINUTE = 150
MAX_SECONDS = 120
NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|half|double|twice|triple)\b",
    re.IGNORECASE,
)
# People type "i" in a hurry; "me", "my" count the same.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|im|ive|me|my|myself)\b", re.IGNORECASE)
TEAM_VOICE = re.compile(r"\b(?:we|we're|we've|our|us|the team)\b", re.IGNORECASE)
WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class StoryFinding:
    code: str  # no_result, no_number, no_first_person, too_long, long_situation
    message: str
    suggestion: str


@dataclass(frozen=True)
class StoryCheck:
    findings: tuple[StoryFinding, ...]
    words: int
    spoken_seconds: int

    @property
    def ready(self) -> bool:
        return not self.findings


def _own_voice(action: str) -> bool:
    """ "I called the office", "i held it", or a note that opens with the verb ("ran the
    pass 6 nights, moved 2 from larder"): the teller's own actions."""
    if FIRST_PERSON.search(action):
        return True
    return any(piece.form is phrasing.Form.VERB for piece in phrasing.pieces(action))


def _words(text: str) -> int:
    return len(WORD.findall(text))


def check_story(
    *, situation: str = "", task: str = "", action: str = "", result: str = "", metric: str = ""
) -> StoryCheck:
    words = sum(_words(part) for part in (situation, task, action, result))
    seconds = round(words * 60 / SPEAKING_WORDS_PER_MINUTE)
    findings: list[StoryFinding] = []
    if not result.strip():
        findings.append(
            StoryFinding(
                "no_result",
                "No result yet.",
                "Say what changed because of what you did: the outcome, and who noticed.",
            )
        )
    if not NUMBER.search(" ".join((result, action, metric))):
        findings.append(
            StoryFinding(
                "no_number",
                "No number.",
                "Add one figure: how much, how many, how fast, or by when "
                "(for example “cut waiting time from 40 to 15 minutes”).",
            )
        )
    if action.strip() and not _own_voice(action):
        voice = "only “we”" if TEAM_VOICE.search(action) else "no “I”"
        findings.append(
            StoryFinding(
                "no_first_person",
                f"The action has {voice}.",
                "Credit the team, but say what you did yourself: “I proposed…”, “I called…”.",
            )
        )
    elif not action.strip():
        findings.append(
            StoryFinding(
                "no_first_person",
                "No action yet.",
                "The action is the heart of the story: the steps you took, in the first person.",
            )
        )
    if seconds > MAX_SECONDS:
        findings.append(
            StoryFinding(
                "too_long",
                f"About {seconds} seconds to tell: over two minutes.",
                "Cut the situation to two sentences and keep the action and the result.",
            )
        )
    if _words(situation) + _words(task) > max(_words(action), 1) * 1.5 and _words(situation) > 40:
        findings.append(
            StoryFinding(
                "long_situation",
                "The situation is longer than the action.",
                "Interviewers want what you did: shorten the background, expand the action.",
            )
        )
    return StoryCheck(findings=tuple(findings), words=words, spoken_seconds=seconds)
