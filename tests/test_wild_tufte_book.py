"""DIME Analytics' "Data for Development Impact" (2019), a pdfLaTeX book in the tufte-book class (tests/data/wild, see
its manifest.jsonl): its Info Author lists the four authors as the title page's `\\and` leaves them, parted by runs of
spaces, and its notes are sidenotes in the outer margin.

Expected values are the book's names and notes as printed.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

BOOK = PROJECT_ROOT / "tests" / "data" / "wild" / "dime-2019-data-for-development-impact.pdf"


def book() -> Article:
    (only,) = articles(BOOK)
    return only


def test_an_info_author_whose_names_runs_of_spaces_part_gives_each_name() -> None:
    assert book().author == "Kristoffer Bjärkefur, Luíza Cardoso de Andrade, Benjamin Daniels, Maria Jones"


def test_a_cover_setting_its_title_as_artwork_is_titled_by_the_info_title_it_prints_but_for_an_article() -> None:
    """The cover stacks "DATA / for / DEVELOPMENT / IMPACT", "DIME ANALYTICS", "RESOURCE GUIDE", "DATA" largest; the
    Info Title holds those words and a "The" the cover leaves out."""
    assert book().title == "Data for Development Impact: The DIME Analytics Resource Guide"


def test_a_sidenote_set_in_the_outer_margin_is_the_note_its_marker_cites() -> None:
    doc = book()
    (text,) = [p.text for p in doc.paragraphs if p.text.startswith("The empirical revolution in development research")]
    assert "Three major components make up this scrutiny: credibility,[15] transparency,[16] and" in text
    assert doc.footnotes[16] == (
        "Christensen, G. and Miguel, E. (2018). Transparency, reproducibility, and the credibility of economics"
        " research. Journal of Economic Literature, 56(3):920–80"
    )


def test_a_sidenote_level_with_a_body_line_does_not_run_into_that_line() -> None:
    """Note 10's first line stands on the baseline of the body line that cites it, a gutter right of it, in smaller
    type: before, it was read into that line ("This[10] https://dimewiki.worldbank.org/means other people")."""
    doc = book()
    (text,) = [p.text for p in doc.paragraphs if p.text.startswith("Just as data collection and management processes")]
    assert "code processes have as well.[10] This means other people need to be able to read your code." in text
    assert "dimewiki" not in text


def test_a_sidenote_level_with_a_body_line_is_the_note_its_marker_cites() -> None:
    assert book().footnotes[10] == "https://dimewiki.worldbank.org/wiki/Stata_Coding_Practices"
    assert book().footnotes[159] == "https://dimewiki.worldbank.org/wiki/Data_Cleaning"


def test_a_body_sentence_beside_a_sidenote_reads_on_to_its_end() -> None:
    """The body line level with note 159's second line goes on with the body's next line, not with the note's."""
    (text,) = [p.text for p in book().paragraphs if p.text.startswith("Once the de-identified dataset is created")]
    assert "must be cleaned.[159] This process does not involve the creation of any new data fields. Cleaning" in text


def test_a_sidenote_beside_body_text_drawn_without_spaces_is_parted_from_it() -> None:
    """The PDF draws no space characters: the body's words are set apart by gaps alone, and note 109's first line,
    level with the line citing it, was read into it ("Any[109] https://dimewiki.worldbank.org/of these things")."""
    doc = book()
    (text,) = [p.text for p in doc.paragraphs if p.text.startswith("Commands like bys: and merge will re-sort")]
    assert "without you realizing it.[109] Any of these things will cause the output to fail to replicate." in text
    assert doc.footnotes[109] == "https://dimewiki.worldbank.org/wiki/Randomization_in_Stata"


def test_a_sidenote_s_later_lines_level_with_body_lines_go_on_with_the_note() -> None:
    """Notes 12 and 13 stand beside the body's lines, each note's second line ("wiki/ietoolkit") level with the
    body's next line: both lines belong to the note, and the body reads on without them."""
    doc = book()
    (text,) = [p.text for p in doc.paragraphs if p.text.startswith("We have tried really hard to make sure")]
    assert "that standardize some of our core data collection workflows. Providing some standardization" in text
    assert "wiki/" not in text
    assert doc.footnotes[12] == "https://dimewiki.worldbank.org/wiki/ietoolkit"
    assert doc.footnotes[13] == "https://dimewiki.worldbank.org/wiki/iefieldkit"


def test_a_book_is_dated_by_the_printing_its_imprint_page_states() -> None:
    """The copyright page prints "First printing, May 2019": the month and year, no day made up."""
    assert book().date == "2019-05"


def test_a_paragraph_beside_a_sidenote_over_a_code_listing_reads_on_to_its_end() -> None:
    """Page 83 opens with a paragraph's last lines beside a sidenote, a listing across the page under both: the
    paragraph reads whole ("... to sort on, and to" / "order leftmost in the data set."), and the listing's lines,
    set in the fixed-pitch face the sidenote's web address is, run into no note."""
    doc = book()
    assert any(p.text.endswith("to sort on, and to order leftmost in the data set.") for p in doc.paragraphs)
    assert all("Sort and order on the idvars" not in note for note in doc.footnotes.values())


def test_the_latex_logos_raised_and_lowered_letters_are_read_in_their_word() -> None:
    """The book sets "LaTeX" as TeX's logo: a small "A" raised into the "L" and "T", an "E" lowered between the "T"
    and the "X". Page 28 prints two on one line ("using LATEX.57 LATEX is a document preparation"), as pdftotext
    reads them."""
    text = next(p.text for p in book().paragraphs if "document preparation" in p.text)
    assert "more and more researchers are choosing to write final outputs using LATEX.[57] LATEX is a document" in text
    assert "preparation system that can create both text documents and presentations." in text
    assert not any(" A E" in p.text or "LT X" in p.text for p in book().paragraphs)
