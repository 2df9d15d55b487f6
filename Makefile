# Second Round: `make run` to use it, `make test` to check it. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export SECONDROUND_HOME ?= $(CURDIR)/var

.PHONY: run install test test-deps system-deps lint bench eval eval-llm clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/secondround demo
	$(BIN)/secondround serve

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

test-deps: $(VENV)/.test-installed system-deps

# A browser for the browser tests and a PostgreSQL server for the database tests,
# from Debian's packages; installed only when missing.
system-deps:
	@scripts/install-system-deps.sh

lint: $(VENV)/.test-installed
	$(BIN)/ruff check secondround tests bench eval scripts
	$(BIN)/ruff format --check secondround tests bench eval scripts
	$(BIN)/mypy

test: test-deps lint
	scripts/run-tests.sh

bench: install
	scripts/bench.sh

# Evaluations on real public data (see eval/ and ../shared/eval/SOURCES.md).
eval: install
	$(BIN)/python eval/classify_questions.py 2>/dev/null
	$(BIN)/python eval/question_kinds.py 2>/dev/null
	$(BIN)/python eval/illegal_reader.py 2>/dev/null
	$(BIN)/python eval/illegal_sources.py 2>/dev/null
	$(BIN)/python eval/illegal_fresh.py 2>/dev/null
	$(BIN)/python eval/questions_blind.py 2>/dev/null
	$(BIN)/python eval/questions_fresh.py 2>/dev/null
	$(BIN)/python eval/posting_skills.py 2>/dev/null
	$(BIN)/python eval/posting_reading.py 2>/dev/null
	$(BIN)/python eval/posting_reading.py --blind 2>/dev/null
	$(BIN)/python eval/story_matching.py 2>/dev/null
	$(BIN)/python eval/story_matching.py --data eval/blind/stories 2>/dev/null
	$(BIN)/python eval/story_cover.py 2>/dev/null
	$(BIN)/python eval/star_labels.py 2>/dev/null
	$(BIN)/python eval/filler_detection.py 2>/dev/null
	$(BIN)/python eval/prose_check.py 2>/dev/null
	$(BIN)/python eval/review_shares.py eval/scenarios_fresh4 after
	$(BIN)/python eval/slot_types.py 2>/dev/null
	$(BIN)/python eval/probe_sets.py --set fresh5 --set fresh4 --set fresh3 --set fresh2 --set fresh --set heldout 2>/dev/null  # slot kinds and concern probes
	$(BIN)/python eval/term_kinds.py 2>/dev/null
	$(BIN)/python eval/story_competencies.py 2>/dev/null
	$(BIN)/python eval/invitations.py 2>/dev/null
	$(BIN)/python eval/invitation_dates.py 2>/dev/null
	$(BIN)/python eval/invitation_names.py 2>/dev/null
	$(BIN)/python eval/invitation_interviewer_model.py 2>/dev/null
	$(BIN)/python eval/notes_split.py 2>/dev/null
	$(BIN)/python eval/spoken_fillers.py 2>/dev/null  # generated voices, leave one out; ~20 min the first time
	$(BIN)/python eval/inline_fillers.py default 2>/dev/null  # fillers said inside sentences
	$(BIN)/python eval/spoken_fresh.py 2>/dev/null  # a set nobody tuned on, whole file and streamed as the page sends it
	$(BIN)/python eval/heard_words.py >/dev/null 2>&1 && $(BIN)/python eval/hesitation_words.py 2>/dev/null  # quick hesitations: word classifier vs rules, leave one voice out

# Reading and drafting through your own language model (SECONDROUND_LLM_*, see the README),
# beside the deterministic engine; not part of `make test` or `make eval`.
eval-llm: install
	$(BIN)/python eval/llm.py

clean:
	rm -rf $(VENV) var/test
