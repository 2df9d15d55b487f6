"""Form fuzzing as figures: inputs tried over every form of the demo, and server errors.

    python bench/fuzz.py [--examples 40] [--seed N]
The forms and strategies of tests/test_form_fuzz.py, on a throw-away SQLite database (or
the one DATABASE_URL names), with random draws (a new seed each run unless given) and
every problem counted instead of stopping at the first. Each input runs in a savepoint
rolled back after, so each starts from the same demo.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from hypothesis import HealthCheck, Phase, example, given, seed  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from tests import crawler, fuzzing  # noqa: E402

SKIPPED = {"logout"}  # would end the session the fuzz runs in
SLOW = {"recording_upload": 4, "resume_import": 10, "posting_analyse": 2, "import_upload": 15}


def _fuzz(client, owner, name, form, examples: int, run_seed: int) -> tuple[int, list[str]]:
    tried = 0
    problems: list[str] = []

    @seed(run_seed)
    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzzing.form_data(form))
    def submit(data):
        nonlocal tried
        tried += 1
        problem = fuzzing.try_input(client, owner, form, data)
        if problem:
            problems.append(problem)

    for data in fuzzing.explicit_examples(form):
        submit = example(data)(submit)
    submit()
    return tried, problems


def main() -> None:
    # Each 404 and 500 is logged by Django; the figures and the "#" lines say what matters.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=40, help="random inputs per form")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    run_seed = args.seed if args.seed is not None else random.randrange(2**32)
    settings.ALLOWED_HOSTS.append("testserver")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SECONDROUND_FETCH_TIMEOUT = 1
    call_command("migrate", interactive=False, verbosity=0)
    with fuzzing.offline(), transaction.atomic():
        owner = crawler.demo_with_every_model(now=timezone.now())
        client = Client(raise_request_exception=False)
        client.force_login(owner)
        forms = fuzzing.forms_to_fuzz(client)
        inputs = 0
        problems: Counter[str] = Counter()
        for name, form in sorted(forms.items()):
            if name in SKIPPED:
                continue
            poster = (
                Client(raise_request_exception=False) if name in ("login", "signup") else client
            )
            tried, found = _fuzz(poster, owner, name, form, SLOW.get(name, args.examples), run_seed)
            inputs += tried
            for problem in found:
                problems[problem.split(" ", 1)[0]] += 1
                print(f"# {name}: {problem.splitlines()[0][:300]}", file=sys.stderr)
                print(f"#   {problem.splitlines()[-1][:300]}", file=sys.stderr)
        transaction.set_rollback(True)
    fuzzed = len(set(forms) - SKIPPED)
    print(f"FIGURE fuzz_forms {fuzzed} count")
    print(f"FIGURE fuzz_inputs {inputs} count")
    print(f"FIGURE fuzz_inputs_per_form {inputs / max(1, fuzzed):.0f} count")
    print(f"FIGURE fuzz_500s {problems['500']} count")
    print(f"FIGURE fuzz_markup_shown {problems['input']} count")
    print(f"FIGURE fuzz_refused_but_changed {problems['refused']} count")
    print(f"# seed {run_seed}", file=sys.stderr)


if __name__ == "__main__":
    main()
