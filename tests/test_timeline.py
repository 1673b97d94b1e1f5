"""kzlib.timeline: filtering by category and dates, date labels, stages, bad input."""

from __future__ import annotations

import csv
import datetime
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlib import timeline
from kzlib.timeline import Event, date_label, events, stage

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ALL = events()


def ev(
    date: str, precision: str = "day", status: str = "held", category: str = "elections"
) -> Event:
    return Event(datetime.date.fromisoformat(date), precision, "t", category, "", "after", "act",
                 status, "https://example.org")


def test_all_events_sorted_sourced_and_typed():
    assert len(ALL) >= 20
    assert [e.date for e in ALL] == sorted(e.date for e in ALL)
    for e in ALL:
        assert e.category in timeline.CATEGORIES
        assert e.source.startswith(("http://", "https://"))
        assert e.stage in timeline.STAGES


def test_timeline_spans_january_2022_to_the_2026_constitution():
    labels = {(e.label, e.topic) for e in ALL}
    assert ("5 January 2022", "January events: state of emergency") in labels
    assert ("16 March 2022", "reform package announced") in labels
    assert ("5 June 2022", "constitution") in labels
    assert ("19 March 2023", "Mazhilis & maslikhats") in labels
    assert ("5 November 2023", "district akims (pilot)") in labels
    assert ("15 March 2026", "new Constitution (referendum)") in labels
    assert ("1 July 2026", "new Constitution in force") in labels
    plans = [e for e in ALL if e.stage == "plan"]
    assert [e.label for e in plans] == ["16 September 2023", "23 August 2026"]
    # The Kurultai election is only scheduled: nothing may claim its results.
    assert "not in our sources" in plans[-1].after


def test_party_chairmanship_follows_the_january_events():
    # Tokayev took the Security Council on 5 January and the party only on 28 January.
    chair, left = (e for e in ALL if e.topic == "president and party")
    assert (chair.label, left.label) == ("28 January 2022", "26 April 2022")
    council = next(e for e in ALL if e.topic.endswith("government and Security Council"))
    assert council.date < chair.date


def test_category_filter():
    cons = events("constitution")
    assert cons and all(e.category == "constitution" for e in cons)
    topics = [e.topic for e in cons]
    assert topics == ["reform package announced", "referendum called", "constitution",
                      "Constitutional Commission", "draft new Constitution published",
                      "new Constitution (referendum)"]
    total = sum(len(events(c)) for c in timeline.CATEGORIES)
    assert total == len(ALL)


def test_date_bounds_are_inclusive_and_accept_dates_strings_and_years():
    day = datetime.date(2022, 6, 5)
    assert [e.topic for e in events(start=day, end=day)] == ["constitution"]
    assert events(start="2022-06-05", end="2022-06-05") == events(start=day, end=day)
    in_2023 = events(start=2023, end=2023)
    assert in_2023 and all(e.date.year == 2023 for e in in_2023)
    noon = datetime.datetime(2023, 11, 5, 12)
    assert events(start=noon) == events(start=day.replace(2023, 11, 5))
    # the day just after excludes it
    assert "constitution" not in [e.topic for e in events(start="2022-06-06", end="2022-06-30")]


def test_open_bounds():
    assert events(start=None, end=None) == ALL
    assert events(end=2021)[-1].date.year == 2021
    assert events(start=2025)[0].label == "from 2025"
    assert events(start=2026)[-1].label == "23 August 2026"


@pytest.mark.parametrize(
    ("precision", "label"),
    [("day", "5 January 2022"), ("month", "January 2022"), ("year", "from 2022"),
     ("on_or_before", "by 5 January 2022")],
)
def test_date_label_by_precision(precision, label):
    assert date_label(ev("2022-01-05", precision)) == label


def test_stage_longest_match_and_case():
    assert stage("in force (by 28 Nov 2022)") == "in force"
    assert stage("Signed; date unresolved") == "signed"
    assert stage("plan (announced)") == "plan"


def test_counts_and_table():
    found = events(start=2022, end=2022)
    counts = timeline.counts_by_category(found)
    assert list(counts) == list(timeline.CATEGORIES)
    assert sum(counts.values()) == len(found)
    t = timeline.table(found)
    assert list(t.columns) == ["when", "category", "topic", "after", "stage", "source"]
    assert list(t.when) == [e.label for e in found]
    assert timeline.table([]).empty


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"category": "economy"}, ValueError, r"category must be one of .*'economy'"),
        ({"category": 3}, TypeError, r"category must be a string"),
        ({"start": "5 June 2022"}, ValueError, r"start must be an ISO date .*'5 June 2022'"),
        ({"end": "2022-13-01"}, ValueError, r"end must be an ISO date"),
        ({"start": 2.5}, TypeError, r"start must be a date"),
        ({"end": True}, TypeError, r"end must be a date"),
        ({"start": 0}, ValueError, r"start must be a year"),
        ({"start": 2023, "end": 2022}, ValueError, r"start must not be after end"),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, message):
    with pytest.raises(error, match=message):
        events(**kwargs)


def test_bad_values_in_helpers():
    with pytest.raises(ValueError, match="status must start with one of"):
        stage("rumour")
    with pytest.raises(TypeError, match="status must be a string"):
        stage(None)
    with pytest.raises(TypeError, match="event must be"):
        date_label("2022-01-05")
    with pytest.raises(ValueError, match="date_precision must be one of"):
        date_label(ev("2022-01-05", "week"))
    with pytest.raises(TypeError, match=r"found\[1\] must be"):
        timeline.counts_by_category([ALL[0], "x"])
    with pytest.raises(TypeError, match=r"found\[0\] must be"):
        timeline.table(["x"])


def test_reads_a_data_dir(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "reform_timeline.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    rows = rows[:1] + [r for r in rows[1:] if r[3] == "constitution"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    assert [e.category for e in events(data_dir=folder)] == ["constitution"] * 6


DATES = st.dates(min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2026, 12, 31))


@given(DATES, DATES, st.sampled_from((None,) + timeline.CATEGORIES))
def test_filter_is_exactly_the_matching_subset(a, b, category):
    start, end = min(a, b), max(a, b)
    found = events(category, start, end)
    expected = [e for e in ALL if (category is None or e.category == category)
                and start <= e.date <= end]
    assert found == expected


@given(DATES, DATES)
def test_splitting_a_range_partitions_it(a, b):
    start, end = min(a, b), max(a, b)
    whole = events(start=start, end=end)
    middle = start + (end - start) / 2
    left = events(start=start, end=middle)
    right = [e for e in events(start=middle, end=end) if e.date > middle]
    assert left + right == whole


def test_january_2022_keeps_the_conflicting_tolls_and_dates_reports_as_such():
    table = timeline.january_2022()
    deaths = table[table.topic == "deaths"]
    # All three official counts, in the order they were given, none smoothed away.
    assert deaths.figure.tolist() == ["225", "230", "238"]
    assert all(s.startswith("conflicts") for s in deaths.status)
    assert "custody" in deaths.account.iloc[-1]
    for topic in ("CSTO troops", "order to shoot", "detentions", "torture", "official account"):
        assert topic in set(table.topic), topic
    assert "shoot to kill without warning" in table[table.topic == "order to shoot"].account.iloc[0]
    # A report's date is not the event's: those rows read "by ...".
    csto = table[table.topic == "CSTO troops"].iloc[0]
    assert (csto.when, csto.figure) == ("by 15 January 2022", "2,000")
    assert table[table.topic == "order to shoot"].when.iloc[0] == "7 January 2022"
    assert all(url.startswith("https://") for url in table.source)
