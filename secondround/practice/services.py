"""Mock interviews: the plan of the day, typed and spoken attempts, their reports."""

from __future__ import annotations

from statistics import median

from django.core.files.base import ContentFile
from django.db import transaction

from secondround.engine.nlp.sizes import too_large
from secondround.engine.practice.answer_analysis import analyse_answer, report_as_json
from secondround.engine.practice.report import REPORT_VERSION, AnswerReport, Word
from secondround.opportunities.models import Round
from secondround.questions.selectors import round_bank
from secondround.research.selectors import company_terms

from .models import Attempt, PracticeSession

QUESTIONS_PER_INTERVIEWER = 2
QUESTIONS_WITHOUT_ROSTER = 6
SKIPPED_KINDS = {"illegal", "closing", "salary"}


def session_plan(round_: Round) -> list[dict]:
    """The day in order: the staples first, then each interviewer's most likely questions."""
    bank = [q for q in round_bank(round_) if q.kind not in SKIPPED_KINDS]
    people = list(round_.interviewers.all())
    names = {str(p.pk): p.name for p in people}
    used: set[str] = set()
    plan: list[dict] = []

    def add(question, person_key: str) -> None:
        used.add(question.key)
        plan.append(
            {
                "key": question.key,
                "text": question.text,
                "kind": question.kind,
                "competency": question.competency,
                "interviewer": person_key,
                "name": names.get(person_key, ""),
            }
        )

    for staple in (q for q in bank if q.source == "staple" and q.score >= 1.0):
        add(staple, staple.interviewers[0] if staple.interviewers else "")
    for person in people:
        mine = [q for q in bank if str(person.pk) in q.interviewers and q.key not in used]
        for question in mine[:QUESTIONS_PER_INTERVIEWER]:
            add(question, str(person.pk))
    if not people:
        for question in [q for q in bank if q.key not in used][:QUESTIONS_WITHOUT_ROSTER]:
            add(question, "")
    return plan


def session_start(*, round: Round) -> PracticeSession:
    return PracticeSession.objects.create(round=round, plan=session_plan(round))


def _previous_report(attempt: Attempt) -> AnswerReport | None:
    """The last earlier answer to the same question, re-read for the consistency check."""
    earlier = (
        Attempt.objects.filter(
            round__opportunity=attempt.round.opportunity,
            question_key=attempt.question_key,
            status=Attempt.Status.DONE,
            created_at__lt=attempt.created_at,
        )
        .exclude(pk=attempt.pk)
        .exclude(answer_text="")
        .order_by("-created_at")
        .first()
    )
    if earlier is None:
        return None
    return analyse_answer(earlier.answer_text, seconds=earlier.seconds)


SPOKEN_FOR_PACE = 10  # the speaker's pace is the median over their latest spoken answers


def speaking_pace(owner) -> float | None:
    """Words per minute measured on the owner's latest spoken answers, if any."""
    reports = (
        Attempt.objects.filter(round__opportunity__owner=owner, status=Attempt.Status.DONE)
        .exclude(words=[])
        .order_by("-created_at")
        .values_list("report", flat=True)[:SPOKEN_FOR_PACE]
    )
    paces = [r.get("words_per_minute") for r in reports if isinstance(r, dict)]
    measured = [p for p in paces if isinstance(p, int | float) and p > 0]
    return round(median(measured), 1) if measured else None


def attempt_analyse(attempt: Attempt) -> None:
    terms = company_terms(attempt.round.opportunity, limit=50)
    words = [Word(text, start, end) for text, start, end in attempt.words]
    spoken = bool(words or attempt.audio)
    report = analyse_answer(
        attempt.answer_text,
        seconds=attempt.seconds if spoken else None,
        words=words,
        question=attempt.question_text,
        question_kind=attempt.question_kind or None,
        company_terms=terms,
        previous=_previous_report(attempt),
        speaking_wpm=None if spoken else speaking_pace(attempt.round.opportunity.owner),
    )
    attempt.report = report_as_json(report)


