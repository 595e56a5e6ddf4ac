# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
export QT_QPA_PLATFORM_THEME ?=

.PHONY: run test lint translations mo dist clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

mo: $(STAMP)
	$(PY) tools/i18n.py compile

run: mo
	$(VENV)/bin/coopdesk --demo

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: mo lint
	$(PY) tools/i18n.py check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

translations: $(STAMP)
	$(PY) tools/i18n.py update

# The frozen one-folder application in dist/coopdesk/ (PyInstaller comes with the dev extra;
# build.spec compiles the translations itself), then the smoke steps against it.
dist: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	$(PY) tests/build/smoke.py dist/coopdesk/coopdesk

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
