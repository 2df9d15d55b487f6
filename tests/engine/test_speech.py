"""Speech in and out on audio generated here with espeak-ng (nothing is downloaded)."""

from __future__ import annotations

import difflib
import io
import re
import shutil
import subprocess
import wave
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from secondround.engine.practice import speech
from secondround.engine.practice.speech import (
    AudioError,
    IncrementalTranscriber,
    SpeechUnavailable,
    TimedWord,
    Transcript,
    merge_transcripts,
    probe_audio,
    transcribe,
)
from tests.audio_files import encode, two_hours_of_8_bit_wav, wav_of

SENTENCE = "The quick brown fox jumps over the lazy dog."
LONGER = (
    "I led the migration of our customer database to a new provider. "
    "We tested the copy of the data and the backups. "
    "The finance reports were late, so I wrote a checklist for every team."
)


def _espeak(text: str) -> bytes:
    program = shutil.which("espeak-ng")
    if program is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng); it makes test audio")
    done = subprocess.run(
        [program, "-v", "en-us", "--stdout", text], capture_output=True, check=True, timeout=60
    )
    return speech._fix_wav_sizes(done.stdout)


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]", " ", text.lower()).split()


@pytest.fixture(scope="module")
def short_wav() -> bytes:
    return _espeak(SENTENCE)


@pytest.fixture(scope="module")
def longer_wav() -> bytes:
    return _espeak(LONGER)


def test_transcribes_generated_speech(short_wav: bytes) -> None:
    result = transcribe(short_wav)
    assert {"quick", "brown", "fox", "lazy", "dog"} <= set(_words(result.text))
    assert result.language == "en"
    assert result.seconds == pytest.approx(probe_audio(short_wav), abs=0.1)
    assert result.words and all(w.start <= w.end <= result.seconds + 0.5 for w in result.words)
    shifted = transcribe(short_wav, offset=10.0)
    assert shifted.words[0].start >= 10.0 and shifted.start == 10.0


def test_non_audio_is_refused_with_a_user_message() -> None:
    with pytest.raises(AudioError) as caught:
        probe_audio(b"%PDF-1.7 definitely not a recording " * 50)
    assert str(caught.value) == "This file is not audio we can read."
    with pytest.raises(AudioError, match="not audio"):
        transcribe(b"")


