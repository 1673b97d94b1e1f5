"""The Voila dashboards (notebooks/dashboards/): generated from the notebooks, one explorer each."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_dashboards",
                                               ROOT / ".ci" / "make_dashboards.py")
make_dashboards = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_dashboards)


def test_one_dashboard_per_entry_written_the_same_each_time(tmp_path):
    # Generated, not kept in git: the same notebooks give the same files, one per entry.
    first = make_dashboards.write(tmp_path / "a")
    second = make_dashboards.write(tmp_path / "b")
    assert [p.name for p in first] == [f"{n}.ipynb" for n in make_dashboards.DASHBOARDS]
    for one, two in zip(first, second, strict=True):
        assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_every_notebook_with_an_explorer_has_a_dashboard():
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        code = "".join("".join(c["source"]) for c in json.loads(notebook.read_text())["cells"]
                       if c["cell_type"] == "code")
        if "from kzlib.widgets" in code:
            assert notebook.stem in make_dashboards.DASHBOARDS, notebook.name


def test_a_dashboard_is_a_title_a_sentence_and_one_explorer():
    for path in sorted((ROOT / "notebooks" / "dashboards").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        kinds = [c["cell_type"] for c in cells]
        assert kinds == ["markdown", "code"], path.name
        text = "".join(cells[0]["source"])
        assert text.startswith("# ") and "Exercise" not in text, path.name
        code = "".join(cells[1]["source"])
        assert code.count("build_") == 2 and "check(" not in code, path.name


def test_every_dashboard_builds_its_explorer():
    # In-process instead of nbval (a kernel per dashboard would add ~45 s to `make test`);
    # the browser tests render two of them in Voila.
    from kzlib.widgets.common import Explorer

    for path in sorted((ROOT / "notebooks" / "dashboards").glob("*.ipynb")):
        imports, call = "".join(json.loads(path.read_text())["cells"][1]["source"]).split("\n\n")
        namespace: dict = {}
        exec(imports, namespace)
        assert isinstance(eval(call, namespace), Explorer), path.name
