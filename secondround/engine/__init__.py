"""The analysis engine: plain Python, no Django. Takes and returns plain data.

One sub-package per stage of a candidate's preparation: `reading` (what they paste),
`questions`, `stories`, `practice`, `drafting` and `overview`, each importing only the
shared `nlp` tools and its own modules (pinned by tests/test_layering.py).
"""
