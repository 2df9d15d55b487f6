"""The one owner-scoped lookup every app uses: an outsider's id is simply not found (404).

Each owned model says how it reaches its owner in `OWNER_PATH` (an ORM path such as
"round__opportunity__owner"); a model without one has an `owner` field of its own.
Coaches reach shared rows through `secondround.sharing.access`, which builds on this.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.shortcuts import get_object_or_404

Row = TypeVar("Row", bound=models.Model)


def owner_path(model: type[models.Model]) -> str:
    return str(getattr(model, "OWNER_PATH", "owner"))


def get_owned(source: type[Row] | models.QuerySet[Row], owner: Any, **lookup: Any) -> Row:
    """The row of `source` (a model or a queryset) matching `lookup` that `owner` owns."""
    queryset = source if isinstance(source, models.QuerySet) else source._default_manager.all()
    return get_object_or_404(queryset, **lookup, **{owner_path(queryset.model): owner})
