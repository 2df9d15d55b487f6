"""What Second Round writes for the candidate: answer drafts, questions to ask, the
30/60/90 plan, the salary script, thank-you letters, the follow-up and its deadlines.

Imports only `nlp` and its own modules: what it writes from arrives as plain data.
"""
