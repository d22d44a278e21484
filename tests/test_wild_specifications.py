"""Two specifications of the wild collection from producers it had not held (tests/data/wild, see its manifest.jsonl):
RFC 9116 in the IETF's v3 plain text (unpaged: no page footers, a contents list without page numbers, an opening
block whose right column is empty beside the RFC number), and a Rust RFC as The Rust RFC Book (mdBook) publishes it
(no title, the template's header a bulleted list of fields, named footnotes defined in the text, two cited only in a
table).

Expected values are what each document prints.
"""

from __future__ import annotations

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles, parsed_text

WILD = PROJECT_ROOT / "tests" / "data" / "wild"


@pytest.fixture(scope="module")
def rfc() -> Article:
    (article,) = articles(WILD / "ietf-rfc9116-security-txt.txt")
    return article


@pytest.fixture(scope="module")
def proposal() -> Article:
    (article,) = articles(WILD / "rust-rfc-3595-crates-io-team-under-dev-tools.md")
    return article


def texts(article: Article) -> list[str]:
    return [paragraph.text for paragraph in article.paragraphs]


def test_an_opening_block_with_an_empty_right_column_still_gives_the_rfcs_title_authors_and_date(rfc: Article) -> None:
    """The line "Request for Comments: 9116" has nothing at its right: the first author has no affiliation line."""
    assert (rfc.title, rfc.author, rfc.date) == (
        "A File Format to Aid in Security Vulnerability Disclosure",
        "E. Foudil, Y. Shafranovich",
        "2022-04",
    )
    assert not [text for text in texts(rfc) if "Request for Comments" in text]


def test_a_contents_list_without_page_numbers_is_not_text(rfc: Article) -> None:
    """Each block of the list is a section over its subsections; the text opens with the first one's heading."""
    lines = texts(rfc)
    assert "Table of Contents" not in lines
    assert not [text for text in lines if "2.1.  Comments" in text and "\n" in text]
    introduction = lines.index("1.  Introduction")
    assert lines[introduction - 1].startswith("This document is subject to BCP 78")


def test_an_example_line_of_the_format_is_no_heading(rfc: Article) -> None:
    """The example "Expires: 2021-12-31T18:37:07z" stands in section 2.5.5, not over the sections after it."""
    (example, *_) = [paragraph for paragraph in rfc.paragraphs if paragraph.text == "Expires: 2021-12-31T18:37:07z"]
    assert (example.kind, example.section) == ("text", "2.5.5.  Expires")
    acknowledgments = next(p for p in rfc.paragraphs if p.text.startswith("We would like to thank the following"))
    assert acknowledgments.section == "2.5.1.  Acknowledgments"


def test_a_list_of_fields_opening_the_proposal_dates_it_and_is_not_text(proposal: Article) -> None:
    """The item "- Start Date: 2024-03-25" is the template's record; no title is printed; "Summary" is a section."""
    assert (proposal.title, proposal.author, proposal.date) == (None, None, "2024-03-25")
    assert not [text for text in texts(proposal) if text.startswith(("Feature Name:", "Start Date:", "RFC PR:"))]
    assert (proposal.paragraphs[0].kind, proposal.paragraphs[0].text) == ("heading", "Summary")


def test_named_notes_defined_in_the_text_resolve_in_the_order_they_are_cited(proposal: Article) -> None:
    """[^subteam-requirement] is defined two paragraphs after its marker; [^count] and [^mods] are cited in the
    table only, and keep their places in the numbering."""
    assert "It is the only team without any subteams[2]." in texts(proposal)[3]
    assert proposal.footnotes[2].startswith("This RFC is not proposing any sort of requirement")
    assert proposal.footnotes[3].startswith("As calculated by doing a search in the Teams repo")
    assert proposal.footnotes[5].startswith("It is currently the unofficial plan that Carol Nichols")
    assert len(proposal.footnotes) == 5
    assert not [text for text in texts(proposal) if "[^" in text]


def test_a_grammars_rule_on_a_line_of_its_own_is_no_heading() -> None:
    """RFC 2616 sets "CRLF = CR LF" alone between two paragraphs of section 2.2; the prose after it is still 2.2's."""
    (article,) = articles(WILD / "ietf-rfc2616-http11.txt")
    (rule,) = [paragraph for paragraph in article.paragraphs if paragraph.text == "CRLF           = CR LF"]
    assert (rule.kind, rule.section) == ("text", "2.2 Basic Rules")
    folded = next(p for p in article.paragraphs if p.text.startswith("HTTP/1.1 header field values can be folded"))
    assert folded.section == "2.2 Basic Rules"


def kind_and_section(article: Article, text: str) -> tuple[str, str | None]:
    (paragraph,) = [paragraph for paragraph in article.paragraphs if paragraph.text.startswith(text)]
    return paragraph.kind, paragraph.section


