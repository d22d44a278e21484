"""Plain text beyond the bundled corpus: notes blocks, bylines, datelines, wrapping, chrome and encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import Article
from qa.errors import CorpusError
from qa.formats import parse_bytes
from qa.formats.text import parse_text
from qa.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


def parse_fixture(name: str) -> Article:
    return parse_fixture_path(FIXTURES / name)


def parse_fixture_path(path: Path) -> Article:
    (article,) = parse_bytes(path.read_bytes(), path.name).articles
    return article


@pytest.fixture(scope="module")
def essay() -> Article:
    return parse_fixture("essay-with-notes.txt")


def test_notes_heading_with_numbered_notes_makes_them_footnotes(essay: Article) -> None:
    assert essay.footnotes == {
        1: "Interview with a former county security official, Seoul, June 2019.",
        2: "Transitional Justice Working Group, Mapping the Fate of the Missing,\n   2020, pp. 14-19.",
        3: "Interview with the sister of a detainee, Yanji, October 2018.",
    }


def test_every_marker_of_an_essay_with_a_notes_block_resolves(essay: Article) -> None:
    markers = [m.number for p in essay.paragraphs for m in p.markers]
    assert markers == [1, 2, 3, 2]
    assert all(essay.footnote(n) is not None for n in markers)


def test_notes_heading_notes_and_thanks_line_are_not_paragraphs(essay: Article) -> None:
    texts = [p.text for p in essay.paragraphs]
    assert texts[-1].startswith("The absence of records is itself a finding.")
    assert not any(t.startswith(("Notes", "1. ", "Thanks to")) for t in texts)


def test_leading_dateline_gives_the_date_and_the_next_lines_title_and_author(essay: Article) -> None:
    assert (essay.title, essay.author, essay.date) == ("Counting the Disappeared", "Mina Park", "2021-03-12")


def test_a_dateline_alone_is_a_date_never_a_title() -> None:
    (article,) = parse_text("March 3, 2021\n\nThe council met twice in the spring and adjourned.\n", "d.txt")
    assert (article.title, article.date) == (None, "2021-03-03")


def test_lone_line_above_a_dateline_is_the_title_not_the_author() -> None:
    (article,) = parse_text("Rations in Winter\n\nMarch 3, 2021\n\nThe ration fell by a third.\n", "r.txt")
    assert (article.title, article.author, article.date) == ("Rations in Winter", None, "2021-03-03")


def test_title_followed_by_a_by_line_without_a_blank_line() -> None:
    (article,) = parse_text("My Report\nBy Jane Doe\nFirst line of a paragraph\nthat wraps here.\n", "mine.txt")
    assert (article.title, article.author) == ("My Report", "Jane Doe")
    assert [p.text for p in article.paragraphs] == ["First line of a paragraph\nthat wraps here."]


def test_sentence_opening_with_by_inside_a_first_paragraph_is_no_byline() -> None:
    text = "The council did little in its first decade\nand nothing after that.\nBy 2010 it had stopped meeting.\n"
    (article,) = parse_text(text, "c.txt")
    assert article.author is None
    assert [p.text for p in article.paragraphs] == [text.strip()]


def test_notes_on_consecutive_lines_are_separate_notes() -> None:
    article = parse_fixture("report-consecutive-notes.txt")
    assert article.footnotes == {
        1: "Provincial utilities survey, 2022, table 3.",
        2: "Interviews with residents of Hyesan and Musan, 2022.",
    }
    assert (article.title, article.author) == ("Water Rationing in the Northern Provinces", "Tomas Reyes")


def test_notes_numbered_past_999_resolve() -> None:
    article = parse_fixture("long-report-excerpt.txt")
    assert [m.number for p in article.paragraphs for m in p.markers] == [999, 1000, 1001]
    assert article.footnote(1000) == "Testimony of witness 213, Seoul, 2019."
    assert article.footnote(1001) == "Testimony of witness 214, Bangkok, 2020."


def test_wrapped_note_line_starting_with_a_year_continues_its_note() -> None:
    text = "Title\n\nBody.[1]\n\nNotes\n\n1. Smith, Report on camps, published in\n2014 by the Institute.\n2. Ibid.\n"
    (article,) = parse_text(text, "n.txt")
    assert article.footnotes == {1: "Smith, Report on camps, published in\n2014 by the Institute.", 2: "Ibid."}


def test_notes_heading_with_prose_under_it_stays_a_section() -> None:
    text = "Title\n\nBody text.\n\nNotes\n\nSome remarks on the method follow here.\n"
    (article,) = parse_text(text, "n.txt")
    assert [(p.kind, p.text) for p in article.paragraphs][1:] == [
        ("heading", "Notes"),
        ("text", "Some remarks on the method follow here."),
    ]
    assert article.footnotes == {}


def test_a_line_repeated_through_a_file_is_chrome() -> None:
    visits = [f"The inspectors visited site {n} and found it empty." for n in range(3)]
    (article,) = parse_text("Inspection Log\n\n" + "".join(f"{v}\n\nShare this page\n\n" for v in visits), "log.txt")
    assert [p.text for p in article.paragraphs] == visits


def test_a_margin_line_repeated_with_each_pages_number_is_chrome() -> None:
    pages = [f"The inspectors visited site {n} and found it empty." for n in range(1, 4)]
    text = "Inspection Log\n\n" + "".join(
        f"{v}\n\nOkafor                          [Page {n}]\n\n" for n, v in enumerate(pages, 1)
    )
    (article,) = parse_text(text, "log.txt")
    assert [p.text for p in article.paragraphs] == pages


def test_numbered_headings_in_one_column_are_no_page_furniture() -> None:
    """Headings "Article 1", "Article 2", ... differ only by their number too; a margin line is set in columns."""
    text = "Convention\n\n" + "".join(
        f"Article {n}\n\nThe parties shall report on measure {n}.\n\n" for n in range(1, 5)
    )
    (article,) = parse_text(text, "convention.txt")
    assert [p.text for p in article.paragraphs if p.text.startswith("Article")] == [f"Article {n}" for n in range(1, 5)]


def test_listing_entries_close_at_their_repeated_closing_line_even_reworded() -> None:
    summaries = [f"The monitors recorded every transfer from facility {n} that year. " * 4 for n in range(1, 4)]
    entry = "Entry {n}\nA. Writer\nMar 0{n}, 2020\n\n{summary}\n\nOpinions here are the author's own and not ours.\n\n"
    listing = "".join(entry.format(n=n, summary=summary) for n, summary in enumerate(summaries, 1))
    listing += "Opinions here are the authors' own and not ours.\n"
    articles = parse_text(listing, "listing.txt")
    assert [(a.title, [p.text for p in a.paragraphs]) for a in articles] == [
        (f"Entry {n}", [summary.strip()]) for n, summary in enumerate(summaries, 1)
    ]


def test_hard_wrapped_megabyte_joins_into_its_paragraphs() -> None:
    paragraph = "\n".join(["the commission found that detainees were held without trial"] * 20)
    (article,) = parse_text("Report\n\n" + "\n\n".join([paragraph] * 1500), "big.txt")
    assert len(article.paragraphs) == 1500
    assert article.paragraphs[-1].text == paragraph


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("UTF-8 with BOM", "\ufeffRapport spécial\n\nLe détenu a été libéré.\n".encode()),
        ("UTF-16", "Rapport spécial\n\nLe détenu a été libéré.\n".encode("utf-16")),
        ("Windows-1252", "Rapport spécial\n\nLe détenu a été libéré, déclare le rapporteur.\n".encode("cp1252")),
    ],
)
def test_text_in_other_encodings_is_decoded(encoding: str, data: bytes) -> None:
    parsed = parse_bytes(data, "rapport.txt")
    (article,) = parsed.articles
    assert article.title == "Rapport spécial"
    assert article.paragraphs[0].text.startswith("Le détenu a été libéré")
    assert not parsed.text.startswith("\ufeff")


def test_binary_file_named_txt_is_refused_with_the_reason() -> None:
    with pytest.raises(CorpusError, match=r"^scan\.txt: not text"):
        parse_bytes(bytes.fromhex("89504e470d0a1a0a0000000d4948445200") + bytes(range(256)) * 4, "scan.txt")


@pytest.fixture(scope="module")
def paine() -> Article:
    return parse_fixture_path(PROJECT_ROOT / "eval" / "real" / "docs" / "paine-rights-of-man-part-1.txt")


def test_gutenberg_footnotes_resolve_every_marker(paine: Article) -> None:
    """Rights of Man, Project Gutenberg: `*[6]` in the text, `[Footnote 6: ...]` at the end, CRLF lines."""
    markers = [m.number for p in paine.paragraphs for m in p.markers]
    assert markers == list(range(1, 16))
    assert paine.footnote(6) == "The word he used was renvoye, dismissed or sent away."


def test_gutenberg_footnote_runs_over_paragraphs_to_its_closing_bracket(paine: Article) -> None:
    note = paine.footnote(15)
    assert note is not None
    assert note.startswith("Whether the English commerce does not bring in money")
    assert note.endswith("show an European increase of between three and four hundred millions\r\nsterling.")
    assert not any(p.text.startswith(("[Footnote", "In the situation England now is")) for p in paine.paragraphs)


def test_bracket_closing_a_later_paragraph_with_nothing_opening_it_ends_the_labelled_note_above() -> None:
    """A transcriber closed a note's first paragraph and its last: the paragraphs up to the stray bracket are the
    note's."""
    text = (
        "A first paragraph of the text, long enough to be one.\n\n"
        "The text cites a note.*[1]\n\n"
        "[Footnote 1: The note's first paragraph.]\n\n"
        "Its second paragraph.\n\n"
        "Its last paragraph.]\n"
    )
    (article,) = parse_text(text, "notes.txt")
    assert article.footnote(1) == "The note's first paragraph.\n\nIts second paragraph.\n\nIts last paragraph."
    assert [p.text for p in article.paragraphs][-1] == "The text cites a note.*[1]"


