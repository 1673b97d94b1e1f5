"""The trilingual glossary and party names (the two CSV files and kzlib.glossary)."""

from __future__ import annotations

import warnings
from urllib.parse import urlparse

import pytest

from kzlib import data, glossary

KAZAKH_LETTERS = "әғқңөұүһі"
# No sourced glossary term uses һ (it occurs in a few loanwords, none of them political
# or electoral terms); the font test below still draws it, in both cases.
LETTERS_IN_TERMS = KAZAKH_LETTERS.replace("һ", "")
# Labels in the party columns that are not parties.
NOT_PARTIES = {"Independents", "Against all", "Not stated"}
# Hosts whose pages count as "official": the Kazakh state (gov.kz, the CEC, the legal
# database Adilet of the Ministry of Justice, Akorda) and the CIS Executive Committee.
OFFICIAL_HOSTS = ("gov.kz", "adilet.zan.kz", "akorda.kz", "cis.minsk.by")


@pytest.fixture(scope="module")
def terms():
    return data.read_rows("glossary")


@pytest.fixture(scope="module")
def parties():
    return data.read_rows("party_names")


def _weaker(a: str, b: str) -> str:
    return max(a, b, key=glossary.STATUSES.index)


@pytest.mark.parametrize("table, prefix", [("glossary", "term"), ("party_names", "name")])
def test_every_row_has_three_forms_and_a_source_for_each_sourced_form(table, prefix):
    for row in data.read_rows(table):
        for lang in glossary.LANGUAGES:
            assert row[f"{prefix}_{lang}"].strip(), (row, lang)
        for lang in ("kk", "ru"):
            status, url = row[f"status_{lang}"], row[f"source_{lang}"]
            assert status in glossary.STATUSES, row
            if status == "machine draft":
                assert url == "", (row[f"{prefix}_en"], lang, "a draft has no source")
            else:
                assert url.startswith(("http://", "https://")), (row[f"{prefix}_en"], lang)
        assert row["status"] == _weaker(row["status_kk"], row["status_ru"]), row
        # The row's source is the Russian one, else the Kazakh one (else an English page).
        if row["source_ru"] or row["source_kk"]:
            assert row["source"] == (row["source_ru"] or row["source_kk"]), row


@pytest.mark.parametrize("table", ["glossary", "party_names"])
def test_official_forms_come_from_official_hosts(table):
    for row in data.read_rows(table):
        for lang in ("kk", "ru"):
            if row[f"status_{lang}"] == "official":
                host = urlparse(row[f"source_{lang}"]).hostname or ""
                assert host.endswith(OFFICIAL_HOSTS), (row["source_" + lang], lang)


def test_at_least_sixty_terms(terms):
    assert len(terms) >= 60
    assert len({r["term_en"].casefold() for r in terms}) == len(terms)


def test_the_terms_the_issue_names_are_there(terms):
    names = {r["term_en"] for r in terms}
    assert {
        "Mazhilis", "Senate", "Kurultai", "maslikhat", "akim", "'against all'", "party list",
        "threshold", "quota (Hare quota)", "remainder", "single-member district", "referendum",
        "turnout", "Central Election Commission", "Constitutional Court", "Ombudsperson",
        "People's Council (Halyk Kenesi)",
    } <= names


def test_kazakh_letters_appear_in_the_kazakh_column(terms):
    text = " ".join(r["term_kk"] for r in terms).lower()
    assert set(LETTERS_IN_TERMS) <= set(text)


def _draw(lines: list[str]) -> None:
    """Draw text lines in a figure with the chart font; warnings become errors."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 0.2 * len(lines) + 1))
    FigureCanvasAgg(fig)
    for i, line in enumerate(lines):
        fig.text(0.01, 1 - (i + 1) / (len(lines) + 1), line, fontsize=8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_kazakh_forms_render_without_missing_glyphs(terms, parties):
    letters = KAZAKH_LETTERS + KAZAKH_LETTERS.upper()
    _draw([letters] + [r["term_kk"] for r in terms] + [r["name_kk"] for r in parties])


def test_a_missing_glyph_is_caught():
    # The check above is worth something only if a missing glyph does fail it.
    with pytest.raises(UserWarning, match="(?i)glyph"):
        _draw(["Party \U0001F5F3"])


def test_party_keys_match_the_labels_used_in_data(parties):
    used: set[str] = set()
    for name, ds in data.CATALOGUE.items():
        for col in ds.columns:
            if col.kind == "party" and name != "party_names":
                used |= {row[col.name] for row in data.read_rows(name)}
    assert {r["party"] for r in parties} == used - NOT_PARTIES
    assert {r["party"] for r in parties} == set(data.PARTY_NAMES) - NOT_PARTIES


def test_lookups():
    assert glossary.term("Mazhilis") == "Mazhilis"
    assert glossary.term("mazhilis", "kk") == "Мәжіліс"
    assert glossary.term("MAZHILIS", "ru") == "Мажилис"
    assert glossary.party_name("QHP", "ru") == "Народная партия Казахстана"
    assert glossary.party_name("Baitaq") == "Kazakhstan Green Party 'Baitaq'"
    assert glossary.status("akimat", "ru") == "reported"
    assert glossary.status("Sainte-Laguë method", "ru") == "machine draft"


def test_lookups_take_rows_instead_of_the_file():
    rows = [{"term_en": "x", "term_kk": "ы", "term_ru": "ы", "status_kk": "reported"}]
    assert glossary.term("x", "kk", rows=rows) == "ы"
    assert glossary.status("x", "kk", rows=rows) == "reported"


@pytest.mark.parametrize("call, message", [
    (lambda: glossary.term("Mazhilys", "kk"), r"unknown term 'Mazhilys'; did you mean 'Mazhilis'"),
    (lambda: glossary.term("no such thing", "kk"), r"^unknown term 'no such thing' \(see"),
    (lambda: glossary.term("Mazhilis", "de"), r"lang must be one of 'en', 'kk', 'ru', got 'de'"),
    (lambda: glossary.term("Mazhilis", "KK"), r"got 'KK'"),
    (lambda: glossary.status("Mazhilis", "en"), r"lang must be 'kk' or 'ru' for a status"),
    (lambda: glossary.party_name("Nur-Otan", "kk"), r"unknown party 'Nur-Otan'.*'Nur Otan'"),
    (lambda: glossary.party_name("Amanat", "fr"), r"got 'fr'"),
    (lambda: glossary.glossary_table("en-GB"), r"got 'en-GB'"),
])
def test_errors_name_the_bad_value(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("call", [
    lambda: glossary.term(None, "kk"),
    lambda: glossary.term("Mazhilis", 1),
    lambda: glossary.party_name(["Amanat"]),
])
def test_type_errors(call):
    with pytest.raises(TypeError, match="must be a str"):
        call()


@pytest.mark.parametrize("lang", glossary.LANGUAGES)
def test_glossary_table_has_a_line_per_term(terms, lang):
    lines = glossary.glossary_table(lang).splitlines()
    assert len(lines) == len(terms) + 2
    assert set(lines[1]) == {"|", "-"}
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines[:1] + lines[2:])
    if lang != "en":
        drafts = [line for line in lines if line.endswith("| machine draft |")]
        assert len(drafts) == sum(r[f"status_{lang}"] == "machine draft" for r in terms)
