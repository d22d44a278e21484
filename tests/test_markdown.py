"""Markdown front matter as generators write it: YAML and TOML, author lists, dates as values, placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from qa.formats import parse_bytes
from qa.formats.document import Parsed
from qa.formats.metadata import slashed_date
from qa.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
REAL = PROJECT_ROOT / "eval" / "real" / "docs"


def parse_path(path: Path) -> Parsed:
    return parse_bytes(path.read_bytes(), path.name)


def only_article(path: Path) -> Article:
    (article,) = parse_path(path).articles
    return article


def test_toml_front_matter_gives_title_author_and_date() -> None:
    article = only_article(FIXTURES / "hugo-post-toml.md")
    assert (article.title, article.author, article.date) == (
        "Water Cuts in the Eastern Districts",
        "Lena Vogt",
        "2023-05-02",
    )


def test_yaml_author_list_of_names_is_joined_and_its_datetime_is_a_date() -> None:
    article = only_article(FIXTURES / "jekyll-post-yaml-authors.md")
    assert (article.title, article.author, article.date) == (
        "Court Access for Detained Migrants",
        "Priya Raman, Jonas Berg",
        "2022-11-08",
    )
    assert article.footnotes == {
        1: "Court statistics office, annual report 2022, table 7.",
        2: "Survey of 58 immigration lawyers, October 2022.",
    }


def test_placeholder_author_is_no_author_and_published_is_a_date_key() -> None:
    article = only_article(FIXTURES / "jekyll-post-admin.md")
    assert (article.title, article.author, article.date) == ("Weekly Roundup", None, "2021-02-19")


@pytest.mark.parametrize(
    "path",
    [
        FIXTURES / "hugo-post-toml.md",
        FIXTURES / "jekyll-post-yaml-authors.md",
        FIXTURES / "jekyll-post-admin.md",
        REAL / "18f-ask-cor-vs-po.md",
        REAL / "rust-moderation-follow-up.md",
    ],
    ids=lambda path: path.name,
)
def test_no_front_matter_line_is_indexed(path: Path) -> None:
    """Its keys, list items and tables; a folded title's second line may also be a heading of the text."""
    raw = path.read_text(encoding="utf-8")
    fence = raw.splitlines()[0]
    front_matter = raw.split(f"\n{fence}\n", 1)[0].splitlines()[1:]
    syntax = [line.strip() for line in front_matter if re.match(r"\s*(?:[\w-]+\s*[:=]|- |\[)", line)]
    parsed = parse_path(path)
    assert len(syntax) >= 3
    for line in syntax:
        assert line not in parsed.text


@pytest.mark.parametrize(
    "front_matter",
    ["---\ntitle: [unclosed\n---", "---\ndate: 2020-13-45\n---", "---\n" + "[" * 20000 + "\n---", "+++\ntitle = \n+++"],
    ids=["unclosed list", "impossible date", "nesting past the recursion limit", "toml without a value"],
)
def test_unparseable_front_matter_is_dropped_without_metadata(front_matter: str) -> None:
    (article,) = parse_bytes(f"{front_matter}\n\nThe hearing was adjourned.\n".encode(), "p.md").articles
    assert (article.title, article.author, article.date) == (None, None, None)
    assert [p.text for p in article.paragraphs] == ["The hearing was adjourned."]


def test_real_jekyll_post_multiline_title_and_slug_authors_as_the_post_prints_them() -> None:
    """18F's post: a title folded over three lines, and authors as slugs of the site's author data, whose names the
    post prints in headings ("Miatta Myers and Rebecca Refoy - Acquisitions", "Uchenna Moka-Solana - Product")."""
    article = only_article(REAL / "18f-ask-cor-vs-po.md")
    assert article.title == (
        "Ask 18F — What’s the difference between a Contracting Officer’s Representative and a Product Owner "
        "on agile software development projects?"
    )
    assert (article.author, article.date) == ("Miatta Myers, Rebecca Refoy, Uchenna Moka-Solana", "2020-03-10")
    assert article.footnotes[2] == "Federal Acquisition Regulation (FAR) 1.602-2(d)"


def test_a_slug_author_is_the_name_the_post_prints_with_its_words() -> None:
    post = (
        "---\nauthors:\n- jane-de-la-cruz\n---\n\nBy Jane de la Cruz, field researcher\n\nThe hearing was adjourned.\n"
    )
    assert only_article_of(post).author == "Jane de la Cruz"


