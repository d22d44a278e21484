"""Notes a document marks with a symbol (*, †) instead of a number: keyed apart from the numbered notes, quoted and
shown with the symbol the page prints."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient

import web.pages
from eval.dataset import GoldFootnote, Question, parse_question
from eval.metrics import notes_resolved
from eval.reference import note_in_reference, quote_in_reference, reference
from qa.answer_template import answer_template
from qa.compose import Citation, Quote, Source, cite
from qa.corpus import Article, article_from_row, article_row
from qa.formats.pdf import _cite_on_page, _Line, _page_symbol_notes
from qa.schema import DocumentRef, FootnoteOut, SourceOut, document_out
from qa.sentences import NOTE_SYMBOLS, find_markers, note_key, note_label, printed_key
from qa.settings import PROJECT_ROOT
from tests.parsed import articles
from web.citation import citation

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
MORTIMER = WILD / "ca9-2010-mortimer-v-baca.pdf"
ST_PIERRE = WILD / "ca5-2022-st-pierre-v-standard-insurance.pdf"
PAPER = WILD / "chaudhry-dotson-heiss-2021-who-cares-about-crackdowns.pdf"
BEISTLINE = (
    "The Honorable Ralph R. Beistline, United States District Judge for the District of Alaska, sitting by designation."
)


def first(path: Path) -> Article:
    return articles(path)[0]


def test_a_symbols_key_is_below_every_number_and_gives_its_label_back() -> None:
    labels = [*NOTE_SYMBOLS, "**", "††", "‡‡‡"]
    keys = [note_key(label) for label in labels]
    assert all(key < 0 for key in keys)
    assert len(set(keys)) == len(labels)
    assert [note_label(key) for key in keys] == labels
    assert note_key("12") == 12 and note_label(12) == "12"


def test_a_bracketed_symbol_is_the_marker_of_its_note() -> None:
    (marker,) = find_markers("Ralph R. Beistline,[*] Chief District Judge.")
    assert (marker.number, marker.label) == (note_key("*"), "*")


def test_a_judge_sitting_by_designation_is_a_starred_note_at_the_page_foot() -> None:
    """Page 1 prints "Ralph R. Beistline,*" and at its foot "*The Honorable Ralph R. Beistline, ...": that note,
    no paragraph of the opinion."""
    article = first(MORTIMER)
    texts = [p.text for p in article.paragraphs]
    assert (
        "Before: Kim McLane Wardlaw and Consuelo M. Callahan, Circuit Judges, and Ralph R. Beistline,[*] Chief District"
        " Judge." in texts
    )
    assert article.footnote(note_key("*"), 1) == BEISTLINE
    assert not any(text.startswith(("*The Honorable", "The Honorable Ralph")) for text in texts)


def test_a_per_curiam_opinions_starred_publication_note_is_its_note() -> None:
    article = first(ST_PIERRE)
    opening = next(p for p in article.paragraphs if "Per Curiam:" in p.text)
    assert "Per Curiam:[*] This case arises" in opening.text
    assert article.footnote(note_key("*"), opening.page).startswith(
        "Pursuant to 5th Circuit Rule 47.5, the court has determined that this opinion should not be published"
    )
    assert not any(p.text.startswith("* Pursuant") for p in article.paragraphs)


def test_the_starred_note_on_a_papers_title_is_the_articles_note_and_its_title_is_left_as_read() -> None:
    """The title's "*" is metadata's: no paragraph cites it, but the note is the article's, shown with the others,
    and no longer a paragraph of the text."""
    article = first(PAPER)
    assert article.footnote(note_key("*"), 1).startswith("The data that support the findings of this study")
    assert not any(p.text.startswith("* The data") for p in article.paragraphs)
    assert sorted(article.footnotes)[1:] == list(range(1, 8))


def test_the_numbered_notes_beside_a_starred_one_keep_their_numbers() -> None:
    assert sorted(first(MORTIMER).footnotes) == [note_key("*"), 1, 2]


def test_the_json_gives_a_symbol_notes_label_and_keeps_its_key_in_number() -> None:
    notes = document_out(first(MORTIMER)).footnotes
    assert notes[0] == FootnoteOut(number=note_key("*"), label="*", text=BEISTLINE)
    assert (notes[1].number, notes[1].label) == (1, "1")


def test_a_cited_symbol_note_carries_its_label() -> None:
    assert Citation(note_key("†"), "A note.").label == "†"


def test_the_copied_citation_prints_the_notes_symbol() -> None:
    document = DocumentRef(id="mortimer-1", title="Mortimer v. Baca", author=None, date=None, source="m.pdf", url=None)
    source = SourceOut(
        rank=1,
        score=0.8,
        document=document,
        paragraph=5,
        page=1,
        passage="Ralph R. Beistline,[*] Chief District Judge.",
        quotes=[],
        footnotes=[FootnoteOut(number=note_key("*"), label="*", text=BEISTLINE)],
    )
    assert citation(source).splitlines()[1] == f"[*] {BEISTLINE}"


def test_a_quote_with_a_symbol_marker_is_verbatim_where_the_page_prints_the_symbol() -> None:
    ref = reference(MORTIMER)
    assert quote_in_reference("and Ralph R. Beistline,[*] Chief District Judge.", ref)
    assert note_in_reference(note_key("*"), BEISTLINE, ref)
    assert not note_in_reference(note_key("†"), BEISTLINE, ref)


def test_a_gold_note_may_be_given_by_its_printed_label() -> None:
    row = {
        "id": "x1",
        "split": "dev",
        "question": "Who sat by designation?",
        "answerable": True,
        "evidence": ["Ralph R. Beistline,* Chief District Judge."],
        "footnotes": [{"document": "ca9-2010-mortimer-v-baca-1", "label": "*"}, {"document": "d-1", "number": 2}],
    }
    question = parse_question(row, {"ca9-2010-mortimer-v-baca-1": reference(MORTIMER)}, "line 1")
    assert [note.number for note in question.footnotes] == [note_key("*"), 2]


def test_the_printed_answer_quotes_the_symbol_and_lists_the_note_under_it() -> None:
    """The answer a reader pastes shows "Beistline,[*]" and the note as "[*] The Honorable ...", not a number the
    page never prints."""
    article = first(MORTIMER)
    paragraph = next(p for p in article.paragraphs if "Beistline,[*]" in p.text)
    start = paragraph.text.index("and Ralph")
    quotes = (Quote(paragraph.text[start:], start, len(paragraph.text)),)
    source = Source(1, 0.8, article, paragraph, quotes, cite(article, paragraph, quotes))
    text = answer_template().render(question="Who?", abstained=False, sources=(source,), nearest=())
    assert "“and Ralph R. Beistline,[*] Chief District Judge.”" in text
    assert f"\n   [*] {BEISTLINE}" in text


class _Holding:
    """An assistant as the document view asks it: the one article it shows."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def document(self, doc_id: str) -> Article:
        return self.article


