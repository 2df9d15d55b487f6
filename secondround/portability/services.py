"""Export a whole account to one document and import it back, losslessly.

An import runs in one transaction and checks every record with the model's own
validation before saving it: the first problem rolls everything back and is
reported with its place in the file ("opportunities[0].rounds[1].time_zone: …").
Importing a file whose opportunities and stories are already in the account adds
nothing twice: they are recognised by what they are and when they were created.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction

import secondround
from secondround.opportunities.models import Opportunity, opportunities_changed
from secondround.opportunities.services import posting_read
from secondround.practice.models import Attempt
from secondround.practice.services import recordings_forget
from secondround.stories.models import Story
from secondround.stories.services import refresh_vectors

from .archive import RECORDINGS_DIR, ImportFileError, read_archive, write_archive
from .tree import ACCOUNT_FIELDS, EXPORT_ROOTS, REFERENCED, Node

__all__ = ["ImportFileError", "ImportResult", "account_export", "account_import", "load_export"]

FORMAT_NAME = "secondround-export"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)  # 1 had no practice, no ids and no account fields
# Root records are the same record when these agree (created_at is kept on import).
IDENTITY = {
    "opportunities": ("company", "role_title", "created_at"),
    "stories": ("title", "created_at"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact: money is never rounded through a float
    return value


def _remap_list(items: Any, key: str, mapping: Callable[[int], int | None]) -> Any:
    """Rewrite the ids that the items of a JSON list hold under `key` (kept as str or int)."""
    if not isinstance(items, list):
        return items
    out = []
    for item in items:
        raw = item.get(key) if isinstance(item, dict) else None
        if isinstance(raw, int | str) and str(raw).isdigit():
            new = mapping(int(raw))
            item = {**item, key: (str(new) if new else "") if isinstance(raw, str) else new}
        out.append(item)
    return out


@dataclass
class _Exporting:
    """Rows are read with their database ids; `_number` then gives each referenced row a
    number in the order of the file, so that the same account always exports the same."""

    with_files: bool
    ids: dict[tuple[type[models.Model], int], int] = field(default_factory=dict)
    files: dict[str, Any] = field(default_factory=dict)  # archive member name -> FieldFile
    found: dict[int, Any] = field(default_factory=dict)  # pk -> FieldFile, before numbering
    counts: dict[type[models.Model], int] = field(default_factory=dict)

    def number(self, model: type[models.Model], pk: int) -> int:
        self.counts[model] = self.ids[(model, pk)] = self.counts.get(model, 0) + 1
        return self.counts[model]


def _export_value(node: Node, row: models.Model, name: str, state: _Exporting) -> Any:
    if name in node.round_refs:
        referenced = getattr(row, name)
        return referenced.number if referenced else None
    if name in node.refs:
        return getattr(row, f"{name}_id")
    if name in node.files:
        file = getattr(row, name)
        if state.with_files and file and file.storage.exists(file.name):
            state.found[row.pk] = file
            return row.pk
        return ""
    return _plain(getattr(row, name))


def _export_nodes(node: Node, parents: Any, state: _Exporting) -> dict[int, list]:
    """Serialise every row of `node` under the given parents, keyed by parent id."""
    filter_key = (
        f"{node.parent_field}__in" if isinstance(parents, models.QuerySet) else node.parent_field
    )
    rows = (
        node.model.objects.filter(**{filter_key: parents})
        .select_related(*node.round_refs)
        .order_by(*node.order_by)
    )
    children = {child.key: _export_nodes(child, rows, state) for child in node.children}
    grouped: dict[int, list] = {}
    for row in rows:
        item: dict[str, Any] = {"id": row.pk} if node.model in REFERENCED else {}
        item.update({name: _export_value(node, row, name, state) for name in node.fields})
        for key, by_parent in children.items():
            item[key] = by_parent.get(row.pk, [])
        grouped.setdefault(getattr(row, f"{node.parent_field}_id"), []).append(item)
    return grouped


def _number(nodes: tuple[Node, ...], items_by_key: dict, state: _Exporting) -> None:
    """Replace database ids by numbers in file order; references always point backwards."""
    for node in nodes:
        for item in items_by_key.get(node.key, []):
            meta = node.model._meta
            for name in node.refs:
                if item[name] is not None:
                    item[name] = state.ids.get((meta.get_field(name).related_model, item[name]))
            for list_field, key, model in node.list_refs:
                item[list_field] = _remap_list(
                    item[list_field], key, lambda pk, model=model: state.ids.get((model, pk))
                )
            number = state.number(node.model, item["id"]) if "id" in item else None
            if number is not None:
                item["id"] = number
            for name in node.files:
                if item[name] != "":
                    file = state.found[item[name]]
                    suffix = posixpath.splitext(file.name)[1] or ".webm"
                    member = f"{RECORDINGS_DIR}{len(state.files) + 1}{suffix}"
                    state.files[member] = file
                    item[name] = member
            _number(node.children, item, state)


def _export_document(owner: AbstractBaseUser, now: datetime, state: _Exporting) -> dict:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": secondround.__version__,
        "exported_at": now.isoformat(),
        "account": {name: getattr(owner, name) for name in ACCOUNT_FIELDS},
        **{root.key: _export_nodes(root, owner, state).get(owner.pk, []) for root in EXPORT_ROOTS},
    }
    _number(EXPORT_ROOTS, document, state)
    return document


def account_export(*, owner: AbstractBaseUser, now: datetime) -> dict:
    """The whole account as plain data, without the recordings' audio."""
    return _export_document(owner, now, _Exporting(with_files=False))


