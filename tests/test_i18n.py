"""The explorers in Kazakh and Russian (kzlib.i18n, kzlib/locale/, tests/i18n_drivers.py).

Every message the two explorers show, in any state a student can reach, has a Kazakh
and a Russian form in the catalogues; the catalogues parse and keep the placeholders;
the charts draw Kazakh letters without a missing glyph; English is unchanged.
"""

from __future__ import annotations

import importlib
import itertools
import re
import warnings

import pytest
from explorers import alt_text, record_figures
from i18n_drivers import DRIVERS
from matplotlib.text import Text

from kzlib import i18n
from kzlib.widgets import mixed as M
from kzlib.widgets import threshold as T

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-z]+>")


EXPLORER_MODULES = ["kzlib.widgets.common", *DRIVERS]


@pytest.fixture()
def recorded(monkeypatch):
    """Every message the explorers ask ``_`` for, by language."""
    asked: dict[str, set[str]] = {}

    def recording(lang: str = "en"):
        real = i18n.translator(lang)

        def _(message: str, context: str | None = None) -> str:
            asked.setdefault(lang, set()).add(i18n.message_key(message, context))
            return real(message, context)

        return _

    for name in EXPLORER_MODULES:
        monkeypatch.setattr(importlib.import_module(name), "translator", recording)
    return asked


@pytest.fixture(scope="module")
def messages() -> dict[str, dict[str, i18n.PoEntry]]:
    return {lang: i18n.read_po(i18n.po_path(lang).read_text(encoding="utf-8"))
            for lang in ("kk", "ru")}


@pytest.mark.parametrize("module", list(DRIVERS))
def test_every_message_of_an_explorer_is_translated(recorded, module):
    for lang in i18n.LANGUAGES:
        for drive in DRIVERS[module]:
            drive(lang)
    # The same messages are asked for whatever the language (no English-only path).
    assert recorded["en"] == recorded["kk"] == recorded["ru"]
    assert recorded["en"], module
    for lang in ("kk", "ru"):
        missing = sorted(m for m in recorded[lang] if not i18n.catalogue(lang).get(m))
        assert not missing, f"{lang}: no translation for {missing}"


def test_the_catalogues_hold_what_the_explorers_use(recorded, messages):
    for lang in i18n.LANGUAGES:
        for drivers in DRIVERS.values():
            for drive in drivers:
                drive(lang)
    template = i18n.read_po((i18n.LOCALE_DIR / "kzlib.pot").read_text(encoding="utf-8"))
    for lang in ("kk", "ru"):
        # No stale message either: the catalogue is what the explorers use.
        assert set(messages[lang]) == recorded[lang] == set(template), (
            lang, sorted(set(messages[lang]) ^ recorded[lang]),
            sorted(set(template) ^ recorded[lang]))


def test_translations_keep_placeholders_and_markup(messages):
    for lang, entries in messages.items():
        for msgid, entry in entries.items():
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
                PLACEHOLDER.findall(msgid)), (lang, msgid)
            assert sorted(TAG.findall(entry.msgstr)) == sorted(TAG.findall(msgid)), (lang, msgid)
            assert ("python-brace-format" in entry.flags) == ("{" in msgid), (lang, msgid)


def test_every_form_says_how_it_is_backed(messages):
    from kzlib import glossary

    for lang, entries in messages.items():
        for msgid, entry in entries.items():
            assert "fuzzy" not in entry.flags, (lang, msgid)
            drafts = [c for c in entry.comments if c == i18n.MACHINE_DRAFT]
            taken = [c for c in entry.comments if c.startswith("glossary: ")]
            assert len(drafts) + len(taken) == 1, (lang, msgid)
            if taken:
                # "glossary: '<term>' (<status>), <url>": the form and status as in data/.
                term = re.match(r"glossary: '([^']+)' \(([^)]+)\)", taken[0])
                assert term, taken[0]
                assert glossary.term(term[1], lang).casefold() in entry.msgstr.casefold()
                assert glossary.status(term[1], lang) == term[2]


