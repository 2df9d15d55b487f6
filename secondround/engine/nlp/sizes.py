"""File sizes as the candidate reads them, the same way on every page and message.

Limits are set in binary units (20 * 1024 * 1024 bytes) and shown as "20 MB", the way
Windows and most upload forms count. A size is shown with one decimal at most, so a file
a few bytes over a limit would read as the limit itself ("20 MB; the limit is 20 MB"):
then the message says by how much it is over instead.
"""

from __future__ import annotations

__all__ = ["KB", "MB", "describe_size", "too_large"]

KB = 1024
MB = 1024 * KB
GB = 1024 * MB


def _one_decimal(value: float) -> str:
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def describe_size(size: int) -> str:
    """'512 bytes', '1 byte', '12.5 KB', '20 MB', '1.5 GB'."""
    if size < KB:
        return f"{size:,} byte{'s' if size != 1 else ''}"
    if size < MB:
        return f"{_one_decimal(size / KB)} KB"
    if size < GB:
        return f"{_one_decimal(size / MB)} MB"
    return f"{_one_decimal(size / GB)} GB"


def too_large(size: int, limit: int, *, what: str = "This file") -> str:
    """'This file is 24.3 MB; the limit is 20 MB.' and never two sizes that read the same.

    For a size just over the limit: 'This file is 3 bytes over the limit of 20 MB.'
    """
    shown, shown_limit = describe_size(size), describe_size(limit)
    if shown == shown_limit:
        over = size - limit
        return f"{what} is {describe_size(over)} over the limit of {shown_limit}."
    return f"{what} is {shown}; the limit is {shown_limit}."
