"""Real documents from producers and sites the parsers were not tuned on (tests/data/wild, see its manifest.jsonl).

Expected values are what each document prints, as `pdftotext` or the page's visible text shows it.
"""

from __future__ import annotations

import shutil

import pytest

from eval.reference import is_not_text, quote_in_reference, reference
from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import REAL
from tests.parsed import articles as parsed

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def article(name: str) -> Article:
    (only,) = parsed(WILD / name)
    return only


def paragraph_with(found: Article, words: str) -> str:
    return next(p.text for p in found.paragraphs if words in p.text)


def test_wild_inline_code_reads_on_inside_its_sentence() -> None:
    """trafilatura writes inline code and a code block with the same `code` tag; inside a paragraph it is a word."""
    text = paragraph_with(article("v8-blog-standalone-wasm.html"), "normally build this")
    assert text.startswith("We'd normally build this with something like emcc -O3 add.c -o add.js which would emit")
    assert text.endswith("Instead, let's ask emcc to only emit Wasm:")


def test_wild_code_listing_between_paragraphs_stays_a_block_of_its_own() -> None:
    texts = [p.text for p in article("v8-blog-standalone-wasm.html").paragraphs]
    assert "emcc -O3 add.c -o add.wasm" in texts


def test_wild_title_is_the_articles_headline_not_the_sites_logo_heading() -> None:
    """The page's first `<h1>` is the site's logo ("V8"); the `<title>` is "Headline · V8"."""
    assert article("v8-blog-standalone-wasm.html").title == (
        "Outside the web: standalone WebAssembly binaries using Emscripten"
    )


def test_wild_meta_author_is_the_name_without_the_address_after_it() -> None:
    assert article("ebb-org-blog.html").author == "Bradley M. Kuhn"


@pytest.mark.parametrize(
    "name", ["ebb-org-blog.html", "v8-blog-standalone-wasm.html", "crs-r48632-national-alerts-2025.html"]
)
def test_wild_every_paragraph_of_the_page_is_verbatim_in_its_visible_text(name: str) -> None:
    """An `<acronym>` is inline: the page reads "related to FOSS. (Indeed", not "FOSS . (Indeed"."""
    ref = reference(WILD / name)
    assert [p.text for p in article(name).paragraphs if not quote_in_reference(p.text, ref)] == []


def test_wild_accents_drawn_as_glyphs_over_letters_join_their_letters() -> None:
    """GPO's typesetter draws "ê" as "e" and a spacing "ˆ" over it; poppler and a reader see one letter."""
    text = paragraph_with(article("federal-register-2020-17221.pdf"), "Nacional de")
    assert "Agência Nacional de Aviação Civil (ANAC) Brazil" in text


@needs_pdftotext
def test_wild_three_column_notice_marker_resolves_to_its_foot_note() -> None:
    found = article("federal-register-2020-17221.pdf")
    text = paragraph_with(found, "altitude disagree alert,")
    assert "altitude disagree alert,[5] and may affect" in text
    assert found.footnote(5).startswith("Stall warning indication is the activation of the stick shaker")


def test_wild_word_report_markers_glued_to_numbers_resolve_to_their_notes() -> None:
    """`Public Law 104-1971 (2 U.S.C. 1812)`: the raised 1 and 2 are markers, the digits before them are not."""
    found = article("house-clerk-standardized-formats-2020.pdf")
    assert "Public Law 104-197[1] (2 U.S.C. 181[2])" in paragraph_with(found, "Public Law 104-197")
    assert found.footnote(3).startswith("Defined by The World Wide Web Consortium (W3C)")


def test_wild_surname_first_info_author_the_document_never_prints_is_not_taken() -> None:
    """Word stored the account of whoever saved the file ("Doan, Phoebe"); no page prints that name."""
    assert article("house-clerk-standardized-formats-2020.pdf").author != "Phoebe Doan"


def test_wild_issuer_named_beside_the_date_in_the_running_footer_is_the_author() -> None:
    """No byline, no signature with a name: every page's footer reads "Office of the Clerk · May 11, 2020 · Page
    1 of 6", the issuing office beside the report's own date."""
    assert article("house-clerk-standardized-formats-2020.pdf").author == "Office of the Clerk"


def test_wild_info_author_the_running_footer_prints_is_the_author() -> None:
    assert article("house-clerk-committee-votes-2020.pdf").author == "Office of the Clerk"


def test_wild_running_footer_of_the_report_is_no_paragraph() -> None:
    found = article("house-clerk-committee-votes-2020.pdf")
    assert not any("Page 1 of 2" in p.text or "Office of the Clerk ·" in p.text for p in found.paragraphs)


def test_wild_date_opening_the_line_under_the_headline_dates_the_page() -> None:
    """No `<time>`, no meta date: the page prints "Tuesday 15 October 2019 by Bradley M. Kuhn" under its `<h1>`."""
    assert article("ebb-org-blog.html").date == "2019-10-15"


def test_wild_dateline_under_the_headline_is_no_paragraph() -> None:
    assert article("ebb-org-blog.html").paragraphs[0].text.startswith("The last 33 days have been")


def test_wild_masthead_date_with_its_weekday_dates_the_notice() -> None:
    """The first page prints "Thursday, August 6, 2020" alone on its line; the day's name is part of the date."""
    assert article("federal-register-2020-17221.pdf").date == "2020-08-06"


def test_wild_five_digit_page_number_alone_atop_the_first_page_is_no_paragraph() -> None:
    """The Federal Register numbers its pages through the year ("47698"); alone in the top row it is furniture."""
    assert not any(p.text == "47698" for p in article("federal-register-2020-17221.pdf").paragraphs)


def test_wild_latex_paper_footnote_resolves_to_its_text() -> None:
    found = article("melodie-paper-draft-2023.pdf")
    assert "organization page of ABM4ALL[1], a developing community" in paragraph_with(found, "ABM4ALL[1]")
    assert found.footnote(1) == "Link to ABM4ALL: https://github.com/ABM4ALL."


def test_wild_latex_paper_that_prints_no_author_has_none() -> None:
    found = article("melodie-paper-draft-2023.pdf")
    assert (found.title, found.author, found.date) == ("Melodie: Agent-based Modeling in Python", None, "2023-01-21")


def test_wild_production_stamp_on_a_full_page_figure_is_furniture() -> None:
    """GPO's stamp ("VerDate ... Frm 00008 ...") is every page's foot; on the page that is mostly a figure it is
    within two rows of the top as well, and still the same footer."""
    assert not any("VerDate" in p.text for p in article("federal-register-2020-17221.pdf").paragraphs)


def test_wild_site_wide_colophon_after_the_post_is_no_paragraph() -> None:
    """The blog prints its disclaimer, service mark and owner's address under every post, outside the post's
    own container."""
    texts = [p.text for p in article("ebb-org-blog.html").paragraphs]
    assert texts[-1] != "Bradley M. Kuhn <bkuhn@ebb.org>"
    assert not any("service mark" in text or "disclaimer" in text for text in texts)


