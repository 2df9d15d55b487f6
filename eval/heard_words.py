"""Whisper's words for the generated clips, decoded once and kept on disk.

The app's default setting is Whisper's words (``speech.SETTINGS["default_words"]``) with
the hesitations heard in the audio added (``hesitations.with_hesitations``). Comparing
hesitation classifiers needs only the first part decoded once: it is cached here, with
the voice-activity probabilities, by the clip's key and the model's digest, so a
classifier is trained and scored without running Whisper again.

    python eval/heard_words.py [inline] [corpus]   # decode (or check) the clips
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spoken_corpus as corpus  # noqa: E402

from secondround.engine.practice import hesitations, speech  # noqa: E402

SETTING = "default_words"
INLINE_NAMES = ("i0", "i1", "i2", "i3")
# The drawn-out scripts used by the word classifier (a machine with 2 cores makes and
# decodes a third of them in the time there was): each has a cough, breath or click.
DRAWN_OUT_NAMES = ("00", "01", "02", "03")
CODE = 1  # bump when the cached words would change


@dataclass
class Heard:
    audio: np.ndarray
    words: list[hesitations.Word]
    probabilities: np.ndarray
    seconds: float  # Whisper's time when it was decoded


def _folder() -> Path:
    return corpus.CACHE / "heard" / f"{SETTING}-v{CODE}-{speech.MODEL_SHA256[:8]}"


def heard(key: str, data: bytes) -> Heard:
    """The words Whisper hears in a recording (the app's setting, no hesitations added)."""
    folder = _folder()
    words_file, vad_file = folder / f"{key}.json", folder / f"{key}.npy"
    audio = speech.decode(data)
    if words_file.is_file() and vad_file.is_file():
        raw = json.loads(words_file.read_text())
        words = [hesitations.Word(*w) for w in raw["words"]]
        return Heard(audio, words, np.load(vad_file), raw["seconds"])
    began = time.perf_counter()
    result = speech.transcribe(data, setting=SETTING)
    took = time.perf_counter() - began
    words = [hesitations.Word(w.text, w.start, w.end, w.probability) for w in result.words]
    probabilities = speech.speech_probabilities(audio)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(vad_file, probabilities)
    rows = [[w.text, w.start, w.end, w.probability] for w in words]
    words_file.write_text(json.dumps({"words": rows, "seconds": took}))
    return Heard(audio, words, probabilities, took)


def main() -> None:
    import inline_fillers

    began = time.perf_counter()
    parts = [a for a in sys.argv[1:] if a in ("inline", "corpus")] or ["inline", "corpus"]
    if "inline" in parts:
        for index, script in enumerate(inline_fillers.SCRIPTS):
            for voice in inline_fillers.VOICES:
                data = inline_fillers.clip(script, voice, index)
                h = heard(f"inline-{index:02d}-{voice[0]}", data)
                print(f"# inline {index:02d} {voice[0]:10} {len(h.words)} words", flush=True)
    if "corpus" not in parts:
        return
    # The inline clips of the corpus first (the ones the word classifier learns most
    # from), then the drawn-out ones (coughs, breaths and clicks among them).
    for names in (INLINE_NAMES, DRAWN_OUT_NAMES):
        clips = corpus.build(quiet=True, names=names)
        # script by script, so that a run cut short has every voice
        for clip in sorted(clips, key=lambda c: (c.id.rsplit("-", 1)[-1], c.voice)):
            h = heard(clip.key, clip.audio())
            print(f"# corpus {clip.id:28} {len(h.words)} words", flush=True)
    print(f"# {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
