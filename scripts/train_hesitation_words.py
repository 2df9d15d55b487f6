"""Train the word classifier of quick hesitations (data/models/hesitation_words.json).

It learns from every voice of the generated corpus decoded by eval/heard_words.py (the
inline scripts and the first drawn-out ones: hesitations said quickly, said drawn out,
and coughs, breaths and clicks), one logistic regression per kind of candidate, each
threshold chosen by leave-one-voice-out among them. How well it does on a voice it never
heard is measured by eval/hesitation_words.py, which trains the same way without it.

    python eval/heard_words.py                  # decode the clips once (cached)
    python scripts/train_hesitation_words.py    # then pin the printed SHA-256
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import hesitation_words as evaluation  # noqa: E402

from secondround.engine.practice import hesitation_words as hw  # noqa: E402


def main() -> None:
    clips = evaluation.cached_corpus()
    rows = evaluation.labelled_rows(clips)
    model = evaluation.train(rows)
    text = json.dumps(model.as_json(), indent=1) + "\n"
    hw.MODEL_FILE.write_text(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    voices = sorted({c.voice for c, _ in clips})
    print(f"# {len(clips)} clips, {len(voices)} voices, {len(rows)} candidates")
    for kind in hw.KINDS:
        mine = [y for _, c, y in rows if c.kind == kind]
        threshold = model.models[kind].threshold if kind in model.models else None
        print(
            f"#   {kind:5} {len(mine):4} candidates, {sum(mine)} hesitations, threshold {threshold}"
        )
    print(f"# wrote {hw.MODEL_FILE.relative_to(ROOT)}")
    print(f'MODEL_SHA256 = "{digest}"')


if __name__ == "__main__":
    main()
