"""Referendum arithmetic with an explicit denominator.

"77% voted yes" means nothing until you say *77% of what*. Every share here names
its denominator (its *base*):

* ``"participants"`` — everyone who took part (yes + no + invalid or blank + other
  ballots). The Central Referendum Commission's 77.18% is a share of this base.
* ``"registered"`` — every registered voter, including those who did not vote.
* ``"valid_yes_no"`` — only the ballots marked Yes or No.

Functions:

* :func:`share` — ``votes / of`` as an exact :class:`fractions.Fraction`.
* :func:`share_of` — one option's share of a named base, as a :class:`Share`.
* :func:`parts_of`, :func:`breakdown` — the parts a base is made of, as counts and
  as segments of a 100% bar (:class:`Part`).
* :func:`load_2022` — the 5 June 2022 result from ``data/referendum_2022.csv``.
* :func:`regions_needed`, :func:`adoption` — the adoption rule: turnout above half
  of registered voters, and a Yes majority of participants in at least two-thirds of
  the regions.
* :func:`check_adoption` — a *hypothetical* result (turnout and Yes share in per cent,
  regions with a Yes majority) against an :class:`AdoptionRule` of
  :data:`ADOPTION_RULES` (the 2022 rule with its regional test, or the 2026 rule
  without one): each test, and whether the change would have been adopted.
* :func:`results_table`, :func:`shares_table`, :func:`changes` — small DataFrames for
  the notebook.

No pandas at import time; :func:`shares_table` and :func:`changes` import it.

Examples
--------
>>> from kzlib import referendum
>>> r = referendum.load_2022()
>>> referendum.as_percent(referendum.share(r.yes, of=r.participants))
'77.18%'
>>> referendum.as_percent(referendum.share_of(r, "yes", of="registered").fraction)
'52.52%'
"""

from __future__ import annotations

import math
import numbers
import os
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib.data import read_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ADOPTION_RULES",
    "AdoptionCheck",
    "AdoptionRule",
    "REGIONS_AFTER_JUNE_2022",
    "AdoptionTest",
    "adoption_table",
    "check_adoption",
    "BASES",
    "BASE_LABELS",
    "OPTIONS",
    "PARTS",
    "REGIONS_2022",
    "Adoption",
    "Part",
    "Referendum",
    "Share",
    "adoption",
    "as_percent",
    "breakdown",
    "changes",
    "changes_markdown",
    "load_2022",
    "parts_of",
    "regions_needed",
    "results_table",
    "share",
    "share_of",
    "shares_table",
]

#: Named denominators, see the module docstring.
BASES: tuple[str, ...] = ("participants", "registered", "valid_yes_no")

#: Each base in words, for tables and widgets.
BASE_LABELS: dict[str, str] = {
    "participants": "everyone who took part (all ballots cast)",
    "registered": "all registered voters",
    "valid_yes_no": "valid Yes and No votes only",
}

#: The ways a participant's ballot is counted.
OPTIONS: tuple[str, ...] = ("yes", "no", "invalid_or_blank", "other")

#: The parts the widest denominator (registered voters) is made of, in words, in the
#: order a 100% bar lays them out (:func:`breakdown`).
PARTS: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "invalid_or_blank": "invalid or blank",
    "other": "other",
    "did_not_vote": "did not vote",
}

#: Regions and cities of republican significance on 5 June 2022 (14 oblasts + Astana,
#: Almaty, Shymkent; Abai, Zhetysu and Ulytau regions were created later in June 2022).
#: The CEC counted a Yes majority in all 17:
#: https://www.urdupoint.com/en/world/over-77-of-kazakh-voters-support-amendments-1522015.html
REGIONS_2022 = 17

#: Regions and cities of republican significance from 8 June 2022, when the decree of
#: 4 May 2022 creating Abai, Zhetysu and Ulytau regions took effect (17 + 3 = 20):
#: https://en.inform.kz/news/3-new-regions-established-in-kazakhstan_a3929668/
REGIONS_AFTER_JUNE_2022 = 20