def test_closed_labelled_note_is_not_reopened_by_a_bracket_after_a_heading() -> None:
    """A heading ends the search for a stray closing bracket: what follows it is the text again."""
    text = (
        "The text cites a note.*[1]\n\n"
        "[Footnote 1: The note.]\n\n"
        "Next Chapter\n\n"
        "A paragraph of the text.\n\n"
        "A paragraph ending in a quoted bracket]\n"
    )
    (article,) = parse_text(text, "notes.txt")
    assert article.footnote(1) == "The note."
    assert "A paragraph of the text." in [p.text for p in article.paragraphs]


def test_labelled_note_left_unclosed_ends_at_the_next_labelled_note() -> None:
    text = (
        "One note.*[1] Another.*[2]\n\n"
        "[Footnote 1: The first note, its bracket never closed.\n\n"
        "[Footnote 2: The second note.]\n"
    )
    (article,) = parse_text(text, "notes.txt")
    assert article.footnote(1) == "The first note, its bracket never closed."
    assert article.footnote(2) == "The second note."


def test_contents_heading_over_short_lines_that_never_come_again_is_kept() -> None:
    """A "Contents" heading over a list of short lines is a contents list only when the text then opens with one
    of them; a list that no heading repeats is the document's own (a packing list, say), and stays."""
    text = "A first paragraph of the text, long enough to be one.\n\nContents\n\nBread\n\nWater\n\nIt held these.\n"
    (article,) = parse_text(text, "parcel.txt")
    assert [p.text for p in article.paragraphs][1:] == ["Contents", "Bread", "Water", "It held these."]


