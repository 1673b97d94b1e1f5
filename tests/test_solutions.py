"""The worked solutions in notebooks/solutions/*.md run, and every answer checks out.

A teacher copies a solution's code into the notebook and runs it: each ``python``
block must run after the notebook's own imports, and every ``check(...)`` it calls
must print "correct".
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SOLUTIONS = sorted((NOTEBOOKS / "solutions").glob("*.md"))
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def notebook_imports(notebook: Path) -> str:
    """Every import statement in the notebook's code cells, as one piece of code."""
    lines = []
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        lines += [ast.unparse(n) for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return "\n".join(lines)


def test_every_notebook_with_exercises_has_solutions():
    assert SOLUTIONS, "no solutions found"
    for solution in SOLUTIONS:
        assert (NOTEBOOKS / f"{solution.stem}.ipynb").exists(), solution.name


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_code_runs_and_every_check_prints_correct(solution):
    blocks = BLOCK.findall(solution.read_text())
    assert blocks, f"{solution.name} has no python block"
    namespace: dict = {}
    exec(notebook_imports(NOTEBOOKS / f"{solution.stem}.ipynb"), namespace)
    for block in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, solution.name, "exec"), namespace)
        checks = len(re.findall(r"^\s*check\(", block, re.MULTILINE))
        verdicts = [ln for ln in printed.getvalue().splitlines() if ln.startswith("Exercise ")]
        assert len(verdicts) == checks, (block, printed.getvalue())
        assert all(v.endswith(": correct.") for v in verdicts), (block, printed.getvalue())
