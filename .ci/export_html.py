"""Export the executed notebooks to a static site, for reading without a kernel or internet.

    python .ci/export_html.py [OUTPUT_DIR]      # default: build/html

Each notebook becomes NAME.html with its stored outputs (charts with their alt text,
tables, and the widgets' last state); links between notebooks are rewritten from
``.ipynb`` to ``.html``. Each worked solution (notebooks/solutions/NAME.md) becomes
solutions/NAME.html, and the notebooks' links to it point there.

The site works offline: the JavaScript that nbconvert's pages load from a CDN (require.js,
the widget renderer of @jupyter-widgets/html-manager, MathJax) is copied from .ci/vendor/
(see its README for versions and licences) into OUTPUT_DIR/vendor/, and the pages load it
from there. Links to the notebooks' sources stay as they are: they are content.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
VENDOR = Path(__file__).resolve().parent / "vendor"
# A relative link to a notebook (not an http(s) URL such as a Binder launch link).
LOCAL_NOTEBOOK = re.compile(r'href="(?![a-z]+://)([^"#]+?)\.ipynb([#"])')
# A relative link to a worked solution, which the site has as a rendered page.
LOCAL_SOLUTION = re.compile(r'href="(?![a-z]+://)((?:[^"#]*/)?solutions/[^"#/]+?)\.md([#"])')
# The Binder badge is an image from mybinder.org: offline it would be a broken image, so the
# site draws the same words itself. The link around it stays (it needs internet anyway).
BINDER_BADGE = re.compile(r'src="https://mybinder\.org/badge_logo\.svg"')
BADGE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="109" height="20">'
    '<rect width="109" height="20" rx="3" fill="#579aca"/>'
    '<rect width="52" height="20" rx="3" fill="#555"/><rect x="46" width="6" height="20" '
    'fill="#555"/><g fill="#fff" font-family="Verdana,sans-serif" font-size="11">'
    '<text x="7" y="14">launch</text><text x="58" y="14">binder</text></g></svg>'
)

# Loaded before the vendored MathJax 3: the same delimiters as nbconvert's MathJax 2 set-up.
# The widget renderer typesets labels with MathJax 2's ``MathJax.Hub.Queue`` whenever
# ``window.MathJax`` exists, so MathJax 3 is given that one call (before and after it starts).
MATHJAX = """<script>
window.MathJax = {{
  tex: {{inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], processEscapes: true}},
  svg: {{fontCache: 'global'}},
  Hub: {{Queue: function () {{}}}},
  startup: {{ready: function () {{
    MathJax.startup.defaultReady();
    MathJax.Hub = {{Queue: function (job) {{
      if (job && job[2] && MathJax.typesetPromise) {{ MathJax.typesetPromise([job[2]]); }}
    }}}};
  }}}}
}};
</script>
<script defer src="{prefix}vendor/mathjax/tex-svg.js"></script>"""

# Printed at A4, code and wide outputs wrap instead of being cut at the right edge.
PRINT_CSS = """<style>
@media print {
  pre, code { white-space: pre-wrap !important; overflow-wrap: anywhere; word-break: break-word; }
  .jp-InputArea-editor, .jp-OutputArea-output, .highlight, .widget-html-content {
    overflow: visible !important; max-width: 100% !important;
  }
  .jp-OutputArea-output table, .kz-page table { max-width: 100%; font-size: 85%; }
  .jp-OutputArea-output td, .jp-OutputArea-output th { overflow-wrap: anywhere; }
  img, svg { max-width: 100% !important; height: auto; }
  a[href^="http"] { word-break: break-all; }
  /* Rows of explorer controls wrap onto a second line rather than run off the page. */
  .widget-hbox { flex-wrap: wrap !important; }
  .jupyter-widgets { max-width: 100% !important; }
}
</style>"""

# nbconvert's lab template, with the CDN addresses replaced by the vendored files and
# MathJax 3 in place of MathJax 2 (one file instead of a CDN folder).
TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mathjax -%}
""" + MATHJAX.format(prefix="") + """
{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
""" + PRINT_CSS + """
{%- endblock html_head_css -%}
"""

