"""A labelled set of spoken answers made here: several voices, speeds and noise levels,
with every hesitation, filler word, cough and breath at a known time.

Nothing is downloaded. Each answer script (our own text, written for this set) is cut
into pieces that are synthesised one by one and joined with pauses, so the time of every
piece is known exactly:

    plain text          spoken as it is ("so that", "I like" are not fillers)
    {um} {uh} {er} {erm} {hmm}   a hesitation, drawn out to a random length
    {like} {you know} {so}       a filler word said on its own, between commas
    [cough] [breath] [click]     a sound that is not speech and not a filler
    <2.5>               a pause of that many seconds

Voices (the folds of the leave-one-voice-out figures): the bundled Piper voice at three
speeds, and five espeak-ng voices (American, British, Scottish, Caribbean, New York;
different variants and speeds). Noise: clean, room noise at 20 dB and at 10 dB
signal-to-noise, added to the whole clip; every clip then goes through webm/opus as a
browser would send it. Each clip has 4 s of silence before and after the answer (for the
speaking-time figure). Clips are cached in ``var/spoken-corpus/`` (about 40 MB).

    python eval/spoken_corpus.py      # build (or check) the set and print its size
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import shutil
import subprocess
import sys
import wave
from collections.abc import Container, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.practice import speech  # noqa: E402

RATE = speech.SAMPLE_RATE
CACHE = ROOT / "var" / "spoken-corpus"
VERSION = 5  # bump when the rendering changes: every clip is made again
LEAD = 4.0  # silence before and after the answer

HESITATIONS = ("um", "uh", "er", "erm", "hmm")
WORD_FILLERS = ("like", "you know", "so")

SCRIPTS: tuple[str, ...] = (
    "{um} The busiest night I remember was a Saturday in December. <0.8> Two of our cooks "
    "were off sick and {uh} we had a party of forty booked. I split the menu so that each "
    "of us owned three dishes, [breath] and we sent every plate within twelve minutes.",
    "I would say my patients trust me because I explain things slowly. {like} I sit down "
    "at the bed, I use plain words, {erm} and I check what they understood. [cough] One "
    "man told me he finally knew why he needed the injections.",
    "{so} the audit found fourteen errors in the supplier invoices. {um} <2.5> I wrote a "
    "short checklist for the team, and {you know} after three months the errors fell to "
    "two. I like work where the numbers tell you quickly if you were right.",
    "When the power failed at the school, {uh} I was the only electrician on site. I "
    "checked the main board first, {hmm} then the kitchen circuit, [click] and found a "
    "burnt connector. The lights were back before the first class.",
    "{er} My manager wanted the report every Monday, but I thought a weekly email was too "
    "slow. {um} I built a small dashboard instead, {like} with the six figures she looked "
    "at most, and she stopped asking for the report at all.",
    "Do you know what a good handover looks like? {um} For me it is short and written "
    "down. [breath] {so} on my ward we moved from long talks to a one page sheet, so nurses "
    "left on time and {uh} nothing important was missed.",
    "I taught year nine science for four years. {erm} The hardest class had thirty two "
    "students and {you know} half of them had given up on physics. [cough] I started "
    "every lesson with a question from their own lives, {uh} and the exam results rose "
    "by eleven points.",
    "{hmm} A time I made a mistake. I ordered the wrong steel for a bridge repair, {um} "
    "and we lost two days. <2.2> I told the site manager the same hour, {like} before "
    "anyone else noticed, and I found a supplier who could deliver overnight.",
    "{uh} Why this company? {so} I have driven your buses for a year as an agency driver, "
    "so I know the routes and {er} most of the regular passengers. I would like to join "
    "the team properly and train new drivers.",
    "The library lost a third of its budget, {um} so we had to choose what to keep. "
    "[breath] I asked the readers, {you know} through a short survey, and {uh} we kept "
    "the children's hours and the computer classes, which they valued most.",
    "In the lab I run about sixty samples a day. {erm} Last spring the results from one "
    "machine drifted, {hmm} and I noticed it in the control charts. [click] We recalibrated "
    "it, {um} re-ran two hundred samples and reported the delay to the doctors.",
    "{so} I handled the restructuring of our sales team. It was, {like} honestly, the "
    "hardest year of my career. {uh} I met every person one to one, [cough] explained "
    "the new territories, {um} and we kept nine of our ten best people.",
)

# Fillers said at the voice's own pace, inside the sentence, as a voice says them when
# they are written into the text ("Um, I think"): shorter and closer to the words than the
# drawn-out ones above, and harder to hear.
INLINE_SCRIPTS: tuple[str, ...] = (
    "{um} A client once came in with a colour that had gone green. {uh} I stayed calm, "
    "asked what products she had used, {like} at home, and fixed it in two sessions.",
    "{so} on my first fire call I froze for a second. {er} My crew leader gave me one "
    "task, {um} holding the hose line, and {you know} after that I always did the same.",
    "{erm} Families come to us at their worst moments. {hmm} I listen first, {uh} write "
    "down what they need, and {so} we agree on the next step together.",
    "{uh} A doctor prescribed a dose ten times too high. {um} I called her before the "
    "patient left, {er} she corrected it, and {like} we both thanked the technician.",
)


@dataclass(frozen=True)
class Voice:
    name: str  # the fold
    engine: str  # "piper" | "espeak-ng"
    variant: str  # espeak-ng voice, e.g. "en-gb+f3"; Piper: ""
    speeds: tuple[float, ...]  # Piper: length scale; espeak-ng: words per minute


VOICES: tuple[Voice, ...] = (
    Voice("piper-joe", "piper", "", (0.9, 1.0, 1.2)),
    Voice("espeak-us", "espeak-ng", "en-us+m3", (150.0, 175.0)),
    Voice("espeak-gb-f", "espeak-ng", "en-gb+f3", (145.0, 170.0)),
    Voice("espeak-scotland", "espeak-ng", "en-gb-scotland+m2", (140.0, 165.0)),
    Voice("espeak-caribbean-f", "espeak-ng", "en-029+f4", (150.0, 180.0)),
    Voice("espeak-nyc", "espeak-ng", "en-us-nyc+m5", (155.0, 185.0)),
    # Added last and never looked at while the finder and features were designed.
    Voice("espeak-rp-f", "espeak-ng", "en-gb-x-rp+f2", (150.0, 175.0)),
    Voice("espeak-midlands", "espeak-ng", "en-gb-x-gbcwmd+m4", (145.0, 170.0)),
)
NOISES: tuple[float | None, ...] = (None, 20.0, 10.0)  # SNR in dB, None = clean

# Hesitations said as a word or as phonemes (Piper IPA, espeak-ng's own notation).
_PIPER_HESITATION = {
    "um": ("Um.", "[[ ʌm ]]", "[[ əm ]]"),
    "uh": ("Uh.", "[[ ʌ ]]", "[[ ə ]]"),
    "er": ("Er.", "[[ ɜː ]]", "[[ ɛː ]]"),
    "erm": ("Erm.", "[[ ɜːm ]]", "[[ ɛm ]]"),
    "hmm": ("Hmm.", "[[ hm ]]", "[[ mː ]]"),
}
_ESPEAK_HESITATION = {
    "um": ("um", "[[V:m]]", "[[@:m]]"),
    "uh": ("uh", "[[V:]]", "[[@:]]"),
    "er": ("er", "[[3:]]", "[[E:]]"),
    "erm": ("erm", "[[3:m]]", "[[E:m]]"),
    "hmm": ("hmm", "[[hm:]]", "hmmm"),
}


@dataclass
class Event:
    kind: str  # "um", "like", "cough", "pause", ...
    start: float
    end: float


@dataclass
class Clip:
    id: str
    key: str  # digest of everything the clip is made from: its file and cached results
    voice: str
    speed: float
    snr: float | None
    path: str  # webm/opus, relative to CACHE
    reference: str  # what was said, fillers included ("um" written as said)
    fillers: list[Event] = field(default_factory=list)  # hesitations and filler words
    sounds: list[Event] = field(default_factory=list)  # coughs, breaths, clicks
    pauses: list[Event] = field(default_factory=list)  # scripted long pauses
    speech_start: float = 0.0
    speech_end: float = 0.0

    def audio(self) -> bytes:
        return (CACHE / self.path).read_bytes()


# --------------------------------------------------------------------------- synthesis

_PIPER_VOICE = None


def _piper(text: str, length_scale: float) -> np.ndarray:
    global _PIPER_VOICE
    from piper.config import SynthesisConfig

    if _PIPER_VOICE is None:
        _PIPER_VOICE = speech._piper_voice()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        _PIPER_VOICE.synthesize_wav(
            text, writer, syn_config=SynthesisConfig(length_scale=length_scale)
        )
    return speech.decode(buffer.getvalue())


def _espeak(text: str, variant: str, wpm: float, pitch: int = 50) -> np.ndarray:
    program = shutil.which("espeak-ng")
    if program is None:
        raise SystemExit("espeak-ng is missing (apt-get install espeak-ng)")
    done = subprocess.run(
        [program, "-v", variant, "-s", str(int(wpm)), "-p", str(pitch), "--stdout", text],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return speech.decode(speech._fix_wav_sizes(done.stdout))


def _trim(audio: np.ndarray, keep: float = 0.02) -> np.ndarray:
    """Cut the silence the synthesiser leaves around a piece, keeping ``keep`` seconds."""
    frame = RATE // 100
    if audio.size < frame:
        return audio
    energy = np.sqrt(np.mean(audio[: audio.size // frame * frame].reshape(-1, frame) ** 2, axis=1))
    loud = np.nonzero(energy > max(energy.max() * 0.03, 1e-4))[0]
    if not loud.size:
        return audio[:0]
    pad = int(keep * RATE)
    return audio[max(0, loud[0] * frame - pad) : min(audio.size, (loud[-1] + 1) * frame + pad)]


def _say(voice: Voice, speed: float, text: str) -> np.ndarray:
    if voice.engine == "piper":
        return _trim(_piper(text, speed))
    return _trim(_espeak(text, voice.variant, speed))


def _hesitation(
    voice: Voice, speed: float, kind: str, rng: random.Random, *, inline: bool = False
) -> np.ndarray:
    """A drawn-out hesitation: 0.25 to 1.1 s, as people say them; ``inline``: the word
    said at the voice's pace, as written ("Um,")."""
    if inline:
        return _say(voice, speed, kind.capitalize() + ",")
    forms = _PIPER_HESITATION[kind] if voice.engine == "piper" else _ESPEAK_HESITATION[kind]
    form = rng.choice(forms)
    stretch = rng.uniform(1.6, 4.0)
    pitch = rng.randint(35, 60)
    wanted = rng.uniform(0.25, 0.9)
    sound = np.zeros(0, dtype=np.float32)
    for _ in range(6):  # slower until it lasts as long as people draw a hesitation out
        if voice.engine == "piper":
            sound = _trim(_piper(form, speed * stretch))
        else:
            sound = _trim(_espeak(form, voice.variant, max(80.0, speed / stretch), pitch))
        if sound.size / RATE >= wanted:
            break
        stretch *= 1.5
    return sound


