"""The résumé reader against hand-checked fixtures, its helpers' tables and its errors."""

from __future__ import annotations

import io
import json
import random
import struct
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from secondround.engine.reading.resume import _split_columns, parse_json_resume, read_resume
from secondround.engine.reading.resume_metrics import extract_metric, split_result
from secondround.engine.reading.resume_records import (
    MAX_BYTES,
    NO_BULLETS_WARNING,
    DraftStory,
    ResumeError,
)
from secondround.engine.reading.resume_text import parse_resume_text
from secondround.engine.reading.resume_words import normalise_date, parse_date_range

FIXTURES = Path(__file__).parent / "fixtures" / "resumes"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))


def _source(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    (source,) = [p for p in FIXTURES.glob(f"{stem}.*") if not p.name.endswith(".expected.json")]
    return source


def _as_expected(story: DraftStory) -> dict[str, Any]:
    metric = story.metric
    return {
        "action": story.action,
        "result": story.result,
        "metric": None
        if metric is None
        else {"value": metric.value, "before": metric.before, "after": metric.after},
        "employer": story.employer,
        "role": story.role,
        "start": story.start,
        "end": story.end,
    }


def test_there_are_enough_fixtures() -> None:
    sources = [_source(path) for path in EXPECTED]
    for extension in (".json", ".pdf", ".docx", ".txt"):
        assert len([s for s in sources if s.suffix == extension]) >= 3, extension
    for name in ("encrypted.pdf", "corrupt.pdf", "corrupt.docx", "sales_two_column.pdf"):
        assert (FIXTURES / name).exists(), name


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda path: _source(path).name)
def test_fixture_drafts(expected_path: Path) -> None:
    source = _source(expected_path)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    parsed = read_resume(source.read_bytes(), filename=source.name)
    wanted = [{k: v for k, v in draft.items() if k != "title"} for draft in expected["drafts"]]
    assert [_as_expected(story) for story in parsed.stories] == wanted
    for story, draft in zip(parsed.stories, expected["drafts"], strict=True):
        if "title" in draft:
            assert story.title == draft["title"]
        assert 0 < len(story.title) <= 80
        assert story.source_line
        if story.metric is not None:
            assert (
                story.metric.value is None
                or story.metric.value in story.action.replace("per cent", "%")
                or story.metric.before is not None
            )
    for warning in expected.get("warnings_include", []):
        assert warning in parsed.warnings
    if "warnings_include" not in expected:
        assert parsed.warnings == ()


def test_two_column_pdf_keeps_the_sidebar_out_of_the_stories() -> None:
    data = (FIXTURES / "sales_two_column.pdf").read_bytes()
    parsed = read_resume(data, filename="cv.pdf")
    text = " ".join(story.action for story in parsed.stories)
    for sidebar in ("Salesforce", "Negotiation", "Coaching", "Spanish", "07700"):
        assert sidebar not in text


def test_split_columns_cuts_at_the_blank_band() -> None:
    page = [
        "CONTACT          EXPERIENCE",
        "me@example.com   Nurse | Ward 7 | 2020 – 2022",
        "SKILLS           • Cut falls by 30%, the best in",
        "Wound care         the trust.",
        "Triage           • Trained 6 nurses.",
        "                 EDUCATION",
    ]
    assert _split_columns(page) == [
        "CONTACT",
        "me@example.com",
        "SKILLS",
        "Wound care",
        "Triage",
        "",
        "",
        "EXPERIENCE",
        "Nurse | Ward 7 | 2020 – 2022",
        "• Cut falls by 30%, the best in",
        "  the trust.",
        "• Trained 6 nurses.",
        "EDUCATION",
    ]


def test_split_columns_leaves_a_single_column_with_right_aligned_dates() -> None:
    page = [
        "Finance Manager, Ridgeway Foods Ltd                 Apr 2020 – Present",
        "  •  Led the move from Sage 50 to Xero for 3 entities, finishing early",
        "  •  Reduced aged debt over 90 days from £410k to £95k by calling",
        "Assistant Accountant, Ridgeway Foods Ltd            Aug 2017 – Mar 2020",
        "  •  Cut the month-end close from 8 days to 4, the fastest in the group",
        "  •  Prepared VAT returns for £12M annual turnover with no penalties",
    ]
    assert _split_columns(page) == page


