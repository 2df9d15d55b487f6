"""Word tables written as one string of space-separated words, which keeps them readable."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())