def test_wrapped_listing_entries_keep_title_and_byline_apart() -> None:
    listing = (
        "Camp Closures\nAnna Kim\nMar 3, 2021\n\nThe camp was emptied in the spring.\n\n"
        "Border Fences\nLi Wei\nMar 4, 2021\n\nA second fence went up along the river.\n"
    )
    assert [(a.title, a.author, a.date) for a in parse_text(listing, "l.txt")] == [
        ("Camp Closures", "Anna Kim", "2021-03-03"),
        ("Border Fences", "Li Wei", "2021-03-04"),
    ]


def test_labelled_title_and_author_lines_are_metadata_not_text(paine: Article) -> None:
    assert (paine.title, paine.author) == ("The Writings of Thomas Paine, Volume II", "Thomas Paine")
    assert not any(p.text.startswith(("Title:", "Author:")) for p in paine.paragraphs)


def test_real_etext_release_date_is_its_date_to_the_month_it_prints(paine: Article) -> None:
    assert paine.date == "2003-02"


def test_a_named_date_label_counts_and_the_first_dated_line_wins_over_a_later_one() -> None:
    text = (
        "An EBook of Prison Labour\n\nTitle: Prison Labour\n\nRelease Date: March, 2004  [Etext #12]\n"
        "Posting Date: May 1, 2010\n\nPrisoners worked sixteen hours a day.\n"
    )
    (article,) = parse_text(text, "e.txt")
    assert (article.title, article.date) == ("Prison Labour", "2004-03")
    assert [p.text for p in article.paragraphs] == ["Prisoners worked sixteen hours a day."]