@pytest.mark.parametrize(
    ("text", "value", "before", "after"),
    [
        ("Redesigned pick routes, cutting late deliveries from 9% to 4%.", "4%", "9%", "4%"),
        ("Reduced inpatient falls by 35% in a year.", "35%", None, None),
        ("Raised pass rates by 15 percentage points.", "15 percentage points", None, None),
        ("Grew sales by 12 per cent.", "12%", None, None),
        ("Saved £120k a year on agency staff.", "£120k a year", None, None),
        ("Won a $1.5 million contract.", "$1.5 million", None, None),
        ("Recovered €40,000 in overpayments.", "€40,000", None, None),
        ("Managed a £2M budget.", "£2M", None, None),
        ("Led a team of 12 nurses across two wards.", "12 nurses", None, None),
        ("Mentored 9 student nurses.", "9 student nurses", None, None),
        ("Trained 6 commis chefs.", "6 commis chefs", None, None),
        ("Indexing is now 3x faster.", "3x", None, None),
        ("Ranked #1 of 22 reps.", "#1", None, None),
        ("Shortened stays from 6.5 to 5.2 days.", "5.2 days", "6.5 days", "5.2 days"),
        ("Cut the close from 8 days to 4.", "4 days", "8 days", "4 days"),
        ("Cut falls from 14 to 5 a quarter.", "5 a quarter", "14 a quarter", "5 a quarter"),
        ("Lifted order value from £640 to £910.", "£910", "£640", "£910"),
        ("Closed the books in 5 days instead of 9.", "5 days", "9 days", "5 days"),
        ("Hired 7 managers; 5 hit quota.", "7 managers", None, None),
        ("Managed a £2M budget, cutting waste by 12%.", "12%", None, None),
        ("Taught Years 7 to 13 in Key Stage 4.", None, None, None),
        ("Joined in 2019 and worked on the 24-bed ward.", None, None, None),
    ],
)
def test_metric_table(text: str, value: str | None, before: str | None, after: str | None) -> None:
    metric = extract_metric(text, result=split_result(text))
    if value is None:
        assert metric is None
        return
    assert metric is not None
    assert (metric.value, metric.before, metric.after) == (value, before, after)
    assert metric.text in text


def test_metric_text_is_the_clause() -> None:
    text = "Redesigned pick routes, cutting late deliveries from 9% to 4%."
    metric = extract_metric(text, result=split_result(text))
    assert metric is not None
    assert metric.text == "cutting late deliveries from 9% to 4%"


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Introduced a huddle, reducing falls by 35%.", "reducing falls by 35%"),
        ("Added tests, which reduced incidents by 40%", "reduced incidents by 40%"),
        ("Ran safety walks; injuries fell to zero.", "injuries fell to zero"),
        ("Rewrote the indexer — indexing time dropped 3x", "indexing time dropped 3x"),
        ("Led a rota review resulting in 20% less overtime.", "20% less overtime"),
        ("Added meetings so that marking became consistent.", "marking became consistent"),
        ("Rewrote the course, and grades rose from 61% to 78%.", "grades rose from 61% to 78%"),
        ("Cut doses missed from 7% to 2% by redesigning rounds.", ""),
        ("Managed the grill section, serving 250 covers.", ""),
        ("Led the 2019 – 2020 refit.", ""),
    ],
)
def test_result_table(text: str, result: str) -> None:
    assert split_result(text) == result


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Jan 2021", "2021-01"),
        ("January 2021", "2021-01"),
        ("Sept. 2019", "2019-09"),
        ("03/2018", "2018-03"),
        ("3.2018", "2018-03"),
        ("2018-03", "2018-03"),
        ("2019-04-01", "2019-04"),
        ("2019", "2019"),
        ("Present", "present"),
        ("current", "present"),
        ("Summer 2019", "Summer 2019"),
        ("", None),
    ],
)
def test_normalise_date(text: str, normalised: str | None) -> None:
    assert normalise_date(text) == normalised


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Charge Nurse | Jan 2021 – Present", "2021-01", "present"),
        ("Warehouse Supervisor | 2019–2022", "2019", "2022"),
        ("Team Leader 03/2018 - 06/2020", "2018-03", "2020-06"),
        ("(September 2019 to present)", "2019-09", "present"),
        ("Store Manager — Jan 2019 to Dec 2023", "2019-01", "2023-12"),
        ("Since 2020", "2020", "present"),
        ("Head Chef, The Ivy", None, None),
    ],
)
def test_parse_date_range(text: str, start: str | None, end: str | None) -> None:
    assert parse_date_range(text) == (start, end)


