"""Notes cited by raised lists and ranges in two journal articles of the wild collection (tests/data/wild, see its
manifest.jsonl): npj Microgravity (Springer Nature) sets "well-being5–9" with an en dash, JAMA Network Open sets
"community settings.3-6" with a hyphen after the full stop. Each number a run cites is a marker of its own, and
each resolves to its reference.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import re

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles as parsed

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
NPJ = "npj-microgravity-2021-exercise-circadian-bed-rest.pdf"
JAMA = "jama-netw-open-2022-glasses-sars-cov-2.pdf"


def article(name: str) -> Article:
    (only,) = parsed(WILD / name)
    return only


def paragraph_with(name: str, words: str) -> str:
    (text,) = [p.text for p in article(name).paragraphs if words in p.text]
    return text


def cited(name: str) -> set[int]:
    return {int(number) for p in article(name).paragraphs for number in re.findall(r"\[(\d+)\]", p.text)}


def test_raised_range_with_an_en_dash_cites_every_note_it_runs_through() -> None:
    text = paragraph_with(NPJ, "adverse long-term effects on health")
    assert "health and well-being[5][6][7][8][9]. Astronauts" in text
    assert article(NPJ).footnotes[7].startswith("Scheer, F. A., Hilton, M. F., Mantzoros, C. S. & Shea, S. A.")


def test_raised_range_after_a_closing_parenthesis_is_read_as_markers() -> None:
    text = paragraph_with(NPJ, "range of average phase delays")
    assert "(range of average phase delays: ~1.3 to 4.0 min/day)[21][22][23]. However" in text
    assert article(NPJ).footnotes[22].startswith("Hurwitz, S., Cohen, R. J. & Williams, G. H.")


def test_raised_range_with_a_hyphen_after_the_full_stop_cites_every_note_it_runs_through() -> None:
    text = paragraph_with(JAMA, "no randomized clinical trial of eye protection")
    assert "either in health care or community settings.[3][4][5][6] To inform decisions" in text
    assert article(JAMA).footnotes[6].startswith("Hirt J, Janiaud P, Hemkens LG.")


def test_raised_list_and_raised_range_each_cite_their_notes() -> None:
    assert "with COVID-19.[10][11][12] In addition" in paragraph_with(JAMA, "underrepresentation of people")
    assert "during the COVID-19 pandemic.[17][18] The results" in paragraph_with(JAMA, "2 face mask")


def test_every_marker_of_the_jama_article_resolves_to_its_reference() -> None:
    assert cited(JAMA) == set(range(1, 22)) == set(article(JAMA).footnotes)


def test_heading_set_in_an_advent_3b2_bold_font_ends_the_references() -> None:
    """Springer Nature's fonts are embedded under hashed names with a weight suffix ("AdvOT3b30f6db.B"): the
    back matter's headings after the references (ACKNOWLEDGEMENTS, AUTHOR CONTRIBUTIONS ...) are bold, and end the
    reference list instead of running on as the last reference's words."""
    npj = article(NPJ)
    headings = [p.text for p in npj.paragraphs if p.kind == "heading"]
    assert {"ACKNOWLEDGEMENTS", "AUTHOR CONTRIBUTIONS", "COMPETING INTERESTS"} <= set(headings)
    assert any(p.text.startswith("We thank the European Space Agency (ESA)") for p in npj.paragraphs)
    assert not any("We thank" in note for note in npj.footnotes.values())


def test_run_in_section_heading_in_bold_capitals_is_a_heading_of_its_own() -> None:
    npj = article(NPJ)
    assert [p.kind for p in npj.paragraphs if p.text == "INTRODUCTION"] == ["heading"]
    assert any(p.text.startswith("Shift work, traveling through several time zones") for p in npj.paragraphs)


def test_one_letter_raised_to_two_digits_is_a_marker_not_a_power() -> None:
    """ "the software package R56": a variable is squared or cubed ("R² of the model" stays a power), a letter
    raised to two digits is the name its reference cites."""
    assert "performed using the software package R[56]." in paragraph_with(NPJ, "graphical illustrations")
    assert article(NPJ).footnotes[56].startswith("R Core Team. R: A Language and Environment for Statistical")


def test_chart_axis_values_a_hair_under_the_body_size_are_no_paragraphs() -> None:
    """Figure 1's three panels set their axis values ("37.6" to "36.0", a column at even steps beside the tick marks)
    and series' names in 8.6 and 6.7 points against a 9-point body: read off the chart by where they stand."""
    found = {p.text for p in article(NPJ).paragraphs}
    assert not {"37.6", "37.2", "36.0", "HDBR7", "HDBR49", "8 pm 0 am"} & found


def test_a_figures_panel_letters_and_titles_over_its_caption_are_no_headings() -> None:
    """Figure 1 letters its three panels "a" to "c" in 13-point bold and titles them "CTR", "RE", "RVE" over each
    plot, "Time Of Day" under the last, all larger than the 9-point text: the figure's, and its caption stays in
    the section it is set in."""
    paragraphs = article(NPJ).paragraphs
    assert not {"a", "b", "c", "CTR", "RVE", "Time Of Day"} & {p.text for p in paragraphs}
    caption = next(p for p in paragraphs if p.text.startswith("Fig. 1 Average 24-h rectal temperature"))
    assert caption.section == "DISCUSSION"


def test_a_chart_set_beside_tables_is_read_off_as_a_chart() -> None:
    """Figure 2 stands right of Tables 2 and 3, its axis's values from "2.0" down to "–2.0" (minus set as an en
    dash), its groups "CTR RE RVE RE+RVE" and the axis's title "Group" under it: none of them the text's."""
    paragraphs = article(NPJ).paragraphs
    assert not {"1.5", "–0.5", "–2.0 CTR RE RVE RE+RVE", "CTR RE RVE RE+RVE", "Group"} & {p.text for p in paragraphs}
    assert not any(p.text.startswith("g = 1.3") for p in paragraphs)
