"""A marker whose note is out of its reach stays a marker with a null note, never text (issue 13, item 1).

The S2ORC paper (pdfTeX, ACL style) numbers its page-foot notes up from 1 on its first page; its appendix, twelve
pages on, prints raised examples of citation styles ("superscripts (e.g. “[1][2]”)"). Those are markers as the
reader sees them, but notes 1 and 2 are out of their reach: they are quoted and shown as markers whose note is
null, everywhere an answer or a document is given. A web page's own typed "[6]" is words, and stays text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.dataset import GoldFootnote, Question
from eval.metrics import judge, notes_resolved
from eval.reference import reference
from qa.answer_template import answer_template
from qa.compose import Answer, Citation, Quote, Source, cite
from qa.corpus import Article, Paragraph, articles_from_json, articles_to_json
from qa.schema import FootnoteOut, document_out, source_out
from tests.parsed import articles
from web.citation import NO_NOTE, citation
from web.markup import quote_pieces, quoted_runs
from web.pages import templates

WILD = Path(__file__).parent / "data" / "wild"
PAPER = WILD / "acl-2020-s2orc-paper.pdf"
EXAMPLES = "In this example, the narrative inline citation"
"""The appendix paragraph whose "superscripts (e.g. “[1][2]”)" cite no note."""


@pytest.fixture(scope="module")
def paper() -> Article:
    (parsed,) = articles(PAPER)
    return parsed


def paragraph(article: Article, opening: str) -> Paragraph:
    return next(p for p in article.paragraphs if p.text.startswith(opening))


def whole(paragraph: Paragraph) -> Quote:
    return Quote(paragraph.text, 0, len(paragraph.text))


def answered(article: Article, paragraph: Paragraph) -> Source:
    """The paragraph quoted whole as an answer's first source."""
    quote = whole(paragraph)
    return Source(1, 0.9, article, paragraph, (quote,), cite(article, paragraph, [quote]))


def test_an_out_of_reach_marker_is_a_marker_and_no_literal_text(paper: Article) -> None:
    examples = paragraph(paper, EXAMPLES)
    assert [(m.number, examples.text[m.start : m.end]) for m in examples.markers] == [(1, "[1]"), (2, "[2]")]
    assert examples.literal == ()


def test_the_notes_an_out_of_reach_marker_would_name_are_in_the_document(paper: Article) -> None:
    """Null for the marker, not for the document: notes 1 and 2 stand at the first page's foot."""
    assert paper.footnotes[1].startswith("Instructions for access to the data")
    assert paper.footnotes[2] == "https://arxiv.org"


def test_an_out_of_reach_marker_keeps_its_null_note_once_stored_in_the_index(paper: Article) -> None:
    (stored,) = articles_from_json(articles_to_json([paper]))
    examples = paragraph(stored, EXAMPLES)
    assert [stored.footnotes[1] if examples.cites(m) else None for m in examples.markers] == [None, None]
    assert examples.noteless == paragraph(paper, EXAMPLES).noteless


def test_the_answer_json_gives_an_out_of_reach_marker_a_null_note(paper: Article) -> None:
    out = source_out(answered(paper, paragraph(paper, EXAMPLES)))
    assert out.footnotes == [FootnoteOut(number=1, label="1", text=None), FootnoteOut(number=2, label="2", text=None)]
    assert [out.passage[at : at + 3] for at in out.noteless] == ["[1]", "[2]"]


def test_the_document_json_says_which_markers_cite_no_note(paper: Article) -> None:
    out = document_out(paper)
    (examples,) = [p for p in out.paragraphs if p.text.startswith(EXAMPLES)]
    assert [examples.text[at : at + 3] for at in examples.noteless] == ["[1]", "[2]"]
    assert out.paragraphs[paragraph(paper, "We introduce S2ORC,").index - 1].noteless == []