#: The adoption rule (Astana Times, 5 June 2022: "more than half of the citizens who had
#: cast their ballots ... in no less than two-thirds of the regions, cities of national
#: significance and the capital"; valid if turnout is over 50%):
#: https://astanatimes.com/2022/06/voting-at-kazakhstans-constitutional-referendum-is-over-with-68-44-percent-turnout/
REGION_SHARE_NEEDED = Fraction(2, 3)
TURNOUT_NEEDED = Fraction(1, 2)

_DATASET = "referendum_2022"


def _count(value: object, name: str) -> int:
    """``value`` as a non-negative int, or a TypeError/ValueError naming ``name``."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise TypeError(f"{name} must be a whole number, got {value!r} (a bool)")
    if isinstance(value, numbers.Integral):
        value = int(value)
    elif isinstance(value, numbers.Real):
        as_float = float(value)
        if not (math.isfinite(as_float) and as_float.is_integer()):
            raise TypeError(f"{name} must be a whole number, got {value!r}")
        value = int(as_float)
    else:
        raise TypeError(f"{name} must be a whole number, got {value!r} ({type(value).__name__})")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    return value


def share(votes: int, of: int) -> Fraction:
    """Return ``votes`` as an exact fraction of the denominator ``of``.

    Formula: ``share = votes / of`` (a number from 0 to 1; multiply by 100 for
    per cent).

    Parameters
    ----------
    votes
        The count on top (whole number, 0 or more).
    of
        The denominator: the count the share is *of* (whole number, more than 0,
        at least ``votes``).

    Returns
    -------
    fractions.Fraction
        Exact, never rounded.

    Raises
    ------
    TypeError
        If ``votes`` or ``of`` is not a whole number (a bool, a string, 1.5, …).
    ValueError
        If ``votes`` is negative, ``of`` is not positive, or ``votes`` exceeds ``of``.

    Examples
    --------
    >>> share(1, of=4)
    Fraction(1, 4)
    >>> share(6163516, of=7985769) > Fraction(3, 4)
    True
    """
    v = _count(votes, "votes")
    total = _count(of, "of")
    if total == 0:
        raise ValueError("of must be greater than 0 (a share of nothing is undefined), got 0")
    if v > total:
        raise ValueError(f"votes must not exceed of, got votes={v:,} and of={total:,}")
    return Fraction(v, total)


def as_percent(value: Fraction, digits: int = 2) -> str:
    """Write a share (0–1) as a percentage string, e.g. ``'77.18%'``.

    Parameters
    ----------
    value
        A share from 0 to 1 (Fraction, int or float).
    digits
        Decimal places, 0 or more (rounded half away from zero on the exact value).

    Returns
    -------
    str
        ``"xx.xx%"``.

    Raises
    ------
    TypeError
        If ``value`` is not a real number or ``digits`` is not an int.
    ValueError
        If ``digits`` is negative.

    Examples
    --------
    >>> as_percent(Fraction(1, 8), 1)
    '12.5%'
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"value must be a number, got {value!r}")
    if isinstance(digits, bool) or not isinstance(digits, int):
        raise TypeError(f"digits must be an int, got {digits!r}")
    if digits < 0:
        raise ValueError(f"digits must be 0 or more, got {digits}")
    exact = Fraction(value) * 100 if not isinstance(value, float) else Fraction(repr(value)) * 100
    scale = 10**digits
    scaled = abs(exact) * scale
    rounded = math.floor(scaled + Fraction(1, 2))
    sign = "-" if exact < 0 and rounded else ""
    whole, frac = divmod(rounded, scale)
    text = f"{whole}" if digits == 0 else f"{whole}.{frac:0{digits}d}"
    return f"{sign}{text}%"