def _cough(rng: random.Random) -> np.ndarray:
    """One or two bursts of band-passed noise with a sharp attack: a cough, unvoiced."""
    parts = []
    for _ in range(rng.choice((1, 2))):
        length = rng.uniform(0.12, 0.3)
        n = int(length * RATE)
        noise = np.random.default_rng(rng.randrange(1 << 30)).standard_normal(n)
        spectrum = np.fft.rfft(noise)
        freqs = np.fft.rfftfreq(n, 1 / RATE)
        low, high = rng.uniform(200, 500), rng.uniform(2500, 4500)
        spectrum[(freqs < low) | (freqs > high)] = 0
        burst = np.fft.irfft(spectrum, n)
        envelope = np.exp(-np.arange(n) / (n * rng.uniform(0.2, 0.45)))
        envelope[: int(0.01 * RATE)] *= np.linspace(0, 1, int(0.01 * RATE))
        parts.append(burst * envelope)
        parts.append(np.zeros(int(rng.uniform(0.05, 0.15) * RATE)))
    out = np.concatenate(parts)
    return (out / np.abs(out).max() * rng.uniform(0.4, 0.8)).astype(np.float32)


def _breath(rng: random.Random) -> np.ndarray:
    """A soft in-breath: smooth broadband noise, quieter than speech."""
    n = int(rng.uniform(0.3, 0.7) * RATE)
    noise = np.random.default_rng(rng.randrange(1 << 30)).standard_normal(n)
    spectrum = np.fft.rfft(noise)
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    spectrum *= np.exp(-(((freqs - rng.uniform(1200, 2500)) / 1500) ** 2))
    out = np.fft.irfft(spectrum, n) * np.hanning(n)
    return (out / np.abs(out).max() * rng.uniform(0.08, 0.2)).astype(np.float32)


