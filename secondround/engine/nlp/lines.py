"""Text fields that hold one item per line, as people type lists into a textarea."""

from __future__ import annotations

# Bullets and the spaces around them are typing, not content: "- Epic" is "Epic".
BULLET_CHARACTERS = " -•*\t"


def item_lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of a list-like text field, without bullet marks."""
    stripped = (line.strip(BULLET_CHARACTERS) for line in text.splitlines())
    return tuple(line for line in stripped if line)
