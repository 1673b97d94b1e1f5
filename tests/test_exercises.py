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


@pytest.mark.parametrize(
    "answer, advice",
    [
        ("52.52%", "Type the number itself, without quotes or a % sign: 52.52 (written that "
                   "way, your answer is right)."),
        ((86, 546.65), "Type the number without thousands commas: 86546.65 (written that way, "
                       "your answer is right)."),
        ("52.6", "Type the number itself, without quotes or a % sign: 52.6"),
        ("fifty", "This answer is a number; you typed text ('fifty')."),
    ],
)
def test_a_right_value_in_the_wrong_form_is_told_what_to_change(monkeypatch, capsys, answer,
                                                                  advice):
    from kzlib.exercises import nb05

    monkeypatch.setitem(nb05.EXERCISES, "05-9",
                        nb05.EXERCISES["05-1"].__class__(answer=lambda: 52.52 if answer != (
                            86, 546.65) else 86546.65, tolerance=0.005))
    check("05-9", answer)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 05-9: not yet. ") and out.strip().endswith(advice), out


def test_a_word_without_quotes_gets_a_sentence_after_the_traceback(capsys):
    from IPython.testing.globalipapp import start_ipython

    shell = start_ipython()
    import kzlib.exercises as exercises

    exercises._install_name_error_hint()
    shell.run_cell("from kzlib.exercises import check\nanswer = pilot\ncheck('05-1', answer)")
    out = capsys.readouterr().out
    assert "NameError" in out
    assert "put it in quotes: answer = 'pilot'" in out
    shell.run_cell("x = undefined_name")  # not an exercise cell: the traceback only
    assert "put it in quotes" not in capsys.readouterr().out