@dataclass(frozen=True)
class Referendum:
    """The national result of a yes/no referendum.

    Parameters
    ----------
    yes, no
        Ballots marked Yes and No.
    invalid_or_blank
        Ballots that were blank or invalid.
    other
        Remaining ballots of participants (the CEC's "other"); yes + no +
        invalid_or_blank + other = participants.
    registered
        Registered voters (at least the number of participants).

    Raises
    ------
    TypeError, ValueError
        If a count is not a non-negative whole number, or participants exceed
        ``registered``; the message names the field.
    """

    yes: int
    no: int
    invalid_or_blank: int
    other: int
    registered: int

    def __post_init__(self) -> None:
        for name in ("yes", "no", "invalid_or_blank", "other", "registered"):
            object.__setattr__(self, name, _count(getattr(self, name), name))
        if self.participants > self.registered:
            raise ValueError(
                "registered must be at least the number of participants "
                f"(yes + no + invalid_or_blank + other = {self.participants:,}), "
                f"got {self.registered:,}"
            )

    @property
    def participants(self) -> int:
        """Everyone who took part: yes + no + invalid_or_blank + other."""
        return self.yes + self.no + self.invalid_or_blank + self.other

    @property
    def did_not_vote(self) -> int:
        """Registered voters who did not take part."""
        return self.registered - self.participants

    def votes(self, option: str) -> int:
        """The count of one of :data:`OPTIONS` (ValueError otherwise)."""
        if option not in OPTIONS:
            raise ValueError(f"option must be one of {', '.join(OPTIONS)}, got {option!r}")
        return int(getattr(self, option))

    def base(self, of: str) -> int:
        """The denominator called ``of`` (one of :data:`BASES`)."""
        if of == "participants":
            return self.participants
        if of == "registered":
            return self.registered
        if of == "valid_yes_no":
            return self.yes + self.no
        raise ValueError(f"of must be one of {', '.join(BASES)}, got {of!r}")


@dataclass(frozen=True)
class Share:
    """One option's share of one base.

    Attributes
    ----------
    option
        One of :data:`OPTIONS`.
    votes
        The option's count.
    of
        The base's name, one of :data:`BASES`.
    base_total
        The denominator's value.
    fraction
        ``votes / base_total``, exact.
    """

    option: str
    votes: int
    of: str
    base_total: int
    fraction: Fraction

    @property
    def percent(self) -> Fraction:
        """The share in per cent, exact (``fraction * 100``)."""
        return self.fraction * 100


def share_of(result: Referendum, option: str = "yes", of: str = "participants") -> Share:
    """Return one option's share of a named base.

    Parameters
    ----------
    result
        A :class:`Referendum`.
    option
        One of :data:`OPTIONS`. With ``of="valid_yes_no"`` only ``"yes"`` and
        ``"no"`` make sense.
    of
        One of :data:`BASES`.

    Returns
    -------
    Share
        With the exact fraction ``votes / base``.

    Raises
    ------
    TypeError
        If ``result`` is not a :class:`Referendum`.
    ValueError
        If ``option`` or ``of`` is unknown, or ``option`` is not counted in the base
        (invalid ballots are not among the valid Yes and No votes).

    Examples
    --------
    >>> r = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=200)
    >>> share_of(r, "yes", of="valid_yes_no").fraction
    Fraction(2, 3)
    """
    if not isinstance(result, Referendum):
        raise TypeError(f"result must be a kzlib.referendum.Referendum, got {result!r}")
    votes = result.votes(option)
    total = result.base(of)
    if of == "valid_yes_no" and option not in ("yes", "no"):
        raise ValueError(
            f"option must be 'yes' or 'no' when of='valid_yes_no' "
            f"({option!r} ballots are not among the valid Yes and No votes), got {option!r}"
        )
    fraction = share(votes, of=total)
    return Share(option=option, votes=votes, of=of, base_total=total, fraction=fraction)


def parts_of(result: Referendum, of: str) -> dict[str, int]:
    """The counts that make up a denominator, in :data:`PARTS` order (0 if not in it).

    ``participants`` = yes + no + invalid_or_blank + other; ``registered`` adds
    those who did not vote; ``valid_yes_no`` = yes + no.

    Parameters
    ----------
    result
        A :class:`Referendum`.
    of
        One of :data:`BASES`.

    Returns
    -------
    dict
        ``{part: count}`` for every key of :data:`PARTS`; the counts add up to
        ``result.base(of)``.

    Raises
    ------
    ValueError
        If ``of`` is not one of :data:`BASES`.

    Examples
    --------
    >>> r = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=200)
    >>> parts_of(r, "participants")
    {'yes': 60, 'no': 30, 'invalid_or_blank': 6, 'other': 4, 'did_not_vote': 0}
    """
    if of not in BASES:
        raise ValueError(f"of must be one of {', '.join(BASES)}, got {of!r}")
    return {
        "yes": result.yes,
        "no": result.no,
        "invalid_or_blank": result.invalid_or_blank if of != "valid_yes_no" else 0,
        "other": result.other if of != "valid_yes_no" else 0,
        "did_not_vote": result.did_not_vote if of == "registered" else 0,
    }


