# Two entry points for a fresh clone: `make site` and `make test`.
# Both create .venv/ on first use and install the project into it.
# The interpreter for .venv/: the distribution's CPython when it has venv and is 3.11+
# (Debian builds it with profile-guided and link-time optimisation; a pyenv build without
# --enable-optimizations runs extraction ~12 % slower), else python3 on PATH.
# Override with `make PYTHON=/path/to/python3 ...`.
ifndef PYTHON
PYTHON := $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' \
	>/dev/null 2>&1 && { echo $$p; exit; }; done; echo python3)
endif
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test dist eval bench lint clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

site: $(BIN)/briefing          ## build the briefing site into site/ from seeds/
	$(BIN)/briefing build

test: $(BIN)/briefing          ## run the whole test suite (installs Chromium and poppler if missing)
	bash .ci/system-deps
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest -n 2 --dist loadgroup

dist: $(BIN)/briefing          ## offline zip, single-file HTML and PDF under dist/
	$(BIN)/briefing dist

eval: $(BIN)/briefing          ## print the extraction quality figures
	$(BIN)/briefing eval

bench: $(BIN)/briefing         ## scale benchmark (100 and 1,000 sources)
	$(BIN)/python -m generator.bench

lint: $(BIN)/briefing
	$(BIN)/ruff check generator tests

clean:
	rm -rf site dist .briefing-cache
