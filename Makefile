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

# The tests run in one process per core (at most 4: each loads the real models), a test file
# to a process; the browser tests then run on their own, since a page's timing on a machine
# busy with other tests is not what a customer sees.
TEST_JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)

test: $(STAMP) lint
	$(PY) -m pytest -n $(TEST_JOBS) --dist loadfile -m "not browser"
	$(PY) -m pytest -m browser

unit: $(STAMP)
	$(PY) -m pytest -m "not model and not postgres"

bench: $(STAMP)
	$(PY) benchmarks/run.py

calibrate: $(STAMP)
	$(PY) scripts/calibrate.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