@dataclass(frozen=True)
class Part:
    """One part of a denominator, placed on a bar from 0 to 1 (0 to 100%).

    Attributes
    ----------
    name
        A key of :data:`PARTS`.
    label
        The part in words (:data:`PARTS`).
    votes
        Its count (0 if the denominator does not include it).
    fraction
        ``votes / base``, exact: the segment's width.
    start
        The sum of the fractions of the parts before it, exact: where the segment
        begins.
    """

    name: str
    label: str
    votes: int
    fraction: Fraction
    start: Fraction

    @property
    def percent(self) -> Fraction:
        """The width in per cent, exact (``fraction * 100``)."""
        return self.fraction * 100

    @property
    def start_percent(self) -> Fraction:
        """Where the segment begins, in per cent, exact (``start * 100``)."""
        return self.start * 100


def breakdown(result: Referendum, of: str) -> tuple[Part, ...]:
    """Split a denominator into its parts, laid end to end from 0 to 1.

    Formula: each part's ``fraction = votes / base`` with ``base = result.base(of)``;
    its ``start`` is the sum of the fractions before it, so the last part ends at
    exactly 1.

    Parameters
    ----------
    result
        A :class:`Referendum`.
    of
        One of :data:`BASES`.

    Returns
    -------
    tuple of Part
        One per key of :data:`PARTS`, in that order (parts outside the denominator
        have 0 votes and width 0).

    Raises
    ------
    ValueError
        If ``of`` is not one of :data:`BASES`.

    Examples
    --------
    >>> r = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=200)
    >>> [(p.name, p.percent, p.start_percent) for p in breakdown(r, "valid_yes_no")][:2]
    [('yes', Fraction(200, 3), Fraction(0, 1)), ('no', Fraction(100, 3), Fraction(200, 3))]
    >>> sum(p.fraction for p in breakdown(r, "registered"))
    Fraction(1, 1)
    """
    counts = parts_of(result, of)
    total = result.base(of)
    parts = []
    start = Fraction(0)
    for name, label in PARTS.items():
        fraction = share(counts[name], of=total)
        parts.append(Part(name, label, counts[name], fraction, start))
        start += fraction
    return tuple(parts)


def load_2022(data_dir: str | os.PathLike[str] | None = None) -> Referendum:
    """Return the result of the constitutional referendum of 5 June 2022.

    Parameters
    ----------
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    Referendum
        From ``referendum_2022.csv`` (measures ``yes_votes``, ``no_votes``,
        ``invalid_or_blank``, ``other_unaccounted``, ``registered_voters``).

    Raises
    ------
    kzlib.data.DataError
        If the file does not match its schema.
    ValueError
        If a measure is missing, or the stored ``participants`` differs from the
        sum of the four kinds of ballot.
    """
    values: dict[str, float] = {}
    for row in read_rows(_DATASET, data_dir):
        values.setdefault(row["measure"], float(row["value"]))
    needed = ("yes_votes", "no_votes", "invalid_or_blank", "other_unaccounted", "registered_voters")
    missing = [m for m in needed if m not in values]
    if missing:
        raise ValueError(f"referendum_2022.csv lacks the measure(s) {', '.join(missing)}")
    result = Referendum(
        yes=int(values["yes_votes"]),
        no=int(values["no_votes"]),
        invalid_or_blank=int(values["invalid_or_blank"]),
        other=int(values["other_unaccounted"]),
        registered=int(values["registered_voters"]),
    )
    stored = values.get("participants")
    if stored is not None and int(stored) != result.participants:
        raise ValueError(
            f"referendum_2022.csv: participants is {int(stored):,} but yes + no + invalid_or_blank "
            f"+ other = {result.participants:,}"
        )
    return result


