"""Shared fixtures."""

from __future__ import annotations

import logging

import pytest


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