def _click(rng: random.Random) -> np.ndarray:
    """A few short clicks (a pen, a tongue): no voicing, tiny duration."""
    out = np.zeros(int(0.3 * RATE), dtype=np.float32)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(0, out.size - 200)
        out[at : at + 80] += np.random.default_rng(rng.randrange(1 << 30)).standard_normal(
            80
        ).astype(np.float32) * rng.uniform(0.2, 0.5)
    return out


def room_noise(seconds: float, seed: int) -> np.ndarray:
    """Pink-ish noise with a mains hum: a fan, a fridge, a street behind a window."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    spectrum /= np.sqrt(np.maximum(freqs, 20.0))
    noise = np.fft.irfft(spectrum, n)
    noise /= np.sqrt(np.mean(noise**2))
    t = np.arange(n) / RATE
    hum_base = rng.choice([50.0, 60.0])
    hum = sum(np.sin(2 * np.pi * hum_base * k * t + rng.uniform(0, 6)) / k for k in (1, 2, 3))
    noise = noise + 0.3 * hum
    return (noise / np.sqrt(np.mean(noise**2))).astype(np.float32)


def add_noise(audio: np.ndarray, snr_db: float, seed: int) -> np.ndarray:
    """Noise at ``snr_db`` below the loudness of the speech (its loud frames)."""
    frame = RATE // 100
    frames = audio[: audio.size // frame * frame].reshape(-1, frame)
    energy = np.mean(frames**2, axis=1)
    active = energy[energy > energy.max() * 1e-3]
    speech_power = float(np.mean(active)) if active.size else 1e-4
    noise = room_noise(audio.size / RATE, seed)
    scale = np.sqrt(speech_power / 10 ** (snr_db / 10))
    return np.clip(audio + scale * noise, -1, 1).astype(np.float32)


def to_webm(audio: np.ndarray) -> bytes:
    """webm/opus, what a browser's MediaRecorder uploads."""
    import av

    pcm = (np.clip(audio, -1, 1) * 32767).astype(np.int16)
    out = io.BytesIO()
    with av.open(out, "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = RATE
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
        for resampled in resampler.resample(frame):
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


_PIECE = re.compile(r"(\{[^}]+\}|\[[a-z]+\]|<[0-9.]+>)")


def render(
    script: str, voice: Voice, speed: float, seed: int, *, inline: bool = False
) -> tuple[np.ndarray, Clip]:
    rng = random.Random(seed)
    pieces: list[np.ndarray] = [np.zeros(int(LEAD * RATE), dtype=np.float32)]
    clip = Clip(id="", key="", voice=voice.name, speed=speed, snr=None, path="", reference="")
    said: list[str] = []
    at = LEAD

    def add(audio: np.ndarray) -> tuple[float, float]:
        nonlocal at
        start = at
        pieces.append(audio)
        at += audio.size / RATE
        return start, at

    def gap(low: float, high: float) -> None:
        add(np.zeros(int(rng.uniform(low, high) * RATE), dtype=np.float32))

    parts = [part.strip() for part in _PIECE.split(script) if part.strip()]
    for index, part in enumerate(parts):
        if index:
            gap(0.04, 0.3)
        if part.startswith("{"):
            kind = part[1:-1]
            if kind in HESITATIONS:
                start, end = add(_hesitation(voice, speed, kind, rng, inline=inline))
                said.append(kind)
            else:
                start, end = add(_say(voice, speed, kind.capitalize() + ","))
                said.append(kind)
            clip.fillers.append(Event(kind, round(start, 3), round(end, 3)))
        elif part.startswith("["):
            kind = part[1:-1]
            sound = {"cough": _cough, "breath": _breath, "click": _click}[kind](rng)
            start, end = add(sound)
            clip.sounds.append(Event(kind, round(start, 3), round(end, 3)))
        elif part.startswith("<"):
            start, end = add(np.zeros(int(float(part[1:-1]) * RATE), dtype=np.float32))
            clip.pauses.append(Event("pause", round(start, 3), round(end, 3)))
        else:
            add(_say(voice, speed, part))
            said.append(part)
    first = [e.start for e in clip.fillers] + [LEAD]
    clip.speech_start = round(min(first), 3)
    clip.speech_end = round(at, 3)
    pieces.append(np.zeros(int(LEAD * RATE), dtype=np.float32))
    clip.reference = " ".join(said)
    return np.concatenate(pieces).astype(np.float32), clip


def _clip_key(script: str, voice: Voice, speed: float, snr: float | None, seed: int) -> str:
    made_of = [VERSION, script, asdict(voice), speed, snr, seed]
    return hashlib.sha256(json.dumps(made_of).encode()).hexdigest()[:16]


def build(
    *,
    quiet: bool = False,
    names: Container[str] | None = None,
    voices: Sequence[Voice] = VOICES,
    drawn_out: Sequence[str] = SCRIPTS,
    inline: Sequence[str] = INLINE_SCRIPTS,
) -> list[Clip]:
    """Every clip of the set, each made once and cached under var/spoken-corpus/clips/;
    ``names``: only the scripts of these names ("00".."12", "i0".."i3"). Another set
    (eval/spoken_fresh.py) passes its own voices and scripts."""
    folder = CACHE / "clips"
    folder.mkdir(parents=True, exist_ok=True)
    clips: list[Clip] = []
    for v_index, voice in enumerate(voices):
        scripts = [(f"{i:02d}", script, False) for i, script in enumerate(drawn_out)]
        scripts += [(f"i{i}", script, True) for i, script in enumerate(inline)]
        for s_index, (name, script, said_inline) in enumerate(scripts):
            if names is not None and name not in names:
                continue
            speed = voice.speeds[s_index % len(voice.speeds)]
            snr = NOISES[(s_index + v_index) % len(NOISES)]
            seed = v_index * 1000 + s_index
            key = _clip_key(script, voice, speed, snr, seed)
            labels = folder / f"{key}.json"
            if labels.is_file():
                clips.append(_clip_from_json(json.loads(labels.read_text())))
                continue
            audio, clip = render(script, voice, speed, seed, inline=said_inline)
            if snr is not None:
                audio = add_noise(audio, snr, seed)
            clip.id = f"{voice.name}-{name}"
            clip.key = key
            clip.snr = snr
            clip.path = f"clips/{key}.webm"
            (CACHE / clip.path).write_bytes(to_webm(audio))
            labels.write_text(json.dumps(asdict(clip)))
            clips.append(clip)
            if not quiet:
                print(f"# {clip.id} {audio.size / RATE:.1f} s snr {snr}", file=sys.stderr)
    return clips


def _clip_from_json(item: dict) -> Clip:
    events = {
        name: [Event(**e) for e in item.pop(name)] for name in ("fillers", "sounds", "pauses")
    }
    return Clip(**item, **events)


def silent_clips() -> list[tuple[str, bytes]]:
    """Recordings with no answer in them: silence, room noise, coughs and breaths."""
    rng = random.Random(7)
    seconds = 20.0
    n = int(seconds * RATE)
    out: list[tuple[str, bytes]] = [("silence", to_webm(np.zeros(n, dtype=np.float32)))]
    for level in (0.003, 0.01, 0.03):
        out.append((f"room-noise-{level}", to_webm(room_noise(seconds, int(level * 1000)) * level)))
    sounds = room_noise(seconds, 5) * 0.003
    for at in (2.0, 6.0, 9.5, 13.0, 17.0):
        sound = rng.choice([_cough, _breath, _click])(rng)
        start = int(at * RATE)
        sounds[start : start + sound.size] += sound
    out.append(("coughs-breaths-clicks", to_webm(sounds)))
    return out


if __name__ == "__main__":
    made = build()
    seconds = sum(c.speech_end - c.speech_start for c in made)
    kinds: dict[str, int] = {}
    for c in made:
        for e in c.fillers + c.sounds:
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
    print(f"# {len(made)} clips, {seconds / 60:.1f} min of answers, events {kinds}")