def test_a_line_announcing_the_end_fence_in_its_own_words_is_not_text() -> None:
    text = (
        "An EBook of Prison Labour\n\n*** START OF THIS EBOOK PRISON LABOUR ***\n\n"
        "Prisoners worked sixteen hours a day.\n\n"
        "End of the EBook of Prison Labour\n\n*** END OF THIS EBOOK PRISON LABOUR ***\n\nLicence text.\n"
    )
    (article,) = parse_text(text, "e.txt")
    assert [p.text for p in article.paragraphs] == ["Prisoners worked sixteen hours a day."]


def test_an_archives_header_and_licence_outside_its_start_and_end_lines_are_not_text(paine: Article) -> None:
    texts = [p.text for p in paine.paragraphs]
    assert not any("Project Gutenberg License" in text or "Release Date" in text for text in texts)
    assert texts[0] == "THE WRITINGS OF THOMAS PAINE, VOLUME II."
    assert (paine.title, paine.author) == ("The Writings of Thomas Paine, Volume II", "Thomas Paine")


@pytest.fixture(scope="module")
def fewkes() -> Article:
    """Project Gutenberg #17997: each `[Footnote n: ...]` stands right after the paragraph citing it."""
    return parse_fixture_path(PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-fewkes-passamaquoddy-folk-lore.txt")


def test_a_fence_line_wrapped_onto_a_second_line_still_fences_the_work(fewkes: Article) -> None:
    """`***START OF THE PROJECT GUTENBERG EBOOK CONTRIBUTION TO PASSAMAQUODDY` / `FOLK-LORE***`: a long title
    wraps the fence at the file's line width; the licence before and after it is still no text of the work."""
    texts = [p.text for p in fewkes.paragraphs]
    assert not any("Project Gutenberg License" in text or "PROJECT GUTENBERG EBOOK" in text for text in texts)
    assert texts[-2:] == ["_J. Walter Fewkes._", "[Illustration]"]
    assert (fewkes.title, fewkes.author) == ("Contribution to Passamaquoddy Folk-Lore", "J. Walter Fewkes")


def test_units_opening_the_fenced_text_that_name_the_archive_are_the_archives_not_the_works(fewkes: Article) -> None:
    """Inside the fence the e-text opens with "E-text prepared by ... the Project Gutenberg Online Distributed
    Proofreading Team" and "Note: Project Gutenberg also has an HTML version of this file": the archive its licence
    names 85 times speaks of its e-text. The transcriber's note on the text's symbols, under them, is kept."""
    texts = [p.text for p in fewkes.paragraphs]
    assert not any("Gutenberg" in text for text in texts)
    assert texts[0] == "Transcriber's note:"
    assert texts[1].startswith("The symbol [=] followed by a vowel represents a macron.")


def test_gutenberg_notes_after_the_paragraph_citing_them_resolve_every_marker(fewkes: Article) -> None:
    markers = [m.number for p in fewkes.paragraphs for m in p.markers]
    assert markers == list(range(1, 34))
    note = "I have given below English versions of these, or the\r\nIndian stories told in English."
    assert fewkes.footnote(2) == note
    assert not any(p.text.startswith("[Footnote") for p in fewkes.paragraphs)


def test_a_note_between_paragraphs_holds_its_quoted_story_and_the_text_resumes_after_it(fewkes: Article) -> None:
    note = fewkes.footnote(13)
    assert note is not None
    assert note.startswith("In another story which was told me, Glooscap turned the\r\neyes of the Snake white")
    assert note.endswith('From that time the eyes of the\r\nSnake have been white."')
    assert any(p.text.startswith("I think there are internal evidences of the antiquity") for p in fewkes.paragraphs)


@pytest.fixture(scope="module")
def macdowell() -> Article:
    """Project Gutenberg #16351: a lecture's notes, `[01] text`, gathered at its end under no heading or rule."""
    return parse_fixture_path(
        PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-macdowell-critical-historical-essays.txt"
    )


def test_notes_gathered_at_a_chapters_end_under_no_heading_are_notes_and_the_text_goes_on(macdowell: Article) -> None:
    assert sorted(macdowell.footnotes) == list(range(1, 16))
    assert macdowell.footnote(10) == "Counterpoint is first mentioned by Muris (1300)."
    assert not any(p.text.startswith(("[04]", "[10]", "[15]")) for p in macdowell.paragraphs)
    assert any(p.text.startswith("In Hamburg, whither he went in 1703") for p in macdowell.paragraphs)


def test_a_bracketed_number_no_glued_marker_cited_before_stays_text(macdowell: Article) -> None:
    """The transcriber's legend, `[1]  = Whole-note`, comes before any note is cited ("shown as [01]" is no
    citation): it stays a paragraph, and note 1 is the note the text cites."""
    assert any(p.text.startswith("[L]  = Longa") and "[1]  = Whole-note" in p.text for p in macdowell.paragraphs)
    note = macdowell.footnote(1)
    assert note is not None
    assert note.startswith('The strength of the "Fate" motive')


def test_a_keys_bracketed_numbers_are_no_markers_though_the_document_defines_those_notes(macdowell: Article) -> None:
    """The legend's `[1]  = Whole-note` opens its line and is what the `=` explains: no citation of note 1."""
    key = next(p for p in macdowell.paragraphs if p.text.startswith("[L]  = Longa"))
    assert "[1]  = Whole-note" in key.text and "[16] = Sixteenth-note" in key.text
    assert key.markers == ()
    assert macdowell.footnote(1) is not None and macdowell.footnote(8) is not None


def test_a_bracketed_number_a_line_of_the_text_opens_is_still_a_marker() -> None:
    """A citation the wrapping set at a line's start, with no `=` after it, cites its reference (RFC 2616's "[14].")."""
    (article,) = parse_text("Notes on it are given in\n[1]. The text goes on.\n\n[1] The reference.\n", "rfc.txt")
    assert [m.number for p in article.paragraphs for m in p.markers] == [1]


def test_a_labelled_title_with_a_subtitle_indented_under_it_is_the_title(macdowell: Article) -> None:
    assert (macdowell.title, macdowell.author) == ("Critical & Historical Essays", "Edward MacDowell")


def test_centred_line_after_prose_is_no_title() -> None:
    """A centred title counts only under an opening block set in columns; above it here is the author's prose."""
    text = (
        "The committee met on Monday and heard three witnesses on the conditions of detention in the region.\n\n"
        + " " * 30
        + "Findings\n\n"
        + "The witnesses agreed that the cells were overcrowded and that food was short every week.\n"
    )
    (article,) = parse_text(text, "minutes.txt")
    assert article.title is None
    assert article.paragraphs[0].text.startswith("The committee met on Monday")


def test_numbered_section_lines_are_headings_and_numbered_short_items_in_a_row_a_list() -> None:
    """An RFC numbers its sections ("1.  Introduction", "17.1. Normative References") and the text under each
    is a paragraph; numbered short lines one after another with nothing between are a list's items."""
    text = (
        "Detention Standards\n\n1.  Introduction\n\n   This memo sets the standards for detention.\n\n"
        "2.  Rights\n\n   A detainee has three rights:\n\n   1. Counsel\n\n   2. Visits\n\n   3. Appeal\n\n"
        "2.1. Normative References\n\n   [RFC2119] Key words for use in RFCs.\n"
    )
    (article,) = parse_bytes(text.encode(), "standards.txt").articles
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == [
        "1.  Introduction",
        "2.  Rights",
        "2.1. Normative References",
    ]


def paged(*pages: str, head: str = "Review of Rations     Issue 4", first: int = 11) -> str:
    """Plain text extracted from a paged file: each page under its running head, its number alone at its foot, each
    line a paragraph (a blank line after each)."""
    return "\n".join(f"{head}\n\n{page}\n\n {number}\n" for number, page in enumerate(pages, first))


PAGES = (
    "Rations in Winter\n\nThe ration fell by a third in the spring.1 The council met twice.\n\n1 Survey of 2020.",
    "It then met again in the summer and spoke of the winter.\n\nThe markets closed.2\n\n2 Market log, entry",
    "The ration rose in the autumn.\n\n12 of the 40 families left in the spring.\n\nfour, kept by the council.",
)


def test_a_page_number_over_a_running_head_parts_pages_and_neither_is_text() -> None:
    (article,) = parse_bytes(paged(*PAGES).encode(), "r.txt").articles
    texts = [p.text for p in article.paragraphs]
    assert article.title == "Rations in Winter"
    assert not any(t.isdigit() or t.startswith("Review of Rations") for t in texts)
    assert [p.page for p in article.paragraphs] == [1, 2, 2, 3, 3]


def test_pages_without_notes_lose_their_furniture_too() -> None:
    pages = ("Rations in Winter\n\nThe ration fell by a third.", "The council met twice.", "It met in the summer.")
    (article,) = parse_bytes(paged(*pages).encode(), "r.txt").articles
    assert article.title == "Rations in Winter"
    assert [p.text for p in article.paragraphs] == [
        "The ration fell by a third.",
        "The council met twice.",
        "It met in the summer.",
    ]


def test_a_note_at_a_page_foot_resolves_the_marker_glued_to_the_word_before_it() -> None:
    (article,) = parse_bytes(paged(*PAGES).encode(), "r.txt").articles
    assert article.paragraphs[0].text == "The ration fell by a third in the spring.[1] The council met twice."
    assert article.footnote(1) == "Survey of 2020."


def test_two_markers_in_one_paragraph_resolve_to_their_two_notes() -> None:
    page = "Rations in Winter\n\nThe ration fell.1 The council met.2 It adjourned.\n\n1 Survey.\n\n2 Minutes."
    (article,) = parse_bytes(paged(page, "It met again.", "It met once more.").encode(), "r.txt").articles
    assert article.paragraphs[0].text == "The ration fell.[1] The council met.[2] It adjourned."
    assert article.footnotes == {1: "Survey.", 2: "Minutes."}


def test_a_note_ending_mid_sentence_runs_on_at_the_next_page_foot() -> None:
    (article,) = parse_bytes(paged(*PAGES).encode(), "r.txt").articles
    assert article.footnote(2) == "Market log, entry four, kept by the council."
    assert [p.text for p in article.paragraphs][-1] == "12 of the 40 families left in the spring."


def test_a_line_opening_with_a_number_no_marker_points_to_is_text() -> None:
    (article,) = parse_bytes(paged(*PAGES).encode(), "r.txt").articles
    assert "12 of the 40 families left in the spring." in [p.text for p in article.paragraphs]
    assert sorted(article.footnotes) == [1, 2]


def test_form_feeds_part_the_pages_of_pdftotext_output() -> None:
    text = "\f".join(
        [
            "Rations in Winter\n\nThe ration fell by a third.1\n\n1 Survey of 2020.\n\n3\n",
            "Review of Rations\n\nThe council met twice.\n\n4\n",
            "Review of Rations\n\nIt met again in the summer.\n\n5\n",
        ]
    )
    (article,) = parse_bytes(text.encode(), "r.txt").articles
    assert [p.text for p in article.paragraphs] == [
        "The ration fell by a third.[1]",
        "The council met twice.",
        "It met again in the summer.",
    ]
    assert article.footnote(1) == "Survey of 2020."


def test_numbers_alone_on_lines_with_no_running_head_under_them_part_no_pages() -> None:
    text = "Rations in Winter\n\n1\n\nThe ration fell.1\n\n2\n\nThe council met.\n\n3\n\n1 Survey of 2020.\n"
    (article,) = parse_bytes(text.encode(), "r.txt").articles
    assert [p.text for p in article.paragraphs][:2] == ["1", "The ration fell.1"]
    assert article.footnotes == {}


def test_a_date_after_the_word_saying_what_it_dates_is_the_date() -> None:
    (article,) = parse_text("Rations in Winter\n\nDecided March 3, 2021\n\nThe ration fell by a third.\n", "r.txt")
    assert (article.title, article.date) == ("Rations in Winter", "2021-03-03")
    assert [p.text for p in article.paragraphs] == ["The ration fell by a third."]


def test_an_opinions_opening_line_names_its_author() -> None:
    text = "Doe v. Roe\n\nBEFORE: SMITH and LEE, Circuit Judges.\n\nSMITH, Circuit Judge:\n\nWe affirm the order.\n"
    (article,) = parse_text(text, "o.txt")
    assert (article.title, article.author) == ("Doe v. Roe", "SMITH, Circuit Judge")


def test_a_name_over_an_office_with_sections_after_it_is_no_signature() -> None:
    """A signature closes a text: a name over an office that headings and their text follow is a staff list's."""
    text = (
        "Rations in Winter\n\nThe ration fell by a third over the winter months.\n\nJane Doe\n\nProgram Director\n\n"
        "Funding\n\nThe grant runs for two more years.\n\nOutlook\n\nThe ration will rise in spring.\n"
    )
    (article,) = parse_text(text, "r.txt")
    assert article.author is None
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == [
        "Jane Doe",
        "Program Director",
        "Funding",
        "Outlook",
    ]
