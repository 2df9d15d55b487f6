"""Careful-reader shares from a human review of drafted sentences (issue 15).

A review is two files beside the pack: ``review_<name>.tsv`` (pack, drafter, sentence; one
line per drafted sentence read, in reading order) and ``review_<name>_fails.txt`` (line
number | failure class | why). The figures are a person's reading, not a model's: this
script only counts them.

    .venv/bin/python eval/review_shares.py eval/scenarios_fresh4 before
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

KINDS = ("letters", "answers", "plan", "bank", "ask", "salary", "follow_up")


def main(argv: list[str]) -> int:
    folder, name = Path(argv[0]), argv[1]
    rows = [
        line.rstrip("\n").split("\t")
        for line in (folder / f"review_{name}.tsv").read_text(encoding="utf-8").splitlines()
    ]
    fails: dict[int, str] = {}
    for line in (folder / f"review_{name}_fails.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            number, klass, _ = line.split("|", 2)
            fails[int(number)] = klass
    read, bad, per_pack, bad_pack, classes = Counter(), Counter(), Counter(), Counter(), Counter()
    for number, (slug, drafter, _) in enumerate(rows, 1):
        read[drafter] += 1
        per_pack[slug] += 1
        if number in fails:
            bad[drafter] += 1
            bad_pack[slug] += 1
            classes[fails[number]] += 1
    total, failing = sum(read.values()), sum(bad.values())
    print(f"FIGURE reader_pass_share_{name} {(total - failing) / total:.3f} share ({total})")
    for kind in KINDS:
        if read[kind]:
            share = (read[kind] - bad[kind]) / read[kind]
            print(f"FIGURE reader_pass_share_{name}_{kind} {share:.3f} share ({read[kind]})")
    for slug in per_pack:
        share = (per_pack[slug] - bad_pack[slug]) / per_pack[slug]
        print(f"FIGURE reader_pass_share_{name}_{slug} {share:.3f} share ({per_pack[slug]})")
    print("failing by class:", dict(sorted(classes.items(), key=lambda kv: int(kv[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
