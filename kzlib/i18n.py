"""The explorers in English, Kazakh and Russian: gettext catalogues and number display.

English is the source language: every user-visible string of an explorer is an
English ``msgid``. Its Kazakh and Russian forms live in standard gettext catalogues,
``kzlib/locale/<lang>/LC_MESSAGES/kzlib.po`` (the template is ``kzlib/locale/kzlib.pot``),
so translators can use the usual tools (Poedit, msgfmt, msgmerge). This module reads
the ``.po`` files itself (a small reader, no compiled ``.mo`` and no new dependency):

* :func:`translator` gives the ``_`` function of a language;
* :func:`read_po` parses a catalogue (used by :func:`translator` and the tests);
* :func:`format_number` shows a number the way a Kazakh or Russian reader expects
  (a narrow no-break space between thousands, a decimal comma): for display only;
* :func:`dashboard_language` is the language a Voila dashboard asks for.

A form marked ``#, fuzzy`` is skipped, as gettext does. Our own translations are not
fuzzy: each carries the translator comment ``machine draft — check against an official
source``; forms taken from ``data/glossary.csv`` name the glossary term and its status.

Examples
--------
>>> _ = translator("kk")
>>> _("Threshold (%)")
'Пайыздық меже (%)'
>>> translator("en")("Threshold (%)")
'Threshold (%)'
>>> format_number(1234567.891, "ru", ",.2f")
'1\\u202f234\\u202f567,89'
>>> format_number(1234567.891, "en", ",.2f")
'1,234,567.89'
"""

from __future__ import annotations

import functools
import os
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LANGUAGES",
    "LOCALE_DIR",
    "MACHINE_DRAFT",
    "PoEntry",
    "catalogue",
    "check_language",
    "dashboard_language",
    "format_number",
    "message_key",
    "po_path",
    "read_po",
    "translator",
]

#: Language codes: English (the source language), Kazakh, Russian.
LANGUAGES: tuple[str, ...] = ("en", "kk", "ru")

#: Where the catalogues are (shipped in the wheel).
LOCALE_DIR: Path = Path(__file__).resolve().parent / "locale"

#: The translator comment on every form we drafted ourselves.
MACHINE_DRAFT = "machine draft — check against an official source"

_DOMAIN = "kzlib"
# Narrow no-break space: a thin gap between thousands that never breaks a number.
_THIN = "\u202f"
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


@dataclass(frozen=True)
class PoEntry:
    """One message of a ``.po`` file: the English ``msgid``, its ``msgstr``, the
    translator comments (``# ...`` lines) and the flags (``#, ...``)."""

    msgid: str
    msgstr: str
    comments: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


def check_language(lang: object) -> str:
    """``lang`` if it is one of :data:`LANGUAGES`.

    Raises
    ------
    TypeError
        If ``lang`` is not a string.
    ValueError
        If it is not a language of the collection; the message names it.

    Examples
    --------
    >>> check_language("ru")
    'ru'
    >>> check_language("de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'en', 'kk', 'ru', got 'de'
    """
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, got {lang!r}")
    if lang not in LANGUAGES:
        valid = ", ".join(repr(code) for code in LANGUAGES)
        raise ValueError(f"lang must be one of {valid}, got {lang!r}")
    return lang


def po_path(lang: str) -> Path:
    """The catalogue of ``lang`` (``"kk"`` or ``"ru"``; English has none)."""
    if check_language(lang) == "en":
        raise ValueError("lang 'en' is the source language: it has no catalogue")
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{_DOMAIN}.po"


