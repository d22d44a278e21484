"""Tables ruled across (a Frontiers paper: a rule under the head, a rule under the body, three tables on a page) and
ruled grids of sentences (an o2r review written in LibreOffice) read a row at a time, each cell a paragraph of its
own: no cell runs into its neighbour across the row, and the text around a table reads as it did."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.parsed import REAL, articles

WILD = Path(__file__).parent / "data" / "wild"


@pytest.fixture(scope="module")
def frontiers() -> list[str]:
    return [p.text for a in articles(WILD / "frontiers-2022-hypertension-sars-cov-2.pdf") for p in a.paragraphs]


@pytest.fixture(scope="module")
def review() -> list[str]:
    return [p.text for a in articles(WILD / "o2r-2020-reproducible-research-review.pdf") for p in a.paragraphs]


def after(texts: list[str], opening: str, count: int) -> list[str]:
    """The `count` paragraphs after the first that opens with `opening`."""
    start = next(index for index, text in enumerate(texts) if text.startswith(opening))
    return texts[start + 1 : start + 1 + count]


def test_a_frontiers_table_row_is_its_label_then_each_cell_a_paragraph_of_its_own(frontiers: list[str]) -> None:
    assert after(frontiers, "TABLE 2 ", 10)[4:] == [
        "Age (years)",
        "44.0 (32.0, 55.0)",
        "57.0 (54.0, 65.0)",
        "37.0 (31.3, 50.5)",
        "p<0.0001",
        "Sex (M/F)",
    ]


def test_the_third_table_on_a_page_never_runs_a_row_label_into_a_cell(frontiers: list[str]) -> None:
    assert after(frontiers, "Headache (yes/no)", 4) == ["8/17", "22/40", "0.757", "Fever (yes/no)"]
    assert not [text for text in frontiers if text.startswith(("Headache (yes/no) ", "Fever (yes/no) "))]


def test_a_tables_head_over_its_first_rule_is_read_a_cell_at_a_time(frontiers: list[str]) -> None:
    assert after(frontiers, "TABLE 3 ", 5) == [
        "Parameters",
        "hypertension patients (n=25)",
        "non-hypertension patients (n=63)",
        "p value",
        "Symptom (yes/no)",
    ]


def test_a_head_rule_drawn_in_pieces_over_groups_of_columns_still_bounds_the_body(frontiers: list[str]) -> None:
    """The body's first row is its label and its five cells, whatever paragraphs the head above it makes (its bold
    cells are headings)."""
    table = after(frontiers, "TABLE 5 ", 12)
    first = table.index("SARS-CoV-2 IgG-Ab (S1) (BAU/ml) a")
    assert not any(text[:1] in "-0123456789" for text in table[:first])
    assert table[first : first + 6] == [
        "SARS-CoV-2 IgG-Ab (S1) (BAU/ml) a",
        "238.119",
        "-5.462",
        "80.72",
        "0.013",
        "91.835",
    ]


def test_a_tables_caption_and_notes_outside_its_rules_read_as_paragraphs(frontiers: list[str]) -> None:
    assert "TABLE 1 Characteristics of SARS-CoV-2 infected health care workers (HCWs)." in frontiers
    notes = after(frontiers, "TABLE 3 ", 50)
    assert any(text.startswith("Continuous variables are given as mean ± SD.") for text in notes)


def test_a_ruled_grid_of_sentences_reads_each_cell_whole_and_alone(review: list[str]) -> None:
    assert after(review, "Copyright", 5) == [
        "Binder",
        "all",
        "R Markdown, Jupyter Notebooks, extensible",
        "via URL/DOI from Git(Hub/Lab), Gist, Zenodo, Figshare, Dataverse",
        "no information found",
    ]


def test_a_row_label_wrapped_over_two_lines_closer_than_the_rows_reads_as_one_cell(frontiers: list[str]) -> None:
    assert after(frontiers, "T cell responses to SARS-CoV-2 Spike-N-Term (SI)", 2) == [
        "5.4 (2.8, 9.2)",
        "9.1 (4.5, 20.6)",
    ]


def test_cells_of_one_row_set_at_their_own_heights_read_whole_between_a_wikipedia_tables_rules() -> None:
    (page,) = articles(REAL / "wikipedia-cabinet-office-2023.pdf")
    texts = [p.text for p in page.paragraphs]
    assert after(texts, "The Rt Hon. The Earl Howe GBE PC", 1) == ["Deputy Leader of the House of Lords"]


def test_a_cell_carried_over_a_page_break_runs_on_into_its_rest_at_the_next_pages_top() -> None:
    """The Leader of the House of Lords' duties end page 3 mid-phrase ("the internal governance of") and go on at
    page 4's top ("the House); Issues ..."), outside any table body; the page's own table stands further down."""
    (page,) = articles(REAL / "wikipedia-cabinet-office-2023.pdf")
    duties = next(p.text for p in page.paragraphs if p.text.startswith("Management and delivery of the Government"))
    assert "the internal governance of the House); Issues connected to the House of Lords" in duties
    assert duties.endswith("as the Lord Keeper of the Privy Seal.")


@pytest.fixture(scope="module")
def crs() -> list[str]:
    return [p.text for a in articles(REAL / "crs-election-grants-2026.pdf") for p in a.paragraphs]


def test_a_head_ruled_above_and_below_reads_each_columns_labels_together(crs: list[str]) -> None:
    assert after(crs, "Table A-1. ", 5) == [
        "Category",
        "Sample Questions",
        "Sample Answers",
        "Examples from Previous Legislation",
        "Uses of Funds",
    ]


def test_a_head_ruled_above_and_below_over_a_body_read_as_text_never_joins_two_columns_labels(
    crs: list[str],
) -> None:
    assert after(crs, "Table 1. ", 1) == ["Grant Program"]
    assert "Required Grant Program" not in crs


def test_a_rows_cells_set_closer_than_the_bands_gutters_read_each_alone(crs: list[str]) -> None:
    """Table 4 has no gutter down the whole body between its funds' columns: one row's cell spans four of them
    ("Improving the administration of federal elections ..."). Each row parts at its own gutters, so a row of
    amounts reads one cell, one column's two amounts, at a time, as the page sets them."""
    assert after(crs, "Guaranteed minimums 50 states and DC Eligible territories", 3) == [
        "$5 millionb $1 millionb",
        "$3 million $600,000",
        "$3 million $600,000",
    ]
    assert after(crs, "Eligible recipients", 3) == [
        "50 states, DC, American Samoa, Guam, Puerto Rico, and the U.S. Virgin Islands (HAVA states)",
        "HAVA states",
        "HAVA states and the Commonwealth of the Northern Mariana Islandsc,d",
    ]


