"""The models run offline: no lookup, no connection, no telemetry store.

onnxruntime's wheels upload a start-up event to mobile.events.data.microsoft.com about
eight seconds after `import onnxruntime`, then retry with back-off, and keep a device
id and an event store in ~/.cache/Microsoft/DeveloperTools/.onnxruntime/
(`secondround/__init__.py` switches that off). So the workload below stays alive for
LINGER_SECONDS after it first touches a model: the recorder sees the upload if it is on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RECORDER = Path(__file__).with_name("netns_recorder.py")
REPO = Path(__file__).resolve().parents[2]
LINGER_SECONDS = 15.0  # the first upload came 8-9 s after the process started in every run
TELEMETRY_HOST = "mobile.events.data.microsoft.com"
QUESTION = "Tell me about a time you led a team through a difficult change."

WORKLOAD = f"""
import time
started = time.monotonic()
from secondround.engine.nlp import embeddings
from secondround.engine.reading import skill_tagger
from secondround.engine.practice import speech

assert embeddings.embed([{QUESTION!r}]).shape == (1, embeddings.DIMENSIONS)
skill_tagger.tag_spans("Experience with Python and SQL is required.")
clip = speech.speak({QUESTION!r}, engine="piper")  # the reading voice
heard = speech.transcribe(clip)  # Silero VAD, Whisper and the hesitation model
print("heard:", heard.text)
# Piper's voice varies from run to run (its noise is random): about 1 in 8 "led a team"
# comes back as "let a teen", with or without the filler prompt; "change" always comes.
assert "difficult change" in heard.text.lower(), heard.text
time.sleep(max(0.0, {LINGER_SECONDS} - (time.monotonic() - started)))
"""

BARE_ONNXRUNTIME = f"""
import time
import onnxruntime
time.sleep({LINGER_SECONDS})
"""


def _namespace_problem() -> str | None:
    """Why a network namespace cannot be made here, or None."""
    if not sys.platform.startswith("linux"):
        return "network namespaces are Linux only"
    if os.geteuid() != 0:
        return "needs root for `unshare --net --mount` (make test runs as root in CI)"
    if shutil.which("unshare") is None:
        return "the unshare program (util-linux) is not installed"
    tried = subprocess.run(
        ["unshare", "--net", "--mount", "true"], capture_output=True, text=True, check=False
    )
    if tried.returncode != 0:
        return f"unshare --net --mount failed: {tried.stderr.strip()}"
    return None


@pytest.fixture
def network_namespace() -> None:
    if problem := _namespace_problem():
        if os.environ.get("CI"):
            pytest.fail(f"this test must run in CI: {problem}")
        pytest.skip(problem)


def _clean_environment(home: Path) -> dict[str, str]:
    """A fresh HOME (to see any store written under ~/.cache) and the data home, if set.

    Not a copy of this process's environment: importing secondround here set
    ORT_DISABLE_TELEMETRY, and the bare onnxruntime must run without it."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    env["SECONDROUND_HOME"] = os.environ.get("SECONDROUND_HOME", str(home / "secondround"))
    return env


def _telemetry_store(home: Path) -> list[str]:
    store = home / ".cache" / "Microsoft"
    return (
        sorted(str(path.relative_to(home)) for path in store.rglob("*")) if store.exists() else []
    )


def _start_recorded(folder: Path, code: str) -> tuple[subprocess.Popen[str], Path]:
    """Run ``code`` in a fresh network namespace whose DNS and ports 80/443 record."""
    home = folder / "home"
    home.mkdir(parents=True)
    report = folder / "network.json"
    started = subprocess.Popen(
        ["unshare", "--net", "--mount", sys.executable, str(RECORDER), str(report), "--"]
        + [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_clean_environment(home),
        cwd=REPO,
    )
    return started, folder


def _finish(started: subprocess.Popen[str], folder: Path) -> tuple[dict, str]:
    try:
        output, errors = started.communicate(timeout=120)
    finally:
        started.kill()  # no-op once it has ended; a failing test leaves nothing running
    report = folder / "network.json"
    assert report.exists(), errors
    network = json.loads(report.read_text())
    assert network["returncode"] == 0, output + errors
    network["telemetry_store"] = _telemetry_store(folder / "home")
    return network, output


def test_embeddings_voice_and_transcription_make_no_lookup_and_no_connection(
    network_namespace, tmp_path
):
    # Bare onnxruntime beside it, to show the recorder sees the upload when it is on.
    bare = _start_recorded(tmp_path / "bare", BARE_ONNXRUNTIME)
    app = _start_recorded(tmp_path / "app", WORKLOAD)
    try:
        app_network, app_output = _finish(*app)
        bare_network, _ = _finish(*bare)
    finally:
        bare[0].kill()

    assert "heard:" in app_output
    assert app_network["lookups"] == []
    assert app_network["connections"] == []
    assert app_network["telemetry_store"] == []

    # If these fail, onnxruntime changed (no telemetry, or a later first upload): the
    # assertions above would then prove nothing until LINGER_SECONDS is looked at again.
    assert {lookup["name"] for lookup in bare_network["lookups"]} == {TELEMETRY_HOST}
    assert any(c["port"] == 443 and c["tls_client_hello"] for c in bare_network["connections"])
    assert bare_network["telemetry_store"]


def test_onnxruntime_writes_no_event_store_or_device_id(tmp_path):
    # Importing onnxruntime alone used to create the store; this part needs no root.
    code = "from secondround.engine.nlp import embeddings; embeddings.embed(['hello'])"
    subprocess.run(
        [sys.executable, "-c", code], env=_clean_environment(tmp_path), cwd=REPO, check=True
    )
    assert _telemetry_store(tmp_path) == []