def test_wild_site_licence_footer_is_no_paragraph() -> None:
    texts = [p.text for p in article("creativecommons-what-we-do.html").paragraphs]
    assert texts[1].startswith("Creative Commons helps you legally share your knowledge and creativity")
    assert not any("licensed under a Creative Commons" in text for text in texts)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("house-clerk-standardized-formats-2020.pdf", "Adopting Standardized Formats for Legislative Documents"),
        ("house-clerk-committee-votes-2020.pdf", "Votes Taken in Committees"),
    ],
)
def test_wild_report_behind_a_covering_letter_takes_the_title_its_footer_repeats(name: str, title: str) -> None:
    """Page 1 is the Clerk's letter, with no title; the report's first heading is repeated in every page's footer."""
    assert article(name).title == title


def test_wild_foot_note_stopping_mid_sentence_goes_on_at_the_next_columns_foot() -> None:
    """Note 12 ends its column with "such as the airplane's"; its words go on at the next column's foot, above
    note 13, and are the note's, not a paragraph of the text."""
    found = article("federal-register-2020-17221.pdf")
    assert found.footnote(12) == (
        "The magnitude of the command varies according to parameters such as the airplane’s altitude and airspeed, "
        "and would be limited such that after the command is made, the pilot would be able to maintain level flight, "
        "climb, and descend, using control column inputs only."
    )
    assert not any(p.text.startswith("altitude and airspeed") for p in found.paragraphs)


def test_wild_note_continued_on_the_next_page_foot_reads_whole_and_leaves_the_text() -> None:
    """The same cause in a CRS report of eval/real: note 37 stops at "in ways other than" above "(continued...)"
    and goes on at the next page's foot, above note 38."""
    (report,) = parsed(REAL / "crs-election-grants-2026.pdf")
    assert report.footnote(37).startswith(
        "Congress has also used or proposed using funding to engage with election administration in ways other than "
        "authorizing or funding grant programs for states or localities."
    )
    assert not any(p.text.startswith("authorizing or funding grant programs") for p in report.paragraphs)


def test_wild_paragraph_after_a_list_is_text_not_an_item() -> None:
    """The list of three modules ends; the next paragraph starts a new block at the margin and is no bullet."""
    found = article("melodie-paper-draft-2023.pdf")
    after = next(p for p in found.paragraphs if p.text.startswith("Both of Calibrator and Trainer modules"))
    item = next(p for p in found.paragraphs if p.text.startswith("Trainer - trains the agents"))
    assert (item.kind, after.kind) == ("bullet", "text")


def test_wild_front_matter_closed_by_a_fence_naming_the_next_section_is_metadata() -> None:
    """A kramdown-rfc draft opens with YAML closed by `--- abstract`: its title and authors, not paragraphs."""
    found = article("kramdown-rfc-cubic-draft.md")
    assert (found.title, found.author) == (
        "CUBIC for Fast Long-Distance Networks",
        "Lisong Xu, Sangtae Ha, Vidhi Goel, Lars Eggert",
    )
    assert found.paragraphs[0].text.startswith("CUBIC is an extension to the current TCP standards.")
    assert not any(p.text.startswith(("title:", "author:", "informative:")) for p in found.paragraphs)


def test_wild_markdown_section_fences_and_extension_tags_are_no_paragraphs() -> None:
    """`--- middle` divides a draft and `{::boilerplate bcp14}` asks for standard words: markup a reader never sees."""
    texts = [p.text for p in article("kramdown-rfc-cubic-draft.md").paragraphs]
    assert not any(text.startswith(("---", "{:")) for text in texts)


def test_wild_heading_attribute_list_is_no_part_of_the_heading() -> None:
    texts = [p.text for p in article("kramdown-rfc-cubic-draft.md").paragraphs if p.kind == "heading"]
    assert "Window Increase Function" in texts
    assert not any("{#" in text for text in texts)


def test_wild_definition_list_term_and_definition_are_apart() -> None:
    """`beta_cubic:` then `: CUBIC multiplication ...` on the next line: a term and its definition, two blocks."""
    texts = [p.text for p in article("kramdown-rfc-cubic-draft.md").paragraphs]
    assert "CUBIC multiplication decrease factor as described in {{mult-dec}}" in texts


def test_wild_plain_text_table_of_contents_is_no_paragraph() -> None:
    """An RFC lists its sections with dotted leaders to page numbers; no entry, nor the contents' heading, is text."""
    texts = [p.text for p in article("ietf-rfc2616-http11.txt").paragraphs]
    assert not any("......" in text or text == "Table of Contents" for text in texts)
    assert texts[texts.index("Abstract") + 1].startswith("The Hypertext Transfer Protocol (HTTP) is an application")


def test_wild_plain_text_title_centred_under_an_opening_block_in_columns() -> None:
    """The RFC's first lines set series, number and authors side by side, and its date; the title stands centred."""
    found = article("ietf-rfc2616-http11.txt")
    assert (found.title, found.date) == ("Hypertext Transfer Protocol -- HTTP/1.1", "1999-06")
    assert found.paragraphs[0].text == "Status of this Memo"


def test_wild_numbered_references_section_resolves_citations_and_the_text_goes_on_after_it() -> None:
    """Section 17 lists the references `[1]`..`[49]`; sections 18 to 21 follow it and are text again."""
    found = article("ietf-rfc2616-http11.txt")
    assert found.footnote(33).startswith("Fielding, R., Gettys, J., Mogul, J., Frystyk, H. and T.")
    assert "[33]" in paragraph_with(found, "is an update to RFC 2068")
    assert any(p.text == "19 Appendices" for p in found.paragraphs)
    assert not any(p.text.startswith("[1] Alvestrand") for p in found.paragraphs)


def test_wild_credit_line_closing_the_post_is_metadata_not_a_paragraph() -> None:
    """The post ends "Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.": who and when, no sentence."""
    found = article("ebb-org-blog.html")
    assert not any(p.text.startswith("Posted on") for p in found.paragraphs)
    assert (found.author, found.date) == ("Bradley M. Kuhn", "2019-10-15")


def test_wild_notice_title_is_its_own_heading_not_the_section_masthead() -> None:
    """Page 1's largest line, "Proposed Rules", is the issue's section, printed in every page's running head with
    the volume and date; the notice's title closes the bold stack (agency, CFR part, docket, RIN) above its text."""
    found = article("federal-register-2020-17221.pdf")
    assert found.title == "Airworthiness Directives; The Boeing Company Airplanes"
    assert not any(p.text in ("Proposed Rules", "Airworthiness Directives; The Boeing") for p in found.paragraphs)


def test_wild_list_of_short_links_is_a_menu_not_bullets_of_the_text() -> None:
    """The record's tabs ("Study Details", "Tabular View", ... "How to Read a Study Record") are a list of links."""
    texts = [p.text for p in article("clinicaltrials-gov-study.html").paragraphs]
    assert not any(text in ("Tabular View", "No Results Posted", "How to Read a Study Record") for text in texts)
    assert "Females who are pregnant" in texts


