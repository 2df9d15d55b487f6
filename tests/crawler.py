"""Walk the app as a user would: follow every same-site link from the dashboard.

Shared by tests/test_crawl.py, tests/test_form_fuzz.py and bench/crawl.py. Plain helpers
over Django's test client: no pytest here, so the benchmark can use them too.
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.urls import (
    Resolver404,
    URLPattern,
    URLResolver,
    get_resolver,
    resolve,
    reverse,
)

# Enough for the demo many times over; a page that grows links without end stops here.
URL_LIMIT = 600
# /progress/?question=… and filters: a few variants of one path say all there is to say.
QUERY_VARIANTS_PER_PATH = 4
SKIPPED_PREFIXES = ("/static/", "/admin/", "/media/")

SCRIPT_PAYLOAD = "<script>alert(1)</script>"
ATTRIBUTE_PAYLOAD = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT_PAYLOAD, ATTRIBUTE_PAYLOAD)


@dataclass
class FormField:
    name: str
    kind: str  # the input type: text, textarea, select, checkbox, date, number, file, hidden…
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False


@dataclass
class PageForm:
    action: str
    method: str
    fields: list[FormField]
    found_on: str

    @property
    def signature(self) -> tuple[str, tuple[str, ...]]:
        return self.action, tuple(sorted(f.name for f in self.fields))


class _PageParser(HTMLParser):
    """Links, HTMX URLs, forms and the title of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[tuple[dict[str, str], list[FormField], list[str]]] = []
        self.title: str | None = None
        self._in_title = False
        self._textarea: FormField | None = None
        self._select: FormField | None = None
        self._form_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for attribute in ("href", "hx-get", "src"):
            if attribute in values and (attribute != "src" or tag in ("iframe", "audio")):
                self.links.append(values[attribute])
        if tag == "title":
            self._in_title = True
            self.title = self.title or ""
        elif tag == "form":
            self.forms.append((values, [], []))
            self._form_depth += 1
        elif self._form_depth:
            self._form_control(tag, values)
        if tag == "option" and self._select is not None:
            self._select.options.append(values.get("value", ""))
            if "selected" in values:
                self._select.value = values.get("value", "")

    def _form_control(self, tag: str, values: dict[str, str]) -> None:
        _, fields, actions = self.forms[-1]
        kind = values.get("type", "submit" if tag == "button" else "text").lower()
        if tag in ("button", "input") and kind in ("submit", "image"):
            if "formaction" in values:
                actions.append(values["formaction"])
            if "name" in values:
                # Each named button submits its own value: one field with a choice of them.
                button = next((f for f in fields if f.name == values["name"]), None)
                if button is None:
                    button = FormField(values["name"], "submit")
                    fields.append(button)
                button.options.append(values.get("value", ""))
                button.value = button.options[0]
            return
        if "name" not in values or kind in ("button", "reset"):
            return
        if tag == "input":
            default = "on" if kind == "checkbox" else ""
            checked = "checked" in values
            fields.append(
                FormField(values["name"], kind, values.get("value", default), [], checked)
            )
        elif tag == "textarea":
            self._textarea = FormField(values["name"], "textarea")
            fields.append(self._textarea)
        elif tag == "select":
            self._select = FormField(values["name"], "select")
            fields.append(self._select)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "textarea":
            # A newline right after <textarea> is not part of the value (the HTML parsing rules).
            if self._textarea is not None and self._textarea.value.startswith("\n"):
                self._textarea.value = self._textarea.value[1:]
            self._textarea = None
        elif tag == "select":
            if self._select is not None and not self._select.value and self._select.options:
                self._select.value = self._select.options[0]
            self._select = None
        elif tag == "form" and self._form_depth:
            self._form_depth -= 1

    def page_forms(self, url: str) -> list[PageForm]:
        """Each form once per URL it can post to (its action, a button's formaction, hx-post)."""
        found = []
        for attrs, fields, extra_actions in self.forms:
            method = attrs.get("method", "get").lower()
            posted_to = [attrs.get("action") or url, *extra_actions]
            if "hx-post" in attrs:
                posted_to.append(attrs["hx-post"])
            for href in posted_to if method == "post" else posted_to[:1]:
                action = same_site_url(href, url)
                if action is not None:
                    found.append(PageForm(action, method, fields, url))
        return found

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data
        if self._textarea is not None:
            self._textarea.value += data