def test_header_orders_and_separators() -> None:
    text = """Experience
Northfield Logistics — Warehouse Supervisor    2019 – 2022
- Cut late deliveries from 9% to 4%.
Engineer at Acme Ltd, Leeds (2016-2019)
- Shipped 3 releases.
"""
    first, second = parse_resume_text(text).stories
    assert (first.role, first.employer, first.start, first.end) == (
        "Warehouse Supervisor",
        "Northfield Logistics",
        "2019",
        "2022",
    )
    assert (second.role, second.employer, second.start, second.end) == (
        "Engineer",
        "Acme Ltd",
        "2016",
        "2019",
    )


def test_no_experience_heading_still_reads_jobs() -> None:
    text = "Barista, Bean There Café, 2021 – 2023\n* Served 300 customers a day.\n"
    (story,) = parse_resume_text(text).stories
    assert (story.role, story.employer, story.metric and story.metric.value) == (
        "Barista",
        "Bean There Café",
        "300 customers",
    )


def test_paragraph_resume_warns() -> None:
    parsed = parse_resume_text("Work history\nCook, Rosa's, 2020 - 2022\nCooked for 80 guests.\n")
    assert NO_BULLETS_WARNING in parsed.warnings
    assert [story.action for story in parsed.stories] == ["Cooked for 80 guests."]


def test_empty_text_warns_instead_of_raising() -> None:
    parsed = parse_resume_text("")
    assert parsed.stories == ()
    assert parsed.warnings