def test_wild_raw_html_table_in_markdown_reads_a_row_a_paragraph() -> None:
    """The Jekyll page writes its schedule as an HTML table: each row is one paragraph, read across as a pipe table's
    row is, the time beside the event and its room (set under it with `<br>`)."""
    texts = [p.text for p in article("usgpo-jekyll-ldtc-2019.md").paragraphs]
    assert "8:30 Registration and Networking Congressional Auditorium Atrium" in texts
    assert "9:50 General Remarks Bob Reeves Deputy Clerk of the House" in texts
    assert not any(text in ("8:30", "Congressional Auditorium Atrium", "Clerk of the House") for text in texts)


def test_wild_raw_html_table_row_keeps_a_biography_beside_its_speakers_name_and_office() -> None:
    """The speakers' biographies are rows too: the name and office over each biography open its paragraph."""
    texts = [p.text for p in article("usgpo-jekyll-ldtc-2019.md").paragraphs]
    assert any(
        text.startswith(
            "Addie Adeniji Director of Information Assurance, Office of the Chief Administrative Officer (HIR) "
            "Addie Adeniji directs risk management and audit compliance"
        )
        for text in texts
    )


def test_wild_raw_html_table_row_in_markdown_is_found_by_the_judge() -> None:
    """The judge reads the raw HTML as a browser shows it, a cell after a cell, so a quoted row is found there."""
    page = reference(WILD / "usgpo-jekyll-ldtc-2019.md")
    assert quote_in_reference("9:50 General Remarks Bob Reeves Deputy Clerk of the House", page)
    assert not quote_in_reference("9:50 General Remarks Cheryl L. Johnson Clerk of the House", page)


@needs_pdftotext
def test_wild_section_sign_set_a_thin_space_before_its_number_reads_as_two_words() -> None:
    """The notice sets "§ 39.13" with a gap of a sixth of its size, as pdftotext and a reader read it: a word gap is
    poppler's tenth of the size beyond the line's letter spacing (tracked capitals stay one word each)."""
    found = article("federal-register-2020-17221.pdf")
    text = paragraph_with(found, "The FAA amends")
    assert text.startswith("2. The FAA amends § 39.13 by removing Airworthiness Directive")
    assert quote_in_reference(text, reference(WILD / "federal-register-2020-17221.pdf"))


def test_wild_table_header_cell_of_two_lines_beside_one_line_cells_reads_whole_beside_them() -> None:
    """The cost table's last header cell, "Cost on U.S." over "operators", straddles the row of one-line headers:
    its two lines overlap that row's height, but their letters stand over one another, so they are two lines, and
    the table's head, over its rule, is read a cell at a time, that cell's two lines together."""
    texts = [p.text for p in article("federal-register-2020-17221.pdf").paragraphs]
    start = texts.index("ESTIMATED COSTS—Continued")
    assert texts[start + 1 : start + 6] == [
        "Action",
        "Labor cost",
        "Parts cost",
        "Cost per product",
        "Cost on U.S. operators",
    ]


def test_wild_byline_closing_the_article_names_its_author() -> None:
    """The post ends with "Posted by Alon Zakai." in the article's own `<footer>`: no date, no link, no meta."""
    assert article("v8-blog-standalone-wasm.html").author == "Alon Zakai"


def test_wild_heading_permalink_is_no_part_of_the_heading() -> None:
    headings = [p.text for p in article("v8-blog-standalone-wasm.html").paragraphs if p.kind == "heading"]
    assert "Current status" in headings
    assert not any(text.endswith("#") for text in headings)


def test_wild_caption_of_a_layout_table_is_no_paragraph() -> None:
    """The record lays its fields out in tables whose header cells name nothing; each carries a caption for screen
    readers ("Layout table for study information") that the page never shows."""
    texts = [p.text for p in article("clinicaltrials-gov-study.html").paragraphs]
    assert not any(text.startswith("Layout table for") for text in texts)
    assert "Females who are pregnant" in texts


def test_wild_lines_after_the_closing_credit_line_are_the_pages_not_the_posts() -> None:
    """Under "Posted on ... by Bradley M. Kuhn." the page prints "Submit comments on this post to <address>."."""
    texts = [p.text for p in article("ebb-org-blog.html").paragraphs]
    assert not any(text.startswith("Submit comments") for text in texts)
    assert texts[-1].startswith("As culture change becomes more rapid")


def test_wild_plain_text_authors_are_the_initialled_names_of_the_opening_blocks_right_column() -> None:
    """An RFC's opening block prints each author as initials and surname, with the affiliation on the line under
    it ("R. Fielding" / "UC Irvine"), and the date last."""
    assert article("ietf-rfc2616-http11.txt").author == (
        "R. Fielding, J. Gettys, J. Mogul, H. Frystyk, L. Masinter, P. Leach, T. Berners-Lee"
    )


def test_wild_kramdown_rfc_citation_reads_as_the_draft_prints_it() -> None:
    """`{{?RFC8312}}` cites an informative reference and `{{!RFC5681}}` a normative one: the draft prints
    "[RFC8312]"; `{{win-inc}}` points at a section, numbered only by the renderer, and stays as written."""
    found = article("kramdown-rfc-cubic-draft.md")
    assert paragraph_with(found, "This documents obsoletes").startswith("This documents obsoletes [RFC8312], updating")
    assert "reduce cwnd [RFC5681]" in paragraph_with(found, "In case of timeout")
    assert not any("{{?" in p.text or "{{!" in p.text for p in found.paragraphs)


def test_wild_link_without_text_reads_as_its_address() -> None:
    """`archived at [](https://...)`: the address is the only word written for the link; without it the
    sentence read "archived at ."."""
    text = paragraph_with(article("kramdown-rfc-cubic-draft.md"), "archived at")
    assert text.endswith("which is archived at https://mailarchive.ietf.org/arch/browse/tcpm/.")


def test_wild_sphinx_page_title_is_its_own_heading_not_the_projects_name_linking_home() -> None:
    """The theme's first `<h1>` is the project's name, a link to its index; `<title>` is "Page — Project"."""
    assert article("evolve-sphinx-shared-mutable-history.html").title == "Evolve: Shared Mutable History"


def test_wild_sphinx_headings_read_without_their_permalink_symbol() -> None:
    headings = [p.text for p in article("evolve-sphinx-shared-mutable-history.html").paragraphs if p.kind == "heading"]
    assert "Sharing with a single developer" in headings
    assert not any("¶" in text for text in headings)


def test_wild_microdata_date_published_dates_the_post() -> None:
    """Blogger prints "Sunday, May 8, 2016" above the post and marks the time under it with
    `<abbr itemprop="datePublished" title="2016-05-08T00:55:00-07:00">`; no meta tag gives a date."""
    found = article("blogger-silicon-exposed-greenpak4.html")
    assert (found.author, found.date) == ("Andrew Zonenberg", "2016-05-08")


def test_wild_markdown_named_footnote_resolves_to_its_text() -> None:
    found = article("howtheyvote-architecture.md")
    assert "All scrapers are stateless[1], i.e. they only depend" in paragraph_with(found, "stateless[1]")
    assert found.footnote(1).startswith("There is a single non-stateless detail: We use a simple in-memory")


