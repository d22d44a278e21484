"""Markdown, HTML and PDF documents parse into the exact articles, paragraphs, pages and notes they hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import Article
from qa.errors import CorpusError
from qa.formats import parse_bytes
from qa.formats.document import Parsed
from qa.settings import PROJECT_ROOT
from tests.pdf_fixture import AUTHOR, TITLE, report_pdf

FIXTURES = PROJECT_ROOT / "eval" / "formats"


def parse_fixture(name: str) -> Parsed:
    return parse_bytes((FIXTURES / name).read_bytes(), name)


@pytest.fixture(scope="module")
def pdf() -> Parsed:
    return parse_bytes(report_pdf(), "report.pdf")


@pytest.fixture(scope="module")
def pdf_article(pdf: Parsed) -> Article:
    (article,) = pdf.articles
    return article


def test_pdf_metadata_gives_the_title_and_no_author_the_pages_do_not_print(pdf_article: Article) -> None:
    """The Info Author names someone no page prints: no author as printed."""
    assert (pdf_article.id, pdf_article.title, pdf_article.author, pdf_article.date) == ("report-1", TITLE, None, None)
    assert AUTHOR not in " ".join(p.text for p in pdf_article.paragraphs)


def test_pdf_paragraphs_rejoin_lines_repair_hyphens_and_keep_their_page(pdf_article: Article) -> None:
    first, second, heading, last = pdf_article.paragraphs
    assert first.text.endswith("punished by solitary confinement for a week or more.[1]")
    assert first.text.startswith("Former prisoners describe sixteen-hour shifts")
    assert (first.page, second.page, heading.page, last.page) == (1, 1, 2, 2)
    assert (heading.kind, heading.text, last.section) == ("heading", "Findings", "Findings")
    assert last.text == "The monitor recorded 41 deaths from accidents in the mines between 2019 and 2022.[3]"


def test_pdf_paragraph_runs_across_the_page_break(pdf_article: Article) -> None:
    second = pdf_article.paragraphs[1]
    assert second.text.endswith("two former officials of the provincial economic committee.[2]")
    assert second.page == 1


def test_pdf_running_header_and_page_numbers_are_dropped(pdf: Parsed) -> None:
    assert "Annual Report 2023" not in pdf.text
    assert all(p.text not in ("1", "2") for p in pdf.articles[0].paragraphs)


def test_pdf_footnotes_from_both_page_feet_are_linked_by_superscript_markers(pdf_article: Article) -> None:
    assert pdf_article.footnotes == {
        1: "Interview with a former prisoner held in solitary confinement, Seoul, March 2022.",
        2: "Testimony of two former officials, 2021.",
        3: "Detention Monitor casualty database, entries 2019-2022.",
    }
    assert [m.number for p in pdf_article.paragraphs for m in p.markers] == [1, 2, 3]


def test_markdown_front_matter_footnotes_headings_and_bullets() -> None:
    (article,) = parse_fixture("prison-food-rations.md").articles
    assert (article.title, article.author, article.date) == (
        "Food Rations in Pre-Trial Detention",
        "Daniel Ortiz",
        "2022-09-14",
    )
    assert [p.kind for p in article.paragraphs] == ["text", "text", "heading", "text", "heading", "bullet", "bullet"]
    assert article.paragraphs[0].text.startswith("Detainees held before trial receive a daily ration")
    assert article.paragraphs[3].section == "Health effects"
    assert article.footnotes[3] == "Medical survey by the Prison Health Initiative, 2022, table 4."
    assert [m.number for m in article.paragraphs[6].markers] == [2]


def test_markdown_endnote_block_and_inline_markup() -> None:
    text = (
        "# Report\n\nBy Jo Bloggs\n\nSome **bold** [link](http://x) text.[2]\n\n"
        "Notes\n-----\n\n[1] One.\n[2] Two,\ncontinued.\n"
    )
    (article,) = parse_bytes(text.encode(), "r.md").articles
    assert (article.title, article.author) == ("Report", "Jo Bloggs")
    assert [p.text for p in article.paragraphs] == ["Some bold link text.[2]"]
    assert article.footnotes == {1: "One.", 2: "Two, continued."}


def test_html_main_content_without_navigation_sidebars_forms_or_scripts() -> None:
    parsed = parse_fixture("border-closures.html")
    (article,) = parsed.articles
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("Since the border was sealed in 2020")
    assert (article.paragraphs[2].kind, texts[2]) == ("heading", "Forced returns")
    assert len(texts) == 5
    for chrome in ("Home", "Sign up", "Related", "analytics", "All rights reserved", "font-family"):
        assert chrome not in parsed.text


def test_html_metadata_and_linked_footnotes() -> None:
    (article,) = parse_fixture("border-closures.html").articles
    assert (article.title, article.author, article.date) == (
        "Border Closures and the Right to Leave",
        "Aisha Karim",
        "2021-11-03",
    )
    assert article.footnotes[3] == "UN Panel of Experts report, S/2022/132, para. 41."
    assert [m.number for m in article.paragraphs[1].markers] == [2]


def test_html_bare_superscript_finds_its_note_by_list_position() -> None:
    page = b'<p>Text.<sup>2</sup> More.<a href="#n1">1</a></p><ol class="notes"><li id="n1">A.</li><li>B.</li></ol>'
    (article,) = parse_bytes(page, "p.html").articles
    assert [p.text for p in article.paragraphs] == ["Text.[2] More.[1]"]
    assert article.footnotes == {1: "A.", 2: "B."}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"  \n", "empty.md: the file is empty"),
        ("bad.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "bad.html: not an HTML page"),
        ("scan.pdf", b"%PDF-1.4 garbage", "scan.pdf: not a readable PDF"),
        ("notes.key", b"PK\x03\x04", "notes.key: unsupported format"),
    ],
)
def test_unreadable_files_are_named_with_the_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(CorpusError, match=f"^{reason}"):
        parse_bytes(data, name)


def test_text_parser_output_is_unchanged_for_the_bundled_corpus(hrnk: list[Article], corpus_texts: dict) -> None:
    name = next(iter(corpus_texts))
    assert parse_bytes((PROJECT_ROOT / "corpus" / name).read_bytes(), name).text == corpus_texts[name]
    assert all(p.page is None for a in hrnk for p in a.paragraphs)


def test_every_fixture_paragraph_is_a_slice_of_the_extracted_text(pdf: Parsed) -> None:
    for parsed in (pdf, *(parse_fixture(p.name) for p in sorted(FIXTURES.iterdir()) if p.suffix != ".pdf")):
        for p in parsed.articles[0].paragraphs:
            assert parsed.text[p.offset : p.offset + len(p.text)] == p.text


def test_eval_pdf_is_the_fixture_report() -> None:
    assert (
        parse_fixture("forced-labour-report.pdf").articles[0].paragraphs
        == parse_bytes(report_pdf(), "forced-labour-report.pdf").articles[0].paragraphs
    )


def test_fixture_folder_holds_one_document_of_each_new_format() -> None:
    assert sorted(Path(p).suffix for p in FIXTURES.iterdir()) == [".html", ".md", ".pdf"]
