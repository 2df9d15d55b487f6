"""A role title as it is said in a sentence, not as a job board lists it.

Boards add things to a title that nobody says aloud: the gender tag German, Austrian, Swiss
and French law asks for ("Lagerleiter (m/w/d)", "Shift Supervisor (m/f/d)", "Serveur H/F"),
and reference codes ("(Req 48213)", "[Job ID: 7781]"). A letter that thanks someone for
"the Shift Supervisor Warehouse (m/f/d) role" reads as pasted.
"""

from __future__ import annotations

import re

_GENDER_LETTERS = r"[mwfdxhi*]"
GENDER_TAG = re.compile(
    rf"\s*[(\[]\s*(?:{_GENDER_LETTERS}\s*/\s*{_GENDER_LETTERS}(?:\s*/\s*{_GENDER_LETTERS})?"
    r"|all genders|alle geschlechter|gn\*?|d/f/m|f/m/x)\s*[)\]]"
    rf"|\s+(?:{_GENDER_LETTERS}/{_GENDER_LETTERS}(?:/{_GENDER_LETTERS})?)$",
    re.IGNORECASE,
)
REFERENCE_CODE = re.compile(
    r"\s*[(\[]\s*(?:req(?:uisition)?|job(?: id)?|ref(?:erence)?|vacancy|id)\.?\s*(?:no\.?|#|:)?"
    r"\s*[A-Z0-9-]{2,}\s*[)\]]",
    re.IGNORECASE,
)


def role_in_prose(title: str) -> str:
    """The title without gender tags or reference codes; the title itself when nothing is left."""
    spoken = REFERENCE_CODE.sub("", GENDER_TAG.sub("", title or ""))
    spoken = re.sub(r"\s{2,}", " ", spoken).strip(" -–—,;:")
    return spoken or (title or "").strip()
