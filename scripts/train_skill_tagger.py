"""Train the CRF skill tagger (secondround/engine/skill_tagger.py) on SkillSpan train.

SkillSpan (Zhang et al., NAACL 2022; MIT; shared/eval/02_job_postings/skillspan): skill
and knowledge spans become one label (skill spans first, knowledge spans that overlap
no skill span added). Each sentence is rebuilt as " ".join(tokens) and re-tokenised with
``skill_tagger.tokenize``, so the tagger sees exactly what it sees in use; labels follow
the character offsets.

Choices are made on dev only (strict and loose span F1, the scorer of
eval/posting_skills.py); test is never read here.

    .venv/bin/python scripts/train_skill_tagger.py --search        # grid on dev
    .venv/bin/python scripts/train_skill_tagger.py --c1 0.1 --c2 0.05   # write the model
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "eval"))

import pycrfsuite  # type: ignore[import-untyped]  # noqa: E402
from posting_skills import SKILLSPAN, Counts, bio_spans, token_spans  # noqa: E402

from secondround.engine import skill_tagger  # noqa: E402

Feats = list[dict[str, float]]


@dataclass
class Example:
    tokens: list[str]  # the SkillSpan tokens (for scoring)
    gold: list[tuple[int, int]]  # all gold token spans (skill + knowledge), for scoring
    text: str
    spans: list[tuple[int, int]]  # our tokens
    labels: list[str]  # BIO over our tokens
    features: Feats


def _char_offsets(tokens: Sequence[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    position = 0
    for token in tokens:
        out.append((position, position + len(token)))
        position += len(token) + 1
    return out


def load(split: str) -> list[Example]:
    examples: list[Example] = []
    with (SKILLSPAN / f"{split}.json").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            tokens: list[str] = row["tokens"]
            skill = bio_spans(row["tags_skill"])
            knowledge = bio_spans(row["tags_knowledge"])
            label_spans = list(skill)
            for span in knowledge:
                if not any(s[0] < span[1] and span[0] < s[1] for s in label_spans):
                    label_spans.append(span)
            text = " ".join(tokens)
            offsets = _char_offsets(tokens)
            ours = skill_tagger.tokenize(text)
            labels = ["O"] * len(ours)
            for first, last in label_spans:
                start, end = offsets[first][0], offsets[last - 1][1]
                inside = [i for i, (s, e) in enumerate(ours) if s < end and start < e]
                for rank, index in enumerate(inside):
                    labels[index] = "B" if rank == 0 else "I"
            examples.append(
                Example(
                    tokens,
                    skill + knowledge,
                    text,
                    ours,
                    labels,
                    skill_tagger.sentence_features(text, ours),
                )
            )
    return examples


# Feature sets for the ablation: a predicate on the attribute's name (before "=").
FEATURE_SETS: dict[str, Callable[[str], bool]] = {
    "full": lambda key: True,
    "no_gazetteer": lambda key: not key.endswith("gz"),
    "no_bigrams": lambda key: key not in ("-1|0", "0|1"),
    "no_affixes": lambda key: key not in ("p2", "p3", "s2", "s4"),
    "window1": lambda key: not key.startswith(("-2:", "2:")),
    "no_position": lambda key: key not in ("pos", "last"),
}


def items(example: Example, keep: Callable[[str], bool]) -> list[dict[str, float]]:
    return [
        {k: v for k, v in feats.items() if keep(k.split("=", 1)[0])} for feats in example.features
    ]


def train(
    examples: list[Example],
    path: Path,
    *,
    c1: float,
    c2: float,
    iterations: int,
    minfreq: float,
    keep: Callable[[str], bool],
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for example in examples:
        trainer.append(items(example, keep), example.labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": minfreq,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def score(examples: list[Example], path: Path, keep: Callable[[str], bool]) -> dict[str, float]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    counts = Counts()
    for example in examples:
        tags = tagger.tag(items(example, keep)) if example.spans else []
        chars = skill_tagger.spans_from_tags(example.text, example.spans, tags)
        counts.add(example.tokens, token_spans(example.tokens, chars), example.gold)
    return counts.figures()


def _line(name: str, figures: dict[str, float], size: int) -> str:
    keys = ("precision_strict", "recall_strict", "f1_strict")
    keys += ("precision_loose", "recall_loose", "f1_loose")
    values = " ".join(f"{figures[k]:.3f}" for k in keys)
    return f"{name:44s} {values}  {size / 1e6:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--search", action="store_true", help="grid search on dev")
    parser.add_argument(
        "--grid",
        nargs="*",
        default=None,
        help="search only these settings, each features:c1:c2:minfreq",
    )
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=2)
    parser.add_argument("--features", default="full", choices=sorted(FEATURE_SETS))
    parser.add_argument("--output", type=Path, default=skill_tagger.MODEL_PATH)
    args = parser.parse_args()

    started = time.perf_counter()
    train_set = load("train")
    dev_set = load("dev")
    print(
        f"# loaded in {time.perf_counter() - started:.1f}s: {len(train_set)} train, "
        f"{len(dev_set)} dev sentences"
    )
    print(f"{'setting':44s} P_s   R_s   F_s   P_l   R_l   F_l")
    if args.search:
        with tempfile.TemporaryDirectory() as tmp:
            grid: list[tuple[str, float, float, float]] = []
            for c1 in (0.02, 0.1, 0.3):
                for c2 in (0.01, 0.05, 0.2):
                    grid.append(("full", c1, c2, args.minfreq))
            for name in FEATURE_SETS:
                if name != "full":
                    grid.append((name, args.c1, args.c2, args.minfreq))
            grid += [("full", args.c1, args.c2, 1), ("full", args.c1, args.c2, 3)]
            if args.grid:
                grid = []
                for setting in args.grid:
                    name, c1_text, c2_text, minfreq_text = setting.split(":")
                    grid.append((name, float(c1_text), float(c2_text), float(minfreq_text)))
            for name, c1, c2, minfreq in grid:
                path = Path(tmp) / "model.crfsuite"
                keep = FEATURE_SETS[name]
                train(
                    train_set,
                    path,
                    c1=c1,
                    c2=c2,
                    iterations=args.iterations,
                    minfreq=minfreq,
                    keep=keep,
                )
                label = f"{name} c1={c1} c2={c2} minfreq={minfreq}"
                print(_line(label, score(dev_set, path, keep), path.stat().st_size), flush=True)
        return
    keep = FEATURE_SETS[args.features]
    if args.features != "full":
        raise SystemExit("skill_tagger.py computes the full feature set; ship only 'full'")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    train(
        train_set,
        args.output,
        c1=args.c1,
        c2=args.c2,
        iterations=args.iterations,
        minfreq=args.minfreq,
        keep=keep,
    )
    size = args.output.stat().st_size
    label = f"dev c1={args.c1} c2={args.c2} minfreq={args.minfreq}"
    print(_line(label, score(dev_set, args.output, keep), size))
    print(f"# wrote {args.output} ({size} bytes)")
    print(f"# sha256 {hashlib.sha256(args.output.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
