"""The form of a question, as features for the kind model.

A question's kind is its form, not its topic: "Tell me about a time you calmed an angry
guest" is behavioural and "What would you do if a guest were angry?" situational, though
MiniLM puts them side by side. The kind rules name a form only when a whole phrase matches;
these cues give the learned model the pieces (how the question opens, past tense said of
"you", a hypothetical "would you" or "if", "yourself", an explain/define ask, length), so
it can weigh them in any occupation's wording. Each cue is 0 or 1.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from secondround.engine.questions.question_words import normalise

__all__ = ["FORM_CUES", "form_features"]

_CUE_TEXT: tuple[tuple[str, str], ...] = (
    ("opens_tell", r"^((so|ok|okay|now|next),? )?(can you |could you |please )?tell (me|us)\b"),
    ("opens_describe", r"^(can you |could you |please )?(describe|outline|discuss)\b"),
    ("opens_give", r"^(can you |could you |please )?(give|share|provide|name|recall)\b"),
    ("opens_walk", r"^(can you |could you |please )?(walk|talk|take) (me|us)\b"),
    ("opens_what", r"^what\b"),
    ("opens_how", r"^how\b"),
    ("opens_why", r"^why\b"),
    ("opens_which", r"^(which|who|when|where)\b"),
    ("opens_yes_no", r"^(do|does|did|are|is|was|were|have|has|can|will|would|should)\b"),
    ("opens_if", r"^(if|imagine|suppose|say|lets say|pretend|assume|picture)\b"),
    ("a_time", r"\b(a|one|the last|the first) time\b|\ban? (example|instance|occasion)\b"),
    ("a_situation", r"\b(a|one) (situation|case|scenario|project|moment|day)\b"),
    ("past_you", r"\byou (had|did|were|was|made|\w+ed|took|went|gave|chose|led|felt|saw|got)\b"),
    ("have_you", r"\bhave you (ever )?\w+"),
    ("would_you", r"\b(would|will|should|could|might) you\b|\byou (would|d|will|ll)\b"),
    ("if_clause", r"\b(if|when|whenever|what if)\b"),
    ("do_you", r"\b(how|what|when|why) do you\b"),
    ("yourself", r"\byourself\b|\babout you\b|\bdescribe you\b"),
    (
        "your_traits",
        r"\byour (greatest |biggest |main )?(strengths?|weakness|weaknesses|skills"
        r"|qualities|style|values|personality)",
    ),
    ("why_you", r"\bwhy (do|did|would|should|are|have) (you|we)\b"),
    ("wants", r"\b(want|like|love|enjoy|interest|interested|excite|motivate|passion|goal)"),
    (
        "explain",
        r"\b(explain|define|definition|difference between|what is (a|an|the)\b"
        r"|what are (the|some))",
    ),
    ("method", r"\b(process|steps|procedure|method|approach|technique|tools?|how to)\b"),
    (
        "served",
        r"\b(a|an|the) (customer|patient|client|student|pupil|guest|colleague"
        r"|co ?worker|parent|resident|child|manager|team member|caller)\b",
    ),
    ("numbers", r"\b(how many|how much|estimate|calculate)\b"),
    (
        "company",
        r"\b(our|this) (company|organi[sz]ation|firm|team|role|position|job|school"
        r"|hospital|store|hotel|restaurant|practice|department)\b",
    ),
)
FORM_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in _CUE_TEXT
)
# Two more columns: a short question (six words or fewer) and a long one (25 or more).
DIMENSIONS = len(FORM_CUES) + 2


def form_features(texts: list[str]) -> npt.NDArray[np.float32]:
    """One row of 0/1 cues per text (FORM_CUES, then short, long)."""
    rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        norm = normalise(text if isinstance(text, str) else "")
        for column, (_, pattern) in enumerate(FORM_CUES):
            if pattern.search(norm):
                rows[row, column] = 1.0
        words = len(norm.split())
        rows[row, -2] = 1.0 if 0 < words <= 6 else 0.0
        rows[row, -1] = 1.0 if words >= 25 else 0.0
    return rows
