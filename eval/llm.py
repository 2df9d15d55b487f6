"""Reading and drafting through the language model the environment names, side by side
with the deterministic engine (issue 18). Not part of `make test` or `make eval`:

    SECONDROUND_LLM_BASE_URL=http://localhost:11434/v1 SECONDROUND_LLM_MODEL=qwen2.5:7b \\
        make eval-llm            # or: .venv/bin/python eval/llm.py [--limit N]

Only the sets nobody tunes on are read: the invitation corpus's test sources, the
held-out and blind invitations; the notes corpus's test sources and held-out notes; the
scenario packs held out while the drafters were written (eval/scenarios, TEST). Each item
is read by the engine alone and by the engine merged with the model's checked reading
(engine/reading/model_reading.py), scored by the existing evaluations' own scorers
(eval/invitations.py, eval/notes_split.py); each letter, follow-up and answer draft is
rewritten and checked (engine/assisted.rewrite_checked), and the prose check
(eval/prose_check.py's rules) is run on the draft and on what the person would be shown.

FIGURE lines, the engine's beside the model's: invitation rows right, notes F1, prose
check pass share, the share of model replies accepted by the checks, and the median
latency of a call. With no server configured it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from secondround.assistant.direct import (  # noqa: E402
    Answer,
    EnvironmentServer,
    ask,
    environment_server,
)

NOT_CONFIGURED = (
    "eval-llm: no language model is configured, so there is nothing to evaluate. Set "
    "SECONDROUND_LLM_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) and "
    "SECONDROUND_LLM_MODEL; see the README, “Using your own language model”."
)


class Calls:
    """Every model call of the run: latency, and whether the checks accepted the reply."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.accepted: dict[str, list[bool]] = defaultdict(list)
        self.failures: dict[str, int] = defaultdict(int)
        self.first_error: dict[str, str] = {}

    def record(self, feature: str, answer: Answer, accepted: bool) -> None:
        if answer.value is None:
            self.failures[feature] += 1
            self.first_error.setdefault(feature, answer.error)
        else:
            self.seconds.append(answer.seconds)
        self.accepted[feature].append(accepted)


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else float("nan")


# ---- invitations ---------------------------------------------------------------------


def invitation_items(limit: int) -> Iterator[tuple[str, Path, dict]]:
    from invitations import SETS, split_of

    for set_name in ("corpus", "heldout", "blind"):
        folder, pattern = SETS[set_name]
        paths = sorted(folder.glob(pattern))
        kept = []
        for path in paths:
            expected = json.loads(path.read_text(encoding="utf-8"))
            if set_name == "corpus" and split_of(expected.get("source_id", path.name)) != "test":
                continue
            kept.append((path, expected))
        for path, expected in kept[: limit or None]:
            yield (set_name if set_name != "corpus" else "corpus_test"), path, expected