SOLUTION_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; color: #222; }}
pre {{ background: #f5f5f5; padding: 0.6rem; overflow-x: auto; font-size: 0.9rem; }}
code {{ font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }}
table {{ border-collapse: collapse; margin: 0.8rem 0; }}
th, td {{ border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }}
.anchor-link {{ display: none; }}
nav {{ font-size: 0.9rem; margin-bottom: 1rem; }}
@page {{ size: A4; margin: 15mm; }}
@media print {{ nav {{ display: none; }} pre {{ overflow-x: visible; }} }}
{pygments}
</style>
{print_css}
{mathjax}
</head>
<body class="kz-page kz-solutions">
<nav><a href="../{notebook}.html">← back to the notebook</a> ·
<a href="../index.html">all notebooks</a></nav>
<main>
{body}
</main>
</body>
</html>
"""


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


def _title(text: str, fallback: str) -> str:
    """The first level-1 Markdown heading of ``text``, without Markdown marks."""
    match = re.search(r"^#\s+(.+?)\s*$", text, flags=re.MULTILINE)
    if not match:
        return fallback
    return re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", match.group(1)).strip()


def _local_links(page: str) -> str:
    """Point links to notebooks and to solutions at the site's own pages."""
    page = LOCAL_NOTEBOOK.sub(r'href="\1.html\2', page)
    page = LOCAL_SOLUTION.sub(r'href="\1.html\2', page)
    badge = base64.b64encode(BADGE_SVG.encode("utf-8")).decode("ascii")
    return BINDER_BADGE.sub(f'src="data:image/svg+xml;base64,{badge}"', page)


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_loaders=[DictLoader({"kz_offline.html.j2": TEMPLATE})],
        template_file="kz_offline.html.j2",
        require_js_url="vendor/requirejs/require.js",
        widget_renderer_url="vendor/html-manager/embed-amd.js",
    )


def export_solution(source: Path, output: Path) -> Path:
    """Render one worked solution (Markdown) as ``output/NAME.html``; return its path."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    from pygments.formatters import HtmlFormatter

    text = source.read_text(encoding="utf-8")
    has_math = re.search(r"\$\$|\\\(", text) is not None
    page = SOLUTION_PAGE.format(
        title=html.escape(_title(text, source.stem)),
        pygments=HtmlFormatter().get_style_defs(".highlight"),
        print_css=PRINT_CSS,
        mathjax=MATHJAX.format(prefix="../") if has_math else "",
        notebook=source.stem,
        body=markdown2html_mistune(text),
    )
    target = output / f"{source.stem}.html"
    target.write_text(_local_links(page), encoding="utf-8")
    return target


def export(output: Path) -> list[Path]:
    """Write the site into ``output``; return the notebook pages written."""
    import nbformat

    output.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VENDOR, output / "vendor", dirs_exist_ok=True)
    exporter = _exporter()
    pages = []
    for notebook in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(notebook, as_version=4)
        _with_alt_text(nb)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        nb.metadata["title"] = _title(first, notebook.stem)
        body, _ = exporter.from_notebook_node(nb)
        page = output / f"{notebook.stem}.html"
        page.write_text(_local_links(body), encoding="utf-8")
        pages.append(page)
    (output / "solutions").mkdir(exist_ok=True)
    for solution in sorted(SOLUTIONS.glob("[0-9][0-9]_*.md")):
        export_solution(solution, output / "solutions")
    index = output / "index.html"
    redirect = '<!doctype html><meta http-equiv="refresh" content="0; url=00_start_here.html">'
    link = '<a href="00_start_here.html">Kazakhstan Reform Notebooks: start here</a>\n'
    index.write_text(redirect + link, encoding="utf-8")
    return pages


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "html"
    written = export(target)
    print(f"{len(written)} notebooks and their solutions exported (offline); "
          f"open {target / '00_start_here.html'}")
