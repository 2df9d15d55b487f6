"""People's names found by the reader's shape rules beside spaCy's PERSON entities.

    .venv/bin/python eval/invitation_names.py

For every corpus item (eval/invitations_corpus), the share of the interviewers' names
(as labelled, honorific left out) that each finder returns exactly, and how many spans it
returns in all, with the time each takes. Split by source as in eval/invitations.py; only
totals are printed.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from invitations import bare_name, item_source, split_of  # noqa: E402

from secondround.engine.nlp import parsing as nlp  # noqa: E402
from secondround.engine.reading.invitation import _clean_text  # noqa: E402
from secondround.engine.reading.invitation_files import read_invitation_file  # noqa: E402
from secondround.engine.reading.invitation_names import find_names  # noqa: E402

CORPUS = ROOT / "eval" / "invitations_corpus" / "items"


def main() -> None:
    totals = {
        split: {"names": 0, "rules": [0, 0, 0.0], "spacy": [0, 0, 0.0]} for split in ("dev", "test")
    }
    for path in sorted(CORPUS.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        source = item_source(path)
        text = _clean_text(read_invitation_file(source.read_bytes(), source.name).text)
        gold = {bare_name(row["name"]) for row in expected["roster"]}
        tally = totals[split_of(expected["source_id"])]
        tally["names"] += len(gold)
        started = time.perf_counter()
        rules = {bare_name(span.name) for line in text.split("\n") for span in find_names(line)}
        tally["rules"][2] += time.perf_counter() - started
        started = time.perf_counter()
        doc = nlp.parse(text)
        spacy = {bare_name(e.text.split("\n")[0]) for e in doc.ents if e.label_ == "PERSON"}
        tally["spacy"][2] += time.perf_counter() - started
        for key, found in (("rules", rules), ("spacy", spacy)):
            tally[key][0] += len(gold & found)
            tally[key][1] += len(found)
    for split, tally in totals.items():
        names = max(tally["names"], 1)
        for key in ("rules", "spacy"):
            right, spans, seconds = tally[key]
            print(f"FIGURE invitation_names_{split}_{key}_recall {right / names:.3f} ratio")
            print(f"FIGURE invitation_names_{split}_{key}_spans {spans} spans")
            print(f"FIGURE invitation_names_{split}_{key}_seconds {seconds:.2f} s")


if __name__ == "__main__":
    main()
