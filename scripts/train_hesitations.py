"""Train the hesitation classifier shipped in secondround/data/models/hesitations.json.

It learns from every voice of the generated set (eval/spoken_corpus.py): the steady
voiced stretches the candidate finder cuts out of each answer, labelled by whether a
scripted hesitation lies there. The threshold is chosen by leave-one-voice-out among
them (recall first: F2). How well it does on a voice it never heard is measured by
eval/spoken_fillers.py, which trains the same way without the voice it tests.

    python scripts/train_hesitations.py    # then pin the printed SHA-256 in hesitations.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spoken_corpus as corpus  # noqa: E402
import spoken_fillers  # noqa: E402

from secondround.engine.practice import (  # noqa: E402
    hesitations,
    speech,  # noqa: E402
)


def main() -> None:
    rows = []
    for clip in corpus.build(quiet=True):
        if spoken_fillers.is_inline(clip):  # scored only, as in the evaluation
            continue
        audio = speech.decode(clip.audio())
        heard = spoken_fillers.recognised(clip, spoken_fillers.WHISPER)
        probabilities = speech.speech_probabilities(audio)
        for candidate, label in spoken_fillers.labelled_candidates(
            clip, audio, heard.words, probabilities
        ):
            rows.append((clip.voice, candidate, label))
    model = spoken_fillers.train(rows)
    text = json.dumps(model.as_json(), indent=1) + "\n"
    hesitations.MODEL_FILE.write_text(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    print(
        f"# {len(rows)} stretches, {sum(r[2] for r in rows)} hesitations; threshold "
        f"{model.threshold:.2f}"
    )
    print(f"# wrote {hesitations.MODEL_FILE.relative_to(ROOT)}")
    print(f'MODEL_SHA256 = "{digest}"')


if __name__ == "__main__":
    main()
