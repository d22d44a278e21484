"""The Carpentries' annual report for 2024 in the wild collection (tests/data/wild, see its manifest.jsonl): designed
in Canva and exported as a PDF, text over photographs and coloured panels, the cover's three lines naming the
organisation, "Annual Report" and the year, an Info Title that is the design's working name ("2024 report_1").

Expected values are what the report prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

REPORT = PROJECT_ROOT / "tests" / "data" / "wild" / "carpentries-2024-annual-report.pdf"


def report() -> Article:
    (only,) = articles(REPORT)
    return only


def test_a_designed_cover_titles_the_report_not_the_designs_working_name() -> None:
    """The Info Title "2024 report_1" is printed nowhere; the cover prints "The Carpentries" over "Annual Report"."""
    assert report().title == "The Carpentries Annual Report"


def test_the_organisation_the_cover_and_info_name_is_the_author() -> None:
    assert report().author == "The Carpentries"


def test_a_report_printing_only_the_year_it_covers_has_no_date() -> None:
    """The cover prints "2024", the year reported on; the export's CreationDate (2025-05-16) is printed nowhere."""
    assert report().date is None


def test_text_set_over_a_photograph_reads_as_paragraphs() -> None:
    texts = [paragraph.text for paragraph in report().paragraphs]
    assert (
        "In October 2024, we badged 22 new Instructor Trainers, the largest cohort ever to join the Instructor "
        "Trainer community."
    ) in texts


def test_a_table_of_labels_and_amounts_under_a_ruled_head_reads_a_row_at_a_time() -> None:
    """The finance page's income table: each category beside its amount and share, as the row prints them."""
    texts = [paragraph.text for paragraph in report().paragraphs]
    assert "Income by Category USD Percent" in texts
    assert "Memberships $812,653 67.66%" in texts
    assert "Memberships" not in texts


def test_a_cell_wrapped_over_two_lines_reads_with_the_figures_level_with_it() -> None:
    texts = [paragraph.text for paragraph in report().paragraphs]
    assert "Software & Subscription Services $51,316 3.62%" in texts


def test_two_tables_set_side_by_side_are_read_one_after_the_other() -> None:
    """The expenses table stands right of the income table under one ruled head: its rows are its own."""
    texts = [paragraph.text for paragraph in report().paragraphs]
    income, expenses = texts.index("Other $503 0.04%"), texts.index("Team Salary & Benefits $1,119,108 79.05%")
    assert income < texts.index("Expenses by Category USD Percent") < expenses


def test_each_key_figure_of_an_infographic_reads_with_the_words_stacked_round_it() -> None:
    """The impact page stacks each figure between its words ("Delivered" over "4,600+" over "Workshops")."""
    texts = [paragraph.text for paragraph in report().paragraphs]
    for stack in ("Delivered 4,600+ Workshops", "Trained 5,100+ Instructors", "And 185 Instructor Trainers"):
        assert stack in texts
    assert "In 71 Countries" in texts


def test_each_of_two_tables_side_by_side_reads_down_to_its_own_closing_rule() -> None:
    """The finance page rules both tables' rows at one height, each its own rule a gap apart; the expenses table runs
    a row further than the income table, its total over a rule of its own, beside the text under the income table."""
    texts = [paragraph.text for paragraph in report().paragraphs]
    assert "Total $1,201,095 100%" in texts
    assert texts.index("Legal & Professional Fees $1,279 0.09%") + 1 == texts.index("Total $1,415,691 100%")
    assert "Total $1,415,691" not in texts


def test_a_tables_total_row_set_in_bold_is_a_row_not_a_heading() -> None:
    """Both finance tables set their "Total" row in bold, a row of the table like the rows over it: the expenses
    table's rows and the paragraphs under the tables stand under no "Total" heading."""
    paragraphs = report().paragraphs
    totals = [(paragraph.text, paragraph.kind) for paragraph in paragraphs if paragraph.text.startswith("Total $")]
    assert totals == [("Total $1,201,095 100%", "text"), ("Total $1,415,691 100%", "text")]
    assert not any((paragraph.section or "").startswith("Total") for paragraph in paragraphs)
