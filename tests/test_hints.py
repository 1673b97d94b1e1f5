"""Every piece of code a hint shows runs as typed in its notebook, after Run All.

A student types what a hint shows. Code in a hint is written in backticks; each
backticked piece that is Python is run in the namespace the notebook's own code
cells build (run top to bottom, as *Run All* does), so a hint can only use names the
notebook defines or imports. Code outside backticks is refused: it could not be
checked.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import io
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = {p.stem[:2]: p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
MODULES = sorted(p.stem for p in (ROOT / "kzlib" / "exercises").glob("nb*.py"))
BACKTICKS = re.compile(r"`([^`]+)`")
#: A call, an index or an attribute written outside backticks: code the test cannot see.
BARE_CODE = re.compile(r"\b[A-Za-z_]\w*(\(|\[['\"\d])|\.\w+\(")


def hints() -> list[tuple[str, str]]:
    pairs = []
    for name in MODULES:
        for exercise_id, exercise in importlib.import_module(
            f"kzlib.exercises.{name}"
        ).EXERCISES.items():
            if exercise.hint:
                pairs.append((exercise_id, exercise.hint))
    return pairs


def python_pieces(hint: str) -> list[str]:
    """The backticked pieces of ``hint`` that parse as Python."""
    pieces = []
    for piece in BACKTICKS.findall(hint):
        try:
            ast.parse(piece)
        except SyntaxError:
            continue  # e.g. `5%` or `Against all`: words, not code
        pieces.append(piece)
    return pieces


def run_all(notebook: Path) -> dict:
    """The namespace after running every code cell of ``notebook`` in order."""
    import matplotlib

    matplotlib.use("Agg")
    namespace: dict = {"__name__": "__main__"}
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] == "code":
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile("".join(cell["source"]), notebook.name, "exec"), namespace)
    return namespace


_NAMESPACES: dict[str, dict] = {}


@pytest.mark.parametrize("exercise_id, hint", hints(), ids=[i for i, _ in hints()])
def test_hint_code_runs_in_its_notebook(exercise_id, hint):
    outside = BARE_CODE.search(BACKTICKS.sub("", hint))
    assert outside is None, f"{exercise_id}: code outside backticks in the hint: {hint!r}"
    pieces = python_pieces(hint)
    if not pieces:
        return
    number = exercise_id[:2]
    if number not in _NAMESPACES:
        _NAMESPACES[number] = run_all(NOTEBOOKS[number])
    namespace = dict(_NAMESPACES[number])
    for piece in pieces:
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                exec(compile(piece, f"hint {exercise_id}", "exec"), namespace)
            except Exception as err:  # noqa: BLE001 - any error is what the student meets
                pytest.fail(f"{exercise_id}: `{piece}` raises {type(err).__name__}: {err}")
