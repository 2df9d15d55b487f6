"""Argon2id at OWASP's recommended minimum (19 MiB, two passes, one lane).

Django's defaults (100 MiB, eight lanes) cost about ten times the CPU and memory for each
log-in: on a career centre's two-core server, 50 students logging in at the start of a
class queued for seconds behind the hashing (issue 17's measurement). Hashes made with
the old parameters still verify, and are re-hashed with these at the next log-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