def test_wild_word_template_keeps_its_table_cells_and_headings_as_written() -> None:
    """The solicitation's quality plan is a table: each cell's words are text; a heading keeps the symbol the
    author typed before it."""
    texts = [p.text for p in article("18f-agile-solicitation-template.docx").paragraphs]
    assert "Minimum of 90% test coverage of all code. All areas of code are meaningfully tested." in texts
    assert "›Technical Submissions" in texts


def test_wild_notes_a_left_out_table_cites_stay_the_documents_notes() -> None:
    """The Google Docs table's cells cite notes 1 and 2; the table is left out of the text, its notes are not."""
    found = article("google-docs-example.pdf")
    assert (found.footnote(1), found.footnote(2)) == ("2021 estimate", "2020 estimate")


def test_wild_ruled_table_of_labels_and_figures_is_left_out_and_the_prose_around_it_kept() -> None:
    """A ruled grid of one-word cells (countries, capitals, populations) read row by row runs its cells together
    ("Jakarta Berlin Vienna Paris"): no reading prints that line, so the grid is not text to quote; the prose is."""
    texts = [p.text for p in article("google-docs-example.pdf").paragraphs]
    assert not any("Jakarta" in text or "Continent" in text for text in texts)
    assert "Namespaces are one honking great idea -- let's do more of those!" in texts


def test_wild_labelled_note_closed_after_its_first_paragraph_and_again_after_its_last_is_whole() -> None:
    """The transcriber closed the first paragraph of Paine's note 24 (`... alluded to.]`) and its last (`... of each
    other.]`): the bracket closing the last opens nowhere, so the two paragraphs before it are the note's too."""
    found = article("gutenberg-paine-writings-vol2.txt")
    note = found.footnote(24)
    assert note is not None and note.startswith("It is scarcely possible to touch on any subject")
    assert "Humanity dictates a provision for the poor" in note
    assert note.endswith("they are sure\r\nof the guarantee of each other.")
    tail = ("Among the numerous instances", "In stating this case")
    assert not any(p.text.startswith(tail) for p in found.paragraphs)


def test_wild_labelled_note_left_unclosed_ends_where_the_next_labelled_note_starts() -> None:
    """Note 35 never closes its bracket; `[Footnote 36: ...]` after it is a note of its own, not words of note 35."""
    found = article("gutenberg-paine-writings-vol2.txt")
    assert "[36]" in paragraph_with(found, "The expense of this will be annually L250,000.")
    assert (found.footnote(36) or "").startswith("Public schools do not answer the general purpose of the poor.")
    assert "Public schools" not in (found.footnote(35) or "")


def test_wild_toml_front_matter_gives_title_and_author_and_named_notes_resolve() -> None:
    """Zola's `+++` front matter has no date key: the post's date is only in its address (`path`), never a date."""
    found = article("rust-blog-safety-critical-2026.md")
    assert (found.title, found.author, found.date) == (
        "What does it take to ship Rust in safety-critical?",
        "Pete LeVasseur",
        None,
    )
    assert "safety-critical companies.[4]" in paragraph_with(found, "Earlier efforts stalled")
    assert (found.footnote(4) or "").startswith("See the MC/DC tracking issue for context.")


def test_wild_e_book_producer_credit_printed_inside_the_fence_and_again_after_it_is_no_paragraph() -> None:
    """A "Produced by ..." line stands just inside the `*** START OF ... ***` fence and again after the END fence: the
    archive's credit, not the book's; the book starts with its own title."""
    texts = [p.text for p in article("gutenberg-paine-writings-vol2.txt").paragraphs]
    assert not [text for text in texts if text.startswith("Produced by")]
    assert texts[0] == "THE WRITINGS OF THOMAS PAINE, VOLUME II."


def test_wild_e_book_contents_list_without_page_numbers_is_no_paragraph() -> None:
    """Project Gutenberg lists the volume's parts and chapters under "TABLE OF CONTENTS", with no page numbers;
    the text starts again where an entry comes back as a heading ("EDITOR'S INTRODUCTION.")."""
    texts = [p.text for p in article("gutenberg-paine-writings-vol2.txt").paragraphs]
    assert not any(text in ("TABLE OF CONTENTS", "Dedication to George Washington", "Appendix") for text in texts)
    assert texts[texts.index("EDITOR'S INTRODUCTION.") + 1].startswith("WHEN Thomas Paine sailed from America")


def test_wild_page_that_is_all_preformatted_text_is_read_as_a_text_file() -> None:
    """rfcmarkup wraps an Internet-Draft's text in one `<pre>` a page: the running head each page repeats and the
    dotted contents list are the text file's furniture, and its sections are paragraphs, not one block a page."""
    texts = [p.text for p in article("ietf-draft-dejong-remotestorage-04.html").paragraphs]
    assert texts[:2] == ["Abstract", texts[1]] and texts[1].startswith("This draft describes a protocol")
    assert not any("Internet-Draft              remoteStorage" in text or "......" in text for text in texts)


def test_wild_page_footer_printed_with_each_pages_number_is_no_paragraph() -> None:
    """A footer ("de Jong    [Page 4]") closes every page with another number: the same margin line, never text."""
    assert not any("[Page " in p.text for p in article("ietf-draft-dejong-remotestorage-04.html").paragraphs)


def test_wild_plain_text_title_centred_by_hand_a_column_off_is_the_title() -> None:
    found = article("ietf-draft-dejong-remotestorage-04.html")
    assert (found.title, found.date) == ("remoteStorage", "2014-12-15")


def test_wild_plain_text_author_with_a_given_name_and_a_particle_is_read_whole() -> None:
    assert article("ietf-draft-dejong-remotestorage-04.html").author == "Michiel B. de Jong, F. Kooman"


def test_wild_hugo_footnotes_written_in_html_resolve_and_are_no_body_text() -> None:
    found = article("digitalgov-latinx-identity-2022.md")
    assert found.footnotes == {
        1: '"Google Diversity Annual Report 2020." Diversity Reports list in footer, Google Belonging.',
        2: '"Microsoft’s 2020 Diversity & Inclusion report: A commitment to accelerate progress amidst global '
        'change." The Official Microsoft Blog, Oct 21, 2020.',
    }
    assert "made up 5.9% of their overall workforce[1], with 4.8%" in paragraph_with(found, "Latinx+")
    assert "Footnotes" not in [p.text for p in found.paragraphs]


def test_wild_hugo_paragraph_inside_a_note_shortcode_is_kept_without_the_tags() -> None:
    found = article("digitalgov-latinx-identity-2022.md")
    assert paragraph_with(found, "In case you missed it").startswith(
        "In case you missed it, read part one: Celebrating"
    )
    assert not any("{{" in p.text for p in found.paragraphs)


def test_wild_back_link_arrow_after_a_paragraph_is_no_word_of_it() -> None:
    text = paragraph_with(article("digitalgov-latinx-identity-2022.md"), "mailing list at")
    assert text.endswith("please join our mailing list at: join.tts.gsa.gov/newsletter.")


