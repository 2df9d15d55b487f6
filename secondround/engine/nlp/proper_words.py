"""Words English always capitalises that notes type in lower case: languages, nationalities,
countries and the great festivals ("learning german", "back from kenya", "before diwali").

Only words that cannot be an ordinary word are here: "polish", "china", "turkey", "jordan"
and "may" are left as they are typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PLACES = """
afghanistan albania algeria argentina australia austria bangladesh belgium bolivia brazil
bulgaria cambodia cameroon canada colombia croatia denmark ecuador egypt england eritrea
estonia ethiopia europe finland france germany ghana greece hungary iceland india indonesia
iran iraq ireland israel italy jamaica japan kenya korea kuwait latvia lebanon lithuania
malaysia mexico morocco mozambique namibia nepal netherlands nigeria norway pakistan peru
philippines portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia
slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia uganda
ukraine uruguay venezuela vietnam wales zambia zimbabwe
"""
_FESTIVALS = "diwali eid ramadan hanukkah christmas easter passover navratri onam pongal ramadhan"
_LANGUAGES = """
afghan african albanian algerian american amharic arab arabic argentine argentinian armenian
asian australian austrian azerbaijani bangladeshi basque belgian bengali bolivian bosnian
brazilian british bulgarian burmese cambodian cameroonian canadian cantonese caribbean catalan
chilean chinese colombian congolese croatian cuban cypriot czech danish dominican dutch
ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino finnish
flemish french gaelic georgian german ghanaian greek gujarati haitian hausa hebrew hindi
hungarian icelandic igbo indian indonesian iranian iraqi irish israeli italian jamaican japanese
javanese jordanian kannada kazakh kenyan korean kurdish kuwaiti lao latvian lebanese libyan
lithuanian luxembourgish macedonian malagasy malay malayalam malaysian maltese mandarin maori
marathi mexican moldovan mongolian montenegrin moroccan mozambican namibian nepali nepalese
nigerian norwegian pakistani palestinian panamanian pashto persian peruvian portuguese punjabi
qatari romanian russian rwandan samoan saudi scottish senegalese serbian sinhala sinhalese
slovak slovakian slovenian somali spanish sri lankan sudanese swahili swedish swiss syrian
tagalog taiwanese tamil tanzanian telugu thai tibetan tigrinya tongan tunisian turkish ugandan
ukrainian urdu uruguayan uzbek venezuelan vietnamese welsh xhosa yoruba zambian zimbabwean zulu
carnatic hindustani
nordic scandinavian mediterranean baltic celtic latin
"""


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    everything = [*_LANGUAGES.split(), *_PLACES.split(), *_FESTIVALS.split(), "sri lankan"]
    words = sorted(everything, key=len, reverse=True)
    return re.compile(r"(?<![\w@/.])(" + "|".join(map(re.escape, words)) + r")(?![\w@/]|\.\w)")


def capitalise_proper_words(text: str) -> str:
    """ "learning german since march" -> "learning German since march"; other words stay."""
    return _pattern().sub(lambda m: m.group(1).title(), text)


def is_language_word(text: str) -> bool:
    """ "German", "Tagalog": a language or nationality word on its own (no country)."""
    word = text.strip().casefold()
    return word in _language_words()


@lru_cache(maxsize=1)
def _language_words() -> frozenset[str]:
    return frozenset(_LANGUAGES.split())