def account_export_file(*, owner: AbstractBaseUser, now: datetime, recordings: bool) -> bytes:
    """The export as a file: JSON, or a zip of it with the recordings when asked for."""
    state = _Exporting(with_files=recordings)
    document = _export_document(owner, now, state)
    files = {}
    for name, file in state.files.items():
        with file.open("rb") as stream:
            files[name] = stream.read()
    return write_archive(document, files)


def _python_value(field: models.Field, raw: Any, where: str) -> Any:
    if raw is None:
        return None
    try:
        value = field.to_python(raw)
    except ValidationError as error:
        raise ImportFileError(f"{where}: {' '.join(error.messages)}") from None
    except (TypeError, ValueError, OverflowError):
        raise ImportFileError(
            f"{where}: {type(raw).__name__} is not a value this field takes."
        ) from None
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ImportFileError(f"{where}: the date and time has no time zone offset.")
    return value


def _round_of(parent: models.Model, number: Any, where: str) -> models.Model | None:
    """The round with this number in the opportunity the parent belongs to."""
    if number is None:
        return None
    opportunity = parent if hasattr(parent, "rounds") else parent.opportunity  # type: ignore[attr-defined]
    found = opportunity.rounds.filter(number=number).first() if isinstance(number, int) else None
    if found is None:
        raise ImportFileError(f"{where}: there is no round {number} in this opportunity.")
    return found


TEXT_FIELDS = ("CharField", "TextField", "FileField")


def _defaults_for_missing(meta: Any, names: tuple[str, ...], item: dict) -> dict:
    out = {}
    for name in names:
        if name in item:
            continue
        model_field = meta.get_field(name)
        if model_field.has_default():
            out[name] = model_field.get_default()
        elif model_field.null:
            out[name] = None
        elif model_field.blank and model_field.get_internal_type() in TEXT_FIELDS:
            out[name] = ""
    return out


@dataclass
class _Importing:
    files: dict[str, bytes]
    ids: dict[tuple[type[models.Model], int], int] = field(default_factory=dict)
    written: list[tuple[Any, str]] = field(default_factory=list)  # (storage, name) saved

    def pk_for(self, model: type[models.Model], raw: Any, where: str) -> int | None:
        if raw is None:
            return None
        pk = self.ids.get((model, raw)) if isinstance(raw, int) else None
        if pk is None:
            raise ImportFileError(
                f"{where}: no {model._meta.verbose_name} with id {raw} comes before it in the file."
            )
        return pk


