"""The candidate's stories: checking a STAR story, the competencies it shows, and which
stories answer which questions (and whether any does).

Imports only `nlp` and its own modules: a question's competency comes in with the question.
"""
