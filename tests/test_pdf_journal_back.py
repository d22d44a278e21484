"""A medical journal article's signs and back matter (JAMA Network Open, tests/data/wild, see its manifest.jsonl): a
"≥" set in a mathematical font that maps it by glyph name only, and a list of supplements set under the references
in their small type, after the last reference.

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from tests.parsed import articles

JAMA = Path(__file__).parent / "data" / "wild" / "jama-netw-open-2022-glasses-sars-cov-2.pdf"
GLASSES_SIGN = "2873 [77.3%] with ≥3 doses of COVID-19 vaccine) were randomized"


@pytest.fixture(scope="module")
def jama() -> Article:
    (parsed,) = articles(JAMA)
    return parsed


def test_a_sign_the_font_names_only_by_its_glyph_name_reads_as_the_sign(jama: Article) -> None:
    """The font (Mathematical Pi) maps its one glyph by the name "H11350" and has no ToUnicode map."""
    assert any(GLASSES_SIGN in paragraph.text for paragraph in jama.paragraphs)


def test_no_paragraph_or_note_holds_an_unmapped_glyph(jama: Article) -> None:
    assert not [p.text for p in jama.paragraphs if "(cid:" in p.text or "\ufffd" in p.text]
    assert not [note for note in jama.footnotes.values() if "(cid:" in note]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_judge_finds_the_sign_and_fails_the_sentence_without_it() -> None:
    ref = reference(JAMA)
    assert quote_in_reference(GLASSES_SIGN, ref)
    assert not quote_in_reference(GLASSES_SIGN.replace("≥", ""), ref)


def test_the_last_reference_ends_before_the_supplements_listed_under_it(jama: Article) -> None:
    assert max(jama.footnotes) == 21
    assert jama.footnotes[21] == (
        "Zwarenstein M. “Pragmatic” and “explanatory” attitudes to randomised trials. J R Soc Med. 2017;110(5): "
        "208-218. doi:10.1177/0141076817706303"
    )


def test_the_supplements_list_is_the_articles_text(jama: Article) -> None:
    texts = [paragraph.text for paragraph in jama.paragraphs]
    assert texts[-2:] == ["SUPPLEMENT 3.", "Data Sharing Statement"]


def test_a_reference_wrapped_over_lines_in_the_same_type_still_reads_whole(jama: Article) -> None:
    assert jama.footnotes[20] == (
        "Treweek S, Zwarenstein M. Making trials matter: pragmatic and explanatory trials and the problem of "
        "applicability. Trials. 2009;10:37. doi:10.1186/1745-6215-10-37"
    )