def test_too_long_and_too_big_are_refused(short_wav: bytes) -> None:
    with pytest.raises(AudioError) as caught:
        probe_audio(short_wav, max_seconds=1)
    assert str(caught.value) == "The recording is longer than 1 second."
    silence = io.BytesIO()
    with wave.open(silence, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(b"\0\0" * 8000 * 301)
    with pytest.raises(AudioError) as caught:
        probe_audio(silence.getvalue())
    assert str(caught.value) == "The recording is longer than 5 minutes."
    with pytest.raises(AudioError, match=r"^The recording is .*; the limit is 1,000 bytes\.$"):
        probe_audio(short_wav, max_bytes=1000)


def test_merge_transcripts_keeps_offsets_and_drops_overlap() -> None:
    first = Transcript(
        "hello there", (TimedWord("hello", 0.1, 0.5), TimedWord("there", 0.6, 1.0)), 10.0, "en"
    )
    second = Transcript(
        "general kenobi",
        (TimedWord("general", 10.2, 10.6), TimedWord("kenobi", 10.7, 11.2)),
        5.0,
        "en",
        start=10.0,
    )
    merged = merge_transcripts([second, first])
    assert merged.text == "hello there general kenobi"
    assert merged.seconds == 15.0 and merged.start == 0.0
    assert [w.start for w in merged.words] == [0.1, 0.6, 10.2, 10.7]
    # Overlapping windows: a word heard by both is kept once.
    late = Transcript(
        "there general",
        (TimedWord("there", 0.6, 1.0), TimedWord("general", 10.2, 10.6)),
        10.5,
        "en",
        start=0.5,
    )
    early = Transcript("hello there", first.words, 1.5, "en")
    assert merge_transcripts([early, late]).text == "hello there general"
    assert merge_transcripts([]).text == ""


def test_incremental_transcription_matches_whole_file(longer_wav: bytes) -> None:
    whole = transcribe(longer_wav)
    incremental = IncrementalTranscriber(min_new=3.0)
    pieces = 3
    size = len(longer_wav) // pieces
    for index in range(1, pieces):
        incremental.add(longer_wav[: index * size])
    final = incremental.finish(longer_wav)
    assert incremental.windows == 2  # one window while uploading, one for the tail
    # Windows are decoded without what follows them, so Whisper base hears a few of
    # espeak-ng's words differently ("led" as "land", "backups" cut at a window's end as
    # "macups"); none may be lost or doubled.
    chunked, complete = _words(final.text), _words(whole.text)
    assert abs(len(chunked) - len(complete)) <= 2
    assert difflib.SequenceMatcher(a=chunked, b=complete).ratio() >= 0.8
    assert {"migration", "customer", "database", "copy", "checklist", "team"} <= set(chunked)
    assert [w.start for w in final.words] == sorted(w.start for w in final.words)


def test_a_window_ends_in_the_pause_the_speaker_made(short_wav: bytes) -> None:
    voice = speech.decode(short_wav)
    gap = np.zeros(int(0.8 * speech.SAMPLE_RATE), dtype=np.float32)
    audio = np.concatenate([voice, gap, voice])
    said = voice.size / speech.SAMPLE_RATE
    point = speech._pause_point(audio, said - 0.5, said + 1.3)
    assert point is not None and said - 0.3 <= point <= said + 0.8
    # a stretch too short to hold a pause, and speech with no pause asked for in it
    assert speech._pause_point(audio, said + 0.3, said + 0.4) is None
    assert speech._pause_point(voice, 0.0, 0.1) is None


def test_model_dir_joins_and_verifies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = speech.model_dir(tmp_path)
    assert speech._sha256(folder / "model.bin") == speech.MODEL_SHA256
    # A damaged cached copy is rebuilt from the installed parts.
    with (folder / "model.bin").open("r+b") as stream:
        stream.seek(1000)
        stream.write(b"tampered")
    speech._VERIFIED.discard(folder)
    assert speech._sha256(speech.model_dir(tmp_path) / "model.bin") == speech.MODEL_SHA256
    # Parts that do not give the pinned digest are refused.
    fake = tmp_path / "fake"
    fake.mkdir()
    parts, extras = speech._sources()
    (fake / "model.bin.part1").write_bytes(b"not the model")
    monkeypatch.setattr(speech, "_sources", lambda: ([fake / "model.bin.part1", parts[1]], extras))
    with pytest.raises(SpeechUnavailable, match="SHA-256"):
        speech.model_dir(tmp_path / "other")
    assert not (tmp_path / "other" / "models" / speech.MODEL_FOLDER / "model.bin").exists()


@pytest.mark.parametrize("engine", ["auto", "espeak-ng"])
def test_speak_returns_wav(engine: str) -> None:
    if engine == "espeak-ng" and shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    data = speech.speak("Tell me about a time you disagreed with your manager.", engine=engine)
    with wave.open(io.BytesIO(data)) as reader:
        assert reader.getnframes() / reader.getframerate() > 1.0
    assert probe_audio(data) > 1.0


# ---------------------------------------------------------------- nothing said, nothing heard


def _room_noise(seconds: float, level: float, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(seconds * 16_000)
    spectrum = np.fft.rfft(rng.standard_normal(n)) / np.sqrt(
        np.maximum(np.fft.rfftfreq(n, 1 / 16_000), 20.0)
    )
    noise = np.fft.irfft(spectrum, n)
    return (noise / np.sqrt(np.mean(noise**2)) * level).astype(np.float32)


@pytest.mark.parametrize(
    "samples",
    [
        pytest.param(np.zeros(20 * 16_000, dtype=np.float32), id="20 s of silence"),
        pytest.param(_room_noise(20, 0.003), id="quiet room"),
        pytest.param(_room_noise(20, 0.03), id="noisy room"),
    ],
)
def test_silence_and_noise_give_no_words(samples: np.ndarray) -> None:
    result = transcribe(wav_of(samples))
    assert result.words == () and result.text == ""
    assert result.seconds == pytest.approx(20.0, abs=0.1)


@pytest.mark.parametrize(
    ("probabilities", "regions"),
    [
        ([0.0] * 20, []),
        ([0.0] * 5 + [0.9] * 10 + [0.0] * 5, [(0.16, 0.48)]),
        # a dip to 0.4 does not end speech (hysteresis); a one-frame burst is not speech
        ([0.9] * 5 + [0.4] * 3 + [0.9] * 5 + [0.0] * 20 + [0.9], [(0.0, 0.416)]),
        # a gap under 0.3 s is bridged, a longer one splits
        ([0.9] * 5 + [0.0] * 5 + [0.9] * 5, [(0.0, 0.48)]),
        ([0.9] * 5 + [0.0] * 12 + [0.9] * 5, [(0.0, 0.16), (0.544, 0.704)]),
    ],
)
def test_speech_regions(probabilities: list[float], regions: list[tuple[float, float]]) -> None:
    assert speech.speech_regions(np.array(probabilities, dtype=np.float32)) == regions


def test_joined_speech_maps_back_to_the_recording() -> None:
    audio = np.zeros(10 * 16_000, dtype=np.float32)
    joined, spans = speech._joined(audio, [(1.0, 2.0), (6.0, 7.0)])
    # each region keeps 0.2 s of context on each side: 1.4 s + 1.4 s
    assert joined.size == int(2.8 * 16_000)
    assert speech._original_time(0.2, spans) == pytest.approx(1.0)
    assert speech._original_time(1.6, spans) == pytest.approx(6.0)


@pytest.mark.parametrize(
    ("text", "echo"),
    [
        ("Okay, here's what I'm, like, thinking.", True),
        ("let me think like", True),
        ("Umm,", False),  # one word: a real hesitation may sound like the prompt's first
        ("Okay, here is what we did next.", False),
        ("", False),
    ],
)
def test_the_prompt_coming_back_is_dropped(text: str, echo: bool) -> None:
    assert speech._echoes_prompt(text) is echo


@pytest.mark.parametrize(
    ("text", "echo"),
    [
        ("we shipped on time.", True),  # the words before the window, said again
        ("and we shipped", True),
        ("then we shipped late", False),
        ("time", False),
    ],
)
def test_the_words_before_a_window_coming_back_are_dropped(text: str, echo: bool) -> None:
    context = speech._words_of("Um, I led the move to the new warehouse and we shipped on time.")
    assert speech._echoes_prompt(text, context) is echo


def _segment(text: str, times: list[tuple[float, float]]) -> SimpleNamespace:
    words = [
        SimpleNamespace(word=w, start=a, end=b, probability=0.9)
        for w, (a, b) in zip(text.split(), times, strict=True)
    ]
    return SimpleNamespace(
        text=text, words=words, no_speech_prob=0.0, avg_logprob=-0.2, compression_ratio=1.2
    )


def test_a_repeated_or_squeezed_segment_is_dropped() -> None:
    said = _segment("At the end of the quarter", [(0.1 * i, 0.1 * i + 0.1) for i in range(6)])
    again = _segment(
        "At the end of the quarter", [(3.0 + 0.1 * i, 3.1 + 0.1 * i) for i in range(6)]
    )
    squeezed = _segment("the accounts did not balance", [(8.3, 8.3)] * 4 + [(8.3, 8.32)])
    placed = _segment(
        "the accounts did not balance", [(1.0 + 0.2 * i, 1.2 + 0.2 * i) for i in range(5)]
    )
    kept = speech._kept_words([said, again, squeezed, placed], ())
    assert [w.word for w in kept] == [
        "At",
        "the",
        "end",
        "of",
        "the",
        "quarter",
        "the",
        "accounts",
        "did",
        "not",
        "balance",
    ]
    assert kept[-1].start == pytest.approx(1.8)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # faster-whisper gave this pass 2.70 (the loop was cut off after it): kept.
        ("not test was the reporting jobs that the finance team ran at the end of each", True),
        ("the month after the month after the month after the month after the month", False),
    ],
)
def test_a_segment_is_judged_a_loop_by_its_own_text(text: str, kept: bool) -> None:
    segment = _segment(text, [(0.2 * i, 0.2 * i + 0.2) for i in range(len(text.split()))])
    segment.compression_ratio = 2.7  # the figure for the whole pass
    assert speech._keep_segment(segment) is kept


