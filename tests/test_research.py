"""Research: profile, people, imported pages, the glossary and the built answers."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from secondround.debrief.models import Debrief, GlossaryTerm
from secondround.research.models import (
    CompanyProfile,
    InterviewerResearch,
    PressItem,
    ResearchSource,
    SavedAnswer,
)

pytestmark = pytest.mark.django_db

ARTICLE = b"""<html><head><title>Northwind opens Joliet hub</title></head><body>
<nav>Home | About | Careers</nav>
<article><h1>Northwind opens Joliet cold-chain hub</h1>
<p>Northwind Freight opened a 200,000 square foot cold-chain hub in Joliet on Monday,
adding 120 jobs and cutting delivery times to Chicago hospitals by a day.</p>
<p>The company said the hub would run on its MercuryGate transport system and serve
grocers across three states.</p></article>
<footer>Copyright Local News</footer></body></html>"""


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        if self.path == "/article":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site(settings):
    settings.SECONDROUND_FETCH_ALLOW_PRIVATE = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _formset_management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def test_save_profile_press_and_informational_interview(alice_client, alice_round):
    opportunity = alice_round.opportunity
    data = {
        "industry": "Cold-chain freight",
        "products": "Refrigerated trucking\nWarehousing",
        "launches": "Joliet cold-chain hub",
        "competitors": "Lineage Logistics",
        "values": "Safety first",
        "social_media": "",
        **_formset_management("press", 1),
        "press-0-title": "Northwind opens Joliet hub",
        "press-0-url": "https://news.example.com/joliet",
        "press-0-published_on": "2026-02-03",
        "press-0-summary": "120 new jobs",
        **_formset_management("informational", 1),
        "informational-0-person": "Jordan Lee",
        "informational-0-held_on": "2026-02-10",
        "informational-0-takeaways": "Dispatch is the bottleneck",
    }
    response = alice_client.post(reverse("research_edit", args=[opportunity.pk]), data)
    assert response.status_code == 302
    assert CompanyProfile.objects.get(opportunity=opportunity).industry == "Cold-chain freight"
    assert PressItem.objects.get(opportunity=opportunity).published_on.isoformat() == "2026-02-03"
    page = alice_client.get(reverse("research_home", args=[opportunity.pk])).content.decode()
    assert "Lineage Logistics" in page and "Jordan Lee" in page and "120 new jobs" in page


def test_research_on_an_interviewer(alice_client, alice_round):
    person = alice_round.interviewers.get()
    alice_client.post(
        reverse("interviewer_research_edit", args=[person.pk]),
        {
            "background": "Ran dispatch at Sysco",
            "shared_experience": "Both ex-Sysco",
            "talking_points": "Empty miles",
        },
    )
    assert InterviewerResearch.objects.get(interviewer=person).shared_experience == "Both ex-Sysco"


def test_import_a_page_by_url(alice_client, alice_round, local_site):
    opportunity = alice_round.opportunity
    response = alice_client.post(
        reverse("source_import", args=[opportunity.pk]), {"url": f"{local_site}/article"}
    )
    source = ResearchSource.objects.get(opportunity=opportunity)
    assert response["Location"] == reverse("source_detail", args=[source.pk])
    assert "cold-chain hub in Joliet" in source.text
    assert "Copyright Local News" not in source.text
    assert source.method == "fetched" and source.url.endswith("/article")


def test_a_failing_page_explains_and_offers_paste(alice_client, alice_round, local_site):
    opportunity = alice_round.opportunity
    response = alice_client.post(
        reverse("source_import", args=[opportunity.pk]), {"url": f"{local_site}/missing"}
    )
    page = response.content.decode()
    assert "404" in page and "paste the page" in page
    assert f'value="{local_site}/missing"' in page
    assert not ResearchSource.objects.exists()


def test_private_addresses_are_refused_by_default(alice_client, alice_round, local_site, settings):
    settings.SECONDROUND_FETCH_ALLOW_PRIVATE = False
    response = alice_client.post(
        reverse("source_import", args=[alice_round.opportunity.pk]),
        {"url": f"{local_site}/article"},
    )
    assert "private network" in response.content.decode()
    assert not ResearchSource.objects.exists()


def test_paste_a_page_instead(alice_client, alice_round):
    opportunity = alice_round.opportunity
    alice_client.post(
        reverse("source_import", args=[opportunity.pk]),
        {"url": "https://example.com/about", "title": "About us", "text": "We move cold freight."},
    )
    source = ResearchSource.objects.get(opportunity=opportunity)
    assert (source.method, source.title, source.text) == (
        "pasted",
        "About us",
        "We move cold freight.",
    )


def test_nothing_given_is_explained(alice_client, alice_round):
    response = alice_client.post(reverse("source_import", args=[alice_round.opportunity.pk]), {})
    assert "Give a page address, or paste the text." in response.content.decode()


def test_glossary_proposes_terms_from_the_posting_and_debrief(alice_client, alice_round):
    opportunity = alice_round.opportunity
    opportunity.posting_text = (
        "Build dashboards in Power BI. Track OTIF weekly. Improve OTIF by 5%."
    )
    opportunity.save()
    Debrief.objects.create(round=alice_round, raw_notes="They use MercuryGate for routing.")
    page = alice_client.get(reverse("glossary", args=[opportunity.pk])).content.decode()
    assert "OTIF" in page and "MercuryGate" in page

    alice_client.post(
        reverse("glossary_add", args=[opportunity.pk]), {"term": "OTIF", "source": "posting"}
    )
    response = alice_client.post(
        reverse("glossary_add", args=[opportunity.pk]),
        {"term": "otif", "source": "mine"},
        follow=True,
    )
    assert "already in the glossary" in response.content.decode()
    term = GlossaryTerm.objects.get(opportunity=opportunity)
    assert term.source == "posting"
    alice_client.post(
        reverse("glossary_term_edit", args=[term.pk]),
        {"term": "OTIF", "meaning": "On time, in full"},
    )
    term.refresh_from_db()
    assert term.meaning == "On time, in full"
    page = alice_client.get(reverse("glossary", args=[opportunity.pk])).content.decode()
    assert page.count(">OTIF<") + page.count(">OTIF ") >= 1
    alice_client.post(reverse("glossary_term_delete", args=[term.pk]))
    assert not GlossaryTerm.objects.exists()


def test_answer_shows_where_each_sentence_came_from_and_saves_the_edit(alice_client, alice_round):
    opportunity = alice_round.opportunity
    CompanyProfile.objects.create(
        opportunity=opportunity,
        industry="cold-chain freight",
        products="refrigerated trucking\nwarehousing",
        launches="a cold-chain hub in Joliet",
    )
    url = reverse("answer", args=[opportunity.pk, "learned"])
    page = alice_client.get(url).content.decode()
    assert "Company profile · products" in page
    assert "a cold-chain hub in Joliet" in page
    assert "words" in page and "seconds" in page

    alice_client.post(url, {"text": "My own words about Northwind."})
    assert (
        SavedAnswer.objects.get(opportunity=opportunity, kind="learned").text
        == "My own words about Northwind."
    )
    assert "My own words about Northwind." in alice_client.get(url).content.decode()


def test_answer_with_little_research_says_what_is_missing(alice_client, alice_round):
    page = alice_client.get(
        reverse("answer", args=[alice_round.opportunity.pk, "learned"])
    ).content.decode()
    assert "To make it stronger" in page


def test_unknown_answer_kind_goes_back_to_research(alice_client, alice_round):
    response = alice_client.get(reverse("answer", args=[alice_round.opportunity.pk, "other"]))
    assert response.status_code == 302


def test_company_terms_leave_out_competitors(alice_round):
    from secondround.research.selectors import company_terms

    opportunity = alice_round.opportunity
    CompanyProfile.objects.create(opportunity=opportunity, competitors="US Cold Storage")
    for term, meaning in (
        ("MercuryGate", "Their TMS"),
        ("Lineage Logistics", "Competitor"),
        ("US Cold Storage", ""),
    ):
        GlossaryTerm.objects.create(opportunity=opportunity, term=term, meaning=meaning)
    assert company_terms(opportunity) == ["MercuryGate"]
