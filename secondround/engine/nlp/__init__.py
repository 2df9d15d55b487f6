"""Language tools every stage shares: the spaCy parse, MiniLM embeddings, word tables,
vocabulary ids, dates, phrasing, shipped data paths and small learned models.

Imports nothing else of the engine: every other sub-package may import it.
"""