def test_a_slug_author_the_post_never_prints_names_no_one() -> None:
    post = "---\nauthors:\n- jane-doe\n---\n\nThe hearing was adjourned until the jane-doe motion was heard.\n"
    assert only_article_of(post).author is None


def only_article_of(text: str) -> Article:
    (article,) = parse_bytes(text.encode(), "post.md").articles
    return article


def test_site_generator_tags_are_not_paragraphs() -> None:
    parsed = parse_path(REAL / "18f-ask-cor-vs-po.md")
    assert "{%" not in parsed.text
    assert "The table below gives an overview of the difference between a COR and a PO." in parsed.text


def test_real_zola_post_toml_authors_list() -> None:
    article = only_article(REAL / "rust-moderation-follow-up.md")
    assert (article.title, article.author, article.date) == (
        "Follow-up on the moderation issue",
        "Ryan Levick and Mara Bos",
        None,
    )
    assert article.footnotes[3] == "https://github.com/rust-lang/team/pull/671"


def test_front_matter_with_windows_line_ends_is_read() -> None:
    data = (FIXTURES / "jekyll-post-yaml-authors.md").read_bytes().replace(b"\n", b"\r\n")
    parsed = parse_bytes(data, "post.md")
    assert (parsed.articles[0].title, parsed.articles[0].author) == (
        "Court Access for Detained Migrants",
        "Priya Raman, Jonas Berg",
    )
    assert "layout" not in parsed.text


def test_mkdocs_admonition_body_is_text_and_its_title_a_heading() -> None:
    """`!!! note "Title"` and an indented body (MkDocs): without the extension the body read as a code block."""
    found = only_article_of('Intro.\n\n!!! warning "Detention limits"\n    No one may be held beyond 48 hours.\n')
    assert [(p.kind, p.text) for p in found.paragraphs] == [
        ("text", "Intro."),
        ("heading", "Detention limits"),
        ("text", "No one may be held beyond 48 hours."),
    ]


def test_colon_fenced_aside_keeps_its_words_without_its_fence_lines() -> None:
    """Docusaurus writes an aside between `:::note` and `:::`; the fence lines are no words of the paragraph."""
    found = only_article_of("Intro.\n\n:::tip Take care\nVisits are allowed on Sundays.\n:::\n")
    assert [p.text for p in found.paragraphs] == ["Intro.", "Visits are allowed on Sundays."]


def test_an_empty_heading_is_no_heading_and_the_text_under_it_is_kept() -> None:
    """An ATX heading with no words ("#" alone on its line) has an inline token without children."""
    parsed = parse_bytes(b"#\n\nThe text under it.\n", "empty-heading.md")
    assert [paragraph.text for paragraph in parsed.articles[0].paragraphs] == ["The text under it."]


def test_a_typed_bracketed_number_with_no_note_is_words_not_a_note_marker() -> None:
    """ "[12]" typed in the text cites something the document never defines as a note (a numbered list, another
    work): it stays the words a reader sees, character for character, and is no marker."""
    (paragraph,) = only_article_of("As the survey found [12], most detainees had no lawyer.\n").paragraphs
    assert paragraph.markers == ()
    assert paragraph.text == "As the survey found [12], most detainees had no lawyer."


def test_a_shortcode_around_a_paragraph_keeps_the_paragraph_without_its_tags() -> None:
    """Hugo's `{{< note >}} words {{< /note >}}` on one line was read as one tag from "{{" to the last "}}"."""
    found = only_article_of("Intro.\n\n{{< note >}} Visits are allowed on Sundays. {{< /note >}}\n")
    assert [p.text for p in found.paragraphs] == ["Intro.", "Visits are allowed on Sundays."]


def test_a_link_whose_address_a_template_fills_in_reads_as_its_words() -> None:
    found = only_article_of('Please [write to us]({{ "/contact/" | url }}) before filing.\n')
    assert [p.text for p in found.paragraphs] == ["Please write to us before filing."]