def _import_values(node: Node, item: dict, parent: models.Model, place: str, state: _Importing):
    meta = node.model._meta
    values: dict[str, Any] = {}
    for name in node.fields:
        where = f"{place}.{name}"
        if name in node.round_refs:
            values[name] = _round_of(parent, item[name], where)
        elif name in node.refs:
            related = meta.get_field(name).related_model
            values[f"{name}_id"] = state.pk_for(related, item[name], where)
        elif name in node.files:
            values[name] = ""  # saved once the row has its id
        else:
            values[name] = _python_value(meta.get_field(name), item[name], where)
    for list_field, key, model in node.list_refs:
        values[list_field] = _remap_list(
            values[list_field], key, lambda raw, model=model: state.ids.get((model, raw))
        )
    return values


def _save_files(node: Node, row: models.Model, item: dict, place: str, state: _Importing) -> None:
    for name in node.files:
        member = item[name]
        if not member:
            continue
        if not isinstance(member, str) or member not in state.files:
            continue  # an export made without its recordings: the transcript stays
        file = getattr(row, name)
        suffix = posixpath.splitext(member)[1]
        file.save(f"answer{suffix}", ContentFile(state.files[member]), save=False)
        state.written.append((file.storage, file.name))
        node.model.objects.filter(pk=row.pk).update(**{name: file.name})


