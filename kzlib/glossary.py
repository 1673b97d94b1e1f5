"""The collection's terms and the parties' names in English, Kazakh and Russian.

``data/glossary.csv`` holds each term in the three languages with a one-sentence
English definition; ``data/party_names.csv`` holds each party's name, keyed by the
short label used in every ``party`` column of ``data/``. Each Kazakh and Russian form
carries its own source and status:

* ``"official"`` — an official page (the CEC, adilet.zan.kz, gov.kz, ...) uses it;
* ``"reported"`` — a news page uses it;
* ``"machine draft"`` — no source was found: our own draft, to be checked.

:func:`term` and :func:`party_name` look one form up, :func:`status` says how it is
backed, and :func:`glossary_table` lays the glossary out as a Markdown table. The
tables are read through :mod:`kzlib.data` (validated) unless given as ``rows``.

Examples
--------
>>> term("Mazhilis", "kk")
'Мәжіліс'
>>> term("threshold", "ru")
'барьер'
>>> status("threshold", "kk")
'official'
>>> party_name("QHP", "kk")
'Қазақстан Халық партиясы'
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kzlib import data

__all__ = ["LANGUAGES", "STATUSES", "glossary_table", "party_name", "status", "term"]

#: Language codes: English (the source language), Kazakh, Russian.
LANGUAGES: tuple[str, ...] = ("en", "kk", "ru")

#: How a form is backed, strongest first.
STATUSES: tuple[str, ...] = ("official", "reported", "machine draft")

_HEADERS = {"en": "English", "kk": "Қазақша", "ru": "Русский"}
_STATUS_HEADER = {"kk": "Дереккөз", "ru": "Источник"}

Rows = Sequence[dict[str, str]]


def _check_lang(lang: object) -> str:
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, got {lang!r}")
    if lang not in LANGUAGES:
        valid = ", ".join(repr(code) for code in LANGUAGES)
        raise ValueError(f"lang must be one of {valid}, got {lang!r}")
    return lang


def _find(rows: Rows, key: str, name: object, what: str) -> dict[str, str]:
    """The row whose ``key`` column is ``name`` (exact, then ignoring case)."""
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a str, got {name!r}")
    known = [row[key] for row in rows]
    for row in rows:
        if row[key] == name:
            return row
    for row in rows:
        if row[key].casefold() == name.casefold():
            return row
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    where = "party_names.csv" if what == "party" else "glossary.csv"
    raise ValueError(f"unknown {what} {name!r}{hint} (see data/{where})")


def _glossary(rows: Rows | None) -> Rows:
    return data.read_rows("glossary") if rows is None else rows


def term(name: str, lang: str = "en", *, rows: Rows | None = None) -> str:
    """One term of the glossary in English, Kazakh or Russian.

    Parameters
    ----------
    name
        The English term, as in the ``term_en`` column (case is ignored).
    lang
        ``"en"``, ``"kk"`` (Kazakh) or ``"ru"`` (Russian).
    rows
        The glossary rows; by default ``data/glossary.csv``, validated.

    Returns
    -------
    str
        The form in that language. Check :func:`status` before quoting it: a
        ``"machine draft"`` form has no source yet.

    Raises
    ------
    ValueError
        If the term is not in the glossary (the message suggests close names) or
        ``lang`` is not one of :data:`LANGUAGES`.
    TypeError
        If ``name`` or ``lang`` is not a string.

    Examples
    --------
    >>> term("maslikhat", "kk"), term("maslikhat", "ru")
    ('мәслихат', 'маслихат')
    >>> term("Central Election Commission", "kk")
    'Орталық сайлау комиссиясы'
    >>> term("against all", "ru")
    Traceback (most recent call last):
    ...
    ValueError: unknown term 'against all'; did you mean "'against all'"? (see data/glossary.csv)
    >>> term("Mazhilis", "de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'en', 'kk', 'ru', got 'de'
    """
    lang = _check_lang(lang)
    row = _find(_glossary(rows), "term_en", name, "term")
    return row[f"term_{lang}"]


def status(name: str, lang: str, *, rows: Rows | None = None) -> str:
    """How the Kazakh or Russian form of a glossary term is backed.

    Parameters
    ----------
    name
        The English term (case is ignored).
    lang
        ``"kk"`` or ``"ru"`` (English is the source language: it has no status).
    rows
        The glossary rows; by default ``data/glossary.csv``.

    Returns
    -------
    str
        One of :data:`STATUSES`.

    Raises
    ------
    ValueError
        For an unknown term, or a ``lang`` other than ``"kk"`` or ``"ru"``.

    Examples
    --------
    >>> status("Mazhilis", "ru")
    'official'
    >>> status("D'Hondt method", "kk")
    'machine draft'
    >>> status("Mazhilis", "en")
    Traceback (most recent call last):
    ...
    ValueError: lang must be 'kk' or 'ru' for a status, got 'en'
    """
    lang = _check_lang(lang)
    if lang == "en":
        raise ValueError(f"lang must be 'kk' or 'ru' for a status, got {lang!r}")
    row = _find(_glossary(rows), "term_en", name, "term")
    return row[f"status_{lang}"]


def party_name(party: str, lang: str = "en", *, rows: Rows | None = None) -> str:
    """A party's name in English, Kazakh or Russian.

    Parameters
    ----------
    party
        The short label used in ``data/`` (see ``kzlib.data.PARTY_NAMES``), e.g.
        ``"JSDP"``.
    lang
        ``"en"``, ``"kk"`` or ``"ru"``.
    rows
        The party-name rows; by default ``data/party_names.csv``.

    Returns
    -------
    str
        The name in that language (nominative case).

    Raises
    ------
    ValueError
        If the party or the language is unknown.

    Examples
    --------
    >>> party_name("JSDP", "ru")
    'Общенациональная социал-демократическая партия'
    >>> party_name("Ak Zhol", "kk")
    'Қазақстанның «Ақ жол» демократиялық партиясы'
    >>> party_name("Ak Jol", "kk")
    Traceback (most recent call last):
    ...
    ValueError: unknown party 'Ak Jol'; did you mean 'Ak Zhol'? (see data/party_names.csv)
    """
    lang = _check_lang(lang)
    table = data.read_rows("party_names") if rows is None else rows
    row = _find(table, "party", party, "party")
    return row[f"name_{lang}"]


def glossary_table(lang: str = "kk", *, rows: Rows | None = None) -> str:
    """The glossary as a Markdown table: English beside one other language.

    Parameters
    ----------
    lang
        ``"kk"`` or ``"ru"``: the English term, the form in that language and its
        status, a machine draft marked as such. ``"en"``: each term with its
        definition.
    rows
        The glossary rows; by default ``data/glossary.csv``.

    Returns
    -------
    str
        A Markdown table, one term a line, in the file's order.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> print("\\n".join(glossary_table("kk").splitlines()[:4]))
    | English | Қазақша | Дереккөз |
    |---|---|---|
    | Parliament | Парламент | official |
    | Mazhilis | Мәжіліс | official |
    >>> print(glossary_table("en").splitlines()[3])
    | Mazhilis | The lower chamber of Parliament until 1 July 2026; 98 deputies from 2023. |
    """
    lang = _check_lang(lang)
    table = _glossary(rows)

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    if lang == "en":
        lines = ["| English | Definition |", "|---|---|"]
        lines += [f"| {cell(r['term_en'])} | {cell(r['definition_en'])} |" for r in table]
    else:
        lines = [f"| English | {_HEADERS[lang]} | {_STATUS_HEADER[lang]} |", "|---|---|---|"]
        lines += [
            f"| {cell(r['term_en'])} | {cell(r[f'term_{lang}'])} | {r[f'status_{lang}']} |"
            for r in table
        ]
    return "\n".join(lines)