def test_the_document_view_labels_a_symbol_note_with_its_symbol_and_links_its_marker() -> None:
    """The notes list numbers its items: a symbol note's item shows its symbol (`data-label`, drawn by the
    stylesheet) instead of a number, and the marker "[*]" in the text links to it."""
    article = first(MORTIMER)
    app = FastAPI()
    app.include_router(web.pages.router)
    app.mount("/static", StaticFiles(directory=PROJECT_ROOT / "web" / "static"), name="static")
    app.state.assistant = _Holding(article)
    page = TestClient(app).get(f"/documents/{article.id}").text
    key = note_key("*")
    assert f'<li data-label="*" id="n{key}">{BEISTLINE}' in page
    assert f'<a class="marker" href="#n{key}" id="r{key}">[*]</a> Chief District Judge.' in page
    assert '<li value="1" id="n1">' in page


def test_a_reports_doubled_and_tripled_stars_each_mark_their_own_note() -> None:
    """Page 10 marks three notes "*", "**", "***" and opens them "*. For more ...", "**. “A Guardian ...": each its
    own note, the full stop after the symbols no part of the note."""
    article = first(WILD / "rdr-index-2015-report.pdf")
    assert any("all forms of metadata.[**] User Information is never" in p.text for p in article.paragraphs)
    assert article.footnote(note_key("**"), 10).startswith("“A Guardian Guide to Your Metadata,” The Guardian")
    assert article.footnote(note_key("***"), 10).startswith("See https://rankingdigitalrights.org/")


REPORT_2015 = WILD / "rdr-index-2015-report.pdf"


def test_a_reused_symbols_key_is_its_own_and_still_prints_the_symbol() -> None:
    keys = [note_key("*"), note_key("*", 1), note_key("*", 2), note_key("¶¶¶")]
    assert len(set(keys)) == len(keys) and all(key < 0 for key in keys)
    assert [note_label(key) for key in keys] == ["*", "*", "*", "¶¶¶"]
    assert {printed_key(key) for key in keys[:3]} == {note_key("*")}


