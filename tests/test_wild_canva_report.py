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
