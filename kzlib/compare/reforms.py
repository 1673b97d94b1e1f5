"""Rules of the state before and after the 2021–2023 reforms, as data-driven tables.

Every comparison lives in ``data/reform_changes.csv``: one row per *aspect* of one
*topic* (for example topic ``"presidency"``, aspect ``"term length"``), with the rule
``before`` and ``after`` in a few words, the date the change took effect, the legal
``instrument`` that made it, a ``status`` (how well the row is sourced) and a
``source`` URL. Notebooks show these rows; they never hard-code the comparison in a
cell.

* :func:`before_after` — the rows of one topic (or all) as a DataFrame.
* :func:`aspects` — the aspects of one topic, in file order.
* :func:`change` — one row as a frozen :class:`Change`.

Rows whose ``status`` starts with ``unverified`` are claims the project could not
source (they are kept so that a notebook can say so); :attr:`Change.verified` is
False for them.

Examples
--------
>>> from kzlib.compare import reforms
>>> c = reforms.change("presidency", "term length")
>>> c.before, c.after, c.effective.isoformat()
('5 years', '7 years', '2022-09-17')
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzlib import cases

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CHAMBERS",
    "COMPONENT_LABELS",
    "PERIODS",
    "TOPICS",
    "Change",
    "Seats",
    "aspects",
    "before_after",
    "change",
    "composition",
    "composition_table",
]

#: The topics a row of ``reform_changes.csv`` may have, in teaching order.
TOPICS: tuple[str, ...] = (
    "presidency", "parliament", "institutions", "parties", "akims", "elections",
)

@dataclass(frozen=True)
class Change:
    """One rule before and after a reform, with where it comes from.

    Parameters
    ----------
    topic
        One of :data:`TOPICS`.
    aspect
        Short name of what changed, e.g. ``"term length"``.
    before, after
        The rule before and after, in a few words (``before`` is ``""`` for
        something entirely new).
    effective
        The date the change was signed, adopted or took effect (see ``instrument``),
        or ``None`` when the sources give no date.
    instrument
        The act that made the change, e.g. ``"referendum of 5 June 2022"``.
    status
        How the row is sourced: starts with ``official``, ``news``, ``derived``,
        ``unverified``, … (see ``data/README.md``).
    source
        URL of the source.
    """

    topic: str
    aspect: str
    before: str
    after: str
    effective: datetime.date | None
    instrument: str
    status: str
    source: str

    @property
    def verified(self) -> bool:
        """False if the row's status starts with ``unverified``."""
        return not self.status.lower().startswith("unverified")


def _check_topic(topic: object, *, allow_none: bool) -> None:
    if topic is None and allow_none:
        return
    if not isinstance(topic, str):
        raise TypeError(f"topic must be a string such as 'presidency', got {topic!r}")
    if topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}; valid topics: {', '.join(TOPICS)}")


def _rows(data_dir: str | os.PathLike[str] | None) -> list[dict[str, str]]:
    return cases.reform_changes(data_dir)


def _to_change(row: dict[str, str]) -> Change:
    effective = datetime.date.fromisoformat(row["effective"]) if row["effective"] else None
    return Change(
        topic=row["topic"],
        aspect=row["aspect"],
        before=row["before"],
        after=row["after"],
        effective=effective,
        instrument=row["instrument"],
        status=row["status"],
        source=row["source"],
    )


