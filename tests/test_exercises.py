"""Every exercise computes its answer; notebooks call only known exercises; solutions exist."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from kzlib.exercises import check, expected, is_correct

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p.stem for p in (ROOT / "kzlib" / "exercises").glob("nb*.py"))


def exercise_ids() -> list[str]:
    ids = []
    for name in MODULES:
        ids += list(importlib.import_module(f"kzlib.exercises.{name}").EXERCISES)
    return ids


@pytest.mark.parametrize("exercise_id", exercise_ids())
def test_answer_computes_and_checks(exercise_id, capsys):
    answer = expected(exercise_id)
    assert answer is not None
    assert is_correct(exercise_id, answer)
    check(exercise_id, answer)
    assert capsys.readouterr().out.strip().endswith(": correct.")
    check(exercise_id, ...)
    assert "replace the ..." in capsys.readouterr().out


@pytest.mark.parametrize(
    "nb", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem
)
def test_notebook_exercises_exist_and_have_solutions(nb):
    text = "".join("".join(c["source"]) for c in json.loads(nb.read_text())["cells"])
    used = re.findall(r"check\(\s*[\"'](\d\d-\d+)[\"']", text)
    known = set(exercise_ids())
    assert set(used) <= known, f"{nb.name} checks unknown exercises {set(used) - known}"
    if used:
        assert (ROOT / "notebooks" / "solutions" / f"{nb.stem}.md").exists()


def test_check_messages(capsys):
    with pytest.raises(ValueError, match="exercise_id"):
        check("99-1", 1)
    with pytest.raises(ValueError, match="exercise_id"):
        check("nonsense", 1)
