from __future__ import annotations

import pytest

from secondround.engine.nlp.proper_words import capitalise_proper_words


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("learning german.", "learning German."),
        ("non-english speakers", "non-English speakers"),
        ("an indian-style kitchen", "an Indian-style kitchen"),
        ("sri lankan food on fridays", "Sri Lankan food on fridays"),
        ("speaks swahili and zulu", "speaks Swahili and Zulu"),
        # Words that may be ordinary words, and addresses, stay as typed.
        ("polish the floors", "polish the floors"),
        ("a china cabinet", "a china cabinet"),
        ("mail ops@german-freight.de", "mail ops@german-freight.de"),
        ("see www.kenya.com", "see www.kenya.com"),
        ("germany's biggest port", "Germany's biggest port"),
        ("", ""),
    ],
)
def test_capitalise_proper_words(text: str, written: str) -> None:
    assert capitalise_proper_words(text) == written
