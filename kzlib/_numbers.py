"""Exact conversion of user-supplied numbers (internal helpers).

Every number that enters an allocation is turned into an ``int`` or a
``fractions.Fraction`` here, so that no float comparison ever decides a seat.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "MAX_EXPONENT",
    "check_exponent",
    "exact_number",
    "non_negative_number",
    "positive_integer",
    "vote_mapping",
    "whole_number",
]

#: Largest power of ten accepted in a written number ("1e300", Decimal("1e-300")).
#: Converting "1e999999999" exactly computes 10**999999999, which hangs in C code
#: that cannot be interrupted; no vote count, seat number or share comes near 1e300.
MAX_EXPONENT = 300

# The exponent of a number written as text, e.g. "1.5e+7" -> "+7".
_EXPONENT = re.compile(r"[eE]\s*([+-]?\s*\d+)")


def check_exponent(text: str, name: str) -> None:
    """Reject a written number whose power of ten is absurd, before converting it.

    Raises
    ------
    ValueError
        If ``text`` has an exponent beyond ±:data:`MAX_EXPONENT`; the message
        names ``name`` and shows the start of the text.
    """
    for match in _EXPONENT.finditer(text):
        digits = match.group(1).replace(" ", "").lstrip("+-").lstrip("0")
        if len(digits) > len(str(MAX_EXPONENT)) or int(digits or 0) > MAX_EXPONENT:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise ValueError(
                f"{name} must be a number with at most {MAX_EXPONENT} digits either side "
                f"of the decimal point, got {shown!r}"
            )


def exact_number(value: object, name: str) -> int | Fraction:
    """Return ``value`` as an exact ``int`` or ``Fraction``.

    Parameters
    ----------
    value
        An int, float, Fraction, Decimal or numpy scalar. Floats are read
        through their shortest decimal representation, ``Fraction(str(x))``,
        so ``0.05`` means exactly 5/100.
    name
        How the value is named in error messages, e.g. ``"votes['Auyl']"``.

    Raises
    ------
    TypeError
        If ``value`` is a bool, a string or not a real number.
    ValueError
        If ``value`` is NaN or infinite.
    """
    if type(value) is int:  # the common case (vote counts), checked first for speed
        return value
    # bool is an int subclass (and numpy.bool_ is not a number at all): reject both
    # explicitly, a True in a vote table is always a mistake.
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise TypeError(f"{name} must be a number, got {value!r} (a bool)")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{name} must be finite, got {value!r}")
        if value and abs(value.adjusted()) > MAX_EXPONENT:
            raise ValueError(
                f"{name} must be a number with at most {MAX_EXPONENT} digits either side "
                f"of the decimal point, got {value!r}"
            )
        return _normalise(Fraction(value))
    if isinstance(value, numbers.Real):
        as_float = float(value)
        if not math.isfinite(as_float):
            raise ValueError(f"{name} must be finite, got {value!r}")
        return _normalise(Fraction(repr(as_float)))
    raise TypeError(f"{name} must be a number, got {value!r} ({type(value).__name__})")


def whole_number(value: object, name: str) -> int:
    """Return ``value`` as an ``int`` if it is a whole number, however it is written.

    One rule for "an integer" everywhere: an ``int``, a numpy integer, or a float,
    ``Decimal`` or ``Fraction`` whose value is whole (``10.0``, ``Decimal("10")``,
    ``Fraction(10, 1)``); never a bool or a string.

    Raises
    ------
    TypeError
        If ``value`` is a bool, a string or not a number.
    ValueError
        If ``value`` is not whole (``2.5``), NaN or infinite.

    Examples
    --------
    >>> whole_number(Fraction(10, 1), "seats"), whole_number(98.0, "seats")
    (10, 98)
    """
    number = exact_number(value, name)
    if isinstance(number, Fraction) and number.denominator != 1:
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    return int(number)


def positive_integer(value: object, name: str) -> int:
    """:func:`whole_number`, also rejecting 0 and below ("seats must be a positive integer").

    Raises
    ------
    TypeError
        If ``value`` is not a number (a bool or a string included).
    ValueError
        If ``value`` is not whole or not positive.
    """
    try:
        number = whole_number(value, name)
    except TypeError:
        raise TypeError(f"{name} must be a positive integer, got {value!r}") from None
    except ValueError:
        raise ValueError(f"{name} must be a positive integer, got {value!r}") from None
    if number <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number


def non_negative_number(value: object, name: str) -> int | Fraction:
    """:func:`exact_number`, also rejecting a negative value ("votes['Auyl'] must be >= 0")."""
    number = exact_number(value, name)
    if number < 0:
        raise ValueError(f"{name} must be >= 0, got {value!r}")
    return number


def _normalise(value: Fraction) -> int | Fraction:
    return int(value) if value.denominator == 1 else value


def vote_mapping(votes: object, name: str = "votes") -> dict[str, int | Fraction]:
    """``votes`` as ``{party: exact count}``, checked like :func:`kzlib.allocate` does.

    Raises
    ------
    TypeError
        If ``votes`` is not a mapping (a list, ``None``, an array), or a party name
        is not a non-empty string, or a count is not a number.
    ValueError
        If a count is negative, NaN or infinite.

    Examples
    --------
    >>> vote_mapping({"A": 3, "B": 1.5})
    {'A': 3, 'B': Fraction(3, 2)}
    """
    if not isinstance(votes, Mapping):
        raise TypeError(f"{name} must be a mapping of party name to votes, got {votes!r}"[:200])
    checked: dict[str, int | Fraction] = {}
    for party, value in votes.items():
        if not isinstance(party, str) or not party.strip():
            raise TypeError(f"party names in {name} must be non-empty strings, got {party!r}")
        checked[party] = non_negative_number(value, f"{name}[{party!r}]")
    return checked
