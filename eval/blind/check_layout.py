"""Sanity checks for the blind held-out sets, independent of any scorer or parser.

    .venv/bin/python eval/blind/check_layout.py

Loads every item of eval/blind/invitations and eval/blind/notes and checks that each label
has the layout of the project's corpora: the keys, ISO dates and datetimes that parse (with an
offset), relation ids from the product's list, a source file beside each label, real MIME
for .eml and a VEVENT for .ics, and that every labelled name or note item occurs in the text
it was labelled from. It also checks SOURCES.md against the items and against the sources of
the existing corpora (the blind sets must not reuse them), and prints the counts by source,
occupation, layout and format. Exit status 1 on any error. It imports nothing from the
engine, so a broken parser cannot break it.
"""

from __future__ import annotations

import email
import email.policy
import html
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent
INVITATIONS = HERE / "invitations"
NOTES = HERE / "notes"

# The product's relation ids (secondround/engine/nlp/vocabulary.py RELATIONS), copied so that
# this check does not depend on the code under test.
RELATIONS = {
    "hiring_manager",
    "managers_manager",
    "senior_leader",
    "peer",
    "cross_department",
    "hr",
    "technical_expert",
    "other",
}
INVITATION_KEYS = {
    "source_id",
    "source_url",
    "source_kind",
    "licence",
    "adapted",
    "country",
    "occupation",
    "layout",
    "today",
    "default_time_zone",
    "interview_date",
    "roster",
    "agenda",
    "not_interviewers",
    "labelling_note",
}
ROW_KEYS = {"name", "honorific", "title", "relation", "start", "end"}
AGENDA_KEYS = {"label", "start", "end"}
NOTE_KEYS = {
    "questions",
    "positives",
    "misses",
    "concerns",
    "terms",
    "source_id",
    "source_url",
    "occupation",
    "style",
}
WENT = {"comfortable", "unsure", "struggled", None}
ITEM_SUFFIXES = (".txt", ".eml", ".ics")
MINIMUM = {
    "invitation items": 45,
    "invitation sources": 25,
    "eml items": 6,
    "ics items": 4,
    "note items": 24,
    "note occupations": 8,
}
MAX_PER_OCCUPATION = 5


def plain(text: str) -> str:
    """Case, accents, punctuation and spacing removed, for 'does this occur in the text'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "'")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def occurs_as_name(name: str, text: str) -> bool:
    """Every word of the name is a word of the text: a label may drop a quoted nickname or
    reorder a surname-first listing ('ADEBAYO, Oluwaseun'), but not invent a word."""
    words = set(text.split())
    return bool(plain(name)) and all(word in words for word in plain(name).split())


def eml_text(raw: bytes, errors: list[str], where: str) -> str:
    """Headers and every text part decoded (HTML unescaped and stripped of tags)."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ("Date", "From", "To", "Subject"):
        if not message.get(header):
            errors.append(f"{where}: .eml without a {header} header")
    parts = []
    for header in ("From", "To", "Cc", "Reply-To", "Subject", "Date"):
        if message.get(header):
            parts.append(str(message.get(header)))
    found_text = False
    for part in message.walk():
        if part.get_content_maintype() != "text":
            continue
        found_text = True
        body = part.get_content()
        if part.get_content_subtype() == "html":
            body = html.unescape(re.sub(r"<[^>]+>", " ", body))
        parts.append(body)
    if not found_text:
        errors.append(f"{where}: .eml without a text/plain or text/html part")
    return "\n".join(parts)


def ics_text(raw: bytes, errors: list[str], where: str) -> str:
    """Unfolded content lines with TEXT escapes undone."""
    text = raw.decode("utf-8")
    if "\r\n" not in text:
        errors.append(f"{where}: .ics lines must end with CRLF")
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    for needed in ("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART", "END:VEVENT"):
        if needed not in unfolded:
            errors.append(f"{where}: .ics without {needed}")
    for line in unfolded.splitlines():
        if len(line.encode("utf-8")) > 75 and line in text.splitlines():
            errors.append(f"{where}: .ics line longer than 75 octets and not folded")
            break
    return unfolded.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")