def test_a_cell_parted_in_two_within_its_column_reads_each_part_alone(crs: list[str]) -> None:
    """Table 1's formula column sets "Minimum payment amount" beside "(Aggregate amount made available ...)", a
    row below reading across both: the parts are two cells, never one line of each after the other."""
    assert "Minimum payment amountb" in crs
    assert not any(text.startswith("Minimum + (Aggregate") for text in crs)


def test_a_heads_labels_read_at_the_heads_own_gutters(crs: list[str]) -> None:
    """Table 4's head labels each column over a body whose gutters part only three columns; Table 1's "Required" over
    "Match" stands a gutter apart from "Formula for Allocating Grant Awards" though no body gutter parts them."""
    assert after(crs, "Table 4. ", 6) == [
        "Original Authorization",
        "FY2018 Funds",
        "FY2020 Funds",
        "FY2022-2025 Funds",
        "FY2026 Funds",
        "CARES Act Funds",
    ]
    formula = "Formula for Allocating Grant Awardsa"
    assert after(crs, "Guaranteed Minimum Grant Awards", 2) == ["Required Match", formula]


def test_a_tables_last_cell_on_a_page_never_runs_into_the_first_cell_on_the_next(crs: list[str]) -> None:
    assert after(crs, "Within 45 days of the act’s enactment", 3) == [
        "CARES Act HAVA funds (P.L. 116-136, Election Security Grants)",
        "FY2026 HAVA funds (P.L. 119-75, Election Security Grants)",
        "Are grantees required to complete grant-funded activities or obligate or spend grant funds by a certain "
        "deadline?",
    ]


