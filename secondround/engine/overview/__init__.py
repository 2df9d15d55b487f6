"""The round as a whole: the preparation path, its next step and a readiness figure.

Imports only `nlp` and its own modules: it reads counts the apps gather, not other stages.
"""