def test_footnotes_written_in_raw_html_are_notes_and_their_heading_no_text() -> None:
    """A Hugo post's notes as HTML: `<sup><a href="#fn1">[1]</a></sup>` markers and an `<ol>` of `<li id="fn1">`
    under a "Footnotes" heading, each with a "↩" link back; an in-page "↩" after a paragraph is no word either."""
    found = only_article_of(
        'Half were held without charge.<sup><a href="#fn1" id="ref1">[1]</a></sup>\n\n'
        'Visits resumed in May. <a href="#top">↩</a>\n\n'
        '<div class="footnote">\n<h3>Footnotes</h3>\n<ol>\n'
        '<li id="fn1">Annual report, 2020. <a href="#ref1">↩</a></li>\n</ol>\n</div>\n'
    )
    assert [p.text for p in found.paragraphs] == ["Half were held without charge.[1]", "Visits resumed in May."]
    assert found.footnotes == {1: "Annual report, 2020."}


def test_an_opening_paragraph_of_labelled_fields_is_metadata_not_text() -> None:
    """A converter writes a saved page's facts as bold `Label: value` lines under its title."""
    found = only_article_of(
        "# Detention Review\n\n**Report No.:** R123\n**Publication Date:** 04/20/2026\n**Author(s):** Doe, Jane\n\n"
        "---\n\n# Detention Review\n\nThe review found overcrowding.\n"
    )
    assert (found.title, found.author, found.date) == ("Detention Review", "Doe, Jane", "2026-04-20")
    assert [p.text for p in found.paragraphs] == ["The review found overcrowding."]


def test_a_row_of_glued_links_is_navigation_and_links_one_a_line_are_text() -> None:
    found = only_article_of(
        "[Citation](/c)[Share](/s)[Home](/) > [Reports](/r) > R123\n\nThe review found overcrowding.\n\n"
        "[Watch the hearing.](/v)  \n[Read the report.](/r)  \n[See the photos.](/p)\n"
    )
    texts = [squashed(p.text) for p in found.paragraphs]
    assert texts == ["The review found overcrowding.", "Watch the hearing.", "Read the report.", "See the photos."]


def squashed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("printed", "iso"), [("04/20/2026", "2026-04-20"), ("20/04/2026", "2026-04-20"), ("04/10/2026", None)]
)
def test_a_numeric_date_is_a_date_only_where_it_reads_one_way(printed: str, iso: str | None) -> None:
    """04/10/2026 is 10 April in the United States and 4 October elsewhere: no date rather than a guess."""
    assert slashed_date(printed) == iso


WILD = PROJECT_ROOT / "tests" / "data" / "wild"


def test_a_fenced_code_block_is_one_preformatted_paragraph_with_its_line_breaks() -> None:
    """The draft's `~~~` listing of the window's bounds: its lines as written, not reflowed into one line."""
    found = only_article(WILD / "kramdown-rfc-cubic-draft.md")
    listing = next(p for p in found.paragraphs if p.text.startswith("target = W_cubic(t + RTT)"))
    assert listing.kind == "preformatted"
    assert listing.text.splitlines() == [
        "target = W_cubic(t + RTT)         // cwnd after an RTT",
        "if (target < cwnd) {              // lower bound",
        "    target = cwnd",
        "} else if (target > 1.5 * cwnd) { // upper bound",
        "    target = 1.5 * cwnd",
        "}",
    ]


def test_the_prose_around_a_fenced_code_block_stays_text() -> None:
    found = only_article(WILD / "kramdown-rfc-cubic-draft.md")
    index = next(p.index for p in found.paragraphs if p.text.startswith("target = W_cubic(t + RTT)"))
    before, after = found.paragraphs[index - 2], found.paragraphs[index]
    assert (before.kind, after.kind) == ("text", "text")
    assert after.text.startswith("Depending on the value of the current congestion window size cwnd")


@pytest.mark.parametrize(
    "code",
    [
        "```sh\n$ tar -xf archive.tar\n$ sha256sum archive.tar\n```\n",
        "    $ tar -xf archive.tar\n    $ sha256sum archive.tar\n",
    ],
    ids=["backtick-fence", "indented"],
)
def test_backtick_fenced_and_indented_code_are_preformatted(code: str) -> None:
    found = only_article_of(f"Check the archive:\n\n{code}\nThen unpack it.\n")
    assert [(p.kind, p.text) for p in found.paragraphs] == [
        ("text", "Check the archive:"),
        ("preformatted", "$ tar -xf archive.tar\n$ sha256sum archive.tar"),
        ("text", "Then unpack it."),
    ]


CRS_SIDEBAR = WILD / "crs-legal-sidebar-parental-rights-2026.md"


