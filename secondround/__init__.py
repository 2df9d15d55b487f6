"""Second Round: from the second-interview invitation to the offer, on your own machine."""

import os

__version__ = "0.1.0"

# onnxruntime's PyPI wheels (1.31) carry Microsoft's 1DS telemetry: importing the
# module writes a device id and an event store (OS, CPU, memory, the Python path) to
# ~/.cache/Microsoft/DeveloperTools/.onnxruntime/, and about eight seconds later starts
# uploading it to mobile.events.data.microsoft.com, retrying with back-off. Only this
# variable, set before the first `import onnxruntime`, stops all of it (store, device id,
# uploads); `onnxruntime.disable_telemetry_events()` called after the import still lets
# the start-up event go out. Every path (the CLI, the server, the engine's embeddings,
# skill tagger, Piper voice and faster-whisper's VAD) imports this package first, so
# this is the one place. Forced, not defaulted: the README promises nothing leaves.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
