"""What a report on one practised answer holds, and the thresholds its figures use."""

from __future__ import annotations

from dataclasses import dataclass

TOPICS = (
    "length",
    "star",
    "specificity",
    "fillers",
    "pace",
    "pauses",
    "hedging",
    "casual",
    "negative_employer",
    "i_we",
    "enthusiasm",
    "company_terms",
    "consistency",
)
STAR_LABELS = ("situation", "task", "action", "result")
OTHER = "other"

# A typed answer is judged by how long it would take to say: at the speaker's own
# measured pace once they have spoken an answer, at this typical pace until then.
SPEAKING_WPM = 150.0
TOO_SHORT_SECONDS = 30.0
BEHAVIOURAL_MIN_SECONDS = 60.0
RAMBLING_SECONDS = 120.0
# Stored reports older than this are analysed again when read (figures or advice changed).
REPORT_VERSION = 4
# The band listeners find easiest to follow in an interview answer.
PACE_LOW, PACE_HIGH = 110.0, 150.0
LONG_PAUSE_SECONDS = 2.0
FILLERS_PER_MINUTE_OK = 2.0
FILLERS_PER_MINUTE_PROBLEM = 4.0
BEHAVIOURAL_KINDS = frozenset({"behavioral", "behavioural", "situational"})


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Point:
    topic: str
    level: str  # "good" | "tip" | "problem"
    message: str
    evidence: tuple[str, ...]
    suggestion: str


@dataclass(frozen=True)
class FillerReport:
    count: int
    per_minute: float | None
    items: tuple[str, ...]
    # When each item was said (seconds from the start of the recording), for a spoken
    # answer; None where the word could not be found in the timings (an edited text).
    times: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class AnswerReport:
    words: int
    seconds: float | None  # measured: only a spoken answer has a duration and a pace
    words_per_minute: float | None
    fillers: FillerReport
    sentences: tuple[str, ...]
    star: tuple[str, ...]
    pauses: tuple[tuple[float, float], ...]
    i_count: int
    we_count: int
    points: tuple[Point, ...]
    suggestions: tuple[str, ...]
    facts: tuple[str, ...]
    # A typed answer: how long it would take to say, at which pace (and whose).
    estimated_seconds: float | None = None
    estimate_wpm: float | None = None
    estimate_is_own_pace: bool = False
