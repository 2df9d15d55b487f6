"""Every download is named safely, whatever the company or person is called."""

import re
from urllib.parse import unquote

import pytest
from django.urls import reverse

from secondround.downloads import attachment, safe_file_name
from tests.factories import make_opportunity, make_round

# What a file name may hold in the plain `filename="…"`: no path, quote, markup or control.
SAFE_ASCII = re.compile(r"^[A-Za-z0-9 ._,()&+'-]+$")


@pytest.mark.parametrize(
    ("name", "plain", "readable"),
    [
        ("brief-Northwind Freight-round-2.pdf", "brief-Northwind Freight-round-2.pdf", None),
        (
            "brief-<script>alert(1)</script>-round-2.pdf",
            "brief-script alert(1) script-round-2.pdf",
            None,
        ),
        ("brief-../../etc/passwd-round-1.pdf", "brief-. . etc passwd-round-1.pdf", None),
        ('brief-A "quoted"\r\nX-Evil: 1-round-1.pdf', "brief-A quoted X-Evil 1-round-1.pdf", None),
        (
            "brief-Café Müller-round-2.pdf",
            "brief-Cafe Muller-round-2.pdf",
            "brief-Café Müller-round-2.pdf",
        ),
        ("brief-東京海上-round-1.pdf", "brief-round-1.pdf", "brief-東京海上-round-1.pdf"),
        ("<>/\\.pdf", "download.pdf", None),
        ("Thank you - Dana Whitfield.eml", "Thank you - Dana Whitfield.eml", None),
    ],
)
def test_attachment_names_are_safe(name, plain, readable):
    header = attachment(name)
    assert header.startswith(f'attachment; filename="{plain}"')
    assert SAFE_ASCII.match(plain)
    if readable is None:
        assert "filename*" not in header
    else:
        encoded = header.split("filename*=UTF-8''", 1)[1]
        assert unquote(encoded) == readable
        assert encoded.isascii() and " " not in encoded


def test_a_long_name_keeps_its_extension():
    name = safe_file_name("brief-" + "x" * 300 + "-round-1.pdf")
    assert len(name) <= 100 and name.endswith(".pdf")


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["brief_pdf", "brief_ics"])
def test_brief_downloads_do_not_carry_the_company_raw(alice_client, alice, url_name):
    opportunity = make_opportunity(alice, company='Acme/..\\<script>alert("x")</script> Café')
    round_ = make_round(opportunity, number=2)
    response = alice_client.get(reverse(url_name, args=[round_.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    plain = re.search(r'filename="([^"]*)"', disposition)
    assert plain and SAFE_ASCII.match(plain.group(1)), disposition
    assert "<" not in disposition and "/" not in unquote(disposition.split("filename=")[1])
    if url_name == "brief_pdf":
        assert plain.group(1) == "brief-Acme . script alert( x ) script Cafe-round-2.pdf"
        assert unquote(disposition.split("UTF-8''")[1]).endswith("Café-round-2.pdf")