def test_a_short_line_indented_as_the_text_is_no_heading_where_headings_stand_at_the_margin(rfc: Article) -> None:
    """RFC 9116 indents its text three spaces and sets its headings at the margin: the example
    "Preferred-Languages: en, es, fr", a numbered list's item "5.  Change controller" and the name over an address
    are the text of their sections."""
    assert kind_and_section(rfc, "Preferred-Languages: en, es, fr") == ("text", "2.5.8.  Preferred-Languages")
    assert kind_and_section(rfc, "5.  Change controller") == ("text", "6.2.  Registry for security.txt Fields")
    assert kind_and_section(rfc, "Edwin Foudil") == ("text", "Authors' Addresses")


def test_a_grammars_rule_with_its_comment_indented_as_the_text_is_no_heading(rfc: Article) -> None:
    """Section 4's core rules, each with a comment on the line below ("CR = %x0D" / "; carriage return")."""
    assert kind_and_section(rfc, "CR               =  %x0D") == ("text", "4.  File Format Description and ABNF Grammar")


def test_a_numbered_line_at_the_margin_heads_its_section_whatever_its_words() -> None:
    """RFC 2616's "3.2.2 http URL" (a scheme in lower case) and "10.3.7 306 (Unused)" (a code and a remark)."""
    (article,) = articles(WILD / "ietf-rfc2616-http11.txt")
    headings = [paragraph.text for paragraph in article.paragraphs if paragraph.kind == "heading"]
    assert {"3.2.2 http URL", "10.3.7 306 (Unused)"} <= set(headings)
    assert kind_and_section(article, 'The "http" scheme is used to locate network resources')[1] == "3.2.2 http URL"


@pytest.fixture(scope="module")
def myst() -> Article:
    (article,) = articles(WILD / "jupyter-book-content-blocks-myst.md")
    return article


def test_myst_targets_and_comments_are_not_text(myst: Article) -> None:
    """`(content:admonitions)=` names the section below it for cross-references and `% REMOVE ...` is a comment:
    MyST prints neither."""
    lines = texts(myst)
    assert not [text for text in lines if text.endswith(")=") or text.startswith("%")]
    assert lines[lines.index("Notes, warnings, and other admonitions") - 1] == (
        "For a list of syntax extensions in MyST, see the MyST documentation."
    )


def test_a_directives_option_lines_are_not_its_text(myst: Article) -> None:
    """`:::{note}` over `:class: dropdown`, `` `````{admonition} `` over `:class: warning`: the option sets the box;
    the words start after it."""
    assert "Here's a dropdown note! See components:dropdowns for more details." in texts(myst)
    prose = [paragraph.text for paragraph in myst.paragraphs if paragraph.kind != "preformatted"]
    assert not [text for text in prose if text.startswith(":")]


def test_a_pipe_table_row_is_one_paragraph_of_its_cells(proposal: Article) -> None:
    """The table of teams, their members and subteams: each row reads across, as the HTML parser reads a row."""
    assert {"Crates.io 8 0", "Compiler 15 31", "Moderation[4] 2 2"} <= set(texts(proposal))


def test_a_note_cited_in_a_table_cell_is_a_marker_of_that_note(proposal: Article) -> None:
    """`[^count]` in the table's header, `Moderation[^mods]` in its last row: the third and fourth notes cited."""
    cited = {p.text: [m.number for m in p.markers] for p in proposal.paragraphs if p.text.startswith(("Team", "Mod"))}
    assert cited == {"Team # of top-level members # of subteams/WGs/PGs [3]": [3], "Moderation[4] 2 2": [4]}
    assert proposal.footnotes[4].startswith("The Moderation team is a special case")


def test_a_myst_role_reads_as_the_words_the_page_shows(myst: Article) -> None:
    """``{term}`MyST Markdown` `` shows "MyST Markdown", not the role's name before it."""
    assert [text for text in texts(myst) if "has a base syntax" in text][0].startswith("MyST Markdown has a base")
    assert (
        "You can add citations and cross-references to your book. See citations for more information on how to do this."
        in texts(myst)
    )


def test_a_role_with_a_title_and_a_target_reads_as_its_title(myst: Article) -> None:
    """`` {ref}`See index names <index-names>` `` links "See index names"; a code span shows the role as written."""
    assert "{ref}`See index names <index-names>`: See index names" in texts(myst)


def test_a_backtick_fenced_admonition_is_its_title_and_its_prose(myst: Article) -> None:
    """`` `````{admonition} Do not do this `` renders a box titled so, its body Markdown, and the listing it holds
    stays a listing."""
    kinds = [(p.kind, p.text) for p in myst.paragraphs]
    start = kinds.index(("text", "Do not do this"))
    assert kinds[start + 1] == ("text", "For example, do not do this:")
    assert kinds[start + 2][0] == "preformatted"


def test_a_directive_fenced_with_colons_prints_its_title(myst: Article) -> None:
    """The box's title is a line of it; the paragraphs after the box stand in the section around it."""
    after = next(p for p in myst.paragraphs if p.text.startswith("To achieve a similar effect, write some bold text"))
    assert after.section == "Do not embed headings inside admonitions"
    assert ("text", "Upgrading from sphinx-panels") in [(p.kind, p.text) for p in myst.paragraphs]


