"""What an account export holds: a tree of models, each exported with its own fields.

Adding an area to the export is one `Node` here; validation comes from the models'
own field definitions (choices, lengths, validators, constraints) through full_clean.
A test walks the app registry and fails for any model or field that holds a user's data
and is neither exported here nor named in NOT_EXPORTED with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from secondround.accounts.models import LoginFailure, SignupInvitation
from secondround.assistant.models import ModelCall, ModelSettings
from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryEntry, SalaryPlan
from secondround.debrief.models import AskedQuestion, Concern, Debrief, GlossaryTerm, Observation
from secondround.followup.models import (
    FitCriterion,
    FitScore,
    FitVerdict,
    FollowUp,
    InterviewerNote,
    Letter,
)
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.portability.models import AccountExport
from secondround.practice.models import Attempt, PracticeSession
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import (
    CompanyProfile,
    CompetencyNeed,
    InformationalInterview,
    InterviewerResearch,
    PressItem,
    ResearchSource,
    SavedAnswer,
    SkillNeed,
)
from secondround.sharing.models import (
    COMMENT_MODELS,
    AccessLog,
    AttemptComment,
    BankComment,
    CoachPackage,
    ConcernComment,
    InterviewerComment,
    Membership,
    ObservationComment,
    Organisation,
    OrganisationInvitation,
    PackageComment,
    QuestionComment,
    ReceivedPackage,
    Share,
    ShareInvitation,
    StoryComment,
)
from secondround.stories.models import Story


@dataclass(frozen=True)
class Node:
    model: type[models.Model]
    key: str  # the JSON key holding a list of these under the parent
    parent_field: str  # the foreign key to the parent (or to the owner, at the root)
    fields: tuple[str, ...]
    order_by: tuple[str, ...] = ("pk",)
    children: tuple[Node, ...] = ()
    # Foreign keys to a round of the same opportunity, written as that round's number.
    round_refs: tuple[str, ...] = ()
    # Foreign keys to rows exported earlier in the same file, written as that row's "id"
    # (a number local to the file): ids change between databases.
    refs: tuple[str, ...] = ()
    # JSON lists whose items name another exported row by id: (field, item key, model).
    list_refs: tuple[tuple[str, str, type[models.Model]], ...] = ()
    # File fields: written as a member name of the export archive, or "" when the
    # export was made without its files.
    files: tuple[str, ...] = ()


# A coach's comments travel with the item they sit beside, under the author's name.
COMMENT_FIELDS = ("author", "text", "created_at", "done_at")


def _comments(model: type[models.Model], parent_field: str, *extra: str, key="comments") -> Node:
    return Node(
        model=model,
        key=key,
        parent_field=parent_field,
        fields=(*extra, *COMMENT_FIELDS),
        order_by=("created_at", "pk"),
    )


OPPORTUNITIES = Node(
    model=Opportunity,
    key="opportunities",
    parent_field="owner",
    fields=(
        "company",
        "role_title",
        "posting_text",
        "source_url",
        "status",
        "notes",
        "archived_at",
        "created_at",
        "updated_at",
    ),
    order_by=("created_at", "pk"),
    children=(
        Node(
            model=Round,
            key="rounds",
            parent_field="opportunity",
            fields=(
                "number",
                "name",
                "starts_at",
                "ends_at",
                "time_zone",
                "location",
                "video_link",
                "format",
                "notes",
                "created_at",
            ),
            order_by=("number",),
            children=(
                Node(
                    model=Interviewer,
                    key="interviewers",
                    parent_field="round",
                    fields=(
                        "honorific",
                        "name",
                        "pronunciation",
                        "title",
                        "relation",
                        "email",
                        "profile_url",
                        "starts_at",
                        "ends_at",
                        "notes",
                        "position",
                    ),
                    order_by=("position", "pk"),
                    children=(
                        Node(
                            model=InterviewerNote,
                            key="after_notes",
                            parent_field="interviewer",
                            fields=(
                                "discussed",
                                "cares_about",
                                "worries",
                                "personal",
                                "updated_at",
                            ),
                        ),
                        Node(
                            model=Letter,
                            key="letter",
                            parent_field="interviewer",
                            fields=(
                                "form",
                                "subject",
                                "body",
                                "card",
                                "generic",
                                "edited",
                                "sent_at",
                                "drafted_at",
                                "updated_at",
                            ),
                        ),
                        Node(
                            model=AskChoice,
                            key="ask_choices",
                            parent_field="interviewer",
                            fields=("library_id", "text", "position"),
                            order_by=("position", "pk"),
                        ),
                        Node(
                            model=InterviewerResearch,
                            key="research",
                            parent_field="interviewer",
                            fields=(
                                "background",
                                "shared_experience",
                                "talking_points",
                                "profile_notes",
                            ),
                        ),
                        _comments(InterviewerComment, "interviewer"),
                    ),
                ),
                Node(
                    model=Debrief,
                    key="debrief",
                    parent_field="round",
                    fields=(
                        "challenges",
                        "reviewed_with",
                        "review_notes",
                        "raw_notes",
                        "updated_at",
                    ),
                    children=(
                        Node(
                            model=AskedQuestion,
                            key="questions",
                            parent_field="debrief",
                            fields=(
                                "text",
                                "went",
                                "my_answer",
                                "wish_i_said",
                                "competency",
                                "kind",
                                "position",
                            ),
                            order_by=("position", "pk"),
                            children=(_comments(QuestionComment, "question"),),
                        ),
                        Node(
                            model=Observation,
                            key="observations",
                            parent_field="debrief",
                            fields=("kind", "text", "position"),
                            order_by=("kind", "position", "pk"),
                            children=(_comments(ObservationComment, "observation"),),
                        ),
                        Node(
                            model=Concern,
                            key="concerns",
                            parent_field="debrief",
                            fields=("said", "raised_by", "planned_answer", "position"),
                            order_by=("position", "pk"),
                            children=(_comments(ConcernComment, "concern"),),
                        ),
                    ),
                ),
                Node(
                    model=FollowUp,
                    key="follow_up",
                    parent_field="round",
                    fields=(
                        "decision_expected_on",
                        "follow_up_on",
                        "contact_name",
                        "contact_email",
                        "sent_at",
                        "outcome",
                        "feedback_requested_at",
                    ),
                ),
                Node(
                    model=OwnQuestion,
                    key="own_questions",
                    parent_field="round",
                    fields=("text", "competency", "kind", "created_at"),
                    order_by=("created_at", "pk"),
                ),
                Node(
                    model=PreparedQuestion,
                    key="prepared_questions",
                    parent_field="round",
                    fields=("key", "prepared_at"),
                    order_by=("key",),
                ),
                _comments(BankComment, "round", "key", key="bank_comments"),
                Node(
                    model=PracticeSession,
                    key="practice_sessions",
                    parent_field="round",
                    fields=("plan", "position", "started_at", "finished_at"),
                    order_by=("started_at", "pk"),
                    list_refs=(("plan", "interviewer", Interviewer),),
                ),
                Node(
                    model=Attempt,
                    key="attempts",
                    parent_field="round",
                    fields=(
                        "session",
                        "interviewer",
                        "question_key",
                        "question_text",
                        "question_kind",
                        "answer_text",
                        "seconds",
                        "audio",
                        "words",
                        "partial",
                        "report",
                        "status",
                        "error",
                        "created_at",
                    ),
                    order_by=("created_at", "pk"),
                    refs=("session", "interviewer"),
                    files=("audio",),
                    children=(_comments(AttemptComment, "attempt", "competency", "score"),),
                ),
            ),
        ),
        Node(
            model=NinetyDayPlan,
            key="plan",
            parent_field="opportunity",
            fields=("learn", "contribute", "lead", "updated_at"),
        ),
        Node(
            model=SalaryEntry,
            key="salary_entries",
            parent_field="opportunity",
            fields=("source", "low", "high", "currency", "as_of"),
        ),
        Node(
            model=SalaryPlan,
            key="salary_plan",
            parent_field="opportunity",
            fields=("currency", "target", "walk_away", "benefits", "notes"),
        ),
        Node(
            model=FitCriterion,
            key="fit_criteria",
            parent_field="opportunity",
            fields=("name", "weight", "position"),
            order_by=("position", "pk"),
            children=(
                Node(
                    model=FitScore,
                    key="scores",
                    parent_field="criterion",
                    fields=("round", "score", "evidence"),
                    round_refs=("round",),
                ),
            ),
        ),
        Node(
            model=FitVerdict,
            key="fit_verdict",
            parent_field="opportunity",
            fields=("would_accept", "reasons", "updated_at"),
        ),
        Node(
            model=CompetencyNeed,
            key="competency_needs",
            parent_field="opportunity",
            fields=("competency", "weight", "evidence", "origin"),
            order_by=("competency",),
        ),
        Node(
            model=SkillNeed,
            key="skill_needs",
            parent_field="opportunity",
            fields=("name", "kind", "evidence", "origin", "position"),
            order_by=("position", "pk"),
        ),
        Node(
            model=CompanyProfile,
            key="profile",
            parent_field="opportunity",
            fields=(
                "industry",
                "products",
                "launches",
                "competitors",
                "values",
                "social_media",
                "updated_at",
            ),
        ),
        Node(
            model=PressItem,
            key="press_items",
            parent_field="opportunity",
            fields=("title", "url", "published_on", "summary"),
        ),
        Node(
            model=InformationalInterview,
            key="informational_interviews",
            parent_field="opportunity",
            fields=("person", "held_on", "takeaways"),
        ),
        Node(
            model=ResearchSource,
            key="sources",
            parent_field="opportunity",
            fields=("url", "title", "text", "method", "retrieved_at"),
        ),
        Node(
            model=GlossaryTerm,
            key="glossary",
            parent_field="opportunity",
            fields=("term", "meaning", "where_heard", "heard_in", "source"),
            round_refs=("heard_in",),
        ),
        Node(
            model=SavedAnswer,
            key="saved_answers",
            parent_field="opportunity",
            fields=("kind", "text", "updated_at"),
            order_by=("kind",),
        ),
    ),
)

STORIES = Node(
    model=Story,
    key="stories",
    parent_field="owner",
    fields=(
        "title",
        "situation",
        "task",
        "action",
        "result",
        "metric",
        "metric_before",
        "metric_after",
        "employer",
        "role",
        "year",
        "competencies",
        "skills",
        "how_acquired",
        "learned",
        "created_at",
        "updated_at",
    ),
    order_by=("created_at", "pk"),
    children=(_comments(StoryComment, "story"),),
)

# Everything an account holds, each root under the owner.
EXPORT_ROOTS = (OPPORTUNITIES, STORIES)

# The account's own fields that travel with it (the person's name signs their letters).
ACCOUNT_FIELDS = ("first_name", "last_name")

# What is deliberately left out, with the reason; the round-trip test holds the rest.
NOT_EXPORTED: dict[type[models.Model], str] = {
    AccountExport: "an export is a copy of the account, made again on demand",
    LoginFailure: "failed log-ins kept for throttling, by the server, not the person's data",
    SignupInvitation: "a server's sign-up link, not part of anyone's account",
    ModelSettings: "a machine's connection to its own model server (an address and a secret "
    "key), set again where the account is imported",
    ModelCall: "the log of calls to that server from this installation",
    Share: "a grant from this account to another account of this server",
    ShareInvitation: "a server's link that gives a share, not part of anyone's account",
    AccessLog: "this server's record of other accounts reading this one (shown per share)",
    Organisation: "a career centre run on this server, not one person's data",
    Membership: "belonging to an organisation of this server",
    OrganisationInvitation: "a server's link that makes a coach, not part of an account",
    CoachPackage: "a package this server made; its reply must come back to this server",
    ReceivedPackage: "another person's package, kept to answer it; the reply file is its export",
    PackageComment: "goes out in the reply file of its package",
}
NOT_EXPORTED_FIELDS: dict[type[models.Model], dict[str, str]] = {
    **{
        model: {
            "owner": "the coach's account exists on this server only; the name travels as author",
            "share": "a share is between two accounts of this server",
        }
        for model in COMMENT_MODELS
    },
    Opportunity: {
        "posting_reading": "read again from the posting when it is imported",
        "posting_read_digest": "goes with the reading",
        "data_version": "this server's stamp for its caches, made anew when the row is saved",
    },
    Story: {
        "vector": "the embedding is recomputed from the text on first use",
        "vector_digest": "goes with the embedding",
    },
}


def every_node(roots: tuple[Node, ...] = EXPORT_ROOTS):
    for node in roots:
        yield node
        yield from every_node(node.children)


# Models whose rows other rows name by id; only these carry an "id" in the file.
REFERENCED = {
    *(
        node.model._meta.get_field(name).related_model
        for node in every_node()
        for name in node.refs
    ),
    *(model for node in every_node() for _, _, model in node.list_refs),
}
