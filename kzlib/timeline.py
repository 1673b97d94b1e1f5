"""The reform timeline: dated steps from ``data/reform_timeline.csv``, filtered.

Each row of ``reform_timeline.csv`` is one dated step (a proposal, a law signed, an
election held, a plan announced) with the rule before and after, the act that made
it, a ``status`` and a ``source`` URL. This module turns the rows into frozen
:class:`Event` values and filters them by category and date:

* :func:`events` — the events of one category (or all) between two dates, by date.
* :func:`categories` — the category names, in teaching order.
* :func:`date_label` — a date written the way its precision allows
  ("5 January 2022", "January 2022", "from 2025", "by 28 November 2022").
* :func:`stage` — the first word(s) of a status: ``proposal``, ``signed``, ``held``, …
* :func:`table` — events as a small DataFrame for a notebook.
* :func:`counts_by_category` — how many events each category has.
* :func:`january_2022` — what the sources report about the January 2022 events
  (``data/january_2022.csv``), each account dated as precisely as its source.

Pure functions: no pandas, matplotlib or ipywidgets at import time.

Examples
--------
>>> from kzlib import timeline
>>> first = timeline.events(start="2022-01-01")[0]
>>> timeline.date_label(first)
'5 January 2022'
>>> [e.topic for e in timeline.events("constitution", end="2022-06-30")][-1]
'constitution'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzlib.data import CATALOGUE, read_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CATEGORIES",
    "PRECISIONS",
    "STAGES",
    "Event",
    "categories",
    "counts_by_category",
    "date_label",
    "events",
    "january_2022",
    "stage",
    "table",
]

_DATASET = "reform_timeline"

#: The categories a timeline row may have, in the order the schema lists them.
CATEGORIES: tuple[str, ...] = CATALOGUE[_DATASET].column("category").choices

#: How exact a row's date is (see data/README.md).
PRECISIONS: tuple[str, ...] = CATALOGUE[_DATASET].column("date_precision").choices

#: The stage words a status starts with, e.g. ``"signed"`` or ``"in force"``.
STAGES: tuple[str, ...] = CATALOGUE[_DATASET].status_kinds

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


@dataclass(frozen=True)
class Event:
    """One dated reform step.

    Parameters
    ----------
    date
        The date; read it together with ``date_precision``.
    date_precision
        ``"day"``, ``"month"`` (the date is the 1st of the month), ``"year"`` (the
        date is 1 January and stands for "from that year") or ``"on_or_before"``
        (the rule was in force by that date).
    topic
        Short topic, e.g. ``"Mazhilis threshold"``.
    category
        One of :data:`CATEGORIES`.
    before, after
        The rule before (may be ``""``) and after.
    instrument
        The act or event, e.g. ``"presidential decree"``.
    status
        Stage and notes, e.g. ``"signed; date unresolved: ..."``.
    source
        URL of the source.
    """

    date: datetime.date
    date_precision: str
    topic: str
    category: str
    before: str
    after: str
    instrument: str
    status: str
    source: str

    @property
    def stage(self) -> str:
        """The stage word the status starts with (see :func:`stage`)."""
        return stage(self.status)

    @property
    def label(self) -> str:
        """The date as text (see :func:`date_label`)."""
        return date_label(self)


def stage(status: str) -> str:
    """Return the stage word a timeline status starts with.

    Parameters
    ----------
    status
        A ``status`` cell, e.g. ``"in force (by 28 Nov 2022)"``.

    Returns
    -------
    str
        The longest word of :data:`STAGES` the status starts with (case-insensitive),
        e.g. ``"in force"``.

    Raises
    ------
    TypeError
        If ``status`` is not a string.
    ValueError
        If the status starts with none of :data:`STAGES`.

    Examples
    --------
    >>> stage("plan (announced)")
    'plan'
    """
    if not isinstance(status, str):
        raise TypeError(f"status must be a string, got {status!r}")
    lowered = status.strip().lower()
    for word in sorted(STAGES, key=len, reverse=True):
        if lowered.startswith(word.lower()):
            return word
    raise ValueError(f"status must start with one of {', '.join(STAGES)}, got {status!r}")


def date_label(event: Event) -> str:
    """Write an event's date as its precision allows.

    Parameters
    ----------
    event
        An :class:`Event`.

    Returns
    -------
    str
        ``"5 January 2022"`` (day), ``"January 2022"`` (month), ``"from 2025"``
        (year: a plan or a rule from that year on) or ``"by 28 November 2022"``
        (on or before).

    Raises
    ------
    TypeError
        If ``event`` is not an :class:`Event`.
    ValueError
        If its ``date_precision`` is not one of :data:`PRECISIONS`.
    """
    if not isinstance(event, Event):
        raise TypeError(f"event must be a kzlib.timeline.Event, got {event!r}")
    d = event.date
    day = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if event.date_precision == "day":
        return day
    if event.date_precision == "month":
        return f"{_MONTHS[d.month - 1]} {d.year}"
    if event.date_precision == "year":
        return f"from {d.year}"
    if event.date_precision == "on_or_before":
        return f"by {day}"
    raise ValueError(
        f"date_precision must be one of {', '.join(PRECISIONS)}, got {event.date_precision!r}"
    )


def categories() -> tuple[str, ...]:
    """Return the timeline categories (:data:`CATEGORIES`)."""
    return CATEGORIES


def _as_date(value: object, name: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a date, an ISO date string or a year, got {value!r}")
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise ValueError(f"{name} must be a year between 1 and 9999, got {value!r}")
        return datetime.date(value, 1, 1) if name == "start" else datetime.date(value, 12, 31)
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{name} must be an ISO date such as '2022-01-05', got {value!r}"
            ) from None
    raise TypeError(
        f"{name} must be a date, an ISO date string or a year, "
        f"got {value!r} ({type(value).__name__})"
    )


def _to_event(row: dict[str, str]) -> Event:
    return Event(
        date=datetime.date.fromisoformat(row["date"]),
        date_precision=row["date_precision"],
        topic=row["topic"],
        category=row["category"],
        before=row["before"],
        after=row["after"],
        instrument=row["instrument"],
        status=row["status"],
        source=row["source"],
    )


def events(
    category: str | None = None,
    start: datetime.date | str | int | None = None,
    end: datetime.date | str | int | None = None,
    data_dir: str | os.PathLike[str] | None = None,
) -> list[Event]:
    """Return the timeline events of one category (or all) between two dates.

    Parameters
    ----------
    category
        One of :data:`CATEGORIES`, or ``None`` for every category.
    start, end
        Inclusive bounds: a ``datetime.date``, an ISO string (``"2022-01-05"``) or a
        year (``2022`` means 1 January 2022 as ``start`` and 31 December 2022 as
        ``end``). ``None`` leaves that side open. An event is kept when its stored
        date lies within the bounds (a ``"year"`` event is stored as 1 January).
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    list of Event
        Sorted by date; events on the same date keep their file order.

    Raises
    ------
    TypeError
        If ``category`` is not a string or ``None``, or a bound is of the wrong type.
    ValueError
        If ``category`` is unknown (the message lists the valid ones), a bound is not
        a valid date, or ``start`` is after ``end``.

    Examples
    --------
    >>> [e.label for e in events("local government", start=2023)]
    ['16 September 2023', '5 November 2023', 'from 2025', '12 October 2025']
    """
    if category is not None and not isinstance(category, str):
        raise TypeError(f"category must be a string such as 'elections' or None, got {category!r}")
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"category must be one of {', '.join(CATEGORIES)}, got {category!r}")
    first = _as_date(start, "start")
    last = _as_date(end, "end")
    if first is not None and last is not None and first > last:
        raise ValueError(f"start must not be after end, got start={first} and end={last}")
    found = [_to_event(row) for row in read_rows(_DATASET, data_dir)]
    found = [
        e for e in found
        if (category is None or e.category == category)
        and (first is None or e.date >= first)
        and (last is None or e.date <= last)
    ]
    return sorted(found, key=lambda e: e.date)


def counts_by_category(found: Sequence[Event]) -> dict[str, int]:
    """Count events per category.

    Parameters
    ----------
    found
        Events, e.g. from :func:`events`.

    Returns
    -------
    dict
        ``{category: count}`` for every category of :data:`CATEGORIES`, in that
        order (zero where there is none).

    Raises
    ------
    TypeError
        If an item is not an :class:`Event`.
    """
    counts = dict.fromkeys(CATEGORIES, 0)
    for i, e in enumerate(found):
        if not isinstance(e, Event):
            raise TypeError(f"found[{i}] must be a kzlib.timeline.Event, got {e!r}")
        counts[e.category] = counts.get(e.category, 0) + 1
    return counts


def table(found: Sequence[Event]) -> pd.DataFrame:
    """Events as a DataFrame for display.

    Parameters
    ----------
    found
        Events, e.g. from :func:`events`.

    Returns
    -------
    pandas.DataFrame
        Columns ``when, category, topic, after, stage, source`` (``when`` from
        :func:`date_label`, ``stage`` from :func:`stage`), one row per event, index
        0..n-1.

    Raises
    ------
    TypeError
        If an item is not an :class:`Event`.
    """
    import pandas as pd

    for i, e in enumerate(found):
        if not isinstance(e, Event):
            raise TypeError(f"found[{i}] must be a kzlib.timeline.Event, got {e!r}")
    return pd.DataFrame(
        {
            "when": [e.label for e in found],
            "category": [e.category for e in found],
            "topic": [e.topic for e in found],
            "after": [e.after for e in found],
            "stage": [e.stage for e in found],
            "source": [e.source for e in found],
        },
        columns=["when", "category", "topic", "after", "stage", "source"],
    )


def january_2022(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """What the sources report about the January 2022 events, one account a row.

    Parameters
    ----------
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    pandas.DataFrame
        Columns ``when`` ("7 January 2022", or "by 15 January 2022" where the date is
        that of the report), ``topic``, ``figure`` (the number the account gives, as
        text with thousands separators; empty if none), ``account``, ``status`` and
        ``source``, in date order. The death tolls are separate rows, because the
        official counts conflict (225, 230, 238).

    Examples
    --------
    >>> table = january_2022()
    >>> table[table.topic == "deaths"].figure.tolist()
    ['225', '230', '238']
    >>> table.when.iloc[3]
    'by 15 January 2022'
    """
    import pandas as pd

    rows = read_rows("january_2022", data_dir)
    labels = []
    for r in rows:
        day = datetime.date.fromisoformat(r["date"])
        text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        labels.append(f"by {text}" if r["date_precision"] == "on_or_before" else text)
    return pd.DataFrame({
        "when": labels,
        "topic": [r["topic"] for r in rows],
        "figure": [f"{int(r['figure']):,}" if r["figure"] else "" for r in rows],
        "account": [r["account"] for r in rows],
        "status": [r["status"] for r in rows],
        "source": [r["source"] for r in rows],
    })
