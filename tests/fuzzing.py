"""Hypothesis strategies for what a person, or someone trying to break it, puts in a form.

Each form found on a page (tests/crawler.py) becomes a strategy for its POST data: every
field either keeps the value the page gave it, so that the rest of the form is valid
and deeper checks are reached, or gets something hostile for its kind: unicode with NUL
bytes, an empty string, a very long string, a huge number, a date from year 1 to 9999.
Shared by tests/test_form_fuzz.py and bench/fuzz.py; no pytest here.
"""

from __future__ import annotations

import socket
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import strategies as st

from secondround.demo import DEMO_TIME_ZONE, INVITATION
from tests import crawler

HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n\r\n",
    "\u202eevil\u202c",
    "\ufeff",
    "\U0001f600" * 3,
    "Zoë Ångström-Łukasz",
    crawler.SCRIPT_PAYLOAD,
    crawler.ATTRIBUTE_PAYLOAD,
    "{{ request.user.password }}",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "0",
    "-1",
    "1e309",
    "NaN",
    "-Infinity",
    "9" * 40,
    "-" + "9" * 40,
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2025-02-30",
    "24:00",
    "23:59:60",
    "null",
    "[]",
]
# Long enough to pass a field's max_length, a paste of a page, and just over the paste limit.
LONG_LENGTHS = [201, 1_001, 20_000, 200_001]

dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=30),  # any unicode, NUL and control characters included
        st.sampled_from(HOSTILE_STRINGS),
        st.integers(min_value=-(10**40), max_value=10**40).map(str),
        st.builds(
            lambda piece, length: (piece * length)[:length],
            st.sampled_from(["x", "é", "\U0001f600", "\x00", "word "]),
            st.sampled_from(LONG_LENGTHS),
        ),
    )


def _for_kind(kind: str) -> st.SearchStrategy[str]:
    text = hostile_text()
    if kind == "date":
        return st.one_of(dates.map(date.isoformat), text)
    if kind == "time":
        return st.one_of(st.times().map(lambda t: t.isoformat(timespec="minutes")), text)
    if kind == "datetime-local":
        moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))
        return st.one_of(moments.map(lambda m: m.isoformat(timespec="minutes")), text)
    if kind == "number":
        return st.one_of(
            st.integers(min_value=-(10**30), max_value=10**30).map(str),
            st.floats(allow_nan=True, allow_infinity=True).map(str),
            text,
        )
    if kind == "email":
        return st.one_of(st.emails().map(lambda e: e[:300]), text)
    if kind == "url":
        # Addresses that resolve nowhere: the fuzz never reaches the network (see offline()).
        hosts = st.sampled_from(["https://example.invalid/a", "http://127.0.0.1:1/", "ftp://x"])
        return st.one_of(hosts, text)
    return text


def _file() -> st.SearchStrategy[SimpleUploadedFile]:
    names = st.sampled_from(["resume.pdf", "cv.docx", "export.json", "notes.txt", "a.webm", "x"])
    contents = st.one_of(
        st.binary(max_size=2_000),
        st.sampled_from([b"", b"{}", b"[]", b"null", b'{"format": "secondround"}', b"\x00" * 64]),
    )
    return st.builds(lambda name, data: SimpleUploadedFile(name, data), names, contents)


def field_strategy(fields: list[crawler.FormField]) -> st.SearchStrategy:
    """One form field (or several inputs sharing a name, such as a group of checkboxes)."""
    first = fields[0]
    if first.kind == "file":
        return st.one_of(st.none(), _file())
    if first.kind in ("checkbox", "radio"):
        values = [f.value for f in fields]
        given = [f.value for f in fields if f.checked]
        if first.kind == "radio":
            chosen = st.one_of(st.sampled_from(values).map(lambda v: [v]), st.just([]))
        else:
            chosen = st.lists(st.sampled_from(values), unique=True)
        return st.one_of(st.just(given), chosen, hostile_text().map(lambda v: [v]))
    if first.kind == "submit":
        return st.one_of(st.sampled_from(first.options), st.none(), hostile_text())
    keep = st.just(first.value)
    if first.kind == "select":
        options = first.options or [first.value]
        return st.one_of(keep, st.sampled_from(options), hostile_text())
    if first.name.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")):
        # A formset's bookkeeping: mostly kept, sometimes off by a little or nonsense.
        counts = st.integers(min_value=-1, max_value=70).map(str)
        return st.one_of(keep, keep, counts, hostile_text())
    if first.kind == "hidden":
        return st.one_of(keep, keep, _for_kind("text"))
    return st.one_of(keep, _for_kind(first.kind))


def form_data(form: crawler.PageForm) -> st.SearchStrategy[dict]:
    """POST data for the form: None for a field means it is left out."""
    by_name: dict[str, list[crawler.FormField]] = {}
    for form_field in form.fields:
        if form_field.name != "csrfmiddlewaretoken":
            by_name.setdefault(form_field.name, []).append(form_field)
    return st.fixed_dictionaries({name: field_strategy(group) for name, group in by_name.items()})


def defaults(form: crawler.PageForm) -> dict:
    """What pressing the button without touching anything sends."""
    data: dict[str, object] = {}
    for form_field in form.fields:
        if form_field.kind in ("checkbox", "radio"):
            if form_field.checked:
                data.setdefault(form_field.name, []).append(form_field.value)
        elif form_field.kind == "file":
            continue
        elif form_field.name != "csrfmiddlewaretoken":
            data.setdefault(form_field.name, form_field.value)
    return data


_BOOKKEEPING = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS", "-id")