def run_invitations(configured: EnvironmentServer, calls: Calls, limit: int) -> None:
    from invitations import Score, item_source, ratio, score_item

    from secondround.engine.reading import invitation, invitation_files
    from secondround.engine.reading.model_reading import (
        INVITATION_SCHEMA,
        ONLY_THE_MODEL,
        invitation_checked,
        invitation_prompt,
        merge_invitation,
    )

    engine: dict[str, Score] = defaultdict(Score)
    merged_scores: dict[str, Score] = defaultdict(Score)  # as saved: model-only rows unticked
    listed_scores: dict[str, Score] = defaultdict(Score)  # every row the command line prints
    for set_name, path, expected in invitation_items(limit):
        source = item_source(path)
        today = date.fromisoformat(expected["today"])
        zone = expected.get("default_time_zone")
        read = invitation_files.read_invitation_file(source.read_bytes(), source.name)
        parsed = invitation_files.parse_invitation_text(read, today=today, default_time_zone=zone)
        text, addressed = read.text, invitation_files.addressed(read)
        names = [*(entry.name for entry in parsed.entries), *addressed]
        answer = ask(configured, invitation_prompt(text), schema=INVITATION_SCHEMA, names=names)
        calls.record("reading", answer, invitation_checked(answer.value, text=text).accepted)
        listed, saved = parsed, parsed
        if answer.value is not None:
            result = merge_invitation(
                parsed,
                answer.value,
                text=text,
                candidate=addressed,
                settled_times=invitation_files.calendar_times(read),
            )
            listed = result.parsed
            kept = [
                entry
                for entry, note in zip(listed.entries, result.notes, strict=True)
                if note != ONLY_THE_MODEL
            ]
            saved = replace(listed, entries=kept)
        agenda = [item.label for item in parsed.agenda]
        readings = ((engine, parsed), (merged_scores, saved), (listed_scores, listed))
        for scores, reading in readings:
            found = {"rows": invitation.roster_as_json(reading), "agenda": agenda}
            scores[set_name].add(score_item(path, expected, found))
    for set_name in engine:
        one, other = engine[set_name], merged_scores[set_name]
        prefix = f"llm_invitation_{set_name}"
        print(f"FIGURE {prefix}_rows_right {ratio(one.rows_right, one.rows_counted):.3f} ratio")
        rows = ratio(other.rows_right, other.rows_counted)
        print(f"FIGURE {prefix}_rows_right_with_model {rows:.3f} ratio")
        every = listed_scores[set_name]
        rows = ratio(every.rows_right, every.rows_counted)
        print(f"FIGURE {prefix}_rows_right_with_model_all_listed {rows:.3f} ratio")


# ---- notes --------------------------------------------------------------------------


def run_notes(configured: EnvironmentServer, calls: Calls, limit: int) -> None:
    from note_sets import HELDOUT, corpus_split, load_notes
    from notes_split import Tally, score_note

    from secondround.engine.reading.model_reading import (
        NOTES_SCHEMA,
        merge_notes,
        notes_checked,
        notes_prompt,
    )
    from secondround.engine.reading.notes import split_notes, split_notes_as_json

    sets = {"corpus_test": corpus_split("test"), "heldout": load_notes(HELDOUT, "heldout")}
    for set_name, notes in sets.items():
        engine, merged_tally = Tally(), Tally()
        for note in notes[: limit or None]:
            split = split_notes(note.text)
            answer = ask(configured, notes_prompt(note.text), schema=NOTES_SCHEMA)
            accepted = notes_checked(answer.value, text=note.text).accepted
            calls.record("reading", answer, accepted)
            merged = split
            if answer.value is not None:
                merged = merge_notes(split, answer.value, text=note.text).split
            engine.add(score_note(note, split_notes_as_json(split)))
            merged_tally.add(score_note(note, split_notes_as_json(merged)))
        prefix = f"llm_notes_{set_name}"
        print(f"FIGURE {prefix}_f1 {engine.prf()[2]:.3f} ratio")
        print(f"FIGURE {prefix}_f1_with_model {merged_tally.prf()[2]:.3f} ratio")
        print(f"FIGURE {prefix}_to_sort {engine.to_sort} items")
        print(f"FIGURE {prefix}_to_sort_with_model {merged_tally.to_sort} items")


# ---- drafting -------------------------------------------------------------------------


def _drafts(rounds: tuple[dict[str, Any], ...]) -> Iterator[tuple[str, str, str]]:
    """(drafter, label for the model, text) of every letter, follow-up and answer."""
    for drafts in rounds:
        for letter in drafts.get("letters", []):
            if letter.get("body"):
                yield "letters", "thank-you letter", letter["body"]
        follow_up = drafts.get("follow_up") or {}
        if follow_up.get("body"):
            yield "follow_up", "follow-up e-mail", follow_up["body"]
        for answer in drafts.get("answers", []):
            text = " ".join(answer.get("sentences", []))
            if text.strip():
                yield "answers", "spoken interview answer", text


def _sentences(drafter: str, text: str) -> Iterator[tuple[str, bool]]:
    from prose_check import _letter_items

    from secondround.engine.nlp.prose_check import split_sentences

    if drafter == "answers":
        for sentence in split_sentences(text):
            yield sentence, True
        return
    for kind, sentence, needs_verb in _letter_items(drafter, text):
        if not kind.endswith(":greeting"):
            yield sentence, needs_verb