def test_myst_named_notes_cited_in_one_sentence_resolve(myst: Article) -> None:
    assert "For example, here's a footnote [1] and here's another one [2]." in texts(myst)[-1]
    assert myst.footnotes == {
        1: "Here's the text of my first note.",
        2: "And the text of my second note. Note that you can include Markdown footnote definitions.",
    }


def test_a_myst_substitution_in_a_line_reads_as_the_value_its_front_matter_sets(myst: Article) -> None:
    """The front matter sets `jinja: "[Jinja templates](...)"`; the page prints "{{ jinja }}" as that link's words."""
    assert any(text.startswith("MyST substitutions use Jinja templates in order to substitute") for text in texts(myst))
    assert not any("{{ jinja }}" in text for text in texts(myst))


def test_a_substitution_the_page_does_not_set_stays_as_written(myst: Article) -> None:
    """`{{ sub3 }}` is set in the book's configuration, which the page does not hold: what it prints is unknown."""
    assert any(text.endswith("and it produces: {{ sub3 }}.") for text in texts(myst))


def test_a_paragraph_of_one_substitution_reads_as_its_values_blocks(myst: Article) -> None:
    """`{{ key2 }}` alone in its paragraph is a note box whose body is `{{ key1 }}`: the note's words, "I'm a
    substitution" (`I'm a **substitution**` rendered)."""
    lines = texts(myst)
    assert lines[lines.index("Block level:") + 1] == "I'm a substitution"


def test_an_example_directive_reads_as_its_source_then_as_rendered(myst: Article) -> None:
    """```` ````{example} ```` shows the Markdown it holds as code, then what it renders to (sphinx-examples)."""
    kinds = [(p.kind, p.text) for p in myst.paragraphs]
    start = kinds.index(("preformatted", "```{note}\nHere is a note!\n```"))
    assert kinds[start + 1] == ("text", "Here is a note!")


def test_the_judge_reads_a_substitution_and_an_example_as_myst_prints_them() -> None:
    """The judge's reading, cmark-gfm's HTML with MyST's substitutions and examples rendered, finds the printed words
    and not the unrendered ones outside code."""
    page = reference(WILD / "jupyter-book-content-blocks-myst.md")
    assert quote_in_reference("MyST substitutions use Jinja templates in order to substitute in key / values.", page)
    assert not quote_in_reference("MyST substitutions use {{ jinja }} in order to substitute in key / values.", page)
    assert quote_in_reference("Block level: I'm a substitution", page)


@pytest.fixture(scope="module")
def http() -> Article:
    (article,) = articles(WILD / "ietf-rfc2616-http11.txt")
    return article


def test_a_compound_a_line_end_breaks_keeps_its_hyphen_and_loses_the_line_break(http: Article) -> None:
    """RFC 2616 wraps its text at 72 columns: "case-" ends one line of section 3.7 and "insensitive." opens the next."""
    (paragraph,) = [p for p in http.paragraphs if p.text.startswith("The type, subtype, and parameter attribute")]
    assert paragraph.text.startswith("The type, subtype, and parameter attribute names are case-insensitive. Parameter")


def test_a_word_the_document_prints_hyphenated_within_a_line_keeps_its_hyphen_at_a_line_end(http: Article) -> None:
    """ "max-" / "age directive" in section 13.2.4: the RFC prints "max-age" within its lines, and "maxage" only as
    part of "s-maxage"; the hyphen is the author's."""
    (paragraph,) = [p for p in http.paragraphs if p.text.startswith("Note: if a response includes a Cache-Control")]
    assert "with the max-age directive (see section 14.9.3)" in paragraph.text


def test_a_web_address_a_line_end_breaks_after_a_hyphen_is_one_address(rfc: Article) -> None:
    (paragraph,) = [p for p in rfc.paragraphs if p.text.startswith("For web-based services, organizations MUST")]
    assert 'under the "/.well-known/" path, e.g., https://example.com/.well-known/security.txt as per' in paragraph.text


def test_paragraphs_with_line_end_compounds_joined_are_still_slices_of_the_parsed_text() -> None:
    path = WILD / "ietf-rfc2616-http11.txt"
    parsed = parsed_text(path)
    assert all(parsed[p.offset : p.offset + len(p.text)] == p.text for a in articles(path) for p in a.paragraphs)


def test_the_judge_reads_a_compound_a_line_end_breaks_in_plain_text_as_one_word() -> None:
    ref = reference(WILD / "ietf-rfc2616-http11.txt")
    assert quote_in_reference("The type, subtype, and parameter attribute names are case-insensitive.", ref)
    assert not quote_in_reference("The type, subtype, and parameter attribute names are case- insensitive.", ref)
    assert quote_in_reference("Note: if a response includes a Cache-Control field with the max-age directive", ref)
