# The two commands of the README: `make lab` and `make test`.
# Both build .venv once and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# What a student needs (kzlib and its runtime dependencies) and what a contributor
# adds (test, browser-test and benchmark extras); the second implies the first.
RUNTIME := $(VENV)/.runtime-stamp
DEV     := $(VENV)/.dev-stamp

.PHONY: lab test setup bench dashboard html binder-links clean

# Open the collection in JupyterLab: the printed URL opens the map of notebooks, and the file
# browser shows the whole project (data/, README.md). The settings live in .ci/lab/ (read them
# there): a quiet server log, stored widget state kept on save, no news pop-up, no kernel
# TCP warning. The notebooks are marked trusted (they are this project's own, whose code
# `make lab` runs anyway) so that their stored widgets show before anything is run.
# (As root, e.g. in a container, Jupyter refuses to start without --allow-root.)
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
KERNEL_CONFIG := $(VENV)/etc/ipython/ipython_kernel_config.py
lab: $(RUNTIME) $(LAB_SETTINGS) $(KERNEL_CONFIG)
	@$(VENV)/bin/jupyter trust notebooks/*.ipynb notebooks/kk/*.ipynb notebooks/ru/*.ipynb > /dev/null
	@echo "Set-up worked: kzlib and JupyterLab are installed in $(VENV)."
	@echo "Starting JupyterLab. Open the http://127.0.0.1... URL it prints; stop it with Ctrl+C."
	@$(VENV)/bin/jupyter lab --config=.ci/lab/jupyter_lab_config.py $(if $(filter 0,$(shell id -u)),--allow-root)

$(LAB_SETTINGS): .ci/lab/overrides.json | $(PY)
	@mkdir -p $(@D) && cp $< $@

$(KERNEL_CONFIG): .ci/lab/ipython_kernel_config.py | $(PY)
	@mkdir -p $(@D) && cp $< $@

# Every test: lint, doctests, unit, property, data, wheel, widgets, notebooks (nbval), browser.
test: setup
	$(PY) -m pytest

# The contributor's environment: kzlib (editable) with the test, browser and bench extras.
setup: $(DEV)

# pip -qq: errors only. Its warnings (a machine's index settings, setuptools' note on editable
# installs) are not something a newcomer can judge or act on; a failed install still says why.
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	@echo "Creating $(VENV) ..."
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -qq --upgrade "pip>=23.1"

$(RUNTIME): pyproject.toml | $(PY)
	@echo "Installing kzlib, JupyterLab and the widgets into $(VENV) (a minute or two the first time) ..."
	@$(PY) -m pip install -qq -e .
	@touch $(RUNTIME)

$(DEV): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,browser,bench]"
	@touch $(DEV) $(RUNTIME)

# Timings (never timed tests): kzlib.allocate against the apportionment package, one
# widget interaction (compute + redraw) per explorer headless, then in Chromium from
# input to visible change (bench_browser.py; needs /usr/bin/chromium).
bench: setup
	@for script in tests/benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# One explorer as a dashboard (Voila, loopback only): its title, a sentence and the
# explorer, from notebooks/dashboards/ (generated here by .ci/make_dashboards.py, not kept
# in git: they are copies of the notebooks' explorers), e.g.
#   make dashboard NB=notebooks/dashboards/07_mazhilis_mixed_system.ipynb
# LANG=kk (Kazakh) or LANG=ru (Russian) shows the dashboard, its heading and its explorer,
# in that language (kzlib/locale): the kernel gets KZ_LANG, and the server runs with LANG=C.UTF-8,
# since a bare language code is no locale. Without it (or with a locale such as
# en_US.UTF-8 in the environment) the dashboard is in English.
NB ?= notebooks/dashboards/05_threshold_7_to_5.ipynb
DASHBOARD_LANG = $(or $(filter en kk ru,$(LANG)),$(KZ_LANG),en)
dashboard: $(RUNTIME)
	$(if $(and $(filter command line,$(origin LANG)),$(if $(filter en kk ru,$(LANG)),,x)),\
	  $(error LANG must be en, kk or ru, got '$(LANG)'))
	@$(PY) .ci/make_dashboards.py > /dev/null
	$(if $(filter en kk ru,$(LANG)),LANG=C.UTF-8) KZ_LANG=$(DASHBOARD_LANG) \
	  $(VENV)/bin/voila "$(NB)" --Voila.ip=127.0.0.1

# The executed notebooks and their worked solutions as a static site in build/html, for
# reading without a kernel and without internet (scripts from .ci/vendor/, see its README).
html: $(RUNTIME)
	rm -rf build/html
	$(PY) .ci/export_html.py build/html

# Rewrite the Binder launch links (README badge, top of every notebook) from the
# repository URL in pyproject.toml; running it twice changes nothing.
binder-links: $(RUNTIME)
	$(PY) .ci/binder_links.py

clean:
	rm -rf $(VENV) build *.egg-info

# The teacher pack (notebooks/teachers/): the answer key, generated from kzlib.exercises
# and the worked solutions (never typed), as Markdown and printable HTML in build/teachers.
.PHONY: answer-key
answer-key: $(RUNTIME)
	$(PY) -m kzlib.answer_key notebooks build/teachers

# Printable handouts: the guide, the debate kit, the answer key and every notebook (from
# the static site, explorers in their stored state) as A4 PDFs with page numbers in
# build/teachers (the notebooks in build/teachers/handouts), printed by Chromium
# (/usr/bin/chromium, or KZ_CHROMIUM) through Playwright, which is in the browser extra
# that `make setup` installs.
.PHONY: pdf
pdf: setup html
	$(PY) -m kzlib.answer_key --pdf --site build/html notebooks build/teachers
