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
    "ChamberMix",
    "Change",
    "ParliamentMix",
    "Seats",
    "appointee_table",
    "aspects",
    "before_after",
    "before_after_text",
    "chamber_channels",
    "chamber_mix",
    "change",
    "composition",
    "composition_table",
    "mazhilis_mix",
    "parliament_mix",
    "senate_mix",
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
    before 2023 the 15 appointees are sourced and the elected seats are DERIVED:
    2 senators for each of the 17 regions and cities that elected them until
    8 June 2022, 2 x 17 = 34 (so the Senate had 34 + 15 = 49 seats). A period
    with neither an ``elected`` row nor the two rows it is derived from has
    ``seats=None``.

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
        regions, per_region = rows.get("regions"), rows.get("elected_per_region")
        if elected is None and regions is not None and per_region is not None:
            found.append(Seats(chamber, period, "elected",
                               int(per_region["seats"]) * int(regions["seats"]), True,
                               f"derived: {per_region['seats']} per region x "
                               f"{regions['seats']} regions and cities",
                               regions["source"]))
        else:
            found.append(Seats(chamber, period, "elected",
                               int(elected["seats"]) if elected else None, False,
                               elected["status"] if elected
                               else "not in data/: number not sourced",
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


# ------------------------------------------------------------------ who fills the seats
# Notebook 03's explorer: a chamber built from its appointment channels, and the
# president's share of it. Pure arithmetic on whole numbers of seats.


@dataclass(frozen=True)
class ChamberMix:
    """The seats of one chamber by who fills them, and the shares that follow.

    Attributes
    ----------
    chamber
        ``"Mazhilis"`` or ``"Senate"``.
    seats
        ``(component, seats)`` pairs in the stacking order of :data:`COMPONENT_LABELS`.

    Examples
    --------
    >>> mix = senate_mix(regions=17, per_region=2, appointed=15)
    >>> mix.total, mix.appointed, round(mix.president_share, 1)
    (49, 15, 30.6)
    """

    chamber: str
    seats: tuple[tuple[str, int], ...]

    def count(self, component: str) -> int:
        """Seats of one kind (0 if the chamber has none of that kind)."""
        return sum(n for name, n in self.seats if name == component)

    @property
    def total(self) -> int:
        """All seats of the chamber."""
        return sum(n for _name, n in self.seats)

    @property
    def appointed(self) -> int:
        """Seats the president fills: his own picks plus those proposed by the APK."""
        return self.count("appointed_by_president") + self.count("appointed_on_apk_proposal")

    @property
    def unconstrained(self) -> int:
        """Seats the president fills with no one proposing the names."""
        return self.count("appointed_by_president")

    @property
    def by_voters(self) -> int:
        """Seats chosen directly by voters (party lists and single-member districts)."""
        return self.count("party_list") + self.count("single_member")

    def share(self, seats: int) -> float:
        """``seats`` as a percentage of the chamber: ``100 * seats / total``."""
        return 100.0 * seats / self.total

    @property
    def president_share(self) -> float:
        """The president's appointees as a percentage of the chamber (per cent)."""
        return self.share(self.appointed)

    @property
    def unconstrained_share(self) -> float:
        """The president's own picks as a percentage of the chamber (per cent)."""
        return self.share(self.unconstrained)

    @property
    def voters_share(self) -> float:
        """Seats chosen directly by voters, as a percentage of the chamber (per cent)."""
        return self.share(self.by_voters)


def _seat_number(value: object, name: str, high: int = 500) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number of seats, got {value!r}")
    if not 0 <= value <= high:
        raise ValueError(f"{name} must be from 0 to {high}, got {value}")
    return value


def _mix(chamber: str, parts: list[tuple[str, int]]) -> ChamberMix:
    order = list(COMPONENT_LABELS)
    # Kinds with no seat are left out, so a mix built from sliders equals the real one.
    kept = [p for p in parts if p[1]]
    mix = ChamberMix(chamber, tuple(sorted(kept, key=lambda p: order.index(p[0]))))
    if mix.total == 0:
        raise ValueError(f"the {chamber} must have at least one seat, got 0")
    return mix


def senate_mix(
    regions: int, per_region: int, appointed: int, on_apk_proposal: int = 0
) -> ChamberMix:
    """A Senate of ``per_region`` elected senators per region plus the president's appointees.

    ``elected = per_region * regions``; ``total = elected + appointed``. The
    ``on_apk_proposal`` senators are part of ``appointed`` (the president appoints
    them on the APK's proposal), so the president's *own* picks are
    ``appointed - on_apk_proposal``.

    Parameters
    ----------
    regions
        Regions and cities of republican significance that elect senators
        (17 until 8 June 2022, then 20).
    per_region
        Senators elected by the maslikhat deputies of each region (2 before and after).
    appointed
        Senators appointed by the president, in all (15 before the reform, 10 after).
    on_apk_proposal
        How many of ``appointed`` the APK proposes (0 before, 5 after).

    Returns
    -------
    ChamberMix

    Raises
    ------
    TypeError
        If a number is not a whole number.
    ValueError
        If a number is negative or above 500, ``on_apk_proposal`` exceeds
        ``appointed``, or the Senate would have no seat.

    Examples
    --------
    >>> after = senate_mix(regions=20, per_region=2, appointed=10, on_apk_proposal=5)
    >>> after.total, after.president_share, after.unconstrained_share
    (50, 20.0, 10.0)
    """
    regions = _seat_number(regions, "regions")
    per_region = _seat_number(per_region, "per_region")
    appointed = _seat_number(appointed, "appointed")
    on_apk_proposal = _seat_number(on_apk_proposal, "on_apk_proposal")
    if on_apk_proposal > appointed:
        raise ValueError(
            f"on_apk_proposal ({on_apk_proposal}) cannot be larger than appointed ({appointed}): "
            "the APK's nominees are part of the president's appointees"
        )
    return _mix("Senate", [("elected", per_region * regions),
                           ("appointed_by_president", appointed - on_apk_proposal),
                           ("appointed_on_apk_proposal", on_apk_proposal)])


def mazhilis_mix(party_list: int, single_member: int, apk: int) -> ChamberMix:
    """A Mazhilis of party-list seats, single-member districts and seats elected by the APK.

    Examples
    --------
    >>> before = mazhilis_mix(party_list=98, single_member=0, apk=9)
    >>> before.total, round(before.voters_share, 2)
    (107, 91.59)
    """
    return _mix("Mazhilis", [("party_list", _seat_number(party_list, "party_list")),
                             ("single_member", _seat_number(single_member, "single_member")),
                             ("apk", _seat_number(apk, "apk"))])


def chamber_mix(
    chamber: str, period: str, data_dir: str | os.PathLike[str] | None = None
) -> ChamberMix:
    """The :class:`ChamberMix` of a real chamber, from :func:`composition`.

    Raises
    ------
    ValueError
        If a kind of seat of that chamber and period is not in ``data/``.

    Examples
    --------
    >>> before, after = chamber_mix("Senate", "before 2023"), chamber_mix("Senate", "from 2023")
    >>> f"{before.appointed}/{before.total} -> {after.appointed}/{after.total}"
    '15/49 -> 10/50'
    """
    parts = composition(chamber, period, data_dir)
    missing = [COMPONENT_LABELS[p.component] for p in parts if p.seats is None]
    if missing:
        raise ValueError(f"{chamber} {period}: {', '.join(missing)} not in data/")
    return _mix(chamber, [(p.component, p.seats) for p in parts])  # type: ignore[misc]


@dataclass(frozen=True)
class ParliamentMix:
    """Both chambers built from their channels (see :func:`parliament_mix`)."""

    senate: ChamberMix
    mazhilis: ChamberMix

    @property
    def president_share(self) -> float:
        """The president's appointees as a percentage of both chambers' seats together."""
        seats = self.senate.total + self.mazhilis.total
        return 100.0 * (self.senate.appointed + self.mazhilis.appointed) / seats


def parliament_mix(
    regions: int,
    per_region: int,
    appointed: int,
    on_apk_proposal: int,
    party_list: int,
    single_member: int,
    apk: int,
) -> ParliamentMix:
    """:func:`senate_mix` and :func:`mazhilis_mix` together (one call for the explorer).

    Examples
    --------
    >>> p = parliament_mix(17, 2, 15, 0, 98, 0, 9)
    >>> p.senate.total + p.mazhilis.total, round(p.president_share, 2)
    (156, 9.62)
    """
    return ParliamentMix(senate_mix(regions, per_region, appointed, on_apk_proposal),
                         mazhilis_mix(party_list, single_member, apk))


def chamber_channels(
    period: str, data_dir: str | os.PathLike[str] | None = None
) -> dict[str, int]:
    """The arguments of :func:`parliament_mix` for the real chambers of one period.

    From ``data/``: the Senate's regions, senators per region and appointees, and
    the Mazhilis' seats by kind. From 2023 the number of regions is DERIVED as
    elected senators / senators per region (40 / 2 = 20; the 2 per region is the
    ``before 2023`` row, unchanged by the reform).

    Examples
    --------
    >>> chamber_channels("from 2023")["regions"], chamber_channels("before 2023")["regions"]
    (20, 17)
    >>> parliament_mix(**chamber_channels("from 2023")).senate.total
    50
    """
    _check_choice(period, "period", PERIODS)
    senate = cases.chamber_rows("Senate", data_dir)
    value = {(r["period"], r["component"]): int(r["seats"]) for r in senate}
    per_region = value[("before 2023", "elected_per_region")]
    regions = value.get((period, "regions"), value.get((period, "elected"), 0) // per_region)
    mazhilis = {s.component: s.seats or 0 for s in composition("Mazhilis", period, data_dir)}
    return {
        "regions": regions,
        "per_region": per_region,
        "appointed": value[(period, "appointed")],
        "on_apk_proposal": value.get((period, "appointed_on_apk_proposal"), 0),
        "party_list": mazhilis.get("party_list", 0),
        "single_member": mazhilis.get("single_member", 0),
        "apk": mazhilis.get("apk", 0),
    }


def before_after_text(
    topic: str | None = None, data_dir: str | os.PathLike[str] | None = None
) -> pd.DataFrame:
    """:func:`before_after` for reading: ``effective`` as text, e.g. "1 January 2023",
    or "no date in our sources" where the sources give none.

    Examples
    --------
    >>> before_after_text("institutions").effective.iloc[0]
    '1 January 2023'
    """
    table = before_after(topic, data_dir).copy()
    table["effective"] = [
        f"{d.day} {d:%B %Y}" if d == d else "no date in our sources"  # NaT != NaT
        for d in table["effective"]
    ]
    return table


def appointee_table(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The president's appointees in the Senate before and after the reform.

    Returns
    -------
    pandas.DataFrame
        One row per period: seats, appointed by the president (all), their share
        (per cent, 1 decimal), those he picks freely (not proposed by the APK) and
        their share. Computed by :func:`chamber_mix` (before 2023 the seats are DERIVED).
    """
    import pandas as pd

    mixes = {p: chamber_mix("Senate", p, data_dir) for p in PERIODS}
    return pd.DataFrame(
        {
            "seats": [m.total for m in mixes.values()],
            "appointed by the president": [m.appointed for m in mixes.values()],
            "share appointed (%)": [round(m.president_share, 1) for m in mixes.values()],
            "picked freely": [m.unconstrained for m in mixes.values()],
            "share picked freely (%)": [round(m.unconstrained_share, 1) for m in mixes.values()],
        },
        index=pd.Index(list(mixes), name="Senate"),
    )