@dataclass
class Visit:
    url: str
    status: int
    content_type: str
    found_on: str
    title: str | None = None
    full_page: bool = False
    body: str = ""
    error: str = ""  # the last lines of the traceback of a 500
    disposition: str = ""  # the Content-Disposition header of a download


@dataclass
class Crawl:
    visits: list[Visit]
    forms: list[PageForm]  # that POST
    searches: list[PageForm]  # forms that GET: filters, a question's progress

    @property
    def urls(self) -> list[str]:
        return [visit.url for visit in self.visits]

    @property
    def server_errors(self) -> list[Visit]:
        return [visit for visit in self.visits if visit.status >= 500]


def same_site_url(href: str, base: str) -> str | None:
    """The path and query of a link that stays on this site, or None."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:", "blob:")):
        return None
    parts = urlsplit(urljoin("http://testserver" + base, href))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return urlunsplit(("", "", parts.path, parts.query, ""))


def error_summary(exc_info) -> str:
    if not exc_info:
        return ""
    lines = traceback.format_exception(*exc_info)
    return "".join(lines[-3:]).strip()


def get(client: Client, url: str, **extra) -> tuple[object, str]:
    """GET without raising on a server error: (response, traceback summary or "")."""
    response = client.get(url, **extra)
    return response, error_summary(getattr(response, "exc_info", None))


def forms_in(body: str, url: str) -> list[PageForm]:
    parser = _PageParser()
    parser.feed(body)
    return [form for form in parser.page_forms(url) if form.method == "post"]


def crawl(client: Client, start: str = "/", *, limit: int = URL_LIMIT) -> Crawl:
    """Breadth-first over same-site links and hx-get URLs, at most `limit` URLs.

    `client` should have raise_request_exception=False, so a 500 is recorded, not raised.
    """
    queue: deque[tuple[str, str]] = deque([(start, "(start)")])
    seen = {start}
    variants: dict[str, int] = {}
    visits: list[Visit] = []
    forms: dict[tuple, PageForm] = {}
    while queue and len(visits) < limit:
        url, found_on = queue.popleft()
        response, error = get(client, url)
        content_type = response.get("Content-Type", "")
        visit = Visit(url, response.status_code, content_type, found_on, error=error)
        visit.disposition = response.get("Content-Disposition", "")
        visits.append(visit)
        targets: list[str] = []
        if response.status_code in (301, 302, 303, 307, 308):
            targets.append(response["Location"])
        elif content_type.startswith("text/html") and response.status_code == 200:
            visit.body = response.content.decode()
            parser = _PageParser()
            parser.feed(visit.body)
            visit.title = parser.title
            visit.full_page = "<html" in visit.body[:500].lower()
            targets += parser.links
            targets += [form.action for form in parser.page_forms(url) if form.method == "get"]
            for page_form in parser.page_forms(url):
                forms.setdefault((page_form.method, *page_form.signature), page_form)
        for href in targets:
            target = same_site_url(href, url)
            if target is None or target in seen:
                continue
            path = urlsplit(target).path
            if urlsplit(target).query:
                variants[path] = variants.get(path, 0) + 1
                if variants[path] > QUERY_VARIANTS_PER_PATH:
                    continue
            seen.add(target)
            queue.append((target, url))
    found = list(forms.values())
    return Crawl(
        visits,
        [form for form in found if form.method == "post"],
        [form for form in found if form.method == "get"],
    )


def url_name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).url_name
    except Resolver404:
        return None


def takes_an_id(url: str) -> bool:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return any(isinstance(value, int) for value in match.kwargs.values())


# ---- the data a user owns -------------------------------------------------------------


def owner_lookup(model: type[models.Model]) -> str | None:
    """The ORM path from a model to the user who owns its rows ("round__opportunity__owner")."""
    user_model = get_user_model()
    paths: deque[tuple[type[models.Model], str]] = deque([(model, "")])
    visited = {model}
    while paths:
        current, prefix = paths.popleft()
        for model_field in current._meta.concrete_fields:
            if not model_field.many_to_one and not model_field.one_to_one:
                continue
            target = model_field.related_model
            lookup = f"{prefix}{model_field.name}"
            if target is user_model:
                return lookup
            if target not in visited and target._meta.app_label != "auth":
                visited.add(target)
                paths.append((target, lookup + "__"))
    return None


# Rows that point at a user without being part of their account: the links accounts
# and shares were made with (they point at whoever used them).
NOT_ACCOUNT_DATA = {
    "accounts.SignupInvitation",
    "sharing.ShareInvitation",
    "sharing.OrganisationInvitation",
}


def _account_owner_lookups() -> dict[str, str]:
    """A comment belongs to the candidate whose item it sits beside, not to its author."""
    from secondround.sharing.targets import TARGETS, owner_path

    return {
        target.comment_model._meta.label: f"{target.field}__{owner_path(target.model)}"
        for target in TARGETS.values()
    }


def owned_models() -> list[tuple[type[models.Model], str]]:
    """Every project model whose rows belong to a user, with the lookup to that user."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("secondround."):
            continue
        if model._meta.label in NOT_ACCOUNT_DATA:
            continue
        lookup = _account_owner_lookups().get(model._meta.label) or owner_lookup(model)
        if lookup:
            found.append((model, lookup))
    return found


