"""Exact conversion of user-supplied numbers (internal helpers).

Every number that enters an allocation is turned into an ``int`` or a
``fractions.Fraction`` here, so that no float comparison ever decides a seat.
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction

__all__ = ["exact_number", "non_negative_number"]


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
        return _normalise(Fraction(value))
    if isinstance(value, numbers.Real):
        as_float = float(value)
        if not math.isfinite(as_float):
            raise ValueError(f"{name} must be finite, got {value!r}")
        return _normalise(Fraction(repr(as_float)))
    raise TypeError(f"{name} must be a number, got {value!r} ({type(value).__name__})")


def non_negative_number(value: object, name: str) -> int | Fraction:
    """:func:`exact_number`, also rejecting a negative value ("votes['Auyl'] must be >= 0")."""
    number = exact_number(value, name)
    if number < 0:
        raise ValueError(f"{name} must be >= 0, got {value!r}")
    return number


def _normalise(value: Fraction) -> int | Fraction:
    return int(value) if value.denominator == 1 else value
