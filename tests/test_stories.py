"""The story bank in the app: write, check as you type, import a résumé, coverage."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secondround.questions.models import OwnQuestion
from secondround.stories.models import Story

pytestmark = pytest.mark.django_db

RESUMES = Path(__file__).parent / "engine" / "fixtures" / "resumes"

STORY = {
    "title": "Falls prevention on ward 4",
    "situation": "Our ward's falls rate was the highest in the hospital.",
    "task": "I was asked to lead a prevention project.",
    "action": "I audited 40 falls, trained night staff on hourly rounding and set up bed alarms.",
    "result": "Falls dropped from 12 to 4 a month within a quarter.",
    "metric": "falls a month",
    "metric_before": "12",
    "metric_after": "4",
    "employer": "St Mary's",
    "role": "Charge nurse",
    "year": "2024",
    "skills": "rounding, audits",
    "how_acquired": "",
    "learned": "",
}


def test_write_a_story_and_get_suggested_competencies(alice_client, alice):
    response = alice_client.post(reverse("story_create"), STORY)
    story = Story.objects.get(owner=alice)
    assert response["Location"] == reverse("story_edit", args=[story.pk])
    assert story.competencies, "suggested when none chosen"
    page = alice_client.get(reverse("story_list")).content.decode()
    assert "Falls prevention on ward 4" in page and "Ready to tell." in page


def test_chosen_competencies_are_kept(alice_client, alice):
    alice_client.post(reverse("story_create"), STORY | {"competencies": ["leadership", "results"]})
    assert Story.objects.get(owner=alice).competencies == ["leadership", "results"]


def test_live_check_explains_what_is_missing(alice_client):
    response = alice_client.post(
        reverse("story_check"),
        {"action": "We fixed the rota.", "result": ""},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "No result yet." in page and "No number." in page and "only “we”" in page
    assert "<html" not in page


def test_missing_title_is_explained_and_nothing_saved(alice_client, alice):
    response = alice_client.post(reverse("story_create"), STORY | {"title": ""})
    assert "This field is required." in response.content.decode()
    assert not Story.objects.exists()


def test_outsider_cannot_see_or_delete(alice, charlie_client):
    story = Story.objects.create(owner=alice, title="Private")
    assert charlie_client.get(reverse("story_edit", args=[story.pk])).status_code == 404
    assert charlie_client.post(reverse("story_delete", args=[story.pk])).status_code == 404
    assert Story.objects.filter(pk=story.pk).exists()
    assert "Private" not in charlie_client.get(reverse("story_list")).content.decode()


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in RESUMES.glob("*")
        if p.suffix in {".json", ".pdf", ".docx", ".txt"}
        and not p.name.endswith(".expected.json")
        and "corrupt" not in p.name
        and "encrypted" not in p.name
    )[:4],
    ids=lambda p: p.name,
)
def test_import_a_resume_then_save_the_reviewed_drafts(alice_client, alice, path):
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    review = alice_client.post(reverse("resume_import"), {"file": upload})
    page = review.content.decode()
    assert "Review the draft stories" in page
    total = int(page.split('name="drafts-TOTAL_FORMS" value="')[1].split('"')[0])
    assert total > 0
    data = {"drafts-TOTAL_FORMS": str(total), "drafts-INITIAL_FORMS": "0"}
    for index in range(total):
        prefix = f"drafts-{index}-"
        for field in (
            "title",
            "action",
            "result",
            "metric",
            "metric_before",
            "metric_after",
            "employer",
            "role",
            "year",
        ):
            marker = f'name="{prefix}{field}"'
            data[prefix + field] = _value_of(page, marker)
        if index == 0:
            data[prefix + "keep"] = "on"
    response = alice_client.post(reverse("resume_save"), data)
    assert response.status_code == 302
    assert Story.objects.filter(owner=alice).count() == 1


def _value_of(page: str, marker: str) -> str:
    start = page.index(marker)
    tag_end = page.index(">", start)
    tag = page[page.rindex("<", 0, start) : tag_end + 1]
    if tag.startswith("<textarea"):
        return page[tag_end + 1 : page.index("</textarea>", tag_end)].strip()
    if ' value="' in tag:
        import html

        return html.unescape(tag.split(' value="')[1].split('"')[0])
    return ""


@pytest.mark.parametrize("name", ["corrupt", "encrypted"])
def test_bad_resume_files_are_explained(alice_client, name):
    path = next(
        p
        for p in sorted(RESUMES.glob("*"))
        if name in p.name and not p.name.endswith(".expected.json")
    )
    response = alice_client.post(
        reverse("resume_import"), {"file": SimpleUploadedFile(path.name, path.read_bytes())}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Review the draft stories" not in page
    assert 'class="error"' in page


def test_coverage_and_rehearsal(alice_client, alice, alice_round):
    alice_client.post(reverse("story_create"), STORY | {"competencies": ["leadership"]})
    alice_client.post(
        reverse("story_create"),
        STORY
        | {
            "title": "Calmed an angry family",
            "action": "I listened, I apologised and I arranged a meeting with the consultant.",
            "result": "They wrote a thank-you card; complaints fell 30%.",
            "competencies": ["customer_focus", "conflict"],
        },
    )
    # The candidate expects this one: the family story answers it.
    OwnQuestion.objects.create(
        round=alice_round,
        text="Tell me about a time you calmed down an upset patient's family.",
        competency="customer_focus",
        kind="behavioral",
    )
    page = alice_client.get(reverse("coverage", args=[alice_round.pk])).content.decode()
    assert "Which story answers which question" in page
    assert "Falls prevention on ward 4" in page
    assert "No story covers this." in page  # a round asks more than two stories can answer
    page = alice_client.get(reverse("rehearsal", args=[alice_round.pk])).content.decode()
    assert "Calmed an angry family" in page
    page = alice_client.get(reverse("rehearsal", args=[alice_round.pk])).content.decode()
    assert "Stories to rehearse" in page and "Situation:" in page
    # The rehearsal counts the questions a story fits; the coverage page, those it is the
    # best answer to: the two words differ, so the two numbers do not contradict.
    assert re.search(r"· fits \d+ question", page) and "· answers" not in page
    story = Story.objects.filter(owner=alice).first()
    assert story.vector and story.vector_digest  # embedded once, kept for next time
    digest = story.vector_digest
    alice_client.get(reverse("coverage", args=[alice_round.pk]))
    story.refresh_from_db()
    assert story.vector_digest == digest


def test_a_pasted_resume_is_read_like_a_file(alice_client):
    text = (
        "Experience\n\nShift Supervisor, Rhein Cargo, Duisburg — 2021–2025\n"
        "- Cut picking errors by 30% by introducing a two-scan check on the night shift\n"
        "- Trained 12 new forklift drivers in six months\n"
    )
    page = alice_client.post(reverse("resume_import"), {"text": text}).content.decode()
    assert "Review the draft stories" in page and "picking errors" in page


def test_neither_file_nor_text_asks_for_one(alice_client):
    page = alice_client.post(reverse("resume_import"), {"text": "  "}).content.decode()
    assert "Choose the résumé file, or paste its text." in page
