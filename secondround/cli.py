"""The `secondround` command: a thin front door onto the engine and the services."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from secondround.engine.nlp.sizes import too_large

MAX_INPUT_BYTES = 5 * 1024 * 1024


def _read_bytes(path: str) -> bytes:
    """Read a user-named file, or '-' for standard input, with a clear message on failure."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise SystemExit(f"secondround: {path}: no such file")
    if file.stat().st_size > MAX_INPUT_BYTES:
        raise SystemExit(f"secondround: {path}: {too_large(file.stat().st_size, MAX_INPUT_BYTES)}")
    return file.read_bytes()


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return _read_bytes(path).decode("utf-8", errors="replace")


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _pick_user(username: str | None):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    if username:
        user = users.filter(username=username).first()
        if user is None:
            raise SystemExit(f"secondround: no user named {username!r}")
        return user
    candidates = list(users.order_by("pk")[:2])
    if len(candidates) != 1:
        raise SystemExit("secondround: there is not exactly one account here; name it with --user")
    return candidates[0]


def cmd_parse_invitation(args: argparse.Namespace) -> int:
    from secondround.engine.reading.invitation import reading_as_json, roster_as_json
    from secondround.engine.reading.invitation_files import (
        UnreadableInvitation,
        parse_invitation_text,
        read_invitation_file,
    )

    today = date.fromisoformat(args.today) if args.today else date.today()
    name = "" if args.file == "-" else args.file
    data = _read_bytes(args.file)
    try:
        source = read_invitation_file(data, name)
    except UnreadableInvitation as problem:
        raise SystemExit(f"secondround: {args.file}: {problem}") from None
    parsed = parse_invitation_text(source, today=today, default_time_zone=args.time_zone)
    parsed = _with_model_reading(parsed, source)
    shown = reading_as_json(parsed) if args.full else roster_as_json(parsed)
    json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for warning in parsed.warnings:
        print(f"secondround: {warning}", file=sys.stderr)
    return 0


