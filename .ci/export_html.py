"""Export the executed notebooks to a static site, for reading without a kernel or internet.

    python .ci/export_html.py [OUTPUT_DIR]      # default: build/html

Each notebook becomes NAME.html with its stored outputs (charts with their alt text,
tables, and the widgets' last state); links between notebooks are rewritten from
``.ipynb`` to ``.html``. Each worked solution (notebooks/solutions/NAME.md) becomes
solutions/NAME.html, and the notebooks' links to it point there. The teacher pack is
teachers/: the guide (index.html), the debate kit and the answer key (generated). The
notebooks translated into Kazakh and Russian (notebooks/kk/, notebooks/ru/) are kk/ and ru/.

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
TEACHERS = NOTEBOOKS / "teachers"
# Folders of translated notebooks (notebooks/kk/, notebooks/ru/): pages in kk/ and ru/.
TRANSLATIONS = ("kk", "ru")
# The teacher pack's pages: page name -> its Markdown source in notebooks/teachers/ (the
# answer key has none: it is generated, as `make answer-key` does).
TEACHER_PAGES = {"index": "README.md", "debate_kit": "debate_kit.md", "answer_key": None}
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
  .kz-print-alt { display: block !important; font-size: 80%; color: #444; }
}
.kz-print-alt { display: none; }
</style>"""

# nbconvert's lab template, with the CDN addresses replaced by the vendored files and
# MathJax 3 in place of MathJax 2 (one file instead of a CDN folder).
TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mathjax -%}
""" + MATHJAX.format(prefix="{prefix}") + """
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
<nav>{nav}</nav>
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
                # Printed, the description goes under the chart (a handout has no
                # screen reader); on screen it stays the image's alt text only.
                data["text/html"] = (f'<img alt="{html.escape(alt)}" '
                                     f'src="data:image/png;base64,{png}" style="max-width:100%"/>'
                                     f'<p class="kz-print-alt">{html.escape(alt)}</p>')


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


def _exporter(prefix: str = ""):
    """nbconvert's HTML exporter for pages ``prefix`` away from the site's root (``""``, or
    ``"../"`` for the translations in ``kk/`` and ``ru/``), loading the vendored scripts."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_loaders=[DictLoader({"kz_offline.html.j2": TEMPLATE.replace("{prefix}", prefix)})],
        template_file="kz_offline.html.j2",
        require_js_url=f"{prefix}vendor/requirejs/require.js",
        widget_renderer_url=f"{prefix}vendor/html-manager/embed-amd.js",
    )


def export_notebooks(folder: Path, output: Path, prefix: str = "") -> list[Path]:
    """Write each notebook ``folder/NN_name.ipynb`` as ``output/NN_name.html``; return the
    pages. ``prefix`` leads from ``output`` back to the site's root (for its vendor/)."""
    import nbformat

    exporter = _exporter(prefix)
    output.mkdir(parents=True, exist_ok=True)
    pages = []
    for notebook in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(notebook, as_version=4)
        _with_alt_text(nb)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        nb.metadata["title"] = _title(first, notebook.stem)
        body, _ = exporter.from_notebook_node(nb)
        page = output / f"{notebook.stem}.html"
        page.write_text(_local_links(body), encoding="utf-8")
        pages.append(page)
    return pages


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
        nav=(f'<a href="../{source.stem}.html">← back to the notebook</a> · '
             '<a href="../index.html">all notebooks</a>'),
        body=markdown2html_mistune(text),
    )
    target = output / f"{source.stem}.html"
    target.write_text(_local_links(page), encoding="utf-8")
    return target


def _list_page(target: Path, title: str, sources: list[Path]) -> None:
    """A page listing the pages made from ``sources`` (same folder), each by its title."""
    items = "\n".join(
        f'<li><a href="{s.stem}.html">{html.escape(_title(s.read_text(encoding="utf-8"), s.stem))}'
        "</a></li>" for s in sources)
    target.write_text(
        SOLUTION_PAGE.format(title=html.escape(title), pygments="", print_css="", mathjax="",
                             nav='<a href="../index.html">all notebooks</a>',
                             body=f"<h1>{html.escape(title)}</h1>\n<ul>\n{items}\n</ul>"),
        encoding="utf-8")


def export_teachers(output: Path) -> list[Path]:
    """Write the teacher pack as pages in ``output/teachers/``: the guide (``index.html``),
    the debate kit and the answer key (generated from :mod:`kzlib.exercises` and the
    worked solutions, never typed); return their paths."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    from pygments.formatters import HtmlFormatter

    from kzlib.answer_key import build_key, to_markdown

    folder = output / "teachers"
    folder.mkdir(parents=True, exist_ok=True)
    nav = " · ".join(['<a href="../index.html">all notebooks</a>',
                      '<a href="index.html">the guide</a>',
                      '<a href="debate_kit.html">debate kit</a>',
                      '<a href="answer_key.html">answer key</a>'])
    written = []
    for name, source in TEACHER_PAGES.items():
        text = (to_markdown(build_key(NOTEBOOKS)) if source is None
                else (TEACHERS / source).read_text(encoding="utf-8"))
        # The pack's own Markdown files are pages of the site; a folder link goes to the
        # site's list of notebooks.
        text = re.sub(r"\]\((README|debate_kit)\.md\)",
                      lambda m: "](" + ("index" if m[1] == "README" else m[1]) + ".html)", text)
        text = text.replace("](../solutions/)", "](../solutions/index.html)")
        page = SOLUTION_PAGE.format(
            title=html.escape(_title(text, name)),
            pygments=HtmlFormatter().get_style_defs(".highlight"),
            print_css=PRINT_CSS, mathjax="", nav=nav, body=markdown2html_mistune(text),
        ).replace('class="kz-page kz-solutions"', 'class="kz-page kz-teachers"')
        target = folder / f"{name}.html"
        target.write_text(_local_links(page), encoding="utf-8")
        written.append(target)
    return written


def export(output: Path) -> list[Path]:
    """Write the site into ``output``; return the notebook pages written."""
    output.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VENDOR, output / "vendor", dirs_exist_ok=True)
    pages = export_notebooks(NOTEBOOKS, output)
    for lang in TRANSLATIONS:  # the notebooks translated so far, in their own folders
        export_notebooks(NOTEBOOKS / lang, output / lang, prefix="../")
    (output / "solutions").mkdir(exist_ok=True)
    for solution in sorted(SOLUTIONS.glob("[0-9][0-9]_*.md")):
        export_solution(solution, output / "solutions")
    _list_page(output / "solutions" / "index.html", "Worked solutions",
               sorted(SOLUTIONS.glob("[0-9][0-9]_*.md")))
    export_teachers(output)
    index = output / "index.html"
    redirect = '<!doctype html><meta http-equiv="refresh" content="0; url=00_start_here.html">'
    link = ('<a href="00_start_here.html">Kazakhstan Reform Notebooks: start here</a>\n'
            '<a href="teachers/index.html">For teachers: the guide, the debate kit and the '
            'answer key</a>\n')
    index.write_text(redirect + link, encoding="utf-8")
    return pages


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "html"
    written = export(target)
    print(f"{len(written)} notebooks and their solutions exported (offline); "
          f"open {target / '00_start_here.html'}")
