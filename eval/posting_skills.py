"""Skill-span extraction measured on real job-posting data.

SkillSpan (Zhang et al., NAACL 2022; MIT; shared/eval/02_job_postings/skillspan): JSON
Lines of tokenised sentences with BIO tags for skills and for knowledge. Gold = the union
of skill and knowledge spans. Each sentence's text is rebuilt by joining its tokens with
spaces, the extractor runs on it (``find_skill_spans`` with phrase spans on), and the
character spans are mapped back to tokens. Two ways to run it:

* sentence: each sentence alone (reader 3, the CamelCase/acronym names, on everywhere);
* posting: the sentences of one posting (same source and idx) joined line by line, read by
  ``posting_sections``; sentences outside responsibilities, requirements and nice-to-have
  get no phrase spans and no bare tool names, as in the product.

Scores: STRICT = same span after folding case, whitespace and punctuation; LOOSE = a
predicted span covers at least half of a gold span's tokens (precision: the predicted span
does so for some gold span; recall: some predicted span does so for the gold span).

Green et al. (LREC 2022; CC BY 4.0): 336 CoNLL BIO sentences from UK job adverts of many
occupations; gold = the ``Skill`` spans. Reported the same way.

Two extractors are reported. The plain FIGURE names are the product's extractor: the
tagger (secondround/engine/reading/skill_tagger.py: a network over MiniLM token vectors stacked
under a CRF; settings chosen on SkillSpan dev, shipped model trained on train + dev) plus
gazetteer names it missed. The ``_rules`` names are the rule-only extractor (gazetteer,
list patterns, soft-skill phrase rules; ``tagged=False``) for comparison.

Dev is part of the shipped model's training data, so only test and Green are reported,
as they come.

On Green (many occupations) two more lines compare the app's skills list as it was
(``green_skills_tools_only``: the readers without phrase spans) with the list after the
typed and learned filters (``green_skills_filtered``: ``posting_analysis._kept_spans``,
noun-phrase readers included). Green's gold includes soft skills, which the filtered list
leaves to the competencies by design, so read its precision more than its recall.

    .venv/bin/python eval/posting_skills.py
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.reading import (  # noqa: E402
    posting_analysis,
    skill_tagger,  # noqa: E402
)
from secondround.engine.reading.posting import posting_sections  # noqa: E402
from secondround.engine.reading.posting_analysis import find_skill_spans  # noqa: E402
from secondround.engine.reading.posting_words import (  # noqa: E402
    NICE_TO_HAVE,
    REQUIREMENTS,
    RESPONSIBILITIES,
)

SHARED = REPO_ROOT.parent / "shared" / "eval" / "02_job_postings"
if not SHARED.exists():
    SHARED = Path("/work/shared/eval/02_job_postings")
SKILLSPAN = SHARED / "skillspan" / "json"
GREEN = SHARED / "green_skill_extraction" / "testset.txt"

Span = tuple[int, int]  # token indices [start, end)


@dataclass
class Sentence:
    tokens: list[str]
    gold: list[Span]
    group: tuple[str, int] | None = None


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    strict_pred_hits: int = 0
    strict_gold_hits: int = 0
    loose_pred_hits: int = 0
    loose_gold_hits: int = 0

    def add(self, tokens: Sequence[str], predicted: list[Span], gold: list[Span]) -> None:
        predicted = sorted(set(predicted))
        gold = sorted(set(gold))
        self.predicted += len(predicted)
        self.gold += len(gold)
        pred_keys = {_norm(tokens, span) for span in predicted}
        gold_keys = {_norm(tokens, span) for span in gold}
        pred_keys.discard("")
        self.strict_pred_hits += sum(_norm(tokens, s) in gold_keys for s in predicted)
        self.strict_gold_hits += sum(_norm(tokens, s) in pred_keys for s in gold)
        self.loose_pred_hits += sum(any(_loose(p, g) for g in gold) for p in predicted)
        self.loose_gold_hits += sum(any(_loose(p, g) for p in predicted) for g in gold)

    def figures(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for mode, p_hits, g_hits in (
            ("strict", self.strict_pred_hits, self.strict_gold_hits),
            ("loose", self.loose_pred_hits, self.loose_gold_hits),
        ):
            precision = p_hits / self.predicted if self.predicted else 0.0
            recall = g_hits / self.gold if self.gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[f"precision_{mode}"] = precision
            out[f"recall_{mode}"] = recall
            out[f"f1_{mode}"] = f1
        return out


def _norm(tokens: Sequence[str], span: Span) -> str:
    text = " ".join(tokens[span[0] : span[1]]).lower()
    return " ".join(re.sub(r"[^\w+#]+", " ", text).split())


def _loose(predicted: Span, gold: Span) -> bool:
    overlap = min(predicted[1], gold[1]) - max(predicted[0], gold[0])
    return overlap > 0 and overlap >= 0.5 * (gold[1] - gold[0])


def bio_spans(tags: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    start: int | None = None
    for index, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B"):
            if start is not None:
                spans.append((start, index))
            start = index if tag.startswith("B") else None
        elif start is None:  # an I- without a B- starts a span
            start = index
    return spans


def load_skillspan(split: str) -> list[Sentence]:
    out: list[Sentence] = []
    with (SKILLSPAN / f"{split}.json").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            gold = bio_spans(row["tags_skill"]) + bio_spans(row["tags_knowledge"])
            out.append(Sentence(row["tokens"], gold, (row.get("source", ""), row["idx"])))
    return out


def load_green() -> list[Sentence]:
    out: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*GREEN.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 2:
            tokens.append(parts[0])
            tag = parts[-1]
            tags.append(tag if tag.endswith("-Skill") else "O")
        elif tokens:
            out.append(Sentence(tokens, bio_spans(tags)))
            tokens, tags = [], []
    return out


def token_spans(tokens: Sequence[str], chars: Iterable[tuple[int, int]]) -> list[Span]:
    """Map character spans of " ".join(tokens) to the tokens they touch."""
    starts: list[int] = []
    position = 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    out: list[Span] = []
    for start, end in chars:
        touched = [i for i, s in enumerate(starts) if s < end and start < s + len(tokens[i])]
        if touched:
            out.append((touched[0], touched[-1] + 1))
    return out


def predict(text: str, *, phrases: bool, named: bool, tagged: bool = True) -> list[tuple[int, int]]:
    spans = find_skill_spans(text, phrases=phrases, named=named, tagged=tagged)
    return [(s.start, s.end) for s in spans]


def run_sentences(
    sentences: list[Sentence], *, phrases: bool = True, tagged: bool = True
) -> Counts:
    counts = Counts()
    for sentence in sentences:
        text = " ".join(sentence.tokens)
        chars = predict(text, phrases=phrases, named=True, tagged=tagged)
        counts.add(sentence.tokens, token_spans(sentence.tokens, chars), sentence.gold)
    return counts


def run_postings(sentences: list[Sentence], *, tagged: bool = True) -> Counts:
    """Whole postings: posting_sections decides which sentences are job content."""
    groups: dict[tuple[str, int] | None, list[Sentence]] = {}
    for sentence in sentences:
        groups.setdefault(sentence.group, []).append(sentence)
    counts = Counts()
    job_sections = (RESPONSIBILITIES, REQUIREMENTS, NICE_TO_HAVE)
    for members in groups.values():
        texts = [" ".join(s.tokens) for s in members]
        sections = posting_sections("\n".join(texts))
        job = {item for name in job_sections for item in getattr(sections, name)}
        requirement = set(sections.requirements) | set(sections.nice_to_have)
        for sentence, text in zip(members, texts, strict=True):
            in_job = any(item in text or text in item for item in job if item)
            named = any(item in text or text in item for item in requirement if item)
            chars = predict(text, phrases=in_job, named=named or in_job, tagged=tagged and in_job)
            spans = token_spans(sentence.tokens, chars)
            counts.add(sentence.tokens, spans, sentence.gold)
    return counts


def report(prefix: str, suffix: str, counts: Counts, only: Iterable[str] | None = None) -> None:
    for name, value in counts.figures().items():
        if only is None or name in only:
            print(f"FIGURE {prefix}_{name}{suffix} {value:.3f} ratio")


def main() -> None:
    for split, suffix in (("test", ""),):
        data = load_skillspan(split)
        skill_tagger.prepare([" ".join(sentence.tokens) for sentence in data])
        for tagged, variant in ((True, ""), (False, "_rules")):
            counts = run_sentences(data, tagged=tagged)
            report("posting_skills", suffix + variant, counts)
            print(
                f"# {split}{variant}: {len(data)} sentences, {counts.gold} gold spans, "
                f"{counts.predicted} predicted"
            )
            report(
                "posting_skills_whole_posting", suffix + variant, run_postings(data, tagged=tagged)
            )
            report(
                "posting_skills_tools_only",
                suffix + variant,
                run_sentences(data, phrases=False, tagged=tagged),
            )
    green = load_green()
    skill_tagger.prepare([" ".join(sentence.tokens) for sentence in green])
    report("green_skills_tools_only", "", run_sentences(green, phrases=False))
    filtered = Counts()
    for sentence in green:
        text = " ".join(sentence.tokens)
        kept = posting_analysis._kept_spans(text, named=True, tagged=True)
        spans = token_spans(sentence.tokens, [(s.start, s.end) for s in kept])
        filtered.add(sentence.tokens, spans, sentence.gold)
    report("green_skills_filtered", "", filtered)
    for tagged, variant in ((True, ""), (False, "_rules")):
        counts = run_sentences(green, tagged=tagged)
        report("green_skills", variant, counts)
        print(
            f"# green{variant}: {len(green)} sentences, {counts.gold} gold spans, "
            f"{counts.predicted} predicted"
        )


if __name__ == "__main__":
    main()
