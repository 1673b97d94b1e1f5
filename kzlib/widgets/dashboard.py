"""The heading of a Voila dashboard, in the language the page asks for.

A dashboard (``notebooks/dashboards/``, written by ``.ci/make_dashboards.py``) shows an
explorer, its title and one sentence on what to do. The title and the sentence are
English messages of the catalogues (``kzlib/locale``), so that a page asked for in
Kazakh or Russian (:func:`kzlib.i18n.dashboard_language`) reads in that language from
its heading down, not only in its explorer.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from kzlib.i18n import translator

__all__ = ["dashboard_heading"]


def dashboard_heading(title: str, sentence: str, notebook: str, lang: str = "en") -> widgets.HTML:
    """The dashboard's title, its sentence and a link to the full notebook, in ``lang``.

    Parameters
    ----------
    title
        The notebook's title (its first heading), an English message of the catalogues.
    sentence
        What to do with the explorer, in one English sentence of the catalogues.
    notebook
        The notebook's file name without ``.ipynb``: the link goes to
        ``../<notebook>.ipynb`` (the dashboards sit in ``notebooks/dashboards/``).
    lang
        ``"en"``, ``"kk"`` or ``"ru"``. A message the catalogue lacks stays English.

    Returns
    -------
    ipywidgets.HTML
        A heading and two paragraphs.

    Raises
    ------
    ValueError
        If ``lang`` is not a language of the collection.

    Examples
    --------
    >>> heading = dashboard_heading("10 · What-if lab", "Pick an election, move votes "
    ...                             "between options, and compare up to three rule sets.",
    ...                             "10_what_if_lab", "ru")
    >>> print(heading.value.split("<p>")[0])
    <h2>10 · Лаборатория «что, если»: интерактивная модель</h2>
    """
    _ = translator(lang)
    link = (f'<a href="../{html.escape(notebook)}.ipynb" target="_blank">'
            f"{html.escape(_(title))}</a>")
    return widgets.HTML(
        "<h2>" + html.escape(_("{title}: explorer").format(title=_(title))) + "</h2>"
        + "<p>" + html.escape(_(sentence)) + "</p>"
        + "<p>" + _("The story, the sources and the exercises are in the full notebook: "
                    "{notebook}.").format(notebook=link) + "</p>"
    )