def test_a_converted_pages_chrome_above_the_text_is_not_indexed() -> None:
    """congress.gov's overview box ("Hide Overview", a table of labelled fields, "Download PDF (426KB)") and the
    title printed again with a "Listen" link glued to it stand between the title and the first paragraph."""
    found = only_article(CRS_SIDEBAR)
    assert found.paragraphs[0].text.startswith("How public schools should treat transgender students")
    opening = [p.text for p in found.paragraphs[:3]]
    assert not any(chrome in text for text in opening for chrome in ("Hide Overview", "Download PDF", "Listen"))


def test_the_author_is_read_from_the_overview_boxs_authors_row() -> None:
    """The page names its authors only in the row "| **Authors:** | Cole, Jared P.; Novak, Whitney K."."""
    assert only_article(CRS_SIDEBAR).author == "Cole, Jared P.; Novak, Whitney K."


def test_a_converted_pages_notice_under_an_indented_label_closing_the_file_is_not_indexed() -> None:
    """The page ends with CRS's disclaimer under "Disclaimer:", which the converter indented 30 spaces: an indented
    code block of one label, then the notice's paragraph to the end of the file."""
    found = only_article(CRS_SIDEBAR)
    assert found.paragraphs[-1].text.startswith("In addition, FERPA currently does not contain a private right")
    assert not any(p.text == "Disclaimer:" or "prepared by the Congressional" in p.text for p in found.paragraphs)


def test_an_indented_label_with_a_section_after_it_stays() -> None:
    found = only_article_of("The review found overcrowding.\n\n    Method:\n\n## Findings\n\nCells held six.\n")
    assert [p.text for p in found.paragraphs] == [
        "The review found overcrowding.",
        "Method:",
        "Findings",
        "Cells held six.",
    ]


def test_one_link_above_the_text_is_the_authors_and_stays() -> None:
    found = only_article_of("[Read the hearing's transcript](/t)\n\nThe review found overcrowding.\n")
    assert [p.text for p in found.paragraphs] == ["Read the hearing's transcript", "The review found overcrowding."]


def test_a_heading_over_text_after_the_chrome_stays_a_heading() -> None:
    found = only_article_of(
        "# Detention Review\n\n[Hide details](#)\n\n| **Author:** | Doe, Jane\n| **Date:** | 04/20/2026\n"
        "| **Number:** | R123\n\n## Findings\n\nThe review found overcrowding.\n"
    )
    assert (found.title, found.author, found.date) == ("Detention Review", "Doe, Jane", "2026-04-20")
    assert [(p.kind, p.text) for p in found.paragraphs] == [
        ("heading", "Findings"),
        ("text", "The review found overcrowding."),
    ]


PANDOC_PAPER = WILD / "joss-inara-2022-article-writing.md"


def test_a_pandoc_grid_table_reads_a_row_a_paragraph_its_cells_side_by_side() -> None:
    """The paper's table of inline markup, written as a grid (`+----+` borders, `| cell |` rows): its header row and
    each row under it are one paragraph, as a pipe table's rows are, and no border or bar is read."""
    texts = [p.text for p in only_article(PANDOC_PAPER).paragraphs]
    start = texts.index("Markup Markdown example Rendered output")
    assert texts[start + 1 : start + 3] == ["emphasis *this* this", "strong emphasis **that** that"]
    assert texts[start + 7] == "inline code `return 23` return 23"
    assert not [text for text in texts if text.startswith("+--") or "| " in text]


def test_a_grid_table_row_is_found_by_the_judge_as_cmark_gfm_renders_it() -> None:
    """The judge reads the grid table as the rows pandoc renders, so a quoted row is found in the paper."""
    paper = reference(PANDOC_PAPER)
    assert quote_in_reference("emphasis *this* this", paper)
    assert quote_in_reference("inline code `return 23` return 23", paper)
    assert not quote_in_reference("emphasis *this* that", paper)


def test_struck_words_and_a_subscript_read_as_printed_without_their_tildes() -> None:
    """pandoc and GitHub print `~~not this~~` struck through and pandoc `H~2~O` with a subscript 2: the words are
    the page's, the tildes markup; in a code span they stay as written."""
    texts = [p.text for p in only_article(PANDOC_PAPER).paragraphs]
    assert "strikeout ~~not this~~ not this" in texts
    assert "subscript H~2~O H2O" in texts


