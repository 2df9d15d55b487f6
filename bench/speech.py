"""Speech recognition quality and speed on generated answers (no audio is downloaded).

Six answer scripts (about 10 to 70 seconds; the last two joined make the two-minute
answer) with fillers written in ({um}, {uh}, {you know}, {like}) are spoken by Piper's
joe voice and by espeak-ng, then transcribed. Every figure is printed for today's
pipeline and, with ``_before``, for the one it replaced (Whisper with the filler prompt
on the whole recording, no voice activity detection, no hesitations from the audio),
measured in the same run:

    python bench/speech.py            # all figures (about 8 minutes on 2 quiet cores)
    python bench/speech.py --quick    # fewer settings, one run of the 2-minute test
    python bench/speech.py --latency  # the two-minute answer only (5 runs)

Figures:
- speech_words_from_silence_and_noise: words transcribed from 20-second recordings of
  silence, room noise at three levels, and coughs, breaths and clicks (should be 0);
- speech_wer: word error rate against the script, normalised, fillers removed from both
  sides (own Levenshtein, no jiwer), over all scripts; also per decoding setting
  (greedy decoding, float32 instead of int8);
- speech_filler_recall: share of the scripted fillers that appear, aligned, in the
  transcript (these scripts were used to choose the settings: see eval/spoken_fillers.py
  for fillers on speech nobody tuned on);
- speech_real_time_factor: processing seconds / audio seconds, median over the scripts;
- speech_speaking_time_error: |first word to last word - the speech itself| on an answer
  with 4 s of silence before and after;
- speech_report_after_end_2min_{whole,chunked}_median: seconds from the end of a
  two-minute answer (webm/opus, as MediaRecorder sends it) to the report (transcript and
  feedback), when the whole file is transcribed at the end, or when the pieces the
  browser sends every 3 seconds were transcribed while the answer went on; their ratio
  speech_chunked_speedup, and the slowest piece (it must keep up with the speaker);
  ``_chunked_main`` is the same answer with main's windows before 10 s encoder context,
  6-second windows and the words before a window as its prompt (30 s context, a window
  every 3 s, no prompt), measured in the same run.
"""

from __future__ import annotations

import io
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.practice import speech  # noqa: E402
from secondround.engine.practice.answer_analysis import analyse_answer  # noqa: E402
from secondround.engine.practice.report import Word  # noqa: E402