def owned_rows(owner) -> Iterator[models.Model]:
    for model, lookup in owned_models():
        yield from model.objects.filter(**{lookup: owner}).order_by("pk")


# A stamp renewed whenever a row readiness reads is written (even a row added, which
# refused forms may do): the server's cache key, not what the user saved.
CACHE_STAMPS = {"opportunities.Opportunity": {"data_version"}}


def snapshot(owner) -> dict[tuple[str, int], dict[str, object]]:
    """Every field of every row the owner has, to compare before and after a request."""
    rows = {}
    for model, lookup in owned_models():
        stamps = CACHE_STAMPS.get(model._meta.label, set())
        for values in model.objects.filter(**{lookup: owner}).values():
            rows[(model._meta.label, values["id"])] = {
                k: v for k, v in values.items() if k not in stamps
            }
    return rows


def lost_or_changed(before: dict, after: dict) -> list[str]:
    """Rows of `before` gone or different in `after` (rows added since are not counted)."""
    return [
        f"{label} {pk}"
        + ("" if (label, pk) not in after else f" {_changed(values, after[(label, pk)])}")
        for (label, pk), values in before.items()
        if after.get((label, pk)) != values
    ]


def _changed(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]


# Text that the app reads as structure, not prose: an identifier, a zone, a library key.
STRUCTURAL_TEXT_FIELDS = {
    "opportunities.Round.time_zone",
    "questions.PreparedQuestion.key",
    "practice.Attempt.question_key",
    "practice.Attempt.question_kind",
    "practice.Attempt.audio",
    "brief.AskChoice.library_id",
    "stories.Story.vector_digest",
    "portability.AccountExport.content",
    "brief.SalaryEntry.currency",
    "brief.SalaryPlan.currency",
    "sharing.BankComment.key",
    "sharing.CoachPackage.package_id",
    "sharing.CoachPackage.digest",
    "sharing.ReceivedPackage.package_id",
    "sharing.PackageComment.key",
    "sharing.PackageComment.item",
}


def plantable_fields(model: type[models.Model]) -> list[models.Field]:
    """CharFields and TextFields a person types into: not choices, URLs, e-mails or keys."""
    chosen = []
    for model_field in model._meta.concrete_fields:
        if not isinstance(model_field, models.CharField | models.TextField):
            continue
        if isinstance(model_field, models.URLField | models.EmailField | models.SlugField):
            continue
        if model_field.choices:
            continue
        if f"{model._meta.label}.{model_field.name}" in STRUCTURAL_TEXT_FIELDS:
            continue
        chosen.append(model_field)
    return chosen


def plant_payloads(owner) -> int:
    """Put both payloads into every free-text field of every row of the owner's.

    Each value keeps the start of what it held, so pages still find their words. A field
    too short for both payloads gets the one that fits, or is left as it was.
    Returns how many field values were planted.
    """
    planted = 0
    for row in list(owned_rows(owner)):
        changed = []
        for model_field in plantable_fields(type(row)):
            original = getattr(row, model_field.attname) or ""
            limit = model_field.max_length or 10_000
            for tail in (
                f" {SCRIPT_PAYLOAD} {ATTRIBUTE_PAYLOAD}",
                ATTRIBUTE_PAYLOAD,
                SCRIPT_PAYLOAD,
            ):
                if len(tail) <= limit:
                    keep = original[: max(0, limit - len(tail))]
                    setattr(row, model_field.attname, (keep + tail).strip())
                    changed.append(model_field.attname)
                    break
        if changed:
            type(row).objects.filter(pk=row.pk).update(
                **{name: getattr(row, name) for name in changed}
            )
            planted += len(changed)
    return planted


