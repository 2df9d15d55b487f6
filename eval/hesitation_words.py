"""The word classifier of quick hesitations, leave one voice out, against the rules.

``secondround/engine/practice/hesitation_words.py`` judges three kinds of candidates (a
word Whisper wrote for a hesitation, a voiced gap no word covers, a word stretched over
a merged "uh"). Here it is trained on the generated clips of ``eval/spoken_corpus.py``
(labelled in time: hesitations, and coughs, breaths and clicks that are not) and
measured, in the same run and on the same cached Whisper words, against today's path
(``hesitations.respelled_hesitations``'s rules), both followed by the shipped
drawn-out stretch classifier, as the app runs them:

- ``corpus``: leave one voice out over the eight voices of the corpus; a filler counts as
  found when one listed lies within 0.3 s of it (``spoken_fillers.score``), so a filler
  listed where none was said is a false one, and one on a cough or breath is counted.
- ``inline``: the clips of ``eval/inline_fillers.py`` (other scripts; Piper joe at two
  speeds, espeak-ng en-us and en-gb), each voice judged by a model trained without
  every corpus voice of its family (Piper; espeak-ng en-us*; espeak-ng en-gb*), scored
  as that script does (found = min(listed, written) per clip).

The stretch classifier shipped today was trained on all corpus voices (drawn-out clips),
so the corpus figures are slightly kind to both sides alike.

    python eval/hesitation_words.py          # needs eval/heard_words.py's cache
    python eval/hesitation_words.py --detail # every clip's misses and false fillers
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import heard_words  # noqa: E402
import inline_fillers  # noqa: E402
import spoken_corpus as corpus  # noqa: E402
import spoken_fillers  # noqa: E402

from secondround.engine.practice import hesitation_words as hw  # noqa: E402
from secondround.engine.practice import hesitations  # noqa: E402

DETAIL = "--detail" in sys.argv
# Of the classifier's calls of one kind, at most one in ten wrong (chosen within the
# training voices by an inner leave-one-voice-out).
TARGET_PRECISION = 0.9
# Never below even odds: a kind with few wrong calls among the training voices would
# otherwise be trusted at any probability.
THRESHOLDS = np.arange(0.95, 0.49, -0.05)

# The corpus voices of the same synthesiser family as each voice of eval/inline_fillers.py.
FAMILY = {
    "piper-1.0": ("piper-joe",),
    "piper-1.25": ("piper-joe",),
    "espeak-us": ("espeak-us", "espeak-nyc"),
    "espeak-gb": ("espeak-gb-f", "espeak-scotland", "espeak-rp-f", "espeak-midlands"),
}

Row = tuple[str, hw.Candidate, int]  # voice, candidate, 1 when a hesitation is there


# --------------------------------------------------------------------------- data


def cached_corpus() -> list[tuple[corpus.Clip, heard_words.Heard]]:
    """The corpus clips eval/heard_words.py has decoded (the others are left out)."""
    out = []
    for names in (heard_words.INLINE_NAMES, heard_words.DRAWN_OUT_NAMES):
        for clip in corpus.build(quiet=True, names=names):
            folder = heard_words._folder()
            if (folder / f"{clip.key}.json").is_file() and (CACHE_OK(clip)):
                out.append((clip, heard_words.heard(clip.key, clip.audio())))
    return out


def CACHE_OK(clip: corpus.Clip) -> bool:  # noqa: N802 - reads as a condition
    return (corpus.CACHE / clip.path).is_file()


def label(candidate: hw.Candidate, gold: Sequence[corpus.Event]) -> int:
    """1 when a scripted hesitation covers most of the candidate, or the candidate most
    of it."""
    for g in gold:
        overlap = min(candidate.end, g.end) - max(candidate.start, g.start)
        if overlap <= 0:
            continue
        shorter = min(candidate.end - candidate.start, g.end - g.start)
        if overlap >= 0.4 * shorter:
            return 1
    return 0


def labelled_rows(clips: Sequence[tuple[corpus.Clip, heard_words.Heard]]) -> list[Row]:
    rows: list[Row] = []
    for clip, h in clips:
        gold = [e for e in clip.fillers if e.kind in corpus.HESITATIONS]
        for candidate in hw.candidates(h.audio, h.words, h.probabilities):
            rows.append((clip.voice, candidate, label(candidate, gold)))
    return rows


# --------------------------------------------------------------------------- training


def _threshold(scored: list[tuple[float, int]]) -> float:
    """The lowest threshold whose calls are still right TARGET_PRECISION of the time."""
    best = 1.01  # no call at all when even the surest calls are too often wrong
    for threshold in THRESHOLDS:
        tp = sum(1 for p, y in scored if p >= threshold and y)
        fp = sum(1 for p, y in scored if p >= threshold and not y)
        if tp + fp and tp / (tp + fp) < TARGET_PRECISION:
            break
        if tp:
            best = round(float(threshold), 2)
    return best


def train(rows: Sequence[Row]) -> hw.WordModel:
    """One model per kind; thresholds by an inner leave-one-voice-out on these rows."""
    models: dict[str, hesitations.HesitationModel] = {}
    voices = sorted({v for v, _, _ in rows})
    for kind in hw.KINDS:
        mine = [(v, c.features, y) for v, c, y in rows if c.kind == kind]
        if sum(y for _, _, y in mine) < 3 or len(mine) - sum(y for _, _, y in mine) < 3:
            continue
        scored: list[tuple[float, int]] = []
        for held in voices:
            inner = [(f, y) for v, f, y in mine if v != held]
            if not any(y for _, y in inner):
                continue
            model = hw.fit([f for f, _ in inner], [y for _, y in inner])
            scored += [(model.probability(f), y) for v, f, y in mine if v == held]
        fitted = hw.fit([f for _, f, _ in mine], [y for _, _, y in mine])
        models[kind] = hesitations.HesitationModel(
            fitted.mean, fitted.scale, fitted.weights, fitted.bias, _threshold(scored)
        )
    return hw.WordModel(models)


# --------------------------------------------------------------------------- scoring

Pipeline = Callable[[heard_words.Heard], list[hesitations.Word]]


def pipeline(model: hw.WordModel | None) -> Pipeline:
    """The app's hesitation step: the word classifier (or the rules), then the stretches."""
    stretches = hesitations.load_model()

    def run(h: heard_words.Heard) -> list[hesitations.Word]:
        respell = (
            None
            if model is None
            else lambda words, frames: hw.judged(
                h.audio, words, h.probabilities, model, frames=frames
            )
        )
        return hesitations.with_hesitations(
            h.audio, h.words, h.probabilities, stretches, respell=respell
        )

    return run