SCRIPTS: tuple[str, ...] = (
    # about 20 s
    "{Um}, I would say my biggest strength is {uh} staying calm when a release goes wrong. "
    "Last spring our payment service failed on a Friday night and {you know} I gathered "
    "the team, we found the bad setting and rolled it back within the hour.",
    # about 40 s
    "So {uh} the project I am proudest of is the warehouse dashboard. {Um}, before it, the "
    "managers waited two days for a spreadsheet. I sat with them, {like}, for a whole week "
    "to learn which numbers they checked every morning. Then I built a simple page that "
    "refreshed every ten minutes. {You know}, the best part was that they stopped calling "
    "the analysts and {um} started asking better questions about the late shipments.",
    # about 60 s
    "{Uh}, a time I disagreed with my manager. {Um}, she wanted to launch the mobile app "
    "before the holidays, and I thought the login flow was not ready. {You know}, we had "
    "seen crashes on older phones in testing. Instead of arguing in the meeting, I wrote "
    "a short page with the crash numbers and {like} three options: launch anyway, launch "
    "for new phones only, or wait two weeks. {Uh}, she picked the second option. We "
    "launched on time for most users and fixed the older phones in January. {Um}, what I "
    "learned is that data makes a disagreement much easier to resolve, and that my "
    "manager cared about the date for reasons I had not seen.",
    # about 75 s
    "Why this company? {Um}, honestly, it started with your product. I have used your "
    "scheduling tool at my last two jobs and {uh} it is the one piece of software my "
    "whole team actually enjoyed. {You know}, when I read the job posting, the part about "
    "rebuilding the calendar engine caught my eye, because I spent the last three years "
    "working on {like} exactly that kind of problem: time zones, recurring events, and "
    "people who move meetings at the last minute. {Uh}, I also talked to two of your "
    "engineers at a meetup in the autumn. {Um}, they described how the teams here write "
    "design notes before building anything, and that is how I like to work. So {you "
    "know} it feels like a place where I could contribute from the first month and also "
    "learn from people who are better than me at distributed systems.",
    # about 95 s
    "Tell you about a failure. {Uh}, two years ago I led a migration of our customer "
    "database to a new cloud provider. {Um}, I planned it carefully, or so I thought. We "
    "tested the copy of the data, the new queries, and the backups. {You know}, what we "
    "did not test was the reporting jobs that the finance team ran at the end of each "
    "month. The first month after the move, every report was late by two days, and {like} "
    "the finance director was not happy, and she was right. {Um}, I owned it. I "
    "apologised, I stayed late with two engineers to rewrite the slow jobs, and we got "
    "the reports out. {Uh}, afterwards I wrote a checklist for migrations that starts "
    "with a list of every team that reads the data, not just the teams that write it. "
    "{You know}, we used that checklist for the next three moves and none of them "
    "surprised anyone. {Um}, the lesson for me was to ask who depends on a system before "
    "deciding what to test, and to talk to those people early.",
    # about 120 s (the two-minute answer)
    "{Um}, so, walk you through my background. {Uh}, I studied economics, and my first "
    "job was at a small shipping company where I answered customer emails. {You know}, "
    "after a few months I noticed that half of the questions were about where a package "
    "was, so I taught myself enough programming to build a page that answered that "
    "automatically. {Um}, that page cut the emails by a third, and my manager asked me "
    "to join the tiny software team. {Like}, that was the start of my career as an "
    "engineer. {Uh}, over the next four years I worked on the tracking system, the "
    "billing system and finally the routing service that plans the drivers' days. {You "
    "know}, the routing work was the hardest and the most fun, because every small "
    "improvement saved real fuel and real hours. {Um}, then I moved to a larger company "
    "to lead a team of five engineers. {Uh}, there I learned how to hire, how to give "
    "feedback that people can use, and {like} how to say no to work that does not "
    "matter. {Um}, we rebuilt the order pipeline, and the time from order to truck went "
    "from two days to one. {You know}, now I am looking for a role where I can combine "
    "the two things I enjoy most: hard planning problems and helping a team grow. {Uh}, "
    "your logistics platform has both, and that is why I applied. {Um}, I am happy to go "
    "deeper into any of those steps.",
)
TWO_MINUTE = len(SCRIPTS) - 1
FILLER_SPELLINGS = {
    "um": "um",
    "umm": "um",
    "uhm": "um",
    "mm": "um",
    "uh": "uh",
    "uhh": "uh",
    "er": "uh",
    "erm": "uh",
    "ah": "uh",
    "hmm": "hmm",
    "hm": "hmm",
}


def words(text: str) -> list[str]:
    text = text.lower().replace("-", " ").replace("’", "'")
    text = re.sub(r"[^a-z' ]", " ", text)
    return [FILLER_SPELLINGS.get(word, word) for word in text.split() if word.strip("'")]


def reference(script: str, *, fillers: bool) -> tuple[list[str], set[int]]:
    """Script words (with or without fillers) and the positions of the fillers."""
    tokens: list[str] = []
    filler_positions: set[int] = set()
    for part in re.split(r"(\{[^}]*\})", script):
        is_filler = part.startswith("{")
        if is_filler and not fillers:
            continue
        for word in words(part.strip("{}")):
            if is_filler:
                filler_positions.add(len(tokens))
            tokens.append(word)
    return tokens, filler_positions


def align(ref: list[str], hyp: list[str]) -> tuple[int, list[tuple[int | None, int | None]]]:
    """Levenshtein distance and the aligned pairs of positions."""
    rows, cols = len(ref) + 1, len(hyp) + 1
    cost = np.zeros((rows, cols), dtype=np.int32)
    cost[:, 0] = np.arange(rows)
    cost[0, :] = np.arange(cols)
    for i in range(1, rows):
        for j in range(1, cols):
            cost[i, j] = min(
                cost[i - 1, j] + 1,
                cost[i, j - 1] + 1,
                cost[i - 1, j - 1] + (ref[i - 1] != hyp[j - 1]),
            )
    pairs: list[tuple[int | None, int | None]] = []
    i, j = len(ref), len(hyp)
    while i or j:
        if i and j and cost[i, j] == cost[i - 1, j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i, j] == cost[i - 1, j] + 1:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return int(cost[-1, -1]), pairs[::-1]


def score(script: str, text: str) -> tuple[int, int, int, int]:
    """(word errors, reference words, fillers found, fillers scripted).

    The transcript is aligned with the script including its fillers; errors on scripted
    fillers and inserted hesitation words do not count, every other edit does.
    """
    hyp = words(text)
    ref, filler_positions = reference(script, fillers=True)
    _, pairs = align(ref, hyp)
    hesitations = set(FILLER_SPELLINGS.values())
    errors = found = 0
    for r, h in pairs:
        if r is None:
            errors += h is not None and hyp[h] not in hesitations
        elif r in filler_positions:
            found += h is not None and ref[r] == hyp[h]
        else:
            errors += h is None or ref[r] != hyp[h]
    return errors, len(ref) - len(filler_positions), found, len(filler_positions)


