# eventwire: set-up, the main job on the samples, and the tests. Everything installs from this file.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint browser bench clean train

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==24.3.1
	$(BIN)/pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

## run: set up, then extract events from the sample articles and print the summary
run: $(STAMP)
	$(BIN)/eventwire extract samples --format text

## browser: Debian's Chromium for the dashboard tests (needs root and the Debian archive)
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## test: set up, then run the whole test suite
test: $(STAMP) browser
	$(BIN)/python -m pytest -q

## train: rebuild the event-type model's shipped weights from the corpus in data/events/ (fixed seed)
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m eventwire.eventtypes.train

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
