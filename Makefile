# Two commands do all set-up on a fresh machine with python3 and make:
#   make serve   — bilingual site with live reload on http://127.0.0.1:8000
#   make test    — content checks, strict build, whole pytest suite (browser tests included)
# See README.md.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build test check clean

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

check: $(STAMP)
	$(BIN)/python scripts/check.py

test: $(STAMP)
	$(BIN)/python scripts/check.py
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .hypothesis
