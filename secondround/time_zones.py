"""Time zones picked by typing a city: "London", "new york", "Mumbai" or "Europe/London".

The IANA names hold one city per zone, which covers most people; the few cities people
often type that are not in any name ("San Francisco", "Mumbai", "Beijing") are aliases.
"""

from __future__ import annotations

import difflib
import unicodedata
import zoneinfo
from functools import cache

from django import forms

# Cities people type that no zone is named after, and common abbreviations.
ALIASES = {
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "washington": "America/New_York",
    "boston": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "austin": "America/Chicago",
    "minneapolis": "America/Chicago",
    "salt lake city": "America/Denver",
    "montreal": "America/Toronto",
    "ottawa": "America/Toronto",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai",
    "abu dhabi": "Asia/Dubai",
    "cape town": "Africa/Johannesburg",
    "edinburgh": "Europe/London",
    "manchester": "Europe/London",
    "cardiff": "Europe/London",
    "belfast": "Europe/London",
    "cork": "Europe/Dublin",
    "munich": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "geneva": "Europe/Zurich",
    "milan": "Europe/Rome",
    "barcelona": "Europe/Madrid",
    "canberra": "Australia/Sydney",
    "wellington": "Pacific/Auckland",
    "gmt": "Europe/London",
    "utc": "UTC",
}


@cache
def zone_names() -> tuple[str, ...]:
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/", "US/"))
    )
    return ("UTC", *names)


def _city(name: str) -> str:
    return name.rsplit("/", 1)[-1].replace("_", " ")


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in zone_names():
        table[_key(name)] = name
        table.setdefault(_key(_city(name)), name)
    for alias, name in ALIASES.items():
        table.setdefault(alias, name)
    return table


def _key(text: str) -> str:
    """Case, spacing and accents folded: "São  Paulo" and "sao_paulo" are one key."""
    plain = unicodedata.normalize("NFKD", text.replace("_", " "))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(plain.split()).casefold()


def find_zone(text: str) -> str | None:
    """The zone a person means by `text`, or None."""
    key = _key(text)
    table = _lookup()
    return table.get(key) or table.get(key.replace(" ", "_"))


def suggestions(text: str) -> list[str]:
    keys = difflib.get_close_matches(_key(text), list(_lookup()), n=3, cutoff=0.75)
    return list(dict.fromkeys(_lookup()[key] for key in keys))


@cache
def datalist_options() -> tuple[tuple[str, str], ...]:
    """(value, label) for the browser's list: "Europe/London" shown as "London · Europe"."""
    options = [
        (name, f"{_city(name)} · {name.rsplit('/', 1)[0].replace('_', ' ')}")
        for name in zone_names()
        if name != "UTC"
    ]
    options += [(name, f"{alias.title()} · {name}") for alias, name in ALIASES.items()]
    return (("UTC", "UTC"), *sorted(options, key=lambda option: option[1]))


class TimeZoneInput(forms.TextInput):
    """A text box with the zones as the browser's suggestions. With the attribute
    data-zone-from-browser, static/secondround.js fills in the browser's own zone."""

    template_name = "includes/time_zone_input.html"

    def __init__(self) -> None:
        super().__init__({"autocomplete": "off", "spellcheck": "false"})

    def get_context(self, name: str, value: object, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-zones"
        context["widget"]["attrs"]["list"] = list_id
        context["list_id"] = list_id
        context["options"] = datalist_options()
        return context


class TimeZoneField(forms.CharField):
    """Accepts a zone name or a city and cleans it to the zone's IANA name."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", "Time zone")
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault(
            "help_text", "Type a city, such as London, Chicago or Singapore, and pick it."
        )
        super().__init__(widget=TimeZoneInput(), **kwargs)

    def clean(self, value: object) -> str:
        text = super().clean(value)
        zone = find_zone(text)
        if zone is None:
            close = suggestions(text)
            hint = f" Did you mean {' or '.join(close)}?" if close else ""
            raise forms.ValidationError(
                f"“{text}” is not a time zone or a city we know.{hint} Type a city such as "
                "London or a zone such as America/Chicago.",
                code="unknown_zone",
            )
        return zone
