"""Notebook 00 widget: the timeline explorer, every control driven headless."""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path

import pytest
from explorers import alt_text

from kzlib import data, timeline
from kzlib.widgets import timeline as W
from kzlib.widgets.timeline import ALL, build_timeline_explorer, timeline_settings

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
YEARS = sorted({e.date.year for e in timeline.events()})


def shown_rows(explorer) -> list[tuple[str, str]]:
    rows = re.findall(r"<tr><td style='white-space:nowrap'>([^<]+)</td><td>([^<]+)</td>",
                      explorer.text.value)
    return [(html.unescape(a), html.unescape(b)) for a, b in rows]


def assert_consistent(explorer):
    settings = timeline_settings(explorer)
    found = timeline.events(**settings)
    assert explorer.error.value == ""
    assert explorer.result == found
    assert shown_rows(explorer) == [(e.label, e.category) for e in found]
    assert f"<b>{len(found)}</b> events" in explorer.text.value
    for e in found:
        assert html.escape(e.source, quote=True) in explorer.text.value
    assert alt_text(explorer) == W.timeline_alt_text(found, settings["category"])
    return found


def test_initial_state_from_january_2022(no_widget_errors):
    ex = build_timeline_explorer()
    found = assert_consistent(ex)
    assert ex.controls["years"].value == (2022, YEARS[-1])
    assert found[0].date.year == 2022
    assert "5 January 2022" in [e.label for e in found]
    assert all(c.description for c in ex.controls.values())


@pytest.mark.parametrize("category", [ALL, *timeline.CATEGORIES])
def test_every_category_and_year_range(no_widget_errors, category):
    ex = build_timeline_explorer()
    ex.controls["category"].value = category
    everything = timeline.events()
    seen, expected = [], []
    for years in [(YEARS[0], YEARS[-1]), (YEARS[0], YEARS[0]), (2022, 2022), (2023, 2023),
                  (YEARS[-1], YEARS[-1]), (2022, 2023)]:
        ex.controls["years"].value = years
        found = assert_consistent(ex)
        assert all(years[0] <= e.date.year <= years[1] for e in found)
        if category != ALL:
            assert all(e.category == category for e in found)
        seen.append(len(found))
        # Counted here from all events, without the filter the panel uses.
        expected.append(sum(1 for e in everything if years[0] <= e.date.year <= years[1]
                            and category in (ALL, e.category)))
    assert seen == expected
    assert len(set(seen)) > 1  # every category's list changes with the years


def test_category_changes_the_text_and_the_dots(no_widget_errors):
    ex = build_timeline_explorer(start=YEARS[0])
    before_text, before_alt = ex.text.value, alt_text(ex)
    ex.controls["category"].value = "local government"
    assert ex.text.value != before_text and alt_text(ex) != before_alt
    assert {e.category for e in ex.result} == {"local government"}
    dots = ex.children[-1]  # the chart widget re-rendered
    assert dots.value.startswith("<img alt=")


def test_no_event_in_range_says_so(no_widget_errors):
    ex = build_timeline_explorer(category="institutions", start=YEARS[0], end=YEARS[0])
    assert ex.result == []
    assert "<b>0</b> events" in ex.text.value
    assert "none shown" in alt_text(ex)


def test_builder_rejects_bad_arguments():
    with pytest.raises(ValueError, match="category must be one of"):
        build_timeline_explorer(category="economy")
    with pytest.raises(ValueError, match="start must be a number from 20"):
        build_timeline_explorer(start=1999)
    with pytest.raises(ValueError, match="start and end must satisfy"):
        build_timeline_explorer(start=2023, end=2022)


def test_changed_data_shows_a_message_instead_of_raising(no_widget_errors, tmp_path, monkeypatch):
    ex = build_timeline_explorer()
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "reform_timeline.csv"
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    rows[1][0] = "25 May 2020"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(folder))
    ex.controls["category"].value = "elections"
    assert "Cannot compute this" in ex.error.value
    assert "date must be an ISO date" in html.unescape(ex.error.value)
    monkeypatch.delenv(data.DATA_DIR_ENV)
    ex.controls["category"].value = "parties"
    assert ex.error.value == ""
    assert_consistent(ex)


def test_added_row_after_build_is_reported(no_widget_errors, tmp_path, monkeypatch):
    ex = build_timeline_explorer()
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "reform_timeline.csv"
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    added = list(rows[-1])  # a new event, not a duplicate (which the loader refuses)
    added[rows[0].index("topic")] += " (an added event)"
    rows.append(added)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(folder))
    ex.controls["years"].value = (2023, 2024)
    assert "changed since the chart was drawn" in html.unescape(ex.error.value)


def test_an_equal_result_still_updates_the_text(no_widget_errors):
    # No institutions event in 2020 nor in 2022: equal (empty) results, different years.
    ex = build_timeline_explorer(category="institutions", start=2020, end=2020)
    assert ex.result == [] and "2020–2020" in ex.text.value
    ex.controls["years"].value = (2022, 2022)
    assert ex.result == [] and "2022–2022" in ex.text.value
    ex.controls["category"].value = "parliament"
    ex.controls["category"].value = "institutions"
    assert_consistent(ex)


def test_model_selects_events_without_widgets():
    everything = timeline.events()
    model = W.TimelineModel(everything, category="elections", years=(2022, 2023))
    assert model.result == timeline.events(category="elections", start=2022, end=2023)
    model.category = ALL
    assert model.result == timeline.events(start=2022, end=2023)
    assert model.settings() == {"category": None, "start": 2022, "end": 2023}
    model.years = (2023, 2022)
    assert model.error.startswith("start must not be after end")
    assert model.result == timeline.events(start=2022, end=2023)  # the last good events
