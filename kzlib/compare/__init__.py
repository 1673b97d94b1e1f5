"""Before/after comparisons, as tidy tables.

* :mod:`kzlib.compare.elections` — counterfactual replays: one election's votes under
  several rule sets, side by side.
* :mod:`kzlib.compare.reforms` — rules of the state before and after the 2022–2023
  reforms (presidency, institutions, parties, akims), each row from ``data/`` with
  its source.
"""