def test_wild_eleventy_post_folded_title_note_and_template_link() -> None:
    found = article("18f-back-to-basics-ai-2024.md")
    assert (found.title, found.author, found.date) == ("Back to basics in the age of AI", None, "2024-06-18")
    assert found.footnotes[1].startswith("The GSA.gov website includes hypertext links, or pointers, to information")
    assert paragraph_with(found, "18Fers with dexterity") == (
        "As technologists, there are 18Fers with dexterity to advise on how you might leverage the power of AI. "
        "Reach out to 18F if you’re interested in exploring what this might look like for your agency."
    )


def test_wild_internet_draft_numbered_sections_are_headings() -> None:
    found = article("ietf-draft-dejong-remotestorage-04.html")
    headings = [p.text for p in found.paragraphs if p.kind == "heading"]
    assert {"1.  Introduction", "12.8. DELETE", "17.1. Normative References", "18. Authors' addresses"} <= set(headings)


def test_wild_heading_that_is_only_a_template_tag_is_no_paragraph() -> None:
    """The GDS Way's pages open with `# <%= current_page.data.title %>`: the page prints the front matter's title."""
    found = article("gds-way-incident-management.md")
    assert found.title == "How to manage technical incidents"
    assert found.paragraphs[0].text.startswith("GDS incident management focuses on restoring normal operations")


def test_wild_converted_page_header_fields_and_link_bar_are_no_text() -> None:
    found = article("crs-legal-sidebar-parental-rights-2026.md")
    assert found.date == "2026-04-20"
    assert not any(p.text.startswith(("Product Type:", "Citation")) for p in found.paragraphs)
    assert [p.text for p in found.paragraphs].count(found.title) == 0


def test_wild_crs_report_markers_reach_their_notes_by_named_anchors() -> None:
    """CRS's HTML names both ends with `<a name>` (`href="#fn3" name="ifn3"` and `href="#ifn3" name="fn3"`)."""
    found = article("crs-r48632-national-alerts-2025.html")
    assert len(found.footnotes) == 76
    assert "during wartime or other national emergencies.[3] Through Section 606(c)" in paragraph_with(
        found, "The President's authority to issue alerts"
    )
    assert found.footnote(3) == "47 U.S.C. §606."


def test_wild_note_in_a_table_row_is_its_text_cell_without_the_numbered_back_link() -> None:
    """The notes are rows of a table: `1.` (a link back to the text) in one cell, the note in the next."""
    found = article("crs-r48632-national-alerts-2025.html")
    assert found.footnote(1).startswith('Abdul-Akeem Sadiq et al., "Public Alert and Warning System Literature Review')
    assert found.footnote(22) == (
        'FEMA, "Emergency Alert System," October 30, 2023, https://www.fema.gov/emergency-managers/practitioners/'
        "integrated-public-alert-warning-system/public/emergency-alert-system."
    )
    assert not any(p.text.startswith(("1. Abdul-Akeem", "22.")) for p in found.paragraphs)


def test_wild_section_headings_the_extractor_dropped_head_their_paragraphs_again() -> None:
    """With no content container trafilatura recognises, it keeps paragraphs only; the `<h2>`s come back."""
    found = article("crs-r48632-national-alerts-2025.html")
    headings = [p.text for p in found.paragraphs if p.kind == "heading"]
    assert headings[:3] == ["Summary", "Introduction", "History of National Alerting"]
    assert "Footnotes" not in headings and "Contents" not in headings
    before_1951 = next(p for p in found.paragraphs if p.text.startswith("Before 1951"))
    assert before_1951.section == "History of National Alerting"


def test_wild_crs_report_header_gives_title_and_date_and_its_jump_link_is_no_text() -> None:
    found = article("crs-r48632-national-alerts-2025.html")
    assert (found.title, found.author, found.date) == (
        "National Alerts: A Primer and Selected Issues for Congress",
        None,
        "2025-08-15",
    )
    assert not any("Jump to Main Text" in p.text for p in found.paragraphs)


def test_wild_indesign_report_card_note_numbered_alone_above_its_text_resolves() -> None:
    """The RDR report's company cards set their notes at the page foot, each number on a line of its own."""
    found = next(
        a for a in parsed(WILD / "rdr-index-2018-report.pdf") if any("Ooredoo received" in p.text for p in a.paragraphs)
    )
    assert "including Etisalat, the UAE-based telecommunications company.[1] Ooredoo," in paragraph_with(
        found, "Ooredoo received"
    )
    assert found.footnote(1).startswith("The research period for the 2018 Index ran from January 13, 2017")


def test_wild_indesign_report_running_head_is_no_paragraph() -> None:
    """Even pages print "RANKING DIGITAL RIGHTS" above the page number; it is the publisher's, not the text's."""
    texts = [p.text for a in parsed(WILD / "rdr-index-2018-report.pdf") for p in a.paragraphs]
    assert "RANKING DIGITAL RIGHTS" not in texts
    assert not any(text.startswith("RANKING DIGITAL RIGHTS ") for text in texts)


def test_wild_numbered_references_cited_in_a_bracketed_list_open_notes_of_their_own() -> None:
    """The LibreOffice review cites its References as "[2, 3]": reference 3, cited only in that list, is a note of
    its own and no part of reference 2."""
    found = article("o2r-2020-reproducible-research-review.pdf")
    assert len(found.footnotes) == 58
    assert found.footnotes[2].endswith("Scientific Data, 6(1). doi:10.1038/sdata.2019.30")
    assert found.footnotes[3].startswith("Nüst, D., Granell, C., Hofer, B., Konkol, M., Ostermann, F. O.")


def test_wild_single_bracketed_citation_is_a_marker_of_its_reference() -> None:
    found = article("o2r-2020-reproducible-research-review.pdf")
    text = paragraph_with(found, "auxiliary software into a distributable")
    assert "into a distributable and executable unit” [25]. The concept" in text
    assert found.footnote(25).startswith("Gentleman, R. & Temple Lang, D. (2007). Statistical Analyses")


def test_wild_title_set_double_spaced_like_its_text_is_read_whole() -> None:
    """The review sets its 24-point title on three lines as far apart as its double-spaced text's lines."""
    assert article("o2r-2020-reproducible-research-review.pdf").title == (
        "Publishing computational research - A review of infrastructures for reproducible and transparent "
        "scholarly communication"
    )


def test_wild_word_table_of_contents_lines_are_no_paragraphs() -> None:
    """The FCC's order sets its contents in Word's `toc 1`-`toc 3` styles under a "TOC Title" paragraph."""
    texts = [p.text for p in parsed(WILD / "fcc-15-24-open-internet-order.docx")[0].paragraphs]
    assert "Table of Contents" not in texts
    assert not any(text.startswith(("I. Introduction", "1. Clear, Bright-Line Rules")) for text in texts)
    assert "Clear, Bright-Line Rules" in " ".join(texts)


def test_wild_word_footnote_reference_after_a_sentence_resolves_to_its_note() -> None:
    found = parsed(WILD / "fcc-15-24-open-internet-order.docx")[0]
    assert len(found.footnotes) == 1777
    text = paragraph_with(found, "the D.C. Circuit in Verizon v. FCC")
    assert "against blocking and unreasonable discrimination.[2] But the Verizon court" in text
    assert found.footnote(2) == "Verizon v. FCC, 740 F.3d 623 (D.C. Cir. 2014)."


