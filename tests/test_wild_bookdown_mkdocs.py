"""Two web pages of the wild collection from producers it had not held (tests/data/wild, see its manifest.jsonl): a
chapter of an open textbook as bookdown's gitbook output splits it into pages (a "Written by" line under the chapter's
heading, pandoc's footnotes whose back links name the chapter's own file), and a blog post of Material for MkDocs'
documentation site (the date in the post's sidebar, code listings whose lines carry empty anchors).

Expected values are what each page prints.
"""

from __future__ import annotations

import pytest

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"


@pytest.fixture(scope="module")
def chapter() -> Article:
    (article,) = articles(WILD / "ubc-geomatics-relational-databases.html")
    return article


@pytest.fixture(scope="module")
def post() -> Article:
    (article,) = articles(WILD / "mkdocs-material-blog-2021-search.html")
    return article


def texts(article: Article) -> list[str]:
    return [paragraph.text for paragraph in article.paragraphs]


def test_chapter_author_is_the_written_by_line_under_its_heading(chapter: Article) -> None:
    """No meta author, no link: the chapter prints "Written by" / "Paul Pickell" right under its h1."""
    assert chapter.author == "Paul Pickell"


def test_case_study_credit_lower_on_the_page_is_not_the_author(chapter: Article) -> None:
    """Section 5.23 prints "Case Study Author: Taelynn Lam ..."; the chapter's byline is the one under its heading."""
    assert any(text.startswith("Case Study Author: Taelynn Lam") for text in texts(chapter))
    assert chapter.author != "Taelynn Lam"


def test_note_back_link_to_the_chapters_own_file_is_not_read_into_the_note(chapter: Article) -> None:
    """bookdown links each note back by the page's file name (`relational-databases.html#fnref2`), the arrow "↩︎"
    (with its text-style selector) its label."""
    assert chapter.footnotes[2] == (
        "Extracted by clipping the Canada-wide dissemination areas boundary to the City of Vancouver’s municipality"
        " boundary."
    )
    assert not any("↩" in note for note in chapter.footnotes.values())


def test_chapter_markers_stand_where_the_page_raises_them(chapter: Article) -> None:
    assert any("a polygon shapefile of the DAs in Vancouver[2] is obtained" in text for text in texts(chapter))


def test_post_date_is_the_time_in_its_sidebar(post: Article) -> None:
    """The post's only `<time>` ("September 13, 2021") stands in the blog's sidebar, a `<nav>` outside the
    `<article>`; the page has no meta date."""
    assert post.date == "2021-09-13"


def test_one_line_listing_with_a_line_anchor_is_kept(post: Article) -> None:
    """Material for MkDocs gives every listing's line an empty anchor `<a id=__codelineno-9-1 ...></a>`: the
    separator the text announces ("to the following value:") is a listing of one line."""
    lines = texts(post)
    lead = next(
        i for i, text in enumerate(lines) if text.endswith("its own separator configuration to the following value:")
    )
    assert lines[lead + 1] == '[\\s\\-,:!=\\[\\]()"/]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;'
    assert "\\.(?!\\d)" in lines


def test_post_notes_are_read_whole_without_their_back_links(post: Article) -> None:
    assert sorted(post.footnotes) == list(range(1, 9))
    assert post.footnotes[7] == "Smallest value of ten distinct runs."
    assert (
        post.footnotes[3]
        == "China and Japan are both within the top 5 countries of origin of users of Material for MkDocs."
    )


def test_post_title_and_author_are_printed_ones(post: Article) -> None:
    assert (post.title, post.author) == ("Search: better, faster, smaller", "Martin Donath")


def test_blog_chrome_is_not_read_as_text(post: Article) -> None:
    assert not [text for text in texts(post) if text in ("Initializing search", "Back to index", "15 min read")]


def test_written_by_line_under_the_chapter_heading_is_no_paragraph(chapter: Article) -> None:
    """The "Written by" / "Paul Pickell" line is where the author was read from, not a sentence of the chapter: the
    text opens with the chapter's first paragraph under it."""
    assert "Written by Paul Pickell" not in texts(chapter)
    assert texts(chapter)[0].startswith("You have almost certainly used a relational database in some form")