def test_the_glossary_forms_are_used():
    _kk, _ru = i18n.translator("kk"), i18n.translator("ru")
    assert _kk("threshold") == "пайыздық меже" and _ru("threshold") == "барьер"
    assert _kk("Mazhilis {year}").format(year=2023) == "Мәжіліс 2023"
    assert _ru("Mazhilis {year}").format(year=2023) == "Мажилис 2023"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of 'en', 'kk', 'ru', got 'de'"):
        i18n.translator("de")
    with pytest.raises(ValueError, match="got 'kz'"):
        T.build_threshold_explorer(lang="kz")
    with pytest.raises(ValueError, match="got 'RU'"):
        M.build_mixed_explorer(lang="RU")
    with pytest.raises(TypeError, match="lang must be a str"):
        i18n.translator(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="source language"):
        i18n.po_path("en")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', "line 3: duplicate msgid 'a'"),
        ('msgid "a"\n', "an entry needs both msgid and msgstr"),
        ('msgid "a\nmsgstr "b"\n', "line 1: expected a quoted string"),
        ('msgid "a"\nmsgstr "b\\q"\n', "line 2: unknown escape"),
        ('"stray"\n', "line 1: a string outside an entry"),
        ('msgid "a"\nmsgid_plural "as"\n', "line 2: msgid_plural is not supported"),
        ('msgid "a"\nmsgstr[0] "b"\n', "msgstr\\[0\\] is not supported"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "a second msgstr"),
        ("hello\n", "line 1: cannot read 'hello'"),
    ],
)
def test_a_broken_po_file_is_refused(text, error):
    with pytest.raises(ValueError, match=error):
        i18n.read_po(text)


def test_the_po_reader():
    text = (
        '# header comment\nmsgid ""\nmsgstr ""\n"Language: kk\\n"\n\n'
        '# machine draft\n#: kzlib/widgets/x.py:1\n#, fuzzy, python-brace-format\n'
        'msgid ""\n"two {n} "\n"lines"\nmsgstr "екі \\"{n}\\"\\n"\n'
        '#, python-brace-format\nmsgid "b"\nmsgstr ""\n'
    )
    entries = i18n.read_po(text)
    assert list(entries) == ["two {n} lines", "b"]
    first = entries["two {n} lines"]
    assert first.msgstr == 'екі "{n}"\n'
    assert first.comments == ("machine draft",)
    assert first.flags == ("fuzzy", "python-brace-format")
    assert entries["b"].msgstr == ""


def test_fuzzy_and_empty_forms_are_not_used(monkeypatch, tmp_path):
    folder = tmp_path / "kk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "kzlib.po").write_text(
        '#, fuzzy\nmsgid "yes"\nmsgstr "иә"\n\nmsgid "no"\nmsgstr ""\n\n'
        'msgid "party"\nmsgstr "партия"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        _ = i18n.translator("kk")
        assert (_("yes"), _("no"), _("party")) == ("yes", "no", "партия")
    finally:
        i18n.catalogue.cache_clear()


def test_numbers_are_shown_the_readers_way():
    assert i18n.format_number(6366441.0, "kk", ",.0f") == "6\u202f366\u202f441"
    assert i18n.format_number(2.3, "ru", ".2f") == "2,30"
    assert i18n.format_number(6366441.0, "en", ",.0f") == "6,366,441"
    ex = T.build_threshold_explorer(lang="ru")
    assert "6\u202f366\u202f441" in ex.text.value and "<b>318\u202f323</b>" in ex.text.value
    # Only the display changes: the result is the one of the English explorer.
    assert ex.result == T.build_threshold_explorer().result


