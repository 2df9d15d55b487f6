"""The versioned export format and its validation, independent of the database.

A file is checked whole before anything is written, so that a bad file is refused
with a message naming the first wrong field and nothing is half-imported.
"""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Callable
from datetime import datetime
from typing import Any

from secondround.engine.vocabulary import RELATIONS

FORMAT_NAME = "secondround-export"
FORMAT_VERSION = 1

OPPORTUNITY_STATUSES = {"applied", "interviewing", "offer", "accepted", "rejected", "withdrawn"}
ROUND_FORMATS = {"one_to_one", "panel", "all_day_loop", "test"}


class ImportFileError(ValueError):
    """The file cannot be imported; the message is meant for the user."""


def _text(max_length: int | None = None, *, required: bool = False) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, str):
            raise ImportFileError(f"{where} should be text.")
        if required and not value.strip():
            raise ImportFileError(f"{where} is empty.")
        if max_length is not None and len(value) > max_length:
            raise ImportFileError(f"{where} is longer than {max_length} characters.")

    return check


def _choice(options: set[str]) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if value not in options:
            raise ImportFileError(f"{where} must be one of {', '.join(sorted(options))}.")

    return check


def _moment(*, nullable: bool = True) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if value is None and nullable:
            return
        try:
            parsed = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise ImportFileError(f"{where} is not an ISO 8601 date and time.") from None
        if parsed.tzinfo is None:
            raise ImportFileError(f"{where} has no time zone offset.")

    return check


def _zone(value: Any, where: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (TypeError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ImportFileError(f"{where} is not a known time zone.") from None


def _whole_number(low: int, high: int) -> Callable[[Any, str], None]:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ImportFileError(f"{where} should be a whole number from {low} to {high}.")

    return check


INTERVIEWER_FIELDS: dict[str, Callable[[Any, str], None]] = {
    "name": _text(200, required=True),
    "pronunciation": _text(200),
    "title": _text(200),
    "relation": _choice(set(RELATIONS)),
    "email": _text(254),
    "profile_url": _text(1000),
    "starts_at": _moment(),
    "ends_at": _moment(),
    "notes": _text(),
    "position": _whole_number(0, 32767),
}
ROUND_FIELDS: dict[str, Callable[[Any, str], None]] = {
    "number": _whole_number(1, 999),
    "name": _text(100),
    "starts_at": _moment(),
    "ends_at": _moment(),
    "time_zone": _zone,
    "location": _text(300),
    "video_link": _text(1000),
    "format": _choice(ROUND_FORMATS),
    "notes": _text(),
    "created_at": _moment(nullable=False),
}
OPPORTUNITY_FIELDS: dict[str, Callable[[Any, str], None]] = {
    "company": _text(200, required=True),
    "role_title": _text(200, required=True),
    "posting_text": _text(),
    "source_url": _text(1000),
    "status": _choice(OPPORTUNITY_STATUSES),
    "notes": _text(),
    "archived_at": _moment(),
    "created_at": _moment(nullable=False),
    "updated_at": _moment(nullable=False),
}


def _check_object(item: Any, fields: dict[str, Callable[[Any, str], None]], where: str) -> None:
    if not isinstance(item, dict):
        raise ImportFileError(f"{where} should be an object.")
    missing = [name for name in fields if name not in item]
    if missing:
        raise ImportFileError(f"{where} lacks {', '.join(missing)}.")
    for name, check in fields.items():
        check(item[name], f"{where}.{name}")


def _check_list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise ImportFileError(f"{where} should be a list.")
    return value


def validate_export(payload: Any) -> dict:
    """Raise ImportFileError for anything that is not a complete export of a known version."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise ImportFileError("This is not a Second Round export file.")
    version = payload.get("version")
    if version != FORMAT_VERSION:
        raise ImportFileError(
            f"This export is version {version}; this Second Round reads version {FORMAT_VERSION}."
        )
    opportunities = _check_list(payload.get("opportunities"), "opportunities")
    for index, opportunity in enumerate(opportunities):
        where = f"opportunities[{index}]"
        _check_object(opportunity, OPPORTUNITY_FIELDS, where)
        numbers = set()
        for round_index, round_ in enumerate(
            _check_list(opportunity.get("rounds"), f"{where}.rounds")
        ):
            round_where = f"{where}.rounds[{round_index}]"
            _check_object(round_, ROUND_FIELDS, round_where)
            if round_["number"] in numbers:
                raise ImportFileError(f"{round_where}.number repeats round {round_['number']}.")
            numbers.add(round_["number"])
            interviewers = _check_list(round_.get("interviewers"), f"{round_where}.interviewers")
            for person_index, person in enumerate(interviewers):
                _check_object(
                    person, INTERVIEWER_FIELDS, f"{round_where}.interviewers[{person_index}]"
                )
    return payload


def load_export(raw: bytes) -> dict:
    """Decode and validate an uploaded file."""
    try:
        payload = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(
            "This file is not text: choose the .json file Second Round exported."
        ) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"This file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
    return validate_export(payload)