def _unquote(token: str, where: str) -> str:
    if len(token) < 2 or not (token.startswith('"') and token.endswith('"')):
        raise ValueError(f"{where}: expected a quoted string, got {token!r}")
    body, out, i = token[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise ValueError(f"{where}: unknown escape in {token!r}")
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        elif ch == '"':
            raise ValueError(f"{where}: unescaped quote in {token!r}")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(text: str) -> dict[str, PoEntry]:
    """The messages of a ``.po`` file's text, by key (the header entry left out).

    The key is the ``msgid``, or, for a message with a ``msgctxt`` (one English word
    that needs two translations, such as "to" a party and "to" a date), gettext's
    ``context + "\\x04" + msgid`` (see :func:`message_key`). Handles what our
    catalogues use: comments, flags, ``msgctxt``/``msgid``/``msgstr`` over several
    quoted lines, the usual escapes. Plural forms are refused.

    Raises
    ------
    ValueError
        On a line it cannot read (the message gives the line number), a duplicate
        ``msgid``, or an entry without ``msgstr``.

    Examples
    --------
    >>> po = 'msgid ""\\nmsgstr ""\\n\\n# note\\n#, fuzzy\\nmsgid "yes"\\nmsgstr "да"\\n'
    >>> read_po(po)["yes"]
    PoEntry(msgid='yes', msgstr='да', comments=('note',), flags=('fuzzy',))
    >>> list(read_po('msgctxt "move votes"\\nmsgid "to"\\nmsgstr "к"\\n'))
    ['move votes\\x04to']
    >>> read_po('msgid "a"\\nmsgid_plural "b"\\n')
    Traceback (most recent call last):
    ...
    ValueError: line 2: msgid_plural is not supported
    """
    entries: dict[str, PoEntry] = {}
    comments: list[str] = []
    flags: list[str] = []
    fields: dict[str, str] = {}
    current: str | None = None
    start = 1  # the first line of the entry being read

    def flush(lineno: int) -> None:
        nonlocal comments, flags, fields, current, start
        if fields:
            if "msgid" not in fields or "msgstr" not in fields:
                raise ValueError(f"line {start}: an entry needs both msgid and msgstr")
            msgid = fields["msgid"]
            key = message_key(msgid, fields.get("msgctxt"))
            if key in entries:
                raise ValueError(f"line {start}: duplicate msgid {msgid!r}")
            if msgid:  # the header entry (msgid "") holds metadata, not a message
                entries[key] = PoEntry(msgid, fields["msgstr"], tuple(comments), tuple(flags))
        comments, flags, fields, current, start = [], [], {}, None, lineno

    lines = text.splitlines()
    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        where = f"line {lineno}"
        if not line:
            flush(lineno + 1)
        elif line.startswith("#"):
            if fields:  # a comment starts the next entry
                flush(lineno)
            if line.startswith("#,"):
                flags.extend(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("# ") or line == "#":
                comments.append(line[2:])
            # "#." (extracted), "#:" (references), "#|" (previous) are kept by the tools only
        elif line.startswith('"'):
            if current is None:
                raise ValueError(f"{where}: a string outside an entry")
            fields[current] += _unquote(line, where)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword == "msgid_plural" or keyword.startswith("msgstr["):
                raise ValueError(f"{where}: {keyword} is not supported")
            if keyword not in ("msgctxt", "msgid", "msgstr"):
                raise ValueError(f"{where}: cannot read {raw!r}")
            # msgctxt, or a msgid without one, starts the next entry
            starts = keyword == "msgctxt" or (keyword == "msgid" and set(fields) != {"msgctxt"})
            if fields and starts:
                flush(lineno)
            if keyword in fields:
                raise ValueError(f"{where}: a second {keyword} in one entry")
            fields[keyword] = _unquote(rest.strip(), where)
            current = keyword
    flush(len(lines) + 1)
    return entries


@functools.lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str) -> Mapping[str, str]:
    """Key (:func:`message_key`) -> translation for ``lang`` (empty and fuzzy forms left
    out; empty for "en")."""
    if check_language(lang) == "en":
        return {}
    entries = read_po(po_path(lang).read_text(encoding="utf-8"))
    return {
        msgid: entry.msgstr
        for msgid, entry in entries.items()
        if entry.msgstr and "fuzzy" not in entry.flags
    }


def message_key(msgid: str, context: str | None = None) -> str:
    """How a catalogue finds a message: its ``msgid``, or ``context`` + ``"\\x04"`` +
    ``msgid`` when it has a context (the convention of gettext's ``pgettext``).

    >>> message_key("to"), message_key("to", "move votes")
    ('to', 'move votes\\x04to')
    """
    return msgid if context is None else f"{context}\x04{msgid}"


def translator(lang: str = "en") -> Callable[..., str]:
    """The ``_`` function of ``lang``: an English message in that language.

    ``_(message)`` translates a message; ``_(message, context)`` one whose English
    word needs more than one translation (the entry's ``msgctxt``, as gettext's
    ``pgettext``). A message the catalogue lacks stays in English (as in gettext);
    the tests check that the explorers' messages are all translated.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> translator("ru")("yes"), translator("kk")("yes")
    ('да', 'иә')
    >>> translator("ru")("to", "move votes"), translator("en")("to", "move votes")
    ('к', 'to')
    >>> translator("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'en', 'kk', 'ru', got 'fr'
    """
    messages = catalogue(check_language(lang))

    def _(message: str, context: str | None = None) -> str:
        return messages.get(message_key(message, context), message)

    return _


def format_number(value: float, lang: str, spec: str = ",") -> str:
    """``value`` formatted with the format ``spec``, in the reader's convention.

    English keeps Python's ``1,234.5``; Kazakh and Russian get ``1 234,5`` (a narrow
    no-break space between thousands, a decimal comma). Only the text changes.

    Examples
    --------
    >>> format_number(5.25, "kk", "g")
    '5,25'
    >>> format_number(12345, "ru")
    '12\\u202f345'
    >>> format_number(0.5, "en", ".2f")
    '0.50'
    """
    text = format(value, spec)
    if check_language(lang) == "en":
        return text
    return text.replace(",", _THIN).replace(".", ",")


def dashboard_language(environ: Mapping[str, str] | None = None) -> str:
    """The language a dashboard is asked for: ``?lang=`` in its Voila address, else the
    environment variable ``KZ_LANG`` (``make dashboard LANG=kk`` sets it), else ``"en"``.

    Voila gives the kernel the page's query string as ``QUERY_STRING``.

    Examples
    --------
    >>> dashboard_language({})
    'en'
    >>> dashboard_language({"KZ_LANG": "kk"})
    'kk'
    >>> dashboard_language({"KZ_LANG": "kk", "QUERY_STRING": "lang=ru"})
    'ru'
    >>> dashboard_language({"KZ_LANG": "xx"})
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'en', 'kk', 'ru', got 'xx'
    """
    env = os.environ if environ is None else environ
    asked = urllib.parse.parse_qs(env.get("QUERY_STRING", "")).get("lang")
    if asked:
        return check_language(asked[-1])
    return check_language(env.get("KZ_LANG", "").strip() or "en")
