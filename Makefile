# The two commands of the README: `make lab` and `make test`.
# Both build .venv once and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: lab test setup bench clean

# Open the collection in JupyterLab, starting at the map of notebooks.
lab: setup
	$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb

# Every test: unit, property, data, widgets and notebooks (nbval).
test: setup
	$(PY) -m pytest

# Create the virtualenv and install kzlib (editable) with its test extra.
setup: $(STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade "pip>=23.1"
	$(PY) -m pip install --quiet -e ".[test,bench]"
	@touch $(STAMP)

# Side-by-side timing of kzlib.allocate against the apportionment package.
bench: setup
	$(PY) benchmarks/bench_allocate.py

clean:
	rm -rf $(VENV) build *.egg-info