def test_the_explorers_in_kazakh_and_russian():
    kk = T.build_threshold_explorer(lang="kk")
    assert kk.controls["threshold"].description == "Пайыздық меже (%)"
    assert "Мандаттар ресми нәтижемен бірдей (Мәжіліс 2023)" in kk.text.value
    ru = M.build_mixed_explorer(lang="ru")
    assert ru.controls["list_share"].description == "Доля списков из 98 мест (%)"
    assert ru.controls["system"].options[0][0].startswith("параллельная")
    assert "Большинство: 50 (из 98); достигает: <b>Amanat</b> (62)" in ru.text.value
    # The party names stay as in data/.
    assert "<td>Amanat</td>" in ru.text.value and "<td>Amanat</td>" in kk.text.value


def test_the_panel_error_is_translated():
    ex = T.build_threshold_explorer(lang="kk")
    ex.controls["election"].value = 2012  # our sources have no ballots figure for 2012
    ex.controls["base"].value = "ballots"
    assert "Біздің дереккөздерде" in ex.error.value


def test_english_words_of_the_mixed_result_are_rebuilt_exactly():
    # The explorer says result.design and result.note in its language from their parts:
    # in English the parts give back kzlib.mixed's own words.
    _ = i18n.translator("en")
    model = M.MixedModel()
    for share, system, district, reading, overhang in itertools.product(
        [0, 50, 70, 100], ["parallel", "compensatory"], list(M.MODEL_LABELS),
        list(M.READING_LABELS), ["keep", "fixed", "level"],
    ):
        model.set_trait("list_share", share)
        model.system, model.district_model = system, district
        model.reading, model.overhang = reading, overhang
        result = model.result
        assert M._note(model, result, _) == result.note
        assert M._design(result, _) == result.design


ALL_DRIVERS = [drive for drivers in DRIVERS.values() for drive in drivers]


@pytest.mark.parametrize("drive", ALL_DRIVERS, ids=lambda d: d.__name__)
def test_kazakh_letters_have_glyphs_in_the_charts(drive, monkeypatch):
    made = record_figures(monkeypatch)
    # matplotlib warns "Glyph ... missing from font(s)" for a letter it cannot draw.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ex = drive("kk")
        for fig in made:
            fig.canvas.draw()
    if made:
        drawn = " ".join(t.get_text() for fig in made for t in fig.findobj(Text))
        assert re.search("[әғқңөұүһі]", drawn), "no Kazakh letter in the chart"
        alt = alt_text(ex)
        assert re.search("[әғқңөұүһі]", alt), alt


# Latin words a Kazakh or Russian panel may show: party names as in data/, the names of
# sources (and their addresses) and of the MMP design, file paths, kzlib itself.
ALLOWED_LATIN = re.compile(
    r"data/\S*|kzlib|MMP|Wikipedia|ElectionGuide|JSDP|Amanat|Nur Otan|Auyl|Respublica|Ak Zhol"
    r"|QHP|Baitaq|Adal|Birlik|Adilet|Rukhaniyat|Communist People's Party|Party of Patriots"
    r"|Otan|Asar|AIST"
    r"|Sputnik|East-West Stream|e-history\.kz"
    # the sources' addresses and the names of news sources the akim explorer quotes
    r"|https?://\S+|Astana Times|qmonitor\.kz|Kazinform|CABAR\.asia|PBN H\+K Strategies|kt\.kz"
    # ... and those of the reform explorer, and the numbers of laws (No. 153-VII)
    r"|IPU Parline|RFE/RL|constitution\.kz|\d+-VII|IPU|ANI/EIU|bes\.media|The Diplomat|EFE|OSDP"
    # the source of the 2022 presidential results (notebook 02 chart)
    r"|baribar\.kz"
)


def english_left(text: str) -> list[str]:
    """Latin words of three letters or more, once markup and allowed names are removed."""
    text = ALLOWED_LATIN.sub(" ", re.sub(r"<[^>]*>|&#x27;|&quot;|&amp;", " ", text))
    return re.findall(r"[A-Za-z]{3,}", text)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("drive", ALL_DRIVERS, ids=lambda d: d.__name__)
