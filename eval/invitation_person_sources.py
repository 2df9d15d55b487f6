"""Where interviewers' names could come from: the reader's name rules beside spaCy's PERSON
entities, side by side, counted only (no item, name or text is printed).

    .venv/bin/python eval/invitation_person_sources.py

For every labelled set but the blind one, the share of expected interviewers whose name
(without honorific) is among the candidates of each source: the rules (find_names over
each line), spaCy's PERSON entities (over the whole text), and either. Candidates per item
say how many names each source offers (more candidates cost precision later). A recall
ceiling for the people stage: a name no source offers cannot be found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import invitations as ev  # noqa: E402

from secondround.engine.nlp import parsing as nlp  # noqa: E402
from secondround.engine.reading.invitation_files import read_invitation_file  # noqa: E402
from secondround.engine.reading.invitation_names import find_names  # noqa: E402


def _rule_names(text: str) -> set[str]:
    return {ev.bare_name(span.name) for line in text.splitlines() for span in find_names(line)}


def _spacy_names(text: str) -> set[str]:
    doc = nlp.parse(text)
    return {ev.bare_name(ent.text) for ent in doc.ents if ent.label_ == "PERSON"}


def main() -> None:
    for set_name, (folder, pattern) in ev.SETS.items():
        if set_name in ("blind", "fixtures"):
            continue
        wanted = rules = spacy = either = items = 0
        offered_rules = offered_spacy = 0
        for path in sorted(folder.glob(pattern)):
            expected = json.loads(path.read_text(encoding="utf-8"))
            source = ev.item_source(path)
            text = read_invitation_file(source.read_bytes(), source.name).text
            by_rules, by_spacy = _rule_names(text), _spacy_names(text)
            items += 1
            offered_rules += len(by_rules)
            offered_spacy += len(by_spacy)
            for row in expected["roster"]:
                name = ev.bare_name(row["name"])
                wanted += 1
                rules += name in by_rules
                spacy += name in by_spacy
                either += name in by_rules or name in by_spacy
        prefix = f"invitation_person_sources_{set_name}"
        for label, count in (("rules", rules), ("spacy", spacy), ("either", either)):
            print(f"FIGURE {prefix}_{label}_recall {ev.ratio(count, wanted):.3f} ratio")
        print(f"FIGURE {prefix}_rules_candidates {offered_rules / max(items, 1):.1f} per_item")
        print(f"FIGURE {prefix}_spacy_candidates {offered_spacy / max(items, 1):.1f} per_item")


if __name__ == "__main__":
    main()
