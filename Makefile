# Two commands do all set-up on a fresh machine with python3 and make:
#   make serve   — bilingual site with live reload on http://127.0.0.1:8000
#   make test    — content checks, strict build, whole pytest suite (browser tests included)
# make check, make build and make serve install only what they need (requirements.txt);
# make test adds the test tools (requirements-test.txt). See README.md.

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve build test check fix new-case mark-translation offline preview bench clean

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# pytest, Playwright and hypothesis: only the tests need them.
$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $(TEST_STAMP)

# --dirty: after an edit, only the changed pages and the pages listing them are
# rendered again (kb/hooks/dirty_reload.py); MkDocs warns about dirty builds,
# hence --no-strict here. make build, make test and CI build everything, strictly.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# make check                              all of docs/
# make check FILES="docs/cases/x.md"       those pages (and their other-language twins)
check: $(STAMP)
	$(BIN)/python scripts/check.py $(FILES)

# Fixes what can be fixed safely (punctuation, spacing, look-alike characters, BOM, line
# endings, keyboard-bracket citations), then checks; FILES as for make check.
fix: $(STAMP)
	$(BIN)/python scripts/check.py --fix $(FILES)

# make new-case SLUG=stalking-at-work TITLE=前男友到单位纠缠 [CATEGORY=partners]
new-case: $(STAMP)
	$(if $(and $(SLUG),$(TITLE)),,$(error 请写出 SLUG 和 TITLE / give SLUG and TITLE: make new-case SLUG=stalking-at-work TITLE=前男友到单位纠缠 [CATEGORY=partners]))
	$(BIN)/python scripts/new.py case --slug "$(SLUG)" --title "$(TITLE)" $(if $(CATEGORY),--category "$(CATEGORY)")

# After translating or updating an English page: make mark-translation FILES="docs/cases/x.en.md"
mark-translation: $(STAMP)
	$(if $(FILES),,$(error 请写出 FILES / give FILES: make mark-translation FILES="docs/cases/x.en.md"))
	$(BIN)/python scripts/translation.py mark $(FILES)

test: $(TEST_STAMP)
	$(BIN)/python scripts/check.py
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python scripts/link_stability.py check site
	$(BIN)/python -m pytest

# A zip of the whole site that works when opened from disk (file://), search included.
offline: $(STAMP)
	rm -rf build/offline
	KB_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir build/offline/womens-rights-kb
	cd build/offline && $(abspath $(BIN))/python -m zipfile -c ../womens-rights-kb-offline.zip womens-rights-kb
	@echo "build/womens-rights-kb-offline.zip: unzip it and open womens-rights-kb/index.html"

# The site of a pull request as its preview serves it, at site_url + pr-preview/pr-$(PR)/
# (.github/workflows/pr.yml builds it, pr-publish.yml publishes it): the same build with
# that site_url, so canonical links, the 404 pages and redirects work under the sub-path.
preview: $(STAMP)
	@case "$(PR)" in ''|*[!0-9]*) echo "usage: make preview PR=<pull request number>" >&2; exit 2;; esac
	printf 'INHERIT: mkdocs.yml\nsite_url: %s\n' \
	  "$$($(BIN)/python -c 'from kb.site_config import site_url; print(site_url().rstrip("/"))')/pr-preview/pr-$(PR)/" > mkdocs.preview.yml
	$(BIN)/mkdocs build --strict -f mkdocs.preview.yml --site-dir build/preview; status=$$?; rm -f mkdocs.preview.yml; exit $$status

# Build, check and page-weight benchmarks with budgets: benchmarks/results.md and .json.
# Sizes in Markdown files: the default 500,2000 takes about ten minutes; SIZES=500,2000,5000 adds the
# 5,000-page build and its scaling budget (about ten minutes more). RUNS=5 for more runs; INDEX=1 adds the
# 3,000-page search index. Then search speed in Chromium (scripts/bench_search.py: the project, stock
# Material and Pagefind at 500, 2,000 and 5,000 pages and on the real site; about fifteen minutes more),
# written into results.md.
bench: $(TEST_STAMP)
	$(BIN)/python scripts/bench.py $(if $(SIZES),--sizes $(SIZES)) $(if $(RUNS),--runs $(RUNS)) $(if $(INDEX),--index)
	KB_RECALL_FILE=benchmarks/search-recall.json $(BIN)/python -m pytest -q tests/browser/test_search.py -k queries
	$(BIN)/python scripts/bench_search.py $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf site build .pytest_cache .hypothesis
