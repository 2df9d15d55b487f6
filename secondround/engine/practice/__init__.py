"""Practice answers: transcription of a recording, hesitations and pace, and the feedback
on one answer (structure, specifics, length, fillers).

Imports only `nlp` and its own modules.
"""
