"""Legal thresholds: a share, *of what*, and whether the boundary counts.

"5%" alone is not a rule. A threshold also needs a **base** — the total the
percentage is taken of — and a decision about a party that lands exactly on it.
Kazakhstan's Central Election Commission publishes list shares as a share of
(party votes + "against all") since 2023; an older English translation of the
election law speaks of "the voters who have taken part in voting" (ballots
received). :class:`Threshold` makes that choice explicit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from kzlib._numbers import check_exponent, exact_number

__all__ = ["BASES", "BASE_LABELS", "Threshold", "as_threshold", "check_base", "parse_share"]

Base = Literal["votes", "votes_and_against_all", "ballots"]

#: What a threshold percentage can be a share of.
BASES: dict[str, str] = {
    "votes": "votes for the parties on the ballot",
    "votes_and_against_all": "votes for the parties plus 'against all'",
    "ballots": "all ballots received (valid and invalid)",
}
#: Short names of the bases for dropdowns, tables and chart titles ("a share of ...").
#: Every base label in kzlib reads from this table.
BASE_LABELS: dict[str, str] = {
    "votes": "party votes",
    "votes_and_against_all": "party votes + 'against all'",
    "ballots": "all ballots received",
}


def check_base(value: object, name: str = "base") -> str:
    """Return ``value`` if it is one of :data:`BASES`, else raise naming ``name``.

    Raises
    ------
    ValueError
        If ``value`` is not a key of :data:`BASES` (a list or an array included).
    """
    if not isinstance(value, str) or value not in BASES:
        raise ValueError(f"{name} must be one of {sorted(BASES)}, got {value!r}")
    return value


@functools.lru_cache(maxsize=256)
def _parse_text(text: str) -> Fraction:
    text = text.strip()
    if text.endswith("%"):
        return Fraction(text[:-1].strip()) / 100
    return Fraction(text)


def parse_share(value: object, name: str = "threshold") -> Fraction:
    """Read a threshold share exactly.

    Parameters
    ----------
    value
        A share in [0, 1) (``0.05`` is exactly 5/100), a string such as
        ``"5%"``, ``"7.5 %"`` or ``"0.05"``, or a ``Fraction``.
    name
        Argument name used in error messages.

    Returns
    -------
    Fraction
        The share, 0 <= share < 1.

    Raises
    ------
    TypeError
        If ``value`` is neither a number nor a string.
    ValueError
        If the string cannot be parsed or the share is outside [0, 1).

    Examples
    --------
    >>> parse_share("5%")
    Fraction(1, 20)
    >>> parse_share(0.07)
    Fraction(7, 100)
    """
    if isinstance(value, str):
        check_exponent(value, name)  # before Fraction(), which would hang on "1e999999999"
        try:
            share = _parse_text(value)
        except (ValueError, ZeroDivisionError):
            raise ValueError(
                f"{name} must be a share such as 0.05 or a string such as '5%', got {value!r}"
            ) from None
    elif isinstance(value, Fraction):
        share = value
    else:
        share = Fraction(exact_number(value, name))
    if not 0 <= share < 1:
        looks_like_percent = isinstance(value, (int, float)) and 1 <= value < 100
        hint = f" (did you mean '{value}%'?)" if looks_like_percent else ""
        raise ValueError(f"{name} must be a share in [0, 1), got {value!r}{hint}")
    return share


@dataclass(frozen=True)
class Threshold:
    """A legal threshold for party lists.

    Parameters
    ----------
    share
        The share a list must reach, 0 <= share < 1 (``Fraction(5, 100)`` for 5%).
        Floats and strings ("5%") are accepted and converted exactly.
    base
        What the share is a share of: ``"votes"`` (votes for the parties),
        ``"votes_and_against_all"`` (party votes plus "against all") or
        ``"ballots"`` (all ballots received). See :data:`BASES`.
    inclusive
        If True (the default, as in "5 and more per cent"), a party exactly at
        the threshold passes.

    Examples
    --------
    >>> t = Threshold("5%", base="votes_and_against_all")
    >>> t.passes(5, 100)
    True
    >>> Threshold("5%", inclusive=False).passes(5, 100)
    False
    """

    share: Fraction
    base: Base = "votes"
    inclusive: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "share", parse_share(self.share, "Threshold.share"))
        check_base(self.base, "Threshold.base")
        if not isinstance(self.inclusive, bool):
            raise TypeError(f"Threshold.inclusive must be True or False, got {self.inclusive!r}")

    @property
    def percent(self) -> Fraction:
        """The threshold in per cent (``Fraction(5)`` for 5%)."""
        return self.share * 100

    def passes(self, votes: int | Fraction, base_total: int | Fraction) -> bool:
        """Whether ``votes`` out of ``base_total`` clears the threshold (exact)."""
        if base_total <= 0:
            return False
        needed = self.share * base_total
        return votes >= needed if self.inclusive else votes > needed

    def describe(self) -> str:
        """A short human-readable statement, e.g. "5% of party votes plus 'against all'"."""
        pct = self.percent
        pct_text = f"{pct.numerator}" if pct.denominator == 1 else f"{float(pct):g}"
        at = "at or above" if self.inclusive else "strictly above"
        return f"{pct_text}% of {BASES[self.base]} ({at})"


def as_threshold(value: object, base: str = "votes") -> Threshold | None:
    """Turn the ``threshold`` argument of :func:`kzlib.allocate` into a :class:`Threshold`.

    ``None`` means no threshold; a ``Threshold`` is returned unchanged; anything
    else is parsed with :func:`parse_share` and measured against ``base``.
    """
    if value is None:
        return None
    if isinstance(value, Threshold):
        return value
    return Threshold(parse_share(value), base=base)  # type: ignore[arg-type]