def _show(name: str, words: Sequence[hesitations.Word]) -> None:
    print(f"#       {name}: " + " ".join(f"{w.text}[{w.start:.2f}]" for w in words))


def corpus_lovo(clips: Sequence[tuple[corpus.Clip, heard_words.Heard]], rows: list[Row]) -> None:
    tallies = {
        (name, part): spoken_fillers.Tally()
        for name in ("rules", "classifier")
        for part in ("inline", "drawn_out")
    }
    errors = {name: [0, 0] for name in ("rules", "classifier")}  # word errors, words said
    for held in sorted({c.voice for c, _ in clips}):
        model = train([r for r in rows if r[0] != held])
        runs = {"rules": pipeline(None), "classifier": pipeline(model)}
        for clip, h in clips:
            if clip.voice != held:
                continue
            part = "inline" if spoken_fillers.is_inline(clip) else "drawn_out"
            for name, run in runs.items():
                words = run(h)
                listed = spoken_fillers.detections(words)
                show = DETAIL and name == "classifier"
                tallies[name, part].add(spoken_fillers.score(clip, listed, only=None, show=show))
                e, n = spoken_fillers.word_errors(clip.reference, " ".join(w.text for w in words))
                errors[name][0] += e
                errors[name][1] += n
    for name, label_ in (("rules", "_before"), ("classifier", "")):
        e, n = errors[name]
        print(f"FIGURE hesitation_words_corpus_wer{label_} {e / n:.3f} ratio")
    for part in ("inline", "drawn_out"):
        for name, label_ in (("rules", "_before"), ("classifier", "")):
            t = tallies[name, part]
            print(f"FIGURE hesitation_words_corpus_{part}_recall_lovo{label_} {t.recall:.3f} ratio")
            print(
                f"FIGURE hesitation_words_corpus_{part}_precision_lovo{label_} "
                f"{t.precision:.3f} ratio"
            )
            print(
                f"FIGURE hesitation_words_corpus_{part}_on_coughs_breaths{label_} "
                f"{t.on_sounds} count"
            )


def inline_lovo(rows: list[Row]) -> None:
    """eval/inline_fillers.py's clips and scoring, each voice's family held out."""
    counts = {name: [0, 0, 0] for name in ("rules", "classifier")}  # written, listed, found
    took: dict[str, list[float]] = {name: [] for name in counts}
    for voice in inline_fillers.VOICES:
        model = train([r for r in rows if r[0] not in FAMILY[voice[0]]])
        runs = {"rules": pipeline(None), "classifier": pipeline(model)}
        for index, script in enumerate(inline_fillers.SCRIPTS):
            data = inline_fillers.clip(script, voice, index)
            h = heard_words.heard(f"inline-{index:02d}-{voice[0]}", data)
            written = inline_fillers.written_fillers(script)
            line = []
            for name, run in runs.items():
                began = time.perf_counter()
                words = run(h)
                took[name].append(time.perf_counter() - began)
                listed = len(spoken_fillers.detections(words))
                c = counts[name]
                c[0], c[1], c[2] = c[0] + written, c[1] + listed, c[2] + min(written, listed)
                line.append(f"{name} {listed}/{written}")
                if DETAIL and name == "classifier" and listed != written:
                    _show("heard", h.words)
                    _show("listed", words)
            print(f"#   inline {index:02d} {voice[0]:10} " + "  ".join(line))
    # What the classifier adds to the wait after stop: the hesitation step on a 10 s
    # answer (the app's last window is at most that long).
    for name, label_ in (("rules", "_before"), ("classifier", "")):
        print(
            f"FIGURE hesitation_step_seconds_median{label_} {statistics.median(took[name]):.3f} s"
        )
    for name, label_ in (("rules", "_before"), ("classifier", "")):
        written, listed, found = counts[name]
        print(f"FIGURE hesitation_words_inline_recall_lovo{label_} {found / written:.3f} ratio")
        print(
            f"FIGURE hesitation_words_inline_precision_lovo{label_} "
            f"{found / max(listed, 1):.3f} ratio"
        )


def main() -> None:
    clips = cached_corpus()
    rows = labelled_rows(clips)
    print(f"# {len(clips)} corpus clips decoded; candidates by kind (hesitations among them):")
    for kind in hw.KINDS:
        mine = [y for _, c, y in rows if c.kind == kind]
        print(f"#   {kind:5} {len(mine):4} ({sum(mine)})")
    inline_lovo(rows)
    corpus_lovo(clips, rows)


if __name__ == "__main__":
    main()
