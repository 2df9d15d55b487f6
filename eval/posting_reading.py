"""How well the posting reader reads non-software postings: skills, not-skills, competencies.

Corpus: ``eval/postings_corpus`` (31 postings of 16 occupations, see its README): each with
the skills a recruiter would list (typed tool / procedure / certification / knowledge),
acceptable extras, phrases that must never be listed as skills (schedules, shift
patterns, pay, benefits, locations, traits, boilerplate) and the competencies it asks for.

Split by source: a posting is in *test* when the SHA-1 of its source's domain is divisible
by 3, else in *dev*; rules are tuned on dev only, test is the honest estimate.

Figures, each on dev, test and all:

* skill precision / recall / F1, loose: a listed skill matches a labelled one when at
  least half of each side's content words (crudely stemmed) are shared; a listed skill
  that matches only an acceptable extra counts neither way;
* not-skill rate: share of must-not phrases listed (some listed skill covers at least
  half of the phrase, or lies wholly inside it while matching no skill); per kind too;
* skill type accuracy on matched skills (where the reader gives a type);
* competency recall (labelled ids found) and precision (ids found that are labelled
  or defensible); ``technical_depth`` is left out: the reader derives it from the skill
  count, so it says nothing new.

The baseline is the package as it was at ``BASELINE_COMMIT`` (before this work), taken
from git into a temporary folder and run in a subprocess, so both are measured on the
same corpus in the same run.

    .venv/bin/python eval/posting_reading.py [--no-baseline]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "eval" / "postings_corpus"
BASELINE_COMMIT = "4faaf9097c3b9fe1ed3e5e182d7700b18806fb4c"
IGNORED_COMPETENCIES = {"technical_depth"}
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "in",
        "to",
        "for",
        "with",
        "on",
        "at",
        "by",
        "as",
        "from",
        "any",
        "all",
    ]
)


# --------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------


@dataclass
class Posting:
    id: str
    text: str
    source: str
    occupation: str
    skills: list[tuple[list[str], set[str]]]  # (equivalent names, acceptable types)
    optional: list[str]
    not_skills: list[tuple[str, str]]  # (phrase, kind)
    competencies: set[str]
    competencies_optional: set[str]

    @property
    def domain(self) -> str:
        host = urlparse(self.source).hostname or self.source
        parts = host.removeprefix("www.").split(".")
        # careers.abcstores.com -> abcstores.com; keep country suffixes like .co.uk whole.
        keep = 3 if len(parts) > 2 and parts[-2] in {"co", "gov", "service"} else 2
        if parts[-3:-1] == ["service", "gov"]:
            keep = 4
        return ".".join(parts[-keep:])

    @property
    def split(self) -> str:
        digest = int(hashlib.sha1(self.domain.encode()).hexdigest(), 16)
        return "test" if digest % 3 == 0 else "dev"


BLIND = REPO_ROOT / "eval" / "blind" / "postings"


def load_blind(directory: Path = BLIND) -> list[Posting]:
    """The blind set (its own layout: names only, no types): scored, never tuned on."""
    postings = []
    for path in sorted(directory.glob("*.expected.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        key = path.name.removesuffix(".expected.json")
        postings.append(
            Posting(
                id=key,
                text=path.with_name(f"{key}.txt").read_text(encoding="utf-8"),
                source=f"https://blind.example/{key}",
                occupation=row["occupation"],
                skills=[([name], set()) for name in row["skills"]],
                optional=[],
                not_skills=[(phrase, "blind") for phrase in row["not_skills"]],
                competencies={c["id"] for c in row["competencies"]},
                competencies_optional=set(),
            )
        )
    return postings


def load_corpus(directory: Path = CORPUS) -> list[Posting]:
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    postings: list[Posting] = []
    for key, row in labels.items():
        if key.startswith("_"):
            continue
        postings.append(
            Posting(
                id=key,
                text=(directory / "items" / f"{key}.txt").read_text(encoding="utf-8"),
                source=row["source"],
                occupation=row["occupation"],
                skills=[(name.split("|"), set(kind.split("|"))) for name, kind in row["skills"]],
                optional=list(row["optional"]),
                not_skills=[(phrase, kind) for phrase, kind in row["not_skills"]],
                competencies={c for c, _ in row["competencies"]},
                competencies_optional=set(row["competencies_optional"]),
            )
        )
    return postings


# --------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------


def _stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    tokens = re.findall(r"[a-z0-9+#]+", text.lower().replace("'s", ""))
    return [_stem(t) for t in tokens if t not in STOP]


def _overlap(a: Sequence[str], b: Sequence[str]) -> int:
    rest = list(b)
    shared = 0
    for word in a:
        if word in rest:
            rest.remove(word)
            shared += 1
    return shared


def names_match(predicted: str, labelled: str, evidence: str | None = None) -> bool:
    """Half of each side's content words shared; with ``evidence``, the labelled phrase
    must also occur in the listed skill's evidence sentence (same place in the posting)."""
    if evidence is not None and labelled.lower() not in evidence.lower():
        return False
    p, g = words(predicted), words(labelled)
    if not p or not g:
        return False
    shared = _overlap(p, g)
    return shared * 2 >= len(g) and shared * 2 >= len(p)


