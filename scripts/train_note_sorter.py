"""Train the notes item sorter on every labelled training note and ship its weights.

    .venv/bin/python scripts/train_note_sorter.py

Reads the training notes of eval/note_sets.py (the dev sources of eval/notes_corpus,
eval/notes_grown, the test fixtures and eval/notes_dev4; never the corpus's test sources,
eval/notes_heldout, the fresh sets nor eval/blind), labels each clause the splitter sorts
by lining it up with the expected items, and writes secondround/data/models/note_sorter.npz.
Only weights are shipped. Prints the file's SHA-256: paste it into MODEL_SHA256 of
secondround/engine/reading/note_sorter.py, or the splitter will not load the new file.
eval/notes_split.py gives the leave-one-source-out figures of the same training.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from note_sets import labelled_pieces, training_notes  # noqa: E402

from secondround.engine.nlp import embeddings  # noqa: E402
from secondround.engine.reading.note_sorter import MODEL_PATH, save_sorter, train_sorter  # noqa: E402


def main() -> None:
    notes = training_notes()
    rows = labelled_pieces(notes)
    texts = [piece.text for piece, _, _ in rows]
    sorter = train_sorter(embeddings.embed(texts), [p for p, _, _ in rows], [r[1] for r in rows])
    digest = save_sorter(sorter)
    sources = len({source for _, _, source in rows})
    where = MODEL_PATH.relative_to(ROOT)
    print(f"{where}: {len(rows)} clauses of {len(notes)} notes, {sources} sources")
    print(f"MODEL_SHA256 = {digest!r}")


if __name__ == "__main__":
    main()
