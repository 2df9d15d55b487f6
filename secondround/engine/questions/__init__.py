"""Interview questions: a question's kind and competency, illegal questions, the library
and the bank of questions likely in a round.

Imports only `nlp` and its own modules.
"""
