"""The export holds every model and every field of a user's data, and imports back the same.

The rows are built by walking the export tree and each model's fields, so that a model or
a field added later fails here until it is exported or named in NOT_EXPORTED with a reason.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from secondround.portability.archive import read_archive
from secondround.portability.services import account_export, account_export_file, account_import
from secondround.portability.tree import (
    ACCOUNT_FIELDS,
    EXPORT_ROOTS,
    NOT_EXPORTED,
    NOT_EXPORTED_FIELDS,
    Node,
    every_node,
)
from secondround.practice.models import Attempt, PracticeSession
from tests.factories import make_user

pytestmark = pytest.mark.django_db

AUDIO = b"OggS\x00fake-but-faithful audio bytes \xff\x00\x01"
STAMP = datetime(2026, 3, 4, 10, 15, 30, 123456, tzinfo=UTC)

# Values a field's type cannot tell: JSON shapes the app reads, a zone the validator knows.
SPECIAL = {
    "time_zone": "America/Chicago",
    "competencies": ["leadership", "conflict"],
    "words": [["Well", 0.5, 0.9], ["um", 1.0, 1.3]],
    "report": {"words": 2, "star": ["action"], "fillers": {"um": 1}},
    "partial": {"text": "Well um", "offset": 2},
}


def _user_models() -> set[type[models.Model]]:
    return {model for model in apps.get_models() if model.__module__.startswith("secondround.")}


def _candidates(model_field: models.Field):
    if model_field.choices:
        return [value for value, _ in model_field.flatchoices][::-1]
    match model_field:
        case models.EmailField():
            return ["siobhan.oneill@example.org"]
        case models.URLField():
            return ["https://example.org/path?q=é"]
        case models.BooleanField():
            return [not model_field.get_default()]
        case models.DecimalField():
            return [Decimal("1234.50")]
        case models.FloatField():
            return [12.5, 0.75]
        case models.IntegerField():
            return [3]
        case models.DateTimeField():
            return [STAMP]
        case models.DateField():
            return [date(2026, 3, 4)]
        case models.CharField() | models.TextField():
            text = f"{model_field.model.__name__} {model_field.name} — “é” 🎉"
            return [text[: model_field.max_length] if model_field.max_length else text]
    raise AssertionError(f"No sample value for {model_field.model.__name__}.{model_field.name}")


def _sample(model_field: models.Field):
    if model_field.name in SPECIAL:
        return SPECIAL[model_field.name]
    for value in _candidates(model_field):
        try:
            model_field.run_validators(value)
        except ValidationError:
            continue
        return value
    raise AssertionError(f"No valid value for {model_field.model.__name__}.{model_field.name}")


def _build(node: Node, parent: models.Model, made: dict) -> None:
    """One row of this node with every exported field set, then one of each child."""
    meta = node.model._meta
    values: dict = {node.parent_field: parent}
    for name in node.fields:
        model_field = meta.get_field(name)
        if name in node.round_refs:
            values[name] = made["round"]
        elif name in node.refs:
            values[name] = made[model_field.related_model]
        elif name in node.files:
            continue
        elif model_field.model is PracticeSession and name == "plan":
            person = made[apps.get_model("opportunities", "Interviewer")]
            values[name] = [{"key": "q1", "text": "Why us?", "interviewer": str(person.pk)}]
        else:
            values[name] = _sample(model_field)
    row = node.model(**values)
    row.full_clean()
    row.save()
    stamps = {
        f.name: values[f.name]
        for f in meta.concrete_fields
        if f.name in values and (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
    }
    node.model.objects.filter(pk=row.pk).update(**stamps)
    for name in node.files:
        getattr(row, name).save("answer.ogg", ContentFile(AUDIO), save=True)
    made[node.model] = row
    if node.model is apps.get_model("opportunities", "Round"):
        made["round"] = row
    for child in node.children:
        _build(child, row, made)


def _full_account(owner) -> dict:
    owner.first_name, owner.last_name = "Siobhán", "O'Neill-van der Berg"
    owner.save()
    made: dict = {}
    for root in EXPORT_ROOTS:
        _build(root, owner, made)
    return made


def _without_stamp(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "exported_at"}


def _items(node: Node, items: list):
    for item in items:
        yield node, item
        for child in node.children:
            yield from _items(child, item[child.key])


def test_every_model_that_holds_user_data_is_exported():
    exported = {node.model for node in every_node()}
    missing = _user_models() - exported - set(NOT_EXPORTED)
    assert not missing, (
        f"not exported and not in NOT_EXPORTED: {sorted(m.__name__ for m in missing)}"
    )


@pytest.mark.parametrize("node", list(every_node()), ids=lambda node: node.model.__name__)
def test_every_field_of_an_exported_model_is_exported(node):
    leave_out = {node.parent_field, "id", *NOT_EXPORTED_FIELDS.get(node.model, {})}
    fields = {f.name for f in node.model._meta.concrete_fields} - leave_out
    assert fields <= set(node.fields), f"{node.model.__name__}: {fields - set(node.fields)}"


def test_round_trip_of_every_model_and_field_with_recordings(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    alice = make_user()
    _full_account(alice)

    first = read_archive(
        account_export_file(owner=alice, now=timezone.now(), recordings=True),
        max_unpacked=10**8,
    )
    document = first.payload
    for root in EXPORT_ROOTS:
        assert document[root.key], root.key
        for node, item in _items(root, document[root.key]):
            unset = [name for name in node.fields if item[name] in (None, "", [], {})]
            assert not unset, f"{node.model.__name__}: {unset} left empty by the test's rows"
            for child in node.children:
                assert item[child.key], f"{node.model.__name__} has no {child.key}"
    assert list(first.files.values()) == [AUDIO]

    fresh = make_user()
    result = account_import(owner=fresh, payload=document, replace=False, files=first.files)
    assert sum(result.added.values()) == len(EXPORT_ROOTS)

    again = read_archive(
        account_export_file(owner=fresh, now=timezone.now(), recordings=True),
        max_unpacked=10**8,
    )
    assert _without_stamp(again.payload) == _without_stamp(document)
    assert again.files == first.files
    fresh.refresh_from_db()
    assert [getattr(fresh, name) for name in ACCOUNT_FIELDS] == ["Siobhán", "O'Neill-van der Berg"]

    # The references point inside the new account, not back at alice's rows.
    attempt = Attempt.objects.get(round__opportunity__owner=fresh)
    assert attempt.session.round == attempt.round
    assert attempt.interviewer.round == attempt.round
    assert attempt.session.plan[0]["interviewer"] == str(attempt.interviewer.pk)
    assert attempt.audio.read() == AUDIO


def test_export_without_recordings_keeps_transcripts_and_feedback(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    alice = make_user()
    _full_account(alice)
    raw = account_export_file(owner=alice, now=timezone.now(), recordings=False)
    document = json.loads(raw)  # plain JSON without recordings
    bob = make_user()
    account_import(owner=bob, payload=document, replace=False)
    attempt = Attempt.objects.get(round__opportunity__owner=bob)
    assert attempt.answer_text and attempt.report == SPECIAL["report"]
    assert not attempt.audio


def test_replace_with_ones_own_export_keeps_practice(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    alice = make_user()
    _full_account(alice)
    bundle = read_archive(
        account_export_file(owner=alice, now=timezone.now(), recordings=True), max_unpacked=10**8
    )
    with django_capture_on_commit_callbacks(execute=True):
        account_import(owner=alice, payload=bundle.payload, replace=True, files=bundle.files)
    attempt = Attempt.objects.get(round__opportunity__owner=alice)
    assert attempt.report == SPECIAL["report"]
    assert attempt.audio.read() == AUDIO
    assert PracticeSession.objects.filter(round__opportunity__owner=alice).count() == 1
    # The old recording's file is gone, the new one is the only one left.
    assert [p.name for p in tmp_path.rglob("*.ogg")] == [attempt.audio.name.rsplit("/", 1)[1]]


def test_every_recording_travels_with_its_own_attempt(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    alice = make_user()
    made = _full_account(alice)
    second = Attempt.objects.create(
        round=made["round"], question_key="k2", question_text="Why us?", answer_text="Two."
    )
    second.audio.save("answer.webm", ContentFile(b"second recording"), save=True)
    bundle = read_archive(
        account_export_file(owner=alice, now=timezone.now(), recordings=True), max_unpacked=10**8
    )
    assert sorted(bundle.files.values()) == sorted([AUDIO, b"second recording"])
    bob = make_user()
    account_import(owner=bob, payload=bundle.payload, replace=False, files=bundle.files)
    audio = {
        a.answer_text: a.audio.read() for a in Attempt.objects.filter(round__opportunity__owner=bob)
    }
    assert audio["Two."] == b"second recording"
    assert AUDIO in audio.values()


@pytest.mark.parametrize("bad", [5, {}, [], "not a date"])
def test_a_bad_created_at_gets_a_message_not_an_error(bad):
    from secondround.portability.services import ImportFileError

    alice = make_user()
    _full_account(alice)
    document = json.loads(json.dumps(account_export(owner=alice, now=timezone.now())))
    document["stories"][0]["created_at"] = bad
    with pytest.raises(ImportFileError, match=r"stories\[0\].created_at"):
        account_import(owner=make_user(), payload=document, replace=False)
