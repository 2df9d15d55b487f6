"""Whether a text is English enough for the readers, which only know English.

A cheap test on function words, which every English text is full of whatever its
subject: a French or German e-mail gets a clear warning instead of a roster of guesses.
"""

from __future__ import annotations

import re

from secondround.engine.nlp.word_tables import word_set

__all__ = ["looks_english"]

FUNCTION_WORDS = word_set(
    """
    the a an and or but of to in on at for with from by as is are was were be been will
    would can could should you your we our us i me my it its this that these those there
    here have has had do does did not no if then than so who whom which what when where
    how please thank thanks dear regards look forward meet
    """
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Fewer words than this say too little either way ("Merci!" or "10:00 Dr Roux").
MIN_WORDS = 15
# English prose runs at 0.35-0.5 and invitation tables at 0.13 and up; French and German
# at 0, Spanish (whose "a" is a word) at about 0.06.
MIN_SHARE = 0.07


# Fewer lower-case words than this: a list of names and titles, nothing to judge by.
MIN_LOWER_WORDS = 5


def looks_english(text: str) -> bool:
    """False only when a text of some length has almost no English function words among
    its lower-case words (names and titles, capitalised in every language, say nothing:
    "Interviewers: Dr. Amos Levi (Director of Nursing Education), Joan Pratt (Clinical
    Nurse Specialist)" is English)."""
    words = WORD.findall(text)
    lower = [word for word in words if word[:1].islower()]
    if len(words) < MIN_WORDS or len(lower) < MIN_LOWER_WORDS:
        return True
    share = sum(1 for word in lower if word.casefold() in FUNCTION_WORDS) / len(lower)
    return share >= MIN_SHARE