def test_a_star_a_later_page_reuses_marks_a_note_of_its_own() -> None:
    """Page 10 marks a note "*" ("“user information:”*"), page 27 another ("unfair to certain groups.*") and page 28
    a third ("as a result of such policies.*"): three notes, each printed "*", each found by its own marker."""
    article = first(REPORT_2015)
    notes = {}
    for page, words in ((10, "“user information:”[*]"), (27, "certain groups.[*]"), (28, "such policies.[*]")):
        paragraph = next(p for p in article.paragraphs if p.page == page and words in p.text)
        marker = next(m for m in paragraph.markers if m.end == paragraph.text.index(words) + len(words))
        notes[page] = (marker.number, marker.label, article.footnote(marker.number, page))
    assert len({number for number, _, _ in notes.values()}) == 3
    assert {label for _, label, _ in notes.values()} == {"*"}
    assert notes[10][2].startswith("For more information, see Schwartz, Paul M. and Solove, Daniel J.")
    assert notes[27][2].startswith("For example, see Michael Pizzi, “The Syrian Opposition is Disappearing")
    assert notes[28][2].startswith("“Open Letter: Facebook Must Change Its Broken “Real Name” Policy,”")


def test_notes_at_the_foot_of_a_passage_above_two_columns_are_its_notes() -> None:
    """Page 27 sets a passage across the page, its notes "*" and "**" under it, then two columns: the notes are the
    passage's, no paragraphs of the text."""
    article = first(REPORT_2015)
    texts = [p.text for p in article.paragraphs if p.page == 27]
    assert not [text for text in texts if text.startswith(("* For example", "** A project"))]
    paragraph = next(p for p in article.paragraphs if "police users’ content and activities.[**]" in p.text)
    (marker,) = [m for m in paragraph.markers if m.label == "**"]
    assert article.footnote(marker.number, 27) == (
        "A project led by the Electronic Frontier Foundation was recently launched to call attention to this"
        " problem: https://onlinecensorship.org/."
    )


def test_the_index_store_keeps_a_reused_symbols_key() -> None:
    article = first(REPORT_2015)
    stored = article_from_row(json.loads(json.dumps(article_row(article))))
    paragraph = next(p for p in stored.paragraphs if "such policies.[*]" in p.text)
    assert [stored.footnote(m.number, 28)[:13] for m in paragraph.markers if m.label == "*"] == ["“Open Letter:"]


def test_the_document_view_links_a_reused_star_to_its_own_note() -> None:
    """Page 28's "*" is printed as page 10's, but its marker links to page 28's note, not to the label's first."""
    article = first(REPORT_2015)
    paragraph = next(p for p in article.paragraphs if "such policies.[*]" in p.text)
    (marker,) = [m for m in paragraph.markers if m.label == "*"]
    assert marker.number != note_key("*")
    app = FastAPI()
    app.include_router(web.pages.router)
    app.mount("/static", StaticFiles(directory=PROJECT_ROOT / "web" / "static"), name="static")
    app.state.assistant = _Holding(article)
    page = TestClient(app).get(f"/documents/{article.id}").text
    assert f'such policies.<a class="marker" href="#n{marker.number}" id="r{marker.number}">[*]</a>' in page
    assert f'<li data-label="*" id="n{marker.number}">“Open Letter: Facebook Must Change' in page


def test_a_source_in_the_json_gives_where_a_reused_star_cites_its_own_note() -> None:
    article = first(REPORT_2015)
    paragraph = next(p for p in article.paragraphs if "such policies.[*]" in p.text)
    (marker,) = [m for m in paragraph.markers if m.label == "*"]
    (listed,) = [p for p in document_out(article).paragraphs if p.index == paragraph.index]
    assert listed.keys == [(marker.start, marker.number)]


def test_a_gold_note_given_by_its_label_is_resolved_on_a_later_page_that_reuses_it() -> None:
    article = first(REPORT_2015)
    question = Question(
        "x", "dev", "q", True, ("as a result of such policies",), (GoldFootnote(article.id, note_key("*")),)
    )
    assert notes_resolved([question], [article]) == (1, 1)


def test_a_symbol_note_where_each_page_numbers_its_notes_is_found_by_its_page() -> None:
    """A document numbering each page's notes from 1 finds a marker's note by its page (`_cite_on_page`), so a "*"
    note is kept with its page's notes: its marker finds it there, and the next page's "*" finds that page's.
    (No document of the collections marks a note with a symbol and numbers its notes page by page: lines stand in.)
    """
    lines = [_Line(1, 0.0, 10.0, text="as the Council decided,* the rules"), _Line(2, 0.0, 10.0, text="in force.*")]
    page_notes = {1: {1: "First page's note 1."}, 2: {1: "Second page's note 1."}}
    _page_symbol_notes([(lines[0], "*", "A first note."), (lines[1], "*", "A second note.")], frozenset(), page_notes)
    cited: dict[int, dict[int, str]] = {}
    assert [_cite_on_page(line, line.page, page_notes, cited) for line in lines] == [
        "as the Council decided,[*] the rules",
        "in force.[*]",
    ]
    assert cited == {1: {note_key("*"): "A first note."}, 2: {note_key("*"): "A second note."}}
