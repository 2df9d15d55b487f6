"""Train the skill tagger (secondround/engine/reading/skill_tagger.py): a network, then a CRF.

SkillSpan (Zhang et al., NAACL 2022; MIT; shared/eval/02_job_postings/skillspan): skill
and knowledge spans become one label (skill spans first, knowledge spans that overlap
no skill span added). Each sentence is rebuilt as " ".join(tokens) and re-tokenised with
``skill_tagger.tokenize``, so the tagger sees exactly what it sees in use; labels follow
the character offsets.

1. The network (one ReLU layer over each token's MiniLM vector and its neighbours')
   learns O/B/I per token. Its chances become CRF features; for the CRF's own training
   sentences they come from five networks each trained without that sentence's fold
   (cross-fitting), so the CRF learns how far to trust chances on unseen text.
2. The CRF is trained on the usual word features plus those chances.

Choices are made on dev only (strict and loose span F1, the scorer of
eval/posting_skills.py), training on train; the shipped model is then trained the same
way on train + dev. Test is never read here.

    .venv/bin/python scripts/train_skill_tagger.py --search     # train only, grid on dev
    .venv/bin/python scripts/train_skill_tagger.py              # write the models (train+dev)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "eval"))

import pycrfsuite  # type: ignore[import-untyped]  # noqa: E402
from posting_skills import SKILLSPAN, Counts, bio_spans, token_spans  # noqa: E402

from secondround.engine.nlp import embeddings  # noqa: E402
from secondround.engine.reading import skill_tagger  # noqa: E402

LABELS = {"O": 0, "B": 1, "I": 2}
FOLDS = 5
Array = np.ndarray


@dataclass
class Example:
    tokens: list[str]  # the SkillSpan tokens (for scoring)
    gold: list[tuple[int, int]]  # all gold token spans (skill + knowledge), for scoring
    text: str
    spans: list[tuple[int, int]]  # our tokens
    labels: list[str]  # BIO over our tokens
    gazetteer: list[str]
    states: Array | None = None  # MiniLM vectors of our tokens


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
            gazetteer = skill_tagger.gazetteer_tags(text, ours)
            examples.append(Example(tokens, skill + knowledge, text, ours, labels, gazetteer))
    states = embeddings.embedder().span_states(
        [example.text for example in examples], [example.spans for example in examples]
    )
    for example, rows in zip(examples, states, strict=True):
        example.states = rows
    return examples


# --------------------------------------------------------------------------------------
# The network
# --------------------------------------------------------------------------------------


def _inputs(examples: Sequence[Example]) -> tuple[Array, Array]:
    rows = [skill_tagger.network_input(e.states) for e in examples if e.spans]
    labels = [LABELS[label] for e in examples for label in e.labels]
    return np.vstack(rows), np.array(labels, dtype=np.int64)


def train_network(
    examples: Sequence[Example], *, hidden: int, epochs: int, seed: int
) -> list[Array]:
    """Adam on cross-entropy, mini-batches of 64, a little weight decay."""
    inputs, labels = _inputs(examples)
    rng = np.random.default_rng(seed)
    width = inputs.shape[1]
    weights = [
        rng.normal(0, (2 / width) ** 0.5, (width, hidden)).astype(np.float32),
        np.zeros(hidden, np.float32),
        rng.normal(0, (1 / hidden) ** 0.5, (hidden, 3)).astype(np.float32),
        np.zeros(3, np.float32),
    ]
    first_moment = [np.zeros_like(w) for w in weights]
    second_moment = [np.zeros_like(w) for w in weights]
    rate, decay, step = 1e-3, 1e-4, 0
    for _ in range(epochs):
        order = rng.permutation(len(inputs))
        for start in range(0, len(order), 64):
            batch = order[start : start + 64]
            x, y = inputs[batch], labels[batch]
            hidden_out = np.maximum(x @ weights[0] + weights[1], 0)
            chances = skill_tagger.forward(weights, x)
            error = chances.copy()
            error[np.arange(len(y)), y] -= 1
            error /= len(y)
            back = error @ weights[2].T
            back[hidden_out <= 0] = 0
            grads = [
                x.T @ back + decay * weights[0],
                back.sum(axis=0),
                hidden_out.T @ error + decay * weights[2],
                error.sum(axis=0),
            ]
            step += 1
            for i, grad in enumerate(grads):
                first_moment[i] = 0.9 * first_moment[i] + 0.1 * grad
                second_moment[i] = 0.999 * second_moment[i] + 0.001 * grad * grad
                corrected = first_moment[i] / (1 - 0.9**step)
                scale = np.sqrt(second_moment[i] / (1 - 0.999**step)) + 1e-8
                weights[i] -= (rate * corrected / scale).astype(np.float32)
    return weights


def _chances(weights: Sequence[Array], example: Example) -> Array:
    return skill_tagger.forward(weights, skill_tagger.network_input(example.states))


def cross_fitted(examples: Sequence[Example], *, hidden: int, epochs: int) -> list[Array]:
    """Each sentence's chances from a network that never saw its fold."""
    out: list[Array | None] = [None] * len(examples)
    for fold in range(FOLDS):
        train = [e for i, e in enumerate(examples) if i % FOLDS != fold]
        weights = train_network(train, hidden=hidden, epochs=epochs, seed=fold)
        for i in range(fold, len(examples), FOLDS):
            out[i] = _chances(weights, examples[i])
        print(f"# cross-fitting: fold {fold + 1}/{FOLDS} done", flush=True)
    return [chances for chances in out if chances is not None]


