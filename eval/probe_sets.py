"""Slot types and concern probes on sets nobody tuned on (issue 15, helper probes5).

Two checks of what the question bank and the questions to ask put in front of the user:

1. Slot types. The accounts of eval/slots_fresh4/ and eval/slots_fresh5/ (four occupations
   each that no other pack covers, written and labelled before any code was changed for
   them; see their READMEs) and, for
   comparison, the older packs, are imported into a throw-away database. Each labelled
   term (`slot_labels.csv`: pack, term, kind) is looked up in the entity index the bank
   fills its slots from (`bank_request(round).entities`); and every bank and ask question
   built from a slot template is matched back to its template, as eval/slot_types.py
   does, and its filler's labelled kind checked against what the template accepts.
2. Concern probes. eval/concern_probes/concerns.csv holds concerns a panel might raise
   (30, from 16 occupations), each with the posting duties nearby and the topic words a
   good probe must be about ("titrated drips independently": drip, titrat). The bank is
   built with that concern alone; its concern questions are on topic when one of them
   names a topic word, and pasted when one quotes the concern's own words whole.

    .venv/bin/python eval/probe_sets.py [--set fresh4 --set fresh3 ...] [--show]

FIGURE slot_kind_agreement_<set>: labelled terms whose engine kind is the labelled kind (a
`term` of no known kind agrees with any kind a slot may take, as in eval/term_kinds.py).
FIGURE slot_type_right_share_<set>: drafted slot fillers whose labelled kind the template
accepts (unlabelled fillers are counted apart, never scored).
FIGURE concern_probes_on_topic: concerns whose own questions name a topic word.
FIGURE concern_probes_own_on_topic: the same, counting only the concern's own questions
(not the walk-through of the posting duty closest to it).
FIGURE concern_probes_on_topic_no_duties: on topic when the bank is given no posting duties.
FIGURE concern_probes_pasted: concerns whose raw text is quoted whole inside a question.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parent
REPO_ROOT = EVAL.parent
sys.path.insert(0, str(EVAL))
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from scenario_drafts import (  # noqa: E402
    FRESH,
    FRESH2,
    FRESH3,
    HELDOUT,
    SLOTS_FRESH4,
    SLOTS_FRESH5,
    TODAY,
    _setup,
    pack_path,
)

SETS: dict[str, tuple[tuple[str, ...], Path]] = {
    "fresh5": (SLOTS_FRESH5, EVAL / "slots_fresh5" / "slot_labels.csv"),
    "fresh4": (SLOTS_FRESH4, EVAL / "slots_fresh4" / "slot_labels.csv"),
    "fresh3": (FRESH3, EVAL / "scenarios_fresh3" / "slot_labels.csv"),
    "fresh2": (FRESH2, EVAL / "scenarios_fresh2" / "slot_labels.csv"),
    "fresh": (FRESH, EVAL / "scenarios_fresh" / "slot_labels.csv"),
    "heldout": (HELDOUT, EVAL / "scenarios_heldout" / "slot_labels.csv"),
}
CONCERNS = EVAL / "concern_probes" / "concerns.csv"
# 24 more, written after the first set had been read while the probes were changed: scored
# on the old and the new code, never shown (`--blind`): eval/concern_probes/README.md.
CONCERNS_BLIND = EVAL / "concern_probes" / "concerns_blind.csv"
NEVER_ASKED = {"schedule", "not_a_skill", "person", "organisation", "competitor"}


def _labels(path: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            out.setdefault(row["pack"], {})[row["term"].strip()] = row["kind"].strip()
    return out


def _import(slugs: tuple[str, ...]) -> dict[str, tuple[Any, list[dict[str, Any]]]]:
    """Each pack imported once: (its latest round's entity index, drafts of rounds >= 2)."""
    os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-probes-"))
    _setup(tempfile.mkdtemp(prefix="secondround-probes-"))
    from django.contrib.auth import get_user_model

    from secondround.opportunities.models import Opportunity
    from secondround.overview.drafts import round_drafts
    from secondround.portability.services import account_import, load_export
    from secondround.questions.selectors import bank_request

    out: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
    for slug in slugs:
        owner = get_user_model().objects.create_user(slug, "", "scenario-pack-password")
        bundle = load_export(pack_path(slug).read_bytes())
        account_import(owner=owner, payload=bundle.payload, replace=False, files=bundle.files)
        for opportunity in Opportunity.objects.filter(owner=owner):
            rounds = list(opportunity.rounds.order_by("number"))
            drafts = [round_drafts(r, owner, today=TODAY) for r in rounds if r.number >= 2]
            out[slug] = (bank_request(rounds[-1]).entities, drafts)
    return out


def _slot_texts(drafts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    texts = []
    for round_ in drafts:
        texts += [("bank", q["text"]) for q in round_.get("bank", [])]
        texts += [("ask", q["text"]) for p in round_.get("ask", []) for q in p["questions"]]
    return texts


def score_slots(names: list[str], show: bool) -> None:
    from slot_types import _templates

    from secondround.engine.nlp.entities import SLOT_KINDS

    slot_kinds = {str(k) for k in SLOT_KINDS}
    templates = _templates()
    slugs = tuple(s for name in names for s in SETS[name][0])
    imported = _import(slugs)
    for name in names:
        packs, label_path = SETS[name]
        labels = _labels(label_path)
        agree: list[bool] = []
        unsafe: list[bool] = []
        right: list[bool] = []
        unlabelled = 0
        for slug in packs:
            index, drafts = imported[slug]
            for term, label in labels.get(slug, {}).items():
                kind = str(index.kind(term))
                ok = kind == label or (kind == "term" and label not in NEVER_ASKED)
                agree.append(ok)
                if kind in slot_kinds:
                    unsafe.append(label in NEVER_ASKED)
                if show and not ok:
                    print(f"[{name}/{slug}] kind {term!r}: label {label}, engine {kind}")
            folded = {t.casefold(): k for t, k in labels.get(slug, {}).items()}
            for where, text in _slot_texts(drafts):
                found = next(
                    ((tid, m, acc) for tid, pat, acc in templates if (m := pat.match(text))), None
                )
                if found is None:
                    continue
                template_id, match, accepts = found
                filler = match.group("filler").strip()
                label = folded.get(filler.casefold())
                if label is None:
                    unlabelled += 1
                    if show:
                        print(f"[{name}/{slug}/{where}] UNLABELLED {filler!r}: {text}")
                    continue
                right.append(label in accepts)
                if show:
                    verdict = "ok " if label in accepts else "BAD"
                    print(f"[{name}/{slug}/{where}] {verdict} {filler!r} ({label}): {text}")
        _figure(f"slot_kind_agreement_{name}", agree)
        _figure(f"slot_kind_unsafe_{name}", unsafe)
        note = f"{len(right)} labelled, {unlabelled} unlabelled"
        _figure(f"slot_type_right_share_{name}", right, note)


def _figure(name: str, oks: list[bool], note: str = "") -> None:
    share = f"{sum(oks) / len(oks):.3f}" if oks else "nan"
    print(f"FIGURE {name} {share} share ({note or len(oks)})")


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w'’&/+-]+", text.casefold()))


def score_concerns(show: bool, path: Path = CONCERNS, suffix: str = "") -> None:
    from secondround.engine.questions.question_bank import BankRequest, build_bank

    on_topic: list[bool] = []
    own_topic: list[bool] = []
    bare_topic: list[bool] = []
    pasted: list[bool] = []
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        duties = [d.strip() for d in row["duties"].split("|") if d.strip()]
        topics = [t.strip().casefold() for t in row["topics"].split(";") if t.strip()]
        bank = build_bank(BankRequest(concerns=[row["concern"]], duties=duties))
        asked = [q.text for q in bank if q.source == "concern"]
        hit = any(any(t in q.casefold() for t in topics) for q in asked)
        # The concern's own questions, not the walk-through of the posting duty beside it.
        own = [q for q in asked if not q.startswith("Walk me through how you would")]
        own_topic.append(any(any(t in q.casefold() for t in topics) for q in own))
        # With no posting duties at all (a posting that does not say it).
        bare = [
            q.text
            for q in build_bank(BankRequest(concerns=[row["concern"]]))
            if q.source == "concern"
        ]
        bare_topic.append(any(any(t in q.casefold() for t in topics) for q in bare))
        raw = _words(row["concern"])
        quoted = len(raw.split()) >= 3 and any(raw in _words(q) for q in asked)
        on_topic.append(hit)
        pasted.append(quoted)
        if show:
            mark = "ok " if hit else "OFF"
            mark += " PASTED" if quoted else ""
            print(f"[{row['occupation']}] {mark} {row['concern']!r}")
            for text in asked:
                print(f"      - {text}")
    _figure(f"concern_probes_on_topic{suffix}", on_topic)
    _figure(f"concern_probes_own_on_topic{suffix}", own_topic)
    _figure(f"concern_probes_on_topic_no_duties{suffix}", bare_topic)
    _figure(f"concern_probes_pasted{suffix}", pasted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=sorted(SETS), help="slot sets")
    parser.add_argument("--show", action="store_true", help="print every verdict")
    parser.add_argument("--no-slots", action="store_true", help="concern probes only")
    args = parser.parse_args(argv)
    score_concerns(args.show)
    score_concerns(False, CONCERNS_BLIND, "_blind")  # never shown: see CONCERNS_BLIND
    if not args.no_slots:
        score_slots(args.set or ["fresh4"], args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