def regions_needed(regions_total: int, needed: Fraction = REGION_SHARE_NEEDED) -> int:
    """Return the fewest regions that make up at least ``needed`` of ``regions_total``.

    Formula: the smallest whole number ``k`` with ``k >= needed * regions_total``,
    i.e. ``ceil(needed * regions_total)``, computed exactly.

    Parameters
    ----------
    regions_total
        Number of regions (whole number, more than 0).
    needed
        The share of regions required, 0–1 (default two-thirds).

    Returns
    -------
    int

    Raises
    ------
    TypeError, ValueError
        If ``regions_total`` is not a positive whole number or ``needed`` is not a
        number from 0 to 1.

    Examples
    --------
    >>> regions_needed(17)
    12
    >>> regions_needed(18)
    12
    """
    total = _count(regions_total, "regions_total")
    if total == 0:
        raise ValueError("regions_total must be greater than 0, got 0")
    if isinstance(needed, bool) or not isinstance(needed, numbers.Real):
        raise TypeError(f"needed must be a number from 0 to 1, got {needed!r}")
    exact = Fraction(repr(needed)) if isinstance(needed, float) else Fraction(needed)
    if not 0 <= exact <= 1:
        raise ValueError(f"needed must be between 0 and 1, got {needed!r}")
    return math.ceil(exact * total)


@dataclass(frozen=True)
class Adoption:
    """Whether a constitutional referendum passed its two tests.

    Attributes
    ----------
    turnout
        participants / registered, exact.
    turnout_ok
        ``turnout > 1/2`` (the vote is valid).
    regions_with_yes_majority, regions_total, regions_needed
        Regions where Yes had more than half of the participants; all regions; the
        fewest that make two-thirds.
    regions_ok
        ``regions_with_yes_majority >= regions_needed``.
    national_yes
        Yes / participants nationally, exact (for information).
    """

    turnout: Fraction
    turnout_ok: bool
    regions_with_yes_majority: int
    regions_total: int
    regions_needed: int
    regions_ok: bool
    national_yes: Fraction

    @property
    def adopted(self) -> bool:
        """True if both tests pass."""
        return self.turnout_ok and self.regions_ok


def adoption(result: Referendum, regions_with_yes_majority: int, regions_total: int) -> Adoption:
    """Apply the 2022 adoption rule to a result.

    Parameters
    ----------
    result
        The national :class:`Referendum` result.
    regions_with_yes_majority
        Regions (and cities of republican significance) where Yes had more than half
        of the participants.
    regions_total
        All regions and such cities.

    Returns
    -------
    Adoption

    Raises
    ------
    TypeError, ValueError
        If ``result`` is not a :class:`Referendum`, a count is not a whole number,
        ``regions_total`` is 0, or ``regions_with_yes_majority`` exceeds it.

    Examples
    --------
    >>> r = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=150)
    >>> a = adoption(r, regions_with_yes_majority=11, regions_total=17)
    >>> a.turnout_ok, a.regions_needed, a.adopted
    (True, 12, False)
    """
    if not isinstance(result, Referendum):
        raise TypeError(f"result must be a kzlib.referendum.Referendum, got {result!r}")
    with_yes = _count(regions_with_yes_majority, "regions_with_yes_majority")
    needed = regions_needed(regions_total)
    total = int(regions_total)
    if with_yes > total:
        raise ValueError(
            f"regions_with_yes_majority must not exceed regions_total ({total}), got {with_yes}"
        )
    turnout = share(result.participants, of=result.registered)
    return Adoption(
        turnout=turnout,
        turnout_ok=turnout > TURNOUT_NEEDED,
        regions_with_yes_majority=with_yes,
        regions_total=total,
        regions_needed=needed,
        regions_ok=with_yes >= needed,
        national_yes=share(result.yes, of=result.participants),
    )


