"""How long drafting a round's letters, 30/60/90-day plan and questions to ask takes.

Each scenario pack (eval/scenarios/) is imported into a throw-away database; the models
(spaCy, the inflection tables) are loaded once by a warm-up round. Then, per pack:

* first: the first drafting of that round in the process, its notes never parsed before
  (the page a user opens after typing their notes);
* again: the same round drafted again (the page viewed again), median of 20 runs.

Both go through the product's own selectors (letters via followup.services.drafted, the
plan via brief.selectors.plan_draft, questions via brief.selectors.ask_lists), database
reads included.

    SECONDROUND_HOME=$(mktemp -d) .venv/bin/python bench/drafting_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "eval"))
sys.path.insert(0, str(REPO_ROOT))

from scenario_drafts import DEV, TEST, _setup  # noqa: E402

AGAIN_RUNS = 20


def main() -> int:
    import tempfile

    _setup(tempfile.mkdtemp(prefix="secondround-bench-"))
    from django.contrib.auth import get_user_model

    from secondround.brief.selectors import ask_lists, plan_draft
    from secondround.followup.services import drafted
    from secondround.opportunities.models import Round
    from secondround.portability.services import account_import, load_export

    users = get_user_model().objects
    rounds = []
    for slug in DEV + TEST:
        owner = users.create_user(slug, "", "bench-password")
        bundle = load_export((REPO_ROOT / "eval" / "scenarios" / f"{slug}.json").read_bytes())
        account_import(owner=owner, payload=bundle.payload, replace=False, files=bundle.files)
        rounds.append(Round.objects.get(opportunity__owner=owner, number=2))

    def draft(round_: Round) -> None:
        drafted(round_, round_.opportunity.owner)
        plan_draft(round_.opportunity)
        ask_lists(round_)

    # Warm-up: load the models on a round that is not measured.
    warm, measured = rounds[0], rounds[1:]
    draft(warm)
    first, again = [], []
    for round_ in measured:
        start = time.process_time()
        draft(round_)
        first.append((time.process_time() - start) * 1000)
        runs = []
        for _ in range(AGAIN_RUNS):
            start = time.process_time()
            draft(round_)
            runs.append((time.process_time() - start) * 1000)
        again.append(statistics.median(runs))
    print(f"FIGURE drafting_round_first_median {statistics.median(first):.0f} ms")
    print(f"FIGURE drafting_round_first_max {max(first):.0f} ms")
    print(f"FIGURE drafting_round_again_median {statistics.median(again):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
