"""Two documents of the wild collection from producers it had not held (tests/data/wild, see its manifest.jsonl): The
Clojure Style Guide as Asciidoctor 2.0.21 publishes it (a standalone page: admonitions set as a table of a label cell
and a content cell, every block in a wrapper `<div>`, footnotes in `div#footnotes`), and an rOpenSci blog post in
the Markdown knitr writes from R Markdown for Hugo (`keep_md`: an author list in the front matter, R output in
fenced blocks, pandoc footnotes).

Expected values are what each document prints.
"""

from __future__ import annotations

import pytest

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"


@pytest.fixture(scope="module")
def guide() -> Article:
    (article,) = articles(WILD / "clojure-style-guide-asciidoctor.html")
    return article


@pytest.fixture(scope="module")
def post() -> Article:
    (article,) = articles(WILD / "ropensci-2021-how-to-cite-r-packages.md")
    return article


def texts(article: Article) -> list[str]:
    return [paragraph.text for paragraph in article.paragraphs]


def test_admonition_label_is_a_line_of_its_own_not_the_first_word_of_its_sentence(guide: Article) -> None:
    """The page sets "Note" in the left cell of a one-row table and the note's text in the right one."""
    lines = texts(guide)
    first = lines.index(
        "Clojure’s developers also maintain a list of coding guidelines for libraries.[1] They were one"
        " of the sources of inspiration for the document, you’re currently reading."
    )
    assert lines[first - 1] == "Note"
    assert not [line for line in lines if line.startswith(("Note Clojure", "Tip If you", "Note These translations"))]


def test_list_of_titles_the_sentence_before_announces_is_read_as_its_bullets(guide: Article) -> None:
    """ "Here are some of them:" closes the paragraph, then a list of twelve linked titles: short links, as a menu's
    are, but announced by the text."""
    lines = texts(guide)
    lead = lines.index(
        "Many people, books, presentations, articles and other style guides influenced the community Clojure style"
        " guide. Here are some of them:"
    )
    assert lines[lead + 1 : lead + 4] == [
        '"The Elements of Style"',
        '"The Elements of Programming Style"',
        "Python Style Guide (PEP-8)",
    ]
    assert guide.paragraphs[lead + 1].kind == "bullet"


def test_list_entries_each_a_paragraph_of_one_link_are_all_kept(guide: Article) -> None:
    """Asciidoctor writes every entry as `<li><p>...</p></li>`; the translations list links each language, two of them
    followed by "(Under progress)"."""
    lines = texts(guide)
    start = lines.index("Translations of the guide are available in the following languages:") + 1
    assert lines[start : start + 3] == ["Chinese", "Italian (Under progress)", "Japanese"]


def test_list_of_names_no_sentence_announces_stays_out(guide: Article) -> None:
    """The editor team's four linked names follow a sentence that ends in a full stop: a menu of short links."""
    assert "Alex Miller" not in texts(guide)


def test_every_asciidoctor_footnote_resolves_to_its_text(guide: Article) -> None:
    assert len(guide.footnotes) == 9
    assert guide.footnotes[5] == (
        "*BSD/Solaris/Linux/macOS users are covered by default, Windows users have to be extra careful."
    )
    assert "Use Unix-style line endings.[5]" in texts(guide)


def test_asciidoctor_page_without_an_author_line_has_no_author(guide: Article) -> None:
    assert (guide.title, guide.author) == ("The Clojure Style Guide", None)


def test_knitr_markdown_front_matter_author_list_and_date(post: Article) -> None:
    assert (post.title, post.author, post.date) == ("How to Cite R and R Packages", "Steffi LaZerte", "2021-11-16")


def test_knitr_markdown_chunk_output_is_preformatted_and_its_footnotes_resolve(post: Article) -> None:
    kinds = {paragraph.text: paragraph.kind for paragraph in post.paragraphs}
    assert kinds['## [1] "R version 4.1.2 (2021-11-01)"'] == "preformatted"
    assert post.footnotes[5] == (
        "Repeatable means others can repeat an experiment and get the same results. Reproducible means others can"
        " reproduce the same analysis exactly. See"
        " https://www.nationalacademies.org/news/2019/09/reproducibility-and-replicability-in-research"
    )
    assert len(post.footnotes) == 6
