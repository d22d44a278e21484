"""reStructuredText kept as plain text (tests/data/wild: two Docutils manuals and a Python PEP, see its manifest.jsonl),
read as docutils prints it: what docutils prints nothing of is no paragraph, and markup it prints otherwise reads as
printed.
"""

from __future__ import annotations

from pathlib import Path

from eval.reference import quote_in_reference, reference
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
POLICIES = WILD / "docutils-dev-policies.txt"
PEP = WILD / "pep-0541-package-index-name-retention.txt"


def texts(path: Path) -> list[str]:
    """The paragraphs' texts of every article the file holds."""
    return [paragraph.text for found in articles(path) for paragraph in found.paragraphs]


def test_a_comment_at_the_end_of_a_manual_is_no_paragraph() -> None:
    assert not [text for text in texts(POLICIES) if "Local Variables:" in text or "Emacs settings" in text]


def test_the_block_indented_under_a_comment_is_the_comment_s_own() -> None:
    found = texts(POLICIES)
    assert not [text for text in found if "TODO: do we have active maintenance branches?" in text]
    assert not [text for text in found if "The development wiki at" in text]


def test_a_comment_between_two_list_items_leaves_both_items() -> None:
    found = texts(POLICIES)
    assert any(text.startswith("the `sandbox directory`_ with contributed projects") for text in found)
    assert any(text.startswith("`development branches`_, representing ongoing development") for text in found)


def test_a_directive_with_its_text_on_its_line_is_no_comment() -> None:
    assert ".. note:: The backwards compatibility policy outlined below is a stub." in texts(POLICIES)


def test_a_citation_reads_as_docutils_prints_it_without_its_underscore() -> None:
    (opening,) = [text for text in texts(PEP) if text.startswith("This PEP proposes")]
    assert opening.startswith("This PEP proposes an extension to the Terms of Use [1] of the Package\nIndex [2], ")


def test_the_judge_reads_a_citation_as_docutils_prints_it() -> None:
    ref = reference(PEP)
    assert quote_in_reference("This PEP proposes an extension to the Terms of Use [1] of the Package Index [2],", ref)
    assert not quote_in_reference("This PEP proposes an extension to the Terms of Use [1]_ of the Package Index", ref)


def test_a_simple_table_reads_one_paragraph_per_row_without_its_borders() -> None:
    found = texts(POLICIES)
    assert "Release Level Version Identifier" in found
    assert "final (release) 0.14" in found
    assert not [text for text in found if "=====  =====" in text]


def test_a_cell_wrapped_onto_the_next_line_goes_on_in_its_row() -> None:
    assert (
        "candidate ``rc`` Release candidate: indicates that the codebase is ready to release unless significant bugs "
        "emerge."
    ) in texts(POLICIES)


def test_a_table_s_header_row_is_text_not_a_heading() -> None:
    (header,) = [p for p in articles(POLICIES)[0].paragraphs if p.text == "Release Level Version Identifier"]
    assert header.kind == "text"


def test_the_judge_reads_a_table_row_across_its_cells() -> None:
    ref = reference(POLICIES)
    assert quote_in_reference("beta (release) [4] 0.15b", ref)
    assert not quote_in_reference("beta (release) [3] 0.15b", ref)