def listed_as(phrase: str, predicted: str, evidence: str, *, is_known: bool) -> bool:
    """A must-not phrase is listed by a predicted skill: the skill covers at least half of
    the phrase, or lies wholly inside it while naming no labelled skill ("NMC" inside
    "paid NMC registration fee" is the registration the posting asks for)."""
    if phrase.lower() not in evidence.lower():
        return False
    p, n = words(predicted), words(phrase)
    if not p or not n:
        return False
    shared = _overlap(p, n)
    return shared * 2 >= len(n) or (shared == len(p) and not is_known)


# --------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------


@dataclass
class Prediction:
    skills: list[tuple[str, str | None, str]]  # (name, type or None, evidence sentence)
    competencies: set[str]


@dataclass
class Tally:
    predicted: int = 0
    true_positive: int = 0
    gold: int = 0
    gold_found: int = 0
    not_total: int = 0
    not_listed: int = 0
    not_by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [listed, total]
    typed: int = 0
    typed_right: int = 0
    comp_gold: int = 0
    comp_found: int = 0
    comp_predicted: int = 0
    comp_right: int = 0
    listed_examples: list[str] = field(default_factory=list)
    missed_examples: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        precision = self.true_positive / self.predicted if self.predicted else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out = {
            "skill_precision": precision,
            "skill_recall": recall,
            "skill_f1": f1,
            "not_skill_rate": self.not_listed / self.not_total if self.not_total else 0.0,
            "competency_recall": self.comp_found / self.comp_gold if self.comp_gold else 0.0,
            "competency_precision": (
                self.comp_right / self.comp_predicted if self.comp_predicted else 0.0
            ),
        }
        if self.typed:
            out["skill_type_accuracy"] = self.typed_right / self.typed
        return out


def score(posting: Posting, prediction: Prediction, tally: Tally) -> None:
    matched_gold: set[int] = set()
    for name, kind, evidence in prediction.skills:
        hits = [
            index
            for index, (names, _) in enumerate(posting.skills)
            if any(names_match(name, gold, evidence) for gold in names)
        ]
        fresh = [index for index in hits if index not in matched_gold]
        if fresh:
            tally.predicted += 1
            tally.true_positive += 1
            matched_gold.add(fresh[0])
            if kind is not None and posting.skills[fresh[0]][1]:
                tally.typed += 1
                tally.typed_right += kind in posting.skills[fresh[0]][1]
        elif hits or any(names_match(name, extra, evidence) for extra in posting.optional):
            continue  # a second name for a found skill, or an acceptable extra
        else:
            tally.predicted += 1
    tally.gold += len(posting.skills)
    tally.gold_found += len(matched_gold)
    for index, (names, _) in enumerate(posting.skills):
        if index not in matched_gold:
            tally.missed_examples.append(f"{posting.id}: {names[0]}")
    known = [gold for names, _ in posting.skills for gold in names] + posting.optional
    for phrase, kind in posting.not_skills:
        listed = any(
            listed_as(
                phrase, name, evidence, is_known=any(names_match(name, k, evidence) for k in known)
            )
            for name, _, evidence in prediction.skills
        )
        counts = tally.not_by_kind.setdefault(kind, [0, 0])
        counts[0] += listed
        counts[1] += 1
        tally.not_total += 1
        tally.not_listed += listed
        if listed:
            tally.listed_examples.append(f"{posting.id}: {phrase} ({kind})")
    found = prediction.competencies - IGNORED_COMPETENCIES
    tally.comp_gold += len(posting.competencies)
    tally.comp_found += len(found & posting.competencies)
    tally.comp_predicted += len(found)
    tally.comp_right += len(found & (posting.competencies | posting.competencies_optional))


# --------------------------------------------------------------------------------------
# Predictions: this checkout, or the baseline commit in a subprocess
# --------------------------------------------------------------------------------------


