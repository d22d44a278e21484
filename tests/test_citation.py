"""The citation styles the copy button offers, each with its exact text; unknowns as the style writes them."""

from __future__ import annotations

from qa.schema import DocumentRef, SourceOut
from web.citation import apa, bibtex, chicago, citation, citations

URL = "https://example.org/reports/water.pdf"


def source(
    title: str | None = "Water in Detention",
    author: str | None = "Ana Ruiz",
    date: str | None = "2021-05-03",
    url: str | None = URL,
    page: int | None = 4,
) -> SourceOut:
    document = DocumentRef(id="water-1", title=title, author=author, date=date, source="water.pdf", url=url)
    return SourceOut(
        rank=1, score=0.8, document=document, paragraph=12, page=page, passage="Text.", quotes=[], footnotes=[]
    )


def test_plain_citation_carries_page_and_url() -> None:
    assert citation(source()) == f"“Water in Detention”, Ana Ruiz, 2021-05-03, page 4, paragraph 12. {URL}"


def test_chicago_note_has_author_title_date_page_and_url() -> None:
    assert chicago(source()) == f"Ana Ruiz, “Water in Detention,” May 3, 2021, 4, {URL}."


def test_chicago_without_author_or_date_starts_with_the_title_and_says_no_date() -> None:
    assert chicago(source(author=None, date=None, url=None, page=None)) == "“Water in Detention,” n.d."


def test_chicago_title_ending_in_a_question_mark_takes_no_comma() -> None:
    assert (
        chicago(source(title="Real or Illusory?", page=None, url=None)) == "Ana Ruiz, “Real or Illusory?” May 3, 2021."
    )


def test_chicago_month_only_date_has_no_day() -> None:
    assert chicago(source(date="2017-03", page=None, url=None)) == "Ana Ruiz, “Water in Detention,” March 2017."


def test_apa_reference_has_author_date_title_page_and_url() -> None:
    assert apa(source()) == f"Ana Ruiz. (2021, May 3). Water in Detention (p. 4). {URL}"


def test_apa_without_author_or_date_starts_with_the_title_and_says_no_date() -> None:
    assert apa(source(author=None, date=None, page=None)) == f"Water in Detention. (n.d.). {URL}"


def test_untitled_documents_are_described_not_named() -> None:
    assert apa(source(title=None, url=None, page=None)) == "Ana Ruiz. (2021, May 3). [Untitled document]."


def test_bibtex_entry_has_every_known_field() -> None:
    assert bibtex(source()) == (
        "@misc{water-1-p12,\n"
        "  title = {{Water in Detention}},\n"
        "  author = {{Ana Ruiz}},\n"
        "  year = {2021},\n"
        "  date = {2021-05-03},\n"
        "  pages = {4},\n"
        f"  url = {{{URL}}},\n"
        "  note = {paragraph 12},\n"
        "}"
    )


def test_bibtex_leaves_unknown_fields_out_and_escapes_special_characters() -> None:
    entry = bibtex(source(title="Rights & Remedies: 100% Review", author=None, date=None, url=None, page=None))
    assert entry == "@misc{water-1-p12,\n  title = {{Rights \\& Remedies: 100\\% Review}},\n  note = {paragraph 12},\n}"


def test_the_picker_offers_plain_chicago_apa_and_bibtex() -> None:
    assert list(citations(source())) == ["plain", "chicago", "apa", "bibtex"]
