"""Two PDFs of the wild collection (tests/data/wild, see its manifest.jsonl) from producers the collection had not
held: the European Commission's communication on the European Green Deal (Word, then the Publications Office's
"OP.A Sanitizer"), whose notes hang their bare numbers a wide space left of their texts and whose paragraphs open
with a bold sentence, and a working paper typeset with R Markdown and XeLaTeX (xdvipdfmx), whose figure caption wraps
its last word onto a line of its own.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
COMMUNICATION = WILD / "eu-com-2019-640-european-green-deal.pdf"
PAPER = WILD / "chaudhry-dotson-heiss-2021-who-cares-about-crackdowns.pdf"


def first(path: object) -> Article:
    return articles(path)[0]  # type: ignore[arg-type]


def texts(path: object) -> list[str]:
    return [p.text for p in first(path).paragraphs]


def test_note_numbers_hung_in_a_column_of_their_own_open_their_notes() -> None:
    """Page 5 sets notes 6 to 10 with their numbers one under another left of the texts; read as a column of
    their own, none of the five kept its number."""
    notes = first(COMMUNICATION).footnotes
    assert notes[7].startswith("Regulation (EU) 2018/842 on binding annual greenhouse gas emission reductions")
    assert notes[9] == (
        "Council Directive 2003/96/EC restructuring the Community framework for the taxation of energy products and"
        " electricity"
    )


def test_every_note_of_the_communication_is_read() -> None:
    assert sorted(first(COMMUNICATION).footnotes) == list(range(1, 31))


def test_a_paragraphs_bold_opening_line_is_no_heading() -> None:
    """ "Further decarbonising the energy system is critical to reach climate objectives in" is bold to the right
    edge and goes on in the line under it: one paragraph, no heading over the rest of its sentence."""
    opening = "Further decarbonising the energy system is critical to reach climate objectives in 2030 and 2050."
    assert any(p.text.startswith(opening) and p.kind == "text" for p in first(COMMUNICATION).paragraphs)


def test_a_place_and_a_dotted_date_in_a_covers_column_date_it() -> None:
    """The cover prints "Brussels, 11.12.2019" in a column beside the Commission's logo."""
    assert first(COMMUNICATION).date == "2019-12-11"


def test_a_language_code_at_both_margins_of_the_covers_foot_is_neither_title_nor_text() -> None:
    """ "EN" at each margin of the cover's foot is its largest type; it was taken for the title "EN EN"."""
    article = first(COMMUNICATION)
    assert article.title != "EN EN"
    assert "EN" not in texts(COMMUNICATION)


def test_a_captions_last_word_alone_on_its_line_opens_no_notes_section() -> None:
    """Figure 2's caption ends "... relationship with host government, and funding" over "sources": read as a
    "Sources" heading, the paper's results after it, to the next heading three pages on, were left out."""
    kept = texts(PAPER)
    assert any(
        t.endswith("across organizational issue area, relationship with host government, and funding sources")
        for t in kept
    )
    assert any(
        t.startswith("organization, on average. Personas with low levels of trust, on the other hand, strongly avoid")
        for t in kept
    )


def test_authors_printed_one_under_another_over_their_affiliations_are_all_the_byline() -> None:
    """Each author's name stands on its own line over a college and an e-mail address in smaller type; the first
    name alone was taken for the byline, and the other two stood in the text as headings."""
    assert first(PAPER).author == "Suparna Chaudhry, Marc Dotson, Andrew Heiss"
    assert "Marc Dotson" not in texts(PAPER)
    assert not any(t.startswith("Lewis & Clark College") for t in texts(PAPER))


def test_the_note_mark_ending_a_papers_title_is_no_part_of_it() -> None:
    """The title's last line ends "Trust in Individual Philanthropy*": the star points to the note at the page's foot
    on the data and the approvals, as a byline's marks point to affiliations."""
    assert first(PAPER).title == "Who Cares About Crackdowns? Exploring the Role of Trust in Individual Philanthropy"


def test_a_date_in_a_field_of_the_first_pages_header_dates_the_paper() -> None:
    """The first page's top row prints "April 23, 2021" and, a gutter to its right, "Under review at Global Policy";
    read as one line, the date was not alone on it and the paper went undated."""
    assert first(PAPER).date == "2021-04-23"


def test_a_covers_last_bold_block_in_the_texts_size_is_its_title() -> None:
    """The cover sets every line in the text's 12 points: the Commission's name, "Brussels, 11.12.2019", the
    communication's number, then in bold "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT, ..." over,
    a blank line below, "The European Green Deal"."""
    assert first(COMMUNICATION).title == "The European Green Deal"
    assert "The European Green Deal" not in texts(COMMUNICATION)


def test_the_name_set_beside_the_covers_logo_is_the_author() -> None:
    """The cover prints "EUROPEAN" over "COMMISSION" beside the Commission's logo, above the place and date; no person
    signs the communication, and the text names its author only as "the Commission". The name is front matter, not
    the text's first paragraph."""
    assert first(COMMUNICATION).author == "EUROPEAN COMMISSION"
    assert "EUROPEAN COMMISSION" not in texts(COMMUNICATION)


def test_a_charts_labels_drawn_in_curves_are_no_text_and_its_caption_reads_apart() -> None:
    """Page 18 opens with Figure 4, its plots' markers drawn as curves over "Under crackdown", "Criticized" and
    "Friendly" in 6.6 pt; the page before ends mid-sentence ("... have a 7–10% chance of donating to a human
    rights"), and the caption under the figure is a paragraph of its own, not the end of that sentence."""
    texts = [p.text for p in first(PAPER).paragraphs if p.page == 18]
    assert not {"Under crackdown", "Criticized", "Friendly"} & set(texts)
    assert any(text.startswith("Figure 4: Average predicted donation market shares") for text in texts)
    assert not any("human rights Figure 4" in p.text for p in first(PAPER).paragraphs)
