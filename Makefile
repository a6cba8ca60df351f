# kefu: `make serve` installs into .venv and serves the assistant; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# llama-cpp-python compiles llama.cpp from source on install: use every core.
export CMAKE_BUILD_PARALLEL_LEVEL ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: install chat serve test unit lint bench calibrate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar on -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

chat: $(STAMP)
	$(VENV)/bin/kefu chat

serve: $(STAMP)
	$(VENV)/bin/kefu serve

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/mypy

test: $(STAMP) lint
	$(PY) -m pytest

unit: $(STAMP)
	$(PY) -m pytest -m "not model and not postgres"

bench: $(STAMP)
	$(PY) benchmarks/run.py

calibrate: $(STAMP)
	$(PY) scripts/calibrate.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
