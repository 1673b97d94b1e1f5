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
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

__all__ = ["Exercise", "check", "expected", "explain_name_error", "format_advice", "is_correct"]


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


def _number_in(text: str) -> float | None:
    """The number a student meant by ``text`` ('52.52%', '86,546.65', '12 415'), if any."""
    cleaned = re.sub(r"[\s\u00a0\u202f%,]", "", text)
    try:
        return float(cleaned)
    except ValueError:
        return None


def format_advice(answer: Any, target: Any) -> str | None:
    """What to change when ``answer`` has the wrong form for ``target`` (else None).

    Three slips account for most "not yet" verdicts on a right answer: a number typed
    as text (``"52.52%"``), a number with thousands commas, which Python reads as
    several numbers (``86,546.65`` is the pair ``(86, 546.65)``), and a word without
    quotes (Python then stops at ``NameError`` before the check runs: see
    :func:`explain_name_error`).

    Examples
    --------
    >>> format_advice("52.52%", 52.52)
    "You typed text ('52.52%'). Type the number itself, without quotes or a % sign: 52.52"
    >>> print(format_advice((86, 546.65), 86546.65))  # doctest: +NORMALIZE_WHITESPACE
    Python read the commas as separators between several numbers. Type the number without
    thousands commas: 86546.65
    >>> format_advice(3, "pilot") is None
    False
    >>> format_advice(52.52, 52.52) is None
    True
    """
    numeric = isinstance(target, (int, float, Fraction)) and not isinstance(target, bool)
    if numeric and isinstance(answer, str):
        number = _number_in(answer)
        if number is not None:
            return (f"You typed text ({answer!r}). Type the number itself, without quotes "
                    f"or a % sign: {number:g}")
        return f"This answer is a number; you typed text ({answer!r})."
    if numeric and isinstance(answer, tuple) and answer and all(
        isinstance(a, (int, float)) and not isinstance(a, bool) for a in answer
    ):
        joined = "".join(str(a) for a in answer)
        return ("Python read the commas as separators between several numbers. Type the "
                f"number without thousands commas: {joined}")
    if isinstance(target, bool) and not isinstance(answer, bool):
        return "This answer is True or False (no quotes)."
    if isinstance(target, str) and not isinstance(answer, str):
        return "This answer is a word or a name: type it in quotes, e.g. 'Amanat'."
    if isinstance(target, (list, tuple, dict)) and not isinstance(answer, type(target)):
        kind = {list: "a list [...]", tuple: "a pair or list of values (a, b)",
                dict: "a dictionary {name: value, ...}"}[type(target)]
        return f"This answer is {kind}."
    return None


def explain_name_error(name: str) -> str:
    """The hint shown when an exercise cell stops at ``NameError: name 'name' ...``."""
    return (f"Hint: Python does not know the name {name!r}. If {name!r} is your answer, "
            f"put it in quotes: answer = {name!r}. If it is a name from a hint, run the "
            "notebook's cells from the top first (Run > Run All Cells).")


def _name_error_hint(shell: Any, etype: type, value: BaseException, tb: Any,
                     tb_offset: int | None = None) -> Any:
    # IPython custom exception handler: the usual traceback, then, in an exercise cell
    # (one that calls check), a sentence saying what to change.
    import linecache

    shown = shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    first = tb
    while first is not None and first.tb_frame.f_globals is not shell.user_ns:
        first = first.tb_next  # the first frame of the cell itself (IPython's own come first)
    cell = "".join(linecache.getlines(first.tb_frame.f_code.co_filename)) if first else ""
    name = getattr(value, "name", None)
    if name and "check(" in cell:
        print(explain_name_error(name))
    return shown


def _install_name_error_hint() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((NameError,), _name_error_hint)


def check(exercise_id: str, answer: Any) -> None:
    """Print whether ``answer`` is right for ``exercise_id``, with a hint if not.

    Returns None on purpose, so that a notebook cell shows only the verdict;
    :func:`is_correct` gives the answer as a bool. When the answer has the wrong
    form (a number typed as text, thousands commas), the verdict says what to change
    and whether the value itself would be right.
    """
    ex = _exercise(exercise_id)
    if answer is None or answer is ...:
        print(f"Exercise {exercise_id}: replace the ... with your answer, then run the cell again.")
        return
    target = ex.answer()
    if _matches(answer, target, ex.tolerance):
        print(f"Exercise {exercise_id}: correct.")
        return
    advice = format_advice(answer, target)
    if advice:
        fixed = _repaired(answer)
        if fixed is not None and _matches(fixed, target, ex.tolerance):
            advice += " (written that way, your answer is right)."
        print(f"Exercise {exercise_id}: not yet. {advice}")
    elif ex.hint:
        print(f"Exercise {exercise_id}: not yet. Hint: {ex.hint}")
    else:
        print(f"Exercise {exercise_id}: not yet. Try again.")


def _repaired(answer: Any) -> float | None:
    """The number a mis-typed answer stands for (text or comma-split), if any."""
    if isinstance(answer, str):
        return _number_in(answer)
    if isinstance(answer, tuple) and answer and all(
        isinstance(a, (int, float)) and not isinstance(a, bool) for a in answer
    ):
        return _number_in("".join(str(a) for a in answer))
    return None


_install_name_error_hint()
