"""What an account export holds: a tree of models, each exported with its own fields.

Adding an area to the export is one `Node` here; validation comes from the models'
own field definitions (choices, lengths, validators, constraints) through full_clean.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from secondround.opportunities.models import Interviewer, Opportunity, Round


@dataclass(frozen=True)
class Node:
    model: type[models.Model]
    key: str  # the JSON key holding a list of these under the parent
    parent_field: str  # the foreign key to the parent (or to the owner, at the root)
    fields: tuple[str, ...]
    order_by: tuple[str, ...] = ("pk",)
    children: tuple[Node, ...] = ()


EXPORT_TREE = Node(
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
                ),
            ),
        ),
    ),
)
