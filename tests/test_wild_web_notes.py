"""Saved web pages with footnotes from site generators the HTML parser was not tuned on (tests/data/wild, see its
manifest.jsonl): a distill (R Markdown / pandoc) blog post with footnotes and author-year citations, and a Franklin.jl
blog post whose footnote is a table, and a Quarto blog post whose sections carry ids made from their titles.

Expected values are what each page prints, as its visible text shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles as parsed

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
DISTILL = "rstudio-ai-blog-2019-differential-privacy.html"
FRANKLIN = "julialang-blog-2019-release-process.html"
QUARTO = "djnavarro-2022-mastodon-quarto.html"


def article(name: str) -> Article:
    (only,) = parsed(WILD / name)
    return only


def texts(name: str) -> list[str]:
    return [paragraph.text for paragraph in article(name).paragraphs]


def test_distill_post_title_byline_and_date() -> None:
    found = article(DISTILL)
    assert (found.title, found.author, found.date) == (
        "Differential Privacy with TensorFlow",
        "Sigrid Keydana",
        "2019-12-20",
    )


def test_distill_footnotes_resolve_whole_without_their_back_links() -> None:
    notes = article(DISTILL).footnotes
    assert sorted(notes) == [1, 2, 3, 4, 5]
    assert notes[3] == "Relative files per subject are 1.4G in size."
    assert not any("↩" in note for note in notes.values())


def test_a_footnote_marker_stands_where_the_text_prints_it() -> None:
    assert any(text.startswith("As every “column”[4] is of different length") for text in texts(DISTILL))


def test_an_author_year_citation_keeps_its_year_as_words() -> None:
    """pandoc links the year of "(Dwork et al. 2006)" to the bibliography entry `#ref-Dwork2006`: no note 2006."""
    assert any("(Dwork 2006)(Dwork and Roth 2014)" in text for text in texts(DISTILL))
    assert not any("[2006]" in text for text in texts(DISTILL))


def test_two_works_of_one_year_both_stay_in_the_bibliography() -> None:
    entries = [text for text in texts(DISTILL) if text.startswith("Dwork, Cynthia")]
    assert [entry.split("“")[1].split("”")[0] for entry in entries] == [
        "Differential Privacy.",
        "Calibrating Noise to Sensitivity in Private Data Analysis.",
        "The Algorithmic Foundations of Differential Privacy.",
    ]


def test_an_entity_the_page_escapes_twice_reads_as_the_browser_shows_it() -> None:
    """The bibliography's source holds `9 (3&amp;#8211;4)`: a browser decodes it once and shows "&#8211;", not a
    dash (the dash after it, `211–407`, is the character itself). The page's text is what it shows."""
    (entry,) = [text for text in texts(DISTILL) if "The Algorithmic Foundations" in text]
    assert "Comput. Sci. 9 (3&#8211;4): 211–407." in entry


def test_franklin_footnote_set_as_a_table_is_the_note_not_the_paragraph_holding_its_marker() -> None:
    """Franklin.jl sets a note as `<table class="fndef" id="fndef:1">` with a back link `[1]` to the marker's `<sup>`:
    the note is the table's words, and the list item holding the marker stays in the text."""
    notes = article(FRANKLIN).footnotes
    assert sorted(notes) == [1]
    assert notes[1].startswith("PkgEval is a tool for running the test suites of all Julia packages")
    assert notes[1].endswith("regardless of the cause of the failure.")
    assert any("use PkgEval[1] to ensure" in text for text in texts(FRANKLIN))
    assert not any(text.startswith("[1]") for text in texts(FRANKLIN))


def test_franklin_post_title_byline_and_date() -> None:
    found = article(FRANKLIN)
    assert (found.title, found.author, found.date) == (
        "Julia’s Release Process",
        "Stefan Karpinski (JuliaHub)",
        "2019-08-28",
    )


def test_lists_between_kept_paragraphs_come_back_as_bullets_in_place() -> None:
    """trafilatura's paragraphs-only fallback drops the conclusion's three lists of questions; each comes back under
    the line introducing it."""
    paragraphs = article(DISTILL).paragraphs
    lead = next(i for i, p in enumerate(paragraphs) if p.text.endswith("answered by straightforward experimentation:"))
    assert [(p.kind, p.text) for p in paragraphs[lead + 1 : lead + 5]] == [
        ("bullet", "How well do other optimizers work in this setting?"),
        ("bullet", "How does the learning rate affect privacy and performance?"),
        ("bullet", "What happens if we train for a lot longer?"),
        ("text", "Others sound more like they could lead to a research project:"),
    ]


def test_a_list_partly_kept_is_not_put_back_twice() -> None:
    """The Franklin post's nested list of release phases is kept entry by entry; it does not come back whole too."""
    assert sum("Development (4 months)" in text for text in texts(FRANKLIN)) == 1


def test_quarto_post_title_author_and_dublin_core_date() -> None:
    found = article(QUARTO)
    assert (found.title, found.author, found.date) == (
        "Everything I know about Mastodon",
        "Danielle Navarro",
        "2022-11-03",
    )


def test_a_section_whose_title_holds_a_boilerplate_word_keeps_its_text() -> None:
    """Quarto gives the section "Tracking hashtags" the id `tracking-hashtags`; its "tags" is no tag cloud."""
    found = texts(QUARTO)
    assert "Tracking hashtags" in found
    assert "Mastodon handles and tags look like email addresses" in found
    assert "And now we are done! I have a feed that tracks R related content on mastodon." in found


def test_quarto_footnotes_resolve_whole_and_leave_the_text() -> None:
    notes = article(QUARTO).footnotes
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[2] == "I’m guessing that happens to optimise bandwidth usage?"
    assert not any(text.startswith("I’m guessing that happens") for text in texts(QUARTO))


def test_distills_generated_reuse_and_citation_sections_are_not_indexed_but_its_references_are() -> None:
    """distill appends "Reuse" (the licence) and "Citation" (a cite-as line, a BibTeX entry) to every post from its
    settings, in the box that also lists the post's references."""
    found = texts(DISTILL)
    assert not {"Reuse", "Citation", "For attribution, please cite this work as", "BibTeX citation"} & set(found)
    assert not any(text.startswith(("Text and figures are licensed", "@misc{", "Keydana (2019")) for text in found)
    assert found[-1].startswith("Wood, Alexandra, Micah Altman, Aaron Bembenek")


def test_quartos_generated_reuse_and_citation_sections_are_not_indexed() -> None:
    """Quarto appends "Reuse" (the licence) and "Citation" (a BibTeX entry, a cite-as line) to every post from its
    settings; the post's own footnotes, in the same appendix, stay its notes."""
    found = texts(QUARTO)
    assert not {"Reuse", "Citation"} & set(found)
    assert not any("@online{" in text or "please cite this work" in text for text in found)
    assert found[-1] == "You should never send any sensitive information via mastodon."


def test_quarto_footnote_marker_stands_after_its_sentence() -> None:
    assert any("using a shared protocol.[1] If two servers" in text for text in texts(QUARTO))
