"""Every parser, on any input: no crash, paragraphs verbatim, markers scoped to their article, notes never passages."""

from __future__ import annotations

from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.compose import Quote, cite
from qa.errors import CorpusError
from qa.formats import parse_bytes
from qa.formats.document import Block, Extracted, Parsed, assemble_sections

BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.text(st.characters(codec="latin-1", exclude_categories=("Cc",)), max_size=30)
TEXT_PIECES = ["\n", "\n\n", " ", "[1]", "[2]", "[12] A note.", "———", "By Jo", "Oct 16, 2014", "Title", "- item", "."]
TEXT_PIECES += ["Notes", "1. A note.", "2 Two.", "[Footnote 3: x", "]", "Title: T", "Author: A", "[1000] N."]
MD_PIECES = TEXT_PIECES + ["# ", "## ", "[^1]", "[^x]", "[^1]: note", "\n[^2]: two", "**", "`", "---\ntitle: T\n---\n"]
MD_PIECES += ["---\n", "+++\n", "title = 'T'\n", "authors: [admin, {name: A}]\n", "date: 2020-13-45\n", "[[[["]
HTML_PIECES = TEXT_PIECES + [
    "<p>", "</p>", "<h1>", "</h1>", "<h2>", "<sup>", "</sup>", "<sup>3</sup>", '<a href="#fn1">1</a>', '<li id="fn1">',
    "<ol>", "</ol>", "<li>", "</li>", "<nav>", "</nav>", "<script>", "</script>", "<article>", '<div class="notes">',
    '<meta name="author" content="A">', "<title>T</title>", '<script type="application/ld+json">{"headline": 1}',
]  # fmt: skip


def documents(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(WORDS, st.sampled_from(pieces)), max_size=40).map("".join)


def check(data: bytes, name: str) -> None:
    """The parser either names why it cannot read the file or returns articles that keep every promise."""
    try:
        parsed = parse_bytes(data, name)
    except CorpusError as error:
        assert str(error).startswith(f"{name}: ")
        return
    assert_faithful(parsed)


def assert_faithful(parsed: Parsed) -> None:
    for article in parsed.articles:
        texts = {p.text for p in article.paragraphs}
        for paragraph in article.paragraphs:
            assert paragraph.text
            assert parsed.text[paragraph.offset : paragraph.offset + len(paragraph.text)] == paragraph.text
            whole = Quote(paragraph.text, 0, len(paragraph.text))
            for citation in cite(article, paragraph, [whole]):
                assert citation.text is None or article.footnotes[citation.number] == citation.text
        for number, note in article.footnotes.items():
            assert f"[{number}] {note}" not in texts


@BOUNDED
@given(documents(TEXT_PIECES))
def test_text_parser_keeps_its_promises_on_any_input(text: str) -> None:
    check(text.encode(), "doc.txt")


@BOUNDED
@given(documents(MD_PIECES))
def test_markdown_parser_keeps_its_promises_on_any_input(text: str) -> None:
    check(text.encode(), "doc.md")


@BOUNDED
@given(documents(HTML_PIECES))
def test_html_parser_keeps_its_promises_on_any_input(text: str) -> None:
    check(text.encode(), "doc.html")


@BOUNDED
@given(
    st.lists(
        st.tuples(st.lists(documents(TEXT_PIECES), max_size=4), st.dictionaries(st.integers(1, 3), WORDS)), max_size=4
    )
)
def test_sections_laid_out_in_one_text_keep_their_promises(sections: list[tuple[list[str], dict[int, str]]]) -> None:
    parsed = assemble_sections(
        [Extracted([Block(text) for text in texts], notes) for texts, notes in sections], "d.pdf"
    )
    assert_faithful(parsed)
    assert [article.id for article in parsed.articles] == [f"d-{n}" for n in range(1, len(parsed.articles) + 1)]


@BOUNDED
@given(st.binary(max_size=200))
def test_pdf_parser_names_the_problem_on_any_bytes(data: bytes) -> None:
    check(b"%PDF-1.4\n" + data, "doc.pdf")


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(WORDS, st.booleans(), st.integers(6, 16)), min_size=1, max_size=12))
def test_pdf_parser_keeps_its_promises_on_generated_pdfs(runs: list[tuple[str, bool, int]]) -> None:
    pdf = FPDF()
    pdf.add_page()
    for text, superscript, size in runs:
        pdf.set_font("Helvetica", size=size)
        pdf.char_vpos = "SUP" if superscript else "LINE"
        pdf.write(6, text)
        if size > 12:
            pdf.ln(9)
    check(bytes(pdf.output()), "doc.pdf")
