"""Which competencies does a story show? The suggestions against the stories' own tags.

Three labelled sources of stories, split by occupation (issue 15):

* the corpus sets `eval/stories` and `eval/stories_corpus` (130 polished STAR stories, 17
  occupations, tagged by their authors);
* the stories of the scenario packs (`eval/scenarios*/`, written the way people type them:
  shorthand, fragments), tagged by the pack authors as a user ticks them; the packs of
  the dev, test, held-out and fresh splits are development material, the four
  `scenarios_fresh2` packs are held out and never used for any choice or training.

Methods, side by side in the same run:

* `base`: the story model shipped at the baseline commit (`--baseline-model`, default the
  model file of commit 29d2981 read with git), as the app suggested before this change;
* `shipped`: today's shipped model (for the fresh2 packs, which it never saw);
* `loso`: today's training (scripts/train_story_model.py: corpus sets and dev packs) with
  the scored occupation left out, so every development figure is out of sample.

    .venv/bin/python eval/story_competencies.py

FIGURE story_suggest_{precision,recall,f1}_{method}_{split}: suggested competencies that the
story's tags hold / tags found / their harmonic mean, over the split's stories; splits are
`corpus` (17 occupations), `packs_dev` (17 pack occupations) and `fresh2` (4, held out).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend
import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

EVAL = Path(__file__).resolve().parent
ROOT = EVAL.parent
sys.path.insert(0, str(EVAL))
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

import story_sets  # noqa: E402

from secondround.engine.stories import story_model, story_suggest  # noqa: E402

BASELINE_COMMIT = "29d2981"
Suggest = Callable[[story_sets.StoryGroup], list[list[str]]]


def _baseline_model(commit: str) -> story_model.StoryModel | None:
    """The story model file as shipped at `commit` (None when git or the file is missing)."""
    relative = story_model.MODEL_PATH.relative_to(ROOT)
    try:
        blob = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:{relative}"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tempfile.NamedTemporaryFile(suffix=".npz", delete=False) as stream:
        stream.write(blob)
    return story_model.load_model(Path(stream.name))


def _with_model(model: story_model.StoryModel | None) -> Suggest:
    def suggest(group: story_sets.StoryGroup) -> list[list[str]]:
        if model is None:
            return [[] for _ in group.stories]
        documents, parts = story_sets.story_matrices(group.stories)
        probabilities = model.competency_probabilities(documents, parts)
        return [story_model.suggest(p) for p in probabilities]

    return suggest


def _with_suggester(model: story_suggest.SuggestModel | None) -> Suggest:
    def suggest(group: story_sets.StoryGroup) -> list[list[str]]:
        if model is None:
            return [[] for _ in group.stories]
        documents, parts = story_sets.story_matrices(group.stories)
        cues = story_suggest.cue_matrix(
            [(s.title, s.situation, s.action, s.result) for s in group.stories]
        )
        probabilities = model.probabilities(documents, parts, cues)
        return [story_model.suggest(p) for p in probabilities]

    return suggest


def _figures(
    method: str, split: str, groups: Sequence[story_sets.StoryGroup], pick: Suggest
) -> None:
    found = right = labelled = 0
    for group in groups:
        for picked, labels in zip(pick(group), group.labels, strict=True):
            found += len(picked)
            right += len(set(picked) & set(labels))
            labelled += len(labels)
    precision = right / found if found else 0.0
    recall = right / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    stories = sum(len(g.stories) for g in groups)
    print(
        f"FIGURE story_suggest_precision_{method}_{split} {precision:.3f} ratio ({stories} stories)"
    )
    print(f"FIGURE story_suggest_recall_{method}_{split} {recall:.3f} ratio")
    print(f"FIGURE story_suggest_f1_{method}_{split} {f1:.3f} ratio")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE_COMMIT, help="commit of the baseline model")
    args = parser.parse_args(argv)
    corpus = story_sets.story_groups()
    packs_dev = story_sets.pack_story_groups(held_out=False)
    fresh2 = story_sets.pack_story_groups(held_out=True)
    training = corpus + packs_dev
    classifier = story_sets.classifier_weights()

    centroids = story_sets.description_centroids()

    def before_loso(group: story_sets.StoryGroup) -> list[list[str]]:
        rest = [g for g in training if g.key != group.key]
        model = story_sets.competency_model(rest, classifier)
        return _with_model(model)(group)

    def after_loso(group: story_sets.StoryGroup) -> list[list[str]]:
        rest = [g for g in training if g.key != group.key]
        return _with_suggester(story_sets.suggest_model(rest, classifier, centroids))(group)

    base = _with_model(_baseline_model(args.baseline))
    shipped = _with_suggester(story_suggest.load_model())
    # The baseline model was trained on the corpus stories: its corpus figure is in-sample
    # and not printed; the story model's softmax retrained without the occupation is.
    for split, groups in (("corpus", corpus), ("packs_dev", packs_dev)):
        if split != "corpus":
            _figures("base", split, groups, base)
        _figures("before_loso", split, groups, before_loso)
        _figures("loso", split, groups, after_loso)
    _figures("base", "fresh2", fresh2, base)
    _figures("shipped", "fresh2", fresh2, shipped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
