# Zhichan: `make run` serves the site with a task worker; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: install run test lint fuzz bench messages clean

install: $(VENV)/.installed node_modules/.installed var/vendor/.copied messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

var/vendor/.copied: node_modules/.installed scripts/vendor_assets.py
	$(PY) scripts/vendor_assets.py
	touch $@

# Translations: compiled from the .po files with polib (no system gettext needed).
messages: $(VENV)/.installed
	$(PY) scripts/compile_messages.py

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py bootstrap
	scripts/serve

test: install
	scripts/test

# The whole API under generated requests as every role, with many more examples than the suite's few.
FUZZ_EXAMPLES ?= 200
fuzz: install
	ZHICHAN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q tests/core/test_api_fuzz.py

lint: install
	$(VENV)/bin/ruff check .

# Every bench/*.py script in turn (each takes its own options; see its docstring). Needs PostgreSQL.
bench: install
	@set -e; for script in bench/*.py; do echo "== $$script"; $(PY) $$script; done

clean:
	rm -rf $(VENV) node_modules var/vendor var/static