def explicit_examples(form: crawler.PageForm) -> list[dict]:
    """The inputs every form gets, whatever the random draw: each field at once.

    The page's own values; everything empty; then every field (but a formset's
    bookkeeping) set to a NUL byte inside text, to both payloads, to the far ends of the
    calendar and of the integers, and to just over the paste limit.
    """
    base = defaults(form)
    names = {f.name: f.kind for f in form.fields if f.name != "csrfmiddlewaretoken"}
    free = {name: kind for name, kind in names.items() if not name.endswith(_BOOKKEEPING)}

    def every(value_for) -> dict:
        return base | {name: value_for(kind) for name, kind in free.items() if kind != "file"}

    far = {"date": "9999-12-31", "number": str(10**30), "time": "23:59"}
    return [
        base,
        {name: "" for name, kind in names.items() if kind not in ("checkbox", "file")},
        every(lambda kind: "a\x00b"),
        every(lambda kind: f"{crawler.SCRIPT_PAYLOAD} {crawler.ATTRIBUTE_PAYLOAD}"),
        every(lambda kind: far.get(kind, "9" * 40)),
        every(lambda kind: {"date": "0001-01-01", "number": "-1"}.get(kind, "0")),
        every(lambda kind: "x" * (LONG_LENGTHS[-1])),
    ]


@dataclass
class Outcome:
    status: int
    error: str  # the traceback's last lines on a 500
    refused: bool  # the form was shown again, or a redirect carried an error message
    body: str
    location: str


def submit(client: Client, action: str, data: dict) -> Outcome:
    """POST without raising on a server error; a fresh messages cookie for each submit."""
    client.cookies.pop("messages", None)
    sent = {name: value for name, value in data.items() if value is not None}
    response = client.post(action, sent)
    error = crawler.error_summary(getattr(response, "exc_info", None))
    refused = response.status_code == 200
    if response.status_code in (301, 302, 303) and hasattr(response, "wsgi_request"):
        # A warning comes with a save ("saved; the date is in the past"), an error without.
        said = messages.get_messages(response.wsgi_request)
        refused = any(message.level >= messages.ERROR for message in said)
    body = ""
    if response.get("Content-Type", "").startswith("text/html"):
        body = response.content.decode(errors="replace")
    return Outcome(response.status_code, error, refused, body, response.get("Location", ""))


@contextmanager
def offline() -> Iterator[None]:
    """No name resolves but this machine's: a fuzzed address never leaves it."""
    real = socket.getaddrinfo

    def loopback_only(host, *args, **kwargs):
        if host in ("127.0.0.1", "localhost", "::1", None):
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "offline during form fuzzing")

    socket.getaddrinfo = loopback_only
    try:
        yield
    finally:
        socket.getaddrinfo = real


RESUME = Path(__file__).parent / "engine" / "fixtures" / "resumes" / "teacher.docx"


def _seeds() -> dict:
    """Values that make a preview page appear, with the form that saves what it shows."""
    day = datetime.now(zoneinfo.ZoneInfo(DEMO_TIME_ZONE)) + timedelta(days=7)
    return {
        "invitation_parse": {"text": INVITATION.format(day=day)},
        "resume_import": {"file": RESUME.open("rb")},
    }


def _by_url_name(forms: list[crawler.PageForm]) -> dict[str, crawler.PageForm]:
    """One form per URL name: the one with the most fields."""
    chosen: dict[str, crawler.PageForm] = {}
    for form in forms:
        name = crawler.url_name(form.action)
        if name and len(form.fields) >= len(getattr(chosen.get(name), "fields", [])):
            chosen[name] = form
    return chosen


def forms_to_fuzz(client: Client) -> dict[str, crawler.PageForm]:
    """By URL name, the forms the owner's pages have, those previews show, and the log-in's.

    Nothing the discovery posts is kept (a savepoint rolled back).
    """
    with transaction.atomic():
        forms = crawler.crawl(client).forms
        forms += seeded_forms(client, forms, _seeds())
        transaction.set_rollback(True)
    public = _by_url_name(crawler.crawl(Client(), reverse("login")).forms)
    return _by_url_name(forms) | {
        name: form for name, form in public.items() if name in ("login", "signup")
    }


def try_input(client: Client, owner, form: crawler.PageForm, data: dict) -> str | None:
    """Post one input in a savepoint rolled back after; what went wrong, or None.

    Wrong: a 500, user input shown as markup, or, when the form was refused, a row of
    the owner's gone or changed.
    """
    with transaction.atomic():
        before = crawler.snapshot(owner)
        outcome = submit(client, form.action, data)
        sent = {key: str(value)[:80] for key, value in data.items()}
        problem = None
        if outcome.status == 500:
            problem = f"500 from {form.action} {sent}\n{outcome.error}"
        elif crawler.unescaped_payloads(outcome.body):
            problem = f"input shown as markup by {form.action} {sent}"
        elif outcome.refused:
            lost = crawler.lost_or_changed(before, crawler.snapshot(owner))
            if lost:
                problem = f"refused by {form.action}, yet changed {lost[:3]}: {sent}"
        transaction.set_rollback(True)
    return problem


def seeded_forms(
    client: Client, forms: list[crawler.PageForm], seeds: dict
) -> list[crawler.PageForm]:
    """Forms that only a POST's answer shows (the review of a pasted invitation, say).

    `seeds` maps a URL name to the values that make its preview appear.
    """
    found = []
    for form in forms:
        seed = seeds.get(crawler.url_name(form.action))
        if seed is None:
            continue
        response = client.post(form.action, defaults(form) | seed)
        if response.status_code == 200:
            found += crawler.forms_in(response.content.decode(), form.action)
    return found