def _passes(drafter: str, text: str, known: Any) -> list[bool]:
    from secondround.engine.nlp.prose_check import check_sentence

    return [check_sentence(s, known, needs_verb=v).ok for s, v in _sentences(drafter, text)]


def run_drafting(configured: EnvironmentServer, calls: Calls, limit: int) -> None:
    from scenario_drafts import TEST, load_packs

    from secondround.engine.nlp.assisted import (
        REWRITE_SCHEMA,
        known_strings,
        rewrite_checked,
        rewrite_prompt,
    )
    from secondround.engine.nlp.prose_check import known_data

    engine_passes: list[bool] = []
    shown_passes: list[bool] = []
    rewrite_passes: list[bool] = []
    by_drafter: dict[str, list[bool]] = defaultdict(list)
    reasons: dict[str, int] = defaultdict(int)
    for pack in load_packs(TEST):
        known = known_data(pack.user_texts, competitors=pack.competitors, names=pack.names)
        user_texts = known_strings(pack.user_texts)
        for drafter, label, text in list(_drafts(pack.rounds))[: limit or None]:
            answer = ask(
                configured,
                rewrite_prompt(text, kind=label),
                schema=REWRITE_SCHEMA,
                names=pack.names,
            )
            checked = rewrite_checked(answer.value, draft=text, known=user_texts)
            calls.record("drafting", answer, checked.accepted)
            by_drafter[drafter].append(checked.accepted)
            if answer.value is not None and not checked.accepted:
                reasons[checked.reason.split(":")[0]] += 1
            engine = _passes(drafter, text, known)
            engine_passes += engine
            if checked.value is not None:
                rewritten = _passes(drafter, checked.value, known)
                rewrite_passes += rewritten
                shown_passes += rewritten
            else:
                shown_passes += engine
    print(f"FIGURE llm_prose_pass_share {_share(engine_passes):.3f} share")
    print(f"FIGURE llm_prose_pass_share_with_model {_share(shown_passes):.3f} share")
    print(f"FIGURE llm_prose_pass_share_accepted_rewrites {_share(rewrite_passes):.3f} share")
    for drafter, flags in sorted(by_drafter.items()):
        print(f"FIGURE llm_rewrite_accepted_share_{drafter} {_share(flags):.3f} share")
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        print(f"  refused: {count} × {reason}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="at most N items per set (0: all)")
    parser.add_argument(
        "--only", choices=("invitations", "notes", "drafting"), action="append", default=None
    )
    args = parser.parse_args(argv)
    configured = environment_server()
    if configured is None:
        print(NOT_CONFIGURED)
        return 0
    if not configured.allowed:
        print(
            "eval-llm: the server is not on this machine or network; set "
            "SECONDROUND_LLM_REMOTE_OK=1 to send it the evaluation texts (names replaced)."
        )
        return 0
    server = configured.server
    print(f"eval-llm: {server.model} at {server.root}", file=sys.stderr)
    calls = Calls()
    parts = args.only or ["invitations", "notes", "drafting"]
    if "invitations" in parts:
        run_invitations(configured, calls, args.limit)
    if "notes" in parts:
        run_notes(configured, calls, args.limit)
    if "drafting" in parts:
        run_drafting(configured, calls, args.limit)
    for feature in ("reading", "drafting"):
        flags = calls.accepted.get(feature, [])
        if not flags:
            continue
        print(f"FIGURE llm_{feature}_calls {len(flags)} calls")
        print(f"FIGURE llm_{feature}_accepted_share {_share(flags):.3f} share")
        print(f"FIGURE llm_{feature}_failed_calls {calls.failures[feature]} calls")
        if feature in calls.first_error:
            print(f"  first failure: {calls.first_error[feature]}", file=sys.stderr)
    median = statistics.median(calls.seconds) * 1000 if calls.seconds else float("nan")
    print(f"FIGURE llm_call_median {median:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
