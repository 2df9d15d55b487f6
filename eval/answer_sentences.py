"""Every answer-draft sentence of some packs, one per line, for a careful reader (issue 15).

Prints ``pack<TAB>answers<TAB>sentence`` in reading order, split as `prose_check.items()`
splits them, so the output is a ``review_<name>.tsv`` for `eval/review_shares.py`:

    .venv/bin/python eval/answer_sentences.py bus_driver lab_tech > review_x.tsv

Run it with an older checkout first on PYTHONPATH for a baseline in the same run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prose_check import items  # noqa: E402
from scenario_drafts import load_packs  # noqa: E402


def main(slugs: list[str]) -> int:
    for pack in load_packs(tuple(slugs)):
        for drafts in pack.rounds:
            for drafter, sentence, _ in items(drafts):
                if drafter == "answers":
                    print(f"{pack.slug}\tanswers\t{sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