def _save_row(node: Node, row: models.Model, place: str) -> None:
    try:
        row.full_clean()
        row.save()
    except ValidationError as error:
        problems = "; ".join(
            f"{place}.{name}: {' '.join(messages)}"
            if name != "__all__"
            else f"{place}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
        raise ImportFileError(problems) from None
    except IntegrityError:
        raise ImportFileError(f"{place} clashes with another record in the file.") from None


def _import_node(
    node: Node, items: Any, parent: models.Model, where: str, state: _Importing
) -> int:
    if not isinstance(items, list):
        raise ImportFileError(f"{where} should be a list.")
    meta = node.model._meta
    for index, item in enumerate(items):
        place = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise ImportFileError(f"{place} should be an object.")
        # A file written before a field existed lacks it: a field that may be blank or has
        # a default takes that; a missing list of children is an empty list.
        item = {**_defaults_for_missing(meta, node.fields, item), **item}
        item.update({c.key: [] for c in node.children if c.key not in item})
        missing = [name for name in node.fields if name not in item]
        if missing:
            raise ImportFileError(f"{place} lacks {', '.join(missing)}.")
        values = _import_values(node, item, parent, place, state)
        row = node.model(**{node.parent_field: parent}, **values)
        _save_row(node, row, place)
        # auto_now and auto_now_add ignore given values on save; restore the exported ones.
        stamps = {
            model_field.name: values[model_field.name]
            for model_field in meta.concrete_fields
            if model_field.name in values
            and (
                getattr(model_field, "auto_now", False)
                or getattr(model_field, "auto_now_add", False)
            )
        }
        if stamps:
            node.model.objects.filter(pk=row.pk).update(**stamps)
        _save_files(node, row, item, place, state)
        if node.model in REFERENCED and isinstance(item.get("id"), int):
            state.ids[(node.model, item["id"])] = row.pk
        for child in node.children:
            _import_node(child, item[child.key], row, f"{place}.{child.key}", state)
    return len(items)


def _check_header(payload: Any) -> None:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise ImportFileError("This is not a Second Round export file.")
    version = payload.get("version")
    if version not in READABLE_VERSIONS:
        raise ImportFileError(
            f"This export is version {version}; this Second Round reads versions "
            f"{READABLE_VERSIONS[0]} to {READABLE_VERSIONS[-1]}."
        )


@dataclass(frozen=True)
class ImportResult:
    added: dict[str, int]
    already_there: dict[str, int]

    def describe(self) -> str:
        """ "Imported 2 opportunities and 5 stories; 1 opportunity was already in your account." """
        text = f"Imported {describe_counts(self.added)}."
        if sum(self.already_there.values()):
            kept = describe_counts({k: v for k, v in self.already_there.items() if v})
            text += f" Already in your account, so left as they are: {kept}."
        return text


def _already_there(root: Node, owner: AbstractBaseUser, item: Any) -> bool:
    names = IDENTITY.get(root.key, ())
    if not names or not isinstance(item, dict) or any(item.get(n) is None for n in names):
        return False
    meta = root.model._meta
    try:
        match = {name: meta.get_field(name).to_python(item[name]) for name in names}
    except (ValidationError, TypeError, ValueError):
        return False  # the import itself reports the bad value
    return root.model.objects.filter(**{root.parent_field: owner}, **match).exists()


def _import_account_fields(owner: AbstractBaseUser, payload: dict, replace: bool) -> None:
    account = payload.get("account")
    if not isinstance(account, dict):
        return
    changed = []
    for name in ACCOUNT_FIELDS:
        value = account.get(name)
        if isinstance(value, str) and (replace or not getattr(owner, name)):
            setattr(owner, name, value[: owner._meta.get_field(name).max_length])
            changed.append(name)
    if changed:
        owner.save(update_fields=changed)


def account_import(
    *,
    owner: AbstractBaseUser,
    payload: Any,
    replace: bool,
    files: dict[str, bytes] | None = None,
) -> ImportResult:
    """Add (or, with replace, substitute) everything in an export.

    Without replace, records already in the account (the same file imported twice, or
    one's own export) are left as they are; if that is everything, nothing is imported
    and the user is told why.
    """
    state = _Importing(files=files or {})
    try:
        with transaction.atomic():
            result = _import(owner, payload, replace, state)
            # Recordings and dates are set with QuerySet.update, which sends no signal.
            opportunities_changed(Opportunity.objects.filter(owner=owner))
    except BaseException:
        for storage, name in state.written:  # the rows are rolled back; so are their files
            storage.delete(name)
        raise
    # The imported stories' vectors now, after the import's transaction (embedding takes
    # a moment), rather than on the first page that matches them.
    refresh_vectors(list(Story.objects.filter(owner=owner)))
    # The postings too, as saving one in the form does: drafting then finds them read.
    for opportunity in Opportunity.objects.filter(owner=owner):
        posting_read(opportunity=opportunity)
    return result


def _import(owner: AbstractBaseUser, payload: Any, replace: bool, state: _Importing):
    _check_header(payload)
    if replace:
        recordings_forget(Attempt.objects.filter(round__opportunity__owner=owner))
        for root in EXPORT_ROOTS:
            root.model.objects.filter(**{root.parent_field: owner}).delete()
    added: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for root in EXPORT_ROOTS:
        items = payload.get(root.key)
        if isinstance(items, list) and not replace:
            fresh = [item for item in items if not _already_there(root, owner, item)]
            skipped[root.key] = len(items) - len(fresh)
            items = fresh
        added[root.key] = _import_node(root, items, owner, root.key, state)
    if not sum(added.values()) and sum(skipped.values()):
        raise ImportFileError(
            "Everything in this file is already in your account (it was imported before, "
            "or exported from this account). To put the file's version in place of yours, "
            "tick “Replace everything in my account with this file”."
        )
    _import_account_fields(owner, payload, replace)
    return ImportResult(added=added, already_there=skipped)


def describe_counts(counts: dict[str, int]) -> str:
    """ "2 opportunities and 5 stories" """
    parts = [f"{count} {_noun(key, count)}" for key, count in counts.items()]
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + f" and {parts[-1]}"


def _noun(key: str, count: int) -> str:
    plural = key.replace("_", " ")
    if count != 1:
        return plural
    return plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")


def load_export(raw: bytes, *, max_unpacked: int | None = None):
    """Decode an uploaded file (JSON, or the zip with recordings); account_import checks it."""
    limit = max_unpacked or settings.SECONDROUND_MAX_ARCHIVE_BYTES
    return read_archive(raw, max_unpacked=limit)
