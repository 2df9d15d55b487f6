"""Time zones as invitation e-mails write them: abbreviations, offsets, places, and the
zone a whole e-mail is in."""

from __future__ import annotations

import re
from datetime import time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from secondround.engine.reading.invitation_time_words import (
    AMBIGUOUS_MEANINGS,
    AMBIGUOUS_PLACES,
    AMBIGUOUS_ZONES,
    IANA_ZONE,
    MAX_OFFSET_HOURS,
    MIN_OFFSET_HOURS,
    PLACE_ZONES,
    UTC_OFFSET,
    ZONE_ALIASES,
    ZONE_NEAR_TIME,
    ZONE_PLACE_TIME,
    Zone,
)
from secondround.engine.reading.invitation_times import clock_times

# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------


def zone_for_abbreviation(abbreviation: str) -> str | None:
    """IANA name for a zone word as e-mails write it ("ET", "BST", "Pacific", "Irish");
    None if unknown or ambiguous (IST)."""
    word = abbreviation.strip().rstrip(".")
    return (
        ZONE_ALIASES.get(word.upper())
        or ZONE_ALIASES.get(word.title())
        or PLACE_ZONES.get(word.lower())
    )


def parse_time_range(text: str) -> tuple[time, time | None] | None:
    """First start (and end) time in text: "10:00–10:45", "2pm - 2:45pm", "9:30 for 45 minutes"."""
    found = clock_times(text)
    return (found.start, found.end) if found else None


# ---- time zones ----------------------------------------------------------------------


def find_zone(text: str) -> Zone | None:
    """The first zone the text names: an IANA name, a UTC offset or an abbreviation."""
    candidates: list[Zone] = []
    for match in IANA_ZONE.finditer(text):
        try:
            candidates.append(Zone(ZoneInfo(match.group()), match.group(), None, match.span()))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    if (offset := UTC_OFFSET.search(text)) is not None and (
        zone := zone_from_offset(offset)
    ) is not None:
        candidates.append(zone)
    if (word := ZONE_NEAR_TIME.search(text)) is not None:
        candidates.append(zone_from_word(word))
    if (place := ZONE_PLACE_TIME.search(text)) is not None:
        name = PLACE_ZONES[place["place"].lower()]
        candidates.append(Zone(ZoneInfo(name), name, None, place.span()))
    # Outlook writes "(UTC-05:00) Eastern Time (US & Canada)": the standard offset, then
    # the zone it means, whose summer offset differs; the named zone wins over the offset.
    offsets = [zone for zone in candidates if zone.name is None or zone.name.startswith("Etc/")]
    # "UTC" inside "(UTC-05:00)" is part of the offset, not a zone of its own.
    candidates = [
        zone
        for zone in candidates
        if not (
            zone.name in {"UTC", "Europe/London"}
            and any(o.span[0] <= zone.span[0] < o.span[1] for o in offsets if o is not zone)
        )
    ]
    named = [zone for zone in candidates if zone.name and not zone.name.startswith("Etc/")]
    candidates = [
        zone
        for zone in candidates
        if not (
            zone.name is not None
            and zone.name.startswith("Etc/")
            and any(0 <= other.span[0] - zone.span[1] <= 4 for other in named)
        )
    ]
    # The first zone named wins; of two at one place, the longer ("UTC+2" over "UTC").
    return min(candidates, key=lambda zone: (zone.span[0], -zone.span[1]), default=None)


def zone_from_offset(match: re.Match[str]) -> Zone | None:
    """The zone an offset names; None for one no place uses ("UTC+30", "+05:75")."""
    sign = -1 if (match["sign"] or "+") in "-−" else 1
    hours = int(match["hours"] or match["phours"])
    minutes = int(match["minutes"] or match["pminutes"] or 0)
    if hours > (MAX_OFFSET_HOURS if sign > 0 else MIN_OFFSET_HOURS) or minutes >= 60:
        return None
    if minutes == 0:
        # IANA's Etc zones count the other way round: UTC+1 is "Etc/GMT-1".
        name = "UTC" if hours == 0 else f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
        return Zone(ZoneInfo(name), name, None, match.span())
    # Half-hour offsets have no Etc zone: keep the offset, name no zone.
    return Zone(timezone(sign * timedelta(hours=hours, minutes=minutes)), None, None, match.span())


