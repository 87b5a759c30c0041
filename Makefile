# Set-up is part of every target: a fresh Debian machine with Python 3.11 needs nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint clean bench bench-nl bench-scale train-nl train-events eval-events eval-polnear serve vendor

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray,serve]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dyad demo

# PostgreSQL (for the store tests on both backends) and Chromium (for the dashboard's browser tests) come
# from Debian packages; the setup scripts are idempotent and print what the tests need.
test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	bash scripts/setup/chromium.sh
	url="$$(sh scripts/setup/postgres.sh | tail -n 1)" && DYAD_TEST_POSTGRES_URL="$$url" $(BIN)/pytest -q

# Throughput, stage shares, memory, Ray speed-up and Frog, on the DpgMedia2019 corpus (about 5 minutes).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# The Dutch language layer against Frog: UPOS, LAS, NER, speed, load time, size.
bench-nl: $(STAMP)
	$(BIN)/python benchmarks/bench_nl.py

# The record at scale: synthetic DuckDB stores of 1 M and 10 M events and a PostgreSQL one of 1 M (built in
# SQL under /tmp/dyad-scale), every API aggregate, /api/events pages, a streamed Parquet export of 10 M
# events; figures into docs/BENCHMARKS.md; the last line is one JSON object (about 15 minutes, 2 cores).
bench-scale: $(STAMP)
	url="$$(sh scripts/setup/postgres.sh | tail -n 1)" && DYAD_TEST_POSTGRES_URL="$$url" \
		$(BIN)/python benchmarks/bench_scale.py --write-docs

# Train the shipped Dutch pipeline from ../shared/data (CPU, about 45 minutes).
train-nl: $(STAMP)
	bash training/train_nl.sh

# Train the learned event decision on the training split of the annotated corpus (about a minute); writes
# src/dyad/events/data/nl_events_model.json and prints the cross-validated figures.
train-events: $(STAMP)
	$(BIN)/python training/train_events.py

# Rules and learned decision side by side on train, test and dev (docs/EVALUATION.md).
eval-events: $(STAMP)
	$(BIN)/python benchmarks/eval_events_nl.py

# English quotes and speakers on PolNeAR's dev compartment (../shared/data/polnear-en; docs/EVALUATION.md);
# SPLIT=train to score the training articles instead.
SPLIT ?= dev
eval-polnear: $(STAMP)
	$(BIN)/python benchmarks/eval_polnear.py --split $(SPLIT)

# The dashboard's and the API docs' JavaScript libraries (Cytoscape.js,
# swagger-ui-dist, Redoc): `npm ci` in web/ and their minified builds with licences copied into
# src/dyad/serve/static/vendor/. The copies are committed, so that other targets need no npm; run this after
# changing web/package.json.
vendor:
	sh scripts/vendor.sh

serve: $(STAMP)
	$(BIN)/dyad serve

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
