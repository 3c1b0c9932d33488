# Two commands for a fresh machine with Python 3.11+, git and make:
#   make site   builds the sample site into site/
#   make test   runs ruff, mypy and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test check clean system-deps reference-docx

# Debian packages for the browser and DOCX rendering tests. `make test` installs the missing
# ones when it runs as root on Debian; otherwise those tests are skipped and say why.
SYSTEM_PACKAGES := chromium libreoffice-writer-nogui poppler-utils fonts-liberation hyphen-ru \
	default-jre-headless

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp files re-run the install whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

site: $(VENV)/.installed
	$(BIN)/regpub build

check: $(VENV)/.installed
	$(BIN)/regpub check

system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; \
	  for package in $(SYSTEM_PACKAGES); do \
	    dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  fi; \
	else \
	  echo "Not root on Debian: browser and DOCX rendering tests will be skipped."; \
	fi

# The W3C Nu HTML checker the tests validate every page with (run by Debian's Java).
$(VENV)/vnu.jar: tests/fetch_vnu.py | $(BIN)/python
	$(BIN)/python tests/fetch_vnu.py $@

test: $(VENV)/.installed-test $(VENV)/vnu.jar system-deps
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Regenerate the DOCX reference document after editing its script.
reference-docx: $(VENV)/.installed-test
	$(BIN)/python theme/docx/make_reference.py generator/resources/docx/reference.docx

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
