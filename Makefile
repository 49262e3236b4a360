# Two commands set everything up on a fresh machine with Python 3.11: `make run`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
HOST ?= 127.0.0.1
PORT ?= 8000
# One pytest worker per core (pytest-xdist); each gets its own PostgreSQL database and Redis
# database (tests/servers.py). `make pytest PYTEST_ARGS="-n0 tests/unit"` runs serially.
PYTEST_ARGS ?= -n auto --dist worksteal

.PHONY: run test lint typecheck imports pytest install install-dev lock bench clean

run: $(VENV)/.runtime
	$(BIN)/folio db upgrade
	$(BIN)/folio serve --host $(HOST) --port $(PORT)

test: lint typecheck imports pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev
	$(BIN)/mypy

imports: $(VENV)/.dev
	$(BIN)/lint-imports

pytest: $(VENV)/.dev
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.dev: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.runtime

# Re-pin every dependency (run after changing pyproject.toml's dependencies).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^folio' > constraints.txt
	rm -rf .lock-venv

bench: $(VENV)/.dev
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
