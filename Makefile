# Two commands do all set-up on a fresh machine (Python 3.11+ and make):
#   make start   -> .venv with the locked versions, then JupyterLab on the course start page
#   make test    -> the same set-up, then every test (what .ci/run calls)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.9
# The stamp is remade whenever the lock or the project metadata change, so `make` re-syncs by itself.
STAMP  := $(VENV)/.datavaardig-installed

.PHONY: start test setup hub lock benchmark preload clean help

help:
	@echo "make start      set up (first time) and open JupyterLab on the courses"
	@echo "make test       set up (first time) and run every test"
	@echo "make hub        set up, then JupyterHub with demo accounts on 127.0.0.1:8000 (as root)"
	@echo "make benchmark  run the benchmarks in benchmarks/"
	@echo "make lock       re-resolve requirements.lock from pyproject.toml"
	@echo "make preload    record the dashboard page's scripts again (after a voila/ipywidgets upgrade)"
	@echo "make clean      remove .venv and build artefacts"

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	# Exact versions from the lock; then the project itself, editable, without re-resolving. Bytecode is
	# compiled once here: where PYTHONDONTWRITEBYTECODE is set (CI sandboxes, some managed machines) every
	# kernel would otherwise compile pandas & co. from source again (5.3 s instead of 1.9 s per import).
	$(BIN)/uv pip sync --python $(BIN)/python --quiet --compile-bytecode requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode --no-deps -e .
	touch $(STAMP)

start: setup
	$(BIN)/datavaardig start

# The whole multi-user set-up to try in a browser: accounts are printed once (datavaardig hub --demo).
hub: setup
	bash deploy/system-packages.sh
	$(BIN)/datavaardig hub --demo

test: setup
	bash deploy/system-packages.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# Two workers on two cores; set-ups built once (a warm demo, a graded course) stay on one worker
	# (tests/conftest.py). PYTEST_ARGS="-n 0 …" runs serially.
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

benchmark: setup
	@for b in benchmarks/*.py; do echo "== $$b"; PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m benchmarks.$$(basename $$b .py) || exit 1; done

lock:
	test -x $(BIN)/uv || $(MAKE) setup
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --no-header --annotation-style line -o requirements.lock

# Needs Chromium (deploy/system-packages.sh); tests/browser/test_page_preload.py says when it is due.
preload: setup
	bash deploy/system-packages.sh
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m tests.support.preload_recorder

clean:
	rm -rf $(VENV) build *.egg-info
