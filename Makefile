# Everything runs in .venv, created on first use: `make build` and `make test` are the only set-up.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CLI    := $(PY) -m doclocale
STRICT ?=
# Reproducible builds: dates MkDocs would take from the clock come from the last commit.
# A copy with no git history (a downloaded archive) has no such date: MkDocs then takes the clock's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifeq ($(strip $(SOURCE_DATE_EPOCH)),)
unexport SOURCE_DATE_EPOCH
else
export SOURCE_DATE_EPOCH
endif

NODE_STAMP := node_modules/.installed

PAGE ?= guides/microneedling

.PHONY: preview build serve update status check test screenshots bench clean lock mutants lighthouse shard merge

# Exactly the versions CI tested: every package pinned with its hashes in requirements.lock.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lock:  ## refresh requirements.lock from pyproject.toml (pip-tools in its own venv; every hash recorded)
	test -x .venv-tools/bin/pip-compile || (python3 -m venv .venv-tools && .venv-tools/bin/pip install --quiet pip-tools==7.6.2)
	.venv-tools/bin/pip-compile --quiet --generate-hashes --extra test --no-strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

$(NODE_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP)

build: $(STAMP)  ## generate docs/fa from the catalogs and build site/ (STRICT=1: release mode)
	$(CLI) build --check-ahead $(if $(STRICT),--strict)

shard: $(STAMP)  ## one language's share of the site, in shards/<language>/ (one CI job per language): make shard SHARD=fa
	$(CLI) shard $(SHARD) $(if $(STRICT),--strict)

merge: $(STAMP)  ## merge every language's shard in shards/ into site/ (and write its sitemap and search index)
	$(CLI) merge shards/*/

serve: export NO_MKDOCS_2_WARNING = 1  # the theme's end-of-life notice on every start: ARCHITECTURE.md says it once
serve: $(STAMP)  ## live preview at http://127.0.0.1:8000 (English) and /fa/ (Persian); a save rebuilds only the changed pages
	$(VENV)/bin/mkdocs serve --dirty

preview: $(STAMP)  ## one page in every language, live, rebuilt in about a second: make preview PAGE=guides/microneedling
	$(CLI) preview $(PAGE) --serve

update: $(STAMP)  ## extract English text and merge it into every catalog
	$(CLI) update

status: $(STAMP)  ## translation progress per language and page
	$(CLI) status

check: $(STAMP)  ## every check: catalogs, translations, Persian text, page parity, built site
	$(CLI) check

screenshots: $(STAMP)  ## PNGs of every page (both languages, 360 px and desktop) in screenshots/
	$(CLI) screenshots --out screenshots

test: $(STAMP) $(NODE_STAMP)  ## lint, format and type checks, then the full test suite (browser tests need Debian's chromium)
	$(VENV)/bin/ruff check doclocale tests scripts
	$(VENV)/bin/ruff format --check doclocale tests scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/zizmor --offline --quiet .github/workflows/
	$(PY) -m pytest

lighthouse: $(STAMP)  ## Lighthouse (mobile, median of 3) on both home pages and both guide pages of site/
	$(PY) scripts/lighthouse.py 3

mutants: $(STAMP)  ## mutation testing of the modules that guard readers and translators, on the fast tests (mutmut; about 30 minutes, not in CI)
	$(PY) -m pip install --quiet mutmut==3.8.1
	$(CLI) build
	DOCLOCALE_PREBUILT_SITE=$(CURDIR)/site $(VENV)/bin/mutmut run --max-children 2 || true
	$(VENV)/bin/mutmut results

clean:
	rm -rf site .pytest_cache
