"""Shared fixtures."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def dashboards() -> Path:
    """notebooks/dashboards/, written afresh: generated copies of the explorers, not in git.

    Dashboards are generated from the notebooks by .ci/make_dashboards.py (as `make
    dashboard` does), so the tests always serve and read what the notebooks give today.
    """
    spec = importlib.util.spec_from_file_location("make_dashboards",
                                                  ROOT / ".ci" / "make_dashboards.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = ROOT / "notebooks" / "dashboards"
    module.write(folder)
    return folder


@pytest.fixture
def no_widget_errors(caplog):
    """Fail the test if any widget callback logged a warning or error.

    ipywidgets logs (instead of raising) exceptions from callbacks it runs itself,
    so a broken callback could otherwise pass silently.
    """
    caplog.set_level(logging.WARNING)
    yield caplog
    bad = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not bad, "widget callbacks logged: " + "; ".join(r.getMessage() for r in bad)
