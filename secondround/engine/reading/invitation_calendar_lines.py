"""Calendar files whose text values hold raw line breaks, made readable again.

RFC 5545 writes a line break inside DESCRIPTION as "\\n" and folds long lines with a
leading space. Some exporters, mail clients that re-wrap, and hand-edited files put a
real line break instead, so the description's second line ("Panel:", "Darnell Price -
Regional Director\\, Central Region") stands alone, is no property, and is dropped by
the parser with everything the body said about the interviewers. Such a line belongs to
the text value before it.
"""

from __future__ import annotations

import re

# A content line: an upper-case property name (or X- name), parameters, then a colon.
# Lower-case words before a colon ("Panel:", "Note:") are text, not properties.
_PROPERTY = re.compile(rb"^(?:[A-Z][A-Z0-9-]*|X-[A-Za-z0-9-]+)(?:;[^:\r\n]*)?:")
_TEXT_PROPERTIES = (b"DESCRIPTION", b"SUMMARY", b"LOCATION", b"COMMENT", b"X-ALT-DESC")


def join_raw_breaks(data: bytes) -> bytes:
    """The calendar with each stray line of a text value joined to that value as an
    escaped line break; a well-formed file comes back unchanged."""
    lines = data.splitlines()
    out: list[bytes] = []
    in_text = False
    changed = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            out.append(line)  # an ordinary folded continuation
            continue
        if _PROPERTY.match(line):
            name = re.split(rb"[;:]", line, maxsplit=1)[0]
            in_text = name in _TEXT_PROPERTIES
            out.append(line)
            continue
        if in_text and out:
            out[-1] += b"\\n" + line
            changed = True
            continue
        out.append(line)
    return b"\r\n".join(out) + b"\r\n" if changed else data
