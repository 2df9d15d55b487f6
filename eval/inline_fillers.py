"""Fillers said inline, as a text-to-speech voice says them when they are written in the text.

``eval/spoken_fillers.py`` draws each hesitation out and puts pauses around it, as people
do. A synthesised answer with "um, uh, er" written into its text (the way a tester most
easily makes one) is harder: the voice says each filler quickly, inside the sentence. This
set is made that way: 12 answers of our own (nursing, teaching, a kitchen, a warehouse,
retail, accounting, plumbing, a call centre, software, a library, a bus depot, a lab), each
with 3 to 5 fillers written in (um, uh, er, erm, hmm, and "so", "like", "you know" as
fillers), spoken whole by Piper's joe voice at two speeds and by two espeak-ng voices.

The first six scripts are the development half (used to compare settings), the last six the
test half (scored only). Per clip, the fillers the practice report lists are counted
against the fillers written in: found = min(listed, written) for each clip, so recall is
found / written and precision found / listed. This is how a person checks the report's
count ("it says 1 filler; I said 3").

    python eval/inline_fillers.py           # settings: default (the app), prompt, v1_prompt
    python eval/inline_fillers.py --dev default prompt    # one half, chosen settings
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spoken_corpus as corpus  # noqa: E402

from secondround.engine.practice import speech  # noqa: E402
from secondround.engine.practice.fillers import timed_fillers  # noqa: E402
from secondround.engine.practice.report import Word  # noqa: E402

# Fillers are in braces so they can be counted; the braces are removed before speaking.
SCRIPTS = (
    # development half
    "{Um}, on my last night shift a patient's blood pressure dropped quickly. {Uh}, I "
    "called the rapid response team, and {you know}, I stayed with her until the doctor came.",
    "{So}, in my classroom I had a boy who would not read aloud. {Er}, I started giving him "
    "short comic strips, and by March, {um}, he was reading to the whole class.",
    "{Hmm}, the busiest service I remember was a wedding for two hundred guests. {Uh}, the "
    "oven failed at six, so we, {like}, moved the roasts to the grill and served on time.",
    "{Um}, in the warehouse I noticed pickers walking back and forth. {Erm}, I suggested "
    "we group orders by aisle, and {uh}, picking time fell by about a fifth.",
    "{You know}, retail is about people. {Um}, a customer once came back angry about a "
    "broken kettle, and {er}, I replaced it and helped her carry it to the car.",
    "{Uh}, at the end of the quarter the accounts did not balance. {Um}, I traced it to "
    "a duplicated invoice, and {so}, I added a check to the monthly close.",
    # test half
    "{Um}, a customer's boiler was leaking on a Sunday. {Uh}, I shut off the water, "
    "replaced the valve, and {you know}, showed her how to do it herself next time.",
    "{Er}, callers are often upset before they say a word. {Um}, I let them finish, "
    "{uh}, repeat back what I heard, and then we fix it together.",
    "{So}, our release broke the login page for a few hours. {Um}, I rolled it back, "
    "{hmm}, wrote down what went wrong, and we added a test for it.",
    "{Uh}, the library wanted more teenagers to visit. {Um}, I started a games night on "
    "Fridays, and {like}, within a month forty students were coming.",
    "{Erm}, drivers kept missing the new timetable. {Uh}, I printed a one-page summary "
    "for each route, and {um}, complaints dropped the next week.",
    "{Um}, a sample in the lab was labelled wrong. {Uh}, I stopped the run, {er}, checked "
    "the log against the freezer list, and found the mix-up before any results went out.",
)
DEV = 6
# (name, engine, variant, speed): Piper's length scale, espeak's words per minute.
VOICES = (
    ("piper-1.0", "piper", "", 1.0),
    ("piper-1.25", "piper", "", 1.25),
    ("espeak-us", "espeak", "en-us", 165),
    ("espeak-gb", "espeak", "en-gb", 150),
)
HESITATIONS = {"um", "uh", "er", "erm", "hmm"}
CACHE = corpus.CACHE / "inline"


def written_fillers(script: str) -> int:
    return len(re.findall(r"\{[^}]*\}", script))


def clip(script: str, voice: tuple[str, str, str, float], index: int) -> bytes:
    name, engine, variant, speed = voice
    path = CACHE / f"{index:02d}-{name}.webm"
    if path.is_file():
        return path.read_bytes()
    text = script.replace("{", "").replace("}", "")
    if engine == "piper":
        audio = corpus._piper(text, speed)
    else:
        audio = corpus._espeak(text, variant, speed)
    data = corpus.to_webm(audio)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def listed_fillers(data: bytes, setting: str) -> int:
    result = speech.transcribe(data, setting=setting)
    words = [Word(w.text, w.start, w.end) for w in result.words]
    return len(timed_fillers(result.text, words))


def main() -> None:
    halves = [h for h in ("dev", "test") if f"--{h}" in sys.argv] or ["dev", "test"]
    settings = [a for a in sys.argv[1:] if not a.startswith("-")] or [
        speech.DEFAULT_SETTING,
        "prompt",
        "v1_prompt",
    ]
    for setting in settings:
        for half, scripts in (("dev", SCRIPTS[:DEV]), ("test", SCRIPTS[DEV:])):
            if half not in halves:
                continue
            offset = 0 if half == "dev" else DEV
            written = listed = found = 0
            began = time.perf_counter()
            for i, script in enumerate(scripts):
                for voice in VOICES:
                    n = written_fillers(script)
                    heard = listed_fillers(clip(script, voice, offset + i), setting)
                    written, listed, found = written + n, listed + heard, found + min(n, heard)
                    print(f"#   {setting:9} {half:4} {offset + i:2} {voice[0]:10} {heard}/{n}")
            recall = found / written
            precision = found / listed if listed else 0.0
            print(f"FIGURE inline_filler_recall_{half}_{setting} {recall:.3f} ratio")
            print(f"FIGURE inline_filler_precision_{half}_{setting} {precision:.3f} ratio")
            print(f"# {setting} {half}: {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
