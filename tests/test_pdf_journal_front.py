"""Two journal articles' front matter: a medical journal's title over its subtitle, its authors with their degrees
(JAMA Network Open), and a byline whose names carry affiliation numbers and the corresponding author's envelope
(npj Microgravity)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import Article
from tests.parsed import articles

WILD = Path(__file__).parent / "data" / "wild"


@pytest.fixture(scope="module")
def jama() -> Article:
    (parsed,) = articles(WILD / "jama-netw-open-2022-glasses-sars-cov-2.pdf")
    return parsed


@pytest.fixture(scope="module")
def npj() -> Article:
    (parsed,) = articles(WILD / "npj-microgravity-2021-exercise-circadian-bed-rest.pdf")
    return parsed


def test_a_title_over_its_subtitle_takes_the_colon_of_the_info_title(jama: Article) -> None:
    """The page sets "A Randomized Clinical Trial" on the line under the title; the Info Title parts them by ":"."""
    assert jama.title == (
        "Effect of Wearing Glasses on Risk of Infection With SARS-CoV-2 in the Community: A Randomized Clinical Trial"
    )


def test_a_byline_of_names_with_degrees_parted_by_semicolons_names_the_authors(jama: Article) -> None:
    """Printed "Atle Fretheim, MD, PhD; Ingeborg Hess Elgersma, MA; ..."; the Info Author is the publisher."""
    assert jama.author == (
        "Atle Fretheim, Ingeborg Hess Elgersma, Arnfinn Helleve, Petter Elstrøm, Oliver Kacelnik, Lars G. Hemkens"
    )


def test_the_day_labelled_published_in_the_article_information_is_the_date(jama: Article) -> None:
    """Printed "Accepted for Publication: October 17, 2022." then "Published: December 1, 2022."."""
    assert jama.date == "2022-12-01"


def test_the_kicker_naming_the_running_heads_section_on_the_first_page_is_no_heading(jama: Article) -> None:
    """Page 1 alone prints "Original Investigation | Public Health" over the title, at the left edge and in the
    face of the running head that pages 2 to 10 print ("JAMA Network Open | Public Health"); the text opens with
    the abstract."""
    assert not any("Original Investigation" in p.text for p in jama.paragraphs)
    assert [(p.kind, p.text) for p in jama.paragraphs[:1]] == [("heading", "Abstract")]


def test_a_byline_ending_in_the_corresponding_authors_envelope_names_every_author(npj: Article) -> None:
    """Printed "Stefan Mendt1, ... Mathias Steinach1,6 and Alexander C. Stahn1,4,6 ✉"; the Info Author is the
    first author only."""
    assert npj.author == (
        "Stefan Mendt, Hanns-Christian Gunga, Dieter Felsenberg, Daniel L. Belavy, Mathias Steinach, Alexander C. Stahn"
    )


def test_a_journals_citation_of_the_article_on_its_first_page_dates_it_to_the_year(npj: Article) -> None:
    """No day of publication is printed, only "Received: 17 April 2020; Accepted: 26 November 2020;" and, under
    the abstract, how to cite it: "npj Microgravity (2021) 7:1 ; https://doi.org/10.1038/s41526-020-00129-1"."""
    assert npj.date == "2021"


def test_the_journals_citation_of_the_article_is_no_paragraph_of_its_text(npj: Article) -> None:
    assert not any(p.text.startswith("npj Microgravity (2021) 7:1") for p in npj.paragraphs)
    assert npj.paragraphs[3].text == "INTRODUCTION"


def test_the_affiliations_at_the_first_pages_foot_are_no_note(npj: Article) -> None:
    """The byline's numbers point to the affiliations set small at page 1's foot ("1Charité – Universitätsmedizin
    Berlin, ..."); note 1 is the first reference, which "mental1,2" cites."""
    assert npj.footnotes[1].startswith("Basner, M. et al. Effects of night work, sleep loss and time on task")
    assert not [note for note in npj.footnotes.values() if "Universitätsmedizin Berlin" in note]


def test_the_text_cites_all_56_references(npj: Article) -> None:
    assert sorted(npj.footnotes) == list(range(1, 57))