def predict_here(postings: Iterable[Posting]) -> dict[str, Prediction]:
    sys.path.insert(0, str(REPO_ROOT))
    from secondround.engine.reading.posting_analysis import analyse_posting, analysis_as_json

    out: dict[str, Prediction] = {}
    for posting in postings:
        data = analysis_as_json(analyse_posting(posting.text))
        skills = [
            (s["name"], s.get("type"), s["evidence"])
            for s in data["skills"]  # type: ignore[union-attr]
        ]
        competencies = {c["id"] for c in data["competencies"]}  # type: ignore[union-attr]
        out[posting.id] = Prediction(skills, competencies)
    return out


def predict_baseline(commit: str, blind: bool = False) -> dict[str, Prediction] | None:
    """Predictions of the package at ``commit`` (None when git or the commit is missing)."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "archive", commit, "secondround"],
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:
            print(f"# baseline skipped: {archive.stderr.decode().strip()}")
            return None
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": folder}
        run = subprocess.run(
            [sys.executable, __file__, "--emit", "--package-root", folder]
            + (["--blind"] if blind else []),
            capture_output=True,
            env=env,
            check=False,
            text=True,
        )
        if run.returncode != 0:
            print(f"# baseline failed: {run.stderr.strip()[-300:]}")
            return None
        rows = json.loads(run.stdout)
    return {
        key: Prediction([(n, t, e) for n, t, e in row["skills"]], set(row["competencies"]))
        for key, row in rows.items()
    }


def _emit(package_root: str, blind: bool) -> None:
    sys.path.insert(0, package_root)
    from secondround.engine.reading.posting_analysis import analyse_posting, analysis_as_json

    rows = {}
    for posting in load_blind() if blind else load_corpus():
        data = analysis_as_json(analyse_posting(posting.text))
        rows[posting.id] = {
            "skills": [
                [s["name"], s.get("type"), s["evidence"]]
                for s in data["skills"]  # type: ignore[union-attr]
            ],
            "competencies": [c["id"] for c in data["competencies"]],  # type: ignore[union-attr]
        }
    print(json.dumps(rows))


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def tallies(postings: Sequence[Posting], predictions: dict[str, Prediction]) -> dict[str, Tally]:
    out = {"dev": Tally(), "test": Tally(), "all": Tally()}
    for posting in postings:
        for name in (posting.split, "all"):
            score(posting, predictions[posting.id], out[name])
    return out


def tallies_one(postings: Sequence[Posting], predictions: dict[str, Prediction]) -> Tally:
    tally = Tally()
    for posting in postings:
        score(posting, predictions[posting.id], tally)
    return tally


def report(prefix: str, suffix: str, results: dict[str, Tally]) -> None:
    for split, tally in results.items():
        for name, value in tally.figures().items():
            print(f"FIGURE {prefix}_{name}_{split}{suffix} {value:.3f} ratio")
    by_kind = results["all"].not_by_kind if "all" in results else {}
    for kind, (listed, total) in sorted(by_kind.items()):
        print(f"FIGURE {prefix}_not_skill_rate_{kind}_all{suffix} {listed / total:.3f} ratio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--emit", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--package-root", default=str(REPO_ROOT), help=argparse.SUPPRESS)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list misses and wrong listings")
    parser.add_argument("--blind", action="store_true", help="the blind set only (no --verbose)")
    args = parser.parse_args()
    if args.emit:
        _emit(args.package_root, args.blind)
        return
    if args.blind:
        postings = load_blind()
        results = {"blind": tallies_one(postings, predict_here(postings))}
        report("posting_reading", "", results)
        if not args.no_baseline:
            baseline = predict_baseline(BASELINE_COMMIT, blind=True)
            if baseline is not None:
                report("posting_reading", "_baseline", {"blind": tallies_one(postings, baseline)})
        return
    postings = load_corpus()
    splits = {p.split for p in postings}
    print(
        f"# {len(postings)} postings, {len({p.occupation for p in postings})} occupations, "
        f"{sum(p.split == 'test' for p in postings)} in test; splits {sorted(splits)}"
    )
    results = tallies(postings, predict_here(postings))
    report("posting_reading", "", results)
    if args.verbose:
        for line in results["all"].listed_examples:
            print(f"# listed: {line}")
        for line in results["all"].missed_examples:
            print(f"# missed: {line}")
    if not args.no_baseline:
        baseline = predict_baseline(BASELINE_COMMIT)
        if baseline is not None:
            report("posting_reading", "_baseline", tallies(postings, baseline))


if __name__ == "__main__":
    main()
