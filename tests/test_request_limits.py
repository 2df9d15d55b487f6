"""Too large, too many, too deep: every refusal is a message, quickly, never a bare error."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from secondround.research.models import PressItem
from tests.engine.test_resume import _zip_bomb
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_request_too_large_to_read_gets_a_page_that_says_so(alice_client, alice_round, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024
    url = reverse("invitation_parse", args=[alice_round.pk])
    response = alice_client.post(url, {"text": "é" * 20_000})
    assert response.status_code == 413
    page = response.content.decode()
    assert "<title>Too much to send at once · Second Round</title>" in page
    assert "larger than the 10 KB Second Round reads in one go, so nothing was saved" in page


def test_an_htmx_request_too_large_gets_the_message_alone(alice_client, alice_round, settings):
    """The invitation form posts with HTMX: the message is swapped in, the paste stays."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024
    url = reverse("invitation_parse", args=[alice_round.pk])
    response = alice_client.post(url, {"text": "é" * 20_000}, **HTMX)
    assert response.status_code == 413
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div class="message error" role="alert">')
    assert "Too much to send at once" in fragment and "<html" not in fragment


def test_too_many_fields_gets_a_page_that_says_so(alice_client, alice_round):
    data = {f"field{number}": "x" for number in range(7_000)}
    response = alice_client.post(reverse("research_edit", args=[alice_round.opportunity.pk]), data)
    assert response.status_code == 400
    assert "This page sent more fields than any form here has" in response.content.decode()


def test_a_formset_claiming_100000_rows_is_refused_at_once(alice_client, alice_round):
    opportunity = alice_round.opportunity
    data = {}
    for prefix in ("press", "informational"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "100000",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    data |= {"press-0-title": "Kept?", "press-0-url": "https://example.org/"}
    url = reverse("research_edit", args=[opportunity.pk])
    alice_client.get(url)  # warm up: templates, the first query
    started = time.monotonic()
    response = alice_client.post(url, data)
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert "This list holds at most 200 rows, and the page sent more" in response.content.decode()
    assert not PressItem.objects.filter(opportunity=opportunity).exists()
    assert elapsed < 1, f"{elapsed:.2f} s"  # it built 2,400 forms in about 5 s


def test_a_resume_a_few_bytes_over_the_limit_says_by_how_much(alice_client, settings):
    limit = settings.SECONDROUND_MAX_RESUME_BYTES
    upload = SimpleUploadedFile("cv.txt", b"x" * (limit + 3), content_type="text/plain")
    page = alice_client.post(reverse("resume_import"), {"file": upload}).content.decode()
    assert "This file is 3 bytes over the limit of 5 MB. Export a smaller PDF" in page
    assert "up to 5 MB." in page


def test_a_docx_zip_bomb_is_refused_at_once(alice_client):
    bomb = _zip_bomb(
        [("[Content_Types].xml", b"<Types/>", 1), ("word/document.xml", b" " * (1 << 20), 1024)]
    )
    upload = SimpleUploadedFile("cv.docx", bomb)
    started = time.monotonic()
    page = alice_client.post(reverse("resume_import"), {"file": upload}).content.decode()
    assert time.monotonic() - started < 1
    assert "This Word file unpacks to 1 GB, far more than a résumé holds" in page


def test_every_textarea_carries_the_paste_limit(alice_client, alice_round, settings):
    page = alice_client.get(reverse("round_detail", args=[alice_round.pk])).content.decode()
    assert f'data-max-chars="{settings.SECONDROUND_MAX_PASTE_CHARS}"' in page


def test_a_paste_over_the_limit_keeps_the_text_and_says_why(alice_client, alice_round, settings):
    settings.SECONDROUND_MAX_PASTE_CHARS = 1_000
    text = "Dana Whitfield, Head of Finance\n" * 100
    url = reverse("invitation_parse", args=[alice_round.pk])
    fragment = alice_client.post(url, {"text": text}, **HTMX).content.decode()
    assert "This text is 3,200 characters; the limit is 1,000" in fragment
    page = alice_client.post(url, {"text": text}).content.decode()
    assert "This text is 3,200 characters" in page and text[:200] in page
    # A browser's form sends line breaks as \r\n; each is still one character.
    crlf = alice_client.post(url, {"text": "ab\r\n" * 300}, **HTMX).content.decode()
    assert "the limit is" not in crlf


def test_pages_not_found_and_forms_expired_are_explained(alice):
    client = Client(enforce_csrf_checks=True)
    missing = client.get("/no/such/page/")
    assert missing.status_code == 404
    assert "<title>Not found · Second Round</title>" in missing.content.decode()
    client.login(username="alice", password=PASSWORD)
    expired = client.post(reverse("opportunity_create"), {"company": "X", "role_title": "Y"})
    assert expired.status_code == 403
    assert "Please send the form again" in expired.content.decode()


def test_the_zip_bomb_helper_makes_a_valid_archive():
    bomb = _zip_bomb([("a.txt", b"abc", 4)])
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.read("a.txt") == b"abc" * 4