# What either payload looks like when it reaches the page as markup rather than text.
UNESCAPED_MARKERS = ("<script>alert(1)", "<img src=x onerror")


def unescaped_payloads(body: str) -> list[str]:
    return [marker for marker in UNESCAPED_MARKERS if marker in body]


# ---- the demo, with a row of every model ------------------------------------------------


def demo_with_every_model(*, now):
    """Load the demo candidate and add what it lacks, so every kind of page has a row.

    Written through the services where they compute something (practice reports, letters,
    the posting's needs), directly otherwise. Returns the demo user.
    """
    from decimal import Decimal

    from secondround.assistant.models import ModelCall, ModelSettings
    from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryEntry, SalaryPlan
    from secondround.demo import load_demo
    from secondround.followup import services as followup
    from secondround.followup.models import FitCriterion, FitScore, FitVerdict
    from secondround.opportunities.models import Round
    from secondround.portability.models import AccountExport
    from secondround.portability.tasks import build_account_export
    from secondround.practice import services as practice
    from secondround.practice.models import Attempt
    from secondround.questions import services as questions
    from secondround.research import services as research
    from secondround.research.models import InformationalInterview, SavedAnswer

    owner, _ = load_demo(now=now)
    second = Round.objects.filter(opportunity__owner=owner, number=2).first()
    opportunity = second.opportunity
    person = second.interviewers.order_by("position").first()

    session = practice.session_start(round=second)
    question = session.plan[0]
    if not second.attempts.exists():
        practice.attempt_typed(
            round=second,
            session=session,
            question=question,
            text="At Lakeshore I mapped our lanes in SQL and I cut cost per mile by 11%.",
        )
        spoken = Attempt.objects.create(
            round=second,
            question_key=question["key"],
            question_text=question["text"],
            question_kind=question.get("kind", ""),
            answer_text="Um, so I built the dashboard and OTIF rose from 91% to 95%.",
            seconds=14.0,
            words=[["Um,", 0.0, 0.4], ["so", 0.5, 0.7], ["I", 0.8, 0.9]],
        )
        practice.attempt_analyse(spoken)
        spoken.save(update_fields=["report"])
        practice.attempt_store_audio(attempt=spoken, data=b"RIFF\x00\x00\x00\x00WAVEfmt ")
    followup.notes_save(
        interviewer=person,
        values={"discussed": "The Joliet hub", "cares_about": "On-time rate", "worries": ""},
    )
    followup.letters_draft(round=second, owner=owner)
    follow_up = followup.follow_up_for(second)
    follow_up.decision_expected_on = now.date()
    follow_up.contact_name = "Priya Raman"
    followup.follow_up_save(follow_up=follow_up)
    criterion = FitCriterion.objects.create(opportunity=opportunity, name="Team", weight=4)
    FitScore.objects.create(criterion=criterion, round=second, score=4, evidence="Kind people")
    FitVerdict.objects.create(opportunity=opportunity, would_accept="yes", reasons="The team")
    AskChoice.objects.create(interviewer=person, text="What does a great first year look like?")
    NinetyDayPlan.objects.update_or_create(
        opportunity=opportunity, defaults={"learn": "The lanes", "lead": "Peak season"}
    )
    SalaryEntry.objects.create(
        opportunity=opportunity, source="Glassdoor", low=Decimal(80000), high=Decimal(95000)
    )
    SalaryPlan.objects.update_or_create(
        opportunity=opportunity, defaults={"target": Decimal(90000), "notes": "Flexible"}
    )
    InformationalInterview.objects.create(
        opportunity=opportunity, person="Jordan", takeaways="Peak season is hard"
    )
    research.source_paste(
        opportunity=opportunity, url="", title="Careers page", text="We value safety.", now=now
    )
    SavedAnswer.objects.create(
        opportunity=opportunity, kind="learned", text="You move cold freight."
    )
    questions.posting_analyse(opportunity=opportunity)
    questions.own_question_add(round=second, text="How would you cut empty miles?")
    bank_key = session.plan[-1]["key"]
    questions.question_set_prepared(round=second, key=bank_key, prepared=True)
    build_account_export.enqueue(AccountExport.objects.create(owner=owner).pk)
    # A model server on this machine (nothing listens there: the pages only read settings)
    # and one follow-up question it asked about an answer.
    ModelSettings.objects.update_or_create(
        owner=owner, defaults={"base_url": "http://127.0.0.1:9/v1", "model": "local-model"}
    )
    answered = second.attempts.exclude(answer_text="").first()
    ModelCall.objects.create(
        owner=owner,
        feature=ModelCall.Feature.FOLLOW_UP,
        subject=f"attempt:{answered.pk}",
        model="local-model",
        server="http://127.0.0.1:9/v1",
        status=ModelCall.Status.ACCEPTED,
        result="What would you do differently with the dispatch team?",
    )

    share_with_a_coach(owner, second, now=now)
    return owner