def test_wild_mediawiki_page_title_revision_date_and_references() -> None:
    """A saved Wikipedia page: the H1, the footer's "last modified" date, the <ref> list as notes."""
    found = article("wikipedia-mozilla.html")
    assert (found.title, found.author, found.date) == ("Mozilla", None, "2016-10-28")
    assert len(found.footnotes) == 72
    assert "will also be free.[3] One day later" in paragraph_with(found, "One day later, Jamie Zawinski")
    assert found.footnote(3).startswith('"Freeing the Source: The Story of Mozilla".')


def test_wild_labelled_byline_names_the_authors_without_their_addresses_and_is_no_paragraph() -> None:
    """The byline "Authors: Markus Konkol* (m.konkol@...), Daniel Nüst, Laura Goulier (Institute for" wraps onto a
    second line that closes the affiliation's parenthesis; "* Corresponding author" under it says what the mark
    means."""
    found = article("o2r-2020-reproducible-research-review.pdf")
    assert found.author == "Markus Konkol, Daniel Nüst, Laura Goulier"
    assert not any(p.text.startswith(("Authors:", "Geoinformatics, University")) for p in found.paragraphs)


def test_wild_keywords_between_the_byline_and_the_first_heading_are_front_matter_not_text() -> None:
    """The review prints "Keywords: Open reproducible research, open science, computational statistics, scholarly"
    and "communication" on the line below, between its byline and its "Abstract" heading."""
    found = article("o2r-2020-reproducible-research-review.pdf")
    assert [(p.kind, p.text) for p in found.paragraphs[:2]] == [("heading", "Abstract"), ("heading", "Background")]
    assert not any(p.text.startswith("Keywords") or p.text == "communication" for p in found.paragraphs)


def test_wild_labelled_list_of_names_in_acknowledgements_stays_text() -> None:
    """The RDR index lists "Contributing researchers: Afef Abrougui, Shazeda Ahmed, ..." on its acknowledgements
    page: a list under a label, but in the text, not between a first page's byline and its first heading."""
    texts = [p.text for p in parsed(REAL / "rdr-index-2017.pdf")[0].paragraphs]
    assert any(text.startswith("Contributing researchers: Afef Abrougui, Shazeda Ahmed, Félix Blanc") for text in texts)


def test_wild_word_paragraph_of_brackets_or_marks_alone_is_no_paragraph() -> None:
    """The order's caption is a table whose middle column prints ")" on each line beside the parties."""
    texts = [p.text for p in parsed(WILD / "fcc-15-24-open-internet-order.docx")[0].paragraphs]
    assert ")" not in texts
    assert texts[:5] == [
        "Before the",
        "Federal Communications Commission",
        "Washington, D.C. 20554",
        "In the Matter of",
        "Protecting and Promoting the Open Internet",
    ]


def test_wild_wiki_headings_lose_their_edit_links() -> None:
    """MediaWiki sets "[edit]" (a link to `?action=edit`) beside every heading: a control for the site's editors."""
    headings = [p.text for p in article("wikipedia-mozilla.html").paragraphs if p.kind == "heading"]
    assert headings[:3] == ["History", "Eich CEO promotion controversy", "Values"]
    assert not any("edit]" in heading for heading in headings)


def test_wild_a_heading_anchored_by_its_own_words_is_not_furniture() -> None:
    """The heading's anchor id spells its title, "Eich_CEO_promotion_controversy": the "promo" in it names no box."""
    found = article("wikipedia-mozilla.html")
    assert any(p.text == "Eich CEO promotion controversy" and p.kind == "heading" for p in found.paragraphs)


def rdr_report() -> list[Article]:
    return parsed(WILD / "rdr-index-2018-report.pdf")


def test_wild_indesign_report_cover_title_is_its_stacked_lines_of_the_largest_type() -> None:
    """The cover sets its title in three lines of 53-point capitals; the footer repeats its words in 9 points, and
    a title page "2018 Corporate" in 35, which makes neither of the cover's lines a running line."""
    first = rdr_report()[0]
    assert (first.title, first.author) == ("2018 CORPORATE ACCOUNTABILITY INDEX", "RANKING DIGITAL RIGHTS")


def test_wild_indesign_report_cover_month_beside_its_web_address_dates_the_report() -> None:
    assert rdr_report()[0].date == "2018-04"


def test_wild_indesign_report_cover_web_address_line_is_no_paragraph() -> None:
    texts = [p.text for a in rdr_report() for p in a.paragraphs]
    assert not any("RANKINGDIGITALRIGHTS.ORG" in text for text in texts)


def test_wild_indesign_report_endnotes_go_on_past_a_number_glued_to_its_text_and_a_note_no_marker_cites() -> None:
    """Endnote 9 prints "9.For" with no space, and the markers of notes 96 and 97 are set as plain digits."""
    first = rdr_report()[0]
    assert first.footnote(9).startswith("For the full set of indicators, definitions, and research guidance")
    assert first.footnote(10).startswith("“2018 Indicators: Governance,” Ranking Digital Rights")
    assert first.footnote(98) == "See the 2018 Index methodology at: https://rankingdigitalrights.org/2018-indicators/."
    assert first.footnote(99).startswith("Michalsons, “Protection of Personal Information Act Summary,”")


def test_wild_indesign_report_chart_figures_at_a_page_foot_are_no_notes() -> None:
    """A chart's data labels ("67 67 56 ...") and axis ("100 %") at a page's foot would clash with endnotes 67
    and 100 and leave both unresolved."""
    first = rdr_report()[0]
    assert first.footnote(67).startswith("“An update on our efforts to combat violent extremism,” Twitter Blog")
    assert first.footnote(100).startswith("“International Principles on the Application of Human Rights")


def test_wild_indesign_report_last_endnote_stops_before_the_back_page() -> None:
    articles = rdr_report()
    (last,) = [a.footnote(109) for a in articles if a.footnote(109) is not None]  # with the chapter citing it
    assert last.endswith("https://www.internetworldstats.com/stats.htm.")
    texts = [p.text for a in articles for p in a.paragraphs]
    assert any(text.startswith("This report carries a Creative Commons Attribution 4.0") for text in texts)


def test_wild_indesign_report_chapter_after_the_company_cards_cites_the_reports_endnotes() -> None:
    """The methodology chapter follows the last card (notes 1 to 4) and cites endnotes 108 and 109."""
    found = next(a for a in rdr_report() if any("as in the 2017 Index.[108]" in p.text for p in a.paragraphs))
    assert found.footnote(108).startswith("“2018 Companies,” Ranking Digital Rights")
    assert found.footnote(109).startswith("Figures as of December 31, 2017.")
    assert found.footnote(1) is None


def test_wild_pandoc_front_matter_list_of_authors_gives_their_names() -> None:
    found = article("joss-inara-2022-article-writing.md")
    assert (found.title, found.author, found.date) == (
        "Article Writing with Markdown and the Open Journals publishing pipeline",
        "Albert Krewinkel, Juanjo Bazán, Arfon M. Smith",
        "2022-06-29",
    )


