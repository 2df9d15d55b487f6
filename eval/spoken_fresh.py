"""Fillers in spoken answers nobody has tuned on: a set made after the filler finder was
frozen, scored through the path the practice page takes.

Written on 7 December 2026 (stop 28), before any change to the speech code of that stop,
and scored first on the code as it stood (the commit that adds this file records that
score). Its misses are not to be read: fix on ``eval/spoken_corpus.py`` (development),
score here.

- Scripts: 14 answers of our own, in occupations the other speech sets do not use (a
  dental nurse, a social worker, a courier, an architect, a pharmacist, a hotel receptionist,
  a mechanic, a data analyst, a carpenter, a midwife, a barista, an HR adviser, a civil
  engineer, a paramedic), seven with drawn-out hesitations between pauses and seven with
  fillers said at the voice's pace, as ``eval/spoken_corpus.py`` makes them. The scripts
  also use "like", "so" and "you know" in their ordinary senses (not fillers).
- Voices the classifiers never trained on: four espeak-ng accents and variants the corpus
  does not use (Lancaster, an American woman, a British man, a New York woman), and
  Piper's joe voice (the one voice the app ships, which the classifiers did train on) at
  two speeds the corpus does not use, counted apart.
- Clean, and room noise at 20 and 10 dB; webm/opus as a browser sends it.

Two paths, the same shipped models: the whole recording (``speech.transcribe``) and the
one the practice page takes, the recording sent in 3-second pieces while the candidate
speaks (``speech.IncrementalTranscriber``). A filler counts as found when a filler the
report lists lies within 0.3 s of it (``spoken_fillers.score``).

    .venv/bin/python eval/spoken_fresh.py     # about 8 minutes on 2 quiet cores

First score, on the code as it stood (main d72f036), before any change; 70 clips, 215
fillers (recall / precision):

    path       all            4 unseen voices   Piper (2 new speeds)   fillers on sounds   WER
    streamed   0.912 / 0.925  0.953 / 0.932     0.744 / 0.889          0                   0.244
    whole      0.935 / 0.944  0.959 / 0.954     0.837 / 0.900          0                   0.146
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spoken_corpus as corpus  # noqa: E402
from spoken_fillers import PIECE_SECONDS, Tally, detections, score, word_errors  # noqa: E402

from secondround.engine.practice import hesitations, speech  # noqa: E402

DRAWN_OUT: tuple[str, ...] = (
    "{um} The patient was terrified of the drill, so before we started I showed her every "
    "instrument. <1.2> {uh} I agreed a hand signal with her for stopping, [breath] and she "
    "came back for the rest of her treatment without sedation.",
    "{er} My caseload was forty families when I joined the team. I like to visit in person, "
    "{um} so I grouped the visits by area [cough] and {you know} it freed a whole day a week "
    "for the families in crisis.",
    "On my route I deliver about a hundred and twenty parcels a day. {hmm} One morning the "
    "van broke down on the ring road. {um} <1.5> I called the depot, moved the urgent "
    "parcels to a colleague's van, {uh} and still finished by six. So I like early starts.",
    "{erm} The client wanted a glass extension that the planners had refused twice. [click] "
    "I went back to the planning officer, {um} asked what worried them, and {like} we "
    "lowered the roof line by half a metre. It was approved in four weeks.",
    "{uh} A customer brought in two boxes of the same tablets from different doctors. "
    "<2.0> I checked the records, {er} saw the doubled dose, and called both surgeries "
    "before I gave her anything.",
    "{so} the booking system went down on a Friday night with sixty guests arriving. "
    "{um} I printed the last list we had, [breath] {you know} checked people in by hand, "
    "and {hmm} fixed the room numbers in the system the next morning.",
    "The car came in three times with the same warning light. {uh} The other mechanics had "
    "replaced the sensor, [cough] {erm} but I traced the wiring and found a chafed cable "
    "behind the wheel arch. {um} The customer never came back with it.",
)

INLINE: tuple[str, ...] = (
    "{so} the sales report took two days every month. {um} I rebuilt it as a query, "
    "{uh} tested it against three old months, and now it runs in ten minutes.",
    "{er} On a kitchen refit I found the walls were out of square. I told the owner, "
    "{like} straight away, {um} and we scribed the worktops so nobody could tell.",
    "{hmm} A mother in labour refused the monitor. {uh} I explained why we wanted it, "
    "listened to her fears, and {you know} we agreed on checks every fifteen minutes.",
    "{uh} The morning rush is about rhythm. {um} I set up the milk jugs before seven, "
    "and {you know} the queue never stops. I still chat with the regulars, so they come back.",
    "{erm} A manager wanted to dismiss someone on the spot. I asked him to wait a day, "
    "{er} gathered the facts, and {like} it turned out to be a scheduling mistake.",
    "{so} the bridge inspection showed cracks in two bearings. {um} I wrote the report "
    "that night, {uh} closed one lane, and {hmm} the repair was done within a month.",
    "{uh} We arrived to find a man collapsed in a shop. {er} I started compressions, "
    "{um} my partner set up the defibrillator, and {you know} he walked out of hospital.",
)

# name, engine, variant, speeds (Piper: length scale; espeak-ng: words per minute)
VOICES: tuple[corpus.Voice, ...] = (
    corpus.Voice("espeak-lancaster", "espeak-ng", "en-gb-x-gbclan+m7", (150.0, 172.0)),
    corpus.Voice("espeak-us-f", "espeak-ng", "en-us+f5", (155.0, 178.0)),
    corpus.Voice("espeak-gb-m", "espeak-ng", "en-gb+m1", (148.0, 168.0)),
    corpus.Voice("espeak-nyc-f", "espeak-ng", "en-us-nyc+f2", (152.0, 176.0)),
    corpus.Voice("piper-joe-fresh", "piper", "", (0.95, 1.1)),
)
SEEN_VOICES = ("piper-joe-fresh",)  # the classifiers trained on this voice (other speeds)


def streamed_words(data: bytes) -> list[hesitations.Word]:
    """The words the practice page ends with: the recording sent in 3-second pieces."""
    piece = max(1, int(len(data) * PIECE_SECONDS / speech.probe_audio(data)))
    incremental = speech.IncrementalTranscriber()
    for cut in range(piece, len(data), piece):
        incremental.add(data[:cut])
    final = incremental.finish(data)
    return [hesitations.Word(w.text, w.start, w.end, w.probability) for w in final.words]


def whole_words(data: bytes) -> list[hesitations.Word]:
    result = speech.transcribe(data)
    return [hesitations.Word(w.text, w.start, w.end, w.probability) for w in result.words]


def main() -> None:
    began = time.perf_counter()
    clips = corpus.build(quiet=True, voices=VOICES, drawn_out=DRAWN_OUT, inline=INLINE)
    fillers = sum(len(c.fillers) for c in clips)
    print(f"# {len(clips)} clips, {fillers} fillers, made in {time.perf_counter() - began:.0f} s")
    paths = {"streamed": streamed_words, "whole": whole_words}
    tallies = {(p, group): Tally() for p in paths for group in ("all", "unseen", "seen")}
    errors = {p: [0, 0] for p in paths}
    for clip in clips:
        data = clip.audio()
        group = "seen" if clip.voice in SEEN_VOICES else "unseen"
        for name, path in paths.items():
            words = path(data)
            tally = score(clip, detections(words), only=None)
            tallies[name, "all"].add(tally)
            tallies[name, group].add(tally)
            e, n = word_errors(clip.reference, " ".join(w.text for w in words))
            errors[name][0] += e
            errors[name][1] += n
        print(
            f"#   {clip.id:28} "
            + "  ".join(f"{p} {tallies[p, 'all'].found}/{tallies[p, 'all'].gold}" for p in paths),
            flush=True,
        )
    for name in paths:
        for group, label in (("all", ""), ("unseen", "_unseen_voices"), ("seen", "_piper")):
            t = tallies[name, group]
            print(f"FIGURE spoken_fresh_filler_recall_{name}{label} {t.recall:.3f} ratio")
            print(f"FIGURE spoken_fresh_filler_precision_{name}{label} {t.precision:.3f} ratio")
        on_sounds = tallies[name, "all"].on_sounds
        print(f"FIGURE spoken_fresh_fillers_on_sounds_{name} {on_sounds} count")
        print(f"FIGURE spoken_fresh_wer_{name} {errors[name][0] / errors[name][1]:.3f} ratio")
    print(f"# total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
