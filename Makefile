# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test lint eval bench golden index screenshots clean

# Three installs, each a stamp: `make serve` needs only the runtime; `make test` and `make lint` add the
# dev extras (and Ray, whose cluster the tests start); only `make eval` and `make bench` add the bench
# extras (Haystack, matplotlib, psutil).
# torch is installed first, pinned to the CPU build on this machine's disk: a bare `torch`
# requirement (pulled in by sentence-transformers) would otherwise download a CUDA build of several GB.
$(BIN)/.installed-runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

# The tests include the Ray cluster's (issue 18), so the dev install brings the `ray` extra too.
$(BIN)/.installed-dev: $(BIN)/.installed-runtime
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $@

$(BIN)/.installed-bench: $(BIN)/.installed-runtime
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@

serve: $(BIN)/.installed-runtime
	$(BIN)/qa index
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

# The Ray tests run in a pytest of their own (their loopback cluster's worker nodes do not join from inside a
# pytest-xdist worker), collecting only their file, at the same time as the rest on two xdist workers, a file at a
# time: run first and alone, the Ray tests kept the two cores only partly busy (278 CPU-s in a 299 s run, its
# nodes' processes counted), so the rest now uses what they leave. Each run's output is shown whole once it ends
# (--output-sync). The files are taken in the order tests/conftest.py gives them (the slow ones first).
.PHONY: test-ray test-rest
test: $(BIN)/.installed-dev
	$(MAKE) --no-print-directory -j2 --output-sync=target test-ray test-rest

test-ray: $(BIN)/.installed-dev
	$(BIN)/pytest -q -m ray tests/test_ray.py

test-rest: $(BIN)/.installed-dev
	$(BIN)/pytest -q -m "not ray" -n 2 --dist loadfile --no-loadscope-reorder

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Each collection is indexed into its own folder and measured on both splits, the old decision beside the new.
eval: $(BIN)/.installed-bench
	$(BIN)/qa index
	$(BIN)/qa eval --compare --json bench/results/eval.json
	$(BIN)/qa index --corpus eval/formats --index .qa-index-formats
	$(BIN)/qa eval --corpus eval/formats --index .qa-index-formats --set eval/formats.jsonl --json bench/results/eval-formats.json
	$(BIN)/qa index --corpus eval/real/docs --index .qa-index-real
	$(BIN)/qa eval --corpus eval/real/docs --index .qa-index-real --set eval/real/questions.jsonl --json bench/results/eval-real.json
	$(BIN)/qa index --corpus tests/data/wild --index .qa-index-wild
	$(BIN)/qa eval --corpus tests/data/wild --index .qa-index-wild --set eval/wild.jsonl --json bench/results/eval-wild.json
	$(BIN)/qa eval --sweep

screenshots: $(BIN)/.installed-dev
	$(BIN)/pytest -q tests/test_browser.py --screenshots docs/screenshots

index: $(BIN)/.installed-runtime
	$(BIN)/qa index

# Every benchmark whose results the README quotes, then the README's figures written from them (bench/readme.py),
# so one command remakes both; `make eval` first, for the eval tables. It takes hours on 2 cores (the 1M-passage
# scale runs, fresh venvs for the install sizes, the whole test suite), and bench.html_extraction needs
# trafilatura's evaluation suite in QA_HTML_SUITE. Results measured on an older checkout (bench.readme.RECORDS)
# are quoted as they were measured.
bench: eval $(BIN)/.installed-dev
	$(BIN)/python -m bench.latency
	$(BIN)/python -m bench.encoder
	$(BIN)/python -m bench.throughput
	$(BIN)/python -m bench.indexing
	$(BIN)/python -m bench.cold_start
	$(BIN)/python -m bench.cli_latency
	$(BIN)/python -m bench.sentences
	$(BIN)/python -m bench.gc_pause
	$(BIN)/python -m bench.admin_load
	$(BIN)/python -m bench.healthz
	$(BIN)/python -m bench.scale
	$(BIN)/python -m bench.scale_bm25
	$(BIN)/python -m bench.mmap_share
	$(BIN)/python -m bench.html_extraction
	$(BIN)/python -m bench.install_size
	$(BIN)/python -m bench.suite_time
	$(BIN)/python -m bench.readme

# The answers tests/test_golden.py expects, rewritten for a change meant to alter them: read the diff.
golden: $(BIN)/.installed-dev
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(VENV) .qa-index .pytest_cache
