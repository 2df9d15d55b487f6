"""A strict Content-Security-Policy on every page, and HSTS when the cookies are secure."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

import secondround

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(secondround.__file__).parent.glob("**/templates/**/*.html"))
# Rendered to a string for the PDF (WeasyPrint reads its <style>); never served as a page.
NOT_SERVED = {"brief_print.html"}
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I), "an on* handler"),
    (re.compile(r"""\sstyle\s*=\s*["']""", re.I), "a style attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
    (re.compile(r"\shx-on", re.I), "an hx-on handler (needs eval)"),
]


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def test_pages_carry_a_strict_policy(client, alice_client, alice_round):
    for response in (
        client.get(reverse("login")),
        alice_client.get(reverse("round_detail", args=[alice_round.pk])),
        alice_client.get("/static/secondround.css"),
    ):
        policy = _policy(response)
        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
        assert "unsafe" not in response["Content-Security-Policy"]
    assert client.get(reverse("login"))["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_template_has_inline_script_or_style(template):
    if template.name in NOT_SERVED:
        return
    text = template.read_text()
    found = [what for pattern, what in INLINE if pattern.search(text)]
    assert found == [], f"{template}: {', '.join(found)} (the CSP blocks it: use a static file)"


def test_htmx_injects_no_style_and_runs_no_eval(client):
    page = client.get(reverse("login")).content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", page)
    assert config, "htmx's config is set before it loads"
    values = json.loads(config.group(1))
    assert values["includeIndicatorStyles"] is False and values["allowEval"] is False


def _headers_under(tmp_path, env: dict[str, str]) -> dict[str, str]:
    code = (
        "import json, django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/account/login/', HTTP_HOST='localhost',"
        " HTTP_X_FORWARDED_PROTO='https');"
        "print(json.dumps(dict(r.headers)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={
            "PATH": os.environ.get("PATH", ""),
            "SECONDROUND_HOME": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "secondround.settings",
        }
        | env,
    )
    return json.loads(result.stdout)


def test_hsts_behind_an_https_proxy_when_cookies_are_secure(tmp_path):
    headers = _headers_under(
        tmp_path, {"SECONDROUND_SECURE_COOKIES": "1", "SECONDROUND_BEHIND_PROXY": "1"}
    )
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Content-Security-Policy" in headers


def test_no_hsts_on_a_laptop(tmp_path):
    headers = _headers_under(tmp_path, {})
    assert "Strict-Transport-Security" not in headers