def test_the_rendered_answer_writes_an_out_of_reach_marker_with_no_note(paper: Article) -> None:
    text = answer_template().render(
        question="q", abstained=False, sources=(answered(paper, paragraph(paper, EXAMPLES)),), nearest=()
    )
    assert "superscripts (e.g. “[1][2]”)" in text
    no_note = "(the source gives no note for this marker)"
    assert f"   [1] {no_note}\n   [2] {no_note}" in text
    assert "Instructions for access" not in text


def test_the_copied_citation_carries_an_out_of_reach_marker_without_a_note(paper: Article) -> None:
    copied = citation(source_out(answered(paper, paragraph(paper, EXAMPLES))))
    assert copied.splitlines()[1:] == [f"[1] {NO_NOTE}", f"[2] {NO_NOTE}"]


def test_the_answer_page_shows_an_out_of_reach_marker_as_a_marker_linking_to_no_note(paper: Article) -> None:
    out = source_out(answered(paper, paragraph(paper, EXAMPLES)))
    shown = [(p.kind, p.text, p.number) for p in quote_pieces(out, out.quotes[0]) if p.kind == "marker"]
    assert shown == [("marker", "[1]", None), ("marker", "[2]", None)]


def test_the_document_page_shows_an_out_of_reach_marker_as_a_marker_without_a_link(paper: Article) -> None:
    examples = paragraph(paper, EXAMPLES)
    (run,) = quoted_runs(examples.text, [], examples.literal, examples.noteless)
    html = str(templates.env.get_template("macros.html").module.text(run.pieces, paper.footnotes))
    assert f'<span class="marker" title="{NO_NOTE}">[1]</span><span class="marker" title="{NO_NOTE}">[2]</span>' in html
    assert 'href="#n1"' not in html


def test_a_marker_in_reach_of_its_note_still_links_to_it_on_the_document_page(paper: Article) -> None:
    cited = paragraph(paper, "We introduce S2ORC,")
    (run,) = quoted_runs(cited.text, [], cited.literal, cited.noteless)
    html = str(templates.env.get_template("macros.html").module.text(run.pieces, paper.footnotes))
    assert '<a class="marker" href="#n1">[1]</a>' in html


def test_a_marker_in_reach_of_its_note_is_still_quoted_with_it(paper: Article) -> None:
    cited = paragraph(paper, "We introduce S2ORC,")
    assert cite(paper, cited, [whole(cited)]) == (Citation(1, paper.footnotes[1]),)


def test_a_typed_bracketed_number_on_a_web_page_stays_text_in_the_answer() -> None:
    """The Sphinx page's transcript prints "merge:[6]": the page's words, shown as text on the answer page."""
    (page,) = articles(WILD / "evolve-sphinx-shared-mutable-history.html")
    listing = next(p for p in page.paragraphs if "merge:[6]" in p.text)
    out = source_out(answered(page, listing))
    assert out.footnotes == []
    assert out.noteless == []
    assert [p.text for p in quote_pieces(out, out.quotes[0]) if p.kind == "marker"] == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_judge_counts_an_out_of_reach_marker_as_no_citation_right_or_wrong(paper: Article) -> None:
    """Linked to note 1, the marker would pass as a correct citation (note 1 is the document's, "[1]" is in the
    quote): the null note keeps footnote precision from counting a note the document does not cite there."""
    examples = paragraph(paper, EXAMPLES)
    question = Question("x", "dev", "q", True, (examples.text[:40],), ())
    verdict = judge(question, [], Answer("q", False, "", (answered(paper, examples),)), {paper.id: reference(PAPER)})
    assert (verdict.cited, verdict.correctly_cited) == (0, 0)


def test_an_out_of_reach_marker_resolves_no_gold_note_of_its_number(paper: Article) -> None:
    examples = paragraph(paper, EXAMPLES)
    gold = Question("x", "dev", "q", True, (examples.text[:40],), (GoldFootnote(paper.id, 1),))
    assert notes_resolved([gold], [paper]) == (0, 1)
