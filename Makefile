# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test lint eval index screenshots clean

# torch is installed first, pinned to the CPU build on this machine's disk: a bare `torch`
# requirement (pulled in by sentence-transformers) would otherwise download a CUDA build of several GB.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,bench,ray]'
	touch $@

serve: $(BIN)/.installed
	$(BIN)/qa index
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

test: $(BIN)/.installed
	$(BIN)/pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Each collection is indexed into its own folder and measured on both splits, the old decision beside the new.
eval: $(BIN)/.installed
	$(BIN)/qa index
	$(BIN)/qa eval --compare --json bench/results/eval.json
	$(BIN)/qa index --corpus eval/formats --index .qa-index-formats
	$(BIN)/qa eval --corpus eval/formats --index .qa-index-formats --set eval/formats.jsonl --json bench/results/eval-formats.json
	$(BIN)/qa index --corpus eval/real/docs --index .qa-index-real
	$(BIN)/qa eval --corpus eval/real/docs --index .qa-index-real --set eval/real/questions.jsonl --json bench/results/eval-real.json
	$(BIN)/qa eval --sweep

screenshots: $(BIN)/.installed
	$(BIN)/pytest -q tests/test_browser.py --screenshots docs/screenshots

index: $(BIN)/.installed
	$(BIN)/qa index

clean:
	rm -rf $(VENV) .qa-index .pytest_cache
