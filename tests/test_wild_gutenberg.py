"""Project Gutenberg e-books with numbered notes (tests/data/wild, see its manifest.jsonl): a US government report
of 1891 as the archive's HTML, its printed page numbers set in the margin by its stylesheet and indexed, and a book
of 1912 as the archive's plain text, its notes gathered at the end of each chapter.

Expected values are what each file prints, as its text shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles as parsed

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
REPORT = "gutenberg-hoffman-mide-wiwin-1891.html"
BOOK = "gutenberg-lightwood-charles-dickens-and-music.txt"


def article(name: str) -> Article:
    (only,) = parsed(WILD / name)
    return only


def paragraph_with(name: str, words: str) -> str:
    (text,) = [paragraph.text for paragraph in article(name).paragraphs if words in paragraph.text]
    return text


def test_the_html_e_book_takes_title_author_and_date_from_the_archives_header() -> None:
    found = article(REPORT)
    assert (found.title, found.author, found.date) == (
        'The Mide\'wiwin or "Grand Medicine Society" of the Ojibwa',
        "Walter James Hoffman",
        "2006-09-25",
    )


def test_the_archives_header_and_licence_around_the_fences_are_no_text() -> None:
    texts = [paragraph.text for paragraph in article(REPORT).paragraphs]
    assert texts[0].startswith("This e-text contains a few letters with unusual diacritics")
    assert not any("PROJECT GUTENBERG EBOOK" in text or "This eBook is for the use of anyone" in text for text in texts)
    assert texts[-1].startswith("Please note that these files are intended only to give a rough approximation")


def test_a_comment_inside_a_paragraph_does_not_cut_it() -> None:
    """`<!--png 200-->` marks the scanned page inside the sentence; the words after it are the same paragraph's."""
    text = paragraph_with(REPORT, "Now though every Body rallies upon these Fellows when")
    assert "when they are absent, and looks upon ’em as Fools" in text
    assert text.endswith("who are thus regal’d at once with Diversion and Good Cheer.")


def test_index_links_to_page_anchors_make_no_notes() -> None:
    """The index links "151" to `<a name="page151">`, which follows the page number the paragraph opens with."""
    found = article(REPORT)
    assert sorted(found.footnotes) == list(range(1, 17))
    assert paragraph_with(REPORT, "From recent investigations among a number of tribes").startswith("From recent")


def test_a_footnote_resolves_to_its_note_where_the_text_prints_its_marker() -> None:
    text = paragraph_with(REPORT, "In referring to the practices of the Algonkian tribes of the Northwest")
    assert text == "In referring to the practices of the Algonkian tribes of the Northwest, La Hontan[3] says:"
    assert article(REPORT).footnotes[3] == "New Voyages to North America, London, 1703, vol. 2, pp. 47, 48."


def test_figure_numbers_linked_to_their_figures_are_no_markers() -> None:
    """Notes 7 and 8 exist, but "Figs. 7 and 8" link to the figures, places still in the text."""
    assert "These are reproduced in Figs. 7 and 8." in paragraph_with(REPORT, "These are reproduced in Figs.")


def test_a_chapter_end_note_of_the_plain_text_book_resolves_to_its_marker() -> None:
    text = paragraph_with(BOOK, "when _The Chimes_ was written")
    assert text.endswith("when _The Chimes_ was written in 1844.[7]")
    assert " ".join(article(BOOK).footnotes[7].split()) == "John Curwen published his _Grammar of Vocal Music_ in 1842."


def test_a_page_number_bracketed_in_the_books_index_is_no_marker() -> None:
    """The transcriber bracketed two page numbers of the index ("Banjo, [20]"); the book defines no note 20 or 26."""
    entries = [p for p in article(BOOK).paragraphs if "  Banjo, [20]" in p.text or "(_S.B.T._ 9), [26]" in p.text]
    assert len(entries) == 2
    assert [p.markers for p in entries] == [(), ()]


def test_a_table_nested_in_a_cell_is_read_where_it_stands_a_row_a_paragraph() -> None:
    texts = [paragraph.text for paragraph in article(REPORT).paragraphs]
    start = texts.index("Ki-nŭn´-no, hē´, ki-mun´-i-dō´-we, hē´, esh´-i-ha´-ni. (As sung.)")
    assert texts[start + 1 : start + 4] == [
        "Gi-nŭn´-dōn ni-kan´ ē-zhi-an.",
        "I hear you, colleague, what you say to me.",
        "[The singer addresses the Otter Spirit, whose figure is emerging from the Midē´wigân of which he is the "
        "chief guardian.]",
    ]


def test_a_page_number_in_a_rows_first_cell_is_no_word_of_the_row() -> None:
    assert paragraph_with(REPORT, "Me-kwa´-me-sha-kwak´") == "Me-kwa´-me-sha-kwak´, mi-tē´-wi-da´."


def test_a_page_number_the_stylesheet_sets_in_the_margin_is_no_word_of_the_sentence_it_breaks() -> None:
    """`<span class="pagenum">150</span>` stands mid-sentence; the page's CSS places it `position: absolute`."""
    assert "on a single reservation, where they continue" in paragraph_with(REPORT, "Tribal organization according")


def test_a_page_number_between_paragraphs_makes_no_paragraph() -> None:
    assert [p.text for p in article(REPORT).paragraphs if p.text.isdigit()] == []


def test_a_song_s_lines_broken_by_br_are_a_paragraph_each() -> None:
    """Each verse of a song is a `<p>` whose lines a `<br>` breaks, each a line of its own opening in capitals: one
    paragraph a line, as a Markdown paragraph's hard breaks part it, so a quotation is the line the page shows."""
    texts = [paragraph.text for paragraph in article(REPORT).paragraphs]
    at = texts.index("He who is sleeping,")
    assert texts[at - 3 : at + 2] == [
        "He´-a-we-na´ ni´-we-dō´,",
        "Man´-i-dō´ we-a-nī´",
        "Ni´-ka-nā´ ni´-na-nā´.",
        "He who is sleeping,",
        "The Spirit, I bring him, a kinsman.",
    ]


def test_lines_broken_by_br_that_go_on_in_lower_case_are_one_paragraph() -> None:
    """A gloss's "He will tell you<br>(—inform you)" goes on after the bracket in lower case: one line run on."""
    assert paragraph_with(REPORT, "He will tell you") == "He will tell you (—inform you) [of] my migis."
