"""Export the executed notebooks to a static site, for reading without a kernel.

    python .ci/export_html.py [OUTPUT_DIR]      # default: build/html

Each notebook becomes NAME.html with its stored outputs (charts with their alt text,
tables, and the widgets' last state); links between notebooks are rewritten from
``.ipynb`` to ``.html``, and the worked solutions are copied next to them.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# A relative link to a notebook (not an http(s) URL such as a Binder launch link).
LOCAL_NOTEBOOK = re.compile(r'href="(?![a-z]+://)([^"#]+?)\.ipynb([#"])')


def _with_alt_text(nb) -> None:
    """Show each chart as an ``<img>`` carrying the alt text stored in its output metadata.

    nbconvert's default (lab) template drops that alt text and writes a placeholder.
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            alt = out.get("metadata", {}).get("image/png", {}).get("alt")
            if "image/png" in data and alt:
                png = data.pop("image/png").replace("\n", "")
                data["text/html"] = (f'<img alt="{html.escape(alt)}" '
                                     f'src="data:image/png;base64,{png}" style="max-width:100%"/>')


def export(output: Path) -> list[Path]:
    """Write the site into ``output``; return the pages written."""
    import nbformat
    from nbconvert import HTMLExporter

    output.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter()
    pages = []
    for notebook in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(notebook, as_version=4)
        _with_alt_text(nb)
        body, _ = exporter.from_notebook_node(nb)
        page = output / f"{notebook.stem}.html"
        page.write_text(LOCAL_NOTEBOOK.sub(r'href="\1.html\2', body), encoding="utf-8")
        pages.append(page)
    shutil.copytree(NOTEBOOKS / "solutions", output / "solutions", dirs_exist_ok=True)
    index = output / "index.html"
    redirect = '<!doctype html><meta http-equiv="refresh" content="0; url=00_start_here.html">'
    link = '<a href="00_start_here.html">Kazakhstan Reform Notebooks: start here</a>\n'
    index.write_text(redirect + link, encoding="utf-8")
    return pages


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "html"
    written = export(target)
    print(f"{len(written)} notebooks exported; open {target / '00_start_here.html'}")
