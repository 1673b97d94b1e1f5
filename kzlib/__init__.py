"""kzlib — the arithmetic behind the Kazakhstan Reform Notebooks.

Seat allocation (:func:`allocate`), thresholds with an explicit base
(:class:`Threshold`), the rules of each chamber and era (:mod:`kzlib.rules`) and
proportionality indices (:mod:`kzlib.indices`). Importing kzlib does not import
pandas, matplotlib or ipywidgets.
"""

from kzlib import indices, rules
from kzlib.allocation import ALIASES, METHODS, Allocation, TieError, allocate, method_name
from kzlib.thresholds import BASES, Threshold

__all__ = [
    "ALIASES",
    "BASES",
    "METHODS",
    "Allocation",
    "Threshold",
    "TieError",
    "allocate",
    "indices",
    "method_name",
    "rules",
]
__version__ = "0.1.0"
