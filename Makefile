# The two commands a newcomer needs: `make run` and `make test`. Only python3 (3.11+) and make are assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL on this machine: 127.0.0.1:5432, user postgres, trust auth. pytest-django creates test_<name> itself.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/joint_lab_portal

.PHONY: run test test-fast test-postgres bench bench-postgres messages lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py load_demo
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Static checks first: lint, Django's checks, no model change without a migration, and the one-way import rule
# between apps (import-linter, contract in pyproject.toml).
CHECKS = $(BIN)/ruff check . && \
	DEBUG=true $(BIN)/python manage.py check --fail-level WARNING && \
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run && \
	DEBUG=true $(BIN)/lint-imports --no-cache

test: $(VENV)/.dev-installed
	$(CHECKS)
	$(BIN)/pytest

# The everyday loop: the same checks and every test but the browser ones, spread over the cores (pytest-xdist).
test-fast: $(VENV)/.dev-installed
	$(CHECKS)
	$(BIN)/pytest -m "not e2e" -n auto -q

test-postgres: $(VENV)/.dev-installed
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest

$(VENV)/.bench-installed: requirements.txt requirements-dev.txt requirements-bench.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@ $(VENV)/.dev-installed $(VENV)/.runtime-installed

# Benchmarks: production-like settings (DEBUG off, compressed static files) on a database of their own.
# Results print as tables and are written as JSON under var/bench/. Load only ever targets 127.0.0.1.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_ENV = DEBUG=false SECRET_KEY=bench-only-secret-key-never-for-a-real-site-0123456789 \
	ALLOWED_HOSTS=127.0.0.1,localhost,testserver DATABASE_URL=$(BENCH_DATABASE_URL) STATIC_ROOT=$(CURDIR)/var/bench-static
MANAGE = $(BENCH_ENV) $(BIN)/python manage.py

bench: $(VENV)/.bench-installed
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) collectstatic --noinput -v0
	for scale in 0.1 1; do \
	  $(MANAGE) flush --noinput && \
	  $(MANAGE) generate_data --scale $$scale --force && \
	  $(MANAGE) bench_pages --label scale-$$scale || exit 1; \
	  $(MANAGE) bench_api --label scale-$$scale || exit 1; \
	  $(MANAGE) bench_matching --label scale-$$scale || exit 1; \
	done
	$(MANAGE) bench_http --label scale-1
	$(MANAGE) bench_http --label scale-1 --no-page-cache
	$(MANAGE) bench_submissions
	# Scale 5 (50,000 projects): is a public page's cost flat in the amount of data?
	$(MANAGE) flush --noinput && $(MANAGE) generate_data --scale 5 --force && $(MANAGE) bench_pages --label scale-5

bench-postgres:
	psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'joint_lab_portal_bench'" | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE joint_lab_portal_bench"
	$(MAKE) bench BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/joint_lab_portal_bench

# After changing user-facing text: refresh the catalogues (needs GNU gettext: apt-get install gettext),
# translate the new entries in locale/*/LC_MESSAGES/django.po, then run it again to compile them.
# The compiled .mo files are committed, so running the site needs no gettext.
messages: $(VENV)/.dev-installed
	DEBUG=true $(BIN)/python manage.py makemessages -l zh_Hant -l zh_Hans --ignore=.venv --ignore=var --ignore=tests --no-location
	$(BIN)/python -c "import polib, glob; [polib.pofile(p).save_as_mofile(p[:-3] + '.mo') for p in glob.glob('locale/*/LC_MESSAGES/django.po')]"

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