def results_table(result: Referendum) -> pd.DataFrame:
    """The ballots of a result as counts and as shares of two denominators.

    Parameters
    ----------
    result
        A :class:`Referendum`.

    Returns
    -------
    pandas.DataFrame
        One row per kind of ballot (Yes, No, invalid or blank, other), then
        ``participants`` and ``did not vote``; columns ``ballots``, ``count``,
        ``pct_of_participants`` (empty for ``did not vote``) and ``pct_of_registered``,
        rounded to 2 decimals from the exact fractions.

    Raises
    ------
    TypeError
        If ``result`` is not a :class:`Referendum`.
    """
    import pandas as pd

    if not isinstance(result, Referendum):
        raise TypeError(f"result must be a kzlib.referendum.Referendum, got {result!r}")
    names = {"yes": "Yes", "no": "No", "invalid_or_blank": "invalid or blank", "other": "other"}
    rows = [(names[o], result.votes(o)) for o in OPTIONS]
    rows += [("participants", result.participants), ("did not vote", result.did_not_vote)]

    def pct(count: int, of: int) -> float:
        return float(as_percent(share(count, of=of)).rstrip("%"))

    return pd.DataFrame(
        {
            "ballots": [name for name, _ in rows],
            "count": [count for _, count in rows],
            "pct_of_participants": [
                pct(count, result.participants) if name != "did not vote" else None
                for name, count in rows
            ],
            "pct_of_registered": [pct(count, result.registered) for _, count in rows],
        }
    )


def shares_table(result: Referendum, option: str = "yes") -> pd.DataFrame:
    """One option's share of every base, as a DataFrame.

    Parameters
    ----------
    result
        A :class:`Referendum`.
    option
        ``"yes"`` or ``"no"`` (every base applies to them).

    Returns
    -------
    pandas.DataFrame
        Columns ``base`` (in words), ``votes``, ``denominator``, ``percent``
        (float, rounded to 2 decimals from the exact fraction), one row per base
        of :data:`BASES`.

    Raises
    ------
    ValueError
        If ``option`` is not ``"yes"`` or ``"no"``.
    """
    import pandas as pd

    if option not in ("yes", "no"):
        raise ValueError(f"option must be 'yes' or 'no', got {option!r}")
    rows = [share_of(result, option, of=base) for base in BASES]
    return pd.DataFrame(
        {
            "base": [BASE_LABELS[s.of] for s in rows],
            "votes": [s.votes for s in rows],
            "denominator": [s.base_total for s in rows],
            "percent": [float(as_percent(s.fraction).rstrip("%")) for s in rows],
        }
    )