def reports_refresh(attempts) -> None:
    """Analyse again the finished attempts whose stored report an older engine wrote."""
    for attempt in attempts:
        report = attempt.report or {}
        if attempt.status == Attempt.Status.DONE and report.get("version") != REPORT_VERSION:
            if not (attempt.words or attempt.audio):
                attempt.seconds = None  # typing time, stored before it was known to mislead
            attempt_analyse(attempt)
            attempt.save(update_fields=["report", "seconds"])


def _question_fields(session: PracticeSession | None, question: dict) -> dict:
    return {
        "session": session,
        "question_key": question["key"][:120],
        "question_text": question["text"],
        "question_kind": question.get("kind", ""),
        "interviewer_id": int(question["interviewer"])
        if str(question.get("interviewer", "")).isdigit()
        else None,
    }


@transaction.atomic
def attempt_typed(
    *,
    round: Round,
    session: PracticeSession | None,
    question: dict,
    text: str,
) -> Attempt:
    """A typed answer: judged by its words and the time they would take to say."""
    attempt = Attempt(round=round, answer_text=text, **_question_fields(session, question))
    attempt.save()
    attempt_analyse(attempt)
    attempt.save(update_fields=["report"])
    return attempt


def attempt_begin_recording(
    *, round: Round, session: PracticeSession | None, question: dict
) -> Attempt:
    return Attempt.objects.create(
        round=round, status=Attempt.Status.RECORDING, **_question_fields(session, question)
    )


def attempt_store_audio(*, attempt: Attempt, data: bytes, name: str = "answer.webm") -> None:
    if attempt.audio:
        attempt.audio.delete(save=False)
    attempt.audio.save(name, ContentFile(data), save=False)
    attempt.save(update_fields=["audio"])


def attempt_delete_audio(*, attempt: Attempt) -> None:
    if attempt.audio:
        attempt.audio.delete(save=False)
    attempt.audio = ""
    attempt.partial = {}
    attempt.save(update_fields=["audio", "partial"])


def session_advance(*, session: PracticeSession) -> None:
    from django.utils import timezone

    session.position = min(session.position + 1, len(session.plan))
    if session.position >= len(session.plan):
        session.finished_at = timezone.now()
    session.save(update_fields=["position", "finished_at"])


def attempt_append_audio(*, attempt: Attempt, piece: bytes, limit: int) -> None:
    """Add a piece of a recording being uploaded; the pieces only decode together."""
    existing = b""
    if attempt.audio:
        with attempt.audio.open("rb") as stream:
            existing = stream.read()
    if len(existing) + len(piece) > limit:
        raise ValueError(too_large(len(existing) + len(piece), limit, what="The recording"))
    attempt_store_audio(attempt=attempt, data=existing + piece)


STAR_PARTS = ("situation", "task", "action", "result")


def star_completeness(report: dict) -> float:
    labels = set(report.get("star", []))
    return sum(part in labels for part in STAR_PARTS) / len(STAR_PARTS)


def recordings_forget(attempts) -> None:
    """Delete the audio files of attempts about to be deleted (with their round, say).

    The database rows go by cascade; the files on disk would otherwise stay behind. They
    are deleted once the deletion is committed, so that a rollback keeps them.
    """
    files = [(attempt.audio.storage, attempt.audio.name) for attempt in attempts.exclude(audio="")]

    def delete_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


def recordings_delete_older_than(*, cutoff) -> int:
    """Delete the audio of every attempt made before `cutoff`; transcripts and feedback stay.

    The retention setting (SECONDROUND_RECORDING_RETENTION_DAYS) runs this; returns how
    many recordings were deleted.
    """
    deleted = 0
    for attempt in Attempt.objects.filter(created_at__lt=cutoff).exclude(audio="").iterator():
        attempt_delete_audio(attempt=attempt)
        deleted += 1
    return deleted
