"""Saved web pages from generators the HTML parser was not tuned on (tests/data/wild, see its manifest.jsonl): a
MediaWiki 1.35 page with inline math and references, and a Drupal 7 press page of the White House's archived site.

Expected values are what each page prints, as its visible text shows it.
"""

from __future__ import annotations

import json

from eval.reference import is_not_text, quote_in_reference, reference
from qa.corpus import Article
from qa.sentences import split_sentences
from qa.settings import PROJECT_ROOT
from tests.parsed import articles as parsed

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
WIKI = "wikipedia-tsne-2019.html"
DRUPAL = "whitehouse-2015-weekly-address-community-college.html"


def article(name: str) -> Article:
    (only,) = parsed(WILD / name)
    return only


def not_text(name: str) -> tuple[str, ...]:
    rows = (json.loads(line) for line in (WILD / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    return tuple(next(row for row in rows if row["file"] == name)["not_text"])


def test_mediawiki_json_ld_title_is_the_printed_heading_not_the_short_description() -> None:
    """The page's JSON-LD gives `headline` "technique for dimensionality reduction" (Wikidata's description, printed
    nowhere) and `name` "T-distributed stochastic neighbor embedding", the H1 the page prints."""
    assert article(WIKI).title == "T-distributed stochastic neighbor embedding"


def test_mediawiki_credit_printed_nowhere_is_no_author_and_the_revision_shown_dates_the_page() -> None:
    """JSON-LD credits "Contributors to Wikimedia projects" and dates the article's creation (2013-06-23); the page
    prints neither, and prints "This page was last edited on 25 October 2019"."""
    found = article(WIKI)
    assert (found.author, found.date) == (None, "2019-10-25")


def test_inline_formula_hidden_behind_its_image_stays_in_its_sentence() -> None:
    """MediaWiki hides each formula's MathML (`display: none`) beside an image of it; dropped, the sentence read
    "the probabilities with are set to zero"."""
    texts = [p.text for p in article(WIKI).paragraphs]
    assert "Moreover, the probabilities with i = j {\\displaystyle i=j} are set to zero : p i i = 0" in " ".join(texts)
    assert not any(" with are set" in text or "objects , t-SNE" in text for text in texts)


def test_every_sentence_of_the_mediawiki_page_is_found_by_the_judge() -> None:
    found, ref = article(WIKI), reference(WILD / WIKI, not_text(WIKI))
    sentences = [p.text[s.start : s.end] for p in found.paragraphs for s in split_sentences(p.text)]
    assert sentences
    assert [s for s in sentences if not quote_in_reference(s, ref)] == []


def test_mediawiki_reference_holds_no_stylesheet_of_its_citation_template() -> None:
    """The first citation carries the template's `<style>` (".mw-parser-output cite.citation{...}") inside it."""
    found = article(WIKI)
    assert found.footnote(1) == (
        'van der Maaten, L.J.P.; Hinton, G.E. (Nov 2008). "Visualizing Data Using t-SNE" (PDF). '
        "Journal of Machine Learning Research. 9: 2579–2605."
    )
    assert sorted(found.footnotes) == list(range(1, 13))


def test_mediawiki_references_are_cited_where_the_text_prints_them() -> None:
    text = next(p.text for p in article(WIKI).paragraphs if p.text.startswith("t-SNE has been used"))
    assert "computer security research,[2] music analysis,[3] cancer research,[4]" in text


def test_in_page_table_of_contents_and_its_heading_are_no_paragraphs() -> None:
    headings = [p.text for p in article(WIKI).paragraphs if p.kind == "heading"]
    assert "Contents" not in headings
    assert headings[:2] == ["Details", "Software"]


def test_drupal_press_page_title_and_release_date() -> None:
    """The H1 (the <title> adds " | whitehouse.gov") and "For Immediate Release April 11, 2015"."""
    found = article(DRUPAL)
    assert (found.title, found.date) == ("Weekly Address: Tuition-Free Community College", "2015-04-11")


def test_drupal_press_page_menus_banner_and_share_links_are_no_paragraphs() -> None:
    """Some 200 menu links, the archive banner, "Share This:" and the footer's links surround the transcript."""
    found, ref = article(DRUPAL), reference(WILD / DRUPAL, not_text(DRUPAL))
    assert found.paragraphs
    assert not any(is_not_text(p.text, ref) for p in found.paragraphs)
    assert not any(p.text.strip() in ("", "\xa0") for p in found.paragraphs)
