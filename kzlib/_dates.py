"""One way to read "a year or a date" for the modules that look rules up by day.

:mod:`kzlib.akims` and :mod:`kzlib.parties` both answer "which rule was in force on
this day?", where a year stands for its last day. :func:`as_date` does that reading
and the checks once; each module passes the days its data cover.
"""

from __future__ import annotations

import datetime
import operator

__all__ = ["as_date"]


def as_date(
    when: object, name: str, first: datetime.date, last: datetime.date
) -> datetime.date:
    """Turn a year or a date into the day a rule is looked up for.

    A year stands for **31 December** of that year: the rule in force at the end of
    the year.

    Parameters
    ----------
    when
        A ``datetime.date`` (or ``datetime.datetime``, whose date is used) or a
        year as an ``int``.
    name
        The argument's name in error messages.
    first, last
        The first and last day the data cover (both included).

    Returns
    -------
    datetime.date

    Raises
    ------
    TypeError
        If ``when`` is neither a date nor a whole number (``True`` is rejected).
    ValueError
        If the year or the day is outside ``first`` … ``last``.

    Examples
    --------
    >>> first, last = datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)
    >>> as_date(2022, "on", first, last)
    datetime.date(2022, 12, 31)
    >>> as_date(datetime.datetime(2021, 7, 25, 8, 0), "on", first, last)
    datetime.date(2021, 7, 25)
    >>> as_date(2009, "on", first, last)
    Traceback (most recent call last):
    ...
    ValueError: on must be a year from 2010 to 2025 (the years the data cover), got 2009
    """
    if isinstance(when, datetime.datetime):
        day = when.date()
    elif isinstance(when, datetime.date):
        day = when
    elif isinstance(when, bool) or not hasattr(when, "__index__"):
        raise TypeError(f"{name} must be a date or a year (int), got {when!r}")
    else:
        year = operator.index(when)  # type: ignore[arg-type]
        if not first.year <= year <= last.year:
            raise ValueError(
                f"{name} must be a year from {first.year} to {last.year} "
                f"(the years the data cover), got {year}"
            )
        day = datetime.date(year, 12, 31)
    if not first <= day <= last:
        raise ValueError(
            f"{name} must be a date from {first.isoformat()} to {last.isoformat()} "
            f"(the days the data cover), got {day.isoformat()}"
        )
    return day