def source_text(path: Path, errors: list[str]) -> str:
    raw = path.read_bytes()
    if path.suffix == ".eml":
        return eml_text(raw, errors, path.name)
    if path.suffix == ".ics":
        return ics_text(raw, errors, path.name)
    return raw.decode("utf-8")


def parse_instant(value: object, where: str, errors: list[str]) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        errors.append(f"{where}: {value!r} is not a string or null")
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: {value!r} is not an ISO datetime")
        return None
    if parsed.tzinfo is None:
        errors.append(f"{where}: {value!r} has no UTC offset")
        return None
    return parsed


def check_slot(entry: dict, where: str, errors: list[str], near: date | None) -> None:
    start = parse_instant(entry.get("start"), f"{where} start", errors)
    end = parse_instant(entry.get("end"), f"{where} end", errors)
    if start and end and end <= start:
        errors.append(f"{where}: end {end} is not after start {start}")
    if start and near and abs((start.date() - near).days) > 3:
        errors.append(f"{where}: start {start.date()} is far from interview_date {near}")


def check_invitation(label_path: Path, errors: list[str]) -> dict | None:
    where = label_path.name
    try:
        data = json.loads(label_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        errors.append(f"{where}: not JSON ({exc})")
        return None
    stem = label_path.name.removesuffix(".expected.json")
    sources = [label_path.with_name(stem + suffix) for suffix in ITEM_SUFFIXES]
    existing = [path for path in sources if path.exists()]
    if len(existing) != 1:
        errors.append(f"{where}: expected exactly one item file beside it, found {existing}")
        return None
    item = existing[0]
    if set(data) != INVITATION_KEYS:
        errors.append(f"{where}: keys differ: {sorted(set(data) ^ INVITATION_KEYS)}")
        return None
    if data["source_kind"] != item.suffix.lstrip("."):
        errors.append(f"{where}: source_kind {data['source_kind']} but file is {item.suffix}")
    if data["source_id"] != stem.split("__")[0]:
        errors.append(f"{where}: source_id {data['source_id']} does not match the file name")
    for key in ("source_url", "adapted", "occupation", "layout", "country", "licence"):
        if not isinstance(data[key], str) or not data[key].strip():
            errors.append(f"{where}: {key} must be a non-empty string")
    try:
        date.fromisoformat(data["today"])
    except (TypeError, ValueError):
        errors.append(f"{where}: today {data['today']!r} is not an ISO date")
    near = None
    if data["interview_date"] is not None:
        try:
            near = date.fromisoformat(data["interview_date"])
        except (TypeError, ValueError):
            errors.append(f"{where}: interview_date {data['interview_date']!r} is not an ISO date")
    try:
        ZoneInfo(data["default_time_zone"])
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        errors.append(f"{where}: default_time_zone {data['default_time_zone']!r} is not IANA")
    text = plain(source_text(item, errors))
    names = []
    if not isinstance(data["roster"], list):
        errors.append(f"{where}: roster must be a list")
        data["roster"] = []
    for index, row in enumerate(data["roster"]):
        at = f"{where} roster[{index}]"
        if not isinstance(row, dict) or set(row) != ROW_KEYS:
            errors.append(f"{at}: row keys must be {sorted(ROW_KEYS)}")
            continue
        if not isinstance(row["name"], str) or not row["name"].strip():
            errors.append(f"{at}: empty name")
            continue
        names.append(plain(row["name"]))
        if not occurs_as_name(row["name"], text):
            errors.append(f"{at}: name {row['name']!r} does not occur in the item")
        for key in ("honorific", "title"):
            value = row[key]
            if value is not None and (not isinstance(value, str) or plain(value) not in text):
                errors.append(f"{at}: {key} {value!r} does not occur in the item")
        if row["relation"] is not None and row["relation"] not in RELATIONS:
            errors.append(f"{at}: relation {row['relation']!r} is not a product relation id")
        check_slot(row, at, errors, near)
    if len(names) != len(set(names)):
        errors.append(f"{where}: the same person has two roster rows")
    for index, entry in enumerate(data["agenda"]):
        at = f"{where} agenda[{index}]"
        if not isinstance(entry, dict) or set(entry) != AGENDA_KEYS:
            errors.append(f"{at}: agenda keys must be {sorted(AGENDA_KEYS)}")
            continue
        if not isinstance(entry["label"], str) or not entry["label"].strip():
            errors.append(f"{at}: empty label")
        check_slot(entry, at, errors, near)
    for name in data["not_interviewers"]:
        if not isinstance(name, str) or not occurs_as_name(name, text):
            errors.append(f"{where}: not_interviewer {name!r} does not occur in the item")
        elif plain(name) in names:
            errors.append(f"{where}: {name!r} is both on the roster and a non-interviewer")
    data["_format"] = item.suffix.lstrip(".")
    return data


def check_note(label_path: Path, errors: list[str]) -> dict | None:
    where = label_path.name
    try:
        data = json.loads(label_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        errors.append(f"{where}: not JSON ({exc})")
        return None
    stem = label_path.name.removesuffix(".expected.json")
    note_path = label_path.with_name(stem + ".txt")
    if not note_path.exists():
        errors.append(f"{where}: no {note_path.name} beside it")
        return None
    if set(data) != NOTE_KEYS:
        errors.append(f"{where}: keys differ: {sorted(set(data) ^ NOTE_KEYS)}")
        return None
    if data["source_id"] != stem.split("__")[0]:
        errors.append(f"{where}: source_id {data['source_id']} does not match the file name")
    text = plain(note_path.read_text(encoding="utf-8"))
    for index, question in enumerate(data["questions"]):
        at = f"{where} questions[{index}]"
        if not isinstance(question, dict) or set(question) != {"text", "went"}:
            errors.append(f"{at}: keys must be text, went")
            continue
        if question["went"] not in WENT:
            errors.append(f"{at}: went {question['went']!r} is not one of {sorted(map(str, WENT))}")
        if not isinstance(question["text"], str) or plain(question["text"]) not in text:
            errors.append(f"{at}: {question['text']!r} does not occur in the note")
    for field in ("positives", "misses", "concerns", "terms"):
        if not isinstance(data[field], list):
            errors.append(f"{where}: {field} must be a list")
            continue
        for value in data[field]:
            if not isinstance(value, str) or plain(value) not in text:
                errors.append(f"{where} {field}: {value!r} does not occur in the note")
    return data


def sources_listed(path: Path) -> dict[str, tuple[str, int]]:
    """source_id -> (address, items) from a SOURCES.md of 'id | address | kind | licence | n'."""
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- ") or line.count("|") < 4:
            continue
        cells = [cell.strip() for cell in line[2:].split("|")]
        count = re.match(r"\d+", cells[4])
        listed[cells[0]] = (cells[1], int(count.group()) if count else -1)
    return listed


def other_corpora_sources() -> tuple[set[str], set[str]]:
    """Ids and addresses of the existing corpora (their SOURCES and README files only)."""
    ids: set[str] = set()
    text = ""
    for name in (
        "invitations_corpus/SOURCES_A.md",
        "invitations_corpus/SOURCES_B.md",
        "notes_corpus/README.md",
    ):
        path = EVAL / name
        if path.exists():
            text += path.read_text(encoding="utf-8")
    ids.update(re.findall(r"^- `?([a-z0-9][a-z0-9-]+)`?\s*[|—]", text, flags=re.M))
    urls = {url.rstrip(").,") for url in re.findall(r"https?://\S+", text)}
    return ids, urls


def check_sources(kind: str, folder: Path, items: list[dict], errors: list[str]) -> None:
    listing = folder / "SOURCES.md"
    if not listing.exists():
        errors.append(f"{kind}: no SOURCES.md")
        return
    listed = sources_listed(listing)
    used = Counter(item["source_id"] for item in items)
    for source_id, count in used.items():
        if source_id not in listed:
            errors.append(f"{kind}: source {source_id} is not in SOURCES.md")
        elif listed[source_id][1] != count:
            said = listed[source_id][1]
            errors.append(f"{kind}: SOURCES.md says {said} items for {source_id}, found {count}")
    for source_id in listed.keys() - used.keys():
        errors.append(f"{kind}: SOURCES.md lists {source_id} but no item uses it")
    urls = {item["source_id"]: item["source_url"] for item in items}
    for source_id, (address, _) in listed.items():
        if source_id in urls and urls[source_id] not in address:
            errors.append(f"{kind}: {source_id} has another address in SOURCES.md")
    other_ids, other_urls = other_corpora_sources()
    for source_id, url in urls.items():
        if source_id in other_ids or url in other_urls:
            errors.append(f"{kind}: {source_id} ({url}) is a source of an existing corpus")
    if not (folder / "README.md").exists():
        errors.append(f"{kind}: no README.md")


def occupation_group(occupation: str) -> str:
    return occupation.split(" (")[0]


def show(title: str, counter: Counter) -> None:
    print(f"{title} ({len(counter)}): " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))


def main() -> int:
    errors: list[str] = []
    invitations = [
        item
        for path in sorted(INVITATIONS.glob("*.expected.json"))
        if (item := check_invitation(path, errors)) is not None
    ]
    labelled = {p.name.removesuffix(".expected.json") for p in INVITATIONS.glob("*.expected.json")}
    for path in INVITATIONS.iterdir():
        if path.suffix in ITEM_SUFFIXES and path.stem not in labelled:
            errors.append(f"{path.name}: item without an .expected.json")
    notes = [
        item
        for path in sorted(NOTES.glob("*.expected.json"))
        if (item := check_note(path, errors)) is not None
    ]
    check_sources("invitations", INVITATIONS, invitations, errors)
    check_sources("notes", NOTES, notes, errors)

    formats = Counter(item["_format"] for item in invitations)
    occupations = Counter(occupation_group(item["occupation"]) for item in invitations)
    counts = {
        "invitation items": len(invitations),
        "invitation sources": len({item["source_id"] for item in invitations}),
        "eml items": formats["eml"],
        "ics items": formats["ics"],
        "note items": len(notes),
        "note occupations": len({item["occupation"] for item in notes}),
    }
    for name, minimum in MINIMUM.items():
        if counts[name] < minimum:
            errors.append(f"only {counts[name]} {name}, the brief asks for at least {minimum}")
    for occupation, count in occupations.items():
        if count > MAX_PER_OCCUPATION:
            errors.append(f"{count} invitations for {occupation}, at most {MAX_PER_OCCUPATION}")

    rows = sum(len(item["roster"]) for item in invitations)
    stated = sum(1 for item in invitations for row in item["roster"] if row["relation"])
    sources = counts["invitation sources"]
    print(f"invitations: {len(invitations)} items, {sources} sources, {rows} roster rows")
    print(f"  rows with a relation: {stated}")
    show("  formats", formats)
    show("  occupations", occupations)
    show("  countries", Counter(item["country"] for item in invitations))
    relations = [row["relation"] or "null" for item in invitations for row in item["roster"]]
    show("  relations", Counter(relations))
    show("  sources", Counter(item["source_id"] for item in invitations))
    print("  layouts:")
    for item in invitations:
        print(f"    {item['source_id']} [{item['_format']}]: {item['layout']}")
    questions = sum(len(item["questions"]) for item in notes)
    note_sources = len({item["source_id"] for item in notes})
    print(f"notes: {len(notes)} items, {note_sources} sources, {questions} questions")
    show("  occupations", Counter(item["occupation"] for item in notes))
    show("  styles", Counter(item["style"] for item in notes))
    show("  went", Counter(str(q["went"]) for item in notes for q in item["questions"]))
    for error in errors:
        print("ERROR", error)
    print("layout OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
