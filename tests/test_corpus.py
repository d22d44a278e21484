"""The parser on the real bundled corpus: articles, attribution, footnote scope, chrome."""

from __future__ import annotations

import pytest

from qa.corpus import Article, parse_date
from qa.formats.text import parse_text
from tests.conftest import HRNK, by_title

DIALOGUE = "A Human Rights Dialogue with North Korea: Real or Illusory?"
SCRUTINY = "North Korea Faces Heightened Human Rights Scrutiny"


def test_hrnk_listing_parses_into_its_27_entries(hrnk: list[Article]) -> None:
    assert len(hrnk) == 27
    assert hrnk[0].title == DIALOGUE
    assert hrnk[-1].title == "The North Korean Refugee Crisis: Human Rights and International Response"


def test_38north_file_is_one_article_with_no_author_or_date(north38: Article) -> None:
    assert north38.title == "A Serious Human Rights Negotiation with North Korea"
    assert north38.author is None
    assert north38.date is None
    assert len(north38.footnotes) == 27


def test_byline_and_date_come_from_the_entry_header(hrnk: list[Article]) -> None:
    article = by_title(hrnk, DIALOGUE)
    assert (article.author, article.date, article.source) == ("Roberta Cohen, HRNK Co-Chair", "2014-10-16", HRNK)


def test_placeholder_date_1969_is_unknown(hrnk: list[Article]) -> None:
    article = by_title(hrnk, "Legal Strategies for Protecting Human Rights in North Korea")
    assert article.author == "Skadden, Arps, Slate, Meagher & Flom LLP"
    assert article.date is None


@pytest.mark.parametrize(("text", "expected"), [("Oct 16, 2014", "2014-10-16"), ("Dec 31, 1969", None), ("soon", None)])
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_endnotes_belong_to_their_own_article(hrnk: list[Article]) -> None:
    dialogue = by_title(hrnk, DIALOGUE)
    assert len(dialogue.footnotes) == 17
    assert dialogue.footnotes[11] == "G8 Final Communique, Lough Erne, 2013, para. 93."
    assert all(not a.footnotes for a in hrnk if a.title != DIALOGUE)


def test_marker_without_definition_stays_in_text_and_resolves_to_nothing(hrnk: list[Article]) -> None:
    scrutiny = by_title(hrnk, SCRUTINY)
    assert [m.number for m in scrutiny.paragraphs[0].markers] == [1]
    assert scrutiny.footnote(1) is None


def test_bracketed_words_are_not_markers(hrnk: list[Article]) -> None:
    text = by_title(hrnk, SCRUTINY).paragraphs[0].text
    assert "[emphasis added]" in text
    assert [m.number for m in by_title(hrnk, SCRUTINY).paragraphs[0].markers] == [1]
    korean = next(a for a in hrnk if a.title and a.title.startswith("[세계초대석]"))
    assert korean.author == "박희준"


def test_adjacent_and_glued_markers_are_found(hrnk: list[Article], north38: Article) -> None:
    assert [m.number for m in north38.paragraphs[0].markers] == [1, 2]
    aid = by_title(hrnk, DIALOGUE).paragraphs[6]
    assert "reasons.[14]These" in aid.text
    assert 14 in [m.number for m in aid.markers]


def test_untitled_listing_summaries_are_not_credited_to_the_entry_above(hrnk: list[Article]) -> None:
    illicit = next(a for a in hrnk if a.paragraphs and a.paragraphs[0].text.startswith("In Illicit:"))
    assert (illicit.title, illicit.author, illicit.date) == (None, None, None)
    camp25 = by_title(hrnk, "North Korea's Camp No. 25 Update")
    assert len(camp25.paragraphs) == 1


def test_page_chrome_is_not_a_paragraph(hrnk: list[Article], north38: Article) -> None:
    texts = [p.text for a in [*hrnk, north38] for p in a.paragraphs]
    assert not any(t.startswith(("Read Summary", "The views expressed", "Home >", "Stay informed")) for t in texts)
    assert "1 2 3" not in texts
    assert "Articles by Board Members, Fellows and Staff" not in texts
    assert not any(t.startswith("Key Words:") for t in texts)


def test_endnote_block_is_not_a_paragraph(north38: Article) -> None:
    assert not any(p.text.startswith("[") for p in north38.paragraphs)
    assert north38.paragraphs[-1].text.startswith("Human rights talks may or may not succeed")


def test_every_paragraph_is_a_verbatim_slice_of_its_file(
    hrnk: list[Article], north38: Article, corpus_texts: dict[str, str]
) -> None:
    for article in [*hrnk, north38]:
        source = corpus_texts[article.source]
        for p in article.paragraphs:
            assert source[p.offset : p.offset + len(p.text)] == p.text


def test_headings_are_kept_and_give_their_paragraphs_a_section(north38: Article) -> None:
    heading = north38.paragraphs[3]
    assert (heading.kind, heading.text) == ("heading", "Human Rights Priorities")
    assert north38.paragraphs[4].section == "Human Rights Priorities"


def test_bullets_lose_their_bullet_but_keep_their_words(north38: Article) -> None:
    bullet = north38.paragraphs[9]
    assert bullet.kind == "bullet"
    assert bullet.text.startswith("The release of all Americans imprisoned in North Korea.")


def test_wrapped_plain_text_joins_lines_into_paragraphs() -> None:
    text = "My Report\n\nBy Jane Doe\n\nFirst line of a paragraph\nthat wraps here.[1]\n\n[1] A note.\n"
    (article,) = parse_text(text, "mine.txt")
    assert (article.title, article.author) == ("My Report", "Jane Doe")
    assert [p.text for p in article.paragraphs] == ["First line of a paragraph\nthat wraps here.[1]"]
    assert article.footnotes == {1: "A note."}