def cmd_split_notes(args: argparse.Namespace) -> int:
    from secondround.engine.reading.notes import split_notes, split_notes_as_json

    text = _read_text(args.file)
    split = _with_model_sorting(split_notes(text), text)
    json.dump(split_notes_as_json(split), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if split.message:
        print(f"secondround: {split.message}", file=sys.stderr)
    return 0


def _with_model_reading(parsed, source):
    """The roster merged with the model's reading when SECONDROUND_LLM_* names a server:
    the model reads the file's text; a calendar's attendees and times stay as read."""
    from secondround.assistant.direct import environment_server, read_invitation
    from secondround.engine.reading.invitation_files import addressed, calendar_times

    configured = environment_server()
    if configured is None:
        return parsed
    merged, answer = read_invitation(
        configured,
        source.text,
        parsed,
        candidate=addressed(source),
        settled_times=calendar_times(source),
    )
    if merged is None:
        print(f"secondround: the model was not used: {answer.error}", file=sys.stderr)
        return parsed
    from dataclasses import replace

    from secondround.engine.reading.model_reading import ONLY_THE_MODEL

    kept = []
    for entry, note in zip(merged.parsed.entries, merged.notes, strict=True):
        if note == ONLY_THE_MODEL:  # left out, as the review page leaves it unticked
            print(f"secondround: your model also listed {entry.name}: not added", file=sys.stderr)
            continue
        if note:
            print(f"secondround: check {entry.name}: {note}", file=sys.stderr)
        kept.append(entry)
    for reason in merged.dropped:
        print(f"secondround: not used from the model: {reason}", file=sys.stderr)
    return replace(merged.parsed, entries=kept)


def _with_model_sorting(split, text: str):
    """The notes merged with the model's sorting when SECONDROUND_LLM_* names a server."""
    from secondround.assistant.direct import environment_server, read_notes

    configured = environment_server()
    if configured is None:
        return split
    merged, answer = read_notes(configured, text, split)
    if merged is None:
        print(f"secondround: the model was not used: {answer.error}", file=sys.stderr)
        return split
    for line in (*merged.notes, *(f"not used from the model: {r}" for r in merged.dropped)):
        print(f"secondround: {line}", file=sys.stderr)
    return merged.split


def cmd_classify_question(args: argparse.Namespace) -> int:
    from secondround.engine.questions.classify import classify_question

    labels = classify_question(args.text)
    print(
        json.dumps(
            {
                "competency": labels.competency,
                "kind": labels.kind,
                "illegal_ground": labels.illegal_ground,
                "caution": labels.caution,
            }
        )
    )
    return 0


def cmd_analyse_posting(args: argparse.Namespace) -> int:
    from secondround.engine.reading.posting_analysis import analyse_posting, analysis_as_json

    analysis = analyse_posting(_read_text(args.file))
    json.dump(analysis_as_json(analysis), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _json_list(path: str, required: tuple[str, ...]) -> list[dict]:
    try:
        items = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        message = f"secondround: {path}: not valid JSON ({error.msg}, line {error.lineno})"
        raise SystemExit(message) from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise SystemExit(f"secondround: {path}: expected a JSON list of objects")
    for index, item in enumerate(items):
        missing = [key for key in required if key not in item]
        if missing:
            raise SystemExit(f"secondround: {path}: item {index} lacks {', '.join(missing)}")
    return items


def cmd_match(args: argparse.Namespace) -> int:
    from secondround.engine.questions.classify import classify_question
    from secondround.engine.stories.matching import match
    from secondround.engine.stories.story_texts import QuestionText, StoryText

    stories = [
        StoryText(
            id=str(item["id"]),
            title=str(item["title"]),
            situation=str(item.get("situation", "")),
            task=str(item.get("task", "")),
            action=str(item.get("action", "")),
            result=str(item.get("result", "")),
            competencies=tuple(str(c) for c in item.get("competencies") or ()),
        )
        for item in _json_list(args.stories, ("id", "title"))
    ]
    questions = []
    for item in _json_list(args.questions, ("id", "text")):
        found = classify_question(str(item["text"]))
        questions.append(
            QuestionText(
                id=str(item["id"]),
                text=str(item["text"]),
                competency=found.competency,
                competency_scores=found.competency_scores,
            )
        )
    result = {
        found.question_id: [
            {
                "story": story.story_id,
                "score": round(story.score, 4),
                "covered": found.covered,
                "reasons": list(story.reasons),
                "cover_probability": found.cover,
            }
            for story in found.matches
        ]
        for found in match(stories, questions, top=3)
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def _round_of(opportunity_id: str, round_ref: str):
    """A round by its id, or by its number within the opportunity ("2" = the second round)."""
    from secondround.opportunities.models import Round

    if not (opportunity_id.isdigit() and round_ref.isdigit()):
        raise SystemExit("secondround: OPPORTUNITY and ROUND are numbers (see the page addresses)")
    rounds = Round.objects.select_related("opportunity__owner").filter(
        opportunity_id=int(opportunity_id)
    )
    found = rounds.filter(pk=int(round_ref)).first() or rounds.filter(number=int(round_ref)).first()
    if found is None:
        raise SystemExit(f"secondround: no round {round_ref} in opportunity {opportunity_id}")
    return found


def cmd_letters(args: argparse.Namespace) -> int:
    _setup_django()
    from secondround.engine.drafting.letters import letters_as_json
    from secondround.followup.services import drafted

    round_ = _round_of(args.opportunity, args.round)
    letters = drafted(round_, round_.opportunity.owner)
    json.dump(letters_as_json(letters), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_readiness(args: argparse.Namespace) -> int:
    _setup_django()
    from django.utils import timezone

    from secondround.engine.overview.readiness import path_as_json
    from secondround.overview.selectors import round_readiness

    round_ = _round_of(args.opportunity, args.round)
    path = round_readiness(round_, round_.opportunity.owner, now=timezone.now())
    json.dump(path_as_json(path), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_drafts(args: argparse.Namespace) -> int:
    _setup_django()
    from django.utils import timezone

    from secondround.overview.drafts import round_drafts

    round_ = _round_of(args.opportunity, args.round)
    drafts = round_drafts(round_, round_.opportunity.owner, today=timezone.localdate())
    json.dump(drafts, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    _setup_django()
    from secondround.brief.exports import PdfUnavailable, brief_ics, brief_pdf
    from secondround.brief.selectors import build_brief

    round_ = _round_of(args.opportunity, args.round)
    brief = build_brief(round_, round_.opportunity.owner)
    if args.pdf:
        try:
            Path(args.pdf).write_bytes(brief_pdf(brief))
        except PdfUnavailable as error:
            print(f"secondround: {error}", file=sys.stderr)
            return 1
        print(f"Wrote {args.pdf}")
    if args.ics:
        Path(args.ics).write_bytes(brief_ics(brief))
        print(f"Wrote {args.ics}")
    if not (args.pdf or args.ics):
        print(f"{brief.opportunity.role_title} at {brief.opportunity.company}: {round_.label}")
        for page in brief.people:
            print(f"- {page.person.name} ({page.person.get_relation_display()})")
            for item in page.ask:
                print(f"    ask: {item.text}")
    return 0


AUDIO_SUFFIXES = {".wav", ".webm", ".ogg", ".oga", ".mp3", ".m4a", ".flac", ".opus"}


def cmd_analyse_answer(args: argparse.Namespace) -> int:
    from secondround.engine.practice.answer_analysis import analyse_answer, report_as_json
    from secondround.engine.practice.report import Word

    path = Path(args.file)
    if path.suffix.lower() in AUDIO_SUFFIXES:
        from secondround.engine.practice.speech import AudioError, SpeechUnavailable, transcribe

        if not path.is_file():
            raise SystemExit(f"secondround: {args.file}: no such file")
        try:
            transcript = transcribe(path.read_bytes())
        except (AudioError, SpeechUnavailable) as error:
            raise SystemExit(f"secondround: {args.file}: {error}") from None
        words = [Word(w.text, w.start, w.end) for w in transcript.words]
        report = analyse_answer(
            transcript.text, seconds=transcript.seconds, words=words, question=args.question
        )
        result = report_as_json(report) | {"transcript": transcript.text}
    else:
        report = analyse_answer(_read_text(args.file), seconds=args.seconds, question=args.question)
        result = report_as_json(report)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    _migrate()
    from django.utils import timezone

    from secondround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo

    _, created = load_demo(now=timezone.now())
    state = "loaded" if created else "already here (left unchanged)"
    print(f"Demo candidate {state}. Log in as {DEMO_USERNAME} / {DEMO_PASSWORD}")
    return 0


def _start_task_worker() -> None:
    """Run background tasks (transcription, exports) in a thread of this process.

    A laptop then needs one process; a career centre sets SECONDROUND_TASK_BACKEND=database
    and runs `secondround manage db_worker` processes instead (see the README).
    """
    import threading

    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0.5,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="secondround-serve",
        excluded_queue_names=[],
    )
    threading.Thread(target=worker.run, name="task-worker", daemon=True).start()


RETENTION_EVERY_SECONDS = 6 * 3600


def _start_retention(days: int) -> None:
    """Delete recordings older than `days` now, then every few hours, in a thread."""
    import threading
    from datetime import timedelta

    from django.db import close_old_connections
    from django.utils import timezone

    from secondround.practice.services import recordings_delete_older_than

    def run() -> None:
        stop = threading.Event()
        while True:
            close_old_connections()
            recordings_delete_older_than(cutoff=timezone.now() - timedelta(days=days))
            close_old_connections()
            stop.wait(RETENTION_EVERY_SECONDS)

    threading.Thread(target=run, name="recording-retention", daemon=True).start()


def cmd_serve(args: argparse.Namespace) -> int:
    # Web requests never wait for transcription: tasks go to the database queue and a
    # worker thread (one, by default) takes them.
    os.environ.setdefault("SECONDROUND_TASK_BACKEND", "database")
    _setup_django()
    _migrate()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve

    from secondround.wsgi import application

    call_command("collectstatic", interactive=False, verbosity=0)
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db") and args.worker:
        _start_task_worker()
    if settings.SECONDROUND_RECORDING_RETENTION_DAYS:
        _start_retention(settings.SECONDROUND_RECORDING_RETENTION_DAYS)
    print(f"Second Round at http://{args.host}:{args.port}/  (data in {settings.SECONDROUND_HOME})")
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="secondround")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _setup_django()
    _migrate()
    from django.utils import timezone

    from secondround.portability.services import account_export, account_export_file

    owner = _pick_user(args.user)
    if args.file == "-":
        if args.recordings:
            raise SystemExit("secondround: --recordings writes a zip; give a FILE, not -")
        document = account_export(owner=owner, now=timezone.now())
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    data = account_export_file(owner=owner, now=timezone.now(), recordings=args.recordings)
    Path(args.file).write_bytes(data)
    kind = "a zip with the recordings" if args.recordings else "JSON"
    print(f"Exported {owner.get_username()}'s account to {args.file} ({kind}, {len(data):,} bytes)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _setup_django()
    _migrate()
    from secondround.portability.services import ImportFileError, account_import, load_export

    owner = _pick_user(args.user)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        bundle = load_export(raw)
        result = account_import(
            owner=owner, payload=bundle.payload, replace=args.replace, files=bundle.files
        )
    except OSError as error:
        print(f"secondround: nothing was imported. {args.file}: {error.strerror}", file=sys.stderr)
        return 1
    except ImportFileError as error:
        print(f"secondround: nothing was imported. {error}", file=sys.stderr)
        return 1
    print(f"{result.describe()} (account {owner.get_username()})")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["secondround manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="secondround", description="Prepare for your second interview, privately."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8)
    serve.add_argument(
        "--no-worker",
        dest="worker",
        action="store_false",
        help="do not run background tasks in this process (run `secondround manage db_worker`)",
    )
    serve.set_defaults(run=cmd_serve)

    demo = commands.add_parser("demo", help="load the demo candidate (once)")
    demo.set_defaults(run=cmd_demo)

    export = commands.add_parser("export", help="write the whole account to one file")
    export.add_argument("file", help="where to write, or - for standard output")
    export.add_argument("--user", help="account to export when there are several")
    export.add_argument(
        "--recordings", action="store_true", help="include the recordings (writes a zip)"
    )
    export.set_defaults(run=cmd_export)

    import_ = commands.add_parser("import", help="add an export (.json or .zip) to an account")
    import_.add_argument("file")
    import_.add_argument("--user", help="account to import into when there are several")
    import_.add_argument("--replace", action="store_true", help="replace the account's data")
    import_.set_defaults(run=cmd_import)

    parse = commands.add_parser(
        "parse-invitation", help="print the roster read from an invitation e-mail, as JSON"
    )
    parse.add_argument(
        "file", help="the e-mail as text or .eml, a calendar invitation (.ics), or - for stdin"
    )
    parse.add_argument("--today", help="resolve dates without a year from this date (YYYY-MM-DD)")
    parse.add_argument("--time-zone", help="IANA zone for times the e-mail gives without one")
    parse.add_argument(
        "--full",
        action="store_true",
        help="print the whole reading (roster, agenda, day, time zone, place, video link)",
    )
    parse.set_defaults(run=cmd_parse_invitation)

    notes = commands.add_parser(
        "split-notes", help="sort interview notes into questions, positives, misses… as JSON"
    )
    notes.add_argument("file", help="a text file with your notes, or - for standard input")
    notes.set_defaults(run=cmd_split_notes)

    classify = commands.add_parser(
        "classify-question", help="print the competency and kind of an interview question"
    )
    classify.add_argument("text", help="the question, in quotes")
    classify.set_defaults(run=cmd_classify_question)

    posting = commands.add_parser(
        "analyse-posting", help="print the competencies and skills a job posting asks for"
    )
    posting.add_argument("file", help="a text file with the posting, or - for standard input")
    posting.set_defaults(run=cmd_analyse_posting)

    matcher = commands.add_parser(
        "match", help="print the three best stories for each question, as JSON"
    )
    matcher.add_argument(
        "stories",
        help="JSON list of {id, title, situation, task, action, result, competencies?}",
    )
    matcher.add_argument("questions", help="JSON list of {id, text}")
    matcher.set_defaults(run=cmd_match)

    letters = commands.add_parser(
        "letters", help="print the round's drafted thank-you letters as JSON"
    )
    letters.add_argument("opportunity", help="the opportunity's id")
    letters.add_argument("round", help="the round's id, or its number within the opportunity")
    letters.set_defaults(run=cmd_letters)

    readiness = commands.add_parser(
        "readiness",
        help="print the round's preparation path as JSON: steps, the next step, readiness 0-1",
    )
    readiness.add_argument("opportunity", help="the opportunity's id")
    readiness.add_argument("round", help="the round's id, or its number within the opportunity")
    readiness.set_defaults(run=cmd_readiness)

    drafts = commands.add_parser(
        "drafts", help="print everything drafted for a round as JSON, to review at once"
    )
    drafts.add_argument("opportunity", help="the opportunity's id")
    drafts.add_argument("round", help="the round's id, or its number within the opportunity")
    drafts.set_defaults(run=cmd_drafts)

    brief = commands.add_parser("brief", help="the brief for a round: PDF, calendar, or a summary")
    brief.add_argument("opportunity", help="the opportunity's id")
    brief.add_argument("round", help="the round's id, or its number within the opportunity")
    brief.add_argument("--pdf", help="write the PDF brief to this file")
    brief.add_argument("--ics", help="write the calendar (.ics) to this file")
    brief.set_defaults(run=cmd_brief)

    answer = commands.add_parser(
        "analyse-answer", help="feedback on a practice answer (.txt transcript or a recording)"
    )
    answer.add_argument("file", help="a .txt transcript, or a .wav/.webm/.ogg recording")
    answer.add_argument("--question", help="the question it answers")
    answer.add_argument(
        "--seconds", type=float, help="how long saying the answer took, timed (never typing time)"
    )
    answer.set_defaults(run=cmd_analyse_answer)

    manage = commands.add_parser("manage", help="Django management commands (migrate, db_worker…)")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(run=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Everything this command writes is the user's alone: the database and its -wal/-shm,
    # recordings, exports, the models folder. Set here, in the program we own, rather than
    # in settings, which other programs import too (gunicorn, pytest, django-admin) and
    # whose own files (a gunicorn socket the proxy must reach) a umask would change; put
    # back afterwards for a caller in the same process (the tests).
    previous_umask = os.umask(0o077)
    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args))
    finally:
        os.umask(previous_umask)


if __name__ == "__main__":
    sys.exit(main())
