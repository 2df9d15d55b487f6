"""Language tools every stage shares: the spaCy parse, MiniLM embeddings, word tables,
vocabulary ids, dates, phrasing, the prose check every drafted sentence passes, what a
language model may be sent and how its reply is checked, shipped data paths and small
learned models.

Imports nothing else of the engine: every other sub-package may import it.
"""
