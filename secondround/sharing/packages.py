"""Coach packages: sharing without a server.

The candidate exports the chosen sections of one opportunity as one JSON file. The coach
opens it in their own Second Round (a digest over its content refuses a file changed on
the way), comments, and exports a reply file. The candidate's Second Round imports the
reply only if it answers a package this account made (its id and digest are kept here)
and comments only on items that package held: the comments land beside those items and
nothing else changes. Recordings are never put in a package.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_datetime

from secondround.brief.models import SalaryPlan
from secondround.brief.selectors import build_brief, salary_line
from secondround.debrief.models import Debrief
from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.followup.models import FitCriterion, FitScore, FitVerdict, Letter
from secondround.opportunities.models import Interviewer, Opportunity
from secondround.practice.models import Attempt
from secondround.questions.selectors import round_bank
from secondround.research.models import CompanyProfile
from secondround.stories.models import Story

from .models import CoachPackage, PackageComment, ReceivedPackage, Section
from .targets import TARGETS, owner_path

PACKAGE_FORMAT = "secondround-coach-package"
REPLY_FORMAT = "secondround-coach-reply"
VERSION = 1
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 5_000
MAX_TEXT = 200_000
MAX_COMMENT = 5_000
BANK_QUESTIONS_PER_ROUND = 40
KEY_PATTERN = re.compile(r"^[0-9a-f]{32}$")


class PackageRefused(ValueError):
    """The file cannot be used; the message says why, for the person who chose it."""


def _canonical(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _digest(document: dict) -> str:
    body = {key: value for key, value in document.items() if key != "digest"}
    return hashlib.sha256(_canonical(body)).hexdigest()


def _entry(heading: str, lines: list[tuple[str, str]], item: str = "", rate: bool = False):
    return {
        "item": item,
        "heading": heading,
        "lines": [[label, str(text)] for label, text in lines if str(text or "").strip()],
        "rate": rate,
    }


def _name(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.get_username()


# ---- what each section puts in a package ------------------------------------------------


def _roster(opportunity: Opportunity) -> list[dict]:
    entries = []
    profile = CompanyProfile.objects.filter(opportunity=opportunity).first()
    if profile:
        entries.append(
            _entry(
                "The company",
                [
                    ("Industry", profile.industry),
                    ("Products and services", profile.products),
                    ("Newest launches", profile.launches),
                    ("Competitors", profile.competitors),
                    ("Values and culture", profile.values),
                ],
            )
        )
    for item in opportunity.press_items.all():
        entries.append(_entry(f"In the press: {item.title}", [("Summary", item.summary)]))
    for talk in opportunity.informational_interviews.all():
        entries.append(_entry(f"Informational interview: {talk.person}", [("", talk.takeaways)]))
    people = Interviewer.objects.filter(round__opportunity=opportunity).select_related(
        "round", "research"
    )
    for person in people.order_by("round__number", "position"):
        research = getattr(person, "research", None)
        entries.append(
            _entry(
                f"{person.full_name} · {person.round.label}",
                [
                    ("Title", person.title),
                    ("Relation to the role", person.get_relation_display()),
                    ("Say it", person.pronunciation),
                    ("Background", research.background if research else ""),
                    ("Common ground", research.shared_experience if research else ""),
                    ("Talking points", research.talking_points if research else ""),
                ],
                item=f"interviewer:{person.pk}",
            )
        )
    return entries


def _debrief(opportunity: Opportunity) -> list[dict]:
    entries = []
    for debrief in Debrief.objects.filter(round__opportunity=opportunity).select_related("round"):
        label = debrief.round.label
        for question in debrief.questions.all():
            entries.append(
                _entry(
                    f"{label} · asked: {question.text}",
                    [
                        ("How it went", question.get_went_display()),
                        ("I answered", question.my_answer),
                        ("I wish I had said", question.wish_i_said),
                    ],
                    item=f"question:{question.pk}",
                )
            )
        for note in debrief.observations.all():
            entries.append(
                _entry(
                    f"{label} · {note.get_kind_display().lower()}",
                    [("", note.text)],
                    item=f"observation:{note.pk}",
                )
            )
        for concern in debrief.concerns.all():
            entries.append(
                _entry(
                    f"{label} · concern: {concern.said}",
                    [("Raised by", concern.raised_by), ("My answer", concern.planned_answer)],
                    item=f"concern:{concern.pk}",
                )
            )
        if debrief.challenges.strip():
            entries.append(_entry(f"{label} · the role's challenges", [("", debrief.challenges)]))
    return entries


def _bank(opportunity: Opportunity) -> list[dict]:
    entries = []
    for round_ in opportunity.rounds.all():
        for question in round_bank(round_)[:BANK_QUESTIONS_PER_ROUND]:
            entries.append(
                _entry(
                    f"{round_.label} · {question.text}",
                    [
                        ("Competency", COMPETENCIES.get(question.competency, "")),
                        ("Kind", QUESTION_KINDS.get(question.kind, "")),
                        ("Why", "; ".join(question.reasons)),
                    ],
                    item=f"bank:{round_.pk}:{question.key}",
                )
            )
    return entries


def _stories(opportunity: Opportunity) -> list[dict]:
    return [
        _entry(
            story.title,
            [
                ("Situation", story.situation),
                ("Task", story.task),
                ("Action", story.action),
                ("Result", story.result),
                ("The number", " ".join((story.metric, story.metric_before, story.metric_after))),
            ],
            item=f"story:{story.pk}",
        )
        for story in Story.objects.filter(owner_id=opportunity.owner_id).defer("vector")
    ]


def _practice(opportunity: Opportunity) -> list[dict]:
    attempts = Attempt.objects.filter(
        round__opportunity=opportunity, status=Attempt.Status.DONE
    ).select_related("round")
    return [
        _entry(
            f"{attempt.round.label} · {attempt.question_text}",
            [
                ("Answer", attempt.answer_text),
                (
                    "Feedback",
                    "\n".join(
                        p.get("message", "") for p in (attempt.report or {}).get("points", [])
                    ),
                ),
            ],
            item=f"attempt:{attempt.pk}",
            rate=True,
        )
        for attempt in attempts.order_by("created_at", "pk")
    ]


def _brief(opportunity: Opportunity, with_salary: bool) -> list[dict]:
    entries = []
    for round_ in opportunity.rounds.all():
        brief = build_brief(round_, opportunity.owner)
        lines = [("Salary", brief.salary)] if with_salary else []
        lines.append(("“What have you learned about us?”", brief.learned_answer))
        for page in brief.people:
            lines.append(
                (
                    page.person.full_name,
                    "They may ask: "
                    + " / ".join(q.text for q in page.likely)
                    + "\nMy questions: "
                    + " / ".join(item.text for item in page.ask),
                )
            )
        entries.append(_entry(f"Brief for the {round_.label.lower()}", lines))
    return entries


def _letters(opportunity: Opportunity) -> list[dict]:
    letters = Letter.objects.filter(interviewer__round__opportunity=opportunity).select_related(
        "interviewer__round"
    )
    return [
        _entry(
            f"To {letter.interviewer.full_name} ({letter.interviewer.round.label})",
            [("Subject", letter.subject), ("", letter.body)],
        )
        for letter in letters
    ]


def _salary(opportunity: Opportunity) -> list[dict]:
    plan = SalaryPlan.objects.filter(opportunity=opportunity).first()
    entries = [
        _entry(
            f"Research: {entry.source}",
            [("Range", f"{entry.low}–{entry.high} {entry.currency}"), ("As of", entry.as_of)],
        )
        for entry in opportunity.salary_entries.all()
    ]
    if plan:
        entries.append(
            _entry(
                "My plan",
                [
                    ("Target", plan.target),
                    ("Walk-away", plan.walk_away),
                    ("What to say", salary_line(opportunity)),
                    ("Notes", plan.notes),
                ],
            )
        )
    return entries


def _fit(opportunity: Opportunity) -> list[dict]:
    entries = []
    for criterion in FitCriterion.objects.filter(opportunity=opportunity):
        scores = FitScore.objects.filter(criterion=criterion).select_related("round")
        entries.append(
            _entry(
                f"{criterion.name} (weight {criterion.weight})",
                [(score.round.label, f"{score.score}/5 {score.evidence}") for score in scores],
            )
        )
    verdict = FitVerdict.objects.filter(opportunity=opportunity).first()
    if verdict:
        entries.append(
            _entry(
                "Would I accept?",
                [("", verdict.get_would_accept_display()), ("", verdict.reasons)],
            )
        )
    return entries


def _section_entries(section: Section, opportunity: Opportunity, sections: list[Section]):
    builders = {
        Section.ROSTER: _roster,
        Section.DEBRIEF: _debrief,
        Section.BANK: _bank,
        Section.STORIES: _stories,
        Section.PRACTICE: _practice,
        Section.LETTERS: _letters,
        Section.SALARY: _salary,
        Section.FIT: _fit,
    }
    if section == Section.BRIEF:
        return _brief(opportunity, with_salary=Section.SALARY in sections)
    return builders[section](opportunity)


def package_create(
    *, owner: AbstractBaseUser, opportunity: Opportunity, sections: list[Section], now: datetime
) -> CoachPackage:
    """Build the package once and keep it, with the items it holds, for the reply."""
    sections = [s for s in Section if s in sections and s != Section.RECORDINGS]
    package_id = secrets.token_hex(16)
    document: dict[str, Any] = {
        "format": PACKAGE_FORMAT,
        "version": VERSION,
        "package_id": package_id,
        "made_at": now.isoformat(),
        "candidate": _name(owner),
        "title": f"{opportunity.role_title} at {opportunity.company}",
        "sections": [
            {
                "key": section.value,
                "title": section.label,
                "entries": _section_entries(section, opportunity, sections),
            }
            for section in sections
        ],
    }
    document["digest"] = _digest(document)
    items = [e["item"] for s in document["sections"] for e in s["entries"] if e["item"]]
    return CoachPackage.objects.create(
        owner=owner,
        opportunity=opportunity,
        package_id=package_id,
        digest=document["digest"],
        sections=[s.value for s in sections],
        items=items,
        document=document,
        created_at=now,
    )


def package_bytes(package: CoachPackage) -> bytes:
    return json.dumps(package.document, ensure_ascii=False, indent=1).encode() + b"\n"


# ---- the coach's side ----------------------------------------------------------------


def _load(raw: bytes, expected: str) -> dict:
    if len(raw) > MAX_FILE_BYTES:
        raise PackageRefused("This file is larger than a coach package or reply can be.")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackageRefused(
            "This file is not a Second Round coach package or reply (it is not JSON text)."
        ) from None
    if not isinstance(document, dict) or document.get("format") != expected:
        what = "coach package" if expected == PACKAGE_FORMAT else "reply to a coach package"
        raise PackageRefused(f"This file is not a {what}.")
    if document.get("version") != VERSION:
        raise PackageRefused(
            f"This file is version {document.get('version')!r}; this Second Round reads "
            f"version {VERSION}."
        )
    return document


def _text(value: Any, where: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise PackageRefused(f"The package is damaged at {where}.")
    return value


def _check_package(document: dict) -> None:
    if not isinstance(document.get("digest"), str) or document["digest"] != _digest(document):
        raise PackageRefused(
            "This package was changed after it was made (its digest does not match its "
            "content). Nothing was opened: ask the candidate for a fresh copy."
        )
    sections = document.get("sections")
    if not isinstance(sections, list):
        raise PackageRefused("The package is damaged: it has no sections.")
    count = 0
    for s_index, section in enumerate(sections):
        if not isinstance(section, dict) or not isinstance(section.get("entries"), list):
            raise PackageRefused(f"The package is damaged at section {s_index + 1}.")
        _text(section.get("title"), f"section {s_index + 1}", 200)
        for e_index, entry in enumerate(section["entries"]):
            where = f"section {s_index + 1}, entry {e_index + 1}"
            count += 1
            if not isinstance(entry, dict) or not isinstance(entry.get("lines"), list):
                raise PackageRefused(f"The package is damaged at {where}.")
            _text(entry.get("heading"), where)
            _text(entry.get("item"), where, 200)
            for line in entry["lines"]:
                if not isinstance(line, list) or len(line) != 2:
                    raise PackageRefused(f"The package is damaged at {where}.")
                _text(line[0], where, 300)
                _text(line[1], where)
    if count > MAX_ENTRIES:
        raise PackageRefused("This package holds more entries than a package can.")
    for name in ("package_id", "candidate", "title"):
        _text(document.get(name), name, 400)


def package_open(*, owner: AbstractBaseUser, raw: bytes) -> tuple[ReceivedPackage, bool]:
    """Keep a package to comment on; (package, False) when it was opened before."""
    document = _load(raw, PACKAGE_FORMAT)
    _check_package(document)
    existing = ReceivedPackage.objects.filter(
        owner=owner, package_id=document["package_id"]
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            package = ReceivedPackage.objects.create(
                owner=owner,
                package_id=document["package_id"],
                candidate=document["candidate"][:200],
                title=document["title"][:400],
                document=document,
            )
    except IntegrityError:
        return ReceivedPackage.objects.get(owner=owner, package_id=document["package_id"]), False
    return package, True


def package_items(package: ReceivedPackage) -> dict[str, dict]:
    """The commentable entries of a package, by item key."""
    return {
        entry["item"]: entry
        for section in package.document["sections"]
        for entry in section["entries"]
        if entry["item"]
    }


def package_comment(
    *,
    package: ReceivedPackage,
    item: str,
    text: str,
    competency: str = "",
    score: int | None = None,
) -> PackageComment:
    if item not in package_items(package):
        raise PackageRefused("That item is not in this package: nothing was saved.")
    return PackageComment.objects.create(
        package=package,
        key=secrets.token_hex(16),
        item=item,
        text=text,
        competency=competency,
        score=score,
    )


def reply_bytes(package: ReceivedPackage, *, coach: AbstractBaseUser, now: datetime) -> bytes:
    reply = {
        "format": REPLY_FORMAT,
        "version": VERSION,
        "package_id": package.package_id,
        "digest": package.document.get("digest", ""),
        "coach": _name(coach),
        "made_at": now.isoformat(),
        "comments": [
            {
                "key": comment.key,
                "item": comment.item,
                "text": comment.text,
                "competency": comment.competency,
                "score": comment.score,
                "created_at": comment.created_at.isoformat(),
            }
            for comment in package.comments.all()
        ],
    }
    return json.dumps(reply, ensure_ascii=False, indent=1).encode() + b"\n"


# ---- back at the candidate's ------------------------------------------------------------


@dataclass(frozen=True)
class ReplyResult:
    added: int
    already: int  # imported before
    gone: int  # on items deleted since the package was made

    def describe(self) -> str:
        parts = [f"Added {self.added} comment{'s' if self.added != 1 else ''} beside your items."]
        if self.already:
            parts.append(f"{self.already} were imported before and were left as they are.")
        if self.gone:
            parts.append(f"{self.gone} were on items you have deleted since, and were left out.")
        return " ".join(parts)


def _reply_comment(raw: Any, index: int, items: set[str]) -> dict:
    where = f"comment {index + 1}"
    if not isinstance(raw, dict):
        raise PackageRefused(f"This reply is damaged at {where}.")
    key, item = raw.get("key"), raw.get("item")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise PackageRefused(f"This reply is damaged at {where}.")
    if not isinstance(item, str) or item not in items:
        raise PackageRefused(
            f"This reply comments on something that was not in the package ({where}). "
            "It was changed after the coach made it: nothing was imported."
        )
    text = _text(raw.get("text"), where, MAX_COMMENT).strip()
    if not text:
        raise PackageRefused(f"This reply has an empty comment ({where}).")
    competency, score = raw.get("competency") or "", raw.get("score")
    if competency not in COMPETENCIES and competency != "":
        raise PackageRefused(f"This reply rates an unknown competency ({where}).")
    if score is not None and (isinstance(score, bool) or score not in range(1, 6)):
        raise PackageRefused(f"A rating is between 1 and 5 ({where}).")
    if score is not None and (not competency or not item.startswith("attempt:")):
        raise PackageRefused(f"Only a practice answer is rated, against a competency ({where}).")
    created = (
        parse_datetime(raw.get("created_at") or "")
        if isinstance(raw.get("created_at"), str)
        else None
    )
    return {
        "key": key,
        "item": item,
        "text": text,
        "competency": competency,
        "score": score,
        "created_at": created if created and created.tzinfo else None,
    }


def reply_import(*, owner: AbstractBaseUser, raw: bytes, now: datetime) -> ReplyResult:
    """Put a coach's reply comments beside the items they name; nothing else changes."""
    reply = _load(raw, REPLY_FORMAT)
    package = CoachPackage.objects.filter(
        owner=owner, package_id=str(reply.get("package_id", ""))
    ).first()
    if package is None:
        raise PackageRefused(
            "This reply answers a package your account did not make here: nothing was imported."
        )
    if reply.get("digest") != package.digest:
        raise PackageRefused(
            "This reply does not match the package it names (it was changed after the coach "
            "made it): nothing was imported."
        )
    coach = _text(reply.get("coach"), "coach", 150).strip() or "Your coach"
    raw_comments = reply.get("comments")
    if not isinstance(raw_comments, list) or len(raw_comments) > MAX_ENTRIES:
        raise PackageRefused("This reply is damaged: it has no list of comments.")
    items = set(package.items)
    comments = [_reply_comment(c, i, items) for i, c in enumerate(raw_comments)]
    added = already = gone = 0
    with transaction.atomic():
        package = CoachPackage.objects.select_for_update().get(pk=package.pk)
        seen = set(package.imported_keys)
        for comment in comments:
            if comment["key"] in seen:
                already += 1
                continue
            kind, _, rest = comment["item"].partition(":")
            target = TARGETS[kind]
            pk, _, key = rest.partition(":")
            row = target.model.objects.filter(
                pk=int(pk) if pk.isdigit() else 0, **{owner_path(target.model): owner}
            ).first()
            if row is None:
                gone += 1
                continue
            values: dict[str, Any] = {target.field: row}
            if target.keyed:
                values["key"] = key[:120]
            if kind == "attempt":
                values |= {"competency": comment["competency"], "score": comment["score"]}
            target.comment_model.objects.create(
                author=f"{coach} (reply file)",
                text=comment["text"],
                created_at=comment["created_at"] or now,
                **values,
            )
            seen.add(comment["key"])
            added += 1
        package.imported_keys = sorted(seen)
        package.save(update_fields=["imported_keys"])
    if not added and already:
        raise PackageRefused("Every comment in this reply was imported before: nothing changed.")
    return ReplyResult(added, already, gone)
