# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv if missing and (re)install the project only when pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export MPLBACKEND := Agg

.PHONY: demo test lint bench bench-extract clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/pingcha run sample_dossiers --out out/demo --campaign "示例评查活动" --overwrite
	@echo "评查表 (scorecard): $(CURDIR)/out/demo/scorecards.xlsx"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench.run_campaign

bench-extract: $(STAMP)
	$(BIN)/python -m bench.extract_accuracy

clean:
	rm -rf out .pytest_cache .ruff_cache
