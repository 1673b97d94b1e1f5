"""Every docstring example in kzlib runs and prints what it shows (a wrong one fails the build).

(Run through doctest here rather than pytest's --doctest-modules, which would also
import tests/conftest.py and tests/browser/conftest.py as one module name.)
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kzlib

MODULES = ["kzlib", *sorted(m.name for m in pkgutil.walk_packages(kzlib.__path__, "kzlib."))]


def run_examples(name: str) -> doctest.TestResults:
    module = importlib.import_module(name)
    return doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    failed, _attempted = run_examples(name)
    assert failed == 0, f"{failed} docstring example(s) in {name} failed (see the output above)"


def test_the_examples_are_there():
    # A guard against collecting nothing: kzlib documents its API with examples.
    assert sum(run_examples(name).attempted for name in MODULES) >= 100
