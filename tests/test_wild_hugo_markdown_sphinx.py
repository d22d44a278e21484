"""Three documents of the wild collection from producers it had not held (tests/data/wild, see its manifest.jsonl): a
blog post as Hugo writes it into a site's public/ folder (the poison theme: a sidebar with the blog's brand, the date
under the post's title, no byline), an OpenSSF guide in GitHub-flavoured Markdown (a dated byline in italics under
the title, table cells broken with `<br/>`, footnotes with named labels, one cited before a colon), and a NumPy
Enhancement Proposal as Sphinx 1.8 renders it (docutils' field list of Author, Status, Type and Created under the
title, footnotes as one-row tables).

Expected values are what each document prints.
"""

from __future__ import annotations

import pytest

from eval.reference import reference
from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
GUIDE = WILD / "openssf-2026-compiler-annotations-c-cpp.md"


@pytest.fixture(scope="module")
def post() -> Article:
    (article,) = articles(WILD / "n0rdy-blog-2023-ai-tools-for-software-engineers.html")
    return article


@pytest.fixture(scope="module")
def guide() -> Article:
    (article,) = articles(GUIDE)
    return article


@pytest.fixture(scope="module")
def proposal() -> Article:
    (article,) = articles(WILD / "numpy-nep-0000-purpose-and-process.html")
    return article


def texts(article: Article) -> list[str]:
    return [paragraph.text for paragraph in article.paragraphs]


def test_hugo_post_title_is_its_heading_without_the_blogs_name(post: Article) -> None:
    """`<title>` reads "n0rdy - AI tools ..."; the post's h1 prints the title alone."""
    assert post.title == "AI tools for software engineers: 5 things to be careful about/aware of"


def test_hugo_post_date_is_the_time_under_its_title(post: Article) -> None:
    assert post.date == "2023-12-26"


def test_hugo_post_has_no_author_where_only_the_blogs_brand_is_printed(post: Article) -> None:
    """The sidebar's brand "n0rdy" names the blog; the post prints no byline and no meta author."""
    assert post.author is None


def test_hugo_post_sidebar_and_newsletter_form_are_not_text(post: Article) -> None:
    lines = texts(post)
    assert lines[-1] == "Have fun =)"
    assert not any("All rights reserved" in text or "Receive an email" in text for text in lines)


def test_dated_byline_under_the_title_gives_author_and_date(guide: Article) -> None:
    """The byline reads "_by the [OpenSSF](...) [Best Practices Working Group](...), 2026-06-30_"; its "the" is
    the sentence's article, not a word of the name."""
    assert guide.title == "Compiler Annotations for C and C++"
    assert guide.author == "Open Source Security Foundation (OpenSSF) Best Practices Working Group"
    assert guide.date == "2026-06-30"


def test_dated_byline_is_metadata_not_a_paragraph(guide: Article) -> None:
    assert texts(guide)[0].startswith("Compile time security analysis and runtime mitigation")


def test_inline_html_line_break_parts_the_words_either_side(guide: Article) -> None:
    """A cell "GCC 2.95.3<br/>Clang 13.0.0" shows two lines; run together they read "2.95.3Clang"."""
    row = "malloc GCC 2.95.3 Clang 13.0.0 Function Mark custom allocation functions that return non-aliased"
    assert any(text.startswith(row) for text in texts(guide))
    assert not any("2.95.3Clang" in text for text in texts(guide))


def test_named_note_cited_before_a_colon_is_a_marker(guide: Article) -> None:
    """`attributes[^clang-ownership]: that interact` cites the note mid-sentence; the eighth label cited is note 8."""
    sentence = "ownership_holds attributes[8]: that interact with the Clang static analyzer[9]."
    assert any(sentence in text for text in texts(guide))
    assert guide.footnotes[8].startswith("LLVM team, Attributes in Clang: ownership_holds, ownership_returns")


def test_judge_numbers_notes_past_a_label_cited_before_a_colon() -> None:
    """Only `[^x]:` opening a line defines a note: read as a definition mid-sentence, it numbered itself 0 and every
    later note one too low."""
    text = reference(GUIDE).text
    assert "ownership_holds attributes[8]: that interact with the Clang static analyzer[9]." in text
    assert "The access attribute in GCC[13] specifies" in text


def test_field_list_under_the_title_gives_author_without_address(proposal: Article) -> None:
    """Sphinx sets "Author: Jarrod Millman <millman@berkeley.edu>" in a field list right under the h1."""
    assert proposal.author == "Jarrod Millman"


def test_field_list_created_date_comes_before_the_build_footer(proposal: Article) -> None:
    """The field "Created: 2017-12-11" dates the proposal; the footer's "Last updated on Jul 06, 2019." the build."""
    assert proposal.date == "2017-12-11"


def test_docutils_footnote_tables_are_read_without_their_back_links(proposal: Article) -> None:
    assert proposal.footnotes == {
        1: "This historical record is available by the normal git commands for retrieving older revisions, and can"
        " also be browsed on GitHub.",
        2: "The URL for viewing NEPs on the web is https://www.numpy.org/neps/.",
    }


def test_section_titled_copyright_by_a_generator_naming_sections_after_titles_is_text(proposal: Article) -> None:
    """docutils makes each section's id from its title (`<div class="section" id="copyright">`): "copyright" names
    the section's subject there, not a site's copyright box, and the proposal's licence is a sentence of its text."""
    assert texts(proposal)[-2:] == ["Copyright", "This document has been placed in the public domain."]


def test_a_section_of_its_heading_and_one_link_is_text(proposal: Article) -> None:
    """NEP 0's "Discussion" section is its heading over a list of one link, to the mailing-list thread: the section
    stands between the proposal's own sections, so it is the proposal's text, not a box of links beside it."""
    (heading,) = [paragraph for paragraph in proposal.paragraphs if paragraph.text == "Discussion"]
    following = proposal.paragraphs[heading.index]
    assert (heading.kind, following.kind, following.section) == ("heading", "bullet", "Discussion")
    assert following.text == "https://mail.python.org/pipermail/numpy-discussion/2017-December/077481.html"
