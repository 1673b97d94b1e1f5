"""Exercises of notebook 08 · Maslikhats (local councils).

Every answer is computed from ``data/`` by kzlib when the check runs; none is printed in
the notebook above its exercise (another council, another threshold, a vote that did not
happen). 08-3 and 08-4 ask for an argument: their model answers and marking guides are in
``notebooks/solutions/08_maslikhats.md``.
"""

from __future__ import annotations

from kzlib import cases
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _karaganda_amanat_at_7() -> int:
    return cases.maslikhat_count("Karaganda oblast", threshold="7%").seats["Amanat"]


def _almaty_against_all_to_exclude_ak_zhol() -> int:
    return cases.against_all_to_exclude("Almaty city", "Ak Zhol")


EXERCISES: dict[str, Exercise] = {
    "08-1": Exercise(
        answer=_karaganda_amanat_at_7,
        hint="First decide which lists still pass at 7% of party votes plus 'against all'. "
             "Then share the 18 seats among those lists only: the quota is their votes divided "
             "by 18; whole quotas first, the seats left over to the largest remainders.",
    ),
    "08-2": Exercise(
        answer=_almaty_against_all_to_exclude_ak_zhol,
        hint="Ak Zhol keeps its votes; only the base grows. Find the base at which Ak Zhol's "
             "votes are exactly 5% of it, and remember that exactly 5% still passes: you need "
             "one vote more than that.",
    ),
}
