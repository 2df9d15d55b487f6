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


def looks_english(text: str) -> bool:
    """False only when a text of some length has almost no English function words."""
    words = [word.casefold() for word in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return True
    share = sum(1 for word in words if word in FUNCTION_WORDS) / len(words)
    return share >= MIN_SHARE
