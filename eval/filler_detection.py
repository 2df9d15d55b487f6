"""Filler-word detection on real speech transcripts, plus a Disfl-QA sanity figure.

AMI (/work/shared/eval/03_star_answers_and_disfluency/ami_speaker_transcripts/, the first
120 per-speaker meeting transcripts; AMI Meeting Corpus manual transcripts, CC BY 4.0,
extracted by gcunhase/AMICorpusXML): the transcribers wrote hesitations out. Gold = every
token written exactly as one of um, uh, er, erm, hmm, mm (case-insensitive, punctuation
stripped; backchannels such as "mm-hmm" and "uh-huh" are single tokens and not gold). The
detector runs on the text with those tokens kept; a detection counts as true when its span
is a gold token. Recall = true / gold, precision = true / detections of those same words.

"like" and "you know" have no gold in AMI; the script prints how many of each the detector
flags per 1,000 words, as a rough rate to eyeball (the detector only flags the filler uses,
not "I like" or "like a").

Words that a recogniser may write for a hesitation ("a,", "Her,", "or,":
hesitations.respelled_hesitations) are rare where people write them in these transcripts:
the rule is run on the AMI tokens (commas as the transcribers wrote them, no pauses, every
word sure) and the share it would rewrite is printed per 1,000 words (every one is a
false hesitation: AMI's transcribers wrote theirs as um/uh).

Disfl-QA (/work/shared/eval/03_star_answers_and_disfluency/disfl_qa/test.json, CC BY 4.0):
disfluent questions written by annotators next to the original SQuAD questions. Detected
fillers per 100 questions in each, as a sanity figure (more in the disfluent ones).

    .venv/bin/python eval/filler_detection.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.practice.answer_text import TOKEN  # noqa: E402
from secondround.engine.practice.fillers import filler_spans  # noqa: E402
from secondround.engine.practice.hesitations import Word, respelled_hesitations  # noqa: E402

BASE = Path("/work/shared/eval/03_star_answers_and_disfluency")
AMI = BASE / "ami_speaker_transcripts"
DISFL = BASE / "disfl_qa" / "test.json"
AMI_FILLERS = frozenset({"um", "uh", "er", "erm", "hmm", "mm"})
GOLD_TOKEN = re.compile(r"[^\s]+")


def gold_spans(text: str) -> set[tuple[int, int]]:
    out = set()
    for m in GOLD_TOKEN.finditer(text):
        raw = m.group(0)
        core = raw.strip(".,;:!?\"'()[]")
        if core.lower() in AMI_FILLERS:
            start = m.start() + raw.index(core)
            out.add((start, start + len(core)))
    return out


def ami() -> None:
    gold_total = detected = true = words = 0
    other: dict[str, int] = {"like": 0, "you know": 0}
    missed: dict[str, int] = {}
    for path in sorted(AMI.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(TOKEN.findall(text))
        gold = gold_spans(text)
        gold_total += len(gold)
        found = filler_spans(text)
        hits = set()
        for start, end, phrase in found:
            if phrase in other:
                other[phrase] += 1
            if phrase in AMI_FILLERS:
                detected += 1
                if (start, end) in gold:
                    true += 1
                    hits.add((start, end))
        for s, e in gold - hits:
            key = text[s:e].lower()
            missed[key] = missed.get(key, 0) + 1
    rate = respelled_ami() * 1000 / words
    print(f"FIGURE filler_respelled_per_1000_words_ami {rate:.3f} per_1000_words")
    files = len(list(AMI.glob("*.txt")))
    print(f"# AMI: {files} transcripts, {words} words, {gold_total} gold filler tokens")
    print(f"# missed gold by word: {missed}")
    print(f"FIGURE filler_recall_ami {true / gold_total:.3f} ratio")
    print(f"FIGURE filler_precision_ami {true / detected if detected else 0.0:.3f} ratio")
    for phrase, n in other.items():
        slug = phrase.replace(" ", "_")
        print(f"FIGURE filler_{slug}_per_1000_words_ami {n * 1000 / words:.2f} per_1000_words")


def respelled_ami() -> int:
    """How many AMI words the respelling rule would take for a hesitation."""
    count = 0
    for path in sorted(AMI.glob("*.txt")):
        said = path.read_text(encoding="utf-8", errors="replace").split()
        words = [Word(token, i, i + 1.0, 0.9) for i, token in enumerate(said)]
        heard = respelled_hesitations(words)
        count += sum(1 for a, b in zip(words, heard, strict=True) if a.text != b.text)
    return count


def disfl_qa() -> None:
    pairs = json.loads(DISFL.read_text(encoding="utf-8"))
    counts = {"original": 0, "disfluent": 0}
    for item in pairs.values():
        for key in counts:
            counts[key] += len(filler_spans(item[key]))
    n = len(pairs)
    print(f"# Disfl-QA test: {n} question pairs")
    for key, c in counts.items():
        print(f"FIGURE disflqa_fillers_per_100_{key} {c * 100 / n:.2f} per_100_questions")


if __name__ == "__main__":
    ami()
    disfl_qa()