def test_the_rows_of_a_table_set_without_rules_that_fill_fewer_columns_are_left_out_with_the_others() -> None:
    """Table 2's body on its first page has no rules: a year a row, figures in some of eleven columns. Its rows of
    three columns or more are left out as an unruled table is; the rows between them with fewer ("2012" and "5.2"),
    and a row's figures read as one line across gaps ("650.0c  15.0  830.0", "0.2  0.8  10.0"), are left out
    with them. The caption, the unit under it and the stub's head stay."""
    page = [p.text for a in articles(REAL / "crs-election-grants-2026.pdf") for p in a.paragraphs if p.page == 8]
    assert page == [
        "Table 2. Appropriations for Election Administration-Related Grant Programs for States and Localities",
        "Fiscal year",
        "($, rounded in millions)",
    ]


@pytest.fixture(scope="module")
def bed_rest() -> list[str]:
    parsed = articles(WILD / "npj-microgravity-2021-exercise-circadian-bed-rest.pdf")
    return [p.text for a in parsed for p in a.paragraphs if p.page == 3]


def test_a_table_ruled_with_thin_filled_paths_is_left_out_as_a_booktabs_tables_is(bed_rest: list[str]) -> None:
    """npj's typesetter draws a table's rules as filled four-corner paths (pdfplumber's curves), not lines."""
    assert not any("36.86 ± 0.05" in text or text.startswith("Parameter Group") for text in bed_rest)


def test_the_caption_and_notes_of_a_table_ruled_with_paths_stay(bed_rest: list[str]) -> None:
    assert "Table 2. Effect of head-down tilt bed rest (HDBR) on 24-h rectal temperature rhythm." in bed_rest
    assert any(text.startswith("Data are means and standard errors. Circadian parameters were") for text in bed_rest)


def test_a_row_label_wrapped_at_the_foot_of_a_row_ruled_on_its_own_reads_as_one_cell() -> None:
    """PLOS Medicine's Table 3 rules every row off from the next: the last row's label, "Outcomes on the global
    health" over "challenge", stands alone in its band, and its second line was read as a row of its own."""
    texts = [p.text for a in articles(WILD / "plos-medicine-2022-unga-health-meetings.pdf") for p in a.paragraphs]
    assert after(texts, "International financing", 3) == ["—", "Outcomes on the global health challenge", "—"]


def test_a_formulas_sign_a_gutter_apart_from_the_part_at_its_right_reads_apart(crs: list[str]) -> None:
    """Table 1's formula sets "+" between "Minimum payment amount" and "(Aggregate amount ...)", a gutter from each, as
    it sets "x" between that part and the next: the sign is no bullet opening the part at its right."""
    assert after(crs, "Minimum payment amountb", 2) == [
        "+",
        "(Aggregate amount made available for general improvements grant awards - Total of all minimum payment "
        "amounts)",
    ]


def test_a_tables_column_labels_are_no_headings_and_its_cells_stand_under_its_caption() -> None:
    """Table 1's head labels its columns in bold; its cells stood under the last label, "Formula for Allocating Grant
    Awards", as their section."""
    paragraphs = [p for a in articles(REAL / "crs-election-grants-2026.pdf") for p in a.paragraphs if p.page == 6]
    cell = next(p for p in paragraphs if p.text == "General improvements grant program")
    assert cell.section == "Table 1. Selected Details of HAVA’s Three Main Grant Programs"
    assert not [p.text for p in paragraphs if p.kind == "heading" and p.text.startswith("Formula for Allocating")]
