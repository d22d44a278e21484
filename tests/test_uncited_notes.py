"""A note no paragraph cites is a paragraph of its own, of kind "note": found by its words through either retriever,
quoted verbatim, and shown as the note it is, by its label. A cited note gets no such paragraph."""

from __future__ import annotations

import shutil

import pytest

from embeddings import Encoder
from qa.assistant import Assistant
from qa.corpus import Article, Paragraph
from qa.passages import with_uncited_notes
from qa.schema import source_out
from qa.settings import PROJECT_ROOT, Settings
from tests.conftest import open_built
from tests.parsed import article, parsed_text

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
DECLARATION = WILD / "joint-councils-2018-declaration-on-digital-identity.pdf"
"""A declaration whose "*" note says which government did not endorse it; the text layer carries no "*" marker."""
ESSAYS = WILD / "gutenberg-macdowell-critical-historical-essays.txt"
QUESTION = "Which province did not endorse the declaration on digital identity?"


def _note(article: Article) -> Paragraph:
    (note,) = (p for p in with_uncited_notes(article).paragraphs if p.kind == "note")
    return note


@pytest.fixture(scope="module")
def declaration(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Assistant:
    root = tmp_path_factory.mktemp("declaration")
    (root / "corpus").mkdir()
    shutil.copy(DECLARATION, root / "corpus")
    return open_built(Settings(corpus_dir=root / "corpus", index_dir=root / "index"), encoder)


def test_an_uncited_note_is_a_paragraph_after_the_articles_own_holding_the_notes_text_verbatim() -> None:
    declaration = article(DECLARATION)
    note = _note(declaration)
    assert note.index == len(declaration.paragraphs) + 1
    assert note.note_label == "*"
    assert note.text.startswith("While Quebec did not endorse the Declaration, it remains committed")
    assert parsed_text(DECLARATION)[note.offset : note.offset + len(note.text)] == note.text


def test_an_article_whose_uncited_notes_have_their_paragraphs_is_given_none_again() -> None:
    noted = with_uncited_notes(article(DECLARATION))
    assert with_uncited_notes(noted) == noted


def test_a_cited_note_gets_no_paragraph_of_its_own() -> None:
    essays = article(ESSAYS)
    assert len(essays.footnote_list()) > 10
    assert with_uncited_notes(essays) == essays


@pytest.mark.parametrize("retriever", ["dense", "bm25"])
def test_an_uncited_note_is_found_by_its_words(declaration: Assistant, retriever: str) -> None:
    hits = declaration.retriever.search(QUESTION, 3, retriever, None)
    assert [hit.paragraph.note_label for hit in hits][0] == "*"


def test_an_uncited_note_is_quoted_after_its_label_and_attributed_as_that_note(declaration: Assistant) -> None:
    hit = declaration.retriever.search(QUESTION, 1, "dense", None)[0]
    (source,) = declaration.composer.compose(QUESTION, [hit]).sources
    assert source.quotes[0].text.startswith("While Quebec did not endorse the Declaration")
    rendered = declaration.composer.compose(QUESTION, [hit]).text
    assert "1. [*] “While Quebec did not endorse the Declaration" in rendered
    assert ". Note * (joint-councils-2018-declaration-on-digital-identity.pdf)." in rendered
    assert (source_out(source).kind, source_out(source).note) == ("note", "*")