def test_wild_named_and_numbered_footnote_labels_are_numbered_in_reference_order() -> None:
    """`[^markers]` is cited first and `[^1]` (defined in a block quote) later: pandoc prints them 1 and 2; kept by
    label, both were note 1 and their texts ran together."""
    found = article("joss-inara-2022-article-writing.md")
    assert found.footnotes == {
        1: "Although it should be noted that some publishers prefer symbols or letters as footnote markers.",
        2: "An open license that allows reuse.",
    }
    assert paragraph_with(found, "license[2]") == (
        "Articles are published under a Creative Commons license[2]. Software should use an OSI-approved license."
    )


def test_wild_judge_numbers_mixed_footnote_labels_as_the_parser_does() -> None:
    ref = reference(WILD / "joss-inara-2022-article-writing.md")
    assert quote_in_reference("Articles are published under a Creative Commons license[2].", ref)


def test_wild_pandoc_attributes_after_an_image_are_no_words() -> None:
    found = article("joss-inara-2022-article-writing.md")
    assert not any(p.text.startswith("{") for p in found.paragraphs)
    assert 'includes the image "nyan-cat.png" while scaling it' in paragraph_with(found, "nyan-cat.png")


def test_wild_rfc822_style_header_gives_title_author_date_and_is_no_text() -> None:
    """A PEP opens with `PEP:`, `Title:`, `Author: name <address>`, `Created: 12-Jan-2017` and other fields."""
    found = article("pep-0541-package-index-name-retention.txt")
    assert (found.title, found.author, found.date) == ("Package Index Name Retention", "Łukasz Langa", "2017-01-12")
    assert not any("Content-Type: text/x-rst" in p.text for p in found.paragraphs)


def test_wild_underlined_section_titles_are_headings_without_their_underlines() -> None:
    found = article("pep-0541-package-index-name-retention.txt")
    headings = [p.text for p in found.paragraphs if p.kind == "heading"]
    assert {"Abstract", "Reachability", "Name conflict resolution for active projects"} <= set(headings)
    assert not any("=====" in p.text or "-----" in p.text for p in found.paragraphs)


def test_wild_restructuredtext_numbered_references_are_notes() -> None:
    found = article("pep-0541-package-index-name-retention.txt")
    assert sorted(found.footnotes) == list(range(1, 9))
    assert found.footnotes[8].startswith("Python Packaging Working Group")


def test_wild_pubreader_page_title_is_the_articles_and_its_reader_chrome_is_no_text() -> None:
    found = article("pmc-pubreader-2012-side-chains.html")
    assert found.title == (
        "Correlation analysis of the side-chains conformational distribution in bound and unbound proteins"
    )
    texts = [p.text for p in found.paragraphs]
    assert not any(chrome in text for text in texts for chrome in ("Welcome to PubReader!", "Share on Facebook"))


def test_wild_front_matter_line_the_text_prints_again_in_an_example_is_text() -> None:
    """The paper's YAML example repeats `name: Open Journals` from its front matter: the example is the paper's."""
    found = article("joss-inara-2022-article-writing.md")
    ref = reference(WILD / "joss-inara-2022-article-writing.md")
    example = paragraph_with(found, "name: Open Journals")
    assert not is_not_text(example, ref)
    assert "orcid: 0000-0002-9455-0796" in ref.not_text


FRONTIERS = "frontiers-2022-hypertension-sars-cov-2.pdf"


def test_wild_journal_byline_wrapping_over_three_lines_names_every_author() -> None:
    """The byline's first line already names three people ("Chang Chu 1,2, Anne Schönbrunn 3, Kristin Klemm 1,4,");
    the other four stand on the two lines under it, in its size and at its left edge."""
    assert article(FRONTIERS).author == (
        "Chang Chu, Anne Schönbrunn, Kristin Klemm, Volker von Baehr, Bernhard K. Krämer, Saban Elitok, Berthold Hocher"
    )


def test_wild_journal_byline_and_affiliations_are_no_paragraphs() -> None:
    texts = [p.text for p in article(FRONTIERS).paragraphs]
    assert not any("Berthold Hocher" in text or "Fifth Department of Medicine" in text for text in texts)


def test_wild_journal_sidebar_date_labelled_in_capitals_without_a_colon_dates_the_article() -> None:
    """The sidebar prints "RECEIVED 07 April 2022", "ACCEPTED 15 August 2022", "PUBLISHED 02 September 2022"."""
    assert article(FRONTIERS).date == "2022-09-02"


def test_wild_byline_affiliation_numbers_do_not_start_the_notes_over() -> None:
    """The byline's raised affiliation numbers (1 to 9) are no markers: the paper is one article, not its first
    page and then the rest."""
    assert [found.id for found in parsed(WILD / FRONTIERS)] == ["frontiers-2022-hypertension-sars-cov-2-1"]


def test_wild_raised_digits_after_a_ten_or_a_lone_letter_are_a_power_not_a_marker() -> None:
    """In "2 x 10⁵ PBMCs" and "R² of the model" the raised digits are exponents: a marker [5] or [2] would link the
    sentence to the paper's fifth or second reference."""
    texts = [p.text for p in article(FRONTIERS).paragraphs]
    assert any("Therefore, 2 x 10⁵ PBMCs were either incubated" in text for text in texts)
    assert any("and R² of the model is 0.255" in text for text in texts)
    assert not any("10[" in text or "R[2]" in text for text in texts)


def test_wild_a_power_stays_raised_and_is_not_flattened_into_another_number() -> None:
    """In "a cell count of 1 x 10⁶/ml" the six is raised: written "106" the count would read a hundred and six."""
    texts = [p.text for p in article(FRONTIERS).paragraphs]
    assert any("to obtain a cell count of 1 x 10⁶/ml in cell culture medium" in text for text in texts)
    assert not any("1 x 106/ml" in text for text in texts)


def test_wild_parenthesised_citation_of_the_numbered_reference_list_is_a_marker() -> None:
    """Frontiers cites its references "(1)" after a word; the number, the list's next, becomes a marker inside the
    printed parentheses, and the reference it cites is its note."""
    found = article(FRONTIERS)
    assert "cellular and humoral responses of the human immune system ([1])." in paragraph_with(
        found, "SARS Cov-2 virus"
    )
    assert found.footnotes[1].startswith("Galipeau Y, Greig M, Liu G, Driedger M, Langlois MA. Humoral responses")


def test_wild_parenthesised_range_of_citations_cites_every_reference_in_it() -> None:
    """ "(16–19)" cites 17 and 18 too: their references, cited nowhere else by number alone, are notes all the same."""
    found = article(FRONTIERS)
    assert "a key risk factor for poor outcome ([16][17][18][19])." in paragraph_with(found, "poor outcome")
    assert found.footnotes[17].startswith("Pranata R, Lim MA, Huang I, Raharjo SB, Lukito AA.")
    assert sorted(found.footnotes) == list(range(1, 26))


