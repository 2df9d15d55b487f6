"""Streamed against whole-file transcription on the development clips: where fillers go.

The practice page transcribes an answer in windows while it is recorded
(``speech.IncrementalTranscriber``); ``eval/spoken_fresh.py`` found that path lists fewer
fillers than transcribing the whole recording does (stop 28: recall 0.912 against 0.935
on the fresh set). This script is the development side of that comparison: the clips of
``eval/spoken_corpus.py`` (and two more development voices made the same way), both
paths, recall, precision and word error rate per voice, and with ``--detail`` every
missed or false filler with the window cut nearest to it. Window settings to try are
passed as IncrementalTranscriber keywords.

    .venv/bin/python eval/streamed_fillers.py piper-joe espeak-gb-f [--detail]
    .venv/bin/python eval/streamed_fillers.py piper-joe --window min_new=5.0 --streamed-only

Stop 28, three voices (piper-joe, espeak-gb-f, espeak-scotland; 48 clips): streamed
recall 0.939, precision 0.920, WER 0.181; whole file 0.973, 0.993, 0.110.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spoken_corpus as corpus  # noqa: E402
from spoken_fillers import PIECE_SECONDS, Tally, detections, score, word_errors  # noqa: E402

from secondround.engine.practice import hesitations, speech  # noqa: E402

# Development voices beyond the corpus's own: Piper between its speeds, one more espeak-ng.
MORE_VOICES = (
    corpus.Voice("piper-dev2", "piper", "", (0.95, 1.1)),
    corpus.Voice("espeak-dev2", "espeak-ng", "en-us+f3", (160.0, 180.0)),
)


def streamed(data: bytes, window: dict[str, float]) -> tuple[list[hesitations.Word], list[float]]:
    """The words the page ends with, and the points where one window handed over."""
    piece = max(1, int(len(data) * PIECE_SECONDS / speech.probe_audio(data)))
    incremental = speech.IncrementalTranscriber(**window)  # type: ignore[arg-type]
    cuts: list[float] = []
    for cut in range(piece, len(data), piece):
        before = incremental.committed_until
        incremental.add(data[:cut])
        if incremental.committed_until != before:
            cuts.append(float(incremental.committed_until))
    words = incremental.finish(data).words
    return [hesitations.Word(w.text, w.start, w.end, w.probability) for w in words], cuts


def whole(data: bytes) -> list[hesitations.Word]:
    words = speech.transcribe(data).words
    return [hesitations.Word(w.text, w.start, w.end, w.probability) for w in words]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("voices", nargs="+", help="voice names of the corpus or MORE_VOICES")
    parser.add_argument("--window", action="append", default=[], help="KEY=VALUE")
    parser.add_argument("--streamed-only", action="store_true")
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args()
    window = {k: float(v) for k, v in (item.split("=", 1) for item in args.window)}
    voices = [v for v in (*corpus.VOICES, *MORE_VOICES) if v.name in args.voices]
    if not voices:
        raise SystemExit(f"no such voice: {' '.join(args.voices)}")
    clips = corpus.build(quiet=True, voices=voices)
    totals: dict[tuple[str, str], list] = {}
    for clip in clips:
        data = clip.audio()
        paths = {"streamed": streamed(data, window)}
        if not args.streamed_only:
            paths["whole"] = (whole(data), [])
        for name, (words, cuts) in paths.items():
            t = score(clip, detections(words), only=None, show=args.detail, cuts=cuts)
            e, n = word_errors(clip.reference, " ".join(w.text for w in words))
            for key in ((name, "all"), (name, clip.voice)):
                total = totals.setdefault(key, [Tally(), 0, 0])
                total[0].add(t)
                total[1], total[2] = total[1] + e, total[2] + n
    for (name, voice), (t, e, n) in sorted(totals.items()):
        print(
            f"# {name:8} {voice:20} recall {t.recall:.3f} "
            f"precision {t.precision:.3f} wer {e / n:.3f}"
        )
    for name in ("streamed", "whole"):
        if (name, "all") in totals:
            t, e, n = totals[name, "all"]
            print(f"FIGURE streamed_dev_filler_recall_{name} {t.recall:.3f} ratio")
            print(f"FIGURE streamed_dev_filler_precision_{name} {t.precision:.3f} ratio")
            print(f"FIGURE streamed_dev_wer_{name} {e / n:.3f} ratio")


if __name__ == "__main__":
    main()