def share_with_a_coach(owner, round_, *, now) -> None:
    """A coach who has every section of the opportunity and commented on an item of each
    kind; an invitation waiting; a coach package made and opened (by the owner, as if a
    coach); the owner running a career centre."""
    from secondround.debrief.models import AskedQuestion, Concern, Observation
    from secondround.questions.selectors import round_bank
    from secondround.sharing import organisations, packages
    from secondround.sharing import services as sharing
    from secondround.sharing.models import Section, Share
    from secondround.sharing.targets import TARGETS

    opportunity = round_.opportunity
    every = {section.value: True for section in Section}
    coach = get_user_model().objects.create_user(
        "demo-coach", password="demo-coach-password", first_name="Casey", last_name="Coach"
    )
    share = sharing.share_create(
        owner=owner, opportunity=opportunity, grantee=coach, values=every | {"role": "coach"}
    )
    sharing.share_invite(
        owner=owner,
        opportunity=opportunity,
        values={"debrief": True, "role": Share.Role.COACH},
        invited_as="Sam Rivera",
        days=7,
        now=now,
    )
    mine = {"debrief__round__opportunity": opportunity}
    items = {
        "question": AskedQuestion.objects.filter(**mine).first(),
        "observation": Observation.objects.filter(**mine).first(),
        "concern": Concern.objects.filter(**mine).first(),
        "story": owner.stories.first(),
        "attempt": round_.attempts.first(),
        "interviewer": round_.interviewers.first(),
        "bank": round_,
    }
    for kind, item in items.items():
        key = round_bank(round_)[0].key if kind == "bank" else ""
        extra = {"competency": "teamwork", "score": 4} if kind == "attempt" else {}
        sharing.comment_add(
            target=TARGETS[kind],
            item=item,
            share=share,
            author=coach,
            text=f"Casey's note on this {kind}.",
            key=key,
            extra=extra,
        )
    package = packages.package_create(
        owner=owner, opportunity=opportunity, sections=list(Section), now=now
    )
    received, _ = packages.package_open(owner=owner, raw=packages.package_bytes(package))
    packages.package_comment(
        package=received, item=package.items[0], text="A comment in the package."
    )
    organisations.organisation_create(name="Lakeshore Career Centre", admin=owner)


def models_without_rows(owner) -> list[str]:
    return [
        model._meta.label
        for model, lookup in owned_models()
        if not model.objects.filter(**{lookup: owner}).exists()
    ]


# ---- every URL the project has ----------------------------------------------------------


def url_patterns() -> dict[str, URLPattern]:
    """Every named URL pattern of the project (the admin's left out), by name."""
    found: dict[str, URLPattern] = {}

    def walk(patterns) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    walk(pattern.url_patterns)
            elif pattern.name:
                found[pattern.name] = pattern

    walk(get_resolver().url_patterns)
    return found


def all_url_names() -> list[str]:
    return sorted(url_patterns())


def example_url(name: str, value: int = 999_999) -> str:
    """The URL of `name` with every id set to `value` (a slug to "x")."""
    converters = url_patterns()[name].pattern.converters
    kwargs = {
        key: value if type(converter).__name__ == "IntConverter" else "x"
        for key, converter in converters.items()
    }
    return reverse(name, kwargs=kwargs)
