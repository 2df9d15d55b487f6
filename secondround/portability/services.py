"""Export a whole account to one JSON document and import it back, losslessly.

An import runs in one transaction and checks every record with the model's own
validation before saving it: the first problem rolls everything back and is
reported with its place in the file ("opportunities[0].rounds[1].time_zone: …").
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

import secondround

from .tree import EXPORT_ROOTS, Node

FORMAT_NAME = "secondround-export"
FORMAT_VERSION = 1


class ImportFileError(ValueError):
    """The file cannot be imported; the message is meant for the user."""


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact: money is never rounded through a float
    return value


def _export_nodes(node: Node, parents: models.QuerySet | AbstractBaseUser) -> dict[int, list]:
    """Serialise every row of `node` under the given parents, keyed by parent id."""
    filter_key = (
        f"{node.parent_field}__in" if isinstance(parents, models.QuerySet) else node.parent_field
    )
    rows = (
        node.model.objects.filter(**{filter_key: parents})
        .select_related(*node.round_refs)
        .order_by(*node.order_by)
    )
    children = {child.key: _export_nodes(child, rows) for child in node.children}
    grouped: dict[int, list] = {}
    for row in rows:
        item = {
            name: _plain(getattr(row, name)) for name in node.fields if name not in node.round_refs
        }
        for name in node.round_refs:
            referenced = getattr(row, name)
            item[name] = referenced.number if referenced else None
        for key, by_parent in children.items():
            item[key] = by_parent.get(row.pk, [])
        grouped.setdefault(getattr(row, f"{node.parent_field}_id"), []).append(item)
    return grouped


def account_export(*, owner: AbstractBaseUser, now: datetime) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": secondround.__version__,
        "exported_at": now.isoformat(),
        **{root.key: _export_nodes(root, owner).get(owner.pk, []) for root in EXPORT_ROOTS},
    }


def _python_value(field: models.Field, raw: Any, where: str) -> Any:
    if raw is None:
        return None
    try:
        value = field.to_python(raw)
    except ValidationError as error:
        raise ImportFileError(f"{where}: {' '.join(error.messages)}") from None
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


TEXT_FIELDS = ("CharField", "TextField")


def _defaults_for_missing(meta: Any, names: tuple[str, ...], item: dict) -> dict:
    out = {}
    for name in names:
        if name in item:
            continue
        field = meta.get_field(name)
        if field.has_default():
            out[name] = field.get_default()
        elif field.blank and not field.null and field.get_internal_type() in TEXT_FIELDS:
            out[name] = ""
    return out


def _import_node(node: Node, items: Any, parent: models.Model, where: str) -> int:
    if not isinstance(items, list):
        raise ImportFileError(f"{where} should be a list.")
    for index, item in enumerate(items):
        place = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise ImportFileError(f"{place} should be an object.")
        meta = node.model._meta
        # A file written before a field existed lacks it: a field that may be blank or has
        # a default takes that; a missing list of children is an empty list.
        item = {**_defaults_for_missing(meta, node.fields, item), **item}
        item.update({c.key: [] for c in node.children if c.key not in item})
        missing = [name for name in node.fields if name not in item]
        if missing:
            raise ImportFileError(f"{place} lacks {', '.join(missing)}.")
        values = {
            name: _python_value(meta.get_field(name), item[name], f"{place}.{name}")
            for name in node.fields
            if name not in node.round_refs
        }
        for name in node.round_refs:
            values[name] = _round_of(parent, item[name], f"{place}.{name}")
        row = node.model(**{node.parent_field: parent}, **values)
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
        # auto_now and auto_now_add ignore given values on save; restore the exported ones.
        stamps = {
            field.name: values[field.name]
            for field in meta.concrete_fields
            if field.name in values
            and (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
        }
        if stamps:
            node.model.objects.filter(pk=row.pk).update(**stamps)
        for child in node.children:
            _import_node(child, item[child.key], row, f"{place}.{child.key}")
    return len(items)


def _check_header(payload: Any) -> None:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise ImportFileError("This is not a Second Round export file.")
    version = payload.get("version")
    if version != FORMAT_VERSION:
        raise ImportFileError(
            f"This export is version {version}; this Second Round reads version {FORMAT_VERSION}."
        )


@transaction.atomic
def account_import(*, owner: AbstractBaseUser, payload: Any, replace: bool) -> dict[str, int]:
    """Add (or, with replace, substitute) everything in an export; return how many of each."""
    _check_header(payload)
    if replace:
        for root in EXPORT_ROOTS:
            root.model.objects.filter(**{root.parent_field: owner}).delete()
    return {
        root.key: _import_node(root, payload.get(root.key), owner, root.key)
        for root in EXPORT_ROOTS
    }


def describe_counts(counts: dict[str, int]) -> str:
    """ "2 opportunities and 5 stories" """
    parts = [f"{count} {key.replace('_', ' ')}" for key, count in counts.items()]
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + f" and {parts[-1]}"


def load_export(raw: bytes) -> Any:
    """Decode an uploaded file; its content is checked by account_import."""
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(
            "This file is not text: choose the .json file Second Round exported."
        ) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"This file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
