"""Self-check for the notebook exercises.

``check("05-1", answer)`` compares a student's answer with the expected value,
which is computed from ``data/`` by kzlib (never typed in), and prints a short
verdict with a hint. Each notebook's exercises live in ``kzlib/exercises/nbNN.py``
as ``EXERCISES: dict[str, Exercise]``; worked solutions are in
``notebooks/solutions/``.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Exercise", "check", "expected", "is_correct"]


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer, how close is close enough, a hint."""

    answer: Callable[[], Any]
    hint: str = ""
    tolerance: float = 0.0


def _exercise(exercise_id: str) -> Exercise:
    if not isinstance(exercise_id, str) or "-" not in exercise_id:
        raise ValueError(f"exercise_id must look like '05-1', got {exercise_id!r}")
    number = exercise_id.split("-")[0]
    try:
        module = importlib.import_module(f"kzlib.exercises.nb{number}")
    except ModuleNotFoundError:
        raise ValueError(
            f"exercise_id {exercise_id!r}: no exercises for notebook {number}"
        ) from None
    try:
        return module.EXERCISES[exercise_id]
    except KeyError:
        valid = ", ".join(sorted(module.EXERCISES))
        raise ValueError(f"exercise_id must be one of {valid}, got {exercise_id!r}") from None


def expected(exercise_id: str) -> Any:
    """The expected answer (for tests and solutions)."""
    return _exercise(exercise_id).answer()


def _matches(answer: Any, target: Any, tolerance: float) -> bool:
    if isinstance(target, dict):
        return isinstance(answer, dict) and set(answer) == set(target) and all(
            _matches(answer[k], target[k], tolerance) for k in target
        )
    if isinstance(target, (list, tuple)):
        return isinstance(answer, (list, tuple)) and len(answer) == len(target) and all(
            _matches(a, t, tolerance) for a, t in zip(answer, target, strict=True)
        )
    if isinstance(target, str):
        return isinstance(answer, str) and answer.strip().lower() == target.strip().lower()
    if isinstance(target, bool) or isinstance(answer, bool):
        return answer is target
    try:
        return math.isclose(float(answer), float(target), rel_tol=0, abs_tol=tolerance)
    except (TypeError, ValueError):
        return False


def is_correct(exercise_id: str, answer: Any) -> bool:
    """Whether ``answer`` is right for ``exercise_id`` (no printing)."""
    return _matches(answer, _exercise(exercise_id).answer(), _exercise(exercise_id).tolerance)


def check(exercise_id: str, answer: Any) -> None:
    """Print whether ``answer`` is right for ``exercise_id``, with a hint if not.

    Returns None on purpose, so that a notebook cell shows only the verdict;
    :func:`is_correct` gives the answer as a bool.
    """
    ex = _exercise(exercise_id)
    if answer is None or answer is ...:
        print(f"Exercise {exercise_id}: replace the ... with your answer, then run the cell again.")
        return
    if _matches(answer, ex.answer(), ex.tolerance):
        print(f"Exercise {exercise_id}: correct.")
    elif ex.hint:
        print(f"Exercise {exercise_id}: not yet. Hint: {ex.hint}")
    else:
        print(f"Exercise {exercise_id}: not yet. Try again.")
