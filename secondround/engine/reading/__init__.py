"""Reading what a candidate pastes: invitation e-mails, round-1 notes, job postings and
their skills, a résumé, the glossary of a round's terms.

Imports only `nlp` and its own modules.
"""