def changes(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The rules changed by the referendum of 5 June 2022, before and after.

    Parameters
    ----------
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    pandas.DataFrame
        The rows of ``reform_changes.csv`` whose ``instrument`` names the
        referendum of 5 June 2022, with columns ``topic, aspect, before, after,
        status, source``, index 0..n-1.
    """
    from kzlib.data import load

    table = load("reform_changes", data_dir)
    mask = table["instrument"].str.contains("referendum of 5 June 2022", regex=False)
    keep = ["topic", "aspect", "before", "after", "status", "source"]
    return table.loc[mask, keep].reset_index(drop=True)


# ------------------------------------------------------------------ adoption rules


@dataclass(frozen=True)
class AdoptionRule:
    """The tests a constitutional referendum had to pass.

    Attributes
    ----------
    name
        Key in :data:`ADOPTION_RULES` (the year of the referendum).
    label
        The rule in words.
    turnout_needed
        The vote is valid only if participants / registered is *more than* this.
    yes_needed
        Yes must be *more than* this share of the participants (nationally, or in
        each region counted by the regional test).
    region_share_needed
        If not None: Yes must pass ``yes_needed`` in at least this share of the
        regions (rounded up to whole regions); if None, Yes must pass it nationally.
    source
        URL of the rule.
    """

    name: str
    label: str
    turnout_needed: Fraction
    yes_needed: Fraction
    region_share_needed: Fraction | None
    source: str

    @property
    def regional(self) -> bool:
        """True if the rule counts regions instead of the national Yes share."""
        return self.region_share_needed is not None


#: The two constitutional referendums' rules. 2022: valid with turnout above half, and
#: adopted with a Yes majority of participants in at least two-thirds of the regions
#: (Astana Times, 5 June 2022). 2026: valid if more than half of those eligible take
#: part, adopted if more than half of participants vote Yes (Kazinform, reported before
#: the vote of 15 March 2026).
ADOPTION_RULES: dict[str, AdoptionRule] = {
    "2022": AdoptionRule(
        "2022",
        "2022 amendments: turnout over 50%, and a Yes majority in at least 2/3 of the regions",
        TURNOUT_NEEDED,
        Fraction(1, 2),
        REGION_SHARE_NEEDED,
        "https://astanatimes.com/2022/06/voting-at-kazakhstans-constitutional-referendum-is-"
        "over-with-68-44-percent-turnout/",
    ),
    "2026": AdoptionRule(
        "2026",
        "2026 Constitution: turnout over 50%, and a national Yes majority of participants",
        Fraction(1, 2),
        Fraction(1, 2),
        None,
        "https://qazinform.com/news/over-124-mln-kazakhstanis-eligible-to-vote-in-march-"
        "referendum-8e9613",
    ),
}


@dataclass(frozen=True)
class AdoptionTest:
    """One adoption test: what it measures, the value, what was needed, and the verdict."""

    name: str
    label: str
    value: str
    needed: str
    passed: bool


@dataclass(frozen=True)
class AdoptionCheck:
    """A hypothetical referendum result checked against an :class:`AdoptionRule`.

    Attributes
    ----------
    rule
        The rule applied.
    turnout, yes_share
        Participants / registered and Yes / participants, exact (0–1).
    regions_with_yes_majority, regions_total
        The regional count (None for a rule without a regional test).
    tests
        One :class:`AdoptionTest` per test of the rule, in order.
    """

    rule: AdoptionRule
    turnout: Fraction
    yes_share: Fraction
    regions_with_yes_majority: int | None
    regions_total: int | None
    tests: tuple[AdoptionTest, ...]

    @property
    def adopted(self) -> bool:
        """True if every test passes."""
        return all(t.passed for t in self.tests)

    @property
    def yes_of_registered(self) -> Fraction:
        """Yes as a share of all registered voters: ``turnout * yes_share``, exact."""
        return self.turnout * self.yes_share


def _percent(value: object, name: str) -> Fraction:
    """``value`` (a number of per cent from 0 to 100) as an exact share from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number of per cent from 0 to 100, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{name} must be a number of per cent from 0 to 100, got {value!r}")
    exact = Fraction(repr(value)) if isinstance(value, float) else Fraction(value)
    if not 0 <= exact <= 100:
        raise ValueError(f"{name} must be a number of per cent from 0 to 100, got {value!r}")
    return exact / 100


def check_adoption(
    turnout_pct: float,
    yes_pct: float,
    regions_with_yes_majority: int | None = None,
    regions_total: int = REGIONS_2022,
    rule: str = "2022",
) -> AdoptionCheck:
    """Would a hypothetical result have passed a referendum's adoption tests?

    The tests: turnout ``> rule.turnout_needed``; then, for a regional rule, the
    number of regions with a Yes majority ``>= ceil(region_share_needed *
    regions_total)``, or else the national Yes share ``> rule.yes_needed``.

    Parameters
    ----------
    turnout_pct
        Participants as per cent of registered voters (0–100).
    yes_pct
        Yes as per cent of participants, nationally (0–100).
    regions_with_yes_majority
        Regions where Yes had more than half of the participants (0 to
        ``regions_total``); needed for a regional rule, ignored otherwise.
    regions_total
        Regions counted (17 on 5 June 2022; 20 from 8 June 2022).
    rule
        A key of :data:`ADOPTION_RULES`: ``"2022"`` or ``"2026"``.

    Returns
    -------
    AdoptionCheck

    Raises
    ------
    TypeError, ValueError
        If a percentage is not a number from 0 to 100, a count is not a whole
        number, ``regions_with_yes_majority`` is missing for a regional rule or
        exceeds ``regions_total``, the rule is unknown, or the inputs contradict
        each other: a Yes majority in every region means a national Yes majority,
        and a Yes majority in no region means none nationally.

    Examples
    --------
    >>> c = check_adoption(68.05, 77.18, regions_with_yes_majority=17)
    >>> [(t.name, t.passed) for t in c.tests], c.adopted
    ([('turnout', True), ('regions', True)], True)
    >>> check_adoption(50, 90, regions_with_yes_majority=17).adopted
    False
    >>> c = check_adoption(60, 51, rule="2026")
    >>> c.adopted, as_percent(c.yes_of_registered)
    (True, '30.60%')
    """
    if rule not in ADOPTION_RULES:
        raise ValueError(
            f"rule must be one of {', '.join(map(repr, ADOPTION_RULES))}, got {rule!r}")
    chosen = ADOPTION_RULES[rule]
    turnout = _percent(turnout_pct, "turnout_pct")
    yes = _percent(yes_pct, "yes_pct")
    tests = [AdoptionTest("turnout", "Turnout (participants / registered voters)",
                          as_percent(turnout), f"more than {as_percent(chosen.turnout_needed, 0)}",
                          turnout > chosen.turnout_needed)]
    with_yes: int | None = None
    total: int | None = None
    if chosen.region_share_needed is not None:
        if regions_with_yes_majority is None:
            raise ValueError("regions_with_yes_majority is needed for a rule with a regional test, "
                             "got None")
        total = _count(regions_total, "regions_total")
        needed = regions_needed(total, chosen.region_share_needed)
        with_yes = _count(regions_with_yes_majority, "regions_with_yes_majority")
        if with_yes > total:
            raise ValueError(f"regions_with_yes_majority must not exceed regions_total ({total}), "
                             f"got {with_yes}")
        if with_yes == total and yes <= chosen.yes_needed:
            raise ValueError(f"yes_pct must be above 50 when every region has a Yes majority "
                             f"(regions_with_yes_majority = regions_total = {total}), "
                             f"got {yes_pct!r}")
        if with_yes == 0 and yes > chosen.yes_needed:
            raise ValueError(f"yes_pct must be at most 50 when no region has a Yes majority "
                             f"(regions_with_yes_majority = 0), got {yes_pct!r}")
        tests.append(AdoptionTest("regions", "Regions with a Yes majority of participants",
                                  f"{with_yes} of {total}", f"at least {needed}",
                                  with_yes >= needed))
    else:
        tests.append(AdoptionTest("yes", "Yes (per cent of participants, nationally)",
                                  as_percent(yes), f"more than {as_percent(chosen.yes_needed, 0)}",
                                  yes > chosen.yes_needed))
    return AdoptionCheck(chosen, turnout, yes, with_yes, total, tuple(tests))


def adoption_table(check: AdoptionCheck) -> str:
    """The tests of an :class:`AdoptionCheck` as a Markdown table (one row per test).

    Examples
    --------
    >>> print(adoption_table(check_adoption(40, 60, rule="2026")))
    | test | value | needed | passed |
    |---|---|---|---|
    | Turnout (participants / registered voters) | 40.00% | more than 50% | no |
    | Yes (per cent of participants, nationally) | 60.00% | more than 50% | yes |
    """
    rows = [f"| {t.label} | {t.value} | {t.needed} | {'yes' if t.passed else 'no'} |"
            for t in check.tests]
    return "\n".join(["| test | value | needed | passed |", "|---|---|---|---|", *rows])


def changes_markdown(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The rows of :func:`changes` as a Markdown table, every cell in full.

    Columns: topic, aspect, after (the rule as of 2023, or the later step the row
    records), status. Pipes inside a cell are escaped.

    Examples
    --------
    >>> changes_markdown().splitlines()[0]
    '| topic | aspect | after | status |'
    """
    table = changes(data_dir)

    def cell(text: object) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    rows = [f"| {cell(r.topic)} | {cell(r.aspect)} | {cell(r.after)} | {cell(r.status)} |"
            for r in table.itertuples()]
    return "\n".join(["| topic | aspect | after | status |", "|---|---|---|---|", *rows])