def to_webm(wav: bytes) -> bytes:
    """Re-encode as webm/opus, what a browser's MediaRecorder uploads."""
    import av

    samples = speech.decode(wav)
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
    out = io.BytesIO()
    with av.open(out, "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = speech.SAMPLE_RATE
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
        for resampled in resampler.resample(frame):
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def join_wavs(first: bytes, second: bytes) -> bytes:
    """Two WAVs of the same format, one after the other, with half a second between."""
    import wave

    frames = []
    for data in (first, second):
        with wave.open(io.BytesIO(data)) as reader:
            params = reader.getparams()
            frames.append(reader.readframes(reader.getnframes()))
    pause = b"\0" * (params.framerate // 2 * params.sampwidth * params.nchannels)
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setparams(params)
        writer.writeframes(frames[0] + pause + frames[1])
    return out.getvalue()


def synthesise() -> list[tuple[str, str, bytes]]:
    """(voice, script, wav) for every script, alternating voices; the two-minute answer
    is spoken by Piper."""
    clips = []
    for index, script in enumerate(SCRIPTS):
        voice = "piper" if index % 2 == 0 or index >= TWO_MINUTE - 1 else "espeak-ng"
        clips.append((voice, script, _spoken((voice, script, b""))))
    return clips


def _spoken(clip: tuple[str, str, bytes]) -> bytes:
    voice, script, _ = clip
    return speech.speak(script.replace("{", "").replace("}", ""), engine=voice)


def silent_recordings() -> list[tuple[str, bytes]]:
    """20 s of silence, of room noise at three levels, and of coughs, breaths and clicks."""
    sys.path.insert(0, str(REPO_ROOT / "eval"))
    import spoken_corpus

    return spoken_corpus.silent_clips()


def padded(wav: bytes, seconds: float) -> tuple[bytes, float]:
    """The clip with ``seconds`` of silence before and after, as webm; and the length of
    the speech itself (first to last sample above a whisper)."""
    samples = speech.decode(wav)
    loud = np.nonzero(np.abs(samples) > 0.01)[0]
    inner = (loud[-1] - loud[0]) / speech.SAMPLE_RATE
    pad = np.zeros(int(seconds * speech.SAMPLE_RATE), dtype=np.float32)
    joined = np.concatenate([pad, samples[loud[0] : loud[-1] + 1], pad])
    return to_webm(_wav(joined)), float(inner)


def _wav(samples: np.ndarray) -> bytes:
    import wave

    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(speech.SAMPLE_RATE)
        writer.writeframes((np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes())
    return out.getvalue()


def _added(total: tuple[int, ...], more: tuple[int, ...]) -> tuple[int, int, int, int]:
    a, b, c, d = (x + y for x, y in zip(total, more, strict=True))
    return a, b, c, d


def report_after_stop(
    webm: bytes, cuts: list[int], *, setting: str, **window: float
) -> tuple[float, float, str, int, float]:
    """(seconds from the last byte to the report, slowest piece, transcript, windows,
    processor seconds the report took: what it costs on a machine nobody else uses).
    ``window``: IncrementalTranscriber's guard, min_new, context_words (else its own)."""
    options = {k: int(v) if k == "context_words" else v for k, v in window.items()}
    incremental = speech.IncrementalTranscriber(setting=setting, **options)
    slowest = 0.0
    for cut in cuts:
        began = time.perf_counter()
        incremental.add(webm[:cut])
        slowest = max(slowest, time.perf_counter() - began)
    began, processor = time.perf_counter(), time.process_time()
    final = incremental.finish(webm)
    analyse_answer(final.text, words=[Word(w.text, w.start, w.end) for w in final.words])
    took, used = time.perf_counter() - began, time.process_time() - processor
    return took, slowest, final.text, incremental.windows, used


BEFORE = "v1_prompt"  # the pipeline this one replaced, measured in the same run
PIECE_SECONDS = 3.0  # practice.js: MediaRecorder hands over a piece every 3 seconds
START_STEP = 0.6  # seconds of silence before the answer added at each run of the latency test


def main() -> None:
    quick = "--quick" in sys.argv
    latency_only = "--latency" in sys.argv
    started = time.perf_counter()
    clips = synthesise()
    seconds = [speech.probe_audio(wav) for _, _, wav in clips]
    print(
        f"# {len(clips)} clips, {sum(seconds):.0f} s of audio "
        f"({', '.join(f'{v} {s:.0f}s' for (v, _, _), s in zip(clips, seconds, strict=True))}),"
        f" synthesised in {time.perf_counter() - started:.0f} s"
    )
    speech.transcribe(clips[0][2])  # load the model
    if not latency_only:
        quality(clips, seconds, quick=quick)
    latency(clips, runs=1 if quick else 5 if latency_only else 3)
    print(f"# total {time.perf_counter() - started:.0f} s")


def quality(clips: list[tuple[str, str, bytes]], seconds: list[float], *, quick: bool) -> None:
    # Nothing said: no words, whatever the noise.
    for label, setting in (("", speech.DEFAULT_SETTING), ("_before", BEFORE)):
        heard = 0
        for kind, data in silent_recordings():
            result = speech.transcribe(data, setting=setting)
            heard += len(result.words)
            print(f"#   {setting:10} {kind:24} {len(result.words)} words {result.text!r}")
        print(f"FIGURE speech_words_from_silence_and_noise{label} {heard} words")

    settings = [speech.DEFAULT_SETTING, BEFORE]
    if not quick:
        settings += ["greedy", "float32", "prompt"]
    factors: dict[str, list[float]] = {}
    results: dict[str, tuple[float, float]] = {}
    for setting in settings:
        errors = total = found = fillers = 0
        factors[setting] = []
        for (voice, script, wav), length in zip(clips, seconds, strict=True):
            began = time.perf_counter()
            result = speech.transcribe(wav, setting=setting)
            took = time.perf_counter() - began
            factors[setting].append(took / length)
            e, t, f, n = score(script, result.text)
            errors, total, found, fillers = errors + e, total + t, found + f, fillers + n
            print(f"#   {setting:10} {voice:9} {length:5.1f}s wer {e / t:.3f} fillers {f}/{n}")
        results[setting] = (errors / total, found / fillers)
        if speech.SETTINGS[setting].compute_type != "int8":
            # Its idle threads would slow the int8 model measured next.
            speech._models.pop(speech.SETTINGS[setting].compute_type, None)
        if setting not in (speech.DEFAULT_SETTING, BEFORE):
            print(f"FIGURE speech_wer_{setting} {errors / total:.3f} ratio")
            print(f"FIGURE speech_filler_recall_{setting} {found / fillers:.3f} ratio")
            print(
                f"FIGURE speech_real_time_factor_{setting} "
                f"{statistics.median(factors[setting]):.3f} ratio"
            )
    for label, setting in (("", speech.DEFAULT_SETTING), ("_before", BEFORE)):
        wer, recall = results[setting]
        print(f"FIGURE speech_wer{label} {wer:.3f} ratio")
        print(f"FIGURE speech_filler_recall{label} {recall:.3f} ratio")
        print(
            f"FIGURE speech_real_time_factor{label} {statistics.median(factors[setting]):.3f} ratio"
        )

    # Speaking time: the first answer with 4 s of silence on each side.
    webm, inner = padded(clips[0][2], 4.0)
    for label, setting in (("", speech.DEFAULT_SETTING), ("_before", BEFORE)):
        result = speech.transcribe(webm, setting=setting)
        spoken = result.words[-1].end - result.words[0].start if result.words else 0.0
        print(f"#   speaking time {setting}: {spoken:.2f} s for {inner:.2f} s of speech")
        print(f"FIGURE speech_speaking_time_error{label} {abs(spoken - inner):.2f} s")


def latency(clips: list[tuple[str, str, bytes]], *, runs: int) -> None:
    # The two-minute answer: the last two scripts (both Piper) one after the other, as
    # webm/opus cut into the pieces a browser sends while the candidate speaks.
    script = clips[TWO_MINUTE - 1][1] + " " + clips[TWO_MINUTE][1]
    whole: list[float] = []
    chunked: list[float] = []
    chunked_processor: list[float] = []
    main_windows: list[float] = []
    main_processor: list[float] = []
    slowest = 0.0
    # Word errors, words, fillers found, fillers said: summed over the runs.
    whole_score = chunked_score = main_score = (0, 0, 0, 0)
    for run in range(runs):
        # Each run is spoken anew (Piper's voice varies from one synthesis to the next, and
        # so does what Whisper hears) and starts a little later after "record" (0, 0.6,
        # 1.2 … s), so the answer ends at a different point of the last piece: what is left
        # at stop depends on it.
        first, second = (
            (clips[TWO_MINUTE - 1][2], clips[TWO_MINUTE][2])
            if run == 0
            else (_spoken(clips[TWO_MINUTE - 1]), _spoken(clips[TWO_MINUTE]))
        )
        samples = speech.decode(join_wavs(first, second))
        lead = np.zeros(int(run * START_STEP * speech.SAMPLE_RATE), dtype=np.float32)
        webm = to_webm(_wav(np.concatenate([lead, samples])))
        length = speech.probe_audio(webm)
        piece = max(1, int(len(webm) * PIECE_SECONDS / length))
        cuts = list(range(piece, len(webm), piece))
        began = time.perf_counter()
        result = speech.transcribe(webm)
        analyse_answer(result.text, words=[Word(w.text, w.start, w.end) for w in result.words])
        whole.append(time.perf_counter() - began)
        whole_score = _added(whole_score, score(script, result.text))
        took, slowest_run, text, windows, used = report_after_stop(
            webm, cuts, setting=speech.DEFAULT_SETTING
        )
        chunked.append(took)
        chunked_processor.append(used)
        # The windows of main before this change: 30 s of encoder context, a window every
        # 2 s, no words of context.
        main_took, _, main_text, _, main_used = report_after_stop(
            webm, cuts, setting="full_context", min_new=2.0, context_words=0
        )
        main_windows.append(main_took)
        main_processor.append(main_used)
        print(
            f"#   run: whole {whole[-1]:.2f} s, after the last piece {took:.2f} s "
            f"({used:.2f} cpu s); main's windows {main_took:.2f} s ({main_used:.2f} cpu s)"
        )
        slowest = max(slowest, slowest_run)
        chunked_score = _added(chunked_score, score(script, text))
        main_score = _added(main_score, score(script, main_text))
    # Before: 5-second pieces, windows of at least 4 s behind a 2 s guard, the prompt.
    before_piece = max(1, int(len(webm) * 5.0 / length))
    before_took, _, before_text, _, _ = report_after_stop(
        webm,
        list(range(before_piece, len(webm), before_piece)),
        setting=BEFORE,
        guard=2.0,
        min_new=4.0,
    )
    print(
        f"# 2-minute answer: {length:.1f} s webm/opus, {len(cuts)} pieces, {windows} windows, "
        f"slowest piece {slowest:.2f} s; whole wer {whole_score[0] / whole_score[1]:.3f} "
        f"fillers {whole_score[2]}/{whole_score[3]}, chunked wer "
        f"{chunked_score[0] / chunked_score[1]:.3f} fillers {chunked_score[2]}/{chunked_score[3]}"
    )
    whole_median = statistics.median(whole)
    chunked_median = statistics.median(chunked)
    before_score = score(script, before_text)
    print(f"FIGURE speech_report_after_end_2min_whole_median {whole_median:.2f} s")
    print(f"FIGURE speech_report_after_end_2min_chunked_median {chunked_median:.2f} s")
    print(f"FIGURE speech_report_after_end_2min_chunked_before {before_took:.2f} s")
    print(
        "FIGURE speech_report_after_end_2min_chunked_processor_median "
        f"{statistics.median(chunked_processor):.2f} cpu_s"
    )
    print(
        "FIGURE speech_report_after_end_2min_chunked_main_median "
        f"{statistics.median(main_windows):.2f} s"
    )
    print(
        "FIGURE speech_report_after_end_2min_chunked_main_processor_median "
        f"{statistics.median(main_processor):.2f} cpu_s"
    )
    print(f"FIGURE speech_chunked_speedup {whole_median / chunked_median:.2f} ratio")
    print(f"FIGURE speech_chunked_wer_main {main_score[0] / main_score[1]:.3f} ratio")
    print(f"FIGURE speech_chunked_wer {chunked_score[0] / chunked_score[1]:.3f} ratio")
    print(f"FIGURE speech_whole_wer_2min {whole_score[0] / whole_score[1]:.3f} ratio")
    print(f"FIGURE speech_chunked_filler_recall {chunked_score[2] / chunked_score[3]:.3f} ratio")
    print(f"FIGURE speech_whole_filler_recall_2min {whole_score[2] / whole_score[3]:.3f} ratio")
    print(f"FIGURE speech_chunked_wer_before {before_score[0] / before_score[1]:.3f} ratio")
    print(f"FIGURE speech_chunked_slowest_piece {slowest:.2f} s")


if __name__ == "__main__":
    main()
