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


def __getattr__(name: str) -> str:
    # kzlib.__version__ is read from the installed metadata (written once, in
    # pyproject.toml) only when asked for: importlib.metadata is slow to import.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("kzlib")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'kzlib' has no attribute {name!r}")
