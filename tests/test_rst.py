"""reStructuredText kept as plain text (tests/data/wild: two Docutils manuals and a Python PEP, see its manifest.jsonl),
read as docutils prints it: what docutils prints nothing of is no paragraph, and markup it prints otherwise reads as
printed.
"""

from __future__ import annotations

from pathlib import Path

from eval.reference import quote_in_reference, reference
from qa.formats import parse_bytes
from qa.formats.rst_inline import printed_inline, substitutions
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
    assert any(text.startswith("the sandbox directory with contributed projects") for text in found)
    assert any(text.startswith("development branches, representing ongoing development") for text in found)


def test_an_admonition_with_its_text_on_its_line_reads_its_text() -> None:
    assert "The backwards compatibility policy outlined below is a stub." in texts(POLICIES)


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
        "candidate rc Release candidate: indicates that the codebase is ready to release unless significant bugs "
        "emerge."
    ) in texts(POLICIES)


def test_a_table_s_header_row_is_text_not_a_heading() -> None:
    (header,) = [p for p in articles(POLICIES)[0].paragraphs if p.text == "Release Level Version Identifier"]
    assert header.kind == "text"


def test_the_judge_reads_a_table_row_across_its_cells() -> None:
    ref = reference(POLICIES)
    assert quote_in_reference("beta (release) [4] 0.15b", ref)
    assert not quote_in_reference("beta (release) [3] 0.15b", ref)


I18N = WILD / "docutils-howto-i18n.txt"


def paragraph_with(path: Path, words: str) -> str:
    """The one paragraph of the file holding `words`."""
    (found,) = [text for text in texts(path) if words in text]
    return found


def test_inline_literal_reads_as_its_words() -> None:
    assert "(i.e., no if x: return: use two" in paragraph_with(POLICIES, "No one-liner compound statements")


def test_emphasis_and_strong_read_without_their_stars() -> None:
    assert 'The "docutils" directory of the trunk (a.k.a. the Docutils\ncore)' in paragraph_with(POLICIES, "a.k.a.")
    assert "Unless you really really know what you're doing, please do not use" in paragraph_with(
        POLICIES, "please do not use"
    )


def test_a_named_reference_reads_its_text() -> None:
    assert "his essay The Magic Cauldron:" in paragraph_with(POLICIES, "Eric S. Raymond")
    assert "must be in good shape, usable, documented,\ntested, and reasonably complete." in paragraph_with(
        POLICIES, "maintenance branches must be in"
    )


def test_a_reference_with_its_address_written_in_reads_its_title() -> None:
    assert paragraph_with(PEP, "Search the PyPI Support").startswith("3. Search the PyPI Support issues\n")


def test_an_address_on_a_line_of_its_own_goes_with_its_line_break() -> None:
    assert "for continuing maintenance of the same project - although it's not easy" in paragraph_with(
        PEP, "continuing maintenance of the same project"
    )


def test_a_pep_role_reads_as_the_pep_it_names() -> None:
    assert "in the Style Guide for Python Code (PEP 8) and Docstring\nConventions (PEP 257)," in paragraph_with(
        POLICIES, "Style Guide for Python Code"
    )


def test_an_inline_target_reads_its_name() -> None:
    assert any(text.startswith("Good shape means that the code is clean") for text in texts(POLICIES))


def test_underscores_inside_a_word_are_the_word_s() -> None:
    assert '"lowercase_with_underscores" for function' in paragraph_with(POLICIES, "lowercase_with_underscores")


def test_markup_in_a_literal_block_is_printed_as_written() -> None:
    assert "# *OR* (but *not* both)" in paragraph_with(POLICIES, "*OR*")


def test_a_paragraph_s_closing_double_colon_reads_as_docutils_prints_it() -> None:
    found = texts(POLICIES)
    assert "Use the following section title adornment styles:" in found
    assert paragraph_with(POLICIES, "can be used to test for a minimally").endswith("required version, e.g.")


def test_a_directive_s_double_colon_is_left_as_written() -> None:
    assert ".. contents::" not in texts(I18N)
    assert not [text for text in texts(I18N) if text.startswith(".. contents")]


def test_a_title_underlined_with_backticks_is_a_heading() -> None:
    (heading,) = [p for p in articles(POLICIES)[0].paragraphs if p.text.startswith("Review Criteria")]
    assert (heading.text, heading.kind) == ("Review Criteria", "heading")


