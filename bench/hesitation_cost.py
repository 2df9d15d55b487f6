"""What the word classifier of quick hesitations costs the wait after stop.

The bench's 2-minute answer (bench/speech.py) is streamed in 3-second pieces to
IncrementalTranscriber with the default setting, alternately with the classifier of
``hesitation_words.py`` loaded and without it (the rules instead), in one process, so the
machine's load falls on both alike.

    python bench/hesitation_cost.py [runs per side, default 2]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import speech as bench_speech  # noqa: E402  (bench/speech.py)

from secondround.engine.practice import speech  # noqa: E402


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    clips = bench_speech.synthesise()
    last = bench_speech.TWO_MINUTE
    webm = bench_speech.to_webm(bench_speech.join_wavs(clips[last - 1][2], clips[last][2]))
    piece = max(1, int(len(webm) * bench_speech.PIECE_SECONDS / speech.probe_audio(webm)))
    cuts = list(range(piece, len(webm), piece))
    speech.transcribe(clips[0][2])  # load the models
    model = speech._hesitation_word_model()
    if model is None:
        raise SystemExit("the word classifier's model is missing or altered")
    results: dict[str, list[tuple[float, float]]] = {"on": [], "off": []}
    for run in range(runs):
        for name in ("on", "off") if run % 2 == 0 else ("off", "on"):
            speech._HESITATION_WORD_MODEL[:] = [model if name == "on" else None]
            took, slowest, _, _, used = bench_speech.report_after_stop(
                webm, cuts, setting=speech.DEFAULT_SETTING
            )
            results[name].append((took, used))
            print(
                f"# {name}: after stop {took:.2f} s ({used:.2f} cpu s), slowest piece {slowest:.2f}"
            )
    for name, measured in results.items():
        print(
            f"FIGURE speech_report_after_stop_word_classifier_{name}_median "
            f"{statistics.median(t for t, _ in measured):.2f} s"
        )
        print(
            f"FIGURE speech_report_after_stop_word_classifier_{name}_cpu_median "
            f"{statistics.median(u for _, u in measured):.2f} cpu_s"
        )


if __name__ == "__main__":
    main()