# --------------------------------------------------------------------------------------
# The CRF
# --------------------------------------------------------------------------------------


def _features(example: Example, chances: Array) -> list[dict[str, float]]:
    return skill_tagger.sentence_features(example.text, example.spans, example.gazetteer, chances)


def train_crf(
    examples: Sequence[Example],
    chances: Sequence[Array],
    path: Path,
    *,
    c1: float,
    c2: float,
    iterations: int,
    minfreq: float,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for example, rows in zip(examples, chances, strict=True):
        trainer.append(_features(example, rows), example.labels)
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


def score(examples: Sequence[Example], chances: Sequence[Array], path: Path) -> dict[str, float]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    counts = Counts()
    for example, rows in zip(examples, chances, strict=True):
        tags = tagger.tag(_features(example, rows)) if example.spans else []
        chars = skill_tagger.spans_from_tags(example.text, example.spans, tags)
        counts.add(example.tokens, token_spans(example.tokens, chars), example.gold)
    return counts.figures()


def _line(name: str, figures: dict[str, float]) -> str:
    keys = ("precision_strict", "recall_strict", "f1_strict")
    keys += ("precision_loose", "recall_loose", "f1_loose")
    return f"{name:40s} " + " ".join(f"{figures[k]:.3f}" for k in keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--search", action="store_true", help="train on train, grid on dev")
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=2)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()

    started = time.perf_counter()
    train_set, dev_set = load("train"), load("dev")
    print(f"# loaded and embedded in {time.perf_counter() - started:.0f}s", flush=True)
    print(f"{'setting':40s} P_s   R_s   F_s   P_l   R_l   F_l")
    if args.search:
        train_chances = cross_fitted(train_set, hidden=args.hidden, epochs=args.epochs)
        weights = train_network(train_set, hidden=args.hidden, epochs=args.epochs, seed=FOLDS)
        dev_chances = [_chances(weights, example) for example in dev_set]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.crfsuite"
            for c1 in (0.03, 0.1, 0.3):
                for c2 in (0.01, 0.05, 0.2):
                    train_crf(
                        train_set,
                        train_chances,
                        path,
                        c1=c1,
                        c2=c2,
                        iterations=args.iterations,
                        minfreq=args.minfreq,
                    )
                    figures = score(dev_set, dev_chances, path)
                    print(_line(f"dev c1={c1} c2={c2}", figures), flush=True)
        return
    everything = train_set + dev_set
    chances = cross_fitted(everything, hidden=args.hidden, epochs=args.epochs)
    weights = train_network(everything, hidden=args.hidden, epochs=args.epochs, seed=FOLDS)
    network_path = skill_tagger.NETWORK_PATH
    network_path.parent.mkdir(parents=True, exist_ok=True)
    with network_path.open("wb") as stream:
        np.savez_compressed(stream, **dict(zip(("w1", "b1", "w2", "b2"), weights, strict=True)))
    train_crf(
        everything,
        chances,
        skill_tagger.MODEL_PATH,
        c1=args.c1,
        c2=args.c2,
        iterations=args.iterations,
        minfreq=args.minfreq,
    )
    for path in (network_path, skill_tagger.MODEL_PATH):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        print(f"# wrote {path.name} ({path.stat().st_size} bytes) sha256 {digest}")


if __name__ == "__main__":
    main()