def aspects(topic: str, data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Return the aspects recorded for one topic, in file order.

    Parameters
    ----------
    topic
        One of :data:`TOPICS`.
    data_dir
        Optional data folder (default: the repository's ``data/``).

    Returns
    -------
    list of str
        Aspect names (possibly empty if no row has this topic yet).

    Raises
    ------
    ValueError
        If ``topic`` is not one of :data:`TOPICS`; the message lists them.
    TypeError
        If ``topic`` is not a string.

    Examples
    --------
    >>> aspects("presidency")[:2]
    ['term length', 're-election']
    """
    _check_topic(topic, allow_none=False)
    names: list[str] = []
    for row in _rows(data_dir):
        if row["topic"] == topic and row["aspect"] not in names:
            names.append(row["aspect"])
    return names


def change(topic: str, aspect: str, data_dir: str | os.PathLike[str] | None = None) -> Change:
    """Return one before/after comparison.

    Parameters
    ----------
    topic
        One of :data:`TOPICS`.
    aspect
        One of ``aspects(topic)``, e.g. ``"Senate appointees"``.
    data_dir
        Optional data folder (default: the repository's ``data/``).

    Returns
    -------
    Change
        The first row of ``reform_changes.csv`` with this topic and aspect.

    Raises
    ------
    ValueError
        If the topic is unknown, or the aspect is not recorded for that topic; the
        message lists the valid ones.
    TypeError
        If ``topic`` or ``aspect`` is not a string.

    Examples
    --------
    >>> c = change("parliament", "Senate appointees")
    >>> c.before
    '15 appointed by the president'
    """
    _check_topic(topic, allow_none=False)
    if not isinstance(aspect, str):
        raise TypeError(f"aspect must be a string such as 'term length', got {aspect!r}")
    rows = _rows(data_dir)
    for row in rows:
        if row["topic"] == topic and row["aspect"] == aspect:
            return _to_change(row)
    valid = [r["aspect"] for r in rows if r["topic"] == topic]
    listed = ", ".join(repr(a) for a in dict.fromkeys(valid)) or "(none recorded yet)"
    raise ValueError(f"unknown aspect {aspect!r} for topic {topic!r}; valid aspects: {listed}")


def before_after(
    topic: str | None = None, data_dir: str | os.PathLike[str] | None = None
) -> pd.DataFrame:
    """Return the before/after table of one topic, or of all topics.

    Parameters
    ----------
    topic
        One of :data:`TOPICS`, or ``None`` for every row.
    data_dir
        Optional data folder (default: the repository's ``data/``).

    Returns
    -------
    pandas.DataFrame
        Columns ``topic, aspect, before, after, effective, instrument, status,
        source`` (``effective`` is ``datetime64``, ``NaT`` when unknown), rows in
        file order, index 0..n-1. Loaded and validated by :func:`kzlib.cases.reform_changes_table`.

    Raises
    ------
    ValueError
        If ``topic`` is not ``None`` and not one of :data:`TOPICS`.
    TypeError
        If ``topic`` is neither ``None`` nor a string.

    Examples
    --------
    >>> before_after("institutions").aspect.iloc[0]
    'Constitutional Court'
    """
    _check_topic(topic, allow_none=True)
    table = cases.reform_changes_table(data_dir)
    if topic is not None:
        table = table[table["topic"] == topic]
    return table.reset_index(drop=True)


# ------------------------------------------------------------------ chamber composition

#: Chambers and periods :func:`composition` knows.
CHAMBERS: tuple[str, ...] = ("Mazhilis", "Senate")
PERIODS: tuple[str, ...] = ("before 2023", "from 2023")

#: Kinds of seat, in stacking order, with their labels for tables and charts.
COMPONENT_LABELS: dict[str, str] = {
    "party_list": "party lists",
    "single_member": "single-member districts",
    "apk": "elected by the APK",
    "elected": "elected by maslikhat deputies",
    "appointed_by_president": "appointed by the president",
    "appointed_on_apk_proposal": "appointed on the APK's proposal",
}


@dataclass(frozen=True)
class Seats:
    """One kind of seat in one chamber and period.

    ``seats`` is ``None`` when the number is not in ``data/``. ``derived`` is True
    when the number is our arithmetic on sourced rows (the note says which).
    """

    chamber: str
    period: str
    component: str
    seats: int | None
    derived: bool
    note: str
    source: str


def _check_choice(value: object, name: str, valid: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string such as {valid[0]!r}, got {value!r}")
    if value not in valid:
        raise ValueError(f"unknown {name} {value!r}; valid: {', '.join(valid)}")
    return value


def composition(
    chamber: str, period: str, data_dir: str | os.PathLike[str] | None = None
) -> list[Seats]:
    """How the seats of one chamber were filled in one period.

    Mazhilis rows come from ``mazhilis_composition.csv``. Senate rows come from
    ``senate.csv``: from 2023, 40 elected and 10 appointed, 5 of them on the
    APK's proposal, so the president's own picks are 10 - 5 = 5 (``derived``);
    before 2023 the 15 appointees are sourced but the number of elected senators
    is not in ``data/``, so that row has ``seats=None``.

    Parameters
    ----------
    chamber
        ``"Mazhilis"`` or ``"Senate"``.
    period
        ``"before 2023"`` or ``"from 2023"``.
    data_dir
        Optional data folder.

    Returns
    -------
    list of Seats
        In the stacking order of :data:`COMPONENT_LABELS`.

    Raises
    ------
    ValueError, TypeError
        If ``chamber`` or ``period`` is not one of the valid values.

    Examples
    --------
    >>> [(s.component, s.seats) for s in composition("Mazhilis", "from 2023")]
    [('party_list', 69), ('single_member', 29)]
    """
    _check_choice(chamber, "chamber", CHAMBERS)
    _check_choice(period, "period", PERIODS)
    found: list[Seats] = []
    if chamber == "Mazhilis":
        for row in cases.chamber_rows("Mazhilis", data_dir):
            if row["period"] == period:
                found.append(Seats(chamber, period, row["component"], int(row["seats"]),
                                   row["status"].lower().startswith("derived"), row["status"],
                                   row["source"]))
    else:
        senate = cases.chamber_rows("Senate", data_dir)
        rows = {r["component"]: r for r in senate if r["period"] == period}
        elected = rows.get("elected")
        found.append(Seats(chamber, period, "elected",
                           int(elected["seats"]) if elected else None, False,
                           elected["status"] if elected else "not in data/: number not sourced",
                           elected["source"] if elected else ""))
        appointed = rows.get("appointed")
        apk = rows.get("appointed_on_apk_proposal")
        if appointed is not None:
            own = int(appointed["seats"]) - (int(apk["seats"]) if apk else 0)
            note = (
                f"derived: {appointed['seats']} appointed - {apk['seats']} on the APK's proposal"
                if apk else appointed["status"]
            )
            found.append(Seats(chamber, period, "appointed_by_president", own, apk is not None,
                               note, appointed["source"]))
        if apk is not None:
            found.append(Seats(chamber, period, "appointed_on_apk_proposal", int(apk["seats"]),
                               False, apk["status"], apk["source"]))
    order = list(COMPONENT_LABELS)
    return sorted(found, key=lambda s: order.index(s.component))


def composition_table(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Both chambers, both periods, one row per kind of seat, plus a total row each.

    Returns
    -------
    pandas.DataFrame
        Columns ``chamber, period, component, seats, status`` (``seats`` is
        ``Int64``; ``<NA>`` when not in ``data/``). The ``status`` of a total row
        says whether the total is sourced or derived (the sum of the rows above),
        or unknown because a row is missing.
    """
    import pandas as pd

    senate_totals = {
        r["period"]: r for r in cases.chamber_rows("Senate", data_dir) if r["component"] == "total"
    }
    rows = []
    for chamber in CHAMBERS:
        for period in PERIODS:
            parts = composition(chamber, period, data_dir)
            for part in parts:
                rows.append({"chamber": chamber, "period": period,
                             "component": COMPONENT_LABELS[part.component],
                             "seats": part.seats, "status": part.note})
            if any(p.seats is None for p in parts):
                total, status = None, "unknown: a component is not in data/"
            elif chamber == "Senate" and period in senate_totals:
                total = int(senate_totals[period]["seats"])
                status = senate_totals[period]["status"]
            else:
                total = sum(p.seats for p in parts)  # type: ignore[misc]
                status = "derived: sum of the rows above"
            rows.append({"chamber": chamber, "period": period, "component": "total",
                         "seats": total, "status": status})
    table = pd.DataFrame(rows)
    table["seats"] = table["seats"].astype("Int64")
    return table
