"""The explorer each notebook builds, rebuilt headless with the notebook's own imports and call.

Used by the accessibility tests and by the browser tests (which compare what the page
shows with what the same builder computes here).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def explorer_call(notebook: Path) -> tuple[list[str], str | None]:
    """(``from kzlib.widgets... import ...`` lines, ``build_...(...)`` call) in ``notebook``."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    imports: list[str] = []
    call = None
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        imports += [ln for ln in source.splitlines() if ln.startswith("from kzlib.widgets")]
        try:
            tree = ast.parse(source)
        except SyntaxError:  # IPython magics: such a cell builds no explorer
            continue
        # Parsed, not matched line by line: a call wrapped over several lines counts too.
        for node in tree.body:
            value = getattr(node, "value", None)
            if (isinstance(node, ast.Assign) and isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Name) and value.func.id.startswith("build_")):
                call = ast.get_source_segment(source, value)
    return imports, call


def build_as_in_notebook(notebook: Path) -> Any:
    """Build the notebook's explorer headless, with the same imports and call."""
    imports, call = explorer_call(notebook)
    assert call, f"{notebook.name}: no `x = build_...(...)` line found"
    namespace: dict[str, Any] = {}
    for line in imports:
        exec(line, namespace)
    return eval(call, namespace)


def alt_text(explorer: Any) -> str:
    """The alt text of the chart an explorer shows (its last child, an ``<img>`` in HTML)."""
    import html

    return html.unescape(re.search(r'alt="([^"]*)"', explorer.children[-1].value).group(1))


def record_figures(monkeypatch: Any) -> list[Any]:
    """Make ``kzlib.plots.new_figure`` keep every figure it makes, in this list."""
    from kzlib import plots

    made: list[Any] = []
    original = plots.new_figure

    def recording(*args: Any, **kwargs: Any) -> Any:
        fig, axes = original(*args, **kwargs)
        made.append(fig)
        return fig, axes

    monkeypatch.setattr(plots, "new_figure", recording)
    return made
