import pytest
from django.utils import timezone

from secondround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo
from secondround.opportunities.models import Opportunity, Round
from secondround.portability.archive import read_archive
from secondround.portability.services import account_export_file, account_import
from secondround.practice.models import Attempt
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_demo_has_a_second_round_with_four_interviewers():
    user, created = load_demo(now=timezone.now())
    assert created and user.check_password(DEMO_PASSWORD)
    second = Round.objects.get(opportunity__owner=user, number=2)
    assert second.starts_at > timezone.now()
    relations = sorted(second.interviewers.values_list("relation", flat=True))
    assert relations == ["hiring_manager", "hr", "managers_manager", "peer"]


def test_loading_the_demo_again_keeps_the_users_changes():
    user, _ = load_demo(now=timezone.now())
    Opportunity.objects.filter(owner=user).update(notes="my own notes")
    again, created = load_demo(now=timezone.now())
    assert not created and again.username == DEMO_USERNAME
    assert set(Opportunity.objects.filter(owner=user).values_list("notes", flat=True)) == {
        "my own notes"
    }


def test_demo_has_typed_and_spoken_practice_with_progress(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    user, _ = load_demo(now=timezone.now())
    attempts = list(Attempt.objects.filter(round__opportunity__owner=user).order_by("created_at"))
    typed = [a for a in attempts if not a.words]
    spoken = [a for a in attempts if a.words]
    assert len(typed) == 2 and len(spoken) == 1
    assert typed[0].question_key == typed[1].question_key
    assert typed[1].report["words"] > typed[0].report["words"]
    assert all(a.report["words_per_minute"] is None for a in typed)
    assert 100 < spoken[0].report["words_per_minute"] < 200
    assert spoken[0].report["fillers"]["count"] >= 2  # "Um" and "uh" are in the recording
    assert spoken[0].audio.read()[:4] == b"OggS"
    # Once they have spoken, typed answers are timed at their own pace.
    assert typed[1].report["estimate_is_own_pace"] is False  # typed before speaking


def test_demo_exports_and_imports_whole_with_its_recording(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    user, _ = load_demo(now=timezone.now())
    bundle = read_archive(
        account_export_file(owner=user, now=timezone.now(), recordings=True), max_unpacked=10**8
    )
    fresh = make_user()
    account_import(owner=fresh, payload=bundle.payload, replace=False, files=bundle.files)
    again = account_export_file(owner=fresh, now=timezone.now(), recordings=True)
    copy = read_archive(again, max_unpacked=10**8)
    strip = lambda d: {k: v for k, v in d.items() if k != "exported_at"}  # noqa: E731
    assert strip(copy.payload) == strip(bundle.payload) and copy.files == bundle.files
    assert Attempt.objects.filter(round__opportunity__owner=fresh).count() == 3