def test_no_segment_is_decoded_after_the_last_word_reaches_the_end() -> None:
    """The stretch after the last word is padding: asking for another segment would make
    faster-whisper encode and decode it again."""

    def segments():  # type: ignore[no-untyped-def]
        yield _segment("we shipped on time", [(0.2, 0.5), (0.5, 0.9), (0.9, 1.0), (1.0, 1.6)])
        raise AssertionError("the stretch after the last word was decoded")

    kept = speech._kept_words(segments(), (), done_after=1.6)
    assert [w.word for w in kept] == ["we", "shipped", "on", "time"]
    with pytest.raises(AssertionError):
        speech._kept_words(segments(), (), done_after=1.7)


@pytest.mark.parametrize(
    ("seconds", "short", "frames"),
    [
        (2.0, 10.0, 1000),  # the last window of an answer: 10 s of context, not 30
        (8.9, 10.0, 1000),
        (9.5, 10.0, 3000),  # no second of silence after the speech: Whisper's 30 s
        (2.0, None, 3000),
        (40.0, 10.0, 3000),
    ],
)
def test_short_speech_is_encoded_with_a_short_context(
    seconds: float, short: float | None, frames: int
) -> None:
    assert speech._context_frames(seconds, short) == frames


@pytest.mark.parametrize(
    ("last_word_end", "context"),
    [(11.5, "led the team"), (1.5, "")],  # after 10 s of silence a window starts afresh
)
def test_a_window_is_given_the_words_said_just_before(last_word_end: float, context: str) -> None:
    incremental = IncrementalTranscriber(context_words=3)
    start = last_word_end - 1.0
    incremental.committed = [
        TimedWord(text, start + 0.25 * index, start + 0.25 * index + 0.2)
        for index, text in enumerate(["I", "led", "the", "team"])
    ]
    incremental.committed_until = 12.0
    assert incremental._context() == context


