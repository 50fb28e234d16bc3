# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv if missing and (re)install the project only when pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export MPLBACKEND := Agg

.PHONY: demo test lint bench bench-extract bench-realworld clean install docs-images

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pipelines.prefect_template
	@touch $(STAMP)

# The unit of mixed case types in sample_dossiers/, regenerated alone (the three other units stay as they are).
sample-mixed: $(STAMP)
	rm -rf out/sample-mixed sample_dossiers/清河街道办事处
	$(BIN)/python -m samplegen out/sample-mixed \
		--types penalty-general,penalty-simple,license,coercion-measure,coercion-execution,inspection --units 1 \
		--per-unit 18 --first-unit 3 --manifest tests/data/sample_mixed_manifest.json
	mv out/sample-mixed/清河街道办事处 sample_dossiers/

demo: $(STAMP)
	$(BIN)/pingcha run sample_dossiers --out out/demo --campaign "示例评查活动" --overwrite

# The history store is tested against a real PostgreSQL server: .ci/postgres.sh installs (as root) and
# starts a throwaway one. In CI it is required; elsewhere, without it, that one test is skipped.
test: $(STAMP)
	@set -e; \
	if [ -z "$$PINGCHA_TEST_POSTGRES_URL" ]; then \
	  if pg_env=$$(.ci/postgres.sh start); then \
	    eval "$$pg_env"; trap '.ci/postgres.sh stop "$$PINGCHA_TEST_POSTGRES_DIR"' EXIT; \
	  elif [ "$$CI" = "true" ]; then echo "make test: PostgreSQL is required in CI" >&2; exit 1; \
	  else echo "make test: PostgreSQL not started; the PostgreSQL history test will be skipped" >&2; fi; \
	fi; \
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench.run_campaign

bench-extract: $(STAMP)
	$(BIN)/python -m bench.extract_accuracy

# accuracy on the independent corpus (tests/realworld): real published decisions and template-book dossiers
bench-realworld: $(STAMP)
	$(BIN)/python -m bench.realworld

# page images of the 通报, a 监督意见书 and a 评查表 for the README (needs LibreOffice and poppler-utils: .ci/run)
docs-images: $(STAMP)
	$(BIN)/python docs/render_images.py

clean:
	rm -rf out .pytest_cache .ruff_cache