def zone_from_word(match: re.Match[str]) -> Zone:
    word = match["zone"]
    if word in AMBIGUOUS_ZONES:
        return Zone(None, None, word, match.span("zone"))
    name = ZONE_ALIASES[word]
    return Zone(ZoneInfo(name), name, None, match.span("zone"))


def always_gmt(zone_name: str | None) -> bool:
    """A zone at UTC+0 in both January and July (Accra, Dakar, Reykjavik)."""
    if not zone_name or zone_name in {"Europe/London", "Europe/Dublin", "Europe/Lisbon"}:
        return False
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    from datetime import datetime as _datetime

    return all(
        _datetime(2026, month, 1, 12, tzinfo=zone).utcoffset() == timedelta(0) for month in (1, 7)
    )


def email_zone(text: str, default_time_zone: str | None, warnings: list[str]) -> Zone:
    """The zone for times that do not name their own."""
    found = find_zone(text)
    if (
        found is not None
        and found.ambiguous
        and default_time_zone in AMBIGUOUS_MEANINGS.get(found.ambiguous, ())
    ):
        # "IST" from someone whose own zone is India (or Ireland): that is the one meant.
        return Zone(ZoneInfo(default_time_zone), default_time_zone, None, found.span)
    if (
        found is not None
        and found.name == "Europe/London"
        and "GMT" in text[found.span[0] : found.span[1] + 1]
        and always_gmt(default_time_zone)
    ):
        # "GMT" from Accra or Reykjavik is their own zone, not London's summer time.
        return Zone(ZoneInfo(default_time_zone), default_time_zone, None, found.span)  # type: ignore[arg-type]
    if (
        found is not None
        and found.name
        and default_time_zone
        and default_time_zone != found.name
        and writes_as(default_time_zone, text[found.span[0] : found.span[1]])
    ):
        # "CST" from Saskatchewan, "AEST" from Brisbane, "MST" from Arizona: the writer's
        # own zone goes by that name all year, while the zone the word usually stands
        # for (Chicago, Sydney, Denver) changes its clocks in summer.
        return Zone(ZoneInfo(default_time_zone), default_time_zone, None, found.span)
    near = text[found.span[1] : found.span[1] + 16] if found is not None else ""
    if found is not None and found.ambiguous and (settled := _settled_by_place(near)):
        # "IST (India)", "IST, Ireland": the place written with it says which IST; an
        # office in Bengaluru elsewhere in the mail does not (the candidate may be abroad).
        return Zone(ZoneInfo(settled), settled, None, found.span)
    if found is not None and found.ambiguous:
        warnings.append(
            f"{found.ambiguous} could be Indian, Irish or Israel time: times are shown without "
            "a zone; check them."
        )
        return found
    if found is not None:
        return found
    if default_time_zone:
        try:
            return Zone(ZoneInfo(default_time_zone), default_time_zone, None, (0, 0))
        except (ZoneInfoNotFoundError, ValueError):
            warnings.append(f"Unknown time zone {default_time_zone!r}: times are left without one.")
    return Zone(None, None, None, (0, 0))


def writes_as(zone_name: str, written: str) -> bool:
    """Whether the zone's own abbreviation, in winter and in summer, is the word written."""
    word = written.strip().rstrip(".").upper()
    if not word.isalpha() or len(word) < 3:
        return False
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    from datetime import datetime as _datetime

    return all(
        (_datetime(2026, month, 15, 12, tzinfo=zone).tzname() or "").upper() == word
        for month in (1, 7)
    )


def _settled_by_place(text: str) -> str | None:
    """The one zone whose places the mail names, when only one's are named."""
    lowered = text.casefold()
    named = [
        zone
        for zone, places in AMBIGUOUS_PLACES.items()
        if any(re.search(rf"\b{re.escape(place)}\b", lowered) for place in places)
    ]
    return named[0] if len(named) == 1 else None
