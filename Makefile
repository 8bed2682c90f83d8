# Co-sell Copilot. `make demo` and `make test` work on a fresh machine (no network beyond package registries).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .cosell-demo/import
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: install system-deps demo test serve bench eval lint clean

install: $(STAMP)

# Idempotent: the stamp is rebuilt only when pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	# The CPU build of torch first: any other torch request pulls gigabytes of CUDA packages.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian's Chromium (browser tests) and PostgreSQL (the team-mode test); installed only when missing.
system-deps:
	@bash scripts/system_deps.sh

demo: install
	$(BIN)/python -m evals.demo.generator --out $(DEMO_DIR)
	COSELL_HOME=.cosell-demo/home $(BIN)/cosell ingest $(DEMO_DIR) --reset
	COSELL_HOME=.cosell-demo/home $(BIN)/python -m assistant.demo $(DEMO_DIR)

test: install system-deps
	$(BIN)/python -m pytest -q tests

serve: install
	$(BIN)/cosell serve

bench: install
	$(BIN)/python -m evals.bench

eval: install
	$(BIN)/cosell eval

# ruff (pinned in pyproject.toml) and the import contract: lower layers never import higher ones.
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf .cosell .cosell-demo
