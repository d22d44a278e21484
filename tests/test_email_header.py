"""An e-mail's header block is the message's metadata, never a paragraph: it matches the words of many questions
and answers none of them."""

from __future__ import annotations

import pytest

from qa.formats import parse_bytes
from qa.formats.email_header import EmailHeader, email_header
from qa.settings import PROJECT_ROOT

HEADER = (
    b"From: Mara Bos <mara@example.org>\nTo: All members of the project\n"
    b"Date: Fri, 10 Dec 2021 18:12:06 UTC\nSubject: Follow-up on the moderation issue\n\n"
)
BODY = b"Hey all,\n\nI would like to apologize for the delay in getting back to all of you.\n"


@pytest.mark.parametrize("name", ["mail.txt", "mail.md"])
def test_a_saved_email_takes_its_title_author_and_date_from_its_header(name: str) -> None:
    (article,) = parse_bytes(HEADER + BODY, name).articles
    assert (article.title, article.author, article.date) == (
        "Follow-up on the moderation issue",
        "Mara Bos",
        "2021-12-10",
    )


@pytest.mark.parametrize("name", ["mail.txt", "mail.md"])
def test_a_saved_emails_header_is_not_a_paragraph(name: str) -> None:
    (article,) = parse_bytes(HEADER + BODY, name).articles
    assert [p.text for p in article.paragraphs] == [
        "Hey all,",
        "I would like to apologize for the delay in getting back to all of you.",
    ]


def test_a_quoted_emails_header_in_a_real_post_is_dropped_and_does_not_date_the_post() -> None:
    path = PROJECT_ROOT / "eval" / "real" / "docs" / "rust-moderation-follow-up.md"
    (article,) = parse_bytes(path.read_bytes(), path.name).articles
    assert not any("Subject:" in p.text for p in article.paragraphs)
    assert article.paragraphs[1].text == "Hey all,"
    assert article.date is None  # the e-mail's date, not the post's


def test_a_quoted_emails_header_in_text_is_dropped_and_names_no_one() -> None:
    data = b"A Note\n\nThe following e-mail was sent to all members.\n\n" + HEADER + BODY
    (article,) = parse_bytes(data, "note.txt").articles
    assert (article.title, article.author, article.date) == ("A Note", None, None)
    assert not any("Subject:" in p.text for p in article.paragraphs)


@pytest.mark.parametrize(
    "lines",
    [
        ["Date: 10 December 2021"],
        ["To: whom it may concern", "Date: 10 December 2021"],
        ["Title: A Report", "From: the committee"],
    ],
    ids=["one field", "neither from nor subject", "a field mail does not have"],
)
def test_a_block_that_is_not_wholly_a_mail_header_is_text(lines: list[str]) -> None:
    assert email_header(lines) is None


def test_a_sender_given_only_by_address_names_no_one() -> None:
    header = email_header(["From: mara@example.org", "Sent: Monday, March 2, 2020 9:14 AM", "Subject: Rations"])
    assert header == EmailHeader(sender=None, date="2020-03-02", subject="Rations")