# ------------------------------------------------------------------------------ errors


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (
            (FIXTURES / "encrypted.pdf").read_bytes(),
            "cv.pdf",
            "This PDF is password-protected: remove the password or paste the text.",
        ),
        (
            (FIXTURES / "corrupt.pdf").read_bytes(),
            "cv.pdf",
            "This PDF could not be read (the file is damaged or not a PDF): paste the text.",
        ),
        (
            b"not a pdf at all",
            "cv.pdf",
            "This PDF could not be read (the file is damaged or not a PDF): paste the text.",
        ),
        (
            (FIXTURES / "corrupt.docx").read_bytes(),
            "cv.docx",
            "This Word file could not be read (the file is damaged or not a .docx): "
            "save it again as .docx or paste the text.",
        ),
        (
            b"plain words, not a zip",
            "cv.docx",
            "This Word file could not be read (the file is damaged or not a .docx): "
            "save it again as .docx or paste the text.",
        ),
        (
            _zip({"hello.txt": b"hi"}),
            "cv.docx",
            "This Word file could not be read (the file is damaged or not a .docx): "
            "save it again as .docx or paste the text.",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "cv.doc",
            "Old Word .doc files cannot be read: save the résumé as .docx or PDF, "
            "or paste the text.",
        ),
        (
            b"x" * (MAX_BYTES + 1),
            "cv.txt",
            "This file is larger than 5 MB: save a smaller copy or paste the text.",
        ),
        (b"  \n ", "cv.txt", "This file is empty: choose another file or paste the text."),
        (
            b"abc\x00def",
            "cv.txt",
            "This file is not plain text: upload a PDF, Word (.docx), JSON Resume or .txt file.",
        ),
        (
            b"GIF89a",
            "cv.gif",
            "This file type is not supported: upload a PDF, Word (.docx), JSON Resume (.json) "
            "or text (.txt, .md) file.",
        ),
        (
            b'{"work": [',
            "cv.json",
            "This JSON file could not be read (Expecting value at line 1): "
            "fix it or paste the text.",
        ),
        (
            b'{"basics": {"name": "Ann"}}',
            "cv.json",
            'This is not a JSON Resume: it has no "work", "volunteer" or "projects" list.',
        ),
        (
            b"[1, 2]",
            "cv.json",
            'This is not a JSON Resume: the file must hold one object with a "work" list.',
        ),
        (
            b'{"work": {"name": "Acme"}}',
            "cv.json",
            'This is not a JSON Resume: "work" must be a list of entries.',
        ),
        (
            b'{"work": ["Acme"]}',
            "cv.json",
            "This is not a JSON Resume: work[0] must be an object.",
        ),
        (
            b'{"work": [{"name": "Acme", "highlights": "Sold things"}]}',
            "cv.json",
            "This is not a JSON Resume: work[0].highlights must be a list of text.",
        ),
        (
            b'{"volunteer": [{"organization": 7}]}',
            "cv.json",
            "This is not a JSON Resume: volunteer[0].organization must be text.",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 12 else None,
)
def test_error_messages(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(ResumeError) as raised:
        read_resume(data, filename=filename)
    assert str(raised.value) == message
    assert "\n" not in str(raised.value)


def _deflated_repeats(chunk: bytes, times: int) -> tuple[bytes, int]:
    """Raw deflate of `chunk` repeated: after a full flush each copy compresses the same."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return first + again * (times - 1) + compressor.flush(zlib.Z_FINISH), crc


def _zip_bomb(members: list[tuple[str, bytes, int]]) -> bytes:
    """A real, valid zip (CRCs right) of `chunk` * `times` per member, written by hand:
    zipfile would take seconds to compress a gigabyte."""
    out, directory = io.BytesIO(), b""
    for name, chunk, times in members:
        data, crc = _deflated_repeats(chunk, times)
        encoded, offset = name.encode(), out.tell()
        sizes = (crc, len(data), len(chunk) * times, len(encoded))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes, 0))
        out.write(encoded + data)
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, *sizes, 0, 0, 0, 0, 0, offset
        )
        directory += encoded
    start = out.tell()
    out.write(directory)
    count = len(members)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    bomb = _zip_bomb(
        [
            ("[Content_Types].xml", b"<Types/>", 1),
            ("word/document.xml", b" " * (1 << 20), 1024),  # 1 GiB of spaces
        ]
    )
    assert len(bomb) < 1_100_000
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1 << 30
    return bomb


def test_a_docx_that_unpacks_to_a_gigabyte_is_refused_at_once(docx_bomb: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(ResumeError) as raised:
        read_resume(docx_bomb, filename="cv.docx")
    assert time.monotonic() - started < 0.5
    assert str(raised.value) == (
        "This Word file unpacks to 1 GB, far more than a résumé holds (the limit is 50 MB): "
        "save it again without embedded media, or paste the text."
    )


def test_a_docx_with_thousands_of_parts_is_refused() -> None:
    many = _zip({f"word/media/{number}.xml": b"" for number in range(1_001)})
    with pytest.raises(ResumeError, match="could not be read"):
        read_resume(many, filename="cv.docx")


def test_parse_json_resume_checks_the_schema() -> None:
    with pytest.raises(ResumeError, match='no "work"'):
        parse_json_resume({})
    parsed = parse_json_resume({"work": []})
    assert parsed.stories == ()
    assert parsed.warnings


def test_magic_bytes_win_over_the_extension() -> None:
    data = (FIXTURES / "finance_manager.pdf").read_bytes()
    assert read_resume(data, filename="resume.txt").stories
    docx = (FIXTURES / "teacher.docx").read_bytes()
    assert read_resume(docx, filename="resume").stories


def test_garbage_never_raises_anything_but_resume_error() -> None:
    generator = random.Random(7)
    samples = [(FIXTURES / name).read_bytes() for name in ("finance_manager.pdf", "teacher.docx")]
    for round_number in range(60):
        base = samples[round_number % 2]
        data = bytearray(base)
        for _ in range(20):
            data[generator.randrange(len(data))] = generator.randrange(256)
        for filename in ("cv.pdf", "cv.docx", "cv.txt", "cv.json", "cv"):
            try:
                read_resume(bytes(data[: generator.randrange(1, len(data))]), filename=filename)
            except ResumeError as error:
                assert str(error)
