"""Train the invitation reader's relation and interviewer models on the labelled invitations.

    .venv/bin/python scripts/train_invitation_models.py [--only relation|interviewer]

The interviewer model (invitation_interviewers: does this named person interview?) learns
from the same items and the development sets (eval/invitation_sets.py
interviewer_training_items); eval/invitation_interviewer_model.py scores it leaving each
source out, beside the rules. Paste its printed digest into MODEL_FILE_SHA256 of
secondround/engine/reading/invitation_interviewers.py.

Reads every item of eval/invitations_corpus and the dev sources of eval/invitations_fresh
(never the fresh set's test sources, which stay an untouched check, nor eval/blind) with
the rules alone, pairs each listed person's relation view with its label
(eval/invitation_sets.py), fits the softmax of invitation_relation_model and writes
secondround/data/models/invitation_relation.npz. Prints the file's SHA-256: paste it into
MODEL_FILE_SHA256 of secondround/engine/reading/invitation_relation_model.py, or the
reader will not load the new file.

L2, the rank features and the policy (the model fills only rows the rules leave without
a relation) were chosen leaving each source out; eval/invitations.py scores the corpus and
the fresh set the same way, each source with a model fitted without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from invitation_sets import (  # noqa: E402
    interviewer_model,
    interviewer_training_items,
    record_rows,
    relation_model_for,
    training_items,
)

from secondround.engine.reading import invitation_interviewers as interviewers  # noqa: E402
from secondround.engine.reading import invitation_relation_model as relation_model  # noqa: E402


def main() -> None:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    if only in ("", "relation"):
        train_relation()
    if only in ("", "interviewer"):
        train_interviewer()


def train_interviewer() -> None:
    items = interviewer_training_items()
    record_rows(items)
    digest = interviewers.save_model(interviewer_model(items))
    rows = sum(len(item.people) for item in items)
    sources = len({item.source_id for item in items})
    where = interviewers.MODEL_PATH.relative_to(ROOT)
    print(f"{where}: {rows} person rows of {len(items)} items, {sources} sources")
    print(f"MODEL_FILE_SHA256 = {digest!r}")


def train_relation() -> None:
    items = training_items()
    record_rows(items)
    model = relation_model_for(items)
    digest = relation_model.save_model(model)
    rows = sum(len(item.relations) for item in items)
    sources = len({item.source_id for item in items})
    where = relation_model.MODEL_PATH.relative_to(ROOT)
    print(f"{where}: {rows} relation rows of {len(items)} items, {sources} sources")
    print(f"MODEL_FILE_SHA256 = {digest!r}")


if __name__ == "__main__":
    main()