def test_the_judge_reads_inline_markup_as_docutils_prints_it() -> None:
    ref = reference(POLICIES)
    assert quote_in_reference("in the Style Guide for Python Code (PEP 8) and Docstring Conventions (PEP 257)", ref)
    assert not quote_in_reference("(:PEP:`8`)", ref)
    assert quote_in_reference("please do not use svn import.", ref)


def test_a_substitution_reads_the_text_its_definition_replaces_it_with() -> None:
    # No document of the corpus defines one: a definition and its use as the reStructuredText specification has them.
    replaced = substitutions(".. |RST| replace:: reStructuredText\n")
    printed = printed_inline("The |RST| parser and |logo| image.", replaced)
    assert printed == "The reStructuredText parser and |logo| image."


def test_a_star_between_brackets_is_no_emphasis() -> None:
    # A symbol note's label (`[*]`), as the specification's recognition rules have it: what follows stays markup.
    assert printed_inline("the note [*] and *this* one", {}) == "the note [*] and this one"


# No document of the corpus uses Sphinx's roles, a backslash escape or a picture's or characters' substitution: each
# test below writes one as the reStructuredText specification and Sphinx's documentation have it.
SPHINX_PAGE = """\
Guide
=====

See :doc:`the tutorial <tutorial/index>`, :ref:`intro` and :term:`Sphinx`.
Call :func:`os.path.join` on :class:`~pathlib.Path` and :py:class:`!Foo`.
Stars written \\*not emphasis\\* print as typed, and |logo| the |copy| sign stays.

.. |logo| image:: logo.png
.. |copy| unicode:: 0xA9 .. copyright sign
"""


def test_a_backslash_escape_prints_the_character_it_escapes() -> None:
    assert printed_inline(r"written \*not emphasis\* and a backslash \\ here", {}) == (
        r"written *not emphasis* and a backslash \ here"
    )


def test_an_escaped_space_prints_nothing() -> None:
    assert printed_inline(r"an\ escaped\ space", {}) == "anescapedspace"


def test_a_backslash_in_a_literal_prints_as_written() -> None:
    assert printed_inline(r"the ``a\*b`` literal", {}) == r"the a\*b literal"


def test_a_sphinx_role_with_a_title_prints_its_title() -> None:
    assert printed_inline(":doc:`the tutorial <tutorial/index>` and :ref:`notes <install>`", {}) == (
        "the tutorial and notes"
    )


def test_a_bare_sphinx_reference_prints_its_target_as_written() -> None:
    # Sphinx would print the section's or page's title, which another file holds: the target is what this one holds.
    assert printed_inline(":ref:`intro` and :doc:`usage/quickstart`", {}) == "intro and usage/quickstart"


def test_a_sphinx_function_prints_with_parentheses_and_a_tilde_path_its_last_part() -> None:
    assert printed_inline(":func:`os.path.join`, :meth:`~pathlib.Path.resolve`, :class:`~pathlib.Path`", {}) == (
        "os.path.join(), resolve(), Path"
    )


def test_a_sphinx_role_s_exclamation_mark_is_not_printed() -> None:
    assert printed_inline(":py:class:`!Foo`", {}) == "Foo"


def test_a_picture_s_substitution_prints_nothing_and_a_characters_one_its_characters() -> None:
    found = substitutions(
        ".. |logo| image:: logo.png\n.. |copy| unicode:: 0xA9 .. copyright sign\n.. |TM| unicode:: U+2122\n"
    )
    assert found == {"logo": "", "copy": "©", "TM": "™"}


def test_a_substitution_s_definition_is_no_paragraph() -> None:
    parsed = parse_bytes(SPHINX_PAGE.encode(), "guide.txt")
    assert not [p.text for a in parsed.articles for p in a.paragraphs if "image::" in p.text or "unicode::" in p.text]


def test_the_parser_and_the_judge_read_sphinx_roles_escapes_and_substitutions_alike(tmp_path: Path) -> None:
    path = tmp_path / "guide.txt"
    path.write_text(SPHINX_PAGE)
    (paragraph,) = [p for a in parse_bytes(SPHINX_PAGE.encode(), path.name).articles for p in a.paragraphs]
    assert paragraph.text.split("\n") == [
        "See the tutorial, intro and Sphinx.",
        "Call os.path.join() on Path and Foo.",
        "Stars written *not emphasis* print as typed, and  the © sign stays.",
    ]
    ref = reference(path)
    assert all(quote_in_reference(sentence, ref) for sentence in paragraph.text.replace("  ", " ").split("\n"))
    assert not quote_in_reference(":doc:`the tutorial <tutorial/index>`", ref)