def test_the_lead_in_above_a_grid_table_stays_text() -> None:
    texts = [p.text for p in only_article(PANDOC_PAPER).paragraphs]
    assert (
        "The markup in Markdown should be semantic, not presentations. The table below gives a small example." in texts
    )


PANDOC_TABLES = FIXTURES / "pandoc-tables.md"
"""Written for this project: no Markdown file of the corpus holds a pandoc simple or multiline table."""


def test_a_pandoc_simple_table_reads_a_row_a_paragraph() -> None:
    texts = [p.text for p in only_article(PANDOC_TABLES).paragraphs]
    start = texts.index("Reservoir Capacity Level")
    assert texts[start + 1 : start + 4] == ["Hollow Lake 40 GL 61 %", "Stone Ford 12 GL 48 %", "Upper Mere 95 GL 73 %"]


def test_a_pandoc_multiline_table_reads_each_cell_whole() -> None:
    """A cell written on two lines runs on in its cell, not across the row's other cells line by line."""
    texts = [p.text for p in only_article(PANDOC_TABLES).paragraphs]
    assert "Garden hose limits January Watering is allowed before 8 a.m. and after 6 p.m. only." in texts


def test_the_last_row_of_a_multiline_table_is_no_heading() -> None:
    """Over the closing rule CommonMark reads the last row as a heading underlined with dashes."""
    (row,) = [p for p in only_article(PANDOC_TABLES).paragraphs if p.text.startswith("Pool refill ban")]
    assert row.kind == "text"


def test_a_table_s_caption_reads_without_its_mark() -> None:
    texts = [p.text for p in only_article(PANDOC_TABLES).paragraphs]
    assert "Measures in force in March." in texts
    assert not [text for text in texts if text.startswith("Table:")]


def test_the_judge_reads_a_multiline_table_s_cells_whole() -> None:
    tables = reference(PANDOC_TABLES)
    assert quote_in_reference(
        "Garden hose limits January Watering is allowed before 8 a.m. and after 6 p.m. only.", tables
    )
    assert not quote_in_reference("Garden hose January Watering is allowed before 8 a.m. limits", tables)


def test_a_simple_table_without_a_header_reads_a_row_a_paragraph() -> None:
    texts = [p.text for p in only_article(PANDOC_TABLES).paragraphs]
    start = texts.index("Rain fell on few days of the quarter:")
    assert texts[start + 1 : start + 5] == ["January 4 days", "February 2 days", "March 7 days", texts[-1]]


def test_a_raised_number_with_no_note_of_its_own_stays_the_digit_it_shows() -> None:
    """A raised number opening a paragraph is a note only where the text raises it as a marker too: "m<sup>2</sup>"
    in a paragraph and a paragraph opening "<sup>3</sup>" are no notes."""
    text = b"The plot is 40 m<sup>2</sup> in all.\n\n<sup>3</sup> cubic metres of soil were moved.\n"
    (article,) = parse_bytes(text, "plot.md").articles
    assert [p.text for p in article.paragraphs] == [
        "The plot is 40 m2 in all.",
        "3 cubic metres of soil were moved.",
    ]
    assert article.footnotes == {}


def test_prose_that_breaks_a_line_mid_sentence_with_a_hard_break_stays_one_paragraph() -> None:
    """A hard break whose next line goes on in lower case breaks a sentence where its author pressed return: the
    paragraph is prose, not a list of lines (one paragraph per line)."""
    text = b"The wells ran dry  \nin the summer, and families  \nwalked hours for water.\n"
    (article,) = parse_bytes(text, "wells.md").articles
    assert [p.text for p in article.paragraphs] == [
        "The wells ran dry in the summer, and families walked hours for water."
    ]


def test_liquid_footnote_tags_in_a_code_block_are_shown_as_written() -> None:
    """A page documenting the tags shows them in code; only the tags of its text are notes."""
    text = b"Cited here.{% fn 1 %}\n\n```liquid\nWords.{% fn 2 %}\n```\n\n{% fnbody 1 %}\nA note.\n{% endfnbody %}\n"
    (article,) = parse_bytes(text, "tags.md").articles
    assert [p.text for p in article.paragraphs] == ["Cited here.[1]", "Words.{% fn 2 %}"]
    assert article.footnotes == {1: "A note."}
