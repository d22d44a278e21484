"""Two GOV.UK pages in the wild collection (tests/data/wild, see its manifest.jsonl), as GOV.UK's Whitehall frontend
served them in 2014-2015 and as GOV.UK's content team kept them for its content-design guidance: each page's
`#wrapper` copied into a template titled "GOV.UK best practice example" under a banner "This is not GOV.UK", the
whole written out as XML (so the body stands inside the head's `<meta>` elements, closed at the file's end). The
page's metadata is a definition list ("From:", "First published:", "Delivered on:").

Expected values are what the pages print.
"""

from __future__ import annotations

import json
from pathlib import Path

from eval.reference import is_not_text, normalize, quote_in_reference, reference
from tests.parsed import WILD, article

STATEMENT = WILD / "govuk-2014-stop-and-search-oral-statement.html"
PRIORITY = WILD / "govuk-2013-council-of-europe-human-rights-priority.html"


def not_text(path: Path) -> tuple[str, ...]:
    rows = (json.loads(line) for line in (WILD / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    return tuple(next(row for row in rows if row["file"] == path.name)["not_text"])


def test_a_template_title_sharing_no_word_with_the_pages_heading_gives_way_to_the_heading() -> None:
    """The `<title>` "GOV.UK best practice example" is the template's; the h1 is the statement's own title."""
    assert article(STATEMENT).title == "Reform of police stop and search powers"
    assert article(PRIORITY).title == "Council of Europe promoting human rights protection"


def test_the_oral_statement_is_dated_as_published_and_delivered() -> None:
    """Printed "Published: 30 April 2014" and "Delivered on:" with `<time datetime="2014-04-30T00:00:00+01:00">`."""
    assert article(STATEMENT).date == "2014-04-30"


def test_a_first_published_term_dates_the_page_by_the_definition_after_it() -> None:
    """`<dt>First published:</dt> <dd><abbr class="date" ...>20 March 2013</abbr></dd>`, nothing else dating it."""
    assert article(PRIORITY).date == "2013-03-20"


def test_a_page_from_organisations_names_no_author() -> None:
    """Its "From: Foreign & Commonwealth Office and UK Delegation to the Council of Europe" names no person."""
    assert article(PRIORITY).author is None


def test_the_judge_reads_a_body_written_inside_the_heads_elements() -> None:
    """A browser ends the head where the body starts: the text is shown, and the judge finds it."""
    ref = reference(PRIORITY, not_text(PRIORITY))
    assert (
        normalize("A state that protects the human rights of all is less prone to instability and conflicts.")
        in ref.text
    )
    assert all(quote_in_reference(paragraph.text, ref) for paragraph in article(PRIORITY).paragraphs)


def test_the_snapshots_banner_is_no_paragraph() -> None:
    """The banner "This is not GOV.UK" and its line on the example stand above the page the template holds."""
    found = article(STATEMENT)
    ref = reference(STATEMENT, not_text(STATEMENT))
    assert found.paragraphs
    assert not any(is_not_text(paragraph.text, ref) for paragraph in found.paragraphs)
    assert not any("other links on this page may not work" in paragraph.text for paragraph in found.paragraphs)


def test_a_person_styled_in_the_from_list_is_the_author_without_the_style() -> None:
    """The page prints "From: Home Office and The Rt Hon Theresa May MP": the office is no person; "The Rt Hon" and
    "MP" mark the speaker as one, and are her standing, not her name."""
    assert article(STATEMENT).author == "Theresa May"


def test_the_type_line_over_the_headline_is_no_paragraph() -> None:
    """`<p class="context">Oral statement to Parliament</p>` and `<p class="type">World priority</p>` share the
    title's block with the `<h1>`: they label the page, and the text starts under the title."""
    statement = [p.text for p in article(STATEMENT).paragraphs]
    priority = [p.text for p in article(PRIORITY).paragraphs]
    assert "Oral statement to Parliament" not in statement
    assert "World priority" not in priority
    assert statement[0].startswith("Statement of proposals to reduce the use of stop and search")
    assert priority[0] == "Contents"


def test_the_metadata_list_under_the_headline_is_no_paragraph() -> None:
    """`<dl>` "From:" / "Published:" / "Delivered on:", each with a short value: the page's account of the text, which
    dates it and names its speaker (the tests above), not lines of the statement."""
    statement = [p.text for p in article(STATEMENT).paragraphs]
    assert not {"From:", "Published:", "Delivered on:", "30 April 2014"} & set(statement)


def test_the_publication_line_under_the_text_is_no_paragraph() -> None:
    """The page's "Document information" under the statement prints "Published: 30 April 2014" once more."""
    assert article(STATEMENT).paragraphs[-1].text.startswith("Because, Mr Speaker, nobody wins when stop and search")