def test_wild_parenthesised_numbers_out_of_the_citation_sequence_stay_text() -> None:
    """A table's median and range, "204 (144, 432)", and a journal issue in a reference, "80(4):989", are no
    citations."""
    found = article(FRONTIERS)
    assert any(p.text.startswith("204 (144, 432)") for p in found.paragraphs)
    assert "Microbiol Mol Biol Rev (2016) 80(4):989–1010." in found.footnotes[8]


def test_wild_parenthesised_subsection_in_a_document_with_no_reference_list_stays_text() -> None:
    """A court cites "Art. VII(1)" of a compact: with no numbered list under a "References" or "Notes" heading, no
    parenthesised number is a marker."""
    text = paragraph_with(article("scotus-2013-tarrant-v-herrmann.pdf"), "Kansas-Nebraska Big Blue River Compact")
    assert "Art. VII(1), 86 Stat. 198" in text


def test_wild_journal_byline_wrapping_mid_name_with_orcid_marks_names_every_author() -> None:
    """PLOS prints "Paolo Rodi ID1,2*, ... Mario" and "C. Raviglione ID1" under it: the ORCID mark and the
    affiliation numbers part the names, and the last name runs on to the next line."""
    assert article("plos-medicine-2022-unga-health-meetings.pdf").author == (
        "Paolo Rodi, Werner Obermeyer, Ariel Pablos-Mendez, Andrea Gori, Mario C. Raviglione"
    )


def test_wild_journal_name_in_larger_type_over_the_title_is_no_title() -> None:
    """PLOS sets "PLOS MEDICINE" in 21 points over the article's title in 18; the Info Title prints the latter."""
    found = article("plos-medicine-2022-unga-health-meetings.pdf")
    assert found.title == (
        "Political rationale, aims, and outcomes of health-related high-level meetings and special sessions at the"
        " UN General Assembly: A policy research observational study"
    )
    assert "PLOS MEDICINE" not in [p.text for p in found.paragraphs]


PLOS = "plos-medicine-2022-unga-health-meetings.pdf"


def test_wild_proof_query_laid_over_a_line_in_another_font_is_not_read_into_it() -> None:
    """The proof lays its copy-editor's query over the abstract's first line, on its baseline in another font."""
    text = paragraph_with(article(PLOS), "Recognising the")
    assert text.startswith("Recognising the substantial political weight of the United Nations General Assembly (UNGA)")


def test_wild_proof_querys_colons_in_a_third_font_are_left_out_with_it() -> None:
    text = paragraph_with(article(PLOS), "We identified how")
    assert "We identified how strong support from countries and civil society contributed" in text


def test_wild_two_proof_queries_laid_over_a_table_title_and_past_its_end_leave_the_title() -> None:
    texts = [p.text for p in article(PLOS).paragraphs]
    assert "Table 2. Main factors influencing the preparatory process of health-related UN events." in texts


def test_wild_reference_list_numbers_hung_left_of_their_items_open_the_notes() -> None:
    """PLOS hangs each reference's number ("1.", "60.") a gutter's width left of its lines: the numbers are the
    items', not a column of their own, and each reference is the note its number's marker cites."""
    notes = article(PLOS).footnotes
    assert notes[1] == (
        "What can the UN General Assembly do for global health? Lancet. 2013; 382:1000."
        " https://doi.org/10.1016/S0140-6736(13)61959-5 PMID: 24054523"
    )
    assert notes[60] == (
        "Smith JH, Whiteside A. The history of AIDS exceptionalism. J Int AIDS Soc. 2010; 13:47."
        " https://doi.org/10.1186/1758-2652-13-47 PMID: 21129197"
    )
    assert len(notes) == 61


def test_wild_reference_list_under_its_heading_at_a_page_foot_is_no_page_foot_notes() -> None:
    """The list starts under "References" in the lower half of a page, in small type, and fills the next pages: read
    as those pages' notes, numbered from 1 again, they would part the paper in two at the markers citing them."""
    (found,) = parsed(WILD / PLOS)
    assert found.paragraphs[-1].text.startswith("Writing – review & editing: Paolo Rodi")
    assert found.footnotes[61].startswith("Reid M, Abdool-Karim Q, Geng E, Goosby E.")


def test_wild_glyph_its_font_maps_to_the_replacement_character_is_not_read() -> None:
    """A table's note opens with a TeX symbol font's dagger, mapped to U+FFFD: pdftotext leaves it out too."""
    texts = [p.text for p in article(PLOS).paragraphs]
    assert "Too early to be judged correctly." in texts
    assert [text for text in texts if "\ufffd" in text] == []


def test_wild_columns_above_a_figure_are_read_to_their_end_before_the_columns_below_it() -> None:
    """Page 7 of the notice sets items (1) and (2) in three columns above a figure and item (3) in two columns below
    it: read with one gutter for the whole page, (3)'s first column ran on into (1) before (3)'s second column."""
    texts = [p.text for p in article("federal-register-2020-17221.pdf").paragraphs]
    assert (
        "(1) In the Certificate Limitations and Operating Procedures chapters, remove the information identified as "
        "‘‘Required by AD 2018–23–51.’’"
    ) in texts
    assert (
        "(3) In the Operating Procedures chapter, replace the existing Airspeed Unreliable paragraph with the "
        "information in figure 2 to paragraph (h)(3) of this AD."
    ) in texts


def test_wild_two_rows_of_columns_under_a_figure_are_read_column_by_column() -> None:
    """Item (4) stands under a page-wide figure in two columns of two rows each, too few for a gutter found by
    counting rows: each row parts at one gap, and the left column is read before the right one."""
    texts = [p.text for p in article("federal-register-2020-17221.pdf").paragraphs]
    assert (
        "(4) In the Operating Procedures chapter, replace the existing Runaway Stabilizer paragraph with the "
        "information in figure 3 to paragraph (h)(4) of this AD."
    ) in texts


def test_wild_list_items_at_the_edges_of_figure_pages_are_no_running_lines() -> None:
    """Items (2), (4), (5), (6) each open a page's text next to a figure, their numbers going up as the pages' do,
    but each at another height on its page: no running head, and the item keeps its opening line."""
    texts = [p.text for p in article("federal-register-2020-17221.pdf").paragraphs]
    assert (
        "(2) In the Operating Procedures chapter, revise the General paragraph to include the information in figure 1 "
        "to paragraph (h)(2) of this AD."
    ) in texts
    assert (
        "(5) In the Operating Procedures chapter, replace the existing Stabilizer Trim Inoperative paragraph with the "
        "information in figure 4 to paragraph (h)(5) of this AD."
    ) in texts
    assert (
        "(6) In the Operating Procedures chapter, add the information in figure 5 to paragraph (h)(6) of this AD."
        in texts
    )


def test_wild_hugo_deck_the_layout_prints_under_the_title_is_the_first_paragraph_and_summary_none() -> None:
    """digital.gov's news layout prints `deck` under the h1; `summary` only on the news list's cards."""
    texts = [p.text for p in article("digitalgov-latinx-identity-2022.md").paragraphs]
    assert texts[0] == (
        "The TTS Latinx employee resource group shares definitions, data, and the importance of representation in "
        "civic tech."
    )
    assert not any(text.startswith("TTS highlights Latinx employees") for text in texts)