def test_speaking_time_leaves_out_silence_before_and_after(short_wav: bytes) -> None:
    samples = speech.decode(short_wav)
    loud = np.nonzero(np.abs(samples) > 0.01)[0]
    inner = (loud[-1] - loud[0]) / 16_000
    pad = np.zeros(4 * 16_000, dtype=np.float32)
    result = transcribe(wav_of(np.concatenate([pad, samples[loud[0] : loud[-1] + 1], pad])))
    assert result.words[0].start == pytest.approx(4.0, abs=0.3)
    assert result.words[-1].end - result.words[0].start == pytest.approx(inner, abs=0.3)


# ---------------------------------------------------------------- unusual and bad files


def test_telephone_audio_and_stereo_are_transcribed(short_wav: bytes) -> None:
    samples = speech.decode(short_wav)
    telephone = wav_of(samples[::2], rate=8_000)  # 8 kHz, as a phone line gives it
    stereo = wav_of(np.stack([samples, samples * 0.5], axis=1).reshape(-1), channels=2)
    for data in (telephone, stereo):
        assert {"quick", "fox", "dog"} <= set(_words(transcribe(data).text))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda wav: b"", "This file is not audio we can read.", id="empty"),
        pytest.param(
            lambda wav: b"%PDF-1.7 a letter, not a recording " * 100,
            "This file is not audio we can read.",
            id="not audio",
        ),
        pytest.param(
            lambda wav: encode(speech.decode(wav), "webm")[:60] + bytes(range(256)) * 40,
            "This file is not audio we can read.",
            id="corrupt webm",
        ),
        pytest.param(
            lambda wav: encode(speech.decode(wav), "webm", video=True),
            speech.VIDEO,
            id="webm video",
        ),
        pytest.param(
            lambda wav: encode(speech.decode(wav), "mp4", video=True),
            speech.VIDEO,
            id="mp4 video",
        ),
        pytest.param(
            lambda wav: two_hours_of_8_bit_wav(),
            "The recording is 54.9 MB; the limit is 25 MB.",
            id="two hours",
        ),
        pytest.param(
            lambda wav: two_hours_of_8_bit_wav(rate=2_000),
            "The recording is longer than 5 minutes.",
            id="two hours under the size limit",
        ),
    ],
)
def test_bad_files_get_a_clear_message(short_wav: bytes, make, message: str) -> None:
    data = make(short_wav)
    with pytest.raises(AudioError) as caught:
        probe_audio(data)
    assert str(caught.value) == message
    with pytest.raises(AudioError) as caught:
        transcribe(data)
    assert str(caught.value) == message
    incremental = IncrementalTranscriber()
    with pytest.raises(AudioError):
        incremental.finish(data)


def test_an_audio_only_mp4_is_not_a_video(short_wav: bytes) -> None:
    data = encode(speech.decode(short_wav), "mp4")
    assert probe_audio(data) == pytest.approx(probe_audio(short_wav), abs=0.2)
