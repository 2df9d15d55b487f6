"""Sizes read the same in every message, and a limit never reads like the size refused."""

import pytest

from secondround.engine.nlp.sizes import MB, describe_size, too_large


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1_000, "1,000 bytes"),
        (1024, "1 KB"),
        (12_800, "12.5 KB"),
        (20 * MB, "20 MB"),
        (int(20.5 * MB), "20.5 MB"),
        (1024 * MB, "1 GB"),
    ],
)
def test_describe_size(size, text):
    assert describe_size(size) == text


@pytest.mark.parametrize(
    ("size", "limit", "message"),
    [
        (20 * MB + 3, 20 * MB, "This file is 3 bytes over the limit of 20 MB."),
        (20 * MB + 40 * 1024, 20 * MB, "This file is 40 KB over the limit of 20 MB."),
        (24 * MB + 300 * 1024, 20 * MB, "This file is 24.3 MB; the limit is 20 MB."),
        (6 * MB, 5 * MB, "This file is 6 MB; the limit is 5 MB."),
        (900, 500, "This file is 900 bytes; the limit is 500 bytes."),
    ],
)
def test_too_large_never_shows_two_sizes_that_read_the_same(size, limit, message):
    assert too_large(size, limit) == message


def test_too_large_names_what_it_is_about():
    assert too_large(30 * MB, 25 * MB, what="The recording") == (
        "The recording is 30 MB; the limit is 25 MB."
    )
