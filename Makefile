# The two commands a newcomer needs: `make run` and `make test`. Only python3 (3.11+) and make are assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL on this machine: 127.0.0.1:5432, user postgres, trust auth. pytest-django creates test_<name> itself.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/joint_lab_portal

.PHONY: run test test-postgres lint format clean

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

test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	DEBUG=true $(BIN)/python manage.py check --fail-level WARNING
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

test-postgres: $(VENV)/.dev-installed
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
