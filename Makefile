# make run   — install, migrate, load the documents, ensure a staff login, serve on :8000
# make test  — everything CI runs: lint, migrations check, SQLite leg, PostgreSQL leg
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages the full test run needs:
#   chromium                             browser tests (Playwright drives Debian's Chromium)
#   fonts-noto-cjk                       Korean glyphs in Chromium screenshots
#   postgresql                           initdb/pg_ctl for the throw-away PostgreSQL leg
#   libpango-1.0-0 libpangoft2-1.0-0     WeasyPrint (PDF agendas)
#   gettext                              compilemessages
#   poppler-utils                        pdftoppm/pdftotext: look at and check PDF agendas
#   redis-server                         the shared cache of the production leg (tests start it)
DEB_PACKAGES := chromium fonts-noto-cjk postgresql libpango-1.0-0 libpangoft2-1.0-0 gettext \
	poppler-utils redis-server

.PHONY: help run test lint fmt bench install system-deps node-deps backup restore

help:
	@echo "make run          install, migrate, load documents, ensure staff login, serve on 127.0.0.1:\$${PORT:-8000}"
	@echo "make test         lint + migrations check + tests on SQLite and on a throw-away PostgreSQL"
	@echo "make lint | fmt   ruff check + format check + import contracts | ruff fix + format"
	@echo "make bench        python bench/run.py"
	@echo "make backup       back up the database to backups/ (BACKUP=path to choose the file)"
	@echo "make restore      BACKUP=path: replace the database with that backup"
	@echo "make install      (re)create .venv when pyproject.toml changes"
	@echo "make system-deps  check (and, as root, install) the Debian packages"

# The virtualenv is rebuilt whenever pyproject.toml is newer than the stamp.
install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11+ is required ($(PYTHON) is $$($(PYTHON) -V 2>&1))"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -e '.[dev]'
	touch $@

# Quick when everything is there (dpkg-query only); apt-get only for what is missing.
system-deps:
	@if ! command -v dpkg-query >/dev/null; then \
		echo "system-deps: not a Debian system; install the equivalents of: $(DEB_PACKAGES)"; \
		exit 0; \
	fi; \
	missing=""; \
	for pkg in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q ' installed$$' \
			|| missing="$$missing $$pkg"; \
	done; \
	if [ -z "$$missing" ]; then echo "system-deps: all present"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "system-deps: installing$$missing"; \
		apt-get update; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
		echo "system-deps: missing Debian packages:$$missing"; \
		echo "  install them with: sudo apt-get install --no-install-recommends$$missing"; \
		echo "  until then the test legs that need them are skipped (and say so)."; \
	fi

# Mozilla's ical.js (the parser inside Thunderbird), run under node by the iCal tests.
NODE_STAMP := tests/js/node_modules/.package-lock.json
node-deps: $(NODE_STAMP)

$(NODE_STAMP): tests/js/package.json tests/js/package-lock.json
	@command -v npm >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; \
		else echo "node-deps: npm not found; the ical.js cross-checks will skip"; exit 0; fi; }
	npm ci --prefix tests/js --no-audit --no-fund
	touch $@

# DEBUG stays off: WhiteNoiseMiddleware serves the collected files from STATIC_ROOT
# (whitenoise.runserver_nostatic keeps runserver's own static handler out of the way).
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py recompute_instants
	$(PY) manage.py collectstatic --noinput
	$(PY) manage.py load_documents
	$(PY) manage.py ensure_staff
	$(PY) manage.py runserver 127.0.0.1:$${PORT:-8000}

# SQLite: the online backup API (safe while the site runs); PostgreSQL: pg_dump/pg_restore.
backup: install
	$(PY) manage.py db_backup $${BACKUP:-}

restore: install
	@test -n "$${BACKUP:-}" || { echo "restore: set BACKUP=path/to/file.backup"; exit 1; }
	$(PY) manage.py db_restore "$$BACKUP"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

fmt: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	@if [ -f bench/run.py ]; then $(PY) bench/run.py; \
	else echo "bench: bench/run.py is not there yet; nothing to run."; fi

# Each leg fails the target on any failure, including pytest's "no tests collected" (5).
# TEST_WORKERS: pytest-xdist processes per leg (TEST_WORKERS=0 runs in one process).
TEST_WORKERS ?= 2
# The SQLite leg ignores a DATABASE_URL from the environment, so it really is SQLite.
test:
	@$(MAKE) --no-print-directory system-deps \
		|| echo "test: system-deps failed; continuing (legs that need them will skip)"
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory node-deps
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run
	@echo "== SQLite leg: all tests, browser tests included =="
	env -u DATABASE_URL $(PY) -m pytest -n $(TEST_WORKERS)
	@echo "== PostgreSQL leg: all tests but the browser ones, on a throw-away server =="
	$(PY) -m tests.postgres_cluster -- $(PY) -m pytest -n $(TEST_WORKERS) -m "not browser"
