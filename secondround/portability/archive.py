"""The export file on disk: plain JSON, or a zip of that JSON with the account's recordings.

Reading checks the archive before unpacking anything: a file that claims more than the
limits (a zip bomb, thousands of members, a path outside the archive) is refused whole.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from typing import Any

DOCUMENT_NAME = "secondround-export.json"
RECORDINGS_DIR = "recordings/"
MAX_MEMBERS = 5_000
MAX_NESTING_MESSAGE = "This file nests its data too deeply to be a Second Round export."


class ImportFileError(ValueError):
    """The file cannot be imported; the message is meant for the user."""


@dataclass
class ExportBundle:
    payload: Any
    files: dict[str, bytes] = field(default_factory=dict)  # archive member name -> bytes


def write_archive(document: dict, files: dict[str, bytes]) -> bytes:
    """The export as bytes: JSON alone, or a zip when it carries files."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if not files:
        return text.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DOCUMENT_NAME, text)
        for name, data in files.items():
            # Audio is compressed already; storing it saves time and nothing else.
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def _decode_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(
            "This file is not text: choose the .json or .zip file Second Round exported."
        ) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"This file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise ImportFileError(MAX_NESTING_MESSAGE) from None


def _read_zip(raw: bytes, max_unpacked: int) -> ExportBundle:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError("This zip file is damaged; nothing in it could be read.") from None
    if len(members) > MAX_MEMBERS:
        raise ImportFileError(f"This archive holds {len(members):,} files; an export holds fewer.")
    if sum(member.file_size for member in members) > max_unpacked:
        raise ImportFileError(
            "This archive unpacks to more than an export can hold; it was not opened."
        )
    names = {member.filename for member in members}
    if DOCUMENT_NAME not in names:
        raise ImportFileError(
            f"This zip file has no {DOCUMENT_NAME}: it is not a Second Round export."
        )
    files: dict[str, bytes] = {}
    try:
        payload = _decode_json(archive.read(DOCUMENT_NAME))
        for member in members:
            name = member.filename
            if member.is_dir() or name == DOCUMENT_NAME:
                continue
            if not name.startswith(RECORDINGS_DIR) or ".." in name.split("/"):
                raise ImportFileError(f"This archive holds an unexpected file: {name[:80]}")
            files[name] = archive.read(member)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        if isinstance(error, ImportFileError):
            raise
        raise ImportFileError("This zip file is damaged; nothing in it could be read.") from None
    return ExportBundle(payload=payload, files=files)


def read_archive(raw: bytes, *, max_unpacked: int) -> ExportBundle:
    """Decode an uploaded export; its content is checked by account_import."""
    if raw.startswith(b"PK\x03\x04"):
        return _read_zip(raw, max_unpacked)
    return ExportBundle(payload=_decode_json(raw))
