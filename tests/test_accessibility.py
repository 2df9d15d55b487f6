"""Every visible form control on every page has a label a screen reader can announce."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.labelled_ids: set[str] = set()
        self.controls: list[dict] = []
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.labelled_ids.add(attributes["for"])
        elif tag in {"input", "select", "textarea"}:
            if attributes.get("type") in {"hidden", "submit", "button"}:
                return
            attributes["_inside_label"] = self._label_depth > 0
            self.controls.append(attributes)

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1


def _unlabelled(html: str) -> list[str]:
    parser = _Controls()
    parser.feed(html)
    return [
        control.get("name", "?")
        for control in parser.controls
        if not (
            control["_inside_label"]
            or control.get("aria-label")
            or control.get("id") in parser.labelled_ids
        )
    ]


def test_signed_out_pages(client):
    for name in ["login", "signup"]:
        assert _unlabelled(client.get(reverse(name)).content.decode()) == [], name


def test_signed_in_pages(alice_client, alice_round):
    person = alice_round.interviewers.get()
    opportunity = alice_round.opportunity
    urls = [
        reverse("dashboard"),
        reverse("opportunity_create"),
        reverse("opportunity_edit", args=[opportunity.pk]),
        reverse("round_create", args=[opportunity.pk]),
        reverse("round_detail", args=[alice_round.pk]),
        reverse("round_edit", args=[alice_round.pk]),
        reverse("interviewer_create", args=[alice_round.pk]),
        reverse("interviewer_edit", args=[person.pk]),
        reverse("data_home"),
        reverse("password_change"),
    ]
    for url in urls:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert _unlabelled(response.content.decode()) == [], url


def test_invitation_review(alice_client, alice_round):
    text = "You will meet:\n- 10:00 - 10:45 Dana Whitfield, Director of Operations\n"
    response = alice_client.post(reverse("invitation_parse", args=[alice_round.pk]), {"text": text})
    assert _unlabelled(response.content.decode()) == []


@pytest.mark.parametrize(
    ("html", "unlabelled"),
    [
        ('<input name="a">', ["a"]),
        ('<label for="b">B</label><input id="b" name="b">', []),
        ('<label>C <input name="c"></label>', []),
        ('<input name="d" aria-label="D">', []),
        ('<input type="hidden" name="e">', []),
        ('<select name="f"></select>', ["f"]),
    ],
)
def test_the_check_itself(html, unlabelled):
    assert _unlabelled(html) == unlabelled