def test_no_english_is_left_in_kazakh_or_russian(drive, lang, monkeypatch):
    # Catches a string that never goes through _ (the catalogue test cannot see it).
    made = record_figures(monkeypatch)
    seen = []
    for ex in (drive(lang),):
        seen.append(ex.text.value)
        seen.append(alt_text(ex))
        for control in ex.controls.values():
            seen.append(control.description)
            seen.extend(label for label, _value in getattr(control, "options", ()))
    for fig in made:
        fig.canvas.draw()
        seen.extend(t.get_text() for t in fig.findobj(Text))
    left = sorted({word for text in seen for word in english_left(str(text))})
    assert not left, f"{lang}: English words left: {left}"


@pytest.mark.parametrize(("name", "lang", "label"), [
    ("05_threshold_7_to_5", "kk", "Пайыздық меже (%)"),
    ("07_mazhilis_mixed_system", "ru", "Доля списков из 98 мест (%)"),
])
def test_a_dashboard_speaks_the_language_asked_for(name, lang, label, monkeypatch):
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "notebooks" / "dashboards" / f"{name}.ipynb"
    code = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][1]["source"])
    for env, expected in [({"KZ_LANG": lang}, lang), ({"QUERY_STRING": f"lang={lang}"}, lang),
                          ({}, "en")]:
        monkeypatch.delenv("KZ_LANG", raising=False)
        monkeypatch.delenv("QUERY_STRING", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        namespace: dict = {}
        imports, call = code.split("\n\n")
        exec(imports, namespace)
        explorer = eval(call, namespace)
        labels = [c.description for c in explorer.controls.values()]
        assert (label in labels) == (expected != "en"), (env, labels)


def test_make_dashboard_passes_the_language_to_the_kernel():
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    root = Path(__file__).resolve().parent.parent

    def dry_run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "-n", "dashboard", *args], cwd=root,
                              capture_output=True, text=True, check=False)

    assert "KZ_LANG=kk" in dry_run("LANG=kk").stdout
    assert "LANG=C.UTF-8 KZ_LANG=ru" in dry_run("LANG=ru").stdout
    refused = dry_run("LANG=de")
    assert refused.returncode != 0 and "LANG must be en, kk or ru, got 'de'" in refused.stderr


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_translated_chart_texts_fit_the_figure(lang, monkeypatch):
    # The charts have a fixed layout sized for English: a longer title would be cut off.
    made = record_figures(monkeypatch)
    threshold = T.build_threshold_explorer(lang=lang)
    mixed = M.build_mixed_explorer(lang=lang)
    bars, stacked = made
    states = [(threshold, bars, {"election": y, "base": b})
              for y in T.ELECTIONS for b in ("votes", "votes_and_against_all", "ballots")]
    states += [(mixed, stacked, {"system": s, "list_share": n})
               for s in ("parallel", "compensatory") for n in (0, 70, 100)]
    for explorer, fig, state in states:
        for name, value in state.items():
            explorer.controls[name].value = value
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text():
                box = text.get_window_extent(renderer)
                assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1, (state, text.get_text())
    # Party and row names under the bars are wrapped between words, never inside one.
    _ = i18n.translator(lang)
    ticks = [t.get_text().replace("\n", " ") for t in stacked.axes[0].get_xticklabels()]
    assert _("Independents") in ticks and _("Disputed") in ticks


def test_the_catalogues_are_shipped_in_the_wheel():
    # pyproject.toml's package-data for "kzlib" must match every catalogue file (the
    # wheel test imports every module, but kzlib.i18n reads a catalogue only when asked).
    import fnmatch
    import tomllib

    root = i18n.LOCALE_DIR.parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["kzlib"]
    files = [p.relative_to(root / "kzlib").as_posix() for p in i18n.LOCALE_DIR.rglob("*")
             if p.is_file()]
    assert len(files) == 3
    for name in files:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
