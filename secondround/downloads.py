"""The Content-Disposition of every download: a file name safe on any system.

A download is often named after what the user typed (a company, an interviewer), which
can hold anything: "/", "..", quotes, "<script>", control characters, a line break.
`attachment` keeps letters, digits and a little punctuation, gives every browser a plain
ASCII `filename` and, when the name has other letters ("Café Müller"), the readable one as
RFC 5987's `filename*`, which current browsers prefer.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

__all__ = ["attachment", "safe_file_name"]

MAX_NAME_CHARS = 100
_KEEP_PUNCTUATION = frozenset(" -_.,()&+'")


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"\.{2,}", ".", name)
    # A run of dashes and spaces reads as " - " between spaced words, else as one "-".
    name = re.sub(r" *(?:- *)+", lambda run: " - " if run[0][0] == run[0][-1] == " " else "-", name)
    return name.strip(" .-_")


def safe_file_name(name: str, *, ascii_only: bool = False) -> str:
    """'brief-Café Müller-round-2.pdf' from anything; ASCII on request ('Cafe Muller')."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not extension.isascii() or not extension.isalnum():
        stem, extension = name, ""
    stem = unicodedata.normalize("NFC", stem)
    if ascii_only:
        decomposed = unicodedata.normalize("NFKD", stem)
        stem = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    kept = [
        ch
        if (ch.isascii() or not ascii_only) and (ch.isalnum() or ch in _KEEP_PUNCTUATION)
        else " "
        for ch in stem
    ]
    stem = _tidy(_tidy("".join(kept))[: MAX_NAME_CHARS - len(extension) - 1]) or "download"
    return f"{stem}.{extension.lower()}" if extension else stem


def attachment(name: str) -> str:
    """The header value: 'attachment; filename="Cafe.pdf"; filename*=UTF-8''Caf%C3%A9.pdf'."""
    plain = safe_file_name(name, ascii_only=True)
    value = f'attachment; filename="{plain}"'
    readable = safe_file_name(name)
    if readable != plain:
        value += f"; filename*=UTF-8''{quote(readable, safe='')}"
    return value
