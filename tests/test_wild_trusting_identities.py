"""The Pan-Canadian Identity Management Steering Committee's consultation paper "Trusting Identities" (2011, Word
printed through Acrobat PDFMaker 9 and Distiller 9; tests/data/wild, see its manifest.jsonl): its bullets are drawn
from the Symbol font, which the PDF maps into the Private Use Area (U+F0B7), and its cover dates it with an ordinal
day ("May 31st, 2011"); it names its author only as the committee that prepared it.

Expected values are the paper's own words and date as printed.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.formats.document import iso_date
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

PAPER = PROJECT_ROOT / "tests" / "data" / "wild" / "imsc-2011-trusting-identities-consultation-draft.pdf"


def paper() -> Article:
    (only,) = articles(PAPER)
    return only


def test_a_symbol_font_bullet_opens_a_list_item_of_its_own() -> None:
    items = [p.text for p in paper().paragraphs if p.kind == "bullet"]
    assert any(item.startswith("Citizens and businesses enjoy simple, convenient and protected") for item in items)
    assert "Governments in Canada are trusted, collaborative leaders in citizen‐centred service delivery" in items
    assert ["full name, date of birth ,", "Social Insurance Numbers ,", "full address,"] == items[
        items.index("full name, date of birth ,") : items.index("full address,") + 1
    ]


def test_no_paragraph_is_a_bullet_glyph_alone() -> None:
    assert [p.text for p in paper().paragraphs if not any(c.isalnum() for c in p.text)] == []


def test_an_item_whose_bullet_stood_apart_from_its_words_is_read() -> None:
    """The item's bullet was a paragraph of its own, and its words were lost with it."""
    assert any(
        p.text.startswith("Overseeing the conception, design, implementation and evaluation of solutions")
        for p in paper().paragraphs
    )


def test_a_date_with_an_ordinal_day_dates_the_paper() -> None:
    assert paper().date == "2011-05-31"
    assert iso_date("May 31st, 2011") == iso_date("May 31, 2011") == "2011-05-31"
    assert iso_date("1st June 2020") == "2020-06-01"


def test_the_committee_the_cover_says_prepared_the_paper_is_its_author() -> None:
    """The cover says "This paper has been prepared for consultation by the Pan‐Canadian Identity Management Steering
    Committee (IMSC)." and prints the committee's name again at its foot; no person is printed (the Info Author's
    three names are on no page). The name keeps the Unicode hyphen (U+2010) the page prints."""
    assert paper().author == "Pan‐Canadian Identity Management Steering Committee"


def test_a_compound_broken_at_a_unicode_hyphen_keeps_the_hyphen_as_printed() -> None:
    """The paper prints every hyphen as U+2010 HYPHEN: "cost‐" ends a line over "effective", "in‐" over "person";
    read as one word with its hyphen, as the paper prints them within a line, not as two."""
    text = " ".join(p.text for p in paper().paragraphs)
    assert "enabled by cost‐effective and innovative" in text
    assert "service delivery channels (in‐person, telephone and mail)" in text
    assert "was overseen by the Pan‐Canadian Identity Management" in text


def test_a_shaded_boxs_heading_is_no_part_of_the_sentence_beside_it() -> None:
    """Page 6's body wraps beside a shaded box whose bold heading reads "Future examples of simple, convenient and
    protected access to multi‐jurisdictional services envisioned for all Canadians"; the body's sentence runs on
    under the box, and the box's heading is a paragraph of its own."""
    texts = [p.text for p in paper().paragraphs]
    assert any(
        "Canadians expect to interact with government (or with several governments) in a seamless manner" in text
        for text in texts
    )
    assert (
        "Future examples of simple, convenient and protected access to multi‐jurisdictional services envisioned for"
        " all Canadians"
    ) in texts


def test_a_sentence_run_on_over_a_page_break_is_read_whole_before_the_shaded_box_at_the_pages_foot() -> None:
    """Page 10's body wraps beside the shaded "Did you know?" box and runs on under it, its last sentence going on
    over the page ("Because you are far removed from" / "other people and most likely using the Internet ..."); the
    box, read after the body beside it, stood between the two halves."""
    texts = [p.text for p in paper().paragraphs]
    whole = next(text for text in texts if text.startswith("In the online world trusted identities are problematic."))
    assert whole.endswith(
        "Because you are far removed from other people and most likely using the Internet from your home, your"
        " business or from a public place, there are many opportunities for criminals to compromise and misuse your"
        " identity online."
    )
    assert texts.index("Did you know?") > texts.index(whole)
